package tui

import (
	"testing"

	tea "github.com/charmbracelet/bubbletea"

	"lumbar/store"
	"lumbar/store/demodata"
	"lumbar/tui/common"
	"lumbar/tui/tuitest"
)

// lovedStore is a diary someone has used: a year of demo data, and a
// place in the Guide saved the way the app saves it (read a little
// further, quit). readingAt is the Guide as it was left, at 80x24.
func lovedStore(t *testing.T) (s *store.Store, readingAt string) {
	t.Helper()
	s = tempStore(t)
	if _, err := demodata.Generate(s, 1, fixedNow, 7); err != nil {
		t.Fatal(err)
	}
	m := newModel(t, s, 80, 24)
	m.d.Run(m.Init())
	m.press("]", "]", "j", "j", "j")
	readingAt = m.tabs[common.GuideTab].View()
	if !isQuit(m.press("q")) {
		t.Fatal("q did not quit")
	}
	return s, readingAt
}

// A real terminal may deliver a command's result before the first
// window size: each tab's start-up data (and any message after it) must
// be safe to take before the tab knows its size, and the app must then
// come up at the place it was left.
func TestInitMessagesBeforeTheFirstSize(t *testing.T) {
	s, readingAt := lovedStore(t)
	starts := map[string]common.Navigation{
		"plain start":                    nil,
		"straight to a routine":          common.StartRoutineMsg{Routine: "desk-break"},
		"straight to the doctor section": common.OpenGuideMsg{Section: "when-to-see-a-doctor"},
	}
	for name, start := range starts {
		t.Run(name, func(t *testing.T) {
			m := newRoot(t, s)
			if start != nil {
				m.StartAt(start)
			}
			msgs := tuitest.Messages(m.Init())
			if len(msgs) < 1+common.TabCount {
				t.Fatalf("Init produced %d messages, want one from the root and each tab", len(msgs))
			}
			msgs = append(msgs, common.ReloadMsg{Revision: 1 << 40}, common.ChangedMsg{})
			for _, msg := range msgs {
				m.Update(msg)
				for _, tab := range m.tabs {
					_ = tab.View() // the root shows none of them yet: ask each
				}
				if err := m.Crash(); err != nil {
					t.Fatalf("%T before the first size: %v", msg, err)
				}
				_ = m.View()
			}
			m.Update(tea.WindowSizeMsg{Width: 80, Height: 24})
			if got := m.tabs[common.GuideTab].View(); start == nil && got != readingAt {
				t.Errorf("the Guide did not come back where it was left:\n%s\nwant:\n%s", got, readingAt)
			}
			for _, size := range [][2]int{{80, 24}, {120, 40}} {
				m.Update(tea.WindowSizeMsg{Width: size[0], Height: size[1]})
				for tab := range common.TabCount {
					m.switchTo(common.TabID(tab))
					_ = m.View()
				}
				if err := m.Crash(); err != nil {
					t.Fatalf("after the first size: %v", err)
				}
			}
		})
	}
}
