package store

import (
	"strings"
	"unicode/utf8"

	"github.com/charmbracelet/x/ansi"
)

// Printable is s made safe to show on a terminal or write to an export:
// escape sequences, C0 and C1 control characters (except newline and
// tab), DEL, bidirectional overrides and isolates, and invalid UTF-8 are
// removed. Text is stored as typed; every display and export of user text
// goes through here. The result is never longer than s.
func Printable(s string) string {
	if isPrintable(s) {
		return s
	}
	// ansi.Strip removes whole escape sequences (so their parameters do not
	// leak as text) but keeps lone controls, C1 characters and bidi marks.
	stripped := ansi.Strip(s)
	var b strings.Builder
	b.Grow(len(stripped))
	for i := 0; i < len(stripped); {
		r, size := utf8.DecodeRuneInString(stripped[i:])
		if keepRune(r, size) {
			b.WriteString(stripped[i : i+size])
		}
		i += size
	}
	return b.String()
}

// isPrintable reports whether Printable has nothing to remove: every
// escape sequence starts with a character keepRune refuses.
func isPrintable(s string) bool {
	for i := 0; i < len(s); {
		r, size := utf8.DecodeRuneInString(s[i:])
		if !keepRune(r, size) {
			return false
		}
		i += size
	}
	return true
}

func keepRune(r rune, size int) bool {
	switch {
	case r == utf8.RuneError && size <= 1: // invalid UTF-8
		return false
	case r == '\n' || r == '\t':
		return true
	case r < 0x20 || r == 0x7f: // C0 controls, ESC, DEL
		return false
	case r >= 0x80 && r <= 0x9f: // C1 controls, e.g. U+009B (CSI)
		return false
	case r >= 0x202a && r <= 0x202e, r >= 0x2066 && r <= 0x2069: // bidi overrides, isolates
		return false
	}
	return true
}
