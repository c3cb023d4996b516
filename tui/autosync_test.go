package tui

import (
	"errors"
	"path/filepath"
	"strings"
	"testing"
	"time"

	tea "github.com/charmbracelet/bubbletea"

	"lumbar/store"
	"lumbar/store/diary"
	"lumbar/store/synclog"
	"lumbar/tui/tuitest"
)

func init() {
	synclog.WorkFactor = 10 // scrypt at full cost takes a second per replica
}

// testInterval is the sync.interval the fake syncs report: no other
// timer of the app waits that long.
const testInterval = 17 * time.Minute

// fakeSync stands in for store.AutoSync: it records each run and answers
// what the test says.
type fakeSync struct {
	runs   []store.SyncWhen
	dir    string
	err    error
	result store.SyncResult
}

func (f *fakeSync) run(when store.SyncWhen) (store.AutoSyncResult, error) {
	f.runs = append(f.runs, when)
	return store.AutoSyncResult{Dir: f.dir, Interval: testInterval, SyncResult: f.result, Ran: f.err == nil}, f.err
}

// rootSyncing is the root at 80×24 over s, syncing through fake, started.
func rootSyncing(t *testing.T, s *store.Store, fake *fakeSync) *root {
	t.Helper()
	m := newModel(t, s, 80, 24)
	m.sync.run = fake.run
	m.d.Run(m.Init())
	return m
}

// syncTimers is the sync timers started and not fired yet.
func (m *root) syncTimers() []*tuitest.Timer {
	var live []*tuitest.Timer
	for _, timer := range m.d.Timers() {
		if timer.Wait == testInterval && !timer.Fired {
			live = append(live, timer)
		}
	}
	return live
}

// The app syncs as it starts and then every sync.interval after each run
// ended; a timer replaced is dropped when it fires.
func TestAppSyncsAtStartAndEveryInterval(t *testing.T) {
	fake := &fakeSync{dir: "/home/ana/Sync"}
	m := rootSyncing(t, tempStore(t), fake)
	if len(fake.runs) != 1 || fake.runs[0] != store.SyncAlways {
		t.Fatalf("runs at start: %v", fake.runs)
	}
	for i := 2; i <= 3; i++ {
		timers := m.syncTimers()
		if len(timers) != 1 {
			t.Fatalf("%d sync timers waiting, want 1", len(timers))
		}
		m.d.Advance(testInterval)
		m.d.Fire(timers[0])
		if len(fake.runs) != i {
			t.Fatalf("after %d intervals: %d runs", i-1, len(fake.runs))
		}
		m.d.Fire(timers[0]) // fired again, as a stale tick would be
		if len(fake.runs) != i {
			t.Errorf("a stale tick ran a sync")
		}
	}
	if strings.Contains(m.View(), "sync") {
		t.Errorf("a sync that works shows something:\n%s", m.View())
	}
}

// A failed sync says so in one calm line in the status bar, until a key
// is pressed; then a mark on the figures row stays until a sync works.
// The same failure again is not shown again; another one is.
func TestAppSyncFailureIsOneLineUntilAKey(t *testing.T) {
	fake := &fakeSync{dir: "/mnt/nas/Sync", err: errors.New(`"/mnt/nas/Sync" is not a folder: make it (or let your sync tool make it), or connect the disk it is on`)}
	m := rootSyncing(t, tempStore(t), fake)
	view := m.View()
	if !strings.Contains(flat(view), `⚠ sync failed: "/mnt/nas/Sync" is not a folder: make it (or let your sync tool make it), `+
		`or connect the disk it is on (trying again in 17m) ? help · q quit`) {
		t.Fatalf("the failure is not in the status bar:\n%s", view)
	}
	if lines := strings.Count(view, "\n") + 1; lines != 24 {
		t.Errorf("the frame has %d lines", lines)
	}
	m.press("2")
	if view := m.View(); strings.Contains(view, "⚠") || !strings.Contains(view, "no pain logged today") {
		t.Errorf("after a key the figures did not come back:\n%s", view)
	}
	m.Update(testWidth(120))
	if !strings.Contains(m.View(), " · sync failed") {
		t.Errorf("no mark of the failure on the figures row:\n%s", m.View())
	}
	m.d.Fire(m.syncTimers()[0])
	if strings.Contains(m.View(), "⚠") {
		t.Errorf("the same failure was shown again:\n%s", m.View())
	}
	fake.err = errors.New("sync log ABC.log: the passphrase does not open this diary's sync files")
	m.d.Fire(m.syncTimers()[0])
	if !strings.Contains(flat(m.View()), "the passphrase does not open this diary's sync files") {
		t.Errorf("a new failure is not shown:\n%s", m.View())
	}
	fake.err = nil
	m.d.Fire(m.syncTimers()[0])
	if view := m.View(); strings.Contains(view, "sync") {
		t.Errorf("a sync that works left the failure shown:\n%s", view)
	}
}

func testWidth(w int) tea.WindowSizeMsg { return tea.WindowSizeMsg{Width: w, Height: 24} }

// flat is a frame's words in one line: a message wrapped over rows reads whole.
func flat(view string) string { return strings.Join(strings.Fields(view), " ") }

// sync.dir set on a diary never set up: a hint, once, and the app keeps
// looking (lumbar sync may set it up while the app is open).
func TestAppHintsOnceWhenSyncIsNotSetUp(t *testing.T) {
	fake := &fakeSync{dir: "/home/ana/Sync", err: store.ErrNotReplica}
	m := rootSyncing(t, tempStore(t), fake)
	if !strings.Contains(flat(m.View()), "not set up to sync yet: run lumbar sync once in a shell") {
		t.Fatalf("no hint:\n%s", m.View())
	}
	m.press("2")
	m.d.Fire(m.syncTimers()[0])
	if len(fake.runs) != 2 || strings.Contains(m.View(), "⚠") || strings.Contains(m.View(), "sync failed") {
		t.Errorf("runs %d; the hint came again:\n%s", len(fake.runs), m.View())
	}
}

// With sync.dir off nothing waits to sync; setting a folder (here from
// the shell, as lumbar config set does) syncs at once.
func TestAppStartsSyncingWhenAFolderIsSet(t *testing.T) {
	s := tempStore(t)
	fake := &fakeSync{err: store.ErrSyncOff}
	m := rootSyncing(t, s, fake)
	if len(m.syncTimers()) != 0 || strings.Contains(m.View(), "sync") {
		t.Fatalf("sync off: %d timers\n%s", len(m.syncTimers()), m.View())
	}
	folder := t.TempDir()
	if err := s.Update(func(tx *store.Tx) error {
		return store.ChangeSettings(tx, map[string]string{"sync.dir": folder})
	}); err != nil {
		t.Fatal(err)
	}
	fake.err, fake.dir = nil, folder
	m.d.Run(m.refresh(true))
	if len(fake.runs) != 2 || len(m.syncTimers()) != 1 {
		t.Errorf("after sync.dir was set: %d runs, %d timers", len(fake.runs), len(m.syncTimers()))
	}
	m.d.Run(m.refresh(false)) // the settings as they were: no run
	if len(fake.runs) != 2 {
		t.Errorf("a refresh with the same settings synced again")
	}
}

// As the app closes it sends what waits to go, within its limit; a hung
// folder is left once the limit has passed, and said.
func TestSyncBeforeExit(t *testing.T) {
	fake := &fakeSync{dir: "/home/ana/Sync"}
	m := rootSyncing(t, tempStore(t), fake)
	if err := m.SyncBeforeExit(ExitSyncLimit); err != nil || fake.runs[len(fake.runs)-1] != store.SyncIfPending {
		t.Errorf("exit sync: %v, runs %v", err, fake.runs)
	}
	fake.err = store.ErrNotReplica
	if err := m.SyncBeforeExit(ExitSyncLimit); err != nil {
		t.Errorf("no replica: %v", err)
	}
	fake.err = errors.New("disk full")
	if err := m.SyncBeforeExit(ExitSyncLimit); err == nil || !strings.Contains(err.Error(), "disk full; what changed here goes with the next sync") {
		t.Errorf("a failed exit sync: %v", err)
	}
	hung := make(chan struct{})
	defer close(hung)
	m.sync.run = func(store.SyncWhen) (store.AutoSyncResult, error) {
		<-hung
		return store.AutoSyncResult{}, nil
	}
	err := m.SyncBeforeExit(0)
	if err == nil || !strings.Contains(err.Error(), `the sync with "/home/ana/Sync" did not finish within 0s and was left`) {
		t.Errorf("a hung exit sync: %v", err)
	}
	// Quit while the start-up run is still under way: only the settings
	// read at start name the folder.
	m.sync.plan, m.sync.read = syncPlan{}, syncPlan{dir: "/home/ana/Sync"}
	err = m.SyncBeforeExit(0)
	if err == nil || !strings.Contains(err.Error(), `the sync with "/home/ana/Sync" did not finish`) {
		t.Errorf("a hung exit sync before any run ended: %v", err)
	}
}

// What another computer wrote reaches the open app: its timed sync takes
// it in, and the status bar and tabs show it at once.
func TestAppShowsWhatASyncTookIn(t *testing.T) {
	folder := t.TempDir()
	laptop, desktop := tempStore(t), tempStore(t)
	for _, s := range []*store.Store{laptop, desktop} {
		if _, err := store.SyncDir(s, folder, func() (string, error) { return "our diary", nil }); err != nil {
			t.Fatal(err)
		}
	}
	m := newModel(t, desktop, 80, 24)
	m.d.Run(m.Init())
	if _, err := store.Pain.Append(laptop, diary.PainEntry{Stamp: diary.StampAt(fixedNow.Add(-time.Hour)), Pain: 6}); err != nil {
		t.Fatal(err)
	}
	if _, err := store.SyncDir(laptop, filepath.Clean(folder), nil); err != nil {
		t.Fatal(err)
	}
	var timer *tuitest.Timer
	for _, tt := range m.d.Timers() {
		if tt.Wait == 5*time.Minute && !tt.Fired {
			timer = tt
		}
	}
	if timer == nil {
		t.Fatal("no sync timer at the default interval")
	}
	m.d.Fire(timer)
	if !strings.Contains(m.View(), "pain 6 moderate") {
		t.Errorf("the entry from the other computer is not shown:\n%s", m.View())
	}
}

// A new sync.interval counts from when it is read; the timer of the old
// one is dropped.
func TestAppTakesANewSyncInterval(t *testing.T) {
	s := tempStore(t)
	change := func(texts map[string]string) {
		t.Helper()
		if err := s.Update(func(tx *store.Tx) error { return store.ChangeSettings(tx, texts) }); err != nil {
			t.Fatal(err)
		}
	}
	change(map[string]string{"sync.dir": "/home/ana/Sync", "sync.interval": "17m"})
	fake := &fakeSync{dir: "/home/ana/Sync"}
	m := rootSyncing(t, s, fake)
	old := m.syncTimers()
	change(map[string]string{"sync.interval": "45m"})
	m.d.Run(m.refresh(false))
	waiting := 0
	for _, timer := range m.d.Timers() {
		if timer.Wait == 45*time.Minute {
			waiting++
		}
	}
	if len(old) != 1 || len(fake.runs) != 1 || waiting != 1 {
		t.Fatalf("after the change: %d runs, %d timers for the new interval", len(fake.runs), waiting)
	}
	m.d.Fire(old[0])
	if len(fake.runs) != 1 {
		t.Error("the old interval's timer still synced")
	}
}
