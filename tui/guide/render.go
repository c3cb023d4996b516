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

// setWidth drops the layout if the width changed.
func (p *pages) setWidth(width int) {
	if width == p.width && p.renderer != nil {
		return
	}
	p.width = width
	p.styled, p.plain = map[int][]string{}, map[int][]string{}
	r, err := glamour.NewTermRenderer(glamour.WithStyles(p.style), glamour.WithWordWrap(width-gutterWidth))
	if err != nil {
		panic("guide: the Markdown renderer refused its own style: " + err.Error())
	}
	p.renderer = r
}

// lines is section i as rendered lines and their plain text.
func (p *pages) lines(i int) (styled, plain []string) {
	if s, ok := p.styled[i]; ok {
		return s, p.plain[i]
	}
	sec := p.guide.Sections[i]
	out, err := p.renderer.Render(p.guide.ForReading(sec))
	if err != nil {
		// The embedded guide is validated by tests; show the source rather
		// than nothing if rendering ever fails.
		out = sec.Markdown
	}
	styled = strings.Split(strings.Trim(out, "\n"), "\n")
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
