package store

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"math/rand/v2"
	"os"
	"path/filepath"
	"reflect"
	"slices"
	"strings"
	"testing"
	"time"

	"lumbar/store/diary"
	"lumbar/store/oplog"
	"lumbar/store/synclog"
)

// replicaUnderTest is a data file and the folder its sync tool keeps for
// it on its computer.
type replicaUnderTest struct {
	s      *Store
	folder string // DIR given to SyncDir
}

func (r replicaUnderTest) logs() string { return filepath.Join(r.folder, "lumbar") }

func passphraseIs(p string) func() (string, error) { return func() (string, error) { return p, nil } }

func mustSync(t *testing.T, r replicaUnderTest) SyncResult {
	t.Helper()
	res, err := SyncDir(r.s, r.folder, passphraseIs("the same on every computer"))
	if err != nil {
		t.Fatal(err)
	}
	return res
}

func newReplicas(t *testing.T, n int) []replicaUnderTest {
	rs := make([]replicaUnderTest, n)
	for i := range rs {
		rs[i] = replicaUnderTest{s: openTemp(t), folder: t.TempDir()}
		mustSync(t, rs[i])
	}
	return rs
}

// deliver copies from's log into to's folder, as a sync tool would: the
// whole file, or (torn) only its first cut bytes.
func deliver(t *testing.T, from, to replicaUnderTest, cut func(n int) int) {
	t.Helper()
	id, err := Read(from.s, ReplicaID)
	if err != nil {
		t.Fatal(err)
	}
	data, err := os.ReadFile(filepath.Join(from.logs(), synclog.FileName(id)))
	if err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(to.logs(), synclog.FileName(id)), data[:cut(len(data))], 0o600); err != nil {
		t.Fatal(err)
	}
}

func whole(n int) int { return n }

// randomSyncedWrite makes one random write (randomWrite's, of the day
// totals test: adds, edits, moves, deletes, undo, imports, failed
// transactions) or changes a setting.
func randomSyncedWrite(t *testing.T, r *rand.Rand, s *Store) {
	t.Helper()
	err := randomWrite(s, r)
	if r.IntN(8) == 0 {
		err = s.Update(func(tx *Tx) error {
			return ChangeSettings(tx, map[string]string{"water.goal": fmt.Sprint(1000 + 100*r.IntN(20))})
		})
	}
	if err != nil {
		t.Fatal(err)
	}
}

// held is every record and setting of a data file, as export would show
// them: bucket/ID → record, and setting → value.
func held(t *testing.T, s *Store) map[string]string {
	t.Helper()
	out := map[string]string{}
	err := s.View(func(tx *Tx) error {
		for _, kind := range recordKinds {
			bk, err := tx.bucket(kind.Bucket())
			if err != nil {
				return err
			}
			if err := bk.ForEach(func(k, v []byte) error {
				out[fmt.Sprintf("%s/%x", kind.Bucket(), k)] = string(v)
				return nil
			}); err != nil {
				return err
			}
		}
		for _, st := range diary.SharedSettings() {
			if kept := settingBytes(tx, st.Name()); kept != nil {
				out["setting/"+st.Name()] = string(kept)
			}
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	return out
}

// expectedMerge is what every replica must hold once all is delivered:
// the winners among every operation in every log.
func expectedMerge(t *testing.T, rs []replicaUnderTest) map[string]string {
	t.Helper()
	state := oplog.State{}
	for _, r := range rs {
		for _, op := range logOps(t, filepath.Join(r.logs(), logName(t, r))) {
			state.Apply(op)
		}
	}
	out := map[string]string{}
	for target, op := range state {
		switch op.Kind {
		case oplog.Set:
			out["setting/"+target.Name] = string(op.Value)
		case oplog.Put:
			out[target.Bucket+"/"+target.Name] = string(op.Value)
		}
	}
	return out
}

// Three replicas write at random and sync in random orders, their logs
// delivered late, twice, or torn; once everything has been delivered,
// every replica holds the same diary, and it is the merge of all that
// was written.
func TestThreeReplicasConverge(t *testing.T) {
	for seed := range uint64(4) {
		t.Run(fmt.Sprint("seed ", seed), func(t *testing.T) {
			r := rand.New(rand.NewPCG(seed, 16))
			rs := newReplicas(t, 3)
			for range 80 {
				writer := rs[r.IntN(3)]
				randomSyncedWrite(t, r, writer.s)
				switch r.IntN(4) {
				case 0: // a sync run
					mustSync(t, rs[r.IntN(3)])
				case 1: // a delivery, maybe torn, maybe again
					from, to := r.IntN(3), r.IntN(3)
					if from != to {
						deliver(t, rs[from], rs[to], func(n int) int { return r.IntN(n + 1) })
						deliver(t, rs[from], rs[to], func(n int) int { return n - r.IntN(n/4+1) })
					}
				}
			}
			exchange(t, rs) // everyone sends what is left and takes in the rest
			want := expectedMerge(t, rs)
			for i, x := range rs {
				if got := held(t, x.s); !reflect.DeepEqual(got, normalised(t, want)) {
					t.Errorf("replica %d holds %d records and settings, the merge %d:\n%s", i, len(got), len(want), diffHeld(got, normalised(t, want)))
				}
				assertTotalsAreARecount(t, x.s, fmt.Sprintf("replica %d after the merge", i))
				if ops := mustOutbox(t, x.s); len(ops) != 0 {
					t.Errorf("replica %d has %d operations left to send", i, len(ops))
				}
			}
		})
	}
}

// normalised is want with each record as the data file encodes it (a
// record applied is decoded and encoded again).
func normalised(t *testing.T, want map[string]string) map[string]string {
	t.Helper()
	out := map[string]string{}
	for k, v := range want {
		var buf bytes.Buffer
		if err := json.Compact(&buf, []byte(v)); err != nil {
			t.Fatal(err)
		}
		out[k] = buf.String()
	}
	return out
}

func diffHeld(got, want map[string]string) string {
	var lines []string
	for k, v := range got {
		if want[k] != v {
			lines = append(lines, fmt.Sprintf("%s: holds %s, merge %s", k, v, want[k]))
		}
	}
	for k, v := range want {
		if _, ok := got[k]; !ok {
			lines = append(lines, fmt.Sprintf("%s: missing, merge %s", k, v))
		}
	}
	slices.Sort(lines)
	return strings.Join(lines, "\n")
}

// A second computer with the wrong passphrase is refused in one line and
// does not become a replica; the right one reads the first's diary.
func TestWrongPassphraseIsRefusedBeforeAnyWrite(t *testing.T) {
	first := newReplicas(t, 1)[0]
	mustAppend(t, first.s, Pain, painAt(outboxAt, 5))
	mustSync(t, first)
	second := replicaUnderTest{s: openTemp(t), folder: first.folder}
	_, err := SyncDir(second.s, second.folder, passphraseIs("not it"))
	if !errors.Is(err, synclog.ErrWrongPassphrase) || strings.Contains(err.Error(), "\n") {
		t.Fatalf("a wrong passphrase: %v", err)
	}
	if id, _ := Read(second.s, ReplicaID); id != "" {
		t.Errorf("a refused passphrase made the file replica %s", id)
	}
	res := mustSync(t, second)
	if res.Applied != 1 || len(painNow(t, second.s)) != 1 {
		t.Errorf("the second computer applied %d operations and holds %v", res.Applied, painNow(t, second.s))
	}
}

// A copy a sync tool made of a log is read as an extra log and reported.
func TestConflictCopyIsReadAndReported(t *testing.T) {
	rs := newReplicas(t, 2)
	mustAppend(t, rs[0].s, Water, diary.WaterLog{Stamp: diary.StampAt(outboxAt), ML: 250})
	mustSync(t, rs[0])
	id, _ := Read(rs[0].s, ReplicaID)
	data, err := os.ReadFile(filepath.Join(rs[0].logs(), synclog.FileName(id)))
	if err != nil {
		t.Fatal(err)
	}
	copyName := id + ".sync-conflict-20261202-101500-XYZ1234.log"
	if err := os.WriteFile(filepath.Join(rs[1].logs(), copyName), data, 0o600); err != nil {
		t.Fatal(err)
	}
	res := mustSync(t, rs[1])
	if res.Applied != 1 || !reflect.DeepEqual(res.Copies, []string{copyName}) {
		t.Errorf("sync = %+v", res)
	}
	deliver(t, rs[0], rs[1], whole)
	if res := mustSync(t, rs[1]); res.Applied != 0 {
		t.Errorf("the log after its copy applied %d operations again", res.Applied)
	}
}

// A log from a newer lumbar is refused with one line naming it.
func TestNewerLogIsRefused(t *testing.T) {
	r := newReplicas(t, 1)[0]
	if err := os.WriteFile(filepath.Join(r.logs(), "ZZZZ.log"), []byte("lumbar-sync 9\n"), 0o600); err != nil {
		t.Fatal(err)
	}
	_, err := SyncDir(r.s, r.folder, passphraseIs("x"))
	if !errors.Is(err, synclog.ErrNewerFormat) || !strings.Contains(err.Error(), "ZZZZ.log") || strings.Contains(err.Error(), "\n") {
		t.Errorf("a newer log: %v", err)
	}
}

// A log that cannot be read (from a newer lumbar, not a log at all, or
// damaged after its first frames) holds up no other: the run takes in
// every other computer's changes, the readable frames of the damaged log
// too, and then names each log it could not read, with its own error.
func TestAnUnreadableLogHoldsUpNoOther(t *testing.T) {
	rs := newReplicas(t, 3)
	mustAppend(t, rs[0].s, Pain, painAt(outboxAt, 4))
	mustSync(t, rs[0])
	deliver(t, rs[0], rs[2], whole)
	mustAppend(t, rs[1].s, Pain, painAt(outboxAt.Add(time.Hour), 6))
	mustSync(t, rs[1])
	mustAppend(t, rs[1].s, Pain, painAt(outboxAt.Add(2*time.Hour), 7))
	mustSync(t, rs[1])
	deliver(t, rs[1], rs[2], whole)
	id1, _ := Read(rs[1].s, ReplicaID)
	damaged := filepath.Join(rs[2].logs(), synclog.FileName(id1))
	data, _ := os.ReadFile(damaged)
	data[len(data)-20] ^= 0xff // inside the second frame
	os.WriteFile(damaged, data, 0o600)
	for name, content := range map[string]string{"ZZZZ.log": "lumbar-sync 9\n", "YYYY.log": "my shopping list\n"} {
		if err := os.WriteFile(filepath.Join(rs[2].logs(), name), []byte(content), 0o600); err != nil {
			t.Fatal(err)
		}
	}
	res, err := SyncDir(rs[2].s, rs[2].folder, passphraseIs("the same on every computer"))
	var unread *UnreadLogsError
	if !errors.As(err, &unread) || len(unread.Logs) != 3 {
		t.Fatalf("sync with three unreadable logs: %v", err)
	}
	if !errors.Is(err, synclog.ErrNewerFormat) || !errors.Is(err, synclog.ErrNotALog) || !errors.Is(err, synclog.ErrDamaged) ||
		strings.Contains(err.Error(), "\n") {
		t.Errorf("the refusal does not name each log's fault in one line: %v", err)
	}
	if got := len(painNow(t, rs[2].s)); got != 2 || res.Applied != 2 || res.Logs != 1 {
		t.Errorf("holds %d entries, applied %d from %d logs; want the readable log's entry and the damaged log's first", got, res.Applied, res.Logs)
	}
}

// A run cut short while appending leaves a torn frame at the end of the
// replica's own log; the next run appends after the last whole frame,
// and the operations of the torn one, still in the outbox, go again.
func TestTornOwnLogIsContinuedAfterItsLastWholeFrame(t *testing.T) {
	rs := newReplicas(t, 2)
	mustAppend(t, rs[0].s, Pain, painAt(outboxAt, 2))
	mustSync(t, rs[0])
	id, _ := Read(rs[0].s, ReplicaID)
	own := filepath.Join(rs[0].logs(), synclog.FileName(id))
	f, err := os.OpenFile(own, os.O_WRONLY|os.O_APPEND, 0)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := f.Write([]byte{0, 0, 9, 0, 'x'}); err != nil { // a frame's start, cut off
		t.Fatal(err)
	}
	f.Close()
	mustAppend(t, rs[0].s, Pain, painAt(outboxAt.Add(time.Hour), 3))
	mustSync(t, rs[0])
	deliver(t, rs[0], rs[1], whole)
	if res := mustSync(t, rs[1]); res.Applied != 2 || len(painNow(t, rs[1].s)) != 2 {
		t.Errorf("after a torn own log the other replica applied %d and holds %v", res.Applied, painNow(t, rs[1].s))
	}
}

// A run sends a large outbox (a diary of years, its first sync) in frames
// of at most maxFrameOps operations, and another computer takes them all.
func TestALargeOutboxGoesInFramesOfBoundedSize(t *testing.T) {
	defer func(n int) { maxFrameOps = n }(maxFrameOps)
	maxFrameOps = 3
	rs := newReplicas(t, 2)
	for i := range 8 {
		mustAppend(t, rs[0].s, Pain, painAt(outboxAt.Add(time.Duration(i)*time.Hour), i))
	}
	if res := mustSync(t, rs[0]); res.Sent != 8 {
		t.Fatalf("sent %d of 8", res.Sent)
	}
	id, _ := Read(rs[0].s, ReplicaID)
	data, err := os.ReadFile(filepath.Join(rs[0].logs(), synclog.FileName(id)))
	if err != nil {
		t.Fatal(err)
	}
	h, _, _ := synclog.ReadHeader(data)
	key, _ := Read(rs[0].s, func(tx *Tx) (synclog.Key, error) { me, err := readSetUp(tx); return me.key, err })
	frames, _, err := synclog.ReadFrames(data, h.Frames, key)
	if err != nil || len(frames) != 3 || len(frames[0]) != 3 || len(frames[2]) != 2 {
		t.Fatalf("the log holds %d frames (%v), want 3, 3 and 2 operations", len(frames), err)
	}
	deliver(t, rs[0], rs[1], whole)
	if res := mustSync(t, rs[1]); res.Applied != 8 || res.Frames != 3 || len(painNow(t, rs[1].s)) != 8 {
		t.Errorf("the other computer applied %d operations from %d frames", res.Applied, res.Frames)
	}
	if res := mustSync(t, rs[0]); res.Sent != 0 {
		t.Errorf("the next run sent %d again", res.Sent)
	}
}

// A long log is taken in a part at a time, each part its own transaction
// noting how far it got: with a budget of a byte, a frame a transaction.
func TestALongLogIsTakenInAPartAtATime(t *testing.T) {
	defer func(n int) { applyBudget = n }(applyBudget)
	applyBudget = 1
	rs := newReplicas(t, 2)
	for i := range 4 {
		mustAppend(t, rs[0].s, Pain, painAt(outboxAt.Add(time.Duration(i)*time.Hour), i))
		mustSync(t, rs[0]) // a frame each
	}
	deliver(t, rs[0], rs[1], whole)
	before, _ := rs[1].s.Revision()
	res := mustSync(t, rs[1])
	after, _ := rs[1].s.Revision()
	if res.Applied != 4 || res.Frames != 4 || len(painNow(t, rs[1].s)) != 4 {
		t.Fatalf("applied %d from %d frames", res.Applied, res.Frames)
	}
	if after-before < 4 {
		t.Errorf("the log went in %d transactions, want one a frame", after-before)
	}
	if res := mustSync(t, rs[1]); res.Applied != 0 || res.Frames != 0 {
		t.Errorf("the next run read %d frames again", res.Frames)
	}
}
