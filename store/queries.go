package store

import (
	"time"

	"lumbar/store/diary"
)

// SummaryOf reads the day that now falls on, in now's location.
func SummaryOf(tx *Tx, now time.Time) (diary.DaySummary, error) {
	day := diary.DayOf(now)
	sum := diary.DaySummary{Day: day}
	err := Pain.RangeDays(tx, day, day, func(it Item[diary.PainEntry]) error {
		p := it.Value
		sum.LatestPain = &p // oldest first: the last one seen is the latest
		return nil
	})
	if err != nil {
		return sum, err
	}
	if sum.RecentPain, err = PainDays(tx, day-diary.SparklineDays+1, day); err != nil {
		return sum, err
	}
	err = Water.RangeDays(tx, day, day, func(it Item[diary.WaterLog]) error {
		sum.WaterML += it.Value.ML
		sum.LastDrink = it.Value.At
		return nil
	})
	return sum, err
}

// Summary reads today's summary in its own transaction.
func (s *Store) Summary(now time.Time) (diary.DaySummary, error) {
	return Read(s, func(tx *Tx) (diary.DaySummary, error) { return SummaryOf(tx, now) })
}

// Read runs one query in its own read-only transaction.
func Read[T any](s *Store, query func(*Tx) (T, error)) (T, error) {
	var out T
	err := s.View(func(tx *Tx) (err error) {
		out, err = query(tx)
		return err
	})
	return out, err
}

// HasRecords tells whether any record of any kind is in the file.
func HasRecords(tx *Tx) bool {
	_, ok := FirstRecordAt(tx)
	return ok
}

// FirstRecordAt is the instant of the oldest record of any kind; ok is
// false when there is none.
func FirstRecordAt(tx *Tx) (first time.Time, ok bool) {
	for _, kind := range recordKinds {
		bk, err := tx.bucket(kind.Bucket())
		if err != nil {
			continue
		}
		kb, _ := bk.Cursor().First()
		if k, isKey := keyFromBytes(kb); isKey && (!ok || k.Time().Before(first)) {
			first, ok = k.Time(), true
		}
	}
	return first, ok
}

// Listed is a record as a list shows it: with its short ID.
type Listed[T any] struct {
	Item[T]
	ShortID string
}

// SessionsIn lists the stretching sessions of the days [first, last],
// oldest first, with their short IDs.
func SessionsIn(tx *Tx, first, last diary.Day) ([]Listed[diary.Session], error) {
	var list []Listed[diary.Session]
	shortIDs := NewShortIDs(tx)
	err := Sessions.RangeDays(tx, first, last, func(it Item[diary.Session]) error {
		list = append(list, Listed[diary.Session]{Item: it, ShortID: shortIDs.Of(it.Key)})
		return nil
	})
	return list, err
}
