package stretch

import (
	"fmt"
	"strings"
	"testing"
	"time"

	tea "github.com/charmbracelet/bubbletea"
	"github.com/charmbracelet/lipgloss"

	"lumbar/store"
	"lumbar/store/diary"
	"lumbar/tui/common"
	"lumbar/tui/tuitest"
)

// addSession records a session that started ago before the tests' clock.
func (h *harness) addSession(ago time.Duration, routine string, done, total int, length time.Duration, before, after *int) {
	h.t.Helper()
	at := start.Add(-ago)
	_, err := store.Sessions.Append(h.store, diary.Session{Stamp: diary.StampAt(at), Routine: routine,
		End: at.Add(length), StepsDone: done, StepsTotal: total, PainBefore: before, PainAfter: after})
	if err != nil {
		h.t.Fatal(err)
	}
}

func rating(n int) *int { return &n }

// someSessions are a few days of stretching, the last one stopped.
func (h *harness) someSessions() {
	h.addSession(4*24*time.Hour, "morning-mobility", 6, 6, 6*time.Minute+10*time.Second, rating(5), rating(3))
	h.addSession(2*24*time.Hour+3*time.Hour, "desk-break", 5, 5, 3*time.Minute+45*time.Second, nil, nil)
	h.addSession(26*time.Hour, "gone-routine", 1, 4, 50*time.Second, rating(4), nil)
	h.addSession(90*time.Minute, "leg-pain-days", 2, 7, 2*time.Minute+5*time.Second, rating(6), rating(6))
	h.addSession(100*24*time.Hour, "desk-break", 5, 5, 3*time.Minute, nil, nil) // outside the 90 days
}

func TestGoldenSessions(t *testing.T) {
	eachSizeOf(t, [][2]int{{80, 24}, {200, 60}}, func(t *testing.T, width, height int) {
		h := newHarness(t, width, height-common.ChromeRows)
		h.someSessions()
		tuitest.GoldenSettled(t, h.m, width, height-common.ChromeRows, "", []tea.Msg{keyMsg("S")}, "2/7")
	})
}

func TestSessionsOpenAndClose(t *testing.T) {
	h := newHarness(t, 80, 21)
	h.someSessions()
	h.press("S")
	view := h.m.View()
	for _, want := range []string{
		"Stretching sessions, last 90 days: 4 sessions, 2 completed",
		"Fri 27 Nov 08:00  Leg-pain days: gentle m…  stopped      2/7   2:05  6 → 6",
		"Thu 26 Nov 07:30  gone-routine              stopped      1/4   0:50  4 → –",
		"Wed 25 Nov 06:30  Desk break                completed    5/5   3:45  –",
		"Mon 23 Nov 09:30  Morning mobility          completed    6/6   6:10  5 → 3",
	} {
		if !strings.Contains(view, want) {
			t.Errorf("the view lacks %q:\n%s", want, view)
		}
	}
	if got := h.m.ShortHelp(); len(got) == 0 || got[0].Help().Key != "esc" {
		t.Errorf("short help = %v", got)
	}
	h.press("s") // not the library's start while the view is open
	if h.m.player != nil {
		t.Error("s started a routine under the Sessions view")
	}
	h.press("esc")
	if h.m.sessions != nil || !strings.Contains(h.m.View(), "S sessions") {
		t.Errorf("esc left the view open:\n%s", h.m.View())
	}
}

// A session recorded or deleted elsewhere shows when the root says the
// file changed.
func TestSessionsFollowTheFile(t *testing.T) {
	h := newHarness(t, 80, 21)
	h.press("S")
	if !strings.Contains(h.m.View(), "No stretching sessions in the last 90 days.") {
		t.Fatalf("empty view:\n%s", h.m.View())
	}
	h.addSession(time.Hour, "desk-break", 5, 5, 3*time.Minute, nil, nil)
	h.d.Deliver(common.ReloadMsg{})
	if !strings.Contains(h.m.View(), "1 session, 1 completed") {
		t.Errorf("after a reload:\n%s", h.m.View())
	}
}

// Every size fits: no line wider than the window, exactly its height,
// scrolling through more sessions than fit.
func TestSessionsFitEverySize(t *testing.T) {
	h := newHarness(t, 80, 21)
	for i := range 40 {
		h.addSession(time.Duration(i)*time.Hour+time.Minute, "desk-break", i%6, 5+i%3, time.Minute, nil, nil)
	}
	h.press("S")
	for _, size := range [][2]int{{80, 21}, {60, 17}, {200, 57}, {30, 5}, {0, 0}} {
		h.m.SetSize(size[0], size[1])
		h.press("G")
		view := h.m.View()
		lines := strings.Split(view, "\n")
		if size[1] > 0 && len(lines) != size[1] {
			t.Errorf("%v: %d lines", size, len(lines))
		}
		for _, line := range lines {
			if w := lipgloss.Width(line); w > max(size[0], 1) {
				t.Errorf("%v: a line of %d columns: %q", size, w, line)
			}
		}
	}
	h.m.SetSize(80, 21)
	h.press("g")
	if !strings.Contains(h.m.View(), fmt.Sprintf("↑/↓ scroll (1–%d of 40)", 21-4)) {
		t.Errorf("key line:\n%s", h.m.View())
	}
}

// The view is safe before any size and before its sessions are read.
func TestSessionsBeforeSizeAndData(t *testing.T) {
	s := newSessions(common.Common{}, DefaultKeyMap(), nil)
	_ = s.View()
	s.Update(tuitest.Key("j"))
	s.Update(sessionsMsg{})
	_ = s.View()
}
