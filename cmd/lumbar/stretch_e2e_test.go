package main

import (
	"os"
	"os/exec"
	"path/filepath"
	"testing"
	"time"

	"lumbar/store"
	"lumbar/store/diary"
)

// `lumbar stretch ROUTINE` in a real terminal: the player keeps time on
// its own ticks, q does not leave mid-pose, and ctrl+c records the
// session before the program ends.
func TestEndToEndStretchRoutine(t *testing.T) {
	cmd, ptmx, scr, db := startDeskBreak(t)
	scr.waitFor(t, "rep 2 of 8", 5*time.Second) // 3 s in: the ticks run
	ptmx.Write([]byte("q"))
	time.Sleep(300 * time.Millisecond)
	scr.waitFor(t, "Shoulder rolls", time.Second)
	ptmx.Write([]byte{3}) // ctrl+c
	waitExit(t, cmd, 0)

	s, err := store.Open(db)
	if err != nil {
		t.Fatal(err)
	}
	var sessions []store.Item[diary.Session]
	err = s.View(func(tx *store.Tx) (err error) {
		sessions, err = store.Sessions.Latest(tx, 10)
		return err
	})
	if err != nil || len(sessions) != 1 {
		t.Fatalf("%d sessions, %v", len(sessions), err)
	}
	if got := sessions[0].Value; got.Routine != "desk-break" || got.StepsTotal != 9 || *got.PainBefore != 3 || got.End.Sub(got.At) < 3*time.Second {
		t.Errorf("session %+v", got)
	}
}

// startDeskBreak starts the real binary in an 80×24 terminal on a fresh
// data file (and no routines.toml) in the desk break's player, answers
// the pain question with 3 and waits for the first step to run.
func startDeskBreak(t *testing.T) (cmd *exec.Cmd, ptmx *os.File, scr *screen, db string) {
	t.Helper()
	dir := t.TempDir()
	t.Setenv("XDG_CONFIG_HOME", filepath.Join(dir, "config"))
	db = filepath.Join(dir, "lumbar.db")
	cmd, ptmx, scr = startInTerminal(t, 80, 24, "--db", db, "stretch", "desk-break")
	scr.waitFor(t, "How is your pain right now", 10*time.Second)
	ptmx.Write([]byte("3"))
	scr.waitFor(t, "Shoulder rolls · rep 1 of 8", 5*time.Second)
	return cmd, ptmx, scr, db
}
