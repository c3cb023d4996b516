package journal

import (
	"fmt"
	"time"

	"lumbar/store/diary"
)

// month names a calendar month.
type month struct {
	Year  int
	Month time.Month
}

func monthOf(d diary.Day) month {
	y, m, _ := d.Date().Date()
	return month{y, m}
}

// add moves n months on (back when n < 0).
func (m month) add(n int) month {
	t := time.Date(m.Year, m.Month+time.Month(n), 1, 0, 0, 0, 0, time.UTC)
	return month{t.Year(), t.Month()}
}

func (m month) firstDay() diary.Day {
	return diary.DayOf(time.Date(m.Year, m.Month, 1, 0, 0, 0, 0, time.UTC))
}

func (m month) String() string { return fmt.Sprintf("%s %d", m.Month, m.Year) }

// calendarCell is one square of the month grid.
type calendarCell struct {
	Day    diary.Day
	InMon  bool // false for the padding before the 1st and after the last
	Pain   diary.DayPain
	Future bool
	Today  bool
}

// monthSummary is the line under the grid.
type monthSummary struct {
	Logged, Days int // days logged, days of the month so far
	Mean         diary.Score
	Worst        int
	WorstDay     diary.Day
}

// calendarGrid lays a month out in weeks from Monday, each day with its
// pain from lookup, and sums the month up.
func calendarGrid(m month, today diary.Day, lookup func(diary.Day) (diary.DayPain, bool)) ([][7]calendarCell, monthSummary) {
	first := m.firstDay()
	last := m.add(1).firstDay() - 1
	start := first - diary.Day(weekdayFromMonday(first))
	var weeks [][7]calendarCell
	var sum monthSummary
	var meanTotal float64
	for weekStart := start; weekStart <= last; weekStart += 7 {
		var week [7]calendarCell
		for i := range week {
			d := weekStart + diary.Day(i)
			c := calendarCell{Day: d, InMon: d >= first && d <= last, Future: d > today, Today: d == today}
			if c.InMon && !c.Future {
				sum.Days++
				if p, ok := lookup(d); ok && p.Logged() {
					c.Pain = p
					sum.Logged++
					meanTotal += float64(p.Mean)
					if p.Worst > sum.Worst || sum.Logged == 1 {
						sum.Worst, sum.WorstDay = p.Worst, d
					}
				}
			}
			week[i] = c
		}
		weeks = append(weeks, week)
	}
	if sum.Logged > 0 {
		sum.Mean = diary.Score(meanTotal / float64(sum.Logged))
	}
	return weeks, sum
}

// weekdayFromMonday is 0 for Monday … 6 for Sunday.
func weekdayFromMonday(d diary.Day) int {
	return (int(d.Date().Weekday()) + 6) % 7
}
