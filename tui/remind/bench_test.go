package remind

import (
	"path/filepath"
	"testing"

	"lumbar/store/demodata"
	"lumbar/tui/theme"
	"lumbar/tui/tuitest"
)

// tenYearTab is the tab over a fresh 10-year file, on a Friday morning.
func tenYearTab(b *testing.B) *Model {
	now := on("2026-11-27 10:20")
	s, _, err := demodata.Build(filepath.Join(b.TempDir(), "ten-years.db"), 10, now)
	if err != nil {
		b.Fatal(err)
	}
	d := tuitest.NewDriver(b)
	d.SetClock(now)
	c := d.Common(s)
	c.Styles = theme.New()
	return New(c, noNotices)
}

// BenchmarkView is one redraw of the tab over the 10-year file, at
// 120×40, with a reminder due (banner, meter, chart and reminders).
func BenchmarkView(b *testing.B) {
	m := tenYearTab(b)
	m.SetSize(120, 37)
	m.Update(m.load()())
	if len(m.sched.DueNow()) == 0 {
		b.Fatal("nothing due: the banner would not be measured")
	}
	b.ReportAllocs()
	for b.Loop() {
		_ = m.View()
	}
}

// BenchmarkLoad is the tab's read of the 10-year file: today, the
// reminder state and the chart's week, in one transaction.
func BenchmarkLoad(b *testing.B) {
	m := tenYearTab(b)
	b.ReportAllocs()
	for b.Loop() {
		if msg := m.load()().(loadedMsg); msg.err != nil {
			b.Fatal(msg.err)
		}
	}
}
