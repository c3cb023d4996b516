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
// (OSC 11) and its device attributes (DA1) that follow it.
const (
	backgroundQuery = "\x1b]11;?"
	deviceQuery     = "\x1b[c"
	deviceReply     = "\x1b[?62;22c"
)

// rawTerminal is a pseudo-terminal that shows what the program wrote,
// byte for byte, and answers the background query with answer, as soon
// as it is asked, or only when reply is called if hold is set ("": it
// never answers anything, as the terminals of some editors and hook
// runners do).
type rawTerminal struct {
	ptmx   *os.File
	answer string
	hold   bool
	mu     sync.Mutex
	out    bytes.Buffer
}

func startRaw(t *testing.T, answer string, args ...string) (*exec.Cmd, *rawTerminal) {
	return startRawTerminal(t, &rawTerminal{answer: answer}, args...)
}

func startRawTerminal(t *testing.T, term *rawTerminal, args ...string) (*exec.Cmd, *rawTerminal) {
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
	term.ptmx = ptmx
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
			if !r.hold && bytes.Contains(buf[:n], []byte(deviceQuery)) {
				r.reply()
			}
		}
		if err != nil {
			return
		}
	}
}

// reply answers the queries as a terminal does: the colour, if it knows
// it, then the device attributes.
func (r *rawTerminal) reply() {
	if r.answer != "" {
		r.ptmx.WriteString("\x1b]11;rgb:" + r.answer + "\x1b\\" + deviceReply)
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
	r.waitForSince(t, 0, text, within)
}

// waitForSince waits for text in what the program wrote after the first
// since bytes.
func (r *rawTerminal) waitForSince(t *testing.T, since int, text string, within time.Duration) {
	t.Helper()
	deadline := time.Now().Add(within)
	for !strings.Contains(r.written()[since:], text) {
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
		if out := term.written(); strings.Contains(out, backgroundQuery) || strings.Contains(out, deviceQuery) {
			t.Errorf("lumbar %s asked the terminal: %q", strings.Join(args, " "), out)
		}
	}
}

// The answer decides the colours, and they are colours: the colour profile
// worked out while Bubble Tea's init was kept from asking is put right.
// The first frame does not wait for the answer: it is drawn for a dark
// background, the guess, and drawn again when the terminal says its
// background is light. The brand's accent is #7FD1C7 on dark backgrounds
// (colour 116 of 256), #1F6F78 on light ones (colour 24).
func TestTheTerminalsAnswerSetsTheColours(t *testing.T) {
	for _, c := range []struct{ answer, light, brand string }{
		{"0000/0000/0000", "dark", "116"},
		{"ffff/ffff/ffff", "light", "24"},
	} {
		db := filepath.Join(t.TempDir(), "lumbar.db")
		cmd, term := startRawTerminal(t, &rawTerminal{answer: c.answer, hold: true}, "--db", db)
		term.waitFor(t, "1 Guide", 10*time.Second) // before any reply
		if brand := lastBrandColour(term.written()); brand != "116" {
			t.Errorf("%s background: the first frame draws the brand in colour %q, want the dark guess's 116", c.light, brand)
		}
		term.reply()
		deadline := time.Now().Add(10 * time.Second)
		for lastBrandColour(term.written()) != c.brand && time.Now().Before(deadline) {
			time.Sleep(5 * time.Millisecond)
		}
		if brand := lastBrandColour(term.written()); brand != c.brand {
			t.Errorf("%s background: after the answer the brand is drawn in colour %q, want %s", c.light, brand, c.brand)
		}
		term.ptmx.WriteString("q")
		waitExit(t, cmd, 0)
	}
}

// lastBrandColour is the 256-colour index the brand was last drawn in:
// "" if it was never drawn in colour.
func lastBrandColour(written string) string {
	all := brandColour.FindAllStringSubmatch(written, -1)
	if all == nil {
		return ""
	}
	return all[len(all)-1][1]
}

var brandColour = regexp.MustCompile(`\x1b\[1;38;5;(\d+)mlumbar`)

// A terminal's replies are never typing, even when they come late, while
// a text field has the focus: what the person types (keys, arrows, a
// paste) still reaches the field, and ctrl+c still quits.
func TestLateRepliesAreNotTyped(t *testing.T) {
	db := filepath.Join(t.TempDir(), "lumbar.db")
	cmd, term := startRawTerminal(t, &rawTerminal{answer: "ffff/ffff/ffff", hold: true}, "--db", db)
	term.waitFor(t, "1 Guide", 10*time.Second)
	term.ptmx.WriteString("2")
	term.waitFor(t, "new entry", 5*time.Second)
	term.ptmx.WriteString("n")
	term.waitFor(t, "Pain now", 5*time.Second)
	term.ptmx.WriteString("\t\t") // to When, a field that takes 32 characters
	term.ptmx.WriteString("\x1b[200~yesterday\x1b[201~")
	term.waitFor(t, "yesterday", 5*time.Second)
	term.reply()
	term.waitFor(t, "38;5;24m", 5*time.Second) // the answer is read: light colours
	term.ptmx.WriteString(" 22:1")
	term.ptmx.WriteString("\x1b[D") // left arrow, then a digit before the 1
	term.ptmx.WriteString("0")
	term.ptmx.WriteString("\x1b[C") // right arrow: the cursor leaves the text whole
	term.waitFor(t, "yesterday 22:01", 5*time.Second)
	if out := term.written(); strings.Contains(out, "rgb") || strings.Contains(out, "62;22") {
		t.Errorf("a reply was typed into the form: %q", out)
	}
	since := len(term.written())
	term.ptmx.WriteString("\x1b") // esc, alone: the form closes
	term.waitForSince(t, since, "new entry", 5*time.Second)
	term.ptmx.WriteString("\x03") // ctrl+c
	waitExit(t, cmd, 0)
}
