package common

import (
	"strings"

	"github.com/charmbracelet/bubbles/key"
	tea "github.com/charmbracelet/bubbletea"
	"github.com/charmbracelet/lipgloss"
)

// NotBuilt is the panel a tab shows until its own work lands: it says
// plainly what the tab will do, and takes no keys of its own.
type NotBuilt struct {
	styles        lipgloss.Style
	title         lipgloss.Style
	muted         lipgloss.Style
	name, purpose string
	width, height int
}

// NewNotBuilt makes the panel for the tab called name.
func NewNotBuilt(c Common, name, purpose string) *NotBuilt {
	return &NotBuilt{styles: c.Styles.Panel, title: c.Styles.Title, muted: c.Styles.Muted, name: name, purpose: purpose}
}

func (n *NotBuilt) Init() tea.Cmd                       { return nil }
func (n *NotBuilt) Update(tea.Msg) (tea.Model, tea.Cmd) { return n, nil }
func (n *NotBuilt) SetSize(width, height int)           { n.width, n.height = width, height }
func (n *NotBuilt) ShortHelp() []key.Binding            { return nil }
func (n *NotBuilt) FullHelp() [][]key.Binding           { return nil }

func (n *NotBuilt) View() string {
	inner := min(n.width-8, 72) // panel border and padding take 6 columns, plus a margin
	body := strings.Join([]string{
		n.title.Render(n.name + " — not built yet"),
		"",
		lipgloss.NewStyle().Width(inner).Render(n.purpose),
	}, "\n")
	panel := n.styles.Width(inner + 6).Render(body)
	return lipgloss.Place(n.width, n.height, lipgloss.Center, lipgloss.Center, panel)
}
