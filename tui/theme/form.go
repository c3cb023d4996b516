package theme

import (
	"github.com/charmbracelet/huh"
	"github.com/charmbracelet/lipgloss"
)

// Form is the look of huh forms (the Remind tab's settings): huh's plain
// base theme in lumbar's colours, so forms follow light and dark
// backgrounds and NO_COLOR like the rest of the app.
func (s Styles) Form() *huh.Theme {
	t := huh.ThemeBase()
	t.Help = s.Help
	t.Group.Title = s.Title
	t.Group.Description = s.Muted

	f := &t.Focused
	f.Base = f.Base.BorderForeground(colorAccent)
	f.Title = s.Title
	f.Description = s.Muted
	f.ErrorIndicator = f.ErrorIndicator.Foreground(colorDanger)
	f.ErrorMessage = s.Danger.SetString(" *")
	f.SelectSelector = f.SelectSelector.Foreground(colorAccent)
	f.Option = s.Text
	f.NextIndicator = f.NextIndicator.Foreground(colorAccent)
	f.PrevIndicator = f.PrevIndicator.Foreground(colorAccent)
	f.TextInput.Cursor = lipgloss.NewStyle().Foreground(colorAccent)
	f.TextInput.Prompt = lipgloss.NewStyle().Foreground(colorAccent)
	f.TextInput.Text = s.Text
	f.TextInput.Placeholder = s.Muted

	b := &t.Blurred
	*b = t.Focused
	b.Base = b.Base.BorderStyle(lipgloss.HiddenBorder())
	b.Title = s.Muted
	b.SelectSelector = lipgloss.NewStyle().SetString("  ")
	b.NextIndicator = lipgloss.NewStyle()
	b.PrevIndicator = lipgloss.NewStyle()
	return t
}
