package main

import (
	"os"
	"path/filepath"
	"syscall"
	"testing"
	"time"

	"lumbar/store"
	"lumbar/store/diary"
)

// Signals that end the app run the same saves as q, in the real binary:
// a routine in progress is recorded, a half-typed entry is kept as a
// draft, and the exit status is 128 + the signal's number.
func TestEndToEndSignalMidRoutineKeepsTheSession(t *testing.T) {
	for _, sig := range []syscall.Signal{syscall.SIGTERM, syscall.SIGHUP} {
		t.Run(sig.String(), func(t *testing.T) {
			cmd, _, _, db := startDeskBreak(t)
			if err := cmd.Process.Signal(sig); err != nil {
				t.Fatal(err)
			}
			waitExit(t, cmd, 128+int(sig))
			sessions := storedSessions(t, db)
			if len(sessions) != 1 || sessions[0].Value.Routine != "desk-break" || *sessions[0].Value.PainBefore != 3 {
				t.Errorf("after %v mid-routine the file holds %+v", sig, sessions)
			}
		})
	}
}

func TestEndToEndSignalMidFormKeepsADraft(t *testing.T) {
	for _, sig := range []syscall.Signal{syscall.SIGTERM, syscall.SIGHUP, syscall.SIGINT} {
		t.Run(sig.String(), func(t *testing.T) {
			db := filepath.Join(t.TempDir(), "lumbar.db")
			cmd, ptmx, scr := startInTerminal(t, 80, 24, "--db", db)
			scr.waitFor(t, "no pain logged today", 10*time.Second)
			typeSteps(t, ptmx, scr, []step{{"2", "Nothing logged yet."}, {"n", "Pain now, 0–10"}, {"6", "> 6"}})
			if err := cmd.Process.Signal(sig); err != nil {
				t.Fatal(err)
			}
			waitExit(t, cmd, 128+int(sig))
			var draft store.PainDraft
			var found bool
			s := openStore(t, db)
			err := s.View(func(tx *store.Tx) (err error) {
				draft, found, err = store.GetPainDraft(tx)
				return err
			})
			if err != nil || !found || draft.Input.Pain != "6" {
				t.Fatalf("after %v mid-form: draft %+v, found %v, %v", sig, draft, found, err)
			}
			if sig != syscall.SIGHUP {
				return
			}
			// The next start offers the entry back; enter keeps it.
			cmd, ptmx, scr = startInTerminal(t, 80, 24, "--db", db)
			scr.waitFor(t, "Kept when lumbar closed", 10*time.Second)
			typeSteps(t, ptmx, scr, []step{{"\r", "Saved: pain 6 moderate"}})
			ptmx.Write([]byte("q"))
			waitExit(t, cmd, 0)
			if sum, err := s.Summary(time.Now()); err != nil || sum.LatestPain == nil || sum.LatestPain.Pain != 6 {
				t.Errorf("the kept entry was not saved: %+v, %v", sum.LatestPain, err)
			}
			if err := s.View(func(tx *store.Tx) (err error) {
				_, found, err = store.GetPainDraft(tx)
				return err
			}); err != nil || found {
				t.Errorf("the draft outlived its entry (%v)", err)
			}
		})
	}
}

// The terminal closing during `lumbar demo` leaves no made-up data behind.
func TestEndToEndHangupDuringDemoRemovesItsFolder(t *testing.T) {
	tmp := t.TempDir()
	t.Setenv("TMPDIR", tmp)
	cmd, _, scr := startInTerminal(t, 80, 24, "demo")
	scr.waitFor(t, "1 Guide", 20*time.Second)
	if err := cmd.Process.Signal(syscall.SIGHUP); err != nil {
		t.Fatal(err)
	}
	waitExit(t, cmd, 128+int(syscall.SIGHUP))
	left, err := filepath.Glob(filepath.Join(tmp, "lumbar-demo-*"))
	if err != nil || len(left) != 0 {
		t.Errorf("left behind: %v (%v)", left, err)
	}
}

type step struct{ keys, want string }

// typeSteps types each step's keys and waits for what it should show.
func typeSteps(t *testing.T, ptmx *os.File, scr *screen, steps []step) {
	t.Helper()
	for _, s := range steps {
		if _, err := ptmx.Write([]byte(s.keys)); err != nil {
			t.Fatal(err)
		}
		scr.waitFor(t, s.want, 5*time.Second)
	}
}

func openStore(t *testing.T, db string) *store.Store {
	t.Helper()
	s, err := store.Open(db)
	if err != nil {
		t.Fatal(err)
	}
	return s
}

func storedSessions(t *testing.T, db string) []store.Item[diary.Session] {
	t.Helper()
	var sessions []store.Item[diary.Session]
	err := openStore(t, db).View(func(tx *store.Tx) (err error) {
		sessions, err = store.Sessions.Latest(tx, 10)
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	return sessions
}
