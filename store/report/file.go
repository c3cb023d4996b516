package report

import (
	"errors"
	"fmt"
	"io"
	"io/fs"
	"path/filepath"
	"strings"

	"lumbar/store"
)

// DefaultDays is the period a report covers unless told otherwise: about
// the three months a doctor asks about.
const DefaultDays = 90

// FileName is the name a report of p goes by: the period in it, so
// reports of different periods sit side by side in a folder.
func FileName(p Period) string {
	return fmt.Sprintf("lumbar-report-%s-to-%s.html", p.First, p.Last)
}

// WriteFile writes page to path as a new file, readable by its owner
// only (it is health data): an existing file is refused with
// fs.ErrExist unless replace. A write that fails leaves no half a report
// and keeps the report it would have replaced.
func WriteFile(path string, page []byte, replace bool) error {
	return store.WriteFileAtomically(path, replace, func(w io.Writer) error {
		_, err := w.Write(page)
		return err
	})
}

// maxNumbered bounds the numbered names WriteNew tries.
const maxNumbered = 99

// WriteNew writes the report of p into dir under its FileName, or, when
// that is taken, the first free numbered one (…-2.html, …-3.html): a
// report made again never replaces an earlier one. It returns the path.
func WriteNew(dir string, p Period, page []byte) (string, error) {
	base := strings.TrimSuffix(FileName(p), ".html")
	for n := 1; n <= maxNumbered; n++ {
		name := base + ".html"
		if n > 1 {
			name = fmt.Sprintf("%s-%d.html", base, n)
		}
		path := filepath.Join(dir, name)
		err := WriteFile(path, page, false)
		if !errors.Is(err, fs.ErrExist) {
			return path, err
		}
	}
	return "", fmt.Errorf("%s and %d numbered copies already exist in %s", base+".html", maxNumbered-1, dir)
}
