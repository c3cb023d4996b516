package tui

import (
	"bytes"
	"fmt"
	"testing"
	"time"

	tea "github.com/charmbracelet/bubbletea"
	"github.com/charmbracelet/x/exp/golden"
	"github.com/charmbracelet/x/exp/teatest"

	"lumbar/store"
	"lumbar/tui/theme"
)

// goldenStore holds a morning's worth of records, so the status bar has
// something to show.
func goldenStore(t *testing.T) *store.Store {
	s := tempStore(t)
	for _, rec := range []struct {
		ago  time.Duration
		pain int
	}{{26 * time.Hour, 7}, {2 * time.Hour, 4}, {30 * time.Minute, 3}} {
		if _, err := store.Append(s, store.BucketPain, store.PainEntry{Stamp: store.StampAt(fixedNow.Add(-rec.ago)), Pain: rec.pain}); err != nil {
			t.Fatal(err)
		}
	}
	for i := range 3 {
		if _, err := store.Append(s, store.BucketWater, store.WaterLog{Stamp: store.StampAt(fixedNow.Add(-time.Duration(i) * time.Hour)), ML: 250}); err != nil {
			t.Fatal(err)
		}
	}
	return s
}

// runGolden drives the real program through teatest: it waits for the
// first refresh to land, types keys, quits, and pins the final frame.
func runGolden(t *testing.T, width, height int, keys ...tea.KeyMsg) {
	t.Helper()
	m := NewWithStyles(goldenStore(t), clock, theme.NewFor(true))
	tm := teatest.NewTestModel(t, m, teatest.WithInitialTermSize(width, height))
	waitForOutput(t, tm, "water 750 ml")
	for _, k := range keys {
		tm.Send(k)
	}
	if err := tm.Quit(); err != nil {
		t.Fatal(err)
	}
	final := tm.FinalModel(t, teatest.WithFinalTimeout(5*time.Second))
	golden.RequireEqual(t, []byte(final.View()))
}

func waitForOutput(t *testing.T, tm *teatest.TestModel, want string) {
	t.Helper()
	teatest.WaitFor(t, tm.Output(), func(out []byte) bool {
		return bytes.Contains(out, []byte(want))
	}, teatest.WithDuration(5*time.Second), teatest.WithCheckInterval(10*time.Millisecond))
}

func TestGoldenShell(t *testing.T) {
	for _, size := range [][2]int{{80, 24}, {120, 40}} {
		t.Run(fmt.Sprintf("%dx%d", size[0], size[1]), func(t *testing.T) {
			runGolden(t, size[0], size[1])
		})
	}
}

func TestGoldenEachTab(t *testing.T) {
	for _, k := range []string{"2", "3", "4"} {
		t.Run("tab"+k, func(t *testing.T) { runGolden(t, 80, 24, keyMsg(k)) })
	}
}

func TestGoldenHelp(t *testing.T) {
	for _, size := range [][2]int{{80, 24}, {120, 40}} {
		t.Run(fmt.Sprintf("%dx%d", size[0], size[1]), func(t *testing.T) {
			runGolden(t, size[0], size[1], keyMsg("?"))
		})
	}
}

func TestGoldenTooSmall(t *testing.T) {
	m := newModel(t, tempStore(t), 50, 16)
	golden.RequireEqual(t, []byte(m.View()))
}
