package tui

import (
	"path/filepath"
	"testing"

	tea "github.com/charmbracelet/bubbletea"

	"lumbar/store/demodata"
	"lumbar/tui/theme"
	"lumbar/tui/tuitest"
)

// BenchmarkFirstFrame is start-up as a person sees it: the root model
// built over a 10-year data file, sized 120x40, its first data read done,
// and its first frame drawn.
func BenchmarkFirstFrame(b *testing.B) {
	s, _, err := demodata.Build(filepath.Join(b.TempDir(), "ten-years.db"), 10, fixedNow)
	if err != nil {
		b.Fatal(err)
	}
	b.ReportAllocs()
	for b.Loop() {
		d := tuitest.NewDriver(b)
		c := d.Common(s)
		c.Styles = theme.New()
		m := newWith(c)
		d.DriveRoot(m)
		m.Update(tea.WindowSizeMsg{Width: 120, Height: 40})
		d.Run(m.refresh(false))
		if m.View() == "" {
			b.Fatal("empty frame")
		}
	}
}

// BenchmarkRootView is one redraw of the open app.
func BenchmarkRootView(b *testing.B) {
	m := newModel(b, tempStore(b), 120, 40)
	b.ReportAllocs()
	for b.Loop() {
		_ = m.View()
	}
}
