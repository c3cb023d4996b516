package journal

import (
	"fmt"
	"strings"

	"github.com/charmbracelet/lipgloss"
	"github.com/charmbracelet/x/ansi"

	"lumbar/store"
	"lumbar/store/diary"
	"lumbar/store/text"
	"lumbar/tui/theme"
)

// View lays out what Update prepared; it computes nothing of its own.
func (m *Model) View() string {
	if m.width == 0 {
		return ""
	}
	body := m.body()
	footer := m.help.ShortHelpView(m.ShortHelp())
	switch {
	case m.confirm != nil:
		footer = m.confirmLine()
	case m.advice != nil:
		footer = m.adviceKeys()
	}
	frame := lipgloss.JoinVertical(lipgloss.Left,
		m.viewBar(), m.flashLine(),
		fitHeight(body, m.bodyHeight()),
		footer,
	)
	return lipgloss.NewStyle().MaxWidth(m.width).Render(frame)
}

// fitHeight pads or cuts s to exactly height lines.
func fitHeight(s string, height int) string {
	lines := strings.Split(s, "\n")
	if len(lines) > height {
		lines = lines[:height]
	}
	for len(lines) < height {
		lines = append(lines, "")
	}
	return strings.Join(lines, "\n")
}

func (m *Model) body() string {
	switch {
	case m.form != nil:
		return m.formView()
	case m.advice != nil:
		return m.adviceVP.View()
	case m.detail != nil:
		return m.detail.vp.View()
	case m.loadErr != nil:
		return m.Styles.Warning.Render("⚠ Could not read your diary: ") + oneLine(m.loadErr.Error(), m.width)
	case !m.loaded:
		return m.Styles.Muted.Render("Reading your diary…")
	}
	switch m.view {
	case chartView:
		return m.chartView()
	case calendarView:
		return m.calendarView()
	case insightsView:
		return m.insightsView()
	}
	return m.historyView()
}

func oneLine(s string, width int) string {
	return ansi.Truncate(strings.Join(strings.Fields(s), " "), width, "…")
}

// viewBarItem is one view's label on the bar and the columns it covers.
type viewBarItem struct {
	label      string
	start, end int
}

func (m *Model) viewBarItems() []viewBarItem {
	st := m.Styles
	items := make([]viewBarItem, viewCount)
	x := 1
	for v := range viewCount {
		var label string
		if v == m.view && m.detail == nil && m.form == nil {
			label = st.Title.Render(st.ActiveOpen + viewNames[v] + st.ActiveClose)
		} else {
			label = st.Muted.Render(viewNames[v])
		}
		w := lipgloss.Width(label)
		items[v] = viewBarItem{label: label, start: x, end: x + w}
		x += w + 2
	}
	return items
}

// viewAt is the view whose label covers column x of the bar.
func (m *Model) viewAt(x int) (view, bool) {
	for v, it := range m.viewBarItems() {
		if x >= it.start && x < it.end {
			return view(v), true
		}
	}
	return 0, false
}

// viewBar names the views, the open one marked, or what is open instead.
func (m *Model) viewBar() string {
	st := m.Styles
	switch {
	case m.form != nil:
		return " " + st.Title.Render(m.form.title())
	case m.detail != nil:
		return " " + st.Title.Render("Entry of "+m.detail.item.Value.Local().Format("Monday 2 January 2006, 15:04"))
	}
	return " " + joinLabels(m.viewBarItems())
}

// flashLine says what the last action did, and that u undoes a delete.
func (m *Model) flashLine() string {
	text := m.flash
	if m.undo != nil {
		text = strings.TrimSpace(text + " u undoes.")
	}
	return m.Styles.Muted.Render(ansi.Truncate(" "+text, m.width, "…"))
}

func joinLabels(items []viewBarItem) string {
	labels := make([]string, len(items))
	for i, it := range items {
		labels[i] = it.label
	}
	return strings.Join(labels, "  ")
}

func (m *Model) confirmLine() string {
	e := m.confirm.Value
	return m.Styles.Warning.Render(fmt.Sprintf(" Delete the entry of %s (pain %d)? ", e.Local().Format("Mon 2 Jan 15:04"), e.Pain)) +
		m.Styles.Muted.Render("y deletes · n keeps it")
}

func (m *Model) historyView() string {
	st := m.Styles
	if len(m.data.entries) == 0 {
		return emptyDiary(m.width, st.Title, st.Text, st.Muted)
	}
	whereW, noteW := historyColumns(m.width)
	header := markerPad + pad("When", whenWidth) + colGap + pad("Pain", painWidth) + colGap + pad("Leg", legWidth) +
		colGap + pad("Where", whereW) + colGap + "Note"
	lines := []string{st.Muted.Render(ansi.Truncate(header, m.width, ""))}
	end := min(len(m.data.entries), m.history.offset+m.historyRows())
	for i := m.history.offset; i < end; i++ {
		lines = append(lines, m.historyRow(i, whereW, noteW))
	}
	return strings.Join(lines, "\n")
}

func (m *Model) historyRow(i, whereW, noteW int) string {
	st := m.Styles
	e := m.data.entries[i].Value
	marker := markerPad
	if i == m.history.cursor {
		marker = st.Title.Render(pad(st.SelectedMarker, len(markerPad)))
	}
	band := diary.PainBand(e.Pain)
	note := e.Note
	if len(e.Warnings) > 0 {
		note = "⚠ " + strings.Join(e.Warnings, ",") + " " + note
	}
	row := marker + pad(entryWhen(e, m.data.today), whenWidth) + colGap +
		st.PainBand(band).Render(pad(fmt.Sprintf("%d %s", e.Pain, band), painWidth)) + colGap +
		pad(legText(e), legWidth) + colGap +
		pad(excerpt(whereWords(e), whereW), whereW) + colGap +
		excerpt(note, noteW)
	return ansi.Truncate(row, m.width, "")
}

func emptyDiary(width int, title, text, muted lipgloss.Style) string {
	body := strings.Join([]string{
		title.Render("Nothing logged yet."),
		"",
		text.Render("Press n, type how much your back hurts from 0 to 10, and press enter. That is an entry: two keys and a number."),
		"",
		muted.Render("tab instead of enter walks through where it hurts, what helped and how you slept, if you want to say more. From a shell: lumbar log 4"),
	}, "\n")
	return lipgloss.NewStyle().Padding(1, 2).Width(min(width, 76)).Render(body)
}

func (m *Model) formView() string {
	f := m.form
	view := f.form.View()
	if m.width >= sideBySideWidth && f.advice != nil {
		view = lipgloss.JoinHorizontal(lipgloss.Top, view, " ", adviceView(*f.advice, adviceWidth, m.Styles, false, false))
	}
	return m.formMessage() + "\n" + view
}

// Wide windows show the form and the warning-sign advice side by side.
const (
	sideBySideWidth = 110
	adviceWidth     = 46
)

// formWidth leaves room for the advice beside the form when there is room.
func (m *Model) formWidth() int {
	if m.width >= sideBySideWidth {
		return m.width - adviceWidth - 1
	}
	return m.width
}

// formMessage is the form's top line: why a save was refused, the
// warning-sign advice in brief when there is no room beside the form, a
// text near or over its limit, a draft kept, or the last entry's details,
// offered or taken.
func (m *Model) formMessage() string {
	f, st := m.form, m.Styles
	var msg string
	switch {
	case f.conflict != nil:
		msg = st.Danger.Render("✗ " + conflictText(f.conflict))
	case f.err != "":
		msg = st.Danger.Render("✗ " + f.err)
	case f.discarding:
		msg = st.Warning.Render("esc again throws this entry away; enter saves it")
	case f.advice != nil && m.width < sideBySideWidth:
		style := st.Warning
		if f.advice.Urgent() {
			style = st.Danger
		}
		msg = style.Render("⚠ " + f.advice.Heading + " enter saves and shows more.")
	case f.length.over:
		msg = st.Danger.Render("✗ " + f.length.text)
	case f.length.text != "":
		msg = st.Warning.Render(f.length.text)
	case f.draftKept != nil:
		msg = st.Warning.Render("Kept when lumbar closed on " + f.draftKept.Local().Format("Mon 2 Jan 15:04") +
			", not saved yet: enter saves it, esc throws it away.")
	case f.reloaded:
		msg = st.Muted.Render("Reloaded: the entry as the other window saved it.")
	case f.offersLastTime():
		msg = st.Muted.Render("Last time: " + f.lastTimeWords() + ". ctrl+r adds them to this entry.")
	case f.tookLastTime:
		msg = st.Muted.Render("Added from last time (tab to change): " + f.lastTimeWords() + ".")
	}
	return fitHeight(lipgloss.NewStyle().Width(m.width).Render(msg), formMessageRows)
}

// conflictText says why an edit was not saved, and what the entry holds
// now.
func conflictText(c *store.Conflict[diary.PainEntry]) string {
	if c.Current == nil {
		return "Not saved: this entry was deleted meanwhile, perhaps in another window."
	}
	return fmt.Sprintf("Not saved: this entry was changed meanwhile, perhaps in another window; it now says pain %d, %s.",
		c.Current.Pain, c.Current.Local().Format("Mon 2 Jan 15:04"))
}

// formMessageRows is the room above the form for formMessage.
const formMessageRows = 2

func (m *Model) chartView() string {
	st := m.Styles
	span := Spans[m.span]
	in := m.data.insights[m.span]
	if in.Logged == 0 {
		return st.Muted.Render(fmt.Sprintf("Nothing logged in the last %s. r shows another span.", text.Plural(span, "day")))
	}
	per := daysPerPoint(span, m.width-yLabelWidth-2)
	each := "each point is a day"
	if per > 1 {
		each = "each point is " + text.Plural(per, "day")
	}
	title := st.Title.Render("Pain over the last "+text.Plural(span, "day")) + st.Muted.Render("  ·  "+each+"  ·  "+spanChoices(m.span))
	legend := st.ChartMean().Render("──") + " mean   " + st.ChartWorst().Render(string(worstMark)) + " worst   " +
		st.Muted.Render("pain 0–10 up the side")
	return strings.Join([]string{ansi.Truncate(title, m.width, "…"), legend, m.chart}, "\n")
}

// spanChoices lists the spans with the current one bracketed.
func spanChoices(current int) string {
	parts := make([]string, len(Spans))
	for i, d := range Spans {
		parts[i] = fmt.Sprint(d)
		if i == current {
			parts[i] = "[" + parts[i] + "]"
		}
	}
	return "r: " + strings.Join(parts, " ") + " days"
}

func (m *Model) insightsView() string {
	st := m.Styles
	title := st.Title.Render("Insights, last "+text.Plural(Spans[m.span], "day")) + st.Muted.Render("  ·  "+spanChoices(m.span))
	if !m.insights.AtBottom() {
		title += st.Muted.Render("  ·  more below: j/↓")
	}
	return ansi.Truncate(title, m.width, "…") + "\n" + m.insights.View()
}

// insightsText words the insights, one finding to a paragraph, with the
// span's sparkline on top.
func insightsText(in diary.Insights, width int, st theme.Styles) string {
	room := max(0, width-24) // what the label leaves for one mark a day
	days := in.Daily[max(0, len(in.Daily)-room):]
	lines := []string{
		st.Muted.Render(fmt.Sprintf("worst pain per day, last %d: ", len(days))) + diary.Sparkline(days),
		"",
	}
	wrap := lipgloss.NewStyle().Width(max(10, width-4))
	for _, s := range in.Sentences() {
		para := wrap.Render(s)
		lines = append(lines, "• "+strings.ReplaceAll(para, "\n", "\n  "))
	}
	return strings.Join(lines, "\n")
}
