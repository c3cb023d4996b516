package stretch

import (
	"sync/atomic"
	"time"

	"github.com/charmbracelet/bubbles/key"
	tea "github.com/charmbracelet/bubbletea"

	"lumbar/content"
	"lumbar/store"
	"lumbar/store/diary"
	"lumbar/store/text"
	"lumbar/tui/common"
)

// Timing of the player.
const (
	// tickEvery is how often the running player looks at the clock and
	// redraws. The time shown is always deadline − clock, so a late tick
	// shows the right time, just later.
	tickEvery = 250 * time.Millisecond
	// lateLimit: a step that ended less than this long ago hands its
	// deadline on to the next, so ticks' lateness never adds up over a
	// routine. Later than that (the computer slept) the next step starts
	// from now instead of being skipped.
	lateLimit = 2 * time.Second
	// switchShownFor is how long "switch sides" stays up on the second side.
	switchShownFor = 3 * time.Second
	// countFrom is where the 3-2-1 bells start.
	countFrom = 3
)

// stage is where a routine is, from the first pain prompt to the summary.
type stage int

const (
	askPainBefore  stage = iota
	beforeStart          // pain questions off: the caution, and enter to start
	highPainBefore       // pain of 9 or 10 given: one calm line before the first step
	running
	confirmingStop
	askPainAfter
	finished
)

// phase is what the person should be doing now; the view names it in
// words and colour.
type phase int

const (
	phaseHold phase = iota
	phaseRest
	phaseSwitch
	phasePaused
)

func (p phase) String() string {
	return [...]string{"HOLD", "REST", "SWITCH SIDES", "PAUSED"}[p]
}

// tickMsg wakes a running player. It carries the player's ID and timer
// generation so ticks of another player, or from before a pause, are
// dropped instead of starting a second chain.
type tickMsg struct{ id, gen int }

var lastPlayerID atomic.Int64

// Player follows one routine: it keeps time, cues the person, asks about
// pain, and records the session. It is a component of the Stretch tab,
// with its own Update, View and keys; the tab opens it, hands it its size
// and settings, and closes it when Closed says so.
type Player struct {
	common.Common
	keys          KeyMap
	routine       *content.Routine
	settings      settings
	play          cueFunc
	width, height int // the cells View draws in

	stage     stage
	index     int           // the current step
	deadline  time.Time     // when the current step ends, while the clock runs
	left      time.Duration // time left in the step, while paused
	paused    bool
	wasPaused bool // paused before the stop question froze the clock
	switched  bool // "switch sides" was cued for this step
	countdown int  // the last 3-2-1 second cued on this side
	id, gen   int

	// The session: it exists once the first step has started.
	begun      bool
	started    time.Time
	ended      time.Time
	completed  []bool // steps whose time ran out (skipped ones are not)
	reachedEnd bool   // the routine went past its last step, not stopped
	painBefore *int
	painAfter  *int
	typed      string // digits typed into a pain prompt so far
	closed     bool   // the person left the player
	saved      bool
	saveErr    error
}

func newPlayer(c common.Common, r *content.Routine, set settings, play cueFunc) *Player {
	return &Player{
		Common:    c,
		keys:      DefaultKeyMap(),
		routine:   r,
		settings:  set,
		play:      play,
		id:        int(lastPlayerID.Add(1)),
		completed: make([]bool, len(r.Steps)),
	}
}

// open shows the first pain prompt, or, when it is off, the caution with
// a key to start: either way the caution is read before the first step.
func (p *Player) open() tea.Cmd {
	if p.settings.PainPrompt {
		p.stage = askPainBefore
	} else {
		p.stage = beforeStart
	}
	return nil
}

// SetSize gives the player the cells it draws in.
func (p *Player) SetSize(width, height int) { p.width, p.height = width, height }

// SetSettings gives the player the tab's settings (b, v and P work
// during a routine too).
func (p *Player) SetSettings(s settings) { p.settings = s }

// ShortHelp is the player's keys.
func (p *Player) ShortHelp() []key.Binding {
	return []key.Binding{p.keys.Pause, p.keys.Next, p.keys.Previous, p.keys.Stop}
}

// FullHelp is the player's keys, in one group.
func (p *Player) FullHelp() [][]key.Binding { return [][]key.Binding{p.ShortHelp()} }

// Closed tells the tab to go back to the library.
func (p *Player) Closed() bool { return p.closed }

// Capturing is true while keys must stay in the player: a routine runs or
// a question is open.
func (p *Player) Capturing() bool { return p.stage != finished }

func (p *Player) Update(msg tea.Msg) tea.Cmd {
	switch msg := msg.(type) {
	case tickMsg:
		if msg.id != p.id || msg.gen != p.gen || p.stage != running || p.paused {
			return nil // stale: paused, stopped, or another player's
		}
		return tea.Batch(p.follow(p.Now()), p.tick())
	case tea.KeyMsg:
		return p.handleKey(msg)
	}
	return nil
}

func (p *Player) handleKey(msg tea.KeyMsg) tea.Cmd {
	switch p.stage {
	case askPainBefore, askPainAfter:
		return p.answerPain(msg)
	case beforeStart, highPainBefore:
		switch {
		case p.startsFromHere(msg):
			return p.begin()
		case msg.Type == tea.KeyEsc:
			p.stage, p.closed = finished, true // not started: nothing to record
		}
	case running:
		return p.handleRunningKey(msg)
	case confirmingStop:
		switch {
		case key.Matches(msg, p.keys.Yes):
			return p.endSteps(p.Now(), "Stopped.")
		case key.Matches(msg, p.keys.No):
			p.stage = running
			if !p.wasPaused {
				return p.resume()
			}
		}
	case finished:
		p.closed = key.Matches(msg, p.keys.Open) || key.Matches(msg, p.keys.Back)
	}
	return nil
}

// startsFromHere tells whether msg starts the routine from the screen
// before its first step. After pain of 9 or 10 that takes s, not enter:
// "9" answers at once, and the enter a person adds out of habit must not
// carry them past the line about skipping today unread.
func (p *Player) startsFromHere(msg tea.KeyMsg) bool {
	if p.stage == highPainBefore {
		return key.Matches(msg, p.keys.Start)
	}
	return msg.Type == tea.KeyEnter
}

func (p *Player) handleRunningKey(msg tea.KeyMsg) tea.Cmd {
	now := p.Now()
	switch {
	case key.Matches(msg, p.keys.Pause):
		if p.paused {
			return p.resume()
		}
		p.pause(now)
	case key.Matches(msg, p.keys.Next):
		return p.enterStep(p.index+1, now)
	case key.Matches(msg, p.keys.Previous):
		return p.enterStep(max(0, p.index-1), now)
	case key.Matches(msg, p.keys.Stop):
		p.wasPaused = p.paused
		p.pause(now)
		p.stage = confirmingStop
	}
	return nil
}

// answerPain takes one key of a pain prompt: 0 and 2–9 answer at once, 1
// waits for a 0 (ten) or enter; enter alone skips. esc leaves the player
// before the routine, and skips the question after it.
func (p *Player) answerPain(msg tea.KeyMsg) tea.Cmd {
	var pain *int
	switch {
	case msg.Type == tea.KeyEsc && p.stage == askPainBefore:
		p.stage, p.closed = finished, true // not started: nothing to record
		return nil
	case msg.Type == tea.KeyEsc: // after the routine: skip the question
	case msg.Type == tea.KeyBackspace:
		p.typed = ""
		return nil
	case msg.Type == tea.KeyEnter:
		_, pain, _ = typePain(p.typed, '\r')
	case msg.Type == tea.KeyRunes:
		// Keys typed quickly can arrive together ("10").
		done := false
		for _, r := range msg.Runes {
			if p.typed, pain, done = typePain(p.typed, r); done {
				break
			}
		}
		if !done {
			return nil
		}
	default:
		return nil
	}
	p.typed = ""
	if p.stage == askPainBefore {
		p.painBefore = pain
		if pain != nil && *pain >= highPain {
			p.stage = highPainBefore
			return nil
		}
		return p.begin()
	}
	p.painAfter = pain
	return p.finish()
}

// highPain is the pain before a routine from which the player suggests,
// once, that skipping today is fine.
const highPain = 9

// typePain adds one key to what has been typed into a pain prompt. done
// is true when the prompt is answered (pain nil: skipped).
func typePain(typed string, r rune) (rest string, pain *int, done bool) {
	answer := func(n int) (string, *int, bool) { return "", &n, true }
	switch {
	case r == '\r' && typed == "1":
		return answer(1)
	case r == '\r':
		return "", nil, true
	case typed == "1" && r == '0':
		return answer(10)
	case r == '1':
		return "1", nil, false
	case r >= '0' && r <= '9':
		return answer(int(r - '0'))
	}
	return typed, nil, false // not a digit: ignored
}

// begin starts the clock on the first step: from here on there is a
// session to record.
func (p *Player) begin() tea.Cmd {
	now := p.Now()
	p.begun, p.started, p.stage = true, now, running
	return tea.Batch(p.enterStep(0, now), p.restartTicks())
}

// enterStep moves to step i, starting at start; past the last step the
// routine is over. A paused player stays paused on the new step.
func (p *Player) enterStep(i int, start time.Time) tea.Cmd {
	if i >= len(p.routine.Steps) {
		p.reachedEnd = true
		return p.endSteps(start, "Routine done. Well done.")
	}
	p.index, p.switched, p.countdown = i, false, countFrom+1
	length := p.step().Duration()
	if p.paused {
		p.left = length
	} else {
		p.deadline = start.Add(length)
	}
	return p.cue(cue{bell: true, words: p.announce()})
}

// follow is the clock's work at one tick: end the step when its time is
// up, cue the switch of sides and the last three seconds.
func (p *Player) follow(now time.Time) tea.Cmd {
	left := p.deadline.Sub(now)
	if left <= 0 {
		p.completed[p.index] = true
		next := p.deadline
		if -left > lateLimit {
			next = now
		}
		return p.enterStep(p.index+1, next)
	}
	onSide, side := sideLeft(p.step(), left)
	if side == 2 && !p.switched {
		p.switched, p.countdown = true, countFrom+1
		return p.cue(cue{bell: true, words: "Switch sides."})
	}
	if secs := wholeSeconds(onSide); secs <= countFrom && secs < p.countdown {
		p.countdown = secs
		return p.cue(cue{bell: true})
	}
	return nil
}

// endSteps closes the steps at t: a stop or the end of the routine.
func (p *Player) endSteps(t time.Time, words string) tea.Cmd {
	p.ended = t
	p.gen++ // no more ticks
	sound := p.cue(cue{bell: true, words: words})
	if p.settings.PainPrompt {
		p.stage = askPainAfter
		return sound
	}
	return tea.Batch(sound, p.finish())
}

// finish records the session and shows the summary.
func (p *Player) finish() tea.Cmd {
	p.stage = finished
	if err := p.save(); err != nil {
		return nil // shown on the summary; the tab's Save tries again at quit
	}
	return func() tea.Msg { return common.ChangedMsg{} }
}

func (p *Player) pause(now time.Time) {
	if p.paused {
		return
	}
	p.left = p.deadline.Sub(now)
	p.paused = true
	p.gen++ // the tick in flight is now stale
}

func (p *Player) resume() tea.Cmd {
	p.paused = false
	p.deadline = p.Now().Add(p.left)
	return p.restartTicks()
}

// restartTicks starts a new chain of ticks; ticks of older chains are
// dropped by their generation.
func (p *Player) restartTicks() tea.Cmd {
	p.gen++
	return p.tick()
}

// tick is the next tick of the current chain. Only tickMsg's handler and
// restartTicks call it, so there is one chain at a time.
func (p *Player) tick() tea.Cmd {
	msg := tickMsg{id: p.id, gen: p.gen}
	return p.After(tickEvery, func(time.Time) tea.Msg { return msg })
}

func (p *Player) cue(c cue) tea.Cmd { return p.play(c, p.settings) }

// Flush records the session now if it started and is not recorded yet:
// the app is quitting mid-routine.
func (p *Player) Flush() error {
	if !p.begun || p.saved {
		return nil
	}
	if p.ended.IsZero() {
		p.ended = p.Now()
	}
	return p.save()
}

// Unsaved is true when the routine was begun and its session is not in
// the file yet.
func (p *Player) Unsaved() bool { return p.begun && !p.saved }

func (p *Player) save() error {
	if !p.begun || p.saved {
		return nil
	}
	_, p.saveErr = store.Sessions.Append(p.Store, p.session())
	p.saved = p.saveErr == nil
	return p.saveErr
}

// session is the record of this routine as followed so far.
func (p *Player) session() diary.Session {
	done := 0
	for _, c := range p.completed {
		if c {
			done++
		}
	}
	return diary.Session{
		Stamp:      diary.StampAt(p.started),
		Routine:    p.routine.ID,
		End:        p.ended.UTC(),
		StepsDone:  done,
		StepsTotal: len(p.routine.Steps),
		PainBefore: p.painBefore,
		PainAfter:  p.painAfter,
	}
}

func (p *Player) step() content.Step { return p.routine.Steps[p.index] }

// remaining is the time left in the current step: deadline − clock, or
// the frozen value while paused.
func (p *Player) remaining() time.Duration {
	if p.paused || p.stage != running {
		return max(0, p.left)
	}
	return max(0, p.deadline.Sub(p.Now()))
}

// phase is what the person should be doing now.
func (p *Player) phase() phase {
	step := p.step()
	switch {
	case p.paused:
		return phasePaused
	case step.IsRest():
		return phaseRest
	}
	onSide, side := sideLeft(step, p.remaining())
	if side == 2 && step.SideDuration()-onSide < switchShownFor {
		return phaseSwitch
	}
	return phaseHold
}

// sideLeft splits the time left in a step into the time left on the
// current side and which side that is: 0 for one-sided steps, else 1 or 2.
func sideLeft(step content.Step, left time.Duration) (time.Duration, int) {
	if !step.Sides || step.IsRest() {
		return left, 0
	}
	if half := step.SideDuration(); left > half {
		return left - half, 1
	}
	return left, 2
}

// wholeSeconds rounds up, the way a countdown shows time: 0.2 s left is 1.
// Every time left the player shows (big digits, bars) is rounded so.
func wholeSeconds(d time.Duration) int {
	return int((d + time.Second - 1) / time.Second)
}

// clockLeft is time left as m:ss, rounded like the countdown.
func clockLeft(d time.Duration) string {
	return content.Clock(time.Duration(wholeSeconds(d)) * time.Second)
}

// repNumber is which repetition a reps step is on (1-based), from the
// time left on the side.
func repNumber(step content.Step, onSide time.Duration) int {
	done := step.SideDuration() - onSide
	return min(step.Reps, int(done/step.Stretch.RepTime)+1)
}

// announce is what a voice says when a step starts.
func (p *Player) announce() string {
	step := p.step()
	if step.IsRest() {
		if next, ok := p.nextStretch(); ok {
			return "Rest. Next: " + next.Stretch.Name + "."
		}
		return "Rest."
	}
	var how string
	if step.Hold > 0 {
		how = "hold " + text.Plural(wholeSeconds(step.Hold), "second")
	} else {
		how = text.Plural(step.Reps, "slow repetition")
	}
	if step.Sides {
		how += " on each side"
	}
	return step.Stretch.Name + ", " + how + "."
}

// nextStretch is the first stretch after the current step.
func (p *Player) nextStretch() (content.Step, bool) {
	for _, s := range p.routine.Steps[p.index+1:] {
		if !s.IsRest() {
			return s, true
		}
	}
	return content.Step{}, false
}

// elapsed is the routine time behind the person: finished steps' full
// lengths plus what is done of the current one.
func (p *Player) elapsed() time.Duration {
	var d time.Duration
	for _, s := range p.routine.Steps[:p.index] {
		d += s.Duration()
	}
	return d + p.step().Duration() - p.remaining()
}
