package journal

import (
	"path/filepath"
	"strings"
	"testing"

	"lumbar/store"
	"lumbar/store/diary"
)

// twoWindows is one data file open in two Log tabs, as in two terminals,
// both showing its one entry: pain 6, "morning".
func twoWindows(t *testing.T) (one, two *tab, s *store.Store) {
	t.Helper()
	path := filepath.Join(t.TempDir(), "lumbar.db")
	s1, err := store.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	s2, err := store.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	add(t, s1, diary.PainEntry{Stamp: at(1, 9, 0), Pain: 6, Note: "morning"})
	return newTab(t, s1, 80, 24), newTab(t, s2, 80, 24), s1
}

func only(t *testing.T, s *store.Store) diary.PainEntry {
	t.Helper()
	got := entries(t, s)
	if len(got) != 1 {
		t.Fatalf("%d entries, want 1", len(got))
	}
	return got[0].Value
}

// Two windows edit one entry: the second save is refused, its form kept,
// and it chooses: back to the form, overwrite, or reload the other's.
func TestEditRefusesToOverwriteAnotherWindowsSave(t *testing.T) {
	one, two, s := twoWindows(t)

	one.press("e")
	two.press("e")
	one.press("backspace")
	one.typeText("7")
	one.press("enter")
	two.press("backspace")
	two.typeText("3")
	two.press("enter")
	if two.form == nil || only(t, s).Pain != 7 {
		t.Fatalf("the second save went through: form open %v, stored %+v", two.form != nil, only(t, s))
	}
	v := two.View()
	for _, want := range []string{"Not saved: this entry was changed meanwhile", "pain 7, Thu 26 Nov 09:00.", "r reload theirs", "o overwrite with yours", "esc keep editing"} {
		if !strings.Contains(v, want) {
			t.Errorf("the refusal lacks %q:\n%s", want, v)
		}
	}

	two.press("esc", "enter") // back to the form, typing kept; enter is refused again
	if two.form == nil || two.form.input.Pain != "3" || two.form.conflict == nil {
		t.Fatalf("esc did not keep the form, or enter saved over the change: %+v", two.form)
	}
	two.press("o")
	if e := only(t, s); two.form != nil || e.Pain != 3 || e.Note != "morning" {
		t.Errorf("o did not save this window's edit over the other: %+v", e)
	}

	one.reload()
	one.press("e")
	one.press("backspace")
	one.typeText("9")
	two.reload()
	two.press("e")
	two.press("backspace")
	two.typeText("4")
	two.press("enter")
	one.press("enter")
	one.press("r")
	if one.form == nil || one.form.input.Pain != "4" || !strings.Contains(one.View(), "Reloaded: the entry as the other window saved it.") {
		t.Fatalf("r did not reload the other window's entry: %+v\n%s", one.form, one.View())
	}
	one.press("backspace")
	one.typeText("5")
	one.press("enter")
	if e := only(t, s); one.form != nil || e.Pain != 5 {
		t.Errorf("a save after reloading: %+v", e)
	}
}

// An edit saved over an entry deleted in another window is refused too;
// o puts it back, as edited.
func TestEditOfAnEntryDeletedInAnotherWindow(t *testing.T) {
	one, two, s := twoWindows(t)

	one.press("e")
	one.press("backspace")
	one.typeText("2")
	two.press("d", "y")
	one.press("enter")
	if n := len(entries(t, s)); n != 0 || one.form == nil {
		t.Fatalf("a save over a deleted entry: %d entries, form open %v", n, one.form != nil)
	}
	v := one.View()
	for _, want := range []string{"Not saved: this entry was deleted meanwhile, perhaps in another window.", "o save yours again"} {
		if !strings.Contains(v, want) {
			t.Errorf("the refusal lacks %q:\n%s", want, v)
		}
	}
	if one.press("r"); one.form == nil || one.form.input.Pain != "2" {
		t.Fatal("r reloaded a deleted entry")
	}
	one.press("o")
	if e := only(t, s); one.form != nil || e.Pain != 2 || e.Note != "morning" {
		t.Errorf("o did not put the edited entry back: %+v", e)
	}
}

// A draft of an edit remembers the version it began from: a change made
// to the entry before the next start is not overwritten unseen either.
func TestDraftOfAnEditDoesNotOverwriteAChangeMadeSince(t *testing.T) {
	s := tempStore(t)
	k := add(t, s, diary.PainEntry{Stamp: at(1, 9, 0), Pain: 3})
	tb := newTab(t, s, 80, 21)
	tb.press("e", "backspace")
	tb.typeText("5")
	if err := tb.Save(); err != nil { // the app ends with the edit open
		t.Fatal(err)
	}
	var base store.Version
	if err := s.View(func(tx *store.Tx) (err error) {
		_, base, err = store.Pain.GetVersioned(tx, k)
		return err
	}); err != nil {
		t.Fatal(err)
	}
	if _, err := store.Pain.Replace(s, k, base, diary.PainEntry{Stamp: at(1, 9, 0), Pain: 8, Note: "from a shell"}); err != nil {
		t.Fatal(err)
	}

	again := newTab(t, s, 80, 21)
	again.Update(loadDraft(s)())
	again.press("enter")
	if e := only(t, s); again.form == nil || again.form.conflict == nil || e.Pain != 8 {
		t.Errorf("the draft saved over a change made since: %+v", e)
	}
}

// The sign an entry's details imply is added only to the entry as it was
// saved: an edit from another window in between is not overwritten.
func TestImpliedSignIsNotAddedOverAnotherWindowsEdit(t *testing.T) {
	s := tempStore(t)
	tb := newTab(t, s, 80, 21)
	tb.press("n")
	tb.typeText("6")
	tb.press("tab", "tab", "tab") // Where
	for range 5 {
		tb.press("down")
	}
	tb.press("space", "down", "space") // left leg, right leg: both legs implied
	tb.press("enter")
	saved := entries(t, s)[0]
	base, err := store.VersionOf(saved.Value)
	if err != nil {
		t.Fatal(err)
	}
	edited := saved.Value
	edited.Note = "from another window"
	if _, err := store.Pain.Replace(s, saved.Key, base, edited); err != nil {
		t.Fatal(err)
	}
	tb.press("y")
	if e := only(t, s); e.Note != "from another window" || len(e.Warnings) != 0 {
		t.Errorf("y wrote over another window's edit: %+v", e)
	}
	if !strings.Contains(tb.View(), "Sign not added: the entry was changed meanwhile") {
		t.Errorf("y did not say why the sign was not added:\n%s", tb.View())
	}
}
