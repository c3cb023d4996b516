package text

import (
	"strconv"
	"strings"
)

// Plural writes a count with its noun, the noun in the plural unless the
// count is one: "1 day", "3 days", "0 entries", "2 glasses", "5 stretch
// sessions". Every count the app and the commands show goes through it.
func Plural(n int, noun string) string {
	if n == 1 {
		return "1 " + noun
	}
	return strconv.Itoa(n) + " " + pluralOf(noun)
}

// Thousands writes n with its thousands separated, as 4,000 or 2,000 ml:
// every water amount and character count shown goes through it.
func Thousands(n int) string {
	s := strconv.Itoa(n)
	first := 0
	if n < 0 {
		first = 1
	}
	for i := len(s) - 3; i > first; i -= 3 {
		s = s[:i] + "," + s[i:]
	}
	return s
}

// pluralOf is the regular English plural of noun (of its last word).
func pluralOf(noun string) string {
	for _, end := range []string{"s", "x", "ch", "sh"} {
		if strings.HasSuffix(noun, end) {
			return noun + "es"
		}
	}
	if stem, ok := strings.CutSuffix(noun, "y"); ok && stem != "" && !strings.ContainsAny(stem[len(stem)-1:], "aeiou") {
		return stem + "ies"
	}
	return noun + "s"
}
