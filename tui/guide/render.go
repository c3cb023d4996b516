package guide

import (
	"strings"

	"github.com/charmbracelet/glamour"
	"github.com/charmbracelet/glamour/ansi"
	xansi "github.com/charmbracelet/x/ansi"

	"lumbar/content"
)

// pages holds the guide laid out for one width: each section rendered
// once, when first needed, and kept until the width changes. Rendering
// Markdown takes milliseconds, so it never happens in View or per key.
type pages struct {
	guide    *content.Guide
	style    ansi.StyleConfig
	width    int
	renderer *glamour.TermRenderer
	styled   map[int][]string // section index → rendered lines
	plain    map[int][]string // the same lines without escape codes, for search
}

func newPages(g *content.Guide, style ansi.StyleConfig) *pages {
	return &pages{guide: g, style: style}
}

// setWidth drops the layout if the width changed, and says whether it did.
func (p *pages) setWidth(width int) bool {
	if width == p.width && p.laidOut() {
		return false
	}
	p.width = width
	p.styled, p.plain = map[int][]string{}, map[int][]string{}
	p.renderer = NewRenderer(p.style, width-gutterWidth)
	return true
}

// laidOut tells whether a width was set: there is no layout before.
func (p *pages) laidOut() bool { return p.renderer != nil }

// NewRenderer makes the guide's Markdown renderer for a text width.
func NewRenderer(style ansi.StyleConfig, width int) *glamour.TermRenderer {
	r, err := glamour.NewTermRenderer(glamour.WithStyles(style), glamour.WithWordWrap(width))
	if err != nil {
		panic("guide: the Markdown renderer refused its own style: " + err.Error())
	}
	return r
}

// Render lays out one section for reading at width, or shows its source if
// rendering fails (the embedded guide is validated by tests, so it should
// not). glamour's wrapping can overshoot by a cell after a hyphen, so
// lines are wrapped once more, which changes only those.
func Render(r *glamour.TermRenderer, g *content.Guide, sec content.Section, width int) string {
	out, err := r.Render(g.ForReading(sec))
	if err != nil {
		out = sec.Markdown
	}
	return xansi.Wrap(strings.Trim(out, "\n"), width, "")
}

// lines is section i as rendered lines and their plain text.
func (p *pages) lines(i int) (styled, plain []string) {
	if s, ok := p.styled[i]; ok {
		return s, p.plain[i]
	}
	styled = strings.Split(Render(p.renderer, p.guide, p.guide.Sections[i], p.width-gutterWidth), "\n")
	plain = make([]string, len(styled))
	for j, line := range styled {
		plain[j] = strings.TrimRight(xansi.Strip(line), " ")
	}
	p.styled[i], p.plain[i] = styled, plain
	return styled, plain
}

// all renders every section: search looks through the whole guide.
func (p *pages) all() [][]string {
	plains := make([][]string, len(p.guide.Sections))
	for i := range p.guide.Sections {
		_, plains[i] = p.lines(i)
	}
	return plains
}
