package diary

import (
	"fmt"
	"slices"

	"lumbar/store/text"
)

// Streak is the logging streak: days in a row with at least one entry. It
// is worked out over every entry ever made, never over a chart's span, so
// the Log tab shows the same streak in every span and `lumbar stats` agrees.
type Streak struct {
	// Current ends today, or yesterday while today is not logged yet.
	Current     int  `json:"current"`
	LoggedToday bool `json:"logged_today"`
	Longest     int  `json:"longest"` // of all time, so never below Current
	// Nudge is when the daily log reminder asks ("20:00"), "" when it is
	// off: the streak's sentence mentions it while today is not logged.
	Nudge string `json:"-"`
}

// WithNudge is s mentioning the daily log reminder as set.
func (s Streak) WithNudge(set Settings) Streak {
	s.Nudge = ""
	if set.LogEnabled {
		s.Nudge = set.LogTime.String()
	}
	return s
}

// StreakOf works out the streak from the days that have at least one
// entry, in any order, repeats allowed. Days after today do not count.
func StreakOf(logged []Day, today Day) Streak {
	days := slices.Clone(logged)
	slices.Sort(days)
	days = slices.Compact(days)
	days = days[:sortedCountUpTo(days, today)]
	var s Streak
	run := 0
	for i, d := range days {
		if i > 0 && d == days[i-1]+1 {
			run++
		} else {
			run = 1
		}
		s.Longest = max(s.Longest, run)
	}
	if n := len(days); n > 0 {
		last := days[n-1]
		s.LoggedToday = last == today
		if last >= today-1 { // today is not over: yesterday's run still counts
			s.Current = run
		}
	}
	return s
}

func (s Streak) sentence() string {
	if s.LoggedToday || s.Nudge == "" {
		return s.runSentence()
	}
	return s.runSentence() + " The log reminder asks at " + s.Nudge + " on active days with nothing logged."
}

func (s Streak) runSentence() string {
	switch {
	case s.Current == 0:
		return "No logging streak right now: an entry today starts one."
	case !s.LoggedToday:
		return fmt.Sprintf("You logged %s in a row up to yesterday; an entry today keeps it going.", text.Plural(s.Current, "day"))
	case s.Longest > s.Current:
		return fmt.Sprintf("You have logged %s in a row (your longest run: %s).", text.Plural(s.Current, "day"), text.Plural(s.Longest, "day"))
	case s.Current > 1:
		return fmt.Sprintf("You have logged %s in a row, your longest run so far.", text.Plural(s.Current, "day"))
	}
	return "You have logged today: an entry tomorrow starts a streak."
}

// sortedCountUpTo is how many of the sorted days are on or before last.
func sortedCountUpTo(days []Day, last Day) int {
	n, found := slices.BinarySearch(days, last)
	if found {
		n++
	}
	return n
}
