package main

import (
	"bytes"
	"crypto/sha256"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"lumbar/store"
)

// runNow is the clock runCLI gives lumbar.
var runNow = time.Date(2026, 11, 27, 9, 0, 0, 0, time.UTC)

// runCLI runs lumbar in-process with no terminal attached.
func runCLI(t *testing.T, env map[string]string, args ...string) (code int, stdout, stderr string) {
	t.Helper()
	devnull, err := os.Open(os.DevNull)
	if err != nil {
		t.Fatal(err)
	}
	defer devnull.Close()
	var out, errOut bytes.Buffer
	code = run(args, system{
		stdin:  devnull,
		stdout: &out,
		stderr: &errOut,
		getenv: func(k string) string { return env[k] },
		now:    func() time.Time { return runNow },
	})
	return code, out.String(), errOut.String()
}

func TestHelpListsCommandsAndDataPath(t *testing.T) {
	env := map[string]string{"XDG_DATA_HOME": "/home/ana/.local/share"}
	for _, flag := range []string{"--help", "-h"} {
		code, out, errOut := runCLI(t, env, flag)
		if code != exitOK || errOut != "" {
			t.Fatalf("%s: exit %d, stderr %q", flag, code, errOut)
		}
		for _, want := range []string{"Usage:", "--db PATH", "--version", "backup FILE", "/home/ana/.local/share/lumbar/lumbar.db"} {
			if !strings.Contains(out, want) {
				t.Errorf("%s output lacks %q:\n%s", flag, want, out)
			}
		}
	}
}

func TestVersion(t *testing.T) {
	code, out, _ := runCLI(t, nil, "--version")
	if code != exitOK || out != "lumbar dev\n" {
		t.Errorf("--version: exit %d, %q", code, out)
	}
}

func TestMisuseExitsTwoWithUsage(t *testing.T) {
	dir := t.TempDir()
	for _, args := range [][]string{{"--bogus"}, {"frobnicate"}, {"--db"}, {"--db", filepath.Join(dir, "x.db"), "backup"}} {
		code, out, errOut := runCLI(t, nil, args...)
		if code != exitUsage {
			t.Errorf("%v: exit %d, want %d", args, code, exitUsage)
		}
		if out != "" || !strings.HasPrefix(errOut, "lumbar: ") || !strings.Contains(errOut, "Usage:") {
			t.Errorf("%v: want a one-line problem then usage on stderr; got stdout %q stderr %q", args, out, errOut)
		}
	}
}

func TestUnknownCommandTouchesNoFile(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "lumbar.db")
	if code, _, _ := runCLI(t, map[string]string{"LUMBAR_DB": path}, "frobnicate"); code != exitUsage {
		t.Fatalf("exit %d", code)
	}
	if _, err := os.Stat(path); err == nil {
		t.Error("an unknown command created the data file")
	}
}

// A bad data file is reported as one plain line before the terminal check:
// these runs have no terminal, yet the file's problem is what they say.
func TestBadDataFileIsReportedFirst(t *testing.T) {
	dir := t.TempDir()
	garbage := filepath.Join(dir, "garbage.db")
	if err := os.WriteFile(garbage, bytes.Repeat([]byte("not a database "), 500), 0o600); err != nil {
		t.Fatal(err)
	}
	empty := filepath.Join(dir, "empty.db")
	if err := os.WriteFile(empty, nil, 0o600); err != nil {
		t.Fatal(err)
	}
	for _, path := range []string{garbage, empty, dir} {
		before := sum(t, path)
		code, out, errOut := runCLI(t, nil, "--db", path)
		if code != exitError {
			t.Errorf("--db %s: exit %d, want 1", path, code)
		}
		if out != "" || strings.Count(errOut, "\n") != 1 || !strings.Contains(errOut, path) ||
			strings.Contains(errOut, "terminal") {
			t.Errorf("--db %s: want one line naming the file; got %q", path, errOut)
		}
		if sum(t, path) != before {
			t.Errorf("--db %s changed the file", path)
		}
	}
}

func sum(t *testing.T, path string) [32]byte {
	info, err := os.Stat(path)
	if err != nil {
		t.Fatal(err)
	}
	if info.IsDir() {
		return [32]byte{}
	}
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	return sha256.Sum256(b)
}

func TestAppWithoutTerminalSaysSo(t *testing.T) {
	path := filepath.Join(t.TempDir(), "sub", "lumbar.db")
	code, out, errOut := runCLI(t, nil, "--db", path)
	if code != exitError || out != "" || !strings.Contains(errOut, "needs a terminal") || strings.Count(errOut, "\n") != 1 {
		t.Errorf("exit %d, stdout %q, stderr %q", code, out, errOut)
	}
	if _, err := os.Stat(path); err != nil {
		t.Errorf("the data file should have been created and checked first: %v", err)
	}
}

func TestDataPathPrecedence(t *testing.T) {
	env := map[string]string{"LUMBAR_DB": "/env/l.db", "XDG_DATA_HOME": "/xdg"}
	getenv := func(k string) string { return env[k] }
	if got := dataPath("/flag/l.db", getenv); got != "/flag/l.db" {
		t.Errorf("--db should win: %s", got)
	}
	if got := dataPath("", getenv); got != "/env/l.db" {
		t.Errorf("LUMBAR_DB should come next: %s", got)
	}
	delete(env, "LUMBAR_DB")
	if got := dataPath("", getenv); got != "/xdg/lumbar/lumbar.db" {
		t.Errorf("then XDG_DATA_HOME: %s", got)
	}
	env["XDG_DATA_HOME"] = "relative/path" // the XDG spec says to ignore it
	if got := dataPath("", getenv); !filepath.IsAbs(got) {
		t.Errorf("a relative XDG_DATA_HOME was used: %s", got)
	}
}

func TestBackupCommand(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "lumbar.db")
	s, err := store.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := store.Append(s, store.BucketPain, store.PainEntry{Stamp: store.StampAt(time.Now()), Pain: 4}); err != nil {
		t.Fatal(err)
	}
	dst := filepath.Join(dir, "copy.db")
	code, out, errOut := runCLI(t, nil, "--db", path, "backup", dst)
	if code != exitOK || !strings.Contains(out, dst) || errOut != "" {
		t.Fatalf("backup: exit %d, %q, %q", code, out, errOut)
	}
	copied, err := store.Open(dst)
	if err != nil {
		t.Fatalf("the backup does not open: %v", err)
	}
	if sum, _ := copied.Summary(time.Now()); sum.LatestPain == nil || sum.LatestPain.Pain != 4 {
		t.Error("the backup lacks the record")
	}
	before := sha256.Sum256(mustRead(t, dst))
	code, _, errOut = runCLI(t, nil, "--db", path, "backup", dst)
	if code != exitError || !strings.Contains(errOut, "already exists") {
		t.Errorf("second backup to the same file: exit %d, %q", code, errOut)
	}
	if sha256.Sum256(mustRead(t, dst)) != before {
		t.Error("an existing backup was overwritten")
	}
}

func mustRead(t *testing.T, path string) []byte {
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	return b
}
