package tui

import (
	"os"

	"lumbar/tui/termbg"
)

// AskBackground asks the terminal on tty whether its background is dark,
// for the colours of the app and of `lumbar guide`, waiting at most
// termbg.Wait for the answer. Commands that draw nothing in colour never
// ask (see package termbg/early).
func AskBackground(tty *os.File) { termbg.Ask(tty, termbg.Wait) }
