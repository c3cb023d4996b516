package diary

import (
	"fmt"
	"time"
)

// Completed tells whether every step of the routine was followed.
func (s Session) Completed() bool { return s.StepsDone == s.StepsTotal }

// Length is how long the session lasted, pauses included.
func (s Session) Length() time.Duration { return s.End.Sub(s.At) }

// Outcome says how the session ended: "completed" or "stopped".
func (s Session) Outcome() string {
	if s.Completed() {
		return "completed"
	}
	return "stopped"
}

// Steps is how far the session got: "3 of 7 steps".
func (s Session) Steps() string { return fmt.Sprintf("%d of %d steps", s.StepsDone, s.StepsTotal) }

// PainChange is the pain asked before and after, "5 → 3", with "–" for
// the one not answered; "" when neither was.
func (s Session) PainChange() string {
	if s.PainBefore == nil && s.PainAfter == nil {
		return ""
	}
	return ratingOrDash(s.PainBefore) + " → " + ratingOrDash(s.PainAfter)
}

func ratingOrDash(r *int) string {
	if r == nil {
		return "–"
	}
	return fmt.Sprint(*r)
}
