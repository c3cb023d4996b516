package common

import (
	"github.com/charmbracelet/bubbles/help"
	"github.com/charmbracelet/lipgloss"

	"lumbar/tui/theme"
)

// Render draws the banner as a box width cells wide: the title, the body,
// and the keys that answer it. The root draws it over other tabs and the
// announcing tab draws it in place, so both look the same.
func (b Banner) Render(st theme.Styles, width int) string {
	inner := max(10, width-st.Banner.GetHorizontalFrameSize())
	h := help.New()
	h.Styles = st.Help
	h.Width = inner
	text := lipgloss.NewStyle().Width(inner)
	return st.Banner.Render(lipgloss.JoinVertical(lipgloss.Left,
		text.Inherit(st.Warning).Render(b.Title),
		text.Render(b.Body),
		h.ShortHelpView(b.Keys),
	))
}
