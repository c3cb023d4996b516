package guide

import (
	"fmt"
	"testing"

	tea "github.com/charmbracelet/bubbletea"

	"lumbar/content"
	"lumbar/tui/common"
	"lumbar/tui/tuitest"
)

// eachSize pins the tab's frame, after msgs, in an 80x24 and a 120x40
// window (less the root's tab bar, rule and status bar).
func eachSize(t *testing.T, msgs ...tea.Msg) {
	for _, size := range [][2]int{{80, 24}, {120, 40}} {
		t.Run(fmt.Sprintf("%dx%d", size[0], size[1]), func(t *testing.T) {
			tab := New(tuitest.NewDriver(t).Common(tuitest.TempStore(t)))
			tuitest.Golden(t, tuitest.AsProgram(tab), size[0], size[1], "search", msgs...)
		})
	}
}

func TestGoldenFirstSection(t *testing.T) { eachSize(t) }
func TestGoldenDoctor(t *testing.T) {
	eachSize(t, common.OpenGuideMsg{Section: content.DoctorSection}) // what ! sends
}
func TestGoldenSearch(t *testing.T) {
	eachSize(t, tuitest.Keys("/", "d", "i", "s", "c", "enter", "n")...)
}
func TestGoldenLinkMenu(t *testing.T)  { eachSize(t, tuitest.Keys("]", "]", "o")...) }
func TestGoldenListFocus(t *testing.T) { eachSize(t, tuitest.Keys("h", "j")...) }
