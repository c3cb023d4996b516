package store

import (
	"bytes"
	"encoding/json"
	"fmt"
	"time"

	"lumbar/store/diary"

	bolt "go.etcd.io/bbolt"
)

// Bucket names a kind of record.
type Bucket string

// The record buckets.
const (
	BucketPain     Bucket = "pain"
	BucketSessions Bucket = "sessions"
	BucketWater    Bucket = "water"
	BucketChecks   Bucket = "checks"
)

// Item is a record with its key.
type Item[T any] struct {
	Key   Key
	Value T
}

func (tx *Tx) bucket(b Bucket) (*bolt.Bucket, error) {
	bk := tx.btx.Bucket([]byte(b))
	if bk == nil {
		return nil, fmt.Errorf("bucket %q missing from the data file", b)
	}
	return bk, nil
}

// putItem stores v under k, replacing what was there, and moves the day
// totals from the record it replaces (if any) to v, in the same
// transaction, and records the write in the outbox (outbox.go). Every
// write of a record comes here or to deleteItem.
func putItem[T diary.Record](tx *Tx, b Bucket, k Key, v T) error {
	bk, err := tx.bucket(b)
	if err != nil {
		return err
	}
	raw, err := json.Marshal(v)
	if err != nil {
		return fmt.Errorf("encoding %s record: %w", b, err)
	}
	old := bk.Get(k[:])
	tx.noteChange(b, k, old, raw)
	var stale daySpan
	if old != nil {
		if stale, err = uncount(tx, b, k, old); err != nil {
			return err
		}
	}
	if err := bk.Put(k[:], raw); err != nil {
		return err
	}
	if err := tx.recordRecord(b, k, raw); err != nil {
		return err
	}
	counted, err := countRecord(tx, v, +1)
	if err != nil {
		return err
	}
	if counted {
		stale = stale.with(v.Stamped().Day())
	}
	return stale.rebuild(tx)
}

// insertItem stores a new record under a fresh key for its own time.
func insertItem[T diary.Record](tx *Tx, b Bucket, v T) (Key, error) {
	at := v.Stamped().At
	if err := checkKeyTime(at); err != nil {
		return Key{}, err
	}
	k := NewKey(at)
	return k, putItem(tx, b, k, v)
}

// getItem reads the record under k; ErrNotFound if there is none.
func getItem[T any](tx *Tx, b Bucket, k Key) (T, error) {
	var v T
	bk, err := tx.bucket(b)
	if err != nil {
		return v, err
	}
	raw := bk.Get(k[:])
	if raw == nil {
		return v, fmt.Errorf("%s %s: %w", b, k.ID(), ErrNotFound)
	}
	return v, decode(b, k[:], raw, &v)
}

// deleteItem removes the record under k, takes it out of its day's
// totals and records the delete in the outbox in the same transaction;
// ErrNotFound if there is none.
func deleteItem(tx *Tx, b Bucket, k Key) error {
	bk, err := tx.bucket(b)
	if err != nil {
		return err
	}
	old := bk.Get(k[:])
	if old == nil {
		return fmt.Errorf("%s %s: %w", b, k.ID(), ErrNotFound)
	}
	tx.noteChange(b, k, old, nil)
	stale, err := uncount(tx, b, k, old)
	if err != nil {
		return err
	}
	if err := bk.Delete(k[:]); err != nil {
		return err
	}
	if err := tx.recordRecord(b, k, nil); err != nil {
		return err
	}
	return stale.rebuild(tx)
}

// rangeItems calls fn for each record made in [from, to), oldest first.
// Returning an error from fn stops the walk with that error. A record
// that cannot be read is skipped (see Store.Skipped).
func rangeItems[T any](tx *Tx, b Bucket, from, to time.Time, fn func(Item[T]) error) error {
	bk, err := tx.bucket(b)
	if err != nil {
		return err
	}
	if from.Before(firstKeyTime) { // no key is older, and an earlier prefix would wrap around
		from = firstKeyTime
	}
	end := timePrefix(to)
	c := bk.Cursor()
	// A whole key sorts before end exactly when its time does (a key
	// too short to hold a time is compared safely, and skipped below).
	for kb, raw := c.Seek(timePrefix(from)); kb != nil && bytes.Compare(kb, end) < 0; kb, raw = c.Next() {
		item, err := decodeItem[T](b, kb, raw)
		if err != nil {
			tx.skipDamaged(b, kb)
			continue
		}
		if err := fn(item); err != nil {
			return err
		}
	}
	return nil
}

// rangeItemDays calls fn, oldest first, for each record whose own local day
// lies in [first, last], whatever UTC offset it was made at.
func rangeItemDays[T diary.Record](tx *Tx, b Bucket, first, last diary.Day, fn func(Item[T]) error) error {
	from, to := diary.InstantSpan(first, last)
	return rangeItems(tx, b, from, to, func(it Item[T]) error {
		if d := it.Value.Stamped().Day(); d < first || d > last {
			return nil
		}
		return fn(it)
	})
}

// latestItems returns up to n records, newest first, skipping any that cannot
// be read (see Store.Skipped).
func latestItems[T any](tx *Tx, b Bucket, n int) ([]Item[T], error) {
	return itemsBackFrom[T](tx, b, nil, func(items int, _ []byte) bool { return items < n })
}

// itemsBackFrom returns records newest first, starting with the newest
// older than before (the newest of all when before is nil), for as long
// as more(records so far, next key) says; records that cannot be read are
// skipped (see Store.Skipped).
func itemsBackFrom[T any](tx *Tx, b Bucket, before *Key, more func(items int, key []byte) bool) ([]Item[T], error) {
	bk, err := tx.bucket(b)
	if err != nil {
		return nil, err
	}
	var items []Item[T]
	c := bk.Cursor()
	kb, raw := c.Last()
	if before != nil {
		// The first key at or after before, then one back; none at or
		// after it: the last key is older.
		if kb, raw = c.Seek(before[:]); kb == nil {
			kb, raw = c.Last()
		} else {
			kb, raw = c.Prev()
		}
	}
	for ; kb != nil && more(len(items), kb); kb, raw = c.Prev() {
		item, err := decodeItem[T](b, kb, raw)
		if err != nil {
			tx.skipDamaged(b, kb)
			continue
		}
		items = append(items, item)
	}
	return items, nil
}

// decodeItem copies a record out of bbolt's memory, which is only valid
// until the transaction ends.
func decodeItem[T any](b Bucket, kb, raw []byte) (Item[T], error) {
	var item Item[T]
	k, ok := keyFromBytes(kb)
	if !ok {
		return item, fmt.Errorf("%s: malformed key %x", b, kb)
	}
	item.Key = k
	return item, decode(b, kb, raw, &item.Value)
}

func decode(b Bucket, kb, raw []byte, v any) error {
	if err := json.Unmarshal(raw, v); err != nil {
		return fmt.Errorf("%s record %x: %w", b, kb, err)
	}
	return nil
}
