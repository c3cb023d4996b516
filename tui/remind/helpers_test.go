package remind

import (
	"path/filepath"
	"testing"

	"lumbar/store"
	"lumbar/store/diary/diarytest"
)

// The reminders are tested on London's wall clock, across its clock changes.
var (
	london = diarytest.London
	on     = diarytest.On
)

// establishedDiary is when the diaries of most schedule tests were first
// opened: long before any of the tests' dates.
const establishedDiary = "2025-12-01 09:00"

// openedLongAgo records an established diary's first open.
func openedLongAgo(tx *store.Tx) error {
	_, err := store.RecordFirstOpen(tx, on(establishedDiary))
	return err
}

// tempStore is a new data file in a temporary folder.
func tempStore(t *testing.T) *store.Store {
	t.Helper()
	s, err := store.Open(filepath.Join(t.TempDir(), "lumbar.db"))
	if err != nil {
		t.Fatal(err)
	}
	return s
}

// establishedStore is a new data file of a diary in use for a while.
func establishedStore(t *testing.T) *store.Store {
	t.Helper()
	s := tempStore(t)
	if err := s.Update(openedLongAgo); err != nil {
		t.Fatal(err)
	}
	return s
}
