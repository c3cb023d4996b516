package store

import (
	"encoding/json"
	"fmt"

	"lumbar/store/diary"
	"lumbar/store/oplog"

	bolt "go.etcd.io/bbolt"
)

// ApplyOps merges operations other replicas recorded into the file,
// inside tx: each is written only if it wins over what the file holds on
// its target (oplog's merge rule: the winner's mark is kept in the sync
// stamps), so operations may come in any order and any number of times.
// Applied operations are not recorded again and not noted for undo; an
// undo of an earlier local write still refuses to overwrite what they
// changed. The clock moves past every operation seen, so later local
// writes order after them. The file must be a replica.
func ApplyOps(tx *Tx, ops []oplog.Op) (applied int, err error) {
	b, err := tx.syncBucket()
	if err != nil {
		return 0, err
	}
	if b.Get(keyReplica) == nil {
		return 0, fmt.Errorf("this data file is not set up for sync")
	}
	tx.applying = true
	defer func() { tx.applying = false }()
	for _, op := range ops {
		won, err := applyOp(tx, b, op)
		if err != nil {
			return applied, fmt.Errorf("an operation of replica %s on %s %s: %w", op.Stamp.Replica, op.Kind, op.Target().Name, err)
		}
		if won {
			applied++
		}
	}
	return applied, nil
}

func applyOp(tx *Tx, b *bolt.Bucket, op oplog.Op) (won bool, err error) {
	if err := op.Check(); err != nil {
		return false, err
	}
	if err := observe(b, op.Stamp.Clock); err != nil {
		return false, err
	}
	if op.Kind == oplog.Set && diary.LocalSetting(op.Setting) {
		return false, nil // another computer's own setting (never sent by lumbar) is not this one's
	}
	held, ok, err := heldMark(b, op.Target())
	if err != nil || (ok && !op.Mark().Beats(held)) {
		return false, err
	}
	if err := writeOp(tx, op); err != nil {
		return false, err
	}
	return true, putStamp(b, op)
}

// writeOp makes the file hold what op says its target holds.
func writeOp(tx *Tx, op oplog.Op) error {
	if op.Kind == oplog.Set {
		return applySetting(tx, op.Setting, op.Value)
	}
	kind := kindOf(Bucket(op.Bucket))
	if kind == nil {
		return fmt.Errorf("%q is no kind of record", op.Bucket)
	}
	k, err := ParseID(op.ID)
	if err != nil {
		return err
	}
	if op.Kind == oplog.Delete {
		bk, err := tx.bucket(kind.Bucket())
		if err != nil || bk.Get(k[:]) == nil { // a tombstone for a record never seen here
			return err
		}
		return deleteItem(tx, kind.Bucket(), k)
	}
	return kind.applyValue(tx, k, op.Value)
}

// applyValue keeps raw, a record another replica wrote, under k once it
// is checked as an import is.
func (c Collection[T]) applyValue(tx *Tx, k Key, raw []byte) error {
	var v T
	if err := json.Unmarshal(raw, &v); err != nil {
		return err
	}
	if err := CheckKeyed(k, v); err != nil {
		return err
	}
	return putItem(tx, c.bucket, k, v)
}

// applySetting keeps a setting another replica changed. One this lumbar
// does not know (from a newer lumbar) is kept as it came, for a later
// lumbar to read; one it knows must read as that setting.
func applySetting(tx *Tx, name string, kept []byte) error {
	if st, err := diary.LookupSetting(name); err == nil {
		s := diary.DefaultSettings()
		if err := st.Decode(kept, &s); err != nil {
			return err
		}
	}
	return putSettingBytes(tx, name, kept)
}
