package main

import (
	"cmp"
	"errors"
	"fmt"
	"math"
	"strconv"
	"strings"

	"lumbar/store"
	"lumbar/store/diary"
	"lumbar/store/text"
)

// maxGlassesAtOnce bounds `lumbar water N`: more at once is a typing slip.
const maxGlassesAtOnce = 10

// forceAboveML: logging more than a litre at once from the shell needs
// --force, since a slip (an extra zero) would skew the day and its pace.
const forceAboveML = 1000

var waterCommand = command{
	name: "water", synopsis: "[N] [--ml N | --oz N] [--force] | [N] --undo", summary: "log N glasses of water (default 1), or an exact amount",
	about: fmt.Sprintf(`Log water you drank: N glasses of the size set in water.glass (default 1
glass), or an exact amount with --ml or --oz, whichever unit you chose to
see amounts in (water.unit): a bottle may be labelled in either. Prints
what was added and today's total against your goal, in your unit.
More than %s (a litre) at once needs --force. --undo takes back
the latest drink logged today (the N latest with N), as W does in the app.`, diary.UnitML.Format(forceAboveML)),
	flags: []flagSpec{
		{"ml", "N", fmt.Sprintf("an exact amount in millilitres, 1 to %s, instead of glasses", diary.UnitML.Number(diary.MaxWaterLogML))},
		{"oz", "N", "an exact amount in US fluid ounces, like 12 or 8.5"},
		{"force", "", "log more than a litre at once"},
		{"undo", "", "take back the latest drink logged today (the N latest with N)"},
	},
	more: func() string {
		return "Examples:\n  lumbar water\n  lumbar water 2\n  lumbar water --ml 330\n  lumbar water --oz 12\n  lumbar water --undo\n"
	},
	run: runWater,
}

// waterArgs is what `lumbar water` was asked to log: count drinks of ml
// each, or of the water.glass setting when ml is 0.
type waterArgs struct {
	count int
	ml    int
	force bool
	undo  bool // take back the count latest drinks of today instead
}

// parseWaterArgs reads [N] [--ml N | --oz N]; every mistake is a refusal.
func parseWaterArgs(a *parsedArgs) (waterArgs, error) {
	if len(a.positional) > 1 {
		return waterArgs{}, a.refuseUsage("water takes one number of glasses, not %s", quote(strings.Join(a.positional, " ")))
	}
	count := ""
	if len(a.positional) == 1 {
		count = a.positional[0]
	}
	exact := a.has("ml") || a.has("oz")
	switch {
	case a.has("undo") && (exact || a.has("force")):
		return waterArgs{}, a.refuseUsage("--undo takes back whole drinks: give it alone, or with a number of drinks")
	case a.has("ml") && a.has("oz"):
		return waterArgs{}, refuse("give --ml or --oz, not both")
	case count != "" && exact:
		return waterArgs{}, refuse("give a number of glasses or an amount, not both")
	case exact:
		ml, err := exactAmount(a)
		if err != nil {
			return waterArgs{}, err
		}
		return waterArgs{count: 1, ml: ml, force: a.has("force")}, refused(diary.WaterLog{ML: ml}.Validate())
	case count == "":
		return waterArgs{count: 1, force: a.has("force"), undo: a.has("undo")}, nil
	}
	n, err := strconv.Atoi(count)
	if err != nil || n < 1 || n > maxGlassesAtOnce {
		return waterArgs{}, refuse("the number of glasses must be from 1 to %d, not %s (to take one back: lumbar water --undo)",
			maxGlassesAtOnce, quote(count))
	}
	return waterArgs{count: n, force: a.has("force"), undo: a.has("undo")}, nil
}

// exactAmount is --ml or --oz in millilitres.
func exactAmount(a *parsedArgs) (int, error) {
	if a.has("oz") {
		oz, err := strconv.ParseFloat(a.value("oz"), 64)
		if err != nil || math.IsNaN(oz) || math.IsInf(oz, 0) {
			return 0, refuse("--oz needs a number of US fluid ounces, like 12 or 8.5, not %s", quote(a.value("oz")))
		}
		return int(math.Round(oz * diary.MLPerOz)), nil
	}
	ml, err := strconv.Atoi(a.value("ml"))
	if err != nil {
		return 0, refuse("--ml needs a whole number of millilitres, not %s", quote(a.value("ml")))
	}
	return ml, nil
}

// checkLitre refuses more than a litre at once without --force.
func (w waterArgs) checkLitre(size int, unit diary.WaterUnit) error {
	if total := size * w.count; total > forceAboveML && !w.force {
		return refuse("%s at once is more than a litre; if you did drink that much, add --force", unit.Format(total))
	}
	return nil
}

func runWater(inv *invocation) error {
	w, err := parseWaterArgs(inv.args)
	if err != nil {
		return err
	}
	if w.undo {
		return takeBackWater(inv, w.count)
	}
	s, err := inv.openDiary()
	if err != nil {
		return err
	}
	now := inv.now()
	var set diary.Settings
	var today diary.DaySummary
	var drank int
	err = s.Update(func(tx *store.Tx) (err error) {
		if set, err = store.LoadSettings(tx); err != nil {
			return err
		}
		size := cmp.Or(w.ml, set.WaterGlassML)
		if err := w.checkLitre(size, set.WaterUnit); err != nil {
			return err
		}
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
	fmt.Fprintf(inv.stdout, "+%s · today %s of %s (%d of %s)\n",
		set.WaterUnit.Format(drank), set.WaterUnit.Number(today.WaterML), set.WaterUnit.Format(set.WaterGoalML),
		set.Glasses(today.WaterML), text.Plural(set.GoalGlasses(), "glass"))
	return nil
}

// takeBackWater deletes the n latest drinks of today, all or none, and
// says what today's total is now.
func takeBackWater(inv *invocation, n int) error {
	s, err := inv.openDiaryToChange()
	if err != nil {
		return err
	}
	now := inv.now()
	var set diary.Settings
	var today diary.DaySummary
	took := 0
	err = s.Update(func(tx *store.Tx) (err error) {
		if set, err = store.LoadSettings(tx); err != nil {
			return err
		}
		for i := range n {
			drink, found, err := store.RemoveLastWater(tx, now)
			if err != nil {
				return err
			}
			if !found {
				return errNotThatMuchWater(i, n)
			}
			took += drink.ML
		}
		today, err = store.SummaryOf(tx, now)
		return err
	})
	if err != nil {
		return err
	}
	fmt.Fprintf(inv.stdout, "took back %s · today %s of %s (lumbar undo logs it again)\n",
		set.WaterUnit.Format(took), set.WaterUnit.Number(today.WaterML), set.WaterUnit.Format(set.WaterGoalML))
	return nil
}

// errNotThatMuchWater refuses to take back more drinks than today holds.
func errNotThatMuchWater(logged, asked int) error {
	if logged == 0 {
		return errors.New("no water logged today to take back")
	}
	return fmt.Errorf("only %s logged today, not %d; nothing was taken back", text.Plural(logged, "drink"), asked)
}
