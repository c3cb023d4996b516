package tui

import (
	"errors"
	"strings"
	"testing"
	"time"

	"github.com/charmbracelet/bubbles/key"
	tea "github.com/charmbracelet/bubbletea"
	"github.com/charmbracelet/lipgloss"
	bolt "go.etcd.io/bbolt"

	"lumbar/store"
	"lumbar/store/diary"
	"lumbar/tui/common"
	"lumbar/tui/tuitest"
)

func TestMain(m *testing.M) { tuitest.Main(m) }

var fixedNow = tuitest.Now

func clock() time.Time { return fixedNow }

func tempStore(t testing.TB) *store.Store { return tuitest.TempStore(t) }

// root is the root model under the tuitest driver.
type root struct {
	*Model
	d *tuitest.Driver
}

// newRoot is the root model over s, not sized yet.
func newRoot(t testing.TB, s *store.Store) *root {
	d := tuitest.NewDriver(t)
	m := &root{Model: newWith(d.Common(s)), d: d}
	d.DriveRoot(m.Model)
	return m
}

func newModel(t testing.TB, s *store.Store, width, height int) *root {
	t.Helper()
	m := newRoot(t, s)
	m.Update(tea.WindowSizeMsg{Width: width, Height: height})
	return m
}

// press sends keys and returns the last one's command, not run.
func (m *root) press(keys ...string) tea.Cmd { return m.d.Type(keys...) }

func keyMsg(k string) tea.KeyMsg { return tuitest.Key(k) }

func isQuit(cmd tea.Cmd) bool {
	if cmd == nil {
		return false
	}
	_, ok := cmd().(tea.QuitMsg)
	return ok
}

func TestTabSwitching(t *testing.T) {
	m := newModel(t, tempStore(t), 80, 24)
	steps := []struct {
		key  string
		want common.TabID
	}{
		{"2", common.LogTab},
		{"4", common.RemindTab},
		{"tab", common.GuideTab}, // wraps forward
		{"shift+tab", common.RemindTab},
		{"shift+tab", common.StretchTab},
		{"1", common.GuideTab},
		{"3", common.StretchTab},
		{"5", common.StretchTab}, // not a tab: ignored
	}
	for _, s := range steps {
		m.press(s.key)
		if m.Active() != s.want {
			t.Fatalf("after %q active = %d, want %d", s.key, m.Active(), s.want)
		}
	}
	if !strings.Contains(m.View(), "Desk break") {
		t.Error("the Stretch tab's view is not shown")
	}
}

func TestHelpTogglesAndListsGlobalAndTabKeys(t *testing.T) {
	m := newModel(t, tempStore(t), 80, 24)
	fake := &fakeTab{keys: []key.Binding{
		key.NewBinding(key.WithKeys("n"), key.WithHelp("n", "new entry")),
		key.NewBinding(key.WithKeys("x"), key.WithHelp("x", "hidden when disabled"), key.WithDisabled()),
	}}
	m.tabs[common.LogTab] = fake
	m.press("2", "?")
	if !m.HelpShown() {
		t.Fatal("? did not open help")
	}
	view := m.View()
	for _, want := range []string{"go to tab", "next tab", "quit", "new entry"} {
		if !strings.Contains(view, want) {
			t.Errorf("help lacks %q:\n%s", want, view)
		}
	}
	if strings.Contains(view, "hidden when disabled") {
		t.Error("help shows a disabled key")
	}
	m.press("n")
	if len(fake.got) != 0 {
		t.Error("a tab key acted while help was open")
	}
	m.press("esc")
	if m.HelpShown() {
		t.Error("esc did not close help")
	}
	m.press("?", "?")
	if m.HelpShown() {
		t.Error("? did not close help")
	}
	m.press("?", "3")
	if m.HelpShown() || m.Active() != common.StretchTab {
		t.Error("switching tab should close help")
	}
}

func TestQuitKeys(t *testing.T) {
	m := newModel(t, tempStore(t), 80, 24)
	if !isQuit(m.press("q")) {
		t.Error("q does not quit")
	}
	if !isQuit(m.press("ctrl+c")) {
		t.Error("ctrl+c does not quit")
	}
}

// fakeTab records what it is sent.
type fakeTab struct {
	got       []tea.Msg
	capturing bool
	opensText string // the key after which it takes typing, like "/"
	keys      []key.Binding
	w, h      int
}

func (f *fakeTab) Init() tea.Cmd { return nil }
func (f *fakeTab) Update(msg tea.Msg) (tea.Model, tea.Cmd) {
	f.got = append(f.got, msg)
	if k, ok := msg.(tea.KeyMsg); ok && f.opensText != "" && k.String() == f.opensText {
		f.capturing = true
	}
	return f, nil
}
func (f *fakeTab) View() string              { return "fake tab" }
func (f *fakeTab) SetSize(w, h int)          { f.w, f.h = w, h }
func (f *fakeTab) ShortHelp() []key.Binding  { return f.keys }
func (f *fakeTab) FullHelp() [][]key.Binding { return [][]key.Binding{f.keys} }
func (f *fakeTab) CapturesInput() bool       { return f.capturing }
func (f *fakeTab) last() tea.Msg             { return f.got[len(f.got)-1] }
func fakeTabs(m *root) (tabs [4]*fakeTab) {
	for i := range tabs {
		tabs[i] = &fakeTab{}
		m.tabs[i] = tabs[i]
	}
	m.setSize(m.width, m.height)
	return tabs
}

type forStretch struct{}

func (forStretch) To() common.TabID { return common.StretchTab }

type someTimerMsg struct{}

func TestRouting(t *testing.T) {
	m := newModel(t, tempStore(t), 80, 24)
	tabs := fakeTabs(m)
	if tabs[0].w != 80 || tabs[0].h != 24-common.ChromeRows {
		t.Errorf("tab size = %dx%d, want 80x%d", tabs[0].w, tabs[0].h, 24-common.ChromeRows)
	}

	m.press("2", "j")
	if len(tabs[common.LogTab].got) != 1 || len(tabs[common.GuideTab].got) != 0 {
		t.Error("a key should reach only the open tab")
	}
	m.Update(forStretch{})
	if _, ok := tabs[common.StretchTab].last().(forStretch); !ok || len(tabs[common.RemindTab].got) != 0 {
		t.Error("an addressed message should reach only its tab")
	}
	m.Update(someTimerMsg{})
	for i, tab := range tabs {
		if _, ok := tab.last().(someTimerMsg); !ok {
			t.Errorf("tab %d missed an unaddressed message", i)
		}
	}
}

func TestCapturingTabGetsGlobalKeys(t *testing.T) {
	m := newModel(t, tempStore(t), 80, 24)
	tabs := fakeTabs(m)
	tabs[common.GuideTab].capturing = true
	for _, k := range []string{"q", "2", "?", "tab"} {
		if cmd := m.press(k); isQuit(cmd) {
			t.Fatalf("%q quit while the tab was taking text", k)
		}
	}
	if m.Active() != common.GuideTab || m.HelpShown() || len(tabs[common.GuideTab].got) != 4 {
		t.Errorf("keys were not passed to the capturing tab (active %d, help %v, got %d)",
			m.Active(), m.HelpShown(), len(tabs[common.GuideTab].got))
	}
	if v := m.View(); !strings.Contains(v, "ctrl+c quit") || strings.Contains(v, "q quit") {
		t.Errorf("the status bar should offer only ctrl+c while the tab takes keys:\n%s", v)
	}
	if !isQuit(m.press("ctrl+c")) {
		t.Error("ctrl+c must always quit")
	}
}

func TestMouse(t *testing.T) {
	m := newModel(t, tempStore(t), 80, 24)
	tabs := fakeTabs(m)
	spans := m.layoutTabBar().spans
	click := func(x, y int) {
		m.Update(tea.MouseMsg{X: x, Y: y, Action: tea.MouseActionPress, Button: tea.MouseButtonLeft})
	}
	click(spans[common.RemindTab][0], 0)
	if m.Active() != common.RemindTab {
		t.Fatalf("clicking the Remind label opened tab %d", m.Active())
	}
	click(spans[common.LogTab][1]-1, 0) // last column of the label
	if m.Active() != common.LogTab {
		t.Fatalf("clicking the end of the Log label opened tab %d", m.Active())
	}
	click(0, 0) // the brand, not a tab
	if m.Active() != common.LogTab {
		t.Error("clicking the brand changed tab")
	}
	m.Update(tea.MouseMsg{X: 5, Y: 7, Action: tea.MouseActionPress, Button: tea.MouseButtonWheelDown})
	got, ok := tabs[common.LogTab].last().(tea.MouseMsg)
	if !ok || got.Y != 7-common.HeaderRows {
		t.Errorf("wheel reached the tab as %+v, want Y relative to the tab", got)
	}
}

func TestRefreshShowsTodayAndReloadsTabsOnOutsideWrites(t *testing.T) {
	s := tempStore(t)
	m := newModel(t, s, 80, 24)
	tabs := fakeTabs(m)
	m.d.Run(m.refresh(false))
	if !strings.Contains(m.View(), "no pain logged today · water 0 ml") {
		t.Fatalf("empty status bar wrong:\n%s", m.View())
	}
	for _, tab := range tabs {
		if len(tab.got) != 0 {
			t.Fatal("the first refresh should not ask tabs to reload")
		}
	}
	// Another process writes.
	if _, err := store.Pain.Append(s, diary.PainEntry{Stamp: diary.StampAt(fixedNow.Add(-time.Hour)), Pain: 5}); err != nil {
		t.Fatal(err)
	}
	if _, err := store.Water.Append(s, diary.WaterLog{Stamp: diary.StampAt(fixedNow.Add(-time.Hour)), ML: 500}); err != nil {
		t.Fatal(err)
	}
	m.d.Run(m.refresh(false))
	if !strings.Contains(m.View(), "pain 5 moderate [·············▅] · water 500 ml") {
		t.Errorf("status bar after writes:\n%s", m.View())
	}
	for i, tab := range tabs {
		if len(tab.got) != 1 {
			t.Fatalf("tab %d got %d messages, want one reload", i, len(tab.got))
		}
		if _, ok := tab.last().(common.ReloadMsg); !ok {
			t.Errorf("tab %d got %T, want ReloadMsg", i, tab.last())
		}
	}
	m.d.Run(m.refresh(false)) // nothing changed: no reload
	if len(tabs[0].got) != 1 {
		t.Error("tabs were reloaded though nothing changed")
	}
}

func TestPollRearmsOnlyItsOwnTimer(t *testing.T) {
	m := newModel(t, tempStore(t), 80, 24)
	started := len(m.d.Timers())
	m.handleRefreshed(refreshedMsg{polled: false, revision: 1})
	if len(m.d.Timers()) != started {
		t.Error("a refresh outside the poll loop started a timer")
	}
	m.handleRefreshed(refreshedMsg{polled: true, revision: 1})
	if len(m.d.Timers()) != started+1 || m.d.LastWait() != PollInterval {
		t.Error("the poll loop was not re-armed")
	}
	// A tab's write asks for an immediate refresh.
	_, cmd := m.Update(common.ChangedMsg{})
	if _, ok := cmd().(refreshedMsg); !ok {
		t.Error("ChangedMsg did not refresh")
	}
}

// The poll reads only the revision while nobody writes and the day stays
// the same; a write anywhere, or midnight, brings today's summary again.
func TestPollReadsOnlyTheRevisionUntilItMoves(t *testing.T) {
	s := tempStore(t)
	m := newModel(t, s, 80, 24)
	m.d.Run(m.refresh(false))
	poll := func() refreshedMsg {
		t.Helper()
		msg, ok := m.refresh(true)().(refreshedMsg)
		if !ok || msg.err != nil {
			t.Fatalf("poll: %+v", msg)
		}
		m.handleRefreshed(msg)
		return msg
	}
	if msg := poll(); !msg.unchanged {
		t.Error("a poll with nothing written read today's summary")
	}
	if _, err := store.Water.Append(s, diary.WaterLog{Stamp: diary.StampAt(m.d.Now()), ML: 250}); err != nil {
		t.Fatal(err)
	}
	if msg := poll(); msg.unchanged || m.today.WaterML != 250 {
		t.Errorf("after a write elsewhere: unchanged %v, water %d ml", msg.unchanged, m.today.WaterML)
	}
	if msg := poll(); !msg.unchanged {
		t.Error("the poll after that read the summary again")
	}
	m.d.Advance(24 * time.Hour)
	if msg := poll(); msg.unchanged || m.today.Day != diary.DayOf(m.d.Now()) || m.today.WaterML != 0 {
		t.Errorf("after midnight: unchanged %v, today %v with %d ml", msg.unchanged, m.today.Day, m.today.WaterML)
	}
}

func TestDataErrorShowsInStatusBar(t *testing.T) {
	m := newModel(t, tempStore(t), 100, 24)
	busy := &store.FileError{Path: "/x/lumbar.db", Reason: store.ErrBusy}
	m.Update(refreshedMsg{err: busy})
	if !strings.Contains(m.View(), "data file busy") {
		t.Errorf("status bar does not say the file is busy:\n%s", m.View())
	}
	m.Update(refreshedMsg{revision: 3})
	if strings.Contains(m.View(), "busy") {
		t.Error("the error stayed after a good refresh")
	}
	if !errors.Is(busy, store.ErrBusy) {
		t.Fatal("sanity")
	}
}

// Every tab, with its data loaded, at every size down to 1x1 (each tab
// is laid out even while hidden): no panic, and no frame larger than the
// window.
func TestEveryFrameFitsTheWindow(t *testing.T) {
	s := goldenStore(t)
	for _, size := range [][2]int{{80, 24}, {120, 40}, {60, 20}, {200, 60}, {59, 20}, {80, 19}, {20, 5}, {23, 40}, {1, 1}} {
		m := newModel(t, s, size[0], size[1])
		m.d.Run(m.Init())
		m.Update(tea.WindowSizeMsg{Width: size[0], Height: size[1]})
		for _, keys := range [][]string{{}, {"?"}, {"2"}, {"4"}} {
			m.press(keys...)
			view := m.View()
			lines := strings.Split(view, "\n")
			if len(lines) != size[1] {
				t.Errorf("%dx%d after %v: %d lines", size[0], size[1], keys, len(lines))
			}
			for i, line := range lines {
				if w := lipgloss.Width(line); w > size[0] {
					t.Errorf("%dx%d after %v: line %d is %d wide", size[0], size[1], keys, i, w)
				}
			}
		}
	}
}

func TestTooSmallSaysWhatItNeeds(t *testing.T) {
	m := newModel(t, tempStore(t), 59, 20)
	if v := m.View(); !strings.Contains(v, "at least 60×20") || !strings.Contains(v, "59×20") {
		t.Errorf("small window view:\n%s", v)
	}
	m.Update(tea.WindowSizeMsg{Width: 80, Height: 24})
	if v := m.View(); strings.Contains(v, "at least") || !strings.Contains(v, "1 Guide") {
		t.Errorf("after growing, the app did not come back:\n%s", v)
	}
}

func TestNavigationBringsItsTabForward(t *testing.T) {
	m := newModel(t, tempStore(t), 80, 24)
	tabs := fakeTabs(m)
	m.Update(common.OpenGuideMsg{Section: "when-to-see-a-doctor"})
	if m.Active() != common.GuideTab {
		t.Errorf("OpenGuideMsg left tab %d open", m.Active())
	}
	if got, ok := tabs[common.GuideTab].last().(common.OpenGuideMsg); !ok || got.Section != "when-to-see-a-doctor" {
		t.Errorf("the Guide got %#v", tabs[common.GuideTab].last())
	}
	m.Update(common.StartRoutineMsg{Routine: "desk-break"})
	if m.Active() != common.StretchTab {
		t.Errorf("StartRoutineMsg left tab %d open", m.Active())
	}
}

func TestStartAt(t *testing.T) {
	m := newModel(t, tempStore(t), 80, 24)
	tabs := fakeTabs(m)
	m.StartAt(common.StartRoutineMsg{Routine: "desk-break"})
	m.d.Run(m.Init())
	if m.Active() != common.StretchTab {
		t.Fatalf("started on tab %d", m.Active())
	}
	found := false
	for _, msg := range tabs[common.StretchTab].got {
		if r, ok := msg.(common.StartRoutineMsg); ok && r.Routine == "desk-break" {
			found = true
		}
	}
	if !found {
		t.Error("the Stretch tab never got the routine")
	}
}

// savingTab counts its saves; err is what each save answers.
type savingTab struct {
	fakeTab
	saved int
	err   error
}

func (f *savingTab) Save() error { f.saved++; return f.err }

// Update keeps the savingTab itself in the root's hands (the embedded
// fakeTab's Update would hand back only the fakeTab).
func (f *savingTab) Update(msg tea.Msg) (tea.Model, tea.Cmd) {
	f.fakeTab.Update(msg)
	return f, nil
}

// typingTab has something half typed while typing is set.
type typingTab struct {
	fakeTab
	typing string
}

func (f *typingTab) UnsavedTyping() string { return f.typing }

func (f *typingTab) Update(msg tea.Msg) (tea.Model, tea.Cmd) {
	f.fakeTab.Update(msg)
	return f, nil
}

// A message on the status bar takes its rows from the open tab while it
// shows, and gives them back when it goes.
func TestMessageTakesRowsFromTheTab(t *testing.T) {
	m := newModel(t, tempStore(t), 60, 20)
	tabs := fakeTabs(m)
	m.tabs[common.StretchTab] = &savingTab{err: errors.New("open /home/sam/.local/share/lumbar/lumbar.db: permission denied")}
	if isQuit(m.press("q")) {
		t.Fatal("quit although the save failed")
	}
	frame := m.View()
	if rows := m.statusRows(); rows < 2 || tabs[common.GuideTab].h != 20-common.HeaderRows-rows {
		t.Errorf("a %d-row message left the tab %d rows", rows, tabs[common.GuideTab].h)
	}
	if flat := strings.Join(strings.Fields(frame), " "); !strings.Contains(flat, "permission denied (press ctrl+c again to quit anyway)") {
		t.Errorf("the message is not whole:\n%s", frame)
	}
	m.press("j")
	if tabs[common.GuideTab].h != 20-common.ChromeRows {
		t.Errorf("after the message went the tab has %d rows, want %d", tabs[common.GuideTab].h, 20-common.ChromeRows)
	}
}

func TestQuitRunsEverySave(t *testing.T) {
	m := newModel(t, tempStore(t), 80, 24)
	tab := &savingTab{}
	m.tabs[common.StretchTab] = tab
	if !isQuit(m.press("q")) || tab.saved != 1 {
		t.Fatalf("q: saved %d times", tab.saved)
	}

	m = newModel(t, tempStore(t), 80, 24)
	failing, other := &savingTab{err: errors.New("disk full")}, &savingTab{}
	m.tabs[common.GuideTab], m.tabs[common.StretchTab] = failing, other
	if isQuit(m.press("ctrl+c")) {
		t.Fatal("quit although a save failed")
	}
	if other.saved != 1 {
		t.Error("one tab's failed save kept another tab from saving")
	}
	if !strings.Contains(m.View(), "not saved: disk full") {
		t.Errorf("the failed save is not shown:\n%s", m.View())
	}
	if !isQuit(m.press("ctrl+c")) {
		t.Error("a second ctrl+c must quit anyway")
	}
	if failing.saved != 2 || other.saved != 2 {
		t.Errorf("the second ctrl+c skipped saves: %d and %d", failing.saved, other.saved)
	}
}

// Typing not saved yet asks once before quitting, and asking saves
// nothing: the person may stay and go on. The quit that goes ahead saves
// every tab.
func TestQuitAsksBeforeLeavingTyping(t *testing.T) {
	m := newModel(t, tempStore(t), 80, 24)
	typist, saver := &typingTab{typing: "an entry is open"}, &savingTab{}
	m.tabs[common.LogTab], m.tabs[common.StretchTab] = typist, saver
	if isQuit(m.press("q")) {
		t.Fatal("quit over unsaved typing without asking")
	}
	if saver.saved != 0 {
		t.Error("a quit that did not go ahead saved (and so ended) a tab's work")
	}
	if !strings.Contains(m.View(), "an entry is open") {
		t.Errorf("the question is not shown:\n%s", m.View())
	}
	m.press("j") // the person goes on: the question lapses
	if strings.Contains(m.View(), "an entry is open") {
		t.Error("the question outlived the next key")
	}
	if isQuit(m.press("ctrl+c")) {
		t.Fatal("a quit after the question lapsed did not ask again")
	}
	if !isQuit(m.press("ctrl+c")) || saver.saved != 1 {
		t.Errorf("ctrl+c again: saved %d times, want a quit after one save", saver.saved)
	}
}

// While the open tab takes typing, a click on the tab bar keeps it open,
// as the keys 1–4 do.
func TestTabBarClickWaitsWhileTyping(t *testing.T) {
	m := newModel(t, tempStore(t), 80, 24)
	tabs := fakeTabs(m)
	tabs[common.GuideTab].capturing = true
	stretch := m.layoutTabBar().spans[common.StretchTab]
	m.Update(tea.MouseMsg{X: stretch[0], Y: 0, Action: tea.MouseActionPress, Button: tea.MouseButtonLeft})
	if m.Active() != common.GuideTab {
		t.Errorf("a click switched to tab %d while the Guide took typing", m.Active())
	}
}

// Keys that arrive in one read come as one message of several runes; the
// root hands them on one at a time, except into a text field.
func TestJoinedKeysAreSplit(t *testing.T) {
	m := newModel(t, tempStore(t), 80, 24)
	tabs := fakeTabs(m)
	joined := tea.KeyMsg{Type: tea.KeyRunes, Runes: []rune("2jk")}
	m.Update(joined)
	if m.Active() != common.LogTab {
		t.Fatalf("the 2 of \"2jk\" did not switch tab (active %d)", m.Active())
	}
	if got := keysGot(tabs[common.LogTab]); got != "j k" {
		t.Errorf("the Log tab got %q, want j then k", got)
	}
	tabs[common.LogTab].capturing = true
	m.Update(tea.KeyMsg{Type: tea.KeyRunes, Runes: []rune("q1")})
	if got := keysGot(tabs[common.LogTab]); got != "j k [q1]" {
		t.Errorf("typing into a field got %q, want the runes whole, as text", got)
	}
	tabs[common.LogTab].capturing = false
	m.Update(tea.KeyMsg{Type: tea.KeyRunes, Runes: []rune("hi"), Paste: true})
	if got := keysGot(tabs[common.LogTab]); got != "j k [q1] [hi]" {
		t.Errorf("a paste was split: %q", got)
	}
	saver := &savingTab{}
	m.tabs[common.RemindTab] = saver
	m.Update(tea.KeyMsg{Type: tea.KeyRunes, Runes: []rune("jq")})
	if saver.saved != 1 {
		t.Error("the q of \"jq\" did not quit")
	}
}

// Once one of the keys read together opens a text field, the rest is text
// for it: one message, however long, never a message per rune.
func TestJoinedKeysAfterOneOpeningAFieldAreText(t *testing.T) {
	m := newModel(t, tempStore(t), 80, 24)
	tabs := fakeTabs(m)
	guide := tabs[common.GuideTab]
	guide.opensText = "/"
	long := strings.Repeat("left", 25_000)
	m.Update(tea.KeyMsg{Type: tea.KeyRunes, Runes: []rune("j/" + long)})
	if len(guide.got) != 3 {
		t.Fatalf("the tab got %d messages, want j, / and the text", len(guide.got))
	}
	text := guide.last().(tea.KeyMsg)
	if string(text.Runes) != long || !text.Paste {
		t.Errorf("the text after / came as %d runes, paste %v", len(text.Runes), text.Paste)
	}
}

func TestStatusBarShowsWaterInTheChosenUnit(t *testing.T) {
	s := tempStore(t)
	m := newModel(t, s, 100, 24)
	if _, err := store.Water.Append(s, diary.WaterLog{Stamp: diary.StampAt(fixedNow.Add(-time.Hour)), ML: 500}); err != nil {
		t.Fatal(err)
	}
	if err := s.Update(func(tx *store.Tx) error {
		return store.ChangeSettings(tx, map[string]string{"water.unit": "oz"})
	}); err != nil {
		t.Fatal(err)
	}
	m.d.Run(m.refresh(false))
	if v := m.View(); !strings.Contains(v, "water "+diary.WaterUnit("oz").Format(500)) || strings.Contains(v, "500 ml") {
		t.Errorf("status bar ignores water.unit:\n%s", v)
	}
}

// announcingTab has a next reminder to put on the status bar.
type announcingTab struct {
	fakeTab
	next string
}

func (a *announcingTab) Banner() (common.Banner, bool) { return common.Banner{}, false }
func (a *announcingTab) NextUp() string                { return a.next }
func (a *announcingTab) Update(msg tea.Msg) (tea.Model, tea.Cmd) {
	a.fakeTab.Update(msg)
	return a, nil
}

// However narrow the window, each phrase of the status bar shows whole or
// not at all: the least needed go first.
func TestStatusBarDropsWholePhrases(t *testing.T) {
	s := tempStore(t)
	for i := range 3 {
		if _, err := store.Pain.Append(s, diary.PainEntry{Stamp: diary.StampAt(fixedNow.Add(-time.Duration(24*i+1) * time.Hour)), Pain: 10}); err != nil {
			t.Fatal(err)
		}
	}
	if _, err := store.Water.Append(s, diary.WaterLog{Stamp: diary.StampAt(fixedNow.Add(-time.Hour)), ML: 2250}); err != nil {
		t.Fatal(err)
	}
	phrases := []string{"pain 10 severe", "water 2,250 ml", "movement break in 1h 30m", "? help · q quit"}
	for width := MinWidth; width <= 100; width++ {
		m := newModel(t, s, width, 24)
		m.tabs[common.RemindTab] = &announcingTab{next: "movement break in 1h 30m"}
		m.d.Run(m.refresh(false))
		lines := strings.Split(m.View(), "\n")
		bar := lines[len(lines)-1]
		if lipgloss.Width(bar) != width {
			t.Fatalf("at %d columns the bar is %d wide", width, lipgloss.Width(bar))
		}
		if !strings.Contains(bar, phrases[0]) {
			t.Errorf("at %d columns the bar lost today's pain: %q", width, bar)
		}
		for _, p := range phrases[1:] {
			if strings.Contains(bar, p[:4]) && !strings.Contains(bar, p) {
				t.Errorf("at %d columns %q is cut: %q", width, p, bar)
			}
		}
		if strings.Contains(bar, "[") && !strings.Contains(bar, "]") {
			t.Errorf("at %d columns the sparkline is cut: %q", width, bar)
		}
	}
}

// ! opens the Guide's "When to see a doctor" from every tab, and from
// the help screen; in a text field it is just a character.
func TestDoctorKeyFromEveryTab(t *testing.T) {
	s := tempStore(t)
	for _, from := range []string{"1", "2", "3", "4"} {
		for _, help := range []bool{false, true} {
			m := newModel(t, s, 80, 24)
			m.press(from)
			if help {
				m.press("?")
			}
			m.press("!")
			if m.Active() != common.GuideTab || m.HelpShown() || !strings.Contains(m.View(), "# When to see a doctor") {
				t.Errorf("! from tab %s (help %v) shows tab %d:\n%s", from, help, m.Active(), m.View())
			}
		}
	}
	m := newModel(t, s, 80, 24)
	m.press("2", "n", "!")
	if m.Active() != common.LogTab || !strings.Contains(m.View(), "New entry") {
		t.Errorf("! typed into the Log form left it:\n%s", m.View())
	}
	m = newModel(t, s, 80, 24)
	m.press("1", "/", "!")
	if m.Active() != common.GuideTab || !strings.Contains(m.View(), "/!") {
		t.Errorf("! typed into the Guide's search box is not text:\n%s", m.View())
	}
}

// A damaged record is left out of what the app shows, and the status bar
// says so in one line, with what to do.
func TestSkippedDamagedRecordsAreNoted(t *testing.T) {
	s := tempStore(t)
	if _, err := store.Pain.Append(s, diary.PainEntry{Stamp: diary.StampAt(fixedNow.Add(-2 * time.Hour)), Pain: 4}); err != nil {
		t.Fatal(err)
	}
	db, err := bolt.Open(s.Path(), 0o600, nil)
	if err != nil {
		t.Fatal(err)
	}
	damaged := store.NewKey(fixedNow.Add(-time.Hour))
	err = db.Update(func(tx *bolt.Tx) error {
		return tx.Bucket([]byte(store.BucketPain)).Put(damaged[:], []byte(`{"pain":#}`))
	})
	db.Close()
	if err != nil {
		t.Fatal(err)
	}
	m := newModel(t, s, 100, 24)
	m.d.Run(m.refresh(false))
	view := m.View()
	if !strings.Contains(view, "1 damaged record that cannot be read was left out") || !strings.Contains(view, "lumbar check") {
		t.Errorf("no note about the damaged record:\n%s", view)
	}
	if strings.Contains(view, "invalid character") {
		t.Errorf("the damaged record's error reached the screen:\n%s", view)
	}
}

// In a window too small to draw the app, the way out shown is the one
// that works: while the open tab takes typing q is text (it would land in
// a field nobody can see), so ctrl+c is offered, and the warning a first
// ctrl+c gives shows there too.
func TestTooSmallOffersTheQuitThatWorks(t *testing.T) {
	m := newModel(t, tempStore(t), 59, 20)
	tabs := fakeTabs(m)
	if v := m.View(); !strings.Contains(v, "q quits") {
		t.Errorf("small window, no typing:\n%s", v)
	}
	tabs[common.GuideTab].capturing = true
	if v := m.View(); !strings.Contains(v, "ctrl+c quits") || strings.Contains(v, "q quits") {
		t.Errorf("small window while the tab takes typing offers q:\n%s", v)
	}
	m.quitWarning = errors.New("an entry is open in the Log")
	if v := strings.Join(strings.Fields(m.View()), " "); !strings.Contains(v, "an entry is open in the Log") {
		t.Errorf("the quit warning is hidden by the small-window note:\n%s", v)
	}
}
