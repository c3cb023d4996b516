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

// waterArgs is what `lumbar water` was asked to log: count drinks of ml
// each, or of the water.glass setting when ml is 0.
type waterArgs struct {
	count int
	ml    int
}

// parseWaterArgs reads [N] [--ml N]: usage is misuse (exit 2), refusal a
// value out of bounds (exit 1).
func parseWaterArgs(args []string) (w waterArgs, usage, refusal error) {
	count, ml, usage := splitWaterArgs(args)
	if usage != nil {
		return w, usage, nil
	}
	switch {
	case count != "" && ml != "":
		return w, nil, fmt.Errorf("give a number of glasses or --ml, not both")
	case ml != "":
		n, err := strconv.Atoi(ml)
		if err != nil {
			return w, nil, fmt.Errorf("--ml needs a whole number of millilitres, not %q", ml)
		}
		return waterArgs{count: 1, ml: n}, nil, store.WaterLog{ML: n}.Validate()
	case count == "":
		return waterArgs{count: 1}, nil, nil
	}
	n, err := strconv.Atoi(count)
	if err != nil || n < 1 || n > maxGlassesAtOnce {
		return w, nil, fmt.Errorf("the number of glasses must be from 1 to %d, not %s (to take one back, press W in the app)",
			maxGlassesAtOnce, count)
	}
	return waterArgs{count: n}, nil, nil
}

// splitWaterArgs finds the count and the --ml value. Unlike the flag
// package it takes flags after the count, and reads -2 as a count (to be
// refused) rather than an unknown flag.
func splitWaterArgs(args []string) (count, ml string, usage error) {
	for i := 0; i < len(args); i++ {
		arg := args[i]
		name, value, hasValue := strings.Cut(strings.TrimLeft(arg, "-"), "=")
		switch {
		case strings.HasPrefix(arg, "-") && name == "ml":
			if !hasValue {
				if i++; i == len(args) {
					return "", "", fmt.Errorf("--ml needs an amount, e.g. lumbar water --ml 330")
				}
				value = args[i]
			}
			ml = value
		case strings.HasPrefix(arg, "-") && !isNumber(arg):
			if _, near := store.Closest(name, []string{"ml"}); near {
				return "", "", fmt.Errorf("water: unknown flag %s; did you mean --ml?", arg)
			}
			return "", "", fmt.Errorf("water: unknown flag %s", arg)
		case count != "":
			return "", "", fmt.Errorf("water takes one number of glasses, not %q and %q", count, arg)
		default:
			count = arg
		}
	}
	return count, ml, nil
}

func runWater(inv *invocation, args []string) int {
	w, usage, refusal := parseWaterArgs(args)
	if usage != nil {
		return usageError(inv.system, usage.Error())
	}
	if refusal != nil {
		return fail(inv.system, refusal)
	}
	now := inv.now()
	var set store.Settings
	var today store.DaySummary
	var drank int
	err := inv.store.Update(func(tx *store.Tx) (err error) {
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
		return fail(inv.system, err)
	}
	fmt.Fprintf(inv.stdout, "+%s · today %s of %s (%d of %d glasses)\n",
		set.WaterUnit.Format(drank), set.WaterUnit.Number(today.WaterML), set.WaterUnit.Format(set.WaterGoalML),
		set.Glasses(today.WaterML), set.GoalGlasses())
	return exitOK
}
