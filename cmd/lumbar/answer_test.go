package main

import (
	"slices"
	"strings"
	"testing"
	"time"

	"lumbar/store"
	"lumbar/store/diary"
)

func TestAnsweringRemindersFromTheShell(t *testing.T) {
	path, s := newDB(t)
	err := s.Update(func(tx *store.Tx) error {
		_, err := store.RecordFirstOpen(tx, runNow.AddDate(0, 0, -3))
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	defer func(before time.Time) { runNow = before }(runNow)
	friday := time.Date(2026, 11, 27, 0, 0, 0, 0, time.UTC)
	at := func(hhmm string) {
		clock, err := time.Parse("15:04", hhmm)
		if err != nil {
			t.Fatal(err)
		}
		runNow = friday.Add(time.Duration(clock.Hour())*time.Hour + time.Duration(clock.Minute())*time.Minute)
	}
	steps := []struct {
		at   string
		args []string
		code int
		says string
	}{
		{"09:40", []string{"done", "posture"}, exitOK, "Posture done; next in 30m.\n"},
		{"09:40", []string{"snooze", "move"}, exitUsage, "lumbar: the move reminder is not due yet (next in 10m): there is nothing to snooze\n"},
		{"09:55", []string{"snooze", "move", "15m"}, exitOK, "Snoozed the move reminder until 10:10.\n"},
		{"09:56", []string{"snooze", "water"}, exitUsage, "not due yet"},
		{"10:05", []string{"snooze", "water"}, exitOK, "Snoozed the water reminder until 10:15.\n"},
		{"10:20", []string{"done", "water"}, exitOK, "Water done (+250 ml, 250 of 2,000 ml today); next at 11:20.\n"},
		{"10:20", []string{"dismiss", "log"}, exitOK, "Dismissed the log reminder; next Mon 20:00.\n"},
		{"10:20", []string{"done", "log"}, exitUsage, "lumbar log N"},
		{"10:20", []string{"done", "postur"}, exitUsage, `unknown reminder "postur"; did you mean posture?`},
		{"10:20", []string{"done"}, exitUsage, "lumbar done takes water|posture|move"},
		{"10:20", []string{"dismiss", "move", "now"}, exitUsage, "lumbar dismiss takes KIND"},
		{"10:20", []string{"snooze", "posture", "5s"}, exitUsage, `from 1m to 4h, like 10m, not "5s"`},
		{"10:20", []string{"snooze", "posture", "5h"}, exitUsage, `from 1m to 4h, like 10m, not "5h"`},
	}
	for _, st := range steps {
		at(st.at)
		before := sum(t, path)
		code, out, errOut := runCLI(t, nil, append([]string{"--db", path}, st.args...)...)
		if code != st.code || !strings.Contains(out+errOut, st.says) {
			t.Errorf("%s %v: exit %d, %q %q; want exit %d saying %q", st.at, st.args, code, out, errOut, st.code, st.says)
		}
		if code != exitOK && sum(t, path) != before {
			t.Errorf("%s %v: refused, yet the file changed", st.at, st.args)
		}
	}
	var got []string
	err = s.View(func(tx *store.Tx) error {
		return store.Checks.Range(tx, time.Time{}, runNow.Add(time.Hour), func(it store.Item[diary.Check]) error {
			c := it.Value
			got = append(got, string(c.Kind)+" "+string(c.Action)+" "+c.At.Format("15:04"))
			return nil
		})
	})
	want := []string{"log dismissed 10:20", "move snoozed 09:55", "posture done 09:40", "water done 10:20", "water snoozed 10:05"}
	slices.Sort(got) // answers given in one minute may be kept in any order
	if err != nil || !slices.Equal(got, want) {
		t.Errorf("recorded %v (%v), want %v", got, err, want)
	}
	if sum, _ := s.Summary(runNow); sum.WaterML != 250 {
		t.Errorf("done water logged %d ml, want one glass", sum.WaterML)
	}
}

func TestRemindRefusesAnExecThatIsNotOneLine(t *testing.T) {
	path, _ := newDB(t)
	for _, cmd := range []string{"", "  ", "echo hi\nrm -rf x", "a\u202eb", "x\x9by"} {
		code, out, errOut := runCLI(t, nil, "--db", path, "remind", "--exec", cmd)
		if code != exitUsage || out != "" || !strings.Contains(errOut, "--exec") {
			t.Errorf("--exec %q: exit %d, %q %q", cmd, code, out, errOut)
		}
	}
}
