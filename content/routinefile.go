package content

import (
	"bytes"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"regexp"
	"slices"
	"strings"
	"time"
	"unicode"

	"lumbar/store/text"

	"github.com/BurntSushi/toml"
	"github.com/charmbracelet/x/ansi"
)

// LineError is one problem in a routine file, at a line (0 when the line
// is not known).
type LineError struct {
	File string // the file's base name, as people call it
	Line int
	Msg  string
}

func (e LineError) Error() string {
	if e.Line == 0 {
		return fmt.Sprintf("%s: %s", e.File, e.Msg)
	}
	return fmt.Sprintf("%s:%d: %s", e.File, e.Line, e.Msg)
}

// FileErrors is every problem found in one routine file, in file order.
type FileErrors []LineError

func (errs FileErrors) Error() string {
	lines := make([]string, len(errs))
	for i, e := range errs {
		lines[i] = e.Error()
	}
	return strings.Join(lines, "\n")
}

// Limits that catch slips ("30m" for "30s") and keep a figure beside the
// steps on an 80-column screen.
const (
	maxHold         = 5 * time.Minute
	maxRepTime      = time.Minute
	maxReps         = 100
	maxFigureLines  = 6
	maxFigureWidth  = 24
	maxRoutineBytes = 1 << 20
)

// LoadUserRoutines is the built-in library plus the user's routine file at
// path. A missing file just means no user routines. A broken one leaves
// the built-ins whole and returns its errors (FileErrors, or why it could
// not be read) beside them: the file is taken all or nothing.
func LoadUserRoutines(path string) (*Library, error) {
	base := BuiltIn()
	user, err := ReadRoutineFile(path, base)
	if errors.Is(err, fs.ErrNotExist) {
		return base, nil
	}
	if err != nil {
		return base, err
	}
	return base.with(user), nil
}

// RoutineNames names routines by ID for what is written about past
// sessions (the doctor report): the built-in routines and the person's
// own from their routine file (when it is sound). A routine no longer in
// either is named by its ID.
func RoutineNames(getenv func(string) string) func(id string) string {
	lib, _ := LoadUserRoutines(UserRoutinesPath(getenv)) // a broken file still leaves the built-ins
	return func(id string) string {
		if r := lib.Routine(id); r != nil {
			return r.Name
		}
		return id
	}
}

// ReadRoutineFile reads and checks the routine file at path against the
// stretches known already, returning what it adds.
func ReadRoutineFile(path string, known *Library) (*Library, error) {
	info, err := os.Stat(path)
	if err != nil {
		return nil, err
	}
	name := info.Name()
	if !info.Mode().IsRegular() {
		return nil, FileErrors{{File: name, Msg: "is not a file"}}
	}
	if info.Size() > maxRoutineBytes {
		return nil, FileErrors{{File: name, Msg: fmt.Sprintf("is %d bytes; a routine file is a few kilobytes of TOML", info.Size())}}
	}
	src, err := os.ReadFile(path)
	if err != nil {
		return nil, err
	}
	return parseRoutineFile(name, path, src, known)
}

// parseRoutineFile reads the [[stretch]] and [[routine]] tables of one file.
// file is the name errors use; source is recorded in what it returns.
func parseRoutineFile(file, source string, src []byte, known *Library) (*Library, error) {
	var doc map[string]any
	if _, err := toml.Decode(string(src), &doc); err != nil {
		var perr toml.ParseError
		if errors.As(err, &perr) {
			return nil, FileErrors{{File: file, Line: syntaxErrorLine(src, perr.Position), Msg: perr.Message}}
		}
		return nil, FileErrors{{File: file, Msg: err.Error()}}
	}
	p := &fileParser{file: file, source: source, tables: scanTables(string(src)), known: known, found: &Library{}}
	p.checkKeys(p.tables[0], "the file", doc, []string{"stretch", "routine"})
	// Stretches first: the file's routines may use them.
	for i, t := range p.arrayOfTables(doc, "stretch") {
		p.addStretch(p.entry(t, p.table("stretch", i), "stretch"))
	}
	for i, t := range p.arrayOfTables(doc, "routine") {
		p.addRoutine(p.entry(t, p.table("routine", i), "routine"))
	}
	if len(p.errs) > 0 {
		return nil, p.errs
	}
	return p.found, nil
}

// syntaxErrorLine is the line of the text a syntax error points at. The
// parser's own line is where its scan stopped, which is the next line
// when the trouble is a missing bracket or value at the end of a line.
func syntaxErrorLine(src []byte, at toml.Position) int {
	if at.Start <= 0 || at.Start > len(src) {
		return at.Line
	}
	return bytes.Count(src[:at.Start], []byte("\n")) + 1
}

// fileParser turns one decoded file into stretches and routines,
// collecting every problem rather than stopping at the first.
type fileParser struct {
	file, source string
	tables       []tableLines
	known        *Library // stretches and routines defined before this file
	found        *Library // what this file adds
	errs         FileErrors
}

// table is where the i-th [[header]] table is written; for tables written
// inline, the line of their key.
func (p *fileParser) table(header string, i int) tableLines {
	return nth(named(p.tables, header), i, tableLines{header: header, line: p.tables[0].lineOf(header)})
}

func (p *fileParser) errorAt(line int, format string, args ...any) {
	p.errs = append(p.errs, LineError{File: p.file, Line: line, Msg: fmt.Sprintf(format, args...)})
}

// arrayOfTables is doc[key] as a list of tables ([[key]]).
func (p *fileParser) arrayOfTables(doc map[string]any, key string) []map[string]any {
	if _, present := doc[key]; !present {
		return nil
	}
	tables, ok := asTables(doc[key])
	if !ok {
		line := p.tables[0].lineOf(key)
		if written := named(p.tables, key); len(written) > 0 {
			line = written[0].line
		}
		p.errorAt(line, "write each %s as a [[%s]] table (two brackets)", key, key)
	}
	return tables
}

// asTables reads an array of tables, written as [[…]] headers or inline.
func asTables(v any) ([]map[string]any, bool) {
	switch v := v.(type) {
	case []map[string]any:
		return v, true
	case []any:
		tables := make([]map[string]any, len(v))
		for i, item := range v {
			t, ok := item.(map[string]any)
			if !ok {
				return nil, false
			}
			tables[i] = t
		}
		return tables, true
	}
	return nil, false
}

// checkKeys reports keys that the table should not have, with the
// closest one it may have meant.
func (p *fileParser) checkKeys(at tableLines, what string, m map[string]any, allowed []string) {
	for _, key := range sortedKeys(m) {
		if slices.Contains(allowed, key) {
			continue
		}
		msg := fmt.Sprintf("unknown field %q in %s", key, what)
		if best, ok := text.Closest(key, allowed); ok {
			msg += fmt.Sprintf(" (did you mean %s?)", best)
		}
		p.errorAt(at.lineOf(key), "%s", msg)
	}
}

func sortedKeys(m map[string]any) []string {
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	slices.Sort(keys)
	return keys
}

// entry is one table of the file being read field by field.
type entry struct {
	p    *fileParser
	m    map[string]any
	at   tableLines
	what string // "stretch", "routine", "step": for messages
}

func (p *fileParser) entry(m map[string]any, at tableLines, what string) entry {
	return entry{p: p, m: m, at: at, what: what}
}

func (e entry) has(key string) bool { _, ok := e.m[key]; return ok }

func (e entry) errorf(key, format string, args ...any) {
	e.p.errorAt(e.at.lineOf(key), format, args...)
}

func (e entry) wrongType(key, want string) {
	e.errorf(key, "%s must be %s, not %s", key, want, tomlValue(e.m[key]))
}

// text is a string field; required ones report their absence.
func (e entry) text(key string, required bool) string {
	v, present := e.m[key]
	s, ok := v.(string)
	switch {
	case !present:
		if required {
			e.errorf(key, "%s has no %s", e.what, key)
		}
		return ""
	case !ok:
		e.wrongType(key, "text in quotes")
		return ""
	case required && strings.TrimSpace(s) == "":
		e.errorf(key, "%s has an empty %s", e.what, key)
	case !printable(s, !slices.Contains(oneLineFields, key)):
		e.errorf(key, "%s contains control characters", key)
		return ""
	}
	return s
}

// oneLineFields are text fields that may not hold line breaks.
var oneLineFields = []string{"id", "name", "position", "stretch"}

// texts is a list of strings.
func (e entry) texts(key string) []string {
	list, ok := e.m[key].([]any)
	if !ok {
		if e.has(key) {
			e.wrongType(key, `a list like ["…", "…"]`)
		}
		return nil
	}
	out := make([]string, 0, len(list))
	for _, v := range list {
		s, ok := v.(string)
		if !ok || !printable(s, false) {
			e.errorf(key, "each entry of %s must be text in quotes, without control characters", key)
			return nil
		}
		out = append(out, s)
	}
	return out
}

// duration is a positive Go duration written as text ("30s"), no longer
// than limit; 0 when absent or wrong.
func (e entry) duration(key string, limit time.Duration) time.Duration {
	v, present := e.m[key]
	if !present {
		return 0
	}
	s, ok := v.(string)
	if !ok {
		e.wrongType(key, `a duration in quotes like "30s"`)
		return 0
	}
	d, err := time.ParseDuration(s)
	switch {
	case err != nil:
		e.errorf(key, "%s %q is not a duration like \"30s\" or \"1m30s\"", key, s)
	case d <= 0:
		e.errorf(key, "%s %q must be more than zero", key, s)
	case d > limit:
		e.errorf(key, "%s %q is longer than %s; did you mean seconds (s)?", key, s, Short(limit))
	default:
		return d
	}
	return 0
}

// count is a whole number from 1 to maxReps; 0 when absent or wrong.
func (e entry) count(key string) int {
	v, present := e.m[key]
	if !present {
		return 0
	}
	n, ok := v.(int64)
	switch {
	case !ok:
		e.wrongType(key, "a whole number without quotes")
	case n < 1 || n > maxReps:
		e.errorf(key, "%s must be from 1 to %d, not %d", key, maxReps, n)
	default:
		return int(n)
	}
	return 0
}

// flag is a true/false field; ok is false when absent or wrong.
func (e entry) flag(key string) (value, ok bool) {
	v, present := e.m[key]
	if !present {
		return false, false
	}
	b, isBool := v.(bool)
	if !isBool {
		e.wrongType(key, "true or false")
	}
	return b, isBool
}

// oneOf checks a value against a closed list, suggesting the closest.
func (e entry) oneOf(key, value string, allowed []string) bool {
	if value == "" || slices.Contains(allowed, value) {
		return true
	}
	msg := fmt.Sprintf("%s %q is not one of %s", key, value, strings.Join(allowed, ", "))
	if best, ok := text.Closest(value, allowed); ok {
		msg = fmt.Sprintf("%s %q is not one of %s (did you mean %s?)", key, value, strings.Join(allowed, ", "), best)
	}
	e.errorf(key, "%s", msg)
	return false
}

var idPattern = regexp.MustCompile(`^[a-z0-9]+(-[a-z0-9]+)*$`)

// id reads the entry's id and checks it is well formed and not taken by
// one of taken.
func (e entry) id(taken []string) string {
	id := e.text("id", true)
	switch {
	case id == "":
	case !idPattern.MatchString(id):
		e.errorf("id", "%s id %q must be lowercase words joined by dashes, like \"my-%s\"", e.what, id, e.what)
	case slices.Contains(taken, id):
		e.errorf("id", "%s id %q is already used; choose another", e.what, id)
	default:
		return id
	}
	return ""
}

var stretchFields = []string{"id", "name", "position", "targets", "steps", "hold", "reps", "rep_time", "sides", "breathing", "caution", "good_for", "figure"}

func (p *fileParser) addStretch(e entry) {
	p.checkKeys(e.at, "a stretch", e.m, stretchFields)
	s := &Stretch{
		ID:        e.id(append(p.known.StretchIDs(), p.found.StretchIDs()...)),
		Name:      e.text("name", true),
		Position:  e.text("position", true),
		Targets:   e.text("targets", false),
		Steps:     e.texts("steps"),
		Hold:      e.duration("hold", maxHold),
		Reps:      e.count("reps"),
		RepTime:   e.duration("rep_time", maxRepTime),
		Breathing: e.text("breathing", false),
		Caution:   e.text("caution", false),
		GoodFor:   e.texts("good_for"),
		Figure:    strings.TrimRight(e.text("figure", false), "\n"),
		File:      p.source,
	}
	s.Sides, _ = e.flag("sides")
	errsBefore := len(p.errs)
	e.oneOf("position", s.Position, Positions)
	for _, tag := range s.GoodFor {
		e.oneOf("good_for", tag, GoodFor)
	}
	if slices.Contains(s.GoodFor, "desk-break") && s.Position != "seated" && s.Position != "standing" {
		e.errorf("good_for", "only seated or standing stretches are good for a desk-break, not %s ones", s.Position)
	}
	if len(s.Steps) == 0 && !e.has("steps") {
		e.errorf("steps", `stretch needs steps = ["…", "…"]`)
	}
	checkDose(e, s)
	checkFigure(e, s.Figure)
	if len(p.errs) == errsBefore && s.ID != "" {
		p.found.Stretches = append(p.found.Stretches, s)
	}
}

// checkDose: a stretch is held, or done in reps of rep_time, never both.
func checkDose(e entry, s *Stretch) {
	switch {
	case e.has("hold") && (e.has("reps") || e.has("rep_time")):
		e.errorf("hold", "a stretch has hold, or reps with rep_time, not both")
	case e.has("reps") != e.has("rep_time"):
		e.errorf("reps", `reps and rep_time go together, e.g. reps = 8 and rep_time = "4s"`)
	case !e.has("hold") && !e.has("reps"):
		e.errorf("id", `stretch needs hold = "30s", or reps = 8 with rep_time = "4s"`)
	}
}

func checkFigure(e entry, figure string) {
	if figure == "" {
		return
	}
	lines := strings.Split(figure, "\n")
	if len(lines) > maxFigureLines {
		e.errorf("figure", "figure has %d lines; keep it to %d", len(lines), maxFigureLines)
	}
	for _, l := range lines {
		// Columns on screen, not characters: a wide character (腰, 🧘)
		// takes two, and the figure must fit its column beside the text.
		if w := ansi.StringWidth(l); w > maxFigureWidth {
			e.errorf("figure", "a figure line is %d columns wide; keep it to %d", w, maxFigureWidth)
			return
		}
	}
}

func (p *fileParser) addRoutine(e entry) {
	p.checkKeys(e.at, "a routine", e.m, []string{"id", "name", "description", "step"})
	r := &Routine{
		ID:          e.id(append(p.known.RoutineIDs(), p.found.RoutineIDs()...)),
		Name:        e.text("name", true),
		Description: e.text("description", false),
		File:        p.source,
	}
	errsBefore := len(p.errs)
	steps, ok := asTables(e.m["step"])
	switch {
	case !e.has("step"):
		e.errorf("id", "routine needs steps: add [[routine.step]] tables after it")
	case !ok:
		e.errorf("step", "write each step as a [[routine.step]] table (two brackets)")
	}
	stepTables := within(p.tables, e.at, "routine.step")
	for i, m := range steps {
		if step, ok := p.step(p.entry(m, nth(stepTables, i, e.at), "step")); ok {
			r.Steps = append(r.Steps, step)
		}
	}
	if len(p.errs) == errsBefore && r.ID != "" {
		p.found.Routines = append(p.found.Routines, r)
	}
}

// step reads one [[routine.step]]: a rest, or a known stretch with
// optional overrides that fit how the stretch is done.
func (p *fileParser) step(e entry) (Step, bool) {
	p.checkKeys(e.at, "a routine step", e.m, []string{"stretch", "hold", "reps", "sides", "rest"})
	errsBefore := len(p.errs)
	if e.has("rest") {
		if e.has("stretch") || e.has("hold") || e.has("reps") || e.has("sides") {
			e.errorf("rest", `a step is either a rest or a stretch: put rest = "…" in a step of its own`)
		}
		rest := e.duration("rest", maxHold)
		return Step{Rest: rest}, len(p.errs) == errsBefore
	}
	id := e.text("stretch", false)
	if id == "" {
		if !e.has("stretch") {
			e.errorf("stretch", `step needs stretch = "…" (a stretch's id) or rest = "15s"`)
		}
		return Step{}, false
	}
	s := p.lookupStretch(e, id)
	if s == nil {
		return Step{}, false
	}
	step := s.DefaultStep()
	switch {
	case e.has("hold") && s.UsesReps():
		e.errorf("hold", "%s is done in reps; set reps = %d instead of hold", s.ID, s.Reps)
	case e.has("reps") && !s.UsesReps():
		e.errorf("reps", "%s is held; set hold = %q instead of reps", s.ID, Short(s.Hold))
	case e.has("hold"):
		step.Hold = e.duration("hold", maxHold)
	case e.has("reps"):
		step.Reps = e.count("reps")
	}
	if sides, ok := e.flag("sides"); ok {
		step.Sides = sides
	}
	return step, len(p.errs) == errsBefore
}

func (p *fileParser) lookupStretch(e entry, id string) *Stretch {
	if s := p.found.Stretch(id); s != nil {
		return s
	}
	if s := p.known.Stretch(id); s != nil {
		return s
	}
	ids := append(p.known.StretchIDs(), p.found.StretchIDs()...)
	if best, ok := text.Closest(id, ids); ok {
		e.errorf("stretch", "unknown stretch %q (did you mean %s?)", id, best)
	} else {
		e.errorf("stretch", "unknown stretch %q (lumbar routines --stretches lists them)", id)
	}
	return nil
}

// printable refuses control characters and bidirectional overrides, which
// could rewrite the terminal or reorder what it shows; multi-line text
// may still have line breaks.
func printable(s string, multiline bool) bool {
	for _, r := range s {
		switch {
		case r == '\n' && multiline:
		case unicode.IsControl(r), r >= '\u202a' && r <= '\u202e', r >= '\u2066' && r <= '\u2069':
			return false
		}
	}
	return true
}

// tomlValue shows a decoded value the way the file wrote it.
func tomlValue(v any) string {
	switch v := v.(type) {
	case string:
		return fmt.Sprintf("%q", v)
	case []any:
		return "a list"
	case map[string]any, []map[string]any:
		return "a table"
	default:
		return fmt.Sprint(v)
	}
}
