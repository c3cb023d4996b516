package main

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"

	"lumbar/store/demodata"
	"lumbar/store/text"
)

var demoCommand = command{
	name: "demo", synopsis: "[--years N] [--out PATH]", summary: "try the app on made-up data (your own is not touched)",
	about: `Open the app on made-up data: a throw-away file with N years (default 1)
of realistic entries, water and stretch sessions, so you can see the
charts and insights before you have your own. The file is deleted when you
quit; your own data is not touched.`,
	flags: []flagSpec{
		{"years", "N", fmt.Sprintf("how many years of data, 1 to %d", maxDemoYears)},
		{"out", "PATH", "write the data to a new file at PATH and exit, instead of opening the app (look at it later with lumbar --db PATH)"},
	},
	run: runDemo,
}

const maxDemoYears = 10

func runDemo(inv *invocation) error {
	a := inv.args
	if err := a.noArguments(); err != nil {
		return err
	}
	years, err := a.intValue("years", 1, 1, maxDemoYears)
	if err != nil {
		return err
	}
	if a.has("out") {
		return writeDemo(inv, a.value("out"), years)
	}
	if !hasTerminal(inv) {
		return errNoTerminal
	}
	// Caught before the folder exists, released after it is gone: no
	// signal can end the process with the folder left behind.
	signals := catchSignals()
	defer signals.release()
	dir, err := os.MkdirTemp("", "lumbar-demo-")
	if err != nil {
		return err
	}
	defer os.RemoveAll(dir)
	s, _, err := demodata.Build(filepath.Join(dir, "demo.db"), years, inv.now())
	if err != nil {
		return err
	}
	if sig := signals.caught(); sig != nil {
		return stoppedError{sig} // stopped while the data was being made
	}
	return runProgram(inv, s, "", signals)
}

func writeDemo(inv *invocation, path string, years int) error {
	_, counts, err := demodata.Build(path, years, inv.now())
	if errors.Is(err, fs.ErrExist) {
		return fmt.Errorf("%s already exists; lumbar demo only writes a new file", quote(path))
	}
	if err != nil {
		return err
	}
	shown := quote(path)
	fmt.Fprintf(inv.stdout, "wrote %s of made-up data to %s: %s, %s, %s\n",
		text.Plural(years, "year"), shown, text.Plural(counts.Pain, "pain entry"),
		text.Plural(counts.Water, "water log"), text.Plural(counts.Sessions, "stretch session"))
	fmt.Fprintf(inv.stdout, "open it with: lumbar --db %s\n", shellWord(path))
	return nil
}
