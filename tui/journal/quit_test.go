package journal_test

import (
	"path/filepath"
	"testing"
	"time"

	tea "github.com/charmbracelet/bubbletea"

	"lumbar/store"
	"lumbar/store/diary"
	"lumbar/tui"
	"lumbar/tui/theme"
)

// A person logs and quits at once: the entry must be on disk by the time
// the root answers q with tea.Quit, since Bubble Tea does not wait for
// commands still running when it quits.
func TestSaveThenQuitAtOnceKeepsTheEntry(t *testing.T) {
	s, err := store.Open(filepath.Join(t.TempDir(), "lumbar.db"))
	if err != nil {
		t.Fatal(err)
	}
	now := time.Date(2026, 11, 27, 9, 30, 0, 0, time.UTC)
	root := tui.NewWithStyles(s, func() time.Time { return now }, theme.NewFor(true))
	root.Update(tea.WindowSizeMsg{Width: 80, Height: 24})
	var cmd tea.Cmd
	for _, k := range []tea.KeyMsg{
		{Type: tea.KeyRunes, Runes: []rune("2")},
		{Type: tea.KeyRunes, Runes: []rune("n")},
		{Type: tea.KeyRunes, Runes: []rune("6")},
		{Type: tea.KeyEnter},
		{Type: tea.KeyRunes, Runes: []rune("q")},
	} {
		_, cmd = root.Update(k)
	}
	if cmd == nil {
		t.Fatal("q did nothing after saving")
	}
	if _, ok := cmd().(tea.QuitMsg); !ok {
		t.Fatal("q after saving did not quit")
	}
	var got []store.Item[diary.PainEntry]
	_ = s.View(func(tx *store.Tx) (err error) {
		got, err = store.Pain.Latest(tx, 10)
		return err
	})
	if len(got) != 1 || got[0].Value.Pain != 6 {
		t.Errorf("on disk at quit: %+v", got)
	}
}
