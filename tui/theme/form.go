package theme

import (
	"github.com/charmbracelet/huh"
	"github.com/charmbracelet/lipgloss"
)

// Form is the look of every huh form (the Log's entry form, the Remind
// tab's settings): huh's plain base theme in lumbar's palette, so forms
// follow light and dark backgrounds and NO_COLOR like the rest of the app.
// Under NO_COLOR the focused field is still marked by its left bar, the
// option under the cursor by "> " and chosen options by "[•]".
func (s Styles) Form() *huh.Theme {
	t := huh.ThemeBase()
	t.Group.Title = s.Title
	t.Group.Description = s.Muted
	t.Focused.Base = t.Focused.Base.BorderForeground(colorAccent)
	t.Focused.Title = s.Title
	t.Focused.NoteTitle = s.Title
	t.Focused.Description = s.Muted
	t.Focused.ErrorIndicator = t.Focused.ErrorIndicator.Foreground(colorDanger)
	t.Focused.ErrorMessage = t.Focused.ErrorMessage.Foreground(colorDanger)
	t.Focused.SelectSelector = t.Focused.SelectSelector.Foreground(colorAccent)
	t.Focused.MultiSelectSelector = t.Focused.MultiSelectSelector.Foreground(colorAccent)
	t.Focused.NextIndicator = t.Focused.NextIndicator.Foreground(colorAccent)
	t.Focused.PrevIndicator = t.Focused.PrevIndicator.Foreground(colorAccent)
	t.Focused.Option = s.Text
	t.Focused.UnselectedOption = s.Text
	t.Focused.SelectedOption = lipgloss.NewStyle().Foreground(colorAccent)
	t.Focused.SelectedPrefix = t.Focused.SelectedPrefix.Foreground(colorAccent)
	t.Focused.UnselectedPrefix = t.Focused.UnselectedPrefix.Foreground(colorMuted)
	t.Focused.TextInput.Cursor = lipgloss.NewStyle().Foreground(colorAccent)
	t.Focused.TextInput.Placeholder = s.Muted
	t.Focused.TextInput.Prompt = lipgloss.NewStyle().Foreground(colorAccent)
	t.Focused.TextInput.Text = s.Text
	t.Help = s.Help

	t.Blurred = t.Focused
	t.Blurred.Base = t.Blurred.Base.BorderStyle(lipgloss.HiddenBorder())
	t.Blurred.Title = s.Text.Bold(true)
	t.Blurred.MultiSelectSelector = lipgloss.NewStyle().SetString("  ")
	t.Blurred.NextIndicator = lipgloss.NewStyle()
	t.Blurred.PrevIndicator = lipgloss.NewStyle()
	return t
}
