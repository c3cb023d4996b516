package main

import (
	"encoding/json"
	"os"
	"path/filepath"
	"reflect"
	"slices"
	"strings"
	"testing"
	"time"

	"lumbar/store"
	"lumbar/store/diary"
)

func TestSessionsListsWhatWasFollowed(t *testing.T) {
	path, s := newDB(t)
	five, three := 5, 3
	zone := time.FixedZone("", 3600)
	for _, sess := range []diary.Session{
		{Stamp: diary.StampAt(time.Date(2026, 11, 26, 7, 30, 0, 0, zone)), Routine: "morning-mobility",
			End: time.Date(2026, 11, 26, 6, 35, 5, 0, time.UTC), StepsDone: 3, StepsTotal: 6, PainBefore: &five},
		{Stamp: diary.StampAt(time.Date(2026, 11, 27, 8, 0, 0, 0, zone)), Routine: "desk-break",
			End: time.Date(2026, 11, 27, 7, 3, 45, 0, time.UTC), StepsDone: 5, StepsTotal: 5, PainBefore: &five, PainAfter: &three},
		{Stamp: diary.StampAt(time.Date(2026, 10, 1, 8, 0, 0, 0, zone)), Routine: "gone-routine",
			End: time.Date(2026, 10, 1, 7, 1, 0, 0, time.UTC), StepsDone: 1, StepsTotal: 2},
	} {
		if _, err := store.Sessions.Append(s, sess); err != nil {
			t.Fatal(err)
		}
	}
	env := map[string]string{"XDG_CONFIG_HOME": t.TempDir()}
	code, out, errOut := runCLI(t, env, "--db", path, "sessions")
	lines := strings.Split(strings.TrimSpace(out), "\n")
	if code != exitOK || errOut != "" || len(lines) != 2 {
		t.Fatalf("sessions: exit %d, %s\n%s", code, errOut, out)
	}
	for i, want := range []string{
		" 2026-11-26 07:30 · Morning mobility · stopped · 3 of 6 steps · 5:05 · pain 5 → –",
		" 2026-11-27 08:00 · Desk break · completed · 5 of 5 steps · 3:45 · pain 5 → 3",
	} {
		if id, _, _ := strings.Cut(lines[i], " "); len(id) < store.MinShortID || !strings.HasSuffix(lines[i], want) {
			t.Errorf("line %d = %q, want a short ID and %q", i, lines[i], want)
		}
	}
	_, out, _ = runCLI(t, env, "--db", path, "sessions", "--from", "2026-10-01", "--to", "2026-10-01")
	if !strings.HasSuffix(strings.TrimSpace(out), " 2026-10-01 08:00 · gone-routine · stopped · 1 of 2 steps · 1:00") {
		t.Errorf("a routine no longer known shows its ID: %q", out)
	}

	_, out, _ = runCLI(t, env, "--db", path, "sessions", "--json")
	var got []map[string]any
	if err := json.Unmarshal([]byte(out), &got); err != nil || len(got) != 2 {
		t.Fatalf("JSON: %v\n%s", err, out)
	}
	var keys []string
	for k := range got[0] {
		keys = append(keys, k)
	}
	slices.Sort(keys)
	want := []string{"at", "completed", "day", "id", "pain_after", "pain_before", "routine", "routine_name", "seconds",
		"short_id", "steps_done", "steps_total"}
	if !reflect.DeepEqual(keys, want) {
		t.Errorf("JSON keys %v, want %v", keys, want)
	}
	if got[0]["at"] != "2026-11-26T07:30:00+01:00" || got[0]["completed"] != false || got[0]["seconds"] != 305.0 ||
		got[0]["pain_after"] != nil || got[1]["routine_name"] != "Desk break" || got[1]["pain_after"] != 3.0 {
		t.Errorf("JSON values: %v", got)
	}
}

// With no diary, sessions says there are none and makes no file.
func TestSessionsOfNoDiary(t *testing.T) {
	db := filepath.Join(t.TempDir(), "none.db")
	code, out, _ := runCLI(t, nil, "--db", db, "sessions")
	if code != exitOK || out != "no stretching sessions in the last 30 days; lumbar stretch ROUTINE starts one\n" {
		t.Errorf("no diary: %d %q", code, out)
	}
	if code, out, _ := runCLI(t, nil, "--db", db, "sessions", "--json"); code != exitOK || out != "[]\n" {
		t.Errorf("no diary, JSON: %d %q", code, out)
	}
	if _, err := os.Stat(db); err == nil {
		t.Error("sessions made a data file")
	}
}
