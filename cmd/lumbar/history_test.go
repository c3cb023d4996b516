package main

import (
	"bytes"
	"encoding/json"
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
	var all []shownEntry
	err := s.View(func(tx *store.Tx) error {
		return store.Pain.RangeDays(tx, today-119, today, func(it store.Item[diary.PainEntry]) error {
			all = append(all, shownEntry{Item: it, ShortID: store.ShortID(tx, it.Key)})
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
		wantLines.WriteString(it.ShortID + " " + entryLine(it.Value) + "\n")
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

func TestHistoryFilters(t *testing.T) {
	_, lumbar := freshDiary(t)
	for _, args := range [][]string{
		{"log", "3", "--at", "2026-10-05 10:00", "--note", "Walked the DOG"},
		{"log", "6", "--at", "2026-11-20 08:00", "--where", "leg-left", "--note", "after the drive"},
		{"log", "7", "--at", "yesterday 21:00", "--where", "back-centre", "--redflag", "fever"},
		{"log", "2", "--at", "07:00", "--note", "a dog again"},
	} {
		if code, _, errOut := lumbar(args...); code != exitOK {
			t.Fatalf("%q: %d %s", args, code, errOut)
		}
	}
	pains := func(args ...string) string {
		t.Helper()
		code, out, errOut := lumbar(append([]string{"history"}, args...)...)
		if code != exitOK {
			t.Fatalf("history %q: exit %d, %s", args, code, errOut)
		}
		var got []string
		for _, line := range strings.Split(strings.TrimSpace(out), "\n") {
			if _, pain, ok := strings.Cut(line, "pain "); ok {
				got = append(got, pain[:1])
			}
		}
		return strings.Join(got, ",")
	}
	for _, tt := range []struct {
		args []string
		want string
	}{
		{nil, "6,7,2"},
		{[]string{"--days", "90"}, "3,6,7,2"},
		{[]string{"--from", "2026-10-01", "--to", "2026-10-31"}, "3"},
		{[]string{"--from", "2026-11-20"}, "6,7,2"},
		{[]string{"--days", "90", "--grep", "dog"}, "3,2"},
		{[]string{"--where", "leg-left,back-centre"}, "6,7"},
		{[]string{"--warnings"}, "7"},
		{[]string{"--warnings", "--grep", "drive"}, ""},
	} {
		if got := pains(tt.args...); got != tt.want {
			t.Errorf("history %q: pains %s, want %s", tt.args, got, tt.want)
		}
	}
	if _, out, _ := lumbar("history", "--warnings", "--grep", "drive"); out != "no entries in the last 30 days match\n" {
		t.Errorf("no match says %q", out)
	}
	if _, out, _ := lumbar("history", "--from", "2026-11-01", "--to", "2026-11-10"); out != "no entries from 2026-11-01 to 2026-11-10; log one with lumbar log PAIN\n" {
		t.Errorf("an empty period says %q", out)
	}
	// The JSON's short ID is the line's.
	_, line, _ := lumbar("history", "--warnings")
	_, out, _ := lumbar("history", "--warnings", "--json")
	var got []historyEntry
	if err := json.Unmarshal([]byte(out), &got); err != nil || len(got) != 1 ||
		!strings.HasPrefix(line, got[0].ShortID+" ") || !strings.HasPrefix(got[0].ID, got[0].ShortID) {
		t.Errorf("JSON %v %+v; line %q", err, got, line)
	}
}
