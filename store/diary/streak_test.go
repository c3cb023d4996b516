package diary

import (
	"strings"
	"testing"
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

func TestStreakSentenceMentionsTheLogReminder(t *testing.T) {
	set := DefaultSettings()
	notToday := StreakOf([]Day{insightsToday - 1}, insightsToday).WithNudge(set)
	if s := notToday.sentence(); !strings.Contains(s, "The log reminder asks at 20:00 on active days with nothing logged.") {
		t.Errorf("not logged today: %q", s)
	}
	if s := StreakOf([]Day{insightsToday}, insightsToday).WithNudge(set).sentence(); strings.Contains(s, "reminder") {
		t.Errorf("logged today, yet %q", s)
	}
	set.LogEnabled = false
	if s := notToday.WithNudge(set).sentence(); strings.Contains(s, "reminder") {
		t.Errorf("log reminder off, yet %q", s)
	}
}
