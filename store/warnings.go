package store

import "slices"

// urgentSigns are the warning signs of cauda equina syndrome, which needs
// treatment within hours: the Guide's "Get help urgently" list.
var urgentSigns = []string{"bladder", "bowel", "saddle", "weakness", "both-legs"}

// DoctorGuideSection is the Guide section the advice comes from; the Log
// opens it with a key, the command line names it.
const DoctorGuideSection = "when-to-see-a-doctor"

// Advice is what lumbar says when an entry notes warning signs. Its words
// follow the Guide's "When to see a doctor" section; this is the only
// place they are kept, for the Log tab and the command line alike.
type Advice struct {
	Urgent  bool
	Heading string
	Signs   []string // labels of the signs noted
	Lines   []string
}

var (
	urgentAdvice = Advice{
		Urgent:  true,
		Heading: "Get medical help today: go to an emergency department or call emergency services now.",
		Lines: []string{
			"Loss of bladder or bowel control, numbness in the groin or saddle area, new leg weakness " +
				"or pain down both legs can be signs of cauda equina syndrome. It is rare, but it needs " +
				"treatment within hours.",
			"Please do not wait to see if it passes, and do not book a massage instead. " +
				"If you are not sure it counts, treat it as urgent and let the professionals decide.",
		},
	}
	soonAdvice = Advice{
		Heading: "See a doctor soon, within a few days rather than weeks.",
		Lines: []string{
			"These often have an ordinary cause, but they need a professional to check them. " +
				"With a fever, or if you feel very unwell, call today.",
			"If the pain began with a serious accident, such as a car crash or a bad fall, " +
				"get emergency help now.",
			"If things get worse while you wait, or you notice loss of bladder or bowel control, " +
				"numbness in the saddle area or leg weakness, get help straight away.",
		},
	}
)

// AdviceFor is the advice for the warning signs noted, urgent if any of
// them is; ok is false when there are none.
func AdviceFor(signs []string) (advice Advice, ok bool) {
	if len(signs) == 0 {
		return Advice{}, false
	}
	advice = soonAdvice
	if slices.ContainsFunc(signs, IsUrgentSign) {
		advice = urgentAdvice
	}
	advice.Signs = WarningSigns.Labels(signs)
	return advice, true
}

// IsUrgentSign tells whether a warning sign needs help the same day.
func IsUrgentSign(sign string) bool { return slices.Contains(urgentSigns, sign) }
