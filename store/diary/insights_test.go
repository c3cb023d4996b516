package diary

import (
	"fmt"
	"math"
	"strings"
	"testing"
	"time"
)

// insightsToday is a Friday; day(n) is n days before it.
var insightsToday = DayOf(time.Date(2026, 11, 27, 12, 0, 0, 0, time.UTC))

// entryOn makes an entry at hour:00 local time, n days before today.
func entryOn(n, hour, pain int, helped ...string) PainEntry {
	d := (insightsToday - Day(n)).Midnight(zoneBerlin).Add(time.Duration(hour) * time.Hour)
	return PainEntry{Stamp: StampAt(d), Pain: pain, Helped: helped}
}

func TestIsMeaningfulChange(t *testing.T) {
	cases := []struct {
		before, after float64
		want          bool
	}{
		{6, 4, true},      // 2 points, 33%
		{6, 4.1, true},    // 1.9 points, 32%
		{6, 4.3, false},   // 1.7 points, but 28%
		{8, 6.1, false},   // 1.9 points, 24%
		{3, 2.1, false},   // 30%, but 0.9 points
		{3, 2, true},      // 33% and 1 point
		{1, 1.3, false},   // 30% up, but 0.3 points
		{1, 2, true},      // doubled: 1 point
		{2, 2.5, false},   // 25% up
		{0, 0.5, false},   // from nothing: under a point
		{0, 1, true},      // from nothing: 1 point
		{5, 5, false},     // no change
		{10, 7, true},     // exactly 30% and 3 points
		{4.5, 3.15, true}, // exactly 30%, 1.35 points
		{3.3, 2.3, true},  // exactly 1 point, 30.3%
	}
	for _, c := range cases {
		if got := IsMeaningfulChange(c.before, c.after); got != c.want {
			t.Errorf("IsMeaningfulChange(%v, %v) = %v, want %v", c.before, c.after, got, c.want)
		}
	}
}

// Each entry belongs to the day where it was made: the same instant can
// be Friday in Auckland and Thursday in Honolulu.
func TestDailyPainAcrossTimeZones(t *testing.T) {
	east := time.FixedZone("UTC+13", 13*3600)
	west := time.FixedZone("UTC-10", -10*3600)
	instant := time.Date(2026, 11, 27, 3, 0, 0, 0, time.UTC) // Fri 16:00 east, Thu 17:00 west
	entries := []PainEntry{
		{Stamp: StampAt(instant.In(east)), Pain: 2},
		{Stamp: StampAt(instant.In(west)), Pain: 8},
		{Stamp: StampAt(instant.Add(-time.Hour).In(east)), Pain: 6},
		{Stamp: StampAt(instant.Add(10 * time.Hour).In(west)), Pain: 5}, // Fri 03:00 west
	}
	fri := DayOf(instant.In(east))
	days := DailyPain(entries, fri-1, fri)
	thu, friday := days[0], days[1]
	if thu.Day != fri-1 || thu.Entries != 1 || thu.Worst != 8 || thu.Mean != 8 {
		t.Errorf("Thursday = %+v", thu)
	}
	if friday.Entries != 3 || friday.Worst != 6 || fmt.Sprintf("%.3f", float64(friday.Mean)) != "4.333" {
		t.Errorf("Friday = %+v, want 3 entries, worst 6, mean 4.333", friday)
	}
	if got := DailyPain(entries, fri+1, fri+1); got[0].Logged() {
		t.Errorf("a day with no entries is logged: %+v", got)
	}
}

func TestWeekChange(t *testing.T) {
	week := func(lastWeek, thisWeek []int) []PainEntry {
		var out []PainEntry
		for i, p := range lastWeek {
			out = append(out, entryOn(13-i, 9, p))
		}
		for i, p := range thisWeek {
			out = append(out, entryOn(6-i, 9, p))
		}
		return out
	}
	cases := []struct {
		name               string
		last, this         []int
		enough, meaningful bool
		change             string
		sentence           string
	}{
		{"better by 2", []int{6, 6, 6, 6}, []int{4, 4, 4, 4}, true, true, "-2.0", "2.0 lower, a meaningful change"},
		{"noise", []int{5, 5, 5, 5}, []int{4, 5, 4, 5}, true, false, "-0.5", "0.5 lower, within the usual ups and downs"},
		{"30% from low but under a point", []int{3, 3, 3, 3}, []int{2, 2, 2, 3}, true, false, "-0.8", "within the usual ups and downs"},
		{"a point and a third", []int{3, 3, 3, 3}, []int{2, 2, 2, 2}, true, true, "-1.0", "1.0 lower, a meaningful change"},
		{"worse", []int{2, 2, 2, 2}, []int{5, 5, 5, 5}, true, true, "3.0", "3.0 higher"},
		{"same", []int{4, 4, 4, 4}, []int{4, 4, 4, 4}, true, false, "0.0", "about the same"},
		{"three days each", []int{6, 6, 6}, []int{2, 2, 2}, false, false, "0.0", "not enough to tell. It takes at least 4 days logged in each (so far 3 and 3)"},
		{"too few this week", []int{6, 6, 6, 6}, []int{2, 2}, false, false, "0.0", "not enough to tell"},
		{"too few last week", nil, []int{2, 2, 2, 2, 2, 2, 2}, false, false, "0.0", "(so far 7 and 0)"},
	}
	for _, c := range cases {
		in := ComputeInsights(InsightRecords{Entries: week(c.last, c.this)}, insightsToday, 30)
		w := in.Week
		if w.Enough != c.enough || w.Meaningful != c.meaningful || w.Change.String() != c.change {
			t.Errorf("%s: %+v", c.name, w)
		}
		if s := w.sentence(); !strings.Contains(s, c.sentence) {
			t.Errorf("%s: sentence %q lacks %q", c.name, s, c.sentence)
		}
	}
	// Several entries a day count once, by the day's mean.
	in := ComputeInsights(InsightRecords{Entries: append(week([]int{4, 4, 4}, []int{4, 4, 4}), entryOn(6, 20, 10))}, insightsToday, 7)
	if got := in.Week.ThisWeek.Mean.String(); got != "5.0" || in.Week.ThisWeek.Days != 3 {
		t.Errorf("this week with a bad evening = %s over %d days, want 5.0 over 3", got, in.Week.ThisWeek.Days)
	}
}

func TestFactorsNeedThreeDaysEachSide(t *testing.T) {
	var entries []PainEntry
	for n := range 6 { // stretched on 3 days at pain 2, not on 3 at pain 5
		if n%2 == 0 {
			entries = append(entries, entryOn(n, 9, 2, "stretching"))
		} else {
			entries = append(entries, entryOn(n, 9, 5))
		}
	}
	entries = append(entries, entryOn(0, 18, 4, "heat"), entryOn(1, 18, 5, "massage-swedish"))
	in := ComputeInsights(InsightRecords{Entries: entries}, insightsToday, 30)
	byID := map[string]FactorComparison{}
	for _, c := range in.Factors {
		byID[c.Factor] = c
	}
	// Today's entries (2, and 4 with heat) make a day of mean 3; days 2
	// and 4 are 2 each: (3+2+2)/3 = 2.3.
	st := byID["stretching"]
	want := "On days you stretched, your pain averaged 2.3 (3 days) vs 5.0 on other days (3 days)."
	if got := st.sentence(); got != want {
		t.Errorf("stretching sentence:\n got %q\nwant %q", got, want)
	}
	heat := byID["heat"]
	if heat.Enough || heat.With.Days != 1 || heat.Without.Days != 5 {
		t.Errorf("heat on one day must not be compared: %+v", heat)
	}
	text := strings.Join(in.Sentences(), "\n")
	if !strings.Contains(text, "Too few days yet to compare massage (1 day with, 5 without), heat (1 day with, 5 without)") ||
		strings.Contains(text, "On days you used heat") {
		t.Errorf("heat on one day must be listed among the too-few, not compared:\n%s", text)
	}
	if m := byID["massage"]; m.With.Days != 1 {
		t.Errorf("a Swedish massage is a massage: %+v", m)
	}
	sentences := in.Sentences()
	for _, s := range sentences[:len(sentences)-1] { // the last one says these are not causes
		for _, banned := range []string{"because", "caused", "helps", "reduces", "improves"} {
			if strings.Contains(strings.ToLower(s), banned) {
				t.Errorf("insight claims a cause (%q): %s", banned, s)
			}
		}
	}
}

// A stretch session recorded by the Stretch tab counts as stretching that
// day, even when no entry says so.
func TestStretchSessionsCountAsStretching(t *testing.T) {
	var entries []PainEntry
	var sessions []Session
	for n := range 8 {
		entries = append(entries, entryOn(n, 20, 3+n%2))
		if n < 4 {
			start := entryOn(n, 8, 0).Stamp
			sessions = append(sessions, Session{Stamp: start, Routine: "desk-break", End: start.At.Add(3 * time.Minute),
				StepsDone: 3, StepsTotal: 3, PainBefore: intp(5), PainAfter: intp(3 + n%2)})
		}
	}
	in := ComputeInsights(InsightRecords{Entries: entries, Sessions: sessions}, insightsToday, 30)
	st := in.Factors[0]
	if st.Factor != "stretching" || st.With.Days != 4 || st.Without.Days != 4 {
		t.Errorf("stretching with sessions = %+v", st)
	}
	r := in.Routines
	if !r.Enough || r.Sessions != 4 || r.Before.String() != "5.0" || r.After.String() != "3.5" || r.Change.String() != "-1.5" {
		t.Errorf("routines = %+v", r)
	}
	if got := r.sentence(); got != "Over 4 routines with pain rated before and after, it went from 5.0 to 3.5 on average (-1.5)." {
		t.Errorf("routine sentence %q", got)
	}
	sessions[0].PainAfter = nil // not rated after: left out
	in = ComputeInsights(InsightRecords{Entries: entries, Sessions: sessions[:3]}, insightsToday, 30)
	if in.Routines.Sessions != 2 || in.Routines.Enough {
		t.Errorf("routines with one unrated = %+v", in.Routines)
	}
}

func TestInsightsSpanAndOverview(t *testing.T) {
	entries := []PainEntry{entryOn(40, 9, 9), entryOn(20, 9, 7), entryOn(2, 9, 3), entryOn(2, 21, 5), entryOn(0, 9, 2)}
	in := ComputeInsights(InsightRecords{Entries: entries}, insightsToday, 30)
	if in.From != insightsToday-29 || in.To != insightsToday || len(in.Daily) != 30 || in.Logged != 3 || in.Worst != 7 {
		t.Errorf("30-day span: from %v to %v, %d days, %d logged, worst %d", in.From, in.To, len(in.Daily), in.Logged, in.Worst)
	}
	if got := in.overviewSentence(); got != "In the last 30 days you logged 3 days; your pain averaged 4.3, at worst 7." {
		t.Errorf("overview %q", got)
	}
	week := ComputeInsights(InsightRecords{Entries: entries}, insightsToday, 7)
	if len(week.Daily) != 7 || week.Logged != 2 || !strings.Contains(week.overviewSentence(), "last 7 days") {
		t.Errorf("7-day span: %d days, %d logged", len(week.Daily), week.Logged)
	}
	empty := ComputeInsights(InsightRecords{Entries: nil}, insightsToday, 90)
	if got := empty.Sentences()[0]; got != "Nothing logged in the last 90 days yet." {
		t.Errorf("empty overview %q", got)
	}
}

func TestSparkline(t *testing.T) {
	days := DailyPain([]PainEntry{entryOn(4, 9, 0), entryOn(3, 9, 5), entryOn(3, 12, 10), entryOn(1, 9, 3)}, insightsToday-4, insightsToday)
	if got := Sparkline(days); got != "▁█·▃·" {
		t.Errorf("Sparkline = %q", got)
	}
	var levels []rune
	for p := PainMin; p <= PainMax; p++ {
		levels = append(levels, []rune(Sparkline(DailyPain([]PainEntry{entryOn(0, 9, p)}, insightsToday, insightsToday)))...)
	}
	if string(levels) != "▁▂▂▃▄▅▅▆▇▇█" {
		t.Errorf("levels 0–10 = %q", string(levels))
	}
}

// Scores are rounded once, by one rule, and a change shown between two
// shown scores is their difference: the numbers a person reads add up.
func TestShownNumbersAddUp(t *testing.T) {
	cases := []struct {
		from, to Score
		text     string // ChangeShown with one decimal
		json     string // with two
	}{
		{3.16, 2.34, "-0.9", "-0.82"}, // shown 3.2 and 2.3: the exact -0.82 would show as -0.8
		{3.24, 2.26, "-0.9", "-0.98"}, // 3.2 and 2.3: exactly -0.98 would show as -1.0
		{2.25, 2.5, "0.2", "0.25"},    // halves round away from zero: 2.3 and 2.5
		{4.04, 4.0, "0.0", "-0.04"},   // shown alike: no change, and no "-0.0"
		{5, 3.5, "-1.5", "-1.5"},
	}
	for _, c := range cases {
		if got := ChangeShown(c.from, c.to, 1).String(); got != c.text {
			t.Errorf("ChangeShown(%v, %v, 1) = %s, want %s", float64(c.from), float64(c.to), got, c.text)
		}
		if got, _ := ChangeShown(c.from, c.to, 2).MarshalJSON(); string(got) != c.json {
			t.Errorf("ChangeShown(%v, %v, 2) = %s, want %s", float64(c.from), float64(c.to), got, c.json)
		}
	}
	w := WeekChange{ThisWeek: Average{Mean: 3.56, Days: 7}, LastWeek: Average{Mean: 3.14, Days: 7}, Enough: true}
	if s := w.sentence(); !strings.Contains(s, "averaged 3.6 (7 days) against 3.1 last week (7 days): 0.5 higher") {
		t.Errorf("week: %q", s)
	}
	// Over a grid of means, "from X to Y (Z)" always has Z = Y - X.
	for i := 0; i <= 1000; i += 7 {
		for j := 0; j <= 1000; j += 13 {
			r := RoutineChange{Sessions: 3, Before: Score(i) / 100, After: Score(j) / 100, Enough: true}
			var from, to, change float64
			if _, err := fmt.Sscanf(r.sentence(), "Over 3 routines with pain rated before and after, it went from %f to %f on average (%f).",
				&from, &to, &change); err != nil {
				t.Fatalf("%q: %v", r.sentence(), err)
			}
			if math.Abs(to-from-change) > 1e-9 {
				t.Fatalf("%q does not add up", r.sentence())
			}
		}
	}
}
