package store

import (
	"errors"
	"testing"
	"time"

	"lumbar/store/diary"
)

// versioned is the record under k and its version, read in their own
// transaction.
func versioned(t *testing.T, s *Store, k Key) (diary.PainEntry, Version) {
	t.Helper()
	var e diary.PainEntry
	var v Version
	err := s.View(func(tx *Tx) (err error) {
		e, v, err = Pain.GetVersioned(tx, k)
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	return e, v
}

func TestReplaceKeepsTheKeyUnlessTheTimeChanges(t *testing.T) {
	s := openTemp(t)
	made := time.Date(2026, 11, 27, 9, 0, 0, 0, zoneBerlin)
	k := mustAppend(t, s, Pain, diary.PainEntry{Stamp: diary.StampAt(made), Pain: 6})

	_, base := versioned(t, s, k)
	edited := diary.PainEntry{Stamp: diary.StampAt(made), Pain: 4, Note: "less after a walk"}
	got, err := Pain.Replace(s, k, base, edited)
	if err != nil || got != k {
		t.Fatalf("Replace = %v, %v; want the same key", got, err)
	}
	_, base = versioned(t, s, k)
	moved := edited
	moved.Stamp = diary.StampAt(made.Add(-2 * time.Hour))
	newKey, err := Pain.Replace(s, k, base, moved)
	if err != nil || newKey == k || !newKey.Time().Equal(moved.At) {
		t.Fatalf("Replace with a new time = %v, %v", newKey, err)
	}
	_ = s.View(func(tx *Tx) error {
		if _, err := Pain.Get(tx, k); !errors.Is(err, ErrNotFound) {
			t.Errorf("the old key still holds a record: %v", err)
		}
		items, _ := Pain.Latest(tx, 10)
		if len(items) != 1 || items[0].Value.Note != "less after a walk" {
			t.Errorf("records after moving = %+v", items)
		}
		return nil
	})

	before := checksum(t, s.Path())
	_, base = versioned(t, s, newKey)
	if _, err := Pain.Replace(s, newKey, base, diary.PainEntry{Stamp: moved.Stamp, Pain: 12}); err == nil {
		t.Error("Replace accepted pain 12")
	}
	if _, err := Pain.Replace(s, k, base, edited); !errors.Is(err, ErrNotFound) {
		t.Errorf("Replace of a deleted record: %v, want ErrNotFound", err)
	}
	if checksum(t, s.Path()) != before {
		t.Error("refused replacements changed the file")
	}
}

// Two windows (two stores on one file) edit one entry: the second save is
// refused with what the first saved, and overwrites only from that version;
// a save over a deletion is refused, and from the zero version puts it back.
func TestReplaceRefusesASaveOverAChangeFromAnotherWindow(t *testing.T) {
	path := tempPath(t)
	one, err := Open(path)
	if err != nil {
		t.Fatal(err)
	}
	two, err := Open(path)
	if err != nil {
		t.Fatal(err)
	}
	made := diary.StampAt(time.Date(2026, 11, 27, 9, 0, 0, 0, zoneBerlin))
	k := mustAppend(t, one, Pain, diary.PainEntry{Stamp: made, Pain: 6})
	_, fromOne := versioned(t, one, k)
	_, fromTwo := versioned(t, two, k)

	if _, err := Pain.Replace(one, k, fromOne, diary.PainEntry{Stamp: made, Pain: 7, Note: "first window"}); err != nil {
		t.Fatal(err)
	}
	before := checksum(t, path)
	_, err = Pain.Replace(two, k, fromTwo, diary.PainEntry{Stamp: made, Pain: 3, Note: "second window"})
	var c *Conflict[diary.PainEntry]
	if !errors.As(err, &c) || !errors.Is(err, ErrChanged) || c.Current == nil || c.Current.Note != "first window" {
		t.Fatalf("a save over the other window's: %v, want a conflict showing the first window's entry", err)
	}
	if checksum(t, path) != before {
		t.Error("the refused save changed the file")
	}
	if _, err := Pain.Replace(two, k, c.Version, diary.PainEntry{Stamp: made, Pain: 3, Note: "second window"}); err != nil {
		t.Fatalf("overwriting from the version shown: %v", err)
	}
	if e, _ := versioned(t, one, k); e.Note != "second window" {
		t.Errorf("after overwriting: %+v", e)
	}

	_, fromOne = versioned(t, one, k)
	if err := Pain.Remove(two, k); err != nil {
		t.Fatal(err)
	}
	_, err = Pain.Replace(one, k, fromOne, diary.PainEntry{Stamp: made, Pain: 5, Note: "after the delete"})
	if !errors.As(err, &c) || !errors.Is(err, ErrNotFound) || c.Current != nil || c.Version != (Version{}) {
		t.Fatalf("a save over a deletion: %v, want a conflict saying it was deleted", err)
	}
	if _, err := Pain.Replace(one, k, c.Version, diary.PainEntry{Stamp: made, Pain: 5, Note: "after the delete"}); err != nil {
		t.Fatalf("putting it back: %v", err)
	}
	if e, _ := versioned(t, two, k); e.Note != "after the delete" {
		t.Errorf("after putting back: %+v", e)
	}
}

func TestRemoveAndRestoreGiveBackTheSameRecord(t *testing.T) {
	s := openTemp(t)
	e := diary.PainEntry{Stamp: diary.StampAt(time.Date(2026, 11, 27, 9, 0, 0, 0, zoneBerlin)), Pain: 7, Where: []string{"leg-left"}}
	k := mustAppend(t, s, Pain, e)
	if err := Pain.Remove(s, k); err != nil {
		t.Fatal(err)
	}
	if err := Pain.Remove(s, k); !errors.Is(err, ErrNotFound) {
		t.Errorf("second Remove: %v", err)
	}
	if err := Pain.Restore(s, k, e); err != nil {
		t.Fatal(err)
	}
	_ = s.View(func(tx *Tx) error {
		got, err := Pain.Get(tx, k)
		if err != nil || got.Pain != 7 || got.Where[0] != "leg-left" {
			t.Errorf("restored %+v, %v", got, err)
		}
		return nil
	})
	before := checksum(t, s.Path())
	if err := Pain.Restore(s, k, e); !errors.Is(err, ErrKeyTaken) {
		t.Errorf("Restore over a record: %v, want ErrKeyTaken", err)
	}
	if checksum(t, s.Path()) != before {
		t.Error("a refused Restore changed the file")
	}
}
