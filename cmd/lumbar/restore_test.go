package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"lumbar/store/damagetest"
)

func TestRestorePutsABackupBack(t *testing.T) {
	path, lumbar := freshDiary(t)
	backup := filepath.Join(t.TempDir(), "backup.db")
	for _, args := range [][]string{{"log", "4", "--note", "kept in the backup"}, {"backup", backup}, {"log", "6", "--note", "made after"}} {
		if code, _, errOut := lumbar(args...); code != exitOK {
			t.Fatalf("%q: %s", args, errOut)
		}
	}
	was := sum(t, path)
	code, out, errOut := lumbar("restore", backup)
	kept := path + ".before-restore-20261127T090000Z.bak"
	if code != exitOK || !strings.Contains(out, "restored "+quote(path)) || !strings.Contains(out, "kept at "+quote(kept)) {
		t.Fatalf("restore: %d %q %q", code, out, errOut)
	}
	if sum(t, kept) != was {
		t.Error("the file kept is not the diary as it was")
	}
	if _, out, _ := lumbar("history"); !strings.Contains(out, "kept in the backup") || strings.Contains(out, "made after") {
		t.Errorf("history after restoring: %q", out)
	}
	if _, out, _ := runCLI(t, nil, "--db", kept, "history"); !strings.Contains(out, "made after") {
		t.Errorf("the file kept lacks the newer entry: %q", out)
	}
}

// Every refusal is one line and leaves the data file as it was: exit 2
// for what was typed, 1 for a backup that cannot be restored.
func TestRestoreRefusals(t *testing.T) {
	path, lumbar := freshDiary(t)
	if code, _, errOut := lumbar("log", "4"); code != exitOK {
		t.Fatal(errOut)
	}
	dir := t.TempDir()
	notLumbar := filepath.Join(dir, "notes.txt")
	if err := os.WriteFile(notLumbar, []byte("just some notes\n"), 0o600); err != nil {
		t.Fatal(err)
	}
	for _, tt := range []struct {
		args []string
		code int
		says string
	}{
		{[]string{"restore"}, exitUsage, "restore needs one BACKUP"},
		{[]string{"restore", "a.db", "b.db"}, exitUsage, "restore needs one BACKUP"},
		{[]string{"restore", filepath.Join(dir, "missing.db")}, exitError, "cannot be read"},
		{[]string{"restore", notLumbar}, exitError, "is not a lumbar data file"},
		{[]string{"restore", dir}, exitError, "is a folder"},
		{[]string{"restore", path}, exitError, "is the data file itself"},
	} {
		before := sum(t, path)
		code, out, errOut := lumbar(tt.args...)
		if code != tt.code || out != "" || !strings.Contains(errOut, tt.says) || strings.Count(errOut, "\n") != 1 {
			t.Errorf("%q: exit %d, stdout %q, stderr %q; want %d and %q in one line", tt.args, code, out, errOut, tt.code, tt.says)
		}
		if sum(t, path) != before {
			t.Errorf("%q changed the diary", tt.args)
		}
	}
	if kept, _ := filepath.Glob(path + ".before-restore-*"); len(kept) != 0 {
		t.Errorf("a refused restore kept %v", kept)
	}
}

// A damaged backup is refused (or, when its pages are sound, restored
// as the file it is); a damaged diary is what restore is for: it is kept
// byte for byte, and the backup takes its place.
func TestRestoreWithDamagedFiles(t *testing.T) {
	src := damagetest.DemoFile(t)
	for _, c := range damagetest.Make(t, src, 8, 4) {
		path, lumbar := freshDiary(t)
		before := sum(t, path)
		code, _, errOut := lumbar("restore", c.Path)
		checkDamagedRun(t, c, []string{"restore"}, code, errOut)
		if code != exitOK && sum(t, path) != before {
			t.Errorf("%s: a refused restore changed the diary", c.How)
		}

		damaged := sum(t, c.Path)
		code, out, errOut := runCLI(t, nil, "--db", c.Path, "restore", src)
		if code != exitOK {
			t.Errorf("%s: restoring over a damaged diary: %d %q", c.How, code, errOut)
			continue
		}
		if sum(t, c.Path) != sum(t, src) || !strings.Contains(out, "kept at") {
			t.Errorf("%s: the backup did not take the damaged diary's place: %q", c.How, out)
		}
		if kept := c.Path + ".before-restore-20261127T090000Z.bak"; sum(t, kept) != damaged {
			t.Errorf("%s: the damaged diary was not kept byte for byte", c.How)
		}
	}
}
