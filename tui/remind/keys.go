package remind

import (
	"github.com/charmbracelet/bubbles/key"
	tea "github.com/charmbracelet/bubbletea"

	"lumbar/store/diary"
	"lumbar/tui/common"
)

// KeyMap is the Remind tab's keys.
type KeyMap struct {
	AddGlass    key.Binding
	RemoveGlass key.Binding

	// Answers to the reminder due now, on this tab.
	Done    key.Binding
	Snooze  key.Binding
	Dismiss key.Binding

	// The same answers from any tab, while the banner shows: control keys
	// that no tab uses, so they cannot collide with a tab's own keys or
	// with typing.
	BannerDone    key.Binding
	BannerSnooze  key.Binding
	BannerDismiss key.Binding

	Quiet    key.Binding
	Settings key.Binding

	// The quiet-mode choices, while they are offered.
	QuietHour     key.Binding
	QuietTomorrow key.Binding
	QuietOff      key.Binding
	Cancel        key.Binding
}

// DefaultKeyMap is the Remind tab's default keys.
func DefaultKeyMap() KeyMap {
	return KeyMap{
		AddGlass:    key.NewBinding(key.WithKeys("w"), key.WithHelp("w", "+1 glass")),
		RemoveGlass: key.NewBinding(key.WithKeys("W"), key.WithHelp("W", "take one back")),

		Done:    key.NewBinding(key.WithKeys("enter"), key.WithHelp("enter", "done")),
		Snooze:  key.NewBinding(key.WithKeys("s"), key.WithHelp("s", "snooze 10m")),
		Dismiss: key.NewBinding(key.WithKeys("x"), key.WithHelp("x", "dismiss")),

		BannerDone:    key.NewBinding(key.WithKeys("ctrl+o"), key.WithHelp("ctrl+o", "done")),
		BannerSnooze:  key.NewBinding(key.WithKeys("ctrl+s"), key.WithHelp("ctrl+s", "snooze 10m")),
		BannerDismiss: key.NewBinding(key.WithKeys("ctrl+x"), key.WithHelp("ctrl+x", "dismiss")),

		Quiet:    key.NewBinding(key.WithKeys("p"), key.WithHelp("p", "quiet")),
		Settings: key.NewBinding(key.WithKeys("c"), key.WithHelp("c", "settings")),

		QuietHour:     key.NewBinding(key.WithKeys("h"), key.WithHelp("h", "for 1 hour")),
		QuietTomorrow: key.NewBinding(key.WithKeys("t"), key.WithHelp("t", "until tomorrow")),
		QuietOff:      key.NewBinding(key.WithKeys("o"), key.WithHelp("o", "off")),
		Cancel:        key.NewBinding(key.WithKeys("esc"), key.WithHelp("esc", "cancel")),
	}
}

// ShortHelp is the keys shown at the foot of the tab (a reminder due now
// shows its own answers).
func (k KeyMap) ShortHelp() []key.Binding {
	return []key.Binding{k.AddGlass, k.RemoveGlass, k.Quiet, k.Settings}
}

// FullHelp is the tab's part of the ? screen: each answer with both its
// keys, the tab's and the banner's.
func (k KeyMap) FullHelp() [][]key.Binding {
	both := func(here, anywhere key.Binding) key.Binding {
		here.SetHelp(here.Help().Key+"/"+anywhere.Help().Key, here.Help().Desc)
		return here
	}
	return [][]key.Binding{
		{k.AddGlass, k.RemoveGlass, k.Quiet, k.Settings},
		{both(k.Done, k.BannerDone), both(k.Snooze, k.BannerSnooze), both(k.Dismiss, k.BannerDismiss)},
	}
}

// answer is the answer msg gives to the reminder due now: the banner's
// keys always, the tab's own too when here.
func (k KeyMap) answer(msg tea.KeyMsg, here bool) (diary.CheckAction, bool) {
	for _, a := range []struct {
		anywhere, here key.Binding
		action         diary.CheckAction
	}{
		{k.BannerDone, k.Done, diary.ActionDone},
		{k.BannerSnooze, k.Snooze, diary.ActionSnoozed},
		{k.BannerDismiss, k.Dismiss, diary.ActionDismissed},
	} {
		if key.Matches(msg, a.anywhere) || here && key.Matches(msg, a.here) {
			return a.action, true
		}
	}
	return "", false
}

// syncKeys enables the keys that do something now: the answers while a
// reminder is due; the quiet-mode choices while they are offered, and the
// tab's other keys while they are not.
func (m *Model) syncKeys() {
	k := &m.keys
	common.SetEnabled(len(m.sched.DueNow()) > 0, &k.Done, &k.Snooze, &k.Dismiss, &k.BannerDone, &k.BannerSnooze, &k.BannerDismiss)
	common.SetEnabled(m.choosingQuiet, &k.QuietHour, &k.QuietTomorrow, &k.QuietOff, &k.Cancel)
	common.SetEnabled(!m.choosingQuiet, &k.AddGlass, &k.RemoveGlass, &k.Quiet, &k.Settings)
	if snooze := m.snap.state.Settings.Snooze; snooze > 0 {
		k.Snooze.SetHelp(k.Snooze.Help().Key, "snooze "+diary.FormatInterval(snooze))
		k.BannerSnooze.SetHelp(k.BannerSnooze.Help().Key, "snooze "+diary.FormatInterval(snooze))
	}
}
