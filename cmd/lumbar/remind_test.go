package main

import (
	"encoding/json"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"lumbar/store"
	"lumbar/store/demodata"
	"lumbar/store/diary"
)

// cliNow is runCLI's clock: Friday 27 November 2026, 09:00 UTC.
var cliNow = time.Date(2026, 11, 27, 9, 0, 0, 0, time.UTC)

func newDB(t *testing.T) (string, *store.Store) {
	t.Helper()
	path := filepath.Join(t.TempDir(), "lumbar.db")
	s, err := store.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	return path, s
}

func TestWaterCommand(t *testing.T) {
	path, s := newDB(t)
	for _, tt := range []struct {
		args []string
		want string
	}{
		{nil, "+250 ml · today 250 of 2,000 ml (1 of 8 glasses)\n"},
		{[]string{"3"}, "+750 ml · today 1,000 of 2,000 ml (4 of 8 glasses)\n"},
		{[]string{"--ml", "330"}, "+330 ml · today 1,330 of 2,000 ml (5 of 8 glasses)\n"},
		{[]string{"--ml=170"}, "+170 ml · today 1,500 of 2,000 ml (6 of 8 glasses)\n"},
	} {
		code, out, errOut := runCLI(t, nil, append([]string{"--db", path, "water"}, tt.args...)...)
		if code != exitOK || out != tt.want || errOut != "" {
			t.Errorf("water %v: exit %d, %q, %q; want %q", tt.args, code, out, errOut, tt.want)
		}
	}
	if sum, _ := s.Summary(cliNow); sum.WaterML != 1500 {
		t.Errorf("stored %d ml", sum.WaterML)
	}
	before := sum(t, path)
	for _, tt := range []struct {
		args []string
		code int
		says string
	}{
		{[]string{"0"}, exitUsage, `from 1 to 10, not "0"`},
		{[]string{"-2"}, exitUsage, `from 1 to 10, not "-2"`},
		{[]string{"11"}, exitUsage, `from 1 to 10, not "11"`},
		{[]string{"two"}, exitUsage, `not "two"`},
		{[]string{"2", "--ml", "300"}, exitUsage, "not both"},
		{[]string{"--ml", "0"}, exitUsage, "between 1 and 5,000 ml"},
		{[]string{"--ml", "9000"}, exitUsage, "between 1 and 5,000 ml"},
		{[]string{"--ml", "lots"}, exitUsage, `whole number of millilitres, not "lots"`},
		{[]string{"--ml"}, exitUsage, "--ml needs a value"},
		{[]string{"--mll", "3"}, exitUsage, "did you mean --ml?"},
		{[]string{"1", "2"}, exitUsage, "one number of glasses"},
	} {
		code, out, errOut := runCLI(t, nil, append([]string{"--db", path, "water"}, tt.args...)...)
		first, _, _ := strings.Cut(errOut, "\n")
		if code != tt.code || out != "" || !strings.Contains(first, tt.says) {
			t.Errorf("water %v: exit %d, stdout %q, first line %q; want exit %d saying %q", tt.args, code, out, first, tt.code, tt.says)
		}
		if strings.Count(errOut, "\n") != 1 {
			t.Errorf("water %v: refusal is not one line: %q", tt.args, errOut)
		}
	}
	if sum(t, path) != before {
		t.Error("a refused water command changed the file")
	}
}

func TestStatusCommand(t *testing.T) {
	path, s := newDB(t)
	code, out, _ := runCLI(t, nil, "--db", path, "status")
	if code != exitOK || out != "💧 0/8 · nothing due\n" {
		t.Errorf("empty status: %d %q", code, out)
	}
	err := s.Update(func(tx *store.Tx) error {
		if _, err := store.Pain.Insert(tx, diary.PainEntry{Stamp: diary.StampAt(cliNow.Add(-time.Hour)), Pain: 4}); err != nil {
			return err
		}
		return store.AddWater(tx, cliNow.Add(-time.Hour), 250, 5)
	})
	if err != nil {
		t.Fatal(err)
	}
	before := sum(t, path)
	for flag, want := range map[string]string{
		"":        "💧 5/8 · pain 4 · posture in 30m\n",
		"--ascii": "water 5/8 | pain 4 | posture in 30m\n",
	} {
		args := []string{"--db", path, "status"}
		if flag != "" {
			args = append(args, flag)
		}
		if code, out, errOut := runCLI(t, nil, args...); code != exitOK || out != want || errOut != "" {
			t.Errorf("status %s: %d %q %q, want %q", flag, code, out, errOut, want)
		}
	}
	_, out, _ = runCLI(t, nil, "--db", path, "status", "--json", "--ascii")
	var r statusReport
	if err := json.Unmarshal([]byte(out), &r); err != nil {
		t.Fatalf("status --json: %v: %s", err, out)
	}
	if r.WaterML != 1250 || r.Glasses != 5 || r.GlassesGoal != 8 || r.Pain == nil || *r.Pain != 4 ||
		r.Next == nil || r.Next.Reminder != "posture" || !r.Next.At.Equal(cliNow.Add(30*time.Minute)) ||
		len(r.Due) != 0 || r.QuietUntil != nil || r.Line != "water 5/8 | pain 4 | posture in 30m" {
		t.Errorf("status --json = %+v", r)
	}
	if !strings.Contains(out, `"due":[]`) || !strings.Contains(out, `"quiet_until":null`) {
		t.Errorf("empty fields should be [] and null: %s", out)
	}
	if sum(t, path) != before {
		t.Error("status wrote to the file")
	}
	if code, _, errOut := runCLI(t, nil, "--db", path, "status", "--verbose"); code != exitUsage || !strings.Contains(errOut, "--ascii and --json") {
		t.Errorf("status --verbose: %d %q", code, errOut)
	}
}

func TestConfigCommand(t *testing.T) {
	path, _ := newDB(t)
	code, out, _ := runCLI(t, nil, "--db", path, "config", "list")
	for _, st := range diary.AllSettings() {
		if !strings.Contains(out, st.Name()) {
			t.Errorf("config list lacks %s", st.Name())
		}
	}
	if code != exitOK || strings.Count(out, "\n") != len(diary.AllSettings()) {
		t.Errorf("config list: exit %d\n%s", code, out)
	}
	steps := []struct {
		args []string
		out  string
	}{
		{[]string{"get", "water.goal"}, "2000\n"},
		{[]string{"set", "water.goal", "2500"}, "water.goal: 2000 → 2500\n"},
		{[]string{"set", "water.goal", "2500ml"}, "water.goal is 2500 (unchanged)\n"},
		{[]string{"get", "water.goal"}, "2500\n"},
		{[]string{"set", "hours.days", "mon,", "wed,", "fri"}, "hours.days: mon,tue,wed,thu,fri → mon,wed,fri\n"},
		{[]string{"set", "posture.interval", "1h30m"}, "posture.interval: 30m → 1h30m\n"},
		{[]string{"set", "bell", "off"}, "bell: on → off\n"},
	}
	for _, step := range steps {
		code, out, errOut := runCLI(t, nil, append([]string{"--db", path, "config"}, step.args...)...)
		if code != exitOK || out != step.out || errOut != "" {
			t.Errorf("config %v: %d %q %q, want %q", step.args, code, out, errOut, step.out)
		}
	}
	if _, out, _ := runCLI(t, nil, "--db", path, "config", "list"); !strings.Contains(out, "(default 2000)") {
		t.Errorf("config list does not show a changed setting's default:\n%s", out)
	}
}

// Every refusal is one line and leaves the file byte for byte as it was.
func TestConfigRefusalsLeaveTheFileUnchanged(t *testing.T) {
	path, _ := newDB(t)
	before := sum(t, path)
	for _, tt := range []struct {
		args []string
		code int
		says string
	}{
		{[]string{"set", "water.goal", "0"}, exitUsage, "water.goal: must be from 100 to 4,000 ml"},
		{[]string{"set", "water.goal", "5l"}, exitUsage, "water.goal: at most 4,000 ml (135 oz) a day, not 5l: more water is not healthier. If a doctor gave you a fluid limit, follow it"},
		{[]string{"set", "water.goal", "-250"}, exitUsage, "not -250"},
		{[]string{"set", "water.glass", "0"}, exitUsage, "water.glass: must be from 10"},
		{[]string{"set", "move.interval", "30s"}, exitUsage, "must be 1m or more"},
		{[]string{"set", "move.interval", "soon"}, exitUsage, `"soon" is not a duration`},
		{[]string{"set", "hours.start", "25:00"}, exitUsage, "from 00:00 to 23:59"},
		{[]string{"set", "hours.end", "09:00"}, exitUsage, "hours.start and hours.end are both 09:00"},
		{[]string{"set", "hours.days", "mon,tue,frj"}, exitUsage, `unknown day "frj"; did you mean fri?`},
		{[]string{"set", "hours.days", "munday"}, exitUsage, `unknown day "munday"; did you mean mon?`},
		{[]string{"set", "water.gaol", "2500"}, exitUsage, `unknown setting "water.gaol"; did you mean water.goal?`},
		{[]string{"get", "postur.interval"}, exitUsage, "did you mean posture.interval?"},
		{[]string{"set", "notify", "maybe"}, exitUsage, "must be on or off"},
		{[]string{"set", "water.goal"}, exitUsage, "config needs list"},
		{[]string{"lst"}, exitUsage, `config has no "lst"; did you mean list?`},
		{nil, exitUsage, "config needs list"},
	} {
		code, out, errOut := runCLI(t, nil, append([]string{"--db", path, "config"}, tt.args...)...)
		first, _, _ := strings.Cut(errOut, "\n")
		if code != tt.code || out != "" || !strings.Contains(first, tt.says) {
			t.Errorf("config %v: exit %d, first line %q; want exit %d saying %q", tt.args, code, first, tt.code, tt.says)
		}
		if strings.Count(errOut, "\n") != 1 {
			t.Errorf("config %v: refusal is not one line: %q", tt.args, errOut)
		}
		if sum(t, path) != before {
			t.Fatalf("config %v changed the file", tt.args)
		}
	}
}

// A value damaged outside lumbar is reported everywhere with the fix,
// and the fix works.
func TestConfigMendsADamagedValue(t *testing.T) {
	path, s := newDB(t)
	if err := s.Update(func(tx *store.Tx) error { return store.PutSetting(tx, "stretch.bell", "loud") }); err != nil {
		t.Fatal(err)
	}
	for _, args := range [][]string{{"status"}, {"config", "list"}, {"water"}} {
		code, _, errOut := runCLI(t, nil, append([]string{"--db", path}, args...)...)
		if code != exitError || !strings.Contains(errOut, "setting stretch.bell") {
			t.Errorf("%v with a damaged setting: %d %q", args, code, errOut)
		}
	}
	code, out, errOut := runCLI(t, nil, "--db", path, "config", "set", "stretch.bell", "off")
	if code != exitOK || out != "stretch.bell: off\n" {
		t.Fatalf("mending it: %d %q %q", code, out, errOut)
	}
	if code, _, errOut := runCLI(t, nil, "--db", path, "status"); code != exitOK {
		t.Errorf("status after mending: %d %q", code, errOut)
	}
}

// BenchmarkStatus is one `lumbar status` without the process start: open
// the 10-year file, read today and the reminder state, plan, and format.
func BenchmarkStatus(b *testing.B) {
	path := filepath.Join(b.TempDir(), "ten-years.db")
	if _, _, err := demodata.Build(path, 10, cliNow); err != nil {
		b.Fatal(err)
	}
	b.ReportAllocs()
	for b.Loop() {
		s, err := store.OpenToRead(path) // as `lumbar status` opens it
		if err != nil {
			b.Fatal(err)
		}
		r, err := statusOf(s, cliNow, false)
		if err != nil || r.Line == "" {
			b.Fatal(r, err)
		}
	}
}

// Ounces are accepted as typed, and more than a litre at once asks for
// --force; a refusal writes nothing.
func TestWaterOuncesAndForce(t *testing.T) {
	path, s := newDB(t)
	water := func(args ...string) (int, string, string) {
		return runCLI(t, nil, append([]string{"--db", path, "water"}, args...)...)
	}
	before := sum(t, path)
	for _, tt := range []struct {
		args []string
		says string
	}{
		{[]string{"--ml", "1500"}, "1,500 ml at once is more than a litre; if you did drink that much, add --force"},
		{[]string{"5"}, "1,250 ml at once is more than a litre"},
		{[]string{"--oz", "40"}, "1,183 ml at once is more than a litre"},
		{[]string{"--oz", "many"}, `--oz needs a number of US fluid ounces, like 12 or 8.5, not "many"`},
		{[]string{"--ml", "300", "--oz", "10"}, "give --ml or --oz, not both"},
	} {
		code, out, errOut := water(tt.args...)
		if code != exitUsage || out != "" || strings.Count(errOut, "\n") != 1 || !strings.Contains(errOut, tt.says) {
			t.Errorf("water %q: exit %d, stdout %q, stderr %q; want exit 2 saying %q", tt.args, code, out, errOut, tt.says)
		}
	}
	if sum(t, path) != before {
		t.Fatal("a refused water command changed the file")
	}
	if code, out, errOut := water("--ml", "1500", "--force"); code != exitOK || !strings.HasPrefix(out, "+1,500 ml") {
		t.Errorf("--force: exit %d, %q %q", code, out, errOut)
	}
	if code, _, _ := runCLI(t, nil, "--db", path, "config", "set", "water.unit", "oz"); code != exitOK {
		t.Fatal("could not choose ounces")
	}
	if code, out, _ := water("--oz", "12"); code != exitOK || !strings.HasPrefix(out, "+12 oz · today 63 of 68 oz") {
		t.Errorf("--oz 12: exit %d, %q", code, out)
	}
	if _, _, errOut := water("--oz", "40"); !strings.Contains(errOut, "40 oz at once is more than a litre") {
		t.Errorf("the litre refusal in ounces: %q", errOut)
	}
	if sum, _ := s.Summary(cliNow); sum.WaterML != 1500+355 {
		t.Errorf("stored %d ml, want %d", sum.WaterML, 1500+355)
	}
}
