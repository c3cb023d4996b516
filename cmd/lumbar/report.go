package main

import (
	"errors"
	"fmt"
	"io/fs"
	"os/exec"
	"path/filepath"
	"runtime"

	"lumbar/content"
	"lumbar/store/diary"
	"lumbar/store/report"
	"lumbar/store/text"
)

var reportCommand = command{
	name: "report", synopsis: "[--days N | --from D --to D] [--out F] [--notes] [--open]",
	summary: "write a report of your diary for your doctor (one HTML file)",
	about: fmt.Sprintf(`Write a report of the last N days (default %d, today included), or of
--from DATE to --to DATE (default today), for a doctor or physiotherapist:
one HTML file that opens in any browser, even without a network, and
prints on at most two pages for %d days. It shows the warning signs you
logged first, your pain over time, where it hurt and what helped, your
stretching and habits, and what went together with better or worse days.
It says it was made by lumbar from your own entries and is not a
diagnosis. Your notes stay out unless you add --notes.

The file goes to the current folder, named by its period, unless --out
names it; an existing file is never replaced without --force.`, report.DefaultDays, report.DefaultDays),
	flags: append(periodFlags(report.DefaultDays), []flagSpec{
		{"out", "FILE", "the file to write (default: lumbar-report-FROM-to-TO.html here)"},
		{"notes", "", "include your notes (they are private by default)"},
		{"open", "", "open the report in your browser once written"},
		{"force", "", "replace FILE if it exists"},
	}...),
	run: runReport,
}

func runReport(inv *invocation) error {
	a := inv.args
	if err := a.noArguments(); err != nil {
		return err
	}
	period, err := periodArgs(a, diary.DayOf(inv.now()), report.DefaultDays)
	if err != nil {
		return err
	}
	out := a.value("out")
	if a.has("out") && out == "" {
		return a.refuseUsage("--out needs a file name, not an empty one")
	}
	if out == "" {
		out = report.FileName(period)
	}
	s, err := inv.openDiaryToRead()
	if err != nil {
		return err
	}
	records, err := report.Read(s, period)
	if err != nil {
		return err
	}
	page, err := report.HTML(records, report.Options{Period: period, Made: inv.now(), Notes: a.has("notes"),
		RoutineName: content.RoutineNames(inv.getenv)})
	if err != nil {
		return err
	}
	err = report.WriteFile(out, page, a.has("force"))
	if errors.Is(err, fs.ErrExist) {
		return fmt.Errorf("%s already exists; name another file with --out, or add --force to replace it", quote(out))
	}
	if err != nil {
		return err
	}
	if abs, err := filepath.Abs(out); err == nil {
		out = abs
	}
	fmt.Fprintf(inv.stdout, "wrote the report of %s (%s) to %s\n", text.Plural(period.Days(), "day"), period, quote(out))
	if a.has("open") {
		if err := inv.openFile(out); err != nil {
			return fmt.Errorf("the report is written, but it could not be opened: %w; open it in a browser yourself", err)
		}
	}
	return nil
}

// openWithSystem opens a file with the desktop's own opener: xdg-open on
// Linux and the BSDs, open on macOS, the file's program on Windows. It
// does not wait for the browser.
func openWithSystem(path string) error {
	name, args := openerArgs(runtime.GOOS, path)
	bin, err := exec.LookPath(name)
	if err != nil {
		return fmt.Errorf("no %s found", name)
	}
	cmd := exec.Command(bin, args...)
	if err := cmd.Start(); err != nil {
		return err
	}
	return cmd.Process.Release()
}

func openerArgs(goos, path string) (name string, args []string) {
	switch goos {
	case "darwin":
		return "open", []string{path}
	case "windows":
		return "rundll32", []string{"url.dll,FileProtocolHandler", path}
	}
	return "xdg-open", []string{path}
}
