package store

import (
	"cmp"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"syscall"
	"time"

	"lumbar/store/diary"
	"lumbar/store/oplog"
	"lumbar/store/synclog"
)

// SyncStatus is what lumbar sync --status shows: this replica, the
// folder, what waits to be sent, and each replica whose log is in the
// folder. Reading it writes nothing, creates nothing and needs no
// passphrase: frames are opened with the keys the data file kept when it
// first read each log, and a log never read is told of by its size and
// its file's time alone.
type SyncStatus struct {
	Replica string // this data file's replica ID; "" when sync was never set up
	// Folder is DIR: the one asked about, or else the sync.dir setting;
	// "" when neither names one.
	Folder      string
	FromSetting bool // Folder is the sync.dir setting
	// FolderMissing: Folder is not a folder (a disk not connected, a
	// folder moved), or holds no DIR/lumbar yet.
	FolderMissing bool
	Pending       int // operations in the outbox, not yet sent
	Replicas      []ReplicaStatus
}

// ReplicaStatus is one replica seen in the folder.
type ReplicaStatus struct {
	Replica string
	This    bool     // this data file's own log
	Log     string   // its log's file name; a copy's when only copies are there
	Copies  []string // copies a sync tool made of its log
	// LastWrote is when it last wrote: the time of the newest change in
	// its log's last frame, when this replica holds the log's key
	// (FromChange), or else the log file's modification time.
	LastWrote  time.Time
	FromChange bool
	// Read tells whether this replica has taken in this log (it holds
	// its key); the counts below are what it has not taken in yet.
	Read          bool
	UnreadChanges int // operations in whole frames past where it applied (0 when not Read)
	UnreadFrames  int
	UnreadBytes   int // bytes of those frames
	TornBytes     int // bytes of a last frame (or header) not whole yet: the sync tool is still copying
	// Problem is why the log cannot be read or written, in one line; "".
	Problem string
}

// CaughtUp tells whether this replica has taken in everything the log
// holds as a whole frame.
func (r ReplicaStatus) CaughtUp() bool {
	return r.This || (r.Read && r.Problem == "" && r.UnreadFrames == 0)
}

// SyncStatusOf reads the status of s with the folder dir, or with the
// sync.dir setting when dir is "". A nil s (no data file) is a diary not
// set up.
func SyncStatusOf(s *Store, dir string) (SyncStatus, error) {
	st := SyncStatus{Folder: dir}
	var me replicaSetUp
	var send sendState
	var seen map[string]readLog
	if s == nil {
		return st, st.readFolder(me, send, seen)
	}
	err := s.View(func(tx *Tx) (err error) {
		if me, err = readSetUp(tx); err != nil || me.id == "" {
			return err // a file not set up has not read any log yet
		}
		if send, err = readSendState(tx); err != nil {
			return err
		}
		if seen, err = logsRead(tx); err != nil {
			return err
		}
		if st.Folder == "" {
			var set diary.Settings
			set, err = LoadSettings(tx)
			st.Folder, st.FromSetting = set.SyncDir, set.SyncDir != ""
		}
		return err
	})
	if err != nil {
		return SyncStatus{Folder: dir}, err
	}
	st.Replica, st.Pending = me.id, len(send.ops)
	return st, st.readFolder(me, send, seen)
}

// readFolder reads every log in the folder, if one is named.
func (st *SyncStatus) readFolder(me replicaSetUp, send sendState, seen map[string]readLog) error {
	if st.Folder == "" {
		return nil
	}
	folder := filepath.Join(st.Folder, "lumbar")
	logs, err := logsIn(folder)
	if errors.Is(err, fs.ErrNotExist) || errors.Is(err, syscall.ENOTDIR) {
		st.FolderMissing = true
		return nil
	}
	if err != nil {
		return err
	}
	// This computer always has a row: without a log yet, it has sent
	// nothing to this folder.
	byReplica := map[string]*ReplicaStatus{}
	if me.id != "" {
		byReplica[me.id] = &ReplicaStatus{Replica: me.id, This: true}
	}
	slices.SortStableFunc(logs, func(a, b synclog.LogFile) int { return cmpBool(a.Copy, b.Copy) }) // logs before copies
	for _, l := range logs {
		r := byReplica[l.Replica]
		if r == nil {
			r = &ReplicaStatus{Replica: l.Replica}
			byReplica[l.Replica] = r
		}
		if l.Copy {
			r.Copies = append(r.Copies, l.Name)
			if r.Log != "" || r.This { // a copy is read for a replica with no log of its own
				continue
			}
		}
		r.Log = l.Name
		if err := r.readLog(folder, me, send, seen[l.Name]); err != nil {
			return err
		}
	}
	for _, r := range byReplica {
		st.Replicas = append(st.Replicas, *r)
	}
	slices.SortFunc(st.Replicas, func(a, b ReplicaStatus) int { // this computer first, then the latest to write
		return cmp.Or(cmpBool(b.This, a.This), b.LastWrote.Compare(a.LastWrote), strings.Compare(a.Replica, b.Replica))
	})
	return nil
}

// cmpBool orders false before true.
func cmpBool(a, b bool) int {
	switch {
	case a == b:
		return 0
	case a:
		return 1
	}
	return -1
}

// readLog fills r from the log called r.Log: this replica's own, read
// against what it wrote, or another's, from where this replica applied
// it, with the key it kept.
func (r *ReplicaStatus) readLog(folder string, me replicaSetUp, send sendState, seen readLog) error {
	path := filepath.Join(folder, r.Log)
	data, err := os.ReadFile(path)
	if err != nil {
		return err
	}
	if info, err := os.Stat(path); err == nil && !r.This { // this computer's own frames are always read
		r.LastWrote = info.ModTime()
	}
	h, complete, err := synclog.ReadHeader(data)
	if err != nil {
		r.Problem = err.Error()
		return nil
	}
	if !complete {
		r.TornBytes = len(data)
		return nil
	}
	key := me.key
	if r.This {
		r.Read = true             // this computer holds all it wrote
		if send.describes(data) { // else the next sync takes the log up again (takeOwnLog)
			if _, err := checkOwnLog(data, filepath.Dir(folder), key, send); err != nil {
				r.Problem = err.Error()
			}
		}
	} else {
		if seen.Key == "" {
			r.measureUnread(data, h.Frames)
			return nil
		}
		if key, err = synclog.ParseKey(seen.Key); err != nil {
			return fmt.Errorf("the key kept for %s: %w", r.Log, err)
		}
		r.Read = true
		r.readUnread(data, max(seen.At, h.Frames), key)
	}
	if r.Problem == "" {
		r.newestChange(data, h.Frames, key)
	}
	return nil
}

// measureUnread counts the frames of a log this replica never read.
func (r *ReplicaStatus) measureUnread(data []byte, from int) {
	e, err := synclog.Measure(data, from)
	if err != nil {
		r.Problem = err.Error()
	}
	r.UnreadFrames, r.UnreadBytes, r.TornBytes = e.Frames, e.End-from, len(data)-e.End
}

// readUnread opens the frames past at, where this replica stopped.
func (r *ReplicaStatus) readUnread(data []byte, at int, key synclog.Key) {
	frames, end, err := synclog.ReadFrames(data, at, key)
	if err != nil {
		r.Problem = err.Error()
	}
	for _, ops := range frames {
		r.UnreadChanges += len(ops)
	}
	r.UnreadFrames, r.UnreadBytes = len(frames), end-at
	if err == nil {
		r.TornBytes = len(data) - end
	}
}

// newestChange takes LastWrote from the newest change in the log's last
// whole frame.
func (r *ReplicaStatus) newestChange(data []byte, from int, key synclog.Key) {
	e, err := synclog.Measure(data, from)
	if err != nil || e.Last < 0 {
		return
	}
	frames, _, err := synclog.ReadFrames(data[:e.End], e.Last, key)
	if err != nil || len(frames) == 0 {
		return
	}
	var newest oplog.Clock
	for _, op := range frames[0] {
		if op.Stamp.Clock.Compare(newest) > 0 {
			newest = op.Stamp.Clock
		}
	}
	if newest.Wall > 0 {
		r.LastWrote, r.FromChange = time.Unix(0, newest.Wall), true
	}
}
