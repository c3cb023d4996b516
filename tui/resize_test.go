package tui

import (
	"fmt"
	"strings"
	"testing"

	tea "github.com/charmbracelet/bubbletea"
	"github.com/charmbracelet/lipgloss"

	"lumbar/store"
	"lumbar/tui/common"
)

// mode is a state a tab can be in, reached by keys once the tab is open;
// shows is text the tab draws only in that state.
type mode struct {
	name  string
	enter func(m *root)
	shows string
}

func keys(names ...string) func(m *root) { return func(m *root) { m.press(names...) } }

func startRoutine(then ...string) func(m *root) {
	return func(m *root) {
		m.Update(common.StartRoutineMsg{Routine: "desk-break"})
		m.press(then...)
	}
}

// warningTicked opens a Log entry and ticks the first warning sign, which
// puts the doctor advice beside (or under) the form.
var warningTicked = append(append([]string{"n", "6"}, strings.Fields(strings.Repeat("tab ", 11))...), " ")

// tabModes is, for each tab, the states it can be resized in.
var tabModes = [common.TabCount][]mode{
	common.GuideTab: {
		{"reading", keys("!", "j"), "When to see a doctor"},
		{"typing a search", keys("/", "p", "a", "i", "n"), "/pain"},
		{"a search with matches", keys("/", "p", "a", "i", "n", "enter", "n"), "n/N next/previous"},
		{"the link menu", keys("]", "]", "o"), "Follow a link"},
	},
	common.LogTab: {
		{"history", keys("j", "j"), "History"},
		{"chart", keys("l"), "Chart"},
		{"calendar", keys("l", "l"), "Calendar"},
		{"insights", keys("l", "l", "l"), "Insights"},
		{"an entry shown", keys("enter"), "esc back"},
		{"a half-typed entry", keys("n", "6", "tab", "tab", "tab", "tab"), "New entry"},
		{"a warning sign ticked", keys(warningTicked...), "New entry"},
		{"the advice after saving", keys(append(warningTicked, "enter")...), "When to see a doctor"},
	},
	common.StretchTab: {
		{"the library", keys("j"), "Desk break"},
		{"reading a routine", keys("enter"), "esc back · s start"},
		{"the pain question", startRoutine(), "How is your pain right now"},
		{"the player", startRoutine("4"), "Shoulder rolls"},
		{"the player paused", startRoutine("4", " "), "Shoulder rolls"},
	},
	common.RemindTab: {
		{"today", keys(), "Water"},
		{"the settings form", keys("c"), "water.goal"},
		{"choosing quiet", keys("p"), "until tomorrow"},
	},
}

// sizesSwept is a window dragged from nothing to large and back, across
// the sizes where layouts change (the 60x20 minimum, the Guide's list at
// 90 columns).
var sizesSwept = [][2]int{{1, 1}, {59, 19}, {60, 20}, {89, 30}, {90, 31}, {200, 60}, {33, 7}, {80, 24}}

// Resizing never breaks a tab, whatever it is doing. With a year of data
// and a saved place, every tab is put in each of its modes (all four tabs
// at once, a mode each, as the root resizes them all), the window is
// resized through sizesSwept, each tab's frame fits the window at every
// size, and each mode (a half-typed entry, a search's matches, a routine)
// is still there afterwards.
func TestResizeEveryTabInEveryMode(t *testing.T) {
	s, _ := lovedStore(t)
	// No reminder is due on this Friday: a banner would cover the bottom
	// rows, where some modes say what they are.
	if err := s.Update(func(tx *store.Tx) error {
		return store.ChangeSettings(tx, map[string]string{"hours.days": "sat,sun"})
	}); err != nil {
		t.Fatal(err)
	}
	scenes := 0
	for _, modes := range tabModes {
		scenes = max(scenes, len(modes))
	}
	for scene := range scenes {
		m := newModel(t, s, 80, 24)
		m.d.Run(m.Init())
		var modes [common.TabCount]mode
		for tab := range common.TabCount {
			modes[tab] = tabModes[tab][0] // a tab out of modes rests in its first
			if scene < len(tabModes[tab]) {
				modes[tab] = tabModes[tab][scene]
			}
			m.switchTo(common.TabID(tab))
			modes[tab].enter(m)
			if v := m.View(); !strings.Contains(v, modes[tab].shows) {
				t.Fatalf("%s: %s did not open: %q is not shown:\n%s", common.TabID(tab), modes[tab].name, modes[tab].shows, v)
			}
		}
		for _, size := range sizesSwept {
			m.Update(tea.WindowSizeMsg{Width: size[0], Height: size[1]})
			if err := m.Crash(); err != nil {
				t.Fatalf("resized to %dx%d: %v", size[0], size[1], err)
			}
			for tab := range common.TabCount {
				m.switchTo(common.TabID(tab))
				if err := fits(m.View(), size[0], size[1]); err != nil {
					t.Errorf("%s, %s, at %dx%d: %v", common.TabID(tab), modes[tab].name, size[0], size[1], err)
				}
			}
		}
		for tab := range common.TabCount {
			m.switchTo(common.TabID(tab))
			if v := m.View(); !strings.Contains(v, modes[tab].shows) {
				t.Errorf("%s: after resizing, %s is gone (%q is not shown):\n%s", common.TabID(tab), modes[tab].name, modes[tab].shows, v)
			}
		}
	}
}

// fits says how view overflows a width×height window, if it does.
func fits(view string, width, height int) error {
	lines := strings.Split(view, "\n")
	if len(lines) != height {
		return fmt.Errorf("%d lines", len(lines))
	}
	for i, line := range lines {
		if w := lipgloss.Width(line); w > width {
			return fmt.Errorf("line %d is %d cells wide", i, w)
		}
	}
	return nil
}
