package report

import (
	"bytes"
	"embed"
	"html/template"
	"io"
	"sync"
	"time"

	"lumbar/store/diary"
	"lumbar/store/text"
)

//go:embed report.html.tmpl report.css.tmpl
var templateFiles embed.FS

// page is the report's template. html/template escapes every value it
// is given for where it lands, so a note, a medication or any text a
// person typed is shown as text, never read as markup. It is parsed on
// first use, not when lumbar starts: parsing took 0.7 ms, a third of the
// package initialisation every command paid.
var page = sync.OnceValue(func() *template.Template {
	return template.Must(template.New("report.html.tmpl").Funcs(template.FuncMap{
		"date":  longDate,
		"short": func(d diary.Day) string { return d.Date().Format("2 Jan") },
		"span": func(from, to diary.Day) string {
			if from == to {
				return from.Date().Format("2 Jan")
			}
			return from.Date().Format("2 Jan") + " – " + to.Date().Format("2 Jan")
		},
		"days":             func(from, to diary.Day) int { return int(to-from) + 1 },
		"plural":           text.Plural,
		"signed":           func(s diary.Score) string { return signed(s) },
		"add":              func(a, b int) int { return a + b },
		"sub":              func(a, b int) int { return a - b },
		"counts":           func(title string, rows []Count) countBox { return countBox{title, rows} },
		"amounts":          func() []string { return diary.ReliefAmounts.Labels(diary.ReliefAmounts.IDs()) },
		"minDays":          func() int { return minDaysMonthCheck },
		"minCompare":       func() int { return diary.MinDaysToCompare },
		"changeRule":       ChangeRule,
		"togetherNotCause": func() string { return diary.TogetherNotCause },
	}).ParseFS(templateFiles, "report.html.tmpl", "report.css.tmpl"))
})

// countBox is one small table of counts of days.
type countBox struct {
	Title string
	Rows  []Count
}

// longDate writes a day or an instant as "4 Sep 2026".
func longDate(v any) string {
	const layout = "2 Jan 2006"
	switch v := v.(type) {
	case diary.Day:
		return v.Date().Format(layout)
	case time.Time:
		return v.Format(layout)
	}
	return ""
}

// signed writes a change with its sign: "+0.4", "−1.2", "0.0".
func signed(s diary.Score) string {
	switch {
	case s > 0:
		return "+" + s.String()
	case s < 0:
		return "−" + (-s).String()
	}
	return s.String()
}

// Render writes the report as one HTML document.
func Render(w io.Writer, rep Report) error {
	return page().Execute(w, rep)
}

// HTML is the report of the records, whole.
func HTML(r Records, o Options) ([]byte, error) {
	var b bytes.Buffer
	err := Render(&b, Build(r, o))
	return b.Bytes(), err
}
