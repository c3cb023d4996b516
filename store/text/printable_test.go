package text

import (
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/charmbracelet/x/ansi"
)

func TestPrintable(t *testing.T) {
	cases := []struct{ in, want string }{
		{"sore after gardening", "sore after gardening"},
		{"two\nlines\tand a tab", "two\nlines\tand a tab"},
		{"\x1b[31mred\x1b[0m", "red"},
		{"kept \x1b]0;an unfinished title swallows the rest, é too", "kept "},
		{"title \x1b]0;pwned\x07 set", "title  set"},
		{"clear\x1b[2J screen", "clear screen"},
		{"carriage\rreturn", "carriagereturn"},
		{"back\bspace bell\a del\x7f", "backspace bell del"},
		{"c1 \u009b31m csi", "c1 31m csi"},
		{"evil \u202egnp.exe", "evil gnp.exe"},
		{"isolate \u2066x\u2069", "isolate x"},
		{"bad utf8 \xff\xfe end", "bad utf8  end"},
		{"schön 痛い 🙂", "schön 痛い 🙂"},
		{"", ""},
	}
	for _, c := range cases {
		if got := Printable(c.in); got != c.want {
			t.Errorf("Printable(%q) = %q, want %q", c.in, got, c.want)
		}
	}
}

// FuzzPrintable checks what every display relies on: nothing that can
// move the cursor, change colours or reorder text survives, the result is
// valid UTF-8, and it is never longer than what went in.
func FuzzPrintable(f *testing.F) {
	for _, seed := range []string{
		"plain", "\x1b[31mred\x1b[0m", "\x1b]8;;http://x\x1b\\link\x1b]8;;\x1b\\",
		"\x1bP1$r\x1b\\", "\u009b2J", "\u202e\u2066", "\r\n\t\x00\x07\x08\x7f",
		"\xff\x1b[", "\x1b", "a\x1b[1;2;3;4;5;6;7;8;9;10;11;12;13;14;15;16;17mb",
		strings.Repeat("\x1b[", 10) + "x",
	} {
		f.Add(seed)
	}
	f.Fuzz(func(t *testing.T, in string) {
		out := Printable(in)
		if len(out) > len(in) {
			t.Fatalf("grew: %d bytes in, %d out", len(in), len(out))
		}
		if !utf8.ValidString(out) {
			t.Fatalf("invalid UTF-8 out: %q", out)
		}
		for _, r := range out {
			if !keepRune(r, utf8.RuneLen(r)) {
				t.Fatalf("kept %U in %q (from %q)", r, out, in)
			}
		}
		if again := Printable(out); again != out {
			t.Fatalf("not idempotent: %q then %q", out, again)
		}
	})
}

// TestPrintableReadsSequencesAsATerminalLibraryDoes compares Printable's
// own escape reading with charmbracelet/x/ansi's parser (a terminal
// library the package itself must not import) over sequences of every
// kind, whole, cut short and mixed with text.
func TestPrintableReadsSequencesAsATerminalLibraryDoes(t *testing.T) {
	pieces := []string{
		"plain", "é", "日本", "\n", "\t", "\a", "\b", "\r", "\x7f",
		"\x1b[31m", "\x1b[0m", "\x1b[2J", "\x1b[?25l", "\x1b[38;2;1;2;3m", "\x1b[1 q", "\x1b[", "\x1b[12",
		"\x1b]0;title\x07", "\x1b]8;;http://x\x1b\\", "\x1b]52;c;aGk=\x1b\\",
		"\x1bP1$r\x1b\\", "\x1bPq#0;2;0;0;0\x1b\\", "\x1b_apc\x1b\\", "\x1b^pm\x1b\\", "\x1bXsos\x1b\\",
		"\x1b7", "\x1b8", "\x1bc", "\x1b(B", "\x1b)0", "\x1b#8", "\x1b", "\x1b\x1b", "\x1b[1\n2m",
		"\u202e", "\u2066", "\u009b", "\u0085",
	}
	reference := func(s string) string { return printableVia(ansi.Strip(s)) }
	check := func(s string) {
		t.Helper()
		if got, want := Printable(s), reference(s); got != want {
			t.Errorf("Printable(%q) = %q; the terminal library reads %q", s, got, want)
		}
	}
	for _, a := range pieces {
		check(a)
		check(a + "\x1b]0;cut short")
		for _, b := range pieces {
			check(a + b)
			for _, c := range pieces {
				check(a + b + c)
			}
		}
	}
}

// printableVia is Printable's rune filter over text already stripped.
func printableVia(stripped string) string {
	var b strings.Builder
	for i := 0; i < len(stripped); {
		r, size := utf8.DecodeRuneInString(stripped[i:])
		if keepRune(r, size) {
			b.WriteString(stripped[i : i+size])
		}
		i += size
	}
	return b.String()
}
