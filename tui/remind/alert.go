package remind

import (
	"io"
	"os"

	tea "github.com/charmbracelet/bubbletea"

	"lumbar/store"
	"lumbar/tui/common"
)

// Alerter makes a reminder heard when it comes due. Tests count calls.
type Alerter interface {
	// Bell rings the terminal bell.
	Bell()
	// Notify shows a desktop notification. It may take a while or fail
	// (no notification service); callers run it off the UI and ignore it.
	Notify(title, body string) error
}

// terminalAlerter rings the bell by writing BEL to the terminal Bubble Tea
// draws on (one byte, written between frames), and notifies through the
// system's own notifier when it has one (desktopNotify). Nothing leaves
// the machine.
type terminalAlerter struct{ term io.Writer }

func (a terminalAlerter) Bell() { _, _ = io.WriteString(a.term, "\a") }

func (a terminalAlerter) Notify(title, body string) error {
	return desktopNotify(title, body)
}

// defaultAlerter writes to the program's output, the terminal.
func defaultAlerter() Alerter {
	return terminalAlerter{term: os.Stdout}
}

// alert is a command that rings and notifies as the settings ask. It runs
// in its own goroutine, like every command, so a slow notification
// service never holds up the UI; its failure is ignored on purpose.
func alert(a Alerter, set store.Settings, b common.Banner) tea.Cmd {
	if !set.Bell && !set.Notify {
		return nil
	}
	return func() tea.Msg {
		if set.Bell {
			a.Bell()
		}
		if set.Notify {
			_ = a.Notify(b.Title, b.Body)
		}
		return nil
	}
}
