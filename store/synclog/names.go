package synclog

import "strings"

// FileName is the name of replica's log in DIR/lumbar.
func FileName(replica string) string { return replica + ".log" }

// LogFile is a file of DIR/lumbar read as a log (or a snapshot).
type LogFile struct {
	Name    string
	Replica string
	// Copy is true for a copy a sync tool made of a replica's log
	// (Syncthing's "*.sync-conflict-*", Nextcloud's and Dropbox's
	// "(conflicted copy …)"): read as an extra log, since operations are
	// idempotent, and reported.
	Copy bool
}

// LogFiles picks the logs, and copies of logs, out of the names of the
// files in DIR/lumbar; anything else (a sync tool's temporary files, a
// note the person left, snapshots) is ignored.
func LogFiles(names []string) []LogFile { return filesEnding(names, ".log") }

// SnapshotName is the name of replica's snapshot in DIR/lumbar.
func SnapshotName(replica string) string { return replica + ".snap" }

// SnapshotTemporary is the name replica's snapshot is written under
// before it is renamed into place: neither a log nor a snapshot to a
// reader, and one name, so a run cut short leaves one stray file at most,
// which the next snapshot overwrites.
func SnapshotTemporary(replica string) string { return "." + replica + ".snap.tmp" }

// SnapshotFiles picks the snapshots, and copies a sync tool made of them,
// out of the names of the files in DIR/lumbar.
func SnapshotFiles(names []string) []LogFile { return filesEnding(names, ".snap") }

// filesEnding picks the files named <replica><ext>, and copies of them,
// out of names.
func filesEnding(names []string, ext string) []LogFile {
	var files []LogFile
	for _, name := range names {
		if !strings.HasSuffix(name, ext) {
			continue
		}
		replica := name[:len(name)-len(strings.TrimLeftFunc(name, isReplicaRune))]
		rest := name[len(replica):]
		if replica == "" || (rest != ext && !strings.HasPrefix(rest, ".") && !strings.HasPrefix(rest, " ")) {
			continue
		}
		files = append(files, LogFile{Name: name, Replica: replica, Copy: rest != ext})
	}
	return files
}

// isReplicaRune is true of the letters of a replica ID (crypto/rand.Text:
// base32, upper case).
func isReplicaRune(r rune) bool { return (r >= 'A' && r <= 'Z') || (r >= '2' && r <= '7') }
