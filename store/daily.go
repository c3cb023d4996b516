package store

import "lumbar/store/diary"

// PainDays reads the days [first, last], one DayPain per day in order,
// days without entries included (Entries 0). Each entry counts on its own
// local day, whatever time zone it was made in.
func PainDays(tx *Tx, first, last diary.Day) ([]diary.DayPain, error) {
	if last < first {
		return nil, nil
	}
	days := diary.EmptyDays(first, last)
	err := Pain.RangeDays(tx, first, last, func(it Item[diary.PainEntry]) error {
		days[it.Value.Day()-first].Add(it.Value)
		return nil
	})
	return days, err
}
