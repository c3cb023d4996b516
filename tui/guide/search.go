package guide

import (
	"strings"
	"unicode/utf8"

	tea "github.com/charmbracelet/bubbletea"
)

// match is one place the search query was found: a byte range of a
// rendered line, as plain text.
type match struct {
	section, line int
	start, end    int
}

// findMatches finds query, ignoring case, in every line of every section,
// in reading order.
func findMatches(sections [][]string, query string) []match {
	if query == "" {
		return nil
	}
	var found []match
	for s, lines := range sections {
		for l, line := range lines {
			for _, r := range indexFold(line, query) {
				found = append(found, match{section: s, line: l, start: r[0], end: r[1]})
			}
		}
	}
	return found
}

// indexFold is every non-overlapping [start, end) where query occurs in
// line, ignoring case.
func indexFold(line, query string) [][2]int {
	var spans [][2]int
	for i := 0; i+len(query) <= len(line); {
		if strings.EqualFold(line[i:i+len(query)], query) {
			spans = append(spans, [2]int{i, i + len(query)})
			i += len(query)
			continue
		}
		_, size := utf8.DecodeRuneInString(line[i:])
		i += size
	}
	return spans
}

// nearest is the first match at or after (section, line), wrapping to the
// first match of all: typing a query jumps forward from where you are.
func nearest(ms []match, section, line int) int {
	for i, m := range ms {
		if m.section > section || (m.section == section && m.line >= line) {
			return i
		}
	}
	return 0
}

// step moves the current match by delta, wrapping at both ends.
func step(current, delta, count int) int {
	if count == 0 {
		return 0
	}
	return ((current+delta)%count + count) % count
}

// The search box's behaviour, on the model.

// startSearch opens an empty box, as / does in less and vim: a word typed
// quickly after / is the whole query, never added to the last one.
func (m *Model) startSearch() {
	if m.search.query != "" {
		m.clearSearch()
	}
	m.search.typing = true
	m.search.input.Focus()
	if m.laidOut() {
		m.pages.all() // render every section once, so typing stays quick
	}
}

// typeSearch feeds a key to the search box; matches update as you type.
func (m *Model) typeSearch(msg tea.KeyMsg) tea.Cmd {
	switch msg.Type {
	case tea.KeyEsc:
		m.clearSearch()
		return nil
	case tea.KeyEnter:
		m.search.typing = false
		m.search.input.Blur()
		return nil
	}
	var cmd tea.Cmd
	m.search.input, cmd = m.search.input.Update(msg)
	if q := m.search.input.Value(); q != m.search.query {
		m.search.query = q
		m.findMatches()
		m.gotoMatch(nearest(m.search.matches, m.current, m.offset()))
	}
	return cmd
}

// findMatches looks for the query in the guide as laid out now: matches
// are places in rendered lines, so a new width finds them again. The
// current match keeps its number, which is the same place in the text
// unless the query spans a line break at one width and not at another.
// Before the first size there is no layout to search: the query waits.
func (m *Model) findMatches() {
	if !m.laidOut() || m.search.query == "" {
		m.search.matches = nil
		return
	}
	m.search.matches = findMatches(m.pages.all(), m.search.query)
	m.search.at = min(m.search.at, max(0, len(m.search.matches)-1))
}

// gotoMatch opens the section of match i and scrolls it into view, a few
// lines below the top so its context shows.
func (m *Model) gotoMatch(i int) {
	if len(m.search.matches) == 0 {
		m.showSection(m.current, m.offset()) // drop old marks
		return
	}
	m.search.at = i
	mt := m.search.matches[i]
	m.touched = true
	m.cursor = mt.section
	m.showSection(mt.section, max(0, mt.line-3))
}

func (m *Model) clearSearch() {
	m.search.typing = false
	m.search.input.Blur()
	m.search.input.SetValue("")
	m.search.query = ""
	m.search.matches = nil
	m.search.at = 0
	m.showSection(m.current, m.offset())
}
