package store

import (
	"errors"
	"testing"
	"time"
)

func TestReplaceKeepsTheKeyUnlessTheTimeChanges(t *testing.T) {
	s := openTemp(t)
	made := time.Date(2026, 11, 27, 9, 0, 0, 0, zoneBerlin)
	k := mustAppend(t, s, BucketPain, PainEntry{Stamp: StampAt(made), Pain: 6})

	edited := PainEntry{Stamp: StampAt(made), Pain: 4, Note: "less after a walk"}
	got, err := Replace(s, BucketPain, k, edited)
	if err != nil || got != k {
		t.Fatalf("Replace = %v, %v; want the same key", got, err)
	}
	moved := edited
	moved.Stamp = StampAt(made.Add(-2 * time.Hour))
	newKey, err := Replace(s, BucketPain, k, moved)
	if err != nil || newKey == k || !newKey.Time().Equal(moved.At) {
		t.Fatalf("Replace with a new time = %v, %v", newKey, err)
	}
	_ = s.View(func(tx *Tx) error {
		if _, err := Get[PainEntry](tx, BucketPain, k); !errors.Is(err, ErrNotFound) {
			t.Errorf("the old key still holds a record: %v", err)
		}
		items, _ := Latest[PainEntry](tx, BucketPain, 10)
		if len(items) != 1 || items[0].Value.Note != "less after a walk" {
			t.Errorf("records after moving = %+v", items)
		}
		return nil
	})

	before := checksum(t, s.Path())
	if _, err := Replace(s, BucketPain, newKey, PainEntry{Stamp: moved.Stamp, Pain: 12}); err == nil {
		t.Error("Replace accepted pain 12")
	}
	if _, err := Replace(s, BucketPain, k, edited); !errors.Is(err, ErrNotFound) {
		t.Errorf("Replace of a deleted record: %v, want ErrNotFound", err)
	}
	if checksum(t, s.Path()) != before {
		t.Error("refused replacements changed the file")
	}
}

func TestRemoveAndRestoreGiveBackTheSameRecord(t *testing.T) {
	s := openTemp(t)
	e := PainEntry{Stamp: StampAt(time.Date(2026, 11, 27, 9, 0, 0, 0, zoneBerlin)), Pain: 7, Where: []string{"leg-left"}}
	k := mustAppend(t, s, BucketPain, e)
	if err := Remove(s, BucketPain, k); err != nil {
		t.Fatal(err)
	}
	if err := Remove(s, BucketPain, k); !errors.Is(err, ErrNotFound) {
		t.Errorf("second Remove: %v", err)
	}
	if err := Restore(s, BucketPain, k, e); err != nil {
		t.Fatal(err)
	}
	_ = s.View(func(tx *Tx) error {
		got, err := Get[PainEntry](tx, BucketPain, k)
		if err != nil || got.Pain != 7 || got.Where[0] != "leg-left" {
			t.Errorf("restored %+v, %v", got, err)
		}
		return nil
	})
	before := checksum(t, s.Path())
	if err := Restore(s, BucketPain, k, e); !errors.Is(err, ErrKeyTaken) {
		t.Errorf("Restore over a record: %v, want ErrKeyTaken", err)
	}
	if checksum(t, s.Path()) != before {
		t.Error("a refused Restore changed the file")
	}
}
