package store

import (
	"crypto/subtle"
	"encoding/binary"
	"encoding/json"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"strings"

	"lumbar/store/diary"
	"lumbar/store/oplog"
	"lumbar/store/synclog"
	"lumbar/store/text"

	bolt "go.etcd.io/bbolt"
)

// A sync run (SyncDir) with a folder another program carries between
// computers: this replica appends what its outbox holds to its own log,
// DIR/lumbar/<replica>.log, then applies what every other log (and any
// copy a sync tool made of one) holds past the point it last applied,
// starting, where it has read nothing of some logs yet, from another
// replica's snapshot (snapshotstart.go); when due, it writes a snapshot
// of its own (snapshot.go).
// The data file keeps this replica's log key and the passphrase (it is
// private to its owner, 0600), and, for each log read, its key and how
// far it was applied.

var (
	keyLogKey     = []byte("log_key")    // in sync: this replica's log key (synclog.Key)
	keyPassphrase = []byte("passphrase") // in sync: the diary's sync passphrase
	keySent       = []byte("sent")       // in sync: how far this replica's own log holds whole frames
	bucketLogs    = []byte("logs")       // in sync: log file name → readLog (JSON)
)

// readLog is how far a log was read and applied.
type readLog struct {
	Key string `json:"key"` // the log's key, unwrapped once
	At  int    `json:"at"`  // the byte where the next frame begins; 0: where the first does
}

// SyncResult tells what a sync run did.
type SyncResult struct {
	Sent    int      // operations appended to this replica's log
	Applied int      // operations of other replicas that changed the file
	Logs    int      // other replicas' logs read
	Copies  []string // copies sync tools made of logs, read as extra logs
	Frames  int      // frames of other replicas' logs read
	// Kept is true when this run made the folder the sync.dir setting,
	// which was never set: the app and lumbar remind sync with it from now on.
	Kept bool

	StartedFrom string // the snapshot of another replica this run started from ("": none)
	Skipped     int    // bytes of logs that snapshot spared reading
	Snapshot    int    // bytes of the snapshot of this replica written (0: none was due)
	NoSnapshot  string // why a snapshot that was due was not written
}

// SyncDir runs a sync with the folder dir, which must exist (a missing
// one may be a disk not connected: making it would sync into the
// computer's own disk instead). The first run sets the file up as a
// replica, with the passphrase passphrase gives (asked only then); a
// passphrase that does not open the logs already in the folder is refused
// before anything is written. A folder given while the sync.dir setting
// was never set becomes that setting, in the set-up's transaction.
// One sync of a data file runs at a time (lockSync).
func SyncDir(s *Store, dir string, passphrase func() (string, error)) (SyncResult, error) {
	var res SyncResult
	dir, err := syncFolder(dir)
	if err != nil {
		return res, err
	}
	release, err := s.lockSync()
	if err != nil {
		return res, err
	}
	defer release()
	folder := filepath.Join(dir, "lumbar")
	if err := os.MkdirAll(folder, 0o700); err != nil {
		return res, err
	}
	me, err := setUpReplica(s, dir, passphrase)
	if err != nil {
		return res, err
	}
	if res.Kept, err = keepFolderUnlessSet(s, dir, me); err != nil {
		return res, err
	}
	if res.Sent, err = sendOutbox(s, folder, me); err != nil {
		return res, err
	}
	if err = startFromSnapshot(s, folder, me, &res); err != nil {
		return res, err
	}
	var unread *UnreadLogsError
	if err = receiveLogs(s, folder, me, &res); err != nil && !errors.As(err, &unread) {
		return res, err
	}
	if err := snapshotIfDue(s, folder, me, &res); err != nil {
		return res, err
	}
	return res, err
}

// syncFolder is dir made absolute, once it is known to be a folder.
func syncFolder(dir string) (string, error) {
	abs, err := filepath.Abs(dir)
	if err != nil {
		return "", err
	}
	if info, err := os.Stat(abs); err != nil || !info.IsDir() {
		return "", fmt.Errorf("%s is not a folder: make it (or let your sync tool make it), or connect the disk it is on",
			strconv.Quote(text.Printable(dir)))
	}
	return abs, nil
}

// replicaSetUp is what a sync run needs of this replica.
type replicaSetUp struct {
	id         string
	key        synclog.Key
	passphrase string
	folderSet  bool // the sync.dir setting holds a value (a folder, or off), or the set-up settled it
	folderKept bool // this run's set-up made dir the sync.dir setting
}

func setUpReplica(s *Store, dir string, passphrase func() (string, error)) (replicaSetUp, error) {
	folder := filepath.Join(dir, "lumbar")
	me, err := Read(s, readSetUp)
	if err != nil || me.id != "" {
		return me, err
	}
	if me.passphrase, err = passphrase(); err != nil {
		return me, err
	}
	if me.passphrase == "" {
		return me, errors.New("the sync passphrase is empty")
	}
	opened, err := checkPassphrase(folder, me.passphrase)
	if err != nil {
		return me, err
	}
	if me.key, err = synclog.NewKey(); err != nil {
		return me, err
	}
	err = s.Update(func(tx *Tx) error {
		if me.id, err = StartReplica(tx); err != nil {
			return err
		}
		b := tx.btx.Bucket(bucketSync)
		if err := errors.Join(b.Put(keyLogKey, []byte(me.key.String())), b.Put(keyPassphrase, []byte(me.passphrase))); err != nil {
			return err
		}
		me.folderSet = true
		if me.folderKept, err = keepFolder(tx, dir); err != nil {
			return err
		}
		if opened.name == "" {
			return nil
		}
		return keepLogRead(tx, opened.name, opened.read) // so its key is not unwrapped twice
	})
	return me, err
}

// CheckSyncPassphrase refuses a passphrase given for a sync run
// (synclog.ErrWrongPassphrase) when the file is a replica already and it
// is not the one the replica was set up with: a script or a person giving
// another passphrase is told, not silently ignored. A file that is not a
// replica yet has nothing to check against: its first sync checks the
// passphrase against the folder's logs.
func CheckSyncPassphrase(s *Store, given string) error {
	me, err := Read(s, readSetUp)
	if err != nil || me.id == "" {
		return err
	}
	if subtle.ConstantTimeCompare([]byte(given), []byte(me.passphrase)) != 1 {
		return synclog.ErrWrongPassphrase
	}
	return nil
}

// syncDirSetting is the setting naming the folder the app and lumbar
// remind sync with.
const syncDirSetting = "sync.dir"

// keepFolder makes dir the sync.dir setting unless that holds a value
// already (another folder, or off: the person's own choice), and tells
// whether it did. A path the setting would refuse is left out rather
// than failing the sync.
func keepFolder(tx *Tx, dir string) (kept bool, err error) {
	if settingBytes(tx, syncDirSetting) != nil || !canBeSyncDir(dir) {
		return false, nil
	}
	return true, ChangeSettings(tx, map[string]string{syncDirSetting: dir})
}

func canBeSyncDir(dir string) bool {
	st, err := diary.LookupSetting(syncDirSetting)
	return err == nil && st.Check(dir) == nil
}

// keepFolderUnlessSet is keepFolder for a replica set up before this run
// whose sync.dir was never set, in a transaction of its own; it tells
// what the set-up did, when this run set the replica up.
func keepFolderUnlessSet(s *Store, dir string, me replicaSetUp) (kept bool, err error) {
	if me.folderSet || !canBeSyncDir(dir) {
		return me.folderKept, nil
	}
	err = s.Update(func(tx *Tx) (err error) {
		kept, err = keepFolder(tx, dir)
		return err
	})
	return kept, err
}

func readSetUp(tx *Tx) (replicaSetUp, error) {
	b, err := tx.syncBucket()
	if err != nil {
		return replicaSetUp{}, err
	}
	me := replicaSetUp{id: string(b.Get(keyReplica)), passphrase: string(b.Get(keyPassphrase)),
		folderSet: settingBytes(tx, syncDirSetting) != nil}
	if me.id == "" {
		return me, nil
	}
	if me.key, err = synclog.ParseKey(string(b.Get(keyLogKey))); err != nil {
		return me, fmt.Errorf("this replica's sync key: %w", err)
	}
	return me, nil
}

// openedLog is a log whose key a sync run has unwrapped, and where its
// frames begin.
type openedLog struct {
	name string
	read readLog
}

// checkPassphrase opens the key of the first log in the folder with
// passphrase, so a wrong one is refused before this file becomes a
// replica of a diary it cannot read. It returns that log (none when the
// folder holds no log with a whole header yet).
func checkPassphrase(folder, passphrase string) (openedLog, error) {
	logs, err := logsIn(folder)
	if err != nil {
		return openedLog{}, err
	}
	for _, l := range logs {
		start, err := logStart(filepath.Join(folder, l.Name)) // the header is all it needs
		if err != nil {
			return openedLog{}, err
		}
		h, complete, err := synclog.ReadHeader(start)
		if err != nil || !complete {
			continue // refused, or read later, when logs are read
		}
		key, err := synclog.Unwrap(h.Wrapped, passphrase)
		if err != nil {
			return openedLog{}, logError(l.Name, err)
		}
		return openedLog{name: l.Name, read: readLog{Key: key.String(), At: h.Frames}}, nil
	}
	return openedLog{}, nil
}

func logsIn(folder string) ([]synclog.LogFile, error) {
	names, err := namesIn(folder)
	return synclog.LogFiles(names), err
}

// namesIn is the names of the files in folder.
func namesIn(folder string) ([]string, error) {
	entries, err := os.ReadDir(folder)
	if err != nil {
		return nil, err
	}
	var names []string
	for _, e := range entries {
		if e.Type().IsRegular() {
			names = append(names, e.Name())
		}
	}
	return names, nil
}

func logError(name string, err error) error {
	if err == nil {
		return nil
	}
	return fmt.Errorf("sync log %s: %w", name, err)
}

// outboxUpTo is the outbox and the sequence number of its last operation.
func outboxUpTo(tx *Tx) (ops []oplog.Op, last uint64, err error) {
	b, err := tx.syncBucket()
	if err != nil {
		return nil, 0, err
	}
	if k, _ := b.Bucket(bucketOutbox).Cursor().Last(); k != nil {
		last = binary.BigEndian.Uint64(k)
	}
	ops, err = Outbox(tx)
	return ops, last, err
}

// dropOutbox takes out the operations up to sequence number last.
func dropOutbox(b *bolt.Bucket, last uint64) error {
	c := b.Bucket(bucketOutbox).Cursor()
	for k, _ := c.First(); k != nil && binary.BigEndian.Uint64(k) <= last; k, _ = c.First() {
		if err := c.Delete(); err != nil {
			return err
		}
	}
	return nil
}

// UnreadLogsError is a sync run that took in every other computer's log
// but these: one damaged, foreign, from a newer lumbar or made with
// another passphrase holds up no other. Its errors match the logs' own
// (errors.Is(err, synclog.ErrWrongPassphrase)).
type UnreadLogsError struct {
	Logs []UnreadLog
}

// UnreadLog is a log a sync run could not read, and why.
type UnreadLog struct {
	Name string
	Err  error
}

func (e *UnreadLogsError) Error() string {
	if len(e.Logs) == 1 {
		return logError(e.Logs[0].Name, e.Logs[0].Err).Error() + "; the other computers' changes were taken in"
	}
	parts := make([]string, len(e.Logs))
	for i, l := range e.Logs {
		parts[i] = l.Name + ": " + l.Err.Error()
	}
	return fmt.Sprintf("%d sync logs could not be read (%s); the other computers' changes were taken in",
		len(e.Logs), strings.Join(parts, "; "))
}

func (e *UnreadLogsError) Unwrap() []error {
	errs := make([]error, len(e.Logs))
	for i, l := range e.Logs {
		errs[i] = l.Err
	}
	return errs
}

// logFault marks an error of a log itself (its file, its format, its
// passphrase), as against one of this data file, which stops the run.
type logFault struct{ error }

func (f logFault) Unwrap() error { return f.error }

// asLogFault marks err, if any, as the log's own.
func asLogFault(err error) error {
	if err == nil {
		return nil
	}
	return logFault{err}
}

// receiveLogs applies every other log past where it was last applied,
// one transaction per log. A log that cannot be read is passed over
// and named in an *UnreadLogsError once the rest are in; a failure of
// the data file stops the run at once.
func receiveLogs(s *Store, folder string, me replicaSetUp, res *SyncResult) error {
	logs, err := logsIn(folder)
	if err != nil {
		return err
	}
	var unread []UnreadLog
	for _, l := range logs {
		if l.Name == synclog.FileName(me.id) {
			continue
		}
		if l.Copy {
			res.Copies = append(res.Copies, l.Name)
		}
		applied, frames, err := receiveLog(s, folder, l.Name, me.passphrase)
		res.Frames += frames
		res.Applied += applied
		var fault logFault
		switch {
		case errors.As(err, &fault):
			unread = append(unread, UnreadLog{Name: l.Name, Err: fault.error})
			continue
		case err != nil:
			return logError(l.Name, err)
		}
		res.Logs++
	}
	slices.Sort(res.Copies)
	if len(unread) > 0 {
		return &UnreadLogsError{Logs: unread}
	}
	return nil
}

func receiveLog(s *Store, folder, name, passphrase string) (applied, frameCount int, err error) {
	data, err := os.ReadFile(filepath.Join(folder, name))
	if err != nil {
		return 0, 0, asLogFault(err)
	}
	seen, err := Read(s, func(tx *Tx) (readLog, error) { return logRead(tx, name) })
	if err != nil {
		return 0, 0, err
	}
	known := seen.Key != "" && seen.At != 0
	if !known {
		h, complete, err := synclog.ReadHeader(data)
		if err != nil || !complete {
			return 0, 0, asLogFault(err)
		}
		seen.At = h.Frames
		if seen.Key == "" {
			key, err := synclog.Unwrap(h.Wrapped, passphrase)
			if err != nil {
				return 0, 0, asLogFault(err)
			}
			seen.Key = key.String()
		}
	}
	key, err := synclog.ParseKey(seen.Key)
	if err != nil {
		return 0, 0, err
	}
	for {
		frames, next, readErr := synclog.ReadFramesWithin(data, seen.At, key, applyBudget)
		readErr = asLogFault(readErr) // the frames before a damaged one are still taken in
		if known && len(frames) == 0 && next == seen.At {
			return applied, frameCount, readErr // nothing new: no write, so no revision for every app to reload
		}
		seen.At = next
		n, err := applyFrames(s, name, seen, frames)
		if err != nil {
			return applied, frameCount, err
		}
		applied, frameCount, known = applied+n, frameCount+len(frames), true
		if readErr != nil || len(frames) == 0 {
			return applied, frameCount, readErr
		}
	}
}

// applyBudget is about how many bytes of a log one transaction takes in.
// A long log (a new computer's first sync reads years) goes in parts, each
// its own transaction that notes how far it got: the app and the commands
// never wait long for the file, and a run cut short keeps what it took in.
var applyBudget = 4 << 20

// applyFrames applies frames of the log name in one transaction, noting
// that it was read up to seen.At.
func applyFrames(s *Store, name string, seen readLog, frames [][]oplog.Op) (applied int, err error) {
	err = s.Update(func(tx *Tx) error {
		for _, ops := range frames {
			n, err := ApplyOps(tx, ops)
			if err != nil {
				return err
			}
			applied += n
		}
		return keepLogRead(tx, name, seen)
	})
	return applied, err
}

func logRead(tx *Tx, name string) (readLog, error) {
	var seen readLog
	logs := tx.btx.Bucket(bucketSync).Bucket(bucketLogs)
	if logs == nil {
		return seen, nil
	}
	raw := logs.Get([]byte(name))
	if raw == nil {
		return seen, nil
	}
	return seen, json.Unmarshal(raw, &seen)
}

// logsRead is how far each log this replica has read was applied, by
// name.
func logsRead(tx *Tx) (map[string]readLog, error) {
	seen := map[string]readLog{}
	logs := tx.btx.Bucket(bucketSync).Bucket(bucketLogs)
	if logs == nil {
		return seen, nil
	}
	err := logs.ForEach(func(name, raw []byte) error {
		var l readLog
		if err := json.Unmarshal(raw, &l); err != nil {
			return fmt.Errorf("sync log %s: %w", name, err)
		}
		seen[string(name)] = l
		return nil
	})
	return seen, err
}

func keepLogRead(tx *Tx, name string, seen readLog) error {
	logs, err := tx.btx.Bucket(bucketSync).CreateBucketIfNotExists(bucketLogs)
	if err != nil {
		return err
	}
	raw, err := json.Marshal(seen)
	if err != nil {
		return err
	}
	return logs.Put([]byte(name), raw)
}
