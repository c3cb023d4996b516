package store

import (
	"errors"
	"fmt"
	"io/fs"
	"math/rand/v2"
	"os"
	"path/filepath"
	"runtime/debug"
	"sync/atomic"
	"syscall"
	"time"

	bolt "go.etcd.io/bbolt"
	berrors "go.etcd.io/bbolt/errors"
)

// DefaultLockTimeout is how long an operation waits for another process to
// finish with the file before giving up with ErrBusy.
const DefaultLockTimeout = time.Second

// Store is a handle on the data file. It holds no open file between
// operations, so it is cheap to keep and safe to share between goroutines.
type Store struct {
	path        string
	lockTimeout time.Duration
	// lockWaiting, when set (by tests), is called once an open finds the
	// file locked by someone else and starts waiting.
	lockWaiting func()
	migrations  []migration
	readOnly    bool                        // opened with OpenToRead: Update refuses
	damaged     atomic.Pointer[FileError]   // set once bbolt panicked on this file
	verified    atomic.Pointer[os.FileInfo] // the file as last checked or written by this handle (see checkBeforeWriting)
	skipped     damagedSeen                 // records reads skipped because they cannot be read
}

// Open checks the data file at path, creating it (and its folder, mode
// 0700) if it does not exist, and brings its schema up to date. A file
// that is not lumbar's, is damaged, or was written by a newer lumbar is
// refused with a *FileError and left untouched.
//
// Open also checks every page of the file (checkStructure, about two
// milliseconds for ten years of records), so a damaged file is refused
// before anything is written to it.
func Open(path string) (*Store, error) {
	return open(path, true, schemaMigrations)
}

// OpenToRead is Open for commands that only read (status lines run every
// few seconds): it skips the page walk, and its Update refuses to write.
// It never creates anything: a missing file is a *FileError matching
// fs.ErrNotExist, which a reader may take as an empty diary.
func OpenToRead(path string) (*Store, error) {
	s, err := open(path, false, schemaMigrations)
	if err != nil {
		return nil, err
	}
	s.readOnly = true
	return s, nil
}

// ErrReadOnly is returned by Update on a store opened with OpenToRead.
var ErrReadOnly = errors.New("data file opened for reading only")

// open checks (and if checkPages, walks) the file before any migration
// may write to it. Only a store opened to write (checkPages) creates a
// missing file.
func open(path string, checkPages bool, migrations []migration) (*Store, error) {
	abs, err := filepath.Abs(path)
	if err != nil {
		return nil, &FileError{Path: path, Reason: ErrUnreadable, Detail: "is not a usable path: " + err.Error()}
	}
	s := &Store{path: abs, lockTimeout: DefaultLockTimeout, migrations: migrations}
	if err := checkKind(abs); err != nil {
		return nil, err
	}
	if checkPages {
		removeStaleTemporaries(filepath.Dir(abs), newFilePrefix, copyFilePrefix)
		if _, err := s.createIfMissing(); err != nil {
			return nil, err
		}
	} else if err := s.checkExists(); err != nil {
		return nil, err
	}
	if checkPages {
		if err := s.checkPages(lumbarCheck); err != nil {
			return nil, err
		}
	}
	if err := s.checkAndMigrate(); err != nil {
		return nil, err
	}
	return s, nil
}

// Path is the absolute path of the data file.
func (s *Store) Path() string { return s.path }

// Tx is one transaction on the data file.
type Tx struct {
	btx   *bolt.Tx
	store *Store     // told about damaged records the transaction skips
	write *lastWrite // the records this transaction changed, for undo (see undo.go)
	// applying is true while operations from other replicas are applied:
	// they are neither recorded again nor noted for undo (apply.go).
	applying bool
}

// View runs fn in a read-only transaction.
func (s *Store) View(fn func(*Tx) error) error {
	return s.withDB(reading, func(db *bolt.DB, file *os.File) error {
		return db.View(func(btx *bolt.Tx) error {
			if err := s.checkLength(btx, file); err != nil {
				return err
			}
			return fn(&Tx{btx: btx, store: s})
		})
	})
}

// Update runs fn in one read-write transaction and bumps the revision
// counter in the same transaction. If fn fails nothing is written. A file
// that changed since this handle last checked or wrote it is checked
// again first, and refused if damaged (checkBeforeWriting).
func (s *Store) Update(fn func(*Tx) error) error {
	if s.readOnly {
		return ErrReadOnly
	}
	return s.withDB(writing, func(db *bolt.DB, file *os.File) error {
		if err := s.checkBeforeWriting(db, file); err != nil {
			return err
		}
		err := db.Update(func(btx *bolt.Tx) error {
			tx := &Tx{btx: btx, store: s}
			if err := fn(tx); err != nil {
				return err
			}
			if err := saveLastWrite(tx); err != nil {
				return err
			}
			return bumpRevision(btx)
		})
		if err != nil {
			return err
		}
		return s.noteVerified(file)
	})
}

// Revision is the write counter: it changes whenever anyone writes.
func (s *Store) Revision() (uint64, error) { return Read(s, RevisionOf) }

// access is how an operation opens the file.
type access int

const (
	reading access = iota // shared lock, no writes
	writing               // exclusive lock
)

// withDB opens the file, runs fn with it and the descriptor bbolt reads
// through, and closes the file again. Damage bbolt meets on the way (a
// panic or a memory fault, see recoverDamage) becomes the one-line
// ErrCorrupt refusal, and from then on this handle refuses every
// operation.
func (s *Store) withDB(how access, fn func(*bolt.DB, *os.File) error) (err error) {
	if fe := s.damaged.Load(); fe != nil {
		return fe
	}
	var file *os.File // set by the open hook, so a panic can still release the lock
	defer recoverDamage(s, &file, &err)
	defer debug.SetPanicOnFault(debug.SetPanicOnFault(true))
	db, err := s.openBolt(how, func(f *os.File) { file = f })
	if err != nil {
		return err
	}
	err = fn(db, file)
	if cerr := db.Close(); err == nil && cerr != nil {
		err = cerr
	}
	return err
}

func (s *Store) openBolt(how access, opened func(*os.File)) (*bolt.DB, error) {
	db, err := bolt.Open(s.path, 0o600, &bolt.Options{
		ReadOnly: how == reading,
		OpenFile: func(name string, flag int, perm os.FileMode) (*os.File, error) {
			f, err := s.openLocked(name, flag, perm)
			if err == nil {
				opened(f)
			}
			return f, err
		},
	})
	if err == nil {
		return db, nil
	}
	var fe *FileError
	switch {
	case errors.As(err, &fe):
		return nil, err
	case errors.Is(err, fs.ErrNotExist):
		return nil, &FileError{Path: s.path, Reason: ErrUnreadable, Detail: "no longer exists",
			Advice: "it was moved or deleted while lumbar was running; restart lumbar"}
	case isPathError(err):
		return nil, unreadableError(s.path, err)
	case errors.Is(err, berrors.ErrTimeout):
		return nil, busyError(s.path)
	default:
		return nil, notLumbarError(s.path, "is not a lumbar data file (its contents are not a database)")
	}
}

// openLocked is bbolt's OpenFile hook. It never creates a file (see
// createIfMissing) and takes the file lock itself, retrying every few
// milliseconds until lockTimeout: bbolt's own retry sleeps 50 ms between
// tries, which lets a busy writer starve everyone else.
func (s *Store) openLocked(name string, flag int, perm os.FileMode) (*os.File, error) {
	for range maxReplacedWhileWaiting {
		f, err := s.openLockedOnce(name, flag, perm)
		if !errors.Is(err, errReplacedWhileWaiting) {
			return f, err
		}
	}
	return nil, busyError(s.path)
}

// errReplacedWhileWaiting: the path was renamed over (lumbar restore puts
// a backup in place that way) while this open waited for the lock on the
// file it named before. Writing there would go into a file nobody will
// read again, so the open starts over on the file the path names now.
var errReplacedWhileWaiting = errors.New("data file replaced while waiting for its lock")

// maxReplacedWhileWaiting bounds the starts over: a path renamed over
// again and again is as good as busy.
const maxReplacedWhileWaiting = 10

func (s *Store) openLockedOnce(name string, flag int, perm os.FileMode) (*os.File, error) {
	// O_NONBLOCK: should the path have become a FIFO since it was
	// checked, the open returns at once instead of waiting for a writer.
	f, err := os.OpenFile(name, flag&^os.O_CREATE|syscall.O_NONBLOCK, perm)
	if err != nil {
		return nil, err
	}
	if info, err := f.Stat(); err != nil || !info.Mode().IsRegular() {
		f.Close()
		if err != nil {
			return nil, err
		}
		return nil, kindError(s.path, info.Mode())
	}
	how := syscall.LOCK_EX
	if flag&(os.O_WRONLY|os.O_RDWR) == 0 {
		how = syscall.LOCK_SH
	}
	if err := s.lock(f, how); err != nil {
		f.Close()
		if errors.Is(err, ErrBusy) {
			return nil, busyError(s.path)
		}
		return nil, err
	}
	info, err := f.Stat()
	if err != nil {
		f.Close()
		return nil, err
	}
	if now, err := os.Stat(name); err == nil && !os.SameFile(info, now) {
		f.Close()
		return nil, errReplacedWhileWaiting
	}
	if info.Size() == 0 {
		f.Close()
		if hasContent(name) {
			// A file whose size is not known in advance (/proc/self/status).
			return nil, &FileError{Path: s.path, Reason: ErrNotDatabase,
				Detail: "is a special file whose size is not known, not a lumbar data file",
				Advice: "pass the path of a regular file with --db"}
		}
		// bbolt would quietly turn an empty file into an empty database.
		return nil, emptyFileError(s.path)
	}
	return f, nil
}

// hasContent tells whether a file that reports 0 bytes has some anyway,
// as the kernel's files under /proc do.
func hasContent(name string) bool {
	f, err := os.OpenFile(name, os.O_RDONLY|syscall.O_NONBLOCK, 0)
	if err != nil {
		return false
	}
	defer f.Close()
	n, _ := f.Read(make([]byte, 1))
	return n > 0
}

// lock takes the file lock within lockTimeout, telling lockWaiting when
// it has to wait.
func (s *Store) lock(f *os.File, how int) error {
	if s.lockWaiting != nil {
		if err := syscall.Flock(int(f.Fd()), how|syscall.LOCK_NB); err == nil {
			return nil
		}
		s.lockWaiting()
	}
	return lockWithin(f, how, s.lockTimeout)
}

func lockWithin(f *os.File, how int, timeout time.Duration) error {
	deadline := time.Now().Add(timeout)
	for {
		err := syscall.Flock(int(f.Fd()), how|syscall.LOCK_NB)
		if err == nil {
			return nil
		}
		if !errors.Is(err, syscall.EWOULDBLOCK) {
			return err
		}
		if time.Now().After(deadline) {
			return ErrBusy
		}
		time.Sleep(time.Millisecond + rand.N(3*time.Millisecond))
	}
}

func emptyFileError(path string) error {
	return &FileError{Path: path, Reason: ErrEmptyFile,
		Detail: "is an empty file (0 bytes), not a lumbar data file",
		Advice: "delete it to start a new diary there, or pass another file with --db"}
}

func isPathError(err error) bool {
	var pe *fs.PathError
	return errors.As(err, &pe)
}

func unreadableError(path string, err error) error {
	detail := "cannot be opened"
	var pe *fs.PathError
	if errors.As(err, &pe) {
		detail += ": " + pe.Err.Error()
	}
	return &FileError{Path: path, Reason: ErrUnreadable, Detail: detail,
		Advice: "check the path and its permissions, or pass another file with --db"}
}

// checkKind refuses, before anything opens it, a path that is neither a
// regular file nor missing: opening a FIFO blocks until a writer comes,
// and a device or a dangling symlink is no diary. A missing file passes.
func checkKind(path string) error {
	link, err := os.Lstat(path)
	if err != nil {
		return nil // missing (or unreadable: the open says which)
	}
	info, err := os.Stat(path)
	if errors.Is(err, fs.ErrNotExist) && link.Mode()&fs.ModeSymlink != 0 {
		target, _ := os.Readlink(path)
		return &FileError{Path: path, Reason: ErrUnreadable,
			Detail: fmt.Sprintf("is a symbolic link to %s, which does not exist", target),
			Advice: "point it at your data file, remove it, or pass another file with --db"}
	}
	if err != nil {
		return unreadableError(path, err)
	}
	return kindError(path, info.Mode())
}

// kindError refuses anything but a regular file, naming what it is.
func kindError(path string, mode fs.FileMode) error {
	what := ""
	switch {
	case mode.IsRegular():
		return nil
	case mode.IsDir():
		return &FileError{Path: path, Reason: ErrUnreadable, Detail: "is a folder, not a file",
			Advice: "pass a file path with --db"}
	case mode&fs.ModeNamedPipe != 0:
		what = "a named pipe (FIFO)"
	case mode&fs.ModeDevice != 0, mode&fs.ModeCharDevice != 0:
		what = "a device"
	case mode&fs.ModeSocket != 0:
		what = "a socket"
	default:
		what = "a special file"
	}
	return &FileError{Path: path, Reason: ErrNotDatabase, Detail: "is " + what + ", not a lumbar data file",
		Advice: "pass the path of a regular file with --db"}
}

// checkExists refuses a missing file without creating it.
func (s *Store) checkExists() error {
	_, err := os.Stat(s.path)
	switch {
	case errors.Is(err, fs.ErrNotExist):
		return &FileError{Path: s.path, Reason: fs.ErrNotExist, Detail: "does not exist yet",
			Advice: "it is made the first time you log something"}
	case err != nil:
		return unreadableError(s.path, err)
	}
	return nil
}

// createIfMissing makes a fresh data file where none exists. The new file
// is built under a temporary name and linked into place, so no other
// process ever sees it half-made, and an existing file is never replaced.
// created is false when the file was already there (or another process
// made it first).
func (s *Store) createIfMissing() (created bool, err error) {
	_, err = os.Lstat(s.path) // a dangling symlink is not missing: checkKind refuses it
	switch {
	case err == nil:
		return false, nil
	case !errors.Is(err, fs.ErrNotExist):
		return false, unreadableError(s.path, err)
	}
	dir := filepath.Dir(s.path)
	if err := os.MkdirAll(dir, 0o700); err != nil {
		return false, unreadableError(s.path, err)
	}
	tmp, err := os.CreateTemp(dir, newFilePrefix+"*")
	if err != nil {
		return false, unreadableError(s.path, err)
	}
	tmpPath := tmp.Name()
	tmp.Close()
	defer os.Remove(tmpPath)
	if err := initFile(tmpPath); err != nil {
		return false, fmt.Errorf("creating %s: %w", s.path, err)
	}
	switch err := os.Link(tmpPath, s.path); {
	case errors.Is(err, fs.ErrExist):
		return false, nil
	case err != nil:
		return false, unreadableError(s.path, err)
	}
	return true, syncDir(dir)
}

// Create makes a new data file at path and opens it; a file already there
// is refused, never added to.
func Create(path string) (*Store, error) {
	abs, err := filepath.Abs(path)
	if err != nil {
		return nil, &FileError{Path: path, Reason: ErrUnreadable, Detail: "is not a usable path: " + err.Error()}
	}
	created, err := (&Store{path: abs}).createIfMissing()
	if err != nil {
		return nil, err
	}
	if !created {
		return nil, &FileError{Path: abs, Reason: fs.ErrExist, Detail: "already exists",
			Advice: "choose a new file name"}
	}
	return Open(abs)
}

// initFile writes lumbar's marker at schema 0 into an empty file;
// checkAndMigrate then brings it up to the current schema.
func initFile(path string) error {
	if err := os.Chmod(path, 0o600); err != nil {
		return err
	}
	db, err := bolt.Open(path, 0o600, &bolt.Options{Timeout: DefaultLockTimeout})
	if err != nil {
		return err
	}
	err = db.Update(func(btx *bolt.Tx) error {
		meta, err := btx.CreateBucket(bucketMeta)
		if err != nil {
			return err
		}
		if err := meta.Put(keyFormat, []byte(formatMarker)); err != nil {
			return err
		}
		return writeUint(meta, keySchema, 0)
	})
	if cerr := db.Close(); err == nil {
		err = cerr
	}
	return err
}

func syncDir(dir string) error {
	d, err := os.Open(dir)
	if err != nil {
		return err
	}
	defer d.Close()
	return d.Sync()
}

// RevisionOf reads the write counter inside a transaction.
func RevisionOf(tx *Tx) (uint64, error) {
	return readUint(tx.btx.Bucket(bucketMeta), keyRevision), nil
}
