package store

import (
	"bytes"
	"encoding/hex"
	"errors"
	"fmt"
	"strings"

	bolt "go.etcd.io/bbolt"

	"lumbar/store/diary"
)

// Short IDs name a record the way git names a commit: the first hex
// digits of its ID, as many as it takes to tell it from every other
// record in the file (of any kind), and never fewer than MinShortID.
// A record made within a minute of another shares more leading digits
// (a key starts with its time), so its short ID is longer.

// MinShortID is the fewest hex digits a short ID has.
const MinShortID = 7

// MinIDPrefix is the fewest hex digits a typed ID may have: fewer would
// name whole months of records.
const MinIDPrefix = 4

// Ref names one record: its kind and its key.
type Ref struct {
	Bucket Bucket
	Key    Key
}

// ShortID is the shortest prefix of k's ID, at least MinShortID hex
// digits, that no other record in the file begins with. For many keys
// in a row use ShortIDs, which spares a search from the root for each.
func ShortID(tx *Tx, k Key) string {
	return NewShortIDs(tx).Of(k)
}

// ShortIDs works out the short IDs of many keys in one transaction: a
// list's entries, oldest first. Keys sort as bytes, so the other key
// sharing the most leading digits with k is right before or right after
// it in one of the record buckets; ShortIDs keeps a cursor in each
// bucket where the last key left it, and a key after the last one moves
// each cursor forward a few keys instead of searching again. Keys may
// come in any order (a key before the last one is searched for), and
// the transaction must not be written to while ShortIDs is in use.
type ShortIDs struct {
	buckets []neighbours
}

// NewShortIDs starts short IDs for keys of tx.
func NewShortIDs(tx *Tx) *ShortIDs {
	ids := &ShortIDs{}
	for _, kind := range recordKinds {
		if bk, err := tx.bucket(kind.Bucket()); err == nil {
			ids.buckets = append(ids.buckets, neighbours{cursor: bk.Cursor()})
		}
	}
	return ids
}

// Of is k's short ID, byte for byte what ShortID says.
func (ids *ShortIDs) Of(k Key) string {
	shared := 0
	for i := range ids.buckets {
		before, after := ids.buckets[i].around(k[:])
		shared = max(shared, sharedHexDigits(k[:], before), sharedHexDigits(k[:], after))
	}
	return k.ID()[:min(max(MinShortID, shared+1), 2*KeySize)]
}

// maxSteps is how many keys a cursor steps forward before a search from
// the root is cheaper: a short list filtered out of a long history
// (--grep) skips over most of the records between its entries.
const maxSteps = 16

// neighbours is a cursor in one bucket and the two keys around the last
// key asked about: at is the first key at or after it (nil past the
// end) and before the key right before at (nil at the start). Keys
// come from the cursor, so they stay valid for the transaction.
type neighbours struct {
	cursor *bolt.Cursor
	placed bool
	before []byte
	at     []byte
	// next is the key after at, read ahead when at was the key asked
	// about; the cursor is then on next instead of at.
	next     []byte
	readNext bool
}

// around returns the keys of the bucket right before and right after k,
// leaving k itself out.
func (n *neighbours) around(k []byte) (before, after []byte) {
	if !n.placed || (n.before != nil && bytes.Compare(n.before, k) >= 0) || !n.stepTo(k) {
		n.seek(k)
	}
	if !bytes.Equal(n.at, k) {
		return n.before, n.at
	}
	if !n.readNext {
		n.next, _ = n.cursor.Next()
		n.readNext = true
	}
	return n.before, n.next
}

// stepTo moves forward to k, at most maxSteps keys; false when k is
// further on.
func (n *neighbours) stepTo(k []byte) bool {
	for steps := 0; n.at != nil && bytes.Compare(n.at, k) < 0; steps++ {
		if steps == maxSteps {
			return false
		}
		n.before = n.at
		if n.readNext {
			n.at, n.readNext = n.next, false
		} else {
			n.at, _ = n.cursor.Next()
		}
	}
	return true
}

// seek places the cursor on the first key at or after k, searching from
// the root.
func (n *neighbours) seek(k []byte) {
	n.placed, n.readNext = true, false
	n.at, _ = n.cursor.Seek(k)
	if n.at == nil {
		n.before, _ = n.cursor.Last()
		return
	}
	n.before, _ = n.cursor.Prev()
	n.at, _ = n.cursor.Seek(k)
}

// sharedHexDigits is how many leading hex digits a and b have in common.
func sharedHexDigits(a, b []byte) int {
	n := 0
	for i := 0; i < len(a) && i < len(b); i++ {
		if a[i] != b[i] {
			if a[i]>>4 == b[i]>>4 {
				n++
			}
			return n
		}
		n += 2
	}
	return n
}

// Refusals of a typed ID; match them with errors.Is or errors.As.
var (
	// ErrBadID: not MinIDPrefix to 32 hex digits.
	ErrBadID = errors.New("not a record ID")
	// ErrUnknownID: no record's ID begins with it (also matches ErrNotFound).
	ErrUnknownID = fmt.Errorf("no record has this ID: %w", ErrNotFound)
)

// AmbiguousIDError is the refusal of a prefix that begins the IDs of
// more than one record. Candidates holds some of them (at most
// maxCandidates), oldest first per kind; More counts the rest.
type AmbiguousIDError struct {
	Prefix     string
	Candidates []Found
	More       int
}

func (e *AmbiguousIDError) Error() string {
	return fmt.Sprintf("%s begins the IDs of %d records", e.Prefix, len(e.Candidates)+e.More)
}

// Found is a record a prefix names: where it is, its short ID and the
// record itself (a diary.PainEntry, diary.Session, diary.WaterLog or
// diary.Check).
type Found struct {
	Ref
	ShortID string
	Record  diary.Record
}

// maxCandidates bounds the records an ambiguous prefix lists.
const maxCandidates = 5

// Resolve finds the one record whose ID begins with prefix (hex, any
// case). A prefix that begins none is ErrUnknownID; one that begins
// several is an *AmbiguousIDError listing them.
func Resolve(tx *Tx, prefix string) (Found, error) {
	prefix = strings.ToLower(prefix)
	if len(prefix) < MinIDPrefix || len(prefix) > 2*KeySize || !isHex(prefix) {
		return Found{}, ErrBadID
	}
	var found []Found
	more := 0
	for _, kind := range recordKinds {
		err := eachKeyWithPrefix(tx, kind.Bucket(), prefix, func(k Key, raw []byte) error {
			rec, err := kind.decodeRecord(raw)
			if err != nil {
				tx.skipDamaged(kind.Bucket(), k[:])
				return nil
			}
			if len(found) == maxCandidates {
				more++
				return nil
			}
			found = append(found, Found{Ref: Ref{kind.Bucket(), k}, Record: rec})
			return nil
		})
		if err != nil {
			return Found{}, err
		}
	}
	shortIDs := NewShortIDs(tx)
	for i := range found {
		found[i].ShortID = shortIDs.Of(found[i].Key)
	}
	switch {
	case len(found) == 0:
		return Found{}, ErrUnknownID
	case len(found) > 1:
		return Found{}, &AmbiguousIDError{Prefix: prefix, Candidates: found, More: more}
	}
	return found[0], nil
}

// eachKeyWithPrefix calls fn for every record in b whose ID begins with
// the hex prefix, in key order.
func eachKeyWithPrefix(tx *Tx, b Bucket, prefix string, fn func(Key, []byte) error) error {
	bk, err := tx.bucket(b)
	if err != nil {
		return err
	}
	whole, err := hex.DecodeString(prefix[:len(prefix)&^1]) // an odd last digit is matched below
	if err != nil {
		return err
	}
	c := bk.Cursor()
	for kb, raw := c.Seek(whole); kb != nil && bytes.HasPrefix(kb, whole); kb, raw = c.Next() {
		k, ok := keyFromBytes(kb)
		if !ok || !strings.HasPrefix(k.ID(), prefix) {
			continue
		}
		if err := fn(k, raw); err != nil {
			return err
		}
	}
	return nil
}

func isHex(s string) bool {
	for _, r := range s {
		if !strings.ContainsRune("0123456789abcdef", r) {
			return false
		}
	}
	return true
}
