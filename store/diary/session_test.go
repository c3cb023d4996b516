package diary

import (
	"testing"
	"time"
)

func TestSessionWords(t *testing.T) {
	at := time.Date(2026, 11, 27, 9, 0, 0, 0, time.UTC)
	five, three := 5, 3
	for _, tt := range []struct {
		s                    Session
		outcome, steps, pain string
	}{
		{Session{StepsDone: 7, StepsTotal: 7, PainBefore: &five, PainAfter: &three}, "completed", "7 of 7 steps", "5 → 3"},
		{Session{StepsDone: 2, StepsTotal: 7, PainBefore: &five}, "stopped", "2 of 7 steps", "5 → –"},
		{Session{StepsDone: 0, StepsTotal: 3}, "stopped", "0 of 3 steps", ""},
	} {
		tt.s.Stamp, tt.s.End = StampAt(at), at.Add(90*time.Second)
		if got := tt.s.Outcome(); got != tt.outcome {
			t.Errorf("Outcome = %q, want %q", got, tt.outcome)
		}
		if got := tt.s.Steps(); got != tt.steps {
			t.Errorf("Steps = %q, want %q", got, tt.steps)
		}
		if got := tt.s.PainChange(); got != tt.pain {
			t.Errorf("PainChange = %q, want %q", got, tt.pain)
		}
		if tt.s.Length() != 90*time.Second {
			t.Errorf("Length = %v", tt.s.Length())
		}
	}
}
