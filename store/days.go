package store

import (
	"bytes"
	"encoding/json"
	"fmt"

	"lumbar/store/diary"
)

// LoggedDays is the day of every pain entry ever made, for the streak. It
// looks at each entry's day only, without decoding the rest of the entry, so
// ten years of entries cost a fraction of a millisecond.
func LoggedDays(tx *Tx) ([]diary.Day, error) { return recordDays(tx, BucketPain) }

// recordDays is the local day of every record in b, oldest first by instant.
func recordDays(tx *Tx, b Bucket) ([]diary.Day, error) {
	bk, err := tx.bucket(b)
	if err != nil {
		return nil, err
	}
	var days []diary.Day
	c := bk.Cursor()
	for kb, raw := c.First(); kb != nil; kb, raw = c.Next() {
		d, err := recordDay(b, kb, raw)
		if err != nil {
			tx.skipDamaged(b, kb)
			continue
		}
		days = append(days, d)
	}
	return days, nil
}

// offsetField starts the UTC offset in a stored record. Every record embeds
// Stamp first, so the field comes right after "at" (a UTC instant of at most
// 30 characters), within the value's first offsetWithin bytes; and a quote
// inside a JSON string is always escaped, so the first match is the
// record's own offset.
var offsetField = []byte(`"utc_offset_seconds":`)

const offsetWithin = 96

// recordDay is the local day of a stored record: its key holds the instant
// (keys are made from Stamp.At, see Insert and Replace) and its value the
// offset, read straight from the JSON. A value written some other way is
// decoded in full.
func recordDay(b Bucket, kb, raw []byte) (diary.Day, error) {
	k, ok := keyFromBytes(kb)
	if !ok {
		return 0, fmt.Errorf("%s: malformed key %x", b, kb)
	}
	head := raw[:min(len(raw), offsetWithin)]
	if i := bytes.Index(head, offsetField); i >= 0 {
		if offset, ok := leadingInt(raw[i+len(offsetField):]); ok {
			return dayOfUnix(k.Time().Unix() + offset), nil
		}
	}
	var s diary.Stamp
	if err := json.Unmarshal(raw, &s); err != nil {
		return 0, fmt.Errorf("%s record %x: %w", b, kb, err)
	}
	return s.Day(), nil
}

// leadingInt reads the integer b starts with, which must end at a comma or
// a closing brace.
func leadingInt(b []byte) (int64, bool) {
	negative := len(b) > 0 && b[0] == '-'
	if negative {
		b = b[1:]
	}
	var n int64
	for i, c := range b {
		switch {
		case c >= '0' && c <= '9' && i < 18:
			n = n*10 + int64(c-'0')
		case (c == ',' || c == '}') && i > 0:
			if negative {
				n = -n
			}
			return n, true
		default:
			return 0, false
		}
	}
	return 0, false
}

// dayOfUnix is the calendar day of a count of seconds since 1970 on some
// wall clock: what DayOf gives for that wall-clock time, without building it.
func dayOfUnix(sec int64) diary.Day {
	day := sec / 86400
	if sec%86400 < 0 {
		day--
	}
	return diary.Day(day)
}
