package stretch

import (
	"regexp"
	"strings"
	"testing"

	"github.com/charmbracelet/x/ansi"

	"lumbar/content"
	"lumbar/store/diary"
	"lumbar/tui/common"
)

var spaces = regexp.MustCompile(`\s+`)

func folded(s string) string { return strings.TrimSpace(spaces.ReplaceAllString(ansi.Strip(s), " ")) }

// Before the first step of every routine the caution shows whole, down to
// the smallest window lumbar allows (60x20: a body of 60x17).
func TestCautionBeforeEveryRoutineShowsWhole(t *testing.T) {
	for _, size := range [][2]int{{60, 17}, {80, 21}} {
		for _, r := range content.BuiltIn().Routines {
			h := newHarness(t, size[0], size[1])
			h.send(common.StartRoutineMsg{Routine: r.ID})
			view := h.m.View()
			if got := strings.Count(view, "\n") + 1; got > size[1] {
				t.Errorf("%s at %v: %d rows", r.ID, size, got)
			}
			if !strings.Contains(folded(view), folded(gentleWarning)) {
				t.Errorf("%s at %v: the caution is not whole:\n%s", r.ID, size, view)
			}
		}
	}
}

// Pain of 9 or 10 before a routine brings one calm line before the first
// step; s starts anyway, esc leaves with nothing recorded, and the enter
// typed out of habit after the digit leaves the line in view. Less pain
// starts at once.
func TestHighPainBeforeARoutine(t *testing.T) {
	tests := []struct {
		keys    []string
		running bool
		note    bool
		saved   int
	}{
		{[]string{"8"}, true, false, 0},
		{[]string{"9"}, false, true, 0},
		{[]string{"1", "0"}, false, true, 0},
		{[]string{"9", "enter"}, false, true, 0},
		{[]string{"9", "s"}, true, false, 0},
		{[]string{"9", "enter", "s"}, true, false, 0},
		{[]string{"10", "esc"}, false, false, 0},
	}
	for _, tt := range tests {
		for _, size := range [][2]int{{60, 17}, {80, 21}} {
			h := newHarness(t, size[0], size[1])
			h.send(common.StartRoutineMsg{Routine: "desk-break"})
			h.press(tt.keys...)
			view := h.m.View()
			if got := h.m.player != nil && h.m.player.stage == running; got != tt.running {
				t.Errorf("%v: running = %v", tt.keys, got)
			}
			if got := strings.Contains(folded(view), folded(diary.HighPainLine)); got != tt.note {
				t.Errorf("%v at %v: line shown = %v:\n%s", tt.keys, size, got, view)
			}
			if len(h.sessions()) != tt.saved {
				t.Errorf("%v: %d sessions", tt.keys, len(h.sessions()))
			}
		}
	}
}
