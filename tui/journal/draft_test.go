package journal

import (
	"strings"
	"testing"
	"time"

	"lumbar/store"
	"lumbar/store/diary"
)

func draftIn(t *testing.T, s *store.Store) (store.PainDraft, bool) {
	t.Helper()
	var d store.PainDraft
	var found bool
	err := s.View(func(tx *store.Tx) (err error) {
		d, found, err = store.GetPainDraft(tx)
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	return d, found
}

func putDraft(t *testing.T, s *store.Store, d store.PainDraft) {
	t.Helper()
	if err := s.Update(func(tx *store.Tx) error { return store.PutPainDraft(tx, d) }); err != nil {
		t.Fatal(err)
	}
}

// The app ending mid-entry keeps what was typed; an empty form keeps
// nothing, and nothing is written when no form is open.
func TestSaveKeepsTypingAsADraft(t *testing.T) {
	s := tempStore(t)
	tb := newTab(t, s, 80, 21)
	if err := tb.Save(); err != nil {
		t.Fatal(err)
	}
	tb.press("n")
	if err := tb.Save(); err != nil {
		t.Fatal(err)
	}
	if _, found := draftIn(t, s); found {
		t.Fatal("an empty form was kept as a draft")
	}
	tb.typeText("6")
	if err := tb.Save(); err != nil {
		t.Fatal(err)
	}
	d, found := draftIn(t, s)
	if !found || d.Input.Pain != "6" || d.Editing != "" || !d.Kept.Equal(fixedNow) {
		t.Errorf("draft %+v, found %v", d, found)
	}
	if len(entries(t, s)) != 0 {
		t.Error("a draft became an entry without the person saving it")
	}
}

// The next start offers the draft back in the form; enter keeps it as an
// entry and the draft is gone.
func TestDraftOfferedBackIsKeptByEnter(t *testing.T) {
	s := tempStore(t)
	putDraft(t, s, store.PainDraft{Input: diary.PainInput{Pain: "7", Note: "after the drive"}, Kept: fixedNow.Add(-time.Hour)})
	tb := newTab(t, s, 80, 21)
	msg := loadDraft(s)()
	if _, ok := msg.(draftMsg); !ok {
		t.Fatalf("loadDraft sent %T, want the draft", msg)
	}
	tb.Update(msg)
	if tb.form == nil {
		t.Fatal("the draft was not offered")
	}
	kept := "Kept when lumbar closed on " + fixedNow.Add(-time.Hour).Local().Format("Mon 2 Jan 15:04")
	if v := tb.View(); !strings.Contains(v, kept) {
		t.Errorf("the form does not say where the entry came from:\n%s", v)
	}
	tb.press("enter")
	got := entries(t, s)
	if len(got) != 1 || got[0].Value.Pain != 7 || got[0].Value.Note != "after the drive" {
		t.Fatalf("entries %+v", got)
	}
	if _, found := draftIn(t, s); found {
		t.Error("the draft outlived its entry")
	}
}

// esc twice throws the offered draft away, entry and draft alike.
func TestDraftOfferedBackCanBeThrownAway(t *testing.T) {
	s := tempStore(t)
	putDraft(t, s, store.PainDraft{Input: diary.PainInput{Pain: "7"}, Kept: fixedNow})
	tb := newTab(t, s, 80, 21)
	tb.Update(loadDraft(s)())
	tb.press("esc")
	if tb.form == nil {
		t.Fatal("one esc threw the kept entry away without asking")
	}
	tb.press("esc")
	if _, found := draftIn(t, s); found || tb.form != nil || len(entries(t, s)) != 0 {
		t.Errorf("after esc esc: draft kept %v, form open %v, %d entries", found, tb.form != nil, len(entries(t, s)))
	}
}

// A draft of an edit comes back on the entry it edited; enter replaces
// that entry rather than adding one.
func TestDraftOfAnEditReturnsToTheEntry(t *testing.T) {
	s := tempStore(t)
	k, err := store.Pain.Append(s, diary.PainEntry{Stamp: diary.StampAt(fixedNow.Add(-2 * time.Hour)), Pain: 3})
	if err != nil {
		t.Fatal(err)
	}
	tb := newTab(t, s, 80, 21)
	tb.press("e")
	tb.press("backspace")
	tb.typeText("5")
	if err := tb.Save(); err != nil {
		t.Fatal(err)
	}
	if d, _ := draftIn(t, s); d.Editing != k.ID() || d.Input.Pain != "5" {
		t.Fatalf("draft %+v, want an edit of %s", d, k.ID())
	}

	again := newTab(t, s, 80, 21)
	again.Update(loadDraft(s)())
	again.press("enter")
	got := entries(t, s)
	if len(got) != 1 || got[0].Key != k || got[0].Value.Pain != 5 {
		t.Errorf("entries %+v, want the one entry edited to 5", got)
	}
}

// A draft saved the next morning keeps the time it was typed for: a blank
// When meant the moment it was kept, and a time of day or "yesterday" is
// read from the day it was typed on, not from the day it is saved.
func TestDraftSavedLaterKeepsItsTime(t *testing.T) {
	kept := fixedNow.Add(-12 * time.Hour) // the evening before, 21:30
	day := func(d, h, m int) time.Time { return time.Date(2026, 11, d, h, m, 0, 0, fixedNow.Location()) }
	for _, c := range []struct {
		when string
		want time.Time
	}{
		{"", kept},
		{"20:15", day(26, 20, 15)},
		{"yesterday 08:00", day(25, 8, 0)},
		{"2026-11-20 07:45", day(20, 7, 45)},
	} {
		s := tempStore(t)
		putDraft(t, s, store.PainDraft{Input: diary.PainInput{Pain: "6", When: c.when}, Kept: kept})
		tb := newTab(t, s, 80, 21)
		tb.Update(loadDraft(s)())
		tb.press("enter")
		got := entries(t, s)
		if len(got) != 1 {
			t.Errorf("When %q: %d entries saved, want 1:\n%s", c.when, len(got), tb.View())
			continue
		}
		if at := got[0].Value.Local(); !at.Equal(c.want) {
			t.Errorf("When %q kept at %s: saved at %s, want %s", c.when, kept, at, c.want)
		}
	}
}

// A draft offered back and emptied is nothing to keep: quitting neither
// asks nor keeps it, and the draft is forgotten rather than offered again.
func TestEmptiedDraftIsForgotten(t *testing.T) {
	s := tempStore(t)
	putDraft(t, s, store.PainDraft{Input: diary.PainInput{Pain: "7"}, Kept: fixedNow})
	tb := newTab(t, s, 80, 21)
	tb.Update(loadDraft(s)())
	tb.press("backspace")
	if why := tb.UnsavedTyping(); why != "" {
		t.Errorf("an emptied draft holds up quitting: %q", why)
	}
	if err := tb.Save(); err != nil {
		t.Fatal(err)
	}
	if d, found := draftIn(t, s); found {
		t.Errorf("the emptied draft was kept: %+v", d)
	}
}
