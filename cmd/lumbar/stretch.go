package main

import (
	"fmt"

	"lumbar/content"
	"lumbar/store"
	"lumbar/tui/common"
)

// runStretch opens the app straight into a routine's player. An unknown
// routine is reported before the app takes the terminal.
func runStretch(inv *invocation, args []string) int {
	if len(args) != 1 {
		return usageError(inv.system, "stretch needs one ROUTINE, e.g. lumbar stretch desk-break (lumbar routines lists them)")
	}
	id := args[0]
	lib, fileErr := content.LoadUserRoutines(content.UserRoutinesPath(inv.getenv))
	if lib.Routine(id) == nil {
		problem := fmt.Sprintf("no routine called %q", id)
		if best, ok := store.Closest(id, lib.RoutineIDs()); ok {
			problem += fmt.Sprintf("; did you mean %s?", best)
		} else {
			problem += "; lumbar routines lists them"
		}
		if fileErr != nil {
			problem += " (your routines.toml has problems: lumbar routines check)"
		}
		return fail(inv.system, fmt.Errorf("%s", problem))
	}
	return runAppAt(inv, common.StartRoutineMsg{Routine: id})
}
