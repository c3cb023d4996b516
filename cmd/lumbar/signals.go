package main

import (
	"fmt"
	"os"
	"os/signal"
	"sync"
	"syscall"

	tea "github.com/charmbracelet/bubbletea"

	"lumbar/store/text"
	"lumbar/tui"
)

// endSignals end the app as q does: SIGINT (ctrl+c reaches the app as a
// key; as a signal it comes from kill), SIGTERM (kill, a shutdown) and
// SIGHUP (the terminal closed). Left to Go they kill the process at once
// (SIGHUP) or become Bubble Tea's plain quit (SIGINT, SIGTERM), and the
// tabs' saves never run.
var endSignals = []os.Signal{syscall.SIGINT, syscall.SIGTERM, syscall.SIGHUP}

// signalCatcher holds the end signals from the moment the app's work
// begins, so none of them can end the process without its saves (or
// leave `lumbar demo`'s temporary folder behind).
type signalCatcher struct {
	ch   chan os.Signal
	done chan struct{}

	mu    sync.Mutex
	first os.Signal // the first signal caught, nil while none
}

func catchSignals() *signalCatcher {
	c := &signalCatcher{ch: make(chan os.Signal, 1), done: make(chan struct{})}
	signal.Notify(c.ch, endSignals...)
	return c
}

// forward hands each signal to the running program as a tui.StopMsg,
// which runs the quit path's saves in the program's own Update.
func (c *signalCatcher) forward(p *tea.Program) {
	go func() {
		for {
			select {
			case s := <-c.ch:
				c.record(s)
				p.Send(tui.StopMsg{Signal: s}) // returns at once once the program has ended
			case <-c.done:
				return
			}
		}
	}()
}

func (c *signalCatcher) record(s os.Signal) {
	c.mu.Lock()
	defer c.mu.Unlock()
	if c.first == nil {
		c.first = s
	}
}

// caught is the first signal received so far, or nil.
func (c *signalCatcher) caught() os.Signal {
	select {
	case s := <-c.ch: // not forwarded (yet): no program was running
		c.record(s)
	default:
	}
	c.mu.Lock()
	defer c.mu.Unlock()
	return c.first
}

// release gives the signals back to Go's defaults.
func (c *signalCatcher) release() {
	signal.Stop(c.ch)
	close(c.done)
}

// stoppedError is the outcome of a run ended by a signal: the exit
// status is 128 + the signal's number, as shells report it.
type stoppedError struct{ sig os.Signal }

func (e stoppedError) Error() string { return fmt.Sprintf("stopped by %v", e.sig) }

// exitStatus is 128 + the signal's number.
func (e stoppedError) exitStatus() int {
	if n, ok := e.sig.(syscall.Signal); ok {
		return 128 + int(n)
	}
	return exitError
}

// stoppedBySignal finishes the saves a signal asked for (they ran in the
// program, unless it ended before the signal reached it) and says on
// stderr what could not be saved.
func stoppedBySignal(inv *invocation, root *tui.Model, sig os.Signal) error {
	if err := root.SaveBeforeExit(); err != nil {
		fmt.Fprintf(inv.stderr, "lumbar: stopped by %v; work in progress could not be saved: %s\n", sig, oneLine(text.Printable(err.Error())))
	}
	return stoppedError{sig}
}
