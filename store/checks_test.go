package store

import (
	"testing"
	"time"

	"lumbar/store/diary"
)

func TestCheckValidation(t *testing.T) {
	at := time.Date(2026, 11, 27, 10, 0, 0, 0, time.UTC)
	good := []diary.Check{
		{Stamp: diary.StampAt(at), Kind: diary.CheckPosture, Action: diary.ActionDone},
		{Stamp: diary.StampAt(at), Kind: diary.CheckMove, Action: diary.ActionDismissed},
		{Stamp: diary.StampAt(at), Kind: diary.CheckWater, Action: diary.ActionSnoozed, Until: at.Add(10 * time.Minute)},
	}
	for _, c := range good {
		if err := c.Validate(); err != nil {
			t.Errorf("%+v refused: %v", c, err)
		}
	}
	bad := []diary.Check{
		{Stamp: diary.StampAt(at), Kind: "nap", Action: diary.ActionDone},
		{Stamp: diary.StampAt(at), Kind: diary.CheckPosture, Action: "ignored"},
		{Stamp: diary.StampAt(at), Kind: diary.CheckPosture, Action: diary.ActionSnoozed},
		{Stamp: diary.StampAt(at), Kind: diary.CheckPosture, Action: diary.ActionSnoozed, Until: at.Add(-time.Minute)},
		{Stamp: diary.StampAt(at), Kind: diary.CheckPosture, Action: diary.ActionDone, Until: at.Add(time.Minute)},
	}
	s := openTemp(t)
	before := checksum(t, s.Path())
	for _, c := range bad {
		if err := s.Update(func(tx *Tx) error { return Acknowledge(tx, c) }); err == nil {
			t.Errorf("%+v accepted", c)
		}
	}
	if checksum(t, s.Path()) != before {
		t.Error("a refused answer changed the file")
	}
}

func TestReminderState(t *testing.T) {
	s := openTemp(t)
	now := time.Date(2026, 11, 27, 15, 0, 0, 0, zoneBerlin)
	acks := []diary.Check{
		{Stamp: diary.StampAt(now.Add(-50 * time.Hour)), Kind: diary.CheckMove, Action: diary.ActionDone}, // too old to matter
		{Stamp: diary.StampAt(now.Add(-20 * time.Hour)), Kind: diary.CheckPosture, Action: diary.ActionDone},
		{Stamp: diary.StampAt(now.Add(-3 * time.Hour)), Kind: diary.CheckPosture, Action: diary.ActionDone},
		{Stamp: diary.StampAt(now.Add(-2 * time.Hour)), Kind: diary.CheckPosture, Action: diary.ActionDismissed},
		{Stamp: diary.StampAt(now.Add(-time.Hour)), Kind: diary.CheckPosture, Action: diary.ActionSnoozed, Until: now.Add(-50 * time.Minute)},
		{Stamp: diary.StampAt(now.Add(-time.Hour)), Kind: diary.CheckWater, Action: diary.ActionDone},
	}
	quiet := now.Add(time.Hour)
	err := s.Update(func(tx *Tx) error {
		for _, c := range acks {
			if err := Acknowledge(tx, c); err != nil {
				return err
			}
		}
		if err := AddWater(tx, now.Add(-2*time.Hour), 250, 2); err != nil {
			return err
		}
		if err := AddWater(tx, now.Add(-26*time.Hour), 500, 1); err != nil {
			return err
		}
		return SetQuietUntil(tx, quiet)
	})
	if err != nil {
		t.Fatal(err)
	}
	st, err := s.ReminderState(now)
	if err != nil {
		t.Fatal(err)
	}
	if _, ok := st.LastAck[diary.CheckMove]; ok {
		t.Error("a two-day-old answer was read")
	}
	if got := st.LastAck[diary.CheckPosture]; got.Action != diary.ActionSnoozed || !got.Until.Equal(now.Add(-50*time.Minute)) {
		t.Errorf("latest posture answer = %+v", got)
	}
	if st.PostureAcksToday != 2 {
		t.Errorf("posture check-ins today = %d, want 2 (snoozes do not count)", st.PostureAcksToday)
	}
	if st.Today.WaterML != 500 || !st.Today.LastDrink.Equal(now.Add(-2*time.Hour)) {
		t.Errorf("water today %d, last at %v", st.Today.WaterML, st.Today.LastDrink)
	}
	if !st.QuietUntil.Equal(quiet) || st.Settings != diary.DefaultSettings() {
		t.Errorf("quiet until %v, settings %+v", st.QuietUntil, st.Settings)
	}
	if err := s.Update(func(tx *Tx) error { return SetQuietUntil(tx, time.Time{}) }); err != nil {
		t.Fatal(err)
	}
	if st, _ := s.ReminderState(now); !st.QuietUntil.IsZero() {
		t.Errorf("quiet mode off reads back as %v", st.QuietUntil)
	}
}

func TestFirstOpenIsRecordedOnce(t *testing.T) {
	s := openTemp(t)
	first := time.Date(2026, 11, 27, 15, 0, 0, 0, zoneBerlin)
	if st, err := s.ReminderState(first); err != nil || !st.FirstOpen.IsZero() {
		t.Fatalf("a new diary reads as first opened at %v (%v)", st.FirstOpen, err)
	}
	record := func(at time.Time) (stands time.Time) {
		t.Helper()
		err := s.Update(func(tx *Tx) (err error) {
			stands, err = RecordFirstOpen(tx, at)
			return err
		})
		if err != nil {
			t.Fatal(err)
		}
		return stands
	}
	if got := record(first); !got.Equal(first) {
		t.Errorf("recorded %v, want %v", got, first)
	}
	if got := record(first.Add(time.Hour)); !got.Equal(first) {
		t.Errorf("a later open replaced the first: %v", got)
	}
	if st, _ := s.ReminderState(first.Add(2 * time.Hour)); !st.FirstOpen.Equal(first) {
		t.Errorf("the reminder state has the first open at %v, want %v", st.FirstOpen, first)
	}
}

func TestFirstOpenOfADiaryUsedOnlyFromTheShellIsItsOldestRecord(t *testing.T) {
	s := openTemp(t)
	drink := time.Date(2026, 11, 27, 15, 0, 0, 0, time.UTC)
	err := s.Update(func(tx *Tx) error {
		if err := AddWater(tx, drink.Add(time.Hour), 250, 1); err != nil {
			return err
		}
		return AddWater(tx, drink, 250, 1)
	})
	if err != nil {
		t.Fatal(err)
	}
	if st, _ := s.ReminderState(drink.Add(2 * time.Hour)); !st.FirstOpen.Equal(drink) {
		t.Errorf("first open %v, want the oldest record's %v", st.FirstOpen, drink)
	}
}

func TestRemoveLastWaterOnlyToday(t *testing.T) {
	s := openTemp(t)
	now := time.Date(2026, 11, 27, 8, 0, 0, 0, zoneBerlin)
	remove := func() (diary.WaterLog, bool) {
		var got diary.WaterLog
		var found bool
		if err := s.Update(func(tx *Tx) (err error) { got, found, err = RemoveLastWater(tx, now); return err }); err != nil {
			t.Fatal(err)
		}
		return got, found
	}
	_ = s.Update(func(tx *Tx) error {
		_ = AddWater(tx, now.Add(-10*time.Hour), 400, 1) // yesterday evening
		_ = AddWater(tx, now.Add(-time.Hour), 250, 1)
		return AddWater(tx, now.Add(-time.Minute), 330, 1)
	})
	if got, found := remove(); !found || got.ML != 330 {
		t.Errorf("first removal: %+v %v, want the 330 ml", got, found)
	}
	if got, found := remove(); !found || got.ML != 250 {
		t.Errorf("second removal: %+v %v", got, found)
	}
	if _, found := remove(); found {
		t.Error("removed yesterday's water")
	}
	if err := s.Update(func(tx *Tx) error { return AddWater(tx, now, 0, 1) }); err == nil {
		t.Error("a 0 ml drink was accepted")
	}
}

// Each day's totals hold its water and its posture check-ins answered
// "done" (a dismissed one, or another reminder's, is not one).
func TestDayTotalsCountWaterAndCheckIns(t *testing.T) {
	s := openTemp(t)
	first, _ := diary.ParseDay("2026-11-23")
	noon := func(d diary.Day) time.Time { return d.Midnight(zoneBerlin).Add(12 * time.Hour) }
	_ = s.Update(func(tx *Tx) error {
		_ = AddWater(tx, noon(first), 250, 8)   // 2000: met
		_ = AddWater(tx, noon(first+1), 250, 7) // 1750: not
		_ = AddWater(tx, noon(first+3), 500, 5) // 2500: met
		for _, c := range []diary.Check{
			{Stamp: diary.StampAt(noon(first)), Kind: diary.CheckPosture, Action: diary.ActionDone},
			{Stamp: diary.StampAt(noon(first).Add(time.Hour)), Kind: diary.CheckPosture, Action: diary.ActionDone},
			{Stamp: diary.StampAt(noon(first).Add(2 * time.Hour)), Kind: diary.CheckPosture, Action: diary.ActionDismissed},
			{Stamp: diary.StampAt(noon(first + 2)), Kind: diary.CheckMove, Action: diary.ActionDone},
			{Stamp: diary.StampAt(noon(first + 2)), Kind: diary.CheckPosture, Action: diary.ActionDone},
		} {
			if err := Acknowledge(tx, c); err != nil {
				return err
			}
		}
		return nil
	})
	totals, err := Read(s, func(tx *Tx) ([]diary.DayTotals, error) { return DayTotalsOf(tx, first, first+4) })
	if err != nil {
		t.Fatal(err)
	}
	for i, want := range []struct{ water, posture int }{{2000, 2}, {1750, 0}, {0, 1}, {2500, 0}, {0, 0}} {
		if got := totals[i]; got.Day != first+diary.Day(i) || got.WaterML != want.water || got.DoneOf(diary.CheckPosture) != want.posture {
			t.Errorf("%v: %d ml, %d posture check-ins done; want %d and %d", first+diary.Day(i), got.WaterML, got.DoneOf(diary.CheckPosture), want.water, want.posture)
		}
	}
}
