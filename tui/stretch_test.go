package tui

import (
	"strings"
	"testing"

	tea "github.com/charmbracelet/bubbletea"

	"lumbar/store"
	"lumbar/store/diary"
	"lumbar/tui/common"
)

// A routine holds the keys: q and the tab digits do nothing mid-pose, and
// ctrl+c quits only after the root has the Stretch tab save the session.
func TestQuitMidRoutineSavesTheSession(t *testing.T) {
	s := tempStore(t)
	m := newModel(t, s, 80, 24)
	m.d.Run(m.refresh(false))
	m.Update(common.StartRoutineMsg{Routine: "desk-break"})
	m.press("4") // pain before: 4; the routine starts
	if m.Active() != common.StretchTab {
		t.Fatalf("the digit switched to tab %d during the pain question", m.Active())
	}
	for _, k := range []string{"q", "1", "?", "tab"} {
		if cmd := m.press(k); isQuit(cmd) || m.Active() != common.StretchTab || m.HelpShown() {
			t.Fatalf("%q pulled the person out of the routine", k)
		}
	}
	if !isQuit(m.press("ctrl+c")) {
		t.Fatal("ctrl+c did not quit")
	}
	var sessions []store.Item[diary.Session]
	err := s.View(func(tx *store.Tx) (err error) {
		sessions, err = store.Sessions.Latest(tx, 10)
		return err
	})
	if err != nil || len(sessions) != 1 || sessions[0].Value.Routine != "desk-break" || *sessions[0].Value.PainBefore != 4 {
		t.Fatalf("sessions %+v, err %v", sessions, err)
	}
}

// A half-typed Log entry must not cost a stretching session: the click on
// "3 Stretch" keeps the form open, and when a routine starts anyway (the
// movement reminder's desk break), ctrl+c asks about the entry once, then
// quits having saved the session.
func TestHalfTypedEntryDoesNotCostTheSession(t *testing.T) {
	s := tempStore(t)
	m := newModel(t, s, 80, 24)
	m.d.Run(m.refresh(false))
	m.press("2", "n", "6", "tab")
	stretch := m.layoutTabBar().spans[common.StretchTab]
	m.Update(tea.MouseMsg{X: stretch[0], Y: 0, Action: tea.MouseActionPress, Button: tea.MouseButtonLeft})
	if m.Active() != common.LogTab {
		t.Fatalf("the click left the half-typed entry for tab %d", m.Active())
	}
	m.Update(common.StartRoutineMsg{Routine: "desk-break"})
	m.press("4") // pain before: 4; the routine starts
	if isQuit(m.press("ctrl+c")) {
		t.Fatal("the first ctrl+c quit without a word about the open entry")
	}
	if !strings.Contains(m.View(), "an entry is open in the Log") {
		t.Errorf("the open entry is not mentioned:\n%s", m.View())
	}
	if !isQuit(m.press("ctrl+c")) {
		t.Fatal("the second ctrl+c did not quit")
	}
	var sessions []store.Item[diary.Session]
	err := s.View(func(tx *store.Tx) (err error) {
		sessions, err = store.Sessions.Latest(tx, 10)
		return err
	})
	if err != nil || len(sessions) != 1 || sessions[0].Value.Routine != "desk-break" {
		t.Fatalf("sessions %+v, err %v", sessions, err)
	}
}

// esc after following a Guide link to a stretch goes back to the Guide;
// a stretch opened in the library goes back to the library.
func TestEscAfterAGuideLinkReturnsToTheGuide(t *testing.T) {
	m := newModel(t, tempStore(t), 80, 24)
	m.press("]") // a Guide section other than the first
	m.Update(common.OpenStretchMsg{Stretch: "bird-dog", Back: common.BackMsg{Tab: common.GuideTab}})
	if m.Active() != common.StretchTab || !strings.Contains(m.View(), "esc back to the Guide") {
		t.Fatalf("the link did not open the stretch in tab %d:\n%s", m.Active(), m.View())
	}
	m.d.Run(m.press("esc"))
	if m.Active() != common.GuideTab {
		t.Fatalf("esc went to tab %d, want the Guide", m.Active())
	}
	m.press("3", "enter")
	m.d.Run(m.press("esc"))
	if m.Active() != common.StretchTab || strings.Contains(m.View(), "Caution") {
		t.Errorf("esc from a stretch opened in the library left tab %d:\n%s", m.Active(), m.View())
	}
}
