package stretch

import (
	"path/filepath"
	"testing"
	"time"

	tea "github.com/charmbracelet/bubbletea"

	"lumbar/store"
	"lumbar/store/diary"
	"lumbar/tui/tuitest"
)

func TestMain(m *testing.M) { tuitest.Main(m) }

// start is when every test's clock starts.
var start = tuitest.Now

// harness is a Stretch tab over a temporary data file under the tuitest
// driver, which holds the clock the test moves, the player's timers and
// the bells; it also records every cue, to hear the words.
type harness struct {
	t     testing.TB
	d     *tuitest.Driver
	m     *Model
	store *store.Store
	cues  []cue
	// bellsBefore is the bells rung before the cues were last forgotten.
	bellsBefore int
}

func newHarness(t testing.TB, width, height int) *harness {
	t.Helper()
	return newHarnessWithRoutines(t, width, height, filepath.Join(t.TempDir(), "no-routines.toml"))
}

func newHarnessWithRoutines(t testing.TB, width, height int, routinesPath string) *harness {
	t.Helper()
	s := tuitest.TempStore(t)
	h := &harness{t: t, d: tuitest.NewDriver(t), store: s}
	h.m = newModel(h.d.Common(s), routinesPath)
	h.d.DriveTab(h.m)
	bell := playCues(h.m.Common)
	h.m.play = func(c cue, set settings) tea.Cmd {
		h.cues = append(h.cues, c)
		return bell(c, settings{Bell: set.Bell}) // the bell only: no test speaks
	}
	h.m.SetSize(width, height)
	h.send(h.m.readSettings())
	return h
}

// send delivers msg to the tab and returns the command it gave back,
// not run.
func (h *harness) send(msg tea.Msg) tea.Cmd { return h.d.Send(msg) }

// press sends keys, running what they return.
func (h *harness) press(keys ...string) { h.d.Press(keys...) }

func keyMsg(k string) tea.KeyMsg { return tuitest.Key(k) }

// tick moves the clock by d and fires the player's timer, as the program
// would when it ran out (late, or early, by as much as d differs from
// tickEvery).
func (h *harness) tick(d time.Duration) {
	if h.m.player == nil {
		h.t.Fatal("tick with no player")
	}
	h.d.Advance(d)
	h.d.FireTimers()
}

// rearms tells whether msg, delivered, started the player's next timer.
func (h *harness) rearms(msg tickMsg) bool {
	before := len(h.d.Timers())
	h.send(msg)
	return len(h.d.Timers()) > before
}

// runFor ticks every 250 ms of clock time for d.
func (h *harness) runFor(d time.Duration) {
	for end := h.d.Now().Add(d); h.d.Now().Before(end); {
		h.tick(tickEvery)
	}
}

// forgetCues starts the record of cues and bells afresh.
func (h *harness) forgetCues() {
	h.cues, h.bellsBefore = nil, h.d.Bells()
}

// bells is how many times the bell rang since the cues were forgotten.
func (h *harness) bells() int { return h.d.Bells() - h.bellsBefore }

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
