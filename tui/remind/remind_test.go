package remind

import (
	"crypto/sha256"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	tea "github.com/charmbracelet/bubbletea"
	"github.com/charmbracelet/huh"
	"github.com/charmbracelet/lipgloss"
	"github.com/charmbracelet/x/ansi"

	"lumbar/store"
	"lumbar/store/diary"
	"lumbar/tui/common"
	"lumbar/tui/tuitest"
)

func TestMain(m *testing.M) { tuitest.Main(m) }

// noNotices keeps a tab's desktop notifications off the desktop.
var noNotices = WithNotifier(func(_, _ string) error { return nil })

// harness is the tab under the tuitest driver, at a wall time the test
// moves, counting desktop notifications.
type harness struct {
	t       *testing.T
	d       *tuitest.Driver
	m       *Model
	store   *store.Store
	notices int
}

func newHarness(t *testing.T, wall string) *harness {
	t.Helper()
	return newHarnessOver(t, establishedStore(t), wall) // most tests are about a diary in use for a while
}

// newHarnessOver is the tab over s at wall time.
func newHarnessOver(t *testing.T, s *store.Store, wall string) *harness {
	t.Helper()
	h := &harness{t: t, d: tuitest.NewDriver(t), store: s}
	h.d.SetClock(on(wall))
	h.open(New(h.d.Common(s), WithNotifier(h.notify)))
	return h
}

// open drives m, as the app does at start.
func (h *harness) open(m *Model) {
	h.m = m
	h.d.DriveTab(m)
	m.SetSize(80, 21)
	h.d.Run(m.Init())
}

func (h *harness) notify(_, _ string) error {
	h.notices++
	return nil
}

func keyMsg(k string) tea.KeyMsg { return tuitest.Key(k) }

// at moves the clock to wall time and lets the pending timer fire.
func (h *harness) at(wall string) {
	h.d.SetClock(on(wall))
	h.d.FireTimers()
}

func (h *harness) due() []diary.CheckKind {
	var kinds []diary.CheckKind
	for _, d := range h.m.sched.DueNow() {
		kinds = append(kinds, d.Kind)
	}
	return kinds
}

func (h *harness) checks() []diary.Check {
	h.t.Helper()
	var out []diary.Check
	err := h.store.View(func(tx *store.Tx) error {
		return store.Checks.Range(tx, time.Unix(0, 0), h.d.Now().Add(time.Hour), func(it store.Item[diary.Check]) error {
			out = append(out, it.Value)
			return nil
		})
	})
	if err != nil {
		h.t.Fatal(err)
	}
	return out
}

func (h *harness) sum() [32]byte {
	b, err := os.ReadFile(h.store.Path())
	if err != nil {
		h.t.Fatal(err)
	}
	return sha256.Sum256(b)
}

func TestAReminderComesDueRingsOnceAndShowsItsBanner(t *testing.T) {
	h := newHarness(t, "2026-11-23 09:10")
	if len(h.due()) != 0 || h.d.Bells() != 0 {
		t.Fatalf("due %v, bells %d before anything is due", h.due(), h.d.Bells())
	}
	if got := h.m.NextUp(); got != "posture in 20m" {
		t.Errorf("NextUp = %q", got)
	}
	if _, showing := h.m.Banner(); showing {
		t.Error("a banner before anything is due")
	}
	if last := h.d.LastWait(); last != maxWait {
		t.Errorf("timer set for %v, want the one-minute cap", last)
	}
	h.at("2026-11-23 09:29:30")
	if last := h.d.LastWait(); last != 30*time.Second {
		t.Errorf("timer set for %v, want the 30s left until 09:30", last)
	}
	h.at("2026-11-23 09:30")
	banner, showing := h.m.Banner()
	if !showing || !strings.Contains(banner.Title, "posture") || banner.Body == "" {
		t.Fatalf("banner %+v, %v", banner, showing)
	}
	if h.d.Bells() != 1 || h.notices != 0 {
		t.Errorf("bells %d, notices %d; want one bell and no notification (off by default)", h.d.Bells(), h.notices)
	}
	if !strings.Contains(h.m.View(), "Time for a posture check") || h.m.NextUp() != "posture now" {
		t.Errorf("the tab does not show the due check:\n%s", h.m.View())
	}
	// Recomputing (a reload, the computer asleep for hours) never rings
	// for the same due time again.
	h.d.Deliver(common.ReloadMsg{})
	h.at("2026-11-23 09:40")
	if h.d.Bells() != 1 {
		t.Errorf("rang %d times for one due posture check", h.d.Bells())
	}
	// What fell due meanwhile waits its turn behind the posture check,
	// and rings once it comes to the front.
	h.at("2026-11-23 13:05")
	if got := h.due(); len(got) != 3 || h.d.Bells() != 1 {
		t.Errorf("after sleeping: due %v, bells %d; want all three due, no ring until the first is answered", got, h.d.Bells())
	}
	h.d.Press("enter")
	if banner, _ := h.m.Banner(); !strings.Contains(banner.Title, "move") || h.d.Bells() != 2 {
		t.Errorf("after the posture check: banner %q, bells %d; want the move reminder, one more ring", banner.Title, h.d.Bells())
	}
	// A restart shows what is due without ringing.
	h.open(New(h.m.Common, WithNotifier(h.notify)))
	if len(h.due()) != 2 || h.d.Bells() != 2 {
		t.Errorf("after a restart: due %v, bells %d", h.due(), h.d.Bells())
	}
}

func TestABrandNewDiaryStartsItsIntervalsAtItsFirstOpen(t *testing.T) {
	s, err := store.Open(filepath.Join(t.TempDir(), "lumbar.db"))
	if err != nil {
		t.Fatal(err)
	}
	h := newHarnessOver(t, s, "2026-11-23 14:00")
	if _, showing := h.m.Banner(); showing || len(h.due()) != 0 || h.m.NextUp() != "posture in 30m" {
		t.Fatalf("the first open of a new diary: due %v, next %q", h.due(), h.m.NextUp())
	}
	st, err := s.ReminderState(h.d.Now())
	if err != nil || !st.FirstOpen.Equal(on("2026-11-23 14:00")) {
		t.Fatalf("the first open recorded as %v (%v)", st.FirstOpen, err)
	}
	// A restart an hour later counts from the first open, not from itself.
	later := newHarnessOver(t, s, "2026-11-23 14:55")
	if got := later.due(); len(got) != 2 || got[0] != diary.CheckPosture || got[1] != diary.CheckMove {
		t.Fatalf("an hour after the first open, due %v; want posture then move", got)
	}
	// One banner at a time, the next after the first is answered.
	if banner, _ := later.m.Banner(); !strings.Contains(banner.Title, "posture") {
		t.Errorf("banner %q, want the posture check first", banner.Title)
	}
	later.d.Press("enter")
	if banner, _ := later.m.Banner(); !strings.Contains(banner.Title, "move") || later.d.Bells() != 1 {
		t.Errorf("after the posture check: banner %q, bells %d", banner.Title, later.d.Bells())
	}
}

func TestAFileThatTakesNoWritesStillCountsFromTheFirstOpen(t *testing.T) {
	path := filepath.Join(t.TempDir(), "lumbar.db")
	if _, err := store.Open(path); err != nil { // creates the file
		t.Fatal(err)
	}
	readOnly, err := store.OpenToRead(path)
	if err != nil {
		t.Fatal(err)
	}
	h := newHarnessOver(t, readOnly, "2026-11-23 14:00")
	h.at("2026-11-23 14:31")
	if got := h.due(); len(got) != 1 || got[0] != diary.CheckPosture {
		t.Errorf("30m after the first open of a file that takes no writes, due %v; want posture", got)
	}
}

func TestStaleTimersAreDropped(t *testing.T) {
	h := newHarness(t, "2026-11-23 09:10")
	stale := h.m.timerGen
	h.d.Deliver(common.ReloadMsg{}) // arms a newer timer
	if cmd := h.d.Send(dueTickMsg{gen: stale}); cmd != nil {
		t.Error("a stale tick was acted on")
	}
	if cmd := h.d.Send(dueTickMsg{gen: h.m.timerGen}); cmd == nil {
		t.Error("the current tick did nothing")
	}
}

func TestSnoozeMovesTheReminder(t *testing.T) {
	h := newHarness(t, "2026-11-23 09:35")
	h.d.Press("s")
	checks := h.checks()
	if len(checks) != 1 || checks[0].Kind != diary.CheckPosture || checks[0].Action != diary.ActionSnoozed ||
		!checks[0].Until.Equal(on("2026-11-23 09:45")) {
		t.Fatalf("recorded %+v", checks)
	}
	if at, _ := h.m.sched.DueAt(diary.CheckPosture); !at.Equal(on("2026-11-23 09:45")) {
		t.Errorf("posture now due %v, want 09:45", at)
	}
	if len(h.due()) != 0 || len(tuitest.SentOf[common.ChangedMsg](h.d)) != 1 || !strings.Contains(h.m.View(), "Snoozed the posture reminder until 09:45") {
		t.Errorf("due %v, changed %d, view:\n%s", h.due(), len(tuitest.SentOf[common.ChangedMsg](h.d)), h.m.View())
	}
	h.at("2026-11-23 09:45")
	if got := h.due(); len(got) != 1 || got[0] != diary.CheckPosture {
		t.Errorf("at the snooze's end due %v", got)
	}
}

func TestDoneRecordsTheCheckIn(t *testing.T) {
	h := newHarness(t, "2026-11-23 09:35")
	first, _ := h.m.Banner()
	h.d.Press("enter")
	if c := h.checks(); len(c) != 1 || c[0].Action != diary.ActionDone || c[0].Kind != diary.CheckPosture {
		t.Fatalf("recorded %+v", c)
	}
	if at, _ := h.m.sched.DueAt(diary.CheckPosture); !at.Equal(on("2026-11-23 10:05")) {
		t.Errorf("next posture check %v, want 30m later", at)
	}
	h.at("2026-11-23 10:05")
	next, _ := h.m.Banner()
	if next.Body == first.Body {
		t.Errorf("the next check-in shows the same cue %q", next.Body)
	}
	h.d.Press("x")
	if c := h.checks(); len(c) != 2 || c[1].Action != diary.ActionDismissed {
		t.Errorf("dismiss recorded %+v", c)
	}
}

func TestBannerKeysAnswerToo(t *testing.T) {
	h := newHarness(t, "2026-11-23 09:35")
	h.d.Press("ctrl+s")
	if c := h.checks(); len(c) != 1 || c[0].Action != diary.ActionSnoozed {
		t.Fatalf("ctrl+s recorded %+v", c)
	}
	h.d.Press("ctrl+o", "ctrl+x") // nothing due: nothing to answer
	if c := h.checks(); len(c) != 1 {
		t.Errorf("keys answered a reminder that was not due: %+v", c)
	}
}

func TestMoveOffersTheDeskBreak(t *testing.T) {
	h := newHarness(t, "2026-11-23 09:40")
	h.d.Press("enter") // the posture check, due first
	h.at("2026-11-23 09:50")
	banner, _ := h.m.Banner()
	if !strings.Contains(banner.Title, "move") || banner.Keys[0].Help().Desc != "desk break" {
		t.Fatalf("move banner %+v", banner)
	}
	h.d.Press("enter")
	if len(tuitest.SentOf[common.Navigation](h.d)) != 1 || tuitest.SentOf[common.Navigation](h.d)[0] != (common.StartRoutineMsg{Routine: "desk-break"}) {
		t.Errorf("navigated %v, want the desk break started", tuitest.SentOf[common.Navigation](h.d))
	}
	if c := h.checks(); len(c) != 2 || c[1].Kind != diary.CheckMove || c[1].Action != diary.ActionDone {
		t.Errorf("recorded %+v", c)
	}
}

func TestWaterReminderAddsAGlass(t *testing.T) {
	h := newHarness(t, "2026-11-23 10:01")
	h.d.Press("enter", "enter") // posture, move
	if got := h.due(); len(got) != 1 || got[0] != diary.CheckWater {
		t.Fatalf("due %v, want water", got)
	}
	banner, _ := h.m.Banner()
	if !strings.Contains(banner.Body, "0 of 2,000 ml so far; an even pace would be 225 ml by now") {
		t.Errorf("water banner %q", banner.Body)
	}
	h.d.Press("enter")
	if h.m.snap.state.Today.WaterML != 250 || len(h.due()) != 0 {
		t.Errorf("water %d ml, due %v", h.m.snap.state.Today.WaterML, h.due())
	}
}

func TestQuietModeSilencesAndExpires(t *testing.T) {
	h := newHarness(t, "2026-11-23 09:35")
	before := h.sum()
	h.d.Press("p", "esc")
	if h.sum() != before || h.m.choosingQuiet {
		t.Fatal("cancelling quiet mode wrote or stayed open")
	}
	h.d.Press("p")
	if !strings.Contains(h.m.View(), "h for 1 hour") {
		t.Errorf("the choices are not shown:\n%s", h.m.View())
	}
	h.d.Press("w") // not a choice: ignored, no glass added
	h.d.Press("h")
	if len(h.due()) != 0 || h.m.NextUp() != "quiet until 10:35" || h.m.snap.state.Today.WaterML != 0 {
		t.Fatalf("quiet: due %v, next %q, water %d", h.due(), h.m.NextUp(), h.m.snap.state.Today.WaterML)
	}
	bells := h.d.Bells()
	h.at("2026-11-23 10:30")
	if len(h.due()) != 0 || h.d.Bells() != bells {
		t.Error("a reminder got through quiet mode")
	}
	h.at("2026-11-23 10:35")
	if len(h.due()) != 3 || h.d.Bells() != bells+1 {
		t.Errorf("after quiet mode: due %v, bells %d", h.due(), h.d.Bells()-bells)
	}
	h.d.Press("p", "t")
	if h.m.NextUp() != "quiet until tomorrow" {
		t.Errorf("until tomorrow: %q", h.m.NextUp())
	}
	h.at("2026-11-24 09:00")
	if h.m.sched.Quiet() || h.m.NextUp() != "posture in 30m" {
		t.Errorf("the next morning: %q", h.m.NextUp())
	}
	h.d.Press("p", "h", "p", "o")
	if h.m.sched.Quiet() || h.m.note != "Reminders are on." {
		t.Errorf("quiet mode off: %v %q", h.m.sched.Quiet(), h.m.note)
	}
}

func TestWaterAddRemoveAndPace(t *testing.T) {
	h := newHarness(t, "2026-11-23 13:30")
	h.d.Press("w", "w", "w")
	if h.m.snap.state.Today.WaterML != 750 || h.m.note != "+250 ml: 750 of 2,000 ml today." {
		t.Errorf("after three glasses: %d ml, %q", h.m.snap.state.Today.WaterML, h.m.note)
	}
	if v := h.m.View(); !strings.Contains(v, "behind pace (1,000 ml by now)") || !strings.Contains(v, "3 of 8 glasses") {
		t.Errorf("pace not shown:\n%s", v)
	}
	h.d.Press("w")
	if v := h.m.View(); !strings.Contains(v, "on pace") {
		t.Errorf("1,000 ml at 13:30 should be on pace:\n%s", v)
	}
	h.d.Press("W")
	if h.m.snap.state.Today.WaterML != 750 || h.m.note != "Took back 250 ml; 750 ml today." {
		t.Errorf("after taking one back: %d, %q", h.m.snap.state.Today.WaterML, h.m.note)
	}
	if h.m.snap.week[diary.DayOf(h.d.Now())] != 750 {
		t.Errorf("the chart's today = %d", h.m.snap.week[diary.DayOf(h.d.Now())])
	}
	h.at("2026-11-24 08:00") // midnight started a new water day
	before := h.sum()
	h.d.Press("W")
	if h.m.note != "No water logged today to take back." || h.sum() != before {
		t.Errorf("W on a new day: %q", h.m.note)
	}
	if h.m.snap.week[diary.DayOf(h.d.Now())-1] != 750 {
		t.Error("yesterday's water is missing from the chart")
	}
}

func TestOutsideChangesAreReloaded(t *testing.T) {
	h := newHarness(t, "2026-11-23 09:35")
	err := h.store.Update(func(tx *store.Tx) error {
		if err := store.AddWater(tx, h.d.Now(), 500, 1); err != nil {
			return err
		}
		return store.ChangeSettings(tx, map[string]string{"posture.interval": "off"})
	})
	if err != nil {
		t.Fatal(err)
	}
	h.d.Deliver(common.ReloadMsg{Revision: 9})
	if _, ok := h.m.sched.DueAt(diary.CheckPosture); ok || h.m.snap.state.Today.WaterML != 500 {
		t.Errorf("after an outside change: posture scheduled %v, water %d", ok, h.m.snap.state.Today.WaterML)
	}
	if !strings.Contains(h.m.View(), "Posture  off") {
		t.Errorf("posture off not shown:\n%s", h.m.View())
	}
}

func TestSettingsForm(t *testing.T) {
	h := newHarness(t, "2026-11-23 08:00")
	before := h.sum()
	h.d.Type("c")
	if !h.m.CapturesInput() || !strings.Contains(h.m.View(), "water.goal") {
		t.Fatalf("the form did not open:\n%s", h.m.View())
	}
	// A refused value keeps the form on its field and says why.
	h.d.Type("backspace", "backspace", "backspace", "backspace", "0", "enter")
	if v := h.m.View(); h.m.form == nil || !strings.Contains(v, "must be from 100 to 4,000 ml") {
		t.Fatalf("a 0 ml goal was not refused in place:\n%s", v)
	}
	if err := h.m.form.check("hours.start", "18:00"); err == nil || !strings.Contains(err.Error(), "need a start and a different end") {
		t.Errorf("a start equal to the end is not refused as it is typed: %v", err)
	}
	h.d.Type("esc")
	if h.m.CapturesInput() || h.m.note != "Settings unchanged." || h.sum() != before {
		t.Fatalf("esc: open %v, note %q, file changed %v", h.m.CapturesInput(), h.m.note, h.sum() != before)
	}

	submit := func(changes map[string]string) {
		h.d.Type("c")
		for name, text := range changes {
			*h.m.form.texts[name] = text
		}
		h.m.form.form.State = huh.StateCompleted
		h.d.Run(h.m.updateForm(nil))
	}
	// Settings that only fail together are refused as a whole.
	submit(map[string]string{"hours.start": "18:00", "water.goal": "2500"})
	if !strings.HasPrefix(h.m.note, "Not saved: hours.start and hours.end are both 18:00") || h.sum() != before {
		t.Fatalf("cross-check: %q, file changed %v", h.m.note, h.sum() != before)
	}
	submit(map[string]string{"water.goal": "2500", "water.unit": "oz", "posture.interval": "45m"})
	set := h.m.snap.state.Settings
	if h.m.note != "Settings saved." || set.WaterGoalML != 2500 || set.WaterUnit != diary.UnitOz || set.PostureInterval != 45*time.Minute {
		t.Errorf("saved: %q %+v", h.m.note, set)
	}
	if at, _ := h.m.sched.DueAt(diary.CheckPosture); !at.Equal(on("2026-11-23 09:45")) {
		t.Errorf("the new interval did not reschedule: %v", at)
	}
	if !strings.Contains(h.m.View(), "0 / 85 oz") {
		t.Errorf("ounces not shown:\n%s", h.m.View())
	}
	// The sync settings are on the form too, checked as lumbar config checks them.
	if h.d.Type("c"); h.m.form.fields["sync.dir"] == nil || h.m.form.fields["sync.interval"] == nil {
		t.Fatalf("the form lacks the sync settings: %v", h.m.form.fields)
	}
	h.d.Type("esc")
	submit(map[string]string{"sync.dir": "~/Sync"})
	if !strings.Contains(h.m.note, "~ is not expanded here") {
		t.Errorf("a folder starting with ~: %q", h.m.note)
	}
	submit(map[string]string{"sync.dir": "/home/ana/Sync", "sync.interval": "15m"})
	if set := h.m.snap.state.Settings; h.m.note != "Settings saved." || set.SyncDir != "/home/ana/Sync" || set.SyncInterval != 15*time.Minute {
		t.Errorf("sync settings saved: %q %q %v", h.m.note, set.SyncDir, set.SyncInterval)
	}
}

// The smallest window (60x20, so 60x17 for the tab) keeps the reminder
// and the foot line, giving up the chart.
func TestSmallestWindowKeepsTheEssentials(t *testing.T) {
	h := newHarness(t, "2026-11-23 09:35")
	h.m.SetSize(60, 17)
	view := h.m.View()
	if lines := strings.Count(view, "\n") + 1; lines > 17 {
		t.Errorf("%d lines in 17 rows:\n%s", lines, view)
	}
	for _, want := range []string{"Time for a posture check", "Water today", "w +1 glass"} {
		if !strings.Contains(view, want) {
			t.Errorf("lacks %q:\n%s", want, view)
		}
	}
	for _, line := range strings.Split(view, "\n") {
		if w := lipgloss.Width(line); w > 60 {
			t.Errorf("a line %d wide: %q", w, line)
		}
	}
}

// Keys pressed before the tab's first load do nothing rather than act on
// empty settings: no form of zero values, no glass of no size.
func TestKeysWaitForTheFirstLoad(t *testing.T) {
	s := tuitest.TempStore(t)
	for _, k := range []string{"c", "w", "W", "p"} {
		m := New(tuitest.NewDriver(t).Common(s), noNotices)
		m.SetSize(80, 21)
		if _, cmd := m.Update(tuitest.Key(k)); cmd != nil {
			cmd()
		}
		if m.form != nil || m.choosingQuiet {
			t.Errorf("%q before the first load: form open %v, choosing quiet %v", k, m.form != nil, m.choosingQuiet)
		}
	}
	var glasses int
	if err := s.View(func(tx *store.Tx) error {
		logs, err := store.Water.Latest(tx, 10)
		glasses = len(logs)
		return err
	}); err != nil {
		t.Fatal(err)
	}
	if glasses != 0 {
		t.Errorf("%d glasses written before the first load", glasses)
	}
}

// A refusal too long for one line goes on under its own text, not under
// the form's margin.
func TestSettingsFormErrorWrapsUnderItsText(t *testing.T) {
	h := newHarness(t, "2026-11-23 08:00")
	h.m.SetSize(60, 17)
	h.d.Type("c", "backspace", "backspace", "backspace", "backspace", "0", "enter")
	lines := strings.Split(ansi.Strip(h.m.View()), "\n")
	for i, line := range lines {
		at := strings.Index(line, "water.goal: must be")
		if at < 0 {
			continue
		}
		if i+1 >= len(lines) || strings.TrimSpace(lines[i+1]) == "" {
			t.Fatalf("the refusal fits one line at 60 columns; the test needs it to wrap:\n%s", h.m.View())
		}
		next := lines[i+1]
		if indent := len(next) - len(strings.TrimLeft(next, " ")); indent != at {
			t.Errorf("the refusal's second line starts at column %d, its text at %d:\n%s\n%s", indent, at, line, next)
		}
		return
	}
	t.Fatalf("no refusal shown:\n%s", h.m.View())
}

// At 60 columns the settings form's title keeps whole hints only.
func TestSettingsFormTitleFitsTheWindow(t *testing.T) {
	h := newHarness(t, "2026-11-23 08:00")
	h.m.SetSize(60, 17)
	h.d.Type("c")
	for _, line := range strings.Split(h.m.View(), "\n") {
		if strings.Contains(line, "Settings") {
			if w := lipgloss.Width(strings.TrimRight(line, " ")); w > 60 || !strings.HasSuffix(strings.TrimRight(line, " "), "esc cancel") {
				t.Errorf("the title line is %d wide: %q", w, line)
			}
			return
		}
	}
	t.Fatalf("no title:\n%s", h.m.View())
}

func TestLogReminderOpensANewEntry(t *testing.T) {
	h := newHarness(t, "2026-11-23 19:55") // Monday: an active day; nothing logged
	if at, ok := h.m.sched.DueAt(diary.CheckLog); !ok || !at.Equal(on("2026-11-23 20:00")) {
		t.Fatalf("log reminder at %v (%v), want 20:00", at, ok)
	}
	if v := ansi.Strip(h.m.View()); !strings.Contains(v, "Log      in 5m · if none logged") {
		t.Errorf("the tab does not show the log reminder:\n%s", v)
	}
	h.at("2026-11-23 20:00")
	banner, ok := h.m.Banner()
	if !ok || banner.Title != "How is your back today?" || banner.Keys[0].Help().Desc != "log now" {
		t.Fatalf("log banner %+v (%v)", banner, ok)
	}
	h.d.Press("enter")
	if nav := tuitest.SentOf[common.Navigation](h.d); len(nav) != 1 || nav[0] != (common.NewEntryMsg{}) {
		t.Errorf("navigated %v, want a new Log entry opened", nav)
	}
	if c := h.checks(); len(c) != 1 || c[0].Kind != diary.CheckLog || c[0].Action != diary.ActionDone {
		t.Errorf("recorded %+v", c)
	}
	if at, _ := h.m.sched.DueAt(diary.CheckLog); !at.Equal(on("2026-11-24 20:00")) {
		t.Errorf("after the answer the log reminder is due %v, want tomorrow 20:00", at)
	}
}

func TestLogReminderSkipsADayWithAnEntry(t *testing.T) {
	h := newHarness(t, "2026-11-23 19:00")
	if _, err := store.Pain.Append(h.store, diary.PainEntry{Stamp: diary.StampAt(on("2026-11-23 08:00")), Pain: 3}); err != nil {
		t.Fatal(err)
	}
	h.d.Deliver(common.ReloadMsg{Revision: 99})
	h.at("2026-11-23 20:30")
	if got := h.due(); len(got) != 0 {
		t.Errorf("due %v on a day already logged", got)
	}
}

func TestSnoozeLastsTheSnoozeSetting(t *testing.T) {
	s := establishedStore(t)
	err := s.Update(func(tx *store.Tx) error {
		return store.ChangeSettings(tx, map[string]string{"snooze": "25m"})
	})
	if err != nil {
		t.Fatal(err)
	}
	h := newHarnessOver(t, s, "2026-11-23 09:35")
	if v := ansi.Strip(h.m.View()); !strings.Contains(v, "s snooze 25m") {
		t.Errorf("the keys do not say the snooze's length:\n%s", v)
	}
	h.d.Press("s")
	if c := h.checks(); len(c) != 1 || !c[0].Until.Equal(on("2026-11-23 10:00")) {
		t.Fatalf("recorded %+v, want a snooze until 10:00", c)
	}
}
