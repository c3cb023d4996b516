package tui

import (
	"syscall"
	"testing"

	"lumbar/store"
	"lumbar/store/diary"
	"lumbar/tui/common"
)

// A signal ends the app through the same saves as q, asking nothing: the
// routine in progress is recorded, the Guide place kept, and the
// half-typed Log entry kept as a draft.
func TestStopRunsEverySaveWithoutAsking(t *testing.T) {
	s := tempStore(t)
	m := newModel(t, s, 80, 24)
	m.d.Run(m.Init())
	m.press("]")           // the Guide's next section
	m.press("2", "n", "6") // an entry half typed
	m.Update(common.StartRoutineMsg{Routine: "desk-break"})
	m.press("4") // pain before: 4; the routine starts
	if _, cmd := m.Update(StopMsg{Signal: syscall.SIGTERM}); !isQuit(cmd) {
		t.Fatal("a stop did not quit")
	}
	if err := m.SaveBeforeExit(); err != nil {
		t.Errorf("the stop's saves answered %v", err)
	}
	var (
		sessions []store.Item[diary.Session]
		place    struct{ Section string }
		draft    store.PainDraft
		placed   bool
		drafted  bool
	)
	err := s.View(func(tx *store.Tx) (err error) {
		if sessions, err = store.Sessions.Latest(tx, 10); err != nil {
			return err
		}
		if placed, err = store.GetSetting(tx, "guide.position", &place); err != nil {
			return err
		}
		draft, drafted, err = store.GetPainDraft(tx)
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	if len(sessions) != 1 || sessions[0].Value.Routine != "desk-break" {
		t.Errorf("sessions %+v", sessions)
	}
	if !placed || place.Section == "" {
		t.Error("the Guide place was not saved")
	}
	if !drafted || draft.Input.Pain != "6" {
		t.Errorf("draft %+v (kept %v), want the typed 6", draft, drafted)
	}
}

// The saves of a stop run once, whether the stop reached the program or
// the runner calls them after Run.
func TestSaveBeforeExitRunsOnce(t *testing.T) {
	m := newModel(t, tempStore(t), 80, 24)
	saver := &savingTab{}
	m.tabs[common.StretchTab] = saver
	m.Update(StopMsg{Signal: syscall.SIGHUP})
	_ = m.SaveBeforeExit()
	if saver.saved != 1 {
		t.Errorf("saved %d times, want 1", saver.saved)
	}
}

// A tab offering something back comes forward, unless the open tab is
// taking typing.
func TestOfferComesForwardUnlessTyping(t *testing.T) {
	m := newModel(t, tempStore(t), 80, 24)
	tabs := fakeTabs(m)
	m.Update(common.OfferMsg{From: common.LogTab})
	if m.Active() != common.LogTab {
		t.Errorf("the offer left tab %d open", m.Active())
	}
	m.press("3")
	tabs[common.StretchTab].capturing = true
	m.Update(common.OfferMsg{From: common.LogTab})
	if m.Active() != common.StretchTab {
		t.Error("an offer pulled the person out of typing")
	}
}
