package main

import (
	"cmp"
	"encoding/json"
	"fmt"
	"strings"
	"time"

	"lumbar/store"
	"lumbar/store/diary"
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
// Before anything is in the diary (or there is no diary yet) nothing is
// due: reminders count from when lumbar is in use, not from the moment
// a status bar first asks.
func statusOf(s *store.Store, now time.Time, ascii bool) (statusReport, error) {
	st := diary.ReminderState{Settings: diary.DefaultSettings()}
	inUse := false
	if s != nil {
		err := s.View(func(tx *store.Tx) (err error) {
			inUse = store.HasRecords(tx)
			st, err = store.ReminderStateOf(tx, now)
			return err
		})
		if err != nil {
			return statusReport{}, err
		}
	}
	set, sched := st.Settings, diary.Plan(st, now)
	phrase := sched.Phrase()
	if !inUse {
		sched = diary.Schedule{Now: now, QuietUntil: sched.QuietUntil}
		phrase = cmp.Or(sched.Phrase(), "nothing due")
	}
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
	r.Line = statusLine(r, phrase, ascii)
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

var statusCommand = command{
	name: "status", synopsis: "[--ascii] [--json]", summary: "one line for a status bar: water, pain, next reminder",
	about: `Print one line for a tmux or shell status bar: today's water against
your goal, today's latest pain, and the next reminder, e.g.
"💧 5/8 · pain 3 · posture in 12m". It only reads, and is quick enough
to run every few seconds.`,
	flags: []flagSpec{
		{"ascii", "", `plain ASCII: "water 5/8 | pain 3 | posture in 12m"`},
		{"json", "", "the same facts as JSON, for scripts"},
	},
	more: func() string {
		return `JSON keys: water_ml, water_goal_ml, glasses, glasses_goal, unit, pain (null
when none today), next ({"reminder", "at"}, null when every reminder is
off), due (reminders due now), quiet_until, line.

In tmux:
  set -g status-interval 5
  set -g status-right '#(lumbar status --ascii)'
`
	},
	run: runStatus,
}

func runStatus(inv *invocation) error {
	if err := inv.args.noArguments(); err != nil {
		return err
	}
	s, err := inv.openDiaryToRead()
	if err != nil {
		return err
	}
	r, err := statusOf(s, inv.now(), inv.args.has("ascii"))
	if err != nil {
		return err
	}
	if inv.args.has("json") {
		out, _ := json.Marshal(r) // plain values: cannot fail
		fmt.Fprintln(inv.stdout, string(out))
		return nil
	}
	fmt.Fprintln(inv.stdout, r.Line)
	return nil
}
