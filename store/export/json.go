package export

import (
	"bufio"
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"maps"
	"slices"
	"strings"
)

// WriteJSON writes doc as one indented JSON document.
func WriteJSON(w io.Writer, doc *Document) error {
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	return enc.Encode(doc)
}

// header is the first line of a JSON Lines export, and the start of a
// JSON one: what says a file is an export, and of which version.
type header struct {
	Format     string `json:"format"`
	Version    int    `json:"version"`
	ExportedAt string `json:"exported_at"`
}

// settingLine is one setting in JSON Lines.
type settingLine struct {
	Name  string `json:"name"`
	Value string `json:"value"`
}

// WriteJSONL writes doc as JSON Lines: the header, then one record a
// line, each with its kind first as "record" (a check has a "kind" of
// its own), kinds in export order.
func WriteJSONL(w io.Writer, doc *Document) error {
	bw := bufio.NewWriter(w)
	err := errors.Join(
		writeLine(bw, "", header{doc.Format, doc.Version, doc.ExportedAt}),
		writeLines(bw, KindPain, doc.Pain), writeLines(bw, KindWater, doc.Water),
		writeLines(bw, KindSessions, doc.Sessions), writeLines(bw, KindChecks, doc.Checks),
	)
	for _, name := range sortedKeys(doc.Settings) {
		err = errors.Join(err, writeLine(bw, KindSettings, settingLine{name, doc.Settings[name]}))
	}
	return errors.Join(err, bw.Flush())
}

// writeLines writes each record of *records (a *[]R, nil when the kind
// is not exported) on its own line.
func writeLines[R any](w *bufio.Writer, kind Kind, records *[]R) error {
	if records == nil {
		return nil
	}
	for _, r := range *records {
		if err := writeLine(w, kind, r); err != nil {
			return err
		}
	}
	return nil
}

// writeLine writes v as one line of JSON, with "record": kind before its
// own fields when kind is set.
func writeLine(w *bufio.Writer, kind Kind, v any) error {
	raw, err := json.Marshal(v)
	if err != nil {
		return err
	}
	if kind != "" {
		fmt.Fprintf(w, `{"record":%q,`, kind)
		raw = raw[1:]
	}
	w.Write(raw)
	return w.WriteByte('\n')
}

// Parse reads one file of lumbar's export formats: JSON or JSON Lines
// (it begins with "{"), else one CSV file.
func Parse(data []byte) (*Document, error) {
	if first := bytes.TrimLeft(data, " \t\r\n\uFEFF"); len(first) > 0 && first[0] == '{' {
		return ReadJSON(data)
	}
	doc := &Document{}
	return doc, ReadCSV(doc, data)
}

// ReadJSON reads a JSON or JSON Lines export, telling them apart by
// whether the first line is a whole JSON value.
func ReadJSON(data []byte) (*Document, error) {
	first, _, _ := bytes.Cut(data, []byte("\n"))
	var h header
	if json.Unmarshal(first, &h) == nil {
		if err := checkHeader(h); err != nil {
			return nil, err
		}
		return readLines(data)
	}
	return readDocument(data)
}

func checkHeader(h header) error {
	switch {
	case h.Format != FormatName:
		return errNotExport
	case h.Version < 1 || h.Version > Version:
		return fmt.Errorf("it is an export of version %d; this lumbar reads version %d: update lumbar to import it", h.Version, Version)
	}
	return nil
}

// errNotExport is the refusal of a file that is not a lumbar export.
var errNotExport = errors.New(`it is not a lumbar export (it lacks "format": "lumbar-export"); lumbar import --csv FILE --map ... reads another app's CSV`)

func readDocument(data []byte) (*Document, error) {
	var doc Document
	if err := json.Unmarshal(data, &doc); err != nil {
		return nil, jsonError(data, err)
	}
	if err := checkHeader(header{doc.Format, doc.Version, doc.ExportedAt}); err != nil {
		return nil, err
	}
	return &doc, nil
}

// jsonError says where in data the JSON went wrong, in lines.
func jsonError(data []byte, err error) error {
	var syntax *json.SyntaxError
	var typ *json.UnmarshalTypeError
	switch {
	case cutShort(data, err):
		return errCutShort
	case errors.As(err, &syntax):
		return fmt.Errorf("line %d: %v", lineAt(data, syntax.Offset), err)
	case errors.As(err, &typ):
		return fmt.Errorf("line %d: %v", lineAt(data, typ.Offset), fieldError(typ))
	}
	return errNotExport
}

// lineError says what is wrong with one line of JSON Lines.
func lineError(line []byte, err error) error {
	var typ *json.UnmarshalTypeError
	switch {
	case cutShort(line, err):
		return errCutShort
	case errors.As(err, &typ):
		return fieldError(typ)
	}
	return fmt.Errorf("not a record: %v", err)
}

var errCutShort = errors.New("it ends in the middle of a record: the file is cut short (truncated)")

// cutShort tells whether err is JSON that ends too soon.
func cutShort(data []byte, err error) bool {
	var syntax *json.SyntaxError
	return errors.Is(err, io.ErrUnexpectedEOF) ||
		(errors.As(err, &syntax) && syntax.Offset >= int64(len(bytes.TrimRight(data, " \t\r\n"))))
}

// fieldError names the field by its own name and the types in words.
func fieldError(typ *json.UnmarshalTypeError) error {
	field := typ.Field[strings.LastIndex(typ.Field, ".")+1:]
	want := map[string]string{"int": "a whole number", "string": "text", "[]string": "a list of words"}[typ.Type.String()]
	if want == "" {
		want = typ.Type.String()
	}
	return fmt.Errorf("%s must be %s, not %s", field, want, typ.Value)
}

func lineAt(data []byte, offset int64) int {
	return bytes.Count(data[:min(int(offset), len(data))], []byte("\n")) + 1
}

// readLines reads JSON Lines after a header already checked.
func readLines(data []byte) (*Document, error) {
	doc := &Document{where: map[Kind][]string{}}
	for n, line := range bytes.Split(data, []byte("\n")) {
		if n == 0 {
			if err := json.Unmarshal(line, doc); err != nil {
				return nil, errNotExport
			}
			continue
		}
		if len(bytes.TrimSpace(line)) == 0 {
			continue
		}
		if err := doc.readLine(line, fmt.Sprintf("line %d", n+1)); err != nil {
			return nil, err
		}
	}
	return doc, nil
}

func (doc *Document) readLine(line []byte, place string) error {
	var k struct {
		Kind Kind `json:"record"`
	}
	if err := json.Unmarshal(line, &k); err != nil {
		return fmt.Errorf("%s: %v", place, lineError(line, err))
	}
	var err error
	switch k.Kind {
	case KindPain:
		err = readInto(line, &doc.Pain)
	case KindWater:
		err = readInto(line, &doc.Water)
	case KindSessions:
		err = readInto(line, &doc.Sessions)
	case KindChecks:
		err = readInto(line, &doc.Checks)
	case KindSettings:
		var s settingLine
		if err = json.Unmarshal(line, &s); err == nil {
			if doc.Settings == nil {
				doc.Settings = map[string]string{}
			}
			doc.Settings[s.Name] = s.Value
		}
	default:
		return fmt.Errorf("%s: unknown kind of record %q", place, k.Kind)
	}
	if err != nil {
		return fmt.Errorf("%s: %v", place, lineError(line, err))
	}
	doc.where[k.Kind] = append(doc.where[k.Kind], place)
	return nil
}

func readInto[R any](line []byte, records **[]R) error {
	var r R
	if err := json.Unmarshal(line, &r); err != nil {
		return err
	}
	if *records == nil {
		*records = &[]R{}
	}
	**records = append(**records, r)
	return nil
}

func sortedKeys[V any](m map[string]V) []string { return slices.Sorted(maps.Keys(m)) }
