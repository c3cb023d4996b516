package diary

import (
	"fmt"
	"strings"
	"time"

	"lumbar/store/text"
)

// WhenFormats describes what ParseWhen accepts, for help texts.
const WhenFormats = `now, HH:MM (today), yesterday HH:MM, YYYY-MM-DD HH:MM, or RFC 3339`

// dayWords are the words ParseWhen accepts before a time of day.
var dayWords = []string{"now", "today", "yesterday"}

// ParseWhen reads when something happened, as a person types it, relative
// to now and in now's location: "" or "now", "14:30" (today), "today
// 14:30", "yesterday 22:15", "2026-11-20 08:00", or RFC 3339. A time in
// the future is refused, and so is an unknown word (with the closest
// accepted one suggested).
func ParseWhen(s string, now time.Time) (time.Time, error) {
	s = strings.Join(strings.Fields(s), " ")
	t, err := parseWhen(strings.ToLower(s), now)
	if err != nil {
		return time.Time{}, err
	}
	if t.After(now) {
		return time.Time{}, fmt.Errorf("%s is in the future, it is %s now; give a time that has passed",
			t.Format(futureLayout), now.Format(futureLayout))
	}
	if t.Before(now.AddDate(-oldestYears, 0, 0)) {
		return time.Time{}, fmt.Errorf("%s is more than %d years ago; check the year", t.Format("Mon 2 Jan 2006"), oldestYears)
	}
	return t, nil
}

// futureLayout shows a time with its UTC offset, so a time given in
// another zone (RFC 3339) is not mistaken for a local one.
const futureLayout = "Mon 2 Jan 2006 15:04 (UTC-07:00)"

// oldestYears bounds how far back an entry can be dated: further back is
// a typo in the year, not a memory.
const oldestYears = 10

func parseWhen(s string, now time.Time) (time.Time, error) {
	if s == "" || s == "now" {
		return now, nil
	}
	if t, err := time.Parse(time.RFC3339, strings.ToUpper(s)); err == nil {
		return t, nil
	}
	first, rest, _ := strings.Cut(s, " ")
	switch {
	case first == "today":
		return clockOn(now, rest, s)
	case first == "yesterday":
		return clockOn(now.AddDate(0, 0, -1), rest, s)
	case isDate(first):
		day, err := time.ParseInLocation(time.DateOnly, first, now.Location())
		if err != nil {
			return time.Time{}, fmt.Errorf("%q is not a date like 2026-03-31", first)
		}
		return clockOn(day, rest, s)
	case rest == "" && strings.Contains(first, ":"):
		return clockOn(now, first, s)
	case startsWithLetter(first):
		msg := fmt.Sprintf("%q is not a time", first)
		if best, ok := text.Closest(first, dayWords); ok {
			msg += fmt.Sprintf("; did you mean %s?", best)
		} else {
			msg += "; use " + WhenFormats
		}
		return time.Time{}, fmt.Errorf("%s", msg)
	}
	return time.Time{}, fmt.Errorf("%q is not a time; use %s", s, WhenFormats)
}

// clockOn is day's date at the time of day hhmm, in day's location.
func clockOn(day time.Time, hhmm, whole string) (time.Time, error) {
	if hhmm == "" {
		return time.Time{}, fmt.Errorf("%q needs a time of day too, like %q", whole, whole+" 08:30")
	}
	clock, err := time.Parse("15:04", hhmm)
	if err != nil {
		return time.Time{}, fmt.Errorf("%q is not a time of day like 07:45", hhmm)
	}
	y, m, d := day.Date()
	t := time.Date(y, m, d, clock.Hour(), clock.Minute(), 0, 0, day.Location())
	if t.Hour() != clock.Hour() || t.Minute() != clock.Minute() {
		return time.Time{}, clockGapError(y, m, d, clock, day.Location())
	}
	return t, nil
}

// clockGapError refuses a time of day the clocks skipped (going forward
// for summer time), rather than moving it: time.Date would move it by
// the gap, one way or the other depending on the zone. It names the
// nearest minutes that did exist.
func clockGapError(y int, m time.Month, d int, clock time.Time, loc *time.Location) error {
	exists := func(minute int) bool {
		t := time.Date(y, m, d, 0, minute, 0, 0, loc)
		return t.Hour()*60+t.Minute() == minute && t.Day() == d
	}
	asked := clock.Hour()*60 + clock.Minute()
	before, after := asked, asked
	for before > 0 && !exists(before) {
		before--
	}
	for after < 24*60-1 && !exists(after) {
		after++
	}
	hhmm := func(minute int) string { return fmt.Sprintf("%02d:%02d", minute/60, minute%60) }
	zone := func(minute int) string { name, _ := time.Date(y, m, d, 0, minute, 0, 0, loc).Zone(); return name }
	return fmt.Errorf("%s did not exist on %s: the clocks went forward from %s to %s; the nearest times are %s and %s",
		clock.Format("15:04"), time.Date(y, m, d, 12, 0, 0, 0, loc).Format("Mon 2 Jan 2006"),
		zone(before), zone(after), hhmm(before), hhmm(after))
}

func isDate(s string) bool {
	return len(s) == len(time.DateOnly) && s[4] == '-' && s[7] == '-'
}

func startsWithLetter(s string) bool {
	return s != "" && (s[0] >= 'a' && s[0] <= 'z')
}
