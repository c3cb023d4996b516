package journal

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	tea "github.com/charmbracelet/bubbletea"

	"lumbar/store/diary"
)

// p on the chart writes the report of the span on screen into the
// current folder, never over an earlier one, and says where.
func TestReportKeyWritesTheSpanOnScreen(t *testing.T) {
	dir := t.TempDir()
	t.Chdir(dir)
	s := tempStore(t)
	add(t, s, diary.PainEntry{Stamp: at(1, 9, 0), Pain: 4})
	tb := newTab(t, s, 160, 30) // wide enough for the whole temporary path
	if cmd := tb.press("p"); cmd != nil {
		t.Fatal("p does something in the history, where no span is on screen")
	}
	tb.press("l", "r") // the chart, 90 days
	want := filepath.Join(dir, "lumbar-report-2026-08-30-to-2026-11-27.html")
	for i, name := range []string{want, strings.TrimSuffix(want, ".html") + "-2.html"} {
		msgs := messages(tb.press("p"))
		if len(msgs) != 1 {
			t.Fatalf("p sent %d messages", len(msgs))
		}
		tb.Update(msgs[0].(tea.Msg))
		if flash := "Report saved: " + name; !strings.Contains(tb.View(), flash) {
			t.Fatalf("report %d: the view does not say %q:\n%s", i+1, flash, tb.View())
		}
		page, err := os.ReadFile(name)
		if err != nil || !strings.Contains(string(page), "1 of 90 days") {
			t.Fatalf("report %d: %v, %.200q", i+1, err, page)
		}
	}
}

// A path too long for the window keeps the report's name and loses its
// folders from the left.
func TestReportFlashKeepsTheFileName(t *testing.T) {
	msg := reportMsg{path: "/home/ana/" + strings.Repeat("very-long-folder/", 5) + "lumbar-report-2026-10-29-to-2026-11-27.html"}
	got := reportFlash(msg, 80)
	if wide := reportFlash(msg, 200); wide != "Report saved: "+msg.path {
		t.Errorf("a wide window shows %q", wide)
	}
	if !strings.HasPrefix(got, "Report saved: …") || !strings.HasSuffix(got, "lumbar-report-2026-10-29-to-2026-11-27.html") || len([]rune(got)) > 79 {
		t.Errorf("%q (%d columns)", got, len([]rune(got)))
	}
}
