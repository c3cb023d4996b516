package main

import (
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	bolt "go.etcd.io/bbolt"

	"lumbar/store"
	"lumbar/store/diary"
)

// lastShortID is the short ID history shows first on its last line.
func lastShortID(t *testing.T, lumbar func(...string) (int, string, string)) string {
	t.Helper()
	_, out, _ := lumbar("history", "--days", "90")
	lines := strings.Split(strings.TrimSpace(out), "\n")
	id, _, _ := strings.Cut(lines[len(lines)-1], " ")
	return id
}

// historyJSONOf is what history --json says, read back.
func historyJSONOf(t *testing.T, lumbar func(...string) (int, string, string)) []historyEntry {
	t.Helper()
	_, out, _ := lumbar("history", "--days", "90", "--json")
	var got []historyEntry
	if err := json.Unmarshal([]byte(out), &got); err != nil {
		t.Fatal(err, out)
	}
	return got
}

func mustRun(t *testing.T, lumbar func(...string) (int, string, string), args ...string) string {
	t.Helper()
	code, out, errOut := lumbar(args...)
	if code != exitOK || errOut != "" {
		t.Fatalf("%q: exit %d, %s", args, code, errOut)
	}
	return out
}

func TestEditChangesOnlyWhatIsGiven(t *testing.T) {
	_, lumbar := freshDiary(t)
	mustRun(t, lumbar, "log", "6", "--leg", "3", "--where", "leg-left", "--note", "long drive", "--at", "yesterday 21:30")
	before := historyJSONOf(t, lumbar)[0]
	id := lastShortID(t, lumbar)

	out := mustRun(t, lumbar, "edit", id, "4", "--feels", "shooting")
	if want := "edited " + id + " 2026-11-26 21:30 · pain 4 moderate · leg 3 · where leg-left · feels shooting · \"long drive\"\n"; out != want {
		t.Errorf("edit says %q, want %q", out, want)
	}
	after := historyJSONOf(t, lumbar)[0]
	if after.ID != before.ID || after.At != before.At || after.Pain != 4 || *after.LegPain != 3 || after.Note != "long drive" {
		t.Errorf("after the edit: %+v", after)
	}
	mustRun(t, lumbar, "edit", id, "--leg", "", "--note", "")
	if e := historyJSONOf(t, lumbar)[0]; e.LegPain != nil || e.Note != "" || e.Pain != 4 {
		t.Errorf("emptied: %+v", e)
	}
	// A new time moves the entry, and so its ID.
	out = mustRun(t, lumbar, "edit", id, "--at", "2026-11-20 08:00")
	if e := historyJSONOf(t, lumbar)[0]; e.At != "2026-11-20T08:00:00Z" || e.ID == before.ID || !strings.Contains(out, e.ShortID) {
		t.Errorf("moved: %+v, said %q", e, out)
	}
}

func TestDeleteAndUndo(t *testing.T) {
	path, lumbar := freshDiary(t)
	mustRun(t, lumbar, "log", "3", "--at", "08:00")
	mustRun(t, lumbar, "log", "7", "--at", "08:30", "--note", "bad morning")
	id := lastShortID(t, lumbar)
	if out := mustRun(t, lumbar, "delete", id); out != "deleted "+id+" the entry of 2026-11-27 08:30 (pain 7 severe) (lumbar undo puts it back)\n" {
		t.Errorf("delete says %q", out)
	}
	if got := historyJSONOf(t, lumbar); len(got) != 1 || got[0].Pain != 3 {
		t.Errorf("after delete: %+v", got)
	}
	if out := mustRun(t, lumbar, "undo"); out != "undid the delete: put back the entry of 2026-11-27 08:30 (pain 7 severe)\n" {
		t.Errorf("undo says %q", out)
	}
	if got := historyJSONOf(t, lumbar); len(got) != 2 || got[1].Note != "bad morning" || got[1].ShortID != id {
		t.Errorf("after undo: %+v", got)
	}
	before := sum(t, path)
	code, out, errOut := lumbar("undo")
	if code != exitError || out != "" || errOut != "lumbar: nothing to undo (the last change is undone already, or there was none)\n" {
		t.Errorf("second undo: exit %d, %q, %q", code, out, errOut)
	}
	if sum(t, path) != before {
		t.Error("an undo with nothing to undo changed the file")
	}
}

// A stretching session is deleted by its ID as an entry is.
func TestDeleteASession(t *testing.T) {
	path, lumbar := freshDiary(t)
	s, err := store.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	at := time.Date(2026, 11, 27, 7, 0, 0, 0, time.UTC)
	k, err := store.Sessions.Append(s, diary.Session{Stamp: diary.StampAt(at), Routine: "desk-break",
		End: at.Add(3 * time.Minute), StepsDone: 2, StepsTotal: 5})
	if err != nil {
		t.Fatal(err)
	}
	id := k.ID()[:store.MinShortID]
	if out := mustRun(t, lumbar, "delete", id); out != "deleted "+id+" the \"desk-break\" session of 2026-11-27 07:00 (lumbar undo puts it back)\n" {
		t.Errorf("delete says %q", out)
	}
	if code, _, errOut := lumbar("edit", id, "3"); code != exitUsage || !strings.Contains(errOut, "no entry or session has the ID") {
		t.Errorf("edit of a deleted session: %d %q", code, errOut)
	}
	mustRun(t, lumbar, "undo")
	if code, _, errOut := lumbar("edit", id, "3"); code != exitUsage ||
		!strings.Contains(errOut, `is the "desk-break" session of 2026-11-27 07:00, not a pain entry`) {
		t.Errorf("edit of a session: %d %q", code, errOut)
	}
}

func TestUndoSaysWhatItUndid(t *testing.T) {
	_, lumbar := freshDiary(t)
	for _, tt := range []struct {
		args []string
		says string
	}{
		{[]string{"log", "5", "--at", "08:00"}, "undid adding the entry of 2026-11-27 08:00 (pain 5 moderate)"},
		{[]string{"water", "2"}, "undid logging 500 ml of water (2 drinks)"},
		{[]string{"water", "--ml", "330"}, "undid logging 330 ml of water at 2026-11-27 09:00"},
		{[]string{"water", "--undo"}, "undid taking back 330 ml of water at 2026-11-27 09:00: logged again"},
		{[]string{"edit", "ENTRY", "2"}, "undid the edit: the entry of 2026-11-27 08:00 (pain 2 mild) is back to 2026-11-27 08:00 · pain 5 moderate"},
	} {
		args := tt.args
		if args[0] == "water" && args[1] == "--undo" {
			mustRun(t, lumbar, "water", "--ml", "330")
		}
		if args[0] == "edit" {
			mustRun(t, lumbar, "log", "5", "--at", "08:00")
			args = []string{"edit", lastShortID(t, lumbar), "2"}
		}
		mustRun(t, lumbar, args...)
		if out := mustRun(t, lumbar, "undo"); out != tt.says+"\n" {
			t.Errorf("undo after %q says %q, want %q", args, out, tt.says)
		}
	}
}

func TestWaterUndoTakesBackTheLatestDrinks(t *testing.T) {
	path, lumbar := freshDiary(t)
	mustRun(t, lumbar, "water", "3")
	if out := mustRun(t, lumbar, "water", "--undo"); out != "took back 250 ml · today 500 of 2,000 ml (lumbar undo logs it again)\n" {
		t.Errorf("water --undo says %q", out)
	}
	if out := mustRun(t, lumbar, "water", "2", "--undo"); out != "took back 500 ml · today 0 of 2,000 ml (lumbar undo logs it again)\n" {
		t.Errorf("water 2 --undo says %q", out)
	}
	before := sum(t, path)
	code, _, errOut := lumbar("water", "--undo")
	if code != exitError || errOut != "lumbar: no water logged today to take back\n" {
		t.Errorf("nothing to take back: %d %q", code, errOut)
	}
	mustRun(t, lumbar, "water")
	before = sum(t, path)
	if code, _, errOut := lumbar("water", "2", "--undo"); code != exitError || !strings.Contains(errOut, "only 1 drink logged today, not 2; nothing was taken back") {
		t.Errorf("too many to take back: %d %q", code, errOut)
	}
	if sum(t, path) != before {
		t.Error("a refused take-back changed the file")
	}
}

// A record changed since the last write by something that keeps no
// notes (an older lumbar) is not overwritten by an undo.
func TestUndoRefusesToOverwriteALaterChange(t *testing.T) {
	path, lumbar := freshDiary(t)
	mustRun(t, lumbar, "log", "5", "--at", "08:00")
	id := historyJSONOf(t, lumbar)[0].ID
	db, err := bolt.Open(path, 0o600, &bolt.Options{Timeout: time.Second})
	if err != nil {
		t.Fatal(err)
	}
	err = db.Update(func(tx *bolt.Tx) error {
		k, _ := store.ParseID(id)
		return tx.Bucket([]byte("pain")).Put(k[:], []byte(`{"at":"2026-11-27T08:00:00Z","utc_offset_seconds":0,"pain":9}`))
	})
	if cerr := db.Close(); err == nil {
		err = cerr
	}
	if err != nil {
		t.Fatal(err)
	}
	before := sum(t, path)
	code, out, errOut := lumbar("undo")
	if code != exitError || out != "" || errOut != "lumbar: the entry of 2026-11-27 08:00 (pain 5 moderate) was changed again since the last change; nothing was undone\n" {
		t.Errorf("undo over a later change: exit %d, %q, %q", code, out, errOut)
	}
	if sum(t, path) != before {
		t.Error("a refused undo changed the file")
	}
}

// Every refusal of edit, delete, undo and water --undo is one line, exit
// 2, and writes nothing.
func TestChangesRefuseInOneLine(t *testing.T) {
	path, lumbar := freshDiary(t)
	mustRun(t, lumbar, "log", "5", "--at", "08:00")
	mustRun(t, lumbar, "log", "6", "--at", "08:00")
	entries := historyJSONOf(t, lumbar)
	// Made in the same second, the two share their first 16 digits.
	shared := entries[0].ID[:store.MinShortID]
	before := sum(t, path)
	for _, tt := range []struct {
		args []string
		says string
	}{
		{[]string{"edit"}, "edit needs the ID"},
		{[]string{"edit", "zz\x1b[2Jzz", "3"}, `"zz\x1b[2Jzz" is not an ID`},
		{[]string{"edit", entries[0].ShortID}, "edit needs something to change"},
		{[]string{"edit", "123", "3"}, `"123" is not an ID`},
		{[]string{"edit", "0123456789", "--note", "x"}, `no entry or session has the ID "0123456789"`},
		{[]string{"edit", shared, "4"}, fmt.Sprintf(`"%s" could be any of 2 records: %s = the entry of 2026-11-27 08:00 (pain %d moderate); `+
			`%s = the entry of 2026-11-27 08:00 (pain %d moderate); give more digits`, shared, entries[0].ShortID, entries[0].Pain, entries[1].ShortID, entries[1].Pain)},
		{[]string{"edit", entries[0].ShortID, "11"}, "pain must be a whole number from 0 to 10"},
		{[]string{"edit", entries[0].ShortID, "4", "5"}, `edit takes an ID and a rating, not "` + entries[0].ShortID + ` 4 5"`},
		{[]string{"edit", entries[0].ShortID, "--at", "tomorrow 08:00"}, `"tomorrow" is not a time`},
		{[]string{"edit", entries[0].ShortID, "--at", "2026-11-28 08:00"}, "is in the future"},
		{[]string{"edit", entries[0].ShortID, "--where", "bak"}, "unknown area"},
		{[]string{"edit", entries[0].ShortID, "--bogus"}, `unknown flag "--bogus"`},
		{[]string{"delete"}, "delete needs one ID"},
		{[]string{"delete", entries[0].ShortID, entries[1].ShortID}, "delete needs one ID"},
		{[]string{"delete", "fffffff"}, `no entry or session has the ID "fffffff"`},
		{[]string{"delete", shared}, "could be any of 2 records"},
		{[]string{"undo", "now"}, `undo takes no arguments, not "now"`},
		{[]string{"water", "--undo", "--ml", "300"}, "--undo takes back whole drinks"},
		{[]string{"water", "11", "--undo"}, "from 1 to 10"},
	} {
		code, out, errOut := lumbar(tt.args...)
		if code != exitUsage || out != "" || strings.Count(errOut, "\n") != 1 || !strings.HasPrefix(errOut, "lumbar: ") ||
			!strings.Contains(errOut, tt.says) {
			t.Errorf("%q: exit %d, stdout %q, stderr %q; want exit 2 and one line saying %q", tt.args, code, out, errOut, tt.says)
		}
	}
	if sum(t, path) != before {
		t.Error("a refused change wrote to the file")
	}
}

// With no diary yet, there is nothing to change, and none is made.
func TestChangesMakeNoDiary(t *testing.T) {
	db := filepath.Join(t.TempDir(), "none.db")
	for _, args := range [][]string{{"undo"}, {"delete", "18ed60e"}, {"edit", "18ed60e", "3"}, {"water", "--undo"}} {
		code, _, errOut := runCLI(t, nil, append([]string{"--db", db}, args...)...)
		if code != exitError || !strings.Contains(errOut, "no diary yet") {
			t.Errorf("%q: exit %d, %q", args, code, errOut)
		}
	}
	if _, err := os.Stat(db); err == nil {
		t.Error("a change to no diary made one")
	}
}

// An import is one write: undo takes all of its records back, counted
// by kind, and a replaced entry back to what it was.
func TestUndoOfAnImport(t *testing.T) {
	_, from := freshDiary(t)
	for _, at := range []string{"07:00", "07:30", "08:00", "08:30"} {
		mustRun(t, from, "log", "3", "--at", at)
	}
	mustRun(t, from, "water", "2")
	export := filepath.Join(t.TempDir(), "diary.json")
	mustRun(t, from, "export", "--out", export)
	_, into := freshDiary(t)
	mustRun(t, into, "import", export)
	if out := mustRun(t, into, "undo"); out != "undid adding 6 records: 4 pain entries, 2 drinks\n" {
		t.Errorf("undo of an import says %q", out)
	}
	if got := historyJSONOf(t, into); len(got) != 0 {
		t.Errorf("after undoing the import: %+v", got)
	}
}
