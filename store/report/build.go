package report

import (
	"fmt"
	"math"
	"slices"
	"strings"

	"lumbar/store/diary"
	"lumbar/store/text"
)

// Report is everything the HTML shows, worked out from the records; the
// template only lays it out.
type Report struct {
	Options
	Logged  int // days with at least one pain entry
	Entries int
	Empty   bool // nothing at all was logged in the period

	Warnings []WarningRow
	// WarningTier is the ladder's rung of the most urgent sign logged.
	WarningTier diary.Rung

	Daily  []diary.DayPain // every day of the period
	Leg    []LegDay        // days with leg pain logged
	Worst  int
	Mean   diary.Score
	Chart  Chart
	Blocks Blocks // weekly (or, over long periods, monthly) averages
	Change MonthChange

	Where, Feels, Triggers, Medications, Sleep, Interference []Count
	Helped                                                   []HelpedRow

	Stretching Stretching
	Habits     Habits
	Factors    []FactorRow
	Routines   diary.RoutineChange

	Notes []NoteRow // only when Options.Notes
	// NotesLeftOut counts the entries with a note when notes are not shown.
	NotesLeftOut int
}

// WarningRow is one warning sign logged, with the days it was.
type WarningRow struct {
	Label string
	Tier  string // the rung's heading: "Emergency now"
	Days  []diary.Day
}

// LegDay is one day's mean leg pain, over the entries that rated it.
type LegDay struct {
	Day  diary.Day
	Mean diary.Score
}

// Count is how many days something was logged on.
type Count struct {
	Label string
	Days  int
}

// HelpedRow is what helped, on how many days, and how much it helped
// on them: days for each amount, in ReliefAmounts order.
type HelpedRow struct {
	Label    string
	Days     int
	ByAmount []int
}

// NoteRow is one entry's note, shown only with --notes.
type NoteRow struct {
	When string
	Pain int
	Note string // printable; the template escapes it
}

// Build works out a report from the records.
func Build(r Records, o Options) Report {
	p := o.Period
	rep := Report{Options: o, Entries: len(r.Entries), Daily: diary.DailyPain(r.Entries, p.First, p.Last)}
	var overall diary.Average
	for _, d := range rep.Daily {
		if d.Logged() {
			overall.Add(d)
			rep.Worst = max(rep.Worst, d.Worst)
		}
	}
	rep.Logged, rep.Mean = overall.Days, overall.Mean
	rep.Warnings, rep.WarningTier = warningRows(r.Entries)
	rep.Leg = legDays(r.Entries)
	rep.Chart = drawChart(rep.Daily, rep.Leg)
	rep.Blocks = blocksOf(rep.Daily, r.Sessions, rep.Leg, p)
	rep.Change = monthChange(rep.Daily)
	rep.details(r.Entries)
	rep.Stretching = stretchingOf(r.Sessions, r.Insights.Routines, p, o.RoutineName)
	rep.Habits = habitsOf(r, p)
	rep.Factors = factorRows(r.Insights.Factors)
	rep.Routines = r.Insights.Routines
	rep.notes(r.Entries)
	rep.Empty = rep.Entries == 0 && len(r.Sessions) == 0 && rep.Habits.WaterDays == 0 && rep.Habits.Posture.Days == 0
	return rep
}

// warningRows lists each sign logged in the period, most urgent first,
// with its days; tier is the rung of the most urgent.
func warningRows(entries []diary.PainEntry) (rows []WarningRow, tier diary.Rung) {
	days := map[string][]diary.Day{}
	for _, e := range entries {
		for _, sign := range e.Warnings {
			if d := e.Day(); !slices.Contains(days[sign], d) {
				days[sign] = append(days[sign], d)
			}
		}
	}
	var signs []string
	for _, w := range diary.WarningSigns.Words { // most urgent first
		if len(days[w.ID]) > 0 {
			signs = append(signs, w.ID)
			rows = append(rows, WarningRow{Label: w.Label, Tier: diary.RungOf(diary.TierOfSign(w.ID)).Heading, Days: days[w.ID]})
		}
	}
	if advice, ok := diary.AdviceFor(signs); ok {
		tier = diary.RungOf(advice.Tier)
	}
	return rows, tier
}

func legDays(entries []diary.PainEntry) []LegDay {
	type sum struct{ total, n float64 }
	sums := map[diary.Day]sum{}
	for _, e := range entries {
		if e.LegPain != nil {
			s := sums[e.Day()]
			sums[e.Day()] = sum{s.total + float64(*e.LegPain), s.n + 1}
		}
	}
	out := make([]LegDay, 0, len(sums))
	for d, s := range sums {
		out = append(out, LegDay{Day: d, Mean: diary.Score(s.total / s.n)})
	}
	slices.SortFunc(out, func(a, b LegDay) int { return int(a.Day - b.Day) })
	return out
}

// details counts the days each word of the entries' details was logged.
func (rep *Report) details(entries []diary.PainEntry) {
	list := func(v diary.Vocabulary, ids func(diary.PainEntry) []string) []Count {
		return vocabCounts(v, entries, ids)
	}
	rep.Where = list(diary.Areas, func(e diary.PainEntry) []string { return e.Where })
	rep.Feels = list(diary.Feelings, func(e diary.PainEntry) []string { return e.Feels })
	rep.Triggers = list(diary.Triggers, func(e diary.PainEntry) []string { return e.Triggers })
	rep.Sleep = list(diary.SleepQualities, func(e diary.PainEntry) []string { return nonEmpty(e.Sleep) })
	rep.Helped = helpedRows(entries)
	rep.Medications = medicationCounts(entries)
	rep.Interference = interferenceCounts(entries)
}

func nonEmpty(id string) []string {
	if id == "" {
		return nil
	}
	return []string{id}
}

// dayCounter counts distinct days per key.
type dayCounter map[string]map[diary.Day]bool

func (c dayCounter) add(key string, d diary.Day) {
	if c[key] == nil {
		c[key] = map[diary.Day]bool{}
	}
	c[key][d] = true
}

// vocabCounts counts the days each of v's words was logged on, in v's
// order, leaving out words never logged.
func vocabCounts(v diary.Vocabulary, entries []diary.PainEntry, ids func(diary.PainEntry) []string) []Count {
	c := dayCounter{}
	for _, e := range entries {
		for _, id := range ids(e) {
			c.add(id, e.Day())
		}
	}
	var out []Count
	for _, w := range v.Words {
		if n := len(c[w.ID]); n > 0 {
			out = append(out, Count{Label: w.Label, Days: n})
		}
	}
	return out
}

func helpedRows(entries []diary.PainEntry) []HelpedRow {
	days, amounts := dayCounter{}, dayCounter{}
	for _, e := range entries {
		for _, id := range e.Helped {
			days.add(id, e.Day())
			if e.Relief != "" {
				amounts.add(id+"/"+e.Relief, e.Day())
			}
		}
	}
	var out []HelpedRow
	for _, w := range diary.Reliefs.Words {
		if len(days[w.ID]) == 0 {
			continue
		}
		row := HelpedRow{Label: w.Label, Days: len(days[w.ID])}
		for _, a := range diary.ReliefAmounts.Words {
			row.ByAmount = append(row.ByAmount, len(amounts[w.ID+"/"+a.ID]))
		}
		out = append(out, row)
	}
	return out
}

// medicationCounts counts days per medication as written (the same text,
// spaces aside), most days first.
func medicationCounts(entries []diary.PainEntry) []Count {
	c := dayCounter{}
	for _, e := range entries {
		if med := strings.Join(strings.Fields(text.Printable(e.Medication)), " "); med != "" {
			c.add(med, e.Day())
		}
	}
	return sortedCounts(c)
}

func sortedCounts(c dayCounter) []Count {
	var out []Count
	for label, days := range c {
		out = append(out, Count{Label: label, Days: len(days)})
	}
	slices.SortFunc(out, func(a, b Count) int {
		if a.Days != b.Days {
			return b.Days - a.Days
		}
		return strings.Compare(a.Label, b.Label)
	})
	return out
}

// interferenceBands group how much pain got in the way of a day (0–10).
var interferenceBands = []struct {
	label  string
	lo, hi int
}{{"0–3 (little)", 0, 3}, {"4–6", 4, 6}, {"7–10 (a lot)", 7, 10}}

// interferenceCounts counts days by the most pain got in the way that
// day; nil when it was never rated.
func interferenceCounts(entries []diary.PainEntry) []Count {
	most := map[diary.Day]int{}
	for _, e := range entries {
		if e.Interference == nil {
			continue
		}
		if v, seen := most[e.Day()]; !seen || *e.Interference > v {
			most[e.Day()] = *e.Interference
		}
	}
	if len(most) == 0 {
		return nil
	}
	out := make([]Count, len(interferenceBands))
	for i, b := range interferenceBands {
		out[i].Label = b.label
		for _, v := range most {
			if v >= b.lo && v <= b.hi {
				out[i].Days++
			}
		}
	}
	return out
}

// Stretching sums up the stretch sessions of the period.
type Stretching struct {
	Sessions, Completed, Stopped int
	PerWeek                      string // sessions per week, one decimal
	Routines                     []Count
	Rated                        diary.RoutineChange
}

func stretchingOf(sessions []diary.Session, rated diary.RoutineChange, p Period, name func(string) string) Stretching {
	if name == nil {
		name = func(id string) string { return id }
	}
	s := Stretching{Sessions: len(sessions), Rated: rated}
	c := dayCounter{}
	perRoutine := map[string]int{}
	for _, ss := range sessions {
		if ss.StepsDone == ss.StepsTotal {
			s.Completed++
		} else {
			s.Stopped++
		}
		c.add(ss.Routine, ss.Day())
		perRoutine[ss.Routine]++
	}
	s.PerWeek = diary.Score(float64(len(sessions)) * 7 / float64(p.Days())).String()
	for _, r := range sortedCounts(c) {
		s.Routines = append(s.Routines, Count{Label: name(r.Label), Days: perRoutine[r.Label]})
	}
	return s
}

// Habits are the water and posture habits of the period.
type Habits struct {
	WaterGoal               string // the goal in the person's unit: "2,000 ml"
	WaterDays, WaterGoalMet int
	Posture                 diary.PostureCheckIns
}

func habitsOf(r Records, p Period) Habits {
	h := Habits{WaterGoal: r.Settings.WaterUnit.Format(r.Settings.WaterGoalML), Posture: r.Insights.Posture}
	for d, ml := range r.WaterML {
		if !p.Contains(d) || ml <= 0 {
			continue
		}
		h.WaterDays++
		if ml >= r.Settings.WaterGoalML {
			h.WaterGoalMet++
		}
	}
	return h
}

// FactorRow is one insight comparison: pain on days with a factor
// against days without, with the day counts.
type FactorRow struct {
	Name          string
	With, Without diary.Average
	Enough        bool
}

func factorRows(factors []diary.FactorComparison) []FactorRow {
	out := make([]FactorRow, 0, len(factors))
	for _, c := range factors {
		i := slices.IndexFunc(diary.Factors, func(f diary.Factor) bool { return f.ID == c.Factor })
		out = append(out, FactorRow{Name: diary.Factors[i].Name, With: c.With, Without: c.Without, Enough: c.Enough})
	}
	return out
}

func (rep *Report) notes(entries []diary.PainEntry) {
	for _, e := range entries {
		note := strings.TrimSpace(text.Printable(e.Note))
		switch {
		case note == "":
		case rep.Options.Notes:
			rep.Notes = append(rep.Notes, NoteRow{When: e.Local().Format("Mon 2 Jan 2006 15:04"), Pain: e.Pain, Note: note})
		default:
			rep.NotesLeftOut++
		}
	}
}

// MonthChange reads the change between the period's first and last 30
// days by the meaningful-change rule, when there is enough to tell.
type MonthChange struct {
	Enough            bool
	First, Last       diary.Average
	FirstFrom, LastTo diary.Day
	FirstTo, LastFrom diary.Day
	Change            diary.Score // as shown, one decimal
	Percent           string      // of the first month's mean, rounded, signed: "−15%"
	Meaningful        bool
	ShortPeriod       bool // the period is shorter than two months
}

// Two months are compared only when each has this many logged days.
const (
	monthDays         = 30
	minDaysMonthCheck = 10
)

func monthChange(daily []diary.DayPain) MonthChange {
	var m MonthChange
	if len(daily) < 2*monthDays {
		m.ShortPeriod = true
		return m
	}
	first, last := daily[:monthDays], daily[len(daily)-monthDays:]
	m.FirstFrom, m.FirstTo = first[0].Day, first[monthDays-1].Day
	m.LastFrom, m.LastTo = last[0].Day, last[monthDays-1].Day
	for i := range monthDays {
		if first[i].Logged() {
			m.First.Add(first[i])
		}
		if last[i].Logged() {
			m.Last.Add(last[i])
		}
	}
	m.Enough = m.First.Days >= minDaysMonthCheck && m.Last.Days >= minDaysMonthCheck
	if m.Enough {
		m.Change = diary.ChangeShown(m.First.Mean, m.Last.Mean, 1)
		if m.First.Mean > 0 {
			m.Percent = signedPercent(100 * float64(m.Last.Mean-m.First.Mean) / float64(m.First.Mean))
		}
		m.Meaningful = diary.IsMeaningfulChange(float64(m.First.Mean), float64(m.Last.Mean))
	}
	return m
}

// signedPercent writes a share as "+12%" or "−15%".
func signedPercent(v float64) string {
	n := int(math.Round(v))
	switch {
	case n > 0:
		return fmt.Sprintf("+%d%%", n)
	case n < 0:
		return fmt.Sprintf("−%d%%", -n)
	}
	return "0%"
}

// ChangeRule is the meaningful-change rule in words.
func ChangeRule() string {
	return fmt.Sprintf("A change counts as meaningful only when it is at least %d%% of where it started and at least %s (IMMPACT); smaller changes are the usual ups and downs.",
		int(math.Round(diary.MeaningfulShare*100)), text.Plural(int(diary.MeaningfulPoints), "point"))
}
