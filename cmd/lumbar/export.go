package main

import (
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"strings"

	"lumbar/store"
	"lumbar/store/diary"
	"lumbar/store/export"
	"lumbar/store/text"
)

var exportCommand = command{
	name: "export", synopsis: "[--format F] [--kind LIST] [--from D] [--to D] [--out PATH]",
	summary: "write your records out as JSON, JSON Lines or CSV",
	about: `Write your records out, to the screen or to --out: every record with its
ID, so lumbar import can bring them back (into this diary or another)
without doubling any. Nothing is left out unless you ask: --kind picks
kinds, --from and --to pick days (both included, by the day each record
was made on; settings are not by day).

json   one document: "format": "lumbar-export", "version", "exported_at",
       then a list per kind and the settings (the default)
jsonl  the same as one JSON value a line, for scripts: a header line,
       then each record with "record": its kind
csv    one file per kind (pain.csv, water.csv, ...) in the folder --out
       DIR, or one --kind to the screen or --out FILE; the README
       describes the columns`,
	flags: []flagSpec{
		{"format", "F", "json (the default), jsonl or csv; --out FILE.jsonl or .csv picks it too"},
		{"kind", "LIST", "which kinds, comma-separated: pain, water, sessions, checks, settings (default all)"},
		{"from", "D", "the first day, YYYY-MM-DD (default the first record)"},
		{"to", "D", "the last day, YYYY-MM-DD (default today)"},
		{"out", "PATH", "write to this file (a folder for CSV of several kinds), not the screen"},
		{"force", "", "replace --out if it already exists"},
	},
	run: runExport,
}

// exportRequest is what `lumbar export` was asked for, checked.
type exportRequest struct {
	format string
	kinds  []export.Kind
	span   export.Span
	out    string // "" for stdout
	force  bool
}

func runExport(inv *invocation) error {
	req, err := readExportRequest(inv)
	if err != nil {
		return err
	}
	if err := req.checkOut(); err != nil {
		return err
	}
	s, err := inv.openDiaryToRead()
	if err != nil {
		return err
	}
	var doc *export.Document
	if s == nil {
		doc, err = export.ReadTx(nil, req.kinds, req.span, inv.now())
	} else {
		doc, err = export.Read(s, req.kinds, req.span, inv.now())
	}
	if err != nil {
		return err
	}
	return req.write(inv, doc)
}

func readExportRequest(inv *invocation) (exportRequest, error) {
	a := inv.args
	req := exportRequest{out: a.value("out"), force: a.has("force"), kinds: export.Kinds()}
	if err := a.noArguments(); err != nil {
		return req, err
	}
	if a.has("out") && req.out == "" {
		return req, a.refuseUsage("--out needs a file name, not an empty one")
	}
	var err error
	if req.format, err = exportFormat(a); err != nil {
		return req, err
	}
	if a.has("kind") {
		if req.kinds, err = export.ParseKinds(a.value("kind")); err != nil {
			return req, a.refuseUsage("--kind: %v", err)
		}
	}
	if req.span, err = daySpan(a, diary.DayOf(inv.now())); err != nil {
		return req, err
	}
	if req.format == "csv" && len(req.kinds) > 1 && (!a.has("out") || strings.EqualFold(filepath.Ext(req.out), ".csv")) {
		return req, a.refuseUsage("CSV is one file per kind: give --out DIR for a folder of them, or one --kind")
	}
	return req, nil
}

var exportFormats = []string{"json", "jsonl", "csv"}

// exportFormat is --format, or else the --out file's extension, or json.
func exportFormat(a *parsedArgs) (string, error) {
	format := strings.ToLower(a.value("format"))
	if !a.has("format") {
		format = strings.TrimPrefix(strings.ToLower(filepath.Ext(a.value("out"))), ".")
	}
	for _, f := range exportFormats {
		if format == f {
			return f, nil
		}
	}
	if !a.has("format") {
		return "json", nil
	}
	msg := fmt.Sprintf("--format must be json, jsonl or csv, not %s", quote(a.value("format")))
	if best, ok := text.Closest(format, exportFormats); ok {
		msg += fmt.Sprintf("; did you mean %s?", best)
	}
	return "", a.refuseUsage("%s", msg)
}

// daySpan reads --from and --to: days, both included; --to defaults to
// today, --from to the first record.
func daySpan(a *parsedArgs, today diary.Day) (export.Span, error) {
	if !a.has("from") && !a.has("to") {
		return export.Span{}, nil
	}
	span := export.Span{First: 0, Last: today, Bounded: true}
	for _, f := range []struct {
		name string
		into *diary.Day
	}{{"from", &span.First}, {"to", &span.Last}} {
		if !a.has(f.name) {
			continue
		}
		day, err := dayValue(a, f.name)
		if err != nil {
			return span, err
		}
		*f.into = day
	}
	if span.First > span.Last {
		return span, a.refuseUsage("--from %s is after --to %s", span.First, span.Last)
	}
	return span, nil
}

// toFolder tells whether the export is CSV files in a folder.
func (req exportRequest) toFolder() bool {
	if req.format != "csv" || req.out == "" {
		return false
	}
	info, err := os.Stat(req.out)
	return len(req.kinds) > 1 || (err == nil && info.IsDir())
}

// targets are the files the export writes, "" for the screen.
func (req exportRequest) targets() []string {
	if !req.toFolder() {
		return []string{req.out}
	}
	var files []string
	for _, k := range req.kinds {
		files = append(files, filepath.Join(req.out, string(k)+".csv"))
	}
	return files
}

// checkOut refuses, before anything is read or written, a target that
// exists (without --force) or whose folder is missing.
func (req exportRequest) checkOut() error {
	if req.out == "" {
		return nil
	}
	for _, file := range req.targets() {
		if _, err := os.Lstat(file); err == nil && !req.force {
			return refuse("%s already exists; choose a new name, or add --force to replace it", quote(file))
		}
	}
	dir := filepath.Dir(req.out) // a folder of CSV files is made in it once the records are read
	if info, err := os.Stat(dir); err != nil || !info.IsDir() {
		return refuse("cannot write %s: the folder %s does not exist", quote(req.out), quote(dir))
	}
	return nil
}

func (req exportRequest) write(inv *invocation, doc *export.Document) error {
	if req.out == "" {
		if isTerminalWriter(inv) {
			doc = doc.Printable()
		}
		return writeExport(inv.stdout, doc, req.format, req.kinds[0])
	}
	if req.toFolder() {
		if err := os.MkdirAll(req.out, 0o700); err != nil {
			return fmt.Errorf("cannot make the folder %s: %w", quote(req.out), unwrapPath(err))
		}
	}
	for i, file := range req.targets() {
		err := writeFileAtomically(file, req.force, func(w io.Writer) error {
			return writeExport(w, doc, req.format, req.kinds[i])
		})
		if err != nil {
			return err
		}
	}
	fmt.Fprintf(inv.stdout, "exported %s to %s\n", exportedCounts(doc), quote(req.out))
	return nil
}

func writeExport(w io.Writer, doc *export.Document, format string, kind export.Kind) error {
	switch format {
	case "jsonl":
		return export.WriteJSONL(w, doc)
	case "csv":
		return export.WriteCSV(w, doc, kind)
	}
	return export.WriteJSON(w, doc)
}

// exportedCounts says what an export holds: "12 pain entries, 3 settings".
func exportedCounts(doc *export.Document) string {
	var parts []string
	add := func(n int, noun string) { parts = append(parts, text.Plural(n, noun)) }
	if doc.Pain != nil {
		add(len(*doc.Pain), "pain entry")
	}
	if doc.Water != nil {
		add(len(*doc.Water), "water log")
	}
	if doc.Sessions != nil {
		add(len(*doc.Sessions), "stretch session")
	}
	if doc.Checks != nil {
		add(len(*doc.Checks), "reminder answer")
	}
	if doc.Settings != nil {
		add(len(doc.Settings), "setting")
	}
	return strings.Join(parts, ", ")
}

// writeFileAtomically writes the file the person named, whole or not at
// all (store.WriteFileAtomically), wording a failure for them.
func writeFileAtomically(path string, replace bool, write func(io.Writer) error) error {
	err := store.WriteFileAtomically(path, replace, write)
	if errors.Is(err, fs.ErrExist) {
		return fmt.Errorf("%s already exists; choose a new name, or add --force to replace it", quote(path))
	}
	if err != nil {
		return fmt.Errorf("cannot write %s: %w", quote(path), unwrapPath(err))
	}
	return nil
}

// unwrapPath is the cause of a file error, without the path (the
// message names the file the person gave).
func unwrapPath(err error) error {
	var pathErr *fs.PathError
	var linkErr *os.LinkError
	switch {
	case errors.As(err, &pathErr):
		return pathErr.Err
	case errors.As(err, &linkErr):
		return linkErr.Err
	}
	return err
}

var importCommand = command{
	name: "import", synopsis: "FILE|DIR [--dry-run] [--replace] | --csv FILE --map MAP",
	summary: "bring records in from an export, or a diary kept elsewhere",
	about: `Bring records in from a lumbar export: a JSON or JSON Lines file, one
CSV file, a folder of them (pain.csv, water.csv, ...), or - to read the
standard input (lumbar export | ssh laptop lumbar import -). Each record
keeps its ID, so importing the same file twice adds nothing. A record
whose ID this diary holds with other content is a conflict: it is
reported and left as it is, unless --replace. Every record is checked
first, as lumbar log checks what you type; if one is refused, the error
names its line and nothing at all is written.

--csv FILE brings in a pain diary kept elsewhere (a spreadsheet, another
app): a CSV file with a header row. --map says which column holds what,
by its header or its number from 1: date and pain are required; time,
leg_pain, interference, where, feels, triggers, helped, relief,
medication, sleep and note may follow, e.g.
  lumbar import --csv diary.csv --map date=Date,pain=Level,note=Comment
Dates are YYYY-MM-DD (with a time, or RFC 3339) unless --date-format
says otherwise, e.g. DD.MM.YYYY or MM/DD/YYYY HH:mm; a date alone counts
as noon. Ratings are whole numbers 0-10; lists hold lumbar's words (see
lumbar log --help), separated by ; or ,. Importing the same rows again
adds nothing.`,
	flags: []flagSpec{
		{"dry-run", "", "check and count, write nothing"},
		{"replace", "", "overwrite records whose ID holds other content"},
		{"csv", "FILE", "a pain diary kept elsewhere, as CSV with a header row"},
		{"map", "MAP", "with --csv: FIELD=COLUMN,... (date and pain required)"},
		{"date-format", "F", "with --csv: how dates are written, e.g. DD.MM.YYYY (default YYYY-MM-DD)"},
	},
	run: runImport,
}

func runImport(inv *invocation) error {
	a := inv.args
	if a.has("csv") {
		return importForeign(inv)
	}
	for _, flag := range []string{"map", "date-format"} {
		if a.has(flag) {
			return a.refuseUsage("--%s goes with --csv FILE, a diary kept elsewhere", flag)
		}
	}
	if len(a.positional) != 1 || a.positional[0] == "" {
		return a.refuseUsage("import needs one FILE (a folder, or - for the input) to read, e.g. lumbar import lumbar-export.json")
	}
	path := a.positional[0]
	doc, err := readExportFile(path, inv.stdin)
	if err != nil {
		return err
	}
	return checkAndImport(inv, path, doc)
}

// checkAndImport checks every record of doc, read from path, then
// imports them.
func checkAndImport(inv *invocation, path string, doc *export.Document) error {
	batch, err := export.Check(doc)
	if err != nil {
		return refuse("cannot import %s: %v", quote(path), err)
	}
	return importBatch(inv, batch)
}

// importForeign brings in a pain diary kept elsewhere: lumbar import
// --csv FILE --map ...
func importForeign(inv *invocation) error {
	a := inv.args
	if err := a.noArguments(); err != nil {
		return err
	}
	path := a.value("csv")
	if !a.has("map") {
		return a.refuseUsage("--csv needs --map, e.g. --map date=Date,pain=Pain")
	}
	mapping, err := export.ParseMapping(a.value("map"))
	if err != nil {
		return a.refuseUsage("--map: %v", err)
	}
	layout, err := export.DateLayout(a.value("date-format"))
	if err != nil {
		return a.refuseUsage("--date-format: %v", err)
	}
	data, err := os.ReadFile(path)
	if err != nil {
		return fmt.Errorf("cannot read %s: %w", quote(path), unwrapPath(err))
	}
	doc, err := export.ReadForeign(data, mapping, layout, inv.now())
	if err != nil {
		return refuse("cannot import %s: %v", quote(path), err)
	}
	return checkAndImport(inv, path, doc)
}

// importBatch writes (or with --dry-run, counts) a checked batch and says
// what it came to.
func importBatch(inv *invocation, batch *export.Batch) error {
	var counts []export.Count
	var err error
	if inv.args.has("dry-run") {
		var s *store.Store
		if s, err = inv.openDiaryToRead(); err == nil {
			counts, err = batch.DryRun(s, inv.args.has("replace"))
		}
	} else {
		var s *store.Store
		if s, err = inv.openDiary(); err == nil {
			counts, err = batch.Import(s, inv.args.has("replace"))
		}
	}
	if err != nil {
		return err
	}
	printCounts(inv, counts)
	return nil
}

// readExportFile reads an export: one file, a folder of CSV files, or
// "-", the standard input (lumbar export | ssh laptop lumbar import -).
func readExportFile(path string, stdin io.Reader) (*export.Document, error) {
	var data []byte
	var err error
	if path == "-" {
		data, err = io.ReadAll(stdin)
	} else if info, statErr := os.Stat(path); statErr == nil && info.IsDir() {
		return readExportFolder(path)
	} else {
		data, err = os.ReadFile(path)
	}
	if err != nil {
		return nil, fmt.Errorf("cannot read %s: %w", quote(path), unwrapPath(err))
	}
	doc, err := export.Parse(data)
	if err != nil {
		return nil, refuse("cannot import %s: %v", quote(path), err)
	}
	return doc, nil
}

// readExportFolder reads the CSV files of an export written with --out
// DIR: whichever of pain.csv, water.csv, ... are there.
func readExportFolder(dir string) (*export.Document, error) {
	doc := &export.Document{}
	found := 0
	for _, k := range export.Kinds() {
		file := filepath.Join(dir, string(k)+".csv")
		data, err := os.ReadFile(file)
		if errors.Is(err, fs.ErrNotExist) {
			continue
		}
		if err != nil {
			return nil, fmt.Errorf("cannot read %s: %w", quote(file), unwrapPath(err))
		}
		if err := export.ReadCSV(doc, data); err != nil {
			return nil, refuse("cannot import %s: %v", quote(file), err)
		}
		found++
	}
	if found == 0 {
		return nil, refuse("%s holds none of pain.csv, water.csv, sessions.csv, checks.csv or settings.csv: it is not a CSV export", quote(dir))
	}
	return doc, nil
}

// printCounts says, kind by kind, what an import added, found already
// there and left in conflict.
func printCounts(inv *invocation, counts []export.Count) {
	verb := "added"
	if inv.args.has("dry-run") {
		verb = "would add"
	}
	conflicts := 0
	for _, c := range counts {
		if c.Added+c.AlreadyThere+c.Conflicts+c.Replaced == 0 {
			continue
		}
		line := fmt.Sprintf("%-9s %d %s, %d already there", string(c.Kind)+":", c.Added, verb, c.AlreadyThere)
		if c.Replaced > 0 {
			line += fmt.Sprintf(", %d replaced", c.Replaced)
		}
		if c.Conflicts > 0 {
			line += fmt.Sprintf(", %s (%s)", text.Plural(c.Conflicts, "conflict"), idList(c.ConflictIDs))
		}
		fmt.Fprintln(inv.stdout, line)
		conflicts += c.Conflicts
	}
	if conflicts > 0 {
		fmt.Fprintf(inv.stdout, "%s left as they are in this diary; lumbar import --replace overwrites them\n",
			text.Plural(conflicts, "conflict"))
	}
}

// idList names up to five conflicting records (or settings).
func idList(ids []string) string {
	const most = 5
	if len(ids) <= most {
		return strings.Join(ids, ", ")
	}
	return strings.Join(ids[:most], ", ") + fmt.Sprintf(" and %d more", len(ids)-most)
}
