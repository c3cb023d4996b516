package common

import "github.com/charmbracelet/bubbles/key"

// Every tab enables its keys one way: a syncKeys method derives, from the
// tab's state alone, which keys do something now, and runs at the end of
// every Update (and after SetSize when the size changes what works). Key
// matching skips disabled keys and help hides them, so the help always
// shows what the keys do.

// SetEnabled turns bindings on or off together.
func SetEnabled(on bool, bindings ...*key.Binding) {
	for _, b := range bindings {
		b.SetEnabled(on)
	}
}

// Enabled is those of bindings that are enabled.
func Enabled(bindings ...key.Binding) []key.Binding {
	var out []key.Binding
	for _, b := range bindings {
		if b.Enabled() {
			out = append(out, b)
		}
	}
	return out
}

// HelpGroups is groups of the ? screen with their disabled keys left out,
// and groups left empty dropped, so no blank column shows.
func HelpGroups(groups ...[]key.Binding) [][]key.Binding {
	var out [][]key.Binding
	for _, g := range groups {
		if g = Enabled(g...); len(g) > 0 {
			out = append(out, g)
		}
	}
	return out
}
