package journal

import (
	"crypto/sha256"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	tea "github.com/charmbracelet/bubbletea"
	"github.com/charmbracelet/x/ansi"

	"lumbar/store"
	"lumbar/store/diary"
	"lumbar/tui/common"
	"lumbar/tui/tuitest"
)

func TestMain(m *testing.M) { tuitest.Main(m) }

// fixedNow is the injected clock: a Friday morning in Berlin.
var (
	berlin   = time.FixedZone("CET", 3600)
	fixedNow = time.Date(2026, 11, 27, 9, 30, 0, 0, berlin)
)

func tempStore(t testing.TB) *store.Store {
	t.Helper()
	s, err := store.Open(filepath.Join(t.TempDir(), "lumbar.db"))
	if err != nil {
		t.Fatal(err)
	}
	return s
}

// tab is a Log tab under the tuitest driver, whose clock reads fixedNow
// until moved and which catches the tab's timers.
type tab struct {
	*Model
	t testing.TB
	d *tuitest.Driver
}

func newTab(t testing.TB, s *store.Store, width, height int) *tab {
	t.Helper()
	d := tuitest.NewDriver(t)
	d.SetClock(fixedNow)
	return openTab(t, d, d.Common(s), width, height)
}

// openTab is the tab over c, driven by d, sized and loaded.
func openTab(t testing.TB, d *tuitest.Driver, c common.Common, width, height int) *tab {
	tb := &tab{Model: New(c), t: t, d: d}
	d.DriveTab(tb.Model)
	tb.SetSize(width, height)
	tb.reload()
	return tb
}

// reload runs the tab's load command here and now, and what follows it.
func (tb *tab) reload() {
	tb.t.Helper()
	tb.d.Run(tb.load())
	if tb.loadErr != nil {
		tb.t.Fatal(tb.loadErr)
	}
}

// press sends keys and returns the last command. Commands are not run:
// the form's are cursor blinks, and the tab's own writes happen in Update.
func (tb *tab) press(keys ...string) tea.Cmd { return tb.d.Type(keys...) }

// typeText sends each character as a key, as a person types.
func (tb *tab) typeText(s string) { tb.d.TypeText(s) }

func keyMsg(k string) tea.KeyMsg { return tuitest.Key(k) }

// messages runs a command the tab returned after a write (never a form
// key's) and lists what it sends, following batches.
func messages(cmd tea.Cmd) []tea.Msg { return tuitest.Messages(cmd) }

func has[T any](msgs []tea.Msg) bool {
	for _, m := range msgs {
		if _, ok := m.(T); ok {
			return true
		}
	}
	return false
}

func entries(t testing.TB, s *store.Store) []store.Item[diary.PainEntry] {
	t.Helper()
	var items []store.Item[diary.PainEntry]
	err := s.View(func(tx *store.Tx) (err error) {
		items, err = store.Pain.Latest(tx, 1000)
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	return items
}

func checksum(t testing.TB, s *store.Store) [32]byte {
	t.Helper()
	b, err := os.ReadFile(s.Path())
	if err != nil {
		t.Fatal(err)
	}
	return sha256.Sum256(b)
}

func add(t testing.TB, s *store.Store, e diary.PainEntry) store.Key {
	t.Helper()
	k, err := store.Pain.Append(s, e)
	if err != nil {
		t.Fatal(err)
	}
	return k
}

func at(daysAgo, hour, minute int) diary.Stamp {
	return diary.StampAt(time.Date(2026, 11, 27-daysAgo, hour, minute, 0, 0, berlin))
}

func TestQuickPathSavesAtOnce(t *testing.T) {
	s := tempStore(t)
	tb := newTab(t, s, 80, 21)
	tb.press("n")
	if !tb.CapturesInput() {
		t.Fatal("the open form must take q, ? and digits as text")
	}
	tb.press("6")
	cmd := tb.press("enter")
	got := entries(t, s)
	if len(got) != 1 || got[0].Value.Pain != 6 || !got[0].Value.At.Equal(fixedNow) || got[0].Value.UTCOffset != 3600 {
		t.Fatalf("after n 6 enter the store holds %+v", got)
	}
	if tb.form != nil || tb.CapturesInput() {
		t.Error("the form stayed open after saving")
	}
	msgs := messages(cmd)
	if !has[common.ChangedMsg](msgs) || !has[loadedMsg](msgs) {
		t.Errorf("saving should tell the root and reload; sent %v", msgs)
	}
	for _, msg := range msgs {
		tb.Update(msg)
	}
	view := tb.View()
	if !strings.Contains(view, "Saved: pain 6 moderate, Fri 27 Nov 09:30.") || !strings.Contains(view, "> Fri 27 Nov  09:30  6 moderate") {
		t.Errorf("after saving:\n%s", view)
	}
}

func TestFormRefusesBadInputAndWritesNothing(t *testing.T) {
	s := tempStore(t)
	tb := newTab(t, s, 80, 21)
	before := checksum(t, s)
	for _, c := range []struct {
		pain, when, want string
	}{
		{"", "", "pain is empty"},
		{"11", "", `pain must be a whole number from 0 to 10, not "11"`},
		{"x", "", `not "x"`},
		{"4", "23:00", "is in the future"},
		{"4", "yesterdy 10:00", "did you mean yesterday?"},
	} {
		tb.press("n")
		tb.typeText(c.pain)
		if c.when != "" {
			tb.press("tab", "tab")
			tb.typeText(c.when)
		}
		tb.press("enter")
		if tb.form == nil || !strings.Contains(tb.form.err, c.want) || !strings.Contains(tb.View(), "✗ ") {
			t.Errorf("pain %q at %q: form %v, want the error %q on screen", c.pain, c.when, tb.form != nil, c.want)
		}
		tb.press("esc")
		if tb.form != nil {
			t.Fatal("esc did not close a form holding only a rating and a time")
		}
	}
	if checksum(t, s) != before {
		t.Error("a refused entry changed the data file")
	}
}

func TestDetailsPathAndWarningSign(t *testing.T) {
	s := tempStore(t)
	tb := newTab(t, s, 80, 21)
	tb.press("n")
	tb.typeText("5")
	tb.press("tab")
	tb.typeText("3") // leg pain
	tb.press("tab")
	tb.typeText("yesterday 21:15")
	tb.press("tab")                                                           // Where
	tb.press("space")                                                         // lower back (centre)
	tb.press("tab")                                                           // Feels
	tb.press("down", "space")                                                 // sharp
	tb.press("tab")                                                           // Triggers
	tb.press("space")                                                         // sitting
	tb.press("tab")                                                           // Helped
	tb.press("down", "down", "down", "down", "down", "down", "down", "space") // heat
	tb.press("tab", "right", "right", "right")                                // relief: a lot
	tb.press("tab")
	tb.typeText("ibuprofen 400 mg")
	tb.press("tab")
	tb.typeText("4")                 // interference
	tb.press("tab", "right")         // sleep: poor
	tb.press("tab", "down", "space") // warning: saddle
	if tb.form.advice == nil || !tb.form.advice.Urgent() || !strings.Contains(tb.View(), diary.EmergencyPhrase) {
		t.Fatalf("a warning sign must show the advice at once:\n%s", tb.View())
	}
	tb.press("tab")
	tb.typeText("drove 3 hours")
	tb.press("enter")
	got := entries(t, s)
	if len(got) != 1 {
		t.Fatalf("%d entries saved", len(got))
	}
	e := got[0].Value
	want := time.Date(2026, 11, 26, 21, 15, 0, 0, berlin)
	if e.Pain != 5 || *e.LegPain != 3 || !e.At.Equal(want) || strings.Join(e.Where, ",") != "back-centre" ||
		strings.Join(e.Feels, ",") != "sharp" || strings.Join(e.Triggers, ",") != "sitting" ||
		strings.Join(e.Helped, ",") != "heat,medication" || e.Relief != "a-lot" || e.Medication != "ibuprofen 400 mg" ||
		*e.Interference != 4 || e.Sleep != "poor" || strings.Join(e.Warnings, ",") != "saddle" || e.Note != "drove 3 hours" {
		t.Errorf("saved %+v", e)
	}
	if tb.advice == nil || !strings.Contains(tb.View(), "g “When to see a doctor”") {
		t.Fatalf("after saving, the advice panel should be up:\n%s", tb.View())
	}
	if !tb.CapturesInput() {
		t.Error("the advice must hold the keyboard until answered, so no banner covers it")
	}
	msgs := messages(tb.press("g"))
	if len(msgs) != 1 || msgs[0] != (common.OpenGuideMsg{Section: "when-to-see-a-doctor"}) {
		t.Errorf("g sent %v, want the Guide's doctor section", msgs)
	}
	if tb.advice != nil || tb.CapturesInput() {
		t.Error("the advice panel stayed open after g")
	}
}

// The form offers the last entry's areas and feelings; only ctrl+r puts
// them in the entry: a quick entry saves just its rating.
func TestNewFormOffersLastAreasAndFeelings(t *testing.T) {
	s := tempStore(t)
	add(t, s, diary.PainEntry{Stamp: at(2, 9, 0), Pain: 2, Where: []string{"back-right"}})
	add(t, s, diary.PainEntry{Stamp: at(1, 9, 0), Pain: 4, Where: []string{"leg-left", "leg-right"}, Feels: []string{"tingling"}, Triggers: []string{"lifting"}})
	tb := newTab(t, s, 80, 21)
	tb.press("n")
	if v := tb.View(); !strings.Contains(v, "Last time: left leg, right leg; tingling. ctrl+r adds them") {
		t.Errorf("the form does not say what it offers:\n%s", v)
	}
	tb.press("tab", "tab", "tab", "down", " ") // on Where, tick lower back (left)
	tb.Update(tea.KeyMsg{Type: tea.KeyCtrlR})
	if v := tb.View(); !strings.Contains(v, "Added from last time (tab to change): left leg, right leg; tingling") {
		t.Errorf("the form does not say what it took:\n%s", v)
	}
	tb.press("shift+tab", "shift+tab", "shift+tab")
	tb.typeText("5")
	tb.press("enter")
	e := entries(t, s)[0].Value // the newest, at the clock's instant
	if e.Pain != 5 || strings.Join(e.Where, ",") != "back-left,leg-left,leg-right" || strings.Join(e.Feels, ",") != "tingling" || len(e.Triggers) != 0 {
		t.Errorf("after ctrl+r: %+v", e)
	}

	// Both legs imply a warning sign: the advice asks about it first.
	if tb.advice == nil || len(tb.advice.Implied) != 1 {
		t.Fatalf("pain in both legs should bring up the advice and its question:\n%s", tb.View())
	}
	tb.press("n", "esc")
	tb.reload()
	tb.press("n")
	tb.typeText("3")
	tb.press("enter")
	for _, it := range entries(t, s) { // both saved at the clock's one instant
		if e := it.Value; e.Pain == 3 && (len(e.Where) != 0 || len(e.Feels) != 0 || len(e.Triggers) != 0) {
			t.Errorf("a quick entry saved details not given: %+v", e)
		}
	}
	if n := len(entries(t, s)); n != 4 {
		t.Errorf("%d entries, want 4", n)
	}
}

func TestEditKeepsTheRecordAndItsTime(t *testing.T) {
	s := tempStore(t)
	old := add(t, s, diary.PainEntry{Stamp: diary.StampAt(time.Date(2026, 11, 20, 8, 0, 30, 0, time.FixedZone("EST", -5*3600))), Pain: 7, Note: "flight"})
	add(t, s, diary.PainEntry{Stamp: at(0, 8, 0), Pain: 3})
	tb := newTab(t, s, 80, 21)
	tb.press("j", "e") // the older entry
	if tb.form == nil || tb.form.editing.Key != old || tb.form.input.Pain != "7" || tb.form.input.Note != "flight" {
		t.Fatalf("edit form not filled in from the entry: %+v", tb.form)
	}
	tb.press("backspace")
	tb.typeText("5")
	tb.Update(messages(tb.press("enter"))[1]) // the reload
	got := entries(t, s)
	if len(got) != 2 || got[1].Key != old || got[1].Value.Pain != 5 || got[1].Value.UTCOffset != -5*3600 || got[1].Value.Note != "flight" {
		t.Errorf("after editing: %+v", got)
	}
	if tb.history.cursor != 1 {
		t.Errorf("cursor moved to %d, want it on the edited entry", tb.history.cursor)
	}
	// Changing the time moves the entry to the new time.
	tb.press("e", "tab", "tab")
	for range 20 {
		tb.press("backspace")
	}
	tb.typeText("2026-11-21 07:00")
	tb.press("enter")
	got = entries(t, s)
	if len(got) != 2 || !got[1].Value.At.Equal(time.Date(2026, 11, 21, 7, 0, 0, 0, berlin)) || got[1].Value.Pain != 5 {
		t.Errorf("after moving the time: %+v", got)
	}
}

func TestDeleteConfirmAndUndo(t *testing.T) {
	s := tempStore(t)
	k := add(t, s, diary.PainEntry{Stamp: at(1, 9, 0), Pain: 8, Where: []string{"leg-right"}, Note: "fell on ice"})
	add(t, s, diary.PainEntry{Stamp: at(0, 9, 0), Pain: 3})
	tb := newTab(t, s, 80, 21)
	tb.press("j", "d")
	if !strings.Contains(tb.View(), "Delete the entry of Thu 26 Nov 09:00 (pain 8)? y deletes · n keeps it") {
		t.Fatalf("no confirmation:\n%s", tb.View())
	}
	tb.press("n")
	if len(entries(t, s)) != 2 || tb.confirm != nil {
		t.Fatal("n must keep the entry")
	}
	tb.press("d")
	for _, msg := range messages(tb.press("y")) {
		tb.Update(msg)
	}
	if got := entries(t, s); len(got) != 1 || got[0].Value.Pain != 3 {
		t.Fatalf("after y: %+v", got)
	}
	if len(tb.d.Timers()) != 1 || !strings.Contains(tb.View(), "u undoes.") {
		t.Fatalf("no undo offer:\n%s", tb.View())
	}
	for _, msg := range messages(tb.press("u")) {
		tb.Update(msg)
	}
	got := entries(t, s)
	if len(got) != 2 || got[1].Key != k || got[1].Value.Note != "fell on ice" || got[1].Value.Where[0] != "leg-right" {
		t.Fatalf("undo did not restore the very record: %+v", got)
	}
	if tb.history.cursor != 1 {
		t.Errorf("cursor at %d, want on the restored entry", tb.history.cursor)
	}
	// The offer ends when its timer fires; a stale timer changes nothing.
	tb.press("d", "y")
	tb.press("g", "d", "y")
	if len(tb.d.Timers()) != 3 {
		t.Fatalf("%d timers started", len(tb.d.Timers()))
	}
	tb.d.Fire(tb.d.Timers()[1]) // the first delete's: stale
	if tb.undo == nil {
		t.Error("a stale timer ended the newer undo offer")
	}
	tb.d.Fire(tb.d.Timers()[2])
	if tb.undo != nil || tb.keys.Undo.Enabled() {
		t.Error("the undo offer outlived its timer")
	}
	if len(entries(t, s)) != 0 {
		t.Error("u after the offer ended still did something")
	}
}

func TestEscDiscardsDetailsOnlyWhenPressedTwice(t *testing.T) {
	s := tempStore(t)
	tb := newTab(t, s, 80, 21)
	tb.press("n", "esc")
	if tb.form != nil {
		t.Fatal("esc on an empty form should just close it")
	}
	tb.press("n")
	tb.typeText("4")
	for range 12 { // to the note, the last field
		tb.press("tab")
	}
	tb.typeText("a long note")
	tb.press("esc")
	if tb.form == nil || !strings.Contains(tb.View(), "esc again throws this entry away") {
		t.Fatalf("one esc threw away a note:\n%s", tb.View())
	}
	tb.press("esc")
	if tb.form != nil || len(entries(t, s)) != 0 {
		t.Error("the second esc should close the form without saving")
	}
}

func TestReloadOnlyWhenTheFileChanged(t *testing.T) {
	s := tempStore(t)
	tb := newTab(t, s, 80, 21)
	rev := tb.data.revision
	if _, cmd := tb.Update(common.ReloadMsg{Revision: rev}); cmd != nil {
		t.Error("reloaded though the revision is the one loaded")
	}
	add(t, s, diary.PainEntry{Stamp: at(0, 8, 0), Pain: 2}) // another process
	_, cmd := tb.Update(common.ReloadMsg{Revision: rev + 1})
	for _, msg := range messages(cmd) {
		tb.Update(msg)
	}
	if len(tb.data.entries) != 1 || !strings.Contains(tb.View(), "2 mild") {
		t.Errorf("an outside write did not show:\n%s", tb.View())
	}
	stale := loadedMsg{gen: tb.loadGen - 1}
	tb.Update(stale)
	if len(tb.data.entries) != 1 {
		t.Error("an overtaken load replaced newer data")
	}
}

func TestHostileNoteIsShownClean(t *testing.T) {
	s := tempStore(t)
	add(t, s, diary.PainEntry{Stamp: at(0, 8, 0), Pain: 4, Note: "ok\x1b[2J\x1b]0;owned\x07\u202eevil\rline\u009b31m"})
	tb := newTab(t, s, 80, 21)
	for _, view := range []string{tb.View(), func() string { tb.press("enter"); return tb.View() }()} {
		for _, bad := range []string{"\x1b", "\a", "\r", "\u202e", "\u009b"} {
			if strings.Contains(view, bad) {
				t.Errorf("%q reached the screen:\n%q", bad, view)
			}
		}
		if !strings.Contains(view, "okevilline31m") {
			t.Errorf("the note's text is missing:\n%s", view)
		}
	}
}

func TestKeysFollowWhatIsOnScreen(t *testing.T) {
	s := tempStore(t)
	tb := newTab(t, s, 80, 21)
	if tb.keys.Open.Enabled() || tb.keys.Delete.Enabled() || tb.keys.Undo.Enabled() {
		t.Error("entry keys enabled with no entries")
	}
	add(t, s, diary.PainEntry{Stamp: at(0, 8, 0), Pain: 2})
	tb.reload()
	if !tb.keys.Open.Enabled() || tb.keys.Span.Enabled() {
		t.Error("history keys wrong")
	}
	tb.press("l")
	if !tb.keys.Span.Enabled() || tb.keys.Open.Enabled() {
		t.Error("chart keys wrong")
	}
	tb.press("l")
	if !tb.keys.PrevMonth.Enabled() || tb.keys.NextMonth.Enabled() {
		t.Error("calendar: > must be off on the current month")
	}
	tb.press("<")
	if tb.month != (month{2026, time.October}) || !tb.keys.NextMonth.Enabled() {
		t.Errorf("< went to %v", tb.month)
	}
	tb.press(">", ">")
	if tb.month != (month{2026, time.November}) {
		t.Errorf("> went past this month to %v", tb.month)
	}
	for _, group := range tb.FullHelp() {
		for _, b := range group {
			if !b.Enabled() {
				t.Errorf("help lists the disabled key %q", b.Help().Key)
			}
		}
	}
}

func TestAKeyAfterMidnightReloads(t *testing.T) {
	s := tempStore(t)
	tb := newTab(t, s, 80, 21)
	if cmd := tb.press("l"); cmd != nil {
		t.Error("a key on the same day reloaded")
	}
	tb.d.SetClock(fixedNow.Add(15 * time.Hour)) // 00:30 the next day
	msgs := messages(tb.press("l"))
	if !has[loadedMsg](msgs) {
		t.Fatalf("a key after midnight did not reload: %v", msgs)
	}
	for _, msg := range msgs {
		tb.Update(msg)
	}
	if tb.data.today != diary.DayOf(tb.Now()) {
		t.Errorf("today is still %v", tb.data.today)
	}
}

// Quitting with an entry half typed is held once; an empty form is not.
func TestQuitHoldsAnOpenEntry(t *testing.T) {
	tb := newTab(t, tuitest.TempStore(t), 80, 21)
	tb.press("n")
	if typing := tb.UnsavedTyping(); typing != "" {
		t.Errorf("an empty form held the quit: %q", typing)
	}
	tb.typeText("6")
	if typing := tb.UnsavedTyping(); !strings.Contains(typing, "enter saves it") {
		t.Errorf("a typed rating did not hold the quit: %q", typing)
	}
	tb.press("enter")
	if typing := tb.UnsavedTyping(); typing != "" {
		t.Errorf("after saving, the quit was held: %q", typing)
	}
}

// The insights show one streak, over every entry, whichever span is open.
func TestStreakIsTheSameInEverySpan(t *testing.T) {
	s := tempStore(t)
	for n := range 40 { // 40 days in a row up to today, after a run of 50
		add(t, s, diary.PainEntry{Stamp: at(n, 9, 0), Pain: 3})
	}
	for n := 45; n < 95; n++ {
		add(t, s, diary.PainEntry{Stamp: at(n, 9, 0), Pain: 3})
	}
	tb := newTab(t, s, 120, 40)
	tb.press("l", "l", "l") // Insights
	const want = "You have logged 40 days in a row (your longest run: 50 days)."
	for range Spans {
		if view := tb.View(); !strings.Contains(view, want) {
			t.Errorf("span %d days lacks %q:\n%s", Spans[tb.span], want, view)
		}
		tb.press("r")
	}
}

// History's Where column and the entry view name areas in words that fit
// the column at 80 columns, never by their stored IDs.
func TestWhereIsShownInWords(t *testing.T) {
	s := tempStore(t)
	for i, w := range diary.Areas.Words {
		add(t, s, diary.PainEntry{Stamp: at(0, 8, i), Pain: 3, Where: []string{w.ID}})
	}
	add(t, s, diary.PainEntry{Stamp: at(0, 9, 0), Pain: 3, Where: []string{"back-centre", "back-left"}})
	tb := newTab(t, s, 80, 22)
	whereW, _ := historyColumns(80)
	view := tb.View()
	if !strings.Contains(view, pad("back, left back", whereW)) {
		t.Errorf("two areas do not fit the column at 80 columns:\n%s", view)
	}
	for _, w := range diary.Areas.Words {
		short := diary.Areas.ShortLabels([]string{w.ID})[0]
		if short == w.ID || ansi.StringWidth(short) > whereW {
			t.Errorf("area %s: short word %q is its ID or wider than %d", w.ID, short, whereW)
		}
		if strings.Contains(view, w.ID) {
			t.Errorf("history shows the ID %s:\n%s", w.ID, view)
		}
	}
	tb.press("enter")
	if view := tb.View(); !strings.Contains(view, "back, left back") || strings.Contains(view, "back-centre") {
		t.Errorf("the entry view does not name the areas as History does:\n%s", view)
	}
}

// A chart with one logged day still draws its mean, next to (or under)
// the worst dot, in every span.
func TestChartWithOneLoggedDayDrawsItsMean(t *testing.T) {
	cases := []struct {
		name    string
		ratings []int
		mean    string // the y label of the mean's row
		worst   string
	}{
		{"one entry", []int{4}, " 4", " 4"},
		{"two entries", []int{2, 6}, " 4", " 6"},
	}
	for _, c := range cases {
		s := tempStore(t)
		for i, pain := range c.ratings {
			add(t, s, diary.PainEntry{Stamp: at(0, 8, i), Pain: pain})
		}
		tb := newTab(t, s, 80, 22)
		tb.press("l") // Chart
		for range Spans {
			rows := map[string]string{}
			for _, line := range strings.Split(tb.View(), "\n") {
				if len(line) > 3 && (strings.HasPrefix(line[2:], "│") || strings.HasPrefix(line[2:], "•")) {
					rows[line[:2]] = line[2:]
				}
			}
			plot := strings.TrimPrefix(rows[c.mean], "│")
			if !strings.Contains(plot, "─") {
				t.Errorf("%s, %d days: no mean on row %q:\n%s", c.name, Spans[tb.span], c.mean, tb.View())
			}
			if !strings.Contains(rows[c.worst], "•") {
				t.Errorf("%s, %d days: no worst dot on row %q:\n%s", c.name, Spans[tb.span], c.worst, tb.View())
			}
			tb.press("r")
		}
	}
}

// The history reads the newest page of entries, and the next one only as
// the cursor nears the last read; G reads the rest and lands on the
// oldest. The chart, calendar and insights cover every entry all along.
func TestHistoryReadsEntriesAPageAtATime(t *testing.T) {
	s := tempStore(t)
	total := 2*pageSize + 50
	err := s.Update(func(tx *store.Tx) error {
		for i := range total {
			if _, err := store.Pain.Insert(tx, diary.PainEntry{Stamp: diary.StampAt(fixedNow.Add(-time.Duration(i) * 5 * time.Hour)), Pain: i % 11}); err != nil {
				return err
			}
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	tb := newTab(t, s, 80, 21)
	if len(tb.data.entries) != pageSize || tb.data.complete {
		t.Fatalf("opened with %d entries read (complete %v), want the newest %d", len(tb.data.entries), tb.data.complete, pageSize)
	}
	oldestDay := diary.DayOf(fixedNow.Add(-time.Duration(total-1) * 5 * time.Hour))
	if p, ok := tb.data.day(oldestDay); !ok || !p.Logged() {
		t.Errorf("the calendar does not know the oldest entry's day, %s", oldestDay)
	}
	everyDay := int(diary.DayOf(fixedNow)-oldestDay) + 1 // an entry every five hours
	if in := tb.data.insights[len(Spans)-1]; in.Logged != everyDay {
		t.Errorf("a year's insights count %d days logged, want %d", in.Logged, everyDay)
	}
	for range 5 {
		tb.d.Run(tb.press("pgdown"))
	}
	if len(tb.data.entries) != pageSize {
		t.Errorf("%d entries read after five pages down, far from the end", len(tb.data.entries))
	}
	for tb.history.cursor < pageSize-1 {
		tb.d.Run(tb.press("pgdown"))
	}
	if len(tb.data.entries) != 2*pageSize {
		t.Errorf("%d entries read with the cursor at the last of the first page, want the second page too", len(tb.data.entries))
	}
	tb.d.Run(tb.press("G"))
	all := entries(t, s)
	if len(tb.data.entries) != total || !tb.data.complete || tb.history.cursor != total-1 ||
		tb.data.entries[total-1].Key != all[len(all)-1].Key {
		t.Fatalf("after G: %d of %d entries, complete %v, cursor %d", len(tb.data.entries), total, tb.data.complete, tb.history.cursor)
	}
	// A write elsewhere reloads as far as the list had read.
	add(t, s, diary.PainEntry{Stamp: at(0, 8, 0), Pain: 2})
	tb.d.Deliver(common.ReloadMsg{Revision: tb.data.revision + 1})
	if len(tb.data.entries) != total+1 || !tb.data.complete {
		t.Errorf("after a write elsewhere: %d entries read, complete %v", len(tb.data.entries), tb.data.complete)
	}
}

// The daily log reminder's answer opens a new entry, ready for a number:
// the quick path is one digit and enter.
func TestNewEntryMsgOpensTheQuickEntry(t *testing.T) {
	s := tempStore(t)
	tb := newTab(t, s, 80, 21)
	tb.Update(common.NewEntryMsg{})
	if !tb.CapturesInput() {
		t.Fatal("NewEntryMsg did not open the entry form")
	}
	tb.press("4")
	tb.press("enter")
	if got := entries(t, s); len(got) != 1 || got[0].Value.Pain != 4 {
		t.Fatalf("saved %+v, want one entry of 4", got)
	}
	// An entry already being typed is never replaced.
	tb.press("n")
	tb.typeText("7")
	tb.Update(common.NewEntryMsg{})
	tb.press("enter")
	if got := entries(t, s); len(got) != 2 || got[0].Value.Pain != 7 && got[1].Value.Pain != 7 {
		t.Errorf("saved %+v; the typed 7 was lost", got)
	}
}
