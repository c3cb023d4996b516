package termbg

import "testing"

// The answers terminals give, as termenv reads them: four, two or one
// hex digits a channel, ended by ST or BEL, after the cursor report or
// before it; and what is not an answer.
func TestBackgroundReadsTheAnswer(t *testing.T) {
	for _, c := range []struct {
		answers string
		want    string // "" : no colour
		dark    bool
	}{
		{"\x1b]11;rgb:0000/0000/0000\x1b\\\x1b[1;1R", "#000000", true},
		{"\x1b]11;rgb:ffff/ffff/ffff\a\x1b[12;40R", "#ffffff", false},
		{"\x1b]11;rgb:fd/f6/e3\x1b\\\x1b[1;1R", "#fdf6e3", false},
		{"\x1b]11;rgb:2/2/2\x1b\\\x1b[1;1R", "#222222", true},
		{"\x1b[1;1R", "", false},                                 // the terminal does not say its colour
		{"\x1b]11;rgb:zzzz/0000/0000\x1b\\\x1b[1;1R", "", false}, // not hex
		{"\x1b]11;rgb:0000/0000\x1b\\\x1b[1;1R", "", false},      // two channels
		{"\x1b]11;rgb:0000/0000/0000", "", false},                // cut short
	} {
		got, err := background([]byte(c.answers))
		if got != c.want || (err == nil) != (c.want != "") {
			t.Errorf("background(%q) = %q, %v; want %q", c.answers, got, err, c.want)
			continue
		}
		if c.want != "" && isDark(got) != c.dark {
			t.Errorf("isDark(%s) = %v", got, !c.dark)
		}
	}
}

func TestCursorAnsweredWaitsForTheWholeReport(t *testing.T) {
	for answers, want := range map[string]bool{
		"":                                 false,
		"\x1b]11;rgb:0/0/0\x1b\\":          false,
		"\x1b]11;rgb:0/0/0\x1b\\\x1b[1;":   false,
		"\x1b]11;rgb:0/0/0\x1b\\\x1b[1;1R": true,
		"\x1b[24;80R":                      true,
	} {
		if got := cursorAnswered([]byte(answers)); got != want {
			t.Errorf("cursorAnswered(%q) = %v", answers, got)
		}
	}
}
