package termbg

import (
	"io"
	"os"
	"testing"
	"time"

	"github.com/creack/pty"
	"golang.org/x/term"
)

// The Listener asks, passes typing on without the replies, says the
// colour once, and gives the terminal back in the mode it found it in.
func TestListenerFiltersTheRepliesAndGivesTheTerminalBack(t *testing.T) {
	ptmx, tty, err := pty.Open()
	if err != nil {
		t.Fatalf("no pseudo-terminal: %v", err)
	}
	defer ptmx.Close()
	defer tty.Close()
	before, err := term.GetState(int(tty.Fd()))
	if err != nil {
		t.Fatal(err)
	}
	l, err := Listen(tty, tty)
	if err != nil {
		t.Fatal(err)
	}
	defer l.Close()
	asked := make([]byte, len(queries))
	if _, err := io.ReadFull(ptmx, asked); err != nil || string(asked) != queries {
		t.Fatalf("the terminal was asked %q (%v), want %q", asked, err, queries)
	}
	ptmx.WriteString("ab")
	ptmx.WriteString("\x1b]11;rgb:ffff/ffff/ffff\x1b\\\x1b[?62;22cc\x1b")
	typed := make([]byte, 4)
	if _, err := io.ReadFull(l.Input, typed); err != nil || string(typed) != "abc\x1b" {
		t.Errorf("the app read %q (%v), want the typing alone, %q", typed, err, "abc\x1b")
	}
	select {
	case dark := <-l.Answer:
		if dark {
			t.Error("a white background was taken for dark")
		}
	case <-time.After(10 * time.Second):
		t.Fatal("no answer passed on")
	}
	if err := l.Close(); err != nil {
		t.Fatal(err)
	}
	if _, more := <-l.Answer; more {
		t.Error("a second answer")
	}
	after, err := term.GetState(int(tty.Fd()))
	if err != nil {
		t.Fatal(err)
	}
	if *after != *before {
		t.Error("the terminal was not put back in the mode it was in")
	}
}

// lumbar guide > /dev/tty writes to a terminal it cannot read: asking
// would leave the answer to the shell, typed at its prompt.
func TestAWriteOnlyTerminalIsNotAsked(t *testing.T) {
	ptmx, tty, err := pty.Open()
	if err != nil {
		t.Fatalf("no pseudo-terminal: %v", err)
	}
	defer ptmx.Close()
	defer tty.Close()
	writeOnly, err := os.OpenFile(tty.Name(), os.O_WRONLY, 0)
	if err != nil {
		t.Fatal(err)
	}
	defer writeOnly.Close()
	if !readable(tty) || readable(writeOnly) {
		t.Errorf("readable: read-write %v, write-only %v", readable(tty), readable(writeOnly))
	}
}
