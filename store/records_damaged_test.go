package store

import (
	"bytes"
	"errors"
	"os"
	"strings"
	"testing"
	"time"

	"lumbar/store/diary"
)

// putRaw writes bytes under a key as they are, pages sound: what a byte
// changed on disk inside a record's JSON looks like to lumbar.
func putRaw(t *testing.T, s *Store, b Bucket, key, raw []byte) {
	t.Helper()
	err := s.Update(func(tx *Tx) error { return tx.btx.Bucket([]byte(b)).Put(key, raw) })
	if err != nil {
		t.Fatal(err)
	}
}

// One unreadable record is skipped by every read, counted once, and
// blocks no write; FindDamaged lists it and Repair moves its bytes, as
// they were, into quarantine after a backup.
func TestDamagedRecordIsSkippedListedAndQuarantined(t *testing.T) {
	s := openTemp(t)
	now := time.Date(2026, 11, 27, 9, 0, 0, 0, time.UTC)
	for h := range 3 {
		mustAppend(t, s, Pain, diary.PainEntry{Stamp: diary.StampAt(now.Add(-time.Duration(h) * time.Hour)), Pain: 3 + h})
	}
	damagedKey := NewKey(now.Add(-30 * time.Minute))
	damagedValue := []byte(`{"at":"2026-11-27T08:30:00Z","pain":#}`)
	putRaw(t, s, BucketPain, damagedKey[:], damagedValue)
	shortKey := []byte{0x18, 0x01, 0x02}
	putRaw(t, s, BucketWater, shortKey, []byte(`{"ml":250}`))

	for range 2 { // read twice: still one record each
		latest, err := Read(s, func(tx *Tx) ([]Item[diary.PainEntry], error) { return Pain.Latest(tx, 10) })
		if err != nil || len(latest) != 3 {
			t.Fatalf("Latest = %d entries, %v; want the 3 readable ones", len(latest), err)
		}
		if _, err := s.Summary(now); err != nil {
			t.Fatalf("Summary: %v", err)
		}
		if _, err := Read(s, func(tx *Tx) (diary.Insights, error) { return InsightsOf(tx, diary.DayOf(now), 30) }); err != nil {
			t.Fatalf("InsightsOf: %v", err)
		}
		err = s.View(func(tx *Tx) error {
			return Water.Range(tx, time.Unix(0, 0), now.Add(time.Hour), func(Item[diary.WaterLog]) error { return nil })
		})
		if err != nil {
			t.Fatalf("Range over the short key: %v", err)
		}
	}
	if got := s.Skipped(); got != 2 {
		t.Errorf("Skipped = %d, want 2", got)
	}
	if err := s.Update(func(tx *Tx) error { return AddWater(tx, now, 250, 1) }); err != nil {
		t.Errorf("a write beside a damaged record: %v", err)
	}

	found, err := Read(s, FindDamaged)
	if err != nil || len(found.Damaged) != 2 {
		t.Fatalf("FindDamaged = %+v, %v", found, err)
	}
	for _, d := range found.Damaged {
		if line := d.String(); strings.Contains(line, "\n") || !strings.HasPrefix(line, string(d.Bucket)+" ") {
			t.Errorf("listed as %q", line)
		}
	}

	before := checksum(t, s.Path())
	repaired, err := s.Repair(now)
	if err != nil || len(repaired.Moved) != 2 {
		t.Fatalf("Repair = %d moved, %v", len(repaired.Moved), err)
	}
	copied, err := OpenToRead(repaired.Backup)
	if err != nil {
		t.Fatal(err)
	}
	if inCopy, _ := Read(copied, FindDamaged); len(inCopy.Damaged) != 2 {
		t.Errorf("the backup holds %d damaged records, want the 2 as they were", len(inCopy.Damaged))
	}
	if checksum(t, s.Path()) == before {
		t.Error("Repair changed nothing")
	}
	after, err := Read(s, FindDamaged)
	if err != nil || len(after.Damaged) != 0 || after.Records != found.Records-2 {
		t.Errorf("after Repair: %+v, %v", after, err)
	}
	err = s.View(func(tx *Tx) error {
		q := tx.btx.Bucket(bucketQuarantine)
		if got := q.Bucket([]byte(BucketPain)).Get(damagedKey[:]); !bytes.Equal(got, damagedValue) {
			t.Errorf("quarantined bytes = %q, want %q", got, damagedValue)
		}
		if got := q.Bucket([]byte(BucketWater)).Get(shortKey); got == nil {
			t.Error("the record under a short key was not quarantined")
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	again, err := s.Repair(now.Add(time.Minute))
	if err != nil || len(again.Moved) != 0 || len(again.Recounted) != 0 || again.Backup != "" {
		t.Errorf("a second Repair = %+v, %v; want nothing done", again, err)
	}
	if _, err := os.Stat(RepairBackupPath(s.Path(), now.Add(time.Minute))); !errors.Is(err, os.ErrNotExist) {
		t.Errorf("a Repair with nothing to do made a backup: %v", err)
	}
}
