package main

import (
	"os/exec"
	"strings"
	"testing"

	"lumbar/store/text"
)

// A path a message suggests pasting reaches the shell as exactly that
// path, whatever it holds, and the suggestion itself is one printable
// line.
func TestShellWordIsReadBackExactly(t *testing.T) {
	bash, err := exec.LookPath("bash")
	if err != nil {
		t.Fatal("bash is needed to read the words back: install bash")
	}
	for _, path := range []string{
		"demo.db", "/tmp/my diary.db", "it's.db", "$HOME.db", "`rm -rf`.db", "a\\b.db", "semi;colon&.db",
		"tab\there.db", "new\nline.db", "esc\x1b[31m.db", "bidi\u202e.db", "bad\xff.db", "ünï.db", "emoji😀\x07.db", "",
	} {
		word := shellWord(path)
		if strings.ContainsAny(word, "\n\t") || text.Printable(word) != word {
			t.Errorf("shellWord(%q) = %q: not one printable line", path, word)
		}
		out, err := exec.Command(bash, "-c", "printf %s "+word).Output()
		if err != nil {
			t.Errorf("bash could not read shellWord(%q) = %q: %v", path, word, err)
			continue
		}
		if string(out) != path {
			t.Errorf("shellWord(%q) = %q, which bash reads as %q", path, word, out)
		}
	}
}
