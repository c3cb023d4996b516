package content

import (
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

func writeRoutines(t *testing.T, src string) string {
	t.Helper()
	path := filepath.Join(t.TempDir(), "routines.toml")
	if err := os.WriteFile(path, []byte(src), 0o600); err != nil {
		t.Fatal(err)
	}
	return path
}

const physio = `# my physio's plan
[[routine]]
id = "my-physio"
name = "Physio plan"
description = "What the physio showed me."

[[routine.step]]
stretch = "cat-cow"   # a library stretch
reps = 10

[[routine.step]]
rest = "15s"

[[routine.step]]
stretch = "wall-sit"
sides = false

[[stretch]]
id = "wall-sit"
name = "Wall sit"
position = "standing"
steps = ["Lean your back on a wall.", "Slide down a little.", "Come back up."]
hold = "20s"
figure = '''
 |o
 |/\
 |_/_
'''
`

func TestUserRoutineFileAddsToTheLibrary(t *testing.T) {
	lib, err := LoadUserRoutines(writeRoutines(t, physio))
	if err != nil {
		t.Fatal(err)
	}
	r := lib.Routine("my-physio")
	if r == nil || lib.Routine("desk-break") == nil {
		t.Fatal("the user's routine or the built-ins are missing")
	}
	if got, want := r.Duration(), 10*5*time.Second+15*time.Second+20*time.Second; got != want {
		t.Errorf("total %v, want %v", got, want)
	}
	if s := lib.Stretch("wall-sit"); s == nil || s.Figure != " |o\n |/\\\n |_/_" || s.File == "" {
		t.Errorf("user stretch not read whole: %+v", s)
	}
	if r.Steps[2].Stretch != lib.Stretch("wall-sit") {
		t.Error("the routine's step does not point at the user's stretch")
	}
}

func TestMissingUserFileMeansBuiltInsOnly(t *testing.T) {
	lib, err := LoadUserRoutines(filepath.Join(t.TempDir(), "nope", "routines.toml"))
	if err != nil || len(lib.Routines) != len(BuiltIn().Routines) {
		t.Fatalf("err %v, %d routines", err, len(lib.Routines))
	}
}

// Each broken file yields one line that names the file and the line.
func TestRoutineFileErrors(t *testing.T) {
	for _, tc := range []struct{ name, src, want string }{
		{"unclosed header", "[[routine]\nid = \"a\"\n", `routines.toml:1: expected end of table array name delimiter ']', but got '\n' instead`},
		{"syntax", "[[routine]]\nid = \"a\"\nname = \"A\n", `routines.toml:3: strings cannot contain newlines`},
		{"unknown stretch", "[[routine]]\nid = \"a\"\nname = \"A\"\n\n[[routine.step]]\nrest = \"10s\"\n[[routine.step]]\nstretch = \"cat-cwo\"\n",
			`routines.toml:8: unknown stretch "cat-cwo" (did you mean cat-cow?)`},
		{"unknown stretch, nothing close", "[[routine]]\nid = \"a\"\nname = \"A\"\n[[routine.step]]\nstretch = \"yoga-flow\"\n",
			`routines.toml:5: unknown stretch "yoga-flow" (lumbar routines --stretches lists them)`},
		{"negative hold", "[[routine]]\nid = \"a\"\nname = \"A\"\n[[routine.step]]\nstretch = \"knee-to-chest\"\nhold = \"-30s\"\n",
			`routines.toml:6: hold "-30s" must be more than zero`},
		{"missing name", "[[routine]]\nid = \"a\"\n[[routine.step]]\nrest = \"10s\"\n",
			`routines.toml:1: routine has no name`},
		{"hold as a bare number", "[[routine]]\nid = \"a\"\nname = \"A\"\n[[routine.step]]\nstretch = \"hamstring\"\nhold = 30\n",
			`routines.toml:6: hold must be a duration in quotes like "30s", not 30`},
		{"minutes for seconds", "[[routine]]\nid = \"a\"\nname = \"A\"\n[[routine.step]]\nstretch = \"hamstring\"\nhold = \"30m\"\n",
			`routines.toml:6: hold "30m" is longer than 5m; did you mean seconds (s)?`},
		{"misspelt field", "[[routine]]\nid = \"a\"\nname = \"A\"\n[[routine.step]]\nstretch = \"hamstring\"\nhodl = \"30s\"\n",
			`routines.toml:6: unknown field "hodl" in a routine step (did you mean hold?)`},
		{"hold on a reps stretch", "[[routine]]\nid = \"a\"\nname = \"A\"\n[[routine.step]]\nstretch = \"cat-cow\"\nhold = \"30s\"\n",
			`routines.toml:6: cat-cow is done in reps; set reps = 8 instead of hold`},
		{"rest mixed with a stretch", "[[routine]]\nid = \"a\"\nname = \"A\"\n[[routine.step]]\nstretch = \"cat-cow\"\nrest = \"30s\"\n",
			`routines.toml:6: a step is either a rest or a stretch: put rest = "…" in a step of its own`},
		{"built-in id", "[[routine]]\nid = \"desk-break\"\nname = \"Mine\"\n[[routine.step]]\nrest = \"10s\"\n",
			`routines.toml:2: routine id "desk-break" is already used; choose another`},
		{"no steps", "[[routine]]\nid = \"a\"\nname = \"A\"\n",
			`routines.toml:2: routine needs steps: add [[routine.step]] tables after it`},
		{"single brackets", "[routine]\nid = \"a\"\n", `routines.toml:1: write each routine as a [[routine]] table (two brackets)`},
		{"stretch with hold and reps", "[[stretch]]\nid = \"x\"\nname = \"X\"\nposition = \"lying\"\nsteps = [\"a\"]\nhold = \"20s\"\nreps = 3\nrep_time = \"2s\"\n",
			`routines.toml:6: a stretch has hold, or reps with rep_time, not both`},
		{"stretch position typo", "[[stretch]]\nid = \"x\"\nname = \"X\"\nposition = \"kneling\"\nsteps = [\"a\"]\nhold = \"20s\"\n",
			`routines.toml:4: position "kneling" is not one of standing, seated, lying, kneeling (did you mean kneeling?)`},
		{"escape sequence in a name", "[[stretch]]\nid = \"x\"\nname = \"X\\u001b[2J\"\nposition = \"lying\"\nsteps = [\"a\"]\nhold = \"20s\"\n",
			`routines.toml:3: name contains control characters`},
		{"figure too wide", "[[stretch]]\nid = \"x\"\nname = \"X\"\nposition = \"lying\"\nsteps = [\"a\"]\nhold = \"20s\"\nfigure = '''\n" + strings.Repeat("=", 30) + "\n'''\n",
			`routines.toml:7: a figure line is 30 columns wide; keep it to 24`},
		{"figure of wide characters", "[[stretch]]\nid = \"x\"\nname = \"X\"\nposition = \"lying\"\nsteps = [\"a\"]\nhold = \"20s\"\nfigure = '''\n" + strings.Repeat("腰", 13) + "\n'''\n",
			`routines.toml:7: a figure line is 26 columns wide; keep it to 24`},
		{"id with spaces", "[[routine]]\nid = \"My Plan\"\nname = \"A\"\n[[routine.step]]\nrest = \"10s\"\n",
			`routines.toml:2: routine id "My Plan" must be lowercase words joined by dashes, like "my-routine"`},
	} {
		t.Run(tc.name, func(t *testing.T) {
			lib, err := LoadUserRoutines(writeRoutines(t, tc.src))
			var ferrs FileErrors
			if !errors.As(err, &ferrs) {
				t.Fatalf("error %v (%T), want FileErrors", err, err)
			}
			if got := ferrs[0].Error(); got != tc.want {
				t.Errorf("got  %s\nwant %s", got, tc.want)
			}
			if len(lib.Routines) != len(BuiltIn().Routines) || lib.Routine("desk-break") == nil {
				t.Error("a broken file hid or changed the built-in routines")
			}
		})
	}
}

// Errors land on the step they are about, not on the last step that has
// the same key.
func TestErrorLinesPointAtTheRightStep(t *testing.T) {
	src := `[[routine]]
id = "a"
name = "A"
[[routine.step]]
stretch = "knee-to-chest"
hold = "-1s"
[[routine.step]]
stretch = "knee-to-chest"
hold = "20s"

[[routine]]
id = "b"
name = "B"
[[routine.step]]
stretch = "piriformis"
hold = "40s"
[[routine.step]]
stretch = "bridgee"
`
	_, err := LoadUserRoutines(writeRoutines(t, src))
	want := "routines.toml:6: hold \"-1s\" must be more than zero\nroutines.toml:18: unknown stretch \"bridgee\" (did you mean bridge?)"
	if err == nil || err.Error() != want {
		t.Errorf("got\n%v\nwant\n%s", err, want)
	}
}

func TestUnreadableUserFileKeepsBuiltIns(t *testing.T) {
	dir := t.TempDir()
	lib, err := LoadUserRoutines(dir) // a directory, not a file
	if err == nil || !strings.Contains(err.Error(), "is not a file") {
		t.Errorf("err = %v", err)
	}
	if len(lib.Routines) != len(BuiltIn().Routines) {
		t.Error("built-ins hidden")
	}
}

func TestInlineTablesStillLoad(t *testing.T) {
	src := `routine = [{ id = "quick", name = "Quick", step = [{ stretch = "cat-cow" }, { rest = "5s" }] }]`
	lib, err := LoadUserRoutines(writeRoutines(t, src))
	if err != nil {
		t.Fatal(err)
	}
	if r := lib.Routine("quick"); r == nil || len(r.Steps) != 2 {
		t.Fatalf("inline routine not read: %+v", r)
	}
	_, err = LoadUserRoutines(writeRoutines(t, `routine = [{ id = "quick", name = "Quick", step = [{ stretch = "cat-cwo" }] }]`))
	if err == nil || !strings.HasPrefix(err.Error(), "routines.toml:1: unknown stretch") {
		t.Errorf("inline error without its line: %v", err)
	}
}
