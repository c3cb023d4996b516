// Package stretch is the Stretch tab: a stretch library and a routine
// player you can follow from the floor.
package stretch

import (
	"errors"
	"fmt"
	"os"

	"github.com/charmbracelet/bubbles/key"
	"github.com/charmbracelet/bubbles/viewport"
	tea "github.com/charmbracelet/bubbletea"

	"lumbar/content"
	"lumbar/tui/common"
)

// Model is the Stretch tab: the library list, one stretch or routine
// read whole, or the player.
type Model struct {
	common.Common
	keys         KeyMap
	routinesPath string           // the user's routines.toml
	library      *content.Library // built-ins, plus the user's file when it is sound
	fileErr      error            // what is wrong with the user's file
	list         libraryList
	reading      *entry            // the stretch or routine open whole; nil in the list
	back         common.Navigation // where esc from reading goes when a link from another tab opened it
	detail       viewport.Model    // scrolls what is open
	player       *Player           // the routine open in the player; nil when none
	sessions     *Sessions         // the Sessions view, open over the library; nil when closed
	unsaved      []*Player         // closed routines whose session failed to save: retried
	settings     settings
	notice       string // one line about the last thing that went wrong
	play         cueFunc
	width        int // the views' width, inside the left pad
	height       int
}

// New builds the Stretch tab over the user's routine file at its usual
// place.
func New(c common.Common) common.Tab {
	return newModel(c, content.UserRoutinesPath(os.Getenv))
}

func newModel(c common.Common, routinesPath string) *Model {
	m := &Model{
		Common:       c,
		keys:         DefaultKeyMap(),
		routinesPath: routinesPath,
		settings:     defaultSettings(),
		play:         playCues(c),
		detail:       viewport.New(0, 0),
	}
	// Read now, not in a command: a routine asked for at start-up
	// (lumbar stretch ROUTINE) must find the user's routines there.
	m.loadLibrary()
	m.syncKeys()
	return m
}

// settingsMsg carries the settings read from the data file.
type settingsMsg struct {
	settings settings
	err      error
}

func (m *Model) Init() tea.Cmd { return m.readSettings }

func (m *Model) readSettings() tea.Msg {
	set, err := readSettings(m.Store)
	return settingsMsg{settings: set, err: err}
}

func (m *Model) loadLibrary() {
	m.library, m.fileErr = content.LoadUserRoutines(m.routinesPath)
	cursor := m.list.cursor
	m.list = newLibraryList(m.library)
	m.list.moveTo(cursor)
	m.list.keepInView(m.listHeight())
}

func (m *Model) Update(msg tea.Msg) (tea.Model, tea.Cmd) {
	cmd := m.update(msg)
	m.syncKeys()
	return m, cmd
}

func (m *Model) update(msg tea.Msg) tea.Cmd {
	switch msg := msg.(type) {
	case settingsMsg:
		if msg.err == nil {
			m.setSettings(msg.settings)
		}
	case common.ReloadMsg:
		_ = m.retryUnsaved() // the file was written just now: it is free again
		if m.sessions != nil {
			return tea.Batch(m.readSettings, m.sessions.load) // a session recorded, deleted, undone
		}
		return m.readSettings // `lumbar config` may have changed them
	case common.OpenStretchMsg:
		m.openStretch(msg.Stretch)
		m.back = msg.Back
	case common.StartRoutineMsg:
		m.back = nil
		return m.startRoutine(msg.Routine)
	case tickMsg:
		if m.player != nil {
			return m.player.Update(msg)
		}
	case sessionsMsg:
		if m.sessions != nil {
			return m.sessions.Update(msg)
		}
	case tea.KeyMsg:
		return m.handleKey(msg)
	case tea.MouseMsg:
		m.handleWheel(msg)
	}
	return nil
}

func (m *Model) handleKey(msg tea.KeyMsg) tea.Cmd {
	m.notice = ""
	if cmd, ok := m.toggleSetting(msg); ok {
		return cmd
	}
	switch {
	case m.player != nil:
		cmd := m.player.Update(msg)
		if m.player.Closed() {
			m.keepIfUnsaved(m.player)
			m.player = nil
		}
		return cmd
	case m.sessions != nil:
		cmd := m.sessions.Update(msg)
		if m.sessions.Closed() {
			m.sessions = nil
		}
		return cmd
	case m.reading != nil:
		return m.handleReadingKey(msg)
	default:
		return m.handleListKey(msg)
	}
}

func (m *Model) handleListKey(msg tea.KeyMsg) tea.Cmd {
	switch {
	case key.Matches(msg, m.keys.Up):
		m.list.moveTo(m.list.cursor - 1)
	case key.Matches(msg, m.keys.Down):
		m.list.moveTo(m.list.cursor + 1)
	case key.Matches(msg, m.keys.Top):
		m.list.moveTo(0)
	case key.Matches(msg, m.keys.Bottom):
		m.list.moveTo(len(m.list.entries) - 1)
	case key.Matches(msg, m.keys.Open):
		if e, ok := m.list.selected(); ok {
			m.open(e)
			m.back = nil // opened here: esc comes back here
		}
	case key.Matches(msg, m.keys.Start):
		return m.startSelected()
	case key.Matches(msg, m.keys.Reload):
		m.loadLibrary()
	case key.Matches(msg, m.keys.Sessions):
		return m.openSessions()
	}
	m.list.keepInView(m.listHeight())
	return nil
}

func (m *Model) handleReadingKey(msg tea.KeyMsg) tea.Cmd {
	switch {
	case key.Matches(msg, m.keys.Back):
		m.reading = nil
		if back := m.back; back != nil {
			m.back = nil
			return common.Navigate(back)
		}
	case key.Matches(msg, m.keys.Start):
		return m.startSelected()
	default:
		var cmd tea.Cmd
		m.detail, cmd = m.detail.Update(msg)
		return cmd
	}
	return nil
}

func (m *Model) handleWheel(msg tea.MouseMsg) {
	if msg.Action != tea.MouseActionPress || m.player != nil {
		return
	}
	step := map[tea.MouseButton]int{tea.MouseButtonWheelUp: -1, tea.MouseButtonWheelDown: 1}[msg.Button]
	switch {
	case step == 0:
	case m.reading != nil:
		m.detail.ScrollDown(step * 3) // a negative count scrolls up
	default:
		m.list.moveTo(m.list.cursor + step)
		m.list.keepInView(m.listHeight())
	}
}

// toggleSetting flips a setting when msg is its key. The player's own
// questions take digits and enter, so b, v and P work everywhere.
func (m *Model) toggleSetting(msg tea.KeyMsg) (tea.Cmd, bool) {
	next := m.settings
	var name string
	var value bool
	switch {
	case key.Matches(msg, m.keys.Bell):
		next.Bell = !next.Bell
		name, value = settingBell, next.Bell
	case key.Matches(msg, m.keys.Voice):
		next.Speak = !next.Speak
		name, value = settingSpeak, next.Speak
	case key.Matches(msg, m.keys.PainPrompt):
		next.PainPrompt = !next.PainPrompt
		name, value = settingPainPrompt, next.PainPrompt
	default:
		return nil, false
	}
	if err := saveSetting(m.Store, name, value); err != nil {
		m.notice = "setting not saved: " + err.Error()
		return nil, true
	}
	m.setSettings(next)
	return func() tea.Msg { return common.ChangedMsg{} }, true
}

func (m *Model) setSettings(s settings) {
	m.settings = s
	if m.player != nil {
		m.player.SetSettings(s)
	}
}

// openSessions opens the Sessions view and reads the sessions into it.
func (m *Model) openSessions() tea.Cmd {
	m.sessions = newSessions(m.Common, m.keys, m.library)
	m.sessions.SetSize(m.width, m.height)
	return m.sessions.load
}

// open shows a stretch or routine whole.
func (m *Model) open(e entry) {
	m.reading = &e
	m.detail.SetContent(m.detailText(e, m.detail.Width))
	m.detail.GotoTop()
}

func (m *Model) openStretch(id string) {
	if !m.list.find(func(e entry) bool { return e.stretch != nil && e.stretch.ID == id }) {
		m.notice = fmt.Sprintf("lumbar has no stretch called %q", id)
		return
	}
	e, _ := m.list.selected()
	m.open(e)
	m.list.keepInView(m.listHeight())
}

// startSelected starts the routine under the cursor or open whole.
func (m *Model) startSelected() tea.Cmd {
	e, ok := m.list.selected()
	if m.reading != nil {
		e, ok = *m.reading, true
	}
	if !ok || e.routine == nil {
		m.notice = "s starts a routine: choose one from the Routines list"
		return nil
	}
	return m.startRoutine(e.routine.ID)
}

func (m *Model) startRoutine(id string) tea.Cmd {
	if m.player != nil {
		return nil // one routine at a time; the one running stays
	}
	r := m.library.Routine(id)
	if r == nil {
		m.notice = fmt.Sprintf("lumbar has no routine called %q", id)
		return nil
	}
	m.player = newPlayer(m.Common, r, m.settings, m.play)
	m.player.SetSize(m.width, m.height)
	return m.player.open()
}

// CapturesInput keeps q, 1–4 and ? from pulling the person out of a
// routine mid-pose; ctrl+c still quits (and Save records the session).
func (m *Model) CapturesInput() bool {
	return m.player != nil && m.player.Capturing()
}

// Save records a routine in progress before the app quits.
func (m *Model) Save() error {
	var errs []error
	if m.player != nil {
		errs = append(errs, m.player.Flush())
	}
	return errors.Join(append(errs, m.retryUnsaved())...)
}

// keepIfUnsaved holds on to a closed player whose session could not be
// saved (the file was busy, say), so leaving the summary loses nothing.
func (m *Model) keepIfUnsaved(p *Player) {
	if p.Unsaved() {
		m.unsaved = append(m.unsaved, p)
	}
}

// retryUnsaved tries again to save sessions that failed, keeping those
// that fail once more.
func (m *Model) retryUnsaved() error {
	var errs []error
	kept := m.unsaved[:0]
	for _, p := range m.unsaved {
		if err := p.Flush(); err != nil {
			kept = append(kept, p)
			errs = append(errs, err)
		}
	}
	m.unsaved = kept
	return errors.Join(errs...)
}

func (m *Model) SetSize(width, height int) {
	m.width, m.height = width-leftPad, height
	// The detail lives inside the left pad like every view: its text is
	// wrapped to the columns left after the pad.
	m.detail.Width, m.detail.Height = m.width, max(1, height-detailChrome)
	if m.reading != nil {
		m.detail.SetContent(m.detailText(*m.reading, m.detail.Width))
	}
	m.list.keepInView(m.listHeight())
	if m.player != nil {
		m.player.SetSize(m.width, m.height)
	}
	if m.sessions != nil {
		m.sessions.SetSize(m.width, m.height)
	}
}

// syncKeys enables the library's keys while it shows (a stretch or
// routine read whole included), not while the player has the keys; the
// settings work everywhere.
func (m *Model) syncKeys() {
	k := &m.keys
	common.SetEnabled(m.player == nil, &k.Up, &k.Down, &k.Top, &k.Bottom, &k.Back)
	inLibrary := m.player == nil && m.sessions == nil
	common.SetEnabled(inLibrary, &k.Open, &k.Start, &k.Reload)
	common.SetEnabled(inLibrary && m.reading == nil, &k.Sessions)
	if m.sessions != nil {
		m.sessions.keys = m.keys
	}
}

// ShortHelp is the keys of the moment: the player's, or the way into
// what the library shows.
func (m *Model) ShortHelp() []key.Binding {
	k := m.keys
	switch {
	case m.player != nil:
		return m.player.ShortHelp()
	case m.sessions != nil:
		return m.sessions.ShortHelp()
	case m.reading != nil:
		return []key.Binding{k.Back, k.Start}
	}
	return []key.Binding{k.Open, k.Start, k.Sessions}
}

func (m *Model) FullHelp() [][]key.Binding {
	k := m.keys
	settings := []key.Binding{k.Bell, k.Voice, k.PainPrompt}
	if m.player != nil {
		return append(m.player.FullHelp(), settings)
	}
	// Two columns, so the ? screen fits 80 columns beside the global keys.
	return [][]key.Binding{{k.Up, k.Down, k.Top, k.Bottom, k.Open, k.Back}, append([]key.Binding{k.Start, k.Sessions, k.Reload}, settings...)}
}
