package main

import (
	"flag"
	"fmt"
	"io"
	"strings"
	"text/tabwriter"

	xansi "github.com/charmbracelet/x/ansi"
	"golang.org/x/term"

	"lumbar/content"
	"lumbar/store"
	"lumbar/tui/guide"
	"lumbar/tui/theme"
)

const guideUsage = `Usage: lumbar guide [SECTION-ID]    print the whole guide, or one section
       lumbar guide --list          list the section IDs
       lumbar guide --tip           print today's tip

In a terminal the guide is styled; piped or redirected it is plain text.
`

// maxGuideWidth matches the app: wider lines are hard to read.
const maxGuideWidth = 100

func runGuide(inv *invocation, args []string) int {
	flags := flag.NewFlagSet("guide", flag.ContinueOnError)
	flags.SetOutput(io.Discard)
	list := flags.Bool("list", false, "")
	tip := flags.Bool("tip", false, "")
	if err := flags.Parse(args); err != nil {
		return commandUsage(inv.system, flags, err, guideUsage)
	}
	g, err := content.LoadGuide()
	if err != nil {
		return fail(inv.system, err)
	}
	switch {
	case *list:
		return printSectionList(inv.stdout, g)
	case *tip:
		fmt.Fprintln(inv.stdout, g.TipFor(inv.now()).Text)
		return exitOK
	case flags.NArg() > 1:
		return commandUsage(inv.system, flags, fmt.Errorf("one section at a time"), guideUsage)
	}
	sections := g.Sections
	if id := flags.Arg(0); id != "" {
		sec, _, ok := g.Section(id)
		if !ok {
			return fail(inv.system, unknownSection(g, id))
		}
		sections = []content.Section{sec}
	}
	printGuide(inv, g, sections)
	return exitOK
}

func unknownSection(g *content.Guide, id string) error {
	msg := fmt.Sprintf("no guide section %q", id)
	if near, ok := store.Closest(id, content.RequiredSections()); ok {
		msg += fmt.Sprintf(" (did you mean %s?)", near)
	}
	return fmt.Errorf("%s; lumbar guide --list shows them all", msg)
}

func printSectionList(w io.Writer, g *content.Guide) int {
	tw := tabwriter.NewWriter(w, 0, 0, 3, ' ', 0)
	for _, s := range g.Sections {
		fmt.Fprintf(tw, "%s\t%s\n", s.ID, s.Title)
	}
	tw.Flush()
	return exitOK
}

// printGuide renders for the terminal it writes to: styled and as wide as
// the window (up to maxGuideWidth), or plain ASCII text without a single
// escape code when the output is a pipe or a file.
func printGuide(inv *invocation, g *content.Guide, sections []content.Section) {
	width, tty := outputWidth(inv.stdout)
	styles := theme.NewFor(!tty)
	r := guide.NewRenderer(styles.Markdown, width)
	var out []string
	for _, sec := range sections {
		text := guide.Render(r, g, sec, width)
		if !tty {
			text = plainText(text)
		}
		out = append(out, text)
	}
	fmt.Fprintln(inv.stdout, strings.Join(out, "\n\n"))
}

// outputWidth is the terminal's width when w is one.
func outputWidth(w io.Writer) (width int, tty bool) {
	f, ok := w.(interface{ Fd() uintptr })
	if !ok || !isTerminal(f.Fd()) {
		return 80, false
	}
	cols, _, err := term.GetSize(int(f.Fd()))
	if err != nil || cols <= 0 {
		return 80, true
	}
	return min(cols, maxGuideWidth), true
}

// plainText drops escape codes and the padding glamour adds to each line.
func plainText(rendered string) string {
	lines := strings.Split(xansi.Strip(rendered), "\n")
	for i, l := range lines {
		lines[i] = strings.TrimRight(l, " ")
	}
	return strings.Join(lines, "\n")
}
