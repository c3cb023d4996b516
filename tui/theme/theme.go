// Package theme holds every colour and style lumbar draws with. Colours
// adapt to light and dark terminals; under NO_COLOR (or any terminal
// without colour) lipgloss drops colour, bold and reverse alike, so
// selection and focus are also marked with text.
package theme

import (
	"github.com/charmbracelet/bubbles/help"
	"github.com/charmbracelet/lipgloss"
	"github.com/muesli/termenv"
)

// Palette: each colour is given for light and dark backgrounds.
var (
	colorAccent  = lipgloss.AdaptiveColor{Light: "#1F6F78", Dark: "#7FD1C7"} // calm teal
	colorOnAcent = lipgloss.AdaptiveColor{Light: "#FFFFFF", Dark: "#102A2D"}
	colorText    = lipgloss.AdaptiveColor{Light: "#1E1E1E", Dark: "#E6E6E6"}
	colorMuted   = lipgloss.AdaptiveColor{Light: "#6B6B6B", Dark: "#9A9A9A"}
	colorSubtle  = lipgloss.AdaptiveColor{Light: "#D0D0D0", Dark: "#3A3A3A"}
	colorBarBg   = lipgloss.AdaptiveColor{Light: "#ECEFF1", Dark: "#1E2427"}
	colorRest    = lipgloss.AdaptiveColor{Light: "#3A5BA0", Dark: "#8FB4FF"} // the player's rests
)

// The pain bands, and warnings, which share their colours. Each is given
// for 256 and 16 colours too: left to lipgloss, moderate's amber and
// severe's red both become the same red on a 16-colour terminal. The
// three bands are green, yellow and red in every palette.
var (
	colorMild = lipgloss.CompleteAdaptiveColor{
		Light: lipgloss.CompleteColor{TrueColor: "#2E7D32", ANSI256: "28", ANSI: "2"},
		Dark:  lipgloss.CompleteColor{TrueColor: "#8BD88F", ANSI256: "114", ANSI: "10"},
	}
	colorMod = lipgloss.CompleteAdaptiveColor{
		Light: lipgloss.CompleteColor{TrueColor: "#9A5B00", ANSI256: "130", ANSI: "3"},
		Dark:  lipgloss.CompleteColor{TrueColor: "#F2B84B", ANSI256: "215", ANSI: "11"},
	}
	colorSevere = lipgloss.CompleteAdaptiveColor{
		Light: lipgloss.CompleteColor{TrueColor: "#B00020", ANSI256: "124", ANSI: "1"},
		Dark:  lipgloss.CompleteColor{TrueColor: "#FF6B6B", ANSI256: "203", ANSI: "9"},
	}
	// colorOnBand is text on a band's colour (the calendar's cells): black
	// on the bright 16 colours, where white would not read.
	colorOnBand = lipgloss.CompleteAdaptiveColor{
		Light: lipgloss.CompleteColor{TrueColor: "#FFFFFF", ANSI256: "231", ANSI: "0"},
		Dark:  lipgloss.CompleteColor{TrueColor: "#102A2D", ANSI256: "16", ANSI: "0"},
	}
	colorWarn   = colorMod
	colorDanger = colorSevere
)

// Styles is everything the TUI draws with. Build it with New.
type Styles struct {
	// Plain is true when the terminal shows no colour or emphasis: views
	// then mark selection and focus with the text markers below.
	Plain bool

	App       lipgloss.Style
	Brand     lipgloss.Style
	Tab       lipgloss.Style
	ActiveTab lipgloss.Style
	Rule      lipgloss.Style
	StatusBar lipgloss.Style
	StatusKey lipgloss.Style
	Title     lipgloss.Style
	Text      lipgloss.Style
	Muted     lipgloss.Style
	Panel     lipgloss.Style
	Warning   lipgloss.Style
	Danger    lipgloss.Style
	PainNone  lipgloss.Style
	PainMild  lipgloss.Style
	PainMod   lipgloss.Style
	PainHigh  lipgloss.Style
	Help      help.Styles // the ? screen
	Markdown  Markdown
	Highlight lipgloss.Style // a search match

	// The stretch player's phases. Views also print the phase's name, so
	// it reads without colour.
	PhaseHold   lipgloss.Style
	PhaseRest   lipgloss.Style
	PhaseSwitch lipgloss.Style
	PhasePaused lipgloss.Style

	// Reminders: the banner the root draws over any tab, and the water meter.
	Banner     lipgloss.Style
	MeterFull  lipgloss.Style
	MeterEmpty lipgloss.Style

	// Text markers that keep state visible without colour.
	SelectedMarker string // before a selected list row
	ActiveOpen     string // around the active tab's label
	ActiveClose    string
}

// New builds the styles for the default renderer's colour profile.
func New() Styles {
	return NewFor(lipgloss.ColorProfile() == termenv.Ascii)
}

// NewFor builds the styles; plain selects text markers for terminals
// without colour (NO_COLOR, dumb terminals, tests).
func NewFor(plain bool) Styles {
	s := Styles{
		Plain:     plain,
		App:       lipgloss.NewStyle().Foreground(colorText),
		Brand:     lipgloss.NewStyle().Bold(true).Foreground(colorAccent).Padding(0, 1),
		Tab:       lipgloss.NewStyle().Foreground(colorMuted).Padding(0, 1),
		ActiveTab: lipgloss.NewStyle().Bold(true).Foreground(colorOnAcent).Background(colorAccent).Padding(0, 1),
		Rule:      lipgloss.NewStyle().Foreground(colorSubtle),
		StatusBar: lipgloss.NewStyle().Foreground(colorText).Background(colorBarBg),
		StatusKey: lipgloss.NewStyle().Foreground(colorAccent).Background(colorBarBg).Bold(true),
		Title:     lipgloss.NewStyle().Bold(true).Foreground(colorAccent),
		Text:      lipgloss.NewStyle().Foreground(colorText),
		Muted:     lipgloss.NewStyle().Foreground(colorMuted),
		Panel:     lipgloss.NewStyle().Border(lipgloss.RoundedBorder()).BorderForeground(colorSubtle).Padding(1, 2),
		Warning:   lipgloss.NewStyle().Foreground(colorWarn).Bold(true),
		Danger:    lipgloss.NewStyle().Foreground(colorDanger).Bold(true),
		PainNone:  lipgloss.NewStyle().Foreground(colorMuted),
		PainMild:  lipgloss.NewStyle().Foreground(colorMild),
		PainMod:   lipgloss.NewStyle().Foreground(colorMod),
		PainHigh:  lipgloss.NewStyle().Foreground(colorSevere).Bold(true),

		Markdown:  markdownStyle(plain),
		Highlight: lipgloss.NewStyle().Foreground(colorOnAcent).Background(colorWarn),

		PhaseHold:   lipgloss.NewStyle().Foreground(colorAccent).Bold(true),
		PhaseRest:   lipgloss.NewStyle().Foreground(colorRest).Bold(true),
		PhaseSwitch: lipgloss.NewStyle().Foreground(colorWarn).Bold(true),
		PhasePaused: lipgloss.NewStyle().Foreground(colorMuted).Bold(true),

		Banner:     lipgloss.NewStyle().Border(lipgloss.RoundedBorder()).BorderForeground(colorWarn).Padding(0, 1),
		MeterFull:  lipgloss.NewStyle().Foreground(colorAccent),
		MeterEmpty: lipgloss.NewStyle().Foreground(colorSubtle),

		SelectedMarker: "▌ ",
		ActiveOpen:     "",
		ActiveClose:    "",
	}
	s.Help = help.Styles{
		ShortKey:       lipgloss.NewStyle().Foreground(colorAccent),
		ShortDesc:      s.Muted,
		ShortSeparator: s.Rule,
		Ellipsis:       s.Rule,
		FullKey:        lipgloss.NewStyle().Foreground(colorAccent).Bold(true),
		FullDesc:       s.Text,
		FullSeparator:  s.Rule,
	}
	if plain {
		s.SelectedMarker = "> "
		s.Highlight = lipgloss.NewStyle() // the line is marked with SelectedMarker instead
		s.ActiveOpen, s.ActiveClose = "[", "]"
		// Padding would leave the bracketed label wider than the others.
		s.ActiveTab = s.ActiveTab.Padding(0)
		s.Tab = s.Tab.Padding(0, 1)
	}
	return s
}

// PainBand styles a band of the pain scale by its name (diary.PainBand).
func (s Styles) PainBand(band string) lipgloss.Style {
	switch band {
	case "mild":
		return s.PainMild
	case "moderate":
		return s.PainMod
	case "severe":
		return s.PainHigh
	default:
		return s.PainNone
	}
}

// Hex is the colour a style draws text in, for components that take a
// colour as a string (bubbles/progress), picked for the terminal's
// background; "" when the style has none.
func Hex(style lipgloss.Style) string {
	switch c := style.GetForeground().(type) {
	case lipgloss.AdaptiveColor:
		if lipgloss.HasDarkBackground() {
			return c.Dark
		}
		return c.Light
	case lipgloss.CompleteAdaptiveColor:
		if lipgloss.HasDarkBackground() {
			return c.Dark.TrueColor
		}
		return c.Light.TrueColor
	case lipgloss.Color:
		return string(c)
	}
	return ""
}
