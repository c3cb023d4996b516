package tui

import (
	"testing"

	"lumbar/store"
	"lumbar/tui/common"
)

// A routine holds the keys: q and the tab digits do nothing mid-pose, and
// ctrl+c quits only after the root has the Stretch tab save the session.
func TestQuitMidRoutineSavesTheSession(t *testing.T) {
	s := tempStore(t)
	m := newModel(t, s, 80, 24)
	runCmd(m, m.refresh(false))
	m.Update(common.StartRoutineMsg{Routine: "desk-break"})
	press(m, "4") // pain before: 4; the routine starts
	if m.Active() != common.StretchTab {
		t.Fatalf("the digit switched to tab %d during the pain question", m.Active())
	}
	for _, k := range []string{"q", "1", "?", "tab"} {
		if cmd := press(m, k); isQuit(cmd) || m.Active() != common.StretchTab || m.HelpShown() {
			t.Fatalf("%q pulled the person out of the routine", k)
		}
	}
	if !isQuit(press(m, "ctrl+c")) {
		t.Fatal("ctrl+c did not quit")
	}
	var sessions []store.Item[store.Session]
	err := s.View(func(tx *store.Tx) (err error) {
		sessions, err = store.Latest[store.Session](tx, store.BucketSessions, 10)
		return err
	})
	if err != nil || len(sessions) != 1 || sessions[0].Value.Routine != "desk-break" || *sessions[0].Value.PainBefore != 4 {
		t.Fatalf("sessions %+v, err %v", sessions, err)
	}
}
