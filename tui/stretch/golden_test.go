package stretch

import (
	"fmt"
	"os"
	"path/filepath"
	"testing"
	"time"

	tea "github.com/charmbracelet/bubbletea"
	"lumbar/tui/common"
	"lumbar/tui/tuitest"
)

// goldenSizes are the windows golden files are named after; the root
// gives the tab the window less its tab bar, rule and status bar
// (common.ChromeRows).
var goldenSizes = [][2]int{{80, 24}, {120, 40}}

// playerSizes add the smallest window: the player's safety text is whole
// there too.
var playerSizes = [][2]int{{60, 20}, {80, 24}, {120, 40}}

// runGolden runs the tab as a program through teatest, types keys, quits,
// and pins the final frame.
func runGolden(t *testing.T, h *harness, width, height int, keys ...tea.KeyMsg) {
	t.Helper()
	msgs := make([]tea.Msg, len(keys))
	for i, k := range keys {
		msgs[i] = k
	}
	tuitest.Golden(t, h.m, width, height-common.ChromeRows, "", msgs...)
}

func eachSize(t *testing.T, run func(t *testing.T, width, height int)) {
	eachSizeOf(t, goldenSizes, run)
}

func eachSizeOf(t *testing.T, sizes [][2]int, run func(t *testing.T, width, height int)) {
	for _, size := range sizes {
		t.Run(fmt.Sprintf("%dx%d", size[0], size[1]), func(t *testing.T) { run(t, size[0], size[1]) })
	}
}

func TestGoldenLibrary(t *testing.T) {
	eachSize(t, func(t *testing.T, width, height int) {
		h := newHarness(t, width, height-common.ChromeRows)
		runGolden(t, h, width, height, keyMsg("j"))
	})
}

func TestGoldenStretch(t *testing.T) {
	eachSize(t, func(t *testing.T, width, height int) {
		h := newHarness(t, width, height-common.ChromeRows)
		h.send(common.OpenStretchMsg{Stretch: "piriformis"})
		runGolden(t, h, width, height)
	})
}

// The player 6 seconds into the first side of the seated twist.
func TestGoldenPlayer(t *testing.T) {
	eachSizeOf(t, playerSizes, func(t *testing.T, width, height int) {
		h := newHarness(t, width, height-common.ChromeRows)
		h.startRoutine("desk-break", "3")
		h.runFor(40 * time.Second)
		runGolden(t, h, width, height)
	})
}

func TestGoldenPlayerPaused(t *testing.T) {
	h := newHarness(t, 80, 21)
	h.startRoutine("desk-break", "3")
	h.runFor(100 * time.Second) // the second side of the seated figure-four
	runGolden(t, h, 80, 24, keyMsg("space"))
}

func TestGoldenPainQuestion(t *testing.T) {
	eachSizeOf(t, playerSizes[:2], func(t *testing.T, width, height int) {
		h := newHarness(t, width, height-common.ChromeRows)
		h.send(common.StartRoutineMsg{Routine: "sciatica-relief"})
		runGolden(t, h, width, height, keyMsg("1"))
	})
}

func TestGoldenRoutineFileWithATypo(t *testing.T) {
	path := filepath.Join(t.TempDir(), "routines.toml")
	typo := "[[routine]]\nid = \"mine\"\nname = \"Mine\"\n\n[[routine.step]]\nstretch = \"cat-cwo\"\n"
	if err := os.WriteFile(path, []byte(typo), 0o600); err != nil {
		t.Fatal(err)
	}
	h := newHarnessWithRoutines(t, 80, 21, path)
	h.m.routinesPath = "~/.config/lumbar/routines.toml" // as shown, independent of the temp folder
	runGolden(t, h, 80, 24)
}
