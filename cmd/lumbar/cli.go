package main

import (
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"runtime/debug"
	"strings"
	"time"

	"github.com/adrg/xdg"

	"lumbar/store"
	"lumbar/store/text"
)

// Exit statuses.
const (
	exitOK    = 0
	exitError = 1 // something failed while doing what was asked
	exitUsage = 2 // what was typed was refused; nothing was done
)

// system is the outside world a run sees; tests replace it.
type system struct {
	stdin          *os.File
	stdout, stderr io.Writer
	getenv         func(string) string
	now            func() time.Time
	openFile       func(path string) error // opens a file in the desktop's own program
}

// invocation is one run of lumbar: the outside world and the command
// line as read.
type invocation struct {
	system
	args  *parsedArgs
	diary *store.Store // the data file as the command opened it, if it did
}

// command is one subcommand: `lumbar NAME ARGS`. Its help is made from
// these fields, so what it accepts and what its help says are one table.
type command struct {
	name     string
	synopsis string // what follows `lumbar NAME` in the usage
	summary  string // one line for the list of commands
	about    string // the help's description, after the usage line
	flags    []flagSpec
	more     func() string // help after the flags (words, JSON shapes); may be nil
	run      func(inv *invocation) error
}

// commands lists the subcommands in the order the usage shows them.
func commands() []command {
	return []command{
		guideCommand, logCommand, historyCommand, editCommand, deleteCommand, undoCommand, statsCommand,
		routinesCommand, stretchCommand, waterCommand, doneCommand, snoozeCommand, dismissCommand, remindCommand, statusCommand, configCommand, reportCommand,
		sessionsCommand, exportCommand, importCommand, syncCommand, demoCommand, backupCommand, restoreCommand, checkCommand, helpCommand(),
	}
}

func run(args []string, sys system) int {
	a, err := parseArgs(args)
	inv := &invocation{system: sys, args: a}
	switch {
	case a.has("help"):
		return inv.report(showHelp(inv, a.cmd))
	case err != nil:
		return inv.report(err)
	case a.has("version"):
		fmt.Fprintln(sys.stdout, "lumbar", buildVersion())
		return exitOK
	case a.cmd != nil:
		err := a.cmd.run(inv)
		if err == nil {
			inv.noteSkipped()
		}
		return inv.report(err)
	}
	return inv.report(runApp(inv))
}

// errShown is a failure the command has already told about.
var errShown = errors.New("failed; already reported")

// report turns a command's outcome into its exit status, telling about a
// failure in one line: a refusal of what was typed is 2, anything that
// went wrong while doing it 1, an app ended by a signal 128 + its number.
func (inv *invocation) report(err error) int {
	var stopped stoppedError
	var quiet quietExit
	switch {
	case err == nil:
		return exitOK
	case errors.As(err, &quiet):
		return int(quiet)
	case errors.Is(err, errShown):
		return exitError
	case errors.As(err, &stopped):
		return stopped.exitStatus()
	}
	fmt.Fprintln(inv.stderr, "lumbar:", oneLine(text.Printable(err.Error())))
	if isRefusal(err) {
		return exitUsage
	}
	return exitError
}

// openDiary opens the data file for writing, creating it if it is missing.
func (inv *invocation) openDiary() (*store.Store, error) {
	path, err := dataPath(inv.args.value("db"), inv.getenv)
	if err != nil {
		return nil, err
	}
	inv.diary, err = store.Open(path)
	return inv.diary, err
}

// noteSkipped says, after a command that did what was asked, that damaged
// records were left out of what it read.
func (inv *invocation) noteSkipped() {
	if inv.diary != nil && inv.diary.Skipped() > 0 {
		fmt.Fprintln(inv.stderr, "lumbar:", store.SkippedNote(inv.diary.Skipped()))
	}
}

// openDiaryToRead opens the data file for a command that only reads; it
// creates nothing. A diary not made yet is nil: it reads as empty.
func (inv *invocation) openDiaryToRead() (*store.Store, error) {
	path, err := dataPath(inv.args.value("db"), inv.getenv)
	if err != nil {
		return nil, err
	}
	s, err := store.OpenToRead(path)
	if errors.Is(err, fs.ErrNotExist) {
		return nil, nil
	}
	if s != nil {
		inv.diary = s
	}
	return s, err
}

// oneLine keeps an error message on a single line.
func oneLine(s string) string {
	return strings.Join(strings.Fields(s), " ")
}

// dataPath picks the data file: --db, then $LUMBAR_DB, then the XDG data
// folder, which needs a home folder: without one (HOME unset, as under
// env -i) the diary would land at the filesystem's root.
func dataPath(flagValue string, getenv func(string) string) (string, error) {
	if flagValue != "" {
		return flagValue, nil
	}
	if env := getenv("LUMBAR_DB"); env != "" {
		return env, nil
	}
	dataHome := getenv("XDG_DATA_HOME")
	if !filepath.IsAbs(dataHome) { // the spec says to ignore relative values
		if !usableHome(getenv("HOME")) {
			return "", errNoHome
		}
		dataHome = xdg.DataHome
	}
	return filepath.Join(dataHome, "lumbar", "lumbar.db"), nil
}

var errNoHome = errors.New("no home folder to keep your diary in (HOME is not set to a folder); pass --db PATH or set LUMBAR_DB")

func usableHome(home string) bool {
	if !filepath.IsAbs(home) {
		return false
	}
	info, err := os.Stat(home)
	return err == nil && info.IsDir()
}

func buildVersion() string {
	info, ok := debug.ReadBuildInfo()
	if !ok || info.Main.Version == "" || info.Main.Version == "(devel)" {
		return "dev"
	}
	return info.Main.Version
}
