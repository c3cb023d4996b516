// Package termbg finds out whether the terminal's background is dark,
// asking the terminal once, and only where lumbar draws in colour: the
// app, which never waits for the answer (Listen), and `lumbar guide`,
// which waits a bounded while (Ask).
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

func init() {
	if !early.Restore() {
		return
	}
	// termenv worked out its colour profile while TERM said dumb, and
	// lipgloss may have copied it: work it out again from the real TERM.
	out := termenv.DefaultOutput()
	out.Profile = out.EnvColorProfile()
	lipgloss.SetColorProfile(out.Profile)
}

// Askable tells whether to ask the terminal on standard output for its
// background: lumbar draws in colour there (not under NO_COLOR, not on a
// dumb terminal), and this process is in the terminal's foreground, where
// it may read the answer. Screen and tmux are asked too (termenv would
// not): tmux answers for the terminal it runs in, and a multiplexer that
// does not answers DA1, which ends the wait at once.
func Askable() bool {
	return lipgloss.ColorProfile() != termenv.Ascii && early.Foreground()
}

// Wait bounds how long Ask waits for the terminal's answer. A terminal on
// the same computer answers within a few milliseconds, one at the far end
// of a slow ssh connection within a round trip; a terminal that never
// answers costs this much once, in `lumbar guide`, instead of termenv's
// five seconds before every command. The app never waits (Listen).
const Wait = 300 * time.Millisecond

// Ask asks the terminal on tty (standard output) for its background
// colour, waits at most wait for the answer, and tells lipgloss whether
// the background is dark. Without an answer lipgloss keeps termenv's
// guess: COLORFGBG if set, else dark. It is for output drawn once (the
// guide printed to the terminal); the app asks with Listen, and waits
// for nothing.
func Ask(tty *os.File, wait time.Duration) {
	if !Askable() || !readable(tty) {
		return
	}
	if bg, err := query(tty, wait); err == nil {
		lipgloss.SetHasDarkBackground(isDark(bg))
	}
}

// readable tells whether the answer can be read where the question is
// written: not when standard output was opened for writing alone (lumbar
// guide > /dev/tty), where the answer would be left for the shell to read
// as typing.
func readable(tty *os.File) bool {
	flags, err := unix.FcntlInt(tty.Fd(), unix.F_GETFL, 0)
	return err == nil && flags&unix.O_ACCMODE == unix.O_RDWR
}

var errNoAnswer = errors.New("the terminal did not say its background colour")

// query sends the queries and reads the replies, with the terminal in
// raw mode so they are neither echoed nor held back for a line's end.
// What the person types meanwhile is lost, as it was to termenv's query.
func query(tty *os.File, wait time.Duration) (string, error) {
	fd := int(tty.Fd())
	state, err := term.MakeRaw(fd)
	if err != nil {
		return "", err
	}
	defer term.Restore(fd, state)
	if _, err := tty.WriteString(queries); err != nil {
		return "", err
	}
	deadline := time.Now().Add(wait)
	var replies replyFilter
	buf := make([]byte, 128)
	for {
		left := time.Until(deadline)
		if left <= 0 {
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
		got := replies.feed(buf[:n])
		switch {
		case got.background != "":
			return got.background, nil
		case got.devices:
			return "", errNoAnswer
		}
	}
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
