// Package demodata fills a store with years of realistic, generated
// records: for `lumbar demo`, and for benchmarks that need a lived-in file.
package demodata

import (
	"math"
	"math/rand/v2"
	"time"

	"lumbar/store"
	"lumbar/store/diary"
)

// Counts says how many records of each kind Generate wrote.
type Counts struct {
	Pain, Water, Sessions int
}

// Per day, on average: one pain rating (a few skipped days, more on bad
// days), about eight glasses of water, and a stretch session most days.
const (
	glassML         = 250
	routineStepsMax = 8
)

var routines = []string{"morning-mobility", "desk-break", "evening-wind-down", "leg-pain-days"}

// Generate writes `years` years of records ending on the day before `end`,
// in end's location, in one transaction. The same seed gives the same data.
func Generate(s *store.Store, years int, end time.Time, seed uint64) (Counts, error) {
	var counts Counts
	rng := rand.New(rand.NewPCG(seed, seed^0x9e3779b97f4a7c15))
	// Details draw from their own stream, so adding them left the
	// ratings, water and sessions of every seed as they were.
	detailRNG := rand.New(rand.NewPCG(seed^0x5851f42d4c957f2d, seed))
	lastDay := diary.DayOf(end) - 1
	firstDay := lastDay - diary.Day(365*years) + 1
	err := s.Update(func(tx *store.Tx) error {
		for d := firstDay; d <= lastDay; d++ {
			midnight := d.Midnight(end.Location())
			base := baselinePain(d-firstDay, rng)
			for i, p := range dayPain(midnight, base, rng) {
				describe(&p, d-firstDay, i == 0, detailRNG)
				if _, err := store.Pain.Insert(tx, p); err != nil {
					return err
				}
				counts.Pain++
			}
			for _, w := range dayWater(midnight, rng) {
				if _, err := store.Water.Insert(tx, w); err != nil {
					return err
				}
				counts.Water++
			}
			if sess, ok := daySession(midnight, base, rng); ok {
				if _, err := store.Sessions.Insert(tx, sess); err != nil {
					return err
				}
				counts.Sessions++
			}
		}
		return nil
	})
	return counts, err
}

// baselinePain drifts slowly (a season-long wave) with occasional flares.
func baselinePain(dayIndex diary.Day, rng *rand.Rand) float64 {
	wave := 1.5 * math.Sin(float64(dayIndex)/58)
	flare := 0.0
	if rng.IntN(30) == 0 {
		flare = 3
	}
	return 3.5 + wave + flare + rng.NormFloat64()*0.8
}

func clampPain(x float64) int {
	return max(diary.PainMin, min(diary.PainMax, int(math.Round(x))))
}

func at(midnight time.Time, hour, minute int) diary.Stamp {
	return diary.StampAt(midnight.Add(time.Duration(hour)*time.Hour + time.Duration(minute)*time.Minute))
}

func dayPain(midnight time.Time, base float64, rng *rand.Rand) []diary.PainEntry {
	n := 1
	switch r := rng.IntN(20); {
	case r == 0:
		n = 0 // a forgotten day
	case base > 6 && r < 10:
		n = 2 // bad days get logged more than once
	}
	entries := make([]diary.PainEntry, 0, n)
	for i := range n {
		hour := 8 + 6*i + rng.IntN(4)
		entries = append(entries, diary.PainEntry{
			Stamp: at(midnight, hour, rng.IntN(60)),
			Pain:  clampPain(base + rng.NormFloat64()*0.7),
		})
	}
	return entries
}

func dayWater(midnight time.Time, rng *rand.Rand) []diary.WaterLog {
	n := 5 + rng.IntN(7) // 5–11 glasses, mean 8
	logs := make([]diary.WaterLog, 0, n)
	for i := range n {
		logs = append(logs, diary.WaterLog{
			Stamp: at(midnight, 8+i*12/n, rng.IntN(60)),
			ML:    glassML,
		})
	}
	return logs
}

func daySession(midnight time.Time, base float64, rng *rand.Rand) (diary.Session, bool) {
	if rng.IntN(100) >= 82 { // stretched on about 300 days a year
		return diary.Session{}, false
	}
	start := at(midnight, 7+rng.IntN(14), rng.IntN(60))
	total := 4 + rng.IntN(routineStepsMax-3)
	done := total
	if rng.IntN(8) == 0 {
		done = rng.IntN(total) // stopped early
	}
	before := clampPain(base + rng.NormFloat64()*0.5)
	after := clampPain(float64(before) - rng.Float64()*1.5)
	return diary.Session{
		Stamp:      start,
		Routine:    routines[rng.IntN(len(routines))],
		End:        start.At.Add(time.Duration(done*45) * time.Second),
		StepsDone:  done,
		StepsTotal: total,
		PainBefore: &before,
		PainAfter:  &after,
	}, true
}

// Build creates a new data file at path holding `years` years of records
// ending yesterday (relative to end).
func Build(path string, years int, end time.Time) (*store.Store, Counts, error) {
	s, err := store.Create(path)
	if err != nil {
		return nil, Counts{}, err
	}
	counts, err := Generate(s, years, end, 1)
	return s, counts, err
}

// AddCrowd adds n pain entries scattered over the ten years before end:
// a diary far busier than anyone's, for the benchmarks at scale. The
// same seed gives the same entries (their keys aside).
func AddCrowd(s *store.Store, n int, end time.Time, seed uint64) error {
	rng := rand.New(rand.NewPCG(seed, seed+1))
	const perTransaction = 10_000
	for done := 0; done < n; done += perTransaction {
		err := s.Update(func(tx *store.Tx) error {
			for range min(perTransaction, n-done) {
				at := end.Add(-time.Duration(rng.Int64N(int64(3640 * 24 * time.Hour))))
				e := diary.PainEntry{Stamp: diary.StampAt(at), Pain: rng.IntN(11), Where: []string{"back-centre"},
					Helped: []string{"heat"}, Note: "one of many extra entries"}
				if _, err := store.Pain.Insert(tx, e); err != nil {
					return err
				}
			}
			return nil
		})
		if err != nil {
			return err
		}
	}
	return nil
}
