package theme

import (
	"github.com/charmbracelet/lipgloss"
)

// HeatCell colours a calendar day by its worst pain's band (store.PainBand).
// The number is always printed too, so it reads without colour.
func (s Styles) HeatCell(band string) lipgloss.Style {
	if s.Plain {
		return lipgloss.NewStyle()
	}
	bg := map[string]lipgloss.AdaptiveColor{
		"none": colorSubtle, "mild": colorMild, "moderate": colorMod, "severe": colorSevere,
	}[band]
	fg := colorOnAcent
	if band == "none" {
		fg = colorText
	}
	return lipgloss.NewStyle().Background(bg).Foreground(fg)
}

// ChartMean and ChartWorst draw the Log chart's two series; ChartAxis its
// axes and labels.
func (s Styles) ChartMean() lipgloss.Style  { return lipgloss.NewStyle().Foreground(colorAccent) }
func (s Styles) ChartWorst() lipgloss.Style { return lipgloss.NewStyle().Foreground(colorWarn) }
func (s Styles) ChartAxis() lipgloss.Style  { return s.Muted }
