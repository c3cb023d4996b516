package guide

import (
	"github.com/charmbracelet/bubbles/key"

	"lumbar/tui/common"
)

// KeyMap is the Guide tab's keys.
type KeyMap struct {
	Up, Down         key.Binding
	PageUp, PageDown key.Binding
	Top, Bottom      key.Binding
	Prev, Next       key.Binding // previous/next section
	Open             key.Binding // open the section under the cursor
	ToList, ToText   key.Binding // move focus between the panes
	Search           key.Binding
	NextMatch        key.Binding
	PrevMatch        key.Binding
	Clear            key.Binding
	Links            key.Binding
}

// DefaultKeyMap is the Guide's keys: vim and arrows alike.
func DefaultKeyMap() KeyMap {
	return KeyMap{
		Up:        key.NewBinding(key.WithKeys("k", "up"), key.WithHelp("↑/k", "up")),
		Down:      key.NewBinding(key.WithKeys("j", "down"), key.WithHelp("↓/j", "down")),
		PageUp:    key.NewBinding(key.WithKeys("pgup", "b", "ctrl+u"), key.WithHelp("pgup/b", "page up")),
		PageDown:  key.NewBinding(key.WithKeys("pgdown", " ", "ctrl+d"), key.WithHelp("pgdn/space", "page down")),
		Top:       key.NewBinding(key.WithKeys("g", "home"), key.WithHelp("g", "top")),
		Bottom:    key.NewBinding(key.WithKeys("G", "end"), key.WithHelp("G", "bottom")),
		Prev:      key.NewBinding(key.WithKeys("["), key.WithHelp("[", "previous section")),
		Next:      key.NewBinding(key.WithKeys("]"), key.WithHelp("]", "next section")),
		Open:      key.NewBinding(key.WithKeys("enter"), key.WithHelp("enter", "open section")),
		ToList:    key.NewBinding(key.WithKeys("h", "left"), key.WithHelp("←/h", "section list")),
		ToText:    key.NewBinding(key.WithKeys("l", "right"), key.WithHelp("→/l", "back to text")),
		Search:    key.NewBinding(key.WithKeys("/"), key.WithHelp("/", "search")),
		NextMatch: key.NewBinding(key.WithKeys("n"), key.WithHelp("n", "next match")),
		PrevMatch: key.NewBinding(key.WithKeys("N"), key.WithHelp("N", "previous match")),
		Clear:     key.NewBinding(key.WithKeys("esc"), key.WithHelp("esc", "clear search")),
		Links:     key.NewBinding(key.WithKeys("o"), key.WithHelp("o", "follow a link")),
	}
}

// ShortHelp is the Guide's most used keys.
func (m *Model) ShortHelp() []key.Binding {
	k := m.keys
	return []key.Binding{k.Search, k.Links, k.Next}
}

// FullHelp is every Guide key; keys that do nothing right now are disabled
// and so hidden.
func (m *Model) FullHelp() [][]key.Binding {
	k := m.keys
	return [][]key.Binding{
		{k.Up, k.Down, k.PageUp, k.PageDown, k.Top, k.Bottom},
		{k.Prev, k.Next, k.Open, k.ToList, k.ToText},
		{k.Search, k.NextMatch, k.PrevMatch, k.Clear, k.Links},
	}
}

// syncKeys enables exactly the keys that do something in the current state.
func (m *Model) syncKeys() {
	k := &m.keys
	hasMatches := len(m.search.matches) > 0
	common.SetEnabled(hasMatches, &k.NextMatch, &k.PrevMatch)
	common.SetEnabled(hasMatches || m.search.query != "", &k.Clear)
	common.SetEnabled(m.wide && m.focus == focusText, &k.ToList)
	common.SetEnabled(m.wide && m.focus == focusList, &k.ToText, &k.Open)
	common.SetEnabled(len(m.links()) > 0, &k.Links)
}
