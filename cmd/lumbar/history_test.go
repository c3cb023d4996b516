package main

import (
	"bytes"
	"strings"
	"testing"
	"time"

	"lumbar/store"
	"lumbar/store/diary"
)

// history streams its output a chunk of days at a time; across chunk
// boundaries it prints exactly what one read of the whole span printed.
func TestHistoryStreamsWhatOneReadWouldPrint(t *testing.T) {
	path, s := newDB(t)
	zone := time.FixedZone("", -5*3600) // days that straddle UTC midnight
	for d := range 100 {
		for h := range 1 + d%3 {
			at := cliNow.In(zone).Add(-time.Duration(d)*24*time.Hour - time.Duration(h)*7*time.Hour)
			e := diary.PainEntry{Stamp: diary.StampAt(at), Pain: d % 11, Note: "<a & b>"[:d%7]}
			if _, err := store.Pain.Append(s, e); err != nil {
				t.Fatal(err)
			}
		}
	}
	today := diary.DayOf(cliNow)
	var all []store.Item[diary.PainEntry]
	err := s.View(func(tx *store.Tx) error {
		return store.Pain.RangeDays(tx, today-119, today, func(it store.Item[diary.PainEntry]) error {
			all = append(all, it)
			return nil
		})
	})
	if err != nil || len(all) < 150 {
		t.Fatalf("%d entries, %v", len(all), err)
	}
	var wantJSON bytes.Buffer
	entries := make([]historyEntry, len(all))
	var wantLines strings.Builder
	for i, it := range all {
		entries[i] = historyJSON(it)
		wantLines.WriteString(entryLine(it.Value) + "\n")
	}
	if err := writeJSON(&wantJSON, entries); err != nil {
		t.Fatal(err)
	}
	if code, out, errOut := runCLI(t, nil, "--db", path, "history", "--days", "120", "--json"); code != exitOK || out != wantJSON.String() {
		t.Errorf("history --json: exit %d, %s; output differs from one read:\n%.400s\nwant\n%.400s", code, errOut, out, wantJSON.String())
	}
	if code, out, errOut := runCLI(t, nil, "--db", path, "history", "--days", "120"); code != exitOK || out != wantLines.String() {
		t.Errorf("history: exit %d, %s; output differs from one read", code, errOut)
	}
}
