package store

import (
	"os"
	"path/filepath"
	"testing"
	"time"
)

// Temporary files a killed lumbar left behind are removed at the next
// open (data folder) or backup (the backup's folder) once they are older
// than a few minutes; anything else, and a lumbar's file still being
// written, is left alone.
func TestStaleTemporaryFilesAreRemoved(t *testing.T) {
	dataDir, backupDir := t.TempDir(), t.TempDir()
	old := time.Now().Add(-time.Hour)
	place := func(dir, name string, modified time.Time) string {
		p := filepath.Join(dir, name)
		if err := os.WriteFile(p, []byte("half a file"), 0o600); err != nil {
			t.Fatal(err)
		}
		if err := os.Chtimes(p, modified, modified); err != nil {
			t.Fatal(err)
		}
		return p
	}
	gone := []string{
		place(dataDir, ".lumbar-new-123456", old),
		place(dataDir, ".lumbar-copy-98765", old),
		place(backupDir, ".lumbar-copy-4242", old),
	}
	kept := []string{
		place(dataDir, ".lumbar-new-555", time.Now()), // another lumbar at work
		place(backupDir, ".lumbar-copy-777", time.Now()),
		place(dataDir, ".lumbar-new-notes", old), // not a name lumbar makes
		place(dataDir, "lumbar-new-1", old),
		place(backupDir, ".lumbar-new-31", old), // a backup folder only gets copies
	}
	folder := filepath.Join(dataDir, ".lumbar-copy-1")
	if err := os.Mkdir(folder, 0o700); err != nil {
		t.Fatal(err)
	}
	if err := os.Chtimes(folder, old, old); err != nil {
		t.Fatal(err)
	}
	link := filepath.Join(dataDir, ".lumbar-copy-2")
	if err := os.Symlink(gone[0], link); err != nil {
		t.Fatal(err)
	}
	kept = append(kept, folder, link)

	s, err := Open(filepath.Join(dataDir, "lumbar.db"))
	if err != nil {
		t.Fatal(err)
	}
	if err := s.Backup(filepath.Join(backupDir, "copy.db")); err != nil {
		t.Fatal(err)
	}
	for _, p := range gone {
		if _, err := os.Lstat(p); err == nil {
			t.Errorf("%s was left behind", p)
		}
	}
	for _, p := range kept {
		if _, err := os.Lstat(p); err != nil {
			t.Errorf("%s was removed: %v", p, err)
		}
	}
}
