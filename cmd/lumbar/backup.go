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
one step. A diary that syncs gets a sync identity of its own (a backup
put back is a copy), and its next sync takes in what the sync folder
holds: changes made after the backup come back.`,
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
	return renewRestoredIdentity(inv, path)
}

// renewRestoredIdentity gives a restored diary that syncs an identity of
// its own: a backup is a copy of the data file as it was, and a copy
// must not write under the identity the file it was made from wrote
// under since (lumbar help sync). Its next sync sends everything it holds
// and takes in what the folder holds, the changes made after the backup
// among them.
func renewRestoredIdentity(inv *invocation, path string) error {
	s, err := store.Open(path)
	if err != nil {
		return err
	}
	if id, err := store.Read(s, store.ReplicaID); err != nil || id == "" {
		return err
	}
	old, replica, err := store.NewIdentity(s)
	if err != nil {
		return err
	}
	fmt.Fprintf(inv.stdout, "it syncs as %s now, no longer as %s: its next sync sends all it holds and takes in what your sync folder holds, the changes made after the backup among them\n",
		shortReplica(replica), shortReplica(old))
	return nil
}
