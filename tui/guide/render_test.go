package guide

import (
	"fmt"
	"strings"
	"testing"

	xansi "github.com/charmbracelet/x/ansi"

	"lumbar/content"
	"lumbar/tui/theme"
)

// renderWidths are the text widths the guide is read at: the app's pane
// in 60, 80, 100, 120 and 200 column windows (less the gutter), and
// `lumbar guide` piped (80) and in terminals of 40, 100 columns or more;
// and a few odd ones.
var renderWidths = []int{40, 47, 58, 68, 78, 80, 88, 93, 98, 100}

// Every line of a paragraph is filled as far as its words allow: no line
// breaks early, leaving one word alone in the middle of a paragraph
// ("To be / honest, / the evidence"), and none runs past the width.
func TestParagraphsWrapOnce(t *testing.T) {
	g, err := content.LoadGuide()
	if err != nil {
		t.Fatal(err)
	}
	for _, plain := range []bool{true, false} {
		styles := theme.NewFor(plain)
		for _, width := range renderWidths {
			r := NewRenderer(styles.Markdown, width)
			for _, sec := range g.Sections {
				lines := strings.Split(xansi.Strip(r.Render(g, sec)), "\n")
				for _, problem := range wrapProblems(lines, width) {
					t.Errorf("%s at %d (plain %v): %s", sec.ID, width, plain, problem)
				}
			}
		}
	}
}

// wrapProblems finds lines wider than width, and lines of a paragraph
// that hold one word while the paragraph goes on.
func wrapProblems(lines []string, width int) []string {
	var problems []string
	for i, line := range lines {
		if w := xansi.StringWidth(line); w > width {
			problems = append(problems, fmt.Sprintf("line %d is %d wide: %q", i, w, line))
		}
		text := strings.TrimSpace(line)
		if i == 0 || i+1 == len(lines) || text == "" || strings.Contains(text, " ") {
			continue
		}
		next := strings.TrimSpace(lines[i+1])
		inParagraph := strings.TrimSpace(lines[i-1]) != "" && next != "" && !startsListItem(next)
		if inParagraph {
			problems = append(problems, fmt.Sprintf("line %d is one word in a paragraph: %q / %q / %q",
				i, strings.TrimSpace(lines[i-1]), text, strings.TrimSpace(lines[i+1])))
		}
	}
	return problems
}

// startsListItem tells whether a line opens a list item ("• ", "3. "),
// which may follow one word that ends the item before it.
func startsListItem(line string) bool {
	if strings.HasPrefix(line, "• ") {
		return true
	}
	digits := strings.TrimLeft(line, "0123456789")
	return len(digits) < len(line) && strings.HasPrefix(digits, ". ")
}

// The guide is written only in the Markdown the renderer reads: nothing
// else (code, tables, HTML, images, underscores for emphasis, deeper
// headings, rules) would show as the writer meant it.
func TestGuideUsesOnlyRenderedMarkdown(t *testing.T) {
	g, err := content.LoadGuide()
	if err != nil {
		t.Fatal(err)
	}
	unread := []string{"`", "<", "![", "_", "####", "\t", "|", "~~~", "\\"}
	for _, sec := range g.Sections {
		for n, line := range strings.Split(sec.Markdown, "\n") {
			for _, u := range unread {
				if strings.Contains(line, u) {
					t.Errorf("%s line %d holds %q, which the guide's renderer does not read: %q", sec.ID, n+1, u, line)
				}
			}
			if strings.HasPrefix(line, "    ") || strings.TrimLeft(line, "-=* ") == "" && line != "" {
				t.Errorf("%s line %d is code or a rule, which the guide's renderer does not read: %q", sec.ID, n+1, line)
			}
		}
	}
}

// Styled text keeps no Markdown marks: headings lose their "#", strong
// and emphasised words their asterisks; plain text keeps them, as the
// only way to tell them apart without colour.
func TestMarksBecomeStyles(t *testing.T) {
	g := &content.Guide{}
	sec := content.Section{ID: "x", Markdown: "# Title\n\n## Part\n\nSome **very strong** and *light* words.\n\n- one\n- two\n\n1. first\n2. second\n\n> quoted **text**\n"}
	styled := xansi.Strip(NewRenderer(theme.NewFor(false).Markdown, 40).Render(g, sec))
	want := "Title\n\nPart\n\nSome very strong and light words.\n\n• one\n• two\n\n1. first\n2. second\n\n│ quoted text"
	if styled != want {
		t.Errorf("styled:\n%s\nwant:\n%s", styled, want)
	}
	plain := NewRenderer(theme.NewFor(true).Markdown, 40).Render(g, sec)
	wantPlain := "# Title\n\n## Part\n\nSome **very strong** and *light* words.\n\n• one\n• two\n\n1. first\n2. second\n\n> quoted **text**"
	if plain != wantPlain {
		t.Errorf("plain:\n%s\nwant:\n%s", plain, wantPlain)
	}
}

// A list item's later lines line up with its text, and a word longer
// than a line is cut rather than run past the edge.
func TestListItemsHangAndLongWordsAreCut(t *testing.T) {
	g := &content.Guide{}
	sec := content.Section{ID: "x", Markdown: "- alpha beta gamma delta\n\nabcdefghijklmnop\n"}
	got := NewRenderer(theme.NewFor(true).Markdown, 12).Render(g, sec)
	want := "• alpha beta\n  gamma\n  delta\n\nabcdefghijkl\nmnop"
	if got != want {
		t.Errorf("got:\n%s\nwant:\n%s", got, want)
	}
}

// An asterisk without a partner is text.
func TestLoneAsteriskIsText(t *testing.T) {
	runs := parseInline("5 * 3 and **half")
	if len(runs) != 1 || runs[0].text != "5 * 3 and **half" {
		t.Errorf("runs = %+v", runs)
	}
}
