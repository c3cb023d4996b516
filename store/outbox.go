package store

import (
	"bytes"
	"crypto/rand"
	"encoding/binary"
	"encoding/json"
	"errors"
	"fmt"
	"math"
	"time"

	"lumbar/store/diary"
	"lumbar/store/oplog"

	bolt "go.etcd.io/bbolt"
)

// The outbox: every synced write (a record put or deleted through
// putItem or deleteItem, a setting changed through ChangeSettings) is
// recorded as an operation (package oplog) in the same transaction as
// the write, so a crash can leave neither a write that will not be sent
// nor an operation without its write. Local state (the Guide's place,
// drafts, quiet mode, the first opening, the undo notes, day totals) is
// written around it and never recorded, and so are the settings that
// are this computer's own (the sync folder, diary.Setting.Local).
//
// Operations are recorded only once the file is a replica: when sync is
// first set up, StartReplica gives it a random replica ID and records
// everything the diary already holds, in one transaction. A file never
// synced so carries no outbox that grows with every write and is never
// read; and being a replica, not the sync.dir setting, is what decides,
// so writes made while sync.dir is unset are still sent once it is set
// again.

var (
	bucketSync   = []byte("sync")
	bucketOutbox = []byte("outbox") // in sync: sequence number (8 bytes) → oplog.Op (JSON)
	bucketStamps = []byte("stamps") // in sync: target → the mark of the winning operation on it (oplog.Mark)
	keyReplica   = []byte("replica")
	keyClock     = []byte("clock")
)

// createSyncBuckets is the schema 3 migration. The buckets are empty
// until the file becomes a replica; the schema step keeps a lumbar that
// knows nothing of the outbox from writing a replica's file.
func createSyncBuckets(btx *bolt.Tx) error {
	sync, err := btx.CreateBucketIfNotExists(bucketSync)
	if err != nil {
		return err
	}
	for _, name := range [][]byte{bucketOutbox, bucketStamps} {
		if _, err := sync.CreateBucketIfNotExists(name); err != nil {
			return err
		}
	}
	return nil
}

func (tx *Tx) syncBucket() (*bolt.Bucket, error) {
	b := tx.btx.Bucket(bucketSync)
	if b == nil {
		return nil, errors.New("sync bucket missing from the data file")
	}
	return b, nil
}

// ReplicaID is this file's replica ID; "" when sync was never set up.
func ReplicaID(tx *Tx) (string, error) {
	b, err := tx.syncBucket()
	if err != nil {
		return "", err
	}
	return string(b.Get(keyReplica)), nil
}

// StartReplica makes the file a replica, if it is not one yet: it gets a
// random replica ID, and every record and every setting the file holds is
// recorded in the outbox, so other replicas receive what was written
// before sync was set up. It returns the replica ID, new or not.
func StartReplica(tx *Tx) (string, error) {
	if id, err := ReplicaID(tx); err != nil || id != "" {
		return id, err
	}
	return takeReplicaID(tx)
}

// takeReplicaID gives the file a new random replica ID and puts in the
// outbox, in place of what it held, everything the file holds
// (recordHeld), to be sent under that ID.
func takeReplicaID(tx *Tx) (string, error) {
	b, err := tx.syncBucket()
	if err != nil {
		return "", err
	}
	id := rand.Text()
	if err := b.Put(keyReplica, []byte(id)); err != nil {
		return "", err
	}
	return id, recordHeld(tx)
}

// recordHeld empties the outbox and fills it with everything the file
// holds: a put of every readable record and every setting, and every
// delete it knows of. What another replica or an earlier run already has
// goes under the stamp it won with, so it makes no difference there and
// wins nothing it had not won; only what the file holds without a stamp
// (before it was first a replica) is recorded as a new write. Sending
// the whole diary again this way is safe at any time: a first sync, a
// new replica ID for a copied data file, a log that went missing.
func recordHeld(tx *Tx) error {
	b, err := tx.syncBucket()
	if err != nil {
		return err
	}
	if err := dropOutbox(b, math.MaxUint64); err != nil {
		return err
	}
	if err := recordHeldRecords(tx); err != nil {
		return err
	}
	if err := recordHeldSettings(tx); err != nil {
		return err
	}
	return recordHeldDeletes(tx, b)
}

// recordHeldRecords records a put of every readable record; a damaged
// one stays behind (lumbar check tells of it).
func recordHeldRecords(tx *Tx) error {
	for _, kind := range recordKinds {
		bk, err := tx.bucket(kind.Bucket())
		if err != nil {
			return err
		}
		err = bk.ForEach(func(kb, raw []byte) error {
			k, ok := keyFromBytes(kb)
			if !ok || kind.decodes(raw) != nil {
				return nil
			}
			return tx.recordAgain(oplog.Op{Kind: oplog.Put, Bucket: string(kind.Bucket()), ID: k.ID(), Value: raw})
		})
		if err != nil {
			return err
		}
	}
	return nil
}

func recordHeldSettings(tx *Tx) error {
	for _, st := range diary.SharedSettings() {
		if kept := settingBytes(tx, st.Name()); kept != nil {
			if err := tx.recordAgain(oplog.Op{Kind: oplog.Set, Setting: st.Name(), Value: kept}); err != nil {
				return err
			}
		}
	}
	return nil
}

// recordHeldDeletes records again every delete that won on its record.
func recordHeldDeletes(tx *Tx, b *bolt.Bucket) error {
	return eachStamp(b, func(t oplog.Target, m oplog.Mark) error {
		if m.Kind != oplog.Delete {
			return nil
		}
		return queue(b, oplog.Op{Stamp: m.Stamp, Kind: oplog.Delete, Bucket: t.Bucket, ID: t.Name})
	})
}

// recordAgain records op, a put or a setting the file holds, under the
// stamp of the operation that wrote it, or as a new write when no stamp
// is kept for it.
func (tx *Tx) recordAgain(op oplog.Op) error {
	b, err := tx.syncBucket()
	if err != nil {
		return err
	}
	m, ok, err := heldMark(b, op.Target())
	if err != nil {
		return err
	}
	if !ok || m.Kind != op.Kind {
		return tx.record(op)
	}
	op.Stamp = m.Stamp
	return queue(b, op)
}

// recordRecord records that the record under k in b now holds raw (nil:
// it was deleted).
func (tx *Tx) recordRecord(b Bucket, k Key, raw []byte) error {
	op := oplog.Op{Kind: oplog.Put, Bucket: string(b), ID: k.ID(), Value: raw}
	if raw == nil {
		op.Kind = oplog.Delete
	}
	return tx.record(op)
}

// recordSetting records that the setting called name now holds kept.
func (tx *Tx) recordSetting(name string, kept []byte) error {
	return tx.record(oplog.Op{Kind: oplog.Set, Setting: name, Value: kept})
}

// record stamps op with the next clock reading and keeps it in the
// outbox, if the file is a replica; it also notes the stamp as the
// winner on op's target, which a later merge compares against.
func (tx *Tx) record(op oplog.Op) error {
	b, err := tx.syncBucket()
	if err != nil {
		return err
	}
	replica := string(b.Get(keyReplica))
	if replica == "" || tx.applying {
		return nil
	}
	clock, err := tx.tick(b)
	if err != nil {
		return err
	}
	op.Stamp = oplog.Stamp{Clock: clock, Replica: replica}
	if err := queue(b, op); err != nil {
		return err
	}
	return putStamp(b, op)
}

// queue puts op at the end of the outbox.
func queue(b *bolt.Bucket, op oplog.Op) error {
	op.Value = json.RawMessage(append([]byte(nil), op.Value...)) // bbolt's bytes live only as long as tx
	raw, err := json.Marshal(op)
	if err != nil {
		return err
	}
	outbox := b.Bucket(bucketOutbox)
	seq, err := outbox.NextSequence()
	if err != nil {
		return err
	}
	return outbox.Put(binary.BigEndian.AppendUint64(nil, seq), raw)
}

// tick reads the clock for a new local operation and keeps the reading.
func (tx *Tx) tick(b *bolt.Bucket) (oplog.Clock, error) {
	last, err := readClock(b)
	if err != nil {
		return last, err
	}
	// The wall clock is only a hint: the reading grows even when it steps back.
	next := oplog.Tick(last, time.Now())
	return next, keepClock(b, next)
}

// observe moves the kept clock past seen, another replica's reading.
func observe(b *bolt.Bucket, seen oplog.Clock) error {
	last, err := readClock(b)
	if err != nil {
		return err
	}
	return keepClock(b, oplog.Observe(last, seen, time.Now()))
}

func readClock(b *bolt.Bucket) (oplog.Clock, error) {
	var last oplog.Clock
	if raw := b.Get(keyClock); raw != nil {
		if err := json.Unmarshal(raw, &last); err != nil {
			return last, fmt.Errorf("sync clock: %w", err)
		}
	}
	return last, nil
}

func keepClock(b *bolt.Bucket, c oplog.Clock) error {
	raw, err := json.Marshal(c)
	if err != nil {
		return err
	}
	return b.Put(keyClock, raw)
}

func targetKey(t oplog.Target) []byte { return []byte(t.Bucket + "\x00" + t.Name) }

func putStamp(b *bolt.Bucket, op oplog.Op) error {
	raw, err := json.Marshal(op.Mark())
	if err != nil {
		return err
	}
	return b.Bucket(bucketStamps).Put(targetKey(op.Target()), raw)
}

// heldMark is the mark of the winning operation on t so far; ok is false
// when no operation on t was recorded or applied.
func heldMark(b *bolt.Bucket, t oplog.Target) (m oplog.Mark, ok bool, err error) {
	raw := b.Bucket(bucketStamps).Get(targetKey(t))
	if raw == nil {
		return m, false, nil
	}
	if err := json.Unmarshal(raw, &m); err != nil {
		return m, false, fmt.Errorf("sync stamps: %w", err)
	}
	return m, true, nil
}

// eachStamp calls fn with every target the sync stamps name and the mark
// of the winning operation on it.
func eachStamp(b *bolt.Bucket, fn func(oplog.Target, oplog.Mark) error) error {
	return b.Bucket(bucketStamps).ForEach(func(key, raw []byte) error {
		var m oplog.Mark
		if err := json.Unmarshal(raw, &m); err != nil {
			return fmt.Errorf("sync stamps: %w", err)
		}
		bucket, name, ok := bytes.Cut(key, []byte{0})
		if !ok { // not targetKey's: nothing this lumbar wrote
			return nil
		}
		return fn(oplog.Target{Bucket: string(bucket), Name: string(name)}, m)
	})
}

// Outbox is every operation recorded and not yet taken out, oldest
// first.
func Outbox(tx *Tx) ([]oplog.Op, error) {
	b, err := tx.syncBucket()
	if err != nil {
		return nil, err
	}
	var ops []oplog.Op
	err = b.Bucket(bucketOutbox).ForEach(func(_, raw []byte) error {
		var op oplog.Op
		if err := json.Unmarshal(raw, &op); err != nil {
			return fmt.Errorf("sync outbox: %w", err)
		}
		ops = append(ops, op)
		return nil
	})
	return ops, err
}
