package store

import (
	"errors"
	"fmt"
	"io"
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
	if err := checkBackupTarget(dst); err != nil {
		return err
	}
	dir := filepath.Dir(dst)
	removeStaleTemporaries(dir, copyFilePrefix)
	err := writeThroughTemporary(dst, copyFilePrefix, false, func(w io.Writer) error {
		_, err := btx.WriteTo(w)
		return err
	})
	if err != nil {
		return backupError(dst, err)
	}
	return syncDir(dir)
}

// checkBackupTarget refuses, in the person's terms, a target that cannot
// be written, before any temporary file is made.
func checkBackupTarget(dst string) error {
	if dst == "" {
		return errors.New("cannot back up to an empty file name; give the path of a new file")
	}
	if _, err := os.Lstat(dst); err == nil {
		return &fs.PathError{Op: "back up to", Path: dst, Err: fs.ErrExist}
	}
	dir := filepath.Dir(dst)
	info, err := os.Stat(dir)
	switch {
	case errors.Is(err, fs.ErrNotExist):
		return fmt.Errorf("cannot back up to %q: the folder %q does not exist", dst, dir)
	case err == nil && !info.IsDir():
		return fmt.Errorf("cannot back up to %q: %q is not a folder", dst, dir)
	}
	return nil
}

// backupError names the backup's target and the cause, never the
// temporary file the copy was being written to.
func backupError(dst string, err error) error {
	if errors.Is(err, fs.ErrExist) {
		return &fs.PathError{Op: "back up to", Path: dst, Err: fs.ErrExist}
	}
	var pathErr *fs.PathError
	var linkErr *os.LinkError
	switch {
	case errors.As(err, &pathErr):
		err = pathErr.Err
	case errors.As(err, &linkErr):
		err = linkErr.Err
	}
	return fmt.Errorf("cannot back up to %q: %w", dst, err)
}
