package remind

import (
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
