package main

import (
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"strings"
	"text/tabwriter"
	"time"

	"lumbar/content"
	"lumbar/store/text"
)

var routinesCommand = command{
	name: "routines", synopsis: "[--json] [--stretches] | check [FILE]", summary: "list routines or stretches; check a routine file",
	about: `List the stretch routines with their times (yours from routines.toml
included), or with --stretches the stretches. routines check reads a
routine file the way the app does and lists every problem with its line
(default: your routines.toml).`,
	flags: []flagSpec{
		{"json", "", "print JSON instead, for other programs"},
		{"stretches", "", "list the stretches instead of the routines"},
	},
	run: runRoutines,
}

// runRoutines lists routines or stretches, or checks a routine file.
func runRoutines(inv *invocation) error {
	a := inv.args
	rest := a.positional
	switch {
	case len(rest) > 0 && rest[0] == "check":
		if a.has("json") || a.has("stretches") || len(rest) > 2 {
			return a.refuseUsage("routines check takes one FILE at most, e.g. lumbar routines check ~/plan.toml")
		}
		return checkRoutines(inv, rest[1:])
	case len(rest) > 0:
		problem := fmt.Sprintf("routines: unexpected %s", quote(rest[0]))
		if best, ok := text.Closest(rest[0], []string{"check"}); ok {
			problem += fmt.Sprintf(" (did you mean %s?)", best)
		} else if f, ok := findFlag(inv.args.cmd.flags, rest[0]); ok {
			problem += fmt.Sprintf("; did you mean --%s?", f.name)
		}
		return a.refuseUsage("%s", problem)
	}
	path := content.UserRoutinesPath(inv.getenv)
	lib, fileErr := content.LoadUserRoutines(path)
	var err error
	switch {
	case a.has("stretches") && a.has("json"):
		err = writeJSON(inv.stdout, stretchesJSON(lib))
	case a.has("stretches"):
		err = listStretches(inv.stdout, lib)
	case a.has("json"):
		err = writeJSON(inv.stdout, routinesJSON(lib))
	default:
		err = listRoutines(inv.stdout, lib)
	}
	if err != nil {
		return err
	}
	if fileErr != nil {
		return fmt.Errorf("%s has problems, so only the built-ins are listed; lumbar routines check shows them", quote(path))
	}
	return nil
}

func listRoutines(w io.Writer, lib *content.Library) error {
	tw := tabwriter.NewWriter(w, 0, 0, 3, ' ', 0)
	fmt.Fprintln(tw, "ID\tNAME\tTIME\tSTEPS\tPOSITIONS\tFROM")
	for _, r := range lib.Routines {
		fmt.Fprintf(tw, "%s\t%s\t%s\t%d\t%s\t%s\n", r.ID, r.Name, content.Clock(r.Duration()), len(r.Steps),
			strings.Join(r.Positions(), ", "), from(r.File))
	}
	return tw.Flush()
}

func listStretches(w io.Writer, lib *content.Library) error {
	tw := tabwriter.NewWriter(w, 0, 0, 3, ' ', 0)
	fmt.Fprintln(tw, "ID\tNAME\tPOSITION\tDOSE\tTIME\tFROM")
	for _, s := range lib.Stretches {
		fmt.Fprintf(tw, "%s\t%s\t%s\t%s\t%s\t%s\n", s.ID, s.Name, s.Position, s.DefaultStep().Dose(),
			content.Clock(s.Duration()), from(s.File))
	}
	return tw.Flush()
}

func from(file string) string {
	if file == "" {
		return "built-in"
	}
	return "yours"
}

// checkRoutines reads a routine file the way the app does and lists every
// problem with its line.
func checkRoutines(inv *invocation, args []string) error {
	path := content.UserRoutinesPath(inv.getenv)
	if len(args) == 1 {
		path = args[0]
	}
	lib, err := content.ReadRoutineFile(path, content.BuiltIn())
	var problems content.FileErrors
	switch {
	case errors.Is(err, fs.ErrNotExist) && len(args) == 0:
		fmt.Fprintf(inv.stdout, "%s does not exist yet: no routines of your own to check\n", quote(path))
		return nil
	case errors.As(err, &problems):
		for _, p := range problems {
			fmt.Fprintln(inv.stderr, text.Printable(p.Error()))
		}
		return errShown
	case err != nil:
		return fmt.Errorf("cannot read %s: %w", quote(path), errors.Unwrap(err))
	}
	fmt.Fprintf(inv.stdout, "%s is fine: %s, %s\n", quote(path),
		text.Plural(len(lib.Routines), "routine"), text.Plural(len(lib.Stretches), "stretch"))
	return nil
}

func writeJSON(w io.Writer, v any) error {
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	return enc.Encode(v)
}

// The JSON shapes of `lumbar routines --json` and `--stretches --json`:
// times in whole seconds, names spelt out so scripts can rely on them.
type (
	routineJSON struct {
		ID          string     `json:"id"`
		Name        string     `json:"name"`
		Description string     `json:"description,omitempty"`
		Seconds     int        `json:"seconds"`
		Positions   []string   `json:"positions"`
		BuiltIn     bool       `json:"built_in"`
		File        string     `json:"file,omitempty"`
		Steps       []stepJSON `json:"steps"`
	}
	stepJSON struct {
		Stretch     string `json:"stretch,omitempty"` // empty for a rest
		RestSeconds int    `json:"rest_seconds,omitempty"`
		HoldSeconds int    `json:"hold_seconds,omitempty"`
		Reps        int    `json:"reps,omitempty"`
		Sides       bool   `json:"sides"`
		Seconds     int    `json:"seconds"`
	}
	stretchJSON struct {
		ID          string   `json:"id"`
		Name        string   `json:"name"`
		Position    string   `json:"position"`
		Targets     string   `json:"targets,omitempty"`
		Steps       []string `json:"steps"`
		HoldSeconds int      `json:"hold_seconds,omitempty"`
		Reps        int      `json:"reps,omitempty"`
		RepSeconds  int      `json:"rep_seconds,omitempty"`
		Sides       bool     `json:"sides"`
		Seconds     int      `json:"seconds"`
		Breathing   string   `json:"breathing,omitempty"`
		Caution     string   `json:"caution,omitempty"`
		GoodFor     []string `json:"good_for"`
		Figure      string   `json:"figure,omitempty"`
		BuiltIn     bool     `json:"built_in"`
		File        string   `json:"file,omitempty"`
	}
)

func seconds(d time.Duration) int { return int(d.Round(time.Second) / time.Second) }

func routinesJSON(lib *content.Library) []routineJSON {
	out := make([]routineJSON, 0, len(lib.Routines))
	for _, r := range lib.Routines {
		steps := make([]stepJSON, len(r.Steps))
		for i, s := range r.Steps {
			steps[i] = stepJSON{RestSeconds: seconds(s.Rest), HoldSeconds: seconds(s.Hold), Reps: s.Reps, Sides: s.Sides, Seconds: seconds(s.Duration())}
			if !s.IsRest() {
				steps[i].Stretch = s.Stretch.ID
			}
		}
		out = append(out, routineJSON{ID: r.ID, Name: r.Name, Description: r.Description, Seconds: seconds(r.Duration()),
			Positions: r.Positions(), BuiltIn: r.File == "", File: r.File, Steps: steps})
	}
	return out
}

func stretchesJSON(lib *content.Library) []stretchJSON {
	out := make([]stretchJSON, 0, len(lib.Stretches))
	for _, s := range lib.Stretches {
		out = append(out, stretchJSON{ID: s.ID, Name: s.Name, Position: s.Position, Targets: s.Targets, Steps: s.Steps,
			HoldSeconds: seconds(s.Hold), Reps: s.Reps, RepSeconds: seconds(s.RepTime), Sides: s.Sides, Seconds: seconds(s.Duration()),
			Breathing: s.Breathing, Caution: s.Caution, GoodFor: s.GoodFor, Figure: s.Figure, BuiltIn: s.File == "", File: s.File})
	}
	return out
}
