package main

import (
	"encoding/json"
	"fmt"
	"strings"
	"time"

	"lumbar/store"
	"lumbar/tui/remind"
)

// statusReport is `lumbar status`: one line for a tmux or shell status bar,
// and the same facts as JSON.
type statusReport struct {
	WaterML     int         `json:"water_ml"`
	WaterGoalML int         `json:"water_goal_ml"`
	Glasses     int         `json:"glasses"`
	GlassesGoal int         `json:"glasses_goal"`
	Unit        string      `json:"unit"`
	Pain        *int        `json:"pain"` // today's latest rating; null when none
	Next        *nextReport `json:"next"` // null when every reminder is off
	Due         []string    `json:"due"`  // reminders due now, most pressing first
	QuietUntil  *time.Time  `json:"quiet_until"`
	Line        string      `json:"line"`
}

type nextReport struct {
	Reminder string    `json:"reminder"`
	At       time.Time `json:"at"`
}

// statusOf reads everything in one transaction and plans the reminders.
func statusOf(s *store.Store, now time.Time, ascii bool) (statusReport, error) {
	st, err := s.ReminderState(now)
	if err != nil {
		return statusReport{}, err
	}
	set, sched := st.Settings, remind.Plan(st, now)
	r := statusReport{
		WaterML: st.Today.WaterML, WaterGoalML: set.WaterGoalML,
		Glasses: set.Glasses(st.Today.WaterML), GlassesGoal: set.GoalGlasses(),
		Unit: string(set.WaterUnit), Due: []string{},
	}
	if p := st.Today.LatestPain; p != nil {
		r.Pain = &p.Pain
	}
	if len(sched.Next) > 0 {
		r.Next = &nextReport{Reminder: string(sched.Next[0].Kind), At: sched.Next[0].At}
	}
	for _, d := range sched.DueNow() {
		r.Due = append(r.Due, string(d.Kind))
	}
	if sched.Quiet() {
		r.QuietUntil = &sched.QuietUntil
	}
	r.Line = statusLine(r, sched.Phrase(), ascii)
	return r, nil
}

// statusLine is "💧 5/8 · pain 3 · posture in 12m", or in plain ASCII
// "water 5/8 | pain 3 | posture in 12m".
func statusLine(r statusReport, next string, ascii bool) string {
	water, sep := "💧 ", " · "
	if ascii {
		water, sep = "water ", " | "
	}
	parts := []string{fmt.Sprintf("%s%d/%d", water, r.Glasses, r.GlassesGoal)}
	if r.Pain != nil {
		parts = append(parts, fmt.Sprintf("pain %d", *r.Pain))
	}
	if next != "" {
		parts = append(parts, next)
	}
	return strings.Join(parts, sep)
}

func runStatus(inv *invocation, args []string) int {
	var ascii, asJSON bool
	for _, arg := range args {
		switch strings.TrimLeft(arg, "-") {
		case "ascii":
			ascii = true
		case "json":
			asJSON = true
		default:
			return usageError(inv.system, fmt.Sprintf("status: unknown argument %q (it takes --ascii and --json)", arg))
		}
	}
	r, err := statusOf(inv.store, inv.now(), ascii)
	if err != nil {
		return fail(inv.system, err)
	}
	if asJSON {
		out, _ := json.Marshal(r) // plain values: cannot fail
		fmt.Fprintln(inv.stdout, string(out))
		return exitOK
	}
	fmt.Fprintln(inv.stdout, r.Line)
	return exitOK
}
