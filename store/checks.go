package store

import (
	"cmp"
	"time"

	"lumbar/store/diary"
)

// Acknowledge records an answer to a reminder inside tx.
func Acknowledge(tx *Tx, c diary.Check) error {
	_, err := Checks.Insert(tx, c)
	return err
}

// Answer records the answer to the reminder of kind, given at now, as
// the app's banner and the shell's lumbar done/snooze/dismiss give it: a
// snooze lasts snoozeFor (0: the snooze setting), and water done is a
// glass drunk too. It returns the check recorded.
func Answer(tx *Tx, kind diary.CheckKind, action diary.CheckAction, now time.Time, snoozeFor time.Duration) (diary.Check, error) {
	set, err := LoadSettings(tx)
	if err != nil {
		return diary.Check{}, err
	}
	c := diary.Check{Stamp: diary.StampAt(now), Kind: kind, Action: action}
	if action == diary.ActionSnoozed {
		c.Until = now.Add(cmp.Or(snoozeFor, set.Snooze)).UTC()
	}
	if err := c.Validate(); err != nil {
		return c, err
	}
	if kind == diary.CheckWater && action == diary.ActionDone {
		if err := AddWater(tx, now, set.WaterGlassML, 1); err != nil {
			return c, err
		}
	}
	return c, Acknowledge(tx, c)
}

// quietUntilName is where quiet mode's end is kept, beside the settings:
// it is state, not a setting, so the registry does not list it.
const quietUntilName = "state.quiet_until"

// QuietUntil is when quiet mode ends; zero when it was never turned on or
// was turned off.
func QuietUntil(tx *Tx) (time.Time, error) {
	var until time.Time
	_, err := GetSetting(tx, quietUntilName, &until)
	return until, err
}

// SetQuietUntil silences reminders until t; the zero time turns quiet
// mode off.
func SetQuietUntil(tx *Tx, t time.Time) error {
	return PutSetting(tx, quietUntilName, t.UTC())
}

// firstOpenName is where the diary's first open is kept, beside quiet
// mode's end: state, not a setting.
const firstOpenName = "state.first_open"

// FirstOpen is when the app first opened the diary; zero when it never
// has (or not since this was recorded).
func FirstOpen(tx *Tx) (time.Time, error) {
	var at time.Time
	_, err := GetSetting(tx, firstOpenName, &at)
	return at, err
}

// RecordFirstOpen notes at as the diary's first open unless one is
// recorded already, and returns the one that stands.
func RecordFirstOpen(tx *Tx, at time.Time) (time.Time, error) {
	first, err := FirstOpen(tx)
	if err != nil || !first.IsZero() {
		return first, err
	}
	return at.UTC(), PutSetting(tx, firstOpenName, at.UTC())
}

// AddWater logs n drinks of ml each, made at t.
func AddWater(tx *Tx, t time.Time, ml, n int) error {
	drink := diary.WaterLog{Stamp: diary.StampAt(t), ML: ml}
	if err := drink.Validate(); err != nil {
		return err
	}
	for range n {
		if _, err := Water.Insert(tx, drink); err != nil {
			return err
		}
	}
	return nil
}

// RemoveLastWater deletes the latest water log of now's day. found is
// false when nothing was logged that day.
func RemoveLastWater(tx *Tx, now time.Time) (removed diary.WaterLog, found bool, err error) {
	day := diary.DayOf(now)
	var last Item[diary.WaterLog]
	err = Water.RangeDays(tx, day, day, func(it Item[diary.WaterLog]) error {
		last, found = it, true
		return nil
	})
	if err != nil || !found {
		return removed, false, err
	}
	return last.Value, true, Water.Delete(tx, last.Key)
}

// ackLookBack bounds the search for the latest answers: an answer given
// before the start of today's active hours never moves a due time.
const ackLookBack = 48 * time.Hour

// ReminderStateOf reads the reminder state as of now.
func ReminderStateOf(tx *Tx, now time.Time) (diary.ReminderState, error) {
	st := diary.ReminderState{LastAck: map[diary.CheckKind]diary.Check{}}
	var err error
	if st.Settings, err = LoadSettings(tx); err != nil {
		return st, err
	}
	if st.Today, err = SummaryOf(tx, now); err != nil {
		return st, err
	}
	if st.QuietUntil, err = QuietUntil(tx); err != nil {
		return st, err
	}
	if st.FirstOpen, err = FirstOpen(tx); err != nil {
		return st, err
	}
	if st.FirstOpen.IsZero() {
		st.FirstOpen, _ = FirstRecordAt(tx)
	}
	today := diary.DayOf(now)
	err = Checks.Range(tx, now.Add(-ackLookBack), now.AddDate(1, 0, 0), func(it Item[diary.Check]) error {
		c := it.Value
		st.LastAck[c.Kind] = c // oldest first: the last one seen is the latest
		if c.Kind == diary.CheckPosture && c.Action != diary.ActionSnoozed && c.Day() == today {
			st.PostureAcksToday++
		}
		return nil
	})
	return st, err
}

// ReminderState reads the reminder state in its own transaction.
func (s *Store) ReminderState(now time.Time) (diary.ReminderState, error) {
	return Read(s, func(tx *Tx) (diary.ReminderState, error) { return ReminderStateOf(tx, now) })
}

// WaterByDay totals the water drunk on each day in [first, last]; days
// with none are absent.
func WaterByDay(tx *Tx, first, last diary.Day) (map[diary.Day]int, error) {
	totals, err := DayTotalsOf(tx, first, last)
	if err != nil {
		return nil, err
	}
	byDay := map[diary.Day]int{}
	for _, t := range totals {
		if t.WaterLogs > 0 {
			byDay[t.Day] = t.WaterML
		}
	}
	return byDay, nil
}
