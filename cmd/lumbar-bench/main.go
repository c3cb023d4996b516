// Command lumbar-bench measures lumbar as a person meets it: whole
// processes, start to exit, on a 10-year demo file it makes in a temporary
// folder. Each command runs once to warm up, then -runs times; the table
// gives the median, fastest and slowest wall time and the median CPU time
// (user + system). It also times the app's first frame: from exec to the
// tab bar drawn, in a pseudo-terminal that answers the start-up queries
// as a terminal does, and in one that never answers; and the most memory
// the app holds (peak resident set) opening the Log on the 10-year file
// and on a crowded copy of it, with -crowd extra entries.
//
//	go run ./cmd/lumbar-bench              # builds lumbar from this module
//	go run ./cmd/lumbar-bench -lumbar PATH # measures a binary already built
//
// It prints a Markdown table with the date and the machine, for the
// README's performance section.
package main

import (
	"bytes"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"slices"
	"strconv"
	"strings"
	"time"

	"lumbar/store"
	"lumbar/store/demodata"

	xansi "github.com/charmbracelet/x/ansi"
	"github.com/creack/pty"
)

func main() {
	binary := flag.String("lumbar", "", "the lumbar binary to measure (default: build this module's)")
	runs := flag.Int("runs", 20, "measured runs of each command, after one warm-up")
	silentRuns := flag.Int("silent-runs", 20, "first frames measured in a terminal that never answers")
	crowd := flag.Int("crowd", 100_000, "extra entries in the crowded file the app's memory is measured on (0: not measured)")
	flag.Parse()
	if err := run(*binary, *runs, *silentRuns, *crowd, os.Stdout); err != nil {
		fmt.Fprintln(os.Stderr, "lumbar-bench:", err)
		os.Exit(1)
	}
}

func run(binary string, runs, silentRuns, crowd int, out io.Writer) error {
	dir, err := os.MkdirTemp("", "lumbar-bench-")
	if err != nil {
		return err
	}
	defer os.RemoveAll(dir)
	if binary == "" {
		binary = filepath.Join(dir, "lumbar")
		if b, err := exec.Command("go", "build", "-o", binary, "lumbar/cmd/lumbar").CombinedOutput(); err != nil {
			return fmt.Errorf("building lumbar: %v\n%s", err, b)
		}
	}
	db := filepath.Join(dir, "ten.db")
	if b, err := exec.Command(binary, "demo", "--years", "10", "--out", db).CombinedOutput(); err != nil {
		return fmt.Errorf("making the demo file: %v\n%s", err, b)
	}
	fmt.Fprintf(out, "%s, %s\n\n", time.Now().Format("2006-01-02"), machine())
	fmt.Fprintf(out, "| command (10-year demo file) | median wall | min | max | median CPU |\n|---|---|---|---|---|\n")
	for _, args := range [][]string{
		{"--version"},
		{"--db", db, "log", "5"},
		{"--db", db, "water"},
		{"--db", db, "status"},
		{"--db", db, "history", "--days", "30"},
	} {
		s, err := timeCommand(binary, args, runs)
		if err != nil {
			return err
		}
		name := strings.Join(slices.DeleteFunc(slices.Clone(args), func(a string) bool { return a == db || a == "--db" }), " ")
		fmt.Fprintf(out, "| `lumbar %s` | %s | %s | %s | %s |\n", name, ms(s.median), ms(s.min), ms(s.max), ms(s.cpu))
	}
	for _, term := range []struct {
		name    string
		answers bool
		runs    int
	}{
		{"a terminal that answers", true, runs},
		{"a terminal that never answers", false, silentRuns},
	} {
		if term.runs < 1 {
			continue
		}
		s, err := timeFirstFrame(binary, db, term.answers, term.runs)
		if err != nil {
			return err
		}
		fmt.Fprintf(out, "| first frame of the app, %s (%s) | %s | %s | %s | – |\n", term.name, plural(term.runs, "run"), ms(s.median), ms(s.min), ms(s.max))
	}
	if crowd < 1 {
		return nil
	}
	crowded := filepath.Join(dir, "crowded.db")
	if err := makeCrowded(db, crowded, crowd); err != nil {
		return fmt.Errorf("making the crowded file: %w", err)
	}
	fmt.Fprintf(out, "\n| the app, Log open (%d runs) | file | median peak resident | min | max | median first frame | median Log drawn |\n|---|---|---|---|---|---|---|\n", memoryRuns)
	for _, file := range []struct{ name, path string }{
		{"10-year demo file", db},
		{fmt.Sprintf("the same with %d extra entries", crowd), crowded},
	} {
		runs, err := openTheLog(binary, file.path)
		if err != nil {
			return err
		}
		peaks := make([]int64, len(runs))
		var frames, logs []time.Duration
		for i, r := range runs {
			peaks[i] = r.peak
			frames, logs = append(frames, r.frame), append(logs, r.log)
		}
		slices.Sort(peaks)
		fmt.Fprintf(out, "| %s | %s | %s | %s | %s | %s | %s |\n", file.name, megabytes(fileSize(file.path)),
			megabytes(peaks[len(peaks)/2]), megabytes(peaks[0]), megabytes(peaks[len(peaks)-1]),
			ms(summarise(frames, nil).median), ms(summarise(logs, nil).median))
	}
	return nil
}

// memoryRuns is how often the app is opened on each file to measure its
// peak memory, which moves little from run to run.
const memoryRuns = 5

// makeCrowded copies the 10-year file to path and adds n pain entries
// spread over its years: a diary far busier than anyone's.
func makeCrowded(src, path string, n int) error {
	data, err := os.ReadFile(src)
	if err != nil {
		return err
	}
	if err := os.WriteFile(path, data, 0o600); err != nil {
		return err
	}
	s, err := store.Open(path)
	if err != nil {
		return err
	}
	return demodata.AddCrowd(s, n, time.Now(), 1)
}

// appRun is one start of the app that opened the Log: the times from
// exec to the tab bar and to the Log's entries on the screen (2 pressed
// as soon as the tab bar shows), and the most memory the process held by
// then.
type appRun struct {
	frame, log time.Duration
	peak       int64
}

// openTheLog starts the app on db memoryRuns times, opens the Log, waits
// for its entries, and reads the most memory the process has held so far
// (its peak resident set, VmHWM). The rusage of the ended process would
// not do: Linux keeps in it the peak of the process before exec, here
// lumbar-bench's own.
func openTheLog(binary, db string) ([]appRun, error) {
	var runs []appRun
	for range memoryRuns {
		cmd := exec.Command(binary, "--db", db)
		cmd.Env = append(os.Environ(), "TERM=xterm-256color")
		start := time.Now()
		ptmx, err := pty.StartWithSize(cmd, &pty.Winsize{Cols: 80, Rows: 24})
		if err != nil {
			return nil, fmt.Errorf("no pseudo-terminal: %w", err)
		}
		screen := &screenReader{ptmx: ptmx}
		var run appRun
		err = screen.waitFor("1 Guide")
		if err == nil {
			run.frame = time.Since(start)
			screen.forget() // the Guide may say "When" too
			_, _ = ptmx.WriteString("2")
			err = screen.waitFor("When") // the Log's first column
			run.log = time.Since(start)
		}
		if err == nil {
			run.peak, err = peakResident(cmd.Process.Pid)
		}
		if err != nil {
			_ = cmd.Process.Kill()
			_ = cmd.Wait()
			ptmx.Close()
			return nil, err
		}
		_, _ = ptmx.WriteString("q")
		err = waitQuit(cmd)
		ptmx.Close()
		if err != nil {
			return nil, err
		}
		runs = append(runs, run)
	}
	return runs, nil
}

// screenReader reads what the app draws, answering its start-up queries
// as a dark terminal does.
type screenReader struct {
	ptmx *os.File
	seen bytes.Buffer // what the app drew since forget
}

// forget makes waitFor look only at what the app draws from now on.
func (r *screenReader) forget() { r.seen.Reset() }

func (r *screenReader) waitFor(text string) error {
	buf := make([]byte, 32*1024)
	deadline := time.Now().Add(30 * time.Second)
	for !strings.Contains(xansi.Strip(r.seen.String()), text) {
		if time.Now().After(deadline) {
			return fmt.Errorf("the app drew no %q within 30 s", text)
		}
		n, err := r.ptmx.Read(buf)
		if err != nil {
			return fmt.Errorf("the app ended before drawing %q: %w", text, err)
		}
		r.seen.Write(buf[:n])
		answerQueries(r.ptmx, buf[:n])
	}
	return nil
}

// peakResident reads a running process's peak resident set.
func peakResident(pid int) (int64, error) {
	status, err := os.ReadFile(fmt.Sprintf("/proc/%d/status", pid))
	if err != nil {
		return 0, err
	}
	for line := range strings.Lines(string(status)) {
		if kb, ok := strings.CutPrefix(line, "VmHWM:"); ok {
			n, err := strconv.ParseInt(strings.TrimSuffix(strings.TrimSpace(kb), " kB"), 10, 64)
			return n * 1024, err
		}
	}
	return 0, errors.New("no VmHWM in " + fmt.Sprintf("/proc/%d/status", pid))
}

func fileSize(path string) int64 {
	info, err := os.Stat(path)
	if err != nil {
		return 0
	}
	return info.Size()
}

func megabytes(n int64) string {
	return fmt.Sprintf("%.0f MB", float64(n)/1e6)
}

// stats summarises the runs of one measurement.
type stats struct{ median, min, max, cpu time.Duration }

func summarise(wall, cpu []time.Duration) stats {
	slices.Sort(wall)
	slices.Sort(cpu)
	s := stats{median: median(wall), min: wall[0], max: wall[len(wall)-1]}
	if len(cpu) > 0 {
		s.cpu = median(cpu)
	}
	return s
}

func median(d []time.Duration) time.Duration {
	n := len(d)
	if n%2 == 1 {
		return d[n/2]
	}
	return (d[n/2-1] + d[n/2]) / 2
}

// timeCommand runs lumbar with args once to warm up, then runs times.
func timeCommand(binary string, args []string, runs int) (stats, error) {
	var wall, cpu []time.Duration
	for i := range runs + 1 {
		cmd := exec.Command(binary, args...)
		var stderr bytes.Buffer
		cmd.Stderr = &stderr
		start := time.Now()
		if err := cmd.Run(); err != nil {
			return stats{}, fmt.Errorf("lumbar %s: %v: %s", strings.Join(args, " "), err, stderr.String())
		}
		took := time.Since(start)
		if i == 0 {
			continue // the warm-up
		}
		wall = append(wall, took)
		cpu = append(cpu, cmd.ProcessState.UserTime()+cmd.ProcessState.SystemTime())
	}
	return summarise(wall, cpu), nil
}

// timeFirstFrame starts the app in an 80×24 pseudo-terminal runs times
// and times each from exec to the tab bar on the screen.
func timeFirstFrame(binary, db string, answers bool, runs int) (stats, error) {
	var wall []time.Duration
	for i := range runs + 1 {
		took, err := firstFrame(binary, db, answers)
		if err != nil {
			return stats{}, err
		}
		if i > 0 { // the first warms up
			wall = append(wall, took)
		}
	}
	return summarise(wall, nil), nil
}

// Replies of a dark terminal to the start-up queries: the background
// colour (OSC 11), then the device attributes (DA1) that follow it.
const (
	backgroundQuery = "\x1b]11;?"
	backgroundReply = "\x1b]11;rgb:0000/0000/0000\x1b\\"
	deviceQuery     = "\x1b[c"
	deviceReply     = "\x1b[?62;22c"
)

// answerQueries answers the start-up queries in what the app wrote.
func answerQueries(ptmx *os.File, written []byte) {
	if bytes.Contains(written, []byte(backgroundQuery)) {
		_, _ = ptmx.WriteString(backgroundReply)
	}
	if bytes.Contains(written, []byte(deviceQuery)) {
		_, _ = ptmx.WriteString(deviceReply)
	}
}

func firstFrame(binary, db string, answers bool) (time.Duration, error) {
	cmd := exec.Command(binary, "--db", db)
	cmd.Env = append(os.Environ(), "TERM=xterm-256color")
	start := time.Now()
	ptmx, err := pty.StartWithSize(cmd, &pty.Winsize{Cols: 80, Rows: 24})
	if err != nil {
		return 0, fmt.Errorf("no pseudo-terminal: %w", err)
	}
	defer ptmx.Close()
	var seen bytes.Buffer
	buf := make([]byte, 32*1024)
	deadline := time.Now().Add(30 * time.Second)
	for {
		if time.Now().After(deadline) {
			_ = cmd.Process.Kill()
			_ = cmd.Wait()
			return 0, errors.New("the app drew no tab bar within 30 s")
		}
		n, err := ptmx.Read(buf)
		if err != nil {
			_ = cmd.Wait()
			return 0, fmt.Errorf("the app ended before its first frame: %w", err)
		}
		seen.Write(buf[:n])
		if answers {
			answerQueries(ptmx, buf[:n])
		}
		if strings.Contains(xansi.Strip(seen.String()), "1 Guide") {
			took := time.Since(start)
			_, _ = ptmx.WriteString("q")
			return took, waitQuit(cmd)
		}
	}
}

// waitQuit waits for the app to end after q, killing it after a while.
func waitQuit(cmd *exec.Cmd) error {
	done := make(chan error, 1)
	go func() { done <- cmd.Wait() }()
	select {
	case err := <-done:
		return err
	case <-time.After(10 * time.Second):
		_ = cmd.Process.Kill()
		return errors.New("the app did not quit on q")
	}
}

func ms(d time.Duration) string {
	return fmt.Sprintf("%.1f ms", float64(d.Microseconds())/1000)
}

// machine names the computer: processor, cores, system.
func machine() string {
	cpu := runtime.GOARCH
	if info, err := os.ReadFile("/proc/cpuinfo"); err == nil {
		for line := range strings.Lines(string(info)) {
			if name, ok := strings.CutPrefix(line, "model name"); ok {
				cpu = strings.TrimSpace(strings.TrimLeft(name, " \t:"))
				break
			}
		}
	}
	return fmt.Sprintf("%s, %d cores, %s", cpu, runtime.NumCPU(), runtime.GOOS)
}

func plural(n int, word string) string {
	if n == 1 {
		return "1 " + word
	}
	return fmt.Sprintf("%d %ss", n, word)
}
