package store

import (
	"fmt"
	"math/rand/v2"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"syscall"
	"testing"
	"time"

	"lumbar/store/diary"
	"lumbar/store/oplog"
)

// The sync crash test: a child process (TestChildSyncer) writes and syncs
// a replica in a loop and is killed at random moments, during a write or
// during a sync; no acknowledged write may be lost, and nothing sent twice
// may change anything.
const (
	syncChildDBEnv   = "LUMBAR_TEST_SYNC_CHILD_DB"
	syncChildDirEnv  = "LUMBAR_TEST_SYNC_CHILD_DIR"
	syncChildSeedEnv = "LUMBAR_TEST_SYNC_CHILD_SEED"
)

// TestChildSyncer adds water logs, printing "ack ID" after each commit,
// and every few writes syncs, printing "sync" before and "synced" after.
// It runs until killed.
func TestChildSyncer(t *testing.T) {
	path, dir := os.Getenv(syncChildDBEnv), os.Getenv(syncChildDirEnv)
	if path == "" {
		t.Skip("only runs as a child of the sync crash test")
	}
	var seed uint64
	fmt.Sscan(os.Getenv(syncChildSeedEnv), &seed)
	r := rand.New(rand.NewPCG(seed, 3))
	s, err := Open(path)
	if err != nil {
		fmt.Println("open:", err)
		os.Exit(3)
	}
	say := func(format string, args ...any) { fmt.Printf(format+"\n", args...) } // unbuffered: a line printed is a line acknowledged
	for {
		if r.IntN(3) == 0 {
			say("sync")
			if _, err := SyncDir(s, dir, passphraseIs("the same on every computer")); err != nil {
				say("error: %v", err)
				os.Exit(4)
			}
			say("synced")
			continue
		}
		k, err := Water.Append(s, diary.WaterLog{Stamp: diary.StampAt(time.Now()), ML: 100 + r.IntN(300)})
		if err != nil {
			say("error: %v", err)
			os.Exit(4)
		}
		say("ack %s", k.ID())
	}
}

// Replicas whose writer is killed again and again, inside a write or a
// sync, lose no acknowledged write and, once every replica has synced,
// hold the same diary; no operation went into a log twice, the outboxes
// are empty and the day totals are a recount of the records.
func TestKilledSyncingReplicasLoseNothingAndSendNothingTwice(t *testing.T) {
	if testing.Short() {
		t.Skip("spawns writer processes")
	}
	const seed, rounds = 16, 20
	r := rand.New(rand.NewPCG(seed, 16))
	folder := t.TempDir() // one folder: a sync tool that delivers at once
	rs := make([]replicaUnderTest, 3)
	for i := range rs {
		rs[i] = replicaUnderTest{s: openTemp(t), folder: folder}
		mustSync(t, rs[i])
	}
	acked := map[string]bool{}
	var inSync int
	for round := range rounds {
		x := rs[r.IntN(len(rs))]
		cmd, lines := startChildTest(t, "TestChildSyncer", syncChildDBEnv+"="+x.s.Path(),
			syncChildDirEnv+"="+folder, fmt.Sprint(syncChildSeedEnv, "=", r.Uint64()))
		killAfter := 1 + r.IntN(20) // lines read before the kill
		last := ""
		for seen := 0; seen < killAfter && lines.Scan(); seen++ {
			last = lines.Text()
			if id, ok := strings.CutPrefix(last, "ack "); ok {
				acked[id] = true
			} else if last != "sync" && last != "synced" {
				t.Fatalf("round %d: the child said %q", round, last)
			}
		}
		time.Sleep(time.Duration(r.IntN(2000)) * time.Microsecond) // into the next write or sync
		_ = cmd.Process.Signal(syscall.SIGKILL)
		for lines.Scan() { // what it printed before the kill landed counts too
			last = lines.Text()
			if id, ok := strings.CutPrefix(last, "ack "); ok {
				acked[id] = true
			}
		}
		_ = cmd.Wait()
		if last == "sync" {
			inSync++
		}
		verifyFile(t, x.s, nil)
	}
	t.Logf("%d kills, %d of them inside a sync, %d writes acknowledged", rounds, inSync, len(acked))
	for range 2 { // everyone sends what is left, then everyone takes in
		for _, x := range rs {
			mustSync(t, x)
		}
	}
	want := held(t, rs[0].s)
	for i, x := range rs {
		verifyFile(t, x.s, acked)
		if got := held(t, x.s); !reflect.DeepEqual(got, want) {
			t.Errorf("replica %d differs from replica 0:\n%s", i, diffHeld(got, want))
		}
		if ops := mustOutbox(t, x.s); len(ops) != 0 {
			t.Errorf("replica %d has %d operations left to send", i, len(ops))
		}
		assertTotalsAreARecount(t, x.s, fmt.Sprintf("replica %d", i))
		assertNoOperationTwice(t, filepath.Join(x.logs(), logName(t, x)))
	}
}

// assertNoOperationTwice fails when a log holds an operation twice: a
// frame sent again after a run was cut short.
func assertNoOperationTwice(t *testing.T, path string) {
	t.Helper()
	seen := map[oplog.Mark]bool{}
	for _, op := range logOps(t, path) {
		if seen[op.Mark()] {
			t.Errorf("%s holds %s on %s twice", filepath.Base(path), op.Kind, op.Target().Name)
		}
		seen[op.Mark()] = true
	}
}
