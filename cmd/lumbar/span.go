package main

import (
	"fmt"

	"lumbar/store/diary"
	"lumbar/store/report"
	"lumbar/store/text"
)

// periodFlags are the flags periodArgs reads, for commands that cover a
// span of days: the last N days, or from one date to another.
func periodFlags(defaultDays int) []flagSpec {
	return []flagSpec{
		{"days", "N", fmt.Sprintf("the last N days, today included: 1 to %d (default %d)", maxDays, defaultDays)},
		{"from", "DATE", "the first day, YYYY-MM-DD"},
		{"to", "DATE", "the last day, YYYY-MM-DD (default today; needs --from)"},
	}
}

// periodArgs reads the period from --days, or --from and --to; with
// none of them it is the last defaultDays days.
func periodArgs(a *parsedArgs, today diary.Day, defaultDays int) (report.Period, error) {
	if a.has("days") && (a.has("from") || a.has("to")) {
		return report.Period{}, a.refuseUsage("give --days N or --from DATE --to DATE, not both")
	}
	if !a.has("from") {
		if a.has("to") {
			return report.Period{}, a.refuseUsage("--to needs --from: lumbar %s --from DATE --to DATE", a.cmd.name)
		}
		days, err := a.intValue("days", defaultDays, 1, maxDays)
		return report.LastDays(today, days), err
	}
	p := report.Period{Last: today}
	var err error
	if p.First, err = dayValue(a, "from"); err != nil {
		return p, err
	}
	if a.has("to") {
		if p.Last, err = dayValue(a, "to"); err != nil {
			return p, err
		}
	}
	switch {
	case p.Last > today:
		return p, a.refuseUsage("--to %s is in the future; today is %s", p.Last, today)
	case p.First > p.Last:
		return p, a.refuseUsage("--from %s is after %s, the last day", p.First, p.Last)
	case p.Days() > maxDays:
		return p, a.refuseUsage("%s to %s is %s days; lumbar %s covers at most %s", p.First, p.Last,
			text.Thousands(p.Days()), a.cmd.name, text.Thousands(maxDays))
	}
	return p, nil
}

// dayValue reads flag name as a day, YYYY-MM-DD.
func dayValue(a *parsedArgs, name string) (diary.Day, error) {
	d, err := diary.ParseDay(a.value(name))
	if err != nil {
		return 0, a.refuseUsage("--%s must be a date like 2026-03-31, not %s", name, quote(a.value(name)))
	}
	return d, nil
}
