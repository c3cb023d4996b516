package journal

import (
	"fmt"
	"strings"

	"github.com/charmbracelet/lipgloss"

	"lumbar/store/diary"
	"lumbar/store/text"
	"lumbar/tui/theme"
)

// adviceView is the doctor advice for warning signs, red when urgent,
// with the question about an implied sign when ask is true (after
// saving). It is a bordered panel, or in a short window a compact block
// with no border and no blank lines, so that the urgent words fit.
func adviceView(a diary.Advice, width int, st theme.Styles, ask, compact bool) string {
	heading := st.Warning
	if a.Urgent() {
		heading = st.Danger
	}
	panel := st.Panel.Padding(0, 2).BorderForeground(heading.GetForeground())
	gap := []string{""}
	if compact {
		panel, gap = lipgloss.NewStyle().Padding(0, 1), nil
	}
	wrap := lipgloss.NewStyle().Width(max(20, min(width, 84)-panel.GetHorizontalFrameSize()))
	lines := append([]string{heading.Render(wrap.Render("⚠ " + a.Heading))}, gap...)
	if len(a.Signs) > 0 {
		lines = append(lines, wrap.Render("You noted: "+strings.Join(a.Signs, "; ")+"."))
	}
	for _, l := range a.Lines {
		lines = append(lines, wrap.Render(l))
	}
	if ask && len(a.Implied) > 0 {
		lines = append(append(lines, gap...), st.Title.Render(wrap.Render(a.Implied[0].Question)))
	}
	lines = append(lines, st.Muted.Render(wrap.Render("lumbar cannot examine you; a professional can.")))
	return panel.Render(strings.Join(lines, "\n"))
}

// detailText is an entry shown whole: every detail given, in words, and
// the note, cleaned of anything a terminal would act on.
func detailText(e diary.PainEntry, width int, st theme.Styles) string {
	band := diary.PainBand(e.Pain)
	rows := [][2]string{{"Pain", st.PainBand(band).Render(fmt.Sprintf("%d, %s", e.Pain, band))}}
	add := func(label, value string) {
		if value != "" {
			rows = append(rows, [2]string{label, value})
		}
	}
	if e.LegPain != nil {
		add("Leg pain", fmt.Sprint(*e.LegPain))
	}
	add("Where", whereWords(e))
	add("Feels like", strings.Join(diary.Feelings.Labels(e.Feels), ", "))
	add("Set off by", strings.Join(diary.Triggers.Labels(e.Triggers), ", "))
	helped := strings.Join(diary.Reliefs.Labels(e.Helped), ", ")
	if e.Relief != "" {
		helped += " (" + diary.ReliefAmounts.Label(e.Relief) + ")"
	}
	add("Helped", helped)
	add("Medication", text.Printable(e.Medication))
	if e.Interference != nil {
		add("In the way", fmt.Sprintf("%d of 10", *e.Interference))
	}
	add("Sleep", diary.SleepQualities.Label(e.Sleep))
	add("Time", e.Local().Format("Monday 2 January 2006, 15:04 (UTC-07:00)"))
	var lines []string
	for _, r := range rows {
		lines = append(lines, st.Muted.Render(pad(r[0], 12))+r[1])
	}
	if e.Note != "" {
		note := lipgloss.NewStyle().Width(max(10, width-4)).Render(text.Printable(e.Note))
		lines = append(lines, "", st.Muted.Render("Note"), note)
	}
	if a, ok := diary.AdviceForEntry(e.Warnings, e.Where, e.Feels); ok {
		lines = append(lines, "", adviceView(a, width-2, st, false, false))
	}
	return lipgloss.NewStyle().PaddingLeft(1).Render(strings.Join(lines, "\n"))
}
