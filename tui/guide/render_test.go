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
