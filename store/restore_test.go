package store

import (
	"errors"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"syscall"
	"testing"
	"time"

	"lumbar/store/diary"
)

var restoreNow = time.Date(2026, 12, 2, 22, 0, 0, 0, time.UTC)

func painNotes(t *testing.T, s *Store) []string {
	t.Helper()
	items, err := Read(s, func(tx *Tx) ([]Item[diary.PainEntry], error) { return Pain.Latest(tx, 100) })
	if err != nil {
		t.Fatal(err)
	}
	var notes []string
	for _, it := range items {
		notes = append(notes, it.Value.Note)
	}
	return notes
}

func TestRestorePutsTheBackupInPlaceAndKeepsTheFileAsItWas(t *testing.T) {
	s := openTemp(t)
	made := time.Date(2026, 11, 27, 9, 0, 0, 0, zoneBerlin)
	mustAppend(t, s, Pain, diary.PainEntry{Stamp: diary.StampAt(made), Pain: 4, Note: "before the backup"})
	backup := filepath.Join(t.TempDir(), "backup.db")
	if err := s.Backup(backup); err != nil {
		t.Fatal(err)
	}
	mustAppend(t, s, Pain, diary.PainEntry{Stamp: diary.StampAt(made.Add(time.Hour)), Pain: 6, Note: "after the backup"})
	backupSum := checksum(t, backup)
	wasSum := checksum(t, s.Path())

	kept, err := Restore(s.Path(), backup, restoreNow)
	if err != nil {
		t.Fatal(err)
	}
	if want := s.Path() + ".before-restore-20261202T220000Z.bak"; kept != want {
		t.Errorf("kept = %s, want %s", kept, want)
	}
	if checksum(t, kept) != wasSum {
		t.Error("the copy kept is not the file as it was")
	}
	if checksum(t, backup) != backupSum {
		t.Error("restoring changed the backup")
	}
	if notes := painNotes(t, s); len(notes) != 1 || notes[0] != "before the backup" {
		t.Errorf("after restoring, the diary holds %q", notes)
	}
	if _, err := Open(kept); err != nil {
		t.Errorf("the copy kept does not open: %v", err)
	}
	assertNoTemporaries(t, filepath.Dir(s.Path()))
}

func TestRestoreWhereThereIsNoDiaryYet(t *testing.T) {
	s := openTemp(t)
	mustAppend(t, s, Water, diary.WaterLog{Stamp: diary.StampAt(restoreNow), ML: 250})
	path := filepath.Join(t.TempDir(), "new", "lumbar.db")
	kept, err := Restore(path, s.Path(), restoreNow)
	if err != nil || kept != "" {
		t.Fatalf("Restore = %q, %v", kept, err)
	}
	if checksum(t, path) != checksum(t, s.Path()) {
		t.Error("the restored file is not the backup")
	}
}

func TestRestoreRefusesWhatIsNoGoodBackup(t *testing.T) {
	dir := t.TempDir()
	s := openTemp(t)
	mustAppend(t, s, Water, diary.WaterLog{Stamp: diary.StampAt(restoreNow), ML: 250})
	write := func(name string, data []byte) string {
		p := filepath.Join(dir, name)
		if err := os.WriteFile(p, data, 0o600); err != nil {
			t.Fatal(err)
		}
		return p
	}
	for _, c := range []struct {
		name, backup string
		reason       error
		says         string
	}{
		{"missing", filepath.Join(dir, "nope.db"), fs.ErrNotExist, "cannot be read"},
		{"a few bytes", write("short.db", []byte("hello\n")), ErrNotDatabase, "choose another backup"},
		{"zero bytes", write("empty.db", nil), ErrEmptyFile, "choose another backup"},
		{"another program's file", foreignBolt(t, dir), ErrForeign, "choose another backup"},
		{"a newer schema", newerSchema(t, dir), ErrNewerSchema, "newer lumbar"},
		{"a folder", dir, ErrUnreadable, "is a folder"},
		{"the data file itself", s.Path(), nil, "is the data file itself"},
	} {
		t.Run(c.name, func(t *testing.T) {
			before := checksum(t, s.Path())
			_, err := Restore(s.Path(), c.backup, restoreNow)
			if err == nil || (c.reason != nil && !errors.Is(err, c.reason)) || !strings.Contains(err.Error(), c.says) || strings.Contains(err.Error(), "\n") {
				t.Fatalf("Restore = %v; want %v, one line with %q", err, c.reason, c.says)
			}
			if checksum(t, s.Path()) != before {
				t.Error("a refused restore changed the data file")
			}
			if kept, _ := filepath.Glob(s.Path() + ".before-restore-*"); len(kept) != 0 {
				t.Errorf("a refused restore kept %v", kept)
			}
			assertNoTemporaries(t, filepath.Dir(s.Path()))
		})
	}
}

func assertNoTemporaries(t *testing.T, dir string) {
	t.Helper()
	entries, _ := os.ReadDir(dir)
	for _, e := range entries {
		if strings.HasPrefix(e.Name(), ".lumbar-") {
			t.Errorf("left behind %s", e.Name())
		}
	}
}

// A write that was waiting for the lock while a backup was put in place
// (renamed over the path) goes into the file the path names now, not
// into the replaced one nobody will read again.
func TestWriteWaitingDuringRestoreGoesIntoTheRestoredFile(t *testing.T) {
	s := openTemp(t)
	mustAppend(t, s, Pain, diary.PainEntry{Stamp: diary.StampAt(time.Now().Add(-time.Hour)), Pain: 3})
	backup := filepath.Join(t.TempDir(), "backup.db")
	if err := s.Backup(backup); err != nil {
		t.Fatal(err)
	}
	holder, err := os.OpenFile(s.Path(), os.O_RDWR, 0)
	if err != nil {
		t.Fatal(err)
	}
	if err := syscall.Flock(int(holder.Fd()), syscall.LOCK_EX); err != nil {
		t.Fatal(err)
	}
	waiting := make(chan struct{})
	var once sync.Once
	s.lockWaiting = func() { once.Do(func() { close(waiting) }) }
	written := make(chan error)
	go func() {
		_, err := Pain.Append(s, diary.PainEntry{Stamp: diary.StampAt(time.Now()), Pain: 5})
		written <- err
	}()
	<-waiting // the writer holds the old file open and waits for its lock
	if err := os.Rename(backup, s.Path()); err != nil {
		t.Fatal(err)
	}
	holder.Close() // the old file's lock is free: the writer must notice the path moved on
	if err := <-written; err != nil {
		t.Fatal(err)
	}
	s.lockWaiting = nil
	n, err := Read(s, func(tx *Tx) (int, error) {
		items, err := Pain.Latest(tx, 10)
		return len(items), err
	})
	if err != nil || n != 2 {
		t.Errorf("the file at the path holds %d entries (%v); want the backup's one and the waiting write", n, err)
	}
}
