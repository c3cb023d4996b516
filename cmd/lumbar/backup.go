package main

import (
	"errors"
	"fmt"
	"io/fs"

	"lumbar/store"
)

var backupCommand = command{
	name: "backup", synopsis: "FILE", summary: "write a consistent copy of your data to FILE",
	about: `Write a consistent copy of your data file to FILE, a new file (an
existing one is never replaced). Other lumbar windows may keep running
meanwhile. Open the copy with lumbar --db FILE.`,
	run: runBackup,
}

func runBackup(inv *invocation) error {
	a := inv.args
	if len(a.positional) != 1 {
		return a.refuseUsage("backup needs one FILE to write, e.g. lumbar backup ~/lumbar-2026-11.db")
	}
	target := a.positional[0]
	if target == "" {
		return a.refuseUsage("backup needs a FILE name, not an empty one")
	}
	s, err := inv.openDiaryToRead()
	if err != nil {
		return err
	}
	if s == nil {
		path, _ := dataPath(inv.args.value("db"), inv.getenv)
		return fmt.Errorf("there is no diary at %s yet: nothing to back up", quote(path))
	}
	err = s.Backup(target)
	if errors.Is(err, fs.ErrExist) {
		return fmt.Errorf("%s already exists; choose a new name for the backup", quote(target))
	}
	if err != nil {
		return err
	}
	fmt.Fprintf(inv.stdout, "backed up %s to %s\n", quote(s.Path()), quote(target))
	return nil
}

var restoreCommand = command{
	name: "restore", synopsis: "BACKUP", summary: "put a backup back in place of your data file",
	about: `Put BACKUP (a copy made by lumbar backup, or one lumbar kept before an
upgrade or a repair) back in place of your data file. The backup is
checked first, as lumbar checks any data file before writing to it, and
is never changed itself. Your data file as it was is kept beside it
(lumbar.db.before-restore-TIME.bak), then the backup takes its place in
one step.`,
	run: runRestore,
}

func runRestore(inv *invocation) error {
	a := inv.args
	if len(a.positional) != 1 || a.positional[0] == "" {
		return a.refuseUsage("restore needs one BACKUP to put back, e.g. lumbar restore ~/lumbar-2026-11.db")
	}
	path, err := dataPath(a.value("db"), inv.getenv)
	if err != nil {
		return err
	}
	backup := a.positional[0]
	kept, err := store.Restore(path, backup, inv.now())
	if err != nil {
		return err
	}
	fmt.Fprintf(inv.stdout, "restored %s from %s\n", quote(path), quote(backup))
	if kept != "" {
		fmt.Fprintf(inv.stdout, "your data file as it was is kept at %s\n", quote(kept))
	}
	return nil
}
