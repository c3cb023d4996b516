package store

import (
	"bytes"
	"errors"
	"hash/fnv"
	"os"
	"strings"
	"testing"
	"time"

	"lumbar/store/diary"

	bolt "go.etcd.io/bbolt"
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

// What bbolt's own consistency check (Tx.Check) refuses, the page check
// that opening runs refuses too, by itself: a free page in use, a page
// listed free twice, a page neither free nor in use, keys out of order
// within a page or outside the range its parent leads to. Each damaged
// file is put through bbolt's check as well, to show it is damage bbolt
// finds.
func TestPageCheckRefusesWhatBboltsCheckRefuses(t *testing.T) {
	for _, c := range []struct {
		name   string
		damage func(t *testing.T, data []byte, m *pageMap)
		detail string
	}{
		{"a key zeroed in a leaf", func(t *testing.T, data []byte, m *pageMap) {
			leaf := m.nodeWhere(t, func(n node) bool { return !n.branch && m.entries(data, n.id) >= 3 })
			clear(leafKey(data[leaf.id*4096:], 1))
		}, "out of order"},
		{"a leaf's first key below its parent's", func(t *testing.T, data []byte, m *pageMap) {
			branch := m.nodeWhere(t, func(n node) bool { return n.branch && n.links.to-n.links.from >= 2 })
			child := m.links[branch.links.from+1].page
			if m.nodes[m.node[child]].branch {
				t.Fatal("the branch leads to a branch")
			}
			clear(leafKey(data[child*4096:], 0))
		}, "outside those its parent leads to"},
		{"a page in use listed free", func(t *testing.T, data []byte, m *pageMap) {
			appendFree(t, data, m.nodeWhere(t, func(n node) bool { return !n.branch }).id)
		}, "in use but listed free"},
		{"a page listed free twice", func(t *testing.T, data []byte, m *pageMap) {
			list := freelistOf(data)
			if native.Uint16(list[10:]) == 0 {
				t.Fatal("no free pages to list twice")
			}
			appendFree(t, data, native.Uint64(list[pageHeaderSize:]))
		}, "listed free twice"},
		{"a page neither free nor in use", func(t *testing.T, data []byte, m *pageMap) {
			// One more page counted in use, holding an empty leaf that
			// nothing leads to.
			meta := currentMeta(data)
			lost := native.Uint64(meta[40:])
			if (lost+1)*4096 > uint64(len(data)) {
				t.Fatal("the file has no room past its pages")
			}
			native.PutUint64(meta[40:], lost+1)
			h := fnv.New64a()
			h.Write(meta[:metaSummed])
			native.PutUint64(meta[metaSummed:], h.Sum64())
			page := data[lost*4096:]
			native.PutUint64(page, lost)
			native.PutUint16(page[8:], leafPage)
			native.PutUint16(page[10:], 0)
			native.PutUint32(page[12:], 0)
		}, "neither in use nor free"},
	} {
		t.Run(c.name, func(t *testing.T) {
			path := fileWithBranches(t)
			m := pageMapOf(t, path)
			data, err := os.ReadFile(path)
			if err != nil {
				t.Fatal(err)
			}
			c.damage(t, data, m)
			if err := os.WriteFile(path, data, 0o600); err != nil {
				t.Fatal(err)
			}
			if err := boltCheck(t, path); err == nil {
				t.Fatal("bbolt's own check finds nothing wrong: the test damaged nothing it looks at")
			}
			before := checksum(t, path)
			_, err = Open(path)
			if !errors.Is(err, ErrCorrupt) || !strings.Contains(err.Error(), c.detail) {
				t.Fatalf("Open = %v, want ErrCorrupt saying %q", err, c.detail)
			}
			if checksum(t, path) != before {
				t.Error("the refused file changed")
			}
		})
	}
}

// pageMapOf checks the sound file at path and returns what the check
// learnt of its pages.
func pageMapOf(t *testing.T, path string) *pageMap {
	t.Helper()
	db, err := bolt.Open(path, 0o600, &bolt.Options{ReadOnly: true})
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	var m *pageMap
	err = db.View(func(btx *bolt.Tx) error {
		f, err := os.Open(path)
		if err != nil {
			return err
		}
		defer f.Close()
		m, err = mapPages(btx, f)
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	return m
}

// nodeWhere is the first page in use that ok accepts.
func (m *pageMap) nodeWhere(t *testing.T, ok func(node) bool) node {
	t.Helper()
	for _, n := range m.nodes {
		if ok(n) {
			return n
		}
	}
	t.Fatal("no such page in use")
	return node{}
}

// entries is the number of entries page id holds.
func (m *pageMap) entries(data []byte, id uint64) int {
	return int(native.Uint16(data[id*4096+10:]))
}

// currentMeta is the meta bbolt opens the file with: the valid one with
// the higher transaction number.
func currentMeta(data []byte) []byte {
	var best []byte
	for i := range 2 {
		m := data[i*4096+pageHeaderSize:][:metaSize]
		h := fnv.New64a()
		h.Write(m[:metaSummed])
		if native.Uint64(m[metaSummed:]) == h.Sum64() && (best == nil || native.Uint64(m[48:]) > native.Uint64(best[48:])) {
			best = m
		}
	}
	return best
}

func freelistOf(data []byte) []byte {
	return data[native.Uint64(currentMeta(data)[32:])*4096:]
}

// appendFree adds id to the free-page list.
func appendFree(t *testing.T, data []byte, id uint64) {
	t.Helper()
	list := freelistOf(data)
	count := native.Uint16(list[10:])
	if count >= freelistCounted-1 || pageHeaderSize+8*(int(count)+1) > 4096 {
		t.Fatal("the free-page list has no room")
	}
	native.PutUint64(list[pageHeaderSize+8*int(count):], id)
	native.PutUint16(list[10:], count+1)
}

// boltCheck runs bbolt's consistency check alone over the file.
func boltCheck(t *testing.T, path string) error {
	t.Helper()
	db, err := bolt.Open(path, 0o600, &bolt.Options{ReadOnly: true})
	if err != nil {
		return err
	}
	defer db.Close()
	var first error
	_ = db.View(func(btx *bolt.Tx) error {
		for err := range btx.Check() {
			if first == nil {
				first = err
			}
		}
		return nil
	})
	return first
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
