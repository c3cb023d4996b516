package main

import (
	"fmt"

	"lumbar/content"
	"lumbar/store/text"
)

var stretchCommand = command{
	name: "stretch", synopsis: "ROUTINE", summary: "follow ROUTINE in the app's player",
	about: `Open the app straight into ROUTINE's player (lumbar routines lists the
routines, yours included). The session is recorded as in the app.`,
	run: runStretch,
}

// runStretch opens the app straight into a routine's player. An unknown
// routine is reported before the app takes the terminal.
func runStretch(inv *invocation) error {
	a := inv.args
	if len(a.positional) != 1 {
		return a.refuseUsage("stretch needs one ROUTINE, e.g. lumbar stretch desk-break (lumbar routines lists them)")
	}
	id := a.positional[0]
	lib, fileErr := content.LoadUserRoutines(content.UserRoutinesPath(inv.getenv))
	if lib.Routine(id) == nil {
		problem := fmt.Sprintf("no routine called %s", quote(id))
		if best, ok := text.Closest(id, lib.RoutineIDs()); ok {
			problem += fmt.Sprintf("; did you mean %s?", best)
		} else {
			problem += "; lumbar routines lists them"
		}
		if fileErr != nil {
			problem += " (your routines.toml has problems: lumbar routines check)"
		}
		return refuse("%s", problem)
	}
	return runAppAt(inv, id)
}
