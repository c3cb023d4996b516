package store

import (
	"bytes"
	"encoding/binary"
	"errors"
	"fmt"
	"slices"
	"sync"

	"lumbar/store/diary"

	bolt "go.etcd.io/bbolt"
)

// Day totals: the days bucket keeps, for each local day with records, the
// day's records summed up (diary.DayTotals). Every write of a record
// through putItem or deleteItem changes its day's totals in the same
// transaction, so charts, insights and the streak read one small value
// per day instead of decoding every record.
//
// A day whose totals cannot be trusted (a damaged record was overwritten
// or deleted, so what it had added is unknown; a totals value that no
// longer decodes; a count that would go below zero) is worked out again
// from its readable records in the same transaction.

var bucketDays = []byte("days")

// totalsFormat is the first byte of every stored totals value: a reader
// that meets another format works the day out from its records instead.
const totalsFormat = 1

// dayKey sorts days in time order: the day number big-endian, its sign
// bit flipped so days before 1970 sort first.
func dayKey(d diary.Day) [4]byte {
	var k [4]byte
	binary.BigEndian.PutUint32(k[:], uint32(d)^1<<31)
	return k
}

func dayFromKey(k []byte) (diary.Day, bool) {
	if len(k) != 4 {
		return 0, false
	}
	return diary.Day(int32(binary.BigEndian.Uint32(k) ^ 1<<31)), true
}

// encodeTotals writes t as its format byte and unsigned varints: pain
// entries by rating, what helped, water, sessions, then reminder answers.
func encodeTotals(t diary.DayTotals) []byte {
	out := make([]byte, 0, 32)
	out = append(out, totalsFormat)
	u := func(n int) { out = binary.AppendUvarint(out, uint64(n)) }
	tallies := func(list []diary.Tally) {
		u(len(list))
		for _, tl := range list {
			u(len(tl.ID))
			out = append(out, tl.ID...)
			u(tl.N)
		}
	}
	for _, n := range t.PainRatings {
		u(n)
	}
	tallies(t.Helped)
	for _, n := range []int{t.WaterML, t.WaterLogs, t.Sessions, t.RatedSessions, t.PainBeforeSum, t.PainAfterSum, t.Checks} {
		u(n)
	}
	tallies(t.Done)
	return out
}

var errTotalsFormat = errors.New("day totals: unknown format or cut short")

// totalsReader reads the varints encodeTotals wrote; the first fault
// sticks.
type totalsReader struct {
	raw []byte
	err error
}

func (r *totalsReader) int() int {
	n, size := binary.Uvarint(r.raw)
	if size <= 0 || n > 1<<40 {
		r.err = errTotalsFormat
		r.raw = nil
		return 0
	}
	r.raw = r.raw[size:]
	return int(n)
}

func (r *totalsReader) tallies() []diary.Tally {
	count := r.int()
	if r.err != nil || count == 0 {
		return nil
	}
	list := make([]diary.Tally, 0, min(count, 16))
	for range count {
		size := r.int()
		if r.err != nil || size > len(r.raw) {
			r.err = errTotalsFormat
			return nil
		}
		id := knownID(r.raw[:size])
		r.raw = r.raw[size:]
		list = append(list, diary.Tally{ID: id, N: r.int()})
	}
	return list
}

// decodeTotals reads what encodeTotals wrote for day d.
func decodeTotals(d diary.Day, raw []byte) (diary.DayTotals, error) {
	t := diary.DayTotals{Day: d}
	if len(raw) == 0 || raw[0] != totalsFormat {
		return t, errTotalsFormat
	}
	r := totalsReader{raw: raw[1:]}
	for i := range t.PainRatings {
		t.PainRatings[i] = r.int()
	}
	t.Helped = r.tallies()
	for _, n := range []*int{&t.WaterML, &t.WaterLogs, &t.Sessions, &t.RatedSessions, &t.PainBeforeSum, &t.PainAfterSum, &t.Checks} {
		*n = r.int()
	}
	t.Done = r.tallies()
	if r.err == nil && len(r.raw) != 0 {
		r.err = errTotalsFormat
	}
	return t, r.err
}

// knownIDs are the IDs totals count, so reading a year of totals makes no
// string for them.
var knownIDs = sync.OnceValue(func() map[string]string {
	ids := map[string]string{}
	for _, id := range diary.Reliefs.IDs() {
		ids[id] = id
	}
	for _, kind := range diary.CheckKinds() {
		ids[string(kind)] = string(kind)
	}
	return ids
})

func knownID(b []byte) string {
	if id, ok := knownIDs()[string(b)]; ok { // no allocation: the compiler sees the lookup
		return id
	}
	return string(b)
}

// daysBucket is the bucket of day totals.
func (tx *Tx) daysBucket() (*bolt.Bucket, error) {
	bk := tx.btx.Bucket(bucketDays)
	if bk == nil {
		return nil, fmt.Errorf("bucket %q missing from the data file", bucketDays)
	}
	return bk, nil
}

// DayTotalsOf reads the totals of every day in [first, last], in order,
// days without records included (nothing counted). A stored value that
// cannot be read is worked out from the day's records instead.
func DayTotalsOf(tx *Tx, first, last diary.Day) ([]diary.DayTotals, error) {
	if last < first {
		return nil, nil
	}
	bk, err := tx.daysBucket()
	if err != nil {
		return nil, err
	}
	days := diary.EmptyTotals(first, last)
	end := dayKey(last)
	c := bk.Cursor()
	start := dayKey(first)
	for k, raw := c.Seek(start[:]); k != nil && bytes.Compare(k, end[:]) <= 0; k, raw = c.Next() {
		d, ok := dayFromKey(k)
		if !ok {
			continue
		}
		t, err := decodeTotals(d, raw)
		if err != nil {
			if t, err = totalsFromRecords(tx, d); err != nil {
				return nil, err
			}
		}
		days[d-first] = t
	}
	return days, nil
}

// totalsFromRecords works out day d's totals from its readable records.
func totalsFromRecords(tx *Tx, d diary.Day) (diary.DayTotals, error) {
	t := diary.EmptyTotals(d, d)
	for _, kind := range recordKinds {
		if err := kind.countDays(tx, d, d, t); err != nil {
			return t[0], err
		}
	}
	return t[0], nil
}

// LoggedDays is every day with a pain entry, oldest first, for the
// streak: one small value per day, not the entries themselves.
func LoggedDays(tx *Tx) ([]diary.Day, error) {
	bk, err := tx.daysBucket()
	if err != nil {
		return nil, err
	}
	var days []diary.Day
	c := bk.Cursor()
	for k, raw := c.First(); k != nil; k, raw = c.Next() {
		d, ok := dayFromKey(k)
		if !ok {
			continue
		}
		logged, ok := hasPain(raw)
		if !ok {
			t, err := totalsFromRecords(tx, d)
			if err != nil {
				return nil, err
			}
			logged = t.PainEntries() > 0
		}
		if logged {
			days = append(days, d)
		}
	}
	return days, nil
}

// hasPain tells, from stored totals, whether the day has a pain entry
// without decoding them: its counts by rating come first, and a count of
// zero is the single byte 0, while any other count starts with a byte
// that is not. ok is false for a value in another format.
func hasPain(raw []byte) (logged, ok bool) {
	const ratings = diary.PainMax + 1
	if len(raw) < 1+ratings || raw[0] != totalsFormat {
		return false, false
	}
	for _, b := range raw[1 : 1+ratings] {
		if b != 0 {
			return true, true
		}
	}
	return false, true
}

// countRecord adds r to its day's totals (sign +1) or takes it away (-1).
// stale is true when the day's totals cannot be trusted: they must be
// worked out again from the records (rebuildDays) once the write is done.
func countRecord(tx *Tx, r diary.Record, sign int) (stale bool, err error) {
	bk, err := tx.daysBucket()
	if err != nil {
		return false, err
	}
	d := r.Stamped().Day()
	k := dayKey(d)
	t := diary.DayTotals{Day: d}
	if raw := bk.Get(k[:]); raw != nil {
		if t, err = decodeTotals(d, raw); err != nil {
			return true, nil
		}
	}
	t.Count(r, sign)
	if !t.Consistent() {
		return true, nil
	}
	return false, putTotals(bk, t)
}

// putTotals stores a day's totals, or forgets a day left with nothing.
func putTotals(bk *bolt.Bucket, t diary.DayTotals) error {
	k := dayKey(t.Day)
	if t.Empty() {
		return bk.Delete(k[:])
	}
	return bk.Put(k[:], encodeTotals(t))
}

// rebuildDays works the totals of [first, last] out again from the
// records.
func rebuildDays(tx *Tx, first, last diary.Day) error {
	bk, err := tx.daysBucket()
	if err != nil {
		return err
	}
	days := diary.EmptyTotals(first, last)
	for _, kind := range recordKinds {
		if err := kind.countDays(tx, first, last, days); err != nil {
			return err
		}
	}
	for _, t := range days {
		if err := putTotals(bk, t); err != nil {
			return err
		}
	}
	return nil
}

// rebuildAllTotals works every day's totals out again from all the
// readable records: for the migration that brings the days bucket in, and
// after Repair sets damaged records aside.
func rebuildAllTotals(btx *bolt.Tx) error {
	if btx.Bucket(bucketDays) != nil {
		if err := btx.DeleteBucket(bucketDays); err != nil {
			return err
		}
	}
	bk, err := btx.CreateBucket(bucketDays)
	if err != nil {
		return err
	}
	totals, err := RecountTotals(&Tx{btx: btx})
	if err != nil {
		return err
	}
	for _, t := range totals {
		if err := putTotals(bk, t); err != nil {
			return err
		}
	}
	return nil
}

// RecountTotals sums up every readable record by day, the long way, in
// day order: what the days bucket must hold.
func RecountTotals(tx *Tx) ([]diary.DayTotals, error) {
	byDay := map[diary.Day]*diary.DayTotals{}
	for _, kind := range recordKinds {
		err := kind.eachRecord(tx, func(r diary.Record) {
			d := r.Stamped().Day()
			t := byDay[d]
			if t == nil {
				t = &diary.DayTotals{Day: d}
				byDay[d] = t
			}
			t.Count(r, 1)
		})
		if err != nil {
			return nil, err
		}
	}
	out := make([]diary.DayTotals, 0, len(byDay))
	for _, t := range byDay {
		out = append(out, *t)
	}
	slices.SortFunc(out, func(a, b diary.DayTotals) int { return int(a.Day - b.Day) })
	return out, nil
}

// storedTotals is every day's totals as the days bucket holds them, in day
// order; a value that cannot be read is an error.
func storedTotals(tx *Tx) ([]diary.DayTotals, error) {
	bk, err := tx.daysBucket()
	if err != nil {
		return nil, err
	}
	var out []diary.DayTotals
	c := bk.Cursor()
	for k, raw := c.First(); k != nil; k, raw = c.Next() {
		d, ok := dayFromKey(k)
		if !ok {
			return nil, fmt.Errorf("day totals: malformed key %x", k)
		}
		t, err := decodeTotals(d, raw)
		if err != nil {
			return nil, fmt.Errorf("day totals of %s: %w", d, err)
		}
		out = append(out, t)
	}
	return out, nil
}

// daySpan is the days whose totals a write left untrustworthy; the zero
// daySpan is none.
type daySpan struct {
	first, last diary.Day
	any         bool
}

// with widens the span to take in d.
func (s daySpan) with(d diary.Day) daySpan { return s.over(d, d) }

func (s daySpan) over(first, last diary.Day) daySpan {
	if !s.any {
		return daySpan{first: first, last: last, any: true}
	}
	return daySpan{first: min(s.first, first), last: max(s.last, last), any: true}
}

// rebuild works the span's totals out again from the records, once they
// are as the write leaves them.
func (s daySpan) rebuild(tx *Tx) error {
	if !s.any {
		return nil
	}
	return rebuildDays(tx, s.first, s.last)
}

// uncount takes the record stored as old under k out of its day's totals,
// before it is overwritten or deleted. A record that cannot be read added
// something unknown, on one of the days its key's instant can fall on:
// those days are returned as stale.
func uncount(tx *Tx, b Bucket, k Key, old []byte) (daySpan, error) {
	kind := kindOf(b)
	if kind == nil {
		return daySpan{}, nil
	}
	r, err := kind.decodeRecord(old)
	if err != nil {
		return daySpan{}.over(diary.DaysAround(k.Time())), nil
	}
	stale, err := countRecord(tx, r, -1)
	if err != nil || !stale {
		return daySpan{}, err
	}
	return daySpan{}.with(r.Stamped().Day()), nil
}

// firstDay is the earliest day with any record; ok is false for an empty
// diary.
func firstDay(tx *Tx) (diary.Day, bool) {
	bk, err := tx.daysBucket()
	if err != nil {
		return 0, false
	}
	k, _ := bk.Cursor().First()
	return dayFromKey(k)
}

// totalsOff is every day whose stored totals (or their absence) differ
// from what its readable records add up to; a stored value that cannot
// be read is off too.
func totalsOff(tx *Tx) ([]diary.Day, error) {
	bk, err := tx.daysBucket()
	if err != nil {
		return nil, err
	}
	recount, err := RecountTotals(tx)
	if err != nil {
		return nil, err
	}
	want := make(map[diary.Day]diary.DayTotals, len(recount))
	for _, t := range recount {
		want[t.Day] = t
	}
	var off []diary.Day
	c := bk.Cursor()
	for k, raw := c.First(); k != nil; k, raw = c.Next() {
		d, ok := dayFromKey(k)
		if !ok {
			continue
		}
		stored, err := decodeTotals(d, raw)
		if w, counted := want[d]; err != nil || !counted || !stored.Equal(w) {
			off = append(off, d)
		}
		delete(want, d)
	}
	for d := range want { // records whose day has no totals at all
		off = append(off, d)
	}
	slices.Sort(off)
	return off, nil
}
