package main

import (
	"errors"
	"fmt"
	"os"

	tea "github.com/charmbracelet/bubbletea"
	"golang.org/x/term"

	"lumbar/store"
	"lumbar/store/text"
	"lumbar/tui"
)

// runApp opens the TUI on the person's data file.
func runApp(inv *invocation) error { return runAppAt(inv, "") }

// runAppAt is runApp opening a routine's player ("": the Guide). The
// data file is checked before the terminal, so a bad file is reported as
// a plain line even with no terminal.
func runAppAt(inv *invocation, routine string) error {
	tui.Prepare()
	s, err := inv.openDiary()
	if err != nil {
		return err
	}
	return runAppOn(inv, s, routine)
}

// runAppOn opens the TUI on s, after making sure there is a terminal to
// draw on: without one Bubble Tea would fail on /dev/tty or hang.
func runAppOn(inv *invocation, s *store.Store, routine string) error {
	if !hasTerminal(inv) {
		return errNoTerminal
	}
	signals := catchSignals()
	defer signals.release()
	return runProgram(inv, s, routine, signals)
}

// runProgram runs the TUI on a terminal already checked, with the end
// signals already caught: each one runs the quit path's saves.
func runProgram(inv *invocation, s *store.Store, routine string, signals *signalCatcher) error {
	root := tui.New(s, inv.now)
	if routine != "" {
		root.StartRoutine(routine)
	}
	options := []tea.ProgramOption{tea.WithAltScreen(), tea.WithMouseCellMotion(), tea.WithoutSignalHandler()}
	background, err := listenForBackground(inv)
	if err != nil {
		return err
	}
	if background != nil {
		// Whatever way runProgram ends, the terminal is given back.
		defer background.Close()
		options = append(options, tea.WithInput(background.Input))
	}
	program := tea.NewProgram(root, options...)
	signals.forward(program)
	if background != nil {
		go background.Deliver(program)
	}
	_, err = program.Run()
	if background != nil {
		background.Close() // before anything is printed: the terminal is back to lines
	}
	if crash := root.Crash(); crash != nil {
		// The terminal is restored by now: save what can be saved, say what
		// happened, then the detail.
		if err := root.SaveBeforeExit(); err != nil {
			fmt.Fprintf(inv.stderr, "lumbar: stopped by an internal error; work in progress could not be saved (%s). Details for a bug report:\n", oneLine(err.Error()))
		} else {
			fmt.Fprintln(inv.stderr, "lumbar: stopped by an internal error; your data is safe. Details for a bug report:")
		}
		fmt.Fprintln(inv.stderr, crash)
		return errShown
	}
	if sig := signals.caught(); sig != nil {
		stopped := stoppedBySignal(inv, root, sig)
		syncBeforeExit(inv, root)
		return stopped
	}
	if errors.Is(err, tea.ErrProgramPanic) {
		// Bubble Tea has already restored the terminal and printed the stack.
		return errors.New("something went wrong and lumbar stopped; your data is safe")
	}
	if err != nil {
		// The program ended without quitting (its terminal failed, say):
		// the tabs' saves have not run yet.
		saved := root.SaveBeforeExit()
		syncBeforeExit(inv, root)
		return errors.Join(err, saved)
	}
	syncBeforeExit(inv, root)
	return nil
}

// syncBeforeExit sends what changed here to the sync folder, after the
// saves, within tui.ExitSyncLimit; a failure is said, and does not
// change how lumbar exits: the changes wait for the next sync.
func syncBeforeExit(inv *invocation, root *tui.Model) {
	if err := root.SyncBeforeExit(tui.ExitSyncLimit); err != nil {
		fmt.Fprintln(inv.stderr, "lumbar:", oneLine(text.Printable(err.Error())))
	}
}

func hasTerminal(inv *invocation) bool {
	return isTerminal(inv.stdin.Fd()) && isTerminalWriter(inv)
}

var errNoTerminal = errors.New("the app needs a terminal; run it in one, or use a command (see lumbar --help)")

func isTerminal(fd uintptr) bool {
	return term.IsTerminal(int(fd))
}

// askBackground asks the terminal on standard output whether its
// background is dark, before anything is drawn in colour, waiting a
// bounded while: for output drawn once (lumbar guide).
func askBackground(inv *invocation) {
	if f, ok := inv.stdout.(*os.File); ok {
		tui.AskBackground(f)
	}
}

// listenForBackground asks the app's terminal for its background without
// waiting for the answer (tui.ListenForBackground); nil when it is not
// asked.
func listenForBackground(inv *invocation) (*tui.BackgroundListener, error) {
	out, ok := inv.stdout.(*os.File)
	if !ok {
		return nil, nil
	}
	return tui.ListenForBackground(inv.stdin, out)
}

func isTerminalWriter(inv *invocation) bool {
	f, ok := inv.stdout.(interface{ Fd() uintptr })
	return ok && isTerminal(f.Fd())
}
