package store

import (
	"strings"
	"testing"
	"time"

	"lumbar/store/diary"
)

// importOne imports v under k in its own transaction.
func importOne(t *testing.T, s *Store, k Key, v diary.PainEntry, replace bool) (Outcome, error) {
	t.Helper()
	var o Outcome
	err := s.Update(func(tx *Tx) (err error) {
		o, err = Pain.Import(tx, k, v, replace)
		return err
	})
	return o, err
}

func TestImportIsIdempotentByKeyAndReportsConflicts(t *testing.T) {
	s := openTemp(t)
	made := time.Date(2026, 11, 27, 9, 0, 0, 0, zoneBerlin)
	e := diary.PainEntry{Stamp: diary.StampAt(made), Pain: 6, Where: []string{"back-centre"}}
	k := NewKey(e.At)

	for i, want := range []Outcome{Added, AlreadyThere} {
		if o, err := importOne(t, s, k, e, false); err != nil || o != want {
			t.Fatalf("import %d = %v, %v; want %v", i+1, o, err, want)
		}
	}
	other := e
	other.Pain = 3
	if o, err := importOne(t, s, k, other, false); err != nil || o != Conflicting {
		t.Fatalf("import of another record under the key = %v, %v; want a conflict", o, err)
	}
	if got, _ := versioned(t, s, k); got.Pain != 6 {
		t.Fatalf("a conflict overwrote the record: pain = %d", got.Pain)
	}
	if o, err := importOne(t, s, k, other, true); err != nil || o != Replaced {
		t.Fatalf("import --replace = %v, %v", o, err)
	}
	got, _ := versioned(t, s, k)
	if got.Pain != 3 {
		t.Errorf("after replacing, pain = %d", got.Pain)
	}
	assertTotalsAreARecount(t, s, "after imports, a conflict and a replacement")
}

func TestImportRefusesBadRecordsAndKeysOfAnotherTime(t *testing.T) {
	s := openTemp(t)
	made := time.Date(2026, 11, 27, 9, 0, 0, 0, zoneBerlin)
	before := checksum(t, s.Path())
	for name, c := range map[string]struct {
		k    Key
		v    diary.PainEntry
		want string
	}{
		"pain off the scale":  {NewKey(made), diary.PainEntry{Stamp: diary.StampAt(made), Pain: 11}, "pain must be"},
		"key of another time": {NewKey(made.Add(time.Second)), diary.PainEntry{Stamp: diary.StampAt(made), Pain: 2}, "is not of a record made at 2026-11-27T08:00:00Z"},
	} {
		if _, err := importOne(t, s, c.k, c.v, false); err == nil || !strings.Contains(err.Error(), c.want) {
			t.Errorf("%s: err = %v; want %q", name, err, c.want)
		}
	}
	if checksum(t, s.Path()) != before {
		t.Error("a refused import changed the file")
	}
}

func TestImportSettings(t *testing.T) {
	s := openTemp(t)
	importSettings := func(texts map[string]string, replace bool) (map[string]Outcome, error) {
		var got map[string]Outcome
		err := s.Update(func(tx *Tx) (err error) {
			got, err = ImportSettings(tx, texts, replace)
			return err
		})
		return got, err
	}
	got, err := importSettings(map[string]string{"water.goal": "2500", "water.glass": "250"}, false)
	if err != nil || got["water.goal"] != Added || got["water.glass"] != Added {
		t.Fatalf("first import = %v, %v", got, err)
	}
	got, err = importSettings(map[string]string{"water.goal": "2500", "water.glass": "300"}, false)
	if err != nil || got["water.goal"] != AlreadyThere || got["water.glass"] != Conflicting {
		t.Fatalf("second import = %v, %v", got, err)
	}
	if settings, _ := Read(s, LoadSettings); settings.WaterGlassML != 250 {
		t.Errorf("a conflicting setting was written: glass = %d", settings.WaterGlassML)
	}
	before := checksum(t, s.Path())
	if _, err := importSettings(map[string]string{"water.goal": "2600", "water.glas": "300"}, true); err == nil ||
		!strings.Contains(err.Error(), "did you mean water.glass") {
		t.Errorf("unknown setting: err = %v", err)
	}
	if _, err := importSettings(map[string]string{"water.goal": "lots"}, true); err == nil {
		t.Error("a bad value was accepted")
	}
	if _, err := importSettings(map[string]string{"water.goal": "2600", "sync.dir": "/home/ana/Sync"}, true); err == nil ||
		!strings.Contains(err.Error(), "sync.dir belongs to one computer and is not imported") {
		t.Errorf("this computer's own setting in an import: err = %v", err)
	}
	if checksum(t, s.Path()) != before {
		t.Error("a refused settings import changed the file")
	}
	if got, err := importSettings(map[string]string{"water.glass": "300"}, true); err != nil || got["water.glass"] != Replaced {
		t.Fatalf("--replace = %v, %v", got, err)
	}
}
