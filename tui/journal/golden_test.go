package journal

import (
	"bytes"
	"fmt"
	"testing"
	"time"

	"github.com/charmbracelet/x/exp/golden"
	"github.com/charmbracelet/x/exp/teatest"

	"lumbar/store"
	"lumbar/store/demodata"
	"lumbar/store/diary"
	"lumbar/tui/common"
	"lumbar/tui/tuitest"
)

// goldenStore is a year of generated diary ending yesterday, and two
// entries this morning, one noting a warning sign.
func goldenStore(t *testing.T) *store.Store {
	s := tempStore(t)
	if _, err := demodata.Generate(s, 1, fixedNow, 7); err != nil {
		t.Fatal(err)
	}
	leg := 5
	add(t, s, diary.PainEntry{Stamp: at(0, 7, 10), Pain: 6, LegPain: &leg, Where: []string{"back-centre", "leg-left"},
		Feels: []string{"shooting"}, Warnings: []string{"weakness"}, Note: "left foot feels weak on the stairs"})
	add(t, s, diary.PainEntry{Stamp: at(0, 9, 5), Pain: 4, Helped: []string{"heat"}, Note: "hot water bottle"})
	return s
}

// windows are the sizes the golden files are named after: the tab gets
// the window less the root's three rows of tab bar, rule and status bar.
var windows = [][2]int{{80, 24}, {120, 40}}

// runGolden drives the tab through a real program: it waits for the first
// load, presses keys, waits for want, quits and pins the last frame.
func runGolden(t *testing.T, width, height int, want string, keys ...string) {
	t.Helper()
	d := tuitest.NewDriver(t) // its clock; the program runs the rest
	d.SetClock(fixedNow)
	m := New(d.Common(goldenStore(t)))
	tm := teatest.NewTestModel(t, m, teatest.WithInitialTermSize(width, height-common.ChromeRows))
	waitFor(t, tm, "Fri 27 Nov  09:05")
	for _, k := range keys {
		tm.Send(keyMsg(k))
	}
	if len(keys) > 0 {
		waitFor(t, tm, want)
	}
	if err := tm.Quit(); err != nil {
		t.Fatal(err)
	}
	final := tm.FinalModel(t, teatest.WithFinalTimeout(5*time.Second))
	golden.RequireEqual(t, []byte(final.View()))
}

func waitFor(t *testing.T, tm *teatest.TestModel, want string) {
	t.Helper()
	teatest.WaitFor(t, tm.Output(), func(out []byte) bool {
		return bytes.Contains(out, []byte(want))
	}, teatest.WithDuration(5*time.Second), teatest.WithCheckInterval(5*time.Millisecond))
}

func TestGoldenViews(t *testing.T) {
	views := []struct {
		name string
		want string // on screen once the keys took effect
		keys []string
	}{
		{"history", "", nil},
		{"chart", "Pain over the last 30 days", []string{"l"}},
		{"chart-365", "Pain over the last 365 days", []string{"l", "r", "r"}},
		{"calendar", "November 2026", []string{"l", "l"}},
		{"calendar-earlier", "September 2026", []string{"l", "l", "<", "<"}},
		{"insights", "Insights, last 30 days", []string{"h"}},
		{"entry", "left foot feels weak", []string{"j", "enter"}},
		{"new-entry", "Pain now, 0–10", []string{"n"}},
	}
	for _, v := range views {
		for _, w := range windows {
			t.Run(fmt.Sprintf("%s/%dx%d", v.name, w[0], w[1]), func(t *testing.T) {
				runGolden(t, w[0], w[1], v.want, v.keys...)
			})
		}
	}
}
