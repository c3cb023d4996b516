package main

import (
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"lumbar/store"
)

// A computer joining a diary with a history starts from the snapshot
// another wrote, says so, and exports what a computer that read every
// change exports.
func TestSyncNewComputerStartsFromASnapshot(t *testing.T) {
	old := store.SnapshotAfter
	t.Cleanup(func() { store.SnapshotAfter = old })
	store.SnapshotAfter = 1 << 40
	dir := t.TempDir()
	laptop, desktop := filepath.Join(t.TempDir(), "laptop.db"), filepath.Join(t.TempDir(), "desktop.db")
	env := map[string]string{passphraseEnv: "our diary"}
	mustRun := runOn(t, env)
	for i := range 30 {
		mustRun(laptop, "log", fmt.Sprint(i%10))
		mustRun(laptop, "config", "set", "water.goal", fmt.Sprint(1000+100*(i%9)))
		mustRun(laptop, "sync", dir)
	}
	store.SnapshotAfter = 1
	mustRun(laptop, "water")
	if out := mustRun(laptop, "sync", dir); !regexp.MustCompile(`\nwrote a snapshot of this diary \(\d+ KB\) for a new computer to start from\n$`).MatchString(out) {
		t.Errorf("the sync that wrote a snapshot: %q", out)
	}
	store.SnapshotAfter = 1 << 40
	mustRun(laptop, "log", "3")
	mustRun(laptop, "sync", dir)
	out := mustRun(desktop, "sync", dir)
	if !regexp.MustCompile(`took in \d+ changes from 1 other computer\n(.*\n)?started from the snapshot [A-Z2-7]+\.snap: \d+ KB of older changes it holds were not read\n$`).MatchString(out) {
		t.Errorf("the new computer's first sync: %q", out)
	}
	replaying := filepath.Join(t.TempDir(), "replaying.db")
	replayDir := t.TempDir()
	if err := os.CopyFS(replayDir, os.DirFS(dir)); err != nil {
		t.Fatal(err)
	}
	snaps, _ := filepath.Glob(filepath.Join(replayDir, "lumbar", "*.snap"))
	for _, snap := range snaps {
		os.Remove(snap)
	}
	if out := mustRun(replaying, "sync", replayDir); strings.Contains(out, "snapshot") {
		t.Errorf("without the snapshot: %q", out)
	}
	exports := map[string]string{}
	for _, db := range []string{laptop, desktop, replaying} {
		path := filepath.Join(t.TempDir(), "export.json")
		mustRun(db, "export", "--out", path)
		data, err := os.ReadFile(path)
		if err != nil {
			t.Fatal(err)
		}
		exports[db] = string(data)
	}
	if exports[desktop] != exports[replaying] || exports[desktop] != exports[laptop] {
		t.Errorf("started from the snapshot:\n%s\nread every change:\n%s", exports[desktop], exports[replaying])
	}
	if !strings.Contains(exports[desktop], `"water.goal": "1200"`) { // the last change, only in the snapshot
		t.Errorf("the settings did not come across:\n%s", exports[desktop])
	}
}
