package tui

import (
	"cmp"
	"errors"
	"fmt"
	"strconv"
	"time"

	tea "github.com/charmbracelet/bubbletea"

	"lumbar/store"
	"lumbar/store/diary"
	"lumbar/store/text"
)

// The app syncs with the sync.dir folder on its own, once the data file
// is a replica (lumbar sync set it up; the passphrase is kept in the
// file, so nothing is asked): at start, beside the first frame; every
// sync.interval after the last run ended; when the settings change; and
// as it closes (SyncBeforeExit, after the saves). A run is quiet when it
// works; changes it took in reach the tabs as any write does, through
// the revision. A failure is one line in the status bar until a key is
// pressed, then a short mark on the figures row until a run works.

// ExitSyncLimit bounds the sync as the app closes: a network folder that
// hangs holds the exit no longer than this, and what changed here goes
// with the next sync.
const ExitSyncLimit = 5 * time.Second

// syncRun makes one sync run (store.AutoSync); tests give the root their own.
type syncRun func(store.SyncWhen) (store.AutoSyncResult, error)

// syncPlan is what the sync settings say: where, and how often.
type syncPlan struct {
	dir      string // "": off
	interval time.Duration
}

func planOf(set diary.Settings) syncPlan { return syncPlan{set.SyncDir, set.SyncInterval} }

// autoSync is the root's state of its syncs.
type autoSync struct {
	run  syncRun
	plan syncPlan // as the last run, or a change of the settings since, said
	// read is the settings as the last refresh read them, to tell a
	// change; set once readOnce.
	read     syncPlan
	readOnce bool
	running  bool
	again    bool // the settings changed while a run was under way
	gen      int  // the generation of the live timer: ticks of older ones are dropped
	// failure is why the last run failed (nil once one works); shown in
	// the status bar until a key is pressed (acknowledged).
	failure      error
	acknowledged bool
	hinted       bool // the hint that sync is not set up was shown (once a run)
}

// syncDueMsg says sync.interval has passed since the last run. (Not a
// "tick": tuitest's driver leaves commands named so to real timers.)
type syncDueMsg struct{ gen int }

// syncDoneMsg carries a run's outcome.
type syncDoneMsg struct {
	res store.AutoSyncResult
	err error
}

// startSync runs a sync in the background, unless one is under way.
func (m *Model) startSync() tea.Cmd {
	if m.sync.running {
		m.sync.again = true
		return nil
	}
	m.sync.running = true
	run := m.sync.run
	return func() tea.Msg {
		res, err := runSafely(run, store.SyncAlways)
		return syncDoneMsg{res, err}
	}
}

// runSafely is run, with a panic in it (a bug) as its error: a sync
// runs unasked, and must not take the app down.
func runSafely(run syncRun, when store.SyncWhen) (res store.AutoSyncResult, err error) {
	defer func() {
		if r := recover(); r != nil {
			err = fmt.Errorf("the sync stopped on an internal error: %v", r)
		}
	}()
	return run(when)
}

func (m *Model) handleSyncDone(msg syncDoneMsg) tea.Cmd {
	s := &m.sync
	s.running = false
	s.plan = syncPlan{msg.res.Dir, msg.res.Interval}
	var cmds []tea.Cmd
	switch err := msg.err; {
	case err == nil:
		s.failure = nil
		if msg.res.Applied > 0 {
			cmds = append(cmds, m.refresh(false)) // what other computers wrote shows now
		}
	case errors.Is(err, store.ErrSyncOff):
		s.failure = nil // and no timer (armSync): setting a folder starts syncing
	case errors.Is(err, store.ErrNotReplica):
		if !s.hinted {
			s.hinted = true
			s.fail(errors.New(msg.res.Say(err)))
		}
	default:
		if say := msg.res.Say(err); say != "" {
			s.fail(errors.New(say))
		}
	}
	if s.again {
		s.again = false
		return tea.Batch(append(cmds, m.startSync())...)
	}
	return tea.Batch(append(cmds, m.armSync())...)
}

// fail shows err, unless it is the failure already shown (a folder that
// stays away fails the same way every interval: once is enough).
func (s *autoSync) fail(err error) {
	if s.failure != nil && s.failure.Error() == err.Error() {
		return
	}
	s.failure, s.acknowledged = err, false
}

// armSync starts the timer for the next run, dropping the one before.
func (m *Model) armSync() tea.Cmd {
	m.sync.gen++
	if m.sync.plan.dir == "" || m.sync.plan.interval <= 0 {
		return nil
	}
	gen := m.sync.gen
	return m.common.After(m.sync.plan.interval, func(time.Time) tea.Msg { return syncDueMsg{gen} })
}

func (m *Model) handleSyncDue(msg syncDueMsg) tea.Cmd {
	if msg.gen != m.sync.gen {
		return nil // a timer the settings or a run replaced
	}
	return m.startSync()
}

// syncSettingsRead takes the sync settings a refresh read: a folder set
// or changed syncs now, an interval changed counts from now, and off
// stops the timer.
func (m *Model) syncSettingsRead(p syncPlan) tea.Cmd {
	s := &m.sync
	if !s.readOnce {
		s.read, s.readOnce = p, true // the first read: the start's run is under way
		return nil
	}
	if p == s.read {
		return nil
	}
	folderChanged := p.dir != s.read.dir
	s.read, s.plan = p, p
	if s.running {
		s.again = s.again || folderChanged && p.dir != ""
		return nil // the run arms the timer for the new interval as it ends
	}
	if folderChanged && p.dir != "" {
		s.gen++ // the run re-arms the timer when it ends
		s.hinted = false
		return m.startSync()
	}
	return m.armSync()
}

// syncProblem is the failure to show in the status bar, until a key is
// pressed.
func (m *Model) syncProblem() error {
	if m.sync.acknowledged {
		return nil
	}
	return m.sync.failure
}

// syncMark is the figures row's reminder of a failure already read.
func (m *Model) syncMark() string {
	if m.sync.failure == nil || !m.sync.acknowledged {
		return ""
	}
	return m.common.Styles.StatusBar.Render(" · sync failed")
}

// SyncBeforeExit sends what this computer changed since the last sync,
// as the app ends, after the tabs' saves: when sync.dir is set, the file
// is a replica and something is waiting to go. It waits at most limit
// (ExitSyncLimit) and then leaves the run (the process is ending; a log
// frame cut short is finished by the next run, and the changes stay in
// the outbox until then). It answers what went wrong, for the runner to
// say once the terminal is back; nil when nothing did or nothing ran.
func (m *Model) SyncBeforeExit(limit time.Duration) error {
	done := make(chan error, 1)
	// The folder as the last run said it, else as the settings were read:
	// a start-up run still under way has said nothing yet.
	run, dir := m.sync.run, cmp.Or(m.sync.plan.dir, m.sync.read.dir)
	go func() {
		_, err := runSafely(run, store.SyncIfPending)
		done <- err
	}()
	timer := time.NewTimer(limit)
	defer timer.Stop()
	select {
	case err := <-done:
		if err == nil || errors.Is(err, store.ErrSyncOff) || errors.Is(err, store.ErrNotReplica) {
			return nil
		}
		return fmt.Errorf("the sync as lumbar closed failed: %w; what changed here goes with the next sync", err)
	case <-timer.C:
		return fmt.Errorf("the sync with %s did not finish within %s and was left; what changed here goes with the next sync",
			quoted(dir), limit)
	}
}

// quoted is a folder's path as messages show it.
func quoted(dir string) string { return strconv.Quote(text.Printable(dir)) }
