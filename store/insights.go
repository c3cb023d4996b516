package store

import "lumbar/store/diary"

// InsightsOf reads what the insights over the `days` days ending today
// need, in one transaction: each day's totals, never the records.
func InsightsOf(tx *Tx, today diary.Day, days int) (diary.Insights, error) {
	totals, err := DayTotalsOf(tx, diary.InsightsStart(today, max(days, 1)), today)
	if err != nil {
		return diary.Insights{}, err
	}
	logged, err := LoggedDays(tx)
	if err != nil {
		return diary.Insights{}, err
	}
	return insightsFromTotals(totals, insightSettings(tx), logged, today, days), nil
}

// insightSettings is the settings the insights depend on: the water goal
// they compare against, and the daily log reminder the streak mentions.
func insightSettings(tx *Tx) diary.Settings {
	settings, err := LoadSettings(tx)
	if err != nil {
		settings = diary.DefaultSettings() // a damaged setting must not hide the diary
	}
	return settings
}

// insightsFromTotals is diary.InsightsFromTotals under set.
func insightsFromTotals(totals []diary.DayTotals, set diary.Settings, logged []diary.Day, today diary.Day, days int) diary.Insights {
	in := diary.InsightsFromTotals(totals, set.WaterGoalML, logged, today, days)
	in.Streak = in.Streak.WithNudge(set)
	return in
}

// Overview is what the Log tab shows of the day totals: the pain of every
// day from the diary's first to today, and the insights over each span.
type Overview struct {
	First    diary.Day
	Days     []diary.DayPain  // First … today, one per day
	Insights []diary.Insights // one per span asked for, in that order
}

// OverviewOf reads the Log's overview with one pass over the day totals,
// however many spans it covers.
func OverviewOf(tx *Tx, today diary.Day, spans []int) (Overview, error) {
	ov := Overview{First: today}
	if first, ok := firstDay(tx); ok && first < today {
		ov.First = first
	}
	start := ov.First
	for _, days := range spans {
		start = min(start, diary.InsightsStart(today, max(days, 1)))
	}
	totals, err := DayTotalsOf(tx, start, today)
	if err != nil {
		return ov, err
	}
	var logged []diary.Day // every day with an entry: the totals start at the first
	ov.Days = make([]diary.DayPain, 0, today-ov.First+1)
	for _, t := range totals {
		if t.PainEntries() > 0 {
			logged = append(logged, t.Day)
		}
		if t.Day >= ov.First {
			ov.Days = append(ov.Days, t.Pain())
		}
	}
	set := insightSettings(tx)
	ov.Insights = make([]diary.Insights, len(spans))
	for i, days := range spans {
		from := diary.InsightsStart(today, max(days, 1))
		ov.Insights[i] = insightsFromTotals(totals[from-start:], set, logged, today, days)
	}
	return ov, nil
}
