package store

import (
	"bytes"
	"cmp"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"slices"

	"lumbar/store/oplog"
	"lumbar/store/synclog"
)

// Compaction. A replica writes a snapshot of what it holds beside its
// log, DIR/lumbar/<replica>.snap (synclog's snapshot format): the winner
// on every target its sync stamps name (records, settings, tombstones;
// local state has no stamp, so never), and, for every log, how far what
// it holds covers it. A computer that has read nothing of some logs yet
// (a new one, above all) applies the snapshot that spares it the most
// reading and reads those logs from where the snapshot stopped. Applying
// is last-writer-wins, as for frames, so a snapshot older or newer than
// what a replica holds changes nothing it should not.

var keySnapshot = []byte("snapshot") // in sync: the last snapshot this replica wrote (snapshotWritten, JSON)

// SnapshotAfter is how far this replica's own log must grow (in bytes)
// after its last snapshot before it writes the next one; it must grow by
// the size of that snapshot as well, so the snapshots a replica writes
// add at most as much to the folder (and to a git repository's history)
// as its log does. 256 KiB is a few weeks of a day's ordinary use (about
// 2 KB a sync run): a new computer replays no more than that of each log.
// Tests lower it.
var SnapshotAfter = 256 << 10

// snapshotWritten is this replica's last snapshot: where its own log
// ended then, and how big the snapshot was.
type snapshotWritten struct {
	Log  int `json:"log"`
	Size int `json:"size"`
}

// errStateDiffers: a record or setting here is not what its sync stamp
// says the winning operation wrote (a damaged record, or one a newer
// lumbar wrote with fields this one drops). A snapshot of it would spread
// something no log says, so none is written; the logs still hold it all.
var errStateDiffers = errors.New("differs from its last synced change (lumbar check tells of damaged records)")

// snapshotIfDue writes this replica's snapshot when its own log has grown
// enough since the last one (SnapshotAfter), and says so in res.
func snapshotIfDue(s *Store, folder string, me replicaSetUp, res *SyncResult) error {
	var state []oplog.Op
	var covers []synclog.Covered
	var sent int
	err := s.View(func(tx *Tx) (err error) {
		b := tx.btx.Bucket(bucketSync)
		sent = int(readUint(b, keySent))
		last, err := lastSnapshot(tx)
		if err != nil || sent-last.Log < max(SnapshotAfter, last.Size) {
			return err
		}
		if state, err = heldState(tx); err != nil {
			return err
		}
		covers, err = heldCovers(tx, me.id, sent)
		return err
	})
	if errors.Is(err, errStateDiffers) {
		res.NoSnapshot = err.Error()
		return keepSnapshotWritten(s, sent, 0) // try again once the log has grown as much again
	}
	if err != nil || state == nil {
		return err
	}
	snap, err := sealSnapshot(folder, me, covers, state)
	if errors.Is(err, synclog.ErrTooBig) {
		res.NoSnapshot = err.Error()
		return keepSnapshotWritten(s, sent, 0)
	}
	if err != nil {
		return err
	}
	if err := replaceFile(folder, synclog.SnapshotTemporary(me.id), synclog.SnapshotName(me.id), snap); err != nil {
		return err
	}
	res.Snapshot = len(snap)
	return keepSnapshotWritten(s, sent, len(snap))
}

func lastSnapshot(tx *Tx) (snapshotWritten, error) {
	var last snapshotWritten
	if raw := tx.btx.Bucket(bucketSync).Get(keySnapshot); raw != nil {
		if err := json.Unmarshal(raw, &last); err != nil {
			return last, fmt.Errorf("this replica's last snapshot: %w", err)
		}
	}
	return last, nil
}

func keepSnapshotWritten(s *Store, log, size int) error {
	raw, err := json.Marshal(snapshotWritten{Log: log, Size: size})
	if err != nil {
		return err
	}
	return s.Update(func(tx *Tx) error { return tx.btx.Bucket(bucketSync).Put(keySnapshot, raw) })
}

// heldState is the winning operation on every target the sync stamps
// name, made again from the stamp and what the file holds.
func heldState(tx *Tx) ([]oplog.Op, error) {
	var state []oplog.Op
	err := eachStamp(tx.btx.Bucket(bucketSync), func(t oplog.Target, m oplog.Mark) error {
		op, err := heldOp(tx, t, m)
		state = append(state, op)
		return err
	})
	return state, err
}

// heldOp is the operation whose mark is m, on t, as the file holds it:
// errStateDiffers when the file holds something else.
func heldOp(tx *Tx, t oplog.Target, m oplog.Mark) (oplog.Op, error) {
	op := oplog.Op{Stamp: m.Stamp, Kind: m.Kind}
	var held []byte
	if m.Kind == oplog.Set {
		op.Setting = t.Name
		held = settingBytes(tx, t.Name)
	} else {
		op.Bucket, op.ID = t.Bucket, t.Name
		var err error
		if held, err = heldRecord(tx, t); err != nil {
			return op, err
		}
	}
	if m.Kind != oplog.Delete {
		op.Value = json.RawMessage(bytes.Clone(held))
	}
	if op.Mark() != m || (m.Kind == oplog.Delete && held != nil) {
		return op, fmt.Errorf("%s %s %w", cmp.Or(t.Bucket, "setting"), t.Name, errStateDiffers)
	}
	return op, nil
}

func heldRecord(tx *Tx, t oplog.Target) ([]byte, error) {
	kind := kindOf(Bucket(t.Bucket))
	if kind == nil {
		return nil, fmt.Errorf("sync stamps: %q is no kind of record", t.Bucket)
	}
	k, err := ParseID(t.Name)
	if err != nil {
		return nil, fmt.Errorf("sync stamps: %w", err)
	}
	bk, err := tx.bucket(kind.Bucket())
	if err != nil {
		return nil, err
	}
	return bk.Get(k[:]), nil
}

// heldCovers is how far what the file holds covers each log: this
// replica's own up to sent, each other one as far as it was applied.
func heldCovers(tx *Tx, me string, sent int) ([]synclog.Covered, error) {
	seen, err := logsRead(tx)
	if err != nil {
		return nil, err
	}
	covers := []synclog.Covered{{Log: synclog.FileName(me), At: sent}}
	for name, l := range seen {
		covers = append(covers, synclog.Covered{Log: name, At: l.At})
	}
	slices.SortFunc(covers, func(a, b synclog.Covered) int { return cmp.Compare(a.Log, b.Log) })
	return covers, nil
}

// sealSnapshot is the snapshot of state, with this replica's key wrapped
// as its log's header has it (no scrypt to pay again).
func sealSnapshot(folder string, me replicaSetUp, covers []synclog.Covered, state []oplog.Op) ([]byte, error) {
	own := synclog.FileName(me.id)
	h, err := readLogHeader(filepath.Join(folder, own))
	if err != nil {
		return nil, logError(own, err)
	}
	return synclog.Snapshot(h.Wrapped, me.key, covers, state)
}

// readLogHeader reads the header of the log at path, and no more of it.
func readLogHeader(path string) (synclog.Opened, error) {
	start, err := logStart(path)
	if err != nil {
		return synclog.Opened{}, err
	}
	h, complete, err := synclog.ReadHeader(start)
	if err == nil && !complete {
		err = errors.New("its header is cut short")
	}
	return h, err
}

// logStart is the first headerRoom bytes of the file at path: its
// header whole, without reading a long log's frames.
func logStart(path string) ([]byte, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	return io.ReadAll(io.LimitReader(f, headerRoom))
}

// headerRoom is more than a log's header takes (about 400 bytes: the
// format line and an age-wrapped key).
const headerRoom = 16 << 10

// replaceFile puts data under name in dir whole: written under tmp beside
// it and synced to disk, then renamed over it, so neither a reader nor a
// sync tool ever finds half of it under name.
func replaceFile(dir, tmp, name string, data []byte) error {
	tmpPath := filepath.Join(dir, tmp)
	f, err := os.OpenFile(tmpPath, os.O_WRONLY|os.O_CREATE|os.O_TRUNC, 0o600)
	if err != nil {
		return err
	}
	_, err = f.Write(data)
	if err == nil {
		err = f.Sync()
	}
	if cerr := f.Close(); err == nil {
		err = cerr
	}
	if err == nil {
		err = os.Rename(tmpPath, filepath.Join(dir, name))
	}
	if err != nil {
		os.Remove(tmpPath)
		return err
	}
	return syncDir(dir)
}
