package tui

import (
	"strings"

	"github.com/charmbracelet/x/ansi"

	"lumbar/content"
	"lumbar/tui/guide"
	"lumbar/tui/theme"
)

// GuideText renders Guide sections for `lumbar guide`, width columns
// wide: styled as the Guide tab draws them (plain under NO_COLOR, as the
// app is) for a terminal, or plain text without a single escape code and
// without trailing blanks for a pipe or a file.
func GuideText(g *content.Guide, sections []content.Section, width int, styled bool) string {
	styles := theme.New()
	if !styled {
		styles = theme.NewFor(true)
	}
	r := guide.NewRenderer(styles.Markdown, width)
	out := make([]string, len(sections))
	for i, sec := range sections {
		out[i] = r.Render(g, sec)
		if !styled {
			out[i] = plainText(out[i])
		}
	}
	return strings.Join(out, "\n\n")
}

// plainText is rendered text without escape codes or trailing blanks.
func plainText(rendered string) string {
	lines := strings.Split(ansi.Strip(rendered), "\n")
	for i, l := range lines {
		lines[i] = strings.TrimRight(l, " ")
	}
	return strings.Join(lines, "\n")
}
