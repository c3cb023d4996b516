package stretch

import (
	"errors"
	"fmt"
	"path/filepath"
	"slices"
	"strings"

	"github.com/charmbracelet/lipgloss"

	"lumbar/content"
	"lumbar/store/text"
)

// Layout of the library and of a stretch or routine read whole.
const (
	wideFrom      = 100 // from this width the list has a preview beside it
	listWidth     = 56  // the list's width when it has a preview
	figureColumn  = 28  // a figure and the gap after it
	labelColumn   = 11  // "Breathing " and the like
	detailChrome  = 1   // the hint line under a stretch or routine read whole
	maxFileErrors = 3   // problems of routines.toml shown above the list
	leftPad       = 1   // every view starts one column in, under the tab bar's first label
)

func (m *Model) View() string {
	var view string
	switch {
	case m.player != nil:
		view = m.player.View()
	case m.sessions != nil:
		view = m.sessions.View()
	case m.reading != nil:
		view = m.detail.View() + "\n" + m.readingHints()
	default:
		view = m.libraryView()
	}
	return lipgloss.NewStyle().PaddingLeft(leftPad).Render(view)
}

func (m *Model) readingHints() string {
	if m.notice != "" {
		return m.Styles.Warning.Render(truncate(m.notice, m.width))
	}
	hints := []string{"esc back"}
	if m.back != nil {
		hints[0] = "esc back to the " + m.back.To().String()
	}
	if m.reading.routine != nil {
		hints = append(hints, "s start")
	}
	if !m.detail.AtTop() || !m.detail.AtBottom() {
		hints = append(hints, fmt.Sprintf("↑/↓ scroll (%d%%)", int(m.detail.ScrollPercent()*100)))
	}
	return m.Styles.Muted.Render(truncate(strings.Join(hints, " · "), m.width))
}

// libraryHeader is what stands above the list: the last notice and the
// problems of the user's routine file.
func (m *Model) libraryHeader() []string {
	st := m.Styles
	var lines []string
	if m.notice != "" {
		lines = append(lines, st.Warning.Render(truncate(m.notice, m.width)))
	}
	if m.fileErr == nil {
		return lines
	}
	lines = append(lines, st.Warning.Render(truncate("⚠ Your routines file has problems, so only the built-in routines are here:", m.width)))
	var problems content.FileErrors
	if !errors.As(m.fileErr, &problems) {
		problems = content.FileErrors{{File: filepath.Base(m.routinesPath), Msg: m.fileErr.Error()}}
	}
	for i, p := range problems {
		if i == maxFileErrors {
			lines = append(lines, st.Muted.Render(fmt.Sprintf("  …and %d more (lumbar routines check lists them)", len(problems)-i)))
			break
		}
		lines = append(lines, truncate("  "+p.Error(), m.width))
	}
	fix := fmt.Sprintf("  Fix %s, then press r.", m.routinesPath)
	return append(lines, st.Muted.Render(truncate(fix, m.width)), "")
}

// listHeight is how many rows of the list fit under the header and above
// the settings line.
func (m *Model) listHeight() int {
	return max(1, m.height-len(m.libraryHeader())-2)
}

func (m *Model) libraryView() string {
	height := m.listHeight()
	width := m.width
	if m.width >= wideFrom {
		width = listWidth
	}
	rows := make([]string, 0, height)
	for _, r := range m.list.shown(height) {
		rows = append(rows, m.rowView(r, width))
	}
	list := lipgloss.NewStyle().Width(width).Height(height).Render(strings.Join(rows, "\n"))
	if m.width >= wideFrom {
		if e, ok := m.list.selected(); ok {
			preview := m.detailText(e, m.width-listWidth-2)
			list = lipgloss.JoinHorizontal(lipgloss.Top, list, "  ", cutLines(preview, height))
		}
	}
	more := ""
	if below := len(m.list.rows) - m.list.offset - height; below > 0 {
		more = m.Styles.Muted.Render(fmt.Sprintf("  ↓ %d more", below))
	}
	return strings.Join(append(m.libraryHeader(), list, more, m.settingsLine()), "\n")
}

func (m *Model) rowView(r row, width int) string {
	st := m.Styles
	if r.entry < 0 {
		return st.Title.Render(r.title)
	}
	e := m.list.entries[r.entry]
	marker, name := "  ", st.Text
	if r.entry == m.list.cursor {
		marker, name = st.SelectedMarker, st.Title
	}
	var title, length, about string
	if e.routine != nil {
		title, length, about = e.routine.Name, content.Clock(e.routine.Duration()), strings.Join(e.routine.Positions(), ", ")
	} else {
		title, length, about = e.stretch.Name, content.Clock(e.stretch.Duration()), e.stretch.Position
	}
	line := marker + name.Render(fmt.Sprintf("%-28s", truncate(title, 28))) + " " + fmt.Sprintf("%5s", length) + "  " + st.Muted.Render(about)
	return truncate(line, width)
}

func (m *Model) settingsLine() string {
	st := m.Styles
	voice := onOff(m.settings.Speak)
	if m.settings.Speak && speechProgram() == "" {
		voice += " (none installed)"
	}
	line := fmt.Sprintf("enter open · s start · S sessions · b bell %s · v voice %s · P pain prompt %s",
		onOff(m.settings.Bell), voice, onOff(m.settings.PainPrompt))
	return st.Muted.Render(truncate(line, m.width))
}

// detailText is a stretch or routine written out whole, width wide.
func (m *Model) detailText(e entry, width int) string {
	if e.routine != nil {
		return m.routineText(e.routine, width)
	}
	return m.stretchText(e.stretch, width)
}

func (m *Model) stretchText(s *content.Stretch, width int) string {
	st := m.Styles
	step := s.DefaultStep()
	lines := []string{
		st.Title.Render(s.Name),
		st.Muted.Render(wrap(strings.Join(nonEmpty(s.Position, s.Targets, step.Dose(), content.Clock(s.Duration())), " · "), width)),
		"",
		besideFigure(s.Figure, numbered(s.Steps, width-figureColumn), width),
		"",
	}
	for _, l := range []struct {
		label, text string
		style       lipgloss.Style
	}{
		{"Breathing", s.Breathing, st.Text},
		{"Caution", s.Caution, st.Warning},
		{"Good for", strings.Join(s.GoodFor, ", "), st.Text},
		{"In", strings.Join(m.routinesUsing(s), ", "), st.Text},
		{"From", s.File, st.Muted},
	} {
		if l.text != "" {
			lines = append(lines, labelled(l.style.Render(l.label), l.text, width))
		}
	}
	return strings.Join(lines, "\n")
}

func (m *Model) routinesUsing(s *content.Stretch) []string {
	var names []string
	for _, r := range m.library.Routines {
		if slices.ContainsFunc(r.Steps, func(step content.Step) bool { return step.Stretch == s }) {
			names = append(names, r.Name)
		}
	}
	return names
}

func (m *Model) routineText(r *content.Routine, width int) string {
	st := m.Styles
	about := fmt.Sprintf("%s · %s · %s", content.Clock(r.Duration()), text.Plural(len(r.Steps), "step"), strings.Join(r.Positions(), ", "))
	lines := []string{st.Title.Render(r.Name), st.Muted.Render(wrap(about, width)), ""}
	if r.Description != "" {
		lines = append(lines, wrap(r.Description, width), "")
	}
	for i, s := range r.Steps {
		what := st.Muted.Render("rest")
		if !s.IsRest() {
			what = s.Stretch.Name + st.Muted.Render(" · "+s.Dose())
		}
		what = truncate(fmt.Sprintf("%2d. ", i+1)+what, width-6)
		lines = append(lines, what+strings.Repeat(" ", max(1, width-lipgloss.Width(what)-5))+content.Clock(s.Duration()))
	}
	if r.File != "" {
		lines = append(lines, "", labelled(st.Muted.Render("From"), r.File, width))
	}
	return strings.Join(lines, "\n")
}

// besideFigure puts a figure to the left of text when there is room for
// both, and above it when there is not.
func besideFigure(figure, text string, width int) string {
	if figure == "" {
		return text
	}
	if width < 2*figureColumn {
		return figure + "\n\n" + text
	}
	return lipgloss.JoinHorizontal(lipgloss.Top, lipgloss.NewStyle().Width(figureColumn).Render(figure), text)
}

// numbered is items as a numbered list, each wrapped with a hanging indent.
func numbered(items []string, width int) string {
	out := make([]string, len(items))
	for i, item := range items {
		out[i] = hanging(fmt.Sprintf("%d. ", i+1), item, width)
	}
	return strings.Join(out, "\n")
}

// labelled is text after a label, wrapped under itself.
func labelled(label, text string, width int) string {
	pad := labelColumn - lipgloss.Width(label)
	return hanging(label+strings.Repeat(" ", max(1, pad)), text, width)
}

// hanging writes prefix then text wrapped to width, later lines indented
// under the text.
func hanging(prefix, text string, width int) string {
	indent := lipgloss.Width(prefix)
	lines := strings.Split(wrap(text, max(10, width-indent)), "\n")
	for i := range lines {
		if i == 0 {
			lines[i] = prefix + lines[i]
		} else {
			lines[i] = strings.Repeat(" ", indent) + lines[i]
		}
	}
	return strings.Join(lines, "\n")
}

func wrap(text string, width int) string {
	return lipgloss.NewStyle().Width(max(1, width)).Render(text)
}

// truncate cuts s to width columns, marking the cut.
func truncate(s string, width int) string {
	switch {
	case lipgloss.Width(s) <= width:
		return s
	case width <= 0:
		return ""
	}
	return lipgloss.NewStyle().MaxWidth(max(0, width-1)).Render(s) + "…"
}

// cutLines keeps the first n lines of s.
func cutLines(s string, n int) string {
	lines := strings.Split(s, "\n")
	return strings.Join(lines[:min(n, len(lines))], "\n")
}

func nonEmpty(parts ...string) []string {
	return slices.DeleteFunc(parts, func(s string) bool { return s == "" })
}
