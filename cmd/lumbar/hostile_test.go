package main

import (
	"path/filepath"
	"strings"
	"testing"
	"unicode/utf8"
)

// hostile are arguments that would drive a terminal: an OSC title change
// and a screen clear, an 8-bit CSI (as a character and as a raw byte),
// and a right-to-left override.
var hostile = []string{"\x1b]0;pwned\a\x1b[2J", "x\u009b2Jy", "x\x9b2Jy", "a\u202eb"}

// Every command, given hostile words in every place it takes a word, prints
// no escape or C1 control on stdout or stderr.
func TestHostileArgumentsNeverReachTheTerminal(t *testing.T) {
	db := filepath.Join(t.TempDir(), "lumbar.db")
	env := map[string]string{"XDG_CONFIG_HOME": t.TempDir(), "HOME": t.TempDir()}
	for _, h := range hostile {
		var lines [][]string
		lines = append(lines, []string{h}, []string{"--" + h}, []string{"--db", h, "status"}, []string{"help", h},
			[]string{"config", "get", h}, []string{"config", "set", h, "1"}, []string{"config", "set", "hours.days", h},
			[]string{"config", "set", "water.goal", h}, []string{"config", h}, []string{"routines", "check", h},
			[]string{"log", "3", "--at", "yesterday " + h}, []string{"log", "3", "--where", "back-centre," + h})
		for _, c := range commands() {
			lines = append(lines, []string{c.name, h}, []string{c.name, "--" + h}, []string{c.name, "5", h})
			for _, f := range c.flags {
				if f.takesValue() {
					lines = append(lines, []string{c.name, "--" + f.name, h}, []string{c.name, "3", "--" + f.name, h})
				} else {
					lines = append(lines, []string{c.name, "--" + f.name + "=" + h})
				}
			}
		}
		for _, args := range lines {
			t.Chdir(t.TempDir()) // a file one line writes is new to the next
			code, out, errOut := runCLI(t, env, append([]string{"--db", db}, args...)...)
			if args[0] == "--db" {
				code, out, errOut = runCLI(t, env, args...)
			}
			for stream, text := range map[string]string{"stdout": out, "stderr": errOut} {
				if bad, ok := terminalControl(text); ok {
					t.Errorf("%q (exit %d): %s holds %q:\n%q", args, code, stream, bad, text)
				}
			}
		}
		envDB := map[string]string{"LUMBAR_DB": filepath.Join(t.TempDir(), h), "HOME": env["HOME"]}
		for _, args := range [][]string{{"status"}, {"log", "3"}, {"history"}} {
			_, out, errOut := runCLI(t, envDB, args...)
			if bad, ok := terminalControl(out + errOut); ok {
				t.Errorf("LUMBAR_DB=%q %q: output holds %q", envDB["LUMBAR_DB"], args, bad)
			}
		}
	}
}

// terminalControl finds an ESC, a C1 control (as a character or a raw
// byte), or a bidi override in text.
func terminalControl(text string) (string, bool) {
	for i := 0; i < len(text); {
		r, size := utf8.DecodeRuneInString(text[i:])
		switch {
		case r == 0x1b, r >= 0x80 && r <= 0x9f, r == 0x202e, r == 0x202d:
			return string(r), true
		case r == utf8.RuneError && size == 1 && text[i] >= 0x80 && text[i] <= 0x9f:
			return text[i : i+1], true
		}
		i += size
	}
	return "", strings.Contains(text, "\a")
}
