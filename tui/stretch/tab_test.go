package stretch

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	tea "github.com/charmbracelet/bubbletea"

	"lumbar/tui/common"
)

func TestLibraryOpensStretchesAndRoutines(t *testing.T) {
	h := newHarness(t, 80, 21)
	if h.m.CapturesInput() {
		t.Error("the library holds the keys; q and 1-4 must work there")
	}
	h.press("down", "enter")
	if view := h.m.View(); !strings.Contains(view, "Seated figure-four · hold 20s each side") {
		t.Fatalf("enter on the desk break did not show its steps:\n%s", view)
	}
	h.press("s")
	if h.m.player == nil || h.m.player.routine.ID != "desk-break" {
		t.Fatal("s in an open routine did not start it")
	}
	h.press("esc") // leave at the pain question
	h.press("esc")
	h.press("G", "enter")
	if view := h.m.View(); !strings.Contains(view, "Shoulder rolls") || !strings.Contains(view, "Caution") {
		t.Fatalf("enter on the last stretch:\n%s", view)
	}
	h.press("s")
	if h.m.player != nil || !strings.Contains(h.m.View(), "s starts a routine") {
		t.Error("s on a stretch should explain itself, not start anything")
	}
}

func TestNavigationMessages(t *testing.T) {
	h := newHarness(t, 80, 21)
	h.send(common.OpenStretchMsg{Stretch: "bird-dog"})
	if h.m.reading == nil || h.m.reading.stretch.ID != "bird-dog" || !strings.Contains(h.m.View(), "Bird-dog") {
		t.Fatalf("OpenStretchMsg did not show bird-dog:\n%s", h.m.View())
	}
	h.press("esc")
	if e, _ := h.m.list.selected(); e.stretch == nil || e.stretch.ID != "bird-dog" {
		t.Error("back in the list, the cursor is not on the stretch just read")
	}
	h.send(common.OpenStretchMsg{Stretch: "yoga"})
	if !strings.Contains(h.m.View(), `no stretch called "yoga"`) {
		t.Error("an unknown stretch is not reported")
	}
	h.send(common.StartRoutineMsg{Routine: "desk-brake"})
	if h.m.player != nil || !strings.Contains(h.m.View(), `no routine called "desk-brake"`) {
		t.Error("an unknown routine is not reported")
	}
	h.send(common.StartRoutineMsg{Routine: "sciatica-relief"})
	h.send(common.StartRoutineMsg{Routine: "desk-break"}) // e.g. a reminder, mid-routine
	if h.m.player.routine.ID != "leg-pain-days" {         // started by its old ID
		t.Error("a second routine replaced the one in progress")
	}
}

func TestSettingsAreSavedAndReachThePlayer(t *testing.T) {
	h := newHarness(t, 80, 21)
	cmd := h.send(keyMsg("b"))
	if cmd == nil {
		t.Fatal("toggling a setting does not tell the root the data changed")
	}
	if _, ok := cmd().(common.ChangedMsg); !ok {
		t.Error("the toggle's command is not ChangedMsg")
	}
	h.press("v", "P")
	saved, err := readSettings(h.store)
	if err != nil {
		t.Fatal(err)
	}
	if want := (settings{Bell: false, Speak: true, PainPrompt: false}); saved != want {
		t.Errorf("saved %+v, want %+v", saved, want)
	}
	if !strings.Contains(h.m.View(), "b bell off · v voice on") {
		t.Errorf("the library does not show the settings:\n%s", h.m.View())
	}
	// Another process changes a setting: the tab reads it on reload.
	if err := saveSetting(h.store, settingBell, true); err != nil {
		t.Fatal(err)
	}
	h.send(h.send(common.ReloadMsg{Revision: 9})())
	if !h.m.settings.Bell {
		t.Error("a setting changed elsewhere was not picked up")
	}
	var heard []settings
	h.m.play = func(_ cue, s settings) tea.Cmd { heard = append(heard, s); return nil }
	p := h.startRoutine("desk-break", "")
	h.press("b")
	h.runFor(24 * time.Second)
	if heard[0].Bell != true || heard[len(heard)-1].Bell != false || p.settings.Bell {
		t.Error("b during a routine did not reach the player's cues")
	}
}

func TestReloadReadsTheFixedRoutineFile(t *testing.T) {
	path := filepath.Join(t.TempDir(), "routines.toml")
	write := func(src string) {
		if err := os.WriteFile(path, []byte(src), 0o600); err != nil {
			t.Fatal(err)
		}
	}
	write("[[routine]]\nid = \"mine\"\nname = \"Lunch stretch\"\n[[routine.step]]\nstretch = \"seated-twsit\"\n")
	h := newHarnessWithRoutines(t, 80, 21, path)
	view := h.m.View()
	if !strings.Contains(view, `routines.toml:5: unknown stretch "seated-twsit" (did you mean seated-twist?)`) || !strings.Contains(view, "Desk break") {
		t.Fatalf("the file's problem or the built-ins are missing:\n%s", view)
	}
	write("[[routine]]\nid = \"mine\"\nname = \"Lunch stretch\"\n[[routine.step]]\nstretch = \"seated-twist\"\n")
	h.press("r")
	view = h.m.View()
	if strings.Contains(view, "problems") || !strings.Contains(view, "Your routines") || !strings.Contains(view, "Lunch stretch") {
		t.Errorf("after fixing the file and r:\n%s", view)
	}
}

func TestMouseWheelMovesTheList(t *testing.T) {
	h := newHarness(t, 80, 21)
	for range 30 {
		h.send(tea.MouseMsg{Action: tea.MouseActionPress, Button: tea.MouseButtonWheelDown})
	}
	if e, _ := h.m.list.selected(); e.stretch == nil || e.stretch.ID != "shoulder-rolls" {
		t.Errorf("30 wheel turns down end on %+v, want the last stretch", e)
	}
	if !strings.Contains(h.m.View(), "Shoulder rolls") {
		t.Error("the list did not scroll to the cursor")
	}
}

// Every message the tab can get, at every size down to the smallest the
// root draws, renders without panicking.
func TestSmallWindows(t *testing.T) {
	for _, size := range [][2]int{{60, 17}, {61, 18}, {200, 57}} {
		h := newHarness(t, size[0], size[1])
		_ = h.m.View()
		h.send(common.OpenStretchMsg{Stretch: "bird-dog"})
		_ = h.m.View()
		h.press("esc")
		h.startRoutine("morning-mobility", "2")
		for range 3 {
			h.runFor(17 * time.Second)
			if v := h.m.View(); strings.Count(v, "\n")+1 > size[1] {
				t.Errorf("%dx%d: the player drew %d lines", size[0], size[1], strings.Count(v, "\n")+1)
			}
		}
	}
}
