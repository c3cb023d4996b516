package tui

import (
	"fmt"
	"strings"
	"testing"
	"time"

	tea "github.com/charmbracelet/bubbletea"

	"lumbar/store"
	"lumbar/store/diary"
	"lumbar/tui/common"
	"lumbar/tui/tuitest"
)

func keysGot(tab *fakeTab) string {
	var keys []string
	for _, msg := range tab.got {
		if k, ok := msg.(tea.KeyMsg); ok {
			keys = append(keys, k.String())
		}
	}
	return strings.Join(keys, " ")
}

func TestReminderBannerOverAnyTab(t *testing.T) {
	s := tuitest.DiaryInUse(t)
	m := newRoot(t, s)
	m.d.SetClock(time.Date(2026, 11, 27, 9, 10, 0, 0, time.UTC)) // Friday, in active hours
	log := &fakeTab{}
	m.tabs[common.LogTab] = log
	m.setSize(80, 24)
	m.d.Deliver(common.ReloadMsg{})
	m.press("2")
	if v := m.View(); strings.Contains(v, "posture check") || !strings.Contains(v, "posture in 20m") {
		t.Fatalf("before the check is due:\n%s", v)
	}

	m.d.Advance(21 * time.Minute)
	m.d.Deliver(common.ReloadMsg{})
	view := m.View()
	if !strings.Contains(view, "Time for a posture check") || !strings.Contains(view, "ctrl+s snooze 10m") ||
		!strings.Contains(view, "posture now") || m.Active() != common.LogTab {
		t.Fatalf("the banner is not drawn over the Log tab:\n%s", view)
	}
	if lines := strings.Split(view, "\n"); len(lines) != 24 {
		t.Errorf("the banner changed the frame's height to %d", len(lines))
	}

	// Behind the help screen the banner and its keys rest.
	m.press("?", "ctrl+s")
	if v := m.View(); strings.Contains(v, "posture check") || !m.HelpShown() {
		t.Errorf("the banner shows over help, or ctrl+s closed it:\n%s", v)
	}
	m.press("esc")
	if v := m.View(); !strings.Contains(v, "Time for a posture check") {
		t.Fatalf("ctrl+s acted behind the help screen:\n%s", v)
	}

	// While the open tab takes typing (a note, a search, a routine in
	// progress) the banner waits: it covers nothing and takes no keys.
	log.capturing = true
	if v := m.View(); strings.Contains(v, "posture check") || !strings.Contains(v, "posture now") {
		t.Errorf("the banner covers a tab that is taking typing:\n%s", v)
	}
	m.press("s", "ctrl+s")
	if keys := keysGot(log); keys != "s ctrl+s" {
		t.Errorf("the Log tab got keys %q, want both while it takes typing", keys)
	}
	log.capturing = false

	// Then the banner's keys reach the Remind tab from the Log tab.
	m.press("ctrl+s")
	if keys := keysGot(log); keys != "s ctrl+s" {
		t.Errorf("the Log tab got keys %q: the banner's ctrl+s went astray", keys)
	}
	if v := m.View(); strings.Contains(v, "posture check") || !strings.Contains(v, "posture in 10m") {
		t.Errorf("ctrl+s did not snooze from the Log tab:\n%s", v)
	}
	var checks []diary.Check
	_ = s.View(func(tx *store.Tx) error {
		return store.Checks.Range(tx, m.d.Now().Add(-time.Hour), m.d.Now().Add(time.Hour), func(it store.Item[diary.Check]) error {
			checks = append(checks, it.Value)
			return nil
		})
	})
	if len(checks) != 1 || checks[0].Action != diary.ActionSnoozed {
		t.Errorf("recorded %+v", checks)
	}
	// Without a banner the same key is the open tab's.
	m.press("ctrl+s")
	if keys := keysGot(log); keys != "s ctrl+s ctrl+s" {
		t.Errorf("the Log tab got keys %q: ctrl+s was taken although no banner showed", keys)
	}
	// The Remind tab shows its reminder itself, not under a banner.
	m.d.Advance(10 * time.Minute)
	m.d.Deliver(common.ReloadMsg{})
	m.press("4")
	if v := m.View(); strings.Count(v, "Time for a posture check") != 1 || !strings.Contains(v, "enter done") {
		t.Errorf("the Remind tab's own view:\n%s", v)
	}
}

// rowsTab draws every row it is given, numbered, so a test sees whether
// any of them is hidden.
type rowsTab struct{ fakeTab }

func (r *rowsTab) Update(msg tea.Msg) (tea.Model, tea.Cmd) {
	r.fakeTab.Update(msg)
	return r, nil
}

func (r *rowsTab) View() string {
	rows := make([]string, r.h)
	for i := range rows {
		rows[i] = fmt.Sprintf("row %d of %d", i+1, r.h)
	}
	return strings.Join(rows, "\n")
}

func TestReminderBannerHidesNothingOfTheTab(t *testing.T) {
	m := newRoot(t, tuitest.DiaryInUse(t))
	m.d.SetClock(time.Date(2026, 11, 27, 9, 31, 0, 0, time.UTC)) // a posture check is due
	log := &rowsTab{}
	m.tabs[common.LogTab] = log
	const height = 24
	m.setSize(80, height)
	m.press("2")
	body := height - common.ChromeRows
	if log.h != body || !strings.Contains(m.View(), fmt.Sprintf("row %d of %d", body, body)) {
		t.Fatalf("with no banner the Log tab has %d rows, want %d:\n%s", log.h, body, m.View())
	}

	m.d.Deliver(common.ReloadMsg{})
	view := m.View()
	bannerRows := strings.Count(view, "│") / 2
	if !strings.Contains(view, "Time for a posture check") || bannerRows == 0 {
		t.Fatalf("no banner:\n%s", view)
	}
	if log.h != body-bannerRows-2 { // the box's two borders
		t.Errorf("under a %d-row banner the Log tab has %d of the body's %d rows", bannerRows+2, log.h, body)
	}
	if last := fmt.Sprintf("row %d of %d", log.h, log.h); !strings.Contains(view, last) {
		t.Errorf("the banner hides the tab's last row %q:\n%s", last, view)
	}
	if lines := strings.Count(view, "\n") + 1; lines != height {
		t.Errorf("the frame has %d lines, want %d", lines, height)
	}
	// A click on the banner is not a click on the tab's rows below it.
	m.Update(tea.MouseMsg{X: 5, Y: common.HeaderRows + log.h, Action: tea.MouseActionPress, Button: tea.MouseButtonLeft})
	for _, msg := range log.got {
		if _, ok := msg.(tea.MouseMsg); ok {
			t.Errorf("a click on the banner reached the tab as %+v", msg)
		}
	}

	// Answered, the banner goes and the tab has every row again.
	m.press("ctrl+o")
	m.d.Deliver(common.ReloadMsg{})
	if view := m.View(); strings.Contains(view, "posture check") || log.h != body ||
		!strings.Contains(view, fmt.Sprintf("row %d of %d", body, body)) {
		t.Errorf("after the answer the tab has %d rows, want %d:\n%s", log.h, body, view)
	}
}
