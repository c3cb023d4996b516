package tui

import (
	"strings"
	"testing"

	tea "github.com/charmbracelet/bubbletea"
	"github.com/charmbracelet/lipgloss"
	"github.com/muesli/termenv"

	"lumbar/store/demodata"
	"lumbar/tui/common"
	"lumbar/tui/theme"
)

// The terminal's answer comes after the first frame: every tab then draws
// in the light palette, what they keep drawn (the Guide's sections, the
// Log's chart, the week's water) included. The accent is colour 116 of
// 256 on dark backgrounds, 24 on light ones.
func TestALightAnswerRestylesEveryTab(t *testing.T) {
	before, beforeDark := lipgloss.ColorProfile(), lipgloss.HasDarkBackground()
	lipgloss.SetColorProfile(termenv.ANSI256)
	lipgloss.SetHasDarkBackground(true) // the guess
	t.Cleanup(func() {
		lipgloss.SetColorProfile(before)
		lipgloss.SetHasDarkBackground(beforeDark)
	})
	s := tempStore(t)
	if _, err := demodata.Generate(s, 1, fixedNow, 7); err != nil {
		t.Fatal(err)
	}
	m := newRoot(t, s)
	c := m.d.Common(s)
	c.Styles = theme.NewFor(false)
	m.Model = newWith(c)
	m.d.DriveRoot(m.Model)
	m.Update(tea.WindowSizeMsg{Width: 100, Height: 30})
	m.d.Run(m.Init())
	m.press("2", "l") // the Log's chart, drawn once for the data and size
	const darkAccent, lightAccent = "38;5;116m", "38;5;24m"
	views := func() []string {
		var all []string
		for id, tab := range m.tabs {
			m.active = common.TabID(id)
			all = append(all, tab.View())
		}
		m.active = common.LogTab
		return append(all, m.View())
	}
	for i, v := range views() {
		if !strings.Contains(v, darkAccent) {
			t.Fatalf("view %d is not drawn for the dark guess: %q", i, v)
		}
	}
	m.d.Deliver(BackgroundMsg{Dark: false})
	for i, v := range views() {
		if strings.Contains(v, darkAccent) || !strings.Contains(v, lightAccent) {
			t.Errorf("view %d is not drawn for the light background: %q", i, v)
		}
	}
}
