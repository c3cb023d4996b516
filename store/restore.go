package store

import (
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"syscall"
	"time"
)

// Restore puts the backup at backup in place of the data file at path:
// the pair of Backup. The backup is checked first as a data file is
// before anything writes to it (lumbar's, not newer than this lumbar,
// every page sound) and is never written itself; a backup of an older
// schema is upgraded by the next open, as any file is. The file as it
// was, damaged or not, is kept beside it (RestoreBackupPath), copied byte
// for byte under its lock so no lumbar writes to it meanwhile; then the
// checked copy of the backup is renamed over it in one step. kept is ""
// when there was no data file yet.
func Restore(path, backup string, now time.Time) (kept string, err error) {
	if path, err = filepath.Abs(path); err != nil {
		return "", err
	}
	if backup, err = filepath.Abs(backup); err != nil {
		return "", err
	}
	if resolved, err := filepath.EvalSymlinks(path); err == nil {
		path = resolved // a link to the diary stays a link; the diary is replaced
	}
	if err := checkKind(path); err != nil {
		return "", err
	}
	if err := checkBackupToRestore(path, backup); err != nil {
		return "", err
	}
	dir := filepath.Dir(path)
	if err := os.MkdirAll(dir, 0o700); err != nil {
		return "", unreadableError(path, err)
	}
	tmp, err := copyToTemporary(backup, dir, newFilePrefix)
	if err != nil {
		return "", fmt.Errorf("cannot copy %s beside %s: %w", backup, path, err)
	}
	defer os.Remove(tmp)
	current, err := os.OpenFile(path, os.O_RDWR, 0)
	if errors.Is(err, fs.ErrNotExist) {
		return "", placeNew(tmp, path)
	}
	if err != nil {
		return "", unreadableError(path, err)
	}
	defer current.Close()
	if err := lockWithin(current, syscall.LOCK_EX, DefaultLockTimeout); err != nil {
		if errors.Is(err, ErrBusy) {
			return "", busyError(path)
		}
		return "", unreadableError(path, err)
	}
	kept = RestoreBackupPath(path, now)
	if err := keepCopy(current, kept); err != nil {
		return "", fmt.Errorf("keeping a copy of %s before restoring: %w", path, err)
	}
	if err := os.Rename(tmp, path); err != nil {
		return "", fmt.Errorf("restoring %s: %w", path, err)
	}
	return kept, syncDir(dir)
}

// RestoreBackupPath names the copy Restore keeps of the file it replaces.
func RestoreBackupPath(path string, at time.Time) string {
	return fmt.Sprintf("%s.before-restore-%s.bak", path, at.UTC().Format("20060102T150405Z"))
}

// checkBackupToRestore checks the backup in place, reading only, and
// refuses to restore the data file onto itself.
func checkBackupToRestore(path, backup string) error {
	if err := checkKind(backup); err != nil {
		return adviseOtherBackup(err)
	}
	info, err := os.Stat(backup)
	if err != nil {
		return &FileError{Path: backup, Reason: fs.ErrNotExist, Detail: "cannot be read: " + pathCause(err),
			Advice: "give the path of a backup made with lumbar backup"}
	}
	if now, err := os.Stat(path); err == nil && os.SameFile(info, now) {
		return fmt.Errorf("%s is the data file itself, not a backup of it", backup)
	}
	s := &Store{path: backup, lockTimeout: DefaultLockTimeout, migrations: schemaMigrations}
	if err := s.checkPages(withBoltCheck); err != nil {
		return adviseOtherBackup(err)
	}
	return adviseOtherBackup(s.View(func(tx *Tx) error {
		_, err := s.checkFormat(tx.btx)
		return err
	}))
}

// adviseOtherBackup turns the advice of a refused data file into advice
// about the backup.
func adviseOtherBackup(err error) error {
	var fe *FileError
	if errors.As(err, &fe) && fe.Reason != ErrBusy {
		fe.Advice = "it cannot be restored; choose another backup"
	}
	return err
}

func pathCause(err error) string {
	var pe *fs.PathError
	if errors.As(err, &pe) {
		return pe.Err.Error()
	}
	return err.Error()
}

// copyToTemporary copies the file src into a new temporary file in dir,
// fsync'ed, and returns its path.
func copyToTemporary(src, dir, prefix string) (string, error) {
	in, err := os.Open(src)
	if err != nil {
		return "", err
	}
	defer in.Close()
	out, err := os.CreateTemp(dir, prefix+"*")
	if err != nil {
		return "", err
	}
	_, err = io.Copy(out, in)
	if err == nil {
		err = out.Sync()
	}
	if cerr := out.Close(); err == nil {
		err = cerr
	}
	if err != nil {
		os.Remove(out.Name())
		return "", err
	}
	return out.Name(), nil
}

// keepCopy copies the open file f byte for byte to dst, a new file,
// written under a temporary name and linked into place when whole.
func keepCopy(f *os.File, dst string) error {
	if _, err := f.Seek(0, io.SeekStart); err != nil {
		return err
	}
	return writeThroughTemporary(dst, copyFilePrefix, false, func(w io.Writer) error {
		_, err := io.Copy(w, f)
		return err
	})
}

// placeNew links the checked copy into place where there was no data
// file; one that appeared meanwhile is never replaced.
func placeNew(tmp, path string) error {
	if err := os.Link(tmp, path); err != nil {
		if errors.Is(err, fs.ErrExist) {
			return fmt.Errorf("%s appeared while restoring; run lumbar restore again", path)
		}
		return unreadableError(path, err)
	}
	return syncDir(filepath.Dir(path))
}
