// Package report makes the report a person takes to their doctor: one
// self-contained HTML file (inline CSS and SVG, nothing fetched from
// anywhere) summing up a period of the diary on at most two printed pages
// for 90 days. It reads the diary through package store's queries and
// renders with html/template, so every piece of text a person typed is
// escaped as data. It draws nothing on a terminal: `lumbar report` and
// the Log tab both call it.
package report

import (
	"fmt"
	"time"

	"lumbar/store"
	"lumbar/store/diary"
)

// Period is the calendar days a report covers, both ends included.
type Period struct {
	First, Last diary.Day
}

// LastDays is the n days ending on last, last included.
func LastDays(last diary.Day, n int) Period {
	return Period{First: last - diary.Day(n) + 1, Last: last}
}

// Days is how many days the period holds.
func (p Period) Days() int { return int(p.Last-p.First) + 1 }

// Contains tells whether d lies in the period.
func (p Period) Contains(d diary.Day) bool { return d >= p.First && d <= p.Last }

func (p Period) String() string { return fmt.Sprintf("%s to %s", p.First, p.Last) }

// Records are what a report is made from: the period's records, read in
// one transaction.
type Records struct {
	Entries  []diary.PainEntry // oldest first
	Sessions []diary.Session   // oldest first
	WaterML  map[diary.Day]int // water drunk each day; days with none absent
	Settings diary.Settings
	// Insights are the Log tab's insights over the period, as if it ended
	// today: the comparisons of days with and without a factor, pain
	// before and after stretching, posture check-ins.
	Insights diary.Insights
}

// Read reads the records of the period. A diary not made yet (s nil)
// reads as empty.
func Read(s *store.Store, p Period) (Records, error) {
	if s == nil {
		return emptyRecords(p), nil
	}
	return store.Read(s, func(tx *store.Tx) (Records, error) { return ReadTx(tx, p) })
}

// ReadTx reads the records of the period inside tx.
func ReadTx(tx *store.Tx, p Period) (Records, error) {
	r := Records{WaterML: map[diary.Day]int{}}
	err := store.Pain.RangeDays(tx, p.First, p.Last, func(it store.Item[diary.PainEntry]) error {
		r.Entries = append(r.Entries, it.Value)
		return nil
	})
	if err != nil {
		return r, err
	}
	err = store.Sessions.RangeDays(tx, p.First, p.Last, func(it store.Item[diary.Session]) error {
		r.Sessions = append(r.Sessions, it.Value)
		return nil
	})
	if err != nil {
		return r, err
	}
	if r.WaterML, err = store.WaterByDay(tx, p.First, p.Last); err != nil {
		return r, err
	}
	if r.Settings, err = store.LoadSettings(tx); err != nil {
		r.Settings = diary.DefaultSettings() // a damaged setting must not hide the diary
	}
	r.Insights, err = store.InsightsOf(tx, p.Last, p.Days())
	return r, err
}

// emptyRecords are the records of a diary with nothing in it.
func emptyRecords(p Period) Records {
	return Records{
		WaterML:  map[diary.Day]int{},
		Settings: diary.DefaultSettings(),
		Insights: diary.ComputeInsights(diary.InsightRecords{}, p.Last, p.Days()),
	}
}

// Options are the choices a person makes about a report.
type Options struct {
	Period Period
	Made   time.Time // when it is made: the date it shows
	Notes  bool      // include the notes (private by default)
	// RoutineName names a routine by its ID; nil shows IDs. (The routines
	// are content's, which the report does not import.)
	RoutineName func(id string) string
}
