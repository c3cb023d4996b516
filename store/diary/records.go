package diary

import (
	"fmt"
	"strings"
	"time"
	"unicode/utf8"
)

// Pain is a rating on the 0–10 Numeric Rating Scale.
const (
	PainMin = 0
	PainMax = 10
)

// PainEntry is one pain rating with its optional details. Lists hold IDs
// from the vocabularies in painwords.go; absent details are left out of
// the stored JSON.
type PainEntry struct {
	Stamp
	Pain int    `json:"pain"`
	Note string `json:"note,omitempty"` // as typed; shown only through Printable

	LegPain      *int     `json:"leg_pain,omitempty"` // sciatica, 0–10
	Where        []string `json:"where,omitempty"`    // Areas
	Feels        []string `json:"feels,omitempty"`    // Feelings
	Triggers     []string `json:"triggers,omitempty"` // Triggers
	Helped       []string `json:"helped,omitempty"`   // Reliefs
	Relief       string   `json:"relief,omitempty"`   // ReliefAmounts: how much what helped helped
	Medication   string   `json:"medication,omitempty"`
	Interference *int     `json:"interference,omitempty"` // how much pain got in the way of the day, 0–10
	Sleep        string   `json:"sleep,omitempty"`        // SleepQualities, last night
	Warnings     []string `json:"warning_signs,omitempty"`
}

// Limits on free text: enough for any note, short of a pasted file.
const (
	MaxNoteChars       = 4000
	MaxMedicationChars = 200
)

// Validate refuses ratings off the 0–10 scale, unknown words and overlong
// text, with a message a person can act on.
func (p PainEntry) Validate() error {
	if err := checkRating("pain", p.Pain); err != nil {
		return err
	}
	for _, r := range []struct {
		name  string
		value *int
	}{{"leg pain", p.LegPain}, {"interference", p.Interference}} {
		if r.value != nil {
			if err := checkRating(r.name, *r.value); err != nil {
				return err
			}
		}
	}
	for _, list := range []struct {
		vocab Vocabulary
		ids   []string
	}{{Areas, p.Where}, {Feelings, p.Feels}, {Triggers, p.Triggers}, {Reliefs, p.Helped}, {WarningSigns, p.Warnings}} {
		if err := list.vocab.CheckAll(list.ids); err != nil {
			return err
		}
	}
	for _, one := range []struct {
		vocab Vocabulary
		id    string
	}{{ReliefAmounts, p.Relief}, {SleepQualities, p.Sleep}} {
		if one.id != "" {
			if err := one.vocab.Check(one.id); err != nil {
				return err
			}
		}
	}
	if p.Relief != "" && len(p.Helped) == 0 {
		return fmt.Errorf("how much it helped (%s) needs what helped", p.Relief)
	}
	if n := utf8.RuneCountInString(p.Note); n > MaxNoteChars {
		return fmt.Errorf("note is %d characters; the most is %d", n, MaxNoteChars)
	}
	if n := utf8.RuneCountInString(p.Medication); n > MaxMedicationChars {
		return fmt.Errorf("medication is %d characters; the most is %d", n, MaxMedicationChars)
	}
	if strings.ContainsAny(p.Medication, "\r\n") {
		return fmt.Errorf("medication is one line, its name and dose; put anything more in the note")
	}
	return nil
}

func checkRating(name string, v int) error {
	if v < PainMin || v > PainMax {
		return fmt.Errorf("%s must be a whole number from %d to %d, not %d", name, PainMin, PainMax, v)
	}
	return nil
}

// PainBand names a rating's band on the scale: mild, moderate, severe. The
// bands are a rough guide for reading charts, not a medical cut-off; the
// README and lumbar log --help say so.
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
		return fmt.Errorf("water must be between 1 and %s, not %s", UnitML.Format(MaxWaterLogML), UnitML.Number(w.ML))
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
