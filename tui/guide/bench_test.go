package guide

import (
	"testing"

	"lumbar/content"
	"lumbar/tui/theme"
)

// BenchmarkGuideRender is the first render at 100 columns: the open
// section laid out when the tab first gets its size.
func BenchmarkGuideRender(b *testing.B) {
	g, err := content.LoadGuide()
	if err != nil {
		b.Fatal(err)
	}
	style := theme.NewFor(false).Markdown
	b.ReportAllocs()
	for b.Loop() {
		p := newPages(g, style)
		p.setWidth(100 + gutterWidth)
		p.lines(0)
	}
}

// BenchmarkGuideRenderAll renders every section, as the first search does.
func BenchmarkGuideRenderAll(b *testing.B) {
	g, _ := content.LoadGuide()
	style := theme.NewFor(false).Markdown
	b.ReportAllocs()
	for b.Loop() {
		p := newPages(g, style)
		p.setWidth(100 + gutterWidth)
		p.all()
	}
}

// BenchmarkGuideView is a redraw after rendering: what every keypress costs.
func BenchmarkGuideView(b *testing.B) {
	m := newGuide(b, tempStore(b), 160, 45)
	b.ReportAllocs()
	for b.Loop() {
		_ = m.View()
	}
}
