package stretch

import (
	"fmt"
	"slices"
	"strings"
	"time"

	"github.com/charmbracelet/bubbles/progress"
	"github.com/charmbracelet/lipgloss"

	"lumbar/content"
	"lumbar/store/diary"
	"lumbar/store/text"
	"lumbar/tui/theme"
)

// Layout of the player.
const (
	barLabelWidth = 9  // "routine  "
	barTimeWidth  = 12 // "  1:04 left"
	margin        = 1  // the player's margin, inside the view's left pad
	figureGap     = 8  // between the countdown and the figure
)

// gentleWarning stands under the first pain question: how to stretch, and
// which signs are not for stretching at all.
const gentleWarning = "Go gently. " + diary.StretchStopRule + " Not for stretching: " +
	diary.EmergencySignsInBrief + ". " + diary.EmergencyPhrase

// View draws the player in the cells SetSize gave it.
func (p *Player) View() string {
	var body string
	switch p.stage {
	case askPainBefore:
		body = p.painQuestionView("How is your pain right now, from 0 to 10?", "esc back to the library", gentleWarning)
	case beforeStart:
		body = p.beforeStartView()
	case highPainBefore:
		body = p.highPainView()
	case askPainAfter:
		body = p.painQuestionView("How is your pain now, from 0 to 10?", "", "")
	case finished:
		body = p.summaryView()
	default:
		return p.stepView()
	}
	return lipgloss.NewStyle().Padding(1, margin).Render(body)
}

func (p *Player) phaseStyle(ph phase) lipgloss.Style {
	st := p.Styles
	return map[phase]lipgloss.Style{phaseHold: st.PhaseHold, phaseRest: st.PhaseRest, phaseSwitch: st.PhaseSwitch, phasePaused: st.PhasePaused}[ph]
}

// stepLayout is which parts of the running player are drawn. The
// stretch's caution is never cut: in a short window the other parts give
// way, in the order of stepLayouts.
type stepLayout struct {
	bigDigits  bool // the countdown in big digits beside the figure, else one line
	routineBar bool // the routine's progress bar under the step's
	nextLine   bool // what comes next
	hanging    bool // the caution's text indented under itself, else run on after its label
}

var stepLayouts = []stepLayout{
	{bigDigits: true, routineBar: true, nextLine: true, hanging: true},
	{bigDigits: true, routineBar: true, nextLine: false, hanging: true},
	{bigDigits: true, routineBar: false, nextLine: false, hanging: true},
	{bigDigits: false, routineBar: true, nextLine: true, hanging: true},
	{bigDigits: false, routineBar: true, nextLine: false, hanging: true},
	{bigDigits: false, routineBar: false, nextLine: false, hanging: true},
	{bigDigits: false, routineBar: false, nextLine: false, hanging: false},
}

// stepView is the running player: what to do, how long is left, what
// comes next. The richest layout whose parts and whole caution fit is
// drawn; the stretch's steps get the rows left, then blank lines go
// between the parts.
func (p *Player) stepView() string {
	width := p.width - 2*margin
	var parts []string
	var caution string
	for _, l := range stepLayouts {
		parts, caution = p.stepParts(l, width)
		if lineCount(strings.Join(parts, "\n"))+cautionRows(caution) <= p.height {
			break
		}
	}
	const instructionsAt = 4 // after the bars
	spare := p.height - lineCount(strings.Join(parts, "\n")) - cautionRows(caution)
	var shown []string
	if steps := p.steps(width, spare); steps != "" {
		shown = append(shown, steps)
		spare -= lineCount(steps)
	} else if caution != "" {
		spare++ // no blank line between steps and caution: a gap instead
	}
	if caution != "" {
		shown = append(shown, caution)
	}
	parts = slices.Insert(parts, instructionsAt, strings.Join(shown, "\n\n"))
	// Blank lines go first under the bars, then around the countdown.
	gapAfter := []int{3, 2, 4, 1, 0}
	for _, i := range gapAfter[:min(max(0, spare), len(gapAfter))] {
		parts[i] += "\n"
	}
	if parts[instructionsAt] == "" {
		parts = slices.Delete(parts, instructionsAt, instructionsAt+1)
	}
	return lipgloss.NewStyle().PaddingLeft(margin).Render(strings.Join(parts, "\n"))
}

// stepParts is the running player in layout l, less the stretch's steps
// and caution (which go after the bars), and the caution as l writes it.
func (p *Player) stepParts(l stepLayout, width int) (parts []string, caution string) {
	bars := p.barView("step", p.stepFraction(), p.remaining(), width)
	if l.routineBar {
		bars += "\n" + p.barView("routine", p.routineFraction(), p.routine.Duration()-p.elapsed(), width)
	}
	foot := p.playerHints(width)
	if l.nextLine {
		foot = p.nextLine(width) + "\n" + foot
	}
	parts = []string{p.playerHeader(width), p.stepTitle(width), p.countdownView(width, l.bigDigits), bars, foot}
	return parts, p.caution(width, l.hanging)
}

// cautionRows is the rows a caution takes with the blank line above it.
func cautionRows(caution string) int {
	if caution == "" {
		return 0
	}
	return lineCount(caution) + 1
}

func lineCount(s string) int { return strings.Count(s, "\n") + 1 }

func (p *Player) playerHeader(width int) string {
	st := p.Styles
	right := fmt.Sprintf("step %d of %d · %s of %s", p.index+1, len(p.routine.Steps),
		content.Clock(p.elapsed()), content.Clock(p.routine.Duration()))
	left := truncate(p.routine.Name, max(0, width-lipgloss.Width(right)-2))
	gap := max(1, width-lipgloss.Width(left)-lipgloss.Width(right))
	return st.Title.Render(left) + strings.Repeat(" ", gap) + st.Muted.Render(right)
}

// stepTitle names the phase in words and colour, then the stretch, its
// side and repetition.
func (p *Player) stepTitle(width int) string {
	step := p.step()
	ph := p.phase()
	label := p.phaseStyle(ph).Render(ph.String())
	if step.IsRest() {
		return truncate(label+"  breathe, and get ready", width)
	}
	about := []string{step.Stretch.Name}
	onSide, side := sideLeft(step, p.remaining())
	if side > 0 {
		about = append(about, [...]string{"", "first side", "second side"}[side])
	}
	if step.Reps > 0 {
		about = append(about, fmt.Sprintf("rep %d of %d", repNumber(step, onSide), step.Reps))
	}
	return truncate(label+"  "+p.Styles.Title.Render(strings.Join(about, " · ")), width)
}

// countdownView is the time left on this side in big digits, with the
// stretch's figure beside them (during a rest, the next stretch's), or
// on one line when the window is short.
func (p *Player) countdownView(width int, big bool) string {
	onSide, _ := sideLeft(p.step(), p.remaining())
	if !big {
		return lipgloss.PlaceHorizontal(width, lipgloss.Center, p.phaseStyle(p.phase()).Render(countdownText(onSide)))
	}
	scale := digitScale(p.width, p.height)
	digits := p.phaseStyle(p.phase()).Render(bigText(countdownText(onSide), scale))
	figure := ""
	if s := p.shownStretch(); s != nil {
		figure = s.Figure
	}
	block := digits
	if figure != "" && lipgloss.Width(digits)+figureGap+figureColumn <= width {
		block = lipgloss.JoinHorizontal(lipgloss.Center, digits, strings.Repeat(" ", figureGap), figure)
	}
	return lipgloss.PlaceHorizontal(width, lipgloss.Center, block)
}

// digitScale is how many times the countdown's font is enlarged: the
// more room, the further away it can be read.
func digitScale(width, height int) int {
	switch {
	case height >= 50 && width >= 150:
		return 3
	case height >= 34 && width >= 100:
		return 2
	}
	return 1
}

// countdownText is the time as the big digits show it: seconds alone
// under a minute, else minutes:seconds.
func countdownText(d time.Duration) string {
	secs := wholeSeconds(d)
	if secs < 60 {
		return fmt.Sprint(secs)
	}
	return fmt.Sprintf("%d:%02d", secs/60, secs%60)
}

// barView is one labelled progress bar, filled in the phase's colour.
func (p *Player) barView(label string, done float64, left time.Duration, width int) string {
	bar := progress.New(progress.WithoutPercentage(), progress.WithColorProfile(lipgloss.ColorProfile()),
		progress.WithSolidFill(theme.Hex(p.phaseStyle(p.phase()))))
	bar.Width = max(10, width-barLabelWidth-barTimeWidth)
	st := p.Styles
	return st.Muted.Render(fmt.Sprintf("%-*s", barLabelWidth, label)) + bar.ViewAs(done) +
		st.Muted.Render(fmt.Sprintf("%*s", barTimeWidth, clockLeft(left)+" left"))
}

// steps is how to do the stretch in at most rows lines, whole steps
// only, with "…" under them when some do not fit. During a rest they are
// the next stretch's, to read before getting into position.
func (p *Player) steps(width, rows int) string {
	st := p.Styles
	s := p.shownStretch()
	if s == nil || rows <= 0 {
		return ""
	}
	var lines []string
	if p.step().IsRest() {
		lines = append(lines, st.Title.Render("Coming up: "+s.Name))
	}
	for i, step := range s.Steps {
		item := strings.Split(hanging(fmt.Sprintf("%d. ", i+1), step, width), "\n")
		more := 0
		if i < len(s.Steps)-1 {
			more = 1 // the "…" if the next step does not fit
		}
		if len(lines)+len(item)+more > rows {
			if i > 0 && len(lines) < rows {
				lines = append(lines, st.Muted.Render("…"))
			}
			break
		}
		lines = append(lines, item...)
	}
	return strings.Join(lines, "\n")
}

// caution is the shown stretch's caution, its text indented under itself
// (hanging) or run on after its label to take fewer rows.
func (p *Player) caution(width int, hanging bool) string {
	s := p.shownStretch()
	if s == nil || s.Caution == "" {
		return ""
	}
	label := p.Styles.Warning.Render("Caution")
	if hanging {
		return labelled(label, s.Caution, width)
	}
	return wrap(label+" "+s.Caution, width)
}

func (p *Player) nextLine(width int) string {
	if p.index+1 >= len(p.routine.Steps) {
		return p.Styles.Muted.Render("next: the end — last step")
	}
	next := p.routine.Steps[p.index+1]
	text := "next: " + next.Dose()
	if !next.IsRest() {
		text = "next: " + next.Stretch.Name + " · " + next.Dose()
	} else if s, ok := p.nextStretch(); ok && p.index+1 < len(p.routine.Steps)-1 {
		text += ", then " + s.Stretch.Name
	}
	return p.Styles.Text.Render(truncate(text, width))
}

// playerHints says the keys of the moment in the longest form that fits
// the width: details go first, then words get shorter, then the keys one
// can do without. A key is never cut, so its meaning is never lost.
func (p *Player) playerHints(width int) string {
	st := p.Styles
	switch {
	case p.stage == confirmingStop:
		done := fmt.Sprintf("(%d of %s done)", p.session().StepsDone, text.Plural(len(p.routine.Steps), "step"))
		return st.Warning.Render(widestThatFits(width,
			"Stop here? y stop and save "+done+" · n keep going",
			"Stop here? y stop and save · n keep going",
			"Stop? y stop and save · n keep going",
			"Stop? y save · n go on"))
	case p.paused:
		return st.PhasePaused.Render(widestThatFits(width,
			"PAUSED · space to go on · n next · p previous · esc stop",
			"PAUSED · space go on · n next · p prev · esc stop",
			"PAUSED · space go on · esc stop"))
	}
	bell := "b bell " + onOff(p.settings.Bell)
	return st.Muted.Render(widestThatFits(width,
		"space pause · n next · p previous · esc stop · "+bell,
		"space pause · n next · p prev · esc stop · "+bell,
		"space pause · n next · p prev · esc stop",
		"space pause · esc stop"))
}

// widestThatFits is the first of forms, longest first, that fits width
// columns, else the last: it is the shortest, and still whole.
func widestThatFits(width int, forms ...string) string {
	for _, form := range forms {
		if lipgloss.Width(form) <= width {
			return form
		}
	}
	return forms[len(forms)-1]
}

// painQuestionView asks for pain on the 0–10 scale, one key to answer.
// The warning under the first question is never cut: when the window is
// short the rest gives way (see forms below).
func (p *Player) painQuestionView(question, leave, warning string) string {
	st := p.Styles
	width := p.width - 2*margin
	header := p.routineHeader()
	var description string
	if p.stage == askPainBefore {
		description = p.routineDescription(width)
	}
	if p.stage == askPainAfter {
		header += "\n\n" + fmt.Sprintf("%s: %d of %s.", capitalised(p.outcome()), p.session().StepsDone, text.Plural(len(p.routine.Steps), "step"))
	}
	answer := "_"
	if p.typed != "" {
		answer = p.typed + "_  (0 makes it 10, enter keeps " + p.typed + ")"
	}
	scale := st.Muted.Render("0 none · 1–3 mild · 4–6 moderate · 7–10 severe")
	prompt := "  " + st.Title.Render(st.SelectedMarker) + answer
	ask := strings.Join([]string{st.Title.Render(question), scale, "", prompt}, "\n")
	hint := st.Muted.Render(strings.Join(nonEmpty("type a number", "enter skip", leave), " · "))
	if warning != "" {
		warning = st.Warning.Render(wrap(warning, width))
	}
	// The richest form that fits, the warning always whole: the
	// description goes first, then the blank lines, the header, and the
	// scale's words and the blank line in the question.
	return p.firstThatFits(
		strings.Join(nonEmpty(header, description, ask, hint, warning), "\n\n"),
		strings.Join(nonEmpty(header, ask, hint, warning), "\n\n"),
		strings.Join(nonEmpty(header, ask, hint, warning), "\n"),
		strings.Join(nonEmpty(ask, hint, warning), "\n"),
		strings.Join(nonEmpty(st.Title.Render(question), prompt, hint, warning), "\n"),
	)
}

// beforeStartView stands before the first step when the pain questions
// are off: the routine, the same caution as under the first question, and
// enter to start. As there, the caution is never cut.
func (p *Player) beforeStartView() string {
	st := p.Styles
	width := p.width - 2*margin
	header := p.routineHeader()
	hint := st.Muted.Render("enter start · esc back to the library")
	warning := st.Warning.Render(wrap(gentleWarning, width))
	return p.firstThatFits(
		strings.Join(nonEmpty(header, p.routineDescription(width), hint, warning), "\n\n"),
		strings.Join(nonEmpty(header, hint, warning), "\n\n"),
		strings.Join(nonEmpty(header, hint, warning), "\n"),
		strings.Join(nonEmpty(hint, warning), "\n"),
	)
}

// routineHeader is the routine's name with its length and step count.
func (p *Player) routineHeader() string {
	st := p.Styles
	r := p.routine
	about := content.Clock(r.Duration()) + " · " + text.Plural(len(r.Steps), "step")
	return st.Title.Render(r.Name) + st.Muted.Render("  "+about)
}

// routineDescription is the routine's description wrapped to width, or "".
func (p *Player) routineDescription(width int) string {
	if p.routine.Description == "" {
		return ""
	}
	return wrap(p.routine.Description, width)
}

// firstThatFits is the first of forms, richest first, that fits the
// player's rows (less its padding above and below), else the last.
func (p *Player) firstThatFits(forms ...string) string {
	room := p.height - 2
	for _, form := range forms {
		if lineCount(form) <= room {
			return form
		}
	}
	return forms[len(forms)-1]
}

// highPainView is the one calm line shown before the first step when the
// pain before is 9 or 10, and the choice to start or not.
func (p *Player) highPainView() string {
	st := p.Styles
	width := p.width - 2*margin
	return strings.Join([]string{
		st.Title.Render(p.routine.Name) + st.Muted.Render(fmt.Sprintf("  pain %d before", *p.painBefore)),
		"",
		st.Warning.Render(wrap(diary.HighPainLine, width)),
		"",
		st.Muted.Render("s start gently · esc back to the library"),
	}, "\n")
}

// outcome says how the routine ended: "done", "done, 1 step skipped"
// when it ran to its end past skipped steps, or "stopped".
func (p *Player) outcome() string {
	if !p.reachedEnd {
		return "stopped"
	}
	if skipped := len(p.routine.Steps) - p.session().StepsDone; skipped > 0 {
		return "done, " + text.Plural(skipped, "step") + " skipped"
	}
	return "done"
}

func (p *Player) summaryView() string {
	st := p.Styles
	s := p.session()
	width := p.width - 2*margin
	lines := []string{
		st.Title.Render(p.routine.Name + " · " + p.outcome()),
		"",
		fmt.Sprintf("%d of %s in %s.", s.StepsDone, text.Plural(s.StepsTotal, "step"), content.Clock(s.End.Sub(s.At))),
		"Pain " + painText(s.PainBefore) + " before, " + painText(s.PainAfter) + " after.",
	}
	if s.PainBefore != nil && s.PainAfter != nil && *s.PainAfter-*s.PainBefore >= 2 {
		lines = append(lines, "", st.Warning.Render(wrap("Your pain went up. Go easier next time, and if stretching keeps making it worse, "+
			"check with a doctor or physiotherapist.", width)))
	}
	if p.saveErr != nil {
		lines = append(lines, "", st.Danger.Render(wrap("Not saved yet: "+p.saveErr.Error()+". lumbar tries again when you quit.", width)))
	} else {
		lines = append(lines, "", st.Muted.Render("Saved to your sessions."))
	}
	return strings.Join(append(lines, "", st.Muted.Render("enter back to the library")), "\n")
}

// capitalised is s with its first letter upper case.
func capitalised(s string) string {
	if s == "" {
		return s
	}
	return strings.ToUpper(s[:1]) + s[1:]
}

func painText(p *int) string {
	if p == nil {
		return "not noted"
	}
	return fmt.Sprint(*p)
}

func onOff(on bool) string {
	if on {
		return "on"
	}
	return "off"
}

// shownStretch is the stretch the player shows: the current one, or
// during a rest the next.
func (p *Player) shownStretch() *content.Stretch {
	if !p.step().IsRest() {
		return p.step().Stretch
	}
	if next, ok := p.nextStretch(); ok {
		return next.Stretch
	}
	return nil
}

// stepFraction is how much of the current step is done, 0 to 1.
func (p *Player) stepFraction() float64 {
	length := p.step().Duration()
	return float64(length-p.remaining()) / float64(length)
}

// routineFraction is how much of the routine is done, 0 to 1.
func (p *Player) routineFraction() float64 {
	return float64(p.elapsed()) / float64(p.routine.Duration())
}
