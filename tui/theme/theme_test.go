package theme

import (
	"testing"

	"github.com/charmbracelet/lipgloss"
	"github.com/muesli/termenv"
)

// withProfile draws with a colour profile and background for one test.
func withProfile(t *testing.T, p termenv.Profile, dark bool) {
	t.Helper()
	before, beforeDark := lipgloss.ColorProfile(), lipgloss.HasDarkBackground()
	lipgloss.SetColorProfile(p)
	lipgloss.SetHasDarkBackground(dark)
	t.Cleanup(func() {
		lipgloss.SetColorProfile(before)
		lipgloss.SetHasDarkBackground(beforeDark)
	})
}

// The three pain bands (and warning against danger) never draw alike, in
// 16, 256 or true colour, on light or dark backgrounds; without colour
// they draw nothing but the text.
func TestBandsAreDistinctInEveryPalette(t *testing.T) {
	profiles := []struct {
		name    string
		profile termenv.Profile
	}{{"16 colours", termenv.ANSI}, {"256 colours", termenv.ANSI256}, {"true colour", termenv.TrueColor}}
	for _, p := range profiles {
		for _, dark := range []bool{false, true} {
			withProfile(t, p.profile, dark)
			s := NewFor(false)
			for what, styles := range map[string][]lipgloss.Style{
				"band text":      {s.PainBand("mild"), s.PainBand("moderate"), s.PainBand("severe")},
				"calendar cells": {s.HeatCell("none"), s.HeatCell("mild"), s.HeatCell("moderate"), s.HeatCell("severe")},
				"warning":        {s.Warning, s.Danger},
			} {
				seen := map[string]int{}
				for i, st := range styles {
					drawn := st.UnsetBold().Render("5") // colour alone must tell them apart
					if drawn == "5" {
						t.Errorf("%s, dark %v: %s %d has no colour", p.name, dark, what, i)
					}
					if j, ok := seen[drawn]; ok {
						t.Errorf("%s, dark %v: %s %d and %d draw alike: %q", p.name, dark, what, j, i, drawn)
					}
					seen[drawn] = i
				}
			}
		}
	}
	withProfile(t, termenv.Ascii, true)
	s := NewFor(true)
	for _, band := range []string{"none", "mild", "moderate", "severe"} {
		if got := s.PainBand(band).Render("5") + s.HeatCell(band).Render("5"); got != "55" {
			t.Errorf("without colour, %s draws %q", band, got)
		}
	}
}
