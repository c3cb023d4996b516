package guide

import (
	"bytes"
	"fmt"
	"testing"
	"time"

	tea "github.com/charmbracelet/bubbletea"
	"github.com/charmbracelet/x/exp/golden"
	"github.com/charmbracelet/x/exp/teatest"
)

// runGolden runs the tab as a program at the size the root would give it
// (the window less the tab bar, rule and status bar), types keys, and pins
// the final frame.
func runGolden(t *testing.T, width, height int, keys ...string) {
	t.Helper()
	m := newGuide(t, tempStore(t), width, height-3)
	tm := teatest.NewTestModel(t, sized{m}, teatest.WithInitialTermSize(width, height-3))
	teatest.WaitFor(t, tm.Output(), func(b []byte) bool { return bytes.Contains(b, []byte("search")) },
		teatest.WithDuration(5*time.Second), teatest.WithCheckInterval(5*time.Millisecond))
	for _, k := range keys {
		tm.Send(keyMsg(k))
	}
	if err := tm.Quit(); err != nil {
		t.Fatal(err)
	}
	final := tm.FinalModel(t, teatest.WithFinalTimeout(5*time.Second))
	golden.RequireEqual(t, []byte(final.View()))
}

// sized lets the tab run as a program: the window size message becomes
// SetSize, as the root does it.
type sized struct{ *Model }

func (s sized) Update(msg tea.Msg) (tea.Model, tea.Cmd) {
	if w, ok := msg.(tea.WindowSizeMsg); ok {
		s.SetSize(w.Width, w.Height)
		return s, nil
	}
	_, cmd := s.Model.Update(msg)
	return s, cmd
}

func eachSize(t *testing.T, keys ...string) {
	for _, size := range [][2]int{{80, 24}, {120, 40}} {
		t.Run(fmt.Sprintf("%dx%d", size[0], size[1]), func(t *testing.T) {
			runGolden(t, size[0], size[1], keys...)
		})
	}
}

func TestGoldenFirstSection(t *testing.T) { eachSize(t) }
func TestGoldenDoctor(t *testing.T)       { eachSize(t, "!") }
func TestGoldenSearch(t *testing.T)       { eachSize(t, "/", "d", "i", "s", "c", "enter", "n") }
func TestGoldenLinkMenu(t *testing.T)     { eachSize(t, "]", "]", "o") }
func TestGoldenListFocus(t *testing.T)    { eachSize(t, "h", "j") }
