package guide

import (
	"fmt"
	"testing"

	"lumbar/tui/tuitest"
)

// eachSize pins the tab's frame, after keys, in an 80x24 and a 120x40
// window (less the root's tab bar, rule and status bar).
func eachSize(t *testing.T, keys ...string) {
	for _, size := range [][2]int{{80, 24}, {120, 40}} {
		t.Run(fmt.Sprintf("%dx%d", size[0], size[1]), func(t *testing.T) {
			tab := New(tuitest.Common(tuitest.TempStore(t)))
			tuitest.Golden(t, tuitest.AsProgram(tab, 3), size[0], size[1], "search", tuitest.Keys(keys...)...)
		})
	}
}

func TestGoldenFirstSection(t *testing.T) { eachSize(t) }
func TestGoldenDoctor(t *testing.T)       { eachSize(t, "!") }
func TestGoldenSearch(t *testing.T)       { eachSize(t, "/", "d", "i", "s", "c", "enter", "n") }
func TestGoldenLinkMenu(t *testing.T)     { eachSize(t, "]", "]", "o") }
func TestGoldenListFocus(t *testing.T)    { eachSize(t, "h", "j") }
