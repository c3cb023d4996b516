package stretch

import "github.com/charmbracelet/bubbles/key"

// KeyMap is every key of the Stretch tab, grouped by where it works.
type KeyMap struct {
	// The library and the stretch or routine open in it.
	Up, Down, Top, Bottom key.Binding
	Open, Back, Start     key.Binding
	Reload                key.Binding
	Sessions              key.Binding // the Sessions view

	// Settings, in the library and in the player.
	Bell, Voice, PainPrompt key.Binding

	// The player.
	Pause, Next, Previous, Stop key.Binding
	Yes, No                     key.Binding
	Skip                        key.Binding // a pain prompt
}

// DefaultKeyMap is the Stretch tab's keys: vim and arrows to move, enter
// and esc to go in and out, single letters in the player.
func DefaultKeyMap() KeyMap {
	return KeyMap{
		Up:       key.NewBinding(key.WithKeys("up", "k"), key.WithHelp("↑/k", "up")),
		Down:     key.NewBinding(key.WithKeys("down", "j"), key.WithHelp("↓/j", "down")),
		Top:      key.NewBinding(key.WithKeys("home", "g"), key.WithHelp("g", "first")),
		Bottom:   key.NewBinding(key.WithKeys("end", "G"), key.WithHelp("G", "last")),
		Open:     key.NewBinding(key.WithKeys("enter", "right", "l"), key.WithHelp("enter", "open")),
		Back:     key.NewBinding(key.WithKeys("esc", "backspace", "left", "h"), key.WithHelp("esc", "back")),
		Start:    key.NewBinding(key.WithKeys("s"), key.WithHelp("s", "start routine")),
		Reload:   key.NewBinding(key.WithKeys("r"), key.WithHelp("r", "reload routines.toml")),
		Sessions: key.NewBinding(key.WithKeys("S"), key.WithHelp("S", "sessions")),

		Bell:       key.NewBinding(key.WithKeys("b"), key.WithHelp("b", "bell on/off")),
		Voice:      key.NewBinding(key.WithKeys("v"), key.WithHelp("v", "spoken cues on/off")),
		PainPrompt: key.NewBinding(key.WithKeys("P"), key.WithHelp("P", "pain prompt on/off")),

		Pause:    key.NewBinding(key.WithKeys(" "), key.WithHelp("space", "pause/resume")),
		Next:     key.NewBinding(key.WithKeys("n"), key.WithHelp("n", "next step")),
		Previous: key.NewBinding(key.WithKeys("p"), key.WithHelp("p", "previous step")),
		Stop:     key.NewBinding(key.WithKeys("esc"), key.WithHelp("esc", "stop")),
		Yes:      key.NewBinding(key.WithKeys("y", "enter"), key.WithHelp("y", "yes, stop")),
		No:       key.NewBinding(key.WithKeys("n", "esc"), key.WithHelp("n", "keep going")),
		Skip:     key.NewBinding(key.WithKeys("enter", "esc"), key.WithHelp("enter", "skip")),
	}
}
