package stretch

import (
	"fmt"
	"strings"
	"testing"

	"github.com/charmbracelet/x/ansi"

	"github.com/charmbracelet/lipgloss"

	"lumbar/store/diary"
	"lumbar/tui/common"
)

// allowedSizes are windows from the smallest lumbar draws in up; the tab
// gets them less the root's rows.
var allowedSizes = [][2]int{{60, 20}, {61, 21}, {66, 22}, {72, 23}, {80, 24}, {100, 30}, {120, 40}, {200, 57}}

// requireWhole fails unless every word of text is whole on the screen a
// width×height tab shows of view.
func requireWhole(t *testing.T, what, text, view string, width, height int) {
	t.Helper()
	shown := screenWords(view, width, height)
	for _, word := range strings.Fields(ansi.Strip(text)) {
		if !wholeOnScreen(word, shown) {
			t.Errorf("%s at %dx%d: %q of %q is not on screen:\n%s", what, width, height, word, text, view)
			return
		}
	}
}

func TestPainQuestionWarningIsWholeAtEverySize(t *testing.T) {
	for _, size := range allowedSizes {
		width, height := size[0], size[1]-common.ChromeRows
		for _, r := range []string{"desk-break", "sciatica-relief", "morning-mobility", "evening-wind-down"} {
			h := newHarness(t, width, height)
			h.send(common.StartRoutineMsg{Routine: r})
			requireWhole(t, r+" pain question", gentleWarning, h.m.View(), width, height)
		}
	}
}

// A warning longer than today's still shows whole in the smallest window:
// the rest of the screen gives way.
func TestALongPainQuestionWarningIsWholeInTheSmallestWindow(t *testing.T) {
	width, height := 60, 20-common.ChromeRows
	h := newHarness(t, width, height)
	h.send(common.StartRoutineMsg{Routine: "desk-break"})
	// Twelve lines: the most the smallest window holds under the question.
	long := gentleWarning
	for _, word := range strings.Fields(diary.EscalationLine + " " + diary.HighPainLine) {
		if lineCount(wrap(long+" "+word, h.m.width-2*margin)) > 12 {
			break
		}
		long += " " + word
	}
	view := lipgloss.NewStyle().PaddingLeft(leftPad).Render(lipgloss.NewStyle().Padding(1, margin).Render(
		h.m.player.painQuestionView("How is your pain right now, from 0 to 10?", "esc back to the library", long)))
	requireWhole(t, "a long warning", long, view, width, height)
}

// Every step of every built-in routine, in every allowed window, shows
// the caution of the stretch done (or, in a rest, coming up) whole.
func TestPlayerCautionIsWholeAtEverySize(t *testing.T) {
	for _, size := range allowedSizes {
		width, height := size[0], size[1]-common.ChromeRows
		h := newHarness(t, width, height)
		h.painPromptOff()
		for _, r := range h.m.library.Routines {
			p := h.startRoutine(r.ID, "")
			for i := range r.Steps {
				if s := p.shownStretch(); s != nil && s.Caution != "" {
					requireWhole(t, fmt.Sprintf("%s step %d", r.ID, i+1), s.Caution, h.m.View(), width, height)
				}
				h.press("space") // paused: the hints take their longest form
				if s := p.shownStretch(); s != nil && s.Caution != "" {
					requireWhole(t, fmt.Sprintf("%s step %d paused", r.ID, i+1), s.Caution, h.m.View(), width, height)
				}
				h.press("space", "n")
			}
			h.press("enter") // the summary, back to the library
		}
	}
}

// With the pain questions off, the caution still stands before the first
// step of every routine, whole in every allowed window.
func TestCautionBeforeTheFirstStepWithoutPainQuestions(t *testing.T) {
	for _, size := range allowedSizes {
		width, height := size[0], size[1]-common.ChromeRows
		h := newHarness(t, width, height)
		h.painPromptOff()
		for _, r := range h.m.library.Routines {
			h.send(common.StartRoutineMsg{Routine: r.ID})
			requireWhole(t, fmt.Sprintf("%s before the first step at %dx%d", r.ID, width, height), gentleWarning, h.m.View(), width, height)
			h.press("esc")
			if h.m.player != nil {
				t.Fatalf("esc before the first step did not leave the player")
			}
		}
	}
}
