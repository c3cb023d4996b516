package diary

import (
	"fmt"
	"strings"
	"time"

	"lumbar/store/text"
)

// CheckKind is the reminder an acknowledgement answers.
type CheckKind string

// The reminders.
const (
	CheckMove    CheckKind = "move"
	CheckPosture CheckKind = "posture"
	CheckWater   CheckKind = "water"
	// CheckLog is the daily nudge to log pain, on days with no entry yet.
	CheckLog CheckKind = "log"
)

// CheckKinds is every reminder, in the order they are listed and, when
// several fall due at once, shown.
func CheckKinds() []CheckKind { return []CheckKind{CheckMove, CheckPosture, CheckWater, CheckLog} }

// ParseCheckKind reads a reminder's name as commands take it; an unknown
// one is refused with the nearest name suggested.
func ParseCheckKind(name string) (CheckKind, error) {
	var names []string
	for _, k := range CheckKinds() {
		if string(k) == strings.ToLower(name) {
			return k, nil
		}
		names = append(names, string(k))
	}
	if best, ok := text.Closest(name, names); ok {
		return "", fmt.Errorf("unknown reminder %q; did you mean %s?", name, best)
	}
	return "", fmt.Errorf("unknown reminder %q; the reminders are %s", name, strings.Join(names, ", "))
}

// CheckAction is what the person did with a reminder.
type CheckAction string

// The answers to a reminder.
const (
	ActionDone      CheckAction = "done"
	ActionSnoozed   CheckAction = "snoozed"
	ActionDismissed CheckAction = "dismissed"
)

// Check is one answer to a reminder, kept in the checks bucket: the Log's
// insights count them, and the latest of each kind anchors the schedule.
type Check struct {
	Stamp
	Kind   CheckKind   `json:"kind"`
	Action CheckAction `json:"action"`
	Until  time.Time   `json:"until,omitzero"` // snoozed: when it comes back (UTC)
}

// Validate refuses answers that cannot have been given.
func (c Check) Validate() error {
	switch c.Kind {
	case CheckMove, CheckPosture, CheckWater, CheckLog:
	default:
		return fmt.Errorf("unknown reminder %q", c.Kind)
	}
	switch c.Action {
	case ActionSnoozed:
		if !c.Until.After(c.At) {
			return fmt.Errorf("a snooze must end after it starts")
		}
	case ActionDone, ActionDismissed:
		if !c.Until.IsZero() {
			return fmt.Errorf("only a snooze has an end")
		}
	default:
		return fmt.Errorf("unknown answer %q to a reminder", c.Action)
	}
	return nil
}

// ReminderState is everything the reminder schedule depends on, read in
// one transaction.
type ReminderState struct {
	Settings Settings
	Today    DaySummary
	// LastAck is the latest answer to each reminder in the last two days
	// (or, after the clock went back, in the future).
	LastAck map[CheckKind]Check
	// PostureAcksToday counts today's posture check-ins done or dismissed:
	// it picks the next cue, so each check-in shows a new one.
	PostureAcksToday int
	QuietUntil       time.Time
	// FirstOpen is when the diary was first in use: when the app first
	// opened it or, where that was never recorded (a diary used only from
	// the shell, or from before lumbar recorded it), its oldest record. No
	// reminder counts its interval from earlier. Zero for an empty diary
	// the app never opened.
	FirstOpen time.Time
}
