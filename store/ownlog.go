package store

import (
	"bytes"
	"crypto/sha256"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"

	"lumbar/store/oplog"
	"lumbar/store/synclog"

	bolt "go.etcd.io/bbolt"
)

// This replica's own log, DIR/lumbar/<replica>.log, is written by this
// data file alone. The file notes how much of the log it wrote (keySent)
// and a digest of those bytes (keyLogSum), so a run can tell when the log
// holds what this file did not write: a second data file with the same
// replica ID and key, a copy of this one on another computer, appending
// to the same log, which its sync tool then merges into this one's or puts
// in its place. Neither file would ever take in the other's operations (a
// replica does not read its own log), so such a run is refused, before
// anything is written, with the fix: NewIdentity.
//
// Frames past what the file noted are its own only when they hold exactly
// the operations at the head of its outbox: a run cut short between
// appending a frame and noting it. The next run notes them instead of
// sending the same operations again.
//
// What the file notes is about the log of the folder it last sent to,
// told by its header (a random salt makes each log's unique). A run with
// another folder, where the log is missing or another, takes that log up
// (takeOwnLog) and sends everything the file holds again: what went to
// the other folder reaches the readers of this one too.

var (
	keyLogSum    = []byte("log_sum")    // in sync: SHA-256 of this replica's log up to keySent
	keyLogHeader = []byte("log_header") // in sync: SHA-256 of that log's header, which no other log shares
)

// ErrSharedIdentity is the refusal of a sync run whose log another data
// file writes to as well. Match it with errors.Is.
var ErrSharedIdentity = errors.New("this data file's sync identity is also used by another computer (the data file was probably copied, or put back from a backup)")

// SharedIdentityError tells what the run found and the fix.
type SharedIdentityError struct {
	Log    string // the log's file name
	Finds  string // what was found in it, e.g. "holds changes this computer did not write"
	Folder string // DIR, as the sync run was given it
}

func (e *SharedIdentityError) Error() string {
	return fmt.Sprintf("%v: its sync log %s %s; run lumbar sync %q --new-identity on this computer to give it its own (nothing written on either computer is lost)",
		ErrSharedIdentity, e.Log, e.Finds, e.Folder)
}

func (e *SharedIdentityError) Unwrap() error { return ErrSharedIdentity }

// ownLog is this replica's log, read whole, open to append to. One sync
// run of a data file at a time (lockSync) opens it.
type ownLog struct {
	file *os.File
	data []byte
}

func openOwnLog(folder, replica string) (*ownLog, error) {
	f, err := os.OpenFile(filepath.Join(folder, synclog.FileName(replica)), os.O_RDWR|os.O_CREATE, 0o600)
	if err != nil {
		return nil, err
	}
	data, err := io.ReadAll(f)
	if err != nil {
		f.Close()
		return nil, err
	}
	return &ownLog{file: f, data: data}, nil
}

func (l *ownLog) close() error { return l.file.Close() }

// writeAt writes b at offset at, cutting off what followed, and syncs it
// to disk.
func (l *ownLog) writeAt(at int, b []byte) error {
	if err := l.file.Truncate(int64(at)); err != nil {
		return err
	}
	if _, err := l.file.WriteAt(b, int64(at)); err != nil {
		return err
	}
	l.data = append(l.data[:at:at], b...)
	return l.file.Sync()
}

// sendState is what the data file knows of its own log, and what it has
// to send.
type sendState struct {
	replica string
	sent    int    // the bytes of its log this file wrote
	sum     []byte // their SHA-256; nil when not noted (a log started by an earlier lumbar)
	header  []byte // the SHA-256 of that log's header; nil when not noted
	ops     []oplog.Op
	last    uint64 // the outbox sequence number of the last of ops
}

func readSendState(tx *Tx) (st sendState, err error) {
	b, err := tx.syncBucket()
	if err != nil {
		return st, err
	}
	st.replica = string(b.Get(keyReplica))
	st.sent = int(readUint(b, keySent))
	st.sum = bytes.Clone(b.Get(keyLogSum))
	st.header = bytes.Clone(b.Get(keyLogHeader))
	st.ops, st.last, err = outboxUpTo(tx)
	return st, err
}

// describes tells whether st is about data, this replica's log in the
// folder of a run: not when the log is missing there or was started by
// another than the one st was noted for (a file synced with another
// folder since).
func (st sendState) describes(data []byte) bool {
	if len(data) == 0 {
		return st.sent == 0
	}
	hash := headerHash(data)
	return hash == nil || st.header == nil || bytes.Equal(hash, st.header)
}

// headerHash is the SHA-256 of the header data starts with; nil when it
// has no whole one.
func headerHash(data []byte) []byte {
	h, complete, err := synclog.ReadHeader(data)
	if err != nil || !complete {
		return nil
	}
	return sha256Of(data[:h.Frames])
}

// takeOwnLog makes data, this replica's log in another folder than the
// one it last synced with (or none yet), the one it sends to: what the
// other folder received goes again (recordHeld), and what data holds
// already counts as written, read as far as whole frames go.
func takeOwnLog(tx *Tx, data []byte) error {
	if err := recordHeld(tx); err != nil {
		return err
	}
	if err := forgetSent(tx); err != nil {
		return err
	}
	h, complete, err := synclog.ReadHeader(data)
	if err != nil || !complete {
		return nil
	}
	e, err := synclog.Measure(data, h.Frames)
	if err != nil {
		return nil // the check that follows says what is wrong
	}
	return noteWritten(tx.btx.Bucket(bucketSync), data[:e.End])
}

// noteWritten notes written as what this replica wrote to its log.
func noteWritten(b *bolt.Bucket, written []byte) error {
	return errors.Join(writeUint(b, keySent, uint64(len(written))),
		b.Put(keyLogSum, sha256Of(written)), b.Put(keyLogHeader, headerHash(written)))
}

// noteSent notes that the file wrote its log as far as written, and
// takes the operations up to last out of the outbox.
func noteSent(tx *Tx, written []byte, last uint64) error {
	b, err := tx.syncBucket()
	if err != nil {
		return err
	}
	if err := noteWritten(b, written); err != nil {
		return err
	}
	return dropOutbox(b, last)
}

// forgetSent is the state of a replica whose log is not written yet,
// nor any snapshot of it.
func forgetSent(tx *Tx) error {
	b, err := tx.syncBucket()
	if err != nil {
		return err
	}
	return errors.Join(b.Delete(keySent), b.Delete(keyLogSum), b.Delete(keyLogHeader), b.Delete(keySnapshot))
}

// ownLogCheck is what a run finds in its own log: where its whole frames
// end (0: the log has no whole header, one is to be written), and how
// many operations at the head of the outbox frames past what the file
// noted already hold.
type ownLogCheck struct {
	end     int
	adopted int
}

// checkOwnLog reads data, this replica's log in the folder dir/lumbar,
// against st: a *SharedIdentityError when it holds what this file did not
// write.
func checkOwnLog(data []byte, dir string, key synclog.Key, st sendState) (ownLogCheck, error) {
	name := synclog.FileName(st.replica)
	shared := func(finds string) (ownLogCheck, error) {
		return ownLogCheck{}, &SharedIdentityError{Log: name, Finds: finds, Folder: dir}
	}
	if len(data) < st.sent {
		return shared("is shorter than what this computer wrote to it")
	}
	if st.sum != nil && !bytes.Equal(sha256Of(data[:st.sent]), st.sum) {
		return shared("holds changes this computer did not write")
	}
	h, complete, err := synclog.ReadHeader(data)
	if err != nil {
		return ownLogCheck{}, logError(name, err)
	}
	if !complete { // a header torn by a run cut short, before anything was noted
		return ownLogCheck{}, nil
	}
	frames, end, err := synclog.ReadFrames(data, max(st.sent, h.Frames), key)
	if err != nil {
		return shared("holds a frame this computer did not write")
	}
	found := ownLogCheck{end: end}
	for _, ops := range frames {
		if !sameOps(ops, st.ops[found.adopted:]) {
			return shared("holds changes this computer did not write")
		}
		found.adopted += len(ops)
	}
	return found, nil
}

func sha256Of(b []byte) []byte { sum := sha256.Sum256(b); return sum[:] }

// sameOps tells whether frame is the start of outbox, operation by
// operation, as the log keeps them.
func sameOps(frame, outbox []oplog.Op) bool {
	if len(frame) > len(outbox) {
		return false
	}
	for i := range frame {
		a, errA := json.Marshal(frame[i])
		b, errB := json.Marshal(outbox[i])
		if errA != nil || errB != nil || !bytes.Equal(a, b) {
			return false
		}
	}
	return true
}

// maxFrameOps bounds the operations in one frame. A run sends its outbox
// in frames of at most this many, so the first sync of a diary of many
// years (its whole diary goes out) writes frames of a few megabytes,
// each far below what a reader accepts (synclog's bound on a block), and
// a reader never holds more than one such frame decrypted at once.
var maxFrameOps = 10_000

// sendOutbox appends the outbox to this replica's log, in frames of at
// most maxFrameOps operations, and empties it. The frames are on disk
// before the outbox is emptied; a run cut short in between leaves frames
// the next run finds and notes (checkOwnLog), a torn one it cuts off and
// writes again.
func sendOutbox(s *Store, folder string, me replicaSetUp) (sent int, err error) {
	log, err := openOwnLog(folder, me.id)
	if err != nil {
		return 0, err
	}
	defer func() { err = errors.Join(err, log.close()) }()
	st, err := Read(s, readSendState)
	if err != nil {
		return 0, err
	}
	if !st.describes(log.data) {
		if err := s.Update(func(tx *Tx) error { return takeOwnLog(tx, log.data) }); err != nil {
			return 0, err
		}
		if st, err = Read(s, readSendState); err != nil {
			return 0, err
		}
	}
	found, err := checkOwnLog(log.data, filepath.Dir(folder), me.key, st)
	if err != nil {
		return 0, err
	}
	end := found.end
	if end == 0 {
		header, err := synclog.Header(me.key, me.passphrase)
		if err != nil {
			return 0, err
		}
		if err := log.writeAt(0, header); err != nil {
			return 0, err
		}
		end = len(header)
	}
	for rest := st.ops[found.adopted:]; len(rest) > 0; {
		n := min(len(rest), maxFrameOps)
		frame, err := synclog.Frame(me.key, rest[:n])
		if err != nil {
			return 0, err
		}
		if err := log.writeAt(end, frame); err != nil {
			return 0, err
		}
		end += len(frame)
		rest = rest[n:]
	}
	if end == st.sent {
		return 0, nil
	}
	return len(st.ops), s.Update(func(tx *Tx) error { return noteSent(tx, log.data[:end], st.last) })
}

// ErrNotReplica: a data file never synced has no sync identity to change.
var ErrNotReplica = errors.New("this data file is not set up for sync yet: run lumbar sync DIR first")

// NewIdentity is the fix for a data file copied to a second computer:
// this file gets a new replica ID and log key, and everything it holds
// goes to its new log (recordHeld), so nothing written on either computer
// is lost. Its old log becomes another computer's: read from its start
// with the key this file had, so the operations the other computer wrote
// there are taken in. The other computer carries on with the old ID. It
// returns the old ID and the new one.
func NewIdentity(s *Store) (old, replica string, err error) {
	key, err := synclog.NewKey()
	if err != nil {
		return "", "", err
	}
	release, err := s.lockSync() // not while a sync run sends under the old ID
	if err != nil {
		return "", "", err
	}
	defer release()
	err = s.Update(func(tx *Tx) error {
		me, err := readSetUp(tx)
		if err != nil {
			return err
		}
		if me.id == "" {
			return ErrNotReplica
		}
		old = me.id
		if replica, err = takeReplicaID(tx); err != nil {
			return err
		}
		if err := forgetSent(tx); err != nil {
			return err
		}
		if err := tx.btx.Bucket(bucketSync).Put(keyLogKey, []byte(key.String())); err != nil {
			return err
		}
		return keepLogRead(tx, synclog.FileName(old), readLog{Key: me.key.String()})
	})
	return old, replica, err
}
