package store

import (
	"testing"
	"time"

	"lumbar/store/diary"
)

// The streak is one over all the entries: every span shows the same, and
// a streak longer than the span is not cut to it.
func TestStreakIsTheSameInEverySpan(t *testing.T) {
	s := openTemp(t)
	for n := 44; n >= 0; n-- { // 45 days in a row up to today…
		mustAppend(t, s, Pain, entryOn(n, 9, 3))
	}
	for n := 50; n < 110; n++ { // …after a run of 60 that ended 50 days ago
		mustAppend(t, s, Pain, entryOn(n, 9, 3))
	}
	want := diary.Streak{Current: 45, LoggedToday: true, Longest: 60}
	for _, days := range []int{1, 7, 30, 90, 365} {
		in, err := Read(s, func(tx *Tx) (diary.Insights, error) { return InsightsOf(tx, insightsToday, days) })
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
	fri := diary.DayOf(instant.In(east))
	key := NewKey(instant)
	cases := []struct {
		name string
		raw  string
		want diary.Day
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
			if got, want := dayOfUnix(at.Unix()+int64(offset)), diary.DayOf(at); got != want {
				t.Errorf("%v: dayOfUnix %v, DayOf %v", at, got, want)
			}
		}
	}
}
