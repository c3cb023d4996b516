package stretch

import (
	"path/filepath"
	"testing"
	"time"

	tea "github.com/charmbracelet/bubbletea"

	"lumbar/store"
	"lumbar/store/diary"
	"lumbar/tui/common"
	"lumbar/tui/theme"
	"lumbar/tui/tuitest"
)

func TestMain(m *testing.M) { tuitest.Main(m) }

// start is when every test's clock starts.
var start = tuitest.Now

// fakeClock is the injected clock; tests move it by hand.
type fakeClock struct{ now time.Time }

func (c *fakeClock) Now() time.Time          { return c.now }
func (c *fakeClock) advance(d time.Duration) { c.now = c.now.Add(d) }

// harness is a Stretch tab over a temporary data file, with a clock the
// test moves and a record of every cue instead of sounds.
type harness struct {
	t     testing.TB
	m     *Model
	clock *fakeClock
	store *store.Store
	cues  []cue
}

func newHarness(t testing.TB, width, height int) *harness {
	t.Helper()
	return newHarnessWithRoutines(t, width, height, filepath.Join(t.TempDir(), "no-routines.toml"))
}

func newHarnessWithRoutines(t testing.TB, width, height int, routinesPath string) *harness {
	t.Helper()
	s := tuitest.TempStore(t)
	h := &harness{t: t, clock: &fakeClock{now: start}, store: s}
	h.m = newModel(common.Common{Store: s, Now: h.clock.Now, Styles: theme.NewFor(true)}, routinesPath)
	h.m.play = func(c cue, _ settings) tea.Cmd {
		h.cues = append(h.cues, c)
		return nil
	}
	h.m.SetSize(width, height)
	h.send(h.m.readSettings())
	return h
}

// send delivers msg to the tab and returns the command it gave back.
func (h *harness) send(msg tea.Msg) tea.Cmd {
	_, cmd := h.m.Update(msg)
	return cmd
}

func (h *harness) press(keys ...string) {
	for _, k := range keys {
		h.send(keyMsg(k))
	}
}

func keyMsg(k string) tea.KeyMsg { return tuitest.Key(k) }

// tick moves the clock by d and delivers the player's tick, as the
// program would when the tick's timer fires.
func (h *harness) tick(d time.Duration) {
	h.clock.advance(d)
	p := h.m.player
	if p == nil {
		h.t.Fatal("tick with no player")
	}
	h.send(tickMsg{id: p.id, gen: p.gen})
}

// runFor ticks every 250 ms of clock time for d.
func (h *harness) runFor(d time.Duration) {
	for end := h.clock.now.Add(d); h.clock.now.Before(end); {
		h.tick(tickEvery)
	}
}

// sessions is every session recorded, oldest first.
func (h *harness) sessions() []diary.Session {
	h.t.Helper()
	var out []diary.Session
	err := h.store.View(func(tx *store.Tx) error {
		items, err := store.Sessions.Latest(tx, 100)
		for i := len(items) - 1; i >= 0; i-- {
			out = append(out, items[i].Value)
		}
		return err
	})
	if err != nil {
		h.t.Fatal(err)
	}
	return out
}

func (h *harness) bells() int {
	n := 0
	for _, c := range h.cues {
		if c.bell {
			n++
		}
	}
	return n
}
