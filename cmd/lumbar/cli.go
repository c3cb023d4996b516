package main

import (
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"runtime/debug"
	"strings"
	"time"

	"github.com/adrg/xdg"

	"lumbar/store"
)

// Exit statuses.
const (
	exitOK    = 0
	exitError = 1
	exitUsage = 2
)

// system is the outside world a run sees; tests replace it.
type system struct {
	stdin          *os.File
	stdout, stderr io.Writer
	getenv         func(string) string
	now            func() time.Time
}

// invocation is one run of lumbar after the global flags are read.
type invocation struct {
	system
	store *store.Store
}

// command is one subcommand: `lumbar NAME ARGS`.
type command struct {
	name    string
	args    string // argument synopsis for the usage text
	summary string
	run     func(inv *invocation, args []string) int
	// ownData: the command picks its own data file (demo), so the
	// person's file is neither opened nor created.
	ownData bool
	// readsOnly: the command never writes (status runs every few seconds),
	// so it opens the file without walking every page, and cannot write.
	readsOnly bool
}

// commands lists the subcommands in the order the usage shows them.
func commands() []command {
	return []command{
		{name: "guide", args: "[SECTION-ID]", summary: "print the back-care guide, or one section (--list, --tip)", run: runGuide, readsOnly: true},
		{name: "log", args: "PAIN [flags]", summary: "log your pain now, 0–10, with optional details (see lumbar log --help)", run: runLog},
		{name: "history", args: "[--days N] [--json]", summary: "list your entries of the last N days", run: runHistory, readsOnly: true},
		{name: "stats", args: "[--days N] [--json]", summary: "insights and a sparkline of the last N days", run: runStats, readsOnly: true},
		{name: "routines", args: "[--json] [--stretches] | check [FILE]", summary: "list routines or stretches; check a routine file", run: runRoutines, readsOnly: true},
		{name: "stretch", args: "ROUTINE", summary: "follow ROUTINE in the app's player", run: runStretch},
		{name: "water", args: "[N] [--ml N]", summary: "log N glasses of water (default 1), or an exact amount", run: runWater},
		{name: "status", args: "[--ascii] [--json]", summary: "one line for a status bar: water, pain, next reminder", run: runStatus, readsOnly: true},
		{name: "config", args: "list | get KEY | set KEY VALUE", summary: "show or change settings", run: runConfig},
		{name: "demo", args: "[--years N] [--out PATH]", summary: "try the app on made-up data (your own is not touched)", run: runDemo, ownData: true},
		{name: "backup", args: "FILE", summary: "write a consistent copy of your data to FILE", run: runBackup, readsOnly: true},
	}
}

func run(args []string, sys system) int {
	flags := flag.NewFlagSet("lumbar", flag.ContinueOnError)
	flags.SetOutput(io.Discard) // errors are reported below, in one line
	dbFlag := flags.String("db", "", "")
	version := flags.Bool("version", false, "")
	if err := flags.Parse(args); err != nil {
		if errors.Is(err, flag.ErrHelp) {
			printUsage(sys.stdout, sys)
			return exitOK
		}
		return usageError(sys, err.Error())
	}
	if *version {
		fmt.Fprintln(sys.stdout, "lumbar", buildVersion())
		return exitOK
	}
	var cmd *command
	if name := flags.Arg(0); name != "" {
		cmd = findCommand(name)
		if cmd == nil {
			return usageError(sys, fmt.Sprintf("unknown command %q", name))
		}
	}
	if cmd != nil && cmd.ownData {
		return cmd.run(&invocation{system: sys}, flags.Args()[1:])
	}
	// The data file is checked before anything else, so a bad file is
	// reported as a plain line even with no terminal.
	open := store.Open
	if cmd != nil && cmd.readsOnly {
		open = store.OpenToRead
	}
	s, err := open(dataPath(*dbFlag, sys.getenv))
	if err != nil {
		return fail(sys, err)
	}
	inv := &invocation{system: sys, store: s}
	if cmd != nil {
		return cmd.run(inv, flags.Args()[1:])
	}
	return runApp(inv)
}

func findCommand(name string) *command {
	for _, c := range commands() {
		if c.name == name {
			return &c
		}
	}
	return nil
}

func fail(sys system, err error) int {
	fmt.Fprintln(sys.stderr, "lumbar:", oneLine(err.Error()))
	return exitError
}

// commandUsage reports a subcommand's bad flags or arguments: help asked
// for is printed to stdout with status 0, anything else to stderr with 2.
func commandUsage(sys system, flags *flag.FlagSet, err error, usage string) int {
	if errors.Is(err, flag.ErrHelp) {
		fmt.Fprint(sys.stdout, usage)
		return exitOK
	}
	fmt.Fprintf(sys.stderr, "lumbar %s: %s\n%s", flags.Name(), oneLine(err.Error()), usage)
	return exitUsage
}

func usageError(sys system, problem string) int {
	fmt.Fprintln(sys.stderr, "lumbar:", problem)
	printUsage(sys.stderr, sys)
	return exitUsage
}

// oneLine keeps an error message on a single line.
func oneLine(s string) string {
	return strings.Join(strings.Fields(s), " ")
}

// dataPath picks the data file: --db, then $LUMBAR_DB, then the XDG data
// folder.
func dataPath(flagValue string, getenv func(string) string) string {
	if flagValue != "" {
		return flagValue
	}
	if env := getenv("LUMBAR_DB"); env != "" {
		return env
	}
	dataHome := getenv("XDG_DATA_HOME")
	if !filepath.IsAbs(dataHome) { // the spec says to ignore relative values
		dataHome = xdg.DataHome
	}
	return filepath.Join(dataHome, "lumbar", "lumbar.db")
}

func buildVersion() string {
	info, ok := debug.ReadBuildInfo()
	if !ok || info.Main.Version == "" || info.Main.Version == "(devel)" {
		return "dev"
	}
	return info.Main.Version
}

func printUsage(w io.Writer, sys system) {
	fmt.Fprint(w, `lumbar — a calm companion for lower back pain

Usage:
  lumbar [--db PATH]                    open the app
  lumbar [--db PATH] COMMAND [ARGS]     do one thing and exit

Commands:
`)
	for _, c := range commands() { // two lines each, to stay within 80 columns
		fmt.Fprintf(w, "  %s %s\n      %s\n", c.name, c.args, c.summary)
	}
	fmt.Fprintf(w, `
Flags:
  --db PATH    the data file (also $LUMBAR_DB)
  --version    print the version
  -h, --help   show this help

Your data stays on this computer, in %s
`, dataPath("", sys.getenv))
}
