// Package remind is the Remind tab: water, posture and movement reminders
// on a schedule the person controls, delivered as a banner over any tab,
// the terminal bell and, if asked for, a desktop notification.
package remind

import (
	"time"

	"github.com/charmbracelet/bubbles/key"
	tea "github.com/charmbracelet/bubbletea"

	"lumbar/content"
	"lumbar/store"
	"lumbar/store/diary"
	"lumbar/tui/common"
)

const (
	// maxWait caps the wait for the next due time. Go's timers stop while
	// the computer sleeps, so after waking a reminder that fell due shows
	// within a minute; and the status bar's "in 12m" stays current.
	maxWait = time.Minute
	// chartDays is how many days the water chart shows, today included.
	chartDays = 7
	// deskBreak is the Stretch routine the movement reminder offers.
	deskBreak = "desk-break"
)

// Model is the Remind tab.
type Model struct {
	common.Common
	keys   KeyMap
	notify Notifier
	cues   []string
	width  int
	height int

	ready bool // the first read is done
	snap  snapshot
	sched diary.Schedule
	// expected is the water an even pace would have reached by now.
	expected int
	chart    string // the 7-day chart, drawn for the current data and size
	err      error  // the last read that failed
	note     string // what the last action did, in a few words

	// announced is the reminder in front when the schedule was last
	// applied, zero when none was due: a reminder rings once as it comes
	// to the front, however often the schedule is recomputed.
	announced diary.Due
	// firstSeen is when this run first read a diary with no first open
	// recorded: it stands in until the record is written, or for the
	// whole run where it cannot be (a read-only file).
	firstSeen time.Time
	timerGen  int // tags the pending timer; older ticks are dropped

	choosingQuiet bool
	form          *settingsForm // the settings form while it is open
}

// Option adjusts a new tab.
type Option func(*Model)

// WithNotifier replaces the desktop notifications.
func WithNotifier(n Notifier) Option { return func(m *Model) { m.notify = n } }

// New builds the Remind tab.
func New(c common.Common, opts ...Option) *Model {
	m := &Model{
		Common: c,
		keys:   DefaultKeyMap(),
		notify: desktopNotify,
		cues:   content.PostureCues(),
	}
	for _, opt := range opts {
		opt(m)
	}
	m.syncKeys()
	return m
}

// snapshot is what the tab shows, read in one transaction.
type snapshot struct {
	state diary.ReminderState
	week  map[diary.Day]int // water per day, the chart's days
}

func readSnapshot(tx *store.Tx, now time.Time) (snap snapshot, err error) {
	if snap.state, err = store.ReminderStateOf(tx, now); err != nil {
		return snap, err
	}
	today := diary.DayOf(now)
	snap.week, err = store.WaterByDay(tx, today-chartDays+1, today)
	return snap, err
}

// loadedMsg carries a snapshot read in the background.
type loadedMsg struct {
	snap snapshot
	now  time.Time
	err  error
}

// dueTickMsg is the timer for the next due time, tagged with its
// generation.
type dueTickMsg struct{ gen int }

func (m *Model) Init() tea.Cmd { return m.load() }

// load reads the snapshot off the UI goroutine.
func (m *Model) load() tea.Cmd {
	s, clock := m.Store, m.Now
	return func() tea.Msg {
		msg := loadedMsg{now: clock()}
		// The app's heartbeat, renewed at every load (a minute apart at
		// most), keeps lumbar remind quiet while the app shows the banner.
		// A file beside a read-only diary may not take it: then lumbar
		// remind rings too, which is better than neither.
		_ = s.MarkAppOpen(msg.now)
		msg.err = s.View(func(tx *store.Tx) (err error) {
			msg.snap, err = readSnapshot(tx, msg.now)
			return err
		})
		return msg
	}
}

func (m *Model) Update(msg tea.Msg) (tea.Model, tea.Cmd) {
	cmd := m.update(msg)
	m.syncKeys()
	return m, cmd
}

func (m *Model) update(msg tea.Msg) tea.Cmd {
	switch msg := msg.(type) {
	case loadedMsg:
		if msg.err != nil {
			m.err = msg.err
			return m.arm(msg.now) // try again at the next tick
		}
		return m.apply(msg.snap, msg.now)
	case dueTickMsg:
		if msg.gen != m.timerGen {
			return nil // an older timer, replaced since
		}
		return m.load()
	case common.ReloadMsg:
		return m.load()
	case tea.KeyMsg:
		return m.handleKey(msg)
	}
	if m.form != nil {
		return m.updateForm(msg) // the form's own messages (cursor blink…)
	}
	return nil
}

// apply shows a fresh snapshot: it plans the schedule, announces what has
// newly come due and sets the timer for what comes next.
func (m *Model) apply(snap snapshot, now time.Time) tea.Cmd {
	startup := !m.ready
	record := m.firstOpen(&snap.state, now)
	m.snap, m.ready, m.err = snap, true, nil
	m.sched = diary.Plan(snap.state, now)
	m.expected = diary.ExpectedBy(snap.state.Settings, now)
	m.chart = m.weekChart()
	due := m.sched.DueNow()
	// Only the reminder in front is announced; others due with it wait
	// their turn, and ring when the one before them has been answered.
	var front diary.Due
	if len(due) > 0 {
		front = due[0]
	}
	var announce tea.Cmd
	if !front.Same(m.announced) {
		m.announced = front
		// What was already due when the app started shows quietly: a
		// restart should not ring again.
		if len(due) > 0 && !startup {
			banner, _ := m.Banner()
			announce = m.alert(snap.state.Settings, banner)
		}
	}
	return tea.Batch(record, announce, m.arm(now))
}

// firstOpen fills in the diary's first open where none is recorded yet:
// now, the first time this run reads it, and returns the write that
// records it.
func (m *Model) firstOpen(state *diary.ReminderState, now time.Time) tea.Cmd {
	if !state.FirstOpen.IsZero() {
		return nil
	}
	var record tea.Cmd
	if m.firstSeen.IsZero() {
		m.firstSeen = now
		s := m.Store
		record = func() tea.Msg {
			// A file that takes no writes (read-only, busy) says so
			// elsewhere; here firstSeen stands in for the whole run.
			_ = s.Update(func(tx *store.Tx) error {
				_, err := store.RecordFirstOpen(tx, now)
				return err
			})
			return nil
		}
	}
	state.FirstOpen = m.firstSeen
	return record
}

// arm starts the one timer: for the next due time, or maxWait if sooner.
// A new timer replaces the pending one by taking a new generation.
func (m *Model) arm(now time.Time) tea.Cmd {
	m.timerGen++
	gen, wait := m.timerGen, maxWait
	if next, ok := m.sched.Upcoming(); ok {
		wait = min(wait, next.At.Sub(now))
	}
	return m.After(wait, func(time.Time) tea.Msg { return dueTickMsg{gen: gen} })
}

func (m *Model) handleKey(msg tea.KeyMsg) tea.Cmd {
	// The banner's keys answer from any tab, even while the form is open;
	// the tab's own answer keys only when nothing else takes keys.
	here := m.form == nil && !m.choosingQuiet
	if action, ok := m.keys.answer(msg, here); ok {
		return m.answer(action)
	}
	switch {
	case m.form != nil:
		return m.updateForm(msg)
	case m.choosingQuiet:
		return m.chooseQuiet(msg)
	case !m.ready:
		// Until the first load there is nothing to act on: the settings
		// form would open on zero values and a glass would have no size.
		return nil
	case key.Matches(msg, m.keys.AddGlass):
		return m.addGlass()
	case key.Matches(msg, m.keys.RemoveGlass):
		return m.removeGlass()
	case key.Matches(msg, m.keys.Quiet):
		m.choosingQuiet = true
	case key.Matches(msg, m.keys.Settings):
		return m.openForm()
	}
	return nil
}

func (m *Model) chooseQuiet(msg tea.KeyMsg) tea.Cmd {
	now := m.Now()
	switch {
	case key.Matches(msg, m.keys.QuietHour):
		return m.setQuiet(now.Add(time.Hour))
	case key.Matches(msg, m.keys.QuietTomorrow):
		return m.setQuiet((diary.DayOf(now) + 1).Midnight(now.Location()))
	case key.Matches(msg, m.keys.QuietOff):
		return m.setQuiet(time.Time{})
	case key.Matches(msg, m.keys.Cancel):
		m.choosingQuiet = false
	}
	return nil
}

// Save withdraws the app's heartbeat as the app quits, so lumbar remind
// takes over at once rather than when the heartbeat runs out.
func (m *Model) Save() error { return m.Store.MarkAppClosed() }

// Restyle draws the week's chart again, in the colours for the
// terminal's background.
func (m *Model) Restyle() {
	if m.ready {
		m.chart = m.weekChart()
	}
}

// SetSize gives the tab its cells.
func (m *Model) SetSize(width, height int) {
	m.width, m.height = width, height
	m.Restyle() // the chart is drawn for the width
	if m.form != nil {
		m.form.resize(width, height)
	}
}

// CapturesInput is true while the settings form takes typing.
func (m *Model) CapturesInput() bool { return m.form != nil }

func (m *Model) ShortHelp() []key.Binding  { return m.keys.ShortHelp() }
func (m *Model) FullHelp() [][]key.Binding { return m.keys.FullHelp() }

// Banner is the reminder due now, for the root to draw over other tabs.
func (m *Model) Banner() (common.Banner, bool) {
	due := m.sched.DueNow()
	if len(due) == 0 {
		return common.Banner{}, false
	}
	return m.bannerFor(due[0].Kind, m.keys.BannerDone, m.keys.BannerSnooze, m.keys.BannerDismiss), true
}

// NextUp is the status bar's few words, like "posture in 12m".
func (m *Model) NextUp() string { return m.sched.Phrase() }
