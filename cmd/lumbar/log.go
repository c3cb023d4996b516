package main

import (
	"bufio"
	"fmt"
	"io"
	"strings"
	"text/tabwriter"
	"time"

	"lumbar/store"
	"lumbar/store/diary"
	"lumbar/store/text"
)

// logOptions are `lumbar log`'s flags as typed.
type logOptions struct {
	diary.PainInput
	where, feels, triggers, helped, warnings string // comma-separated lists
}

var logCommand = command{
	name: "log", synopsis: "PAIN [flags]",
	summary: "log your pain now, 0–10, with optional details (see lumbar help log)",
	about: `Log how much your lower back hurts now, 0 (none) to 10 (worst imaginable):
1–3 mild, 4–6 moderate, 7–10 severe (a rough guide, not a medical cut-off).
Everything else is optional. Lists are comma-separated words from the
lists below. The saved entry is printed as one line; nothing is written if
anything is wrong.`,
	flags: []flagSpec{
		{"leg", "N", "leg pain now, 0–10 (sciatica)"},
		{"where", "IDS", "where it hurts"},
		{"feels", "IDS", "what it feels like"},
		{"trigger", "IDS", "what set it off"},
		{"helped", "IDS", "what helped"},
		{"relief", "AMOUNT", "how much it helped"},
		{"med", "TEXT", "medication that helped, name and dose, one line (adds medication to --helped)"},
		{"interference", "N", "how much pain got in the way of your day, 0–10"},
		{"sleep", "WORD", "how you slept last night"},
		{"redflag", "IDS", "warning signs: lumbar shows the doctor advice on stderr"},
		{"note", "TEXT", "anything else, up to 4,000 characters"},
		{"at", "TIME", "when, if not now: " + diary.WhenFormats},
	},
	more: logWords,
	run:  runLog,
}

func runLog(inv *invocation) error {
	a := inv.args
	o := logOptions{
		PainInput: diary.PainInput{
			LegPain: a.value("leg"), Relief: a.value("relief"), Medication: a.value("med"),
			Interference: a.value("interference"), Sleep: a.value("sleep"), Note: a.value("note"), When: a.value("at"),
		},
		where: a.value("where"), feels: a.value("feels"), triggers: a.value("trigger"),
		helped: a.value("helped"), warnings: a.value("redflag"),
	}
	switch len(a.positional) {
	case 0:
		return a.refuseUsage("log needs your pain now, a whole number from 0 to 10, e.g. lumbar log 4")
	case 1:
		o.Pain = a.positional[0]
	default:
		return a.refuseUsage("log takes one rating, not %s; put words in --note \"...\"", quote(strings.Join(a.positional, " ")))
	}
	// Warning signs, ticked or implied by the details, are told about even
	// if something else is wrong with the entry: the advice matters more
	// than the diary.
	advice, hasAdvice := o.advice()
	asked := false
	defer func() {
		if hasAdvice && !asked {
			printAdvice(inv.stderr, advice, true)
		}
	}()
	entry, err := o.entry(inv.now())
	if err != nil {
		return refused(err)
	}
	// Someone at the terminal reads the advice, then is asked whether to
	// add each sign the details imply, before the one write.
	if hasAdvice && len(advice.Implied) > 0 && inv.stdin != nil && isTerminal(inv.stdin.Fd()) {
		printAdvice(inv.stderr, advice, false)
		asked = true
		entry.Warnings = append(entry.Warnings, askImplied(inv.stdin, inv.stderr, advice.Implied)...)
	}
	s, err := inv.openDiary()
	if err != nil {
		return err
	}
	if _, err := store.Pain.Append(s, entry); err != nil {
		return err
	}
	fmt.Fprintln(inv.stdout, "logged", entryLine(entry))
	return nil
}

// entry reads the typed lists, then builds the entry as the form does.
func (o logOptions) entry(now time.Time) (diary.PainEntry, error) {
	in, err := o.input()
	if err != nil {
		return diary.PainEntry{}, err
	}
	return in.Entry(now)
}

// input is the typed entry with its comma-separated lists read.
func (o logOptions) input() (diary.PainInput, error) {
	lists := []struct {
		vocab diary.Vocabulary
		typed string
		into  *[]string
	}{
		{diary.Areas, o.where, &o.Where},
		{diary.Feelings, o.feels, &o.Feels},
		{diary.Triggers, o.triggers, &o.Triggers},
		{diary.Reliefs, o.helped, &o.Helped},
		{diary.WarningSigns, o.warnings, &o.Warnings},
	}
	for _, l := range lists {
		var err error
		if *l.into, err = l.vocab.ParseList(l.typed); err != nil {
			return diary.PainInput{}, err
		}
	}
	return o.PainInput, nil
}

// advice is the warning-sign advice for the signs typed and the signs the
// details imply, read from whichever lists are well typed.
func (o logOptions) advice() (diary.Advice, bool) {
	signs, _ := diary.WarningSigns.ParseList(o.warnings)
	where, _ := diary.Areas.ParseList(o.where)
	feels, _ := diary.Feelings.ParseList(o.feels)
	return diary.AdviceForEntry(signs, where, feels)
}

// askImplied asks whether to add each implied sign, one answer line
// each (y or yes, in any case, is a yes), and returns the signs to add.
func askImplied(in io.Reader, out io.Writer, implied []diary.ImpliedSign) []string {
	answers := bufio.NewReader(in)
	var add []string
	for _, im := range implied {
		fmt.Fprintf(out, "%s [y/N] ", im.Question)
		line, _ := answers.ReadString('\n')
		if answer := strings.ToLower(strings.TrimSpace(line)); answer == "y" || answer == "yes" {
			add = append(add, im.Sign)
		}
	}
	return add
}

// printAdvice tells about warning signs on stderr, where it is seen even
// when the output goes elsewhere; notAsked says the implied signs were
// not put to anyone, so not added.
func printAdvice(w io.Writer, a diary.Advice, notAsked bool) {
	fmt.Fprintf(w, "\n⚠ %s\n", a.Heading)
	if len(a.Signs) > 0 {
		fmt.Fprintf(w, "  You noted: %s.\n", strings.Join(a.Signs, "; "))
	}
	for _, line := range a.Lines {
		fmt.Fprintf(w, "  %s\n", line)
	}
	for _, im := range a.Implied {
		if notAsked {
			fmt.Fprintf(w, "  %s\n  lumbar did not add it; if it applies, tick “%s” in the Log (e edits the entry).\n",
				im.Question, diary.WarningSigns.Label(im.Sign))
		}
	}
	fmt.Fprintf(w, "  More in lumbar's Guide, \"When to see a doctor\" (lumbar, tab 1). lumbar cannot examine you; a professional can.\n\n")
}

// entryLine is one entry on one line, for `lumbar log` and `lumbar history`.
func entryLine(e diary.PainEntry) string {
	parts := []string{
		e.Local().Format("2006-01-02 15:04"),
		fmt.Sprintf("pain %d %s", e.Pain, diary.PainBand(e.Pain)),
	}
	if e.LegPain != nil {
		parts = append(parts, fmt.Sprintf("leg %d", *e.LegPain))
	}
	for _, l := range []struct {
		label string
		ids   []string
	}{{"where", e.Where}, {"feels", e.Feels}, {"after", e.Triggers}, {"helped", e.Helped}, {"warning signs", e.Warnings}} {
		if len(l.ids) > 0 {
			parts = append(parts, l.label+" "+strings.Join(l.ids, ","))
		}
	}
	if e.Relief != "" {
		parts = append(parts, "relief "+e.Relief)
	}
	if e.Medication != "" {
		parts = append(parts, "med "+oneLine(text.Printable(e.Medication)))
	}
	if e.Interference != nil {
		parts = append(parts, fmt.Sprintf("in the way %d", *e.Interference))
	}
	if e.Sleep != "" {
		parts = append(parts, "slept "+e.Sleep)
	}
	if e.Note != "" {
		parts = append(parts, fmt.Sprintf("%q", oneLine(text.Printable(e.Note))))
	}
	return strings.Join(parts, " · ")
}

// logWords lists the words each list flag accepts, and examples.
func logWords() string {
	var b strings.Builder
	b.WriteString(`Accepted words:
`)
	tw := tabwriter.NewWriter(&b, 0, 0, 2, ' ', 0)
	for _, l := range []struct {
		flag  string
		vocab diary.Vocabulary
	}{
		{"--where", diary.Areas}, {"--feels", diary.Feelings}, {"--trigger", diary.Triggers},
		{"--helped", diary.Reliefs}, {"--relief", diary.ReliefAmounts}, {"--sleep", diary.SleepQualities},
		{"--redflag", diary.WarningSigns},
	} {
		for i, w := range l.vocab.Words {
			name := ""
			if i == 0 {
				name = l.flag
			}
			fmt.Fprintf(tw, "  %s\t%s\t%s\n", name, w.ID, w.Label)
		}
	}
	tw.Flush()
	b.WriteString(`
Examples:
  lumbar log 4
  lumbar log 6 --leg 3 --where back-centre,leg-left --feels shooting
  lumbar log 5 --helped heat,walking --relief some
  lumbar log 3 --at "yesterday 21:30" --note "better after the walk"
`)
	return b.String()
}
