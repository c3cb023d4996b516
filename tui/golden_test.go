package tui

import (
	"errors"
	"fmt"
	"testing"
	"time"

	"github.com/charmbracelet/x/exp/golden"

	"lumbar/store"
	"lumbar/store/diary"
	"lumbar/tui/common"
	"lumbar/tui/theme"
	"lumbar/tui/tuitest"
)

// goldenStore holds a morning's worth of records, so the status bar has
// something to show, in a diary in use for a while.
func goldenStore(t *testing.T) *store.Store {
	s := tuitest.DiaryInUse(t)
	for _, rec := range []struct {
		ago  time.Duration
		pain int
	}{{26 * time.Hour, 7}, {2 * time.Hour, 4}, {30 * time.Minute, 3}} {
		if _, err := store.Pain.Append(s, diary.PainEntry{Stamp: diary.StampAt(fixedNow.Add(-rec.ago)), Pain: rec.pain}); err != nil {
			t.Fatal(err)
		}
	}
	for i := range 3 {
		if _, err := store.Water.Append(s, diary.WaterLog{Stamp: diary.StampAt(fixedNow.Add(-time.Duration(i) * time.Hour)), ML: 250}); err != nil {
			t.Fatal(err)
		}
	}
	return s
}

// runGolden drives the real program through teatest: it waits for the
// first refresh and the Remind tab's first load to land (the status bar
// shows both), types keys, quits, and pins the final frame.
func runGolden(t *testing.T, width, height int, keys ...string) {
	t.Helper()
	runGoldenSettled(t, width, height, "", keys...)
}

// runGoldenSettled is runGolden that also waits, after the keys, for the
// open tab to show settled: a tab's own data loads in the background.
func runGoldenSettled(t *testing.T, width, height int, settled string, keys ...string) {
	t.Helper()
	m := NewWithStyles(goldenStore(t), clock, theme.NewFor(true))
	tuitest.GoldenSettled(t, m, width, height, "water 750 ml · posture now", tuitest.Keys(keys...), settled)
}

func TestGoldenShell(t *testing.T) {
	for _, size := range [][2]int{{80, 24}, {120, 40}} {
		t.Run(fmt.Sprintf("%dx%d", size[0], size[1]), func(t *testing.T) {
			runGolden(t, size[0], size[1])
		})
	}
}

func TestGoldenEachTab(t *testing.T) {
	// What each tab shows once its own data is in (the Log's entries are
	// read by the Log itself, after the status bar's refresh).
	settled := map[string]string{"2": "09:00  3 mild", "3": "Routines", "4": ""}
	for _, k := range []string{"2", "3", "4"} {
		t.Run("tab"+k, func(t *testing.T) { runGoldenSettled(t, 80, 24, settled[k], k) })
	}
}

func TestGoldenHelp(t *testing.T) {
	for _, size := range [][2]int{{80, 24}, {120, 40}} {
		t.Run(fmt.Sprintf("%dx%d", size[0], size[1]), func(t *testing.T) {
			runGolden(t, size[0], size[1], "?")
		})
	}
}

func TestGoldenTooSmall(t *testing.T) {
	m := newModel(t, tempStore(t), 50, 16)
	golden.RequireEqual(t, []byte(m.View()))
}

// The status bar says whole what it says: at 60 columns it drops whole
// phrases (the sparkline, then the key hints) rather than cut one.
func TestGoldenStatusBar(t *testing.T) {
	for _, size := range [][2]int{{60, 20}, {80, 24}} {
		t.Run(fmt.Sprintf("%dx%d", size[0], size[1]), func(t *testing.T) {
			runGolden(t, size[0], size[1], "3")
		})
	}
}

// A message is wrapped over the rows it needs, never cut at the window's
// edge, and the open tab is given the rows that are left.
func TestGoldenMessageWraps(t *testing.T) {
	for _, size := range [][2]int{{60, 20}, {80, 24}} {
		t.Run(fmt.Sprintf("%dx%d", size[0], size[1]), func(t *testing.T) {
			m := NewWithStyles(goldenStore(t), clock, theme.NewFor(true))
			m.tabs[common.RemindTab] = &savingTab{err: errReadOnlyFile}
			tuitest.Golden(t, m, size[0], size[1], "water 750 ml", tuitest.Keys("3", "q")...)
		})
	}
}

// errReadOnlyFile is what a save answers when the data file cannot be
// written.
var errReadOnlyFile = errors.New("open /home/sam/.local/share/lumbar/lumbar.db: permission denied")
