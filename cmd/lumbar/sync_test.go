package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"lumbar/store/synclog"
)

func init() {
	synclog.WorkFactor = 10 // scrypt at full cost takes a second per replica
}

// Two computers, one folder: what one logs and the other deletes or adds
// ends up the same on both, as their exports show.
func TestSyncTwoComputersThroughAFolder(t *testing.T) {
	dir := t.TempDir()
	laptop, desktop := filepath.Join(t.TempDir(), "laptop.db"), filepath.Join(t.TempDir(), "desktop.db")
	env := map[string]string{passphraseEnv: "our diary"}
	mustRun := func(db string, args ...string) string {
		t.Helper()
		code, out, errOut := runCLI(t, env, append([]string{"--db", db}, args...)...)
		if code != exitOK {
			t.Fatalf("%v: exit %d, %q", args, code, errOut)
		}
		return out
	}
	mustRun(laptop, "log", "4")
	mustRun(laptop, "water")
	if out := mustRun(laptop, "sync", dir); out != "synced with "+quote(dir)+": sent 2 changes, took in 0 changes from 0 other computers\n" {
		t.Errorf("first sync: %q", out)
	}
	if out := mustRun(desktop, "sync", dir); !strings.Contains(out, "took in 2 changes from 1 other computer\n") {
		t.Errorf("the second computer's first sync: %q", out)
	}
	mustRun(desktop, "water", "--undo")
	mustRun(desktop, "config", "set", "water.goal", "1800")
	mustRun(desktop, "sync", dir)
	if out := mustRun(laptop, "sync", dir); !strings.Contains(out, "sent 0 changes, took in 2 changes from 1 other computer") {
		t.Errorf("the laptop's second sync: %q", out)
	}
	exports := map[string][]byte{}
	for _, db := range []string{laptop, desktop} {
		out := filepath.Join(t.TempDir(), "export.json")
		mustRun(db, "export", "--out", out)
		data, err := os.ReadFile(out)
		if err != nil {
			t.Fatal(err)
		}
		exports[db] = data
	}
	if string(exports[laptop]) != string(exports[desktop]) {
		t.Errorf("the two computers differ:\n%s\n%s", exports[laptop], exports[desktop])
	}
	for _, want := range []string{`"pain": 4`, `"water.goal"`} {
		if !strings.Contains(string(exports[laptop]), want) {
			t.Errorf("the synced diary lacks %s:\n%s", want, exports[laptop])
		}
	}
	if !strings.Contains(string(exports[laptop]), `"water": []`) {
		t.Errorf("the drink taken back on the desktop is still on the laptop:\n%s", exports[laptop])
	}
}

// A first sync without a passphrase, or with the wrong one, is refused
// in one line and sets nothing up; a later one with the right one works.
func TestSyncRefusalsSetNothingUp(t *testing.T) {
	dir := t.TempDir()
	first, second := filepath.Join(t.TempDir(), "a.db"), filepath.Join(t.TempDir(), "b.db")
	if code, _, errOut := runCLI(t, map[string]string{passphraseEnv: "right"}, "--db", first, "sync", dir); code != exitOK {
		t.Fatalf("first computer: %q", errOut)
	}
	wrongFile := filepath.Join(t.TempDir(), "pass")
	if err := os.WriteFile(wrongFile, []byte("wrong\n"), 0o600); err != nil {
		t.Fatal(err)
	}
	for _, c := range []struct {
		env  map[string]string
		args []string
		says string
	}{
		{nil, []string{"sync", dir}, "needs the diary's passphrase: pass --passphrase-file FILE or set " + passphraseEnv},
		{nil, []string{"sync", dir, "--passphrase-file", wrongFile}, "does not open this diary's sync files"},
		{map[string]string{passphraseEnv: "wrong"}, []string{"sync", dir}, "does not open this diary's sync files"},
		{nil, []string{"sync", filepath.Join(dir, "missing")}, "is not a folder"},
	} {
		refusedSync(t, second, c.env, c.args, c.says)
	}
	if code, _, errOut := runCLI(t, nil, "--db", second, "sync"); code != exitUsage || !strings.Contains(errOut, "sync needs one folder DIR") {
		t.Errorf("sync without DIR: exit %d, %q", code, errOut)
	}
	rightFile := filepath.Join(t.TempDir(), "pass")
	if err := os.WriteFile(rightFile, []byte("right\n"), 0o600); err != nil {
		t.Fatal(err)
	}
	if code, out, errOut := runCLI(t, nil, "--db", second, "sync", dir, "--passphrase-file", rightFile); code != exitOK || !strings.Contains(out, "from 1 other computer") {
		t.Errorf("the right passphrase: exit %d, %q, %q", code, out, errOut)
	}
	// Once set up, a passphrase given is still checked: another one is
	// refused, nothing synced; none, or the right one, syncs.
	before := sum(t, second)
	refusedSync(t, second, map[string]string{passphraseEnv: "wrong"}, []string{"sync", dir}, "does not open this diary's sync files")
	refusedSync(t, second, nil, []string{"sync", dir, "--passphrase-file", wrongFile}, "does not open this diary's sync files")
	if sum(t, second) != before {
		t.Error("a refused passphrase changed the data file")
	}
	for _, env := range []map[string]string{nil, {passphraseEnv: "right"}} {
		if code, _, errOut := runCLI(t, env, "--db", second, "sync", dir); code != exitOK {
			t.Errorf("a later sync with %v: exit %d, %q", env, code, errOut)
		}
	}
}

// refusedSync runs lumbar sync on db, which must be refused in one line
// saying says.
func refusedSync(t *testing.T, db string, env map[string]string, args []string, says string) {
	t.Helper()
	code, out, errOut := runCLI(t, env, append([]string{"--db", db}, args...)...)
	if code != exitError || out != "" || !strings.Contains(errOut, says) || strings.Count(errOut, "\n") != 1 {
		t.Errorf("%v: exit %d, %q, %q; want it to say %q", args, code, out, errOut, says)
	}
}
