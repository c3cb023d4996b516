package store

import (
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"lumbar/store/diary"
)

func syncSettings(t *testing.T, s *Store) diary.Settings {
	t.Helper()
	set, err := Read(s, LoadSettings)
	if err != nil {
		t.Fatal(err)
	}
	return set
}

func mustChangeSettings(t *testing.T, s *Store, texts map[string]string) {
	t.Helper()
	if err := s.Update(func(tx *Tx) error { return ChangeSettings(tx, texts) }); err != nil {
		t.Fatal(err)
	}
}

// The first sync keeps its folder as sync.dir, in the set-up's
// transaction; a later sync with another folder, or a setting the person
// chose (off), leaves it alone. A replica set up before sync.dir existed
// keeps the folder of its next sync.
func TestFirstSyncKeepsItsFolder(t *testing.T) {
	r := replicaUnderTest{s: openTemp(t), folder: t.TempDir()}
	if res := mustSync(t, r); !res.Kept || syncSettings(t, r.s).SyncDir != r.folder {
		t.Fatalf("first sync: kept %v, sync.dir %q", res.Kept, syncSettings(t, r.s).SyncDir)
	}
	if res := mustSync(t, replicaUnderTest{s: r.s, folder: t.TempDir()}); res.Kept || syncSettings(t, r.s).SyncDir != r.folder {
		t.Errorf("a sync with another folder: kept %v, sync.dir %q", res.Kept, syncSettings(t, r.s).SyncDir)
	}

	off := replicaUnderTest{s: openTemp(t), folder: t.TempDir()}
	mustChangeSettings(t, off.s, map[string]string{"sync.dir": "off"})
	if res := mustSync(t, off); res.Kept || syncSettings(t, off.s).SyncDir != "" {
		t.Errorf("sync.dir off: kept %v, now %q", res.Kept, syncSettings(t, off.s).SyncDir)
	}

	older := replicaUnderTest{s: openTemp(t), folder: t.TempDir()}
	mustSync(t, older)
	if err := older.s.Update(func(tx *Tx) error { return DeleteSetting(tx, "sync.dir") }); err != nil {
		t.Fatal(err) // as a lumbar before sync.dir left it
	}
	if res := mustSync(t, older); !res.Kept || syncSettings(t, older.s).SyncDir != older.folder {
		t.Errorf("a replica set up earlier: kept %v, sync.dir %q", res.Kept, syncSettings(t, older.s).SyncDir)
	}
	for _, op := range mustOutbox(t, older.s) {
		if op.Setting == "sync.dir" {
			t.Error("the folder went into the outbox")
		}
	}
}

// A sync with a folder that is not there (a disk not connected) makes
// nothing: neither the folder nor a replica.
func TestSyncWithAMissingFolderMakesNothing(t *testing.T) {
	s := openTemp(t)
	before := checksum(t, s.Path())
	missing := filepath.Join(t.TempDir(), "usb-stick")
	_, err := SyncDir(s, missing, passphraseIs("x"))
	if err == nil || !strings.Contains(err.Error(), "is not a folder") || strings.Contains(err.Error(), "\n") {
		t.Errorf("a missing folder: %v", err)
	}
	if _, statErr := os.Stat(missing); !errors.Is(statErr, os.ErrNotExist) || checksum(t, s.Path()) != before {
		t.Errorf("a sync with a missing folder made it (%v) or changed the file", statErr)
	}
}

// A sync that finds nothing new writes nothing to the data file: the
// revision stays, so open apps have nothing to reload.
func TestSyncWithNothingNewWritesNothing(t *testing.T) {
	rs := newReplicas(t, 2)
	mustAppend(t, rs[0].s, Pain, painAt(outboxAt, 3))
	mustSync(t, rs[0])
	deliver(t, rs[0], rs[1], whole)
	if res := mustSync(t, rs[1]); res.Applied != 1 {
		t.Fatalf("applied %d", res.Applied)
	}
	before := checksum(t, rs[1].s.Path())
	if res := mustSync(t, rs[1]); res.Applied != 0 || res.Logs != 1 || checksum(t, rs[1].s.Path()) != before {
		t.Errorf("a sync with nothing new: %+v, file changed %v", res, checksum(t, rs[1].s.Path()) != before)
	}
}

// One sync of a data file at a time: another waits, then says so.
func TestOneSyncAtATime(t *testing.T) {
	r := newReplicas(t, 1)[0]
	defer func(wait time.Duration) { syncLockWait = wait }(syncLockWait)
	syncLockWait = 0
	release, err := r.s.lockSync()
	if err != nil {
		t.Fatal(err)
	}
	if _, err := SyncDir(r.s, r.folder, passphraseIs("x")); !errors.Is(err, ErrSyncRunning) {
		t.Errorf("a second sync at once: %v", err)
	}
	release()
	mustSync(t, r)
}

// AutoSync syncs only a replica with sync.dir set, and, as the app
// closes, only when there is something to send.
func TestAutoSync(t *testing.T) {
	s := openTemp(t)
	if res, err := AutoSync(s, SyncAlways); !errors.Is(err, ErrSyncOff) || res.Interval != 5*time.Minute {
		t.Errorf("sync.dir off: %+v, %v", res, err)
	}
	folder := t.TempDir()
	mustChangeSettings(t, s, map[string]string{"sync.dir": folder, "sync.interval": "15m"})
	if res, err := AutoSync(s, SyncAlways); !errors.Is(err, ErrNotReplica) || res.Dir != folder || res.Interval != 15*time.Minute {
		t.Errorf("no replica: %+v, %v", res, err)
	}
	if entries, _ := os.ReadDir(folder); len(entries) != 0 {
		t.Errorf("a sync without a replica wrote to the folder: %v", entries)
	}
	mustSync(t, replicaUnderTest{s: s, folder: folder})
	if res, err := AutoSync(s, SyncIfPending); err != nil || res.Ran {
		t.Errorf("nothing to send, leaving: %+v, %v", res, err)
	}
	mustAppend(t, s, Pain, painAt(outboxAt, 3))
	if res, err := AutoSync(s, SyncIfPending); err != nil || !res.Ran || res.Sent != 1 {
		t.Errorf("an entry to send, leaving: %+v, %v", res, err)
	}
	if res, err := AutoSync(s, SyncAlways); err != nil || !res.Ran || res.Sent != 0 {
		t.Errorf("a timed sync: %+v, %v", res, err)
	}
	if err := os.RemoveAll(folder); err != nil {
		t.Fatal(err)
	}
	if _, err := AutoSync(s, SyncAlways); err == nil || !strings.Contains(err.Error(), "is not a folder") {
		t.Errorf("the folder gone: %v", err)
	}
}
