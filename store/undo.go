package store

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"

	"lumbar/store/diary"
)

// Undo takes back the last write to the records, made by any lumbar (the
// app, a command), once.
//
// Every record written or deleted through the store (putItem,
// deleteItem) is noted on its transaction, with what the record held
// before and after; Update keeps those notes in meta under lastWriteKey
// in the same transaction as the write, replacing the previous ones. So
// what undo needs is never out of step with the file, however the
// writer ended. Writes that touch no record (settings, drafts) leave the
// notes alone.
//
// Undo puts back what each record held before, in one transaction, and
// only if each still holds what the write left: a record changed since,
// by anyone, is never overwritten. It then forgets the notes, so a
// second undo has nothing to undo; an undo is not itself undone.

// lastWriteKey is where, in meta, the last write is kept.
var lastWriteKey = []byte("last_write")

// maxUndoChanges bounds the records one undoable write may change: a
// bigger write (the demo, an import) is noted as too big to undo rather
// than kept whole.
const maxUndoChanges = 100

// WriteKind is what a write did, as its first change to a record did it.
type WriteKind string

// The kinds of write.
const (
	WriteAdded   WriteKind = "added"   // a new record (an entry, a drink, a session, a reminder's answer)
	WriteEdited  WriteKind = "edited"  // a record changed in place, or moved to a new time
	WriteDeleted WriteKind = "deleted" // a record taken away
)

// lastWrite is the stored notes of one write.
type lastWrite struct {
	Kind    WriteKind     `json:"kind"`
	Count   int           `json:"count"`             // records changed
	Changes []noteChanged `json:"changes,omitempty"` // each of them, unless Count > maxUndoChanges
}

// noteChanged is one record a write changed: its bytes before and after
// (absent when there was no record), kept as bytes (base64 in the JSON)
// so that a damaged record's bytes, which are not JSON, can be noted too.
type noteChanged struct {
	Bucket Bucket `json:"bucket"`
	ID     string `json:"id"`
	Before []byte `json:"before,omitempty"`
	After  []byte `json:"after,omitempty"`
}

// noteKind names the write tx makes, unless an earlier step named it.
func (tx *Tx) noteKind(kind WriteKind) {
	if tx.write == nil {
		tx.write = &lastWrite{}
	}
	if tx.write.Kind == "" {
		tx.write.Kind = kind
	}
}

// noteChange records that the record under k in b held before and now
// holds after (nil: no record). The bytes are copied: bbolt's are only
// valid inside the transaction.
func (tx *Tx) noteChange(b Bucket, k Key, before, after []byte) {
	if tx.applying {
		return
	}
	if tx.write == nil {
		tx.write = &lastWrite{}
	}
	w := tx.write
	for i, c := range w.Changes { // changed twice: the first before, the last after
		if c.Bucket == b && c.ID == k.ID() {
			w.Changes[i].After = bytes.Clone(after)
			return
		}
	}
	w.Count++
	if w.Count > maxUndoChanges {
		w.Changes = nil
		return
	}
	w.Changes = append(w.Changes, noteChanged{Bucket: b, ID: k.ID(), Before: bytes.Clone(before), After: bytes.Clone(after)})
}

// saveLastWrite keeps the notes of tx's write, if it changed any record,
// in place of the last write's.
func saveLastWrite(tx *Tx) error {
	if tx.write == nil || tx.write.Count == 0 {
		return nil
	}
	if tx.write.Kind == "" {
		tx.write.Kind = WriteAdded
	}
	raw, err := json.Marshal(tx.write)
	if err != nil {
		return err
	}
	return tx.btx.Bucket(bucketMeta).Put(lastWriteKey, raw)
}

// removed tells whether the write was the deletion of the one record
// under k in b.
func (w *lastWrite) removed(b Bucket, k Key) bool {
	return w.Kind == WriteDeleted && len(w.Changes) == 1 && w.Changes[0].Bucket == b &&
		w.Changes[0].ID == k.ID() && w.Changes[0].After == nil
}

// forgetLastWrite drops the notes of the last write and of tx's own.
func forgetLastWrite(tx *Tx) error {
	tx.write = nil
	return tx.btx.Bucket(bucketMeta).Delete(lastWriteKey)
}

// readLastWrite reads the notes of the last write; nil when there are
// none.
func readLastWrite(tx *Tx) (*lastWrite, error) {
	raw := tx.btx.Bucket(bucketMeta).Get(lastWriteKey)
	if raw == nil {
		return nil, nil
	}
	var w lastWrite
	if err := json.Unmarshal(raw, &w); err != nil {
		return nil, fmt.Errorf("the notes of the last write cannot be read: %w", err)
	}
	return &w, nil
}

// Change is one record an undone write had changed: Before is what it
// held before that write (and holds again), After what the write left
// (and the undo took back); nil when there was no record.
type Change struct {
	Ref
	Before, After diary.Record
}

// Undone is the write Undo took back.
type Undone struct {
	Kind    WriteKind
	Changes []Change
}

// Why Undo did nothing; match with errors.Is.
var (
	ErrNothingToUndo = errors.New("nothing to undo")
	// ErrTooBigToUndo: the last write changed more than maxUndoChanges records.
	ErrTooBigToUndo = errors.New("the last write changed too many records to undo")
	// ErrUndoDamaged: the last write deleted or replaced a record that
	// could not be read, which undo does not put back.
	ErrUndoDamaged = errors.New("the last write took away a damaged record, which undo cannot put back; nothing was undone")
)

// UndoConflictError refuses an undo because a record the write changed
// was changed again since (Now is what it holds now; nil: deleted).
// Nothing was written.
type UndoConflictError struct {
	Change Change
	Now    diary.Record
}

func (e *UndoConflictError) Error() string {
	return fmt.Sprintf("%s %s was changed again since; nothing was undone", e.Change.Bucket, e.Change.Key.ID())
}

// Undo takes back the last write to the records in one transaction (see
// above) and says what it took back.
func Undo(s *Store) (Undone, error) {
	var undone Undone
	err := s.Update(func(tx *Tx) error {
		w, err := readLastWrite(tx)
		switch {
		case err != nil:
			return err
		case w == nil:
			return ErrNothingToUndo
		case w.Count > len(w.Changes):
			return fmt.Errorf("%w (%d)", ErrTooBigToUndo, w.Count)
		}
		undone = Undone{Kind: w.Kind}
		if undone.Changes, err = checkUndoable(tx, w.Changes); err != nil {
			return err
		}
		for i := len(w.Changes) - 1; i >= 0; i-- { // last change first
			c := w.Changes[i]
			if err := kindOf(c.Bucket).undoTo(tx, undone.Changes[i].Key, c.Before); err != nil {
				return err
			}
		}
		return forgetLastWrite(tx)
	})
	return undone, err
}

// checkUndoable reads each change back as records, refusing if any
// record no longer holds what the write left.
func checkUndoable(tx *Tx, notes []noteChanged) ([]Change, error) {
	changes := make([]Change, len(notes))
	for i, n := range notes {
		k, err := ParseID(n.ID)
		if err != nil {
			return nil, err
		}
		kind := kindOf(n.Bucket)
		if kind == nil {
			return nil, fmt.Errorf("the last write names an unknown kind of record, %q", n.Bucket)
		}
		bk, err := tx.bucket(n.Bucket)
		if err != nil {
			return nil, err
		}
		c := Change{Ref: Ref{Bucket: n.Bucket, Key: k}}
		if c.Before, err = decodeOrNil(kind, n.Before); err != nil {
			return nil, fmt.Errorf("%s %s: %w", n.Bucket, n.ID, ErrUndoDamaged)
		}
		if c.After, err = decodeOrNil(kind, n.After); err != nil {
			return nil, err
		}
		if now := bk.Get(k[:]); !bytes.Equal(now, n.After) {
			conflict := &UndoConflictError{Change: c}
			conflict.Now, _ = decodeOrNil(kind, now) // a damaged record reads as gone
			return nil, conflict
		}
		changes[i] = c
	}
	return changes, nil
}

func decodeOrNil(kind recordKind, raw []byte) (diary.Record, error) {
	if raw == nil {
		return nil, nil
	}
	return kind.decodeRecord(raw)
}

// kindOf is the collection of bucket b; nil for none.
func kindOf(b Bucket) recordKind {
	for _, kind := range recordKinds {
		if kind.Bucket() == b {
			return kind
		}
	}
	return nil
}

// undoTo puts back under k what it held before (nil: no record).
func (c Collection[T]) undoTo(tx *Tx, k Key, before []byte) error {
	if before == nil {
		return deleteItem(tx, c.bucket, k)
	}
	var v T
	if err := json.Unmarshal(before, &v); err != nil {
		return err
	}
	return putItem(tx, c.bucket, k, v)
}
