package store

import (
	"errors"
	"fmt"
	"math/rand/v2"
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

const samePassphrase = "the same on every computer" // mustSync's

// snapshotsAfter sets SnapshotAfter for the rest of the test.
func snapshotsAfter(t testing.TB, n int) {
	old := SnapshotAfter
	SnapshotAfter = n
	t.Cleanup(func() { SnapshotAfter = old })
}

const never = 1 << 40

// exchange has every replica sync, every log delivered whole to every
// other replica, and every replica sync again: all hold the same.
func exchange(t *testing.T, rs []replicaUnderTest) {
	t.Helper()
	for _, r := range rs {
		mustSync(t, r)
	}
	for _, from := range rs {
		for _, to := range rs {
			if from != to {
				deliver(t, from, to, whole)
			}
		}
	}
	for _, r := range rs {
		mustSync(t, r)
	}
}

// writeHistory has each replica write and sync, rounds times, the logs
// going round after each.
func writeHistory(t *testing.T, r *rand.Rand, rs []replicaUnderTest, rounds int) {
	t.Helper()
	for range rounds {
		for _, x := range rs {
			randomSyncedWrite(t, r, x.s)
			if err := x.s.Update(func(tx *Tx) error {
				return ChangeSettings(tx, map[string]string{"water.goal": fmt.Sprint(1000 + 100*r.IntN(20))})
			}); err != nil {
				t.Fatal(err)
			}
		}
		exchange(t, rs)
	}
}

// joining is a new computer whose sync tool has brought it the files of
// from's folder, but for those skip names.
func joining(t *testing.T, from replicaUnderTest, skip func(name string) bool) replicaUnderTest {
	t.Helper()
	r := replicaUnderTest{s: openTemp(t), folder: t.TempDir()}
	copyFiles(t, from.logs(), r.logs(), func(name string, data []byte) []byte {
		if skip != nil && skip(name) {
			return nil
		}
		return data
	})
	return r
}

// copyFiles copies the files of src into dst as change makes them (nil:
// not at all).
func copyFiles(t *testing.T, src, dst string, change func(name string, data []byte) []byte) {
	t.Helper()
	if err := os.MkdirAll(dst, 0o700); err != nil {
		t.Fatal(err)
	}
	entries, err := os.ReadDir(src)
	if err != nil {
		t.Fatal(err)
	}
	for _, e := range entries {
		data, err := os.ReadFile(filepath.Join(src, e.Name()))
		if err != nil {
			t.Fatal(err)
		}
		if data = change(e.Name(), data); data != nil {
			if err := os.WriteFile(filepath.Join(dst, e.Name()), data, 0o600); err != nil {
				t.Fatal(err)
			}
		}
	}
}

func isSnapshot(name string) bool { return strings.HasSuffix(name, ".snap") }

// framesIn counts the frames of the logs in folder past where covers
// (a snapshot's, or none) leave each: what a new computer must read.
func framesIn(t *testing.T, folder string, covers []synclog.Covered) int {
	t.Helper()
	from := map[string]int{}
	for _, c := range covers {
		from[c.Log] = c.At
	}
	names, err := namesIn(folder)
	if err != nil {
		t.Fatal(err)
	}
	n := 0
	for _, l := range synclog.LogFiles(names) {
		data, err := os.ReadFile(filepath.Join(folder, l.Name))
		if err != nil {
			t.Fatal(err)
		}
		h, _, _ := synclog.ReadHeader(data)
		key, err := synclog.Unwrap(h.Wrapped, samePassphrase)
		if err != nil {
			t.Fatal(err)
		}
		frames, _, err := synclog.ReadFrames(data, max(h.Frames, from[l.Name]), key)
		if err != nil {
			t.Fatal(err)
		}
		n += len(frames)
	}
	return n
}

// openSnapshotFile reads the snapshot at path with the passphrase.
func openSnapshotFile(t *testing.T, path string) synclog.OpenedSnapshot {
	t.Helper()
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	h, _, err := synclog.ReadHeader(data)
	if err != nil {
		t.Fatal(err)
	}
	key, err := synclog.Unwrap(h.Wrapped, samePassphrase)
	if err != nil {
		t.Fatal(err)
	}
	snap, err := synclog.OpenSnapshot(data, h, key)
	if err != nil {
		t.Fatal(err)
	}
	return snap
}

func snapshotPath(t *testing.T, r replicaUnderTest) string {
	t.Helper()
	id, err := Read(r.s, ReplicaID)
	if err != nil {
		t.Fatal(err)
	}
	return filepath.Join(r.logs(), synclog.SnapshotName(id))
}

// folderWithSnapshot is a folder two computers have written a long
// history into, then a snapshot of the first, then a few more changes:
// the first computer's, which holds all of it.
func folderWithSnapshot(t *testing.T) replicaUnderTest {
	t.Helper()
	r := rand.New(rand.NewPCG(5, 16))
	snapshotsAfter(t, never)
	rs := newReplicas(t, 2)
	writeHistory(t, r, rs, 25)
	SnapshotAfter = 1
	randomSyncedWrite(t, r, rs[0].s)
	if res := mustSync(t, rs[0]); res.Snapshot == 0 || res.NoSnapshot != "" {
		t.Fatalf("no snapshot was written: %+v", res)
	}
	SnapshotAfter = never
	for range 3 { // records only: the settings a new computer holds come from the snapshot
		for _, x := range rs {
			if err := randomWrite(x.s, r); err != nil {
				t.Fatal(err)
			}
		}
		exchange(t, rs)
	}
	return rs[0]
}

// A new computer joining a folder with a long history starts from the
// snapshot in it and reads only the frames written after it; it ends up
// holding what a computer that replayed every log holds.
func TestNewReplicaStartsFromSnapshot(t *testing.T) {
	first := folderWithSnapshot(t)
	snap := snapshotPath(t, first)
	tail := framesIn(t, first.logs(), openSnapshotFile(t, snap).Covers)
	all := framesIn(t, first.logs(), nil)
	fresh, replaying := joining(t, first, nil), joining(t, first, isSnapshot)
	got, want := mustSync(t, fresh), mustSync(t, replaying)
	if got.StartedFrom != filepath.Base(snap) || got.Skipped == 0 || got.Frames != tail {
		t.Errorf("the new computer started from %q, skipping %d bytes, and read %d frames; want %s and the %d frames after it",
			got.StartedFrom, got.Skipped, got.Frames, filepath.Base(snap), tail)
	}
	if want.StartedFrom != "" || want.Frames != all || tail >= all/4 {
		t.Errorf("without a snapshot %d frames of %d were read (from %q); the tail is %d", want.Frames, all, want.StartedFrom, tail)
	}
	if h := held(t, fresh.s); !reflect.DeepEqual(h, held(t, replaying.s)) || !reflect.DeepEqual(h, held(t, first.s)) {
		t.Errorf("started from a snapshot:\n%s", diffHeld(h, held(t, replaying.s)))
	}
	assertTotalsAreARecount(t, fresh.s, "after starting from a snapshot")
	if res := mustSync(t, fresh); res.StartedFrom != "" || res.Frames != 0 || res.Applied != 0 {
		t.Errorf("the next sync of the new computer: %+v", res)
	}
}

// A snapshot cut short by a sync tool, or damaged, is passed over: the
// new computer reads every log instead, and holds the same.
func TestCutOrDamagedSnapshotIsPassedOver(t *testing.T) {
	first := folderWithSnapshot(t)
	all := framesIn(t, first.logs(), nil)
	for how, spoil := range map[string]func([]byte) []byte{
		"cut in half":     func(b []byte) []byte { return b[:len(b)/2] },
		"cut by one byte": func(b []byte) []byte { return b[:len(b)-1] },
		"header only":     func(b []byte) []byte { return b[:400] },
		"a flipped bit":   func(b []byte) []byte { b[len(b)-20] ^= 1; return b },
		"something else":  func([]byte) []byte { return []byte("not a snapshot\n") },
	} {
		r := replicaUnderTest{s: openTemp(t), folder: t.TempDir()}
		copyFiles(t, first.logs(), r.logs(), func(name string, data []byte) []byte {
			if isSnapshot(name) {
				return spoil(data)
			}
			return data
		})
		res := mustSync(t, r)
		if res.StartedFrom != "" || res.Frames != all {
			t.Errorf("%s: started from %q and read %d frames of %d", how, res.StartedFrom, res.Frames, all)
		}
		if h := held(t, r.s); !reflect.DeepEqual(h, held(t, first.s)) {
			t.Errorf("%s:\n%s", how, diffHeld(h, held(t, first.s)))
		}
	}
}

// A log the sync tool has carried only part of, which the snapshot
// covers further than it reaches, is read from its last whole frame the
// snapshot covers, and on once the rest arrives: nothing is skipped that
// the snapshot does not hold.
func TestSnapshotAheadOfACarriedLog(t *testing.T) {
	first := folderWithSnapshot(t)
	covers := openSnapshotFile(t, snapshotPath(t, first)).Covers
	id, _ := Read(first.s, ReplicaID)
	for _, cut := range []float64{0.3, 0.7, 0.95} {
		r := replicaUnderTest{s: openTemp(t), folder: t.TempDir()}
		copyFiles(t, first.logs(), r.logs(), func(name string, data []byte) []byte {
			for _, c := range covers {
				if c.Log == name && name != synclog.FileName(id) {
					return data[:int(float64(c.At)*cut)] // the other computer's log, short of the snapshot
				}
			}
			return data
		})
		mustSync(t, r)
		copyFiles(t, first.logs(), r.logs(), func(_ string, data []byte) []byte { return data })
		mustSync(t, r)
		if h := held(t, r.s); !reflect.DeepEqual(h, held(t, first.s)) {
			t.Errorf("a log cut at %.0f%% of what the snapshot covers:\n%s", 100*cut, diffHeld(h, held(t, first.s)))
		}
	}
}

// A snapshot from a newer lumbar, or made with another passphrase, is
// refused in one line naming it, as a log would be.
func TestSnapshotRefusals(t *testing.T) {
	first := folderWithSnapshot(t)
	stranger := replicaUnderTest{s: openTemp(t), folder: t.TempDir()}
	mustAppend(t, stranger.s, Pain, painAt(outboxAt, 3))
	SnapshotAfter = 1
	if res, err := SyncDir(stranger.s, stranger.folder, passphraseIs("another diary's")); err != nil || res.Snapshot == 0 {
		t.Fatalf("the other diary's sync: %+v, %v", res, err)
	}
	foreign, err := os.ReadFile(snapshotPath(t, stranger))
	if err != nil {
		t.Fatal(err)
	}
	for _, c := range []struct {
		name string
		data []byte
		is   error
	}{
		{"ZZZZ.snap", []byte("lumbar-sync 9\n"), synclog.ErrNewerFormat},
		{"YYYY.snap", foreign, synclog.ErrWrongPassphrase},
	} {
		r := joining(t, first, nil)
		if err := os.WriteFile(filepath.Join(r.logs(), c.name), c.data, 0o600); err != nil {
			t.Fatal(err)
		}
		_, err := SyncDir(r.s, r.folder, passphraseIs(samePassphrase))
		if !errors.Is(err, c.is) || !strings.Contains(err.Error(), c.name) || strings.Contains(err.Error(), "\n") {
			t.Errorf("%s: %v", c.name, err)
		}
	}
}

// A snapshot holds the winner on every target the replica's stamps name:
// records, settings and tombstones, each as its last change wrote it, and
// nothing of the state kept on this computer alone.
func TestSnapshotHoldsTheSyncedStateOnly(t *testing.T) {
	snapshotsAfter(t, never)
	r := newReplicas(t, 1)[0]
	kept := mustAppend(t, r.s, Pain, painAt(outboxAt, 4))
	gone := mustAppend(t, r.s, Pain, painAt(outboxAt.Add(time.Hour), 6))
	err := r.s.Update(func(tx *Tx) error {
		return errors.Join(Pain.Delete(tx, gone), ChangeSettings(tx, map[string]string{"water.goal": "1800"}),
			PutPainDraft(tx, PainDraft{Input: diary.PainInput{Pain: "5"}}))
	})
	if err != nil {
		t.Fatal(err)
	}
	SnapshotAfter = 1
	if res := mustSync(t, r); res.Snapshot == 0 {
		t.Fatalf("no snapshot: %+v", res)
	}
	state, err := openSnapshotFile(t, snapshotPath(t, r)).State()
	if err != nil {
		t.Fatal(err)
	}
	got := map[oplog.Target]oplog.Kind{}
	for _, op := range state {
		got[op.Target()] = op.Kind
		if !reflect.DeepEqual(op.Mark(), mustMark(t, r.s, op.Target())) {
			t.Errorf("%v in the snapshot is not the change its stamp names", op.Target())
		}
	}
	want := map[oplog.Target]oplog.Kind{
		{Bucket: "pain", Name: kept.ID()}: oplog.Put,
		{Bucket: "pain", Name: gone.ID()}: oplog.Delete,
		{Name: "water.goal"}:              oplog.Set,
	}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("the snapshot holds %v, want %v", got, want)
	}
}

func mustMark(t *testing.T, s *Store, target oplog.Target) oplog.Mark {
	t.Helper()
	m, err := Read(s, func(tx *Tx) (oplog.Mark, error) {
		m, _, err := heldMark(tx.btx.Bucket(bucketSync), target)
		return m, err
	})
	if err != nil {
		t.Fatal(err)
	}
	return m
}

// A replica writes its next snapshot only once its log has grown by
// SnapshotAfter and by the size of its last snapshot, so snapshots add
// no more to the folder than the log does.
func TestSnapshotIsWrittenWhenTheLogHasGrownEnough(t *testing.T) {
	snapshotsAfter(t, 1)
	r := newReplicas(t, 1)[0]
	id, _ := Read(r.s, ReplicaID)
	logSize := func() int {
		info, err := os.Stat(filepath.Join(r.logs(), synclog.FileName(id)))
		if err != nil {
			t.Fatal(err)
		}
		return int(info.Size())
	}
	lastLog, lastSize, written := 0, 0, 0
	for i := range 12 {
		mustAppend(t, r.s, Water, diary.WaterLog{Stamp: diary.StampAt(outboxAt.Add(time.Duration(i) * time.Minute)), ML: 250})
		res := mustSync(t, r)
		grown := logSize() - lastLog
		if due := grown >= lastSize; due != (res.Snapshot > 0) {
			t.Fatalf("run %d: the log grew %d bytes since the last snapshot of %d bytes, and the run wrote one of %d", i, grown, lastSize, res.Snapshot)
		}
		if res.Snapshot > 0 {
			lastLog, lastSize, written = logSize(), res.Snapshot, written+1
		}
	}
	if written < 2 || written > 8 {
		t.Errorf("%d snapshots in 12 runs", written)
	}
	if entries, _ := os.ReadDir(r.logs()); len(entries) != 2 {
		t.Errorf("the folder holds %d files, want the log and the snapshot", len(entries))
	}
}

// A record that is not what its last synced change wrote (here damaged)
// would put in a snapshot what no log says: none is written, the run
// says why, and it is tried again only once the log has grown again.
func TestNoSnapshotOfADamagedRecord(t *testing.T) {
	snapshotsAfter(t, 1)
	r := newReplicas(t, 1)[0]
	k := mustAppend(t, r.s, Pain, painAt(outboxAt, 4))
	if err := r.s.Update(func(tx *Tx) error {
		bk, err := tx.bucket(Pain.Bucket())
		if err != nil {
			return err
		}
		return bk.Put(k[:], []byte(`{"pain":`))
	}); err != nil {
		t.Fatal(err)
	}
	res := mustSync(t, r)
	if res.Snapshot != 0 || !strings.Contains(res.NoSnapshot, k.ID()) {
		t.Errorf("a damaged record: %+v", res)
	}
	if _, err := os.Stat(snapshotPath(t, r)); !errors.Is(err, os.ErrNotExist) {
		t.Errorf("a snapshot was written: %v", err)
	}
	if res := mustSync(t, r); res.NoSnapshot != "" {
		t.Errorf("tried again with the log as it was: %+v", res)
	}
}

// Replicas write snapshots at random moments (SnapshotAfter changing as
// they go), snapshots and logs are delivered late, torn or not at all,
// and new computers, some with entries of their own, join from copies of
// a replica's folder, whole or half carried; once everything has been
// delivered, every replica holds the merge of all that was written.
func TestReplicasJoiningFromSnapshotsConverge(t *testing.T) {
	snapshotsAfter(t, never)
	started := 0
	for seed := range uint64(3) {
		t.Run(fmt.Sprint("seed ", seed), func(t *testing.T) {
			r := rand.New(rand.NewPCG(seed, 17))
			rs := newReplicas(t, 3)
			somePart := func(n int) int { return []int{n, n, r.IntN(n + 1), n - r.IntN(n/4+1)}[r.IntN(4)] }
			for step := range 120 {
				SnapshotAfter = []int{1, 4 << 10, 16 << 10, never}[r.IntN(4)]
				randomSyncedWrite(t, r, rs[r.IntN(len(rs))].s)
				from, to := rs[r.IntN(len(rs))], rs[r.IntN(len(rs))]
				switch {
				case step%30 == 29: // a new computer joins
					joiner := replicaUnderTest{s: openTemp(t), folder: t.TempDir()}
					for range r.IntN(3) { // what was written on it before it first synced
						randomSyncedWrite(t, r, joiner.s)
					}
					copyFiles(t, from.logs(), joiner.logs(), func(_ string, data []byte) []byte { return data[:somePart(len(data))] })
					if res := mustSync(t, joiner); res.StartedFrom != "" {
						started++
					}
					rs = append(rs, joiner)
				case r.IntN(2) == 0:
					mustSync(t, rs[r.IntN(len(rs))])
				case from == to:
				case r.IntN(2) == 0:
					deliver(t, from, to, somePart)
				default:
					deliverSnapshot(t, from, to, somePart)
				}
			}
			exchange(t, rs)
			want := normalised(t, expectedMerge(t, rs))
			for i, x := range rs {
				if got := held(t, x.s); !reflect.DeepEqual(got, want) {
					t.Errorf("replica %d of %d holds %d records and settings, the merge %d:\n%s", i, len(rs), len(got), len(want), diffHeld(got, want))
				}
				assertTotalsAreARecount(t, x.s, fmt.Sprintf("replica %d after the merge", i))
			}
		})
	}
	t.Logf("%d computers joined from a snapshot", started)
	if started == 0 {
		t.Error("no computer joined from a snapshot: the test does not test what it says")
	}
}

// deliverSnapshot copies from's snapshot, if it has written one, into
// to's folder, as a sync tool would: whole, or only its first cut bytes.
func deliverSnapshot(t *testing.T, from, to replicaUnderTest, cut func(n int) int) {
	t.Helper()
	data, err := os.ReadFile(snapshotPath(t, from))
	if errors.Is(err, os.ErrNotExist) {
		return
	}
	if err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(to.logs(), filepath.Base(snapshotPath(t, from))), data[:cut(len(data))], 0o600); err != nil {
		t.Fatal(err)
	}
}

// A replica whose log starts again (its folder emptied, or a new one)
// writes a snapshot for the new log once it is due, not once the new log
// has outgrown the old one.
func TestSnapshotsStartAgainWithTheLog(t *testing.T) {
	snapshotsAfter(t, 1)
	r := newReplicas(t, 1)[0]
	for i := range 6 {
		mustAppend(t, r.s, Pain, painAt(outboxAt.Add(time.Duration(i)*time.Hour), i))
		mustSync(t, r)
	}
	if err := os.RemoveAll(r.logs()); err != nil {
		t.Fatal(err)
	}
	if res := mustSync(t, r); res.Snapshot == 0 {
		t.Errorf("the first run with a new log wrote no snapshot: %+v", res)
	}
}

// A computer that has read every log there is never opens a snapshot,
// even while another computer's log holds no change yet: a snapshot it
// could not read (here from a newer lumbar) stops none of its syncs.
func TestReplicasThatHaveReadTheLogsLeaveSnapshotsAlone(t *testing.T) {
	rs := newReplicas(t, 2)
	mustAppend(t, rs[0].s, Pain, painAt(outboxAt, 4))
	exchange(t, rs) // the second computer writes nothing: its log is a header
	if err := os.WriteFile(filepath.Join(rs[0].logs(), "ZZZZ.snap"), []byte("lumbar-sync 9\n"), 0o600); err != nil {
		t.Fatal(err)
	}
	mustAppend(t, rs[0].s, Pain, painAt(outboxAt.Add(time.Hour), 5))
	if res := mustSync(t, rs[0]); res.StartedFrom != "" {
		t.Errorf("started from %s", res.StartedFrom)
	}
}

// The key a run unwraps to open a snapshot (a scrypt, about a second) is
// kept for its replica's log, even when the snapshot is then passed
// over, so reading that log does not unwrap it again.
func TestKeyOpenedForASnapshotIsKeptForItsLog(t *testing.T) {
	first := folderWithSnapshot(t)
	id, _ := Read(first.s, ReplicaID)
	r := replicaUnderTest{s: openTemp(t), folder: t.TempDir()}
	copyFiles(t, first.logs(), r.logs(), func(name string, data []byte) []byte {
		if isSnapshot(name) {
			data[len(data)-20] ^= 1 // its state damaged: it is opened, then passed over
		}
		return data
	})
	me, err := setUpReplica(r.s, r.folder, passphraseIs(samePassphrase))
	if err != nil {
		t.Fatal(err)
	}
	if err := r.s.Update(func(tx *Tx) error { return tx.btx.Bucket(bucketSync).DeleteBucket(bucketLogs) }); err != nil {
		t.Fatal(err) // no key kept from checking the passphrase
	}
	var res SyncResult
	if err := startFromSnapshot(r.s, r.logs(), me, &res); err != nil || res.StartedFrom != "" {
		t.Fatalf("started from %q: %v", res.StartedFrom, err)
	}
	kept := map[string]bool{}
	names, _ := namesIn(r.logs())
	for _, l := range synclog.LogFiles(names) {
		seen, err := Read(r.s, func(tx *Tx) (readLog, error) { return logRead(tx, l.Name) })
		if err != nil {
			t.Fatal(err)
		}
		kept[l.Name] = seen.Key != ""
	}
	if len(kept) != 2 || !kept[synclog.FileName(id)] {
		t.Errorf("keys kept: %v; want the snapshot's replica's (%s) alone", kept, id)
	}
	for name, k := range kept {
		if k && name != synclog.FileName(id) {
			t.Errorf("a key kept for %s, whose key no snapshot opened", name)
		}
	}
}
