package guide

import (
	"strings"
	"unicode"

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
	renderer *Renderer
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

// lines is section i as rendered lines and their plain text.
func (p *pages) lines(i int) (styled, plain []string) {
	if s, ok := p.styled[i]; ok {
		return s, p.plain[i]
	}
	styled = strings.Split(p.renderer.Render(p.guide, p.guide.Sections[i]), "\n")
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

// Renderer lays guide sections out for reading at one width, the width
// they are shown at: the app's reading pane, or `lumbar guide`'s terminal.
type Renderer struct {
	style ansi.StyleConfig
	width int
	wraps map[int]*glamour.TermRenderer // by the width glamour wraps at
}

// NewRenderer makes a Renderer for text width cells wide.
func NewRenderer(style ansi.StyleConfig, width int) *Renderer {
	return &Renderer{style: style, width: width, wraps: map[int]*glamour.TermRenderer{}}
}

// maxNarrowing is how many cells narrower than the width glamour may be
// asked to wrap, so that its lines fit the width.
const maxNarrowing = 2

// Render lays out one section, or shows its source if rendering fails
// (the embedded guide is validated by tests, so it should not).
//
// glamour wraps twice (each paragraph, then the whole document), and
// both wrappers count no width for characters they may break after: a
// hyphen in a paragraph; commas, full stops and hyphens in a list item.
// A line holding them comes out wider than asked, and wrapping it again
// (glamour's second wrap, or ours) leaves one word alone in the middle of
// a paragraph ("To be / honest, / the evidence"). So hyphens inside words
// are not offered as places to break while glamour wraps, and glamour
// wraps a cell narrower while a list item still comes out too wide:
// every line is then wrapped once, by glamour. Only a word longer than a
// whole line is cut afterwards, as nothing else can show it.
func (r *Renderer) Render(g *content.Guide, sec content.Section) string {
	markdown := keepHyphenatedWordsWhole(g.ForReading(sec))
	var out string
	for wrap := r.width; wrap >= max(1, r.width-maxNarrowing); wrap-- {
		var err error
		if out, err = r.wrappingAt(wrap).Render(markdown); err != nil {
			out = sec.Markdown
			break
		}
		out = strings.ReplaceAll(strings.Trim(out, "\n"), nonBreakingHyphen, "-")
		if fits(out, r.width) {
			return out
		}
	}
	return xansi.Wrap(out, r.width, "")
}

// nonBreakingHyphen stands in for a hyphen inside a word while glamour
// wraps: one cell wide, and not a place to break.
const nonBreakingHyphen = "\u2011"

// keepHyphenatedWordsWhole swaps each hyphen between two letters or
// digits ("flare-ups", "X-rays", "day-to-day") for nonBreakingHyphen.
// List markers and rules ("- ", "---") are not between two such
// characters and stay Markdown.
func keepHyphenatedWordsWhole(markdown string) string {
	runes := []rune(markdown)
	for i := 1; i+1 < len(runes); i++ {
		if runes[i] == '-' && isWordRune(runes[i-1]) && isWordRune(runes[i+1]) {
			runes[i] = []rune(nonBreakingHyphen)[0]
		}
	}
	return string(runes)
}

func isWordRune(r rune) bool { return unicode.IsLetter(r) || unicode.IsDigit(r) }

// wrappingAt is glamour set to wrap at width, made once.
func (r *Renderer) wrappingAt(width int) *glamour.TermRenderer {
	if tr, ok := r.wraps[width]; ok {
		return tr
	}
	tr, err := glamour.NewTermRenderer(glamour.WithStyles(r.style), glamour.WithWordWrap(width))
	if err != nil {
		panic("guide: the Markdown renderer refused its own style: " + err.Error())
	}
	r.wraps[width] = tr
	return tr
}

// fits tells whether every line of text is at most width cells wide.
func fits(text string, width int) bool {
	for _, line := range strings.Split(text, "\n") {
		if xansi.StringWidth(line) > width {
			return false
		}
	}
	return true
}
