package journal

import (
	"path/filepath"
	"testing"

	"github.com/charmbracelet/lipgloss"
	"github.com/muesli/termenv"

	"lumbar/store/demodata"
	"lumbar/tui/common"
	"lumbar/tui/theme"
	"lumbar/tui/tuitest"
)

// benchTab is the Log tab over the 10-year file, loaded, at 120x40, in
// colour (tests pin plain text; colour costs more to draw).
func benchTab(b *testing.B) *tab {
	lipgloss.SetColorProfile(termenv.TrueColor)
	b.Cleanup(func() { lipgloss.SetColorProfile(termenv.Ascii) })
	s, _, err := demodata.Build(filepath.Join(b.TempDir(), "ten-years.db"), 10, fixedNow)
	if err != nil {
		b.Fatal(err)
	}
	d := tuitest.NewDriver(b)
	d.SetClock(fixedNow)
	c := d.Common(s)
	c.Styles = theme.NewFor(false)
	return openTab(b, d, c, 120, 40-common.ChromeRows)
}

// BenchmarkView is one redraw of each view, as every key press and timer
// tick causes.
func BenchmarkView(b *testing.B) {
	tb := benchTab(b)
	for _, v := range []struct {
		name string
		keys []string
	}{
		{"history", nil}, {"chart", []string{"l"}}, {"calendar", []string{"l"}}, {"insights", []string{"l"}},
		{"entry", []string{"l", "enter"}}, {"form", []string{"esc", "n"}},
	} {
		tb.press(v.keys...)
		b.Run(v.name, func(b *testing.B) {
			b.ReportAllocs()
			for b.Loop() {
				if tb.View() == "" {
					b.Fatal("empty view")
				}
			}
		})
	}
}

// BenchmarkLoad is the background read behind every view: the newest
// page of entries, each day's figures and the insights for every span.
func BenchmarkLoad(b *testing.B) {
	tb := benchTab(b)
	b.ReportAllocs()
	for b.Loop() {
		if _, err := readSnapshot(tb.Store, fixedNow, nil); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkSpanChange is r on the chart: the chart and insights redrawn
// for the next span.
func BenchmarkSpanChange(b *testing.B) {
	tb := benchTab(b)
	tb.press("l")
	b.ReportAllocs()
	for b.Loop() {
		tb.press("r")
	}
}
