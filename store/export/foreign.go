package export

import (
	"bytes"
	"encoding/csv"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"slices"
	"strconv"
	"strings"
	"time"

	"lumbar/store"
	"lumbar/store/diary"
	"lumbar/store/text"
)

// A pain diary kept elsewhere (a spreadsheet, another app's export)
// comes in as CSV with a header row; a Mapping says which column holds
// what. Each row becomes a pain entry, checked as lumbar log checks one,
// under a key made of its time and its content (store.ContentKey), so
// importing the same file again adds nothing.

// ForeignFields are what --map can name, date and pain being required.
var ForeignFields = []string{"date", "time", "pain", "leg_pain", "interference", "where", "feels",
	"triggers", "helped", "relief", "medication", "sleep", "note"}

// Mapping is field → column, the column a header name or a number
// counted from 1.
type Mapping map[string]string

// ParseMapping reads --map: field=COLUMN pairs, comma-separated.
func ParseMapping(spec string) (Mapping, error) {
	m := Mapping{}
	for _, pair := range strings.Split(spec, ",") {
		if strings.TrimSpace(pair) == "" {
			continue
		}
		field, column, ok := strings.Cut(pair, "=")
		field, column = strings.ToLower(strings.TrimSpace(field)), strings.TrimSpace(column)
		switch {
		case !ok || column == "":
			return nil, fmt.Errorf("%q is not FIELD=COLUMN, e.g. date=Date", pair)
		case !slices.Contains(ForeignFields, field):
			if best, ok := text.Closest(field, ForeignFields); ok {
				return nil, fmt.Errorf("unknown field %q; did you mean %s?", field, best)
			}
			return nil, fmt.Errorf("unknown field %q; the fields are %s", field, strings.Join(ForeignFields, ", "))
		case m[field] != "":
			return nil, fmt.Errorf("%s is mapped twice", field)
		}
		m[field] = column
	}
	for _, required := range []string{"date", "pain"} {
		if m[required] == "" {
			return nil, fmt.Errorf("it needs %s=COLUMN (date and pain are required)", required)
		}
	}
	return m, nil
}

// DateLayout turns a --date-format such as DD.MM.YYYY or MM/DD/YYYY
// HH:mm into a layout for time.Parse; "" reads ISO 8601 dates.
func DateLayout(format string) (string, error) {
	if format == "" {
		return "", nil
	}
	if !strings.Contains(format, "YYYY") || !strings.Contains(format, "MM") || !strings.Contains(format, "DD") {
		return "", fmt.Errorf("%q lacks YYYY, MM or DD; e.g. DD.MM.YYYY or MM/DD/YYYY HH:mm", format)
	}
	return strings.NewReplacer("YYYY", "2006", "MM", "1", "DD", "2", "HH", "15", "mm", "4", "ss", "5").Replace(format), nil
}

// isoLayouts are the dates read without --date-format.
var isoLayouts = []string{time.RFC3339Nano, "2006-01-02T15:04", "2006-01-02 15:04", "2006-01-02T15:04:05", "2006-01-02 15:04:05", time.DateOnly}

// ReadForeign reads a diary kept elsewhere into a document of pain
// entries. Dates are read in loc (unless they carry an offset) by layout
// (see DateLayout); none may lie after now.
func ReadForeign(data []byte, m Mapping, layout string, now time.Time) (*Document, error) {
	cr := csv.NewReader(bytes.NewReader(bytes.TrimPrefix(data, []byte("\uFEFF"))))
	cr.FieldsPerRecord = -1
	head, err := cr.Read()
	if err != nil {
		return nil, csvError(err)
	}
	columns, err := m.columns(head)
	if err != nil {
		return nil, err
	}
	doc := &Document{Format: FormatName, Version: Version, Pain: &[]PainRecord{}, where: map[Kind][]string{}}
	seen := map[string]int{} // identical rows so far: each gets a key of its own
	for {
		row, err := cr.Read()
		if errors.Is(err, io.EOF) {
			return doc, nil
		}
		if err != nil {
			return nil, csvError(err)
		}
		if strings.TrimSpace(strings.Join(row, "")) == "" {
			continue
		}
		line, _ := cr.FieldPos(0)
		place := fmt.Sprintf("line %d", line)
		r, err := foreignRecord(row, columns, layout, now, seen)
		if err != nil {
			return nil, fmt.Errorf("%s: %w", place, err)
		}
		*doc.Pain = append(*doc.Pain, r)
		doc.where[KindPain] = append(doc.where[KindPain], place)
	}
}

// columns finds each mapped field's column index in the header row.
func (m Mapping) columns(head []string) (map[string]int, error) {
	at := map[string]int{}
	for field, column := range m {
		i := slices.IndexFunc(head, func(h string) bool { return strings.EqualFold(strings.TrimSpace(h), column) })
		if n, err := strconv.Atoi(column); err == nil && n >= 1 && n <= len(head) {
			i = n - 1
		}
		if i < 0 {
			return nil, fmt.Errorf("--map %s=%s: there is no column %q; the header row has %s", field, column, column, strings.Join(head, ", "))
		}
		at[field] = i
	}
	return at, nil
}

// foreignRecord turns one row into a pain entry, as lumbar log would.
func foreignRecord(row []string, columns map[string]int, layout string, now time.Time, seen map[string]int) (PainRecord, error) {
	cell := func(field string) string {
		if i, ok := columns[field]; ok && i < len(row) {
			return strings.TrimSpace(row[i])
		}
		return ""
	}
	at, err := foreignTime(cell("date"), cell("time"), layout, now)
	if err != nil {
		return PainRecord{}, err
	}
	in := diary.PainInput{Pain: cell("pain"), LegPain: cell("leg_pain"), Interference: cell("interference"),
		Relief: cell("relief"), Medication: cell("medication"), Sleep: cell("sleep"), Note: cell("note")}
	for _, list := range []struct {
		field string
		vocab diary.Vocabulary
		into  *[]string
	}{{"where", diary.Areas, &in.Where}, {"feels", diary.Feelings, &in.Feels}, {"triggers", diary.Triggers, &in.Triggers}, {"helped", diary.Reliefs, &in.Helped}} {
		if *list.into, err = list.vocab.ParseList(strings.ReplaceAll(cell(list.field), ";", ",")); err != nil {
			return PainRecord{}, err
		}
	}
	e, err := in.Entry(now)
	if err != nil {
		return PainRecord{}, err
	}
	e.Stamp = diary.StampAt(at)
	content, _ := json.Marshal(e)
	seen[string(content)]++
	k, err := store.ContentKey(at, fmt.Appendf(content, "#%d", seen[string(content)]))
	return painRecord(store.Item[diary.PainEntry]{Key: k, Value: e}), err
}

// foreignTime reads a row's date (and time, from its own column if
// mapped) in now's location. A date alone is taken as noon: well inside
// its day.
func foreignTime(date, clock, layout string, now time.Time) (time.Time, error) {
	layouts := isoLayouts
	if layout != "" {
		layouts = []string{layout}
	}
	var t time.Time
	err := fmt.Errorf("date %q does not match --date-format", date)
	if layout == "" {
		err = fmt.Errorf("date %q is not like 2026-03-31 (give --date-format for another order)", date)
	}
	for _, l := range layouts {
		if parsed, perr := time.ParseInLocation(l, date, now.Location()); perr == nil {
			t, err = parsed, nil
			break
		}
	}
	if err != nil {
		return t, err
	}
	switch {
	case clock != "":
		c, cerr := diary.ParseClockTime(clock)
		if cerr != nil {
			return t, fmt.Errorf("time %q is not like 14:30", clock)
		}
		t = c.On(diary.DayOf(t), t.Location())
	case !strings.Contains(date, ":"): // a date alone
		y, mo, d := t.Date()
		t = time.Date(y, mo, d, 12, 0, 0, 0, t.Location())
	}
	if t.After(now) {
		return t, fmt.Errorf("%s is in the future", t.Format("2006-01-02 15:04"))
	}
	return t, nil
}
