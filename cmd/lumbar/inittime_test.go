package main

import (
	"bytes"
	"fmt"
	"os"
	"os/exec"
	"regexp"
	"sort"
	"strconv"
	"testing"
)

// Limits on the package initialisation every lumbar process pays before
// main, commands typed many times a day and run by status bars included.
// A dependency that builds a table or parses embedded data at start-up
// costs milliseconds (go-runewidth's width table took 30–90 ms, chroma's
// lexers and styles 25 ms); a whole binary's ordinary init is well under
// a millisecond.
const (
	maxPackageInitMs = 1.0
	maxTotalInitMs   = 3.0
	initRuns         = 5 // each package's best run counts: a busy machine only slows
)

var initLine = regexp.MustCompile(`^init (\S+) @[0-9.]+ ms, ([0-9.]+) ms clock`)

func TestPackageInitIsCheap(t *testing.T) {
	bin := buildLumbar(t)
	best := map[string]float64{}
	for range initRuns {
		for pkg, ms := range initTimes(initTrace(t, bin)) {
			if old, seen := best[pkg]; !seen || ms < old {
				best[pkg] = ms
			}
		}
	}
	if len(best) == 0 {
		t.Fatal("GODEBUG=inittrace=1 printed no init lines")
	}
	total := 0.0
	for _, ms := range best {
		total += ms
	}
	report := initReport(best)
	for pkg, ms := range best {
		if ms > maxPackageInitMs {
			t.Errorf("init of %s takes %.2f ms at best of %d runs, more than %.0f ms\n%s", pkg, ms, initRuns, maxPackageInitMs, report)
		}
	}
	if total > maxTotalInitMs {
		t.Errorf("all package inits take %.2f ms, more than %.0f ms\n%s", total, maxTotalInitMs, report)
	}
	t.Logf("package init: %.2f ms in all; slowest:\n%s", total, report)
}

// initTrace runs lumbar --version with GODEBUG=inittrace=1 and returns
// the trace.
func initTrace(t *testing.T, bin string) []byte {
	t.Helper()
	cmd := exec.Command(bin, "--version")
	cmd.Env = append(os.Environ(), "GODEBUG=inittrace=1")
	var stderr bytes.Buffer
	cmd.Stderr = &stderr
	if err := cmd.Run(); err != nil {
		t.Fatalf("lumbar --version: %v\n%s", err, stderr.String())
	}
	return stderr.Bytes()
}

// initTimes reads GODEBUG=inittrace=1 output: each package's init clock.
func initTimes(trace []byte) map[string]float64 {
	times := map[string]float64{}
	for line := range bytes.Lines(trace) {
		m := initLine.FindSubmatch(bytes.TrimSpace(line))
		if m == nil {
			continue
		}
		ms, err := strconv.ParseFloat(string(m[2]), 64)
		if err == nil {
			times[string(m[1])] += ms
		}
	}
	return times
}

// initReport lists the five slowest inits.
func initReport(times map[string]float64) string {
	pkgs := make([]string, 0, len(times))
	for p := range times {
		pkgs = append(pkgs, p)
	}
	sort.Slice(pkgs, func(i, j int) bool { return times[pkgs[i]] > times[pkgs[j]] })
	var b bytes.Buffer
	for _, p := range pkgs[:min(5, len(pkgs))] {
		fmt.Fprintf(&b, "  %6.3f ms  %s\n", times[p], p)
	}
	return b.String()
}

// Bubble Tea v1 asks the terminal for its background colour in its
// package init, waiting up to five seconds for an answer. Package
// termbg/early keeps it from asking, so its init must run before Bubble
// Tea's, and package termbg, which puts TERM back, after it: an order the
// Go specification fixes for a given import graph, pinned here so a new
// dependency that changes it is noticed.
func TestTerminalIsNotAskedDuringInit(t *testing.T) {
	order := initOrder(initTrace(t, buildLumbar(t)))
	early, tea, restore := order["lumbar/tui/termbg/early"], order["github.com/charmbracelet/bubbletea"], order["lumbar/tui/termbg"]
	if early == 0 || tea == 0 || restore == 0 {
		t.Fatalf("the trace lacks an init: early %d, bubbletea %d, termbg %d", early, tea, restore)
	}
	if !(early < tea && tea < restore) {
		t.Errorf("inits run termbg/early %d, bubbletea %d, termbg %d: want them in that order", early, tea, restore)
	}
}

// initOrder numbers the packages of an init trace in the order they were
// initialised, from 1.
func initOrder(trace []byte) map[string]int {
	order := map[string]int{}
	for line := range bytes.Lines(trace) {
		if m := initLine.FindSubmatch(bytes.TrimSpace(line)); m != nil {
			order[string(m[1])] = len(order) + 1
		}
	}
	return order
}

// The trace reader finds what a slow dependency looks like.
func TestInitTimesReadsTheTrace(t *testing.T) {
	trace := []byte("init runtime @0.042 ms, 0.064 ms clock, 0 bytes, 0 allocs\n" +
		"init github.com/mattn/go-runewidth @43 ms, 92 ms clock, 18776 bytes, 44 allocs\n" +
		"lumbar 1.0\n")
	got := initTimes(trace)
	if len(got) != 2 || got["github.com/mattn/go-runewidth"] != 92 || got["runtime"] != 0.064 {
		t.Errorf("initTimes = %v", got)
	}
}
