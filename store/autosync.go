package store

import (
	"errors"
	"fmt"
	"time"

	"lumbar/store/diary"
)

// Syncs nobody typed: the app (on start, every sync.interval, as it
// closes) and lumbar remind sync with the folder the sync.dir setting
// names, once the file is a replica. They never set one up: that needs
// the passphrase, which only lumbar sync asks for.

// ErrSyncOff: sync.dir is off, so nothing syncs unasked.
var ErrSyncOff = errors.New("sync.dir is off")

// AutoSyncResult is what an unasked sync found and did.
type AutoSyncResult struct {
	Dir      string        // the sync.dir setting ("": off)
	Interval time.Duration // the sync.interval setting
	SyncResult
	Ran bool // a sync run was made (not when there was nothing to send and SyncIfPending)
}

// SyncWhen says when AutoSync runs.
type SyncWhen int

const (
	// SyncAlways sends and takes in.
	SyncAlways SyncWhen = iota
	// SyncIfPending runs only when this computer holds changes not sent
	// yet: as the app closes, taking in what others wrote can wait for
	// the next start, while a change made here should leave now.
	SyncIfPending
)

// AutoSync runs a sync with the sync.dir setting's folder, if it is set
// (else ErrSyncOff) and the file is a replica (else ErrNotReplica). The
// result tells the settings even when the run failed, so the caller
// knows when to try again.
func AutoSync(s *Store, when SyncWhen) (AutoSyncResult, error) {
	var res AutoSyncResult
	var replica string
	var pending bool
	err := s.View(func(tx *Tx) error {
		set, err := LoadSettings(tx)
		if err != nil {
			return err
		}
		res.Dir, res.Interval = set.SyncDir, set.SyncInterval
		if replica, err = ReplicaID(tx); err != nil {
			return err
		}
		k, _ := tx.btx.Bucket(bucketSync).Bucket(bucketOutbox).Cursor().First()
		pending = k != nil
		return nil
	})
	switch {
	case err != nil:
		return res, err
	case res.Dir == "":
		return res, ErrSyncOff
	case replica == "":
		return res, ErrNotReplica
	case when == SyncIfPending && !pending:
		return res, nil
	}
	res.Ran = true
	res.SyncResult, err = SyncDir(s, res.Dir, func() (string, error) { return "", ErrNotReplica })
	return res, err
}

// Say is what a person is told of an unasked sync's outcome, in one
// line; "" when there is nothing to tell (it worked, sync is off, or
// another run was under way).
func (r AutoSyncResult) Say(err error) string {
	switch {
	case err == nil, errors.Is(err, ErrSyncOff), errors.Is(err, ErrSyncRunning):
		return ""
	case errors.Is(err, ErrNotReplica):
		return "sync.dir is set, but this diary is not set up to sync yet: run lumbar sync once in a shell (it asks for the passphrase)"
	case r.Interval == 0: // the settings could not be read
		return "sync failed: " + err.Error()
	}
	return fmt.Sprintf("sync failed: %v (trying again in %s)", err, diary.FormatInterval(r.Interval))
}
