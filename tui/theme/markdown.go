package theme

import "github.com/charmbracelet/lipgloss"

// Markdown is how the guide's Markdown is drawn: a style per kind of text,
// and the marks that stand in for styling on a terminal without colour or
// emphasis (NO_COLOR, a pipe), where the guide reads as its Markdown source
// does: "## " before a heading, "**" around strong words.
type Markdown struct {
	Heading  [3]lipgloss.Style // #, ##, ###
	Text     lipgloss.Style
	Strong   lipgloss.Style
	Emphasis lipgloss.Style
	Bullet   lipgloss.Style // a list item's "•" or number
	Quote    lipgloss.Style // a block quote's bar and text

	// KeepMarks leaves heading and emphasis marks in the text; set when
	// styles cannot show (plain).
	KeepMarks bool
}

// markdownStyle is the guide's look: headings in the accent colour, body
// text in the text colour, both adapting to light and dark backgrounds.
func markdownStyle(plain bool) Markdown {
	heading := lipgloss.NewStyle().Foreground(colorAccent).Bold(true)
	text := lipgloss.NewStyle().Foreground(colorText)
	return Markdown{
		Heading:   [3]lipgloss.Style{heading, heading, heading},
		Text:      text,
		Strong:    text.Bold(true),
		Emphasis:  text.Italic(true),
		Bullet:    lipgloss.NewStyle().Foreground(colorAccent),
		Quote:     lipgloss.NewStyle().Foreground(colorMuted).Italic(true),
		KeepMarks: plain,
	}
}
