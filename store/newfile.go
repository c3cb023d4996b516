package store

import (
	"errors"
	"io"
	"io/fs"
	"os"
	"path/filepath"
)

// outFilePrefix names the temporary file WriteFileAtomically writes
// beside the file the person asked for (a report, an export).
const outFilePrefix = ".lumbar-out-"

// WriteFileAtomically writes a file of the person's (a report, an
// export) through a temporary one beside it, readable by its owner only
// (it is health data) and fsync'ed, then put in place: nobody ever sees
// half of it, and a write that fails leaves what was there before, an
// earlier file of that name included. Without replace an existing file
// is never overwritten: the error is then fs.ErrExist. A file error
// names path, never the temporary file, which the person never asked for.
// A temporary file an earlier write killed half-way left in that folder
// is removed once stale, as the data file's folder is kept tidy at open.
func WriteFileAtomically(path string, replace bool, write func(io.Writer) error) error {
	removeStaleTemporaries(filepath.Dir(path), outFilePrefix)
	return namingPath(path, writeThroughTemporary(path, outFilePrefix, replace, write))
}

// writeThroughTemporary is how every file lumbar writes whole is put in
// place (a report, an export, a backup, a kept copy): written into a
// temporary file beside path named prefix and digits (os.CreateTemp,
// mode 0600), fsync'ed, then renamed over path when replace, else linked
// to it, which fails with fs.ErrExist rather than replace a file. The
// temporary file is gone afterwards, whatever happened.
func writeThroughTemporary(path, prefix string, replace bool, write func(io.Writer) error) error {
	tmp, err := os.CreateTemp(filepath.Dir(path), prefix+"*")
	if err != nil {
		return err
	}
	defer os.Remove(tmp.Name())
	err = write(tmp)
	if err == nil {
		err = tmp.Sync()
	}
	if cerr := tmp.Close(); err == nil {
		err = cerr
	}
	if err != nil {
		return err
	}
	if replace {
		return os.Rename(tmp.Name(), path)
	}
	return os.Link(tmp.Name(), path)
}

// namingPath is err with the file it names made path: an error of the
// temporary file, or of linking it into place, is one of writing path.
func namingPath(path string, err error) error {
	var pathErr *fs.PathError
	var linkErr *os.LinkError
	switch {
	case errors.As(err, &pathErr):
		return &fs.PathError{Op: pathErr.Op, Path: path, Err: pathErr.Err}
	case errors.As(err, &linkErr):
		return &fs.PathError{Op: "create", Path: path, Err: linkErr.Err}
	}
	return err
}
