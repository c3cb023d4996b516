package store

import (
	"encoding/json"
	"errors"
	"fmt"
	"os"
	"strings"
	"syscall"
	"time"
)

// Small files beside the data file say who is at work on it. They are not
// kept in the data file: a write there bumps the revision (every open app
// would reload) and replaces what `lumbar undo` takes back.
const (
	// appOpenSuffix names the app's heartbeat: while it is fresh,
	// lumbar remind stays quiet, since the app shows its own banner.
	appOpenSuffix = ".app-open"
	// remindLockSuffix names the file lumbar remind holds locked while it
	// runs, so that a second one on the same data file can tell.
	remindLockSuffix = ".remind-lock"
	// syncLockSuffix names the file a sync run holds locked: two runs at
	// once (the app's and a lumbar sync typed meanwhile) would both
	// append the same outbox to this replica's log.
	syncLockSuffix = ".sync-lock"
)

// syncLockWait is how long a sync run waits for another to finish before
// it gives up with ErrSyncRunning (a variable for tests).
var syncLockWait = 5 * time.Second

// ErrSyncRunning says another sync of the data file is running.
var ErrSyncRunning = errors.New("another sync of this diary is running (the app and lumbar remind sync on their own); try again in a moment")

// lockSync takes the lock one sync run per data file holds, waiting
// syncLockWait for a run under way; release gives it back. The operating
// system drops it when the process ends, however it ends.
func (s *Store) lockSync() (release func(), err error) {
	f, err := os.OpenFile(s.path+syncLockSuffix, os.O_CREATE|os.O_RDWR, 0o600)
	if err != nil {
		return nil, fmt.Errorf("cannot make the sync lock beside %s: %w", s.path, err)
	}
	if err := lockWithin(f, syscall.LOCK_EX, syncLockWait); err != nil {
		f.Close()
		if errors.Is(err, ErrBusy) {
			return nil, ErrSyncRunning
		}
		return nil, fmt.Errorf("cannot lock %s: %w", f.Name(), err)
	}
	return func() { f.Close() }, nil
}

// AppHeartbeat is how long one heartbeat of the app holds: the app renews
// it at least every minute, and a killed app silences lumbar remind for
// no longer than this.
const AppHeartbeat = 3 * time.Minute

// MarkAppOpen records that the app is open on this data file, until
// AppHeartbeat after now.
func (s *Store) MarkAppOpen(now time.Time) error {
	until := now.Add(AppHeartbeat).UTC().Format(time.RFC3339Nano)
	return os.WriteFile(s.path+appOpenSuffix, []byte(until+"\n"), 0o600)
}

// MarkAppClosed withdraws the heartbeat, as the app quits.
func (s *Store) MarkAppClosed() error {
	err := os.Remove(s.path + appOpenSuffix)
	if errors.Is(err, os.ErrNotExist) {
		return nil
	}
	return err
}

// AppOpen tells whether the app's heartbeat is fresh at now. One that
// reaches further ahead than a heartbeat can (the clock went back since)
// is trusted only for AppHeartbeat from now.
func (s *Store) AppOpen(now time.Time) bool {
	raw, err := os.ReadFile(s.path + appOpenSuffix)
	if err != nil {
		return false
	}
	until, err := time.Parse(time.RFC3339Nano, strings.TrimSpace(string(raw)))
	if err != nil {
		return false
	}
	return until.After(now) && until.Sub(now) <= AppHeartbeat
}

// ErrRemindRunning says another lumbar remind runs on the data file.
var ErrRemindRunning = errors.New("lumbar remind is already running on this data file")

// LockReminders takes the lock only one lumbar remind per data file may
// hold; release gives it back. The operating system drops it when the
// process ends, however it ends, so a killed one never blocks the next.
func (s *Store) LockReminders() (release func(), err error) {
	f, err := os.OpenFile(s.path+remindLockSuffix, os.O_CREATE|os.O_RDWR, 0o600)
	if err != nil {
		return nil, fmt.Errorf("cannot make the reminder lock beside %s: %w", s.path, err)
	}
	if err := syscall.Flock(int(f.Fd()), syscall.LOCK_EX|syscall.LOCK_NB); err != nil {
		f.Close()
		if errors.Is(err, syscall.EWOULDBLOCK) {
			return nil, ErrRemindRunning
		}
		return nil, fmt.Errorf("cannot lock %s: %w", f.Name(), err)
	}
	return func() { f.Close() }, nil
}

// deliveredSuffix names where lumbar remind keeps the due time of each
// reminder it has announced, so that a restart, or each run of
// lumbar remind --once from cron, does not announce it again.
const deliveredSuffix = ".remind-sent"

// Delivered is the due time of each reminder lumbar remind last
// announced; empty when it never has (or the file cannot be read: an
// announcement repeated is better than one lost).
func (s *Store) Delivered() map[string]time.Time {
	sent := map[string]time.Time{}
	raw, err := os.ReadFile(s.path + deliveredSuffix)
	if err == nil {
		_ = json.Unmarshal(raw, &sent)
	}
	return sent
}

// SetDelivered keeps sent as the reminders announced, replacing the file
// whole (a rename), so a reader never sees half of it.
func (s *Store) SetDelivered(sent map[string]time.Time) error {
	raw, err := json.Marshal(sent)
	if err != nil {
		return err
	}
	tmp := s.path + deliveredSuffix + ".new"
	if err := os.WriteFile(tmp, raw, 0o600); err != nil {
		return err
	}
	return os.Rename(tmp, s.path+deliveredSuffix)
}
