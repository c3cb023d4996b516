package store

import (
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"
	"time"

	"lumbar/store/diary"
	"lumbar/store/synclog"
)

func mustStatus(t *testing.T, s *Store, dir string) SyncStatus {
	t.Helper()
	st, err := SyncStatusOf(s, dir)
	if err != nil {
		t.Fatal(err)
	}
	return st
}

// replicaRow is the row of the replica whose log is called log.
func replicaRow(t *testing.T, st SyncStatus, log string) ReplicaStatus {
	t.Helper()
	for _, r := range st.Replicas {
		if r.Log == log {
			return r
		}
	}
	t.Fatalf("no row for %s in %+v", log, st.Replicas)
	return ReplicaStatus{}
}

// The status tells what waits to be sent, and for each other replica
// how much of its log this one has not taken in, from the keys it kept:
// it asks for no passphrase, and changes neither the data file nor the
// folder.
func TestSyncStatusTellsWhatIsPendingAndUnread(t *testing.T) {
	rs := newReplicas(t, 2)
	here, there := rs[0], replicaUnderTest{s: rs[1].s, folder: rs[0].folder}
	mustSync(t, there) // both in one folder: each has read the other's log
	mustSync(t, here)
	written := time.Now()
	mustAppend(t, here.s, Pain, painAt(outboxAt, 3))
	mustAppend(t, there.s, Water, diary.WaterLog{Stamp: diary.StampAt(outboxAt), ML: 250})
	mustAppend(t, there.s, Water, diary.WaterLog{Stamp: diary.StampAt(outboxAt.Add(time.Minute)), ML: 250})
	mustSync(t, there)

	before, folderBefore := checksum(t, here.s.Path()), folderFiles(t, here)
	st := mustStatus(t, here.s, here.folder)
	if checksum(t, here.s.Path()) != before || !reflect.DeepEqual(folderFiles(t, here), folderBefore) {
		t.Error("the status wrote")
	}
	mine, _ := Read(here.s, ReplicaID)
	if st.Replica != mine || st.Pending != 1 || st.FolderMissing || len(st.Replicas) != 2 || !st.Replicas[0].This {
		t.Fatalf("status = %+v", st)
	}
	other := replicaRow(t, st, logName(t, there))
	if !other.Read || other.CaughtUp() || other.UnreadChanges != 2 || other.UnreadFrames != 1 || !other.FromChange ||
		other.LastWrote.Before(written) || other.LastWrote.After(time.Now()) || other.Problem != "" {
		t.Errorf("the other replica's row: %+v", other)
	}
	mustSync(t, here)
	if other := replicaRow(t, mustStatus(t, here.s, here.folder), logName(t, there)); !other.CaughtUp() || other.UnreadChanges != 0 {
		t.Errorf("after a sync: %+v", other)
	}
	if st := mustStatus(t, here.s, ""); st.Folder != here.folder || !st.FromSetting || len(st.Replicas) != 2 {
		t.Errorf("no folder given: the sync.dir the first sync kept: %+v", st)
	}
	if err := here.s.Update(func(tx *Tx) error { return ChangeSettings(tx, map[string]string{"sync.dir": "off"}) }); err != nil {
		t.Fatal(err)
	}
	if st := mustStatus(t, here.s, ""); st.Folder != "" || st.Replicas != nil {
		t.Errorf("no folder given, sync.dir off: %+v", st)
	}
}

// A log never read here is told of by its frames' count and its file's
// time; torn, damaged and foreign files each in a line of their own;
// copies under their replica.
func TestSyncStatusTellsOfEveryFileInTheFolder(t *testing.T) {
	rs := newReplicas(t, 2)
	mustAppend(t, rs[1].s, Pain, painAt(outboxAt, 3))
	mustSync(t, rs[1])
	deliver(t, rs[1], rs[0], whole)
	name := logName(t, rs[1])
	data, _ := os.ReadFile(filepath.Join(rs[0].logs(), name))
	id := strings.TrimSuffix(name, ".log")
	write := func(name string, b []byte) {
		if err := os.WriteFile(filepath.Join(rs[0].logs(), name), b, 0o600); err != nil {
			t.Fatal(err)
		}
	}
	write(id+".sync-conflict-20261203-081500-ABCDEFG.log", data)
	write("TORN.log", data[:len(data)-3])
	write("ZZZZ.log", []byte("hello\n"))
	st := mustStatus(t, rs[0].s, rs[0].folder)
	unread := replicaRow(t, st, name)
	if unread.Read || unread.UnreadFrames != 1 || unread.FromChange || unread.LastWrote.IsZero() ||
		!reflect.DeepEqual(unread.Copies, []string{id + ".sync-conflict-20261203-081500-ABCDEFG.log"}) {
		t.Errorf("a log not read yet: %+v", unread)
	}
	if torn := replicaRow(t, st, "TORN.log"); torn.UnreadFrames != 0 || torn.TornBytes == 0 || torn.Problem != "" {
		t.Errorf("a torn log: %+v", torn)
	}
	if foreign := replicaRow(t, st, "ZZZZ.log"); !strings.Contains(foreign.Problem, "not a lumbar sync log") {
		t.Errorf("a foreign file: %+v", foreign)
	}
	if err := os.Remove(filepath.Join(rs[0].logs(), "ZZZZ.log")); err != nil { // a sync refuses it
		t.Fatal(err)
	}
	mustSync(t, rs[0]) // reads every log, and keeps their keys
	stranger, err := synclog.NewKey()
	if err != nil {
		t.Fatal(err)
	}
	foreign, err := synclog.Frame(stranger, mustOutbox(t, rs[1].s)) // a frame no key of this diary opens
	if err != nil {
		t.Fatal(err)
	}
	write(name, append(data, foreign...))
	if damaged := replicaRow(t, mustStatus(t, rs[0].s, rs[0].folder), name); !strings.Contains(damaged.Problem, "damaged") || strings.Contains(damaged.Problem, "\n") {
		t.Errorf("a damaged log: %+v", damaged)
	}
}

// Without a folder named, the status reads sync.dir; a folder not there
// is said, not made; a file not set up lists the folder's logs.
func TestSyncStatusFolders(t *testing.T) {
	r := newReplicas(t, 1)[0]
	if err := r.s.Update(func(tx *Tx) error { return ChangeSettings(tx, map[string]string{"sync.dir": r.folder}) }); err != nil {
		t.Fatal(err)
	}
	if st := mustStatus(t, r.s, ""); st.Folder != r.folder || !st.FromSetting || len(st.Replicas) != 1 {
		t.Errorf("with sync.dir: %+v", st)
	}
	missing := filepath.Join(t.TempDir(), "unplugged")
	if st := mustStatus(t, r.s, missing); !st.FolderMissing {
		t.Errorf("a missing folder: %+v", st)
	}
	if _, err := os.Stat(missing); err == nil {
		t.Error("the status made the folder")
	}
	if st := mustStatus(t, openTemp(t), r.folder); st.Replica != "" || len(st.Replicas) != 1 || st.Replicas[0].Read {
		t.Errorf("a file not set up: %+v", st)
	}
	if st := mustStatus(t, nil, r.folder); st.Replica != "" || len(st.Replicas) != 1 {
		t.Errorf("no data file: %+v", st)
	}
}
