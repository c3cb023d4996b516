package synclog

import (
	"errors"
	"fmt"

	"lumbar/store/oplog"
)

// A snapshot, DIR/lumbar/<replica>.snap, is what one replica held at one
// moment, so a new computer can start from it instead of replaying every
// log from its first frame:
//
//	lumbar-sync <version>\n
//	<length><the replica's key wrapped with the passphrase, as in its log's header>
//	<length><what the state covers, encrypted to that key: each log's name and the byte it was applied up to>
//	<length><the state, encrypted to that key: a JSON array of operations, the winner on every target>
//
// What it covers comes apart from the state so that a reader choosing
// among snapshots opens the small block only. The replica replaces its
// snapshot whole (written beside it, then renamed), so a reader finds one
// whole, or cut short when a sync tool has copied half of it: then the
// logs are read instead, as if there were no snapshot.

// Covered is how far a snapshot's state holds a log: it holds the outcome
// of every operation in the log named Log before byte At.
type Covered struct {
	Log string `json:"log"`
	At  int    `json:"at"`
}

// Errors of snapshots.
var (
	// ErrCutShort: a snapshot that ends before its last block, half-copied.
	ErrCutShort = errors.New("cut short")
	// ErrTooBig: a state bigger than a reader takes in one block.
	ErrTooBig = errors.New("the diary is too big for one snapshot")
)

// Snapshot is the bytes of a snapshot of state, which covers covers. The
// key is wrapped as in the replica's log header (Opened.Wrapped), so a
// snapshot costs no second scrypt to write and none to read where the
// log's key is known.
func Snapshot(wrapped []byte, k Key, covers []Covered, state []oplog.Op) ([]byte, error) {
	coverBlock, err := sealedBlock(k, covers)
	if err != nil {
		return nil, err
	}
	stateBlock, err := sealedBlock(k, state)
	if err != nil {
		return nil, err
	}
	if len(stateBlock)-4 > maxBlock { // a reader would take it for damage
		return nil, fmt.Errorf("%d bytes sealed: %w", len(stateBlock)-4, ErrTooBig)
	}
	return append(append(headerOf(wrapped), coverBlock...), stateBlock...), nil
}

// OpenedSnapshot is a snapshot whose covers are read; its state stays
// sealed until State is asked for.
type OpenedSnapshot struct {
	Covers []Covered
	state  []byte
	key    Key
}

// OpenSnapshot reads what the snapshot data covers, with the key of the
// replica that wrote it; h is its header (ReadHeader). A snapshot that
// ends early is ErrCutShort; one whose blocks do not open with k, that
// names something other than a log, or that goes on after its state is
// ErrDamaged.
func OpenSnapshot(data []byte, h Opened, k Key) (OpenedSnapshot, error) {
	sealedCovers, next, whole, err := block(data, h.Frames)
	if err != nil || !whole {
		return OpenedSnapshot{}, cmpErr(err, ErrCutShort)
	}
	sealedState, end, whole, err := block(data, next)
	switch {
	case err != nil || !whole:
		return OpenedSnapshot{}, cmpErr(err, ErrCutShort)
	case end != len(data):
		return OpenedSnapshot{}, fmt.Errorf("%d bytes after the state: %w", len(data)-end, ErrDamaged)
	}
	s := OpenedSnapshot{state: sealedState, key: k}
	if err := openSealed(sealedCovers, k, &s.Covers); err != nil {
		return OpenedSnapshot{}, fmt.Errorf("what it covers: %v: %w", err, ErrDamaged)
	}
	for _, c := range s.Covers {
		if logs := LogFiles([]string{c.Log}); len(logs) != 1 || c.At < 0 {
			return OpenedSnapshot{}, fmt.Errorf("it covers %q up to %d: %w", c.Log, c.At, ErrDamaged)
		}
	}
	return s, nil
}

func cmpErr(err, otherwise error) error {
	if err != nil {
		return err
	}
	return otherwise
}

// StateSize is the size of the sealed state: about what reading it costs.
func (s OpenedSnapshot) StateSize() int { return len(s.state) }

// State opens the snapshot's state: every operation in it, checked as a
// frame's are (ErrDamaged when one is malformed).
func (s OpenedSnapshot) State() ([]oplog.Op, error) {
	ops, err := openFrame(s.state, s.key)
	if err != nil {
		return nil, fmt.Errorf("its state: %v: %w", err, ErrDamaged)
	}
	return ops, nil
}

// SkipTo is where reading a log may begin when a snapshot's state holds
// it up to byte covered: the last frame boundary at or before covered,
// found by walking the frames' lengths from from (the log's Frames, where
// nothing of it is applied yet) without opening any. A log here shorter
// than covered (not wholly carried yet) is skipped up to its last whole
// frame. ok is false when a frame here straddles covered: this is not the
// log the snapshot's writer read, and nothing of it may be skipped.
func SkipTo(data []byte, from, covered int) (at int, ok bool) {
	if covered < from {
		return from, false
	}
	for at = from; at < covered; {
		_, next, whole, err := block(data, at)
		if err != nil || !whole {
			return at, true // read from here: damage is found, a torn frame finished, by the reader
		}
		if next > covered {
			return from, false
		}
		at = next
	}
	return at, true
}
