package store

import (
	"math"
	"strconv"
)

// DayPain is one calendar day's pain: any number of entries a day count,
// and a day is summed up by their mean and their worst.
type DayPain struct {
	Day     Day     `json:"day"`
	Entries int     `json:"entries"` // 0: nothing logged that day
	Mean    Score   `json:"mean"`
	Worst   int     `json:"worst"`
	sum     float64 // of the ratings, while adding
}

// Logged tells whether anything was logged that day.
func (d DayPain) Logged() bool { return d.Entries > 0 }

func (d *DayPain) add(e PainEntry) {
	d.Entries++
	d.sum += float64(e.Pain)
	d.Mean = Score(d.sum / float64(d.Entries))
	d.Worst = max(d.Worst, e.Pain)
}

// Score is an average on the 0–10 scale. It is kept exact and written to
// JSON with two decimals, so exports stay short and stable.
type Score float64

// MarshalJSON writes the score rounded to two decimals.
func (s Score) MarshalJSON() ([]byte, error) {
	return []byte(formatScore(float64(s), 2)), nil
}

func formatScore(v float64, decimals int) string {
	p := math.Pow(10, float64(decimals))
	r := math.Round(v*p) / p
	if r == 0 {
		r = 0 // no "-0"
	}
	return strconv.FormatFloat(r, 'f', -1, 64)
}

// PainDays reads the days [first, last], one DayPain per day in order,
// days without entries included (Entries 0). Each entry counts on its own
// local day, whatever time zone it was made in.
func PainDays(tx *Tx, first, last Day) ([]DayPain, error) {
	if last < first {
		return nil, nil
	}
	days := emptyDays(first, last)
	err := RangeDays(tx, BucketPain, first, last, func(it Item[PainEntry]) error {
		days[it.Value.Day()-first].add(it.Value)
		return nil
	})
	return days, err
}

// DailyPain sums entries up by day over [first, last], like PainDays but
// from entries already read. Entries outside the span are ignored.
func DailyPain(entries []PainEntry, first, last Day) []DayPain {
	if last < first {
		return nil
	}
	days := emptyDays(first, last)
	for _, e := range entries {
		if d := e.Day(); d >= first && d <= last {
			days[d-first].add(e)
		}
	}
	return days
}

func emptyDays(first, last Day) []DayPain {
	days := make([]DayPain, last-first+1)
	for i := range days {
		days[i].Day = first + Day(i)
	}
	return days
}
