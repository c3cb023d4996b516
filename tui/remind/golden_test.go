package remind

import (
	"fmt"
	"path/filepath"
	"testing"
	"time"

	"lumbar/store"
	"lumbar/store/diary"
	"lumbar/tui/common"
	"lumbar/tui/tuitest"
)

// goldenNow is a Monday morning with a posture check due.
var goldenNow = on("2026-11-23 10:20")

// goldenStore holds a week of water and the morning's answers.
func goldenStore(t *testing.T) *store.Store {
	s, err := store.Open(filepath.Join(t.TempDir(), "lumbar.db"))
	if err != nil {
		t.Fatal(err)
	}
	err = s.Update(func(tx *store.Tx) error {
		if err := openedLongAgo(tx); err != nil {
			return err
		}
		for i, glasses := range []int{9, 6, 8, 4, 10, 7} {
			day := diary.DayOf(goldenNow) - diary.Day(6-i)
			if err := store.AddWater(tx, day.Midnight(london).Add(11*time.Hour), 250, glasses); err != nil {
				return err
			}
		}
		if err := store.AddWater(tx, goldenNow.Add(-time.Hour), 250, 1); err != nil {
			return err
		}
		for _, c := range []diary.Check{
			{Stamp: diary.StampAt(goldenNow.Add(-50 * time.Minute)), Kind: diary.CheckPosture, Action: diary.ActionDone},
			{Stamp: diary.StampAt(goldenNow.Add(-10 * time.Minute)), Kind: diary.CheckMove, Action: diary.ActionDone},
		} {
			if err := store.Acknowledge(tx, c); err != nil {
				return err
			}
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	return s
}

// runGolden runs the tab as a program of its own, sized like the body the
// root gives it in a width×height terminal, types keys and pins the final
// frame.
func runGolden(t *testing.T, width, height int, keys ...string) {
	t.Helper()
	d := tuitest.NewDriver(t) // its clock; the program runs the rest
	d.SetClock(goldenNow)
	m := New(d.Common(goldenStore(t)), noNotices)
	m.SetSize(width, height-common.ChromeRows)
	tuitest.Golden(t, m, width, height-common.ChromeRows, "Last 7 days", tuitest.Keys(keys...)...)
}

func TestGoldenDue(t *testing.T) {
	for _, size := range [][2]int{{80, 24}, {120, 40}} {
		t.Run(fmt.Sprintf("%dx%d", size[0], size[1]), func(t *testing.T) { runGolden(t, size[0], size[1]) })
	}
}

func TestGoldenAnswered(t *testing.T) {
	runGolden(t, 80, 24, "enter")
}

func TestGoldenQuietChoices(t *testing.T) {
	runGolden(t, 80, 24, "p")
}

func TestGoldenSettings(t *testing.T) {
	for _, size := range [][2]int{{80, 24}, {120, 40}} {
		t.Run(fmt.Sprintf("%dx%d", size[0], size[1]), func(t *testing.T) { runGolden(t, size[0], size[1], "c") })
	}
}

func TestGoldenQuiet(t *testing.T) {
	runGolden(t, 80, 24, "p", "h")
}
