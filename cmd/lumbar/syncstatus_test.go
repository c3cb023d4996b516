package main

import (
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// lumbar sync --status before, between and after syncs of two computers:
// it never creates the data file or the folder, asks for no passphrase,
// and tells what waits and what was not taken in yet.
func TestSyncStatusAsAPersonReadsIt(t *testing.T) {
	dir := t.TempDir()
	laptop, desktop := filepath.Join(t.TempDir(), "laptop.db"), filepath.Join(t.TempDir(), "desktop.db")
	status := func(db string, args ...string) string {
		t.Helper()
		code, out, errOut := runCLI(t, nil, append([]string{"--db", db, "sync", "--status"}, args...)...)
		if code != exitOK || errOut != "" {
			t.Fatalf("sync --status %v: exit %d, %q", args, code, errOut)
		}
		return out
	}
	if out := status(laptop, dir); !strings.HasPrefix(out, "this data file is not set up for sync yet: lumbar sync DIR") || strings.Count(out, "\n") != 1 {
		t.Errorf("before any sync: %q", out)
	}
	if _, err := os.Stat(laptop); err == nil {
		t.Error("the status made a data file")
	}
	if _, err := os.Stat(filepath.Join(dir, "lumbar")); err == nil {
		t.Error("the status made DIR/lumbar")
	}
	run := runOn(t, map[string]string{passphraseEnv: "our diary"})
	run(laptop, "log", "4")
	run(laptop, "sync", dir)
	run(desktop, "sync", dir)
	run(laptop, "sync", dir) // the laptop keeps the desktop's log's key
	run(laptop, "water")
	run(laptop, "water")
	run(desktop, "log", "2")
	run(desktop, "sync", dir)

	out := status(laptop) // the folder the first sync kept as sync.dir
	for _, want := range []string{"this computer: replica ", "folder: " + quote(dir) + " (sync.dir)", "to send: 2 changes made here, sent at the next sync",
		"computers in the folder: 2", "this computer · last wrote", "(its newest change) · 1 change not taken in yet"} {
		if !strings.Contains(out, want) {
			t.Errorf("the laptop's status lacks %q:\n%s", want, out)
		}
	}
	run(laptop, "sync", dir)
	out = status(laptop, dir)
	if !strings.Contains(out, "to send: nothing") || !strings.Contains(out, "· caught up") {
		t.Errorf("after the laptop's sync:\n%s", out)
	}
	run(laptop, "config", "set", "sync.dir", "off")
	if out := status(laptop); !strings.Contains(out, "folder: none set") {
		t.Errorf("no DIR and sync.dir off: %q", out)
	}
	var js struct {
		SetUp    bool `json:"set_up"`
		Pending  int  `json:"pending"`
		Replicas []struct {
			ThisComputer  bool   `json:"this_computer"`
			CaughtUp      bool   `json:"caught_up"`
			LastWroteFrom string `json:"last_wrote_from"`
		} `json:"replicas"`
	}
	if err := json.Unmarshal([]byte(status(desktop, dir, "--json")), &js); err != nil {
		t.Fatal(err)
	}
	if !js.SetUp || js.Pending != 0 || len(js.Replicas) != 2 || !js.Replicas[0].ThisComputer ||
		js.Replicas[1].CaughtUp || js.Replicas[1].LastWroteFrom != "change" {
		t.Errorf("the desktop's status as JSON: %+v", js)
	}
}

// What --status cannot be given, and --json without it, are refused.
func TestSyncStatusRefusals(t *testing.T) {
	db := filepath.Join(t.TempDir(), "a.db")
	for _, args := range [][]string{
		{"sync", "--status", "--new-identity"},
		{"sync", "--status", "--passphrase-file", "x"},
		{"sync", "--status", "a", "b"},
		{"sync", t.TempDir(), "--json"},
	} {
		code, out, errOut := runCLI(t, nil, append([]string{"--db", db}, args...)...)
		if code != exitUsage || out != "" || strings.Count(errOut, "\n") != 1 {
			t.Errorf("%v: exit %d, %q, %q", args, code, out, errOut)
		}
	}
}

// Names in the folder come from other programs: the status shows them
// without their control characters.
func TestSyncStatusShowsFileNamesPrintably(t *testing.T) {
	dir := t.TempDir()
	db := filepath.Join(t.TempDir(), "a.db")
	runOn(t, map[string]string{passphraseEnv: "p"})(db, "sync", dir)
	hostile := "ABCD (x\x1b]0;owned\x07\x1b[31m conflicted copy).log"
	if err := os.WriteFile(filepath.Join(dir, "lumbar", hostile), []byte("lumbar-sync 1\n"), 0o600); err != nil {
		t.Fatal(err)
	}
	for _, args := range [][]string{{dir}, {dir, "--json"}} {
		code, out, _ := runCLI(t, nil, append([]string{"--db", db, "sync", "--status"}, args...)...)
		if code != exitOK || strings.ContainsAny(out, "\x1b\x07") || !strings.Contains(out, "conflicted copy") {
			t.Errorf("%v: exit %d, %q", args, code, out)
		}
	}
}
