package guide

import (
	"strings"

	"github.com/charmbracelet/lipgloss"
	xansi "github.com/charmbracelet/x/ansi"

	"lumbar/content"
	"lumbar/tui/theme"
)

// pages holds the guide laid out for one width: each section rendered
// once, when first needed, and kept until the width changes. Rendering
// Markdown takes milliseconds, so it never happens in View or per key.
type pages struct {
	guide    *content.Guide
	style    theme.Markdown
	width    int
	renderer *Renderer
	styled   map[int][]string // section index → rendered lines
	plain    map[int][]string // the same lines without escape codes, for search
}

func newPages(g *content.Guide, style theme.Markdown) *pages {
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

// restyle drops the rendered sections, to be rendered again in the
// colours for the terminal's background; their lines stay where they
// were, so the reader's place and search matches hold.
func (p *pages) restyle() {
	if p.laidOut() {
		p.styled, p.plain = map[int][]string{}, map[int][]string{}
	}
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
// Every line is wrapped once, here, at spaces only: no line runs past the
// width and none breaks early (which would leave one word alone in the
// middle of a paragraph). Only a word longer than a whole line is cut.
type Renderer struct {
	style theme.Markdown
	width int
}

// NewRenderer makes a Renderer for text width cells wide.
func NewRenderer(style theme.Markdown, width int) *Renderer {
	return &Renderer{style: style, width: max(1, width)}
}

// Render lays out one section: its blocks, a blank line between them but
// not between the items of a list.
func (r *Renderer) Render(g *content.Guide, sec content.Section) string {
	var out []string
	for i, b := range parseBlocks(g.ForReading(sec)) {
		if i > 0 && !b.tight {
			out = append(out, "")
		}
		out = append(out, r.block(b)...)
	}
	return strings.Join(out, "\n")
}

// block lays out one block: its words wrapped after a first-line prefix
// (a list item's bullet, a heading's marks), later lines indented to line
// up with the text (a list item) or carrying the prefix again (a quote).
func (r *Renderer) block(b block) []string {
	st := r.style
	styles := runStyles{st.Text, st.Strong, st.Emphasis}
	var first, rest string
	switch b.kind {
	case headingBlock:
		h := st.Heading[b.level-1]
		styles = runStyles{h, h, h.Italic(true)}
		if st.KeepMarks {
			first = strings.Repeat("#", b.level) + " "
		}
	case listItemBlock:
		first = b.marker + " "
		rest = strings.Repeat(" ", xansi.StringWidth(first))
	case quoteBlock:
		styles = runStyles{st.Quote, st.Quote.Bold(true), st.Quote}
		first, rest = "│ ", "│ "
		if st.KeepMarks {
			first, rest = "> ", "> "
		}
	}
	prefixStyle := st.Bullet
	if b.kind == headingBlock {
		prefixStyle = styles[plainRun]
	}
	runs := []run{{plainRun, b.text}}
	if !st.KeepMarks {
		runs = parseInline(b.text)
	}
	lines := wrapWords(splitWords(runs), r.width-xansi.StringWidth(first))
	out := make([]string, len(lines))
	for i, line := range lines {
		prefix := rest
		if i == 0 {
			prefix = first
		}
		if prefix != "" {
			prefix = prefixStyle.Render(prefix)
		}
		out[i] = prefix + styles.render(line)
	}
	return out
}

// runStyles draws each kind of run.
type runStyles [3]lipgloss.Style

// render draws a line's words, a space between each: a space between two
// words drawn alike is drawn like them, so strong text reads as one span.
func (s runStyles) render(words [][]run) string {
	var merged []run
	add := func(r run) {
		if n := len(merged); n > 0 && merged[n-1].kind == r.kind {
			merged[n-1].text += r.text
			return
		}
		merged = append(merged, r)
	}
	for i, word := range words {
		if i > 0 {
			space := run{plainRun, " "}
			if merged[len(merged)-1].kind == word[0].kind {
				space.kind = word[0].kind
			}
			add(space)
		}
		for _, r := range word {
			add(r)
		}
	}
	var b strings.Builder
	for _, r := range merged {
		b.WriteString(s[r.kind].Render(r.text))
	}
	return b.String()
}

// splitWords cuts runs at spaces into words; a word may hold several runs
// ("**strong**," is a strong run and a plain comma).
func splitWords(runs []run) [][]run {
	var words [][]run
	var word []run
	for _, r := range runs {
		for i, part := range strings.Split(r.text, " ") {
			if i > 0 && len(word) > 0 {
				words, word = append(words, word), nil
			}
			if part != "" {
				word = append(word, run{r.kind, part})
			}
		}
	}
	if len(word) > 0 {
		words = append(words, word)
	}
	return words
}

// wrapWords fills lines of at most width cells with words, greedily: a
// word goes on the line if it fits, else it starts the next. A word wider
// than a line is cut into pieces that fit.
func wrapWords(words [][]run, width int) [][][]run {
	width = max(1, width)
	var lines [][][]run
	var line [][]run
	used := 0
	for _, word := range words {
		w := wordWidth(word)
		if len(line) > 0 && used+1+w <= width {
			line, used = append(line, word), used+1+w
			continue
		}
		if len(line) > 0 {
			lines = append(lines, line)
		}
		for w > width {
			piece, after := cutWord(word, width)
			lines = append(lines, [][]run{piece})
			word, w = after, wordWidth(after)
		}
		line, used = [][]run{word}, w
	}
	if len(line) > 0 || len(lines) == 0 {
		lines = append(lines, line)
	}
	return lines
}

func wordWidth(word []run) int {
	w := 0
	for _, r := range word {
		w += xansi.StringWidth(r.text)
	}
	return w
}

// cutWord splits a word after its first width cells.
func cutWord(word []run, width int) (head, tail []run) {
	used := 0
	for i, r := range word {
		for j, c := range r.text {
			cw := xansi.StringWidth(string(c))
			if used+cw > width && used > 0 {
				head = append(head, run{r.kind, r.text[:j]})
				tail = append([]run{{r.kind, r.text[j:]}}, word[i+1:]...)
				return trimEmpty(head), tail
			}
			used += cw
		}
		head = append(head, r)
	}
	return head, nil
}

func trimEmpty(word []run) []run {
	out := word[:0]
	for _, r := range word {
		if r.text != "" {
			out = append(out, r)
		}
	}
	return out
}
