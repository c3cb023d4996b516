// Command lumbar is a terminal self-care companion for lower back pain:
// with no command it opens the app; its subcommands do the same chores
// from a shell. Exit status: 0 done, 1 failed, 2 misused.
package main

import (
	"os"
	"time"
)

func main() {
	os.Exit(run(os.Args[1:], system{
		stdin:    os.Stdin,
		stdout:   os.Stdout,
		stderr:   os.Stderr,
		getenv:   os.Getenv,
		now:      time.Now,
		openFile: openWithSystem,
	}))
}
