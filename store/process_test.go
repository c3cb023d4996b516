package store

import (
	"bufio"
	"fmt"
	"math/rand/v2"
	"os"
	"os/exec"
	"strings"
	"sync"
	"syscall"
	"testing"
	"time"

	"lumbar/store/diary"

	bolt "go.etcd.io/bbolt"
)

// These tests re-run the test binary as a child process that writes to a
// shared data file: TestChildWriter below is that child, and does nothing
// unless the parent set childEnv.
const (
	childEnv      = "LUMBAR_TEST_CHILD_DB"
	childCountEnv = "LUMBAR_TEST_CHILD_COUNT"
)

// TestChildWriter appends water logs, printing "ack ID" after each commit.
// It writes LUMBAR_TEST_CHILD_COUNT records, or forever if that is unset.
func TestChildWriter(t *testing.T) {
	path := os.Getenv(childEnv)
	if path == "" {
		t.Skip("only runs as a child of the process tests")
	}
	s, err := Open(path)
	if err != nil {
		fmt.Println("open:", err)
		os.Exit(3)
	}
	limit := -1
	fmt.Sscan(os.Getenv(childCountEnv), &limit)
	out := bufio.NewWriter(os.Stdout)
	for i := 0; limit < 0 || i < limit; i++ {
		k, err := Water.Append(s, diary.WaterLog{Stamp: diary.StampAt(time.Now()), ML: 250})
		if err != nil {
			fmt.Fprintln(out, "error:", err)
			out.Flush()
			os.Exit(4)
		}
		fmt.Fprintln(out, "ack", k.ID())
		out.Flush()
	}
}

func startChild(t *testing.T, path string, count int) (*exec.Cmd, *bufio.Scanner) {
	t.Helper()
	env := []string{childEnv + "=" + path}
	if count >= 0 {
		env = append(env, fmt.Sprintf("%s=%d", childCountEnv, count))
	}
	return startChildTest(t, "TestChildWriter", env...)
}

// startChildTest runs the test called name in a child process, with env
// added to the environment, and reads what it prints.
func startChildTest(t *testing.T, name string, env ...string) (*exec.Cmd, *bufio.Scanner) {
	t.Helper()
	cmd := exec.Command(os.Args[0], "-test.run=^"+name+"$", "-test.count=1")
	cmd.Env = append(os.Environ(), env...)
	stdout, err := cmd.StdoutPipe()
	if err != nil {
		t.Fatal(err)
	}
	cmd.Stderr = os.Stderr
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	return cmd, bufio.NewScanner(stdout)
}

// Acknowledged records survive a writer killed at any moment, and the file
// stays consistent.
func TestKilledWriterLosesNoAcknowledgedRecord(t *testing.T) {
	if testing.Short() {
		t.Skip("spawns writer processes")
	}
	s := openTemp(t)
	acked := map[string]bool{}
	const rounds = 24
	for round := range rounds {
		cmd, lines := startChild(t, s.Path(), -1)
		killAfter := 1 + rand.IntN(40) // acknowledgements before the kill
		seen := 0
		for seen < killAfter && lines.Scan() {
			if id, ok := strings.CutPrefix(lines.Text(), "ack "); ok {
				acked[id] = true
				seen++
			} else {
				t.Fatalf("round %d: child said %q", round, lines.Text())
			}
		}
		// Land the kill at a random point inside the next write.
		time.Sleep(time.Duration(rand.IntN(3000)) * time.Microsecond)
		_ = cmd.Process.Signal(syscall.SIGKILL)
		for lines.Scan() { // acknowledgements printed before the kill landed count too
			if id, ok := strings.CutPrefix(lines.Text(), "ack "); ok {
				acked[id] = true
			}
		}
		_ = cmd.Wait()
		verifyFile(t, s, acked)
	}
	if len(acked) < rounds {
		t.Fatalf("only %d acknowledgements over %d rounds", len(acked), rounds)
	}
}

// verifyFile runs bbolt's consistency check and looks for every
// acknowledged water log.
func verifyFile(t *testing.T, s *Store, acked map[string]bool) {
	t.Helper()
	db, err := bolt.Open(s.Path(), 0o600, &bolt.Options{ReadOnly: true, Timeout: 2 * time.Second})
	if err != nil {
		t.Fatalf("reopening after kill: %v", err)
	}
	defer db.Close()
	err = db.View(func(btx *bolt.Tx) error {
		for err := range btx.Check() {
			t.Errorf("consistency check: %v", err)
		}
		water := btx.Bucket([]byte(BucketWater))
		for id := range acked {
			k, _ := ParseID(id)
			if water.Get(k[:]) == nil {
				t.Errorf("acknowledged record %s is missing", id)
			}
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
}

func TestTwoWritersAtOnceLoseNothing(t *testing.T) {
	if testing.Short() {
		t.Skip("spawns writer processes")
	}
	s := openTemp(t)
	const each = 500
	var mu sync.Mutex
	acked := map[string]bool{}
	var wg sync.WaitGroup
	for range 2 {
		cmd, lines := startChild(t, s.Path(), each)
		wg.Go(func() {
			for lines.Scan() {
				id, ok := strings.CutPrefix(lines.Text(), "ack ")
				if !ok {
					if lines.Text() != "PASS" { // the test framework's own last word
						t.Errorf("child said %q", lines.Text())
					}
					continue
				}
				mu.Lock()
				acked[id] = true
				mu.Unlock()
			}
			if err := cmd.Wait(); err != nil {
				t.Errorf("writer exited with %v", err)
			}
		})
	}
	wg.Wait()
	if len(acked) != 2*each {
		t.Fatalf("%d distinct acknowledgements, want %d", len(acked), 2*each)
	}
	var stored int
	_ = s.View(func(tx *Tx) error {
		return Water.Range(tx, time.Unix(0, 0), time.Now().Add(time.Hour), func(Item[diary.WaterLog]) error {
			stored++
			return nil
		})
	})
	if stored != 2*each {
		t.Errorf("%d records stored, want %d", stored, 2*each)
	}
	verifyFile(t, s, acked)
}
