package synclog

import "strings"

// FileName is the name of replica's log in DIR/lumbar.
func FileName(replica string) string { return replica + ".log" }

// LogFile is a file of DIR/lumbar read as a log.
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
// note the person left) is ignored.
func LogFiles(names []string) []LogFile {
	var logs []LogFile
	for _, name := range names {
		if !strings.HasSuffix(name, ".log") {
			continue
		}
		replica := name[:len(name)-len(strings.TrimLeftFunc(name, isReplicaRune))]
		rest := name[len(replica):]
		if replica == "" || (rest != ".log" && !strings.HasPrefix(rest, ".") && !strings.HasPrefix(rest, " ")) {
			continue
		}
		logs = append(logs, LogFile{Name: name, Replica: replica, Copy: rest != ".log"})
	}
	return logs
}

// isReplicaRune is true of the letters of a replica ID (crypto/rand.Text:
// base32, upper case).
func isReplicaRune(r rune) bool { return (r >= 'A' && r <= 'Z') || (r >= '2' && r <= '7') }
