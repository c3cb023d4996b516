package store

import (
	"strings"
	"testing"
	"unicode/utf8"
)

func TestPrintable(t *testing.T) {
	cases := []struct{ in, want string }{
		{"sore after gardening", "sore after gardening"},
		{"two\nlines\tand a tab", "two\nlines\tand a tab"},
		{"\x1b[31mred\x1b[0m", "red"},
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
