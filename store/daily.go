package store

import "lumbar/store/diary"

// PainDays reads the days [first, last], one DayPain per day in order,
// days without entries included (Entries 0). Each entry counts on its own
// local day, whatever time zone it was made in.
func PainDays(tx *Tx, first, last diary.Day) ([]diary.DayPain, error) {
	totals, err := DayTotalsOf(tx, first, last)
	if err != nil || totals == nil {
		return nil, err
	}
	days := make([]diary.DayPain, len(totals))
	for i, t := range totals {
		days[i] = t.Pain()
	}
	return days, nil
}
