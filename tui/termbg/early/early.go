// Package early keeps Bubble Tea v1 from asking the terminal for its
// background colour while the program's packages are initialised.
//
// Bubble Tea v1 asks in its package init (tea_init.go calls
// lipgloss.HasDarkBackground), before main runs, in every process that
// links it, and termenv waits up to five seconds for the answer (its
// OSCTimeout, a constant). A terminal that never answers, such as the
// pseudo-terminals of editors, hook runners and test harnesses, held
// every lumbar command for five seconds, and a command that draws nothing
// in colour paid a round trip to the terminal for an answer it never used.
//
// termenv does not ask when TERM starts with "dumb". This package's init,
// which runs before Bubble Tea's (the order the Go specification gives
// packages that do not import each other: by import path, once their
// imports are initialised; TestTerminalIsNotAskedDuringInit pins it),
// sets TERM=dumb when termenv would otherwise ask, and package termbg,
// which imports Bubble Tea and so is initialised after it, puts TERM back
// and works out the colour profile again. The app then asks the terminal
// itself, without waiting for the answer (termbg.Listen).
package early

import (
	"os"
	"strings"
	"syscall"
	"unsafe"
)

// term is TERM as the process started with it, when init changed it.
var term string

// changed tells whether init set TERM=dumb.
var changed bool

func init() {
	t, set := os.LookupEnv("TERM")
	if !set || !wouldAsk(t) {
		return
	}
	if os.Setenv("TERM", "dumb") == nil {
		term, changed = t, true
	}
}

// wouldAsk tells whether termenv would ask the terminal on standard
// output for its background: it is a terminal, this process is in its
// foreground, and TERM is not one termenv knows not to ask (screen and
// tmux answer for one of several terminals; dumb answers nothing).
func wouldAsk(term string) bool {
	for _, skip := range []string{"screen", "tmux", "dumb"} {
		if strings.HasPrefix(term, skip) {
			return false
		}
	}
	if os.Getenv("CI") != "" { // termenv takes a CI run for no terminal
		return false
	}
	return Foreground()
}

// Foreground tells whether standard output is a terminal and this
// process is in its foreground, where it may talk to it.
func Foreground() bool {
	var group int32
	if _, _, errno := syscall.Syscall(syscall.SYS_IOCTL, uintptr(syscall.Stdout), uintptr(syscall.TIOCGPGRP), uintptr(unsafe.Pointer(&group))); errno != 0 {
		return false // not a terminal
	}
	return int(group) == syscall.Getpgrp()
}

// Restore puts TERM back as the process started with it, and tells
// whether init had changed it, i.e. whether the terminal would have been
// asked.
func Restore() bool {
	if changed {
		os.Setenv("TERM", term)
	}
	return changed
}
