package store

import (
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"testing"
	"time"

	"lumbar/store/diary"

	bolt "go.etcd.io/bbolt"
)

// withExtraMigration is today's history plus one more step.
func withExtraMigration(apply func(*bolt.Tx) error) []migration {
	extra := migration{to: SchemaVersion() + 1, about: "test step", apply: apply}
	return append(append([]migration(nil), schemaMigrations...), extra)
}

func TestMigrationBacksUpThenUpgrades(t *testing.T) {
	s := openTemp(t)
	k := mustAppend(t, s, Pain, diary.PainEntry{Stamp: diary.StampAt(time.Now()), Pain: 4})

	upgraded, err := open(s.Path(), true, withExtraMigration(func(btx *bolt.Tx) error {
		_, err := btx.CreateBucket([]byte("extra"))
		return err
	}))
	if err != nil {
		t.Fatal(err)
	}
	backups, _ := filepath.Glob(fmt.Sprintf("%s.schema%d-*.bak", s.Path(), SchemaVersion()))
	if len(backups) != 1 {
		t.Fatalf("backups = %v, want one for schema %d", backups, SchemaVersion())
	}
	assertBackupHolds(t, backups[0], k)
	info, _ := os.Stat(backups[0])
	if info.Mode().Perm() != 0o600 {
		t.Errorf("backup mode %v, want 0600", info.Mode().Perm())
	}
	err = upgraded.View(func(tx *Tx) error {
		if got := readUint(tx.btx.Bucket(bucketMeta), keySchema); got != SchemaVersion()+1 {
			t.Errorf("schema after upgrade = %d", got)
		}
		if tx.btx.Bucket([]byte("extra")) == nil {
			t.Error("the migration did not run")
		}
		_, err := Pain.Get(tx, k)
		return err
	})
	if err != nil {
		t.Fatalf("records after upgrade: %v", err)
	}
	// This binary's own history now finds the file too new.
	if _, err := Open(s.Path()); !errors.Is(err, ErrNewerSchema) {
		t.Errorf("older lumbar opening an upgraded file: %v", err)
	}
	// And upgrading twice is a no-op: no second backup.
	if _, err := open(s.Path(), true, withExtraMigration(func(*bolt.Tx) error { t.Error("ran twice"); return nil })); err != nil {
		t.Fatal(err)
	}
	if backups, _ := filepath.Glob(s.Path() + ".*.bak"); len(backups) != 1 {
		t.Errorf("backups after reopening = %v", backups)
	}
}

func TestFailedMigrationChangesNothing(t *testing.T) {
	s := openTemp(t)
	mustAppend(t, s, Water, diary.WaterLog{Stamp: diary.StampAt(time.Now()), ML: 250})
	before := checksum(t, s.Path())
	boom := errors.New("disk full, say")
	_, err := open(s.Path(), true, withExtraMigration(func(btx *bolt.Tx) error {
		if _, err := btx.CreateBucket([]byte("half-done")); err != nil {
			return err
		}
		return boom
	}))
	if !errors.Is(err, boom) {
		t.Fatalf("open = %v, want the migration's error", err)
	}
	if checksum(t, s.Path()) != before {
		t.Error("a failed migration changed the file")
	}
	if _, err := Open(s.Path()); err != nil {
		t.Errorf("the file no longer opens after a failed upgrade: %v", err)
	}
}

func TestBackupRefusesToOverwrite(t *testing.T) {
	s := openTemp(t)
	dst := filepath.Join(t.TempDir(), "copy.db")
	if err := s.Backup(dst); err != nil {
		t.Fatal(err)
	}
	if _, err := Open(dst); err != nil {
		t.Fatalf("backup does not open: %v", err)
	}
	if err := s.Backup(dst); !errors.Is(err, os.ErrExist) {
		t.Errorf("second backup to the same path = %v, want ErrExist", err)
	}
	leftovers, _ := filepath.Glob(filepath.Join(filepath.Dir(dst), ".lumbar-*"))
	if len(leftovers) != 0 {
		t.Errorf("temporary files left: %v", leftovers)
	}
}

// assertBackupHolds checks a pre-upgrade backup: the old schema, with the
// record, without the upgrade's changes.
func assertBackupHolds(t *testing.T, path string, k Key) {
	t.Helper()
	db, err := bolt.Open(path, 0o600, &bolt.Options{ReadOnly: true})
	if err != nil {
		t.Fatalf("backup does not open: %v", err)
	}
	defer db.Close()
	_ = db.View(func(btx *bolt.Tx) error {
		if got := readUint(btx.Bucket(bucketMeta), keySchema); got != SchemaVersion() {
			t.Errorf("backup schema = %d, want %d", got, SchemaVersion())
		}
		if btx.Bucket([]byte("extra")) != nil {
			t.Error("the backup was taken after the upgrade")
		}
		if btx.Bucket([]byte(BucketPain)).Get(k[:]) == nil {
			t.Error("the backup lacks the record")
		}
		return nil
	})
}
