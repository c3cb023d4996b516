package theme

import (
	"github.com/charmbracelet/lipgloss"
)

// HeatCell colours a calendar day by its worst pain's band (diary.PainBand).
// The number is always printed too, so it reads without colour.
func (s Styles) HeatCell(band string) lipgloss.Style {
	if s.Plain {
		return lipgloss.NewStyle()
	}
	if band == "none" {
		return lipgloss.NewStyle().Background(colorSubtle).Foreground(colorText)
	}
	bg := map[string]lipgloss.TerminalColor{"mild": colorMild, "moderate": colorMod, "severe": colorSevere}[band]
	return lipgloss.NewStyle().Background(bg).Foreground(colorOnBand)
}

// ChartMean and ChartWorst draw the Log chart's two series; ChartAxis its
// axes and labels.
func (s Styles) ChartMean() lipgloss.Style  { return lipgloss.NewStyle().Foreground(colorAccent) }
func (s Styles) ChartWorst() lipgloss.Style { return lipgloss.NewStyle().Foreground(colorWarn) }
func (s Styles) ChartAxis() lipgloss.Style  { return s.Muted }
