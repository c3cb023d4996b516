package store

import (
	"cmp"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"slices"

	"lumbar/store/oplog"
	"lumbar/store/synclog"
)

// startFromSnapshot serves a replica that has applied nothing yet of some
// logs in the folder (a new computer, above all): it applies the snapshot
// of another replica that spares it the most reading, and notes for each
// of those logs that reading begins where the snapshot's state stops
// covering it. A snapshot is used only when it spares more bytes of logs
// than it weighs itself. One cut short or damaged is passed over (the
// logs hold all it does); one from a newer lumbar, or made with another
// passphrase, is refused as a log would be.
func startFromSnapshot(s *Store, folder string, me replicaSetUp, res *SyncResult) error {
	names, err := namesIn(folder)
	if err != nil {
		return err
	}
	snaps := slices.DeleteFunc(synclog.SnapshotFiles(names), func(f synclog.LogFile) bool { return f.Replica == me.id })
	if len(snaps) == 0 {
		return nil
	}
	ring := keyring{passphrase: me.passphrase, keys: map[string]synclog.Key{}}
	unread, err := unreadLogs(s, folder, me.id, synclog.LogFiles(names), ring)
	if err != nil || len(unread) == 0 {
		return err
	}
	choices, err := snapshotChoices(folder, snaps, unread, ring)
	if err != nil {
		return err
	}
	for _, c := range choices {
		state, err := c.snap.State()
		if err != nil {
			continue // damaged: the next best, or the logs
		}
		return startFrom(s, c, state, unread, ring, res)
	}
	learned := keysLearned(unread, ring)
	if len(learned) == 0 {
		return nil
	}
	return s.Update(func(tx *Tx) error { return keepLogsRead(tx, learned) })
}

// keyring is the keys a sync run has unwrapped, by the wrapped key in a
// header: a snapshot's header wraps its key as its replica's log does, so
// the one scrypt opens both.
type keyring struct {
	passphrase string
	keys       map[string]synclog.Key
}

func (r keyring) open(wrapped []byte) (synclog.Key, error) {
	if k, ok := r.keys[string(wrapped)]; ok {
		return k, nil
	}
	k, err := synclog.Unwrap(wrapped, r.passphrase)
	if err == nil {
		r.keys[string(wrapped)] = k
	}
	return k, err
}

// know adds key, kept from an earlier run, as the one wrapped.
func (r keyring) know(wrapped []byte, key string) {
	if k, err := synclog.ParseKey(key); err == nil {
		r.keys[string(wrapped)] = k
	}
}

// unreadLog is a log of another replica of which this one has applied
// nothing yet.
type unreadLog struct {
	data    []byte
	h       synclog.Opened
	keyKept bool // the file keeps its key (unwrapped when the passphrase was checked)
}

// unreadLogs is the logs in the folder of which nothing is applied yet,
// and that hold something past their header, by name; the keys of the
// others go into ring. A log that cannot be read yet or at all is left
// to receiveLogs, which says why.
func unreadLogs(s *Store, folder, me string, logs []synclog.LogFile, ring keyring) (map[string]unreadLog, error) {
	read, err := Read(s, logsRead)
	if err != nil {
		return nil, err
	}
	unread := map[string]unreadLog{}
	for _, l := range logs {
		if l.Name == synclog.FileName(me) {
			continue
		}
		seen := read[l.Name]
		path := filepath.Join(folder, l.Name)
		if seen.Key != "" {
			h, err := readLogHeader(path)
			if err != nil {
				continue
			}
			ring.know(h.Wrapped, seen.Key)
			if seen.At > h.Frames {
				continue
			}
		}
		data, err := os.ReadFile(path)
		if err != nil {
			return nil, err
		}
		h, complete, err := synclog.ReadHeader(data)
		if err == nil && complete && len(data) > h.Frames { // a log of no frames has nothing to spare
			unread[l.Name] = unreadLog{data: data, h: h, keyKept: seen.Key != ""}
		}
	}
	return unread, nil
}

// snapshotChoice is a snapshot worth starting from: where it lets each
// unread log be read from, and how many bytes of logs that spares.
type snapshotChoice struct {
	name    string
	snap    synclog.OpenedSnapshot
	starts  map[string]int
	skipped int
}

// snapshotChoices is the snapshots that spare more reading than they
// weigh, the one sparing the most first.
func snapshotChoices(folder string, snaps []synclog.LogFile, unread map[string]unreadLog, ring keyring) ([]snapshotChoice, error) {
	var choices []snapshotChoice
	for _, f := range snaps {
		snap, err := openSnapshot(filepath.Join(folder, f.Name), ring)
		if err != nil {
			return nil, fmt.Errorf("sync snapshot %s: %w", f.Name, err)
		}
		if snap == nil {
			continue
		}
		c := snapshotChoice{name: f.Name, snap: *snap, starts: map[string]int{}}
		for _, cover := range snap.Covers {
			u, ok := unread[cover.Log]
			if !ok {
				continue
			}
			if at, ok := synclog.SkipTo(u.data, u.h.Frames, cover.At); ok && at > u.h.Frames {
				c.starts[cover.Log] = at
				c.skipped += at - u.h.Frames
			}
		}
		if c.skipped > snap.StateSize() {
			choices = append(choices, c)
		}
	}
	slices.SortFunc(choices, func(a, b snapshotChoice) int {
		return cmp.Or(cmp.Compare(b.skipped, a.skipped), cmp.Compare(a.name, b.name))
	})
	return choices, nil
}

// openSnapshot reads what the snapshot at path covers: nil when it is cut
// short or damaged; an error when it is from a newer lumbar or does not
// open with the passphrase.
func openSnapshot(path string, ring keyring) (*synclog.OpenedSnapshot, error) {
	data, err := os.ReadFile(path)
	if err != nil {
		return nil, err
	}
	h, complete, err := synclog.ReadHeader(data)
	if errors.Is(err, synclog.ErrNewerFormat) {
		return nil, err
	}
	if err != nil || !complete {
		return nil, nil
	}
	key, err := ring.open(h.Wrapped)
	if errors.Is(err, synclog.ErrWrongPassphrase) {
		return nil, err
	}
	if err != nil {
		return nil, nil
	}
	snap, err := synclog.OpenSnapshot(data, h, key)
	if err != nil {
		return nil, nil
	}
	return &snap, nil
}

// startFrom applies c's state and, in the same transaction, where each
// log it covers is to be read from, so a crash leaves neither without
// the other.
func startFrom(s *Store, c snapshotChoice, state []oplog.Op, unread map[string]unreadLog, ring keyring, res *SyncResult) error {
	starts := keysLearned(unread, ring)
	for name, at := range c.starts {
		key, err := ring.open(unread[name].h.Wrapped)
		if err != nil {
			return logError(name, err)
		}
		starts[name] = readLog{Key: key.String(), At: at}
	}
	var applied int
	err := s.Update(func(tx *Tx) (err error) {
		if applied, err = ApplyOps(tx, state); err != nil {
			return fmt.Errorf("sync snapshot %s: %w", c.name, err)
		}
		return keepLogsRead(tx, starts)
	})
	if err != nil {
		return err
	}
	res.Applied += applied
	res.StartedFrom, res.Skipped = c.name, c.skipped
	return nil
}

// keysLearned is, for each unread log whose key this run has unwrapped
// (opening a snapshot of its replica) and the file does not keep yet,
// that key and a position where its first frame begins: kept, they spare
// receiveLogs a second scrypt for it.
func keysLearned(unread map[string]unreadLog, ring keyring) map[string]readLog {
	learned := map[string]readLog{}
	for name, u := range unread {
		if k, ok := ring.keys[string(u.h.Wrapped)]; ok && !u.keyKept {
			learned[name] = readLog{Key: k.String()}
		}
	}
	return learned
}

func keepLogsRead(tx *Tx, positions map[string]readLog) error {
	for name, seen := range positions {
		if err := keepLogRead(tx, name, seen); err != nil {
			return err
		}
	}
	return nil
}
