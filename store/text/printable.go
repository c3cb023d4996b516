package text

import (
	"strings"
	"unicode/utf8"
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
	// Whole escape sequences go first, so their parameters do not leak as
	// text; lone controls, C1 characters and bidi marks go rune by rune.
	stripped := stripEscapes(s)
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

// The bytes that shape an escape sequence (ECMA-48).
const (
	esc = 0x1b
	bel = 0x07
)

// stripEscapes removes every escape sequence that starts with ESC, as a
// terminal would read it: CSI (ESC [ … final), OSC (ESC ] … BEL or ST),
// DCS, SOS, PM and APC strings (ESC P, X, ^ or _ … ST), and two-character
// escapes. A control character inside a CSI or escape takes effect on a
// terminal, so it stays for keepRune to judge; one inside a string is part
// of the string. A sequence cut off by the end of s is removed up to there.
func stripEscapes(s string) string {
	var b strings.Builder
	b.Grow(len(s))
	for i := 0; i < len(s); {
		if s[i] != esc {
			b.WriteByte(s[i])
			i++
			continue
		}
		i = skipEscape(s, i+1, &b)
	}
	return b.String()
}

// skipEscape reads the sequence after an ESC at s[i-1] and returns where
// the text after it starts.
func skipEscape(s string, i int, controls *strings.Builder) int {
	if i >= len(s) {
		return i
	}
	switch s[i] {
	case '[':
		return skipControlSequence(s, i+1, controls)
	case ']':
		return skipString(s, i+1, true)
	case 'P', 'X', '^', '_':
		return skipString(s, i+1, false)
	}
	for ; i < len(s); i++ {
		switch c := s[i]; {
		case c >= 0x20 && c <= 0x2f: // intermediate bytes
		case c >= 0x30 && c <= 0x7e: // the final byte
			return i + 1
		case c == 0x7f: // DEL is ignored inside a sequence
		case c < 0x20 && c != esc:
			controls.WriteByte(c)
		default: // a new ESC, or text: the escape ends before it
			return i
		}
	}
	return i
}

// skipControlSequence skips a CSI's parameter and intermediate bytes and
// its final byte.
func skipControlSequence(s string, i int, controls *strings.Builder) int {
	for ; i < len(s); i++ {
		switch c := s[i]; {
		case c >= 0x40 && c <= 0x7e: // the final byte
			return i + 1
		case c >= 0x20 && c <= 0x3f, c == 0x7f: // parameters, intermediates; DEL is ignored
		case c == esc:
			return i
		case c < 0x20:
			controls.WriteByte(c)
		default: // not part of a sequence: it ends here, unfinished
			return i
		}
	}
	return i
}

// skipString skips a control string up to its terminator: ST (ESC \) or,
// for an OSC, BEL as well.
func skipString(s string, i int, belEnds bool) int {
	for ; i < len(s); i++ {
		switch s[i] {
		case bel:
			if belEnds {
				return i + 1
			}
		case esc:
			if i+1 < len(s) && s[i+1] == '\\' {
				return i + 2
			}
			return i
		}
	}
	return i
}
