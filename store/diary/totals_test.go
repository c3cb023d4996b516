package diary

import (
	"math/rand/v2"
	"testing"
	"time"
)

// A day's totals give the day's pain exactly as adding its entries one by
// one does, and taking every record away again leaves nothing.
func TestDayTotalsSumUpAndTakeAway(t *testing.T) {
	rng := rand.New(rand.NewPCG(1, 1))
	first := DayOf(time.Date(2026, 11, 20, 0, 0, 0, 0, time.UTC))
	var entries []PainEntry
	var water []WaterLog
	for range 200 {
		at := first.Midnight(time.UTC).Add(time.Duration(rng.IntN(7*24)) * time.Hour)
		e := PainEntry{Stamp: StampAt(at), Pain: rng.IntN(11)}
		if rng.IntN(2) == 0 {
			e.Helped = []string{"heat"}
		}
		entries = append(entries, e)
		water = append(water, WaterLog{Stamp: StampAt(at), ML: 1 + rng.IntN(500)})
	}
	totals := TotalsOf(first, first+6, records(entries), records(water))
	daily := DailyPain(entries, first, first+6)
	for i, d := range totals {
		if got := d.Pain(); got != daily[i] {
			t.Errorf("%s: totals give %+v, entries %+v", d.Day, got, daily[i])
		}
		for _, e := range entries {
			if e.Day() == d.Day {
				totals[i].Count(e, -1)
			}
		}
		for _, w := range water {
			if w.Day() == d.Day {
				totals[i].Count(w, -1)
			}
		}
		if !totals[i].Empty() || !totals[i].Consistent() {
			t.Errorf("%s: after taking every record away: %+v", d.Day, totals[i])
		}
	}
	var broken DayTotals
	broken.Count(WaterLog{ML: 250}, -1)
	if broken.Consistent() {
		t.Error("taking away a drink never added is consistent")
	}
}
