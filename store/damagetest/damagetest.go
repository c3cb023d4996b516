// Package damagetest damages copies of a data file the ways files get
// damaged — bytes flipped, a page header overwritten, a run of bytes
// zeroed, the file cut short — for the tests that hold lumbar to its
// promise: a damaged file is refused in one line, never a crash.
package damagetest

import (
	"fmt"
	"math/rand/v2"
	"os"
	"path/filepath"
	"testing"
	"time"

	"lumbar/store/demodata"
)

// DemoEnd is the day after the demo year DemoFile holds.
var DemoEnd = time.Date(2026, 11, 27, 12, 0, 0, 0, time.UTC)

// DemoFile builds a one-year demo file, in the test's temporary folder, to
// damage copies of.
func DemoFile(tb testing.TB) string {
	tb.Helper()
	path := filepath.Join(tb.TempDir(), "demo.db")
	if _, _, err := demodata.Build(path, 1, DemoEnd); err != nil {
		tb.Fatal(err)
	}
	return path
}

// Copy is one damaged copy of the source file.
type Copy struct {
	Path string
	How  string // what was done to it, for failure messages
}

// pageSize is bbolt's page size on the systems lumbar runs on.
const pageSize = 4096

// Make writes n damaged copies of the file at src into a temporary
// folder. The same seed damages the same way every run.
func Make(tb testing.TB, src string, n int, seed uint64) []Copy {
	tb.Helper()
	clean, err := os.ReadFile(src)
	if err != nil {
		tb.Fatal(err)
	}
	dir := tb.TempDir()
	copies := make([]Copy, n)
	for i := range copies {
		rng := rand.New(rand.NewPCG(seed, uint64(i)))
		data, how := damage(rng, clean)
		path := filepath.Join(dir, fmt.Sprintf("damaged-%03d.db", i))
		if err := os.WriteFile(path, data, 0o600); err != nil {
			tb.Fatal(err)
		}
		copies[i] = Copy{Path: path, How: fmt.Sprintf("copy %d: %s", i, how)}
	}
	return copies
}

// damage returns a damaged copy of clean and says how it was damaged.
func damage(rng *rand.Rand, clean []byte) ([]byte, string) {
	data := append([]byte(nil), clean...)
	switch rng.IntN(5) {
	case 0, 1:
		n := 1 + rng.IntN(8)
		for range n {
			flip(rng, data, rng.IntN(len(data)))
		}
		return data, fmt.Sprintf("%d random bytes changed", n)
	case 2:
		page := 2 + rng.IntN(len(data)/pageSize-2)
		at := page*pageSize + rng.IntN(16) // id, flags, count, overflow
		flip(rng, data, at)
		return data, fmt.Sprintf("page %d's header changed at byte %d", page, at)
	case 3:
		at := rng.IntN(len(data) - 16)
		clear(data[at : at+16])
		return data, fmt.Sprintf("16 bytes zeroed at %d", at)
	default:
		size := rng.IntN(len(data))
		if rng.IntN(2) == 0 {
			size -= size % pageSize
		}
		return data[:size], fmt.Sprintf("cut to %d bytes", size)
	}
}

// flip changes the byte at i to a different value.
func flip(rng *rand.Rand, data []byte, i int) {
	data[i] ^= byte(1 + rng.IntN(255))
}
