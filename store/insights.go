package store

import "lumbar/store/diary"

// InsightsOf reads what the insights over the `days` days ending today
// need, in one transaction: each day's totals, never the records.
func InsightsOf(tx *Tx, today diary.Day, days int) (diary.Insights, error) {
	totals, err := DayTotalsOf(tx, diary.InsightsStart(today, max(days, 1)), today)
	if err != nil {
		return diary.Insights{}, err
	}
	settings, err := LoadSettings(tx)
	if err != nil {
		settings = diary.DefaultSettings() // a damaged setting must not hide the diary
	}
	logged, err := LoggedDays(tx)
	if err != nil {
		return diary.Insights{}, err
	}
	return diary.InsightsFromTotals(totals, settings.WaterGoalML, logged, today, days), nil
}
