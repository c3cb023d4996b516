package common

import (
	"io"
	"os"
	"testing"
	"time"

	tea "github.com/charmbracelet/bubbletea"
)

// A tab's timers start where the Common it was given says: tests record
// them, and fire them by hand.
func TestAfterUsesTheInjectedTimers(t *testing.T) {
	type fired struct{}
	var waits []time.Duration
	c := Common{Timers: func(d time.Duration, fire func(time.Time) tea.Msg) tea.Cmd {
		waits = append(waits, d)
		return func() tea.Msg { return fire(time.Time{}) }
	}}
	cmd := c.After(3*time.Second, func(time.Time) tea.Msg { return fired{} })
	if len(waits) != 1 || waits[0] != 3*time.Second {
		t.Fatalf("timers started: %v", waits)
	}
	if _, ok := cmd().(fired); !ok {
		t.Error("the timer does not send its message")
	}
	if (Common{}).After(time.Second, func(time.Time) tea.Msg { return nil }) == nil {
		t.Error("without injected timers no timer starts")
	}
}

// The bell rings through Ring when one is given, and is one BEL on the
// terminal otherwise.
func TestBellRingsOnce(t *testing.T) {
	rung := 0
	if msg := (Common{Ring: func() { rung++ }}).Bell()(); msg != nil || rung != 1 {
		t.Errorf("injected bell rang %d times, sent %v", rung, msg)
	}

	r, w, err := os.Pipe()
	if err != nil {
		t.Fatal(err)
	}
	stdout := os.Stdout
	os.Stdout = w
	Common{}.Bell()()
	os.Stdout = stdout
	w.Close()
	got, _ := io.ReadAll(r)
	if string(got) != "\a" {
		t.Errorf("the terminal bell wrote %q", got)
	}
}
