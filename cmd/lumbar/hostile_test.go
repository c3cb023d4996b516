package main

import (
	"os"
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

// escapeOnly is typed text that text.Printable would clean to nothing.
const escapeOnly = "\x1b[2J"

// A word made only of escape sequences is echoed with its escapes visible,
// never as "" (which would read as if nothing had been typed).
func TestEscapeOnlyArgumentsAreEchoedVisibly(t *testing.T) {
	_, lumbar := freshDiary(t)
	shown := `\x1b[2J` // the escape as visible text, inside quotes
	for _, args := range [][]string{
		{escapeOnly}, {"--" + escapeOnly}, {"guide", escapeOnly}, {"stretch", escapeOnly},
		{"water", escapeOnly}, {"log", "3", escapeOnly}, {"status", escapeOnly}, {"config", "get", escapeOnly},
		{"config", "set", "hours.days", escapeOnly}, {"log", escapeOnly}, {"log", "3", "--at", escapeOnly},
		{"log", "3", "--where", escapeOnly},
	} {
		code, out, errOut := lumbar(args...)
		// Words that are names (days, areas, times) are echoed lowercased, as read.
		if code != exitUsage || !strings.Contains(strings.ToLower(errOut), strings.ToLower(shown)) || strings.Contains(errOut, `""`) {
			t.Errorf("%q: exit %d, stdout %q, stderr %q; want the word shown as %s", args, code, out, errOut, shown)
		}
	}
}

// Paths named in backup and routines check messages are the files' real
// names, escapes shown, never blank.
func TestPathsInMessagesAreNeverBlank(t *testing.T) {
	_, lumbar := freshDiary(t)
	t.Chdir(t.TempDir())
	code, out, errOut := lumbar("backup", escapeOnly)
	if _, err := os.Stat(escapeOnly); err != nil || code != exitOK || !strings.HasSuffix(out, ` to "\x1b[2J"`+"\n") {
		t.Errorf("backup: exit %d, stdout %q, stderr %q, file: %v", code, out, errOut, err)
	}
	code, _, errOut = lumbar("backup", escapeOnly)
	if code != exitError || !strings.Contains(errOut, `"\x1b[2J" already exists`) {
		t.Errorf("backup again: exit %d, stderr %q", code, errOut)
	}
	env := map[string]string{"XDG_CONFIG_HOME": t.TempDir(), "HOME": t.TempDir()}
	missing := "\x1b]0;x\a"
	code, _, errOut = runCLI(t, env, "routines", "check", missing)
	if code != exitError || !strings.HasPrefix(errOut, `lumbar: cannot read "\x1b]0;x\a": `) {
		t.Errorf("routines check of a missing file: exit %d, stderr %q", code, errOut)
	}
	if err := os.WriteFile(escapeOnly+".toml", []byte(lunchRoutine), 0o600); err != nil {
		t.Fatal(err)
	}
	code, out, _ = runCLI(t, env, "routines", "check", escapeOnly+".toml")
	if code != exitOK || !strings.HasPrefix(out, `"\x1b[2J.toml" is fine: `) {
		t.Errorf("routines check of a good file: exit %d, stdout %q", code, out)
	}
}
