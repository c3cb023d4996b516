package journal

import (
	"testing"
	"time"

	"lumbar/store/diary"
)

func TestListMove(t *testing.T) {
	var l list
	steps := []struct {
		to, n, visible      int
		wantCursor, wantOff int
	}{
		{0, 0, 5, 0, 0},   // empty
		{3, 10, 5, 3, 0},  // within the first page
		{7, 10, 5, 7, 3},  // scrolls just enough
		{2, 10, 5, 2, 2},  // back up
		{99, 10, 5, 9, 5}, // clamped to the last
		{-4, 10, 5, 0, 0}, // clamped to the first
		{8, 10, 20, 8, 0}, // everything fits
		{9, 10, 5, 9, 5},  //
		{9, 7, 5, 6, 2},   // rows vanished (deleted elsewhere)
	}
	for i, s := range steps {
		l.move(s.to, s.n, s.visible)
		if l.cursor != s.wantCursor || l.offset != s.wantOff {
			t.Errorf("step %d: move(%d, %d, %d) = cursor %d offset %d, want %d %d", i, s.to, s.n, s.visible, l.cursor, l.offset, s.wantCursor, s.wantOff)
		}
	}
}

func day(s string) diary.Day {
	d, err := diary.ParseDay(s)
	if err != nil {
		panic(err)
	}
	return d
}

func logged(d diary.Day, mean float64, worst int) diary.DayPain {
	return diary.DayPain{Day: d, Entries: 1, Mean: diary.Score(mean), Worst: worst}
}

func TestCalendarGrid(t *testing.T) {
	today := day("2026-11-27")
	pains := map[diary.Day]diary.DayPain{
		day("2026-11-01"): logged(day("2026-11-01"), 2, 3),
		day("2026-11-12"): logged(day("2026-11-12"), 6, 8),
		day("2026-11-13"): logged(day("2026-11-13"), 4, 8),
		day("2026-11-27"): logged(day("2026-11-27"), 1, 1),
		day("2026-10-31"): logged(day("2026-10-31"), 9, 9), // the month before: not counted
	}
	lookup := func(d diary.Day) (diary.DayPain, bool) { p, ok := pains[d]; return p, ok }
	weeks, sum := calendarGrid(month{2026, time.November}, today, lookup)
	if len(weeks) != 6 {
		t.Fatalf("November 2026 spans %d weeks, want 6 (it starts on a Sunday)", len(weeks))
	}
	first := weeks[0]
	if first[0].InMon || !first[6].InMon || first[6].Day != day("2026-11-01") || first[6].Pain.Worst != 3 {
		t.Errorf("first week: %+v", first)
	}
	if first[5].Pain.Logged() {
		t.Error("31 Oct's pain shows in November")
	}
	fri := weeks[4][4]
	if fri.Day != today || !fri.Today || fri.Future {
		t.Errorf("today's cell: %+v", fri)
	}
	if sat := weeks[4][5]; !sat.Future || sat.Today {
		t.Errorf("tomorrow's cell: %+v", sat)
	}
	if sum.Days != 27 || sum.Logged != 4 || sum.Worst != 8 || sum.WorstDay != day("2026-11-12") || sum.Mean != 13.0/4 {
		t.Errorf("summary %+v", sum)
	}
	feb, _ := calendarGrid(month{2027, time.February}, today, lookup)
	if len(feb) != 4 { // 1 Feb 2027 is a Monday, 28 days
		t.Errorf("February 2027 spans %d weeks, want 4", len(feb))
	}
	if m := (month{2026, time.January}).add(-1); m != (month{2025, time.December}) {
		t.Errorf("month before January 2026 = %v", m)
	}
}

func TestChartSeries(t *testing.T) {
	var days []diary.DayPain
	first := day("2026-11-01")
	for i := range 10 {
		d := first + diary.Day(i)
		if i == 4 || i == 5 {
			days = append(days, diary.DayPain{Day: d}) // not logged
			continue
		}
		days = append(days, logged(d, float64(i), i+1))
	}
	daily := chartSeries(days, 1)
	if len(daily) != 10 || daily[4].Logged != 0 || daily[9].Mean != 9 || daily[9].Worst != 10 {
		t.Errorf("daily points: %+v", daily)
	}
	threes := chartSeries(days, 3) // aligned to end on the last day: [0] [1-3] [4-6] [7-9]
	if len(threes) != 4 || threes[0].First != first || threes[0].Last != first || threes[3].First != first+7 {
		t.Fatalf("3-day points: %+v", threes)
	}
	if p := threes[2]; p.Logged != 1 || p.Mean != 6 || p.Worst != 7 {
		t.Errorf("a point with two days not logged counts only the logged one: %+v", p)
	}
	if p := threes[1]; p.Logged != 3 || p.Mean != 2 || p.Worst != 4 {
		t.Errorf("point 1-3: %+v", p)
	}
}

func TestDaysPerPoint(t *testing.T) {
	cases := []struct{ span, width, want int }{
		{7, 60, 1}, {30, 60, 1}, {30, 50, 2}, {90, 76, 3}, {90, 200, 1}, {365, 76, 14}, {365, 150, 7}, {365, 10, 28},
	}
	for _, c := range cases {
		if got := daysPerPoint(c.span, c.width); got != c.want {
			t.Errorf("daysPerPoint(%d, %d) = %d, want %d", c.span, c.width, got, c.want)
		}
	}
}

// Labels under the chart: day and month over short spans; month and year,
// written so it cannot be taken for a date, over long ones.
func TestPointLabel(t *testing.T) {
	point := func(d string) chartPoint { return chartPoint{First: day(d), Last: day(d)} }
	month := []chartPoint{point("2026-10-29"), point("2026-11-27")}
	year := []chartPoint{point("2025-11-28"), point("2026-11-27")}
	cases := []struct {
		p    chartPoint
		all  []chartPoint
		want string
	}{
		{month[0], month, "29 Oct"},
		{month[1], month, "27 Nov"},
		{year[0], year, "Nov '25"},
		{point("2025-12-25"), year, "Dec '25"},
		{year[1], year, "Nov '26"},
	}
	for _, c := range cases {
		got := pointLabel(c.p, c.all)
		if got != c.want {
			t.Errorf("pointLabel(%v) = %q, want %q", c.p.First, got, c.want)
		}
	}
}

// On the first of a month the line under the calendar counts one day.
func TestMonthSummaryLineCountsInTheSingular(t *testing.T) {
	cases := []struct {
		s    monthSummary
		want string
	}{
		{monthSummary{Days: 1}, "Nothing logged this month (1 day so far)."},
		{monthSummary{Days: 2}, "Nothing logged this month (2 days so far)."},
		{monthSummary{Logged: 1, Days: 1, Mean: 3, Worst: 3, WorstDay: day("2026-12-01")}, "1 of 1 day logged · average 3.0 · worst 3, on Tue 1 Dec"},
		{monthSummary{Logged: 1, Days: 2, Mean: 3.25, Worst: 5, WorstDay: day("2026-12-01")}, "1 of 2 days logged · average 3.3 · worst 5, on Tue 1 Dec"},
	}
	for _, c := range cases {
		if got := monthSummaryLine(c.s); got != c.want {
			t.Errorf("monthSummaryLine(%+v) = %q, want %q", c.s, got, c.want)
		}
	}
}
