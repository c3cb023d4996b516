// Package common is what the root model hands every tab: the store, the
// clock, timers, the bell, the styles, and the messages tabs and root
// exchange.
package common

import (
	"os"
	"time"

	"github.com/charmbracelet/bubbles/help"
	"github.com/charmbracelet/bubbles/key"
	tea "github.com/charmbracelet/bubbletea"

	"lumbar/store"
	"lumbar/tui/theme"
)

// Clock tells the time. Tests inject a fixed or stepped one.
type Clock func() time.Time

// Common is given to each tab by the root, and every tab embeds it: the
// one way a tab reads the time, starts a timer and rings the bell, so
// tests inject all three in one place (see package tuitest).
type Common struct {
	Store  *store.Store
	Now    Clock
	Styles theme.Styles
	// Timers starts the tabs' timers; nil is tea.Tick. Tests record them
	// instead and fire them by hand, moving the clock.
	Timers Timers
	// Ring sounds the bell; nil writes BEL to the terminal. Tests count.
	Ring func()
}

// Timers starts a timer that sends fire's message after d, as tea.Tick
// does.
type Timers func(d time.Duration, fire func(time.Time) tea.Msg) tea.Cmd

// After is a command that sends fire's message after d: every timer of
// the app starts here. Like tea.Tick it fires once; re-arm it only in its
// own message's handler.
func (c Common) After(d time.Duration, fire func(time.Time) tea.Msg) tea.Cmd {
	if c.Timers == nil {
		return tea.Tick(d, fire)
	}
	return c.Timers(d, fire)
}

// Bell is a command that rings the terminal bell: it runs beside the
// frame being drawn, never holding it up.
func (c Common) Bell() tea.Cmd {
	ring := c.Ring
	if ring == nil {
		ring = terminalBell
	}
	return func() tea.Msg {
		ring()
		return nil
	}
}

// terminalBell writes BEL to the terminal Bubble Tea draws on. Bubble Tea
// writes each frame in one piece, so a lone BEL lands between frames.
func terminalBell() { _, _ = os.Stdout.Write([]byte("\a")) }

// Rows the root draws around the open tab: the tab bar and its rule
// above, the status bar below (one row at rest, more while a message
// needs them). A tab is given the rest.
const (
	HeaderRows = 2
	StatusRows = 1
	ChromeRows = HeaderRows + StatusRows
)

// Tab is one of the four tabs. Its Update returns the tab itself.
type Tab interface {
	tea.Model
	help.KeyMap
	// SetSize gives the tab the cells it may draw in.
	SetSize(width, height int)
}

// InputCapturer is implemented by tabs that sometimes take free text (a
// search box, a note): while CapturesInput is true the root passes every
// key but ctrl+c to the tab instead of treating 1–4, q or ? as its own.
type InputCapturer interface {
	CapturesInput() bool
}

// Saver is implemented by tabs that hold work worth keeping (a routine in
// progress, the Guide place): the root calls Save, synchronously, at every
// quit that goes ahead (q, ctrl+c, a signal, after a crash), on every tab
// whatever the others answered, because commands still running at
// tea.Quit are not waited for. Save may be called more than once.
type Saver interface {
	Save() error
}

// Restyler is implemented by tabs that keep what they draw (the Guide's
// laid-out sections, the charts): the root calls Restyle when the
// terminal's background turns out to be other than guessed, and they
// draw it again in the colours for it.
type Restyler interface {
	Restyle()
}

// Typist is implemented by tabs where the person may be halfway through
// typing something they have not saved (a Log entry). Saving never asks;
// this asks the person, once, before a quit throws the typing away.
type Typist interface {
	// UnsavedTyping says what would be left behind, like "an entry is open
	// in the Log; enter saves it", or "" when there is nothing.
	UnsavedTyping() string
}

// Announcer is implemented by a tab with something to say whatever tab is
// open: the Remind tab's reminders. The root draws the banner over other
// tabs and sends the banner's keys to the announcing tab from anywhere,
// so they must be keys no tab uses for itself.
type Announcer interface {
	// Banner is the reminder due now, if any.
	Banner() (Banner, bool)
	// NextUp is a few words for the status bar about the next reminder,
	// like "posture in 12m"; "" when there is nothing to say.
	NextUp() string
}

// Banner is a reminder as the root draws it over any tab.
type Banner struct {
	Title string        // what is due, e.g. "Time for a posture check"
	Body  string        // one line: the cue or the prompt
	Keys  []key.Binding // the answers, shown on the banner
}

// TabID names a tab.
type TabID int

// The tabs, in tab-bar order.
const (
	GuideTab TabID = iota
	LogTab
	StretchTab
	RemindTab
)

// TabCount is how many tabs there are.
const TabCount = 4

// String is the tab's name as the tab bar shows it.
func (id TabID) String() string {
	switch id {
	case GuideTab:
		return "Guide"
	case LogTab:
		return "Log"
	case StretchTab:
		return "Stretch"
	case RemindTab:
		return "Remind"
	}
	return "?"
}

// Addressed messages belong to one tab; the root delivers them there only.
// Messages that are not Addressed go to every tab.
type Addressed interface {
	To() TabID
}

// ReloadMsg tells tabs that the data file changed (another process, or
// another tab, wrote to it) and what they show may be stale.
type ReloadMsg struct {
	Revision uint64
}

// ChangedMsg is sent by a tab after it wrote to the data file, so the
// status bar updates at once instead of at the next poll.
type ChangedMsg struct{}

// Navigation messages ask for a place in another tab; the root brings that
// tab to the front and hands it the message.
type Navigation interface {
	Addressed
	navigation()
}

// OpenGuideMsg opens a Guide section by its ID (e.g. the Log's warning
// signs open "when-to-see-a-doctor").
type OpenGuideMsg struct{ Section string }

// OpenStretchMsg shows one stretch of the library (e.g. from a Guide link).
// Back, if set, is where esc goes after reading it: the tab the link was
// followed from.
type OpenStretchMsg struct {
	Stretch string
	Back    Navigation
}

// BackMsg brings a tab to the front as it was left (esc after following
// a link from it).
type BackMsg struct{ Tab TabID }

// StartRoutineMsg starts a routine in the Stretch tab's player (e.g. the
// movement reminder's desk break).
type StartRoutineMsg struct{ Routine string }

// NewEntryMsg opens the Log's form on a new entry (the daily log
// reminder's answer).
type NewEntryMsg struct{}

func (OpenGuideMsg) To() TabID      { return GuideTab }
func (NewEntryMsg) To() TabID       { return LogTab }
func (NewEntryMsg) navigation()     {}
func (OpenStretchMsg) To() TabID    { return StretchTab }
func (StartRoutineMsg) To() TabID   { return StretchTab }
func (b BackMsg) To() TabID         { return b.Tab }
func (OpenGuideMsg) navigation()    {}
func (OpenStretchMsg) navigation()  {}
func (StartRoutineMsg) navigation() {}
func (BackMsg) navigation()         {}

// OfferMsg is sent by a tab with something to offer back unasked (the
// Log's entry kept from the last run): the root brings the tab forward,
// unless the open tab is taking typing.
type OfferMsg struct{ From TabID }

// Offer is a command that sends OfferMsg from tab.
func Offer(tab TabID) tea.Cmd {
	return func() tea.Msg { return OfferMsg{From: tab} }
}

// Navigate is a command that sends msg.
func Navigate(msg Navigation) tea.Cmd {
	return func() tea.Msg { return msg }
}

// Joined tells whether msg is several runes that reached the program in
// one read (typed fast over ssh, by a text expander or tmux, or pasted
// without bracketed paste): Bubble Tea v1 hands them on as one KeyRunes
// message, whose String() is the word itself, so a word like "left",
// "end" or "enter" would match the key binding of that name.
func Joined(msg tea.KeyMsg) bool {
	return msg.Type == tea.KeyRunes && len(msg.Runes) > 1 && !msg.Paste && !msg.Alt
}

// AsText is msg as a text field must take it: joined runes are marked as
// pasted, so String() brackets them ("[left]") and no binding matches,
// while bubbles' text fields insert the runes as they insert any paste,
// in one message however long it is. A single rune, a real key (an arrow
// key is its own KeyType) and a real paste pass unchanged.
func AsText(msg tea.KeyMsg) tea.KeyMsg {
	if Joined(msg) {
		msg.Paste = true
	}
	return msg
}
