package main

import (
	"fmt"
	"io"
	"text/tabwriter"

	"golang.org/x/term"

	"lumbar/content"
	"lumbar/store/text"
	"lumbar/tui"
)

var guideCommand = command{
	name: "guide", synopsis: "[SECTION-ID | --list | --tip]", summary: "print the back-care guide, or one section (--list, --tip)",
	about: `Print the whole guide, or the section SECTION-ID. In a terminal the guide
is styled; piped or redirected it is plain text, e.g.
lumbar guide when-to-see-a-doctor | less`,
	flags: []flagSpec{
		{"list", "", "list the section IDs"},
		{"tip", "", "print today's tip"},
	},
	run: runGuide,
}

// maxGuideWidth matches the app: wider lines are hard to read.
const maxGuideWidth = 100

func runGuide(inv *invocation) error {
	a := inv.args
	g, err := content.LoadGuide()
	if err != nil {
		return err
	}
	switch {
	case len(a.positional) > 1:
		return a.refuseUsage("one section at a time")
	case (a.has("list") || a.has("tip")) && len(a.positional) > 0:
		return a.refuseUsage("--list and --tip take no section")
	case a.has("list"):
		return printSectionList(inv.stdout, g)
	case a.has("tip"):
		fmt.Fprintln(inv.stdout, g.TipFor(inv.now()).Text)
		return nil
	}
	sections := g.Sections
	if len(a.positional) == 1 {
		sec, _, ok := g.Section(a.positional[0])
		if !ok {
			return unknownSection(a.positional[0])
		}
		sections = []content.Section{sec}
	}
	printGuide(inv, g, sections)
	return nil
}

func unknownSection(id string) error {
	msg := fmt.Sprintf("no guide section %s", quote(id))
	if near, ok := text.Closest(id, content.RequiredSections()); ok {
		msg += fmt.Sprintf(" (did you mean %s?)", near)
	}
	return refuse("%s; lumbar guide --list shows them all", msg)
}

func printSectionList(w io.Writer, g *content.Guide) error {
	tw := tabwriter.NewWriter(w, 0, 0, 3, ' ', 0)
	for _, s := range g.Sections {
		fmt.Fprintf(tw, "%s\t%s\n", s.ID, s.Title)
	}
	return tw.Flush()
}

// printGuide renders for the terminal it writes to: styled and as wide as
// the window (up to maxGuideWidth), or plain ASCII text without a single
// escape code when the output is a pipe or a file.
func printGuide(inv *invocation, g *content.Guide, sections []content.Section) {
	width, tty := outputWidth(inv.stdout)
	if tty {
		askBackground(inv)
	}
	fmt.Fprintln(inv.stdout, tui.GuideText(g, sections, width, tty))
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
