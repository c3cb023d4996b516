package main

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"lumbar/store/demodata"
	"lumbar/store/diary"
)

// demoDiary is a data file of a year of demo records.
func demoDiary(t *testing.T) string {
	t.Helper()
	path := filepath.Join(t.TempDir(), "demo.db")
	if _, _, err := demodata.Build(path, 1, runNow); err != nil {
		t.Fatal(err)
	}
	return path
}

// Export, import into a new file, export again: the same bytes, as one
// JSON document and as JSON Lines (CSV: TestExportCSVFolderRoundTrip).
func TestExportImportRoundTripIsByteIdentical(t *testing.T) {
	src := demoDiary(t)
	dir := t.TempDir()
	for _, format := range []string{"json", "jsonl"} {
		first, again := filepath.Join(dir, "first."+format), filepath.Join(dir, "again."+format)
		copyDB := filepath.Join(dir, format+".db")
		if code, out, errOut := runCLI(t, nil, "--db", src, "export", "--out", first); code != exitOK || !strings.Contains(out, "exported 354 pain entries, 2944 water logs") {
			t.Fatalf("%s export: %d %q %q", format, code, out, errOut)
		}
		if code, out, errOut := runCLI(t, nil, "--db", copyDB, "import", first); code != exitOK || !strings.Contains(out, "pain:     354 added, 0 already there") {
			t.Fatalf("%s import: %d %q %q", format, code, out, errOut)
		}
		if code, _, errOut := runCLI(t, nil, "--db", copyDB, "export", "--out", again); code != exitOK {
			t.Fatalf("%s export again: %d %q", format, code, errOut)
		}
		assertSameFiles(t, first, again)
	}
}

// assertSameFiles compares two files, or two folders file by file.
func assertSameFiles(t *testing.T, a, b string) {
	t.Helper()
	if info, err := os.Stat(a); err == nil && info.IsDir() {
		entries, _ := os.ReadDir(a)
		for _, e := range entries {
			assertSameFiles(t, filepath.Join(a, e.Name()), filepath.Join(b, e.Name()))
		}
		return
	}
	if string(mustRead(t, a)) != string(mustRead(t, b)) {
		t.Errorf("%s and %s differ", a, b)
	}
}

func TestExportCSVFolderRoundTrip(t *testing.T) {
	src := demoDiary(t)
	dir := t.TempDir()
	first, again := filepath.Join(dir, "first"), filepath.Join(dir, "again")
	copyDB := filepath.Join(dir, "copy.db")
	if code, _, errOut := runCLI(t, nil, "--db", src, "export", "--format", "csv", "--out", first); code != exitOK {
		t.Fatalf("export: %d %q", code, errOut)
	}
	if code, out, errOut := runCLI(t, nil, "--db", copyDB, "import", first); code != exitOK || !strings.Contains(out, fmt.Sprintf("settings: %d added", len(diary.SharedSettings()))) {
		t.Fatalf("import: %d %q %q", code, out, errOut)
	}
	if code, _, errOut := runCLI(t, nil, "--db", copyDB, "export", "--format", "csv", "--out", again); code != exitOK {
		t.Fatalf("export again: %d %q", code, errOut)
	}
	entries, _ := os.ReadDir(again)
	if len(entries) != 5 {
		t.Errorf("the CSV folder holds %d files", len(entries))
	}
	assertSameFiles(t, first, again)

	before := sum(t, copyDB)
	code, out, _ := runCLI(t, nil, "--db", copyDB, "import", first)
	if code != exitOK || !strings.Contains(out, "water:    0 added, 2944 already there") || sum(t, copyDB) != before {
		t.Errorf("importing again: %d %q, or the file changed", code, out)
	}
}

func TestExportPicksKindsAndDays(t *testing.T) {
	src := demoDiary(t)
	code, out, errOut := runCLI(t, nil, "--db", src, "export", "--format", "csv", "--kind", "water", "--from", "2026-11-20", "--to", "2026-11-20")
	rows := strings.Split(strings.TrimSpace(out), "\r\n")
	if code != exitOK || rows[0] != "id,at,ml" || len(rows) < 5 {
		t.Fatalf("export water of one day: %d %q %q", code, out, errOut)
	}
	for _, r := range rows[1:] {
		if !strings.Contains(r, ",2026-11-20T") {
			t.Errorf("a row of another day: %q", r)
		}
	}
	code, out, _ = runCLI(t, nil, "--db", src, "export", "--format", "jsonl", "--kind", "settings")
	if lines := strings.Split(strings.TrimSpace(out), "\n"); code != exitOK || len(lines) != 1+len(diary.SharedSettings()) || !strings.HasPrefix(lines[1], `{"record":"settings","name":`) {
		t.Errorf("export settings as JSON Lines: %d %q", code, out)
	}
}

// Conflicts are reported and left alone unless --replace; --dry-run
// counts without writing.
func TestImportConflictsAndDryRun(t *testing.T) {
	path, lumbar := freshDiary(t)
	if code, _, errOut := lumbar("log", "4", "--note", "first"); code != exitOK {
		t.Fatal(errOut)
	}
	export := filepath.Join(t.TempDir(), "x.json")
	if code, _, errOut := lumbar("export", "--kind", "pain", "--out", export); code != exitOK {
		t.Fatal(errOut)
	}
	edited := strings.Replace(string(mustRead(t, export)), `"note": "first"`, `"note": "changed"`, 1)
	if err := os.WriteFile(export, []byte(edited), 0o600); err != nil {
		t.Fatal(err)
	}
	before := sum(t, path)
	code, out, _ := lumbar("import", export)
	if code != exitOK || !strings.Contains(out, "pain:     0 added, 0 already there, 1 conflict (") ||
		!strings.Contains(out, "--replace overwrites them") || sum(t, path) != before {
		t.Errorf("import of a conflict: %d %q, or the file changed", code, out)
	}
	code, out, _ = lumbar("import", "--replace", "--dry-run", export)
	if code != exitOK || !strings.Contains(out, "0 would add, 0 already there, 1 replaced") || sum(t, path) != before {
		t.Errorf("import --replace --dry-run: %d %q, or the file changed", code, out)
	}
	if code, out, _ = lumbar("import", "--replace", export); code != exitOK || !strings.Contains(out, "1 replaced") {
		t.Errorf("import --replace: %d %q", code, out)
	}
	if _, out, _ = lumbar("history"); !strings.Contains(out, "changed") {
		t.Errorf("history after --replace: %q", out)
	}
}

// Every refusal of export and import is one line, exit 2 for what was
// typed or given, and writes nothing: neither the diary nor --out.
func TestExportImportRefusalsWriteNothing(t *testing.T) {
	path, lumbar := freshDiary(t)
	if code, _, errOut := lumbar("log", "4"); code != exitOK {
		t.Fatal(errOut)
	}
	dir := t.TempDir()
	write := func(name, content string) string {
		p := filepath.Join(dir, name)
		if err := os.WriteFile(p, []byte(content), 0o600); err != nil {
			t.Fatal(err)
		}
		return p
	}
	good := filepath.Join(dir, "good.json")
	if code, _, errOut := lumbar("export", "--out", good); code != exitOK {
		t.Fatal(errOut)
	}
	goodJSON := string(mustRead(t, good))
	existing := write("existing.json", "keep me")
	notExport := write("other.json", `{"entries": []}`)
	truncated := write("cut.json", goodJSON[:len(goodJSON)/2])
	missingColumn := write("pain.csv", "id,at,leg_pain\r\n")
	foreignCSV := write("other.csv", "Date,Pain\n2026-01-01,4\n")
	badRecord := write("bad.json", strings.Replace(goodJSON, `"pain": 4`, `"pain": 14`, 1))
	empty := filepath.Join(dir, "empty")
	if err := os.Mkdir(empty, 0o700); err != nil {
		t.Fatal(err)
	}
	for _, tt := range []struct {
		args []string
		code int
		says string
	}{
		{[]string{"export", "--from", "2026-13-01"}, exitUsage, `--from must be a date like 2026-03-31, not "2026-13-01"`},
		{[]string{"export", "--to", "yesterday"}, exitUsage, `--to must be a date like 2026-03-31, not "yesterday"`},
		{[]string{"export", "--from", "2026-11-10", "--to", "2026-11-01"}, exitUsage, "--from 2026-11-10 is after --to 2026-11-01"},
		{[]string{"export", "--kind", "pain,blood"}, exitUsage, `unknown kind "blood"`},
		{[]string{"export", "--kind", "sesions"}, exitUsage, "did you mean sessions?"},
		{[]string{"export", "--format", "jsn"}, exitUsage, "did you mean json?"},
		{[]string{"export", "--format", "csv"}, exitUsage, "give --out DIR"},
		{[]string{"export", "--out", filepath.Join(dir, "all.csv")}, exitUsage, "CSV is one file per kind"},
		{[]string{"export", "--format", "csv", "--out", filepath.Join(dir, "no", "folder")}, exitUsage, "does not exist"},
		{[]string{"export", "--out", existing}, exitUsage, "already exists; choose a new name, or add --force"},
		{[]string{"export", "--out", filepath.Join(dir, "no", "such", "x.json")}, exitUsage, "does not exist"},
		{[]string{"export", "pain"}, exitUsage, "export takes no arguments"},
		{[]string{"import"}, exitUsage, "import needs one FILE"},
		{[]string{"import", notExport}, exitUsage, "is not a lumbar export"},
		{[]string{"import", truncated}, exitUsage, "cut short (truncated)"},
		{[]string{"import", missingColumn}, exitUsage, `lacks the column "pain" of a pain export`},
		{[]string{"import", foreignCSV}, exitUsage, "not the header of a lumbar CSV export"},
		{[]string{"import", badRecord}, exitUsage, "pain record 1: pain must be a whole number from 0 to 10, not 14"},
		{[]string{"import", empty}, exitUsage, "it is not a CSV export"},
		{[]string{"import", filepath.Join(dir, "missing.json")}, exitError, "cannot read"},
	} {
		before := sum(t, path)
		code, out, errOut := lumbar(tt.args...)
		if code != tt.code || out != "" || !strings.Contains(errOut, tt.says) || strings.Count(errOut, "\n") != 1 {
			t.Errorf("%q: exit %d, stdout %q, stderr %q; want %d and %q in one line", tt.args, code, out, errOut, tt.code, tt.says)
		}
		if sum(t, path) != before {
			t.Errorf("%q changed the diary", tt.args)
		}
	}
	if string(mustRead(t, existing)) != "keep me" {
		t.Error("export replaced an existing file")
	}
	for _, made := range []string{"no", "all.csv"} {
		if _, err := os.Stat(filepath.Join(dir, made)); err == nil {
			t.Errorf("a refused export made %s", made)
		}
	}
	fresh := filepath.Join(dir, "fresh")
	if code, _, errOut := runCLI(t, nil, "--db", notExport, "export", "--format", "csv", "--out", fresh); code != exitError || !strings.Contains(errOut, "not a lumbar data file") {
		t.Errorf("export of a file that is no diary: %d %q", code, errOut)
	}
	if _, err := os.Stat(fresh); err == nil {
		t.Error("a failed export made its folder")
	}
	if code, _, errOut := lumbar("export", "--out", existing, "--force"); code != exitOK || !strings.Contains(string(mustRead(t, existing)), "lumbar-export") {
		t.Errorf("export --force: %d %q", code, errOut)
	}
}

// An export of no diary is an empty export; an import --dry-run into no
// diary counts; neither makes the file.
func TestExportAndDryRunCreateNothing(t *testing.T) {
	dir := t.TempDir()
	env := map[string]string{"LUMBAR_DB": filepath.Join(dir, "sub", "lumbar.db")}
	code, out, errOut := runCLI(t, env, "export", "--kind", "pain,water")
	if code != exitOK || !strings.Contains(out, `"pain": [],`) || !strings.Contains(out, `"exported_at": "`+runNow.Format(time.RFC3339)) {
		t.Fatalf("export of no diary: %d %q %q", code, out, errOut)
	}
	src := demoDiary(t)
	file := filepath.Join(t.TempDir(), "x.jsonl")
	if code, _, errOut := runCLI(t, nil, "--db", src, "export", "--out", file); code != exitOK {
		t.Fatal(errOut)
	}
	code, out, _ = runCLI(t, env, "import", "--dry-run", file)
	if code != exitOK || !strings.Contains(out, "pain:     354 would add, 0 already there") {
		t.Errorf("import --dry-run into no diary: %d %q", code, out)
	}
	if entries, _ := os.ReadDir(dir); len(entries) != 0 {
		t.Errorf("export or a dry run created %s", entries[0].Name())
	}
}

// A diary kept in a spreadsheet comes in once, however often imported;
// a bad row refuses the whole file in one line and writes nothing.
func TestImportForeignCSV(t *testing.T) {
	path, lumbar := freshDiary(t)
	dir := t.TempDir()
	sheet := filepath.Join(dir, "sheet.csv")
	if err := os.WriteFile(sheet, []byte("Datum,Schmerz,Notiz\n20.11.2026,5,nach dem Umzug\n21.11.2026,3,\n"), 0o600); err != nil {
		t.Fatal(err)
	}
	args := []string{"import", "--csv", sheet, "--map", "date=Datum,pain=Schmerz,note=Notiz", "--date-format", "DD.MM.YYYY"}
	if code, out, errOut := lumbar(args...); code != exitOK || out != "pain:     2 added, 0 already there\n" {
		t.Fatalf("import --csv: %d %q %q", code, out, errOut)
	}
	before := sum(t, path)
	if code, out, _ := lumbar(args...); code != exitOK || out != "pain:     0 added, 2 already there\n" || sum(t, path) != before {
		t.Errorf("import --csv again: %d %q, or the file changed", code, out)
	}
	if _, out, _ := lumbar("history", "--days", "10"); !strings.Contains(out, "2026-11-20 12:00 · pain 5 moderate") || !strings.Contains(out, "nach dem Umzug") {
		t.Errorf("history after import --csv: %q", out)
	}

	bad := filepath.Join(dir, "bad.csv")
	if err := os.WriteFile(bad, []byte("Datum,Schmerz\n22.11.2026,4\n32.11.2026,4\n"), 0o600); err != nil {
		t.Fatal(err)
	}
	for _, tt := range []struct {
		args []string
		says string
	}{
		{[]string{"import", "--csv", bad, "--map", "date=Datum,pain=Schmerz", "--date-format", "DD.MM.YYYY"}, `line 3: date "32.11.2026" does not match --date-format`},
		{[]string{"import", "--csv", bad, "--map", "date=Datum,pain=Pain"}, `there is no column "Pain"; the header row has Datum, Schmerz`},
		{[]string{"import", "--csv", bad, "--map", "date=Datum"}, "it needs pain=COLUMN"},
		{[]string{"import", "--csv", bad}, "--csv needs --map"},
		{[]string{"import", "--csv", bad, "--map", "date=1,pain=2", "--date-format", "DD-MM"}, "lacks YYYY"},
		{[]string{"import", "--csv", bad, "--map", "date=1,pain=2", "extra.csv"}, "import takes no arguments"},
		{[]string{"import", sheet, "--date-format", "DD.MM.YYYY"}, "--date-format goes with --csv FILE"},
	} {
		code, out, errOut := lumbar(tt.args...)
		if code != exitUsage || out != "" || !strings.Contains(errOut, tt.says) || strings.Count(errOut, "\n") != 1 {
			t.Errorf("%q: exit %d, stdout %q, stderr %q; want 2 and %q in one line", tt.args, code, out, errOut, tt.says)
		}
		if sum(t, path) != before {
			t.Errorf("%q changed the diary", tt.args)
		}
	}
}

// lumbar export | lumbar import -: the export read from the input.
func TestImportFromTheInput(t *testing.T) {
	src := demoDiary(t)
	exported := filepath.Join(t.TempDir(), "x.jsonl")
	if code, _, errOut := runCLI(t, nil, "--db", src, "export", "--kind", "water", "--out", exported); code != exitOK {
		t.Fatal(errOut)
	}
	in, err := os.Open(exported)
	if err != nil {
		t.Fatal(err)
	}
	defer in.Close()
	var out, errOut strings.Builder
	code := run([]string{"--db", filepath.Join(t.TempDir(), "copy.db"), "import", "-"}, system{
		stdin: in, stdout: &out, stderr: &errOut,
		getenv: func(string) string { return "" }, now: func() time.Time { return runNow },
	})
	if code != exitOK || out.String() != "water:    2944 added, 0 already there\n" {
		t.Errorf("import -: %d %q %q", code, out.String(), errOut.String())
	}
}
