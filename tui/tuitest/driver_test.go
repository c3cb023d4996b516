package tuitest

import (
	"reflect"
	"testing"
	"time"

	"github.com/charmbracelet/bubbles/key"
	tea "github.com/charmbracelet/bubbletea"

	"lumbar/tui/common"
)

// tab is a tab that re-arms a one-second timer at each of its ticks and
// rings at each, sends the root a ChangedMsg at each key, and notes what
// it got.
type tab struct {
	c   common.Common
	got []tea.Msg
}

type tickMsg struct{ n int }

func (m *tab) Init() tea.Cmd { return nil }
func (m *tab) View() string  { return "" }
func (m *tab) Update(msg tea.Msg) (tea.Model, tea.Cmd) {
	m.got = append(m.got, msg)
	switch msg := msg.(type) {
	case tickMsg:
		next := msg.n + 1
		return m, tea.Batch(m.c.Bell(), m.c.After(time.Second, func(time.Time) tea.Msg { return tickMsg{next} }))
	case tea.KeyMsg:
		changed := func() tea.Msg { return common.ChangedMsg{} }
		echo := func() tea.Msg { return msg.String() }
		return m, tea.Sequence(echo, changed)
	}
	return m, nil
}
func (m *tab) SetSize(int, int)          {}
func (m *tab) ShortHelp() []key.Binding  { return nil }
func (m *tab) FullHelp() [][]key.Binding { return nil }

func TestDriverFiresTimersByHandAndCountsBells(t *testing.T) {
	d := NewDriver(t)
	m := &tab{}
	m.c = d.Common(TempStore(t))
	d.DriveTab(m)
	d.Deliver(tickMsg{0})
	if len(d.Timers()) != 1 || d.LastWait() != time.Second || d.Bells() != 1 {
		t.Fatalf("timers %d, bells %d after one tick", len(d.Timers()), d.Bells())
	}
	d.Advance(time.Second)
	d.FireTimers() // fires the pending one only, not the one it starts
	if len(d.Timers()) != 2 || d.Bells() != 2 || !reflect.DeepEqual(m.got[len(m.got)-1], tickMsg{1}) {
		t.Fatalf("after firing: timers %d, bells %d, got %v", len(d.Timers()), d.Bells(), m.got)
	}
	if !d.Now().Equal(Now.Add(time.Second)) {
		t.Errorf("clock at %v", d.Now())
	}
}

func TestDriverRunsSequencesAndKeepsTheRootsMessages(t *testing.T) {
	d := NewDriver(t)
	m := &tab{}
	d.DriveTab(m)
	d.Press("x")
	if want := []tea.Msg{Key("x"), "x"}; !reflect.DeepEqual(m.got, want) {
		t.Errorf("the tab got %v, want %v", m.got, want)
	}
	if len(SentOf[common.ChangedMsg](d)) != 1 || len(d.Sent()) != 1 {
		t.Errorf("sent the root %v", d.Sent())
	}
	if cmd := d.Type("y"); len(Messages(cmd)) != 2 || len(m.got) != 3 {
		t.Errorf("Type ran the key's command: the tab got %v", m.got)
	}
}
