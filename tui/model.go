// Package tui is lumbar's root model: the tab bar, the status bar, global
// keys and help. It owns the four tabs, hands each its size, the store and
// the clock, routes keys to the open tab and data messages to their owner,
// and polls the data file so writes from other processes show up.
package tui

import (
	"errors"
	"fmt"
	"os"
	"runtime/debug"
	"strings"
	"time"

	"github.com/charmbracelet/bubbles/help"
	"github.com/charmbracelet/bubbles/key"
	tea "github.com/charmbracelet/bubbletea"

	"lumbar/content"
	"lumbar/store"
	"lumbar/store/diary"
	"lumbar/tui/common"
	"lumbar/tui/guide"
	"lumbar/tui/journal"
	"lumbar/tui/remind"
	"lumbar/tui/stretch"
	"lumbar/tui/theme"
)

// Smallest window lumbar draws in; below it, it says what it needs.
const (
	MinWidth  = 60
	MinHeight = 20
)

// helpPadding is the ? screen's margin on each side.
const helpPadding = 2

// PollInterval is how often the root checks the data file for writes made
// by other processes.
const PollInterval = 2 * time.Second

// Model is the root of the TUI.
type Model struct {
	common   common.Common
	keys     KeyMap
	help     help.Model
	tabs     []common.Tab
	active   common.TabID
	showHelp bool
	width    int
	height   int
	// given is the size each tab was last handed: the open tab's shrinks
	// while a reminder banner stands below it.
	given [common.TabCount]tabSize

	revision uint64 // last revision seen; 0 until the first refresh
	today    diary.DaySummary
	unit     diary.WaterUnit
	dataErr  error // last error reading the data file, shown in the status bar
	// skippedNote says, in the status bar, that damaged records were left
	// out of what the tabs show (nil when none were).
	skippedNote error
	crash       error // a panic caught in Update or View; the program then quits
	start       common.Navigation
	// quitWarning is why the last quit did not go ahead (typing not saved,
	// a save that failed); the next quit goes ahead, any other key
	// withdraws it.
	quitWarning error
	stopSaved   bool  // SaveBeforeExit has run the saves
	stopErr     error // what they answered
	sync        autoSync
}

// New builds the root model over s, telling time with now.
func New(s *store.Store, now common.Clock) *Model {
	return NewWithStyles(s, now, theme.New())
}

// NewWithStyles is New with explicit styles (tests pin plain ones).
func NewWithStyles(s *store.Store, now common.Clock, styles theme.Styles) *Model {
	return newWith(common.Common{Store: s, Now: now, Styles: styles})
}

// newWith builds the root model over c, which every tab is handed.
func newWith(c common.Common) *Model {
	h := help.New()
	h.Styles = c.Styles.Help
	return &Model{
		common: c,
		keys:   DefaultKeyMap(),
		help:   h,
		tabs:   []common.Tab{guide.New(c), journal.New(c), stretch.New(c), remind.New(c)},
		sync: autoSync{run: func(when store.SyncWhen) (store.AutoSyncResult, error) {
			return store.AutoSync(c.Store, when)
		}},
	}
}

// StopMsg ends the app because the process got a signal (the terminal
// closed, kill, a shutdown): every tab saves, as at q, and nothing is
// asked, since no one may be there to answer.
type StopMsg struct{ Signal os.Signal }

// pollMsg asks for the next look at the data file.
type pollMsg struct{}

// refreshedMsg carries what the data file held at one moment.
type refreshedMsg struct {
	revision uint64
	today    diary.DaySummary
	unit     diary.WaterUnit // how the person reads water amounts
	sync     syncPlan        // what the sync settings say
	skipped  int             // damaged records any read so far has left out (store.Skipped)
	err      error
	polled   bool // part of the poll loop: re-arm the timer after it
	// unchanged: the poll found the revision and the day as they were,
	// and read nothing more; today and unit are not set.
	unchanged bool
}

// StartAt makes the app open at a place in a tab instead of the Guide
// (e.g. `lumbar stretch ROUTINE` opens the routine's player). Call it
// before the program runs.
func (m *Model) StartAt(msg common.Navigation) { m.start = msg }

// StartRoutine makes the app open at a routine's player.
func (m *Model) StartRoutine(id string) { m.StartAt(common.StartRoutineMsg{Routine: id}) }

func (m *Model) Init() tea.Cmd {
	cmds := []tea.Cmd{m.refresh(true), m.startSync()}
	if m.start != nil {
		cmds = append(cmds, common.Navigate(m.start))
	}
	for _, t := range m.tabs {
		cmds = append(cmds, t.Init())
	}
	return tea.Batch(cmds...)
}

// refresh reads the revision and today's summary in one transaction. The
// poll, which runs every PollInterval, reads only the revision while it
// and the day stay as they were: nobody wrote, so nothing else changed.
func (m *Model) refresh(polled bool) tea.Cmd {
	s, now := m.common.Store, m.common.Now
	knownRevision, knownDay := m.revision, m.today.Day
	return func() tea.Msg {
		msg := refreshedMsg{polled: polled}
		msg.err = s.View(func(tx *store.Tx) (err error) {
			if msg.revision, err = store.RevisionOf(tx); err != nil {
				return err
			}
			at := now()
			if polled && knownRevision != 0 && msg.revision == knownRevision && diary.DayOf(at) == knownDay {
				msg.unchanged = true
				return nil
			}
			if msg.today, err = store.SummaryOf(tx, at); err != nil {
				return err
			}
			set := settingsOrDefaults(tx)
			msg.unit, msg.sync = set.WaterUnit, planOf(set)
			return nil
		})
		msg.skipped = s.Skipped() // the tabs' reads included: they share the store
		return msg
	}
}

// settingsOrDefaults is the settings; a damaged settings value falls
// back to the defaults rather than blank the status bar.
func settingsOrDefaults(tx *store.Tx) diary.Settings {
	set, err := store.LoadSettings(tx)
	if err != nil {
		return diary.DefaultSettings()
	}
	return set
}

func (m *Model) Update(msg tea.Msg) (model tea.Model, cmd tea.Cmd) {
	defer m.recoverCrash(&model, &cmd)
	if m.crash != nil {
		return m, tea.Quit
	}
	// Whatever this message changes (a reminder falls due or is answered,
	// another tab opens, a tab starts taking typing), the open tab then
	// has the rows the banner leaves it.
	defer m.makeRoomForBanner()
	switch msg := msg.(type) {
	case tea.WindowSizeMsg:
		m.setSize(msg.Width, msg.Height)
		return m, nil
	case tea.KeyMsg:
		warned := m.quitWarning
		m.sync.acknowledged = m.sync.failure != nil // read: the figures come back
		cmd := m.handleKey(msg)
		if m.quitWarning == warned {
			m.quitWarning = nil // the person went on: the question lapses
		}
		return m, cmd
	case tea.MouseMsg:
		return m, m.handleMouse(msg)
	case StopMsg:
		_ = m.SaveBeforeExit() // the runner reports what failed, after the terminal is back
		return m, tea.Quit
	case BackgroundMsg:
		m.setBackground(msg.Dark)
		return m, nil
	case pollMsg:
		return m, m.refresh(true)
	case refreshedMsg:
		return m, m.handleRefreshed(msg)
	case common.ChangedMsg:
		return m, m.refresh(false)
	case syncDoneMsg:
		return m, m.handleSyncDone(msg)
	case syncDueMsg:
		return m, m.handleSyncDue(msg)
	case common.OfferMsg:
		if !m.capturing() {
			m.switchTo(msg.From)
		}
		return m, nil
	case common.Navigation:
		return m, m.navigate(msg)
	case common.Addressed:
		return m, m.updateTab(msg.To(), msg)
	}
	return m, m.broadcast(msg)
}

// tabSize is a tab's size in cells.
type tabSize struct{ width, height int }

func (m *Model) setSize(width, height int) {
	m.width, m.height = width, height
	m.help.Width = width - helpPadding*2
	for id, t := range m.tabs {
		m.given[id] = tabSize{width, m.bodyHeight()}
		t.SetSize(width, m.bodyHeight())
	}
	m.makeRoomForBanner()
}

// bodyHeight is the rows between the tab bar and the status bar, which
// takes more than its one row while a message needs them.
func (m *Model) bodyHeight() int { return max(0, m.height-common.HeaderRows-m.statusRows()) }

// makeRoomForBanner gives the open tab the rows above the banner, or all
// of the body when no banner shows, so the banner never hides any of it
// (the selected row, the key hints, a section's last lines).
func (m *Model) makeRoomForBanner() {
	if m.width == 0 {
		return // no size yet
	}
	_, banner := m.bannerView()
	want := tabSize{m.width, m.bodyHeight() - banner}
	if m.given[m.active] != want {
		m.given[m.active] = want
		m.tabs[m.active].SetSize(want.width, want.height)
	}
}

func (m *Model) handleKey(msg tea.KeyMsg) tea.Cmd {
	if msg.Type == tea.KeyCtrlC {
		return m.quit()
	}
	if common.Joined(msg) {
		if !m.capturing() {
			return m.handleJoined(msg)
		}
		msg = common.AsText(msg) // a word typed into a field stays a word
	}
	if id, ok := m.bannerKeyOwner(msg); ok {
		return m.updateTab(id, msg)
	}
	if m.capturing() {
		return m.updateTab(m.active, msg)
	}
	switch {
	case key.Matches(msg, m.keys.Quit):
		return m.quit()
	case key.Matches(msg, m.keys.Help):
		m.showHelp = !m.showHelp
	case m.showHelp && msg.Type == tea.KeyEsc:
		m.showHelp = false
	case key.Matches(msg, m.keys.Doctor):
		return m.navigate(common.OpenGuideMsg{Section: content.DoctorSection})
	case key.Matches(msg, m.keys.GoTo):
		m.switchTo(common.TabID(msg.Runes[0] - '1'))
	case key.Matches(msg, m.keys.Next):
		m.switchTo((m.active + 1) % common.TabCount)
	case key.Matches(msg, m.keys.Prev):
		m.switchTo((m.active + common.TabCount - 1) % common.TabCount)
	case m.showHelp:
		// While help is open, other keys do nothing rather than act unseen.
	default:
		return m.updateTab(m.active, msg)
	}
	return nil
}

// handleJoined undoes Bubble Tea's joining (see common.Joined) outside
// text fields: there runes read together are keys pressed one after
// another, which no single-key binding would match joined. Each key sees
// the state the one before left; once one opens a text field (n, /), the
// rest go to it as text, in one message however long.
func (m *Model) handleJoined(msg tea.KeyMsg) tea.Cmd {
	cmds := make([]tea.Cmd, 0, len(msg.Runes))
	for i, r := range msg.Runes {
		if m.capturing() {
			cmds = append(cmds, m.handleKey(tea.KeyMsg{Type: tea.KeyRunes, Runes: msg.Runes[i:]}))
			break
		}
		cmds = append(cmds, m.handleKey(tea.KeyMsg{Type: tea.KeyRunes, Runes: []rune{r}}))
	}
	return tea.Sequence(cmds...)
}

// quit has every tab save what it holds, then stops the program. Typing
// not saved yet asks first, and a save that fails is shown instead of
// quitting, so nothing is lost without a word; the next quit goes ahead
// anyway, still running every save first.
func (m *Model) quit() tea.Cmd {
	confirmed := m.quitWarning != nil
	if !confirmed {
		if typing := m.unsavedTyping(); typing != "" {
			m.quitWarning = fmt.Errorf("%s (press ctrl+c again to quit anyway)", typing)
			return nil
		}
	}
	if err := m.saveAll(); err != nil && !confirmed {
		m.quitWarning = fmt.Errorf("not saved: %w (press ctrl+c again to quit anyway)", err)
		return nil
	}
	return tea.Quit
}

// unsavedTyping is what the tabs' people are halfway through typing, if
// anything: quitting would leave it behind.
func (m *Model) unsavedTyping() string {
	var what []string
	for _, t := range m.tabs {
		if ty, ok := t.(common.Typist); ok {
			if s := ty.UnsavedTyping(); s != "" {
				what = append(what, s)
			}
		}
	}
	return strings.Join(what, "; ")
}

// saveAll has every tab save what it holds, each on its own, so one tab's
// failure (or bug) cannot keep another from saving.
func (m *Model) saveAll() error {
	var errs []error
	for _, t := range m.tabs {
		if s, ok := t.(common.Saver); ok {
			errs = append(errs, saveSafely(s))
		}
	}
	return errors.Join(errs...)
}

func saveSafely(s common.Saver) (err error) {
	defer func() {
		if r := recover(); r != nil {
			err = fmt.Errorf("saving failed: %v", r)
		}
	}()
	return s.Save()
}

// capturing tells whether the open tab is taking every key itself.
func (m *Model) capturing() bool {
	c, ok := m.tabs[m.active].(common.InputCapturer)
	return ok && c.CapturesInput()
}

// announcer is the tab that speaks over the others (the Remind tab).
func (m *Model) announcer() (common.TabID, common.Announcer, bool) {
	for id, t := range m.tabs {
		if a, ok := t.(common.Announcer); ok {
			return common.TabID(id), a, true
		}
	}
	return 0, nil, false
}

// shownBanner is the banner the root draws over the open tab, if any. The
// announcing tab shows its own; the help screen hides it; and while the
// open tab takes typing (a note, a search, a routine in progress) it
// waits, so it never covers what the person is doing. The status bar
// still says the reminder is due.
func (m *Model) shownBanner() (common.TabID, common.Banner, bool) {
	id, a, ok := m.announcer()
	if !ok || id == m.active || m.showHelp || m.capturing() {
		return 0, common.Banner{}, false
	}
	b, showing := a.Banner()
	return id, b, showing
}

// bannerKeyOwner is the tab whose shown banner msg answers: a banner's
// keys reach its tab from whichever tab is open.
func (m *Model) bannerKeyOwner(msg tea.KeyMsg) (common.TabID, bool) {
	id, b, ok := m.shownBanner()
	return id, ok && key.Matches(msg, b.Keys...)
}

// navigate brings msg's tab to the front and hands it the message.
func (m *Model) navigate(msg common.Navigation) tea.Cmd {
	m.switchTo(msg.To())
	return m.updateTab(msg.To(), msg)
}

func (m *Model) switchTo(id common.TabID) {
	m.active = id
	m.showHelp = false
}

func (m *Model) handleMouse(msg tea.MouseMsg) tea.Cmd {
	if msg.Y == 0 {
		// A click on the tab bar obeys the rule of the keys 1–4: while the
		// open tab takes typing, it stays open.
		if msg.Action == tea.MouseActionPress && msg.Button == tea.MouseButtonLeft && !m.capturing() {
			if id, ok := m.tabAt(msg.X); ok {
				m.switchTo(id)
			}
		}
		return nil
	}
	msg.Y -= common.HeaderRows // tabs count rows from their own top
	if msg.Y < 0 || msg.Y >= m.given[m.active].height || m.showHelp {
		return nil
	}
	return m.updateTab(m.active, msg)
}

func (m *Model) handleRefreshed(msg refreshedMsg) tea.Cmd {
	var cmds []tea.Cmd
	if msg.polled {
		cmds = append(cmds, m.common.After(PollInterval, func(time.Time) tea.Msg { return pollMsg{} }))
	}
	m.dataErr = msg.err
	m.skippedNote = nil
	if msg.skipped > 0 {
		m.skippedNote = errors.New(store.SkippedNote(msg.skipped))
	}
	if msg.err != nil {
		return tea.Batch(cmds...)
	}
	if msg.unchanged {
		return tea.Batch(cmds...)
	}
	m.today, m.unit = msg.today, msg.unit
	cmds = append(cmds, m.syncSettingsRead(msg.sync))
	if m.revision != 0 && msg.revision != m.revision {
		reload := common.ReloadMsg{Revision: msg.revision}
		cmds = append(cmds, m.broadcast(reload))
	}
	m.revision = msg.revision
	return tea.Batch(cmds...)
}

func (m *Model) updateTab(id common.TabID, msg tea.Msg) tea.Cmd {
	updated, cmd := m.tabs[id].Update(msg)
	m.tabs[id] = updated.(common.Tab)
	return cmd
}

func (m *Model) broadcast(msg tea.Msg) tea.Cmd {
	cmds := make([]tea.Cmd, 0, len(m.tabs))
	for id := range m.tabs {
		cmds = append(cmds, m.updateTab(common.TabID(id), msg))
	}
	return tea.Batch(cmds...)
}

// recoverCrash turns a panic in Update into an orderly quit: Bubble Tea's
// own panic handler restores the terminal too, but without waiting for its
// input reader, and it prints the stack over the screen.
func (m *Model) recoverCrash(model *tea.Model, cmd *tea.Cmd) {
	if r := recover(); r != nil {
		m.crash = fmt.Errorf("%v\n%s", r, debug.Stack())
		*model, *cmd = m, tea.Quit
	}
}

// Crash is the panic that stopped the program, with its stack, or nil.
func (m *Model) Crash() error { return m.crash }

// SaveBeforeExit runs every tab's save once when the program ends other
// than by a quit (a signal, a crash, its terminal failing), asking
// nothing, and answers what the saves answered: in Update when a stop
// arrives, or from the runner once Run has returned.
func (m *Model) SaveBeforeExit() error {
	if !m.stopSaved {
		m.stopSaved, m.stopErr = true, m.saveAll()
	}
	return m.stopErr
}

// Active is the open tab.
func (m *Model) Active() common.TabID { return m.active }

// HelpShown tells whether the ? screen is open.
func (m *Model) HelpShown() bool { return m.showHelp }
