package content

import (
	"regexp"
	"slices"
	"strings"
	"testing"
	"time"
)

func TestBuiltInStretchesFollowTheHouseRules(t *testing.T) {
	lib := BuiltIn()
	if len(lib.Stretches) < 12 {
		t.Fatalf("%d stretches, want at least 12", len(lib.Stretches))
	}
	for _, id := range []string{"knee-to-chest", "cat-cow", "childs-pose", "pelvic-tilt", "piriformis", "supine-twist",
		"bridge", "bird-dog", "prone-press-up", "hamstring", "hip-flexor", "seated-twist"} {
		if lib.Stretch(id) == nil {
			t.Errorf("the library lacks %s", id)
		}
	}
	for _, s := range lib.Stretches {
		if len(s.Steps) < 3 || len(s.Steps) > 6 {
			t.Errorf("%s: %d steps, want 3 to 6", s.ID, len(s.Steps))
		}
		for _, step := range s.Steps {
			if len(step) > 90 {
				t.Errorf("%s: step longer than 90 characters: %q", s.ID, step)
			}
		}
		if s.Hold > 0 && (s.Hold < 15*time.Second || s.Hold > time.Minute) {
			t.Errorf("%s: hold %v outside 15s–60s", s.ID, s.Hold)
		}
		if s.UsesReps() && (s.Reps < 5 || s.Reps > 15) {
			t.Errorf("%s: %d reps outside 5–15", s.ID, s.Reps)
		}
		if s.Caution == "" || s.Breathing == "" || s.Targets == "" || len(s.GoodFor) == 0 {
			t.Errorf("%s: caution, breathing, targets and good_for are all required in the library", s.ID)
		}
		if lines := strings.Count(s.Figure, "\n") + 1; s.Figure == "" || lines < 3 {
			t.Errorf("%s: figure of %d lines, want 3 to 6", s.ID, lines)
		}
		if strings.ContainsFunc(s.Figure, func(r rune) bool { return r > 126 }) {
			t.Errorf("%s: figure is not plain ASCII", s.ID)
		}
	}
}

// routines.toml carries each routine's total in a comment; the app's
// arithmetic must agree with it, and with what the routines promise.
func TestBuiltInRoutineTotals(t *testing.T) {
	lib := BuiltIn()
	src, err := stretchFiles.ReadFile("stretches/routines.toml")
	if err != nil {
		t.Fatal(err)
	}
	commented := regexp.MustCompile(`# total (\d+:\d\d)\n\[\[routine\]\]\nid = "([a-z-]+)"`).FindAllStringSubmatch(string(src), -1)
	if len(commented) != len(lib.Routines) || len(commented) < 4 {
		t.Fatalf("%d total comments for %d routines", len(commented), len(lib.Routines))
	}
	for _, c := range commented {
		if got := Clock(lib.Routine(c[2]).Duration()); got != c[1] {
			t.Errorf("%s totals %s, its comment says %s", c[2], got, c[1])
		}
	}
	promised := map[string][2]time.Duration{
		"morning-mobility":  {5*time.Minute + 30*time.Second, 6*time.Minute + 30*time.Second},
		"desk-break":        {2*time.Minute + 45*time.Second, 3*time.Minute + 15*time.Second},
		"evening-wind-down": {9*time.Minute + 30*time.Second, 10*time.Minute + 30*time.Second},
		"leg-pain-days":     {7*time.Minute + 30*time.Second, 8*time.Minute + 30*time.Second},
	}
	for id, span := range promised {
		r := lib.Routine(id)
		if r == nil {
			t.Errorf("no routine %s", id)
			continue
		}
		if d := r.Duration(); d < span[0] || d > span[1] {
			t.Errorf("%s lasts %s, want %s to %s", id, Clock(d), Clock(span[0]), Clock(span[1]))
		}
	}
	for _, step := range lib.Routine("desk-break").Steps {
		if !step.IsRest() && !slices.Contains([]string{"seated", "standing"}, step.Stretch.Position) {
			t.Errorf("the desk break asks for the floor: %s is %s", step.Stretch.ID, step.Stretch.Position)
		}
	}
}

func TestStepDurations(t *testing.T) {
	held := &Stretch{ID: "held", Hold: 30 * time.Second}
	reps := &Stretch{ID: "reps", Reps: 8, RepTime: 5 * time.Second}
	for _, tc := range []struct {
		step Step
		want time.Duration
		dose string
	}{
		{Step{Rest: 15 * time.Second}, 15 * time.Second, "rest 15s"},
		{held.DefaultStep(), 30 * time.Second, "hold 30s"},
		{Step{Stretch: held, Hold: 20 * time.Second, Sides: true}, 40 * time.Second, "hold 20s each side"},
		{reps.DefaultStep(), 40 * time.Second, "8 reps of 5s"},
		{Step{Stretch: reps, Reps: 5, Sides: true}, 50 * time.Second, "5 reps of 5s each side"},
		{Step{Stretch: held, Hold: 90 * time.Second}, 90 * time.Second, "hold 1m30s"},
	} {
		if got := tc.step.Duration(); got != tc.want {
			t.Errorf("%s: duration %v, want %v", tc.dose, got, tc.want)
		}
		if got := tc.step.Dose(); got != tc.dose {
			t.Errorf("dose %q, want %q", got, tc.dose)
		}
	}
}

func TestClockAndShort(t *testing.T) {
	for _, tc := range []struct {
		d            time.Duration
		clock, short string
	}{
		{0, "0:00", "0s"},
		{45 * time.Second, "0:45", "45s"},
		{184 * time.Second, "3:04", "3m04s"},
		{10 * time.Minute, "10:00", "10m"},
		{1499 * time.Millisecond, "0:01", "1s"},
	} {
		if got := Clock(tc.d); got != tc.clock {
			t.Errorf("Clock(%v) = %q, want %q", tc.d, got, tc.clock)
		}
		if got := Short(tc.d); got != tc.short {
			t.Errorf("Short(%v) = %q, want %q", tc.d, got, tc.short)
		}
	}
}

func TestUserRoutinesPath(t *testing.T) {
	env := func(v string) func(string) string {
		return func(k string) string {
			if k == "XDG_CONFIG_HOME" {
				return v
			}
			return ""
		}
	}
	if got := UserRoutinesPath(env("/home/ana/.config")); got != "/home/ana/.config/lumbar/routines.toml" {
		t.Errorf("absolute XDG_CONFIG_HOME: %s", got)
	}
	if got := UserRoutinesPath(env("relative/dir")); strings.HasPrefix(got, "relative") {
		t.Errorf("a relative XDG_CONFIG_HOME was used: %s", got)
	}
}

// "Sciatica relief" was renamed; its old ID still finds it.
func TestRenamedRoutineKeepsItsOldID(t *testing.T) {
	lib := BuiltIn()
	r := lib.Routine("sciatica-relief")
	if r == nil || r.ID != "leg-pain-days" || strings.Contains(strings.ToLower(r.Name), "relief") {
		t.Fatalf("the old ID finds %+v", r)
	}
	if lib.Routine("no-such-routine") != nil {
		t.Error("an unknown ID found a routine")
	}
}

// Morning mobility leaves out deep forward bending, which many backs
// dislike in the first minutes after getting up.
func TestMorningMobilityHasNoDeepForwardBend(t *testing.T) {
	for _, s := range BuiltIn().Routine("morning-mobility").Steps {
		if s.Stretch != nil && slices.Contains([]string{"knee-to-chest", "childs-pose", "seated-figure-four", "hamstring"}, s.Stretch.ID) {
			t.Errorf("morning mobility bends forward deeply: %s", s.Stretch.ID)
		}
	}
}
