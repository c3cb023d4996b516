package journal

import (
	"strings"
	"testing"

	tea "github.com/charmbracelet/bubbletea"
)

// paste sends text as a terminal's bracketed paste: one message.
func (tb *tab) paste(text string) {
	tb.Update(tea.KeyMsg{Type: tea.KeyRunes, Runes: []rune(text), Paste: true})
}

// toNote opens a new entry rated 4 and moves to its note.
func (tb *tab) toNote() {
	tb.press("n")
	tb.typeText("4")
	for range 12 {
		tb.press("tab")
	}
}

// A paste, or a key, that would take the note over its limit is kept out
// whole, with a word; nothing is ever cut off. A text that still ends up
// over (tabs widen to spaces) is counted, kept and refused by enter.
func TestLongNoteIsRefusedNotCut(t *testing.T) {
	s := tempStore(t)
	tb := newTab(t, s, 80, 24)
	tb.toNote()
	tb.paste(strings.Repeat("0123456789", 10_000)) // 100 KB
	if v := tb.View(); tb.form.input.Note != "" ||
		!strings.Contains(v, "Not added: the note would be 100,000 characters; the limit is 4,000.") {
		t.Errorf("a 100 KB paste: the note holds %d characters, and the form says:\n%s", len(tb.form.input.Note), v)
	}
	tb.paste(strings.Repeat("a", 3_990))
	tb.typeText("bcdefghijk")
	tb.press(" ")
	if v := tb.View(); len(tb.form.input.Note) != 4_000 ||
		!strings.Contains(v, "Not added: the note would be 4,001 characters; the limit is 4,000.") {
		t.Errorf("a key past the limit: the note holds %d characters, and the form says:\n%s", len(tb.form.input.Note), v)
	}
	tb.press("backspace", "backspace")
	tb.paste("\tz") // 2 characters fit; the tab becomes 4 spaces
	if v := tb.View(); len(tb.form.input.Note) != 4_003 ||
		!strings.Contains(v, "Note: 4,003 characters, 3 over the limit of 4,000; shorten it to save.") {
		t.Errorf("a tab widened past the limit: the note holds %d characters, and the form says:\n%s", len(tb.form.input.Note), v)
	}
	tb.press("enter")
	if n := len(entries(t, s)); n != 0 || tb.form == nil {
		t.Fatalf("a note over the limit: %d entries saved, form open %v", n, tb.form != nil)
	}
	if v := tb.View(); !strings.Contains(v, "note is 4003 characters; the most is 4000") {
		t.Errorf("enter did not say why nothing was saved:\n%s", v)
	}
	tb.press("backspace", "backspace", "backspace")
	want := strings.TrimSpace(tb.form.input.Note)
	tb.press("enter")
	if got := entries(t, s); len(got) != 1 || got[0].Value.Note != want || len(want) != 3_998 {
		t.Errorf("after shortening: %d entries saved", len(got))
	}
}

// Near the limit the form counts; a note of exactly the limit saves whole.
func TestNoteNearTheLimitIsCountedAndSavedWhole(t *testing.T) {
	s := tempStore(t)
	tb := newTab(t, s, 80, 24)
	tb.toNote()
	tb.paste(strings.Repeat("a", 3_599))
	if v := tb.View(); strings.Contains(v, "characters") {
		t.Errorf("a counter well within the limit:\n%s", v)
	}
	tb.typeText("b")
	if v := tb.View(); !strings.Contains(v, "Note: 3,600 of 4,000 characters.") {
		t.Errorf("no counter at 90%% of the limit:\n%s", v)
	}
	tb.paste(strings.Repeat("c", 400))
	tb.press("enter")
	got := entries(t, s)
	if len(got) != 1 || len(got[0].Value.Note) != 4_000 {
		t.Fatalf("a note of exactly 4,000 characters: %d entries saved", len(got))
	}
}

// Medication has its limit kept the same way.
func TestLongMedicationIsRefusedNotCut(t *testing.T) {
	s := tempStore(t)
	tb := newTab(t, s, 80, 24)
	tb.press("n")
	tb.typeText("4")
	for range 8 {
		tb.press("tab")
	}
	tb.paste(strings.Repeat("m", 250))
	if v := tb.View(); tb.form.input.Medication != "" ||
		!strings.Contains(v, "Not added: the medication would be 250 characters; the limit is 200.") {
		t.Errorf("a paste of 250: medication holds %d, and the form says:\n%s", len(tb.form.input.Medication), v)
	}
	tb.paste(strings.Repeat("m", 190))
	if v := tb.View(); !strings.Contains(v, "Medication: 190 of 200 characters.") {
		t.Errorf("no counter near the limit:\n%s", v)
	}
	tb.typeText(strings.Repeat("m", 11))
	if v := tb.View(); len(tb.form.input.Medication) != 200 ||
		!strings.Contains(v, "Not added: the medication would be 201 characters; the limit is 200.") {
		t.Errorf("medication typed past its limit: %d kept, and the form says:\n%s", len(tb.form.input.Medication), v)
	}
	tb.press("enter")
	if got := entries(t, s); len(got) != 1 || len(got[0].Value.Medication) != 200 {
		t.Errorf("medication of 200 characters: %d entries saved", len(got))
	}
}
