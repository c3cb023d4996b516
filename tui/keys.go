package tui

import "github.com/charmbracelet/bubbles/key"

// KeyMap is the keys the root handles itself, whatever tab is open.
type KeyMap struct {
	GoTo   key.Binding // 1–4: the digit picks the tab
	Next   key.Binding
	Prev   key.Binding
	Help   key.Binding
	Doctor key.Binding // the Guide's "When to see a doctor", from any tab
	Quit   key.Binding
}

// DefaultKeyMap is lumbar's global keys.
func DefaultKeyMap() KeyMap {
	return KeyMap{
		GoTo:   key.NewBinding(key.WithKeys("1", "2", "3", "4"), key.WithHelp("1-4", "go to tab")),
		Next:   key.NewBinding(key.WithKeys("tab"), key.WithHelp("tab", "next tab")),
		Prev:   key.NewBinding(key.WithKeys("shift+tab"), key.WithHelp("shift+tab", "previous tab")),
		Help:   key.NewBinding(key.WithKeys("?"), key.WithHelp("?", "help")),
		Doctor: key.NewBinding(key.WithKeys("!"), key.WithHelp("!", "when to see a doctor")),
		Quit:   key.NewBinding(key.WithKeys("q", "ctrl+c"), key.WithHelp("q", "quit")),
	}
}

// ShortHelp is what the status bar shows.
func (k KeyMap) ShortHelp() []key.Binding { return []key.Binding{k.Help, k.Quit} }

// FullHelp is the global part of the ? screen.
func (k KeyMap) FullHelp() [][]key.Binding {
	return [][]key.Binding{{k.GoTo, k.Next, k.Prev}, {k.Help, k.Doctor, k.Quit}}
}
