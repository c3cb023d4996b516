package diary

import "slices"

// DayTotals is one local day's records summed up: what the charts,
// insights, streak and status bar need of the day, without its records.
// The store keeps one per day, updated with every write, so a year of
// insights reads 365 of these instead of a year of records. Every field
// is a count or a whole-number sum, so removing a record undoes adding it
// exactly.
type DayTotals struct {
	Day Day
	// PainRatings counts the day's pain entries by rating: the mean and
	// the worst follow from it, and survive a removal.
	PainRatings [PainMax + 1]int
	// Helped counts, for each relief, the day's entries that list it.
	Helped []Tally

	WaterML   int
	WaterLogs int

	Sessions      int
	RatedSessions int // with pain rated both before and after
	PainBeforeSum int // over the rated sessions
	PainAfterSum  int

	Checks int     // reminder answers of any kind
	Done   []Tally // answers "done", by reminder kind
}

// Tally is how many of a day's records carry one ID.
type Tally struct {
	ID string
	N  int
}

// Count adds r to the totals (sign +1) or takes it away (sign -1). A
// record of a kind the totals do not count changes nothing.
func (t *DayTotals) Count(r Record, sign int) {
	switch r := r.(type) {
	case PainEntry:
		t.PainRatings[min(max(r.Pain, PainMin), PainMax)] += sign
		for _, id := range r.Helped {
			t.Helped = addTally(t.Helped, id, sign)
		}
	case WaterLog:
		t.WaterML += sign * r.ML
		t.WaterLogs += sign
	case Session:
		t.Sessions += sign
		if r.PainBefore != nil && r.PainAfter != nil {
			t.RatedSessions += sign
			t.PainBeforeSum += sign * *r.PainBefore
			t.PainAfterSum += sign * *r.PainAfter
		}
	case Check:
		t.Checks += sign
		if r.Action == ActionDone {
			t.Done = addTally(t.Done, string(r.Kind), sign)
		}
	}
}

// addTally changes id's count by n, dropping it when it reaches zero.
func addTally(tallies []Tally, id string, n int) []Tally {
	i := slices.IndexFunc(tallies, func(t Tally) bool { return t.ID == id })
	if i < 0 {
		return append(tallies, Tally{ID: id, N: n})
	}
	tallies[i].N += n
	if tallies[i].N == 0 {
		return slices.Delete(tallies, i, i+1)
	}
	return tallies
}

// Empty tells whether no record is counted in the totals.
func (t DayTotals) Empty() bool {
	return t.PainEntries() == 0 && len(t.Helped) == 0 && t.WaterLogs == 0 && t.WaterML == 0 &&
		t.Sessions == 0 && t.RatedSessions == 0 && t.PainBeforeSum == 0 && t.PainAfterSum == 0 &&
		t.Checks == 0 && len(t.Done) == 0
}

// Consistent tells whether the totals could be a sum of records: no count
// below zero. Taking away a record that was never added breaks it.
func (t DayTotals) Consistent() bool {
	for _, n := range t.PainRatings {
		if n < 0 {
			return false
		}
	}
	for _, tallies := range [][]Tally{t.Helped, t.Done} {
		for _, tl := range tallies {
			if tl.N < 0 {
				return false
			}
		}
	}
	return t.WaterML >= 0 && t.WaterLogs >= 0 && t.Sessions >= 0 && t.RatedSessions >= 0 &&
		t.PainBeforeSum >= 0 && t.PainAfterSum >= 0 && t.Checks >= 0
}

// PainEntries is how many pain entries the day has.
func (t DayTotals) PainEntries() int {
	n := 0
	for _, c := range t.PainRatings {
		n += c
	}
	return n
}

// Pain is the day's pain summed up as DayPain, exactly as adding its
// entries one by one gives it.
func (t DayTotals) Pain() DayPain {
	d := DayPain{Day: t.Day}
	for rating, n := range t.PainRatings {
		if n > 0 {
			d.Entries += n
			d.sum += float64(rating * n)
			d.Worst = rating
		}
	}
	if d.Entries > 0 {
		d.Mean = Score(d.sum / float64(d.Entries))
	}
	return d
}

// HelpedIDs is what helped on the day, each relief once.
func (t DayTotals) HelpedIDs() []string {
	ids := make([]string, len(t.Helped))
	for i, tl := range t.Helped {
		ids[i] = tl.ID
	}
	return ids
}

// DoneOf is how many reminders of kind were answered "done" that day.
func (t DayTotals) DoneOf(kind CheckKind) int {
	for _, tl := range t.Done {
		if tl.ID == string(kind) {
			return tl.N
		}
	}
	return 0
}

// Equal tells whether two totals count the same records; the order the
// tallies were first met in does not matter.
func (t DayTotals) Equal(o DayTotals) bool {
	sameTallies := func(a, b []Tally) bool {
		return len(a) == len(b) && !slices.ContainsFunc(a, func(x Tally) bool { return !slices.Contains(b, x) })
	}
	return t.Day == o.Day && t.PainRatings == o.PainRatings && sameTallies(t.Helped, o.Helped) &&
		t.WaterML == o.WaterML && t.WaterLogs == o.WaterLogs && t.Sessions == o.Sessions &&
		t.RatedSessions == o.RatedSessions && t.PainBeforeSum == o.PainBeforeSum &&
		t.PainAfterSum == o.PainAfterSum && t.Checks == o.Checks && sameTallies(t.Done, o.Done)
}

// TotalsOf sums records up by their own local day over [first, last], one
// DayTotals per day in order; records outside the span are left out.
func TotalsOf(first, last Day, records ...[]Record) []DayTotals {
	if last < first {
		return nil
	}
	days := EmptyTotals(first, last)
	for _, kind := range records {
		for _, r := range kind {
			if d := r.Stamped().Day(); d >= first && d <= last {
				days[d-first].Count(r, 1)
			}
		}
	}
	return days
}

// EmptyTotals is one DayTotals for each day in [first, last], nothing
// counted.
func EmptyTotals(first, last Day) []DayTotals {
	days := make([]DayTotals, last-first+1)
	for i := range days {
		days[i].Day = first + Day(i)
	}
	return days
}
