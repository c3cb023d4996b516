package guide

import (
	"fmt"
	"strings"

	"github.com/charmbracelet/lipgloss"
	xansi "github.com/charmbracelet/x/ansi"

	"lumbar/content"
	"lumbar/tui/theme"
)

// listTop is the first row of section names in the list pane.
const listTop = 2

func (m *Model) View() string {
	text := m.textView()
	if !m.wide {
		return lipgloss.JoinVertical(lipgloss.Left, m.headerView(), text, m.footerView())
	}
	body := lipgloss.JoinHorizontal(lipgloss.Top, m.listView(), "  ", text)
	return lipgloss.JoinVertical(lipgloss.Left, body, m.footerView())
}

// textView is the reading pane, with the link menu over its bottom when
// it is open.
func (m *Model) textView() string {
	view := m.viewport.View()
	if !m.linkMenu {
		return view
	}
	menu := m.linkMenuLines()
	lines := strings.Split(view, "\n")
	if cut := len(lines) - len(menu); cut >= 0 {
		lines = append(lines[:cut], menu...)
	}
	return strings.Join(lines, "\n")
}

func (m *Model) linkMenuLines() []string {
	st := m.Styles
	lines := []string{st.Rule.Render(strings.Repeat("─", m.viewport.Width)),
		truncate(st.Title.Render("Follow a link")+st.Muted.Render(" — press its number; any other key closes"), m.viewport.Width)}
	for i, l := range m.links() {
		if i == 9 {
			break
		}
		lines = append(lines, truncate(fmt.Sprintf(" %d  %s (%s)", i+1, l.Text, m.guide.LinkLabel(l)), m.viewport.Width))
	}
	return lines
}

func (m *Model) listView() string {
	st := m.Styles
	rows := []string{st.Title.Render("Guide"), ""}
	for i, s := range m.guide.Sections {
		rows = append(rows, m.listRow(i, s.Title))
	}
	tip := m.guide.TipFor(m.Now())
	rows = append(rows, "", st.Title.Render("Tip of the day"),
		st.Muted.Width(listWidth-1).Render(tip.Text))
	return lipgloss.NewStyle().Width(listWidth).Height(m.height - 1).MaxHeight(m.height - 1).
		Render(strings.Join(rows, "\n"))
}

// listRow draws one section name: the open one in the accent colour, the
// cursor (while the list has focus) with the selection marker.
func (m *Model) listRow(i int, title string) string {
	st := m.Styles
	marker := strings.Repeat(" ", lipgloss.Width(st.SelectedMarker))
	if m.focus == focusList && i == m.cursor {
		marker = st.SelectedMarker
	}
	suffix := ""
	if i == m.current && st.Plain {
		suffix = " *" // the open section, where colour cannot show it
	}
	label := truncate(title, listWidth-lipgloss.Width(marker)-len(suffix)-1)
	switch {
	case suffix != "":
		return marker + label + suffix
	case i == m.current:
		return marker + st.Title.Render(label)
	default:
		return marker + st.Text.Render(label)
	}
}

// headerView replaces the list on narrow screens.
func (m *Model) headerView() string {
	st := m.Styles
	sec := m.guide.Sections[m.current]
	return st.Muted.Render(fmt.Sprintf("[ ‹ %d/%d › ] ", m.current+1, len(m.guide.Sections))) + st.Title.Render(sec.Title)
}

func (m *Model) footerView() string {
	st := m.Styles
	if m.search.typing {
		return m.search.input.View() + "  " + st.Muted.Render(m.matchCount())
	}
	if m.search.query != "" {
		return st.Text.Render(fmt.Sprintf("/%s  %s", m.search.query, m.matchCount())) +
			st.Muted.Render("  n/N next/previous · esc clears")
	}
	pct := fmt.Sprintf("%3.0f%%", m.viewport.ScrollPercent()*100)
	hints := m.hintsWithin(m.width - len(pct) - 1)
	gap := max(1, m.width-lipgloss.Width(hints)-len(pct))
	return st.Muted.Render(hints + strings.Repeat(" ", gap) + pct)
}

// hintsWithin is as many key hints as fit in width cells, most useful
// first. The way to "when to see a doctor" is not offered while it is the
// section open.
func (m *Model) hintsWithin(width int) string {
	hints := []string{"/ search"}
	if m.sectionID() != content.DoctorSection {
		hints = append(hints, "! when to see a doctor")
	}
	if m.keys.Links.Enabled() {
		hints = append(hints, "o links")
	}
	hints = append(hints, "[ ] sections")
	for n := len(hints); n > 0; n-- {
		if line := strings.Join(hints[:n], " · "); lipgloss.Width(line) <= width {
			return line
		}
	}
	return ""
}

// sectionID is the ID of the section open in the reading pane.
func (m *Model) sectionID() string { return m.guide.Sections[m.current].ID }

// matchCount is "3/7", or says nothing was found.
func (m *Model) matchCount() string {
	switch {
	case m.search.query == "":
		return ""
	case len(m.search.matches) == 0:
		return "no matches"
	}
	return fmt.Sprintf("%d/%d", m.search.at+1, len(m.search.matches))
}

// gutterWidth is the margin left of the text where lines holding search
// matches are marked, so a match is findable even without colour.
const gutterWidth = 2

// markMatches prefixes every line with the gutter, marks the lines holding
// matches there, and highlights the matches themselves (the line's own
// styling gives way to the highlight). Under NO_COLOR the highlight is
// empty and the gutter alone shows where matches are: inline markers would
// push the line past the pane's edge.
func markMatches(styled, plain []string, ms []match, st theme.Styles) []string {
	byLine := map[int][]match{}
	for _, mt := range ms {
		byLine[mt.line] = append(byLine[mt.line], mt)
	}
	blank := strings.Repeat(" ", gutterWidth)
	out := make([]string, len(styled))
	for i, line := range styled {
		lms, marked := byLine[i]
		if !marked {
			out[i] = blank + line
			continue
		}
		text, b := plain[i], strings.Builder{}
		b.WriteString(st.SelectedMarker)
		last := 0
		for _, mt := range lms {
			b.WriteString(text[last:mt.start])
			b.WriteString(st.Highlight.Render(text[mt.start:mt.end]))
			last = mt.end
		}
		b.WriteString(text[last:])
		out[i] = b.String()
	}
	return out
}

func joinLines(lines []string) string { return strings.Join(lines, "\n") }

// truncate shortens s, styled or not, to width cells with an ellipsis.
func truncate(s string, width int) string { return xansi.Truncate(s, width, "…") }
