package store

import (
	"bytes"
	"encoding/json"
	"fmt"
	"time"

	"lumbar/store/diary"
)

// Collection is one kind of record kept in its own bucket. Its methods are
// the way records are written and read, so a record type and its bucket
// are paired once, here, and a wrong pairing does not compile.
type Collection[T diary.Checked] struct{ bucket Bucket }

// The record collections.
var (
	Pain     = Collection[diary.PainEntry]{BucketPain}
	Water    = Collection[diary.WaterLog]{BucketWater}
	Sessions = Collection[diary.Session]{BucketSessions}
	Checks   = Collection[diary.Check]{BucketChecks}
)

// recordKind is what code over every kind of record (checks, listings)
// needs of a collection.
type recordKind interface {
	Bucket() Bucket
	// decodes tells why a stored value cannot be read as the record type.
	decodes(raw []byte) error
	// decodeRecord reads a stored value as the record type.
	decodeRecord(raw []byte) (diary.Record, error)
	// undoTo puts back a record's bytes as they were (nil: no record).
	undoTo(tx *Tx, k Key, before []byte) error
	// countDays adds the readable records of the days [first, last] to
	// their totals, days[0] being first's.
	countDays(tx *Tx, first, last diary.Day, days []diary.DayTotals) error
	// eachRecord calls fn with every readable record, oldest first.
	eachRecord(tx *Tx, fn func(diary.Record)) error
	// Delete removes the record under k inside tx.
	Delete(tx *Tx, k Key) error
	// applyValue keeps another replica's record under k (apply.go).
	applyValue(tx *Tx, k Key, raw []byte) error
}

// DeleteRecord removes the record ref names, whatever its kind, inside
// tx; ErrNotFound if there is none.
func DeleteRecord(tx *Tx, ref Ref) error {
	kind := kindOf(ref.Bucket)
	if kind == nil {
		return fmt.Errorf("%q is no kind of record", ref.Bucket)
	}
	return kind.Delete(tx, ref.Key)
}

// recordKinds is every collection, in the order such code goes through
// them.
var recordKinds = []recordKind{Pain, Sessions, Water, Checks}

func (c Collection[T]) decodes(raw []byte) error {
	_, err := c.decodeRecord(raw)
	return err
}

func (c Collection[T]) decodeRecord(raw []byte) (diary.Record, error) {
	var v T
	err := json.Unmarshal(raw, &v)
	return v, err
}

func (c Collection[T]) countDays(tx *Tx, first, last diary.Day, days []diary.DayTotals) error {
	return rangeItemDays(tx, c.bucket, first, last, func(it Item[T]) error {
		days[it.Value.Stamped().Day()-first].Count(it.Value, 1)
		return nil
	})
}

func (c Collection[T]) eachRecord(tx *Tx, fn func(diary.Record)) error {
	return rangeItems(tx, c.bucket, firstKeyTime, lastKeyTime, func(it Item[T]) error {
		fn(it.Value)
		return nil
	})
}

// Bucket is the bucket the collection's records are kept in.
func (c Collection[T]) Bucket() Bucket { return c.bucket }

// Append validates v and stores it as a new record in its own
// transaction. Invalid input is refused before the file is opened.
func (c Collection[T]) Append(s *Store, v T) (Key, error) {
	if err := v.Validate(); err != nil {
		return Key{}, err
	}
	var k Key
	err := s.Update(func(tx *Tx) (err error) {
		k, err = c.Insert(tx, v)
		return err
	})
	return k, err
}

// Insert validates v and stores it inside tx under a fresh key for its
// own time.
func (c Collection[T]) Insert(tx *Tx, v T) (Key, error) {
	if err := v.Validate(); err != nil {
		return Key{}, err
	}
	tx.noteKind(WriteAdded)
	return insertItem(tx, c.bucket, v)
}

// Import stores v under k, the key (ID) it was exported with, inside tx;
// see importItem for what happens when k is taken.
func (c Collection[T]) Import(tx *Tx, k Key, v T, replace bool) (Outcome, error) {
	return importItem(tx, c.bucket, k, v, replace)
}

// Compare tells what Import would do, writing nothing.
func (c Collection[T]) Compare(tx *Tx, k Key, v T, replace bool) (Outcome, error) {
	return compareItem(tx, c.bucket, k, v, replace)
}

// Get reads the record under k; ErrNotFound if there is none.
func (c Collection[T]) Get(tx *Tx, k Key) (T, error) { return getItem[T](tx, c.bucket, k) }

// GetVersioned reads the record under k and its version, for an edit to
// begin from; ErrNotFound if there is none.
func (c Collection[T]) GetVersioned(tx *Tx, k Key) (T, Version, error) {
	return getVersioned[T](tx, c.bucket, k)
}

// Delete removes the record under k inside tx; ErrNotFound if there is
// none.
func (c Collection[T]) Delete(tx *Tx, k Key) error {
	tx.noteKind(WriteDeleted)
	return deleteItem(tx, c.bucket, k)
}

// Range calls fn for each record made in [from, to), oldest first.
// Returning an error from fn stops the walk with that error. A record that
// cannot be read is skipped (see Store.Skipped).
func (c Collection[T]) Range(tx *Tx, from, to time.Time, fn func(Item[T]) error) error {
	return rangeItems(tx, c.bucket, from, to, fn)
}

// RangeDays calls fn, oldest first, for each record whose own local day
// lies in [first, last], whatever UTC offset it was made at.
func (c Collection[T]) RangeDays(tx *Tx, first, last diary.Day, fn func(Item[T]) error) error {
	return rangeItemDays(tx, c.bucket, first, last, fn)
}

// Latest returns up to n records, newest first, skipping any that cannot
// be read (see Store.Skipped).
func (c Collection[T]) Latest(tx *Tx, n int) ([]Item[T], error) {
	return latestItems[T](tx, c.bucket, n)
}

// Older returns up to n records older than k, newest first: the next page
// of a list read newest first. Records that cannot be read are skipped.
func (c Collection[T]) Older(tx *Tx, k Key, n int) ([]Item[T], error) {
	return itemsBackFrom[T](tx, c.bucket, &k, func(items int, _ []byte) bool { return items < n })
}

// Since returns every record whose key is k or later, newest first: a
// list read newest first, read again as far as it went. Records that
// cannot be read are skipped.
func (c Collection[T]) Since(tx *Tx, k Key) ([]Item[T], error) {
	return itemsBackFrom[T](tx, c.bucket, nil, func(_ int, key []byte) bool { return bytes.Compare(key, k[:]) >= 0 })
}

// Replace validates v and puts it in place of the record under k, if that
// is still the version base the edit began from (see replaceItem); the
// key it is kept under after is returned.
func (c Collection[T]) Replace(s *Store, k Key, base Version, v T) (Key, error) {
	return replaceItem(s, c.bucket, k, base, v)
}

// Remove deletes the record under k in its own transaction.
func (c Collection[T]) Remove(s *Store, k Key) error {
	return s.Update(func(tx *Tx) error { return c.Delete(tx, k) })
}

// Restore puts v back under exactly the key it had, to undo a Remove; it
// never overwrites.
func (c Collection[T]) Restore(s *Store, k Key, v T) error { return restoreItem(s, c.bucket, k, v) }
