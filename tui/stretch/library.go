package stretch

import (
	"slices"

	"lumbar/content"
)

// entry is one item of the library list: a routine or a stretch.
type entry struct {
	routine *content.Routine
	stretch *content.Stretch
}

// row is one line of the list as drawn: a section title, a blank, or an
// entry.
type row struct {
	title string // a section title, or "" for a blank or an entry
	entry int    // index into entries; -1 for titles and blanks
}

// libraryList is the library as a list with a cursor: routines first
// (they are what people start), then stretches; built-in before yours.
type libraryList struct {
	entries []entry
	rows    []row
	cursor  int // index into entries
	offset  int // first row shown
}

func newLibraryList(l *content.Library) libraryList {
	var list libraryList
	section := ""
	add := func(title string, e entry) {
		if title != section {
			if section != "" {
				list.rows = append(list.rows, row{entry: -1})
			}
			list.rows = append(list.rows, row{title: title, entry: -1})
			section = title
		}
		list.rows = append(list.rows, row{entry: len(list.entries)})
		list.entries = append(list.entries, e)
	}
	for _, r := range l.Routines {
		add(sectionTitle("Routines", r.File), entry{routine: r})
	}
	for _, s := range l.Stretches {
		add(sectionTitle("Stretches", s.File), entry{stretch: s})
	}
	return list
}

func sectionTitle(kind, file string) string {
	if file != "" {
		return "Your " + map[string]string{"Routines": "routines", "Stretches": "stretches"}[kind]
	}
	return kind
}

func (l *libraryList) selected() (entry, bool) {
	if l.cursor < 0 || l.cursor >= len(l.entries) {
		return entry{}, false
	}
	return l.entries[l.cursor], true
}

// moveTo puts the cursor on entry i, kept within the list.
func (l *libraryList) moveTo(i int) {
	l.cursor = max(0, min(len(l.entries)-1, i))
}

// find puts the cursor on the stretch or routine with the given ID.
func (l *libraryList) find(match func(entry) bool) bool {
	i := slices.IndexFunc(l.entries, match)
	if i >= 0 {
		l.cursor = i
	}
	return i >= 0
}

// keepInView scrolls so the cursor's row, and the section title just
// above the first entry, are among the height rows shown.
func (l *libraryList) keepInView(height int) {
	at := slices.IndexFunc(l.rows, func(r row) bool { return r.entry == l.cursor })
	if at < 0 || height <= 0 {
		l.offset = 0
		return
	}
	if at <= 1 {
		at = 0 // the first entry: show the title above it too
	}
	l.offset = max(0, min(l.offset, at), at-height+1)
	l.offset = min(l.offset, max(0, len(l.rows)-height))
}

// shown is the rows that fit in height lines.
func (l *libraryList) shown(height int) []row {
	end := min(len(l.rows), l.offset+height)
	return l.rows[min(l.offset, end):end]
}
