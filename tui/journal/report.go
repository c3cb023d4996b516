package journal

import (
	"os"
	"path/filepath"
	"time"

	tea "github.com/charmbracelet/bubbletea"
	"github.com/charmbracelet/x/ansi"

	"lumbar/content"
	"lumbar/store"
	"lumbar/store/diary"
	"lumbar/store/report"
	"lumbar/store/text"
)

// reportMsg says where the report for the doctor was written, or why not.
type reportMsg struct {
	path string
	err  error
}

// writeReport writes the report of the span on screen into the current
// folder, as `lumbar report` does, under a name no earlier report has.
func writeReport(s *store.Store, now time.Time, days int) tea.Cmd {
	return func() tea.Msg {
		p := report.LastDays(diary.DayOf(now), days)
		records, err := report.Read(s, p)
		if err != nil {
			return reportMsg{err: err}
		}
		page, err := report.HTML(records, report.Options{Period: p, Made: now,
			RoutineName: content.RoutineNames(os.Getenv)})
		if err != nil {
			return reportMsg{err: err}
		}
		path, err := report.WriteNew(".", p, page)
		if abs, absErr := filepath.Abs(path); err == nil && absErr == nil {
			path = abs
		}
		return reportMsg{path: path, err: err}
	}
}

// reportFlash is what the view bar says about a report: its whole path
// when it fits, else the path cut from the left so the file's name stays.
func reportFlash(msg reportMsg, width int) string {
	if msg.err != nil {
		return "Report not written: " + msg.err.Error()
	}
	lead := "Report saved: " // its name says its period
	path := text.Printable(msg.path)
	if room := width - 1 - ansi.StringWidth(lead); ansi.StringWidth(path) > room {
		path = ansi.TruncateLeft(path, ansi.StringWidth(path)-room+1, "…")
	}
	return lead + path
}
