package main

import (
	"path/filepath"
	"strings"
	"testing"
	"time"

	"lumbar/store"
	"lumbar/store/diary"
)

// The real app syncs on its own: at start it takes in what the other
// computer sent, and as it closes it sends what was logged in it.
func TestEndToEndAppSyncsAtStartAndAsItCloses(t *testing.T) {
	dir := t.TempDir()
	laptop, desktop := filepath.Join(t.TempDir(), "laptop.db"), filepath.Join(t.TempDir(), "desktop.db")
	env := map[string]string{passphraseEnv: "our diary"}
	mustRun := runOn(t, env)
	mustRun(laptop, "sync", dir)
	mustRun(desktop, "sync", dir)
	s, err := store.Open(laptop) // logged now: the commands here log at the tests' fixed time
	if err != nil {
		t.Fatal(err)
	}
	if _, err := store.Pain.Append(s, diary.PainEntry{Stamp: diary.StampAt(time.Now()), Pain: 6}); err != nil {
		t.Fatal(err)
	}
	mustRun(laptop, "sync")

	cmd, ptmx, scr := startInTerminal(t, 80, 24, "--db", desktop)
	took := scr.waitFor(t, "pain 6 moderate", 10*time.Second)
	t.Logf("the laptop's entry shown %v after start", took)
	for _, step := range []struct{ keys, want string }{
		{"2", "n new entry"},
		{"n", "Pain now, 0–10"},
		{"3", "> 3"},
		{"\r", "Saved: pain 3 mild"},
	} {
		if _, err := ptmx.Write([]byte(step.keys)); err != nil {
			t.Fatal(err)
		}
		scr.waitFor(t, step.want, 5*time.Second)
	}
	ptmx.Write([]byte("q"))
	waitExit(t, cmd, 0)
	if out := mustRun(laptop, "sync"); !strings.Contains(out, "took in 1 change from 1 other computer") {
		t.Errorf("the entry logged in the app did not leave as it closed: %q", out)
	}
}

// lumbar remind --once (from cron) syncs before it looks at what is due.
func TestRemindOnceSyncsFirst(t *testing.T) {
	dir := t.TempDir()
	laptop, desktop := filepath.Join(t.TempDir(), "laptop.db"), filepath.Join(t.TempDir(), "desktop.db")
	env := map[string]string{passphraseEnv: "our diary"}
	for _, db := range []string{laptop, desktop} {
		if code, _, errOut := runCLI(t, env, "--db", db, "sync", dir); code != exitOK {
			t.Fatalf("sync: %q", errOut)
		}
	}
	if code, _, errOut := runCLI(t, nil, "--db", laptop, "log", "5"); code != exitOK {
		t.Fatal(errOut)
	}
	if code, _, errOut := runCLI(t, nil, "--db", laptop, "sync"); code != exitOK {
		t.Fatal(errOut)
	}
	history := func() string {
		_, out, _ := runCLI(t, nil, "--db", desktop, "history")
		return out
	}
	if strings.Contains(history(), "pain 5 moderate") {
		t.Fatal("the desktop has the entry before it synced")
	}
	if code, _, errOut := runCLI(t, nil, "--db", desktop, "remind", "--once"); code != exitOK && code != exitNothingDue {
		t.Fatalf("remind --once: exit %d, %q", code, errOut)
	}
	if out := history(); !strings.Contains(out, "pain 5 moderate") {
		t.Errorf("the laptop's entry is not on the desktop after remind --once: %q", out)
	}
}

// lumbar remind's first line says it syncs, and with which folder.
func TestRemindSaysItSyncs(t *testing.T) {
	s, err := store.Open(filepath.Join(t.TempDir(), "lumbar.db"))
	if err != nil {
		t.Fatal(err)
	}
	if note := syncingNote(s); note != "" {
		t.Errorf("sync.dir off: %q", note)
	}
	if err := s.Update(func(tx *store.Tx) error {
		return store.ChangeSettings(tx, map[string]string{"sync.dir": "/home/ana/Sync", "sync.interval": "10m"})
	}); err != nil {
		t.Fatal(err)
	}
	if note := syncingNote(s); note != `; syncing with "/home/ana/Sync" every 10m` {
		t.Errorf("sync.dir set: %q", note)
	}
}
