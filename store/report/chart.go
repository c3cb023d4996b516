package report

import (
	"strconv"
	"strings"
	"time"

	"lumbar/store/diary"
)

// Chart is the pain-over-time chart as SVG geometry, in the units of its
// viewBox: each logged day's mean on one line, its worst as a dot, and
// the day's leg pain on a dashed line when any was logged.
type Chart struct {
	Width, Height            int
	Left, Right, Top, Bottom int // the plot area
	YTicks, XTicks           []Tick
	Mean, Leg                string // polyline points: "x,y x,y …"
	MeanPoints, LegPoints    int
	Worst                    []Point
	// LegAlone marks leg pain on a day with none the day before or after,
	// which the dashed line, joining days, cannot show.
	LegAlone         []Point
	DotRadius        float64 // smaller over long periods, so the dots do not merge
	Severe, Moderate Band    // shaded behind the lines
}

// Tick is a labelled position on an axis.
type Tick struct {
	At    float64
	Label string
}

// Point is a position in the chart.
type Point struct{ X, Y float64 }

// Band is a horizontal strip of the plot: a pain band's range.
type Band struct{ Y, Height float64 }

// The chart's size in viewBox units (it scales to the page's width).
const (
	chartWidth  = 700
	chartHeight = 210
	chartLeft   = 30
	chartRight  = chartWidth - 18
	chartTop    = 8
	chartBottom = chartHeight - 22
)

func drawChart(daily []diary.DayPain, leg []LegDay) Chart {
	c := Chart{Width: chartWidth, Height: chartHeight, Left: chartLeft, Right: chartRight, Top: chartTop, Bottom: chartBottom}
	if len(daily) == 0 {
		return c
	}
	first := daily[0].Day
	x := func(d diary.Day) float64 {
		if len(daily) == 1 {
			return (chartLeft + chartRight) / 2
		}
		return chartLeft + float64(d-first)*(chartRight-chartLeft)/float64(len(daily)-1)
	}
	c.DotRadius = round1(min(2.2, max(1, 250/float64(len(daily)))))
	var mean, legLine []string
	for _, d := range daily {
		if !d.Logged() {
			continue
		}
		mean = append(mean, pointText(x(d.Day), painY(float64(d.Mean))))
		c.Worst = append(c.Worst, Point{round1(x(d.Day)), round1(painY(float64(d.Worst)))})
	}
	for i, l := range leg {
		legLine = append(legLine, pointText(x(l.Day), painY(float64(l.Mean))))
		before := i > 0 && leg[i-1].Day == l.Day-1
		after := i < len(leg)-1 && leg[i+1].Day == l.Day+1
		if !before && !after {
			c.LegAlone = append(c.LegAlone, Point{round1(x(l.Day)), painY(float64(l.Mean))})
		}
	}
	c.Mean, c.MeanPoints = strings.Join(mean, " "), len(mean)
	c.Leg, c.LegPoints = strings.Join(legLine, " "), len(legLine)
	c.Severe = Band{Y: painY(diary.PainMax), Height: painY(6.5) - painY(diary.PainMax)}
	c.Moderate = Band{Y: painY(6.5), Height: painY(3.5) - painY(6.5)}
	for v := diary.PainMin; v <= diary.PainMax; v += 2 {
		c.YTicks = append(c.YTicks, Tick{At: painY(float64(v)), Label: strconv.Itoa(v)})
	}
	for _, d := range xTickDays(first, daily[len(daily)-1].Day) {
		c.XTicks = append(c.XTicks, Tick{At: round1(x(d)), Label: d.Date().Format("2 Jan")})
	}
	return c
}

// painY is the chart's y for a pain score.
func painY(v float64) float64 {
	return round1(chartBottom - v*(chartBottom-chartTop)/diary.PainMax)
}

func pointText(x, y float64) string {
	return strconv.FormatFloat(round1(x), 'f', -1, 64) + "," + strconv.FormatFloat(round1(y), 'f', -1, 64)
}

func round1(v float64) float64 { return float64(int(v*10+0.5)) / 10 }

// xTickDays are the days the time axis labels: every Monday over a month
// or so, the first of each month over longer periods, so the labels never
// crowd.
func xTickDays(first, last diary.Day) []diary.Day {
	var out []diary.Day
	days := int(last-first) + 1
	for d := first; d <= last; d++ {
		date := d.Date()
		switch {
		case days <= 45 && date.Weekday() == time.Monday:
			out = append(out, d)
		case days > 45 && days <= 400 && date.Day() == 1:
			out = append(out, d)
		case days > 400 && date.Day() == 1 && date.Month()%3 == 1:
			out = append(out, d)
		}
	}
	return out
}

// Blocks are the period's averages a week (or a month) at a time.
type Blocks struct {
	Unit string // "Week" or "Month"
	Rows []BlockRow
}

// BlockRow is one week or month of the period.
type BlockRow struct {
	From, To diary.Day
	Pain     diary.Average // of the logged days' means
	Worst    int
	Leg      string // mean leg pain, "" when none was logged
	Sessions int    // stretch sessions
}

// Periods longer than this are summed up by calendar month, so the table
// keeps to a page.
const weeklyUpToDays = 26 * 7

// blocksOf sums the period up by calendar week (Monday to Sunday) or,
// over long periods, by calendar month, each cut to the period.
func blocksOf(daily []diary.DayPain, sessions []diary.Session, leg []LegDay, p Period) Blocks {
	b := Blocks{Unit: "Week"}
	starts := func(d diary.Day) bool { return d.Date().Weekday() == time.Monday }
	if p.Days() > weeklyUpToDays {
		b.Unit = "Month"
		starts = func(d diary.Day) bool { return d.Date().Day() == 1 }
	}
	for _, d := range daily {
		if len(b.Rows) == 0 || starts(d.Day) {
			b.Rows = append(b.Rows, BlockRow{From: d.Day})
		}
		row := &b.Rows[len(b.Rows)-1]
		row.To = d.Day
		if d.Logged() {
			row.Pain.Add(d)
			row.Worst = max(row.Worst, d.Worst)
		}
	}
	for i := range b.Rows {
		row := &b.Rows[i]
		for _, s := range sessions {
			if d := s.Day(); d >= row.From && d <= row.To {
				row.Sessions++
			}
		}
		var sum float64
		var n int
		for _, l := range leg {
			if l.Day >= row.From && l.Day <= row.To {
				sum, n = sum+float64(l.Mean), n+1
			}
		}
		if n > 0 {
			row.Leg = diary.Score(sum / float64(n)).String()
		}
	}
	return b
}
