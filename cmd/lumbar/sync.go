package main

import (
	"errors"
	"fmt"
	"os"
	"strings"

	"golang.org/x/term"

	"lumbar/store"
	"lumbar/store/diary"
	"lumbar/store/text"
)

var syncCommand = command{
	name: "sync", synopsis: "[DIR] | --status [DIR]", summary: "share your diary with your other computers through a folder",
	about: `Sync your diary through DIR, a folder your own sync tool (Syncthing,
Nextcloud, Dropbox, a git repository) carries between your computers.
lumbar writes what changed here to its own file in DIR/lumbar, encrypted
with the diary's passphrase, and takes in what your other computers wrote
there. Run it on each computer; entries, water, sessions, reminder
answers, deletes and settings meet, the latest change winning.

The first sync asks for the passphrase twice (or reads it from
--passphrase-file or $LUMBAR_SYNC_PASSPHRASE) and keeps it in your data
file; give every computer the same one. A passphrase given to a later
sync must be that one. File names and sizes in DIR can
be seen by whoever sees the folder; what the files say cannot.

Each computer's data file has its own sync identity. A data file copied
to another computer takes the first's along; sync notices, refuses, and
tells you to run lumbar sync DIR --new-identity on that computer: it gets
an identity of its own and sends everything it holds again, so nothing
written on either computer is lost.

The first sync keeps DIR as the sync.dir setting: then lumbar sync alone
syncs with it, and the app (on start, every sync.interval, as it closes)
and lumbar remind sync with it on their own. lumbar config set sync.dir
off stops that.

Now and then a sync also writes a snapshot of the diary beside this
computer's file, encrypted the same way: a new computer starts from it
and reads only the changes made after it.`,
	flags: []flagSpec{
		{"passphrase-file", "FILE", "read the passphrase from the first line of FILE (later syncs check it is the diary's)"},
		{"new-identity", "", "give this computer's data file a sync identity of its own (after copying a data file), then sync"},
		{"status", "", "only tell how sync stands (DIR, else the sync.dir setting): reads, writes nothing"},
		{"json", "", "with --status: the same facts as JSON, for scripts"},
	},
	more: func() string { return syncStatusHelp },
	run:  runSync,
}

const passphraseEnv = "LUMBAR_SYNC_PASSPHRASE"

func runSync(inv *invocation) error {
	switch a := inv.args; {
	case a.has("status"):
		return runSyncStatus(inv)
	case a.has("json"):
		return a.refuseUsage("--json goes with --status")
	}
	dir, err := syncDirGiven(inv)
	if err != nil {
		return err
	}
	s, err := inv.openDiary()
	if err != nil {
		return err
	}
	given, err := inv.givenPassphrase()
	if err != nil {
		return err
	}
	if given != "" {
		if err := store.CheckSyncPassphrase(s, given); err != nil {
			return err
		}
	}
	if inv.args.has("new-identity") {
		old, replica, err := store.NewIdentity(s)
		if err != nil {
			return err
		}
		fmt.Fprintf(inv.stdout, "this computer syncs as %s now, no longer as %s; everything it holds goes out again\n",
			shortReplica(replica), shortReplica(old))
	}
	res, err := store.SyncDir(s, dir, func() (string, error) { return inv.syncPassphrase(given) })
	var unread *store.UnreadLogsError
	if err != nil && !errors.As(err, &unread) {
		return err
	}
	fmt.Fprintf(inv.stdout, "synced with %s: sent %s, took in %s from %s\n", quote(dir),
		text.Plural(res.Sent, "change"), text.Plural(res.Applied, "change"),
		text.Plural(res.Logs, "other computer"))
	if res.Kept {
		fmt.Fprintln(inv.stdout, syncKeptNote(s))
	}
	if len(res.Copies) > 0 {
		fmt.Fprintf(inv.stdout, "read %s your sync tool made as well (nothing is lost): %s\n",
			text.Plural(len(res.Copies), "copy"), text.Printable(strings.Join(res.Copies, ", ")))
	}
	reportSnapshots(inv, res)
	return err // the logs that could not be read, said last
}

// syncUsage says how sync is used, for a sync without a folder to use.
const syncUsage = "sync needs one folder DIR, e.g. lumbar sync ~/Sync; after the first sync, " +
	"lumbar sync alone uses the folder it kept (the sync.dir setting)"

// syncDirGiven is the folder to sync with: DIR, else the sync.dir
// setting, read without making a diary where there is none.
func syncDirGiven(inv *invocation) (string, error) {
	a := inv.args
	switch {
	case len(a.positional) > 1 || len(a.positional) == 1 && a.positional[0] == "":
		return "", a.refuseUsage(syncUsage)
	case len(a.positional) == 1:
		return a.positional[0], nil
	}
	set, err := loadSettings(inv)
	if err != nil {
		return "", err
	}
	if set.SyncDir == "" {
		return "", a.refuseUsage(syncUsage)
	}
	return set.SyncDir, nil
}

// syncKeptNote tells, after the sync that made its folder the sync.dir
// setting, what that setting does.
func syncKeptNote(s *store.Store) string {
	set, err := store.Read(s, store.LoadSettings)
	if err != nil {
		set = diary.DefaultSettings()
	}
	return fmt.Sprintf("kept as sync.dir: the app and lumbar remind sync with this folder every %s (sync.interval), and lumbar sync alone uses it",
		diary.FormatInterval(set.SyncInterval))
}

// reportSnapshots tells what the run did with snapshots, the diary as one
// computer held it, which spare a new computer reading every change.
func reportSnapshots(inv *invocation, res store.SyncResult) {
	if res.StartedFrom != "" {
		fmt.Fprintf(inv.stdout, "started from the snapshot %s: %s of older changes it holds were not read\n",
			text.Printable(res.StartedFrom), byteSize(res.Skipped))
	}
	if res.Snapshot > 0 {
		fmt.Fprintf(inv.stdout, "wrote a snapshot of this diary (%s) for a new computer to start from\n", byteSize(res.Snapshot))
	}
	if res.NoSnapshot != "" {
		fmt.Fprintf(inv.stdout, "wrote no snapshot for new computers (they read every change instead): %s\n",
			text.Printable(res.NoSnapshot))
	}
}

// byteSize is n bytes in the unit that reads best.
func byteSize(n int) string {
	switch {
	case n >= 1<<20:
		return fmt.Sprintf("%.1f MB", float64(n)/(1<<20))
	case n >= 1<<10:
		return fmt.Sprintf("%d KB", (n+1<<9)>>10)
	}
	return text.Plural(n, "byte")
}

// givenPassphrase is the passphrase given for this run, from
// --passphrase-file, then $LUMBAR_SYNC_PASSPHRASE; "" when none was.
func (inv *invocation) givenPassphrase() (string, error) {
	if path := inv.args.value("passphrase-file"); path != "" {
		raw, err := os.ReadFile(path)
		if err != nil {
			return "", fmt.Errorf("reading the passphrase: %w", err)
		}
		first, _, _ := strings.Cut(string(raw), "\n")
		return strings.TrimSuffix(first, "\r"), nil
	}
	return inv.getenv(passphraseEnv), nil
}

// syncPassphrase is the passphrase for a first sync: the one given, else
// asked twice on the terminal.
func (inv *invocation) syncPassphrase(given string) (string, error) {
	if given != "" {
		return given, nil
	}
	if !isTerminal(inv.stdin.Fd()) {
		return "", fmt.Errorf("the first sync needs the diary's passphrase: pass --passphrase-file FILE or set %s", passphraseEnv)
	}
	first, err := askHidden(inv, "The diary's sync passphrase (the same on every computer): ")
	if err != nil {
		return "", err
	}
	again, err := askHidden(inv, "The same passphrase again: ")
	if err != nil {
		return "", err
	}
	if first != again {
		return "", errors.New("the two passphrases differ; nothing was set up, run lumbar sync again")
	}
	return first, nil
}

func askHidden(inv *invocation, prompt string) (string, error) {
	fmt.Fprint(inv.stderr, prompt)
	raw, err := term.ReadPassword(int(inv.stdin.Fd()))
	fmt.Fprintln(inv.stderr)
	return string(raw), err
}

// shortReplica is the start of a replica ID, enough to tell computers
// apart in a message.
func shortReplica(id string) string { return text.Printable(id[:min(len(id), 8)]) }
