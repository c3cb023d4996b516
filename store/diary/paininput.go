package diary

import (
	"fmt"
	"slices"
	"strconv"
	"strings"
	"time"
)

// PainInput is a pain entry as a person typed it, in the Log tab's form
// or on `lumbar log`'s command line: ratings and times as text, lists as
// IDs. Entry turns it into a PainEntry or says, in one line, what is wrong.
type PainInput struct {
	Pain         string   `json:"pain"`         // required
	LegPain      string   `json:"leg_pain"`     // "" when not given
	Interference string   `json:"interference"` // "" when not given
	When         string   `json:"when"`         // see ParseWhen; "" is now
	Where        []string `json:"where"`
	Feels        []string `json:"feels"`
	Triggers     []string `json:"triggers"`
	Helped       []string `json:"helped"`
	Relief       string   `json:"relief"`
	Medication   string   `json:"medication"` // naming one counts medication as having helped
	Sleep        string   `json:"sleep"`
	Warnings     []string `json:"warnings"`
	Note         string   `json:"note"`
}

// Entry checks the input and builds the entry it describes, made at the
// time it names (relative to now).
func (in PainInput) Entry(now time.Time) (PainEntry, error) {
	e := PainEntry{
		Where: in.Where, Feels: in.Feels, Triggers: in.Triggers, Warnings: in.Warnings,
		Helped:     slices.Clone(in.Helped),
		Relief:     strings.ToLower(strings.TrimSpace(in.Relief)),
		Sleep:      strings.ToLower(strings.TrimSpace(in.Sleep)),
		Medication: validText(in.Medication),
		Note:       validText(in.Note),
	}
	var err error
	if e.Pain, err = ParseRating("pain", in.Pain); err != nil {
		return e, err
	}
	if e.LegPain, err = optionalRating("leg pain", in.LegPain); err != nil {
		return e, err
	}
	if e.Interference, err = optionalRating("interference", in.Interference); err != nil {
		return e, err
	}
	if e.Medication != "" && !slices.Contains(e.Helped, "medication") {
		e.Helped = append(e.Helped, "medication")
	}
	at, err := ParseWhen(in.When, now)
	if err != nil {
		return e, err
	}
	e.Stamp = StampAt(at)
	return e, e.Validate()
}

// WhenLayout is how an entry's time is shown for editing; ParseWhen
// reads it back.
const WhenLayout = "2006-01-02 15:04"

// InputOf is an entry as typed input, for an edit to begin from.
func InputOf(e PainEntry) PainInput {
	return PainInput{
		Pain: fmt.Sprint(e.Pain), LegPain: ratingText(e.LegPain), Interference: ratingText(e.Interference),
		When:  e.Local().Format(WhenLayout),
		Where: slices.Clone(e.Where), Feels: slices.Clone(e.Feels), Triggers: slices.Clone(e.Triggers),
		Helped: slices.Clone(e.Helped), Relief: e.Relief, Medication: e.Medication, Sleep: e.Sleep,
		Warnings: slices.Clone(e.Warnings), Note: e.Note,
	}
}

func ratingText(r *int) string {
	if r == nil {
		return ""
	}
	return fmt.Sprint(*r)
}

// Edited checks the input of an edit of original and builds the entry it
// describes. The entry keeps original's exact time (and UTC offset)
// unless the time was changed from what InputOf showed.
func (in PainInput) Edited(original PainEntry, now time.Time) (PainEntry, error) {
	e, err := in.Entry(now)
	if err == nil && strings.TrimSpace(in.When) == InputOf(original).When {
		e.Stamp = original.Stamp
	}
	return e, err
}

// validText is typed text trimmed, each run of invalid UTF-8 replaced
// by U+FFFD once, here, so what is echoed and what is stored are the
// same text (JSON would replace them on storing, a display drop them).
func validText(s string) string {
	return strings.ToValidUTF8(strings.TrimSpace(s), "\uFFFD")
}

// ParseRating reads a 0–10 rating as typed; name says which one in the
// message.
func ParseRating(name, s string) (int, error) {
	s = strings.TrimSpace(s)
	if s == "" {
		return 0, fmt.Errorf("%s is empty; give a whole number from %d to %d", name, PainMin, PainMax)
	}
	n, err := strconv.Atoi(s)
	if err != nil || n < PainMin || n > PainMax {
		return 0, fmt.Errorf("%s must be a whole number from %d to %d, not %q", name, PainMin, PainMax, s)
	}
	return n, nil
}

func optionalRating(name, s string) (*int, error) {
	if strings.TrimSpace(s) == "" {
		return nil, nil
	}
	n, err := ParseRating(name, s)
	return &n, err
}
