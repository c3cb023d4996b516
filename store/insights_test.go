package store

import (
	"strings"
	"testing"
	"time"

	"lumbar/store/diary"
)

func TestInsightsOfReadsTheStore(t *testing.T) {
	s := openTemp(t)
	for _, e := range []diary.PainEntry{entryOn(3, 9, 4, "walking"), entryOn(1, 9, 6), entryOn(0, 9, 2)} {
		mustAppend(t, s, Pain, e)
	}
	var in diary.Insights
	err := s.View(func(tx *Tx) (err error) {
		in, err = InsightsOf(tx, insightsToday, 7)
		return err
	})
	if err != nil || in.Logged != 3 || in.Worst != 6 || in.Factors[3].With.Days != 1 {
		t.Errorf("InsightsOf = %+v, %v", in, err)
	}
}

func TestSummaryHasRecentDays(t *testing.T) {
	s := openTemp(t)
	now := insightsToday.Midnight(zoneBerlin).Add(15 * time.Hour)
	mustAppend(t, s, Pain, entryOn(13, 9, 7))
	mustAppend(t, s, Pain, entryOn(14, 9, 9)) // one day too old
	mustAppend(t, s, Pain, entryOn(0, 9, 2))
	sum, err := s.Summary(now)
	if err != nil {
		t.Fatal(err)
	}
	if len(sum.RecentPain) != diary.SparklineDays || sum.RecentPain[0].Worst != 7 || sum.RecentPain[13].Worst != 2 {
		t.Errorf("recent days = %+v", sum.RecentPain)
	}
	if got := diary.Sparkline(sum.RecentPain); got != "▆············▂" {
		t.Errorf("sparkline %q", got)
	}
}

// The water goal and posture check-ins, as the Remind tab records them,
// reach the insights through InsightsOf.
func TestInsightsOfWaterGoalAndPosture(t *testing.T) {
	s := openTemp(t)
	today := diary.DayOf(time.Date(2026, 11, 27, 20, 0, 0, 0, time.UTC))
	err := s.Update(func(tx *Tx) error {
		for i := range 10 {
			day := (today - diary.Day(i)).Midnight(time.UTC)
			metGoal := i%2 == 0
			pain := 6
			if metGoal {
				pain = 3
			}
			if _, err := Pain.Insert(tx, diary.PainEntry{Stamp: diary.StampAt(day.Add(9 * time.Hour)), Pain: pain}); err != nil {
				return err
			}
			if metGoal {
				if err := AddWater(tx, day.Add(10*time.Hour), 500, 4); err != nil { // 2,000 ml: the default goal
					return err
				}
				for range 3 {
					if err := Acknowledge(tx, diary.Check{Stamp: diary.StampAt(day.Add(11 * time.Hour)), Kind: diary.CheckPosture, Action: diary.ActionDone}); err != nil {
						return err
					}
				}
			} else if err := AddWater(tx, day.Add(10*time.Hour), 250, 2); err != nil {
				return err
			}
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	var in diary.Insights
	if err := s.View(func(tx *Tx) (err error) { in, err = InsightsOf(tx, today, 10); return err }); err != nil {
		t.Fatal(err)
	}
	water := findFactor(t, in, "water-goal")
	if !water.Enough || water.With.Days != 5 || water.Without.Days != 5 || water.With.Mean != 3 || water.Without.Mean != 6 {
		t.Errorf("water-goal comparison = %+v", water)
	}
	posture := findFactor(t, in, "posture")
	if posture.With.Days != 5 || posture.With.Mean != 3 {
		t.Errorf("posture comparison = %+v", posture)
	}
	if in.Posture.Days != 5 || in.Posture.PerDay != 3 {
		t.Errorf("posture check-ins = %+v, want 3 a day on 5 days", in.Posture)
	}
	text := strings.Join(in.Sentences(), "\n")
	for _, want := range []string{"On days you met your water goal, your pain averaged 3.0 (5 days)", "3.0 posture check-ins a day on the 5 days"} {
		if !strings.Contains(text, want) {
			t.Errorf("insights do not say %q:\n%s", want, text)
		}
	}
}

func findFactor(t *testing.T, in diary.Insights, id string) diary.FactorComparison {
	t.Helper()
	for _, f := range in.Factors {
		if f.Factor == id {
			return f
		}
	}
	t.Fatalf("no %s factor", id)
	return diary.FactorComparison{}
}
