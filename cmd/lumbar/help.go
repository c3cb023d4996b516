package main

import (
	"fmt"
	"io"
	"slices"
	"strings"
	"unicode/utf8"
)

// helpCommand is `lumbar help [COMMAND]`: the same text as --help.
func helpCommand() command {
	return command{
		name: "help", synopsis: "[COMMAND]", summary: "what lumbar, or one COMMAND, does and takes",
		about: `Show the usage of lumbar, or everything about one command (the same
as lumbar COMMAND --help).`,
		run: runHelp,
	}
}

func runHelp(inv *invocation) error {
	switch args := inv.args.positional; len(args) {
	case 0:
		return showHelp(inv, nil)
	case 1:
		cmd, err := findCommandOrRefuse(args[0])
		if err != nil {
			return err
		}
		return showHelp(inv, cmd)
	}
	return inv.args.refuseUsage("help takes one command at a time")
}

// showHelp prints lumbar's usage (cmd nil) or one command's help to stdout.
func showHelp(inv *invocation, cmd *command) error {
	if cmd == nil {
		printUsage(inv.stdout, inv.getenv)
		return nil
	}
	_, err := io.WriteString(inv.stdout, commandHelp(cmd))
	return err
}

// commandHelp is the whole of `lumbar NAME --help`.
func commandHelp(c *command) string {
	var b strings.Builder
	fmt.Fprintf(&b, "Usage: %s\n\n%s\n\nFlags:\n", usageLine(c), strings.TrimSpace(c.about))
	writeFlags(&b, append(slices.Clone(c.flags),
		flagSpec{name: "db", value: "PATH", about: "the data file (also $LUMBAR_DB)"},
		flagSpec{name: "help", about: "show this help (also -h)"}))
	if c.more != nil {
		b.WriteString("\n" + strings.TrimLeft(c.more(), "\n"))
	}
	return b.String()
}

// helpWidth is the width help text is wrapped to.
const helpWidth = 80

// writeFlags lists flags in two columns, each description wrapped to
// helpWidth under its own column.
func writeFlags(b *strings.Builder, flags []flagSpec) {
	names := make([]string, len(flags))
	column := 0
	for i, f := range flags {
		names[i] = strings.TrimSpace("--" + f.name + " " + f.value)
		column = max(column, len(names[i]))
	}
	indent := 2 + column + 3
	for i, f := range flags {
		lines := wrapWords(f.about, helpWidth-indent)
		fmt.Fprintf(b, "  %-*s   %s\n", column, names[i], lines[0])
		for _, line := range lines[1:] {
			fmt.Fprintf(b, "%*s%s\n", indent, "", line)
		}
	}
}

// wrapWords breaks text into lines of at most width columns, between words.
func wrapWords(text string, width int) []string {
	var lines []string
	line := ""
	for _, word := range strings.Fields(text) {
		switch {
		case line == "":
			line = word
		case utf8.RuneCountInString(line)+1+utf8.RuneCountInString(word) > width:
			lines = append(lines, line)
			line = word
		default:
			line += " " + word
		}
	}
	return append(lines, line)
}

func printUsage(w io.Writer, getenv func(string) string) {
	fmt.Fprint(w, `lumbar — a calm companion for lower back pain

Usage:
  lumbar [--db PATH]                    open the app
  lumbar COMMAND [ARGS] [--db PATH]     do one thing and exit
  lumbar help COMMAND                   what COMMAND does and takes

Commands:
`)
	for _, c := range commands() { // two lines each, to stay within 80 columns
		fmt.Fprintf(w, "  %s\n      %s\n", strings.TrimPrefix(usageLine(&c), "lumbar "), c.summary)
	}
	fmt.Fprintf(w, `
Flags, before or after the command:
  --db PATH    the data file (also $LUMBAR_DB)
  --version    print the version
  -h, --help   show help; lumbar COMMAND --help shows the command's

Exit status: 0 done; 1 failed while doing it (file busy or damaged, disk
full); 2 refused what was typed (unknown flag, a value out of range).
Either way one line on stderr says why.

Your data stays on this computer, in %s
`, dataPlace(getenv))
}

// dataPlace is where the data file is, for the usage text.
func dataPlace(getenv func(string) string) string {
	path, err := dataPath("", getenv)
	if err != nil {
		return "the file you name with --db PATH or LUMBAR_DB (there is no home folder)"
	}
	return path
}

// usageLine is "lumbar NAME SYNOPSIS", with no space after a command
// that takes nothing.
func usageLine(c *command) string {
	return strings.TrimSpace("lumbar " + c.name + " " + c.synopsis)
}
