package main

import (
	"cmp"
	"errors"
	"fmt"
	"strconv"
	"strings"
	"unicode/utf8"

	"lumbar/store/text"
)

// One parser reads every command line, against the table of commands and
// their flags, so the same mistake gets the same answer everywhere:
//
//   - flags are --name or --name VALUE (--name=VALUE, and -name, work too);
//     -h is --help;
//   - flags may come before or after the command and its arguments, so
//     `lumbar status --db X` and `lumbar --db X status` are the same;
//   - a negative number is an argument, not a flag (`lumbar log -1` is
//     refused as a rating), and everything after -- is an argument;
//   - a flag's value is never a word that looks like a flag (`--note
//     --where` is refused; write --note=--where to mean it), and no
//     argument is ever one either, so `lumbar backup --help` shows help;
//   - --help anywhere shows the command's help, even beside a mistake.

// flagSpec is one flag of a command: --name, or --name VALUE.
type flagSpec struct {
	name  string
	value string // what the value is, for the help ("N", "PATH"); "" for a switch
	about string
}

func (f flagSpec) takesValue() bool { return f.value != "" }

// globalFlags work with every command, before or after it.
var globalFlags = []flagSpec{
	{name: "db", value: "PATH", about: "the data file (also $LUMBAR_DB)"},
	{name: "version", about: "print the version"},
	{name: "help", about: "show help (-h)"},
}

// parsedArgs is a command line read against one command's flags.
type parsedArgs struct {
	cmd        *command // nil: no command, the app
	values     map[string]string
	positional []string
}

func (a *parsedArgs) has(name string) bool { _, ok := a.values[name]; return ok }

func (a *parsedArgs) value(name string) string { return a.values[name] }

// intValue is flag name's whole-number value within [lo, hi], or def when
// the flag is absent.
func (a *parsedArgs) intValue(name string, def, lo, hi int) (int, error) {
	text, ok := a.values[name]
	if !ok {
		return def, nil
	}
	n, err := strconv.Atoi(text)
	if err != nil || n < lo || n > hi {
		return 0, refuse("--%s must be a whole number from %d to %d, not %s", name, lo, hi, quote(text))
	}
	return n, nil
}

// noArguments refuses positional arguments to a command that takes none;
// a word that is one of its flags without the dashes gets a hint.
func (a *parsedArgs) noArguments() error {
	if len(a.positional) == 0 {
		return nil
	}
	word := a.positional[0]
	msg := fmt.Sprintf("%s takes no arguments, not %s", a.cmd.name, quote(word))
	if f, ok := findFlag(a.cmd.flags, word); ok {
		msg += fmt.Sprintf("; did you mean --%s?", f.name)
	}
	return a.refuseUsage("%s", msg)
}

// refuseUsage is a refusal of how the command was typed, pointing at its help.
func (a *parsedArgs) refuseUsage(format string, args ...any) error {
	return refuse("%s (see lumbar help %s)", fmt.Sprintf(format, args...), a.cmd.name)
}

// parseArgs reads a command line. Help asked for anywhere wins over a
// mistake elsewhere in the line: the person is asking how to fix it.
func parseArgs(args []string) (a *parsedArgs, err error) {
	a = &parsedArgs{values: map[string]string{}}
	onlyArguments := false
	for i := 0; i < len(args); i++ {
		word := args[i]
		switch {
		case word == "--" && !onlyArguments:
			onlyArguments = true
		case looksLikeFlag(word) && !onlyArguments:
			consumed, flagErr := a.readFlag(word, args[i+1:])
			if consumed {
				i++
			}
			err = cmp.Or(err, flagErr)
		case a.cmd == nil:
			cmd, cmdErr := findCommandOrRefuse(word)
			if cmdErr != nil {
				return a, cmdErr // the rest cannot be read without the command
			}
			a.cmd = cmd
		default:
			a.positional = append(a.positional, word)
		}
	}
	if a.has("help") {
		return a, nil
	}
	return a, err
}

// readFlag reads one flag, and its value from rest when it takes one;
// consumed says whether it did.
func (a *parsedArgs) readFlag(word string, rest []string) (consumed bool, err error) {
	name, value, inline := strings.Cut(strings.TrimLeft(word, "-"), "=")
	spec, ok := a.lookupFlag(name)
	if !ok {
		return false, a.unknownFlag(name)
	}
	if _, twice := a.values[spec.name]; twice && spec.name != "help" {
		return false, refuse("--%s is given twice; give it once%s", spec.name, a.seeHelp())
	}
	switch {
	case !spec.takesValue() && inline:
		return false, refuse("--%s takes no value, not %s%s", spec.name, quote(value), a.seeHelp())
	case !spec.takesValue():
		a.values[spec.name] = ""
		return false, nil
	case inline:
		a.values[spec.name] = value
		return false, nil
	case len(rest) == 0 || looksLikeFlag(rest[0]):
		return false, refuse("--%s needs a value (%s)%s", spec.name, spec.value, a.seeHelp())
	}
	a.values[spec.name] = rest[0]
	return true, nil
}

// lookupFlag finds name among the command's flags, then the global ones.
func (a *parsedArgs) lookupFlag(name string) (flagSpec, bool) {
	if name == "h" {
		name = "help"
	}
	if a.cmd != nil {
		if f, ok := findFlag(a.cmd.flags, name); ok {
			return f, true
		}
	}
	return findFlag(globalFlags, name)
}

func findFlag(flags []flagSpec, name string) (flagSpec, bool) {
	for _, f := range flags {
		if f.name == name {
			return f, true
		}
	}
	return flagSpec{}, false
}

func (a *parsedArgs) unknownFlag(name string) error {
	var names []string
	if a.cmd != nil {
		for _, f := range a.cmd.flags {
			names = append(names, f.name)
		}
	}
	for _, f := range globalFlags {
		names = append(names, f.name)
	}
	msg := "unknown flag " + quote("--"+name)
	if best, ok := text.Closest(name, names); ok {
		msg += fmt.Sprintf("; did you mean --%s?", best)
	} else if a.cmd != nil && len(a.cmd.flags) > 0 && len(a.cmd.flags) <= 3 {
		msg += fmt.Sprintf("; %s takes %s", a.cmd.name, flagList(a.cmd.flags))
	}
	return refuse("%s%s", msg, a.seeHelp())
}

// flagList is "--a, --b and --c".
func flagList(flags []flagSpec) string {
	var names []string
	for _, f := range flags {
		names = append(names, "--"+f.name)
	}
	if len(names) == 1 {
		return names[0]
	}
	return strings.Join(names[:len(names)-1], ", ") + " and " + names[len(names)-1]
}

func (a *parsedArgs) seeHelp() string {
	if a.cmd == nil {
		return " (see lumbar --help)"
	}
	return fmt.Sprintf(" (see lumbar help %s)", a.cmd.name)
}

// findCommandOrRefuse looks a command up by name, suggesting the nearest
// one for a typo.
func findCommandOrRefuse(name string) (*command, error) {
	for _, c := range commands() {
		if c.name == name {
			return &c, nil
		}
	}
	msg := "unknown command " + quote(name)
	if best, ok := text.Closest(name, commandNames()); ok {
		msg += fmt.Sprintf("; did you mean %s?", best)
	}
	return nil, refuse("%s (lumbar --help lists the commands)", msg)
}

func commandNames() []string {
	var names []string
	for _, c := range commands() {
		names = append(names, c.name)
	}
	return names
}

// looksLikeFlag: a word starting with a dash that is not a number or "-".
func looksLikeFlag(word string) bool {
	return strings.HasPrefix(word, "-") && word != "-" && !isNumber(word)
}

func isNumber(s string) bool {
	_, err := strconv.ParseFloat(s, 64)
	return err == nil
}

// refusal is a refusal of what was typed: exit status 2.
type refusal struct{ msg string }

func (r *refusal) Error() string { return r.msg }

func refuse(format string, args ...any) error {
	return &refusal{msg: fmt.Sprintf(format, args...)}
}

// refused marks a check's complaint about a typed value as a refusal.
func refused(err error) error {
	if err == nil {
		return nil
	}
	return &refusal{msg: err.Error()}
}

func isRefusal(err error) bool {
	var r *refusal
	return errors.As(err, &r)
}

// quote is how a message shows a value it echoes (an argument, a path, a
// setting's value): quoted, printable and faithful. strconv.Quote writes
// every byte text.Printable would drop (ESC, C0 and C1 controls, bidi
// marks, invalid UTF-8) as a visible escape such as \x1b or \u202e, so
// nothing raw reaches the terminal and nothing typed vanishes from the
// message. User text shown as data (notes, the app) is cleaned with
// text.Printable instead.
func quote(s string) string { return strconv.Quote(s) }

// shellWord is s as one word to paste into a POSIX shell, for commands a
// message suggests ("open it with: lumbar --db …"): bare when every
// character is plain, else in single quotes, which the shell takes
// literally ($ and backquotes included). Text that would not be printable
// is written in $'…' quotes with escapes (bash, zsh and ksh read them),
// so nothing raw reaches the terminal.
func shellWord(s string) string {
	if s != "" && !strings.ContainsFunc(s, needsShellQuotes) {
		return s
	}
	if text.Printable(s) == s && !strings.ContainsAny(s, "\n\t") {
		return "'" + strings.ReplaceAll(s, "'", `'\''`) + "'"
	}
	var b strings.Builder
	b.WriteString("$'")
	for i := 0; i < len(s); {
		r, size := utf8.DecodeRuneInString(s[i:])
		switch {
		case r == utf8.RuneError && size == 1:
			fmt.Fprintf(&b, `\x%02x`, s[i])
		case r == '\\' || r == '\'':
			b.WriteString(`\` + string(r))
		case r != '\n' && r != '\t' && text.Printable(string(r)) == string(r):
			b.WriteRune(r)
		case r < 0x80:
			fmt.Fprintf(&b, `\x%02x`, r)
		case r <= 0xffff:
			fmt.Fprintf(&b, `\u%04x`, r)
		default:
			fmt.Fprintf(&b, `\U%08x`, r)
		}
		i += size
	}
	b.WriteString("'")
	return b.String()
}

func needsShellQuotes(r rune) bool {
	plain := r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z' || r >= '0' && r <= '9' || strings.ContainsRune("_./:@%+=,-", r)
	return !plain
}
