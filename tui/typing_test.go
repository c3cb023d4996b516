package tui

import (
	"strings"
	"testing"

	tea "github.com/charmbracelet/bubbletea"

	"lumbar/store"
	"lumbar/store/diary"
)

// keyWords are words that are also the names of keys: typed fast, each
// reaches the program as one rune message whose String() is that name.
var keyWords = []string{"left", "right", "up", "down", "end", "home", "enter", "tab", "esc",
	"space", "delete", "backspace", "pgup", "pgdown", "ctrl+o", "shift+tab"}

// typeFast sends text as a terminal read in bursts hands it on: each word
// one rune message, each space its own key.
func typeFast(m *root, text string) {
	for i, word := range strings.Split(text, " ") {
		if i > 0 {
			m.Update(keyMsg(" "))
		}
		if word != "" {
			m.Update(tea.KeyMsg{Type: tea.KeyRunes, Runes: []rune(word)})
		}
	}
}

func repeat(m *root, name string, times int) {
	for range times {
		m.Update(keyMsg(name))
	}
}

// Words typed in the Log form are saved as typed: in the medication line
// and the note, no word moves the cursor, changes field or saves.
func TestWordsTypedInTheLogFormAreText(t *testing.T) {
	s := tempStore(t)
	m := newModel(t, s, 80, 24)
	m.d.Run(m.Init())
	medication := "ibuprofen 400 mg " + strings.Join(keyWords, " ")
	note := "numb toes on left foot, then press enter to save; " + strings.Join(keyWords, " ")
	m.press("2", "n", "3")
	repeat(m, "tab", 8) // to "Medication"
	typeFast(m, medication)
	repeat(m, "tab", 4) // to "Note"
	typeFast(m, note)
	if !strings.Contains(m.View(), "New entry") {
		t.Fatal("the form closed while words were being typed")
	}
	m.press("enter")
	entries, err := store.Read(s, func(tx *store.Tx) ([]store.Item[diary.PainEntry], error) {
		return store.Pain.Latest(tx, 10)
	})
	if err != nil {
		t.Fatal(err)
	}
	if len(entries) != 1 {
		t.Fatalf("saved %d entries, want 1", len(entries))
	}
	e := entries[0].Value
	if e.Medication != medication {
		t.Errorf("medication saved as\n%q\nwant\n%q", e.Medication, medication)
	}
	if e.Note != note {
		t.Errorf("note saved as\n%q\nwant\n%q", e.Note, note)
	}
}

// The Guide's search box searches for the words typed.
func TestWordsTypedInTheGuideSearchAreText(t *testing.T) {
	m := newModel(t, tempStore(t), 100, 30)
	query := strings.Join(keyWords[:12], " ") // within the box's 80 characters
	m.press("1", "/")
	typeFast(m, query)
	if view := m.View(); !strings.Contains(view, "/"+query) {
		t.Errorf("the search box does not hold %q:\n%s", query, view)
	}
	m.press("enter")
	if view := m.View(); !strings.Contains(view, "/"+query+"  no matches") {
		t.Errorf("the search for %q is not the one typed:\n%s", query, view)
	}
}

// A settings field takes typed words as text: each word and its erasing
// leave the value typed before, and no word moves on or leaves the form.
func TestWordsTypedInASettingsFieldAreText(t *testing.T) {
	s := tempStore(t)
	m := newModel(t, s, 80, 24)
	m.d.Run(m.Init())                        // the settings the form opens with
	m.press("4", "c")                        // the form opens on water.goal
	m.Update(tea.KeyMsg{Type: tea.KeyCtrlU}) // empties the field
	typeFast(m, "1500")
	for _, w := range keyWords {
		typeFast(m, w)
		repeat(m, "backspace", len([]rune(w)))
	}
	for range len(diary.AllSettings()) { // enter through every field of the form: it saves
		m.d.Run(m.press("enter"))
	}
	got, err := store.Read(s, store.LoadSettings)
	if err != nil {
		t.Fatal(err)
	}
	if got.WaterGoalML != 1500 {
		t.Errorf("water goal saved as %d, want 1500:\n%s", got.WaterGoalML, m.View())
	}
}
