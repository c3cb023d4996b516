package store

import (
	"errors"
	"fmt"
)

// Reasons a data file is refused. Match them with errors.Is.
var (
	ErrBusy        = errors.New("data file busy")
	ErrEmptyFile   = errors.New("empty file")
	ErrNotDatabase = errors.New("not a database")
	ErrForeign     = errors.New("database of another program")
	ErrNewerSchema = errors.New("newer schema")
	ErrUnreadable  = errors.New("unreadable path")
	ErrCorrupt     = errors.New("damaged data file")
	ErrNotFound    = errors.New("record not found")
)

// FileError explains, in one line, why the data file at Path cannot be
// used and what the person can do about it. The file is never written when
// one of these is returned.
type FileError struct {
	Path   string
	Reason error  // one of the Err* values above
	Detail string // what is wrong, for a person
	Advice string // what to do next
}

func (e *FileError) Error() string {
	if e.Reason == ErrBusy {
		// Who holds the lock is not known: a lumbar writing, one reading
		// (which keeps writers out), or another program's flock.
		return fmt.Sprintf("data file busy: another process has held %s locked for over a second "+
			"(a lumbar window or command, or another program); try again", e.Path)
	}
	msg := fmt.Sprintf("%s %s", e.Path, e.Detail)
	if e.Advice != "" {
		msg += "; " + e.Advice
	}
	return msg
}

func (e *FileError) Unwrap() error { return e.Reason }

func busyError(path string) error { return &FileError{Path: path, Reason: ErrBusy} }

func notLumbarError(path, detail string) error {
	return &FileError{Path: path, Reason: ErrNotDatabase, Detail: detail,
		Advice: "pass another file with --db, or move this one away"}
}
