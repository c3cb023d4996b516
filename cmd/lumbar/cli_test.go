package main

import (
	"bytes"
	"crypto/sha256"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"lumbar/store"
	"lumbar/store/diary"
)

// runNow is the clock runCLI gives lumbar.
var runNow = time.Date(2026, 11, 27, 9, 0, 0, 0, time.UTC)

// runCLI runs lumbar in-process with no terminal attached.
func runCLI(t *testing.T, env map[string]string, args ...string) (code int, stdout, stderr string) {
	t.Helper()
	devnull, err := os.Open(os.DevNull)
	if err != nil {
		t.Fatal(err)
	}
	defer devnull.Close()
	var out, errOut bytes.Buffer
	code = run(args, system{
		stdin:  devnull,
		stdout: &out,
		stderr: &errOut,
		getenv: func(k string) string { return env[k] },
		now:    func() time.Time { return runNow },
	})
	return code, out.String(), errOut.String()
}

func TestHelpListsCommandsAndDataPath(t *testing.T) {
	env := map[string]string{"XDG_DATA_HOME": "/home/ana/.local/share"}
	for _, flag := range []string{"--help", "-h"} {
		code, out, errOut := runCLI(t, env, flag)
		if code != exitOK || errOut != "" {
			t.Fatalf("%s: exit %d, stderr %q", flag, code, errOut)
		}
		for _, want := range []string{"Usage:", "--db PATH", "--version", "backup FILE", "/home/ana/.local/share/lumbar/lumbar.db"} {
			if !strings.Contains(out, want) {
				t.Errorf("%s output lacks %q:\n%s", flag, want, out)
			}
		}
	}
}

func TestVersion(t *testing.T) {
	code, out, _ := runCLI(t, nil, "--version")
	if code != exitOK || out != "lumbar dev\n" {
		t.Errorf("--version: exit %d, %q", code, out)
	}
}

// Every refusal of what was typed is one line on stderr and exit 2,
// whichever command and whichever mistake.
func TestMisuseExitsTwoInOneLine(t *testing.T) {
	db := filepath.Join(t.TempDir(), "x.db")
	for _, tt := range []struct {
		args []string
		says string
	}{
		{[]string{"--bogus"}, `unknown flag "--bogus"`},
		{[]string{"frobnicate"}, `unknown command "frobnicate"`},
		{[]string{"lgo", "5"}, "did you mean log?"},
		{[]string{"help", "stattus"}, "did you mean status?"},
		{[]string{"--db"}, "--db needs a value"},
		{[]string{"--db", db, "backup"}, "backup needs one FILE"},
		{[]string{"log", "5", "-bogus"}, `unknown flag "--bogus"`},
		{[]string{"history", "--dyas", "3"}, "did you mean --days?"},
		{[]string{"history", "--days", "0"}, "--days must be a whole number from 1 to 3660"},
		{[]string{"history", "--from", "2026-13-01"}, `--from must be a date like 2026-03-31, not "2026-13-01"`},
		{[]string{"history", "--from", "2026-11-01", "--to", "tomorrow"}, `--to must be a date`},
		{[]string{"history", "--to", "2026-11-01"}, "--to needs --from"},
		{[]string{"history", "--days", "3", "--from", "2026-11-01"}, "not both"},
		{[]string{"history", "--from", "2026-11-30"}, "--from 2026-11-30 is after 2026-11-27"},
		{[]string{"history", "--from", "2026-11-01", "--to", "2026-12-01"}, "--to 2026-12-01 is in the future"},
		{[]string{"history", "--where", "bak-centre"}, `did you mean back-centre?`},
		{[]string{"history", "--grep", " "}, "--grep needs some text"},
		{[]string{"sessions", "--days", "-3"}, "--days must be a whole number from 1 to 3660"},
		{[]string{"sessions", "--from", "27/11/2026"}, `--from must be a date like 2026-03-31, not "27/11/2026"`},
		{[]string{"sessions", "--jsn"}, "did you mean --json?"},
		{[]string{"sessions", "last"}, `sessions takes no arguments, not "last"`},
		{[]string{"history", "--grep", "\x1b[31m", "--grep", "x"}, "--grep is given twice"},
		{[]string{"stats", "--days", "many"}, `not "many"`},
		{[]string{"status", "json"}, "did you mean --json?"},
		{[]string{"status", "--json=yes"}, "--json takes no value"},
		{[]string{"log", "5", "--note", "a", "--note", "b"}, "--note is given twice"},
		{[]string{"log", "5", "--note", "--where", "back-centre"}, "--note needs a value"},
		{[]string{"log", "11"}, "pain must be a whole number from 0 to 10"},
		{[]string{"water", "0"}, "from 1 to 10"},
		{[]string{"guide", "--list", "when-to-see-a-doctor"}, "take no section"},
		{[]string{"demo", "--years", "0"}, "--years must be"},
		{[]string{"config", "get", "nope"}, `unknown setting "nope"`},
	} {
		code, out, errOut := runCLI(t, nil, append([]string{"--db", db}, tt.args...)...)
		if tt.args[0] == "--db" || tt.args[0] == "--bogus" {
			code, out, errOut = runCLI(t, nil, tt.args...)
		}
		if code != exitUsage || out != "" || !strings.HasPrefix(errOut, "lumbar: ") || strings.Count(errOut, "\n") != 1 ||
			!strings.Contains(errOut, tt.says) {
			t.Errorf("%q: exit %d, stdout %q, stderr %q; want exit 2 and one line saying %q", tt.args, code, out, errOut, tt.says)
		}
		if strings.Contains(errOut, "flag provided") || strings.Contains(errOut, "defined") {
			t.Errorf("%q: the flag package's words leak: %q", tt.args, errOut)
		}
	}
	if _, err := os.Stat(db); err == nil {
		t.Error("a refused command created the data file")
	}
}

// Every command has --help, -h and lumbar help NAME, all the same text on
// stdout with exit 0, even beside a mistake; none of them touches a file.
func TestEveryCommandHasHelp(t *testing.T) {
	dir := t.TempDir()
	t.Chdir(dir)
	for _, c := range commands() {
		want := commandHelp(&c)
		if !strings.HasPrefix(want, "Usage: lumbar "+c.name) || !strings.Contains(want, "--help") {
			t.Errorf("%s: help starts %q", c.name, want[:min(len(want), 40)])
		}
		for _, args := range [][]string{{c.name, "--help"}, {c.name, "-h"}, {"help", c.name}, {"-h", c.name}, {c.name, "--bogus", "-h"}} {
			code, out, errOut := runCLI(t, nil, args...)
			if code != exitOK || out != want || errOut != "" {
				t.Errorf("%q: exit %d, stderr %q, stdout:\n%s", args, code, errOut, out)
			}
		}
		for _, line := range strings.Split(want, "\n") {
			if n := len([]rune(line)); n > helpWidth {
				t.Errorf("%s --help has a line of %d characters: %q", c.name, n, line)
			}
		}
	}
	if entries, _ := os.ReadDir(dir); len(entries) != 0 {
		t.Errorf("asking for help wrote %d files, e.g. %s", len(entries), entries[0].Name())
	}
}

// Global flags work before and after the command.
func TestGlobalFlagsBeforeOrAfterTheCommand(t *testing.T) {
	path, lumbar := freshDiary(t)
	if code, out, errOut := runCLI(t, nil, "water", "--db", path); code != exitOK || !strings.HasPrefix(out, "+250 ml") {
		t.Fatalf("--db after the command: exit %d, %q %q", code, out, errOut)
	}
	_, before, _ := lumbar("status", "--ascii")
	_, after, _ := runCLI(t, nil, "status", "--ascii", "--db="+path)
	if before != after || !strings.HasPrefix(after, "water 1/8") {
		t.Errorf("status with --db before: %q, after: %q", before, after)
	}
	if code, out, _ := runCLI(t, nil, "status", "--version"); code != exitOK || out != "lumbar dev\n" {
		t.Errorf("--version after a command: exit %d, %q", code, out)
	}
	// After --, a word that looks like a flag is an argument.
	if code, _, errOut := lumbar("log", "--", "-h"); code != exitUsage || !strings.Contains(errOut, `not "-h"`) {
		t.Errorf("log -- -h: exit %d, %q", code, errOut)
	}
}

func TestUnknownCommandTouchesNoFile(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "lumbar.db")
	if code, _, _ := runCLI(t, map[string]string{"LUMBAR_DB": path}, "frobnicate"); code != exitUsage {
		t.Fatalf("exit %d", code)
	}
	if _, err := os.Stat(path); err == nil {
		t.Error("an unknown command created the data file")
	}
}

// A bad data file is reported as one plain line before the terminal check:
// these runs have no terminal, yet the file's problem is what they say.
func TestBadDataFileIsReportedFirst(t *testing.T) {
	dir := t.TempDir()
	garbage := filepath.Join(dir, "garbage.db")
	if err := os.WriteFile(garbage, bytes.Repeat([]byte("not a database "), 500), 0o600); err != nil {
		t.Fatal(err)
	}
	empty := filepath.Join(dir, "empty.db")
	if err := os.WriteFile(empty, nil, 0o600); err != nil {
		t.Fatal(err)
	}
	for _, path := range []string{garbage, empty, dir} {
		before := sum(t, path)
		code, out, errOut := runCLI(t, nil, "--db", path)
		if code != exitError {
			t.Errorf("--db %s: exit %d, want 1", path, code)
		}
		if out != "" || strings.Count(errOut, "\n") != 1 || !strings.Contains(errOut, path) ||
			strings.Contains(errOut, "terminal") {
			t.Errorf("--db %s: want one line naming the file; got %q", path, errOut)
		}
		if sum(t, path) != before {
			t.Errorf("--db %s changed the file", path)
		}
	}
}

func sum(t *testing.T, path string) [32]byte {
	info, err := os.Stat(path)
	if err != nil {
		t.Fatal(err)
	}
	if info.IsDir() {
		return [32]byte{}
	}
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	return sha256.Sum256(b)
}

func TestAppWithoutTerminalSaysSo(t *testing.T) {
	path := filepath.Join(t.TempDir(), "sub", "lumbar.db")
	code, out, errOut := runCLI(t, nil, "--db", path)
	if code != exitError || out != "" || !strings.Contains(errOut, "needs a terminal") || strings.Count(errOut, "\n") != 1 {
		t.Errorf("exit %d, stdout %q, stderr %q", code, out, errOut)
	}
	if _, err := os.Stat(path); err != nil {
		t.Errorf("the data file should have been created and checked first: %v", err)
	}
}

func TestDataPathPrecedence(t *testing.T) {
	env := map[string]string{"LUMBAR_DB": "/env/l.db", "XDG_DATA_HOME": "/xdg", "HOME": t.TempDir()}
	getenv := func(k string) string { return env[k] }
	path := func(flag string) string {
		t.Helper()
		p, err := dataPath(flag, getenv)
		if err != nil {
			t.Fatal(err)
		}
		return p
	}
	if got := path("/flag/l.db"); got != "/flag/l.db" {
		t.Errorf("--db should win: %s", got)
	}
	if got := path(""); got != "/env/l.db" {
		t.Errorf("LUMBAR_DB should come next: %s", got)
	}
	delete(env, "LUMBAR_DB")
	if got := path(""); got != "/xdg/lumbar/lumbar.db" {
		t.Errorf("then XDG_DATA_HOME: %s", got)
	}
	env["XDG_DATA_HOME"] = "relative/path" // the XDG spec says to ignore it
	if got := path(""); !filepath.IsAbs(got) {
		t.Errorf("a relative XDG_DATA_HOME was used: %s", got)
	}
	for _, home := range []string{"", "relative", filepath.Join(env["HOME"], "missing")} {
		env["HOME"] = home
		if _, err := dataPath("", getenv); err == nil {
			t.Errorf("HOME=%q gave a data path", home)
		}
	}
}

// Without a home folder (env -i) and without --db or LUMBAR_DB, every
// command that needs the diary refuses in one line and creates nothing;
// the others still work.
func TestNoHomeFolderRefusesInOneLine(t *testing.T) {
	t.Chdir(t.TempDir())
	for _, args := range [][]string{{"status"}, {"log", "3"}, {"history"}, {"water"}, {"config", "list"}, {"backup", "x.db"}, {}} {
		code, out, errOut := runCLI(t, nil, args...)
		if code != exitError || out != "" || errOut != "lumbar: "+errNoHome.Error()+"\n" {
			t.Errorf("%q without a home: exit %d, stdout %q, stderr %q", args, code, out, errOut)
		}
	}
	if code, out, _ := runCLI(t, nil, "guide", "--tip"); code != exitOK || out == "" {
		t.Errorf("guide needs no diary: exit %d", code)
	}
	if code, out, _ := runCLI(t, nil, "--help"); code != exitOK || !strings.Contains(out, "--db PATH or LUMBAR_DB (there is no home folder)") {
		t.Errorf("--help without a home: exit %d\n%s", code, out)
	}
}

// Commands that only read never create the diary or its folder: a
// missing diary reads as empty, and nothing is due.
func TestReadingCommandsCreateNothing(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "sub", "lumbar.db")
	env := map[string]string{"LUMBAR_DB": path}
	for _, tt := range []struct {
		args []string
		want string
	}{
		{[]string{"history"}, "no entries yet; log one with lumbar log PAIN\n"},
		{[]string{"history", "--json"}, "[]\n"},
		{[]string{"stats", "--days", "7"}, "Last 7 days, 2026-11-21 to 2026-11-27\n"},
		{[]string{"status", "--ascii"}, "water 0/8 | nothing due\n"},
		{[]string{"status", "--json"}, `"next":null,"due":[]`},
		{[]string{"config", "get", "water.goal"}, "2000\n"},
		{[]string{"config", "list"}, "water.goal"},
		{[]string{"routines"}, "desk-break"},
		{[]string{"guide", "--list"}, "when-to-see-a-doctor"},
	} {
		code, out, errOut := runCLI(t, env, tt.args...)
		if code != exitOK || errOut != "" || !strings.Contains(out, tt.want) {
			t.Errorf("%q on no diary: exit %d, stderr %q, stdout %q; want %q", tt.args, code, errOut, out, tt.want)
		}
	}
	if code, _, errOut := runCLI(t, env, "backup", filepath.Join(dir, "copy.db")); code != exitError || !strings.Contains(errOut, "nothing to back up") {
		t.Errorf("backup of no diary: exit %d, %q", code, errOut)
	}
	if entries, _ := os.ReadDir(dir); len(entries) != 0 {
		t.Errorf("reading commands created %s", entries[0].Name())
	}
}

// A diary with nothing in it yet has nothing due, even inside active
// hours (09:00 on a Friday, the reminders' first interval long past).
func TestStatusOnAnEmptyDiary(t *testing.T) {
	_, lumbar := freshDiary(t)
	runNowBefore := runNow
	defer func() { runNow = runNowBefore }()
	runNow = time.Date(2026, 11, 27, 15, 0, 0, 0, time.UTC)
	if code, out, _ := lumbar("status", "--ascii"); code != exitOK || out != "water 0/8 | nothing due\n" {
		t.Errorf("status on an empty diary: exit %d, %q", code, out)
	}
	// Once in use, the reminders count, from the first use.
	lumbar("water")
	if _, out, _ := lumbar("status", "--ascii"); !strings.Contains(out, "posture in 30m") {
		t.Errorf("right after the first use: %q", out)
	}
	runNow = runNow.Add(31 * time.Minute)
	if _, out, _ := lumbar("status", "--ascii"); !strings.Contains(out, "posture now") {
		t.Errorf("half an hour after the first use: %q", out)
	}
}

func TestBackupCommand(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "lumbar.db")
	s, err := store.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := store.Pain.Append(s, diary.PainEntry{Stamp: diary.StampAt(time.Now()), Pain: 4}); err != nil {
		t.Fatal(err)
	}
	dst := filepath.Join(dir, "copy.db")
	code, out, errOut := runCLI(t, nil, "--db", path, "backup", dst)
	if code != exitOK || !strings.Contains(out, dst) || errOut != "" {
		t.Fatalf("backup: exit %d, %q, %q", code, out, errOut)
	}
	copied, err := store.Open(dst)
	if err != nil {
		t.Fatalf("the backup does not open: %v", err)
	}
	if sum, _ := copied.Summary(time.Now()); sum.LatestPain == nil || sum.LatestPain.Pain != 4 {
		t.Error("the backup lacks the record")
	}
	before := sha256.Sum256(mustRead(t, dst))
	code, _, errOut = runCLI(t, nil, "--db", path, "backup", dst)
	if code != exitError || !strings.Contains(errOut, "already exists") {
		t.Errorf("second backup to the same file: exit %d, %q", code, errOut)
	}
	if sha256.Sum256(mustRead(t, dst)) != before {
		t.Error("an existing backup was overwritten")
	}
}

func mustRead(t *testing.T, path string) []byte {
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	return b
}

// No word that looks like a flag is a backup's file name, and a target
// that cannot be written is named in plain words (never a temporary file).
func TestBackupTargets(t *testing.T) {
	path, lumbar := freshDiary(t)
	dir := t.TempDir()
	t.Chdir(dir)
	for _, flag := range []string{"--help", "-h"} {
		if code, out, _ := lumbar("backup", flag); code != exitOK || !strings.HasPrefix(out, "Usage: lumbar backup") {
			t.Errorf("backup %s: exit %d, %q", flag, code, out)
		}
	}
	if code, _, errOut := lumbar("backup", "-x"); code != exitUsage || !strings.Contains(errOut, `unknown flag "--x"`) {
		t.Errorf("backup -x: exit %d, %q", code, errOut)
	}
	notAFolder := filepath.Join(dir, "plain")
	if err := os.WriteFile(notAFolder, []byte("x"), 0o600); err != nil {
		t.Fatal(err)
	}
	for _, tt := range []struct {
		target string
		code   int
		says   string
	}{
		{"", exitUsage, "backup needs a FILE name, not an empty one"},
		{filepath.Join(dir, "no", "such", "x.db"), exitError, "the folder " + quote(filepath.Join(dir, "no", "such")) + " does not exist"},
		{filepath.Join(notAFolder, "x.db"), exitError, quote(notAFolder) + " is not a folder"},
		{path, exitError, "already exists"},
	} {
		code, out, errOut := lumbar("backup", tt.target)
		if code != tt.code || out != "" || strings.Count(errOut, "\n") != 1 || !strings.Contains(errOut, tt.says) ||
			strings.Contains(errOut, ".lumbar-copy") {
			t.Errorf("backup %q: exit %d, stdout %q, stderr %q; want exit %d saying %q", tt.target, code, out, errOut, tt.code, tt.says)
		}
	}
	if entries, _ := os.ReadDir(dir); len(entries) != 1 {
		t.Errorf("the refused backups left %d files in the working folder", len(entries)-1)
	}
}
