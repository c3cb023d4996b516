package diary

import (
	"slices"
	"testing"
	"time"

	"lumbar/store/diary/diarytest"
)

// The schedule is tested on London's wall clock, across its clock changes.
var (
	london = diarytest.London
	on     = diarytest.On
)

const (
	posture = CheckPosture
	move    = CheckMove
	water   = CheckWater
)

// day is a state builder for schedule tests.
type day struct {
	settings func(*Settings)
	acks     []Check
	waterML  int
	drink    string // last drink, wall time
	quiet    string // quiet until, wall time
	// opened is the diary's first open, wall time; "" is long before the
	// tests' dates, "never" is none recorded.
	opened string
	logged bool // a pain entry was made today
}

// establishedDiary is when the diaries of most schedule tests were first
// opened: long before any of the tests' dates.
const establishedDiary = "2025-12-01 09:00"

func (d day) state() ReminderState {
	st := ReminderState{Settings: DefaultSettings(), LastAck: map[CheckKind]Check{}}
	// The daily log nudge keeps out of the interval reminders' tests;
	// TestPlanLogNudge turns it on.
	st.Settings.LogEnabled = false
	if d.settings != nil {
		d.settings(&st.Settings)
	}
	for _, a := range d.acks {
		st.LastAck[a.Kind] = a
	}
	st.Today.WaterML = d.waterML
	if d.drink != "" {
		st.Today.LastDrink = on(d.drink).UTC()
	}
	if d.quiet != "" {
		st.QuietUntil = on(d.quiet).UTC()
	}
	if d.logged {
		st.Today.LatestPain = &PainEntry{Pain: 3}
	}
	switch d.opened {
	case "":
		st.FirstOpen = on(establishedDiary).UTC()
	case "never":
	default:
		st.FirstOpen = on(d.opened).UTC()
	}
	return st
}

func ack(kind CheckKind, action CheckAction, wall string) Check {
	return Check{Stamp: StampAt(on(wall)), Kind: kind, Action: action}
}

func snooze(kind CheckKind, wall, until string) Check {
	c := ack(kind, ActionSnoozed, wall)
	c.Until = on(until).UTC()
	return c
}

func allWeek(s *Settings) { s.HoursDays = 0x7f }

// nightShift is active hours from 22:00 to 06:00 the next morning, Monday
// to Friday nights.
func nightShift(s *Settings) { s.HoursStart, s.HoursEnd = 22*60, 6*60 }

// nightsAllWeek is nightShift every night.
func nightsAllWeek(s *Settings) { nightShift(s); allWeek(s) }

// Dates: Mon 2026-11-23 … Sun 2026-11-29. British Summer Time starts on
// Sun 2026-03-29 (01:00 GMT → 02:00 BST) and ends on Sun 2026-10-25
// (02:00 BST → 01:00 GMT).
func TestPlan(t *testing.T) {
	tests := []struct {
		name string
		day  day
		now  string
		want map[CheckKind]string // wall time with zone
		only bool                 // want lists every reminder scheduled
		due  []CheckKind          // due now, in the order shown; nil: none
	}{
		{
			name: "before hours nothing is due; intervals count from the start",
			now:  "2026-11-23 08:00",
			want: map[CheckKind]string{posture: "2026-11-23 09:30 GMT", move: "2026-11-23 09:50 GMT", water: "2026-11-23 10:00 GMT"},
		},
		{
			name: "opening the app mid-day: each missed reminder is due once",
			now:  "2026-11-23 14:00",
			want: map[CheckKind]string{posture: "2026-11-23 09:30 GMT", move: "2026-11-23 09:50 GMT", water: "2026-11-23 10:00 GMT"},
			due:  []CheckKind{posture, move, water},
		},
		{
			name: "a brand-new diary: intervals count from its first open, not all due at once",
			day:  day{opened: "2026-11-23 14:00"},
			now:  "2026-11-23 14:00",
			want: map[CheckKind]string{posture: "2026-11-23 14:30 GMT", move: "2026-11-23 14:50 GMT", water: "2026-11-23 15:00 GMT"},
		},
		{
			name: "first opened before hours: intervals count from the start of hours",
			day:  day{opened: "2026-11-23 07:00"},
			now:  "2026-11-23 07:00",
			want: map[CheckKind]string{posture: "2026-11-23 09:30 GMT", move: "2026-11-23 09:50 GMT", water: "2026-11-23 10:00 GMT"},
		},
		{
			name: "first opened an hour ago: only what an hour holds is due",
			day:  day{opened: "2026-11-23 14:00"},
			now:  "2026-11-23 14:55",
			want: map[CheckKind]string{posture: "2026-11-23 14:30 GMT", move: "2026-11-23 14:50 GMT", water: "2026-11-23 15:00 GMT"},
			due:  []CheckKind{posture, move},
		},
		{
			name: "first opened yesterday: today counts from the start of hours",
			day:  day{opened: "2026-11-23 17:00"},
			now:  "2026-11-24 09:40",
			want: map[CheckKind]string{posture: "2026-11-24 09:30 GMT", move: "2026-11-24 09:50 GMT"},
			due:  []CheckKind{posture},
		},
		{
			name: "never opened by the app (a shell command asks): nothing is due yet",
			day:  day{opened: "never"},
			now:  "2026-11-23 14:00",
			want: map[CheckKind]string{posture: "2026-11-23 14:30 GMT", move: "2026-11-23 14:50 GMT", water: "2026-11-23 15:00 GMT"},
		},
		{
			name: "first open recorded after now (the clock went back): nothing is due yet",
			day:  day{opened: "2026-11-23 16:00"},
			now:  "2026-11-23 14:00",
			want: map[CheckKind]string{posture: "2026-11-23 14:30 GMT"},
		},
		{
			name: "the interval counts from the latest answer",
			day:  day{acks: []Check{ack(posture, ActionDone, "2026-11-23 10:40"), ack(move, ActionDismissed, "2026-11-23 10:00")}},
			now:  "2026-11-23 10:50",
			want: map[CheckKind]string{posture: "2026-11-23 11:10 GMT", move: "2026-11-23 10:50 GMT", water: "2026-11-23 10:00 GMT"},
			due:  []CheckKind{water, move},
		},
		{
			name: "last week's answer counts from today's start",
			day:  day{acks: []Check{ack(posture, ActionDone, "2026-11-20 17:50")}},
			now:  "2026-11-23 08:00",
			want: map[CheckKind]string{posture: "2026-11-23 09:30 GMT", move: "2026-11-23 09:50 GMT", water: "2026-11-23 10:00 GMT"},
		},
		{
			name: "past the end of active hours it waits for tomorrow",
			day:  day{acks: []Check{ack(posture, ActionDone, "2026-11-24 17:45")}},
			now:  "2026-11-24 17:50",
			want: map[CheckKind]string{posture: "2026-11-25 09:30 GMT", move: "2026-11-24 09:50 GMT", water: "2026-11-24 10:00 GMT"},
			due:  []CheckKind{move, water},
		},
		{
			name: "due exactly at the end of active hours is tomorrow",
			day:  day{acks: []Check{ack(posture, ActionDone, "2026-11-24 17:30")}},
			now:  "2026-11-24 17:40",
			want: map[CheckKind]string{posture: "2026-11-25 09:30 GMT"},
			due:  []CheckKind{move, water},
		},
		{
			name: "in the evening a reminder missed today does not fire",
			now:  "2026-11-24 19:00",
			want: map[CheckKind]string{posture: "2026-11-25 09:30 GMT", move: "2026-11-25 09:50 GMT", water: "2026-11-25 10:00 GMT"},
		},
		{
			name: "Friday evening skips the weekend",
			now:  "2026-11-27 18:30",
			want: map[CheckKind]string{posture: "2026-11-30 09:30 GMT"},
		},
		{
			name: "weekend days when chosen",
			day:  day{settings: func(s *Settings) { s.HoursDays = 1<<time.Saturday | 1<<time.Sunday }},
			now:  "2026-11-25 12:00",
			want: map[CheckKind]string{posture: "2026-11-28 09:30 GMT"},
		},
		{
			name: "asleep through four intervals: due once, at the first",
			day:  day{acks: []Check{ack(posture, ActionDone, "2026-11-24 10:00")}},
			now:  "2026-11-24 12:05",
			want: map[CheckKind]string{posture: "2026-11-24 10:30 GMT"},
			due:  []CheckKind{move, water, posture},
		},
		{
			name: "the clock jumped forward a day: today's hours start afresh",
			day:  day{acks: []Check{ack(posture, ActionDone, "2026-11-24 10:00")}},
			now:  "2026-11-25 09:10",
			want: map[CheckKind]string{posture: "2026-11-25 09:30 GMT"},
		},
		{
			name: "the clock went back: count from now, not from the future answer",
			day:  day{acks: []Check{ack(posture, ActionDone, "2026-11-24 12:00")}},
			now:  "2026-11-24 10:00",
			want: map[CheckKind]string{posture: "2026-11-24 10:30 GMT"},
			due:  []CheckKind{move, water},
		},
		{
			name: "snooze brings it back at the snooze's end",
			day:  day{acks: []Check{snooze(posture, "2026-11-24 10:30", "2026-11-24 10:40")}},
			now:  "2026-11-24 10:31",
			want: map[CheckKind]string{posture: "2026-11-24 10:40 GMT"},
			due:  []CheckKind{move, water},
		},
		{
			name: "a snooze that ended while asleep is due now",
			day:  day{acks: []Check{snooze(posture, "2026-11-24 10:30", "2026-11-24 10:40")}},
			now:  "2026-11-24 13:00",
			want: map[CheckKind]string{posture: "2026-11-24 10:40 GMT"},
			due:  []CheckKind{move, water, posture},
		},
		{
			name: "a snooze past the end of the day is forgotten by morning",
			day:  day{acks: []Check{snooze(posture, "2026-11-23 17:55", "2026-11-23 18:05")}},
			now:  "2026-11-24 08:00",
			want: map[CheckKind]string{posture: "2026-11-24 09:30 GMT"},
		},
		{
			name: "quiet mode holds everything until it ends",
			day: day{quiet: "2026-11-24 11:00", acks: []Check{
				ack(posture, ActionDone, "2026-11-24 09:45"), ack(move, ActionDone, "2026-11-24 09:55")}},
			now:  "2026-11-24 10:00",
			want: map[CheckKind]string{posture: "2026-11-24 11:00 GMT", move: "2026-11-24 11:00 GMT", water: "2026-11-24 11:00 GMT"},
		},
		{
			name: "quiet mode ended: what it held is due, once",
			day: day{quiet: "2026-11-24 11:00", acks: []Check{
				ack(posture, ActionDone, "2026-11-24 09:45"), ack(move, ActionDone, "2026-11-24 10:55")}},
			now:  "2026-11-24 11:00",
			want: map[CheckKind]string{posture: "2026-11-24 10:15 GMT", move: "2026-11-24 11:45 GMT", water: "2026-11-24 10:00 GMT"},
			due:  []CheckKind{water, posture},
		},
		{
			name: "quiet until tomorrow",
			day:  day{quiet: "2026-11-25 00:00"},
			now:  "2026-11-24 15:00",
			want: map[CheckKind]string{posture: "2026-11-25 09:30 GMT", water: "2026-11-25 10:00 GMT"},
		},
		{
			name: "water waits until intake falls behind the even pace",
			day:  day{waterML: 1000, drink: "2026-11-24 11:30"},
			now:  "2026-11-24 12:00",
			want: map[CheckKind]string{water: "2026-11-24 13:30 GMT"}, // half the goal: half of 09:00–18:00
			due:  []CheckKind{posture, move},
		},
		{
			name: "water behind pace waits for its interval after a drink",
			day:  day{waterML: 250, drink: "2026-11-24 09:10"},
			now:  "2026-11-24 09:15",
			want: map[CheckKind]string{water: "2026-11-24 10:10 GMT"},
			due:  []CheckKind{},
		},
		{
			name: "water goal met: nothing more today",
			day:  day{waterML: 2000, drink: "2026-11-24 16:00"},
			now:  "2026-11-24 23:59",
			want: map[CheckKind]string{water: "2026-11-25 10:00 GMT"},
			due:  []CheckKind{},
		},
		{
			name: "midnight starts a new water day",
			day:  day{waterML: 0},
			now:  "2026-11-25 00:01",
			want: map[CheckKind]string{water: "2026-11-25 10:00 GMT"},
		},
		{
			name: "a reminder turned off is not scheduled",
			day:  day{settings: func(s *Settings) { s.PostureInterval = 0 }},
			now:  "2026-11-24 08:00",
			want: map[CheckKind]string{move: "2026-11-24 09:50 GMT", water: "2026-11-24 10:00 GMT"},
			only: true,
		},
		{
			name: "an interval longer than the active hours never comes due",
			day:  day{settings: func(s *Settings) { s.MoveInterval = 10 * time.Hour }},
			now:  "2026-11-24 08:00",
			want: map[CheckKind]string{posture: "2026-11-24 09:30 GMT", water: "2026-11-24 10:00 GMT"},
			only: true,
		},
		{
			name: "clocks go forward inside active hours: the interval is real time",
			day: day{settings: func(s *Settings) { allWeek(s); s.HoursStart = 30; s.HoursEnd = 3 * 60 },
				acks: []Check{ack(posture, ActionDone, "2026-03-29 00:50")}},
			now:  "2026-03-29 00:55",
			want: map[CheckKind]string{posture: "2026-03-29 02:20 BST", move: "2026-03-29 02:20 BST"},
		},
		{
			name: "the Monday after the clocks go forward keeps wall-clock hours",
			now:  "2026-03-30 08:00",
			want: map[CheckKind]string{posture: "2026-03-30 09:30 BST"},
		},
		{
			name: "clocks go back inside active hours: pace spreads over the longer night",
			day: day{settings: func(s *Settings) { allWeek(s); s.HoursStart = 0; s.HoursEnd = 3 * 60 },
				waterML: 1000, drink: "2026-10-25 00:30"},
			now:  "2026-10-25 00:40",
			want: map[CheckKind]string{water: "2026-10-25 01:00 GMT"}, // 2 of 4 real hours
			due:  []CheckKind{posture},
		},
		{
			name: "night hours: before they start, the first reminders come after 22:00",
			day:  day{settings: nightShift},
			now:  "2026-11-23 20:00",
			want: map[CheckKind]string{posture: "2026-11-23 22:30 GMT", move: "2026-11-23 22:50 GMT", water: "2026-11-23 23:00 GMT"},
		},
		{
			name: "night hours: what fell due before midnight is still due after it",
			day:  day{settings: nightShift},
			now:  "2026-11-24 01:00",
			want: map[CheckKind]string{posture: "2026-11-23 22:30 GMT", move: "2026-11-23 22:50 GMT", water: "2026-11-24 00:00 GMT"},
			due:  []CheckKind{posture, move, water},
		},
		{
			name: "night hours: an interval runs on across midnight",
			day:  day{settings: nightShift, acks: []Check{ack(posture, ActionDone, "2026-11-23 23:50")}},
			now:  "2026-11-24 00:05",
			want: map[CheckKind]string{posture: "2026-11-24 00:20 GMT"},
			due:  []CheckKind{move, water},
		},
		{
			name: "night hours: after 06:00 the next night starts afresh",
			day:  day{settings: nightShift, acks: []Check{ack(posture, ActionDone, "2026-11-24 05:50")}},
			now:  "2026-11-24 07:00",
			want: map[CheckKind]string{posture: "2026-11-24 22:30 GMT", move: "2026-11-24 22:50 GMT"},
		},
		{
			name: "night hours: Monday morning belongs to Sunday night, which is off",
			day:  day{settings: nightShift},
			now:  "2026-11-23 03:00",
			want: map[CheckKind]string{posture: "2026-11-23 22:30 GMT"},
		},
		{
			name: "night hours: Friday night runs into Saturday morning",
			day:  day{settings: nightShift, acks: []Check{ack(posture, ActionDone, "2026-11-28 02:45")}},
			now:  "2026-11-28 03:00",
			want: map[CheckKind]string{posture: "2026-11-28 03:15 GMT"},
			due:  []CheckKind{move, water},
		},
		{
			name: "night hours: from Saturday morning the next night is Monday's",
			day:  day{settings: nightShift, acks: []Check{ack(posture, ActionDone, "2026-11-28 05:45")}},
			now:  "2026-11-28 05:50",
			want: map[CheckKind]string{posture: "2026-11-30 22:30 GMT"},
			due:  []CheckKind{move, water},
		},
		{
			name: "night hours: water paces through the evening's part of the day",
			day:  day{settings: nightShift, waterML: 1000, drink: "2026-11-23 22:05"},
			now:  "2026-11-23 22:10",
			want: map[CheckKind]string{water: "2026-11-23 23:05 GMT"}, // half of 22:00–24:00 is 23:00; the interval ends later
		},
		{
			name: "night hours: the day's goal met before midnight, a new day asks from midnight",
			day:  day{settings: nightShift, waterML: 2000, drink: "2026-11-23 23:30"},
			now:  "2026-11-23 23:40",
			want: map[CheckKind]string{water: "2026-11-24 00:30 GMT"},
			due:  []CheckKind{posture, move},
		},
		{
			name: "night hours: clocks go forward in the night, the interval is real time",
			day:  day{settings: nightsAllWeek, acks: []Check{ack(posture, ActionDone, "2026-03-29 00:50")}},
			now:  "2026-03-29 00:55",
			want: map[CheckKind]string{posture: "2026-03-29 02:20 BST"},
			due:  []CheckKind{move, water},
		},
		{
			name: "night hours: clocks go back in the night, the interval is real time",
			day: day{settings: func(s *Settings) { nightsAllWeek(s); s.PostureInterval = 90 * time.Minute },
				acks: []Check{ack(posture, ActionDone, "2026-10-25 00:50")}},
			now:  "2026-10-25 00:55",
			want: map[CheckKind]string{posture: "2026-10-25 01:20 GMT"},
			due:  []CheckKind{move, water},
		},
		{
			name: "night hours: the night the clocks go back still ends at 06:00",
			day:  day{settings: nightsAllWeek, acks: []Check{ack(posture, ActionDone, "2026-10-25 05:40")}},
			now:  "2026-10-25 05:45",
			want: map[CheckKind]string{posture: "2026-10-25 22:30 GMT"},
			due:  []CheckKind{move, water},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			sched := Plan(tt.day.state(), on(tt.now))
			for kind, want := range tt.want {
				at, ok := sched.DueAt(kind)
				if got := at.In(london).Format("2006-01-02 15:04 MST"); !ok || got != want {
					t.Errorf("%s due %s (scheduled %v), want %s", kind, got, ok, want)
				}
			}
			if tt.only && len(sched.Next) != len(tt.want) {
				t.Errorf("scheduled %v, want only %v", sched.Next, tt.want)
			}
			var due []CheckKind
			for _, d := range sched.DueNow() {
				due = append(due, d.Kind)
			}
			if !slices.Equal(due, tt.due) {
				t.Errorf("due now %v, want %v", due, tt.due)
			}
		})
	}
}

func logOn(s *Settings) { s.LogEnabled = true }

func TestPlanLogNudge(t *testing.T) {
	tests := []struct {
		name string
		day  day
		now  string
		want string // "": not scheduled
		due  bool
	}{
		{name: "asks at log.time, outside active hours", day: day{settings: logOn}, now: "2026-11-23 12:00", want: "2026-11-23 20:00 GMT"},
		{name: "due from log.time until midnight", day: day{settings: logOn}, now: "2026-11-23 23:59", want: "2026-11-23 20:00 GMT", due: true},
		{name: "a new day asks again", day: day{settings: logOn}, now: "2026-11-24 00:01", want: "2026-11-24 20:00 GMT"},
		{name: "a day with an entry is not asked about", day: day{settings: logOn, logged: true}, now: "2026-11-23 21:00", want: "2026-11-24 20:00 GMT"},
		{name: "answered today: tomorrow",
			day: day{settings: logOn, acks: []Check{ack(CheckLog, ActionDismissed, "2026-11-23 20:05")}},
			now: "2026-11-23 20:10", want: "2026-11-24 20:00 GMT"},
		{name: "answered yesterday: today as usual",
			day: day{settings: logOn, acks: []Check{ack(CheckLog, ActionDone, "2026-11-23 20:05")}},
			now: "2026-11-24 20:10", want: "2026-11-24 20:00 GMT", due: true},
		{name: "snoozed: back at the snooze's end",
			day: day{settings: logOn, acks: []Check{snooze(CheckLog, "2026-11-23 20:05", "2026-11-23 20:15")}},
			now: "2026-11-23 20:10", want: "2026-11-23 20:15 GMT"},
		{name: "a snooze past midnight is not carried into tomorrow",
			day: day{settings: logOn, acks: []Check{snooze(CheckLog, "2026-11-23 23:55", "2026-11-24 00:05")}},
			now: "2026-11-24 00:10", want: "2026-11-24 20:00 GMT"},
		{name: "its own time", day: day{settings: func(s *Settings) { logOn(s); s.LogTime = 7*60 + 30 }}, now: "2026-11-23 06:00", want: "2026-11-23 07:30 GMT"},
		{name: "only on active days: Friday evening to Monday", day: day{settings: logOn, logged: true}, now: "2026-11-27 21:00", want: "2026-11-30 20:00 GMT"},
		{name: "quiet mode holds it", day: day{settings: logOn, quiet: "2026-11-23 21:00"}, now: "2026-11-23 20:30", want: "2026-11-23 21:00 GMT"},
		{name: "quiet until tomorrow: today's is skipped", day: day{settings: logOn, quiet: "2026-11-24 00:00"}, now: "2026-11-23 20:30", want: "2026-11-24 20:00 GMT"},
		{name: "log.enabled off", day: day{}, now: "2026-11-23 20:30"},
		{name: "night hours: asks on the active day's evening", day: day{settings: func(s *Settings) { logOn(s); nightShift(s) }}, now: "2026-11-23 19:00", want: "2026-11-23 20:00 GMT"},
		{name: "across the spring clock change", day: day{settings: func(s *Settings) { logOn(s); allWeek(s) }}, now: "2026-03-28 21:00", want: "2026-03-28 20:00 GMT", due: true},
		{name: "the day after the spring clock change", day: day{settings: func(s *Settings) { logOn(s); allWeek(s) }, logged: true}, now: "2026-03-28 21:00", want: "2026-03-29 20:00 BST"},
		{name: "the day the clocks go back", day: day{settings: func(s *Settings) { logOn(s); allWeek(s) }}, now: "2026-10-25 00:30", want: "2026-10-25 20:00 GMT"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			sched := Plan(tt.day.state(), on(tt.now))
			at, ok := sched.DueAt(CheckLog)
			got := ""
			if ok {
				got = at.In(london).Format("2006-01-02 15:04 MST")
			}
			if got != tt.want {
				t.Errorf("log due %q, want %q", got, tt.want)
			}
			if due := ok && !at.After(sched.Now); due != tt.due {
				t.Errorf("due now %v, want %v", due, tt.due)
			}
		})
	}
}

func TestPlanIsQuietOnlyUntilQuietEnds(t *testing.T) {
	st := day{quiet: "2026-11-24 11:00"}.state()
	if s := Plan(st, on("2026-11-24 10:59")); !s.Quiet() || s.Phrase() != "quiet until 11:00" {
		t.Errorf("before the end: quiet %v, %q", s.Quiet(), s.Phrase())
	}
	if s := Plan(st, on("2026-11-24 11:00")); s.Quiet() {
		t.Error("still quiet at its end")
	}
}

func TestPhrase(t *testing.T) {
	tests := []struct {
		day  day
		now  string
		want string
	}{
		{day{}, "2026-11-23 09:18", "posture in 12m"},
		{day{}, "2026-11-23 09:29", "posture in 1m"},
		{day{}, "2026-11-23 09:31", "posture now"},
		{day{}, "2026-11-23 07:00", "posture at 09:30"},
		{day{}, "2026-11-27 19:00", "posture Mon 09:30"},
		{day{quiet: "2026-11-24 00:00"}, "2026-11-23 15:00", "quiet until tomorrow"},
		{day{settings: func(s *Settings) { s.PostureInterval, s.MoveInterval, s.WaterInterval = 0, 0, 0 }}, "2026-11-23 09:00", ""},
	}
	for _, tt := range tests {
		if got := Plan(tt.day.state(), on(tt.now)).Phrase(); got != tt.want {
			t.Errorf("at %s: %q, want %q", tt.now, got, tt.want)
		}
	}
}

func TestExpectedBy(t *testing.T) {
	set := DefaultSettings()
	night := DefaultSettings()
	nightShift(&night)
	for _, tt := range []struct {
		set  Settings
		wall string
		want int
	}{
		{set, "2026-11-23 08:00", 0}, {set, "2026-11-23 09:00", 0}, {set, "2026-11-23 13:30", 1000},
		{set, "2026-11-23 18:00", 2000}, {set, "2026-11-23 23:00", 2000},
		// Tuesday's active hours are 00:00–06:00 (Monday's night) and 22:00–24:00.
		{night, "2026-11-24 03:00", 750}, {night, "2026-11-24 12:00", 1500}, {night, "2026-11-24 23:00", 1750},
		// Monday's are only its evening: Sunday night is off.
		{night, "2026-11-23 05:00", 0}, {night, "2026-11-23 23:00", 1000},
	} {
		if got := ExpectedBy(tt.set, on(tt.wall)); got != tt.want {
			t.Errorf("expected by %s (hours %s–%s) = %d, want %d", tt.wall, tt.set.HoursStart, tt.set.HoursEnd, got, tt.want)
		}
	}
}

// A week of minutes, each planned from scratch, never panics and never
// puts a due time outside active hours (unless it is already due), for
// day hours and for night hours, in a week with a clock change.
func TestPlanEveryMinuteOfAWeek(t *testing.T) {
	for _, tt := range []struct {
		name     string
		settings func(*Settings)
		from     string
	}{
		{"day hours", nil, "2026-11-22 00:00"},
		{"night hours", nightShift, "2026-11-22 00:00"},
		{"night hours, clocks go back", nightShift, "2026-10-22 00:00"},
		{"night hours, clocks go forward", nightsAllWeek, "2026-03-26 00:00"},
	} {
		t.Run(tt.name, func(t *testing.T) {
			from := on(tt.from)
			st := day{settings: tt.settings, acks: []Check{ack(posture, ActionDone, from.Add(34*time.Hour).Format("2006-01-02 15:04"))}, waterML: 500}.state()
			for now := from; now.Before(from.AddDate(0, 0, 8)); now = now.Add(7 * time.Minute) {
				for _, d := range Plan(st, now).Next {
					if d.At.After(now) && !inActiveHours(st.Settings, d.At.In(london)) {
						t.Fatalf("at %v: %s due outside active hours, %v", now, d.Kind, d.At.In(london))
					}
				}
			}
		})
	}
}

// inActiveHours tells, from the wall clock alone, whether t lies in active
// hours: after the start on an active day, or before the end on the
// morning after one when the hours cross midnight.
func inActiveHours(set Settings, t time.Time) bool {
	hm := ClockTime(t.Hour()*60 + t.Minute())
	today, yesterday := t.Weekday(), t.AddDate(0, 0, -1).Weekday()
	if !set.HoursCrossMidnight() {
		return set.HoursDays.Has(today) && hm >= set.HoursStart && hm < set.HoursEnd
	}
	return set.HoursDays.Has(today) && hm >= set.HoursStart || set.HoursDays.Has(yesterday) && hm < set.HoursEnd
}
