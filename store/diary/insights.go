package diary

import (
	"fmt"
	"math"
	"slices"
	"strings"

	"lumbar/store/text"
)

// Insights are what a span of days says about the pain in it. The Log tab
// and `lumbar stats` both get them from InsightsOf and word them with
// Sentences, so the two never disagree. They describe what happened
// together, never what caused what.
type Insights struct {
	From     Day                `json:"from"`
	To       Day                `json:"to"`
	Days     int                `json:"days"`
	Logged   int                `json:"days_logged"`
	Mean     Score              `json:"mean"` // of the logged days' means
	Worst    int                `json:"worst"`
	Daily    []DayPain          `json:"daily"` // every day of the span, oldest first
	Week     WeekChange         `json:"week"`
	Streak   Streak             `json:"streak"`
	Factors  []FactorComparison `json:"factors"`
	Routines RoutineChange      `json:"routines"`
	Posture  PostureCheckIns    `json:"posture_check_ins"`
}

// InsightRecords are the records insights are drawn from.
type InsightRecords struct {
	Entries  []PainEntry
	Sessions []Session
	Water    []WaterLog
	Checks   []Check
	// WaterGoalML is the daily goal the water factor compares against.
	WaterGoalML int
	// LoggedDays holds the day of every entry ever made, not only the
	// span's: the streak is the same whatever span is looked at.
	LoggedDays []Day
}

// PostureCheckIns is how many posture check-ins were done a day, on the
// days with at least one.
type PostureCheckIns struct {
	Days   int   `json:"days"`
	PerDay Score `json:"per_day"`
}

// MinDaysToCompare is how many days each side of a comparison needs
// before lumbar says anything about it: fewer is too easily chance.
const MinDaysToCompare = 3

// MinDaysPerWeek is how many logged days each week needs before this week
// is compared with last: with fewer there is not enough to tell.
const MinDaysPerWeek = 4

// The meaningful-change rule for pain scores: a change counts only when it
// is at least this share of where it started and at least this many
// points (IMMPACT: about 30% is a moderate change to the person; the
// point floor keeps 1.0 → 1.3 from counting).
const (
	MeaningfulShare  = 0.3
	MeaningfulPoints = 1.0
)

// Average is the mean of some days' daily means, and how many days.
type Average struct {
	Mean Score `json:"mean"`
	Days int   `json:"days"`
}

// Add counts one more logged day.
func (a *Average) Add(d DayPain) {
	a.Mean = Score((float64(a.Mean)*float64(a.Days) + float64(d.Mean)) / float64(a.Days+1))
	a.Days++
}

// WeekChange compares the last 7 days (today included) with the 7 before.
type WeekChange struct {
	ThisWeek Average `json:"this_week"`
	LastWeek Average `json:"last_week"`
	Change   Score   `json:"change"` // this week's mean minus last week's, as shown (ChangeShown)
	// Meaningful: a change of at least 30% and at least 1 point (see
	// IsMeaningfulChange); smaller changes are the ordinary ups and downs.
	Meaningful bool `json:"meaningful"`
	Enough     bool `json:"enough_data"`
}

// FactorComparison is the pain on days with a factor against days without.
type FactorComparison struct {
	Factor  string  `json:"factor"`
	With    Average `json:"with"`
	Without Average `json:"without"`
	Enough  bool    `json:"enough_data"`
}

// RoutineChange is how pain rated before a stretch routine compares with
// pain rated after it, over the sessions that have both.
type RoutineChange struct {
	Sessions int   `json:"sessions"`
	Before   Score `json:"mean_before"`
	After    Score `json:"mean_after"`
	Change   Score `json:"mean_change"` // After minus Before, as shown (ChangeShown)
	Enough   bool  `json:"enough_data"`
}

// DayFacts is what one logged day holds, for factors to look at.
type DayFacts struct {
	Pain         DayPain
	Helped       []string // what helped, over all the day's entries
	Sessions     int      // stretch sessions started that day
	WaterGoalMet bool     // the day's water reached the goal
	PostureDone  int      // posture check-ins done that day
}

// Factor is something a person may do on some days and not others. To
// compare another one, add it here; if it needs another kind of record,
// add a field to DayFacts and fill it in dayFacts.
type Factor struct {
	ID   string
	Name string // what it is called in a list: "stretching"
	Did  string // completes "On days …": "you stretched"
	On   func(DayFacts) bool
}

// Factors are compared in this order.
var Factors = []Factor{
	{ID: "stretching", Name: "stretching", Did: "you stretched", On: func(d DayFacts) bool {
		return d.Sessions > 0 || slices.Contains(d.Helped, "stretching")
	}},
	{ID: "massage", Name: "massage", Did: "you had a massage", On: func(d DayFacts) bool {
		return slices.ContainsFunc(d.Helped, func(id string) bool { return strings.HasPrefix(id, "massage") })
	}},
	{ID: "heat", Name: "heat", Did: "you used heat", On: helped("heat")},
	{ID: "walking", Name: "walking", Did: "you walked", On: helped("walking")},
	{ID: "water-goal", Name: "water goal", Did: "you met your water goal", On: func(d DayFacts) bool { return d.WaterGoalMet }},
	{ID: "posture", Name: "posture check-ins", Did: "you did posture check-ins", On: func(d DayFacts) bool { return d.PostureDone > 0 }},
}

func helped(id string) func(DayFacts) bool {
	return func(d DayFacts) bool { return slices.Contains(d.Helped, id) }
}

// MinRoutinesToCompare is how many rated sessions the before/after
// comparison needs.
const MinRoutinesToCompare = 3

// InsightsStart is the first day the insights look at: the span, or the two
// weeks the week comparison needs if the span is shorter.
func InsightsStart(today Day, days int) Day {
	return min(today-Day(days)+1, today-13)
}

// ComputeInsights works out the insights over the `days` days ending
// today from the records of at least those days (and the two weeks up to
// today).
func ComputeInsights(r InsightRecords, today Day, days int) Insights {
	totals := TotalsOf(InsightsStart(today, max(days, 1)), today,
		records(r.Entries), records(r.Sessions), records(r.Water), records(r.Checks))
	return InsightsFromTotals(totals, r.WaterGoalML, r.LoggedDays, today, days)
}

// records views a list of one kind of record as records.
func records[T Record](list []T) []Record {
	out := make([]Record, len(list))
	for i, r := range list {
		out[i] = r
	}
	return out
}

// InsightsFromTotals works out the insights over the `days` days ending
// today from each day's totals, InsightsStart to today in order (see
// TotalsOf), the daily water goal and the day of every entry ever made.
func InsightsFromTotals(totals []DayTotals, waterGoalML int, logged []Day, today Day, days int) Insights {
	days = max(days, 1)
	all := make([]DayPain, len(totals))
	for i, t := range totals {
		all[i] = t.Pain()
	}
	span := all[len(all)-days:]
	spanTotals := totals[len(totals)-days:]
	in := Insights{From: span[0].Day, To: today, Days: days, Daily: span}
	var overall Average
	for _, d := range span {
		if d.Logged() {
			overall.Add(d)
			in.Worst = max(in.Worst, d.Worst)
		}
	}
	in.Logged, in.Mean = overall.Days, overall.Mean
	in.Week = weekChange(all[len(all)-14:])
	in.Streak = StreakOf(logged, today)
	in.Factors = compareFactors(dayFacts(span, spanTotals, waterGoalML))
	in.Routines = routineChange(spanTotals)
	in.Posture = postureCheckIns(spanTotals)
	return in
}

func postureCheckIns(span []DayTotals) PostureCheckIns {
	var p PostureCheckIns
	total := 0
	for _, t := range span {
		if n := t.DoneOf(CheckPosture); n > 0 {
			p.Days++
			total += n
		}
	}
	if p.Days > 0 {
		p.PerDay = Score(float64(total) / float64(p.Days))
	}
	return p
}

func weekChange(twoWeeks []DayPain) WeekChange {
	var w WeekChange
	for i, d := range twoWeeks {
		switch {
		case !d.Logged():
		case i < 7:
			w.LastWeek.Add(d)
		default:
			w.ThisWeek.Add(d)
		}
	}
	w.Enough = w.ThisWeek.Days >= MinDaysPerWeek && w.LastWeek.Days >= MinDaysPerWeek
	if w.Enough {
		w.Change = ChangeShown(w.LastWeek.Mean, w.ThisWeek.Mean, jsonDecimals)
		w.Meaningful = IsMeaningfulChange(float64(w.LastWeek.Mean), float64(w.ThisWeek.Mean))
	}
	return w
}

// IsMeaningfulChange tells whether a change of pain score is meaningful
// to the person: at least 30% of where it started AND at least 1 point.
// From 0 any rise is more than 30%, so the point floor decides.
func IsMeaningfulChange(before, after float64) bool {
	diff := math.Abs(after - before)
	const epsilon = 1e-9 // 4.5 → 3.15 is 30%, even in floating point
	share := before <= 0 || diff/before >= MeaningfulShare-epsilon
	return share && diff >= MeaningfulPoints-epsilon
}

// dayFacts gathers, for each logged day of span, what factors look at;
// totals are the same days' totals.
func dayFacts(span []DayPain, totals []DayTotals, waterGoalML int) []DayFacts {
	var facts []DayFacts
	for i, d := range span {
		if !d.Logged() {
			continue
		}
		t := totals[i]
		facts = append(facts, DayFacts{Pain: d, Helped: t.HelpedIDs(), Sessions: t.Sessions,
			WaterGoalMet: waterGoalML > 0 && t.WaterML >= waterGoalML, PostureDone: t.DoneOf(CheckPosture)})
	}
	return facts
}

func compareFactors(facts []DayFacts) []FactorComparison {
	out := make([]FactorComparison, len(Factors))
	for i, factor := range Factors {
		c := FactorComparison{Factor: factor.ID}
		for _, f := range facts {
			if factor.On(f) {
				c.With.Add(f.Pain)
			} else {
				c.Without.Add(f.Pain)
			}
		}
		c.Enough = c.With.Days >= MinDaysToCompare && c.Without.Days >= MinDaysToCompare
		out[i] = c
	}
	return out
}

func routineChange(span []DayTotals) RoutineChange {
	var r RoutineChange
	var before, after float64
	for _, t := range span {
		r.Sessions += t.RatedSessions
		before += float64(t.PainBeforeSum)
		after += float64(t.PainAfterSum)
	}
	if r.Sessions > 0 {
		r.Before = Score(before / float64(r.Sessions))
		r.After = Score(after / float64(r.Sessions))
		r.Change = ChangeShown(r.Before, r.After, jsonDecimals)
	}
	r.Enough = r.Sessions >= MinRoutinesToCompare
	return r
}

// TogetherNotCause closes every list of insights: they describe what
// happened together, never what caused what.
const TogetherNotCause = "These show what happened together in your own notes, not what caused what."

// Sentences words the insights for people, one finding per sentence.
func (in Insights) Sentences() []string {
	out := []string{in.overviewSentence(), in.Week.sentence(), in.Streak.sentence()}
	var tooFew []string
	for _, c := range in.Factors {
		if c.Enough {
			out = append(out, c.sentence())
		} else {
			tooFew = append(tooFew, c.shortCount())
		}
	}
	if len(tooFew) > 0 {
		// One line for them all, so the findings that exist stay in view.
		out = append(out, fmt.Sprintf("Too few days yet to compare %s; each side needs %d.",
			strings.Join(tooFew, ", "), MinDaysToCompare))
	}
	out = append(out, in.Routines.sentence(), in.Posture.sentence(),
		TogetherNotCause)
	return out
}

func (in Insights) overviewSentence() string {
	if in.Logged == 0 {
		return fmt.Sprintf("Nothing logged in the last %s yet.", text.Plural(in.Days, "day"))
	}
	return fmt.Sprintf("In the last %s you logged %s; your pain averaged %s, at worst %d.",
		text.Plural(in.Days, "day"), text.Plural(in.Logged, "day"), in.Mean.String(), in.Worst)
}

func (w WeekChange) sentence() string {
	if !w.Enough {
		return fmt.Sprintf("This week against last: not enough to tell. It takes at least %s logged in each (so far %d and %d).",
			text.Plural(MinDaysPerWeek, "day"), w.ThisWeek.Days, w.LastWeek.Days)
	}
	s := fmt.Sprintf("This week your pain averaged %s (%s) against %s last week (%s): ",
		w.ThisWeek.Mean.String(), text.Plural(w.ThisWeek.Days, "day"), w.LastWeek.Mean.String(), text.Plural(w.LastWeek.Days, "day"))
	switch change := ChangeShown(w.LastWeek.Mean, w.ThisWeek.Mean, textDecimals); {
	case change == 0:
		s += "about the same"
	case change < 0:
		s += (-change).String() + " lower"
	default:
		s += change.String() + " higher"
	}
	if w.Meaningful {
		return s + ", a meaningful change (at least 30% and at least 1 point)."
	}
	return s + ", within the usual ups and downs (a meaningful change is at least 30% and at least 1 point)."
}

// shortCount names a factor with its days on each side, for the line of
// comparisons that have too few days.
func (c FactorComparison) shortCount() string {
	return fmt.Sprintf("%s (%s with, %d without)", factorByID(c.Factor).Name, text.Plural(c.With.Days, "day"), c.Without.Days)
}

func (c FactorComparison) sentence() string {
	f := factorByID(c.Factor)
	return fmt.Sprintf("On days %s, your pain averaged %s (%s) vs %s on other days (%s).",
		f.Did, c.With.Mean.String(), text.Plural(c.With.Days, "day"), c.Without.Mean.String(), text.Plural(c.Without.Days, "day"))
}

func factorByID(id string) Factor {
	i := slices.IndexFunc(Factors, func(f Factor) bool { return f.ID == id })
	return Factors[i]
}

func (r RoutineChange) sentence() string {
	if !r.Enough {
		return fmt.Sprintf("Rate your pain before and after a stretch routine %s to see how it changes (so far %d).",
			text.Plural(MinRoutinesToCompare, "time"), r.Sessions)
	}
	return fmt.Sprintf("Over %s with pain rated before and after, it went from %s to %s on average (%+.1f).",
		text.Plural(r.Sessions, "routine"), r.Before.String(), r.After.String(), float64(ChangeShown(r.Before, r.After, textDecimals)))
}

func (p PostureCheckIns) sentence() string {
	if p.Days == 0 {
		return "No posture check-ins done in these days; the Remind tab offers them while you sit."
	}
	return fmt.Sprintf("You did %s posture check-ins a day on the %s you did any.", p.PerDay.String(), text.Plural(p.Days, "day"))
}
