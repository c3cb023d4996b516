package tui

import (
	"os"

	tea "github.com/charmbracelet/bubbletea"
	"github.com/charmbracelet/lipgloss"

	"lumbar/content"
	"lumbar/tui/common"
	"lumbar/tui/termbg"
)

// AskBackground asks the terminal on tty whether its background is dark,
// for the colours of `lumbar guide`, printed once, waiting at most
// termbg.Wait for the answer. Commands that draw nothing in colour never
// ask (see package termbg/early); the app asks with ListenForBackground.
func AskBackground(tty *os.File) { termbg.Ask(tty, termbg.Wait) }

// BackgroundListener asks the app's terminal for its background while the
// app runs: the first frame is drawn at once in the colours for the
// guess (COLORFGBG, else dark), and redrawn in the others if the answer
// says otherwise. It reads the terminal itself, to take the answer out of
// what the person types: give Bubble Tea its Input.
type BackgroundListener struct{ *termbg.Listener }

// ListenForBackground puts the terminal (in, and out, standard output) in
// raw mode, asks it for its background and starts reading it. It is nil
// when the terminal is not to be asked (no colour is drawn, or lumbar is
// in the background): Bubble Tea then reads the terminal itself. Close it
// on every way out, before anything else is printed.
func ListenForBackground(in, out *os.File) (*BackgroundListener, error) {
	if !termbg.Askable() {
		return nil, nil
	}
	l, err := termbg.Listen(in, out)
	if err != nil {
		return nil, err
	}
	return &BackgroundListener{l}, nil
}

// Deliver sends p the terminal's answer, if it comes, as a
// BackgroundMsg. It returns when no answer can come any more.
func (b *BackgroundListener) Deliver(p *tea.Program) {
	for dark := range b.Answer {
		p.Send(BackgroundMsg{Dark: dark})
	}
}

// BackgroundMsg says whether the terminal's background is dark, as the
// terminal answered after the first frame.
type BackgroundMsg struct{ Dark bool }

// setBackground draws in the colours for the background from now on:
// lipgloss picks each adaptive colour as it renders, and the tabs draw
// again what they keep drawn.
func (m *Model) setBackground(dark bool) {
	if dark == lipgloss.HasDarkBackground() {
		return
	}
	lipgloss.SetHasDarkBackground(dark)
	for _, t := range m.tabs {
		if r, ok := t.(common.Restyler); ok {
			r.Restyle()
		}
	}
}

// Prepare starts, on another core, the work the app's first frame needs
// that does not depend on the data file: parsing the built-in stretch
// library (about 2 ms), which the Stretch tab would otherwise do while the
// app is built, after the data file's check. Call it before opening the
// data file; New waits for it if it is not done.
func Prepare() {
	go content.BuiltIn()
}
