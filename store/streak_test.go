package store

import (
	"testing"

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
	want := diary.Streak{Current: 45, LoggedToday: true, Longest: 60, Nudge: "20:00"}
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
