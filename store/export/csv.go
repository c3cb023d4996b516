package export

import (
	"bytes"
	"encoding/csv"
	"errors"
	"fmt"
	"io"
	"reflect"
	"slices"
	"strconv"
	"strings"
)

// CSV: one file per kind, a header row of the JSON field names, one row
// per record, RFC 4180 quoting and line ends (CRLF), lists joined with
// ";", numbers not given left empty. A cell that a spreadsheet would take
// for a formula (one beginning with =, +, -, @, a tab or a carriage
// return) is written with a ' before it, and so is one already beginning
// with ', so that reading strips exactly one back off.

// csvKinds are the kinds CSV writes, each with a record of its shape.
var csvKinds = []struct {
	kind  Kind
	shape reflect.Type
}{
	{KindPain, reflect.TypeFor[PainRecord]()},
	{KindWater, reflect.TypeFor[WaterRecord]()},
	{KindSessions, reflect.TypeFor[SessionRecord]()},
	{KindChecks, reflect.TypeFor[CheckRecord]()},
	{KindSettings, reflect.TypeFor[settingLine]()},
}

// columns are the header of a record shape: its JSON field names.
func columns(shape reflect.Type) []string {
	var names []string
	for f := range shape.Fields() {
		name, _, _ := strings.Cut(f.Tag.Get("json"), ",")
		names = append(names, name)
	}
	return names
}

// Columns is the header row of kind's CSV file.
func Columns(kind Kind) []string {
	for _, k := range csvKinds {
		if k.kind == kind {
			return columns(k.shape)
		}
	}
	return nil
}

// WriteCSV writes the records of one kind of doc as CSV.
func WriteCSV(w io.Writer, doc *Document, kind Kind) error {
	cw := csv.NewWriter(w)
	cw.UseCRLF = true
	if err := cw.Write(Columns(kind)); err != nil {
		return err
	}
	for _, v := range doc.records(kind) {
		if err := cw.Write(csvRow(reflect.ValueOf(v))); err != nil {
			return err
		}
	}
	cw.Flush()
	return cw.Error()
}

// records are doc's records of kind, each as a value of its shape.
func (doc *Document) records(kind Kind) []any {
	switch kind {
	case KindPain:
		return anyOf(doc.Pain)
	case KindWater:
		return anyOf(doc.Water)
	case KindSessions:
		return anyOf(doc.Sessions)
	case KindChecks:
		return anyOf(doc.Checks)
	}
	var settings []any
	for _, name := range sortedKeys(doc.Settings) {
		settings = append(settings, settingLine{name, doc.Settings[name]})
	}
	return settings
}

func anyOf[R any](records *[]R) []any {
	if records == nil {
		return nil
	}
	out := make([]any, len(*records))
	for i, r := range *records {
		out[i] = r
	}
	return out
}

func csvRow(v reflect.Value) []string {
	row := make([]string, v.NumField())
	for i := range row {
		row[i] = inert(cellText(v.Field(i)))
	}
	return row
}

func cellText(f reflect.Value) string {
	switch f.Kind() {
	case reflect.Int:
		return strconv.Itoa(int(f.Int()))
	case reflect.Pointer:
		if f.IsNil() {
			return ""
		}
		return strconv.Itoa(int(f.Elem().Int()))
	case reflect.Slice:
		return strings.Join(f.Interface().([]string), ";")
	}
	return f.String()
}

// inert keeps a spreadsheet from reading a cell as a formula.
func inert(cell string) string {
	if cell != "" && strings.ContainsRune("=+-@\t\r'", rune(cell[0])) {
		return "'" + cell
	}
	return cell
}

// ReadCSV reads one CSV file of an export into doc, which must not hold
// that kind already; the kind is told by the header row.
func ReadCSV(doc *Document, data []byte) error {
	cr := csv.NewReader(bytes.NewReader(bytes.TrimPrefix(data, []byte("\uFEFF"))))
	head, err := cr.Read()
	if err != nil {
		return csvError(err)
	}
	kind, shape, err := kindOfHeader(head)
	if err != nil {
		return err
	}
	if doc.has(kind) {
		return fmt.Errorf("it holds %s records, and so does another file given", kind)
	}
	if doc.where == nil {
		doc.where = map[Kind][]string{}
	}
	doc.Format, doc.Version = FormatName, Version
	var values []reflect.Value
	for {
		row, err := cr.Read()
		if errors.Is(err, io.EOF) {
			break
		}
		if err != nil {
			return csvError(err)
		}
		line, _ := cr.FieldPos(0)
		place := fmt.Sprintf("line %d", line)
		v := reflect.New(shape).Elem()
		if err := fillRecord(v, head, row); err != nil {
			return fmt.Errorf("%s: %w", place, err)
		}
		values = append(values, v)
		doc.where[kind] = append(doc.where[kind], place)
	}
	doc.set(kind, values)
	return nil
}

func csvError(err error) error {
	var parse *csv.ParseError
	switch {
	case errors.Is(err, io.EOF):
		return errors.New("it is empty; a lumbar CSV export has a header row")
	case errors.As(err, &parse) && errors.Is(parse.Err, csv.ErrFieldCount):
		return fmt.Errorf("line %d has another number of cells than the header row (is the file cut short?)", parse.Line)
	case errors.As(err, &parse):
		return fmt.Errorf("line %d: %v (is the file cut short?)", parse.Line, parse.Err)
	}
	return err
}

// kindOfHeader tells the kind of a CSV export by its header row; a header
// close to one (missing a column) is refused naming what is missing.
func kindOfHeader(head []string) (Kind, reflect.Type, error) {
	best, bestShared := -1, 0
	for i, k := range csvKinds {
		want := columns(k.shape)
		if slices.Equal(head, want) {
			return k.kind, k.shape, nil
		}
		shared := 0
		for _, c := range want {
			if slices.Contains(head, c) {
				shared++
			}
		}
		if shared > bestShared {
			best, bestShared = i, shared
		}
	}
	if best < 0 || bestShared < 2 {
		return "", nil, errNotExportCSV
	}
	k := csvKinds[best]
	return "", nil, headerMismatch(k.kind, columns(k.shape), head)
}

var errNotExportCSV = errors.New("its first row is not the header of a lumbar CSV export; lumbar import --csv FILE --map ... reads another app's CSV")

// headerMismatch says how head differs from the header of kind.
func headerMismatch(kind Kind, want, head []string) error {
	for _, c := range want {
		if !slices.Contains(head, c) {
			return fmt.Errorf("the header row lacks the column %q of a %s export (it should be: %s)", c, kind, strings.Join(want, ","))
		}
	}
	return fmt.Errorf("the header row is not that of a %s export; it should be: %s", kind, strings.Join(want, ","))
}

// fillRecord sets the fields of v (a record of its kind's shape) from a
// row read under the header head, which matches the shape.
func fillRecord(v reflect.Value, head, row []string) error {
	for i, cell := range row {
		cell = strings.TrimPrefix(cell, "'") // inert's ' (never part of a cell lumbar writes otherwise)
		if err := setCell(v.Field(i), cell); err != nil {
			return fmt.Errorf("column %s: %w", head[i], err)
		}
	}
	return nil
}

func setCell(f reflect.Value, cell string) error {
	switch f.Kind() {
	case reflect.Int:
		n, err := strconv.Atoi(cell)
		if err != nil {
			return fmt.Errorf("%q is not a whole number", cell)
		}
		f.SetInt(int64(n))
	case reflect.Pointer:
		if cell == "" {
			return nil
		}
		n, err := strconv.Atoi(cell)
		if err != nil {
			return fmt.Errorf("%q is not a whole number", cell)
		}
		f.Set(reflect.ValueOf(&n))
	case reflect.Slice:
		list := []string{}
		if cell != "" {
			list = strings.Split(cell, ";")
		}
		f.Set(reflect.ValueOf(list))
	default:
		f.SetString(cell)
	}
	return nil
}

// has tells whether doc holds records (or settings) of kind.
func (doc *Document) has(kind Kind) bool {
	switch kind {
	case KindPain:
		return doc.Pain != nil
	case KindWater:
		return doc.Water != nil
	case KindSessions:
		return doc.Sessions != nil
	case KindChecks:
		return doc.Checks != nil
	}
	return doc.Settings != nil
}

// set puts the records read of kind into doc.
func (doc *Document) set(kind Kind, values []reflect.Value) {
	switch kind {
	case KindPain:
		doc.Pain = collect[PainRecord](values)
	case KindWater:
		doc.Water = collect[WaterRecord](values)
	case KindSessions:
		doc.Sessions = collect[SessionRecord](values)
	case KindChecks:
		doc.Checks = collect[CheckRecord](values)
	case KindSettings:
		doc.Settings = map[string]string{}
		for _, v := range values {
			s := v.Interface().(settingLine)
			doc.Settings[s.Name] = s.Value
		}
	}
}

func collect[R any](values []reflect.Value) *[]R {
	records := make([]R, 0, len(values))
	for _, v := range values {
		records = append(records, v.Interface().(R))
	}
	return &records
}
