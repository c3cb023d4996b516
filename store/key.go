package store

import (
	"crypto/rand"
	"crypto/sha256"
	"encoding/binary"
	"encoding/hex"
	"fmt"
	"math"
	"time"
)

// KeySize is the length of a record key: 8 bytes of time, 8 random bytes.
const KeySize = 16

// Key identifies a record and orders records by time.
type Key [KeySize]byte

// NewKey makes a fresh key for a record made at t.
func NewKey(t time.Time) Key {
	var k Key
	binary.BigEndian.PutUint64(k[:8], uint64(t.UnixNano()))
	if _, err := rand.Read(k[8:]); err != nil {
		// crypto/rand never fails on supported platforms (Go 1.24+ panics
		// inside Read instead of returning an error); keep the check honest.
		panic(fmt.Sprintf("store: no randomness for record keys: %v", err))
	}
	return k
}

// Keys hold unsigned nanoseconds since 1970, which run out in 2262: a
// record outside those years would sort in the wrong place.
var (
	firstKeyTime = time.Unix(0, 0)
	lastKeyTime  = time.Unix(0, math.MaxInt64)
)

func checkKeyTime(t time.Time) error {
	if t.Before(firstKeyTime) || t.After(lastKeyTime) {
		return fmt.Errorf("%s is outside the years lumbar can keep (1970 to 2261)", t.Format(time.DateOnly))
	}
	return nil
}

// timePrefix is the smallest key at instant t: used to Seek a cursor.
func timePrefix(t time.Time) []byte {
	var b [8]byte
	binary.BigEndian.PutUint64(b[:], uint64(t.UnixNano()))
	return b[:]
}

// Time is the instant encoded in the key.
func (k Key) Time() time.Time {
	return time.Unix(0, int64(binary.BigEndian.Uint64(k[:8]))).UTC()
}

// ID is the key in hex: the record's public identifier.
func (k Key) ID() string { return hex.EncodeToString(k[:]) }

func (k Key) String() string { return k.ID() }

// ParseID turns a record ID back into its key.
func ParseID(id string) (Key, error) {
	var k Key
	b, err := hex.DecodeString(id)
	if err != nil || len(b) != KeySize {
		return k, fmt.Errorf("%q is not a record ID (expected %d hex digits)", id, 2*KeySize)
	}
	copy(k[:], b)
	return k, nil
}

func keyFromBytes(b []byte) (Key, bool) {
	var k Key
	if len(b) != KeySize {
		return k, false
	}
	copy(k[:], b)
	return k, true
}

// ContentKey is the key of a record made at t that came without an ID
// (from another app's diary): its time, then the start of a hash of
// content, so the same record brought in twice gets the same key, and
// an import of it is idempotent too.
func ContentKey(t time.Time, content []byte) (Key, error) {
	var k Key
	if err := checkKeyTime(t); err != nil {
		return k, err
	}
	binary.BigEndian.PutUint64(k[:8], uint64(t.UnixNano()))
	sum := sha256.Sum256(content)
	copy(k[8:], sum[:])
	return k, nil
}
