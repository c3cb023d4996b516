package store

import (
	"encoding/binary"
	"fmt"
	"hash/fnv"
	"os"
	"syscall"

	bolt "go.etcd.io/bbolt"
)

// bbolt's file format (version 2), as far as checkStructure reads it.
// Numbers are in the machine's byte order, as bbolt writes them.
const (
	pageHeaderSize  = 16 // id u64, flags u16, count u16, overflow u32
	elementSize     = 16 // branch: pos u32, ksize u32, child u64; leaf: flags u32, pos u32, ksize u32, vsize u32
	bucketHeader    = 16 // a bucket's value: root page u64, sequence u64 (an inline bucket's page follows)
	metaSize        = 64 // magic, version, page size, flags u32; root bucket; freelist, pages, txid u64; checksum u64
	metaSummed      = 56 // the checksum covers the meta up to itself
	branchPage      = 0x01
	leafPage        = 0x02
	freelistPage    = 0x10
	bucketEntry     = 0x01
	boltMagic       = 0xED0CDAED
	boltVersion     = 2
	noFreelist      = ^uint64(0)
	freelistCounted = 0xFFFF // a freelist page whose count is in its first id slot
)

var native = binary.NativeEndian

// checkStructure walks the file's page tree in a read-only mapping of
// its own, where every access is bounds-checked, and refuses what would
// send bbolt out of bounds or round in circles.
//
// bbolt trusts the pages it reads through its memory map: a child page
// number past the end of the file is a memory fault, a page reached
// twice (a cycle) recurses without end, and a damaged overflow count sets
// its consistency check looping over four billion pages. Its check also
// runs in a goroutine of its own, where a fault cannot be recovered. So
// before bbolt's check runs, this walk makes sure every page it will read
// lies inside the file, is reached once, and holds what its header says.
// The caller has checked that the file is as long as its pages need.
func checkStructure(btx *bolt.Tx, file *os.File) error {
	size := btx.Size()
	data, err := syscall.Mmap(int(file.Fd()), 0, int(size), syscall.PROT_READ, syscall.MAP_SHARED)
	if err != nil {
		return err
	}
	defer syscall.Munmap(data)
	w := &pageWalker{data: data, pageSize: btx.DB().Info().PageSize}
	meta, err := w.meta(uint64(btx.ID()))
	if err != nil {
		return err
	}
	w.pages = native.Uint64(meta[40:])
	w.seen = make([]bool, w.pages)
	if err := w.freelist(native.Uint64(meta[32:])); err != nil {
		return err
	}
	return w.tree(native.Uint64(meta[16:]))
}

type pageWalker struct {
	data     []byte // the file, mapped
	pageSize int
	pages    uint64 // the high-water mark: page numbers below it are in use
	seen     []bool // pages reached so far
}

// meta returns the meta page bbolt opened the transaction with.
func (w *pageWalker) meta(txid uint64) ([]byte, error) {
	for i := range 2 {
		at := i*w.pageSize + pageHeaderSize
		if at+metaSize > len(w.data) {
			break
		}
		m := w.data[at : at+metaSize]
		h := fnv.New64a()
		h.Write(m[:metaSummed])
		valid := native.Uint32(m) == boltMagic && native.Uint32(m[4:]) == boltVersion &&
			native.Uint64(m[metaSummed:]) == h.Sum64()
		if valid && native.Uint64(m[48:]) == txid {
			return m, nil
		}
	}
	return nil, fmt.Errorf("neither header matches the open transaction")
}

// page returns page id whole, with its overflow pages, after checking
// its header.
func (w *pageWalker) page(id uint64) ([]byte, error) {
	if id < 2 || id >= w.pages || int64(w.pages)*int64(w.pageSize) > int64(len(w.data)) {
		return nil, fmt.Errorf("page %d is outside the %d pages in use", id, w.pages)
	}
	start := id * uint64(w.pageSize)
	hdr := w.data[start : start+pageHeaderSize]
	overflow := uint64(native.Uint32(hdr[12:]))
	switch {
	case native.Uint64(hdr) != id:
		return nil, fmt.Errorf("page %d says it is page %d", id, native.Uint64(hdr))
	case id+overflow >= w.pages:
		return nil, fmt.Errorf("page %d runs past the %d pages in use", id, w.pages)
	}
	for i := id; i <= id+overflow; i++ {
		if w.seen[i] {
			return nil, fmt.Errorf("page %d is reached twice", i)
		}
		w.seen[i] = true
	}
	return w.data[start : start+(overflow+1)*uint64(w.pageSize)], nil
}

// freelist checks the page that lists the free pages.
func (w *pageWalker) freelist(id uint64) error {
	if id == noFreelist {
		return nil
	}
	data, err := w.page(id)
	if err != nil {
		return fmt.Errorf("free-page list: %w", err)
	}
	if flags := native.Uint16(data[8:]); flags != freelistPage {
		return fmt.Errorf("page %d should list the free pages but is of type %#x", id, flags)
	}
	first, count := pageHeaderSize, uint64(native.Uint16(data[10:]))
	if count == freelistCounted {
		count, first = native.Uint64(data[pageHeaderSize:]), pageHeaderSize+8
	}
	if count > uint64(len(data)-first)/8 {
		return fmt.Errorf("page %d lists %d free pages, more than it holds", id, count)
	}
	for i := range int(count) {
		if free := native.Uint64(data[first+8*i:]); free < 2 || free >= w.pages {
			return fmt.Errorf("page %d lists free page %d, outside the %d pages in use", id, free, w.pages)
		}
	}
	return nil
}

// tree walks the pages under id: a bucket's root page.
func (w *pageWalker) tree(id uint64) error {
	data, err := w.page(id)
	if err != nil {
		return err
	}
	count := int(native.Uint16(data[10:]))
	if pageHeaderSize+count*elementSize > len(data) {
		return fmt.Errorf("page %d claims %d entries, more than it holds", id, count)
	}
	switch flags := native.Uint16(data[8:]); flags {
	case leafPage:
		return w.leaf(data, count)
	case branchPage:
		if count == 0 {
			return fmt.Errorf("page %d branches to nothing", id)
		}
		for i := range count {
			el := data[pageHeaderSize+i*elementSize:]
			if _, err := span(data, pageHeaderSize+i*elementSize, native.Uint32(el), uint64(native.Uint32(el[4:]))); err != nil {
				return fmt.Errorf("page %d entry %d: %w", id, i, err)
			}
			if err := w.tree(native.Uint64(el[8:])); err != nil {
				return err
			}
		}
		return nil
	default:
		return fmt.Errorf("page %d is of unknown type %#x", id, flags)
	}
}

// leaf checks a leaf page's entries (page is the page's bytes, or an
// inline bucket's) and walks the buckets it holds.
func (w *pageWalker) leaf(page []byte, count int) error {
	for i := range count {
		at := pageHeaderSize + i*elementSize
		el := page[at:]
		ksize, vsize := native.Uint32(el[8:]), native.Uint32(el[12:])
		kv, err := span(page, at, native.Uint32(el[4:]), uint64(ksize)+uint64(vsize))
		if err != nil {
			return fmt.Errorf("a leaf's entry %d: %w", i, err)
		}
		if native.Uint32(el)&bucketEntry == 0 {
			continue
		}
		if err := w.bucket(kv[ksize:]); err != nil {
			return err
		}
	}
	return nil
}

// bucket walks a nested bucket from its value: a root page, or a page
// kept inline after the header.
func (w *pageWalker) bucket(value []byte) error {
	if len(value) < bucketHeader {
		return fmt.Errorf("a bucket's header is cut short")
	}
	if root := native.Uint64(value); root != 0 {
		return w.tree(root)
	}
	inline := value[bucketHeader:]
	if len(inline) < pageHeaderSize || native.Uint16(inline[8:]) != leafPage {
		return fmt.Errorf("an inline bucket is not a leaf")
	}
	count := int(native.Uint16(inline[10:]))
	if pageHeaderSize+count*elementSize > len(inline) {
		return fmt.Errorf("an inline bucket claims %d entries, more than it holds", count)
	}
	return w.leaf(inline, count)
}

// span is the n bytes at pos past the element at elem, if they lie
// within page.
func span(page []byte, elem int, pos uint32, n uint64) ([]byte, error) {
	start := uint64(elem) + uint64(pos)
	if end := start + n; end > uint64(len(page)) {
		return nil, fmt.Errorf("bytes %d to %d lie past the page's %d", start, end, len(page))
	}
	return page[start : start+n], nil
}
