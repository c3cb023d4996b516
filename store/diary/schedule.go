package diary

import (
	"fmt"
	"slices"
	"time"
)

// The schedule, as a pure function of the stored state and the time.
//
// Each reminder counts its interval from its latest answer (done,
// dismissed or snoozed), or from the start of the day's active hours if
// that is later, or from the diary's first open if that is later still
// (so a brand-new diary does not greet its person with every reminder at
// once), and falls due only inside active hours. A snooze brings
// it back at the snooze's end instead. Water counts from the latest drink
// too, and waits until intake falls behind an even pace through the
// active hours. Quiet mode holds everything until it ends.
//
// A due time moves only when the person answers, so after the computer
// sleeps through three intervals the reminder is due once, not three
// times; and when today's active hours end unanswered, it starts afresh
// tomorrow.

// Due is when one reminder is next due.
type Due struct {
	Kind CheckKind
	At   time.Time
}

// Same tells whether d and o are one reminder at one due time.
func (d Due) Same(o Due) bool { return d.Kind == o.Kind && d.At.Equal(o.At) }

// Schedule is every reminder's next due time as of Now.
type Schedule struct {
	Now time.Time
	// Next holds each reminder that is on and has a due time in the coming
	// week, soonest first. At ≤ Now means it is due now.
	Next []Due
	// QuietUntil is when quiet mode ends; zero unless it is on at Now.
	QuietUntil time.Time
}

// maxWindows bounds the search for a due time: a week of active days, and
// one more for asking after today's hours have ended.
const maxWindows = 8

// Plan computes the schedule at now, in now's location.
func Plan(st ReminderState, now time.Time) Schedule {
	sched := Schedule{Now: now}
	if st.QuietUntil.After(now) {
		sched.QuietUntil = st.QuietUntil.In(now.Location())
	}
	for _, kind := range CheckKinds() {
		if at, ok := nextDue(kind, st, now, sched.QuietUntil); ok {
			sched.Next = append(sched.Next, Due{Kind: kind, At: at})
		}
	}
	// Stable: reminders due at the same moment keep CheckKinds' order.
	slices.SortStableFunc(sched.Next, func(a, b Due) int { return a.At.Compare(b.At) })
	return sched
}

// DueNow is the reminders due at Now, in the order to show them.
func (s Schedule) DueNow() []Due {
	var due []Due
	for _, d := range s.Next {
		if !d.At.After(s.Now) {
			due = append(due, d)
		}
	}
	return due
}

// Upcoming is the soonest reminder not yet due.
func (s Schedule) Upcoming() (Due, bool) {
	for _, d := range s.Next {
		if d.At.After(s.Now) {
			return d, true
		}
	}
	return Due{}, false
}

// Quiet tells whether quiet mode is on.
func (s Schedule) Quiet() bool { return !s.QuietUntil.IsZero() }

// DueAt is kind's next due time; ok is false when it is off or never due.
func (s Schedule) DueAt(kind CheckKind) (time.Time, bool) {
	for _, d := range s.Next {
		if d.Kind == kind {
			return d.At, true
		}
	}
	return time.Time{}, false
}

// nextDue is kind's due time; ok is false when it is off or never due.
func nextDue(kind CheckKind, st ReminderState, now, quietUntil time.Time) (time.Time, bool) {
	if kind == CheckLog {
		return logDue(st, now, quietUntil)
	}
	r := ruleFor(kind, st, now)
	if r.interval <= 0 {
		return time.Time{}, false // turned off
	}
	return r.next(st.Settings, now, quietUntil)
}

// logDue is when the daily nudge to log pain is due: at log.time on each
// active day (whatever the active hours), unless that day already has an
// entry or an answer to it. A snooze brings it back at the snooze's end;
// quiet mode holds it, but not past its day: missed, it is tomorrow's.
// Unanswered, it stays due until midnight.
func logDue(st ReminderState, now, quietUntil time.Time) (time.Time, bool) {
	set := st.Settings
	if !set.LogEnabled {
		return time.Time{}, false
	}
	today, loc := DayOf(now), now.Location()
	ack, answered := st.LastAck[CheckLog]
	answered = answered && DayOf(ack.At.In(loc)) == today
	for d := today; d < today+maxWindows; d++ {
		if !set.HoursDays.Has(d.Date().Weekday()) {
			continue
		}
		at := set.LogTime.On(d, loc)
		if d == today {
			if st.Today.LatestPain != nil || answered && ack.Action != ActionSnoozed {
				continue // logged, or answered, today
			}
			if answered {
				at = ack.Until.In(loc)
			}
		}
		if at = later(at, quietUntil); DayOf(at) == d {
			return at, true
		}
	}
	return time.Time{}, false
}

// rule is one reminder's inputs to the schedule.
type rule struct {
	interval time.Duration
	anchor   time.Time // the interval counts from here, or from the window's start if later
	snoozed  time.Time // when a snooze ends; zero if the latest answer was no snooze
	// behind, if set, is when intake falls behind pace in a window; ok is
	// false when it never does (the goal is already met).
	behind func(w window) (at time.Time, ok bool)
}

func ruleFor(kind CheckKind, st ReminderState, now time.Time) rule {
	set := st.Settings
	var r rule
	if ack, ok := st.LastAck[kind]; ok {
		r.anchor = ack.At
		if ack.Action == ActionSnoozed {
			r.snoozed = ack.Until
		}
		if r.anchor.After(now) {
			// The clock went back since this answer: count from now
			// instead of waiting out the jump.
			shift := now.Sub(r.anchor)
			r.anchor = now
			if !r.snoozed.IsZero() {
				r.snoozed = r.snoozed.Add(shift)
			}
		}
	}
	r.anchor = later(r.anchor, firstOpenAsOf(st.FirstOpen, now))
	switch kind {
	case CheckMove:
		r.interval = set.MoveInterval
	case CheckPosture:
		r.interval = set.PostureInterval
	case CheckWater:
		r.interval = set.WaterInterval
		if drink := st.Today.LastDrink; !drink.IsZero() {
			r.anchor = later(r.anchor, earlier(drink, now))
		}
		r.behind = waterBehind(set, st.Today.WaterML, now)
	}
	return r
}

// firstOpenAsOf is the diary's first open as the schedule counts it: a
// diary never opened (or opened "later", after the clock went back) has
// had no time yet for anything to fall due.
func firstOpenAsOf(first, now time.Time) time.Time {
	if first.IsZero() || first.After(now) {
		return now
	}
	return first
}

// next is the rule's due time: in the window holding now (even if already
// past, so a missed reminder is still due), else in the first later window
// it fits in.
func (r rule) next(set Settings, now, quietUntil time.Time) (time.Time, bool) {
	w, ok := windowFrom(set, now)
	for range maxWindows {
		if !ok {
			break
		}
		due := later(r.anchor, w.start).Add(r.interval)
		if !r.snoozed.IsZero() && !r.snoozed.Before(w.start) {
			due = r.snoozed
		}
		fits := true
		if r.behind != nil {
			var behindAt time.Time
			behindAt, fits = r.behind(w)
			due = later(due, behindAt)
		}
		due = later(due, quietUntil)
		if fits && due.Before(w.end) {
			return due, true
		}
		w, ok = windowFrom(set, w.end)
	}
	return time.Time{}, false
}

// waterBehind is when intake falls behind the even pace in a window: the
// goal is per calendar day, so today's intake counts until midnight and a
// later day starts with nothing drunk.
func waterBehind(set Settings, intakeML int, now time.Time) func(w window) (time.Time, bool) {
	today, loc := DayOf(now), now.Location()
	return func(w window) (time.Time, bool) {
		if DayOf(w.start) > today {
			return w.start, true // nothing drunk that day yet
		}
		at, ok := behindPaceOn(set, intakeML, today, loc)
		if ok && at.Before(w.end) {
			return at, true
		}
		// Hours that run past midnight reach a day with nothing drunk.
		if tomorrow := (today + 1).Midnight(loc); tomorrow.Before(w.end) {
			return later(tomorrow, w.start), true
		}
		return at, ok
	}
}

// window is one stretch of active hours, [start, end). Hours that cross
// midnight (22:00–06:00) make a window that begins on an active day and
// ends the next morning.
type window struct{ start, end time.Time }

// windowOn is the active hours that begin on day d.
func windowOn(set Settings, d Day, loc *time.Location) window {
	endDay := d
	if set.HoursCrossMidnight() {
		endDay++
	}
	return window{set.HoursStart.On(d, loc), set.HoursEnd.On(endDay, loc)}
}

// windowFrom is the active hours that hold t or, failing that, come next.
func windowFrom(set Settings, t time.Time) (window, bool) {
	day := DayOf(t)
	if set.HoursCrossMidnight() {
		day-- // last night's hours may still hold t
	}
	for i := range Day(maxWindows + 1) {
		d := day + i
		if !set.HoursDays.Has(d.Date().Weekday()) {
			continue
		}
		w := windowOn(set, d, t.Location())
		// A start inside a clocks-forward gap can land after the end.
		if w.start.Before(w.end) && t.Before(w.end) {
			return w, true
		}
	}
	return window{}, false
}

// daySpans is the parts of calendar day d inside active hours: the
// stretch water's even pace runs through. Hours that cross midnight give
// a day two: the morning of the night before, and its own evening. A day
// with none (a day off) keeps its hours, so the pace still reads sensibly.
func daySpans(set Settings, d Day, loc *time.Location) []window {
	if !set.HoursCrossMidnight() {
		return []window{windowOn(set, d, loc)}
	}
	morning := window{d.Midnight(loc), set.HoursEnd.On(d, loc)}
	evening := window{set.HoursStart.On(d, loc), (d + 1).Midnight(loc)}
	var spans []window
	if set.HoursDays.Has((d - 1).Date().Weekday()) {
		spans = append(spans, morning)
	}
	if set.HoursDays.Has(d.Date().Weekday()) {
		spans = append(spans, evening)
	}
	if len(spans) == 0 {
		return []window{morning, evening}
	}
	return spans
}

// activeBefore is how much of spans lies before t, and their whole length.
func activeBefore(spans []window, t time.Time) (before, total time.Duration) {
	for _, s := range spans {
		if s.end.Before(s.start) {
			continue // a clocks-forward gap swallowed it
		}
		total += s.end.Sub(s.start)
		before += max(0, earlier(t, s.end).Sub(s.start))
	}
	return before, total
}

// ExpectedBy is how much of goalML an even pace through today's active
// hours would have drunk by now (all of it once they are over).
func ExpectedBy(set Settings, now time.Time) int {
	before, total := activeBefore(daySpans(set, DayOf(now), now.Location()), now)
	if total <= 0 {
		return set.WaterGoalML
	}
	return int(float64(set.WaterGoalML) * float64(before) / float64(total))
}

// behindPaceOn is the instant on day d when intakeML falls behind an even
// pace from nothing to the goal through the day's active hours; ok is
// false when the goal is already met.
func behindPaceOn(set Settings, intakeML int, d Day, loc *time.Location) (time.Time, bool) {
	if intakeML >= set.WaterGoalML {
		return time.Time{}, false
	}
	spans := daySpans(set, d, loc)
	_, total := activeBefore(spans, spans[len(spans)-1].end)
	left := time.Duration(float64(intakeML) / float64(set.WaterGoalML) * float64(total))
	for _, s := range spans {
		length := s.end.Sub(s.start)
		if length < 0 {
			continue
		}
		if left < length {
			return s.start.Add(left), true
		}
		left -= length
	}
	return spans[len(spans)-1].end, true
}

func later(a, b time.Time) time.Time {
	if a.After(b) {
		return a
	}
	return b
}

func earlier(a, b time.Time) time.Time {
	if a.Before(b) {
		return a
	}
	return b
}

// Phrase says in a few words what the schedule holds, for status bars:
// "posture now", "move in 12m", "water at 14:30", "posture Mon 09:30",
// "quiet until 11:00"; "" when every reminder is off.
func (s Schedule) Phrase() string {
	if s.Quiet() {
		return "quiet until " + WhenDue(s.Now, s.QuietUntil)
	}
	if due := s.DueNow(); len(due) > 0 {
		return string(due[0].Kind) + " now"
	}
	if next, ok := s.Upcoming(); ok {
		return string(next.Kind) + " " + RelativeDue(s.Now, next.At)
	}
	return ""
}

// RelativeDue is "in 12m" within the hour, "at 14:30" later today, and
// "Mon 09:30" another day.
func RelativeDue(now, at time.Time) string {
	minutes := int((at.Sub(now) + time.Minute - 1) / time.Minute) // counted up: "in 1m" until it is due
	switch {
	case minutes < 60:
		return fmt.Sprintf("in %dm", max(1, minutes))
	case DayOf(at.In(now.Location())) == DayOf(now):
		return "at " + WhenDue(now, at)
	}
	return WhenDue(now, at)
}

// WhenDue is "14:30" today, "tomorrow" for midnight tonight, and
// "Mon 09:30" another day.
func WhenDue(now, at time.Time) string {
	at = at.In(now.Location())
	switch days := DayOf(at) - DayOf(now); {
	case days == 0:
		return at.Format("15:04")
	case days == 1 && at.Hour() == 0 && at.Minute() == 0:
		return "tomorrow"
	}
	return at.Format("Mon 15:04")
}
