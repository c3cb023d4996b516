package tui

import (
	"os"

	"lumbar/content"
	"lumbar/tui/termbg"
)

// AskBackground asks the terminal on tty whether its background is dark,
// for the colours of the app and of `lumbar guide`, waiting at most
// termbg.Wait for the answer. Commands that draw nothing in colour never
// ask (see package termbg/early).
func AskBackground(tty *os.File) { termbg.Ask(tty, termbg.Wait) }

// Prepare starts, on another core, the work the app's first frame needs
// that does not depend on the data file: parsing the built-in stretch
// library (about 2 ms), which the Stretch tab would otherwise do while the
// app is built, after the data file's check. Call it before opening the
// data file; New waits for it if it is not done.
func Prepare() {
	go content.BuiltIn()
}
