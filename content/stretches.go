package content

import (
	"embed"
	"fmt"
	"path/filepath"
	"slices"
	"sync"
	"time"

	"lumbar/store/text"

	"github.com/adrg/xdg"
)

// The built-in stretch library and routines; their header comments say
// what each field means.
//
//go:embed stretches/*.toml
var stretchFiles embed.FS

// Positions a stretch can start from.
var Positions = []string{"standing", "seated", "lying", "kneeling"}

// GoodFor is every tag a stretch's good_for list may use.
var GoodFor = []string{"stiffness", "sciatica", "desk-break", "core", "relaxation"}

// Stretch is one exercise of the library.
type Stretch struct {
	ID        string
	Name      string
	Position  string // one of Positions
	Targets   string
	Steps     []string
	Hold      time.Duration // how long to hold; 0 when done in reps
	Reps      int           // slow repetitions; 0 when held
	RepTime   time.Duration // one repetition
	Sides     bool          // Hold or Reps apply to each side in turn
	Breathing string
	Caution   string
	GoodFor   []string
	Figure    string // a few lines of ASCII; may be empty for user stretches
	File      string // the routine file it came from; "" when built in
}

// UsesReps tells a stretch done in repetitions from one that is held.
func (s *Stretch) UsesReps() bool { return s.Reps > 0 }

// DefaultStep is the stretch done as the library describes it.
func (s *Stretch) DefaultStep() Step {
	return Step{Stretch: s, Hold: s.Hold, Reps: s.Reps, Sides: s.Sides}
}

// Duration is how long the stretch takes as the library describes it.
func (s *Stretch) Duration() time.Duration { return s.DefaultStep().Duration() }

// Step is one step of a routine: a stretch, or a rest when Stretch is nil.
// Hold, Reps and Sides are the stretch's own unless the routine overrides
// them.
type Step struct {
	Stretch *Stretch
	Rest    time.Duration // a rest step's length
	Hold    time.Duration // per side when Sides
	Reps    int           // per side when Sides
	Sides   bool
}

// IsRest tells a rest step from a stretch.
func (s Step) IsRest() bool { return s.Stretch == nil }

// SideDuration is the time spent on one side (the whole step when the
// stretch has no sides): the hold, or reps × the stretch's rep time.
func (s Step) SideDuration() time.Duration {
	switch {
	case s.IsRest():
		return s.Rest
	case s.Hold > 0:
		return s.Hold
	default:
		return time.Duration(s.Reps) * s.Stretch.RepTime
	}
}

// Duration is the step's whole length: per-side steps take twice their
// side's time.
func (s Step) Duration() time.Duration {
	if s.Sides && !s.IsRest() {
		return 2 * s.SideDuration()
	}
	return s.SideDuration()
}

// Dose says how the step is done, e.g. "20s each side", "10 reps of 4s",
// "rest 15s".
func (s Step) Dose() string {
	var dose string
	switch {
	case s.IsRest():
		return "rest " + Short(s.Rest)
	case s.Hold > 0:
		dose = "hold " + Short(s.Hold)
	default:
		dose = text.Plural(s.Reps, "rep") + " of " + Short(s.Stretch.RepTime)
	}
	if s.Sides {
		dose += " each side"
	}
	return dose
}

// Routine is an ordered list of steps.
type Routine struct {
	ID          string
	Name        string
	Description string
	Steps       []Step
	File        string // the routine file it came from; "" when built in
}

// Duration is the sum of the routine's steps.
func (r *Routine) Duration() time.Duration {
	var total time.Duration
	for _, s := range r.Steps {
		total += s.Duration()
	}
	return total
}

// Positions is the positions the routine asks for, in order of first use:
// whether it needs the floor, at a glance.
func (r *Routine) Positions() []string {
	var out []string
	for _, s := range r.Steps {
		if !s.IsRest() && !slices.Contains(out, s.Stretch.Position) {
			out = append(out, s.Stretch.Position)
		}
	}
	return out
}

// Library is the stretches and routines lumbar knows, built-in first.
type Library struct {
	Stretches []*Stretch
	Routines  []*Routine
}

// Stretch finds a stretch by ID; nil if there is none.
func (l *Library) Stretch(id string) *Stretch {
	for _, s := range l.Stretches {
		if s.ID == id {
			return s
		}
	}
	return nil
}

// Routine finds a routine by ID; nil if there is none.
func (l *Library) Routine(id string) *Routine {
	for _, r := range l.Routines {
		if r.ID == id {
			return r
		}
	}
	if renamed, ok := routineAliases[id]; ok {
		return l.Routine(renamed)
	}
	return nil
}

// routineAliases are the old IDs of renamed built-in routines: typed on
// the command line, kept in scripts or sent by a Guide link, they still
// find the routine. ("Sciatica relief" promised an effect nobody has
// shown.)
var routineAliases = map[string]string{"sciatica-relief": "leg-pain-days"}

// RoutineName is the name of the routine id, or id itself when the
// library does not hold it (a user routine since removed); a nil library
// holds none.
func (l *Library) RoutineName(id string) string {
	if l != nil {
		if r := l.Routine(id); r != nil {
			return r.Name
		}
	}
	return id
}

// StretchIDs lists the stretches' IDs, for "did you mean" hints.
func (l *Library) StretchIDs() []string {
	ids := make([]string, len(l.Stretches))
	for i, s := range l.Stretches {
		ids[i] = s.ID
	}
	return ids
}

// RoutineIDs lists the routines' IDs, for "did you mean" hints.
func (l *Library) RoutineIDs() []string {
	ids := make([]string, len(l.Routines))
	for i, r := range l.Routines {
		ids[i] = r.ID
	}
	return ids
}

// with is a copy of l with more stretches and routines after its own.
func (l *Library) with(more *Library) *Library {
	return &Library{
		Stretches: append(append([]*Stretch(nil), l.Stretches...), more.Stretches...),
		Routines:  append(append([]*Routine(nil), l.Routines...), more.Routines...),
	}
}

var builtIn = sync.OnceValues(func() (*Library, error) {
	library, err := parseEmbedded("stretches/library.toml", &Library{})
	if err != nil {
		return nil, err
	}
	routines, err := parseEmbedded("stretches/routines.toml", library)
	if err != nil {
		return nil, err
	}
	return library.with(routines), nil
})

func parseEmbedded(name string, known *Library) (*Library, error) {
	src, err := stretchFiles.ReadFile(name)
	if err != nil {
		return nil, err
	}
	return parseRoutineFile(filepath.Base(name), "", src, known)
}

// BuiltIn is the library and routines that ship with lumbar. The data is
// compiled in and checked by the tests, so a problem with it is a bug:
// BuiltIn panics rather than start with a broken library.
func BuiltIn() *Library {
	l, err := builtIn()
	if err != nil {
		panic("lumbar's built-in stretches are broken: " + err.Error())
	}
	return l
}

// UserRoutinesPath is where the user keeps their own routines:
// $XDG_CONFIG_HOME/lumbar/routines.toml. A relative XDG_CONFIG_HOME is
// ignored, as the XDG spec says.
func UserRoutinesPath(getenv func(string) string) string {
	configHome := getenv("XDG_CONFIG_HOME")
	if !filepath.IsAbs(configHome) {
		configHome = xdg.ConfigHome
	}
	return filepath.Join(configHome, "lumbar", "routines.toml")
}

// Clock writes a length of time as minutes and seconds, "3:04".
func Clock(d time.Duration) string {
	secs := int(d.Round(time.Second) / time.Second)
	return fmt.Sprintf("%d:%02d", secs/60, secs%60)
}

// Short writes a step's length the way people say it: "45s", "1m",
// "1m30s".
func Short(d time.Duration) string {
	secs := int(d.Round(time.Second) / time.Second)
	switch {
	case secs < 60:
		return fmt.Sprintf("%ds", secs)
	case secs%60 == 0:
		return fmt.Sprintf("%dm", secs/60)
	default:
		return fmt.Sprintf("%dm%02ds", secs/60, secs%60)
	}
}
