package store

import "lumbar/store/diary"

// Append validates v and stores it as a new record in its own transaction.
// Invalid input is refused before the file is opened.
func Append[T diary.Checked](s *Store, b Bucket, v T) (Key, error) {
	if err := v.Validate(); err != nil {
		return Key{}, err
	}
	var k Key
	err := s.Update(func(tx *Tx) (err error) {
		k, err = Insert(tx, b, v)
		return err
	})
	return k, err
}
