package store

import (
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"

	"lumbar/store/diary"
)

// Version is what a record held when an edit of it began: a hash of its
// stored bytes, so that the save can tell whether anyone (another window,
// a shell) changed or deleted it since. The zero Version is no record.
type Version [sha256.Size]byte

// MarshalText writes v in hex, for a draft to keep.
func (v Version) MarshalText() ([]byte, error) { return []byte(hex.EncodeToString(v[:])), nil }

// UnmarshalText reads a Version written by MarshalText.
func (v *Version) UnmarshalText(text []byte) error {
	if len(text) != hex.EncodedLen(len(v)) {
		return fmt.Errorf("a record version is %d hex digits, not %d", hex.EncodedLen(len(v)), len(text))
	}
	_, err := hex.Decode(v[:], text)
	return err
}

func versionOf(raw []byte) Version {
	if raw == nil {
		return Version{}
	}
	return sha256.Sum256(raw)
}

// ErrChanged is what Replace refuses when the record is no longer the
// version the edit began from (a Conflict says what it is now).
var ErrChanged = errors.New("record changed since the edit began")

// Conflict is Replace's refusal: the record changed or was deleted since
// the edit began. Current is what it holds now (nil when it was deleted),
// Version its version: a Replace from that version overwrites it.
type Conflict[T any] struct {
	Current *T
	Version Version
}

func (c *Conflict[T]) Error() string {
	if c.Current == nil {
		return "the record was deleted since the edit began"
	}
	return "the record was changed since the edit began"
}

// Unwrap makes a Conflict match ErrNotFound (deleted) or ErrChanged.
func (c *Conflict[T]) Unwrap() error {
	if c.Current == nil {
		return ErrNotFound
	}
	return ErrChanged
}

// VersionOf is the version v has as Put stores it: what a record this
// process just wrote holds, for an edit that follows at once. (A record
// an older lumbar wrote may be encoded otherwise; an edit from this
// version is then refused, never written over it.)
func VersionOf[T any](v T) (Version, error) {
	raw, err := json.Marshal(v)
	if err != nil {
		return Version{}, err
	}
	return versionOf(raw), nil
}

// getVersioned reads the record under k and its version, for an edit to
// begin from; ErrNotFound if there is none.
func getVersioned[T any](tx *Tx, b Bucket, k Key) (T, Version, error) {
	var v T
	bk, err := tx.bucket(b)
	if err != nil {
		return v, Version{}, err
	}
	raw := bk.Get(k[:])
	if raw == nil {
		return v, Version{}, fmt.Errorf("%s %s: %w", b, k.ID(), ErrNotFound)
	}
	return v, versionOf(raw), decode(b, k[:], raw, &v)
}

// replaceItem validates v and puts it in place of the record under k, if that
// is still the version base the edit began from: the check and the write
// are one transaction, so a change from another window in between is
// never overwritten unseen. Otherwise nothing is written and the error is
// a *Conflict[T]; a Replace from its Version overwrites (from the zero
// Version, puts a deleted record back). The key stays the same unless v's
// time changed; then the record moves to a fresh key for its new time
// (keys sort by time) and the new key is returned.
func replaceItem[T diary.Checked](s *Store, b Bucket, k Key, base Version, v T) (Key, error) {
	if err := v.Validate(); err != nil {
		return Key{}, err
	}
	newKey := k
	err := s.Update(func(tx *Tx) error {
		tx.noteKind(WriteEdited)
		bk, err := tx.bucket(b)
		if err != nil {
			return err
		}
		raw := bk.Get(k[:])
		if now := versionOf(raw); now != base {
			return conflict[T](b, k, raw, now)
		}
		if k.Time().Equal(v.Stamped().At) {
			return putItem(tx, b, k, v)
		}
		if raw != nil {
			if err := deleteItem(tx, b, k); err != nil {
				return err
			}
		}
		newKey, err = insertItem(tx, b, v)
		return err
	})
	return newKey, err
}

// conflict describes the record under k as it is now, copied out of the
// transaction.
func conflict[T any](b Bucket, k Key, raw []byte, now Version) error {
	c := &Conflict[T]{Version: now}
	if raw != nil {
		c.Current = new(T)
		if err := decode(b, k[:], raw, c.Current); err != nil {
			return err
		}
	}
	return c
}

// ErrKeyTaken is returned by Restore when a record already holds the key.
var ErrKeyTaken = errors.New("a record already has this key")

// restoreItem puts v back under exactly the key it had, to undo a Remove. It
// never overwrites: if the key is taken, nothing is written. When that
// Remove is the last write, the restore is its undo, and leaves nothing
// to undo (see undo.go); otherwise it is a write that adds.
func restoreItem[T diary.Checked](s *Store, b Bucket, k Key, v T) error {
	if err := v.Validate(); err != nil {
		return err
	}
	return s.Update(func(tx *Tx) error {
		if _, err := getItem[T](tx, b, k); err == nil {
			return fmt.Errorf("%s %s: %w", b, k.ID(), ErrKeyTaken)
		} else if !errors.Is(err, ErrNotFound) {
			return err
		}
		last, _ := readLastWrite(tx) // unreadable notes: this is no undo of them
		tx.noteKind(WriteAdded)
		if err := putItem(tx, b, k, v); err != nil {
			return err
		}
		if last != nil && last.removed(b, k) {
			return forgetLastWrite(tx)
		}
		return nil
	})
}
