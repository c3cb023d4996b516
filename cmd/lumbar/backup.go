package main

import (
	"errors"
	"fmt"
	"io/fs"
)

func runBackup(inv *invocation, args []string) int {
	if len(args) != 1 {
		return usageError(inv.system, "backup needs one FILE to write, e.g. lumbar backup ~/lumbar-2026-11.db")
	}
	err := inv.store.Backup(args[0])
	if errors.Is(err, fs.ErrExist) {
		return fail(inv.system, fmt.Errorf("%s already exists; choose a new name for the backup", args[0]))
	}
	if err != nil {
		return fail(inv.system, err)
	}
	fmt.Fprintf(inv.stdout, "backed up %s to %s\n", inv.store.Path(), args[0])
	return exitOK
}
