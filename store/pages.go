package store

import (
	"bytes"
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

// checkStructure checks the file's pages for everything bbolt's own
// consistency check (Tx.Check) looks at, without trusting a byte of them:
//
//   - every page below the high-water mark is either free or in use, never
//     both and never neither (a page lost, or one that a later write would
//     hand out while it still holds records);
//   - no page is listed free twice, and the free-page list lies inside the
//     file;
//   - every page in use is reached exactly once from the root, is a branch
//     or a leaf, and holds what its header says, inside its own bytes;
//   - keys are in order: within each page, and each page's keys between the
//     two keys of its parent that lead to it (a key zeroed or flipped in
//     place is found here, as bbolt's check finds it).
//
// It reads the file once, front to back, through a window of its own
// read-only mapping that it releases as it goes (a big diary would
// otherwise count whole in the memory the process holds), and remembers
// of each page only its kind, the pages it leads to and its first and
// last keys; only then does it follow the tree, in that small record, so
// a page pointing outside the file or back at itself is refused instead
// of followed. A file cut short under it by another program is a memory
// fault, which withDB turns into the refusal.
//
// Opening for writing, and every write into a file changed by someone
// else, rely on this check alone. bbolt's Tx.Check walks the same tree
// again through its cursors and cost more than half of every writing
// command (lumbar water, lumbar log) when both ran; it finds nothing this
// check lets through (TestPageCheckRefusesWhatBboltsCheckRefuses,
// TestPageCheckAgreesWithBboltsOnDamagedCopies). It still runs, as a
// second opinion, where a person asked for every check (lumbar check) and
// before a backup replaces the data file (restore): see withBoltCheck.
//
// The caller has checked that the file is as long as its pages need.
func checkStructure(btx *bolt.Tx, file *os.File) error {
	_, err := mapPages(btx, file)
	return err
}

// mapPages is checkStructure, returning what it learnt of the pages.
func mapPages(btx *bolt.Tx, file *os.File) (*pageMap, error) {
	r, err := mapFile(file, btx.Size(), uint64(btx.DB().Info().PageSize))
	if err != nil {
		return nil, err
	}
	defer r.close()
	meta, err := r.meta(uint64(btx.ID()))
	if err != nil {
		return nil, err
	}
	r.pages = native.Uint64(meta[40:])
	if r.pages < 2 || r.pages*r.pageSize > uint64(len(r.data)) {
		return nil, fmt.Errorf("its header counts %d pages", r.pages)
	}
	root, freelist := native.Uint64(meta[16:]), native.Uint64(meta[32:])
	m := &pageMap{r: r, kind: make([]pageKind, r.pages), node: make([]int32, r.pages),
		// Room for what a file of lumbar's usual records keeps, so the
		// scan rarely grows them: a node per page, a link per page, a
		// first and a last key of up to 16 bytes per page.
		nodes: make([]node, 0, r.pages), links: make([]link, 0, r.pages), keys: make([]byte, 0, 32*r.pages)}
	if err := m.readFreelist(freelist); err != nil {
		return nil, err
	}
	if err := m.scan(); err != nil {
		return nil, err
	}
	return m, m.follow(root)
}

// pageReader reads pages through a read-only mapping of the file. The
// scan reads it front to back through a window of readChunk pages
// (window): the pages ahead are mapped in with one call instead of a
// fault each, and the pages behind are released, so the mapping never
// holds more than about a chunk of the file in memory, however big the
// file.
type pageReader struct {
	data          []byte // the file, mapped
	pageSize      uint64
	pages         uint64 // the high-water mark: page numbers below it are in use or free
	behind, ahead uint64 // the window: pages mapped in and not yet released
}

// readChunk is the scan's window: 1 MB of 4 KB pages.
const readChunk = 256

// madvPopulateRead (Linux 5.14) maps a range in, as reading it would.
const madvPopulateRead = 22

func mapFile(file *os.File, size int64, pageSize uint64) (*pageReader, error) {
	data, err := syscall.Mmap(int(file.Fd()), 0, int(size), syscall.PROT_READ, syscall.MAP_SHARED)
	if err != nil {
		return nil, err
	}
	return &pageReader{data: data, pageSize: pageSize}, nil
}

func (r *pageReader) close() { _ = syscall.Munmap(r.data) }

// window moves the scan's window to start at page id: the pages before it
// are released (they stay in the kernel's cache, out of this process's
// resident memory) and the next readChunk pages mapped in. Errors are
// ignored: an older kernel faults the pages in one by one instead.
func (r *pageReader) window(id uint64) {
	if id < r.ahead {
		return
	}
	if r.behind < id {
		_ = syscall.Madvise(r.data[r.behind*r.pageSize:id*r.pageSize], syscall.MADV_DONTNEED)
	}
	r.behind, r.ahead = id, min(id+readChunk, r.pages)
	_ = syscall.Madvise(r.data[id*r.pageSize:r.ahead*r.pageSize], madvPopulateRead)
}

// meta returns the meta page bbolt opened the transaction with.
func (r *pageReader) meta(txid uint64) ([]byte, error) {
	for i := range uint64(2) {
		at := i*r.pageSize + pageHeaderSize
		if at+metaSize > uint64(len(r.data)) {
			break
		}
		m := r.data[at : at+metaSize]
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

// read returns n pages from id on; the caller has checked they lie below
// the high-water mark, which mapPages has checked lies inside the file.
func (r *pageReader) read(id, n uint64) []byte {
	return r.data[id*r.pageSize : (id+n)*r.pageSize]
}

// run returns page id whole, with its overflow pages, after checking its
// header.
func (r *pageReader) run(id uint64) ([]byte, error) {
	head := r.read(id, 1)
	overflow := uint64(native.Uint32(head[12:]))
	switch {
	case native.Uint64(head) != id:
		return nil, fmt.Errorf("page %d says it is page %d", id, native.Uint64(head))
	case id+overflow >= r.pages:
		return nil, fmt.Errorf("page %d runs past the %d pages in use", id, r.pages)
	}
	return r.read(id, overflow+1), nil
}

// pageKind is what the scan found a page to be.
type pageKind uint8

const (
	pageUnread   pageKind = iota
	pageFree              // listed in the free-page list
	pageFreelist          // part of the free-page list itself
	pageStart             // the first page of a branch or a leaf
	pageOverflow          // a later page of a branch or leaf longer than one page
)

// pageMap is what the scan keeps of each page, for follow to check the
// tree with.
type pageMap struct {
	r       *pageReader
	kind    []pageKind // by page number
	node    []int32    // by page number: the page's entry in nodes, if it starts one
	nodes   []node
	links   []link // the pages each node leads to, nodes[i].links in order
	keys    []byte // every key kept, one after the other
	reached []bool // by page number, while following
}

// node is one branch or leaf page, as follow needs it.
type node struct {
	id          uint64
	branch      bool
	keyed       bool  // it holds keys: every branch, a leaf unless empty
	first, last keyAt // its first and last keys
	links       span  // its links in pageMap.links
}

// link leads from a page to another: a branch's child, with the key the
// child's keys start at; or a leaf's nested bucket's root page, whose tree
// has keys of its own (no key).
type link struct {
	page uint64
	key  keyAt
}

// keyAt is a key kept in pageMap.keys.
type keyAt struct{ at, n int32 }

type span struct{ from, to int32 }

func (m *pageMap) key(k keyAt) []byte { return m.keys[k.at : k.at+k.n] }

func (m *pageMap) keep(key []byte) keyAt {
	k := keyAt{at: int32(len(m.keys)), n: int32(len(key))}
	m.keys = append(m.keys, key...)
	return k
}

// readFreelist marks the free-page list's own pages and the pages it
// lists as free.
func (m *pageMap) readFreelist(id uint64) error {
	if id == noFreelist {
		// lumbar always keeps the list (bbolt's NoFreelistSync is never
		// set), and without it a page lost and a page free look the same.
		return fmt.Errorf("it keeps no list of free pages")
	}
	if id < 2 || id >= m.r.pages {
		return fmt.Errorf("its free-page list, page %d, is outside the %d pages in use", id, m.r.pages)
	}
	data, err := m.r.run(id)
	if err != nil {
		return fmt.Errorf("free-page list: %w", err)
	}
	if flags := native.Uint16(data[8:]); flags != freelistPage {
		return fmt.Errorf("page %d should list the free pages but is of type %#x", id, flags)
	}
	for i := range uint64(len(data)) / m.r.pageSize {
		m.kind[id+i] = pageFreelist
	}
	first, count := pageHeaderSize, uint64(native.Uint16(data[10:]))
	if count == freelistCounted {
		count, first = native.Uint64(data[pageHeaderSize:]), pageHeaderSize+8
	}
	if count > uint64(len(data)-first)/8 {
		return fmt.Errorf("page %d lists %d free pages, more than it holds", id, count)
	}
	for i := range int(count) {
		free := native.Uint64(data[first+8*i:])
		switch {
		case free < 2 || free >= m.r.pages:
			return fmt.Errorf("page %d lists free page %d, outside the %d pages in use", id, free, m.r.pages)
		case m.kind[free] == pageFree:
			return fmt.Errorf("page %d is listed free twice", free)
		case m.kind[free] == pageFreelist:
			return fmt.Errorf("page %d is listed free but holds the free-page list", free)
		}
		m.kind[free] = pageFree
	}
	return nil
}

// scan reads every page that is not free, in file order, and keeps what
// follow needs of each.
func (m *pageMap) scan() error {
	for id := uint64(2); id < m.r.pages; {
		m.r.window(id)
		if m.kind[id] != pageUnread {
			id++
			continue
		}
		data, err := m.r.run(id)
		if err != nil {
			return err
		}
		n := uint64(len(data)) / m.r.pageSize
		m.kind[id] = pageStart
		for i := id + 1; i < id+n; i++ {
			if m.kind[i] != pageUnread {
				return fmt.Errorf("page %d runs over page %d, which is listed free", id, i)
			}
			m.kind[i] = pageOverflow
		}
		if err := m.read(id, data); err != nil {
			return err
		}
		id += n
	}
	return nil
}

// read keeps a branch or leaf page: its links and first and last keys,
// once its own entries are checked.
func (m *pageMap) read(id uint64, data []byte) error {
	count := int(native.Uint16(data[10:]))
	if pageHeaderSize+count*elementSize > len(data) {
		return fmt.Errorf("page %d claims %d entries, more than it holds", id, count)
	}
	n := node{id: id, links: span{from: int32(len(m.links))}}
	var err error
	switch flags := native.Uint16(data[8:]); flags {
	case leafPage:
		err = m.leaf(data, count, &n)
	case branchPage:
		err = m.branch(data, count, &n)
	default:
		err = fmt.Errorf("is of unknown type %#x", flags)
	}
	if err != nil {
		return fmt.Errorf("page %d %w", id, err)
	}
	n.links.to = int32(len(m.links))
	m.node[id] = int32(len(m.nodes))
	m.nodes = append(m.nodes, n)
	return nil
}

func (m *pageMap) branch(data []byte, count int, n *node) error {
	if count == 0 {
		return fmt.Errorf("branches to nothing")
	}
	n.branch, n.keyed = true, true
	var previous []byte
	for i := range count {
		at := pageHeaderSize + i*elementSize
		el := data[at:]
		key, err := within(data, at, native.Uint32(el), uint64(native.Uint32(el[4:])))
		if err != nil {
			return fmt.Errorf("entry %d: %w", i, err)
		}
		if i > 0 && compareKeys(previous, key) >= 0 {
			return fmt.Errorf("has its keys out of order at entry %d", i)
		}
		previous = key
		k := m.keep(key)
		m.links = append(m.links, link{page: native.Uint64(el[8:]), key: k})
		if i == 0 {
			n.first = k
		}
		n.last = k
	}
	return nil
}

// leaf checks a leaf's entries (data is the page's bytes, or an inline
// bucket's) and keeps the pages of the buckets it holds. Keys of an
// inline bucket are checked for order but not kept: no other page leads
// to them.
func (m *pageMap) leaf(data []byte, count int, n *node) error {
	var previous []byte
	for i := range count {
		at := pageHeaderSize + i*elementSize
		el := data[at:]
		ksize, vsize := native.Uint32(el[8:]), native.Uint32(el[12:])
		kv, err := within(data, at, native.Uint32(el[4:]), uint64(ksize)+uint64(vsize))
		if err != nil {
			return fmt.Errorf("entry %d: %w", i, err)
		}
		key := kv[:ksize]
		if i > 0 && compareKeys(previous, key) >= 0 {
			return fmt.Errorf("has its keys out of order at entry %d", i)
		}
		previous = key
		if native.Uint32(el)&bucketEntry != 0 {
			if err := m.bucket(kv[ksize:]); err != nil {
				return fmt.Errorf("entry %d: %w", i, err)
			}
		}
	}
	if count > 0 && n != nil {
		n.keyed = true
		n.first = m.keep(leafKey(data, 0))
		n.last = m.keep(leafKey(data, count-1))
	}
	return nil
}

// leafKey is the key of leaf entry i, whose bounds leaf has checked.
func leafKey(data []byte, i int) []byte {
	at := pageHeaderSize + i*elementSize
	el := data[at:]
	pos := at + int(native.Uint32(el[4:]))
	return data[pos : pos+int(native.Uint32(el[8:]))]
}

// bucket keeps a nested bucket's root page, or checks the page kept
// inline after its header.
func (m *pageMap) bucket(value []byte) error {
	if len(value) < bucketHeader {
		return fmt.Errorf("a bucket's header is cut short")
	}
	if root := native.Uint64(value); root != 0 {
		m.links = append(m.links, link{page: root})
		return nil
	}
	inline := value[bucketHeader:]
	if len(inline) < pageHeaderSize || native.Uint16(inline[8:]) != leafPage {
		return fmt.Errorf("an inline bucket is not a leaf")
	}
	count := int(native.Uint16(inline[10:]))
	if pageHeaderSize+count*elementSize > len(inline) {
		return fmt.Errorf("an inline bucket claims %d entries, more than it holds", count)
	}
	return m.leaf(inline, count, nil)
}

// within is the n bytes at pos past the element at elem, if they lie
// within page.
func within(page []byte, elem int, pos uint32, n uint64) ([]byte, error) {
	start := uint64(elem) + uint64(pos)
	if end := start + n; end > uint64(len(page)) {
		return nil, fmt.Errorf("bytes %d to %d lie past the page's %d", start, end, len(page))
	}
	return page[start : start+n], nil
}

// compareKeys is bytes.Compare, with a shortcut for the keys lumbar
// writes: they mostly differ in their first eight bytes.
func compareKeys(a, b []byte) int {
	if len(a) >= 8 && len(b) >= 8 {
		if x, y := binary.BigEndian.Uint64(a), binary.BigEndian.Uint64(b); x != y {
			if x < y {
				return -1
			}
			return 1
		}
	}
	return bytes.Compare(a, b)
}

// follow walks the tree from the root bucket's root page through what
// scan kept, then makes sure it reached every page in use.
func (m *pageMap) follow(root uint64) error {
	m.reached = make([]bool, m.r.pages)
	if err := m.visit(root, nil, nil); err != nil {
		return err
	}
	for _, n := range m.nodes {
		if !m.reached[n.id] {
			return fmt.Errorf("page %d is neither in use nor free", n.id)
		}
	}
	return nil
}

// visit checks the page id, whose keys must lie in [lo, hi) (nil: no
// bound), and the pages it leads to.
func (m *pageMap) visit(id uint64, lo, hi []byte) error {
	if id < 2 || id >= m.r.pages {
		return fmt.Errorf("page %d is outside the %d pages in use", id, m.r.pages)
	}
	switch m.kind[id] {
	case pageFree:
		return fmt.Errorf("page %d is in use but listed free", id)
	case pageStart:
	default:
		return fmt.Errorf("page %d is reached twice", id) // it is part of another page
	}
	if m.reached[id] {
		return fmt.Errorf("page %d is reached twice", id)
	}
	m.reached[id] = true
	n := m.nodes[m.node[id]]
	if n.keyed {
		if lo != nil && compareKeys(m.key(n.first), lo) < 0 || hi != nil && compareKeys(m.key(n.last), hi) >= 0 {
			return fmt.Errorf("page %d has keys outside those its parent leads to", id)
		}
	}
	links := m.links[n.links.from:n.links.to]
	for i, l := range links {
		if !n.branch {
			if err := m.visit(l.page, nil, nil); err != nil {
				return err
			}
			continue
		}
		next := hi
		if i+1 < len(links) {
			next = m.key(links[i+1].key)
		}
		if err := m.visit(l.page, m.key(l.key), next); err != nil {
			return err
		}
	}
	return nil
}
