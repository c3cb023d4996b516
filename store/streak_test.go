package store

import (
	"strings"
	"testing"
	"time"
)

func TestStreakOf(t *testing.T) {
	ago := func(daysAgo ...int) []Day {
		var out []Day
		for _, n := range daysAgo {
			out = append(out, insightsToday-Day(n))
		}
		return out
	}
	cases := []struct {
		name     string
		logged   []Day
		want     Streak
		sentence string
	}{
		{"none", nil, Streak{}, "No logging streak right now"},
		{"today only", ago(0), Streak{Current: 1, LoggedToday: true, Longest: 1}, "You have logged today"},
		{"twice today", ago(0, 0), Streak{Current: 1, LoggedToday: true, Longest: 1}, "You have logged today"},
		{"up to yesterday", ago(1, 2, 3, 5), Streak{Current: 3, Longest: 3}, "3 days in a row up to yesterday"},
		{"broken", ago(0, 1, 4, 5, 6, 7), Streak{Current: 2, LoggedToday: true, Longest: 4}, "2 days in a row (your longest run: 4 days)"},
		{"gap yesterday", ago(0, 2, 3), Streak{Current: 1, LoggedToday: true, Longest: 2}, "1 day in a row (your longest run: 2 days)"},
		{"ended two days ago", ago(2, 3, 4), Streak{Longest: 3}, "No logging streak right now"},
		{"current is the longest", ago(0, 1, 2, 5, 6), Streak{Current: 3, LoggedToday: true, Longest: 3}, "3 days in a row, your longest run so far"},
		{"any order, repeats", ago(6, 0, 1, 1, 5, 0, 4), Streak{Current: 2, LoggedToday: true, Longest: 3}, "2 days in a row"},
		{"longer than a year", ago(countdown(400)...), Streak{Current: 400, LoggedToday: true, Longest: 400}, "400 days in a row"},
		{"future days ignored", ago(-1, 0, 1), Streak{Current: 2, LoggedToday: true, Longest: 2}, "2 days in a row"},
	}
	for _, c := range cases {
		got := StreakOf(c.logged, insightsToday)
		if got != c.want {
			t.Errorf("%s: streak %+v, want %+v", c.name, got, c.want)
		}
		if got.Longest < got.Current {
			t.Errorf("%s: longest %d below current %d", c.name, got.Longest, got.Current)
		}
		if s := got.sentence(); !strings.Contains(s, c.sentence) {
			t.Errorf("%s: %q lacks %q", c.name, s, c.sentence)
		}
	}
}

// countdown is n-1, …, 1, 0.
func countdown(n int) []int {
	out := make([]int, n)
	for i := range out {
		out[i] = n - 1 - i
	}
	return out
}

// The streak is one over all the entries: every span shows the same, and
// a streak longer than the span is not cut to it.
func TestStreakIsTheSameInEverySpan(t *testing.T) {
	s := openTemp(t)
	for _, n := range countdown(45) { // 45 days in a row up to today…
		mustAppend(t, s, BucketPain, entryOn(n, 9, 3))
	}
	for n := 50; n < 110; n++ { // …after a run of 60 that ended 50 days ago
		mustAppend(t, s, BucketPain, entryOn(n, 9, 3))
	}
	want := Streak{Current: 45, LoggedToday: true, Longest: 60}
	for _, days := range []int{1, 7, 30, 90, 365} {
		in, err := Read(s, func(tx *Tx) (Insights, error) { return InsightsOf(tx, insightsToday, days) })
		if err != nil {
			t.Fatal(err)
		}
		if in.Streak != want {
			t.Errorf("%d days: streak %+v, want %+v", days, in.Streak, want)
		}
	}
}

// An entry's day is where it was made, read from its key and its stored
// offset; a value whose offset cannot be found quickly is decoded whole.
func TestRecordDay(t *testing.T) {
	east := time.FixedZone("UTC+13", 13*3600)
	instant := time.Date(2026, 11, 27, 3, 0, 0, 0, time.UTC) // Fri 16:00 east, Thu 17:00 west
	fri := DayOf(instant.In(east))
	key := NewKey(instant)
	cases := []struct {
		name string
		raw  string
		want Day
	}{
		{"east", `{"at":"2026-11-27T03:00:00Z","utc_offset_seconds":46800,"pain":2}`, fri},
		{"west", `{"at":"2026-11-27T03:00:00Z","utc_offset_seconds":-36000,"pain":2}`, fri - 1},
		{"last field", `{"at":"2026-11-27T03:00:00Z","utc_offset_seconds":46800}`, fri},
		{"note quoting the field", `{"at":"2026-11-27T03:00:00Z","note":"\"utc_offset_seconds\":46800","utc_offset_seconds":-36000}`, fri - 1},
		{"spaced out", `{"at": "2026-11-27T03:00:00Z", "utc_offset_seconds" : -36000 }`, fri - 1},
	}
	for _, c := range cases {
		got, err := recordDay(BucketPain, key[:], []byte(c.raw))
		if err != nil || got != c.want {
			t.Errorf("%s: day %v, %v; want %v", c.name, got, err, c.want)
		}
	}
	for _, damaged := range []string{
		`{"at":`,
		`{"at":"2026-11-27T03:00:00Z","utc_offset_seconds":-,"pain":2}`,
		`{"at":"2026-11-27T03:00:00Z","utc_offset_seconds":-36000000000000000000000}`,
	} {
		if d, err := recordDay(BucketPain, key[:], []byte(damaged)); err == nil {
			t.Errorf("damaged value %s gave day %v", damaged, d)
		}
	}
}

func TestDayOfUnixIsDayOf(t *testing.T) {
	for _, zone := range []*time.Location{time.UTC, time.FixedZone("UTC+14", 14*3600), time.FixedZone("UTC-12", -12*3600), zoneBerlin} {
		for _, at := range []time.Time{
			time.Date(2026, 11, 27, 0, 0, 0, 0, zone), time.Date(2026, 11, 27, 23, 59, 59, 0, zone),
			time.Date(1970, 1, 1, 0, 0, 0, 0, zone), time.Date(2261, 12, 31, 12, 0, 0, 0, zone),
		} {
			_, offset := at.Zone()
			if got, want := dayOfUnix(at.Unix()+int64(offset)), DayOf(at); got != want {
				t.Errorf("%v: dayOfUnix %v, DayOf %v", at, got, want)
			}
		}
	}
}
