package remind

import (
	tea "github.com/charmbracelet/bubbletea"

	"lumbar/store/diary"
	"lumbar/tui/common"
)

// Notifier shows a desktop notification. It may take a while or fail (no
// notification service); it runs off the UI and its failure is ignored.
// Tests count calls.
type Notifier func(title, body string) error

// alert makes a reminder heard as the settings ask: the terminal bell
// (Common's, like every bell of the app) and a desktop notification
// through the system's own notifier (desktopNotify). Each runs as its own
// command, so a slow notification service never holds up the UI. Nothing
// leaves the machine.
func (m *Model) alert(set diary.Settings, b common.Banner) tea.Cmd {
	var cmds []tea.Cmd
	if set.Bell {
		cmds = append(cmds, m.Bell())
	}
	if set.Notify {
		notify := m.notify
		cmds = append(cmds, func() tea.Msg {
			_ = notify(b.Title, b.Body)
			return nil
		})
	}
	return tea.Batch(cmds...)
}
