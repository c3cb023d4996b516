package main

import (
	"errors"
	"fmt"

	tea "github.com/charmbracelet/bubbletea"
	"github.com/mattn/go-isatty"

	"lumbar/tui"
	"lumbar/tui/common"
)

// runApp opens the TUI, after making sure there is a terminal to draw on:
// without one Bubble Tea would fail on /dev/tty or hang.
func runApp(inv *invocation) int { return runAppAt(inv, nil) }

// runAppAt is runApp opening at a place in a tab (nil: the Guide).
func runAppAt(inv *invocation, start common.Navigation) int {
	if !hasTerminal(inv) {
		return noTerminal(inv)
	}
	root := tui.New(inv.store, inv.now)
	if start != nil {
		root.StartAt(start)
	}
	program := tea.NewProgram(root, tea.WithAltScreen(), tea.WithMouseCellMotion())
	_, err := program.Run()
	if crash := root.Crash(); crash != nil {
		// The terminal is restored by now: save what can be saved, say what
		// happened, then the detail.
		if err := root.Rescue(); err != nil {
			fmt.Fprintf(inv.stderr, "lumbar: stopped by an internal error; work in progress could not be saved (%s). Details for a bug report:\n", oneLine(err.Error()))
		} else {
			fmt.Fprintln(inv.stderr, "lumbar: stopped by an internal error; your data is safe. Details for a bug report:")
		}
		fmt.Fprintln(inv.stderr, crash)
		return exitError
	}
	if err != nil {
		if errors.Is(err, tea.ErrProgramPanic) {
			// Bubble Tea has already restored the terminal and printed the stack.
			fmt.Fprintln(inv.stderr, "lumbar: something went wrong and lumbar stopped; your data is safe")
			return exitError
		}
		return fail(inv.system, err)
	}
	return exitOK
}

func hasTerminal(inv *invocation) bool {
	return isTerminal(inv.stdin.Fd()) && isTerminalWriter(inv)
}

func noTerminal(inv *invocation) int {
	fmt.Fprintln(inv.stderr, "lumbar: the app needs a terminal; run it in one, or use a command (see lumbar --help)")
	return exitError
}

func isTerminal(fd uintptr) bool {
	return isatty.IsTerminal(fd) || isatty.IsCygwinTerminal(fd)
}

func isTerminalWriter(inv *invocation) bool {
	f, ok := inv.stdout.(interface{ Fd() uintptr })
	return ok && isTerminal(f.Fd())
}
