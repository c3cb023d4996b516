package report

import (
	"bytes"
	"context"
	"flag"
	"image/png"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"
	"time"
)

// The browser test renders a report in a real browser, headless
// Chromium: printed to PDF it must fit two pages, on A4 and on Letter,
// and drawn on screen it must log nothing to the console (no script, no
// failed request, no CSS the browser refuses).
//
// Chromium is driven through its own command-line flags rather than
// chromedp: --print-to-pdf and --screenshot do the rendering, and
// --enable-logging=stderr writes every console message to stderr, so a
// console error is seen without the DevTools protocol or another module.

// chromiumFlags keep a headless Chromium off the network (the machine may
// have none, and a report must need none) and away from the person's
// profile.
var chromiumFlags = []string{
	"--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
	"--disable-background-networking", "--disable-component-update", "--disable-sync",
	"--enable-logging=stderr", "--v=0", "--no-pdf-header-footer", "--hide-scrollbars",
}

// chromiumTimeout bounds one Chromium run; it takes about two seconds.
const chromiumTimeout = 2 * time.Minute

// chromium finds Chromium, failing (never skipping) when it is missing,
// so a fresh machine's go test says what to install.
func chromium(t *testing.T) string {
	t.Helper()
	for _, name := range []string{"chromium", "chromium-browser"} {
		if path, err := exec.LookPath(name); err == nil {
			return path
		}
	}
	t.Fatal("this test needs Chromium to render the report and it is not installed: " +
		"apt-get install chromium (Debian; .ci/run installs it), or put a chromium on PATH")
	return ""
}

// renderIn runs Chromium on the HTML file page with the flags given and
// returns what it logged.
func renderIn(t *testing.T, page string, flags ...string) string {
	t.Helper()
	ctx, cancel := context.WithTimeout(context.Background(), chromiumTimeout)
	defer cancel()
	args := append(append(append([]string{}, chromiumFlags...), "--user-data-dir="+t.TempDir()), flags...)
	cmd := exec.CommandContext(ctx, chromium(t), append(args, "file://"+page)...)
	var logged bytes.Buffer
	cmd.Stdout, cmd.Stderr = &logged, &logged
	if err := cmd.Run(); err != nil {
		t.Fatalf("chromium %s: %v\n%s", strings.Join(flags, " "), err, logged.String())
	}
	return logged.String()
}

// consoleLine is how Chromium's log shows a console message.
var consoleLine = regexp.MustCompile(`(?m)^.*:CONSOLE[:(].*$`)

func consoleMessages(log string) []string { return consoleLine.FindAllString(log, -1) }

// pdfPage matches a page object of a PDF (not the /Pages tree).
var pdfPage = regexp.MustCompile(`/Type\s*/Page\b[^s]`)

// pdfPages counts the pages of a PDF and reads the first page's size in
// points.
func pdfPages(t *testing.T, path string) (pages int, width, height float64) {
	t.Helper()
	raw, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.HasPrefix(raw, []byte("%PDF-")) {
		t.Fatalf("%s is not a PDF", path)
	}
	box := regexp.MustCompile(`/MediaBox\s*\[\s*0\s+0\s+([\d.]+)\s+([\d.]+)\s*\]`).FindSubmatch(raw)
	if box == nil {
		t.Fatal("the PDF has no page size")
	}
	width, _ = strconv.ParseFloat(string(box[1]), 64)
	height, _ = strconv.ParseFloat(string(box[2]), 64)
	return len(pdfPage.FindAll(raw, -1)), width, height
}

// The checks above must be able to fail: a page with three pages and a
// console error is seen as such.
func TestChromiumChecksSeeErrorsAndPages(t *testing.T) {
	if testing.Short() {
		t.Skip("starts Chromium")
	}
	dir := t.TempDir()
	page := filepath.Join(dir, "bad.html")
	bad := `<!DOCTYPE html><title>x</title><p>one</p><p style="break-before:page">two</p>` +
		`<p style="break-before:page">three</p><script>console.error("broken")</script>`
	if err := os.WriteFile(page, []byte(bad), 0o600); err != nil {
		t.Fatal(err)
	}
	pdf := filepath.Join(dir, "bad.pdf")
	log := renderIn(t, page, "--print-to-pdf="+pdf)
	if n, _, _ := pdfPages(t, pdf); n != 3 {
		t.Errorf("counted %d pages of 3", n)
	}
	if msgs := consoleMessages(log); len(msgs) != 1 || !strings.Contains(msgs[0], "broken") {
		t.Errorf("console messages %q, want the one error", msgs)
	}
}

// papers are the sizes a report must print on, in points.
var papers = []struct {
	name          string
	width, height float64
}{{"A4", 595.3, 841.9}, {"letter", 612, 792}}

func TestChromiumPrintsNinetyDaysOnTwoPages(t *testing.T) {
	if testing.Short() {
		t.Skip("starts Chromium")
	}
	s := demoStore(t)
	addFlaggedEntries(t, s) // warning signs, a long note: the most a report holds
	for _, notes := range []bool{false, true} {
		page := reportOf(t, s, lastDemoDays(90), notes)
		for _, paper := range papers {
			name := paper.name
			if notes {
				name += " with notes"
			}
			t.Run(name, func(t *testing.T) {
				dir := t.TempDir()
				file := filepath.Join(dir, "report.html")
				sized := bytes.Replace(page, []byte("@page {"), []byte("@page { size: "+paper.name+";"), 1)
				if err := os.WriteFile(file, sized, 0o600); err != nil {
					t.Fatal(err)
				}
				pdf := filepath.Join(dir, "report.pdf")
				log := renderIn(t, file, "--print-to-pdf="+pdf)
				pages, w, h := pdfPages(t, pdf)
				if pages < 1 || pages > 2 {
					t.Errorf("printed on %d pages; at most 2", pages)
				}
				if abs(w-paper.width) > 1 || abs(h-paper.height) > 1 {
					t.Errorf("printed on %.0f×%.0f points, not %s", w, h, paper.name)
				}
				if msgs := consoleMessages(log); len(msgs) > 0 {
					t.Errorf("the browser's console says: %q", msgs)
				}
			})
		}
	}
}

func TestChromiumDrawsTheReportWithoutConsoleErrors(t *testing.T) {
	if testing.Short() {
		t.Skip("starts Chromium")
	}
	s := demoStore(t)
	dir := t.TempDir()
	file := filepath.Join(dir, "report.html")
	if err := os.WriteFile(file, reportOf(t, s, lastDemoDays(90), false), 0o600); err != nil {
		t.Fatal(err)
	}
	shot := filepath.Join(dir, "report.png")
	log := renderIn(t, file, "--screenshot="+shot, "--window-size=800,1130")
	if msgs := consoleMessages(log); len(msgs) > 0 {
		t.Errorf("the browser's console says: %q", msgs)
	}
	raw, err := os.ReadFile(shot)
	if err != nil {
		t.Fatal(err)
	}
	img, err := png.Decode(bytes.NewReader(raw))
	if err != nil {
		t.Fatalf("the screenshot is not a PNG: %v", err)
	}
	if b := img.Bounds(); b.Dx() != 800 || b.Dy() != 1130 {
		t.Errorf("the screenshot is %v", b)
	}
	// go test ./store/report -update keeps it as the README's picture.
	if f := flag.Lookup("update"); f != nil && f.Value.String() == "true" {
		if err := os.WriteFile(filepath.Join("testdata", "first-page.png"), raw, 0o644); err != nil {
			t.Fatal(err)
		}
	}
}

func abs(v float64) float64 {
	if v < 0 {
		return -v
	}
	return v
}
