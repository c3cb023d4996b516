package store

import (
	"errors"
	"strings"
	"testing"
	"time"

	"lumbar/store/diary"
)

var undoAt = time.Date(2026, 11, 27, 9, 0, 0, 0, zoneBerlin)

func painAt(t time.Time, pain int) diary.PainEntry {
	return diary.PainEntry{Stamp: diary.StampAt(t), Pain: pain}
}

// mustUndo undoes the last write, failing the test if it cannot.
func mustUndo(t *testing.T, s *Store) Undone {
	t.Helper()
	u, err := Undo(s)
	if err != nil {
		t.Fatalf("Undo: %v", err)
	}
	return u
}

// painNow is every pain entry in the file, oldest first.
func painNow(t *testing.T, s *Store) []Item[diary.PainEntry] {
	t.Helper()
	items, err := Read(s, func(tx *Tx) ([]Item[diary.PainEntry], error) { return Pain.Latest(tx, 100) })
	if err != nil {
		t.Fatal(err)
	}
	return items
}

func TestUndoTakesBackAnAddOnce(t *testing.T) {
	s := openTemp(t)
	if _, err := Undo(s); !errors.Is(err, ErrNothingToUndo) {
		t.Fatalf("undo of a new file: %v", err)
	}
	mustAppend(t, s, Pain, painAt(undoAt, 3))
	k := mustAppend(t, s, Pain, painAt(undoAt.Add(time.Hour), 5))
	u := mustUndo(t, s)
	if u.Kind != WriteAdded || len(u.Changes) != 1 || u.Changes[0].Key != k || u.Changes[0].Before != nil ||
		u.Changes[0].After.(diary.PainEntry).Pain != 5 {
		t.Errorf("undone = %+v", u)
	}
	if items := painNow(t, s); len(items) != 1 || items[0].Value.Pain != 3 {
		t.Errorf("after undo: %+v", items)
	}
	before := checksum(t, s.Path())
	if _, err := Undo(s); !errors.Is(err, ErrNothingToUndo) {
		t.Errorf("second undo: %v", err)
	}
	if checksum(t, s.Path()) != before {
		t.Error("a refused undo wrote to the file")
	}
}

func TestUndoPutsBackAnEditEvenOneThatMovedTheEntry(t *testing.T) {
	s := openTemp(t)
	k := mustAppend(t, s, Pain, painAt(undoAt, 6))
	_, base := versioned(t, s, k)
	if _, err := Pain.Replace(s, k, base, painAt(undoAt, 2)); err != nil {
		t.Fatal(err)
	}
	if u := mustUndo(t, s); u.Kind != WriteEdited || u.Changes[0].Before.(diary.PainEntry).Pain != 6 {
		t.Errorf("undone = %+v", u)
	}
	if e, _ := versioned(t, s, k); e.Pain != 6 {
		t.Errorf("after undoing the edit: pain %d", e.Pain)
	}
	_, base = versioned(t, s, k)
	moved, err := Pain.Replace(s, k, base, painAt(undoAt.Add(-3*time.Hour), 6))
	if err != nil || moved == k {
		t.Fatal(moved, err)
	}
	if u := mustUndo(t, s); u.Kind != WriteEdited || len(u.Changes) != 2 {
		t.Errorf("undone = %+v", u)
	}
	if items := painNow(t, s); len(items) != 1 || items[0].Key != k {
		t.Errorf("after undoing the move: %+v, want the entry under %s again", items, k)
	}
}

func TestUndoPutsBackADeletedEntryUnderItsKey(t *testing.T) {
	s := openTemp(t)
	k := mustAppend(t, s, Pain, diary.PainEntry{Stamp: diary.StampAt(undoAt), Pain: 4, Note: "kept"})
	if err := Pain.Remove(s, k); err != nil {
		t.Fatal(err)
	}
	if u := mustUndo(t, s); u.Kind != WriteDeleted || u.Changes[0].After != nil {
		t.Errorf("undone = %+v", u)
	}
	if items := painNow(t, s); len(items) != 1 || items[0].Key != k || items[0].Value.Note != "kept" {
		t.Errorf("after undoing the delete: %+v", items)
	}
}

// The app's own undo of a delete (Restore) is that delete's undo: after
// it there is nothing left to undo.
func TestRestoreIsTheUndoOfItsDelete(t *testing.T) {
	s := openTemp(t)
	e := painAt(undoAt, 4)
	k := mustAppend(t, s, Pain, e)
	if err := Pain.Remove(s, k); err != nil {
		t.Fatal(err)
	}
	if err := Pain.Restore(s, k, e); err != nil {
		t.Fatal(err)
	}
	if _, err := Undo(s); !errors.Is(err, ErrNothingToUndo) {
		t.Errorf("undo after the restore: %v", err)
	}
	if len(painNow(t, s)) != 1 {
		t.Error("the restored entry is gone")
	}
}

func TestUndoTakesBackWaterLoggedAndTakenBack(t *testing.T) {
	s := openTemp(t)
	water := func() int {
		sum, err := s.Summary(undoAt)
		if err != nil {
			t.Fatal(err)
		}
		return sum.WaterML
	}
	if err := s.Update(func(tx *Tx) error { return AddWater(tx, undoAt, 250, 3) }); err != nil {
		t.Fatal(err)
	}
	if u := mustUndo(t, s); len(u.Changes) != 3 || water() != 0 {
		t.Errorf("undone = %+v, water now %d", u, water())
	}
	if err := s.Update(func(tx *Tx) error { return AddWater(tx, undoAt, 250, 2) }); err != nil {
		t.Fatal(err)
	}
	err := s.Update(func(tx *Tx) error {
		_, _, err := RemoveLastWater(tx, undoAt)
		return err
	})
	if err != nil || water() != 250 {
		t.Fatalf("took back: %v, water %d", err, water())
	}
	if u := mustUndo(t, s); u.Kind != WriteDeleted || u.Changes[0].Bucket != BucketWater || water() != 500 {
		t.Errorf("undone = %+v, water now %d", u, water())
	}
}

// A record changed behind lumbar's back since the write (by an older
// lumbar, which keeps no notes) is never overwritten by an undo.
func TestUndoRefusesWhenTheRecordChangedSince(t *testing.T) {
	s := openTemp(t)
	k := mustAppend(t, s, Pain, painAt(undoAt, 4))
	err := s.Update(func(tx *Tx) error {
		return tx.btx.Bucket([]byte(BucketPain)).Put(k[:], []byte(`{"at":"2026-11-27T08:00:00Z","utc_offset_seconds":3600,"pain":9}`))
	})
	if err != nil {
		t.Fatal(err)
	}
	before := checksum(t, s.Path())
	var conflict *UndoConflictError
	if _, err := Undo(s); !errors.As(err, &conflict) || conflict.Now.(diary.PainEntry).Pain != 9 {
		t.Fatalf("Undo = %v, want a conflict naming the record as it is now", err)
	}
	if checksum(t, s.Path()) != before {
		t.Error("a refused undo wrote to the file")
	}
}

// A write of many records at once (the demo, an import) is too big to
// undo, and says so rather than undoing an older write.
func TestUndoRefusesAWriteTooBigToKeep(t *testing.T) {
	s := openTemp(t)
	mustAppend(t, s, Pain, painAt(undoAt.Add(-time.Hour), 2))
	err := s.Update(func(tx *Tx) error {
		for i := range maxUndoChanges + 1 {
			if _, err := Pain.Insert(tx, painAt(undoAt.Add(time.Duration(i)*time.Minute), 3)); err != nil {
				return err
			}
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	before := checksum(t, s.Path())
	if _, err := Undo(s); !errors.Is(err, ErrTooBigToUndo) {
		t.Errorf("Undo = %v", err)
	}
	if checksum(t, s.Path()) != before {
		t.Error("a refused undo wrote to the file")
	}
}

// Writes that touch no record (settings, drafts) leave the last write
// to undo as it was.
func TestSettingsLeaveTheLastWriteAlone(t *testing.T) {
	s := openTemp(t)
	mustAppend(t, s, Pain, painAt(undoAt, 3))
	if err := s.Update(func(tx *Tx) error { return PutSetting(tx, "water.goal", 2000) }); err != nil {
		t.Fatal(err)
	}
	if u := mustUndo(t, s); u.Kind != WriteAdded || len(painNow(t, s)) != 0 {
		t.Errorf("undone = %+v", u)
	}
}

// A damaged record can be deleted or overwritten like any other (the
// write notes its bytes as they were); undo then refuses, in one line,
// to put back what could not be read, and writes nothing.
func TestDamagedRecordIsDeletedAndUndoRefusesItsReturn(t *testing.T) {
	for _, write := range []struct {
		name string
		do   func(tx *Tx, k Key) error
	}{
		{"delete", func(tx *Tx, k Key) error { return Pain.Delete(tx, k) }},
		{"overwrite", func(tx *Tx, k Key) error {
			return putItem(tx, BucketPain, k, diary.PainEntry{Stamp: diary.StampAt(k.Time()), Pain: 4})
		}},
	} {
		t.Run(write.name, func(t *testing.T) {
			s := openTemp(t)
			k := NewKey(time.Date(2026, 11, 27, 8, 30, 0, 0, time.UTC))
			putRaw(t, s, BucketPain, k[:], []byte(`{"at":"2026-11-27T08:30:00Z","pain":#}`))
			if err := s.Update(func(tx *Tx) error { return write.do(tx, k) }); err != nil {
				t.Fatalf("%s of a damaged record: %v", write.name, err)
			}
			before := checksum(t, s.Path())
			_, err := Undo(s)
			if !errors.Is(err, ErrUndoDamaged) || strings.Contains(err.Error(), "\n") {
				t.Errorf("undo: %v; want the one-line refusal %v", err, ErrUndoDamaged)
			}
			if checksum(t, s.Path()) != before {
				t.Error("a refused undo changed the file")
			}
		})
	}
}
