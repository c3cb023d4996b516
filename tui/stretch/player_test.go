package stretch

import (
	"fmt"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/charmbracelet/lipgloss"
	bolt "go.etcd.io/bbolt"

	"lumbar/content"
	"lumbar/tui/common"
)

// startRoutine opens a routine in the player, answering the first pain
// question with answer ("" when the prompt is off: then the caution
// stands alone before the first step, and enter starts).
func (h *harness) startRoutine(id, answer string) *Player {
	h.t.Helper()
	h.d.Deliver(common.StartRoutineMsg{Routine: id})
	if h.m.player == nil {
		h.t.Fatalf("no player for %s: %s", id, h.m.notice)
	}
	if answer != "" {
		h.press(answer)
	} else {
		if h.m.player.stage != beforeStart || !strings.Contains(h.m.View(), "Go gently.") {
			h.t.Fatalf("with the pain prompt off, stage %d does not show the caution before the first step:\n%s", h.m.player.stage, h.m.View())
		}
		h.press("enter")
	}
	if h.m.player.stage != running {
		h.t.Fatalf("stage %d after the first question, want running", h.m.player.stage)
	}
	return h.m.player
}

func (h *harness) painPromptOff() {
	h.t.Helper()
	h.press("P")
	if h.m.settings.PainPrompt {
		h.t.Fatal("P did not turn the pain prompt off")
	}
}

// runToEnd ticks until the steps are over.
func (h *harness) runToEnd(limit time.Duration) {
	h.t.Helper()
	for end := h.d.Now().Add(limit); h.m.player.stage == running; h.tick(tickEvery) {
		if h.d.Now().After(end) {
			h.t.Fatalf("still running after %v", limit)
		}
	}
}

func TestFullRunRecordsTheSession(t *testing.T) {
	h := newHarness(t, 80, 21)
	h.send(common.StartRoutineMsg{Routine: "desk-break"})
	if !h.m.CapturesInput() || !strings.Contains(h.m.View(), "How is your pain right now") {
		t.Fatal("the player does not open on the pain question, holding the keys")
	}
	h.press("5")
	h.runToEnd(4 * time.Minute)
	if !strings.Contains(h.m.View(), "How is your pain now") || !h.m.CapturesInput() {
		t.Fatal("no pain question after the last step")
	}
	h.press("10") // ten, typed fast enough to arrive as one key message
	if h.m.CapturesInput() {
		t.Error("the summary still holds the keys; q should quit from there")
	}
	sessions := h.sessions()
	if len(sessions) != 1 {
		t.Fatalf("%d sessions recorded, want 1", len(sessions))
	}
	s := sessions[0]
	if s.Routine != "desk-break" || s.StepsDone != 9 || s.StepsTotal != 9 || *s.PainBefore != 5 || *s.PainAfter != 10 {
		t.Errorf("session %+v", s)
	}
	if !s.At.Equal(start) || s.End.Sub(s.At) < 184*time.Second || s.End.Sub(s.At) > 185*time.Second {
		t.Errorf("session from %v to %v, want 3:04 from %v", s.At, s.End, start)
	}
	view := h.m.View()
	for _, want := range []string{"9 of 9 steps in 3:04", "Pain 5 before, 10 after", "Your pain went up"} {
		if !strings.Contains(view, want) {
			t.Errorf("summary lacks %q:\n%s", want, view)
		}
	}
	h.press("enter")
	if h.m.player != nil {
		t.Error("enter on the summary did not go back to the library")
	}
}

func TestPauseFreezesTheClockAndTheTicks(t *testing.T) {
	h := newHarness(t, 80, 21)
	h.painPromptOff()
	p := h.startRoutine("desk-break", "")
	h.runFor(10 * time.Second) // shoulder rolls: 24s
	before := p.remaining()
	staleGen := p.gen
	h.press("space")
	if p.phase() != phasePaused || !strings.Contains(h.m.View(), "PAUSED") {
		t.Fatal("space did not pause")
	}
	h.d.Advance(5 * time.Minute)
	if h.rearms(tickMsg{id: p.id, gen: staleGen}) {
		t.Error("a tick from before the pause re-armed the timer")
	}
	if p.remaining() != before || p.index != 0 {
		t.Fatalf("paused for 5 minutes: %v left (was %v), step %d", p.remaining(), before, p.index)
	}
	h.press("space")
	if p.paused {
		t.Fatal("space did not resume")
	}
	h.runFor(5 * time.Second)
	if got := p.remaining(); got != before-5*time.Second {
		t.Errorf("after resuming for 5s: %v left, want %v", got, before-5*time.Second)
	}
}

func TestSkipAndBack(t *testing.T) {
	h := newHarness(t, 80, 21)
	h.painPromptOff()
	p := h.startRoutine("desk-break", "")
	h.runFor(25 * time.Second) // shoulder rolls done, into the rest
	if p.index != 1 || !p.completed[0] {
		t.Fatalf("step %d, completed %v", p.index, p.completed)
	}
	h.press("n") // skip the rest
	if p.index != 2 || p.completed[1] {
		t.Fatalf("n: step %d, completed %v; a skipped step is not done", p.index, p.completed)
	}
	if got := p.remaining(); got != 30*time.Second {
		t.Errorf("a step entered by n starts whole: %v left", got)
	}
	h.press("p", "p", "p")
	if p.index != 0 {
		t.Errorf("p stops at the first step; at %d", p.index)
	}
	h.runFor(3 * time.Second)
	h.press("n", "n", "n", "n", "n", "n", "n", "n", "n")
	if p.stage != finished {
		t.Fatalf("n past the last step: stage %d, want the summary (the pain prompt is off)", p.stage)
	}
	if s := h.sessions(); len(s) != 1 || s[0].StepsDone != 1 || s[0].PainBefore != nil || s[0].PainAfter != nil {
		t.Errorf("sessions %+v, want one with 1 step done and no pain", s)
	}
}

func TestARoutineRunToItsEndPastASkipIsDone(t *testing.T) {
	h := newHarness(t, 80, 21)
	h.startRoutine("desk-break", "4")
	h.press("n") // skip the shoulder rolls
	h.runToEnd(4 * time.Minute)
	if view := h.m.View(); !strings.Contains(view, "Done, 1 step skipped: 8 of 9 steps.") {
		t.Errorf("the pain question after the last step:\n%s", view)
	}
	h.press("3")
	if view := h.m.View(); !strings.Contains(view, "Desk break · done, 1 step skipped") || strings.Contains(view, "stopped") {
		t.Errorf("summary:\n%s", view)
	}

	h = newHarness(t, 80, 21)
	h.painPromptOff()
	h.startRoutine("desk-break", "")
	h.press("n", "n")
	h.runToEnd(4 * time.Minute)
	if view := h.m.View(); !strings.Contains(view, "Desk break · done, 2 steps skipped") {
		t.Errorf("summary after two skips:\n%s", view)
	}
}

// The big countdown and the step bar show the same second at every tick,
// the fractional ones included.
func TestCountdownAndStepBarAgree(t *testing.T) {
	h := newHarness(t, 80, 21)
	h.painPromptOff()
	p := h.startRoutine("desk-break", "") // shoulder rolls: 24s, one side
	for range 24 * time.Second / tickEvery {
		h.d.Advance(tickEvery / 3) // off the whole seconds
		secs, err := strconv.Atoi(countdownText(p.remaining()))
		if err != nil {
			t.Fatal(err)
		}
		if bar := fmt.Sprintf("0:%02d left", secs); !strings.Contains(h.m.View(), bar) {
			t.Fatalf("%v left: the countdown shows %d, the step bar does not say %q:\n%s", p.remaining(), secs, bar, h.m.View())
		}
		h.tick(tickEvery - tickEvery/3)
		if p.index != 0 {
			break
		}
	}
}

func TestStopEarlyRecordsAPartialSession(t *testing.T) {
	h := newHarness(t, 80, 21)
	p := h.startRoutine("desk-break", "4")
	h.runFor(40 * time.Second) // two steps done, into the seated twist
	h.press("esc")
	if p.stage != confirmingStop || !strings.Contains(h.m.View(), "Stop here? y stop and save (2 of 9 steps done)") {
		t.Fatal("esc did not ask before stopping")
	}
	left := p.remaining()
	h.d.Advance(20 * time.Second) // reading the question
	h.press("n")
	if p.stage != running || p.paused || p.remaining() != left {
		t.Fatalf("n: stage %d paused %v, %v left (was %v)", p.stage, p.paused, p.remaining(), left)
	}
	h.press("esc", "y")
	stoppedAt := h.d.Now()
	h.d.Advance(time.Minute) // answering slowly
	h.press("2")
	s := h.sessions()
	if len(s) != 1 {
		t.Fatalf("%d sessions, want 1", len(s))
	}
	if s[0].StepsDone != 2 || s[0].StepsTotal != 9 || !s[0].End.Equal(stoppedAt) || *s[0].PainAfter != 2 {
		t.Errorf("session %+v, want 2 of 9 steps ending at %v with pain 2 after", s[0], stoppedAt)
	}
	if !strings.Contains(h.m.View(), "Desk break · stopped") {
		t.Errorf("summary:\n%s", h.m.View())
	}
}

func TestLeavingBeforeTheFirstStepRecordsNothing(t *testing.T) {
	h := newHarness(t, 80, 21)
	h.send(common.StartRoutineMsg{Routine: "desk-break"})
	h.press("1", "esc")
	if h.m.player != nil || len(h.sessions()) != 0 {
		t.Error("esc at the first question should leave without a session")
	}
	if err := h.m.Save(); err != nil || len(h.sessions()) != 0 {
		t.Errorf("Save with nothing begun: %v, %d sessions", err, len(h.sessions()))
	}
}

func TestQuittingMidRoutineSavesThePartialSession(t *testing.T) {
	h := newHarness(t, 80, 21)
	h.startRoutine("evening-wind-down", "6")
	h.runFor(95 * time.Second) // cat-cow, a rest, half the hip flexor stretch
	if err := h.m.Save(); err != nil {
		t.Fatal(err)
	}
	if err := h.m.Save(); err != nil { // the root may save twice
		t.Fatal(err)
	}
	s := h.sessions()
	if len(s) != 1 || s[0].StepsDone != 2 || !s[0].End.Equal(h.d.Now()) || *s[0].PainBefore != 6 || s[0].PainAfter != nil {
		t.Errorf("sessions %+v, want one partial session of 2 steps ending now", s)
	}
}

func TestSwitchSidesAtTheHalf(t *testing.T) {
	h := newHarness(t, 80, 21)
	h.painPromptOff()
	p := h.startRoutine("desk-break", "")
	h.press("n", "n") // the seated twist: 15s each side
	h.forgetCues()
	h.runFor(14 * time.Second)
	if p.phase() != phaseHold || !strings.Contains(h.m.View(), "first side") {
		t.Fatalf("at 14s: phase %v\n%s", p.phase(), h.m.View())
	}
	h.runFor(time.Second)
	view := h.m.View()
	if p.phase() != phaseSwitch || !strings.Contains(view, "SWITCH SIDES") || !strings.Contains(view, "second side") {
		t.Fatalf("at the half: phase %v\n%s", p.phase(), view)
	}
	h.runFor(3 * time.Second)
	if p.phase() != phaseHold {
		t.Errorf("3s into the second side: phase %v, want hold", p.phase())
	}
	switches := 0
	for _, c := range h.cues {
		if c.words == "Switch sides." {
			switches++
		}
	}
	// 3, 2, 1 before the switch, then the switch itself.
	if switches != 1 || h.bells() != 4 {
		t.Errorf("%d switch cues and %d bells, want 1 and 4: %+v", switches, h.bells(), h.cues)
	}
}

func TestBellsCountDownAndMarkEachStep(t *testing.T) {
	h := newHarness(t, 80, 21)
	h.painPromptOff()
	h.startRoutine("desk-break", "")
	if h.bells() != 1 || !strings.HasPrefix(h.cues[0].words, "Shoulder rolls") {
		t.Fatalf("first step cues %+v", h.cues)
	}
	h.runFor(21 * time.Second) // 3s left of 24
	h.forgetCues()
	h.runFor(3 * time.Second)
	if h.bells() != 3 {
		t.Errorf("%d bells over the last 3 seconds and the change of step, want 3, 2, 1 and the change", h.bells())
	}
	if last := h.cues[len(h.cues)-1]; last.words != "Rest. Next: Seated twist." {
		t.Errorf("the rest is announced as %q", last.words)
	}
}

// A 10-minute routine followed with late ticks still ends at 10:00 of
// clock time: each step hands its deadline to the next.
func TestNoDriftOverTenMinutes(t *testing.T) {
	h := newHarness(t, 80, 21)
	h.painPromptOff()
	p := h.startRoutine("evening-wind-down", "")
	if p.routine.Duration() != 10*time.Minute {
		t.Fatalf("evening wind-down lasts %v", p.routine.Duration())
	}
	for i := 0; p.stage == running; i++ {
		h.tick(tickEvery + time.Duration(i%7)*40*time.Millisecond) // ticks arrive up to 240 ms late
		if i > 10000 {
			t.Fatal("never ended")
		}
	}
	took := h.d.Now().Sub(start)
	if took < 10*time.Minute || took > 10*time.Minute+time.Second {
		t.Errorf("ended after %v of clock time, want within 1s of 10:00", took)
	}
	if s := h.sessions(); len(s) != 1 || s[0].End.Sub(s[0].At) > 10*time.Minute+time.Second || s[0].StepsDone != 15 {
		t.Errorf("sessions %+v", s)
	}
}

// After the computer sleeps through a step, the next step starts when
// the player wakes instead of being skipped.
func TestWakingLateDoesNotSkipSteps(t *testing.T) {
	h := newHarness(t, 80, 21)
	h.painPromptOff()
	p := h.startRoutine("desk-break", "")
	h.tick(10 * time.Minute)
	if p.index != 1 || p.remaining() != 10*time.Second {
		t.Errorf("after sleeping: step %d with %v left, want the rest whole", p.index, p.remaining())
	}
}

func TestTicksOnlyWhileRunning(t *testing.T) {
	h := newHarness(t, 80, 21)
	h.send(common.StartRoutineMsg{Routine: "desk-break"})
	p := h.m.player
	if h.rearms(tickMsg{id: p.id, gen: p.gen}) {
		t.Error("a tick during the first question re-armed the timer")
	}
	h.press("enter")
	if h.rearms(tickMsg{id: p.id + 1, gen: p.gen}) {
		t.Error("another player's tick was taken")
	}
	if !h.rearms(tickMsg{id: p.id, gen: p.gen}) {
		t.Error("a running player's tick was not re-armed")
	}
	h.press("esc", "y", "enter", "enter")
	if h.m.player != nil {
		t.Fatal("not back in the library")
	}
	if h.rearms(tickMsg{id: p.id, gen: p.gen}) {
		t.Error("a tick after the routine re-armed the timer")
	}
}

func TestTypingPain(t *testing.T) {
	for _, tc := range []struct {
		keys string
		want int // -1: skipped
	}{
		{"0", 0}, {"7", 7}, {"10", 10}, {"1\r", 1}, {"\r", -1}, {"15", 5}, {"x3", 3},
	} {
		typed := ""
		var got *int
		done := false
		for _, r := range tc.keys {
			if typed, got, done = typePain(typed, r); done {
				break
			}
		}
		switch {
		case !done:
			t.Errorf("%q: not answered", tc.keys)
		case tc.want < 0 && got != nil, tc.want >= 0 && (got == nil || *got != tc.want):
			t.Errorf("%q: got %v, want %d", tc.keys, got, tc.want)
		}
	}
}

func TestSideLeftAndReps(t *testing.T) {
	lib := content.BuiltIn()
	twist := content.Step{Stretch: lib.Stretch("seated-twist"), Hold: 15 * time.Second, Sides: true}
	for _, tc := range []struct {
		left, onSide time.Duration
		side         int
	}{
		{30 * time.Second, 15 * time.Second, 1},
		{16 * time.Second, time.Second, 1},
		{15 * time.Second, 15 * time.Second, 2},
		{time.Second, time.Second, 2},
	} {
		if onSide, side := sideLeft(twist, tc.left); onSide != tc.onSide || side != tc.side {
			t.Errorf("%v left: side %d with %v, want side %d with %v", tc.left, side, onSide, tc.side, tc.onSide)
		}
	}
	rolls := lib.Stretch("shoulder-rolls").DefaultStep() // 8 × 3s
	for left, want := range map[time.Duration]int{24 * time.Second: 1, 21 * time.Second: 2, 20 * time.Second: 2, time.Second: 8} {
		if got := repNumber(rolls, left); got != want {
			t.Errorf("%v left: rep %d, want %d", left, got, want)
		}
	}
}

// A session that cannot be saved (the file busy past the lock timeout)
// is kept when the summary closes, and saved by the next retry.
func TestUnsavedSessionOutlivesTheSummary(t *testing.T) {
	h := newHarness(t, 80, 21)
	h.painPromptOff()
	h.startRoutine("desk-break", "")
	h.runFor(30 * time.Second)
	holder, err := bolt.Open(h.store.Path(), 0o600, nil) // another process holds the file
	if err != nil {
		t.Fatal(err)
	}
	h.press("esc", "y")
	if !strings.Contains(h.m.View(), "Not saved yet") {
		t.Fatalf("the failed save is not shown:\n%s", h.m.View())
	}
	h.press("enter") // leave the summary
	if h.m.player != nil || len(h.m.unsaved) != 1 {
		t.Fatalf("the unsaved session was dropped (player %v, %d kept)", h.m.player, len(h.m.unsaved))
	}
	holder.Close()
	h.send(common.ReloadMsg{})
	if s := h.sessions(); len(s) != 1 || len(h.m.unsaved) != 0 {
		t.Errorf("after the file came free: %d sessions, %d still unsaved", len(s), len(h.m.unsaved))
	}
}

// At any width the app allows, each hint line in the player says its keys
// whole: the way to keep going after esc is never cut off.
func TestPlayerHintsSayTheirKeysWholeAtEveryWidth(t *testing.T) {
	for width := 60; width <= 200; width++ {
		h := newHarness(t, width, 24)
		h.startRoutine("desk-break", "4")
		h.runFor(40 * time.Second)
		hintLine := func(mark string) string {
			for _, line := range strings.Split(h.m.View(), "\n") {
				if strings.Contains(line, mark) {
					if strings.Contains(line, "…") || lipgloss.Width(line) > width {
						t.Fatalf("width %d: the hint line is cut: %q", width, line)
					}
					return line
				}
			}
			t.Fatalf("width %d: no line with %q:\n%s", width, mark, h.m.View())
			return ""
		}
		if line := hintLine("space pause"); !strings.HasSuffix(strings.TrimSpace(line), "esc stop") &&
			!strings.Contains(line, "esc stop · b bell") {
			t.Fatalf("width %d: running hints lose esc: %q", width, line)
		}
		h.press(" ")
		if line := hintLine("PAUSED ·"); !strings.Contains(line, "space") || !strings.Contains(line, "esc stop") {
			t.Fatalf("width %d: paused hints lose a key: %q", width, line)
		}
		h.press(" ", "esc")
		line := hintLine("Stop")
		if !strings.Contains(line, "y stop and save") && !strings.Contains(line, "y save") {
			t.Fatalf("width %d: the stop question loses y: %q", width, line)
		}
		if !strings.HasSuffix(strings.TrimSpace(line), "n keep going") && !strings.HasSuffix(strings.TrimSpace(line), "n go on") {
			t.Fatalf("width %d: the stop question loses n: %q", width, line)
		}
	}
}
