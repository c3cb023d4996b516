package store

import (
	"bytes"
	"errors"
	"os"
	"strings"
	"testing"
	"time"

	"lumbar/store/diary"
)

// fileWithBranches is a data file big enough for its water bucket to have
// branch pages.
func fileWithBranches(t *testing.T) string {
	s := openTemp(t)
	err := s.Update(func(tx *Tx) error {
		for i := range 2000 {
			at := time.Date(2026, 1, 1, 0, 0, 0, 0, time.UTC).Add(time.Duration(i) * time.Hour)
			if _, err := Water.Insert(tx, diary.WaterLog{Stamp: diary.StampAt(at), ML: 250}); err != nil {
				return err
			}
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	return s.Path()
}

// pagesOfType finds the pages of a type by their headers.
func pagesOfType(t *testing.T, data []byte, flags uint16) []uint64 {
	var ids []uint64
	for id := uint64(2); (id+1)*4096 <= uint64(len(data)); id++ {
		hdr := data[id*4096:]
		if native.Uint64(hdr) == id && native.Uint16(hdr[8:]) == flags {
			ids = append(ids, id)
		}
	}
	if len(ids) == 0 {
		t.Fatalf("no page of type %#x", flags)
	}
	return ids
}

// Damage that would send bbolt's own check round for ever, or out of
// the file, is refused by the walk that runs first.
func TestStructureDamageIsRefusedNotFollowed(t *testing.T) {
	for _, c := range []struct {
		name   string
		damage func(t *testing.T, data []byte) []byte
		detail string
	}{
		{"a leaf's overflow count set huge", func(t *testing.T, data []byte) []byte {
			// Every leaf: which ones are reachable, not free, depends on
			// how the file grew.
			for _, leaf := range pagesOfType(t, data, leafPage) {
				native.PutUint32(data[leaf*4096+12:], 0xFFFFFFFF)
			}
			return data
		}, "runs past"},
		{"a branch pointing at itself", func(t *testing.T, data []byte) []byte {
			branch := pagesOfType(t, data, branchPage)[0]
			native.PutUint64(data[branch*4096+pageHeaderSize+8:], branch)
			return data
		}, "reached twice"},
		{"a branch pointing past the end", func(t *testing.T, data []byte) []byte {
			branch := pagesOfType(t, data, branchPage)[0]
			native.PutUint64(data[branch*4096+pageHeaderSize+8:], 1<<40)
			return data
		}, "outside"},
		{"the file cut short", func(t *testing.T, data []byte) []byte {
			return data[:len(data)/4]
		}, "cut short"},
	} {
		t.Run(c.name, func(t *testing.T) {
			path := fileWithBranches(t)
			data, err := os.ReadFile(path)
			if err != nil {
				t.Fatal(err)
			}
			if err := os.WriteFile(path, c.damage(t, data), 0o600); err != nil {
				t.Fatal(err)
			}
			before := checksum(t, path)
			_, err = Open(path)
			if !errors.Is(err, ErrCorrupt) || !strings.Contains(err.Error(), c.detail) {
				t.Fatalf("Open = %v, want ErrCorrupt saying %q", err, c.detail)
			}
			assertOneLineNaming(t, err, path)
			if checksum(t, path) != before {
				t.Error("the refused file changed")
			}
		})
	}
}

// Damage that appears while a handle is open (a key zeroed in place by
// another program, as the open app went on logging water) is found before
// the next write, which is refused with the file left as it was. A write
// by another lumbar meanwhile is checked again and not mistaken for
// damage.
func TestDamageAfterOpenIsFoundBeforeWriting(t *testing.T) {
	path := fileWithBranches(t)
	s, err := Open(path)
	if err != nil {
		t.Fatal(err)
	}
	glass := diary.WaterLog{Stamp: diary.StampAt(time.Date(2026, 11, 27, 9, 0, 0, 0, time.UTC)), ML: 250}
	mustAppend(t, s, Water, glass)
	other, err := Open(path)
	if err != nil {
		t.Fatal(err)
	}
	mustAppend(t, other, Water, glass)
	mustAppend(t, s, Water, glass)

	// fileWithBranches wrote record i at i hours into 2026, each page once.
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	prefix := timePrefix(time.Date(2026, 1, 1, 0, 0, 0, 0, time.UTC).Add(1000 * time.Hour))
	at := bytes.Index(data, prefix)
	if at < 0 || bytes.Count(data, prefix) != 1 {
		t.Fatalf("the key is in the file %d times", bytes.Count(data, prefix))
	}
	zeroInPlace(t, path, at, KeySize)

	before := checksum(t, path)
	if _, err := Water.Append(s, glass); !errors.Is(err, ErrCorrupt) {
		t.Fatalf("a write after damage appeared = %v, want ErrCorrupt", err)
	}
	if checksum(t, path) != before {
		t.Error("the damaged file was written")
	}
}

// zeroInPlace overwrites n bytes at off, as a program ignoring the lock
// would.
func zeroInPlace(t *testing.T, path string, off, n int) {
	t.Helper()
	f, err := os.OpenFile(path, os.O_WRONLY, 0)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	if _, err := f.WriteAt(make([]byte, n), int64(off)); err != nil {
		t.Fatal(err)
	}
}
