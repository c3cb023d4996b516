package journal

import (
	"fmt"
	"strings"

	"lumbar/store/diary"
	"lumbar/store/text"
)

// calendarCellWidth is one day's column: a space, three cells of colour
// around the rating, a space, and the gap to the next day.
const calendarCellWidth = 6

var weekdayNames = [7]string{"Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"}

// calendarView draws the month as a heat-map: each week is a row of dates
// and under it a row of each day's worst pain, coloured by band and
// always written as a number, so it reads without colour too.
func (m *Model) calendarView() string {
	st := m.Styles
	weeks, sum := m.calWeeks, m.calSum
	title := st.Title.Render(m.month.String()) + st.Muted.Render("  ·  < earlier  > later")
	var header strings.Builder
	for _, name := range weekdayNames {
		header.WriteString(pad(" "+name, calendarCellWidth))
	}
	lines := []string{title, monthSummaryLine(sum), "", st.Muted.Render(header.String())}
	for _, week := range weeks {
		var dates, pains strings.Builder
		for _, c := range week {
			dates.WriteString(m.calendarDate(c))
			pains.WriteString(m.calendarPain(c))
		}
		lines = append(lines, dates.String(), pains.String())
	}
	lines = append(lines, "",
		st.Muted.Render("worst pain: 1–3 mild, 4–6 moderate, 7–10 severe · · not logged · [ ] today"))
	return strings.Join(lines, "\n")
}

func (m *Model) calendarDate(c calendarCell) string {
	if !c.InMon {
		return strings.Repeat(" ", calendarCellWidth)
	}
	date := fmt.Sprint(c.Day.Date().Day())
	if c.Today {
		return pad(m.Styles.Title.Render(" ["+date+"]"), calendarCellWidth)
	}
	return m.Styles.Muted.Render(pad("  "+date, calendarCellWidth))
}

func (m *Model) calendarPain(c calendarCell) string {
	switch {
	case !c.InMon || c.Future:
		return strings.Repeat(" ", calendarCellWidth)
	case !c.Pain.Logged():
		return m.Styles.Muted.Render(pad("  ·", calendarCellWidth))
	}
	band := diary.PainBand(c.Pain.Worst)
	return " " + m.Styles.HeatCell(band).Render(fmt.Sprintf("%2d ", c.Pain.Worst)) + "  "
}

func monthSummaryLine(s monthSummary) string {
	if s.Logged == 0 {
		return fmt.Sprintf("Nothing logged this month (%s so far).", text.Plural(s.Days, "day"))
	}
	return fmt.Sprintf("%d of %s logged · average %s · worst %d, on %s",
		s.Logged, text.Plural(s.Days, "day"), s.Mean, s.Worst, s.WorstDay.Date().Format("Mon 2 Jan"))
}
