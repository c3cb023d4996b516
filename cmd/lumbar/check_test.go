package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"go.etcd.io/bbolt"

	"lumbar/store"
)

// A pain entry whose JSON is damaged (the pages around it sound) is left
// out of every command that lists records, with a note saying so, blocks no write, is listed
// by check (exit 1) and set aside by check --repair after a backup.
func TestDamagedRecordThroughTheCommands(t *testing.T) {
	path, s := newDB(t)
	for _, pain := range []string{"3", "5"} {
		if code, _, errOut := runCLI(t, nil, "--db", path, "log", pain); code != exitOK {
			t.Fatalf("log %s: %d %s", pain, code, errOut)
		}
	}
	damaged := store.NewKey(cliNow.Add(-2 * time.Hour))
	db, err := bbolt.Open(s.Path(), 0o600, nil)
	if err != nil {
		t.Fatal(err)
	}
	err = db.Update(func(tx *bbolt.Tx) error {
		return tx.Bucket([]byte(store.BucketPain)).Put(damaged[:], []byte(`{"pain":#`+strings.Repeat("x", 16000)+`}`))
	})
	db.Close()
	if err != nil {
		t.Fatal(err)
	}

	for _, args := range [][]string{{"history"}, {"stats"}, {"status"}, {"water"}, {"log", "4"}} {
		code, out, errOut := runCLI(t, nil, append([]string{"--db", path}, args...)...)
		if code != exitOK || out == "" {
			t.Errorf("%v beside a damaged record: exit %d, stdout %q, stderr %q", args, code, out, errOut)
		}
		// stats reads day totals, kept as records are written, never the
		// records: it has nothing to leave out.
		want := "lumbar: " + store.SkippedNote(1) + "\n"
		if args[0] == "log" || args[0] == "stats" {
			want = ""
		}
		if args[0] != "log" && errOut != want {
			t.Errorf("%v: stderr %.200q, want %q", args, errOut, want)
		}
	}

	code, out, errOut := runCLI(t, nil, "--db", path, "check")
	if code != exitError || !strings.HasPrefix(out, "pain "+damaged.ID()) || strings.Count(out, "\n") != 1 || len(out) > 300 ||
		strings.Count(errOut, "\n") != 1 || !strings.Contains(errOut, "check --repair") {
		t.Fatalf("check: exit %d, stdout %.300q, stderr %q", code, out, errOut)
	}
	code, out, errOut = runCLI(t, nil, "--db", path, "check", "--repair")
	backups, _ := filepath.Glob(path + ".repair-*.bak")
	if code != exitOK || len(backups) != 1 || !strings.Contains(out, backups[0]) {
		t.Fatalf("check --repair: exit %d, stdout %q, stderr %q, backups %v", code, out, errOut, backups)
	}
	if _, err := os.Stat(backups[0]); err != nil {
		t.Fatal(err)
	}
	code, out, errOut = runCLI(t, nil, "--db", path, "check")
	if code != exitOK || !strings.Contains(out, "pages sound; 4 records, all readable") || errOut != "" {
		t.Errorf("check after the repair: exit %d, %q, %q", code, out, errOut)
	}
	if code, _, errOut := runCLI(t, nil, "--db", path, "history"); code != exitOK || errOut != "" {
		t.Errorf("history after the repair: exit %d, %q", code, errOut)
	}
}

// Day totals that no longer match the records (here: taken out of the
// file behind lumbar's back) are named by check, exit 1, and counted
// again by check --repair after a backup; stats then says what it said.
func TestCheckFindsDayTotalsOffAndCountsThemAgain(t *testing.T) {
	path, s := newDB(t)
	for _, args := range [][]string{{"log", "3"}, {"log", "5"}, {"water"}} {
		if code, _, errOut := runCLI(t, nil, append([]string{"--db", path}, args...)...); code != exitOK {
			t.Fatalf("%v: %d %s", args, code, errOut)
		}
	}
	_, statsBefore, _ := runCLI(t, nil, "--db", path, "stats")
	db, err := bbolt.Open(s.Path(), 0o600, nil)
	if err != nil {
		t.Fatal(err)
	}
	err = db.Update(func(tx *bbolt.Tx) error {
		days := tx.Bucket([]byte("days"))
		var keys [][]byte
		_ = days.ForEach(func(k, _ []byte) error { keys = append(keys, k); return nil })
		for _, k := range keys {
			if err := days.Delete(k); err != nil {
				return err
			}
		}
		return nil
	})
	db.Close()
	if err != nil {
		t.Fatal(err)
	}

	code, out, errOut := runCLI(t, nil, "--db", path, "check")
	if code != exitError || out != "" || strings.Count(errOut, "\n") != 1 ||
		!strings.Contains(errOut, "the totals kept for 1 day do not match the records") || !strings.Contains(errOut, "check --repair") {
		t.Fatalf("check: exit %d, stdout %q, stderr %q", code, out, errOut)
	}
	code, out, errOut = runCLI(t, nil, "--db", path, "check", "--repair")
	backups, _ := filepath.Glob(path + ".repair-*.bak")
	if code != exitOK || len(backups) != 1 || !strings.Contains(out, "counted the totals of 1 day again") || !strings.Contains(out, backups[0]) {
		t.Fatalf("check --repair: exit %d, stdout %q, stderr %q, backups %v", code, out, errOut, backups)
	}
	if code, out, _ := runCLI(t, nil, "--db", path, "check"); code != exitOK || !strings.Contains(out, "all readable") {
		t.Errorf("check after the repair: exit %d, %q", code, out)
	}
	if _, statsAfter, _ := runCLI(t, nil, "--db", path, "stats"); statsAfter != statsBefore {
		t.Errorf("stats after the repair:\n%s\nbefore:\n%s", statsAfter, statsBefore)
	}
}
