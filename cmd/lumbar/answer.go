package main

import (
	"fmt"
	"strings"
	"time"

	"lumbar/store"
	"lumbar/store/diary"
)

// Answering a reminder from the shell: lumbar done|snooze|dismiss KIND.
// Each records the same answer as the app's banner keys, in one
// transaction, so the app, `lumbar remind` and the status bar all move on.

var doneCommand = command{
	name: "done", synopsis: "water|posture|move", summary: "answer a reminder: done (water: a glass drunk)",
	about: `Mark a reminder done, as enter does in the app: its interval starts again
from now. water also logs a glass (water.glass). The log reminder is
answered by logging: lumbar log N.`,
	run: func(inv *invocation) error { return runAnswer(inv, diary.ActionDone) },
}

var snoozeCommand = command{
	name: "snooze", synopsis: "KIND [DURATION]", summary: "put a reminder that is due off for a while (default: the snooze setting)",
	about: `Put off a reminder that is due now, for DURATION (like 10m or 1h; 1m to
4h) or, without one, for the snooze setting (10m unless changed). KIND is
water, posture, move or log. A reminder that is not due is left alone.`,
	run: func(inv *invocation) error { return runAnswer(inv, diary.ActionSnoozed) },
}

var dismissCommand = command{
	name: "dismiss", synopsis: "KIND", summary: "dismiss a reminder: its interval starts again from now",
	about: `Dismiss a reminder, as x does in the app: nothing is logged and its
interval starts again from now; the log reminder is not asked again
today. KIND is water, posture, move or log.`,
	run: func(inv *invocation) error { return runAnswer(inv, diary.ActionDismissed) },
}

// answerArgs reads KIND and, for snooze, an optional DURATION.
func answerArgs(a *parsedArgs, action diary.CheckAction) (diary.CheckKind, time.Duration, error) {
	most := 1
	if action == diary.ActionSnoozed {
		most = 2
	}
	if len(a.positional) == 0 || len(a.positional) > most {
		return "", 0, a.refuseUsage("lumbar %s takes %s", a.cmd.name, a.cmd.synopsis)
	}
	kind, err := diary.ParseCheckKind(a.positional[0])
	if err != nil {
		return "", 0, refused(err)
	}
	if kind == diary.CheckLog && action == diary.ActionDone {
		return "", 0, refuse("the log reminder is answered by logging: lumbar log N (0 to 10); lumbar dismiss log skips it today")
	}
	var snoozeFor time.Duration
	if len(a.positional) == 2 {
		snoozeFor, err = time.ParseDuration(a.positional[1])
		if err != nil || snoozeFor < diary.MinInterval || snoozeFor > diary.MaxSnooze {
			return "", 0, refuse("snooze for a duration from 1m to 4h, like 10m, not %s", quote(a.positional[1]))
		}
	}
	return kind, snoozeFor, nil
}

func runAnswer(inv *invocation, action diary.CheckAction) error {
	kind, snoozeFor, err := answerArgs(inv.args, action)
	if err != nil {
		return err
	}
	s, err := inv.openDiary()
	if err != nil {
		return err
	}
	now := inv.now()
	var answered diary.Check
	var after diary.ReminderState
	err = s.Update(func(tx *store.Tx) error {
		before, err := store.ReminderStateOf(tx, now)
		if err != nil {
			return err
		}
		if at, ok := diary.Plan(before, now).DueAt(kind); action == diary.ActionSnoozed && (!ok || at.After(now)) {
			return refuse("the %s reminder is not due yet (%s): there is nothing to snooze", kind, strings.TrimPrefix(nextPhrase(now, at, ok), "; "))
		}
		if answered, err = store.Answer(tx, kind, action, now, snoozeFor); err != nil {
			return err
		}
		after, err = store.ReminderStateOf(tx, now)
		return err
	})
	if err != nil {
		return err
	}
	fmt.Fprintln(inv.stdout, answerLine(answered, after, now))
	return nil
}

// answerLine says what was recorded and when the reminder comes next.
func answerLine(c diary.Check, st diary.ReminderState, now time.Time) string {
	var what string
	switch c.Action {
	case diary.ActionSnoozed:
		return fmt.Sprintf("Snoozed the %s reminder until %s.", c.Kind, diary.WhenDue(now, c.Until))
	case diary.ActionDismissed:
		what = fmt.Sprintf("Dismissed the %s reminder", c.Kind)
	default:
		what = fmt.Sprintf("%s done", strings.ToUpper(string(c.Kind[:1]))+string(c.Kind[1:]))
		if c.Kind == diary.CheckWater {
			set := st.Settings
			what += fmt.Sprintf(" (+%s, %s of %s today)", set.WaterUnit.Format(set.WaterGlassML),
				set.WaterUnit.Number(st.Today.WaterML), set.WaterUnit.Format(set.WaterGoalML))
		}
	}
	at, ok := diary.Plan(st, now).DueAt(c.Kind)
	return what + nextPhrase(now, at, ok) + "."
}

// nextPhrase is "; next at 14:30" or "" when the reminder is off.
func nextPhrase(now, at time.Time, ok bool) string {
	if !ok {
		return ""
	}
	return "; next " + diary.RelativeDue(now, at)
}
