package stretch

import (
	"slices"
	"strings"
	"testing"

	"github.com/charmbracelet/x/ansi"

	"lumbar/tui/common"
	"lumbar/tui/tuitest"
)

// TestStretchDetailKeepsEveryWordWhole reads every stretch at every width
// from 60 to 200 as a terminal of that width shows it (each line cut at
// the window's edge) and looks for every word of its steps and caution.
func TestStretchDetailKeepsEveryWordWhole(t *testing.T) {
	const height = 40 // tall enough that no stretch scrolls
	h := newHarness(t, 80, height)
	for width := 60; width <= 200; width++ {
		if !sweptWidth(width) {
			continue
		}
		h.m.SetSize(width, height)
		for _, s := range h.m.library.Stretches {
			h.send(common.OpenStretchMsg{Stretch: s.ID})
			if !h.m.detail.AtBottom() {
				t.Fatalf("%s at %dx%d does not fit: make the test taller", s.ID, width, height)
			}
			shown := wordsOnScreen(h.m.View(), width)
			for _, text := range append([]string{s.Caution}, s.Steps...) {
				for _, word := range strings.Fields(text) {
					if !wholeOnScreen(word, shown) {
						t.Errorf("%s at %d columns: %q is not whole on screen", s.ID, width, word)
					}
				}
			}
			h.press("esc")
		}
	}
}

// sweptWidth is whether a sweep over window widths draws at width: every
// width, or under the slow race detector every fourth one and the common
// terminal widths.
func sweptWidth(width int) bool {
	return !tuitest.RaceDetector || width%4 == 0 || slices.Contains([]int{61, 81, 99, 101, 119, 121, 199}, width)
}

// wordsOnScreen counts the words a terminal width columns wide shows of
// view.
func wordsOnScreen(view string, width int) map[string]int {
	words := map[string]int{}
	for _, line := range strings.Split(ansi.Strip(view), "\n") {
		for _, w := range strings.Fields(ansi.Truncate(line, width, "")) {
			words[w]++
		}
	}
	return words
}

// wholeOnScreen is whether word is shown whole; a hyphenated word may
// break after a hyphen ("hip-" then "width"), as in print.
func wholeOnScreen(word string, shown map[string]int) bool {
	if shown[word] > 0 {
		return true
	}
	parts := strings.SplitAfter(word, "-")
	if len(parts) == 1 {
		return false
	}
	for _, p := range parts {
		if shown[p] == 0 {
			return false
		}
	}
	return true
}

// screenWords counts the words a window shows of view: the first height
// lines, each cut at width columns, as the root fits a tab's view.
func screenWords(view string, width, height int) map[string]int {
	lines := strings.Split(view, "\n")
	return wordsOnScreen(strings.Join(lines[:min(height, len(lines))], "\n"), width)
}
