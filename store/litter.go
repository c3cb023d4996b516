package store

import (
	"os"
	"path/filepath"
	"strings"
	"time"
)

// Temporary files lumbar writes, then puts in place: a new data file
// (createIfMissing), a copy (writeSnapshot, keepCopy), and a report or an
// export (outFilePrefix, WriteFileAtomically). A lumbar killed in between
// leaves its temporary file behind.
const (
	newFilePrefix  = ".lumbar-new-"
	copyFilePrefix = ".lumbar-copy-"
)

// staleAfter is how old a temporary file must be before it counts as
// left behind: younger ones may belong to a lumbar still at work (a
// backup of years of records takes seconds).
const staleAfter = 10 * time.Minute

// removeStaleTemporaries removes, in dir, lumbar's own temporary files
// (prefix then the digits os.CreateTemp adds) that are regular files
// older than staleAfter. Litter is not worth an error: anything that
// cannot be read or removed is left alone.
func removeStaleTemporaries(dir string, prefixes ...string) {
	entries, err := os.ReadDir(dir)
	if err != nil {
		return
	}
	for _, e := range entries {
		if !e.Type().IsRegular() || !isTemporaryName(e.Name(), prefixes) {
			continue
		}
		if info, err := e.Info(); err == nil && time.Since(info.ModTime()) > staleAfter {
			_ = os.Remove(filepath.Join(dir, e.Name()))
		}
	}
}

func isTemporaryName(name string, prefixes []string) bool {
	for _, p := range prefixes {
		if rest, ok := strings.CutPrefix(name, p); ok && rest != "" && strings.Trim(rest, "0123456789") == "" {
			return true
		}
	}
	return false
}
