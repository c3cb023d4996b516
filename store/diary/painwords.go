package diary

import (
	"fmt"
	"slices"
	"strings"

	"lumbar/store/text"
)

// Word is one accepted value of a pain entry's detail: its ID is what is
// stored and typed on the command line, its label what people read.
type Word struct {
	ID    string
	Label string
}

// Vocabulary is the closed list of words one detail accepts.
type Vocabulary struct {
	Name  string // what one word is, for messages: "area", "trigger"
	Words []Word
	// Short holds, where a label is long, the few words a table column or
	// a summary line has room for ("left leg" for "leg-left").
	Short map[string]string
}

// The details of a pain entry. IDs are stored in the data file: never
// rename one, only add.
var (
	Areas = Vocabulary{Name: "area", Words: []Word{
		{"back-centre", "lower back (centre)"},
		{"back-left", "lower back (left)"},
		{"back-right", "lower back (right)"},
		{"buttock-left", "left buttock"},
		{"buttock-right", "right buttock"},
		{"leg-left", "left leg"},
		{"leg-right", "right leg"},
		{"below-knee", "spreads below the knee"},
	}, Short: map[string]string{
		"back-centre":   "back",
		"back-left":     "left back",
		"back-right":    "right back",
		"buttock-left":  "left buttock",
		"buttock-right": "right buttock",
		"leg-left":      "left leg",
		"leg-right":     "right leg",
		"below-knee":    "below knee",
	}}
	Feelings = Vocabulary{Name: "feeling", Words: []Word{
		{"dull-ache", "dull ache"},
		{"sharp", "sharp"},
		{"stiffness", "stiffness"},
		{"numbness", "numbness"},
		{"tingling", "tingling"},
		{"burning", "burning"},
		{"shooting", "shooting"},
		{"weakness", "weakness"},
	}}
	Triggers = Vocabulary{Name: "trigger", Words: []Word{
		{"sitting", "sitting long"},
		{"standing", "standing long"},
		{"lifting", "lifting"},
		{"bending", "bending"},
		{"twisting", "twisting"},
		{"sleep-position", "sleep position"},
		{"stress", "stress"},
		{"other", "something else"},
	}}
	// Reliefs are what helped. The massage techniques are the Guide's.
	Reliefs = Vocabulary{Name: "relief", Words: []Word{
		{"stretching", "stretching"},
		{"massage", "massage (any kind)"},
		{"massage-swedish", "Swedish massage"},
		{"massage-deep-tissue", "deep tissue massage"},
		{"massage-trigger-point", "trigger point therapy"},
		{"massage-myofascial", "myofascial release"},
		{"massage-sports", "sports massage"},
		{"heat", "heat"},
		{"cold", "cold"},
		{"walking", "walking"},
		{"rest", "rest"},
		{"medication", "medication"},
	}}
	// ReliefAmounts say how much what helped helped.
	ReliefAmounts = Vocabulary{Name: "amount", Words: []Word{
		{"a-little", "a little"},
		{"some", "somewhat"},
		{"a-lot", "a lot"},
	}}
	SleepQualities = Vocabulary{Name: "sleep", Words: []Word{
		{"poor", "poor"},
		{"fair", "fair"},
		{"good", "good"},
	}}
	// WarningSigns are the red flags of the urgency ladder's first two
	// tiers, and severe or worsening pain from the third; urgency.go says
	// which tier each stands on. Ordered most urgent first.
	WarningSigns = Vocabulary{Name: "warning sign", Words: []Word{
		{"both-legs", "pain, numbness or tingling in both legs"},
		{"saddle", "numbness in the groin or saddle area"},
		{"wiping", "changed feeling when wiping"},
		{"peeing", "new trouble peeing, or leaking"},
		{"bladder", "loss of bladder control"},
		{"bowel", "loss of bowel control"},
		{"sexual", "new problems with erection or sex"},
		{"weakness", "new or worsening leg weakness"},
		{"walking", "new difficulty walking"},
		{"chest-pain", "chest pain"},
		{"accident", "pain began with a serious accident"},
		{"fever", "fever, or feeling hot and shivery"},
		{"weight-loss", "unexplained weight loss"},
		{"lump", "lump, swelling or changed shape of the back"},
		{"night-pain", "pain not eased by rest, or worse at night"},
		{"sneezing", "worse on sneezing, coughing or straining"},
		{"upper-back", "pain between the shoulder blades"},
		{"cancer", "new back pain after cancer"},
		{"infection-risk", "infection, injecting drugs or low immunity"},
		{"injury", "pain after a fall or injury"},
		{"fragile-bones", "fragile bones (osteoporosis, steroids)"},
		{"worsening", "severe or worsening pain"},
	}}
)

// IDs lists the vocabulary's IDs in order.
func (v Vocabulary) IDs() []string {
	ids := make([]string, len(v.Words))
	for i, w := range v.Words {
		ids[i] = w.ID
	}
	return ids
}

// Has tells whether id is one of the vocabulary's words.
func (v Vocabulary) Has(id string) bool {
	return slices.ContainsFunc(v.Words, func(w Word) bool { return w.ID == id })
}

// Label is id's label, or id itself if the vocabulary lacks it.
func (v Vocabulary) Label(id string) string {
	for _, w := range v.Words {
		if w.ID == id {
			return w.Label
		}
	}
	return id
}

// Labels are the labels of ids, in the order given.
func (v Vocabulary) Labels(ids []string) []string {
	labels := make([]string, len(ids))
	for i, id := range ids {
		labels[i] = v.Label(id)
	}
	return labels
}

// ShortLabels are the short words of ids (the label where there is no
// short one), in the order given.
func (v Vocabulary) ShortLabels(ids []string) []string {
	labels := v.Labels(ids)
	for i, id := range ids {
		if short, ok := v.Short[id]; ok {
			labels[i] = short
		}
	}
	return labels
}

// Check refuses a word the vocabulary lacks, suggesting the closest one.
func (v Vocabulary) Check(id string) error {
	if v.Has(id) {
		return nil
	}
	msg := fmt.Sprintf("unknown %s %q", v.Name, id)
	if guesses := v.guess(id); len(guesses) > 0 {
		msg += fmt.Sprintf("; did you mean %s?", orList(guesses))
	} else {
		msg += "; one of " + strings.Join(v.IDs(), ", ")
	}
	return fmt.Errorf("%s", msg)
}

// guess is what a mistyped word probably meant: the closest ID, or else
// every ID with a part close to it ("buttok" → buttock-left or
// buttock-right, "swedish" → massage-swedish).
func (v Vocabulary) guess(word string) []string {
	if best, ok := text.Closest(word, v.IDs()); ok {
		return []string{best}
	}
	var parts []string
	for _, id := range v.IDs() {
		for _, p := range strings.Split(id, "-") {
			if !slices.Contains(parts, p) {
				parts = append(parts, p)
			}
		}
	}
	part, ok := text.Closest(word, parts)
	if !ok {
		return nil
	}
	var guesses []string
	for _, id := range v.IDs() {
		if slices.Contains(strings.Split(id, "-"), part) {
			guesses = append(guesses, id)
		}
	}
	return guesses
}

// CheckAll refuses the first unknown or repeated word of ids.
func (v Vocabulary) CheckAll(ids []string) error {
	for i, id := range ids {
		if err := v.Check(id); err != nil {
			return err
		}
		if slices.Contains(ids[:i], id) {
			return fmt.Errorf("%s %q is given twice", v.Name, id)
		}
	}
	return nil
}

// ParseList reads a comma-separated list of IDs as typed on the command
// line: case and spaces around words do not matter, repeats are dropped,
// and an unknown word is refused with the closest match suggested.
func (v Vocabulary) ParseList(list string) ([]string, error) {
	var ids []string
	for _, field := range strings.Split(list, ",") {
		id := strings.ToLower(strings.TrimSpace(field))
		if id == "" {
			continue
		}
		if err := v.Check(id); err != nil {
			return nil, err
		}
		if !slices.Contains(ids, id) {
			ids = append(ids, id)
		}
	}
	return ids, nil
}

// orList joins words as "a, b or c".
func orList(words []string) string {
	if len(words) < 2 {
		return strings.Join(words, "")
	}
	return strings.Join(words[:len(words)-1], ", ") + " or " + words[len(words)-1]
}
