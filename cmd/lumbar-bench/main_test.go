package main

import (
	"bytes"
	"strings"
	"testing"
	"time"
)

func TestSummarise(t *testing.T) {
	ms := func(n ...int) []time.Duration {
		var d []time.Duration
		for _, v := range n {
			d = append(d, time.Duration(v)*time.Millisecond)
		}
		return d
	}
	s := summarise(ms(9, 1, 5, 3), ms(4, 2, 8, 6))
	want := stats{median: 4 * time.Millisecond, min: time.Millisecond, max: 9 * time.Millisecond, cpu: 5 * time.Millisecond}
	if s != want {
		t.Errorf("summarise = %+v, want %+v", s, want)
	}
	if got := summarise(ms(7, 3, 5), nil); got.median != 5*time.Millisecond || got.cpu != 0 {
		t.Errorf("odd count: %+v", got)
	}
}

// One run of everything: the table has a row per command and the first
// frame in a terminal that answers, each with a time, and the app's peak
// memory on both files.
func TestBenchPrintsTheTable(t *testing.T) {
	if testing.Short() {
		t.Skip("builds lumbar and runs it")
	}
	var out bytes.Buffer
	if err := run("", 1, 0, 2000, &out); err != nil {
		t.Fatal(err)
	}
	for _, row := range []string{"`lumbar --version`", "`lumbar log 5`", "`lumbar water`", "`lumbar status`",
		"`lumbar history --days 30`", "first frame of the app, a terminal that answers (1 run)",
		"10-year demo file", "the same with 2000 extra entries"} {
		if !strings.Contains(out.String(), "| "+row+" | ") {
			t.Errorf("no row %s in:\n%s", row, out.String())
		}
	}
	if strings.Contains(out.String(), "never answers") {
		t.Errorf("a silent terminal was measured with -silent-runs 0:\n%s", out.String())
	}
}
