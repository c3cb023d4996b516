package remind

import (
	"fmt"
	"strings"

	"github.com/NimbleMarkets/ntcharts/barchart"
	"github.com/charmbracelet/bubbles/help"
	"github.com/charmbracelet/bubbles/key"
	"github.com/charmbracelet/lipgloss"

	"lumbar/store/diary"
	"lumbar/store/text"
)

// The tab, top to bottom: the reminder due now (if any), water today and
// the last seven days beside the reminders' next times, and a foot line
// with what the last action did or the keys.

const (
	// columnGap is the space between the two columns.
	columnGap = 3
	// maxPageWidth keeps the page readable on a very wide terminal.
	maxPageWidth = 110
	// labelWidth is the width of the reminders column's labels.
	labelWidth = 9
)

// page is the tab's margin.
var page = lipgloss.NewStyle().Padding(0, 1)

// columns is the width inside the margin and of each column.
func (m *Model) columns() (width, left, right int) {
	width = min(maxPageWidth, max(20, m.width-page.GetHorizontalFrameSize()))
	left = (width - columnGap) / 2
	return width, left, width - columnGap - left
}

func (m *Model) View() string {
	st := m.Styles
	width, _, _ := m.columns()
	switch {
	case m.form != nil:
		return page.Render("\n" + m.formTitle(width) + "\n" + m.form.form.View())
	case !m.ready && m.err != nil:
		return page.Render("\n" + st.Warning.Render("Cannot read your reminders: "+m.err.Error()))
	case !m.ready:
		return page.Render("\n" + st.Muted.Render("Reading your reminders…"))
	}
	body := m.pageView(width, true)
	if lipgloss.Height(body) > m.height {
		body = m.pageView(width, false)
	}
	return page.Render(body)
}

// pageView lays the tab out; roomy adds the chart and a blank line under
// the reminder due now, which a short window goes without.
func (m *Model) pageView(width int, roomy bool) string {
	st := m.Styles
	var rows []string
	if due := m.sched.DueNow(); len(due) > 0 {
		rows = append(rows, m.bannerFor(due[0].Kind, m.keys.Done, m.keys.Snooze, m.keys.Dismiss).Render(st, width))
	}
	if roomy || len(rows) == 0 {
		rows = append(rows, "")
	}
	_, left, right := m.columns()
	water, reminders := m.waterView(left, roomy), m.remindersView(right)
	// The fluid-limit note goes under the shorter column, where it costs
	// no row.
	if lipgloss.Height(water) <= lipgloss.Height(reminders) {
		water += "\n" + st.Muted.Width(left).Render(fluidLimitNote)
	} else {
		reminders += "\n\n" + st.Muted.Width(right).Render(fluidLimitNote)
	}
	return lipgloss.JoinVertical(lipgloss.Left, append(rows,
		lipgloss.JoinHorizontal(lipgloss.Top,
			lipgloss.NewStyle().Width(left).Render(water),
			strings.Repeat(" ", columnGap),
			lipgloss.NewStyle().Width(right).Render(reminders),
		),
		"",
		m.footView(width),
	)...)
}

func (m *Model) waterView(width int, withChart bool) string {
	st := m.Styles
	state := m.snap.state
	set := state.Settings
	unit := set.WaterUnit
	drunk, goal := state.Today.WaterML, set.WaterGoalML

	amount := fmt.Sprintf(" %s / %s", unit.Number(drunk), unit.Format(goal))
	meterWidth := max(5, width-lipgloss.Width(amount))
	filled := min(meterWidth, meterWidth*drunk/max(1, goal))
	meter := st.MeterFull.Render(strings.Repeat("█", filled)) +
		st.MeterEmpty.Render(strings.Repeat("░", meterWidth-filled))

	glasses := fmt.Sprintf("%d of %s", set.Glasses(drunk), text.Plural(set.GoalGlasses(), "glass"))
	pace := st.PainMild.Render("goal reached ✓")
	byNow := st.Muted.Render(" (" + unit.Format(m.expected) + " by now)")
	switch {
	case drunk >= goal:
	case drunk >= m.expected:
		pace = "on pace" + byNow
	default:
		pace = st.Warning.Render("behind pace") + byNow
	}
	rows := []string{st.Title.Render("Water today"), meter + amount, st.Muted.Render(glasses), pace}
	if withChart {
		rows = append(rows, "", st.Title.Render("Last 7 days"), m.chart)
	}
	return lipgloss.JoinVertical(lipgloss.Left, rows...)
}

// fluidLimitNote stands under the water goal: some people must drink
// less, not more.
const fluidLimitNote = "Has a doctor limited your fluids (heart or kidney disease)? Follow their limit, not this goal."

// weekChart is one bar per day, oldest first, with each day's amount and a
// tick where the goal was met. It is drawn when the data or the size
// changes, not on every frame.
func (m *Model) weekChart() string {
	_, width, _ := m.columns()
	st := m.Styles
	set := m.snap.state.Settings
	today := diary.DayOf(m.sched.Now)
	var bars []barchart.BarData
	var numbers, ticks []string
	peak := set.WaterGoalML
	for d := today - chartDays + 1; d <= today; d++ {
		ml := m.snap.week[d]
		peak = max(peak, ml)
		bars = append(bars, barchart.BarData{
			Label:  d.Date().Format("Mon"),
			Values: []barchart.BarValue{{Name: d.String(), Value: float64(ml), Style: st.MeterFull}},
		})
		met := ""
		if ml >= set.WaterGoalML {
			met = " ✓"
		}
		numbers, ticks = append(numbers, set.WaterUnit.Number(ml)), append(ticks, met)
	}
	amountColumn := amountColumn(numbers, ticks)
	chartWidth := max(8, width-lipgloss.Width(amountColumn))
	chart := barchart.New(chartWidth, chartDays,
		barchart.WithHorizontalBars(), barchart.WithBarGap(0), barchart.WithMaxValue(float64(peak)),
		barchart.WithNoAutoMaxValue(), barchart.WithStyles(st.Rule, st.Muted), barchart.WithDataSet(bars))
	chart.Resize(chartWidth, chartDays) // lays the axis out for the labels just pushed
	chart.Draw()
	return lipgloss.JoinHorizontal(lipgloss.Top, chart.View(), amountColumn)
}

// amountColumn is the week's amounts right-aligned on their widest, a
// space clear of the bars (a full bar reaches the column), with the ticks
// and a space before the next column.
func amountColumn(numbers, ticks []string) string {
	widest := 0
	for _, n := range numbers {
		widest = max(widest, len(n))
	}
	rows := make([]string, len(numbers))
	for i, n := range numbers {
		rows[i] = fmt.Sprintf(" %*s%-2s ", widest, n, ticks[i])
	}
	return strings.Join(rows, "\n")
}

func (m *Model) remindersView(width int) string {
	st := m.Styles
	set := m.snap.state.Settings
	row := func(label, value string) string {
		return st.Muted.Render(fmt.Sprintf("%-*s", labelWidth, label)) + value
	}
	rows := []string{st.Title.Render("Reminders")}
	for _, r := range []struct {
		kind     diary.CheckKind
		label    string
		interval string
	}{
		{diary.CheckPosture, "Posture", "every " + diary.FormatInterval(set.PostureInterval)},
		{diary.CheckMove, "Move", "after " + diary.FormatInterval(set.MoveInterval)},
		{diary.CheckWater, "Water", "when behind"},
		{diary.CheckLog, "Log", "if none logged"},
	} {
		rows = append(rows, row(r.label, m.nextView(r.kind, r.interval, width-labelWidth)))
	}
	quiet := "off"
	if m.sched.Quiet() {
		quiet = st.Warning.Render("until " + diary.WhenDue(m.sched.Now, m.sched.QuietUntil))
	}
	// No blank row before the hours: the smallest window has no row to
	// spare for it.
	rows = append(rows,
		row("Hours", fmt.Sprintf("%s–%s", set.HoursStart, set.HoursEnd)),
		row("Days", set.HoursDays.String()),
		row("Quiet", quiet),
		row("Alerts", alertsView(set)),
	)
	return strings.Join(rows, "\n")
}

// nextView is when one reminder comes next: "now", "in 12m · every 30m"
// (without the interval where it would not fit in width).
func (m *Model) nextView(kind diary.CheckKind, interval string, width int) string {
	at, ok := m.sched.DueAt(kind)
	switch {
	case ok && !at.After(m.sched.Now):
		return m.Styles.Warning.Render("now")
	case !ok:
		return m.Styles.Muted.Render("off")
	}
	next, detail := diary.RelativeDue(m.sched.Now, at), " · "+interval
	if lipgloss.Width(next+detail) > width {
		return next
	}
	return next + m.Styles.Muted.Render(detail)
}

func alertsView(set diary.Settings) string {
	var on []string
	if set.Bell {
		on = append(on, "bell")
	}
	if set.Notify {
		on = append(on, "desktop")
	}
	if len(on) == 0 {
		return "banner only"
	}
	return "banner, " + strings.Join(on, ", ")
}

// footView is the last action's note, or the keys.
func (m *Model) footView(width int) string {
	st := m.Styles
	h := help.New()
	h.Styles = st.Help
	h.Width = width
	switch {
	case m.choosingQuiet:
		title := st.Title.Render("Quiet mode: ")
		h.Width = width - lipgloss.Width(title)
		return title + h.ShortHelpView([]key.Binding{
			m.keys.QuietHour, m.keys.QuietTomorrow, m.keys.QuietOff, m.keys.Cancel})
	case m.err != nil:
		return st.Warning.Render(m.err.Error())
	case m.note != "":
		return lipgloss.NewStyle().Width(width).Render(m.note)
	}
	return h.ShortHelpView(m.keys.ShortHelp())
}

// formTitle is the settings form's title and as many whole hints as fit
// on its line.
func (m *Model) formTitle(width int) string {
	st := m.Styles
	title := "Settings"
	line := st.Title.Render(title)
	for _, hint := range []string{"  ·  enter next, shift+tab back, esc cancel", "; saved after the last page"} {
		title += hint
		if lipgloss.Width(title) > width {
			break
		}
		line += st.Muted.Render(hint)
	}
	return line
}
