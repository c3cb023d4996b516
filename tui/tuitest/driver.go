package tuitest

import (
	"reflect"
	"runtime"
	"strings"
	"sync/atomic"
	"testing"
	"time"

	tea "github.com/charmbracelet/bubbletea"

	"lumbar/store"
	"lumbar/tui/common"
	"lumbar/tui/theme"
)

// Driver drives one model under test the way the program would, and is
// the one way every TUI test does it: the clock is the test's (Now until
// moved); the timers the model starts through common.Common are recorded
// instead of started, and fire when the test says; its bells are
// counted; and the commands it returns run at once, their messages fed
// back to it.
//
// Driving a tab, the messages meant for the root (ChangedMsg, OfferMsg,
// navigation) are kept (Sent) instead: the root would route them.
type Driver struct {
	t      testing.TB
	model  tea.Model
	isTab  bool
	now    time.Time
	timers []*Timer
	// bells is atomic: a program run for a golden file rings from its
	// commands' goroutines.
	bells atomic.Int64
	sent  []tea.Msg
}

// Timer is a timer the model started.
type Timer struct {
	Wait  time.Duration // how long it was set for
	Fired bool
	fire  func(time.Time) tea.Msg
}

// NewDriver is a driver whose clock reads Now. Hand the model under test
// its Common, then Drive it.
func NewDriver(t testing.TB) *Driver { return &Driver{t: t, now: Now} }

// Common is what the root would hand a tab over s: the driver's clock,
// timers and bell, and plain styles.
func (d *Driver) Common(s *store.Store) common.Common {
	return common.Common{
		Store:  s,
		Now:    d.Now,
		Styles: theme.NewFor(true),
		Timers: d.start,
		Ring:   func() { d.bells.Add(1) },
	}
}

// DriveTab makes tab the model driven; its messages for the root are
// kept in Sent.
func (d *Driver) DriveTab(tab common.Tab) { d.model, d.isTab = tab, true }

// DriveRoot makes the root model the model driven: every message goes
// back to it.
func (d *Driver) DriveRoot(root tea.Model) { d.model, d.isTab = root, false }

// Now is the driver's clock.
func (d *Driver) Now() time.Time { return d.now }

// SetClock puts the clock at t.
func (d *Driver) SetClock(t time.Time) { d.now = t }

// Advance moves the clock on by dur.
func (d *Driver) Advance(dur time.Duration) { d.now = d.now.Add(dur) }

// Send hands msg to the model and returns its command, not run.
func (d *Driver) Send(msg tea.Msg) tea.Cmd {
	_, cmd := d.model.Update(msg)
	return cmd
}

// Deliver hands msg to the model and runs what it returns.
func (d *Driver) Deliver(msg tea.Msg) { d.Run(d.Send(msg)) }

// Press sends keys by name (see Key), each as Deliver.
func (d *Driver) Press(keys ...string) {
	for _, k := range keys {
		d.Deliver(Key(k))
	}
}

// Type sends keys by name to a text field and returns the last key's
// command, not run: a text field's commands are its cursor's blinks,
// which wait on a real timer.
func (d *Driver) Type(keys ...string) tea.Cmd {
	var cmd tea.Cmd
	for _, k := range keys {
		cmd = d.Send(Key(k))
	}
	return cmd
}

// TypeText types each rune of text as its own key, as a person types.
func (d *Driver) TypeText(text string) {
	for _, r := range text {
		d.Send(tea.KeyMsg{Type: tea.KeyRunes, Runes: []rune{r}})
	}
}

// Run runs cmd as the program would: batches and sequences opened (in
// order), each message fed back to the model and what that returns run
// in turn, a tab's messages for the root kept in Sent. Commands that wait
// on a real timer (a text field's cursor blink) are not run: they would
// only make the test wait, and the model's own timers are the driver's.
func (d *Driver) Run(cmd tea.Cmd) {
	for _, msg := range messages(cmd, true) {
		if d.isTab && forRoot(msg) {
			d.sent = append(d.sent, msg)
			continue
		}
		d.Deliver(msg)
	}
}

// Messages runs cmd and returns what it sends, batches and sequences
// opened, without handing anything to a model.
func Messages(cmd tea.Cmd) []tea.Msg { return messages(cmd, false) }

// messages is Messages that, if skipTimers, leaves out the commands that
// wait on a real timer.
func messages(cmd tea.Cmd, skipTimers bool) []tea.Msg {
	if cmd == nil || skipTimers && waitsOnATimer(cmd) {
		return nil
	}
	msg := cmd()
	if cmds, ok := commands(msg); ok {
		var out []tea.Msg
		for _, c := range cmds {
			out = append(out, messages(c, skipTimers)...)
		}
		return out
	}
	if msg == nil {
		return nil
	}
	return []tea.Msg{msg}
}

// commands opens tea.BatchMsg and Bubble Tea's unexported sequence
// message: both are lists of commands.
func commands(msg tea.Msg) ([]tea.Cmd, bool) {
	v := reflect.ValueOf(msg)
	if !v.IsValid() || v.Kind() != reflect.Slice || v.Type().Elem() != reflect.TypeFor[tea.Cmd]() {
		return nil, false
	}
	cmds := make([]tea.Cmd, v.Len())
	for i := range cmds {
		cmds[i] = v.Index(i).Interface().(tea.Cmd)
	}
	return cmds, true
}

// waitsOnATimer tells whether cmd is a timer of Bubble Tea or bubbles (a
// cursor's blink, tea.Tick, tea.Every), by its function's name: they are
// closures no type tells apart.
func waitsOnATimer(cmd tea.Cmd) bool {
	name := runtime.FuncForPC(reflect.ValueOf(cmd).Pointer()).Name()
	return strings.Contains(name, "Blink") || strings.Contains(name, "Tick") || strings.Contains(name, "Every")
}

// forRoot tells whether a tab's message is the root's to handle.
func forRoot(msg tea.Msg) bool {
	switch msg.(type) {
	case common.ChangedMsg, common.OfferMsg, common.Navigation:
		return true
	}
	return false
}

// Sent is the messages a tab sent the root, oldest first.
func (d *Driver) Sent() []tea.Msg { return d.sent }

// SentOf is the messages of type T the driven tab sent the root.
func SentOf[T any](d *Driver) []T {
	var out []T
	for _, msg := range d.sent {
		if m, ok := msg.(T); ok {
			out = append(out, m)
		}
	}
	return out
}

// start records a timer instead of starting it.
func (d *Driver) start(wait time.Duration, fire func(time.Time) tea.Msg) tea.Cmd {
	d.timers = append(d.timers, &Timer{Wait: wait, fire: fire})
	return nil
}

// Timers is every timer the model started, oldest first.
func (d *Driver) Timers() []*Timer { return d.timers }

// LastWait is how long the newest timer was set for.
func (d *Driver) LastWait() time.Duration {
	d.t.Helper()
	if len(d.timers) == 0 {
		d.t.Fatal("no timer started")
	}
	return d.timers[len(d.timers)-1].Wait
}

// Fire fires timer now, whatever its wait: its message goes to the
// model, at the clock's time, and what that returns runs.
func (d *Driver) Fire(timer *Timer) {
	timer.Fired = true
	d.Deliver(timer.fire(d.now))
}

// FireTimers fires every timer started and not fired yet, oldest first
// (the model drops those it has replaced); timers they start wait for
// the next call.
func (d *Driver) FireTimers() {
	for _, timer := range d.timers {
		if !timer.Fired {
			d.Fire(timer)
		}
	}
}

// Bells is how many times the bell has rung.
func (d *Driver) Bells() int { return int(d.bells.Load()) }
