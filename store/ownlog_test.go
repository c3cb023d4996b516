package store

import (
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"
	"time"

	"lumbar/store/diary"
	"lumbar/store/oplog"
	"lumbar/store/synclog"
)

// copyReplica is a data file copied, as it is, to another computer with
// a folder of its own.
func copyReplica(t *testing.T, r replicaUnderTest) replicaUnderTest {
	t.Helper()
	data, err := os.ReadFile(r.s.Path())
	if err != nil {
		t.Fatal(err)
	}
	path := tempPath(t)
	if err := os.MkdirAll(filepath.Dir(path), 0o700); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(path, data, 0o600); err != nil {
		t.Fatal(err)
	}
	s, err := Open(path)
	if err != nil {
		t.Fatal(err)
	}
	c := replicaUnderTest{s: s, folder: t.TempDir()}
	if err := os.CopyFS(c.logs(), os.DirFS(r.logs())); err != nil {
		t.Fatal(err)
	}
	return c
}

// folderFiles is every file of a replica's folder and what it holds.
func folderFiles(t *testing.T, r replicaUnderTest) map[string]string {
	t.Helper()
	entries, err := os.ReadDir(r.logs())
	if err != nil {
		t.Fatal(err)
	}
	out := map[string]string{}
	for _, e := range entries {
		data, err := os.ReadFile(filepath.Join(r.logs(), e.Name()))
		if err != nil {
			t.Fatal(err)
		}
		out[e.Name()] = string(data)
	}
	return out
}

func logName(t *testing.T, r replicaUnderTest) string {
	t.Helper()
	id, err := Read(r.s, ReplicaID)
	if err != nil {
		t.Fatal(err)
	}
	return synclog.FileName(id)
}

// deliverEverywhere gives every folder every log (and copy) the others
// have, as a sync tool that has caught up does.
func deliverEverywhere(t *testing.T, rs ...replicaUnderTest) {
	t.Helper()
	all := map[string]string{}
	for _, r := range rs {
		for name, data := range folderFiles(t, r) {
			if name == logName(t, r) || all[name] == "" {
				all[name] = data
			}
		}
	}
	for _, r := range rs {
		for name, data := range all {
			if err := os.WriteFile(filepath.Join(r.logs(), name), []byte(data), 0o600); err != nil {
				t.Fatal(err)
			}
		}
	}
}

// A data file copied to a second computer keeps the first's replica ID
// and key, so both would append to one log and neither would take in the
// other's changes. The one whose log comes back holding what it did not
// write is refused in one line, writing nothing; after the fix every
// computer holds every entry written on either, and the same diary.
func TestCopiedDataFileIsRefusedThenGivenItsOwnIdentity(t *testing.T) {
	for _, tool := range []struct {
		name string
		// carry makes the copy's folder hold the original's log as a
		// sync tool would, once both wrote to it.
		carry func(t *testing.T, original, copied replicaUnderTest)
	}{
		{"the other's log in its place, this one's kept as a conflict copy", func(t *testing.T, original, copied replicaUnderTest) {
			name := logName(t, original)
			mine := folderFiles(t, copied)[name]
			conflict := strings.TrimSuffix(name, ".log") + ".sync-conflict-20261203-081500-ABCDEFG.log"
			for _, r := range []replicaUnderTest{original, copied} {
				if err := os.WriteFile(filepath.Join(r.logs(), conflict), []byte(mine), 0o600); err != nil {
					t.Fatal(err)
				}
			}
			deliver(t, original, copied, whole)
		}},
		{"the other's log in its place, this one's lost", func(t *testing.T, original, copied replicaUnderTest) {
			deliver(t, original, copied, whole)
		}},
		{"the other's changes appended to this one's", func(t *testing.T, original, copied replicaUnderTest) {
			deliver(t, original, copied, whole) // the copy had sent nothing since it was made
		}},
	} {
		t.Run(tool.name, func(t *testing.T) {
			rs := newReplicas(t, 2)
			laptop, desktop := rs[0], rs[1]
			at := outboxAt
			write := func(r replicaUnderTest) {
				at = at.Add(time.Minute)
				mustAppend(t, r.s, Water, diary.WaterLog{Stamp: diary.StampAt(at), ML: 250})
			}
			write(laptop)
			mustSync(t, laptop)
			copied := copyReplica(t, laptop)
			write(laptop)
			write(copied)
			write(desktop)
			mustSync(t, laptop)
			if !strings.Contains(tool.name, "appended") {
				mustSync(t, copied)
			}
			tool.carry(t, laptop, copied)

			before := folderFiles(t, copied)
			_, err := SyncDir(copied.s, copied.folder, passphraseIs("the same on every computer"))
			if !errors.Is(err, ErrSharedIdentity) || strings.Contains(err.Error(), "\n") ||
				!strings.Contains(err.Error(), fmt.Sprintf("lumbar sync %q --new-identity", copied.folder)) {
				t.Fatalf("the copy's sync: %v", err)
			}
			if !reflect.DeepEqual(folderFiles(t, copied), before) {
				t.Error("the refused sync wrote to the folder")
			}
			if own := mustStatus(t, copied.s, copied.folder).Replicas[0]; !own.This || !strings.Contains(own.Problem, ErrSharedIdentity.Error()) {
				t.Errorf("the copy's status tells nothing of it: %+v", own)
			}

			old, replica, err := NewIdentity(copied.s)
			if err != nil || old == replica || old+".log" != logName(t, laptop) {
				t.Fatalf("NewIdentity: %s → %s, %v", old, replica, err)
			}
			everyone := []replicaUnderTest{laptop, copied, desktop}
			for range 2 {
				for _, r := range everyone {
					mustSync(t, r)
				}
				deliverEverywhere(t, everyone...)
			}
			for _, r := range everyone {
				mustSync(t, r)
			}
			want := held(t, laptop.s)
			if n := len(waterNow(t, laptop.s)); n != 4 {
				t.Errorf("the laptop holds %d drinks, want the 4 written on the three computers", n)
			}
			for i, r := range everyone[1:] {
				if got := held(t, r.s); !reflect.DeepEqual(got, want) {
					t.Errorf("computer %d differs from the laptop:\n%s", i+1, diffHeld(got, want))
				}
			}
		})
	}
}

func waterNow(t *testing.T, s *Store) []Item[diary.WaterLog] {
	t.Helper()
	var out []Item[diary.WaterLog]
	err := s.View(func(tx *Tx) error {
		return Water.Range(tx, time.Unix(0, 0), time.Now().Add(24*time.Hour), func(it Item[diary.WaterLog]) error {
			out = append(out, it)
			return nil
		})
	})
	if err != nil {
		t.Fatal(err)
	}
	return out
}

// A log cut shorter than what this computer wrote to it is refused too.
func TestOwnLogCutShortIsRefused(t *testing.T) {
	r := newReplicas(t, 1)[0]
	mustAppend(t, r.s, Pain, painAt(outboxAt, 3))
	mustSync(t, r)
	path := filepath.Join(r.logs(), logName(t, r))
	info, err := os.Stat(path)
	if err != nil {
		t.Fatal(err)
	}
	if err := os.Truncate(path, info.Size()-1); err != nil {
		t.Fatal(err)
	}
	if _, err := SyncDir(r.s, r.folder, passphraseIs("x")); !errors.Is(err, ErrSharedIdentity) || !strings.Contains(err.Error(), "shorter") {
		t.Errorf("a log cut short: %v", err)
	}
}

// A run cut short after appending its frame, before noting it: the next
// run finds the frame, notes it and sends its operations no second time.
func TestFrameAppendedButNotNotedIsNotSentTwice(t *testing.T) {
	rs := newReplicas(t, 2)
	mustAppend(t, rs[0].s, Pain, painAt(outboxAt, 3))
	mustAppend(t, rs[0].s, Pain, painAt(outboxAt.Add(time.Hour), 4))
	me, err := Read(rs[0].s, readSetUp)
	if err != nil {
		t.Fatal(err)
	}
	frame, err := synclog.Frame(me.key, mustOutbox(t, rs[0].s)[:1]) // what a run that was cut short appended
	if err != nil {
		t.Fatal(err)
	}
	path := filepath.Join(rs[0].logs(), logName(t, rs[0]))
	f, err := os.OpenFile(path, os.O_WRONLY|os.O_APPEND, 0)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := f.Write(frame); err != nil {
		t.Fatal(err)
	}
	f.Close()
	if res := mustSync(t, rs[0]); res.Sent != 2 || len(mustOutbox(t, rs[0].s)) != 0 {
		t.Errorf("sync after a frame appended and not noted: %+v, %d left", res, len(mustOutbox(t, rs[0].s)))
	}
	if ops := logOps(t, path); len(ops) != 2 {
		t.Errorf("the log holds %d operations for 2 writes", len(ops))
	}
	deliver(t, rs[0], rs[1], whole)
	if res := mustSync(t, rs[1]); res.Applied != 2 {
		t.Errorf("the other replica applied %d", res.Applied)
	}
}

// logOps is every operation of a log, in order.
func logOps(t *testing.T, path string) []oplog.Op {
	t.Helper()
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	h, _, err := synclog.ReadHeader(data)
	if err != nil {
		t.Fatal(err)
	}
	key, err := synclog.Unwrap(h.Wrapped, "the same on every computer")
	if err != nil {
		t.Fatal(err)
	}
	frames, _, err := synclog.ReadFrames(data, h.Frames, key)
	if err != nil {
		t.Fatal(err)
	}
	var ops []oplog.Op
	for _, f := range frames {
		ops = append(ops, f...)
	}
	return ops
}

// A replica synced with one folder, then another, then the first again,
// is refused by neither and sends each what the other received: a
// computer reading either folder alone gets the whole diary.
func TestSyncingWithAnotherFolderAndBack(t *testing.T) {
	first := newReplicas(t, 1)[0]
	mustAppend(t, first.s, Pain, painAt(outboxAt, 3))
	mustSync(t, first)
	second := replicaUnderTest{s: first.s, folder: t.TempDir()}
	mustAppend(t, first.s, Pain, painAt(outboxAt.Add(time.Hour), 4))
	mustSync(t, second)
	mustAppend(t, first.s, Pain, painAt(outboxAt.Add(2*time.Hour), 5))
	mustSync(t, first)
	mustAppend(t, first.s, Pain, painAt(outboxAt.Add(3*time.Hour), 6))
	mustSync(t, second)
	mustSync(t, first)
	for i, folder := range []string{first.folder, second.folder} {
		reader := replicaUnderTest{s: openTemp(t), folder: folder}
		mustSync(t, reader)
		if got := len(painNow(t, reader.s)); got != 4 {
			t.Errorf("a computer reading folder %d only holds %d entries, want 4", i+1, got)
		}
	}
}

// A replica synced with a new folder (its log is not there) sends
// everything it holds again, so a computer reading only the new folder
// gets the whole diary.
func TestNewFolderGetsTheWholeDiary(t *testing.T) {
	r := newReplicas(t, 1)[0]
	mustAppend(t, r.s, Pain, painAt(outboxAt, 3))
	if err := r.s.Update(func(tx *Tx) error { return ChangeSettings(tx, map[string]string{"water.goal": "1800"}) }); err != nil {
		t.Fatal(err)
	}
	mustSync(t, r)
	gone := mustAppend(t, r.s, Pain, painAt(outboxAt.Add(time.Hour), 5))
	if err := Pain.Remove(r.s, gone); err != nil {
		t.Fatal(err)
	}
	mustSync(t, r)
	moved := replicaUnderTest{s: r.s, folder: t.TempDir()}
	mustSync(t, moved)
	other := replicaUnderTest{s: openTemp(t), folder: moved.folder}
	mustSync(t, other)
	if got, want := held(t, other.s), held(t, r.s); !reflect.DeepEqual(got, want) {
		t.Errorf("a computer of the new folder:\n%s", diffHeld(got, want))
	}
	if ops := logOps(t, filepath.Join(moved.logs(), logName(t, r))); len(ops) != 3 {
		t.Errorf("the new folder's log holds %d operations, want the entry, the setting and the delete: %v", len(ops), ops)
	}
}
