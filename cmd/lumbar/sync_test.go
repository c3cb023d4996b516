package main

import (
	"crypto/sha256"
	"fmt"
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
	mustRun := runOn(t, env)
	mustRun(laptop, "log", "4")
	mustRun(laptop, "water")
	if out := mustRun(laptop, "sync", dir); out != "synced with "+quote(dir)+": sent 2 changes, took in 0 changes from 0 other computers\n"+
		"kept as sync.dir: the app and lumbar remind sync with this folder every 5m (sync.interval), and lumbar sync alone uses it\n" {
		t.Errorf("first sync: %q", out)
	}
	if out := mustRun(desktop, "sync", dir); !strings.Contains(out, "took in 2 changes from 1 other computer\n") {
		t.Errorf("the second computer's first sync: %q", out)
	}
	mustRun(desktop, "water", "--undo")
	mustRun(desktop, "config", "set", "water.goal", "1800")
	mustRun(desktop, "sync")
	if out := mustRun(laptop, "sync"); out != "synced with "+quote(dir)+": sent 0 changes, took in 2 changes from 1 other computer\n" {
		t.Errorf("the laptop's second sync, with the folder it kept: %q", out)
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

// runOn runs lumbar with env on a data file, failing the test on a
// refusal; it returns the standard output.
func runOn(t *testing.T, env map[string]string) func(db string, args ...string) string {
	return func(db string, args ...string) string {
		t.Helper()
		code, out, errOut := runCLI(t, env, append([]string{"--db", db}, args...)...)
		if code != exitOK {
			t.Fatalf("%v: exit %d, %q", args, code, errOut)
		}
		return out
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
	none := filepath.Join(t.TempDir(), "none.db")
	if code, _, errOut := runCLI(t, nil, "--db", none, "sync"); code != exitUsage ||
		!strings.Contains(errOut, "lumbar sync alone uses the folder it kept (the sync.dir setting)") {
		t.Errorf("sync without DIR and without a diary: exit %d, %q", code, errOut)
	}
	if _, err := os.Stat(none); err == nil {
		t.Error("a sync refused for want of a folder made a diary")
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

// A data file copied to a second computer: once both wrote and synced,
// the copy's sync is refused in one line naming the fix, leaving the
// folder as it was; after the fix both computers hold every entry.
func TestCopiedDataFileIsToldTheFix(t *testing.T) {
	laptopDir, desktopDir := t.TempDir(), t.TempDir()
	laptop := filepath.Join(t.TempDir(), "laptop.db")
	desktop := filepath.Join(t.TempDir(), "desktop.db")
	env := map[string]string{passphraseEnv: "our diary"}
	mustRun := runOn(t, env)
	carry := func(from, to string) { // the sync tool: the newer file wins
		t.Helper()
		if err := os.MkdirAll(filepath.Join(to, "lumbar"), 0o700); err != nil {
			t.Fatal(err)
		}
		entries, _ := os.ReadDir(filepath.Join(from, "lumbar"))
		for _, e := range entries {
			data, _ := os.ReadFile(filepath.Join(from, "lumbar", e.Name()))
			if err := os.WriteFile(filepath.Join(to, "lumbar", e.Name()), data, 0o600); err != nil {
				t.Fatal(err)
			}
		}
	}
	mustRun(laptop, "log", "4")
	mustRun(laptop, "sync", laptopDir)
	data, err := os.ReadFile(laptop)
	if err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(desktop, data, 0o600); err != nil {
		t.Fatal(err)
	}
	carry(laptopDir, desktopDir)
	mustRun(laptop, "water")
	mustRun(desktop, "log", "6", "--note", "at the desk")
	mustRun(desktop, "sync", desktopDir)
	mustRun(laptop, "sync", laptopDir)
	carry(laptopDir, desktopDir)

	before := folderSum(t, desktopDir)
	code, out, errOut := runCLI(t, env, "--db", desktop, "sync", desktopDir)
	fix := "lumbar sync " + quote(desktopDir) + " --new-identity"
	if code != exitError || out != "" || strings.Count(errOut, "\n") != 1 ||
		!strings.Contains(errOut, "also used by another computer (the data file was probably copied") || !strings.Contains(errOut, fix) {
		t.Fatalf("the copy's sync: exit %d, %q, %q", code, out, errOut)
	}
	if folderSum(t, desktopDir) != before {
		t.Error("the refused sync changed the folder")
	}
	if out := mustRun(desktop, "sync", desktopDir, "--new-identity"); !strings.Contains(out, "everything it holds goes out again") {
		t.Errorf("the fix: %q", out)
	}
	carry(desktopDir, laptopDir)
	mustRun(laptop, "sync", laptopDir)
	carry(laptopDir, desktopDir)
	mustRun(desktop, "sync", desktopDir)
	exports := map[string]string{}
	for _, db := range []string{laptop, desktop} {
		exports[db] = mustRun(db, "export")
	}
	if exports[laptop] != exports[desktop] {
		t.Errorf("the two computers differ:\n%s\n%s", exports[laptop], exports[desktop])
	}
	for _, want := range []string{`"pain": 4`, `"pain": 6`, `"at the desk"`, `"ml": 250`} {
		if !strings.Contains(exports[laptop], want) {
			t.Errorf("the diary lacks %s:\n%s", want, exports[laptop])
		}
	}
}

// folderSum is a digest of every file in DIR/lumbar.
func folderSum(t *testing.T, dir string) string {
	t.Helper()
	entries, err := os.ReadDir(filepath.Join(dir, "lumbar"))
	if err != nil {
		t.Fatal(err)
	}
	h := sha256.New()
	for _, e := range entries {
		data, err := os.ReadFile(filepath.Join(dir, "lumbar", e.Name()))
		if err != nil {
			t.Fatal(err)
		}
		fmt.Fprintf(h, "%s %d %x\n", e.Name(), len(data), sha256.Sum256(data))
	}
	return fmt.Sprintf("%x", h.Sum(nil))
}

// A backup put back in place of a diary that syncs is a copy of it as it
// was: it gets a sync identity of its own, so its next sync is not
// refused, and takes in what was written after the backup.
func TestRestoredDiarySyncsUnderItsOwnIdentity(t *testing.T) {
	dir := t.TempDir()
	db, backup := filepath.Join(t.TempDir(), "a.db"), filepath.Join(t.TempDir(), "a.bak")
	run := runOn(t, map[string]string{passphraseEnv: "p"})
	run(db, "log", "4")
	run(db, "sync", dir)
	run(db, "backup", backup)
	run(db, "log", "5")
	run(db, "sync", dir)
	if out := run(db, "restore", backup); !strings.Contains(out, "no longer as") {
		t.Errorf("restore: %q", out)
	}
	if out := run(db, "sync", dir); !strings.Contains(out, "took in 1 change from 1 other computer") {
		t.Errorf("the restored diary's sync: %q", out)
	}
	if out := run(db, "export"); !strings.Contains(out, `"pain": 4`) || !strings.Contains(out, `"pain": 5`) {
		t.Errorf("the restored diary after its sync:\n%s", out)
	}
}

// A file in the folder that is no sync log holds up no computer: the
// sync takes in the others, says what it did, then names the file in
// one line and exits 1.
func TestSyncPassesOverAFileThatIsNoLog(t *testing.T) {
	dir := t.TempDir()
	laptop, desktop := filepath.Join(t.TempDir(), "laptop.db"), filepath.Join(t.TempDir(), "desktop.db")
	env := map[string]string{passphraseEnv: "our diary"}
	mustRun := runOn(t, env)
	mustRun(laptop, "log", "4")
	mustRun(laptop, "sync", dir)
	if err := os.WriteFile(filepath.Join(dir, "lumbar", "ZZZZ.log"), []byte("notes\n"), 0o600); err != nil {
		t.Fatal(err)
	}
	code, out, errOut := runCLI(t, env, "--db", desktop, "sync", dir)
	if code != exitError || !strings.Contains(out, "took in 1 change from 1 other computer\n") ||
		errOut != "lumbar: sync log ZZZZ.log: not a lumbar sync log; the other computers' changes were taken in\n" {
		t.Errorf("exit %d, %q, %q", code, out, errOut)
	}
	if out := mustRun(desktop, "history"); !strings.Contains(out, "pain 4") {
		t.Errorf("the laptop's entry did not arrive: %q", out)
	}
}
