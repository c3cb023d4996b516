package store

import (
	"fmt"
	"time"
)

// Pain is a rating on the 0–10 Numeric Rating Scale.
const (
	PainMin = 0
	PainMax = 10
)

// PainEntry is one pain rating. The Log tab adds its optional details.
type PainEntry struct {
	Stamp
	Pain int    `json:"pain"`
	Note string `json:"note,omitempty"`
}

// Validate refuses a rating off the 0–10 scale.
func (p PainEntry) Validate() error {
	if p.Pain < PainMin || p.Pain > PainMax {
		return fmt.Errorf("pain must be a whole number from %d to %d, not %d", PainMin, PainMax, p.Pain)
	}
	return nil
}

// PainBand names a rating's band on the scale.
func PainBand(pain int) string {
	switch {
	case pain <= 0:
		return "none"
	case pain <= 3:
		return "mild"
	case pain <= 6:
		return "moderate"
	default:
		return "severe"
	}
}

// WaterLog is water drunk, in millilitres.
type WaterLog struct {
	Stamp
	ML int `json:"ml"`
}

// MaxWaterLogML bounds one log: more than this at once is a typing slip.
const MaxWaterLogML = 5000

// Validate refuses amounts that cannot be one drink.
func (w WaterLog) Validate() error {
	if w.ML <= 0 || w.ML > MaxWaterLogML {
		return fmt.Errorf("water must be between 1 and %d ml, not %d", MaxWaterLogML, w.ML)
	}
	return nil
}

// Session is one stretch routine followed, whole or in part. Its Stamp is
// when it started.
type Session struct {
	Stamp
	Routine    string    `json:"routine"`
	End        time.Time `json:"end"`
	StepsDone  int       `json:"steps_done"`
	StepsTotal int       `json:"steps_total"`
	PainBefore *int      `json:"pain_before,omitempty"`
	PainAfter  *int      `json:"pain_after,omitempty"`
}

// Validate refuses sessions that cannot have happened.
func (s Session) Validate() error {
	switch {
	case s.Routine == "":
		return fmt.Errorf("session has no routine")
	case s.End.Before(s.At):
		return fmt.Errorf("session ends before it starts")
	case s.StepsTotal <= 0 || s.StepsDone < 0 || s.StepsDone > s.StepsTotal:
		return fmt.Errorf("session steps %d of %d make no sense", s.StepsDone, s.StepsTotal)
	}
	for _, p := range []*int{s.PainBefore, s.PainAfter} {
		if p != nil {
			if err := (PainEntry{Pain: *p}).Validate(); err != nil {
				return err
			}
		}
	}
	return nil
}

// Checked is a record that can refuse bad values before they are written.
type Checked interface {
	Record
	Validate() error
}

// Append validates v and stores it as a new record in its own transaction.
// Invalid input is refused before the file is opened.
func Append[T Checked](s *Store, b Bucket, v T) (Key, error) {
	if err := v.Validate(); err != nil {
		return Key{}, err
	}
	var k Key
	err := s.Update(func(tx *Tx) (err error) {
		k, err = Insert(tx, b, v)
		return err
	})
	return k, err
}
