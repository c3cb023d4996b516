package diary

import "slices"

// Advice is what lumbar says when an entry notes warning signs: the
// phrase of the most urgent tier among them (see urgency.go), for the Log
// tab and the command line alike.
type Advice struct {
	Tier    Tier
	Heading string   // the tier's phrase
	Signs   []string // labels of the signs noted
	Lines   []string
	// Implied are signs the entry's details point to but were not
	// ticked: the Log asks whether to add each (see AdviceForEntry).
	Implied []ImpliedSign
}

// Urgent tells whether the advice is the emergency tier's.
func (a Advice) Urgent() bool { return a.Tier == TierEmergency }

// adviceLines are what each tier says after its phrase.
var adviceLines = map[Tier][]string{
	TierEmergency: {
		"These can mean the nerves at the base of the spine are being squeezed (cauda equina syndrome), " +
			"or another serious problem. It is rare, and the sooner it is treated the better.",
		"Do not wait to see whether it passes, and do not book a massage instead. " +
			"If you are unsure whether it counts, go anyway: checking is their job.",
	},
	TierUrgent: {
		"These usually have an ordinary cause, but a professional needs to check them.",
		EscalationLine,
	},
	TierRoutine: {
		"Most back pain has an ordinary cause; a professional can check yours and help you plan.",
		EscalationLine,
	},
}

// AdviceFor is the advice for the warning signs noted, at the tier of the
// most urgent of them; ok is false when there are none.
func AdviceFor(signs []string) (advice Advice, ok bool) {
	if len(signs) == 0 {
		return Advice{}, false
	}
	tier := TierRoutine
	for _, s := range signs {
		if t := TierOfSign(s); t != 0 && t < tier {
			tier = t
		}
	}
	return Advice{
		Tier:    tier,
		Heading: RungOf(tier).Phrase,
		Signs:   WarningSigns.Labels(signs),
		Lines:   slices.Clone(adviceLines[tier]),
	}, true
}
