package diary

import (
	"fmt"
	"time"
)

// Stamp is when a record was made: the UTC instant and the wall clock's UTC
// offset at that moment. A record's day is the calendar day where the person
// was, even if they later travel or the clocks change.
type Stamp struct {
	At        time.Time `json:"at"`                 // always UTC
	UTCOffset int       `json:"utc_offset_seconds"` // east of UTC
}

// StampAt records t, keeping its zone's offset.
func StampAt(t time.Time) Stamp {
	_, offset := t.Zone()
	return Stamp{At: t.UTC(), UTCOffset: offset}
}

// Stamped lets generic code find a record's time. Records embed Stamp.
func (s Stamp) Stamped() Stamp { return s }

// Local is the instant on the wall clock it was made by.
func (s Stamp) Local() time.Time {
	return s.At.In(time.FixedZone("", s.UTCOffset))
}

// Day is the local calendar day the record belongs to.
func (s Stamp) Day() Day { return DayOf(s.Local()) }

// Record is any value kept in a time-keyed bucket.
type Record interface {
	Stamped() Stamp
}

// Day is a calendar day, counted in days since 1970-01-01.
type Day int32

// DayOf is the calendar day of t in t's own location.
func DayOf(t time.Time) Day {
	y, m, d := t.Date()
	return Day(time.Date(y, m, d, 0, 0, 0, 0, time.UTC).Unix() / 86400)
}

// ParseDay reads a day written as YYYY-MM-DD.
func ParseDay(s string) (Day, error) {
	t, err := time.Parse(time.DateOnly, s)
	if err != nil {
		return 0, fmt.Errorf("%q is not a date like 2026-03-31", s)
	}
	return DayOf(t), nil
}

// Date is the day's midnight in UTC; use its Year, Month, Day and Weekday.
func (d Day) Date() time.Time { return time.Unix(int64(d)*86400, 0).UTC() }

// Midnight is the instant the day starts in loc.
func (d Day) Midnight(loc *time.Location) time.Time {
	y, m, dd := d.Date().Date()
	return time.Date(y, m, dd, 0, 0, 0, 0, loc)
}

func (d Day) String() string { return d.Date().Format(time.DateOnly) }

// MarshalText writes the day as YYYY-MM-DD (in JSON too).
func (d Day) MarshalText() ([]byte, error) { return []byte(d.String()), nil }

// UnmarshalText reads a day written as YYYY-MM-DD.
func (d *Day) UnmarshalText(b []byte) (err error) {
	*d, err = ParseDay(string(b))
	return err
}

// Widest UTC offsets in use anywhere (UTC−12 to UTC+14). A day's records
// can lie this far outside the day's UTC midnight-to-midnight span.
const (
	maxOffsetEast = 14 * time.Hour
	maxOffsetWest = 12 * time.Hour
)

// InstantSpan is every instant at which some record could belong to a day
// in [first, last], whatever offset it was made at: [from, to).
func InstantSpan(first, last Day) (from, to time.Time) {
	return first.Date().Add(-maxOffsetEast), (last + 1).Date().Add(maxOffsetWest)
}

// DaysAround is every day a record made at instant at can belong to,
// whatever UTC offset it was made at: [first, last].
func DaysAround(at time.Time) (first, last Day) {
	return DayOf(at.UTC().Add(-maxOffsetWest)), DayOf(at.UTC().Add(maxOffsetEast))
}
