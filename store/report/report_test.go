package report

import (
	"bytes"
	"fmt"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
	"time"

	"github.com/charmbracelet/x/exp/golden"
	"golang.org/x/net/html"

	"lumbar/store"
	"lumbar/store/demodata"
	"lumbar/store/diary"
)

// demoEnd is when the demo diaries of these tests end: their last day is
// the day before.
var demoEnd = time.Date(2026, 12, 2, 10, 0, 0, 0, time.UTC)

// demoStore is a year of demo data ending the day before demoEnd.
func demoStore(t testing.TB) *store.Store {
	t.Helper()
	s, _, err := demodata.Build(filepath.Join(t.TempDir(), "demo.db"), 1, demoEnd)
	if err != nil {
		t.Fatal(err)
	}
	return s
}

// hostileNote is text a person might type or paste that must stay text.
const hostileNote = "<script>alert('x')</script> & <img src=http://evil.example/x.png> \x1b[31mred\x1b[0m \"quoted\" </td></table>"

// addFlaggedEntries adds, on the period's last days, entries with warning
// signs, leg pain, a note and a medication full of markup.
func addFlaggedEntries(t testing.TB, s *store.Store) {
	t.Helper()
	last := diary.DayOf(demoEnd) - 1
	leg := 6
	entries := []diary.PainEntry{
		{Stamp: diary.StampAt(last.Midnight(time.UTC).Add(20 * time.Hour)), Pain: 8, LegPain: &leg,
			Warnings: []string{"night-pain", "worsening"}, Note: hostileNote, Medication: "<b>codeine</b> 30 mg",
			Helped: []string{"heat"}, Relief: "a-little"},
		{Stamp: diary.StampAt((last - 3).Midnight(time.UTC).Add(21 * time.Hour)), Pain: 7, Warnings: []string{"night-pain"}},
	}
	for _, e := range entries {
		if _, err := store.Pain.Append(s, e); err != nil {
			t.Fatal(err)
		}
	}
}

// reportOf renders the report of period from s.
func reportOf(t testing.TB, s *store.Store, p Period, notes bool) []byte {
	t.Helper()
	r, err := Read(s, p)
	if err != nil {
		t.Fatal(err)
	}
	out, err := HTML(r, Options{Period: p, Made: demoEnd, Notes: notes})
	if err != nil {
		t.Fatal(err)
	}
	return out
}

// lastDemoDays is the n days of demo data up to its last day.
func lastDemoDays(n int) Period { return LastDays(diary.DayOf(demoEnd)-1, n) }

// sciaticaSpring is 90 days of the demo year when leg pain was logged.
var sciaticaSpring = Period{First: mustDay("2026-03-01"), Last: mustDay("2026-05-29")}

func mustDay(s string) diary.Day {
	d, err := diary.ParseDay(s)
	if err != nil {
		panic(err)
	}
	return d
}

func parse(t *testing.T, page []byte) *html.Node {
	t.Helper()
	doc, err := html.Parse(bytes.NewReader(page))
	if err != nil {
		t.Fatalf("the report does not parse as HTML: %v", err)
	}
	return doc
}

// walk calls fn on every node of the tree.
func walk(n *html.Node, fn func(*html.Node)) {
	fn(n)
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		walk(c, fn)
	}
}

// Elements and attributes that load or run something from elsewhere.
var (
	fetchingElements   = []string{"script", "link", "img", "iframe", "object", "embed", "base", "video", "audio", "source", "image", "use", "foreignobject", "form", "input"}
	fetchingAttributes = []string{"src", "href", "xlink:href", "srcset", "action", "formaction", "poster", "data", "background", "ping"}
)

// noteCells are the notes' table cells: a note is text the person typed,
// a web address included, and is checked as text (TestTypedTextIsDataNotMarkup).
var noteCells = regexp.MustCompile(`(?s)<td class="note">.*?</td>`)

// assertSelfContained fails unless the page holds nothing that could run
// or fetch anything: no script, no reference to another file, no "http"
// outside what the person typed.
func assertSelfContained(t *testing.T, page []byte) {
	t.Helper()
	lower := strings.ToLower(noteCells.ReplaceAllString(string(page), ""))
	for _, banned := range []string{"http", "<script", "url(", "@import", "javascript:"} {
		if strings.Contains(lower, banned) {
			t.Errorf("the report contains %q", banned)
		}
	}
	walk(parse(t, page), func(n *html.Node) {
		if n.Type != html.ElementNode {
			return
		}
		for _, el := range fetchingElements {
			if strings.EqualFold(n.Data, el) {
				t.Errorf("the report has a <%s> element", n.Data)
			}
		}
		for _, a := range n.Attr {
			name := strings.ToLower(a.Key)
			if a.Namespace != "" {
				name = a.Namespace + ":" + name
			}
			for _, banned := range fetchingAttributes {
				if strings.HasSuffix(name, banned) && (name == banned || strings.HasSuffix(name, ":"+banned)) {
					t.Errorf("<%s> has a %s attribute", n.Data, a.Key)
				}
			}
			if strings.HasPrefix(name, "on") {
				t.Errorf("<%s> has an event handler %s", n.Data, a.Key)
			}
		}
		if n.Data == "meta" && attr(n, "http-equiv") != "" {
			t.Errorf("the report has a meta http-equiv")
		}
	})
}

func attr(n *html.Node, key string) string {
	for _, a := range n.Attr {
		if a.Key == key {
			return a.Val
		}
	}
	return ""
}

func TestReportIsSelfContainedHTML(t *testing.T) {
	s := demoStore(t)
	addFlaggedEntries(t, s)
	empty, err := Read(nil, lastDemoDays(90))
	if err != nil {
		t.Fatal(err)
	}
	emptyPage, err := HTML(empty, Options{Period: lastDemoDays(90), Made: demoEnd})
	if err != nil {
		t.Fatal(err)
	}
	for name, page := range map[string][]byte{
		"90 days":            reportOf(t, s, lastDemoDays(90), false),
		"90 days with notes": reportOf(t, s, lastDemoDays(90), true),
		"14 days":            reportOf(t, s, lastDemoDays(14), true),
		"a year":             reportOf(t, s, lastDemoDays(365), true),
		"leg pain":           reportOf(t, s, sciaticaSpring, true),
		"empty diary":        emptyPage,
	} {
		t.Run(name, func(t *testing.T) { assertSelfContained(t, page) })
	}
}

// elements are the page's elements named tag, in document order.
func elements(doc *html.Node, tag string) []*html.Node {
	var out []*html.Node
	walk(doc, func(n *html.Node) {
		if n.Type == html.ElementNode && n.Data == tag {
			out = append(out, n)
		}
	})
	return out
}

func withClass(nodes []*html.Node, class string) []*html.Node {
	var out []*html.Node
	for _, n := range nodes {
		if attr(n, "class") == class {
			out = append(out, n)
		}
	}
	return out
}

// polylinePoints reads an SVG polyline's points, failing on a malformed one.
func polylinePoints(t *testing.T, line *html.Node) [][2]float64 {
	t.Helper()
	var out [][2]float64
	for _, pair := range strings.Fields(attr(line, "points")) {
		var p [2]float64
		if n, err := fmt.Sscanf(pair, "%g,%g", &p[0], &p[1]); n != 2 || err != nil {
			t.Fatalf("point %q of %s is not x,y", pair, attr(line, "class"))
		}
		out = append(out, p)
	}
	return out
}

func TestChartHasAPointForEveryLoggedDay(t *testing.T) {
	s := demoStore(t)
	for _, tc := range []struct {
		name string
		p    Period
	}{{"90 days", lastDemoDays(90)}, {"14 days", lastDemoDays(14)}, {"leg pain", sciaticaSpring}, {"a year", lastDemoDays(365)}} {
		t.Run(tc.name, func(t *testing.T) {
			r, err := Read(s, tc.p)
			if err != nil {
				t.Fatal(err)
			}
			rep := Build(r, Options{Period: tc.p, Made: demoEnd})
			doc := parse(t, reportOf(t, s, tc.p, false))
			logged := 0
			for _, d := range rep.Daily {
				if d.Logged() {
					logged++
				}
			}
			if logged == 0 || len(rep.Daily) != tc.p.Days() {
				t.Fatalf("%d days, %d logged: the demo data should fill the period", len(rep.Daily), logged)
			}
			mean := withClass(elements(doc, "polyline"), "mean")
			if len(mean) != 1 {
				t.Fatalf("%d mean lines, want 1", len(mean))
			}
			points := polylinePoints(t, mean[0])
			if len(points) != logged {
				t.Errorf("mean line has %d points, want one per logged day: %d", len(points), logged)
			}
			for i := 1; i < len(points); i++ {
				if points[i][0] <= points[i-1][0] {
					t.Fatalf("mean line goes back in time at point %d: %v", i, points[i-1:i+1])
				}
			}
			for _, p := range points {
				if p[1] < chartTop || p[1] > chartBottom {
					t.Fatalf("point %v lies outside the plot (%d to %d)", p, chartTop, chartBottom)
				}
			}
			if dots := elements(withClass(elements(doc, "g"), "worst")[0], "circle"); len(dots) != logged {
				t.Errorf("%d worst-of-day dots, want %d", len(dots), logged)
			}
			leg := withClass(elements(doc, "polyline"), "leg")
			switch {
			case len(rep.Leg) == 0 && len(leg) != 0:
				t.Errorf("a leg-pain line without leg pain logged")
			case len(rep.Leg) > 0 && (len(leg) != 1 || len(polylinePoints(t, leg[0])) != len(rep.Leg)):
				t.Errorf("leg pain on %d days: want one line with as many points", len(rep.Leg))
			}
			if tc.name == "leg pain" && len(rep.Leg) < 30 {
				t.Errorf("only %d days of leg pain in the demo's sciatica months", len(rep.Leg))
			}
		})
	}
}

func TestTypedTextIsDataNotMarkup(t *testing.T) {
	s := demoStore(t)
	addFlaggedEntries(t, s)
	page := reportOf(t, s, lastDemoDays(14), true)
	doc := parse(t, page)
	if n := len(elements(doc, "script")) + len(elements(doc, "img")) + len(elements(doc, "b")); n > 0 {
		t.Fatalf("typed markup became %d elements", n)
	}
	var notes []string
	for _, td := range withClass(elements(doc, "td"), "note") {
		notes = append(notes, td.FirstChild.Data)
	}
	want := "<script>alert('x')</script> & <img src=http://evil.example/x.png> red \"quoted\" </td></table>"
	if !containsString(notes, want) {
		t.Errorf("the note reads %q, want the text as typed, escapes removed: %q", notes, want)
	}
	if bytes.Contains(page, []byte("\x1b")) {
		t.Error("an escape sequence reached the page")
	}
	if !bytes.Contains(page, []byte("&lt;b&gt;codeine&lt;/b&gt; 30 mg")) {
		t.Error("the medication is not shown as written, escaped")
	}
}

func containsString(list []string, s string) bool {
	for _, v := range list {
		if v == s {
			return true
		}
	}
	return false
}

func TestNotesArePrivateUnlessAskedFor(t *testing.T) {
	s := demoStore(t)
	addFlaggedEntries(t, s)
	page := string(reportOf(t, s, lastDemoDays(90), false))
	for _, note := range []string{"alert", "gardening all afternoon", "yoga class"} {
		if strings.Contains(page, note) {
			t.Errorf("a note (%q) is in the report made without --notes", note)
		}
	}
	if !strings.Contains(page, "notes are private and left out of this report") {
		t.Error("the report does not say the notes were left out")
	}
	if withNotes := string(reportOf(t, s, lastDemoDays(90), true)); !strings.Contains(withNotes, "gardening all afternoon") {
		t.Error("the notes are missing from the report made with --notes")
	}
}

func TestWarningSignsComeFirstWithDatesAndTheLaddersPhrase(t *testing.T) {
	s := demoStore(t)
	page := string(reportOf(t, s, lastDemoDays(90), false))
	if !strings.Contains(page, "None logged in this period.") {
		t.Error("a report without warning signs does not say none were logged")
	}
	addFlaggedEntries(t, s)
	page = string(reportOf(t, s, lastDemoDays(90), false))
	warnings, pain := strings.Index(page, "Warning signs logged"), strings.Index(page, "Pain over time")
	if warnings < 0 || pain < 0 || warnings > pain {
		t.Fatalf("the warning signs are not before the pain chart (at %d and %d)", warnings, pain)
	}
	section := page[warnings:pain]
	for _, want := range []string{
		diary.WarningSigns.Label("night-pain"), "28 Nov 2026, 1 Dec 2026", diary.RungOf(diary.TierUrgent).Heading,
		diary.WarningSigns.Label("worsening"), diary.RungOf(diary.TierRoutine).Heading,
		diary.UrgentPhrase, // the most urgent logged
	} {
		if !strings.Contains(section, htmlText(want)) {
			t.Errorf("the warning signs do not show %q", want)
		}
	}
	if strings.Contains(section, diary.EmergencyPhrase) {
		t.Error("the emergency phrase shows without an emergency sign")
	}
}

// htmlText is s as html/template writes it in text.
func htmlText(s string) string {
	return strings.NewReplacer("&", "&amp;", "'", "&#39;", "<", "&lt;", ">", "&gt;", `"`, "&#34;").Replace(s)
}

func TestEmptyDiarySaysSo(t *testing.T) {
	p := LastDays(diary.DayOf(demoEnd), 90)
	r, err := Read(nil, p)
	if err != nil {
		t.Fatal(err)
	}
	page, err := HTML(r, Options{Period: p, Made: demoEnd})
	if err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{"Nothing was logged in this period", "0 of 90 days", "not a diagnosis"} {
		if !strings.Contains(string(page), want) {
			t.Errorf("the report of an empty diary lacks %q", want)
		}
	}
	if len(elements(parse(t, page), "svg")) != 0 {
		t.Error("the report of an empty diary draws a chart")
	}
}

func TestMonthChangeFollowsTheMeaningfulChangeRule(t *testing.T) {
	days := func(n int, first, last float64, loggedEvery int) []diary.DayPain {
		out := diary.EmptyDays(0, diary.Day(n-1))
		for i := range out {
			if i%loggedEvery != 0 {
				continue
			}
			v := first
			if i >= n-monthDays {
				v = last
			}
			out[i].Add(diary.PainEntry{Pain: int(v)})
		}
		return out
	}
	for _, tc := range []struct {
		name                 string
		daily                []diary.DayPain
		short, enough, means bool
	}{
		{"too short", days(59, 6, 3, 1), true, false, false},
		{"6 to 3 is meaningful", days(90, 6, 3, 1), false, true, true},
		{"6 to 5 is not: under 30%", days(90, 6, 5, 1), false, true, false},
		{"2 to 1 is: 50% and one point", days(90, 2, 1, 1), false, true, true},
		{"too few logged days", days(90, 6, 3, 4), false, false, false},
	} {
		t.Run(tc.name, func(t *testing.T) {
			m := monthChange(tc.daily)
			if m.ShortPeriod != tc.short || m.Enough != tc.enough || m.Meaningful != tc.means {
				t.Errorf("short %v enough %v meaningful %v, want %v %v %v", m.ShortPeriod, m.Enough, m.Meaningful, tc.short, tc.enough, tc.means)
			}
		})
	}
}

// The goldens pin the whole report of the demo data; run go test
// ./store/report -update after an intended change and read the diff.
func TestGolden(t *testing.T) {
	s := demoStore(t)
	for _, tc := range []struct {
		name  string
		p     Period
		notes bool
	}{
		{"demo-90-days", lastDemoDays(90), false},
		{"demo-14-days-with-notes", lastDemoDays(14), true},
		{"demo-leg-pain-90-days", sciaticaSpring, false},
		{"demo-365-days", lastDemoDays(365), false},
	} {
		t.Run(tc.name, func(t *testing.T) { golden.RequireEqual(t, reportOf(t, s, tc.p, tc.notes)) })
	}
}

// Leg pain on a day alone has no line to draw: it gets a mark of its own.
func TestLegPainOnADayAloneIsMarked(t *testing.T) {
	s := demoStore(t)
	addFlaggedEntries(t, s) // leg pain on the last day only
	doc := parse(t, reportOf(t, s, lastDemoDays(14), false))
	alone := withClass(elements(doc, "g"), "leg-alone")
	if len(alone) != 1 || len(elements(alone[0], "circle")) != 1 {
		t.Fatalf("%d marks for leg pain on one day alone, want one", len(alone))
	}
	if line := withClass(elements(doc, "polyline"), "leg"); len(line) != 1 || len(polylinePoints(t, line[0])) != 1 {
		t.Error("the leg-pain line does not hold the one day")
	}
}
