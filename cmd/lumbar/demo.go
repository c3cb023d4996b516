package main

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"

	"lumbar/store/demodata"
)

const demoHelp = `Usage: lumbar demo [--years N] [--out PATH]

Open the app on made-up data: a throw-away file with N years (default 1)
of realistic entries, water and stretch sessions, so you can see the
charts and insights before you have your own. The file is deleted when you
quit; your own data is not touched.

Flags:
  --years N    how many years of data, 1 to 10
  --out PATH   write the data to a new file at PATH and exit, instead of
               opening the app (look at it later with lumbar --db PATH)
`

const maxDemoYears = 10

func runDemo(inv *invocation, args []string) int {
	f := newCommandFlags("demo", demoHelp)
	years := f.Int("years", 1, "")
	out := f.String("out", "", "")
	if code, done := parseFlagsOnly(inv, f, args); done {
		return code
	}
	if *years < 1 || *years > maxDemoYears {
		return fail(inv.system, fmt.Errorf("--years must be from 1 to %d, not %d", maxDemoYears, *years))
	}
	if *out != "" {
		return writeDemo(inv, *out, *years)
	}
	if !hasTerminal(inv) {
		return noTerminal(inv)
	}
	dir, err := os.MkdirTemp("", "lumbar-demo-")
	if err != nil {
		return fail(inv.system, err)
	}
	defer os.RemoveAll(dir)
	s, _, err := demodata.Build(filepath.Join(dir, "demo.db"), *years, inv.now())
	if err != nil {
		return fail(inv.system, err)
	}
	inv.store = s
	return runApp(inv)
}

func writeDemo(inv *invocation, path string, years int) int {
	_, counts, err := demodata.Build(path, years, inv.now())
	if errors.Is(err, fs.ErrExist) {
		return fail(inv.system, fmt.Errorf("%s already exists; lumbar demo only writes a new file", path))
	}
	if err != nil {
		return fail(inv.system, err)
	}
	fmt.Fprintf(inv.stdout, "wrote %d year(s) of made-up data to %s: %d pain entries, %d water logs, %d stretch sessions\n",
		years, path, counts.Pain, counts.Water, counts.Sessions)
	fmt.Fprintf(inv.stdout, "open it with: lumbar --db %s\n", path)
	return exitOK
}
