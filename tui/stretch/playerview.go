package stretch

import (
	"fmt"
	"slices"
	"strings"
	"time"

	"github.com/charmbracelet/bubbles/progress"
	"github.com/charmbracelet/lipgloss"

	"lumbar/content"
	"lumbar/store"
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
const gentleWarning = "Go gently. " + store.StretchStopRule + " Not for stretching: " +
	store.EmergencySignsInBrief + ". " + store.EmergencyPhrase

func (m *Model) playerView() string {
	var body string
	switch m.player.stage {
	case askPainBefore:
		body = m.painQuestionView("How is your pain right now, from 0 to 10?", "esc back to the library", gentleWarning)
	case highPainBefore:
		body = m.highPainView()
	case askPainAfter:
		body = m.painQuestionView("How is your pain now, from 0 to 10?", "", "")
	case finished:
		body = m.summaryView()
	default:
		return m.stepView()
	}
	return lipgloss.NewStyle().Padding(1, margin).Render(body)
}

func (m *Model) phaseStyle(ph phase) lipgloss.Style {
	st := m.common.Styles
	return map[phase]lipgloss.Style{phaseHold: st.PhaseHold, phaseRest: st.PhaseRest, phaseSwitch: st.PhaseSwitch, phasePaused: st.PhasePaused}[ph]
}

// stepView is the running player: what to do, how long is left, what
// comes next. The countdown and bars always show; the stretch's steps get
// the rows left, then blank lines between the parts, then the caution.
func (m *Model) stepView() string {
	p := m.player
	width := m.width - 2*margin
	parts := []string{
		m.playerHeader(width),
		m.stepTitle(width),
		m.countdownView(width),
		m.barView("step", p.stepFraction(), p.remaining(), width) + "\n" +
			m.barView("routine", p.routineFraction(), p.routine.Duration()-p.elapsed(), width),
		"", // the stretch's steps, below
		m.nextLine(width) + "\n" + m.playerHints(width),
	}
	steps, caution := m.instructions(width)
	spare := m.height - lineCount(strings.Join(parts, "\n")) + 1 // +1: the steps' placeholder
	parts[4] = cutLines(steps, spare)
	spare -= lineCount(parts[4])
	// Blank lines go first under the bars, then around the countdown.
	gapAfter := []int{3, 2, 4, 1, 0}
	gaps := min(max(0, spare), len(gapAfter))
	if spare-gaps > lineCount(caution) && caution != "" {
		parts[4] += "\n\n" + caution
	}
	for _, i := range gapAfter[:gaps] {
		parts[i] += "\n"
	}
	if parts[4] == "" {
		parts = slices.Delete(parts, 4, 5)
	}
	return lipgloss.NewStyle().PaddingLeft(margin).Render(strings.Join(parts, "\n"))
}

func lineCount(s string) int { return strings.Count(s, "\n") + 1 }

func (m *Model) playerHeader(width int) string {
	st := m.common.Styles
	p := m.player
	right := fmt.Sprintf("step %d of %d · %s of %s", p.index+1, len(p.routine.Steps),
		content.Clock(p.elapsed()), content.Clock(p.routine.Duration()))
	left := truncate(p.routine.Name, max(0, width-lipgloss.Width(right)-2))
	gap := max(1, width-lipgloss.Width(left)-lipgloss.Width(right))
	return st.Title.Render(left) + strings.Repeat(" ", gap) + st.Muted.Render(right)
}

// stepTitle names the phase in words and colour, then the stretch, its
// side and repetition.
func (m *Model) stepTitle(width int) string {
	p := m.player
	step := p.step()
	ph := p.phase()
	label := m.phaseStyle(ph).Render(ph.String())
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
	return truncate(label+"  "+m.common.Styles.Title.Render(strings.Join(about, " · ")), width)
}

// countdownView is the time left on this side in big digits, with the
// stretch's figure beside them (during a rest, the next stretch's).
func (m *Model) countdownView(width int) string {
	p := m.player
	onSide, _ := sideLeft(p.step(), p.remaining())
	scale := digitScale(m.width, m.height)
	digits := m.phaseStyle(p.phase()).Render(bigText(countdownText(onSide), scale))
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
func (m *Model) barView(label string, done float64, left time.Duration, width int) string {
	bar := progress.New(progress.WithoutPercentage(), progress.WithColorProfile(lipgloss.ColorProfile()),
		progress.WithSolidFill(theme.Hex(m.phaseStyle(m.player.phase()))))
	bar.Width = max(10, width-barLabelWidth-barTimeWidth)
	st := m.common.Styles
	return st.Muted.Render(fmt.Sprintf("%-*s", barLabelWidth, label)) + bar.ViewAs(done) +
		st.Muted.Render(fmt.Sprintf("%*s", barTimeWidth, clockLeft(left)+" left"))
}

// instructions is how to do the stretch: its steps and its caution.
// During a rest they are the next stretch's, to read before getting into
// position.
func (m *Model) instructions(width int) (steps, caution string) {
	st := m.common.Styles
	s := m.player.shownStretch()
	if s == nil {
		return "", ""
	}
	steps = numbered(s.Steps, width)
	if m.player.step().IsRest() {
		steps = st.Title.Render("Coming up: "+s.Name) + "\n" + steps
	}
	if s.Caution != "" {
		caution = labelled(st.Warning.Render("Caution"), s.Caution, width)
	}
	return steps, caution
}

func (m *Model) nextLine(width int) string {
	p := m.player
	if p.index+1 >= len(p.routine.Steps) {
		return m.common.Styles.Muted.Render("next: the end — last step")
	}
	next := p.routine.Steps[p.index+1]
	text := "next: " + next.Dose()
	if !next.IsRest() {
		text = "next: " + next.Stretch.Name + " · " + next.Dose()
	} else if s, ok := p.nextStretch(); ok && p.index+1 < len(p.routine.Steps)-1 {
		text += ", then " + s.Stretch.Name
	}
	return m.common.Styles.Text.Render(truncate(text, width))
}

func (m *Model) playerHints(width int) string {
	st := m.common.Styles
	p := m.player
	switch {
	case p.stage == confirmingStop:
		done := p.session().StepsDone
		return st.Warning.Render(truncate(fmt.Sprintf("Stop here? y stop and save (%d of %d steps done) · n keep going",
			done, len(p.routine.Steps)), width))
	case p.paused:
		return st.PhasePaused.Render(truncate("PAUSED · space to go on · n next · p previous · esc stop", width))
	}
	return st.Muted.Render(truncate("space pause · n next · p previous · esc stop · b bell "+onOff(m.settings.Bell), width))
}

// painQuestionView asks for pain on the 0–10 scale, one key to answer.
// The warning under the first question is never cut: when the window is
// short the routine's description goes first, then the blank lines.
func (m *Model) painQuestionView(question, leave, warning string) string {
	st := m.common.Styles
	p := m.player
	width := m.width - 2*margin
	about := fmt.Sprintf("%s · %d steps", content.Clock(p.routine.Duration()), len(p.routine.Steps))
	header := st.Title.Render(p.routine.Name) + st.Muted.Render("  "+about)
	var description string
	if p.stage == askPainBefore && p.routine.Description != "" {
		description = wrap(p.routine.Description, width)
	}
	if p.stage == askPainAfter {
		header += "\n\n" + fmt.Sprintf("%s: %d of %d steps.", capitalised(m.outcome()), p.session().StepsDone, len(p.routine.Steps))
	}
	answer := "_"
	if p.typed != "" {
		answer = p.typed + "_  (0 makes it 10, enter keeps " + p.typed + ")"
	}
	ask := strings.Join([]string{
		st.Title.Render(question),
		st.Muted.Render("0 none · 1–3 mild · 4–6 moderate · 7–10 severe"),
		"",
		"  " + st.Title.Render(st.SelectedMarker) + answer,
	}, "\n")
	hint := st.Muted.Render(strings.Join(nonEmpty("type a number", "enter skip", leave), " · "))
	if warning != "" {
		warning = st.Warning.Render(wrap(warning, width))
	}
	room := m.height - 2 // the player's padding above and below
	blocks := nonEmpty(header, description, ask, hint, warning)
	if lineCount(strings.Join(blocks, "\n\n")) > room {
		blocks = nonEmpty(header, ask, hint, warning)
	}
	if lineCount(strings.Join(blocks, "\n\n")) > room {
		return strings.Join(blocks, "\n")
	}
	return strings.Join(blocks, "\n\n")
}

// highPainView is the one calm line shown before the first step when the
// pain before is 9 or 10, and the choice to start or not.
func (m *Model) highPainView() string {
	st := m.common.Styles
	width := m.width - 2*margin
	return strings.Join([]string{
		st.Title.Render(m.player.routine.Name) + st.Muted.Render(fmt.Sprintf("  pain %d before", *m.player.painBefore)),
		"",
		st.Warning.Render(wrap(store.HighPainLine, width)),
		"",
		st.Muted.Render("enter start gently · esc back to the library"),
	}, "\n")
}

// outcome says how the routine ended: "done", "done, 1 step skipped"
// when it ran to its end past skipped steps, or "stopped".
func (m *Model) outcome() string {
	p := m.player
	if !p.reachedEnd {
		return "stopped"
	}
	switch skipped := len(p.routine.Steps) - p.session().StepsDone; skipped {
	case 0:
		return "done"
	case 1:
		return "done, 1 step skipped"
	default:
		return fmt.Sprintf("done, %d steps skipped", skipped)
	}
}

func (m *Model) summaryView() string {
	st := m.common.Styles
	p := m.player
	s := p.session()
	width := m.width - 2*margin
	lines := []string{
		st.Title.Render(p.routine.Name + " · " + m.outcome()),
		"",
		fmt.Sprintf("%d of %d steps in %s.", s.StepsDone, s.StepsTotal, content.Clock(s.End.Sub(s.At))),
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
