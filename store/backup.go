package store

import (
	"errors"
	"io/fs"
	"os"
	"path/filepath"

	bolt "go.etcd.io/bbolt"
)

// Backup writes a consistent copy of the data file to dst, which must not
// exist yet. Other processes can go on reading meanwhile.
func (s *Store) Backup(dst string) error {
	return s.View(func(tx *Tx) error { return writeSnapshot(tx.btx, dst) })
}

// writeSnapshot writes the file as btx sees it to dst: first into a
// temporary file beside dst, fsync'ed, then linked into place, so a crash
// never leaves a half-written copy under dst's name, and an existing file
// is never replaced. (bbolt's CopyFile does neither.)
func writeSnapshot(btx *bolt.Tx, dst string) error {
	if _, err := os.Lstat(dst); err == nil {
		return &fs.PathError{Op: "back up to", Path: dst, Err: fs.ErrExist}
	}
	dir := filepath.Dir(dst)
	tmp, err := os.CreateTemp(dir, ".lumbar-copy-*")
	if err != nil {
		return err
	}
	defer os.Remove(tmp.Name())
	_, err = btx.WriteTo(tmp)
	if err == nil {
		err = tmp.Sync()
	}
	if cerr := tmp.Close(); err == nil {
		err = cerr
	}
	if err == nil {
		err = os.Link(tmp.Name(), dst)
	}
	if err != nil {
		if errors.Is(err, fs.ErrExist) {
			return &fs.PathError{Op: "back up to", Path: dst, Err: fs.ErrExist}
		}
		return err
	}
	return syncDir(dir)
}
