package main

import (
	"encoding/json"
	"fmt"
	"io"
	"strings"
	"time"

	"lumbar/store"
	"lumbar/store/text"
)

// lumbar sync --status [DIR]: what sync knows, read without writing
// anything, creating anything or asking for the passphrase.

const syncStatusHelp = `lumbar sync --status [DIR] tells, without writing anything or asking
for the passphrase: this computer's replica ID, the folder (DIR, else
the sync.dir setting), how many changes wait to be sent, and each
computer whose log is in the folder: when it last wrote (the newest
change in its log, or the file's time when this computer has not read
it yet), whether this computer has taken in all of it, the copies the
sync tool made of it, and what is wrong with it, if anything.

JSON keys (--json): set_up, replica, folder, folder_from ("argument",
"sync.dir" or ""), folder_missing, pending, replicas: each with replica,
this_computer, log, copies, last_wrote, last_wrote_from ("change" or
"file"), read, caught_up, unread_changes, unread_syncs, unread_bytes,
torn_bytes, problem.
`

func runSyncStatus(inv *invocation) error {
	a := inv.args
	for _, f := range []string{"passphrase-file", "new-identity"} {
		if a.has(f) {
			return a.refuseUsage("--status only reads: it takes no --%s", f)
		}
	}
	if len(a.positional) > 1 {
		return a.refuseUsage("sync --status takes at most one folder DIR, not %d", len(a.positional))
	}
	dir := ""
	if len(a.positional) == 1 {
		if dir = a.positional[0]; dir == "" {
			return a.refuseUsage("the folder DIR is empty")
		}
	}
	s, err := inv.openDiaryToRead()
	if err != nil {
		return err
	}
	st, err := store.SyncStatusOf(s, dir)
	if err != nil {
		return err
	}
	if a.has("json") {
		out, err := json.MarshalIndent(syncStatusJSON(st), "", "  ")
		if err != nil {
			return err
		}
		fmt.Fprintln(inv.stdout, string(out))
		return nil
	}
	showSyncStatus(inv.stdout, st, inv.now().Location())
	return nil
}

func showSyncStatus(w io.Writer, st store.SyncStatus, loc *time.Location) {
	if st.Replica == "" {
		line := "this data file is not set up for sync yet: lumbar sync DIR sets it up (the same passphrase on every computer)"
		if n := len(st.Replicas); n > 0 {
			line += fmt.Sprintf("; %s holds the logs of %s already", quote(st.Folder), text.Plural(n, "computer"))
		}
		fmt.Fprintln(w, line)
		return
	}
	fmt.Fprintf(w, "this computer: replica %s\n", shortReplica(st.Replica))
	switch {
	case st.Folder == "":
		fmt.Fprintln(w, "folder: none set (lumbar sync --status DIR asks about one; lumbar config set sync.dir PATH keeps one)")
	case st.FolderMissing:
		fmt.Fprintf(w, "folder: %s holds no lumbar folder (is it the right folder? its disk connected?)\n", quote(st.Folder))
	case st.FromSetting:
		fmt.Fprintf(w, "folder: %s (sync.dir)\n", quote(st.Folder))
	default:
		fmt.Fprintf(w, "folder: %s\n", quote(st.Folder))
	}
	if st.Pending == 0 {
		fmt.Fprintln(w, "to send: nothing")
	} else {
		fmt.Fprintf(w, "to send: %s made here, sent at the next sync\n", text.Plural(st.Pending, "change"))
	}
	if st.Folder == "" || st.FolderMissing {
		return
	}
	fmt.Fprintf(w, "computers in the folder: %d\n", len(st.Replicas))
	for _, r := range st.Replicas {
		fmt.Fprintf(w, "  %-8s  %s\n", shortReplica(r.Replica), text.Printable(replicaLine(r, loc)))
		if len(r.Copies) > 0 {
			fmt.Fprintf(w, "            copies the sync tool made, read as well: %s\n", text.Printable(strings.Join(r.Copies, ", ")))
		}
	}
}

// replicaLine is what is known of one computer's log, after its ID.
func replicaLine(r store.ReplicaStatus, loc *time.Location) string {
	var parts []string
	if r.This {
		parts = append(parts, "this computer")
	}
	if r.Log == "" {
		return strings.Join(append(parts, "no log here yet: the next sync writes it"), " · ")
	}
	if r.This && r.LastWrote.IsZero() && r.Problem == "" {
		return strings.Join(append(parts, "nothing sent to this folder yet"), " · ")
	}
	if !r.LastWrote.IsZero() {
		from := "the file's time"
		if r.FromChange {
			from = "its newest change"
		}
		parts = append(parts, fmt.Sprintf("last wrote %s (%s)", r.LastWrote.In(loc).Format("2006-01-02 15:04"), from))
	}
	switch {
	case r.Problem != "":
		parts = append(parts, oneLine(r.Problem))
	case r.This:
	case !r.Read && r.UnreadFrames > 0:
		parts = append(parts, fmt.Sprintf("not read here yet: %s (%s)", text.Plural(r.UnreadFrames, "sync"), bytesOf(r.UnreadBytes)))
	case !r.Read:
		parts = append(parts, "not read here yet")
	case r.CaughtUp():
		parts = append(parts, "caught up")
	default:
		parts = append(parts, fmt.Sprintf("%s not taken in yet (%s)", text.Plural(r.UnreadChanges, "change"), bytesOf(r.UnreadBytes)))
	}
	if r.TornBytes > 0 && r.Problem == "" {
		parts = append(parts, fmt.Sprintf("%s of a sync still arriving", bytesOf(r.TornBytes)))
	}
	return strings.Join(parts, " · ")
}

type syncStatusOut struct {
	SetUp         bool               `json:"set_up"`
	Replica       string             `json:"replica"`
	Folder        string             `json:"folder"`
	FolderFrom    string             `json:"folder_from"`
	FolderMissing bool               `json:"folder_missing"`
	Pending       int                `json:"pending"`
	Replicas      []replicaStatusOut `json:"replicas"`
}

type replicaStatusOut struct {
	Replica       string     `json:"replica"`
	ThisComputer  bool       `json:"this_computer"`
	Log           string     `json:"log"`
	Copies        []string   `json:"copies"`
	LastWrote     *time.Time `json:"last_wrote"`
	LastWroteFrom string     `json:"last_wrote_from"`
	Read          bool       `json:"read"`
	CaughtUp      bool       `json:"caught_up"`
	UnreadChanges int        `json:"unread_changes"`
	UnreadSyncs   int        `json:"unread_syncs"`
	UnreadBytes   int        `json:"unread_bytes"`
	TornBytes     int        `json:"torn_bytes"`
	Problem       string     `json:"problem"`
}

// syncStatusJSON is st for scripts; every text from the folder passes
// text.Printable.
func syncStatusJSON(st store.SyncStatus) syncStatusOut {
	out := syncStatusOut{SetUp: st.Replica != "", Replica: st.Replica, Folder: text.Printable(st.Folder),
		FolderMissing: st.FolderMissing, Pending: st.Pending, Replicas: []replicaStatusOut{}}
	switch {
	case st.FromSetting:
		out.FolderFrom = "sync.dir"
	case st.Folder != "":
		out.FolderFrom = "argument"
	}
	for _, r := range st.Replicas {
		o := replicaStatusOut{Replica: r.Replica, ThisComputer: r.This, Log: text.Printable(r.Log), Copies: []string{},
			Read: r.Read, CaughtUp: r.CaughtUp(), UnreadChanges: r.UnreadChanges, UnreadSyncs: r.UnreadFrames,
			UnreadBytes: r.UnreadBytes, TornBytes: r.TornBytes, Problem: text.Printable(oneLine(r.Problem))}
		for _, c := range r.Copies {
			o.Copies = append(o.Copies, text.Printable(c))
		}
		if !r.LastWrote.IsZero() {
			o.LastWrote, o.LastWroteFrom = &r.LastWrote, "file"
			if r.FromChange {
				o.LastWroteFrom = "change"
			}
		}
		out.Replicas = append(out.Replicas, o)
	}
	return out
}

func bytesOf(n int) string { return text.Thousands(n) + " bytes" }
