package store

import (
	"errors"
	"testing"
	"time"

	"lumbar/store/diary"
)

// putAt stores v under the key written in hex, for tests that need keys
// sharing leading digits.
func putAt[T diary.Checked](t *testing.T, s *Store, c Collection[T], id string, v T) Key {
	t.Helper()
	k, err := ParseID(id)
	if err != nil {
		t.Fatal(err)
	}
	if err := s.Update(func(tx *Tx) error { return putItem(tx, c.bucket, k, v) }); err != nil {
		t.Fatal(err)
	}
	return k
}

func TestShortIDsAreUniqueInTheWholeFile(t *testing.T) {
	s := openTemp(t)
	at := diary.StampAt(time.Date(2026, 11, 27, 9, 0, 0, 0, zoneBerlin))
	alone := putAt(t, s, Pain, "18000000000000000000000000000001", diary.PainEntry{Stamp: at, Pain: 3})
	// A pain entry and a water log sharing their first 9 digits: each
	// needs 10, whatever kind the other is.
	pain := putAt(t, s, Pain, "187654321a000000000000000000000a", diary.PainEntry{Stamp: at, Pain: 4})
	water := putAt(t, s, Water, "187654321b000000000000000000000b", diary.WaterLog{Stamp: at, ML: 250})
	// Two drinks logged in one go share their time, 16 digits, and
	// differ in the random half only.
	same1 := putAt(t, s, Water, "1900000000000000a100000000000000", diary.WaterLog{Stamp: at, ML: 250})
	same2 := putAt(t, s, Water, "1900000000000000a200000000000000", diary.WaterLog{Stamp: at, ML: 250})
	want := map[Key]string{
		alone: "1800000", pain: "187654321a", water: "187654321b",
		same1: "1900000000000000a1", same2: "1900000000000000a2",
	}
	_ = s.View(func(tx *Tx) error {
		for k, short := range want {
			if got := ShortID(tx, k); got != short {
				t.Errorf("ShortID(%s) = %s, want %s", k, got, short)
			}
			if f, err := Resolve(tx, short); err != nil || f.Key != k {
				t.Errorf("Resolve(%s) = %v, %v; want %s", short, f.Key, err, k)
			}
		}
		return nil
	})
}

func TestResolveRefusesWhatNamesNoOneRecord(t *testing.T) {
	s := openTemp(t)
	at := diary.StampAt(time.Date(2026, 11, 27, 9, 0, 0, 0, zoneBerlin))
	pain := putAt(t, s, Pain, "187654321a000000000000000000000a", diary.PainEntry{Stamp: at, Pain: 4})
	putAt(t, s, Sessions, "187654321b000000000000000000000b", diary.Session{Stamp: at, Routine: "desk-break",
		End: at.At.Add(time.Minute), StepsDone: 1, StepsTotal: 3})
	_ = s.View(func(tx *Tx) error {
		for _, bad := range []string{"", "187", "18765432zz", "187654321a000000000000000000000a0", "１８７６５"} {
			if _, err := Resolve(tx, bad); !errors.Is(err, ErrBadID) {
				t.Errorf("Resolve(%q) = %v, want ErrBadID", bad, err)
			}
		}
		if _, err := Resolve(tx, "1876543219"); !errors.Is(err, ErrUnknownID) || !errors.Is(err, ErrNotFound) {
			t.Errorf("unknown prefix: %v", err)
		}
		var amb *AmbiguousIDError
		_, err := Resolve(tx, "187654321")
		if !errors.As(err, &amb) || len(amb.Candidates) != 2 || amb.More != 0 {
			t.Fatalf("a prefix of two records: %v", err)
		}
		if c := amb.Candidates[0]; c.Bucket != BucketPain || c.ShortID != "187654321a" || c.Record.(diary.PainEntry).Pain != 4 {
			t.Errorf("first candidate = %+v", c)
		}
		if c := amb.Candidates[1]; c.Bucket != BucketSessions || c.Record.(diary.Session).Routine != "desk-break" {
			t.Errorf("second candidate = %+v", c)
		}
		// Odd lengths and capitals name the same record.
		if f, err := Resolve(tx, "187654321A"); err != nil || f.Key != pain {
			t.Errorf("capitals: %v, %v", f.Key, err)
		}
		return nil
	})
}

func TestAmbiguousIDListsAFewAndCountsTheRest(t *testing.T) {
	s := openTemp(t)
	at := diary.StampAt(time.Date(2026, 11, 27, 9, 0, 0, 0, zoneBerlin))
	for _, id := range []string{"a", "b", "c", "d", "e", "f", "9", "8"} {
		putAt(t, s, Water, "77770000000000000000000000000000"[:31]+id, diary.WaterLog{Stamp: at, ML: 100})
	}
	_ = s.View(func(tx *Tx) error {
		var amb *AmbiguousIDError
		if _, err := Resolve(tx, "7777"); !errors.As(err, &amb) || len(amb.Candidates) != maxCandidates || amb.More != 3 {
			t.Errorf("Resolve = %v", err)
		}
		return nil
	})
}
