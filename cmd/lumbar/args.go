package main

import (
	"errors"
	"flag"
	"fmt"
	"io"
	"regexp"
	"strconv"
	"strings"

	"lumbar/store"
)

// commandFlags are one command's flags. Flags may come before or after
// the command's arguments (`lumbar log 6 --where leg-left`), and a
// negative number is an argument, not a flag, so `lumbar log -1` is
// refused as a rating rather than as an unknown flag.
type commandFlags struct {
	*flag.FlagSet
	help string // the whole of `lumbar NAME --help`
}

func newCommandFlags(name, help string) *commandFlags {
	fs := flag.NewFlagSet(name, flag.ContinueOnError)
	fs.SetOutput(io.Discard) // problems are reported in one line by the caller
	return &commandFlags{FlagSet: fs, help: help}
}

// parse reads the flags among args and returns the other arguments.
// flag.ErrHelp means help was asked for.
func (f *commandFlags) parse(args []string) ([]string, error) {
	flagArgs, positional := f.split(args)
	if err := f.Parse(flagArgs); err != nil {
		return nil, f.explain(err)
	}
	return positional, nil
}

func (f *commandFlags) split(args []string) (flagArgs, positional []string) {
	for i := 0; i < len(args); i++ {
		arg := args[i]
		switch {
		case arg == "--":
			return flagArgs, append(positional, args[i+1:]...)
		case !strings.HasPrefix(arg, "-") || arg == "-" || isNumber(arg):
			positional = append(positional, arg)
		default:
			flagArgs = append(flagArgs, arg)
			name := strings.TrimLeft(arg, "-")
			if strings.Contains(name, "=") {
				continue
			}
			if fl := f.Lookup(name); fl != nil && !isBoolFlag(fl) && i+1 < len(args) {
				i++ // the flag's value, even if it looks like a flag or number
				flagArgs = append(flagArgs, args[i])
			}
		}
	}
	return flagArgs, positional
}

func isNumber(s string) bool {
	_, err := strconv.ParseFloat(s, 64)
	return err == nil
}

func isBoolFlag(fl *flag.Flag) bool {
	b, ok := fl.Value.(interface{ IsBoolFlag() bool })
	return ok && b.IsBoolFlag()
}

// invalidValue matches the flag package's complaint about a number flag.
var invalidValue = regexp.MustCompile(`^invalid value (".*") for flag -(\S+): `)

// explain turns the flag package's messages into lumbar's own.
func (f *commandFlags) explain(err error) error {
	if errors.Is(err, flag.ErrHelp) {
		return err
	}
	const undefined = "flag provided but not defined: -"
	if name, ok := strings.CutPrefix(err.Error(), undefined); ok {
		msg := fmt.Sprintf("unknown flag --%s", store.Printable(name))
		var names []string
		f.VisitAll(func(fl *flag.Flag) { names = append(names, fl.Name) })
		if best, ok := store.Closest(name, names); ok {
			msg += fmt.Sprintf("; did you mean --%s?", best)
		}
		return errors.New(msg)
	}
	if name, ok := strings.CutPrefix(err.Error(), "flag needs an argument: -"); ok {
		return fmt.Errorf("--%s needs a value", name)
	}
	if m := invalidValue.FindStringSubmatch(err.Error()); m != nil {
		return fmt.Errorf("--%s must be a whole number, not %s", m[2], store.Printable(m[1]))
	}
	return err
}

// runCommandFlags parses args for command name and handles --help and
// misuse; done is true when the command should return code at once.
func runCommandFlags(inv *invocation, f *commandFlags, args []string) (positional []string, code int, done bool) {
	positional, err := f.parse(args)
	switch {
	case errors.Is(err, flag.ErrHelp):
		fmt.Fprint(inv.stdout, f.help)
		return nil, exitOK, true
	case err != nil:
		return nil, misuse(inv.system, f.Name(), err.Error()), true
	}
	return positional, exitOK, false
}

// parseFlagsOnly parses the flags of a command that takes no arguments.
func parseFlagsOnly(inv *invocation, f *commandFlags, args []string) (code int, done bool) {
	positional, code, done := runCommandFlags(inv, f, args)
	if done {
		return code, true
	}
	if len(positional) > 0 {
		return misuse(inv.system, f.Name(), fmt.Sprintf("%s takes no arguments, only flags, not %q", f.Name(), store.Printable(positional[0]))), true
	}
	return exitOK, false
}

// misuse reports a command used wrongly, in one line, pointing at its help.
func misuse(sys system, name, problem string) int {
	fmt.Fprintf(sys.stderr, "lumbar: %s (see lumbar %s --help)\n", oneLine(problem), name)
	return exitUsage
}

// spanFlags are what history and stats take: how many days back, and
// whether to print JSON.
type spanFlags struct {
	days int
	json bool
}

// maxDays is ten years: the most --days covers.
const maxDays = 3660

func parseSpanFlags(inv *invocation, name, help string, args []string) (span spanFlags, code int, done bool) {
	f := newCommandFlags(name, help)
	f.IntVar(&span.days, "days", 30, "")
	f.BoolVar(&span.json, "json", false, "")
	if code, done := parseFlagsOnly(inv, f, args); done {
		return span, code, true
	}
	if span.days < 1 || span.days > maxDays {
		return span, fail(inv.system, fmt.Errorf("--days must be from 1 to %d, not %d", maxDays, span.days)), true
	}
	return span, exitOK, false
}
