package termbg

import "testing"

// The answers terminals give, as termenv reads them: four, two or one
// hex digits a channel, ended by ST or BEL, with the DA1 reply after it; and what is not an answer.
func TestBackgroundReadsTheAnswer(t *testing.T) {
	for _, c := range []struct {
		answers string
		want    string // "" : no colour
		dark    bool
	}{
		{"\x1b]11;rgb:0000/0000/0000\x1b\\\x1b[?62;22c", "#000000", true},
		{"\x1b]11;rgb:ffff/ffff/ffff\a\x1b[?1;2c", "#ffffff", false},
		{"\x1b]11;rgb:fd/f6/e3\x1b\\\x1b[?62;22c", "#fdf6e3", false},
		{"\x1b]11;rgb:2/2/2\x1b\\\x1b[?62;22c", "#222222", true},
		{"\x1b[?62;22c", "", false},                                 // the terminal does not say its colour
		{"\x1b]11;rgb:zzzz/0000/0000\x1b\\\x1b[?62;22c", "", false}, // not hex
		{"\x1b]11;rgb:0000/0000\x1b\\\x1b[?62;22c", "", false},      // two channels
		{"\x1b]11;rgb:0000/0000/0000", "", false},                   // cut short
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

// What the person types passes; the replies do not, wherever they fall
// in a read, in one piece or several.
func TestRepliesAreTakenOutOfTyping(t *testing.T) {
	const (
		colour  = "\x1b]11;rgb:ffff/ffff/ffff\x1b\\"
		devices = "\x1b[?64;1;9;15;21;22c"
	)
	for _, c := range []struct {
		name    string
		reads   []string
		typed   string
		colour  string
		devices bool
	}{
		{"both replies in one read", []string{colour + devices}, "", "#ffffff", true},
		{"typing around them", []string{"ab" + colour + "c" + devices + "d"}, "abcd", "#ffffff", true},
		{"a reply in pieces", []string{"x\x1b]1", "1;rgb:ffff/ff", "ff/ffff\a", "y"}, "xy", "#ffffff", false},
		{"DA1 alone: no colour", []string{devices}, "", "", true},
		{"a late colour after keys", []string{"q", "\x1b[A", colour}, "q\x1b[A", "#ffffff", false},
		{"escape, arrows, alt+]", []string{"\x1b", "\x1b[B", "\x1b]", "\x1b[1;5C"}, "\x1b\x1b[B\x1b]\x1b[1;5C", "", false},
		{"a paste", []string{"\x1b[200~note: 11;rgb\x1b[201~"}, "\x1b[200~note: 11;rgb\x1b[201~", "", false},
		{"another private reply passes", []string{"\x1b[?1;2$y"}, "\x1b[?1;2$y", "", false},
		{"ESC ] 11 cut by a key", []string{"\x1b]11;rgb:00\x1b[A"}, "\x1b]11;rgb:00\x1b[A", "", false},
	} {
		var f replyFilter
		var typed []byte
		var got filtered
		for _, r := range c.reads {
			step := f.feed([]byte(r))
			typed = append(typed, step.typed...)
			if step.background != "" {
				got.background = step.background
			}
			got.devices = got.devices || step.devices
		}
		typed = append(typed, f.flush()...)
		if string(typed) != c.typed || got.background != c.colour || got.devices != c.devices {
			t.Errorf("%s: typed %q, colour %q, DA1 %v; want %q, %q, %v", c.name, typed, got.background, got.devices, c.typed, c.colour, c.devices)
		}
	}
}

// A beginning that never ends is held only until flush: it was typing.
func TestAHeldBeginningIsGivenBack(t *testing.T) {
	var f replyFilter
	if got := f.feed([]byte("a\x1b[?6")); string(got.typed) != "a" || !f.holding() {
		t.Fatalf("typed %q, holding %v", got.typed, f.holding())
	}
	if held := f.flush(); string(held) != "\x1b[?6" || f.holding() {
		t.Errorf("flush gave %q", held)
	}
}
