package theme

import (
	"github.com/charmbracelet/glamour/ansi"
	"github.com/charmbracelet/glamour/styles"
	"github.com/charmbracelet/lipgloss"
)

// markdownStyle is glamour's style for the guide: its own dark or light
// style with lumbar's accent on headings, or plain ASCII without colour.
func markdownStyle(plain, dark bool) ansi.StyleConfig {
	if plain {
		cfg := styles.ASCIIStyleConfig
		cfg.Document.Margin = uintPtr(0)
		return cfg
	}
	cfg := styles.LightStyleConfig
	accent := colorAccent.Light
	if dark {
		cfg = styles.DarkStyleConfig
		accent = colorAccent.Dark
	}
	cfg.Document.Margin = uintPtr(0)
	cfg.Heading.Color = &accent
	cfg.H1 = ansi.StyleBlock{StylePrimitive: ansi.StylePrimitive{Color: &accent, Bold: boolPtr(true)}}
	cfg.H2.Prefix = ""
	cfg.H3.Prefix = ""
	return cfg
}

// HasDarkBackground is the terminal's background as lipgloss detected it
// (Bubble Tea asks the terminal once, at start-up).
func HasDarkBackground() bool { return lipgloss.HasDarkBackground() }

func uintPtr(u uint) *uint { return &u }
func boolPtr(b bool) *bool { return &b }
