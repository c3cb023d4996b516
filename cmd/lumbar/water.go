package main

import (
	"cmp"
	"fmt"
	"strconv"
	"strings"

	"lumbar/store"
)

// maxGlassesAtOnce bounds `lumbar water N`: more at once is a typing slip.
const maxGlassesAtOnce = 10

var waterCommand = command{
	name: "water", synopsis: "[N] [--ml N]", summary: "log N glasses of water (default 1), or an exact amount",
	about: `Log water you drank: N glasses of the size set in water.glass (default 1
glass), or an exact amount with --ml. Prints what was added and today's
total against your goal.`,
	flags: []flagSpec{
		{"ml", "N", fmt.Sprintf("an exact amount in millilitres, 1 to %d, instead of glasses", store.MaxWaterLogML)},
	},
	more: func() string {
		return "Examples:\n  lumbar water\n  lumbar water 2\n  lumbar water --ml 330\n"
	},
	run: runWater,
}

// waterArgs is what `lumbar water` was asked to log: count drinks of ml
// each, or of the water.glass setting when ml is 0.
type waterArgs struct {
	count int
	ml    int
}

// parseWaterArgs reads [N] [--ml N]; every mistake is a refusal.
func parseWaterArgs(a *parsedArgs) (waterArgs, error) {
	if len(a.positional) > 1 {
		return waterArgs{}, a.refuseUsage("water takes one number of glasses, not %s", quote(strings.Join(a.positional, " ")))
	}
	count := ""
	if len(a.positional) == 1 {
		count = a.positional[0]
	}
	switch {
	case count != "" && a.has("ml"):
		return waterArgs{}, refuse("give a number of glasses or --ml, not both")
	case a.has("ml"):
		n, err := strconv.Atoi(a.value("ml"))
		if err != nil {
			return waterArgs{}, refuse("--ml needs a whole number of millilitres, not %s", quote(a.value("ml")))
		}
		return waterArgs{count: 1, ml: n}, refused(store.WaterLog{ML: n}.Validate())
	case count == "":
		return waterArgs{count: 1}, nil
	}
	n, err := strconv.Atoi(count)
	if err != nil || n < 1 || n > maxGlassesAtOnce {
		return waterArgs{}, refuse("the number of glasses must be from 1 to %d, not %s (to take one back, press W in the app)",
			maxGlassesAtOnce, quote(count))
	}
	return waterArgs{count: n}, nil
}

func runWater(inv *invocation) error {
	w, err := parseWaterArgs(inv.args)
	if err != nil {
		return err
	}
	s, err := inv.openDiary()
	if err != nil {
		return err
	}
	now := inv.now()
	var set store.Settings
	var today store.DaySummary
	var drank int
	err = s.Update(func(tx *store.Tx) (err error) {
		if set, err = store.LoadSettings(tx); err != nil {
			return err
		}
		size := cmp.Or(w.ml, set.WaterGlassML)
		if err := store.AddWater(tx, now, size, w.count); err != nil {
			return err
		}
		drank = size * w.count
		today, err = store.SummaryOf(tx, now)
		return err
	})
	if err != nil {
		return err
	}
	fmt.Fprintf(inv.stdout, "+%s · today %s of %s (%d of %d glasses)\n",
		set.WaterUnit.Format(drank), set.WaterUnit.Number(today.WaterML), set.WaterUnit.Format(set.WaterGoalML),
		set.Glasses(today.WaterML), set.GoalGlasses())
	return nil
}
