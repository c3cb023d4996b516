// Package tuitest is what the TUI's tests share: the Driver every test
// drives a model with (its clock, timers and bells), plain styles,
// temporary stores, key messages by name, and golden frames of a model
// run as a real program. Only tests import it.
package tuitest

import (
	"bytes"
	"os"
	"path/filepath"
	"testing"
	"time"

	tea "github.com/charmbracelet/bubbletea"
	"github.com/charmbracelet/lipgloss"
	"github.com/charmbracelet/x/exp/golden"
	"github.com/charmbracelet/x/exp/teatest"
	"github.com/muesli/termenv"

	"lumbar/store"
	"lumbar/tui/common"
)

// Now is the tests' fixed clock reading: a Friday morning.
var Now = time.Date(2026, 11, 27, 9, 30, 0, 0, time.UTC)

// Main pins plain output (no colour, no terminal queries) for golden
// files, then runs the package's tests. Call it from TestMain. It also
// points XDG_CONFIG_HOME at an empty folder, so no view depends on this
// machine's own routines.toml.
func Main(m *testing.M) {
	lipgloss.SetColorProfile(termenv.Ascii)
	lipgloss.SetHasDarkBackground(true)
	noConfig, err := os.MkdirTemp("", "lumbar-test-config-")
	if err != nil {
		panic(err)
	}
	os.Setenv("XDG_CONFIG_HOME", noConfig)
	code := m.Run()
	os.RemoveAll(noConfig)
	os.Exit(code)
}

// TempStore is a fresh data file that disappears after the test.
func TempStore(t testing.TB) *store.Store {
	t.Helper()
	s, err := store.Open(filepath.Join(t.TempDir(), "lumbar.db"))
	if err != nil {
		t.Fatal(err)
	}
	return s
}

// DiaryInUse is TempStore for a diary first opened a month before Now, so
// its reminders fall due as they do for a person who has used lumbar for
// a while (a brand-new diary counts from its first open).
func DiaryInUse(t testing.TB) *store.Store {
	t.Helper()
	s := TempStore(t)
	err := s.Update(func(tx *store.Tx) error {
		_, err := store.RecordFirstOpen(tx, Now.AddDate(0, -1, 0))
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	return s
}

// Key is the key message for a key's name as bubbles spells it ("enter",
// "shift+tab", "pgdown"); any other string is typed as runes.
func Key(name string) tea.KeyMsg {
	if t, ok := namedKeys[name]; ok {
		if t == tea.KeySpace {
			return tea.KeyMsg{Type: t, Runes: []rune{' '}} // as Bubble Tea reads it
		}
		return tea.KeyMsg{Type: t}
	}
	return tea.KeyMsg{Type: tea.KeyRunes, Runes: []rune(name)}
}

var namedKeys = map[string]tea.KeyType{
	"enter": tea.KeyEnter, "esc": tea.KeyEsc, "tab": tea.KeyTab, "shift+tab": tea.KeyShiftTab,
	"backspace": tea.KeyBackspace, "ctrl+c": tea.KeyCtrlC, " ": tea.KeySpace, "space": tea.KeySpace,
	"up": tea.KeyUp, "down": tea.KeyDown, "left": tea.KeyLeft, "right": tea.KeyRight,
	"pgup": tea.KeyPgUp, "pgdown": tea.KeyPgDown, "home": tea.KeyHome, "end": tea.KeyEnd,
	"ctrl+o": tea.KeyCtrlO, "ctrl+s": tea.KeyCtrlS, "ctrl+x": tea.KeyCtrlX,
}

// Golden runs m as a program at width×height, waits until its output
// shows ready (if ready is not empty: for data a command loads), sends
// msgs, quits, and compares the final frame with the test's golden file
// (go test -update rewrites it).
func Golden(t *testing.T, m tea.Model, width, height int, ready string, msgs ...tea.Msg) {
	t.Helper()
	GoldenSettled(t, m, width, height, ready, msgs, "")
}

// GoldenSettled is Golden that, after sending msgs, also waits for the
// output to show settled: for a view whose data is loaded in the
// background and only drawn once msgs have brought it to the front.
func GoldenSettled(t *testing.T, m tea.Model, width, height int, ready string, msgs []tea.Msg, settled string) {
	t.Helper()
	tm := teatest.NewTestModel(t, m, teatest.WithInitialTermSize(width, height))
	waitFor(t, tm, ready)
	for _, msg := range msgs {
		tm.Send(msg)
	}
	waitFor(t, tm, settled)
	if err := tm.Quit(); err != nil {
		t.Fatal(err)
	}
	final := tm.FinalModel(t, teatest.WithFinalTimeout(5*time.Second))
	golden.RequireEqual(t, []byte(final.View()))
}

// waitFor waits until the program's output since the last wait shows
// text; an empty text is not waited for.
func waitFor(t *testing.T, tm *teatest.TestModel, text string) {
	t.Helper()
	if text == "" {
		return
	}
	teatest.WaitFor(t, tm.Output(), func(out []byte) bool { return bytes.Contains(out, []byte(text)) },
		teatest.WithDuration(5*time.Second), teatest.WithCheckInterval(5*time.Millisecond))
}

// Keys turns key names into messages, for Golden.
func Keys(names ...string) []tea.Msg {
	msgs := make([]tea.Msg, len(names))
	for i, n := range names {
		msgs[i] = Key(n)
	}
	return msgs
}

// AsProgram lets a tab run as a program on its own: the window size
// becomes SetSize, as the root does it (less the root's own rows).
func AsProgram(tab common.Tab) tea.Model { return program{tab} }

type program struct{ tab common.Tab }

func (p program) Init() tea.Cmd { return p.tab.Init() }
func (p program) View() string  { return p.tab.View() }
func (p program) Update(msg tea.Msg) (tea.Model, tea.Cmd) {
	if w, ok := msg.(tea.WindowSizeMsg); ok {
		p.tab.SetSize(w.Width, w.Height-common.ChromeRows)
		return p, nil
	}
	_, cmd := p.tab.Update(msg)
	return p, cmd
}
