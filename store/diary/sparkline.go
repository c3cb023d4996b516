package diary

import "slices"

// SparklineDays is how many days the status bar's sparkline shows.
const SparklineDays = 14

var sparkLevels = []rune("▁▂▃▄▅▆▇█")

// SparklineGap stands for a day with nothing logged.
const SparklineGap = '·'

// Sparkline draws each day's worst pain as one bar, 0 lowest and 10
// highest, with SparklineGap for days with no entry.
func Sparkline(days []DayPain) string {
	out := make([]rune, len(days))
	for i, d := range days {
		if !d.Logged() {
			out[i] = SparklineGap
			continue
		}
		level := (d.Worst*(len(sparkLevels)-1) + PainMax/2) / PainMax
		out[i] = sparkLevels[level]
	}
	return string(out)
}

// AnyLogged tells whether any of the days has an entry.
func AnyLogged(days []DayPain) bool {
	return slices.ContainsFunc(days, DayPain.Logged)
}
