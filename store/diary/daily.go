package diary

import (
	"math"
	"strconv"
	"time"
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

// Add counts one more entry on the day.
func (d *DayPain) Add(e PainEntry) {
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
	return []byte(strconv.FormatFloat(s.Rounded(jsonDecimals), 'f', -1, 64)), nil
}

// Scores are shown rounded to jsonDecimals in JSON and to textDecimals in
// sentences.
const (
	jsonDecimals = 2
	textDecimals = 1
)

// Rounded is the score as shown with that many decimals. It is the one
// rounding rule for scores: halves away from zero, and never "-0".
func (s Score) Rounded(decimals int) float64 {
	p := math.Pow(10, float64(decimals))
	r := math.Round(float64(s)*p) / p
	if r == 0 {
		r = 0 // no "-0"
	}
	return r
}

// String is the score as sentences show it, with one decimal: "3.2".
func (s Score) String() string {
	return strconv.FormatFloat(s.Rounded(textDecimals), 'f', textDecimals, 64)
}

// ChangeShown is to minus from as shown with that many decimals: the
// difference of the rounded scores, so the numbers a person reads add up
// ("from 3.2 to 2.3 (-0.9)"), where rounding the exact difference could
// give -0.8.
func ChangeShown(from, to Score, decimals int) Score {
	return Score(Score(to.Rounded(decimals) - from.Rounded(decimals)).Rounded(decimals))
}

// DailyPain sums entries up by day over [first, last], like PainDays but
// from entries already read. Entries outside the span are ignored.
func DailyPain(entries []PainEntry, first, last Day) []DayPain {
	if last < first {
		return nil
	}
	days := EmptyDays(first, last)
	for _, e := range entries {
		if d := e.Day(); d >= first && d <= last {
			days[d-first].Add(e)
		}
	}
	return days
}

// EmptyDays is one DayPain for each day in [first, last], nothing logged.
func EmptyDays(first, last Day) []DayPain {
	days := make([]DayPain, last-first+1)
	for i := range days {
		days[i].Day = first + Day(i)
	}
	return days
}

// DaySummary is what the status bar shows about one day.
type DaySummary struct {
	Day        Day
	LatestPain *PainEntry // nil when no pain was logged that day
	WaterML    int
	LastDrink  time.Time // UTC; zero when no water was logged that day
	// RecentPain is the last SparklineDays days up to this one, oldest
	// first, for the status bar's sparkline.
	RecentPain []DayPain
}
