package main

import (
	"bytes"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/creack/pty"
)

// The queries a terminal is asked at start-up: its background colour
// (OSC 11) and the cursor position (DSR) that follows it.
const (
	backgroundQuery = "\x1b]11;?"
	cursorQuery     = "\x1b[6n"
)

// rawTerminal is a pseudo-terminal that shows what the program wrote,
// byte for byte, and answers the background query with answer ("": it
// never answers anything, as the terminals of some editors and hook
// runners do).
type rawTerminal struct {
	ptmx   *os.File
	answer string
	mu     sync.Mutex
	out    bytes.Buffer
}

func startRaw(t *testing.T, answer string, args ...string) (*exec.Cmd, *rawTerminal) {
	t.Helper()
	cmd := exec.Command(buildLumbar(t), args...)
	// A terminal termenv would ask: not screen or tmux, and no CI
	// variable, which termenv takes for no terminal at all.
	cmd.Env = append(slices.DeleteFunc(os.Environ(), func(v string) bool {
		return strings.HasPrefix(v, "CI=") || strings.HasPrefix(v, "TERM=") || strings.HasPrefix(v, "COLORFGBG=")
	}), "TERM=xterm-256color", "NO_COLOR=")
	ptmx, err := pty.StartWithSize(cmd, &pty.Winsize{Cols: 80, Rows: 24})
	if err != nil {
		t.Fatalf("no pseudo-terminal: %v", err)
	}
	t.Cleanup(func() { ptmx.Close() })
	term := &rawTerminal{ptmx: ptmx, answer: answer}
	go term.read()
	return cmd, term
}

func (r *rawTerminal) read() {
	buf := make([]byte, 32*1024)
	for {
		n, err := r.ptmx.Read(buf)
		if n > 0 {
			r.mu.Lock()
			r.out.Write(buf[:n])
			r.mu.Unlock()
			if r.answer != "" && bytes.Contains(buf[:n], []byte(cursorQuery)) {
				r.ptmx.WriteString("\x1b]11;rgb:" + r.answer + "\x1b\\\x1b[1;1R")
			}
		}
		if err != nil {
			return
		}
	}
}

func (r *rawTerminal) written() string {
	r.mu.Lock()
	defer r.mu.Unlock()
	return r.out.String()
}

// waitFor waits for text in what the program wrote, failing after within.
func (r *rawTerminal) waitFor(t *testing.T, text string, within time.Duration) {
	t.Helper()
	deadline := time.Now().Add(within)
	for !strings.Contains(r.written(), text) {
		if time.Now().After(deadline) {
			t.Fatalf("%q not written within %v; wrote %q", text, within, r.written())
		}
		time.Sleep(5 * time.Millisecond)
	}
}

// A terminal that never answers still gets the app's first frame, long
// before the five seconds termenv waits: the app asks once, after the
// packages are initialised, and waits a bounded while.
func TestSilentTerminalGetsTheFirstFrame(t *testing.T) {
	db := filepath.Join(t.TempDir(), "lumbar.db")
	cmd, term := startRaw(t, "", "--db", db)
	term.waitFor(t, "1 Guide", 2*time.Second)
	if n := strings.Count(term.written(), backgroundQuery); n != 1 {
		t.Errorf("the terminal was asked for its background %d times, want once", n)
	}
	term.ptmx.WriteString("q")
	waitExit(t, cmd, 0)
}

// Commands that draw nothing in colour never ask the terminal: in a
// terminal that never answers they end at once, and write no query.
func TestCommandsDoNotAskTheTerminal(t *testing.T) {
	db := filepath.Join(t.TempDir(), "lumbar.db")
	for _, args := range [][]string{{"--version"}, {"--db", db, "water"}, {"--db", db, "status"}} {
		cmd, term := startRaw(t, "", args...)
		waitExit(t, cmd, 0)
		term.waitFor(t, "\n", time.Second) // the command's own line
		if out := term.written(); strings.Contains(out, backgroundQuery) || strings.Contains(out, cursorQuery) {
			t.Errorf("lumbar %s asked the terminal: %q", strings.Join(args, " "), out)
		}
	}
}

// The answer decides the colours, and they are colours: the colour profile
// worked out while Bubble Tea's init was kept from asking is put right.
// The brand's accent is #7FD1C7 on dark backgrounds (colour 116 of 256),
// #1F6F78 on light ones.
func TestTheTerminalsAnswerSetsTheColours(t *testing.T) {
	brand := regexp.MustCompile(`\x1b\[1;38;5;(\d+)mlumbar`)
	for _, c := range []struct{ answer, light string }{
		{"0000/0000/0000", "dark"},
		{"ffff/ffff/ffff", "light"},
	} {
		db := filepath.Join(t.TempDir(), "lumbar.db")
		cmd, term := startRaw(t, c.answer, "--db", db)
		term.waitFor(t, "1 Guide", 10*time.Second)
		m := brand.FindStringSubmatch(term.written())
		switch {
		case m == nil:
			t.Errorf("%s background: the brand is not drawn in colour: %q", c.light, term.written())
		case (m[1] == "116") != (c.light == "dark"):
			t.Errorf("%s background: the brand is drawn in colour %s", c.light, m[1])
		}
		term.ptmx.WriteString("q")
		waitExit(t, cmd, 0)
	}
}
