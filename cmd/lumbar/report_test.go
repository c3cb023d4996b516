package main

import (
	"bytes"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"lumbar/store"
	"lumbar/store/diary"
)

// reportDiary is a data file with a few entries up to runNow, one with
// a note and a warning sign.
func reportDiary(t *testing.T) string {
	t.Helper()
	path := filepath.Join(t.TempDir(), "diary.db")
	s, err := store.Create(path)
	if err != nil {
		t.Fatal(err)
	}
	for i, pain := range []int{3, 5, 4, 6, 2} {
		e := diary.PainEntry{Stamp: diary.StampAt(runNow.Add(-time.Duration(i) * 24 * time.Hour)), Pain: pain}
		if i == 1 {
			e.Note, e.Warnings = "<i>after the move</i>", []string{"night-pain"}
		}
		if _, err := store.Pain.Append(s, e); err != nil {
			t.Fatal(err)
		}
	}
	stretched := diary.StampAt(runNow.Add(-time.Hour))
	session := diary.Session{Stamp: stretched, Routine: "desk-break", End: stretched.At.Add(5 * time.Minute), StepsDone: 4, StepsTotal: 4}
	if _, err := store.Sessions.Append(s, session); err != nil {
		t.Fatal(err)
	}
	return path
}

// inFreshFolder runs the test in an empty folder of its own.
func inFreshFolder(t *testing.T) string {
	t.Helper()
	dir := t.TempDir()
	t.Chdir(dir)
	return dir
}

func TestReportWritesOneFileHereAndPrintsItsPath(t *testing.T) {
	db := reportDiary(t)
	dir := inFreshFolder(t)
	code, out, errOut := runCLI(t, nil, "report", "--db", db)
	want := filepath.Join(dir, "lumbar-report-2026-08-30-to-2026-11-27.html")
	if code != exitOK || errOut != "" || out != `wrote the report of 90 days (2026-08-30 to 2026-11-27) to "`+want+"\"\n" {
		t.Fatalf("exit %d, stdout %q, stderr %q", code, out, errOut)
	}
	info, err := os.Stat(want)
	if err != nil {
		t.Fatal(err)
	}
	if info.Mode().Perm() != 0o600 {
		t.Errorf("the report is %v; health data is for its owner only (0600)", info.Mode().Perm())
	}
	page, _ := os.ReadFile(want)
	// Routines are named as the Stretch tab names them, not by their IDs.
	for _, wants := range []string{"5 of 90 days", "not a diagnosis", "pain not eased by rest, or worse at night", "Desk break 1"} {
		if !strings.Contains(string(page), wants) {
			t.Errorf("the report lacks %q", wants)
		}
	}
	if strings.Contains(string(page), "after the move") {
		t.Error("a note is in the report without --notes")
	}
}

func TestReportNeverReplacesAFileWithoutForce(t *testing.T) {
	db := reportDiary(t)
	inFreshFolder(t)
	if err := os.WriteFile("mine.html", []byte("keep me"), 0o644); err != nil {
		t.Fatal(err)
	}
	code, out, errOut := runCLI(t, nil, "report", "--db", db, "--out", "mine.html")
	if code != exitError || out != "" || errOut != "lumbar: \"mine.html\" already exists; name another file with --out, or add --force to replace it\n" {
		t.Fatalf("exit %d, stdout %q, stderr %q", code, out, errOut)
	}
	if kept, _ := os.ReadFile("mine.html"); string(kept) != "keep me" {
		t.Fatalf("the file was changed: %q", kept)
	}
	code, _, errOut = runCLI(t, nil, "report", "--db", db, "--out", "mine.html", "--force", "--notes", "--days", "7")
	if code != exitOK || errOut != "" {
		t.Fatalf("--force: exit %d, stderr %q", code, errOut)
	}
	page, _ := os.ReadFile("mine.html")
	if !strings.Contains(string(page), "7 days") || !strings.Contains(string(page), "&lt;i&gt;after the move&lt;/i&gt;") {
		t.Error("--force --notes --days 7 did not write that report, the note escaped")
	}
}

func TestReportRefusesWhatCannotBeAPeriod(t *testing.T) {
	db := reportDiary(t)
	dir := inFreshFolder(t)
	for _, tt := range []struct {
		args []string
		says string
	}{
		{[]string{"--days", "0"}, "--days must be a whole number from 1 to 3660"},
		{[]string{"--days", "7", "--from", "2026-11-01"}, "give --days N or --from DATE --to DATE, not both"},
		{[]string{"--to", "2026-11-01"}, "--to needs --from"},
		{[]string{"--from", "1 Nov"}, `--from must be a date like 2026-03-31, not "1 Nov"`},
		{[]string{"--from", "2026-11-01", "--to", "2026-13-01"}, `--to must be a date like 2026-03-31, not "2026-13-01"`},
		{[]string{"--from", "2026-11-01", "--to", "2026-11-28"}, "--to 2026-11-28 is in the future; today is 2026-11-27"},
		{[]string{"--from", "2026-11-20", "--to", "2026-11-01"}, "--from 2026-11-20 is after 2026-11-01, the last day"},
		{[]string{"--from", "2010-01-01"}, "2010-01-01 to 2026-11-27 is 6,175 days; lumbar report covers at most 3,660"},
		{[]string{"--out", ""}, "--out needs a file name"},
		{[]string{"30"}, `report takes no arguments, not "30"`},
		{[]string{"--nots"}, "did you mean --notes?"},
	} {
		code, out, errOut := runCLI(t, nil, append([]string{"report", "--db", db}, tt.args...)...)
		if code != exitUsage || out != "" || strings.Count(errOut, "\n") != 1 || !strings.Contains(errOut, tt.says) {
			t.Errorf("%q: exit %d, stdout %q, stderr %q; want exit 2 and one line saying %q", tt.args, code, out, errOut, tt.says)
		}
	}
	if entries, _ := os.ReadDir(dir); len(entries) != 0 {
		t.Errorf("a refused report wrote %s", entries[0].Name())
	}
}

func TestReportOfADiaryNotMadeYetSaysItIsEmpty(t *testing.T) {
	inFreshFolder(t)
	db := filepath.Join(t.TempDir(), "none.db")
	code, out, errOut := runCLI(t, nil, "report", "--db", db, "--from", "2026-11-01", "--out", "r.html")
	if code != exitOK || errOut != "" || !strings.Contains(out, "27 days (2026-11-01 to 2026-11-27)") {
		t.Fatalf("exit %d, stdout %q, stderr %q", code, out, errOut)
	}
	page, _ := os.ReadFile("r.html")
	if !strings.Contains(string(page), "Nothing was logged in this period") {
		t.Error("the report of an empty diary does not say so")
	}
	if _, err := os.Stat(db); err == nil {
		t.Error("a report created the data file")
	}
}

func TestReportOpensInTheBrowserWhenAsked(t *testing.T) {
	db := reportDiary(t)
	dir := inFreshFolder(t)
	var opened []string
	opener := func(path string) error { opened = append(opened, path); return nil }
	code, _, errOut := runReportWith(t, opener, "report", "--db", db, "--open", "--out", "a.html")
	if code != exitOK || errOut != "" || len(opened) != 1 || opened[0] != filepath.Join(dir, "a.html") {
		t.Fatalf("exit %d, stderr %q, opened %q", code, errOut, opened)
	}
	failing := func(string) error { return errors.New("no xdg-open found") }
	code, out, errOut := runReportWith(t, failing, "report", "--db", db, "--open", "--out", "b.html")
	if code != exitError || !strings.Contains(out, "b.html") ||
		errOut != "lumbar: the report is written, but it could not be opened: no xdg-open found; open it in a browser yourself\n" {
		t.Fatalf("exit %d, stdout %q, stderr %q", code, out, errOut)
	}
	if _, err := os.Stat("b.html"); err != nil {
		t.Error("the report is gone after the browser failed to open")
	}
}

// runReportWith runs lumbar with openFile as the desktop's opener.
func runReportWith(t *testing.T, openFile func(string) error, args ...string) (code int, stdout, stderr string) {
	t.Helper()
	var out, errOut bytes.Buffer
	code = run(args, system{
		stdout: &out, stderr: &errOut, getenv: func(string) string { return "" },
		now: func() time.Time { return runNow }, openFile: openFile,
	})
	return code, out.String(), errOut.String()
}

func TestOpenerIsTheDesktopsOwn(t *testing.T) {
	for goos, want := range map[string]string{"linux": "xdg-open", "freebsd": "xdg-open", "darwin": "open", "windows": "rundll32"} {
		if name, args := openerArgs(goos, "/r.html"); name != want || args[len(args)-1] != "/r.html" {
			t.Errorf("%s: %s %q", goos, name, args)
		}
	}
}
