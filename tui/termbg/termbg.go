// Package termbg finds out whether the terminal's background is dark,
// asking the terminal once, in a bounded time, and only where lumbar
// draws in colour: the app and `lumbar guide`.
package termbg

import (
	"bytes"
	"errors"
	"os"
	"strings"
	"syscall"
	"time"

	// Imported for its init: this package's must run after Bubble Tea's,
	// which asks the terminal unless package early kept it from asking.
	_ "github.com/charmbracelet/bubbletea"
	"github.com/charmbracelet/lipgloss"
	"github.com/muesli/termenv"
	"golang.org/x/sys/unix"
	"golang.org/x/term"

	"lumbar/tui/termbg/early"
)

// askable: package early kept Bubble Tea's init from asking this
// terminal, which termenv would have asked; Ask asks it instead.
var askable bool

func init() {
	askable = early.Restore()
	if !askable {
		return
	}
	// termenv worked out its colour profile while TERM said dumb, and
	// lipgloss may have copied it: work it out again from the real TERM.
	out := termenv.DefaultOutput()
	out.Profile = out.EnvColorProfile()
	lipgloss.SetColorProfile(out.Profile)
}

// Wait bounds how long Ask waits for the terminal's answer. A terminal on
// the same computer answers within a few milliseconds, one at the far end
// of a slow ssh connection within a round trip; a terminal that never
// answers costs this much once, when the app starts, instead of termenv's
// five seconds before every command.
const Wait = 300 * time.Millisecond

// Ask asks the terminal on tty (standard output) for its background
// colour, waits at most wait for the answer, and tells lipgloss whether
// the background is dark. Without an answer lipgloss keeps termenv's
// guess: COLORFGBG if set, else dark. It asks only a terminal termenv
// would have asked (not under screen or tmux, not in the background).
func Ask(tty *os.File, wait time.Duration) {
	if !askable {
		return
	}
	if bg, err := query(tty, wait); err == nil {
		lipgloss.SetHasDarkBackground(isDark(bg))
	}
}

// The queries: the background colour (OSC 11), then the cursor position
// (DSR), which every terminal answers, so the second answer says the
// first will not come.
const (
	backgroundQuery = "\x1b]11;?\x1b\\"
	cursorQuery     = "\x1b[6n"
)

var errNoAnswer = errors.New("the terminal did not say its background colour")

// query sends both queries and reads the answers, with the terminal in
// raw mode so they are neither echoed nor held back for a line's end.
func query(tty *os.File, wait time.Duration) (string, error) {
	fd := int(tty.Fd())
	state, err := term.MakeRaw(fd)
	if err != nil {
		return "", err
	}
	defer term.Restore(fd, state)
	if _, err := tty.WriteString(backgroundQuery + cursorQuery); err != nil {
		return "", err
	}
	deadline := time.Now().Add(wait)
	var answers []byte
	buf := make([]byte, 128)
	for !cursorAnswered(answers) {
		left := time.Until(deadline)
		if left <= 0 || len(answers) > 512 {
			return "", errNoAnswer
		}
		ready, err := unix.Poll([]unix.PollFd{{Fd: int32(fd), Events: unix.POLLIN}}, int(left/time.Millisecond)+1)
		if errors.Is(err, syscall.EINTR) {
			continue
		}
		if err != nil || ready == 0 {
			return "", errNoAnswer
		}
		n, err := syscall.Read(fd, buf)
		if err != nil || n == 0 {
			return "", errNoAnswer
		}
		answers = append(answers, buf[:n]...)
	}
	return background(answers)
}

// cursorAnswered tells whether answers hold the cursor position report,
// ESC [ row ; column R.
func cursorAnswered(answers []byte) bool {
	at := bytes.LastIndex(answers, []byte("\x1b["))
	return at >= 0 && bytes.IndexByte(answers[at:], 'R') > 0
}

// background picks the colour out of the OSC 11 answer,
// ESC ] 11 ; rgb:RRRR/GGGG/BBBB ended by BEL or ESC \, as "#rrggbb".
func background(answers []byte) (string, error) {
	_, rest, ok := bytes.Cut(answers, []byte("\x1b]11;rgb:"))
	if !ok {
		return "", errNoAnswer
	}
	end := bytes.IndexAny(rest, "\a\x1b")
	if end < 0 {
		return "", errNoAnswer
	}
	parts := strings.Split(string(rest[:end]), "/")
	if len(parts) != 3 {
		return "", errNoAnswer
	}
	hex := "#"
	for _, p := range parts {
		switch len(p) {
		case 1:
			p += p // one digit stands for itself repeated
		case 2, 3, 4:
			p = p[:2] // the top eight bits, as termenv reads them
		default:
			return "", errNoAnswer
		}
		if strings.Trim(strings.ToLower(p), "0123456789abcdef") != "" {
			return "", errNoAnswer
		}
		hex += p
	}
	return hex, nil
}

// isDark decides as termenv does: a colour less than half light.
func isDark(hex string) bool {
	_, _, light := termenv.ConvertToRGB(termenv.RGBColor(hex)).Hsl()
	return light < 0.5
}
