package journal

import (
	"fmt"
	"strings"

	"github.com/charmbracelet/x/ansi"

	"lumbar/store/diary"
	"lumbar/store/text"
)

// list is a cursor over n rows, of which `visible` show at a time.
type list struct {
	cursor, offset int
}

// move puts the cursor at i (clamped) and scrolls just enough to show it.
func (l *list) move(i, n, visible int) {
	l.cursor = max(0, min(i, n-1))
	visible = max(1, visible)
	switch {
	case l.cursor < l.offset:
		l.offset = l.cursor
	case l.cursor >= l.offset+visible:
		l.offset = l.cursor - visible + 1
	}
	l.offset = max(0, min(l.offset, n-visible))
}

// Column widths of the history table; the note takes what is left.
const (
	whenWidth  = 17 // "Fri 27 Nov  09:30" or "27 Nov 2025 09:30"
	painWidth  = 11 // "10 severe"
	legWidth   = 3
	whereShare = 2 // of every 5 flexible columns, where gets 2
	colGap     = "  "
)

// historyColumns splits width between the where and note columns.
func historyColumns(width int) (where, note int) {
	fixed := len(markerPad) + whenWidth + painWidth + legWidth + 4*len(colGap)
	flexible := max(0, width-fixed)
	where = flexible * whereShare / 5
	return where, flexible - where
}

// markerPad is the space the selection marker takes on every row.
const markerPad = "  "

// entryWhen is an entry's time for the table: the weekday in the current
// year, the year otherwise.
func entryWhen(e diary.PainEntry, today diary.Day) string {
	t := e.Local()
	if t.Year() == today.Date().Year() {
		return t.Format("Mon _2 Jan  15:04")
	}
	return t.Format("_2 Jan 2006 15:04")
}

// excerpt is user text on one line, cleaned and cut to width cells.
func excerpt(s string, width int) string {
	flat := strings.Join(strings.Fields(text.Printable(s)), " ")
	return ansi.Truncate(flat, width, "…")
}

// whereWords are the entry's areas in the short words History's column
// has room for; the entry view uses the same, so a row and its entry match.
func whereWords(e diary.PainEntry) string {
	return strings.Join(diary.Areas.ShortLabels(e.Where), ", ")
}

func legText(e diary.PainEntry) string {
	if e.LegPain == nil {
		return "–"
	}
	return fmt.Sprint(*e.LegPain)
}

// pad fills s with spaces to width cells (s may hold escape sequences).
func pad(s string, width int) string {
	return s + strings.Repeat(" ", max(0, width-ansi.StringWidth(s)))
}
