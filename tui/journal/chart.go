package journal

import (
	"fmt"
	"math"
	"slices"

	"github.com/NimbleMarkets/ntcharts/canvas"
	"github.com/NimbleMarkets/ntcharts/canvas/runes"
	"github.com/NimbleMarkets/ntcharts/linechart"

	"lumbar/store/diary"
	"lumbar/tui/theme"
)

// chartPoint is one point of the trend chart: the days it covers, the
// mean of their daily means and their worst rating. Days with nothing
// logged do not count; a point with none at all is not drawn.
type chartPoint struct {
	First, Last diary.Day
	Mean        float64
	Worst       int
	Logged      int // days with entries
}

// bucketSizes are the day counts one chart point may cover: a day, or a
// span people think in.
var bucketSizes = []int{1, 2, 3, 7, 14, 28}

// minPointGap is how many columns apart points must be for lines between
// them to read as a line.
const minPointGap = 2

// daysPerPoint is the smallest bucket that spreads the span's points at
// least minPointGap columns apart over graphWidth columns.
func daysPerPoint(spanDays, graphWidth int) int {
	for _, size := range bucketSizes {
		points := (spanDays + size - 1) / size
		if points*minPointGap <= graphWidth {
			return size
		}
	}
	return bucketSizes[len(bucketSizes)-1]
}

// chartSeries groups days (oldest first) into points of `per` days each,
// aligned so the last point ends on the last day.
func chartSeries(days []diary.DayPain, per int) []chartPoint {
	var points []chartPoint
	for end := len(days); end > 0; end -= per {
		start := max(0, end-per)
		points = append(points, summarise(days[start:end]))
	}
	for i, j := 0, len(points)-1; i < j; i, j = i+1, j-1 {
		points[i], points[j] = points[j], points[i]
	}
	return points
}

func summarise(days []diary.DayPain) chartPoint {
	p := chartPoint{First: days[0].Day, Last: days[len(days)-1].Day}
	var sum float64
	for _, d := range days {
		if d.Logged() {
			p.Logged++
			sum += float64(d.Mean)
			p.Worst = max(p.Worst, d.Worst)
		}
	}
	if p.Logged > 0 {
		p.Mean = sum / float64(p.Logged)
	}
	return p
}

// chartGraphHeight is the rows the plot itself gets: 10 or 20, so each
// row is a whole or half point of pain and the axis labels are round.
func chartGraphHeight(available int) int {
	if available >= 20+chartAxisRows {
		return 20
	}
	return 10
}

// chartAxisRows are the x axis and its labels.
const chartAxisRows = 2

// yLabelWidth is the widest y label, "10".
const yLabelWidth = 2

// drawChart draws the series with ntcharts: the daily mean as a line, the
// worst as a dot per point, pain 0–10 up the side and dates along the
// bottom. It is drawn once per change of data, size or span, not per frame.
func drawChart(points []chartPoint, width, height int, st theme.Styles) string {
	if len(points) == 0 || width < yLabelWidth+2 {
		return ""
	}
	graphHeight := chartGraphHeight(height)
	// The x range runs a label's width past the last point, so today's
	// date fits under it.
	graphWidth := width - yLabelWidth - 1
	labelWidth := len(pointLabel(points[len(points)-1], points))
	maxX := float64(max(1, len(points)-1)) * float64(graphWidth) / float64(max(1, graphWidth-labelWidth))
	var halfColumn float64 // of x, once the chart knows its width
	var lastLabel string   // months repeat over weekly points: label each once
	lc := linechart.New(width, graphHeight+chartAxisRows, 0, maxX, 0, diary.PainMax,
		// Every column is offered a label; only the one nearest each point
		// takes it (and only if the label before it leaves room), so dates
		// sit under their points.
		linechart.WithXYSteps(1, graphHeight/5),
		linechart.WithStyles(st.ChartAxis(), st.ChartAxis(), st.ChartMean()),
		linechart.WithXLabelFormatter(func(column int, v float64) string {
			if column == 0 {
				lastLabel = ""
			}
			i := math.Round(v)
			if math.Abs(v-i) >= halfColumn || i >= float64(len(points)) {
				return ""
			}
			label := pointLabel(points[int(i)], points)
			if label == lastLabel {
				return ""
			}
			lastLabel = label
			return label
		}),
		linechart.WithYLabelFormatter(func(_ int, v float64) string {
			return fmt.Sprintf("%*.0f", yLabelWidth, v)
		}),
	)
	halfColumn = maxX / float64(lc.GraphWidth()) / 2
	lc.DrawXYAxisAndLabel()
	var prev *canvas.Float64Point
	logged := 0
	for i, p := range points {
		if p.Logged == 0 {
			continue
		}
		logged++
		here := canvas.Float64Point{X: float64(i), Y: p.Mean}
		if prev != nil {
			lc.DrawLineWithStyle(*prev, here, runes.ThinLineStyle, st.ChartMean())
		}
		prev = &here
	}
	// Marks go where the line would pass through the same value (ntcharts'
	// DrawRune scales to one row and column less than its lines do).
	origin := lc.Origin()
	cell := func(i int, pain float64) canvas.Point {
		return canvas.Point{
			X: origin.X + int(math.Round(float64(i)*float64(lc.GraphWidth())/maxX)),
			Y: origin.Y - int(math.Round(pain*float64(lc.GraphHeight())/diary.PainMax)),
		}
	}
	if logged == 1 {
		// A lone point has no line to another: its mean is a short dash
		// either side of it, so it shows even under its worst dot.
		i := slices.IndexFunc(points, func(p chartPoint) bool { return p.Logged > 0 })
		at := cell(i, points[i].Mean)
		for x := max(origin.X+1, at.X-1); x <= at.X+1; x++ {
			lc.Canvas.SetCell(canvas.Point{X: x, Y: at.Y}, canvas.NewCellWithStyle(loneMeanMark, st.ChartMean()))
		}
	}
	for i, p := range points {
		if p.Logged > 0 {
			lc.Canvas.SetCell(cell(i, float64(p.Worst)), canvas.NewCellWithStyle(worstMark, st.ChartWorst()))
		}
	}
	return lc.View()
}

// loneMeanMark draws the mean of a chart's only point.
const loneMeanMark = '─'

// worstMark is the dot for a point's worst rating.
const worstMark = '•'

// pointLabel is the date under a point: day and month, or month and year
// when the points are weeks apart. The year is written "'25": "Dec 25"
// would read as a date.
func pointLabel(p chartPoint, all []chartPoint) string {
	t := p.First.Date()
	if len(all) > 0 && all[len(all)-1].Last-all[0].First > 180 {
		return t.Format("Jan '06")
	}
	return t.Format("2 Jan")
}
