package store

import (
	"io"
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
// is never overwritten: the error is then fs.ErrExist. Errors are the
// os package's, naming the temporary file or path.
func WriteFileAtomically(path string, replace bool, write func(io.Writer) error) error {
	tmp, err := os.CreateTemp(filepath.Dir(path), outFilePrefix+"*")
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
	return os.Link(tmp.Name(), path) // fails with fs.ErrExist rather than replace
}
