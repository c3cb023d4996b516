package export

import (
	"bytes"
	"crypto/sha256"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
	"time"

	"lumbar/store"
	"lumbar/store/demodata"
	"lumbar/store/diary"
)

var (
	berlin    = time.FixedZone("CET", 3600)
	newYork   = time.FixedZone("EST", -5*3600)
	exportEnd = time.Date(2026, 12, 1, 12, 0, 0, 0, berlin)
)

func intp(n int) *int { return &n }

// hostileEntries are records whose text a spreadsheet or a CSV reader
// could misread: formulas, quotes, separators, line breaks, controls.
func hostileEntries() []diary.PainEntry {
	at := func(h int, z *time.Location) diary.Stamp {
		return diary.StampAt(time.Date(2026, 11, 30, h, 0, 0, 123456789, z))
	}
	return []diary.PainEntry{
		{Stamp: at(8, berlin), Pain: 7, Note: "=HYPERLINK(\"http://x\",\"y\")", Medication: "+1 ibuprofen"},
		{Stamp: at(9, newYork), Pain: 0, Note: "'quoted already", LegPain: intp(0), Interference: intp(10)},
		{Stamp: at(10, berlin), Pain: 5, Note: "line one\nline two, \"with\" commas; and semicolons",
			Where: []string{"back-centre", "leg-left"}, Feels: []string{"sharp"}, Helped: []string{"heat", "walking"},
			Relief: "some", Sleep: "poor", Warnings: []string{"saddle"}},
		{Stamp: at(11, berlin), Pain: 3, Note: "-5 after @work\t\x1b[31mred\x1b[0m"},
	}
}

// sourceStore is a diary with a year of demo records, hostile notes, a
// snoozed and a done check, and some settings.
func sourceStore(t *testing.T) *store.Store {
	t.Helper()
	s, _, err := demodata.Build(filepath.Join(t.TempDir(), "source.db"), 1, exportEnd)
	if err != nil {
		t.Fatal(err)
	}
	err = s.Update(func(tx *store.Tx) error {
		for _, e := range hostileEntries() {
			if _, err := store.Pain.Insert(tx, e); err != nil {
				return err
			}
		}
		done := time.Date(2026, 11, 30, 15, 0, 0, 0, berlin)
		for _, c := range []diary.Check{
			{Stamp: diary.StampAt(done), Kind: diary.CheckPosture, Action: diary.ActionDone},
			{Stamp: diary.StampAt(done.Add(time.Hour)), Kind: diary.CheckMove, Action: diary.ActionSnoozed, Until: done.Add(90 * time.Minute).UTC()},
		} {
			if _, err := store.Checks.Insert(tx, c); err != nil {
				return err
			}
		}
		return store.ChangeSettings(tx, map[string]string{"water.goal": "2500", "hours.start": "08:30", "sync.dir": "/home/ana/Sync"})
	})
	if err != nil {
		t.Fatal(err)
	}
	return s
}

func newStore(t *testing.T) *store.Store {
	t.Helper()
	s, err := store.Create(filepath.Join(t.TempDir(), "new.db"))
	if err != nil {
		t.Fatal(err)
	}
	return s
}

// written is every kind of doc in one format, as bytes: CSV files one
// after the other, each under its kind's name.
func written(t *testing.T, doc *Document, format string) []byte {
	t.Helper()
	var b bytes.Buffer
	var err error
	switch format {
	case "json":
		err = WriteJSON(&b, doc)
	case "jsonl":
		err = WriteJSONL(&b, doc)
	case "csv":
		for _, k := range Kinds() {
			b.WriteString("== " + string(k) + "\n")
			if err = WriteCSV(&b, doc, k); err != nil {
				break
			}
		}
	}
	if err != nil {
		t.Fatal(err)
	}
	return b.Bytes()
}

// parsed reads what written wrote.
func parsed(t *testing.T, data []byte, format string) *Document {
	t.Helper()
	if format != "csv" {
		doc, err := Parse(data)
		if err != nil {
			t.Fatal(err)
		}
		return doc
	}
	doc := &Document{}
	for _, part := range bytes.Split(data, []byte("== "))[1:] {
		_, file, _ := bytes.Cut(part, []byte("\n"))
		if err := ReadCSV(doc, file); err != nil {
			t.Fatal(err)
		}
	}
	return doc
}

func importInto(t *testing.T, s *store.Store, doc *Document, replace bool) []Count {
	t.Helper()
	b, err := Check(doc)
	if err != nil {
		t.Fatal(err)
	}
	counts, err := b.Import(s, replace)
	if err != nil {
		t.Fatal(err)
	}
	return counts
}

func checksum(t *testing.T, path string) [32]byte {
	t.Helper()
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	return sha256.Sum256(data)
}

func TestExportImportExportIsByteIdentical(t *testing.T) {
	src := sourceStore(t)
	first, err := Read(src, Kinds(), Span{}, exportEnd)
	if err != nil {
		t.Fatal(err)
	}
	if len(*first.Pain) < 300 || len(*first.Checks) != 2 || first.Settings["water.goal"] != "2,500 ml" && first.Settings["water.goal"] != "2500" {
		t.Fatalf("export holds %d entries, %d checks, settings %v", len(*first.Pain), len(*first.Checks), first.Settings)
	}
	if _, local := first.Settings["sync.dir"]; local || first.Settings["sync.interval"] != "5m" {
		t.Errorf("the export's settings hold this computer's sync folder, or not the sync interval: %v", first.Settings)
	}
	for _, format := range []string{"json", "jsonl", "csv"} {
		t.Run(format, func(t *testing.T) {
			out := written(t, first, format)
			dst := newStore(t)
			counts := importInto(t, dst, parsed(t, out, format), false)
			if counts[0].Added != len(*first.Pain) || counts[3].Added != 2 {
				t.Errorf("first import = %+v", counts)
			}
			again, err := Read(dst, Kinds(), Span{}, exportEnd)
			if err != nil {
				t.Fatal(err)
			}
			if outAgain := written(t, again, format); !bytes.Equal(out, outAgain) {
				t.Errorf("export of the imported diary differs:\n%s", firstDifference(out, outAgain))
			}

			before := checksum(t, dst.Path())
			counts = importInto(t, dst, parsed(t, out, format), false)
			for _, c := range counts {
				if c.Added+c.Conflicts+c.Replaced != 0 {
					t.Errorf("second import of %s = %+v; want everything already there", c.Kind, c)
				}
			}
			if checksum(t, dst.Path()) != before {
				t.Error("importing the same export again changed the file")
			}
		})
	}
}

func firstDifference(a, b []byte) string {
	for i := range min(len(a), len(b)) {
		if a[i] != b[i] {
			lo := max(0, i-80)
			return string(a[lo:min(len(a), i+80)]) + "\n--- vs ---\n" + string(b[lo:min(len(b), i+80)])
		}
	}
	return "one is a prefix of the other"
}

func TestCSVCellsAreInertInSpreadsheets(t *testing.T) {
	doc := &Document{Pain: &[]PainRecord{}}
	for i, e := range hostileEntries() {
		*doc.Pain = append(*doc.Pain, painRecord(store.Item[diary.PainEntry]{Key: store.NewKey(e.At), Value: e}))
		_ = i
	}
	out := string(written(t, doc, "csv"))
	for _, want := range []string{`"'=HYPERLINK(""http://x"",""y"")"`, `'+1 ibuprofen`, `''quoted already`, "'-5 after @work\t", "\r\n"} {
		if !strings.Contains(out, want) {
			t.Errorf("CSV lacks %q:\n%s", want, out)
		}
	}
	if !strings.HasPrefix(out, "== pain\nid,at,pain,leg_pain,where,feels,triggers,helped,relief,medication,interference,sleep,warning_signs,note\r\n") {
		t.Errorf("CSV header:\n%s", out[:200])
	}
	if !strings.Contains(out, "back-centre;leg-left") {
		t.Error("lists are not joined with ;")
	}
}

func TestKindsAndSpanPickWhatIsExported(t *testing.T) {
	src := sourceStore(t)
	day := diary.DayOf(time.Date(2026, 11, 30, 0, 0, 0, 0, time.UTC))
	doc, err := Read(src, []Kind{KindPain, KindChecks}, Span{First: day, Last: day, Bounded: true}, exportEnd)
	if err != nil {
		t.Fatal(err)
	}
	if doc.Water != nil || doc.Settings != nil || doc.Sessions != nil {
		t.Error("kinds not asked for were exported")
	}
	for _, r := range *doc.Pain {
		if !strings.HasPrefix(r.At, "2026-11-30T") {
			t.Errorf("entry outside the span: %s", r.At)
		}
	}
	if len(*doc.Checks) != 2 {
		t.Errorf("checks of the day = %d", len(*doc.Checks))
	}
	out := string(written(t, doc, "json"))
	if strings.Contains(out, `"water"`) || !strings.Contains(out, `"version": 1`) || !strings.Contains(out, `"exported_at": "2026-12-01T12:00:00+01:00"`) {
		t.Errorf("JSON document:\n%.400s", out)
	}
}

func TestParseKinds(t *testing.T) {
	if got, err := ParseKinds("settings, Pain,pain"); err != nil || len(got) != 2 || got[0] != KindPain {
		t.Errorf("ParseKinds = %v, %v", got, err)
	}
	for in, want := range map[string]string{"pian": "did you mean pain?", "blood": "the kinds are pain, water", ",": "no kind given"} {
		if _, err := ParseKinds(in); err == nil || !strings.Contains(err.Error(), want) {
			t.Errorf("ParseKinds(%q) = %v; want %q", in, err, want)
		}
	}
}

// The refusals of files that are not exports, or not whole, or hold a
// record lumbar log would refuse: each is one line naming where, and the
// diary is left as it was.
func TestImportRefusals(t *testing.T) {
	src := sourceStore(t)
	doc, err := Read(src, Kinds(), Span{}, exportEnd)
	if err != nil {
		t.Fatal(err)
	}
	jsonDoc := string(written(t, doc, "json"))
	jsonl := string(written(t, doc, "jsonl"))
	var painCSV bytes.Buffer
	if err := WriteCSV(&painCSV, doc, KindPain); err != nil {
		t.Fatal(err)
	}
	csvText := painCSV.String()
	firstPain := (*doc.Pain)[0]
	lines := strings.SplitN(jsonl, "\n", 3)

	for name, c := range map[string]struct{ data, want string }{
		"not an export":          {`{"name": "something else"}`, "not a lumbar export"},
		"another app's JSONL":    {"{\"a\":1}\n{\"b\":2}\n", "not a lumbar export"},
		"a newer version":        {strings.Replace(jsonDoc, `"version": 1`, `"version": 2`, 1), "version 2; this lumbar reads version 1"},
		"truncated JSON":         {jsonDoc[:len(jsonDoc)/2], "cut short"},
		"truncated JSONL":        {jsonl[:len(jsonl)-20], "cut short"},
		"a bad JSON value":       {strings.Replace(jsonDoc, `"pain": 2`, `"pain": "two"`, 1), "pain must be a whole number, not string"},
		"pain off the scale":     {lines[0] + "\n" + strings.Replace(lines[1], `"pain":`+strconv.Itoa(firstPain.Pain), `"pain":11`, 1) + "\n", "line 2: pain must be a whole number from 0 to 10, not 11"},
		"an unknown word":        {strings.Replace(jsonl, `"where":["back-centre"]`, `"where":["back-center"]`, 1), `unknown area "back-center"; did you mean back-centre?`},
		"an ID of another time":  {strings.Replace(jsonDoc, `"id": "`+firstPain.ID[:4], `"id": "`+"ffff", 1), "pain record 1: ID ffff"},
		"a malformed ID":         {strings.Replace(jsonDoc, `"id": "`+firstPain.ID, `"id": "xyz`, 1), `pain record 1: "xyz" is not a record ID`},
		"an ID given twice":      {lines[0] + "\n" + lines[1] + "\n" + lines[1] + "\n", "line 3: ID " + firstPain.ID + " is given twice (first at line 2)"},
		"an unknown kind":        {lines[0] + "\n" + `{"record":"blood","id":"x"}` + "\n", `line 2: unknown kind of record "blood"`},
		"a CSV missing a column": {strings.Replace(csvText, "id,at,pain,", "id,at,", 1), `the header row lacks the column "pain" of a pain export`},
		"a truncated CSV":        {csvText[:strings.Index(csvText, "HYPERLINK")], "cut short"},
		"another app's CSV":      {"Date,Pain\n2026-01-01,4\n", "not the header of a lumbar CSV export"},
		"a CSV bad number":       {strings.Replace(csvText, ","+strconv.Itoa(firstPain.Pain)+",", ",lots,", 1), `line 2: column pain: "lots" is not a whole number`},
		"an unknown setting":     {strings.Replace(jsonDoc, `"water.goal"`, `"water.gaol"`, 1), `unknown setting "water.gaol"; did you mean water.goal?`},
		"a bad setting":          {strings.Replace(jsonDoc, `"08:30"`, `"25:99"`, 1), "hours.start: must be a time"},
		"an empty file":          {"", "it is empty"},
	} {
		t.Run(name, func(t *testing.T) {
			dst := newStore(t)
			before := checksum(t, dst.Path())
			d, err := Parse([]byte(c.data))
			if err == nil {
				var b *Batch
				if b, err = Check(d); err == nil {
					_, err = b.Import(dst, true)
				}
			}
			if err == nil || !strings.Contains(err.Error(), c.want) || strings.Contains(err.Error(), "\n") {
				t.Errorf("err = %v; want one line with %q", err, c.want)
			}
			if checksum(t, dst.Path()) != before {
				t.Error("a refused import changed the file")
			}
		})
	}
}

func TestPrintableCleansTypedTextOnly(t *testing.T) {
	doc := &Document{Pain: &[]PainRecord{{Note: "red \x1b[31malert\x1b[0m \u202egnp", Medication: "x\x9b2J"}},
		Sessions: &[]SessionRecord{{Routine: "desk\x07"}}, Settings: map[string]string{"water.goal": "2000"}}
	clean := doc.Printable()
	if p := (*clean.Pain)[0]; strings.ContainsAny(p.Note+p.Medication, "\x1b\u202e\x9b") || !strings.Contains(p.Note, "alert") {
		t.Errorf("cleaned entry = %+v", p)
	}
	if (*clean.Sessions)[0].Routine != "desk" || clean.Settings["water.goal"] != "2000" {
		t.Errorf("cleaned session %q, settings %v", (*clean.Sessions)[0].Routine, clean.Settings)
	}
	if !strings.Contains((*doc.Pain)[0].Note, "\x1b") {
		t.Error("cleaning changed the export itself")
	}
}
