package main

import (
	"fmt"

	"lumbar/store"
	"lumbar/store/diary"
	"lumbar/store/text"
)

var statsCommand = command{
	name: "stats", synopsis: "[--days N] [--json]", summary: "insights and a sparkline of the last N days",
	about: `What the last N days (default 30, today included) say about your pain: the
same insights as the Log tab, and a sparkline of each day's worst pain
(· marks a day with nothing logged). Comparisons are shown only with at
least 3 days on each side, and say what happened together, not why.`,
	flags: spanFlags,
	more:  func() string { return statsJSONHelp },
	run:   runStats,
}

const statsJSONHelp = `JSON: one object; every key is always there.

  {"from": "2026-10-29", "to": "2026-11-27", "days": 30, "days_logged": 24,
   "mean": 3.4, "worst": 7,               means of the logged days' means
   "daily": [{"day": "2026-10-29", "entries": 1, "mean": 3, "worst": 3}, …],
                              every day of the span; entries 0 = not logged
   "week": {"this_week": {"mean": 3.1, "days": 6},
            "last_week": {"mean": 4, "days": 7},
            "change": -0.9, "meaningful": false, "enough_data": true},
                              meaningful: at least 30% and at least 1 point;
                              enough_data: at least 4 logged days each week
   "streak": {"current": 12, "logged_today": true, "longest": 20},
                                           days in a row with an entry, over all
                                           entries (not only the span's)
   "factors": [{"factor": "stretching", "with": {"mean": 3.1, "days": 18},
                "without": {"mean": 4, "days": 6}, "enough_data": true}, …],
                                           stretching, massage, heat, walking
   "routines": {"sessions": 12, "mean_before": 4.1, "mean_after": 3.3,
                "mean_change": -0.8, "enough_data": true},
   "sparkline": "▂▃·▄…",                  one character per day of the span
   "insights": ["In the last 30 days you logged 24 days; …", …]}
`

// sparklineMaxDays keeps the text sparkline on one line.
const sparklineMaxDays = 60

func runStats(inv *invocation) error {
	days, s, err := spanAndDiary(inv)
	if err != nil {
		return err
	}
	today := diary.DayOf(inv.now())
	in := diary.ComputeInsights(diary.InsightRecords{}, today, days) // no diary yet: nothing logged
	if s != nil {
		err = s.View(func(tx *store.Tx) (err error) {
			in, err = store.InsightsOf(tx, today, days)
			return err
		})
	}
	if err != nil {
		return err
	}
	if inv.args.has("json") {
		return printJSON(inv, struct {
			diary.Insights
			Sparkline string   `json:"sparkline"`
			Sentences []string `json:"insights"`
		}{in, diary.Sparkline(in.Daily), in.Sentences()})
	}
	shown := in.Daily[max(0, len(in.Daily)-sparklineMaxDays):]
	fmt.Fprintf(inv.stdout, "Last %s, %s to %s\n", text.Plural(in.Days, "day"), in.From, in.To)
	fmt.Fprintf(inv.stdout, "worst pain per day, last %s: %s  (· nothing logged)\n\n", text.Plural(len(shown), "day"), diary.Sparkline(shown))
	for _, sentence := range in.Sentences() {
		fmt.Fprintln(inv.stdout, "•", sentence)
	}
	return nil
}
