package stretch

import (
	"regexp"
	"strings"
	"testing"

	"github.com/charmbracelet/x/ansi"

	"lumbar/content"
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
