package store

import (
	"bytes"
	"encoding/hex"
	"fmt"
	"sync"
	"time"
	"unicode/utf8"

	"lumbar/store/diary"
	"lumbar/store/text"
)

// A record is damaged when its stored bytes no longer decode (a byte
// changed inside its JSON, or its key cut short) while the pages around
// it are sound. Reads skip such a record and count it, so one bad record
// never blocks the rest; `lumbar check` lists them and Repair moves them,
// bytes intact, into the quarantine bucket.

// damagedSeen is the set of damaged records a store's reads have skipped.
type damagedSeen struct {
	mu   sync.Mutex
	keys map[string]bool // bucket + "/" + key in hex
}

func (d *damagedSeen) add(b Bucket, key []byte) {
	d.mu.Lock()
	defer d.mu.Unlock()
	if d.keys == nil {
		d.keys = map[string]bool{}
	}
	d.keys[string(b)+"/"+hex.EncodeToString(key)] = true
}

func (d *damagedSeen) count() int {
	d.mu.Lock()
	defer d.mu.Unlock()
	return len(d.keys)
}

// skipDamaged notes a record a read went past because it cannot be read.
func (tx *Tx) skipDamaged(b Bucket, key []byte) {
	if tx.store != nil {
		tx.store.skipped.add(b, key)
	}
}

// Skipped is how many different damaged records this handle's reads have
// skipped so far. Anything shown without them should say so: see
// SkippedNote.
func (s *Store) Skipped() int { return s.skipped.count() }

// SkippedNote says, in one line, that n damaged records were left out and
// what to do about it.
func SkippedNote(n int) string {
	if n == 1 {
		return "1 damaged record that cannot be read was left out; lumbar check lists it, lumbar check --repair sets it aside"
	}
	return fmt.Sprintf("%d damaged records that cannot be read were left out; lumbar check lists them, lumbar check --repair sets them aside", n)
}

// DamagedRecord is a stored record that cannot be read.
type DamagedRecord struct {
	Bucket Bucket
	Key    []byte // as stored: it may not even be a whole key
	Size   int    // of the stored value, in bytes
	Reason string // why it cannot be read
}

// maxReasonRunes bounds the reason quoted: a decoder's message can quote
// much of the damaged value.
const maxReasonRunes = 100

func (d DamagedRecord) String() string {
	reason := text.Printable(d.Reason)
	if utf8.RuneCountInString(reason) > maxReasonRunes {
		reason = string([]rune(reason)[:maxReasonRunes]) + "…"
	}
	return fmt.Sprintf("%s %x (%d bytes): %s", d.Bucket, d.Key, d.Size, reason)
}

// RecordCheck is what FindDamaged found.
type RecordCheck struct {
	Records int // read, damaged ones included
	Damaged []DamagedRecord
	// TotalsOff are the days whose stored totals are not what their
	// records add up to. They are looked for only when no record is
	// damaged: a damaged record still counts as it was written.
	TotalsOff []diary.Day
}

// FindDamaged reads every record of every kind and lists those that
// cannot be read.
func FindDamaged(tx *Tx) (RecordCheck, error) {
	var found RecordCheck
	for _, kind := range recordKinds {
		bk, err := tx.bucket(kind.Bucket())
		if err != nil {
			return found, err
		}
		c := bk.Cursor()
		for kb, raw := c.First(); kb != nil; kb, raw = c.Next() {
			found.Records++
			reason := ""
			if _, ok := keyFromBytes(kb); !ok {
				reason = fmt.Sprintf("its key is %d bytes long, not %d", len(kb), KeySize)
			} else if err := kind.decodes(raw); err != nil {
				reason = err.Error()
			}
			if reason != "" {
				found.Damaged = append(found.Damaged, DamagedRecord{Bucket: kind.Bucket(),
					Key: append([]byte(nil), kb...), Size: len(raw), Reason: reason})
			}
		}
	}
	if len(found.Damaged) == 0 {
		off, err := totalsOff(tx)
		found.TotalsOff = off
		return found, err
	}
	return found, nil
}

// bucketQuarantine keeps damaged records set aside by Repair, in one
// nested bucket per record bucket, under their own keys.
var bucketQuarantine = []byte("quarantine")

// Repaired is what Repair did.
type Repaired struct {
	Moved     []DamagedRecord // set aside into quarantine
	Recounted []diary.Day     // days whose totals were off, counted again
	Backup    string          // the copy of the file taken first; "" when nothing was done
}

// Repair sets every damaged record aside: after a backup of the whole file
// (Backup: where it is), it moves each one, its bytes as they were, from
// its bucket into the quarantine bucket, and counts every day's totals
// again, all in one transaction. Nothing is deleted. With no damaged
// record and no day's totals off it does nothing and makes no backup.
func (s *Store) Repair(now time.Time) (Repaired, error) {
	var done Repaired
	found, err := Read(s, FindDamaged)
	if err != nil || len(found.Damaged) == 0 && len(found.TotalsOff) == 0 {
		return done, err
	}
	backup := RepairBackupPath(s.path, now)
	if err := s.Backup(backup); err != nil {
		return done, fmt.Errorf("backing up %s before the repair: %w", s.path, err)
	}
	err = s.Update(func(tx *Tx) error {
		found, err := FindDamaged(tx) // as the file is now, under the write lock
		if err != nil {
			return err
		}
		for _, d := range found.Damaged {
			if err := quarantine(tx, d); err != nil {
				return err
			}
		}
		done.Moved, done.Recounted = found.Damaged, found.TotalsOff
		// What a damaged record added to its day's totals when it was
		// written cannot be read back: count every day again from the
		// records that stay.
		return rebuildAllTotals(tx.btx)
	})
	if err == nil {
		done.Backup = backup
	}
	return done, err
}

// quarantine moves one damaged record into the quarantine bucket.
func quarantine(tx *Tx, d DamagedRecord) error {
	from, err := tx.bucket(d.Bucket)
	if err != nil {
		return err
	}
	q, err := tx.btx.CreateBucketIfNotExists(bucketQuarantine)
	if err != nil {
		return err
	}
	to, err := q.CreateBucketIfNotExists([]byte(d.Bucket))
	if err != nil {
		return err
	}
	raw := bytes.Clone(from.Get(d.Key))
	if existing := to.Get(d.Key); existing != nil && string(existing) != string(raw) {
		return fmt.Errorf("%s %x is in quarantine already, with other bytes; nothing was moved", d.Bucket, d.Key)
	}
	if err := to.Put(d.Key, raw); err != nil {
		return err
	}
	return from.Delete(d.Key)
}

// RepairBackupPath names the copy Repair makes of path before it moves
// anything.
func RepairBackupPath(path string, at time.Time) string {
	return fmt.Sprintf("%s.repair-%s.bak", path, at.UTC().Format("20060102T150405Z"))
}
