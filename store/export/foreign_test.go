package export

import (
	"strings"
	"testing"
	"time"
)

var foreignNow = time.Date(2026, 12, 2, 20, 0, 0, 0, berlin)

const spreadsheet = "\uFEFFDate,Time,Level,Where,Comment\r\n" +
	"01.11.2026,08:30,4,back-centre;leg-left,stiff after sleep\r\n" +
	"01.11.2026,,4,,\r\n" +
	"01.11.2026,,4,,\r\n" +
	",,,,\r\n" +
	"2.11.2026,21:00,6,,=SUM(A1)\r\n"

func readSpreadsheet(t *testing.T, data, mapping, format string) (*Document, error) {
	t.Helper()
	m, err := ParseMapping(mapping)
	if err != nil {
		t.Fatal(err)
	}
	layout, err := DateLayout(format)
	if err != nil {
		t.Fatal(err)
	}
	return ReadForeign([]byte(data), m, layout, foreignNow)
}

func TestForeignCSVBecomesPainEntries(t *testing.T) {
	doc, err := readSpreadsheet(t, spreadsheet, "date=Date,time=2,pain=level,where=Where,note=Comment", "DD.MM.YYYY")
	if err != nil {
		t.Fatal(err)
	}
	got := *doc.Pain
	if len(got) != 4 {
		t.Fatalf("%d entries, want 4 (the empty row skipped)", len(got))
	}
	first := got[0]
	if first.At != "2026-11-01T08:30:00+01:00" || first.Pain != 4 || strings.Join(first.Where, ",") != "back-centre,leg-left" || first.Note != "stiff after sleep" {
		t.Errorf("first entry = %+v", first)
	}
	if got[1].At != "2026-11-01T12:00:00+01:00" {
		t.Errorf("a date alone is read as %s, want noon", got[1].At)
	}
	if got[1].ID == got[2].ID {
		t.Error("two identical rows got one ID")
	}
	if got[3].Note != "=SUM(A1)" || got[3].At != "2026-11-02T21:00:00+01:00" {
		t.Errorf("last entry = %+v", got[3])
	}
	if doc.place(KindPain, 3) != "line 6" {
		t.Errorf("the last entry's place is %q", doc.place(KindPain, 3))
	}
	again, _ := readSpreadsheet(t, spreadsheet, "date=Date,time=2,pain=level,where=Where,note=Comment", "DD.MM.YYYY")
	for i := range got {
		if (*again.Pain)[i].ID != got[i].ID {
			t.Error("reading the same rows again gives other IDs: importing twice would double them")
		}
	}
	if _, err := Check(doc); err != nil {
		t.Errorf("the entries do not check: %v", err)
	}
}

func TestForeignDates(t *testing.T) {
	for _, c := range []struct{ date, format, want string }{
		{"2026-11-05", "", "2026-11-05T12:00:00+01:00"},
		{"2026-11-05 07:15", "", "2026-11-05T07:15:00+01:00"},
		{"2026-11-05T07:15:00-05:00", "", "2026-11-05T07:15:00-05:00"},
		{"11/5/2026", "MM/DD/YYYY", "2026-11-05T12:00:00+01:00"},
		{"05.11.2026 7:05", "DD.MM.YYYY HH:mm", "2026-11-05T07:05:00+01:00"},
	} {
		doc, err := readSpreadsheet(t, "d,p\n"+c.date+",3\n", "date=d,pain=p", c.format)
		if err != nil || (*doc.Pain)[0].At != c.want {
			t.Errorf("%q with %q: %v, %v; want %s", c.date, c.format, doc, err, c.want)
		}
	}
}

func TestForeignRefusals(t *testing.T) {
	for name, c := range map[string]struct{ data, mapping, format, want string }{
		"a missing column":         {"Date,Pain\n2026-11-01,4\n", "date=Date,pain=Level", "", `--map pain=Level: there is no column "Level"; the header row has Date, Pain`},
		"a bad date":               {"Date,Pain\n2026-11-01,4\n31/11/2026,4\n", "date=Date,pain=Pain", "", `line 3: date "31/11/2026" is not like 2026-03-31`},
		"a date of another format": {"Date,Pain\n2026-11-01,4\n", "date=Date,pain=Pain", "DD.MM.YYYY", `line 2: date "2026-11-01" does not match --date-format`},
		"a future date":            {"Date,Pain\n2027-01-01,4\n", "date=Date,pain=Pain", "", "line 2: 2027-01-01 12:00 is in the future"},
		"a bad time":               {"Date,Time,Pain\n2026-11-01,25:00,4\n", "date=Date,time=Time,pain=Pain", "", `line 2: time "25:00" is not like 14:30`},
		"pain off the scale":       {"Date,Pain\n2026-11-01,4\n2026-11-02,4.5\n", "date=Date,pain=Pain", "", `line 3: pain must be a whole number from 0 to 10, not "4.5"`},
		"an empty rating":          {"Date,Pain\n2026-11-01,\n", "date=Date,pain=Pain", "", "line 2: pain is empty"},
		"an unknown word":          {"Date,Pain,Where\n2026-11-01,4,lower back\n", "date=Date,pain=Pain,where=Where", "", `line 2: unknown area "lower back"`},
		"a cut-short file":         {"Date,Pain,Note\n2026-11-01,4,\"never closed\n", "date=Date,pain=Pain,note=Note", "", "cut short"},
		"an empty file":            {"", "date=Date,pain=Pain", "", "it is empty"},
		"before 1970":              {"Date,Pain\n1969-12-31,4\n", "date=Date,pain=Pain", "", "outside the years lumbar can keep"},
	} {
		_, err := readSpreadsheet(t, c.data, c.mapping, c.format)
		if err == nil || !strings.Contains(err.Error(), c.want) || strings.Contains(err.Error(), "\n") {
			t.Errorf("%s: err = %v; want one line with %q", name, err, c.want)
		}
	}
}

func TestParseMappingAndDateLayout(t *testing.T) {
	for spec, want := range map[string]string{
		"date=Date":                 "it needs pain=COLUMN",
		"date=Date,pain=P,wher=W":   `unknown field "wher"; did you mean where?`,
		"date=Date,pain=P,pain=Q":   "pain is mapped twice",
		"date,pain=P":               `"date" is not FIELD=COLUMN`,
		"date=Date,pain=P,colour=C": `unknown field "colour"; the fields are date, time, pain`,
	} {
		if _, err := ParseMapping(spec); err == nil || !strings.Contains(err.Error(), want) {
			t.Errorf("ParseMapping(%q) = %v; want %q", spec, err, want)
		}
	}
	if _, err := DateLayout("DD/MM"); err == nil || !strings.Contains(err.Error(), "lacks YYYY") {
		t.Errorf("DateLayout without a year = %v", err)
	}
}
