package tui

import (
	"strings"
	"testing"
	"time"

	tea "github.com/charmbracelet/bubbletea"

	"lumbar/store"
	"lumbar/tui/common"
	"lumbar/tui/remind"
	"lumbar/tui/theme"
)

type silentAlerts struct{ bells int }

func (s *silentAlerts) Bell()                    { s.bells++ }
func (s *silentAlerts) Notify(_, _ string) error { return nil }

// reloadRemind makes the Remind tab re-read the file, as a poll that saw a
// write would, and hands its answer back through the root. Timers the
// tab sets are not run.
func reloadRemind(m *Model) {
	_, cmd := m.Update(common.ReloadMsg{})
	deliverOnce(m, cmd)
}

// deliverOnce runs cmd and hands what it returns to m, opening batches,
// but does not follow the commands that leads to (timers among them).
func deliverOnce(m *Model, cmd tea.Cmd) {
	if cmd == nil {
		return
	}
	msg := cmd()
	if batch, ok := msg.(tea.BatchMsg); ok {
		for _, c := range batch {
			deliverOnce(m, c)
		}
		return
	}
	if msg != nil {
		m.Update(msg)
	}
}

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
	s := tempStore(t)
	now := time.Date(2026, 11, 27, 9, 10, 0, 0, time.UTC) // Friday, in active hours
	m := NewWithStyles(s, func() time.Time { return now }, theme.NewFor(true))
	alerts := &silentAlerts{}
	m.tabs[common.RemindTab] = remind.New(m.common, remind.WithAlerter(alerts))
	log := &fakeTab{}
	m.tabs[common.LogTab] = log
	m.setSize(80, 24)
	reloadRemind(m)
	press(m, "2")
	if v := m.View(); strings.Contains(v, "posture check") || !strings.Contains(v, "posture in 20m") {
		t.Fatalf("before the check is due:\n%s", v)
	}

	now = now.Add(21 * time.Minute)
	reloadRemind(m)
	view := m.View()
	if !strings.Contains(view, "Time for a posture check") || !strings.Contains(view, "ctrl+s snooze 10m") ||
		!strings.Contains(view, "posture now") || m.Active() != common.LogTab {
		t.Fatalf("the banner is not drawn over the Log tab:\n%s", view)
	}
	if lines := strings.Split(view, "\n"); len(lines) != 24 {
		t.Errorf("the banner changed the frame's height to %d", len(lines))
	}

	// Behind the help screen the banner and its keys rest.
	press(m, "?", "ctrl+s")
	if v := m.View(); strings.Contains(v, "posture check") || !m.HelpShown() {
		t.Errorf("the banner shows over help, or ctrl+s closed it:\n%s", v)
	}
	press(m, "esc")
	if v := m.View(); !strings.Contains(v, "Time for a posture check") {
		t.Fatalf("ctrl+s acted behind the help screen:\n%s", v)
	}

	// While the open tab takes typing (a note, a search, a routine in
	// progress) the banner waits: it covers nothing and takes no keys.
	log.capturing = true
	if v := m.View(); strings.Contains(v, "posture check") || !strings.Contains(v, "posture now") {
		t.Errorf("the banner covers a tab that is taking typing:\n%s", v)
	}
	press(m, "s", "ctrl+s")
	if keys := keysGot(log); keys != "s ctrl+s" {
		t.Errorf("the Log tab got keys %q, want both while it takes typing", keys)
	}
	log.capturing = false

	// Then the banner's keys reach the Remind tab from the Log tab.
	press(m, "ctrl+s")
	if keys := keysGot(log); keys != "s ctrl+s" {
		t.Errorf("the Log tab got keys %q: the banner's ctrl+s went astray", keys)
	}
	if v := m.View(); strings.Contains(v, "posture check") || !strings.Contains(v, "posture in 10m") {
		t.Errorf("ctrl+s did not snooze from the Log tab:\n%s", v)
	}
	var checks []store.Check
	_ = s.View(func(tx *store.Tx) error {
		return store.Range(tx, store.BucketChecks, now.Add(-time.Hour), now.Add(time.Hour), func(it store.Item[store.Check]) error {
			checks = append(checks, it.Value)
			return nil
		})
	})
	if len(checks) != 1 || checks[0].Action != store.ActionSnoozed {
		t.Errorf("recorded %+v", checks)
	}
	// Without a banner the same key is the open tab's.
	press(m, "ctrl+s")
	if keys := keysGot(log); keys != "s ctrl+s ctrl+s" {
		t.Errorf("the Log tab got keys %q: ctrl+s was taken although no banner showed", keys)
	}
	// The Remind tab shows its reminder itself, not under a banner.
	now = now.Add(10 * time.Minute)
	reloadRemind(m)
	press(m, "4")
	if v := m.View(); strings.Count(v, "Time for a posture check") != 1 || !strings.Contains(v, "enter done") {
		t.Errorf("the Remind tab's own view:\n%s", v)
	}
}
