package store

import (
	"errors"
	"fmt"
)

// Replace validates v and puts it in place of the record under k, in one
// transaction. The key stays the same unless v's time changed; then the
// record moves to a fresh key for its new time (keys sort by time) and
// the new key is returned.
func Replace[T Checked](s *Store, b Bucket, k Key, v T) (Key, error) {
	if err := v.Validate(); err != nil {
		return Key{}, err
	}
	newKey := k
	err := s.Update(func(tx *Tx) error {
		if !k.Time().Equal(v.Stamped().At) {
			if err := Delete(tx, b, k); err != nil {
				return err
			}
			var err error
			newKey, err = Insert(tx, b, v)
			return err
		}
		if _, err := Get[T](tx, b, k); err != nil {
			return err // gone meanwhile (deleted from another shell)
		}
		return Put(tx, b, k, v)
	})
	return newKey, err
}

// Remove deletes the record under k in its own transaction.
func Remove(s *Store, b Bucket, k Key) error {
	return s.Update(func(tx *Tx) error { return Delete(tx, b, k) })
}

// ErrKeyTaken is returned by Restore when a record already holds the key.
var ErrKeyTaken = errors.New("a record already has this key")

// Restore puts v back under exactly the key it had, to undo a Remove. It
// never overwrites: if the key is taken, nothing is written.
func Restore[T Checked](s *Store, b Bucket, k Key, v T) error {
	if err := v.Validate(); err != nil {
		return err
	}
	return s.Update(func(tx *Tx) error {
		if _, err := Get[T](tx, b, k); err == nil {
			return fmt.Errorf("%s %s: %w", b, k.ID(), ErrKeyTaken)
		} else if !errors.Is(err, ErrNotFound) {
			return err
		}
		return Put(tx, b, k, v)
	})
}
