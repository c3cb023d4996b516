package main

import (
	"encoding/json"
	"os"
	"path/filepath"
	"reflect"
	"slices"
	"strings"
	"testing"

	"lumbar/store"
	"lumbar/store/diary"
)

// freshDiary is a fresh data file and a way to run commands on it.
func freshDiary(t *testing.T) (path string, lumbar func(args ...string) (int, string, string)) {
	t.Helper()
	path = filepath.Join(t.TempDir(), "lumbar.db")
	if _, err := store.Open(path); err != nil {
		t.Fatal(err)
	}
	return path, func(args ...string) (int, string, string) {
		return runCLI(t, nil, append([]string{"--db", path}, args...)...)
	}
}

func TestLogSavesAndPrintsOneLine(t *testing.T) {
	path, lumbar := freshDiary(t)
	code, out, errOut := lumbar("log", "6", "--leg", "3", "--where", "Back-Centre, leg-left", "--feels", "shooting",
		"--helped", "heat", "--relief", "some", "--med", "ibuprofen 400 mg", "--interference", "0", "--sleep", "poor",
		"--note", "after the drive", "--at", "yesterday 21:30")
	if code != exitOK || errOut != "" {
		t.Fatalf("exit %d, stderr %q", code, errOut)
	}
	want := `logged 2026-11-26 21:30 · pain 6 moderate · leg 3 · where back-centre,leg-left · feels shooting · ` +
		`helped heat,medication · relief some · med ibuprofen 400 mg · in the way 0 · slept poor · "after the drive"` + "\n"
	if out != want {
		t.Errorf("output\n got %q\nwant %q", out, want)
	}
	s, _ := store.Open(path)
	var items []store.Item[diary.PainEntry]
	_ = s.View(func(tx *store.Tx) (err error) {
		items, err = store.Pain.Latest(tx, 5)
		return err
	})
	if len(items) != 1 {
		t.Fatalf("%d entries stored", len(items))
	}
	e := items[0].Value
	if e.Pain != 6 || *e.LegPain != 3 || *e.Interference != 0 || e.Sleep != "poor" || e.Medication != "ibuprofen 400 mg" ||
		!slices.Equal(e.Where, []string{"back-centre", "leg-left"}) || !slices.Equal(e.Helped, []string{"heat", "medication"}) {
		t.Errorf("stored %+v", e)
	}
	// Flags may come first, and a bare rating is enough.
	if code, out, _ := lumbar("log", "--at", "08:00", "2"); code != exitOK || !strings.HasPrefix(out, "logged 2026-11-27 08:00 · pain 2 mild\n") {
		t.Errorf("flags first: exit %d, %q", code, out)
	}
}

// Every refusal is one line on stderr and leaves the file byte for byte
// as it was.
func TestLogRefusalsWriteNothing(t *testing.T) {
	path, lumbar := freshDiary(t)
	cases := []struct {
		args []string
		code int
		want string
	}{
		{[]string{"log"}, exitUsage, "log needs your pain now"},
		{[]string{"log", ""}, exitUsage, "pain is empty"},
		{[]string{"log", "11"}, exitUsage, `pain must be a whole number from 0 to 10, not "11"`},
		{[]string{"log", "-1"}, exitUsage, `not "-1"`},
		{[]string{"log", "6.5"}, exitUsage, `not "6.5"`},
		{[]string{"log", "six"}, exitUsage, `not "six"`},
		{[]string{"log", "4", "5"}, exitUsage, "log takes one rating"},
		{[]string{"log", "4", "--leg", "12"}, exitUsage, `leg pain must be a whole number from 0 to 10, not "12"`},
		{[]string{"log", "4", "--interference", "x"}, exitUsage, "interference must be"},
		{[]string{"log", "4", "--where", "buttok"}, exitUsage, "did you mean buttock-left or buttock-right?"},
		{[]string{"log", "4", "--feels", "tinglng"}, exitUsage, `unknown feeling "tinglng"; did you mean tingling?`},
		{[]string{"log", "4", "--trigger", "sittng"}, exitUsage, "did you mean sitting?"},
		{[]string{"log", "4", "--helped", "swedish"}, exitUsage, "did you mean massage-swedish?"},
		{[]string{"log", "4", "--relief", "lots"}, exitUsage, "unknown amount"},
		{[]string{"log", "4", "--helped", "heat", "--sleep", "great"}, exitUsage, "unknown sleep"},
		{[]string{"log", "4", "--relief", "some"}, exitUsage, "needs what helped"},
		{[]string{"log", "4", "--redflag", "bladdr"}, exitUsage, "did you mean bladder?"},
		{[]string{"log", "4", "--note", strings.Repeat("x", 4001)}, exitUsage, "note is 4001 characters; the most is 4000"},
		{[]string{"log", "4", "--at", "23:00"}, exitUsage, "is in the future"},
		{[]string{"log", "4", "--at", "tomorow 10:00"}, exitUsage, "is not a time"},
		{[]string{"log", "4", "--at", "yesterdy 10:00"}, exitUsage, "did you mean yesterday?"},
		{[]string{"log", "4", "--wher", "back-left"}, exitUsage, `unknown flag "--wher"; did you mean --where?`},
		{[]string{"log", "4", "--note"}, exitUsage, "--note needs a value"},
		{[]string{"log", "\x1b[2J"}, exitUsage, `not "\x1b[2J"`},
	}
	for _, c := range cases {
		before := sum(t, path)
		code, out, errOut := lumbar(c.args...)
		if code != c.code || out != "" || !strings.Contains(errOut, c.want) {
			t.Errorf("%q: exit %d, stdout %q, stderr %q; want exit %d and %q", c.args, code, out, errOut, c.code, c.want)
		}
		if strings.Count(errOut, "\n") != 1 || strings.Contains(errOut, "\x1b") {
			t.Errorf("%q: want one clean line on stderr, got %q", c.args, errOut)
		}
		if sum(t, path) != before {
			t.Errorf("%q changed the data file", c.args)
		}
	}
}

func TestLogWarningSignsShowTheDoctorAdvice(t *testing.T) {
	_, lumbar := freshDiary(t)
	code, out, errOut := lumbar("log", "7", "--redflag", "saddle")
	if code != exitOK || !strings.Contains(out, "warning signs saddle") {
		t.Fatalf("exit %d, %q", code, out)
	}
	for _, want := range []string{"⚠ " + diary.EmergencyPhrase, "numbness in the groin or saddle area", "When to see a doctor"} {
		if !strings.Contains(errOut, want) {
			t.Errorf("urgent advice lacks %q:\n%s", want, errOut)
		}
	}
	_, _, errOut = lumbar("log", "5", "--redflag", "fever,weight-loss")
	if strings.Contains(errOut, "⚠ "+diary.EmergencyPhrase) || !strings.Contains(errOut, "⚠ "+diary.UrgentPhrase) ||
		!strings.Contains(errOut, "fever, or feeling hot and shivery; unexplained weight loss") {
		t.Errorf("non-urgent advice:\n%s", errOut)
	}
	// The advice is shown even when the entry itself is refused.
	code, _, errOut = lumbar("log", "12", "--redflag", "bowel")
	if code != exitUsage || !strings.Contains(errOut, "pain must be") || !strings.Contains(errOut, "⚠ "+diary.EmergencyPhrase) {
		t.Errorf("refused entry with a warning sign: exit %d\n%s", code, errOut)
	}
}

func TestLogHelpListsEveryWord(t *testing.T) {
	_, lumbar := freshDiary(t)
	code, out, _ := lumbar("log", "--help")
	if code != exitOK {
		t.Fatalf("exit %d", code)
	}
	for _, v := range []diary.Vocabulary{diary.Areas, diary.Feelings, diary.Triggers, diary.Reliefs,
		diary.ReliefAmounts, diary.SleepQualities, diary.WarningSigns} {
		for _, id := range v.IDs() {
			if !strings.Contains(out, " "+id+" ") {
				t.Errorf("lumbar log --help lacks %s %q", v.Name, id)
			}
		}
	}
}

func TestHistory(t *testing.T) {
	_, lumbar := freshDiary(t)
	if code, out, _ := lumbar("history"); code != exitOK || !strings.Contains(out, "no entries in the last 30 days") {
		t.Errorf("empty history: %d %q", code, out)
	}
	if code, out, _ := lumbar("history", "--json"); code != exitOK || out != "[]\n" {
		t.Errorf("empty JSON history: %d %q", code, out)
	}
	lumbar("log", "3", "--at", "2026-10-01 10:00")
	lumbar("log", "5", "--at", "yesterday 08:00", "--note", "line one\nline two \x1b]0;evil\x07\u202e")
	lumbar("log", "2", "--leg", "1", "--at", "07:00")
	code, out, _ := lumbar("history", "--days", "7")
	lines := strings.Split(strings.TrimSpace(out), "\n")
	for i, line := range lines { // each starts with its short ID
		id, rest, _ := strings.Cut(line, " ")
		if len(id) < store.MinShortID {
			t.Errorf("line %q starts with no short ID", line)
		}
		lines[i] = rest
	}
	if code != exitOK || len(lines) != 2 || !strings.HasPrefix(lines[0], "2026-11-26 08:00 · pain 5") ||
		!strings.HasSuffix(lines[0], `"line one line two"`) || !strings.HasPrefix(lines[1], "2026-11-27 07:00") {
		t.Errorf("history --days 7: %d\n%s", code, out)
	}
	_, out, _ = lumbar("history", "--json", "--days", "90")
	var got []map[string]any
	if err := json.Unmarshal([]byte(out), &got); err != nil || len(got) != 3 {
		t.Fatalf("JSON: %v, %d entries\n%s", err, len(got), out)
	}
	wantKeys := []string{"at", "band", "day", "feels", "helped", "id", "interference", "leg_pain", "medication",
		"note", "pain", "relief", "short_id", "sleep", "triggers", "warning_signs", "where"}
	for _, e := range got {
		var keys []string
		for k := range e {
			keys = append(keys, k)
		}
		slices.Sort(keys)
		if !reflect.DeepEqual(keys, wantKeys) {
			t.Errorf("entry keys %v, want %v", keys, wantKeys)
		}
	}
	if got[1]["note"] != "line one\nline two " || got[1]["at"] != "2026-11-26T08:00:00Z" || got[1]["day"] != "2026-11-26" ||
		got[2]["leg_pain"] != 1.0 || got[0]["leg_pain"] != nil {
		t.Errorf("JSON values: %v", got)
	}
}

func TestStats(t *testing.T) {
	_, lumbar := freshDiary(t)
	for i, at := range []string{"2026-11-20 09:00", "2026-11-21 09:00", "2026-11-22 09:00", "2026-11-25 09:00", "yesterday 09:00", "08:00"} {
		args := []string{"log", []string{"6", "5", "6", "3", "2", "3"}[i], "--at", at}
		if i%2 == 0 {
			args = append(args, "--helped", "walking")
		}
		if code, _, errOut := lumbar(args...); code != exitOK {
			t.Fatal(errOut)
		}
	}
	code, out, _ := lumbar("stats", "--days", "14")
	for _, want := range []string{
		"Last 14 days, 2026-11-14 to 2026-11-27",
		"worst pain per day, last 14 days: ······▅▅▅··▃▂▃",
		"• In the last 14 days you logged 6 days; your pain averaged 4.2, at worst 6.",
		"• You have logged 3 days in a row, your longest run so far.",
		"• On days you walked, your pain averaged 4.7 (3 days) vs 3.7 on other days (3 days).",
	} {
		if code != exitOK || !strings.Contains(out, want) {
			t.Errorf("stats lacks %q:\n%s", want, out)
		}
	}
	_, out, _ = lumbar("stats", "--json", "--days", "7")
	var got map[string]any
	if err := json.Unmarshal([]byte(out), &got); err != nil {
		t.Fatal(err, out)
	}
	for _, key := range []string{"from", "to", "days", "days_logged", "mean", "worst", "daily", "week", "streak", "factors", "routines", "sparkline", "insights"} {
		if _, ok := got[key]; !ok {
			t.Errorf("stats JSON lacks %q", key)
		}
	}
	if got["sparkline"] != "▅▅··▃▂▃" || len(got["daily"].([]any)) != 7 || got["mean"] != 3.8 {
		t.Errorf("stats JSON: sparkline %v, %d days, mean %v", got["sparkline"], len(got["daily"].([]any)), got["mean"])
	}
	// A count of one is written in the singular.
	if _, out, _ := lumbar("stats", "--days", "1"); !strings.Contains(out, "Last 1 day, 2026-11-27") ||
		!strings.Contains(out, "worst pain per day, last 1 day: ▃") || !strings.Contains(out, "In the last 1 day you logged 1 day;") {
		t.Errorf("stats --days 1:\n%s", out)
	}
	// The streak is over all entries, whatever span is asked for.
	for _, days := range []string{"1", "7", "30"} {
		_, out, _ = lumbar("stats", "--json", "--days", days)
		var span struct{ Streak map[string]any }
		if err := json.Unmarshal([]byte(out), &span); err != nil {
			t.Fatal(err, out)
		}
		if want := map[string]any{"current": 3.0, "logged_today": true, "longest": 3.0}; !reflect.DeepEqual(span.Streak, want) {
			t.Errorf("stats --days %s: streak %v, want %v", days, span.Streak, want)
		}
	}
	if code, _, errOut := lumbar("stats", "--days", "4000"); code != exitUsage || !strings.Contains(errOut, "from 1 to 3660") {
		t.Errorf("--days 4000: %d %q", code, errOut)
	}
}

func TestDemo(t *testing.T) {
	dir := t.TempDir()
	own := filepath.Join(dir, "mine.db")
	out := filepath.Join(dir, "demo.db")
	env := map[string]string{"LUMBAR_DB": own}
	code, stdout, errOut := runCLI(t, env, "demo", "--out", out)
	if code != exitOK || !strings.Contains(stdout, "lumbar --db "+shellWord(out)) {
		t.Fatalf("demo --out: %d %q %q", code, stdout, errOut)
	}
	s, err := store.Open(out)
	if err != nil {
		t.Fatal(err)
	}
	var in diary.Insights
	_ = s.View(func(tx *store.Tx) (err error) {
		in, err = store.InsightsOf(tx, diary.DayOf(runNow)-1, 90)
		return err
	})
	if in.Logged < 80 || !in.Factors[0].Enough || !in.Routines.Enough {
		t.Errorf("demo data too thin for the insights: %+v", in)
	}
	before := sum(t, out)
	if code, _, errOut := runCLI(t, env, "demo", "--out", out); code != exitError || !strings.Contains(errOut, "already exists") || sum(t, out) != before {
		t.Errorf("demo over an existing file: %d %q", code, errOut)
	}
	if code, _, errOut := runCLI(t, env, "demo"); code != exitError || !strings.Contains(errOut, "needs a terminal") {
		t.Errorf("demo without a terminal: %d %q", code, errOut)
	}
	if code, _, errOut := runCLI(t, env, "demo", "--years", "11"); code != exitUsage || !strings.Contains(errOut, "from 1 to 10") {
		t.Errorf("demo --years 11: %d %q", code, errOut)
	}
	if _, err := os.Stat(own); err == nil {
		t.Error("lumbar demo created the person's own data file")
	}
}

// Details that imply a warning sign show its advice as a ticked sign
// would; with nobody at a terminal to ask, the sign is not added and
// lumbar says so.
func TestLogImpliedWarningSigns(t *testing.T) {
	_, lumbar := freshDiary(t)
	code, out, errOut := lumbar("log", "6", "--where", "leg-left,leg-right", "--feels", "tingling")
	if code != exitOK || strings.Contains(out, "warning signs") {
		t.Fatalf("exit %d, %q", code, out)
	}
	for _, want := range []string{"⚠ " + diary.EmergencyPhrase, "pain, numbness or tingling in both legs", "lumbar did not add it"} {
		if !strings.Contains(errOut, want) {
			t.Errorf("both legs: stderr lacks %q:\n%s", want, errOut)
		}
	}
	code, _, errOut = lumbar("log", "4", "--where", "leg-right", "--feels", "numbness,weakness")
	if code != exitOK || !strings.Contains(errOut, diary.OneLegNote) || !strings.Contains(errOut, "Is the weakness new, or getting worse?") {
		t.Errorf("one leg numb and weak: exit %d\n%s", code, errOut)
	}
	if _, _, errOut = lumbar("log", "4", "--where", "leg-right", "--feels", "numbness"); errOut != "" {
		t.Errorf("numbness in one leg alone is no warning sign:\n%s", errOut)
	}
}

func TestAskImpliedReadsOneAnswerEach(t *testing.T) {
	implied := diary.ImpliedSigns([]string{"leg-left", "leg-right"}, nil, nil)
	implied = append(implied, diary.ImpliedSign{Sign: "weakness", Question: "new?"})
	for answers, want := range map[string]string{"y\nn\n": "both-legs", "n\nYes\n": "weakness", "\n": "", "yes\ny\n": "both-legs,weakness"} {
		var asked strings.Builder
		got := askImplied(strings.NewReader(answers), &asked, implied)
		if strings.Join(got, ",") != want || strings.Count(asked.String(), "[y/N]") != 2 {
			t.Errorf("answers %q: added %v, asked %q", answers, got, asked.String())
		}
	}
}

// --med is one line; a note with invalid UTF-8 is made valid once, so the
// line echoed and the entry stored hold the same text.
func TestLogTextIsCheckedOnce(t *testing.T) {
	path, lumbar := freshDiary(t)
	if code, _, errOut := lumbar("log", "3", "--med", "ibuprofen\n400 mg"); code != exitUsage || !strings.Contains(errOut, "medication is one line") {
		t.Errorf("--med with a line break: exit %d, %q", code, errOut)
	}
	code, out, _ := lumbar("log", "3", "--note", "stiff\xff\xfe after\x80 sitting")
	want := "stiff\uFFFD after\uFFFD sitting"
	if code != exitOK || !strings.Contains(out, `"`+want+`"`) {
		t.Fatalf("exit %d, echoed %q; want the note as %q", code, out, want)
	}
	s, _ := store.Open(path)
	var items []store.Item[diary.PainEntry]
	_ = s.View(func(tx *store.Tx) (err error) {
		items, err = store.Pain.Latest(tx, 5)
		return err
	})
	if len(items) != 1 || items[0].Value.Note != want {
		t.Errorf("stored %+v; want the note as %q", items, want)
	}
}
