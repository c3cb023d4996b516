package main

import (
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// routinesEnv is a data file and a config folder of the test's own; the
// user's routines.toml is written there when src is not empty.
func routinesEnv(t *testing.T, src string) (env map[string]string, routinesPath string) {
	t.Helper()
	dir := t.TempDir()
	routinesPath = filepath.Join(dir, "config", "lumbar", "routines.toml")
	if src != "" {
		if err := os.MkdirAll(filepath.Dir(routinesPath), 0o700); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(routinesPath, []byte(src), 0o600); err != nil {
			t.Fatal(err)
		}
	}
	return map[string]string{"LUMBAR_DB": filepath.Join(dir, "lumbar.db"), "XDG_CONFIG_HOME": filepath.Join(dir, "config")}, routinesPath
}

const lunchRoutine = `[[routine]]
id = "lunch"
name = "Lunch stretch"

[[routine.step]]
stretch = "seated-twist"
hold = "10s"
`

func TestRoutinesListsBuiltInsAndYours(t *testing.T) {
	env, _ := routinesEnv(t, lunchRoutine)
	code, out, errOut := runCLI(t, env, "routines")
	if code != exitOK || errOut != "" {
		t.Fatalf("exit %d, stderr %q", code, errOut)
	}
	for _, want := range []string{"desk-break", "Desk break", "3:04", "seated, standing", "built-in", "lunch", "0:20", "yours"} {
		if !strings.Contains(out, want) {
			t.Errorf("routines output lacks %q:\n%s", want, out)
		}
	}
	code, out, _ = runCLI(t, env, "routines", "--json")
	var routines []routineJSON
	if err := json.Unmarshal([]byte(out), &routines); code != exitOK || err != nil {
		t.Fatalf("--json: exit %d, %v:\n%s", code, err, out)
	}
	if len(routines) != 5 || routines[1].ID != "desk-break" || routines[1].Seconds != 184 || routines[4].BuiltIn {
		t.Errorf("--json routines: %+v", routines)
	}
}

func TestRoutinesListsStretchesOnePerLine(t *testing.T) {
	env, _ := routinesEnv(t, "")
	code, out, _ := runCLI(t, env, "routines", "--stretches")
	lines := strings.Split(strings.TrimSpace(out), "\n")
	if code != exitOK || len(lines) != 1+16 || !strings.HasPrefix(lines[1], "knee-to-chest ") || !strings.Contains(lines[1], "hold 30s each side") {
		t.Errorf("exit %d:\n%s", code, out)
	}
	code, out, _ = runCLI(t, env, "routines", "--stretches", "--json")
	var stretches []stretchJSON
	if err := json.Unmarshal([]byte(out), &stretches); code != exitOK || err != nil || len(stretches) != 16 || stretches[1].Reps != 8 {
		t.Errorf("--stretches --json: exit %d, %v, %d stretches", code, err, len(stretches))
	}
}

func TestBrokenRoutineFileStillListsTheBuiltIns(t *testing.T) {
	env, path := routinesEnv(t, strings.Replace(lunchRoutine, "seated-twist", "seated-twsit", 1))
	code, out, errOut := runCLI(t, env, "routines")
	if code != exitError || !strings.Contains(out, "desk-break") || strings.Contains(out, "lunch") {
		t.Errorf("exit %d:\n%s", code, out)
	}
	if errOut != "lumbar: "+quote(path)+" has problems, so only the built-ins are listed; lumbar routines check shows them\n" {
		t.Errorf("stderr %q", errOut)
	}
}

func TestRoutinesCheck(t *testing.T) {
	env, path := routinesEnv(t, lunchRoutine+"\n[[routine]]\nid = \"two\"\nname = \"Two\"\n[[routine.step]]\nstretch = \"cat-cwo\"\n[[routine.step]]\nrest = \"-5s\"\n")
	code, out, errOut := runCLI(t, env, "routines", "check")
	want := "routines.toml:13: unknown stretch \"cat-cwo\" (did you mean cat-cow?)\nroutines.toml:15: rest \"-5s\" must be more than zero\n"
	if code != exitError || out != "" || errOut != want {
		t.Errorf("exit %d, stdout %q, stderr:\n%s", code, out, errOut)
	}
	if err := os.WriteFile(path, []byte(lunchRoutine), 0o600); err != nil {
		t.Fatal(err)
	}
	if code, out, _ := runCLI(t, env, "routines", "check"); code != exitOK || out != quote(path)+" is fine: 1 routine, 0 stretches\n" {
		t.Errorf("a good file: exit %d, %q", code, out)
	}
	other := filepath.Join(t.TempDir(), "plan.toml")
	if err := os.WriteFile(other, []byte("[[routine]\n"), 0o600); err != nil {
		t.Fatal(err)
	}
	if code, _, errOut := runCLI(t, env, "routines", "check", other); code != exitError || !strings.HasPrefix(errOut, "plan.toml:1: ") {
		t.Errorf("a named file with a syntax error: exit %d, %q", code, errOut)
	}
	if code, _, errOut := runCLI(t, env, "routines", "check", filepath.Join(t.TempDir(), "nope.toml")); code != exitError || !strings.HasPrefix(errOut, "lumbar: cannot read ") || strings.Count(errOut, "\n") != 1 {
		t.Errorf("a missing named file: exit %d, %q", code, errOut)
	}
}

func TestRoutinesCheckWithoutAFileIsFine(t *testing.T) {
	env, path := routinesEnv(t, "")
	if code, out, _ := runCLI(t, env, "routines", "check"); code != exitOK || !strings.Contains(out, quote(path)+" does not exist yet") {
		t.Errorf("exit %d, %q", code, out)
	}
}

func TestRoutinesMisuse(t *testing.T) {
	env, _ := routinesEnv(t, "")
	for _, args := range [][]string{{"routines", "chek"}, {"routines", "--jsn"}, {"routines", "check", "a", "b"}, {"routines", "--json", "check"}, {"stretch"}, {"stretch", "a", "b"}} {
		if code, _, errOut := runCLI(t, env, args...); code != exitUsage || !strings.Contains(errOut, "(see lumbar help ") || strings.Count(errOut, "\n") != 1 {
			t.Errorf("%v: exit %d, %q", args, code, errOut)
		}
	}
	if _, _, errOut := runCLI(t, env, "routines", "chek"); !strings.HasPrefix(errOut, "lumbar: routines: unexpected \"chek\" (did you mean check?)") {
		t.Errorf("no suggestion: %q", errOut)
	}
}

func TestStretchUnknownRoutineBeforeTheTerminal(t *testing.T) {
	env, _ := routinesEnv(t, lunchRoutine)
	code, out, errOut := runCLI(t, env, "stretch", "desk-brake")
	if code != exitUsage || out != "" || errOut != "lumbar: no routine called \"desk-brake\"; did you mean desk-break?\n" {
		t.Errorf("exit %d, stdout %q, stderr %q", code, out, errOut)
	}
	if _, _, errOut := runCLI(t, env, "stretch", "lnch"); !strings.Contains(errOut, "did you mean lunch?") {
		t.Errorf("the user's routines are not offered: %q", errOut)
	}
	if code, _, errOut := runCLI(t, env, "stretch", "lunch"); code != exitError || !strings.Contains(errOut, "needs a terminal") {
		t.Errorf("a known routine without a terminal: exit %d, %q", code, errOut)
	}
}
