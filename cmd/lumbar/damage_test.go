package main

import (
	"bytes"
	"errors"
	"os/exec"
	"strings"
	"testing"

	"lumbar/store/damagetest"
)

// damagedCommands is every command that opens the data file, with
// arguments that make it read or write.
func damagedCommands(backup string) [][]string {
	return [][]string{
		{"history", "--days", "400"}, {"history", "--json"}, {"stats", "--days", "365"}, {"stats", "--json"},
		{"status"}, {"status", "--json"}, {"config", "list"}, {"backup", backup},
		{"export"}, {"export", "--format", "csv", "--kind", "pain"},
		{"water"}, {"log", "3", "--note", "after damage"}, {"config", "set", "water.goal", "2500"},
		{}, // the app: the file is opened and checked before it finds no terminal
	}
}

// Every command on a damaged file ends with exit 0, or 1 and one line on
// stderr: never a runtime fault. When that line is the damaged-file
// refusal, the file is byte for byte as it was.
func TestCommandsOnDamagedFiles(t *testing.T) {
	src := damagetest.DemoFile(t)
	copies := 40
	if testing.Short() || raceDetector {
		copies = 8
	}
	for _, c := range damagetest.Make(t, src, copies, 2) {
		for i, args := range damagedCommands(c.Path + ".backup") {
			before := sum(t, c.Path)
			code, _, errOut := runCLI(t, nil, append([]string{"--db", c.Path}, args...)...)
			checkDamagedRun(t, c, args, code, errOut)
			if isDamagedRefusal(errOut, c.Path) && sum(t, c.Path) != before {
				t.Errorf("%s: lumbar %v (%d) refused but changed the file", c.How, args, i)
			}
		}
	}
}

// The real binary, for the commands the issue caught faulting.
func TestBinaryOnDamagedFiles(t *testing.T) {
	bin := buildLumbar(t)
	src := damagetest.DemoFile(t)
	for _, c := range damagetest.Make(t, src, 6, 3) {
		for _, args := range [][]string{{"log", "3"}, {"stats"}, {"history"}, {"status"}} {
			before := sum(t, c.Path)
			cmd := exec.Command(bin, append([]string{"--db", c.Path}, args...)...)
			var stderr bytes.Buffer
			cmd.Stderr = &stderr
			err := cmd.Run()
			code := 0
			var ee *exec.ExitError
			if errors.As(err, &ee) {
				code = ee.ExitCode()
			} else if err != nil {
				t.Fatal(err)
			}
			checkDamagedRun(t, c, args, code, stderr.String())
			if isDamagedRefusal(stderr.String(), c.Path) && sum(t, c.Path) != before {
				t.Errorf("%s: lumbar %v refused but changed the file", c.How, args)
			}
		}
	}
}

func checkDamagedRun(t *testing.T, c damagetest.Copy, args []string, code int, stderr string) {
	t.Helper()
	switch {
	case code == exitOK:
	case code == exitError && strings.Count(stderr, "\n") == 1 && strings.HasPrefix(stderr, "lumbar: "):
	default:
		t.Errorf("%s: lumbar %v: exit %d, stderr %.300q", c.How, args, code, stderr)
	}
}

// isDamagedRefusal tells the damaged-file refusal from other failures.
func isDamagedRefusal(stderr, path string) bool {
	return strings.Contains(stderr, path+" is damaged")
}
