package diary

import "slices"

// ImpliedSign is a warning sign an entry's details point to although it
// was not ticked: the Log and `lumbar log` show its advice at once and
// ask whether to add it.
type ImpliedSign struct {
	Sign     string
	Question string // a yes adds Sign to the entry
	// AtOnce is true when the details alone put the entry on the sign's
	// tier; false when the answer decides (a weakness may be old).
	AtOnce bool
}

// ImpliedSigns reads the signs that where it hurts and what it feels
// like imply, leaving out those already ticked:
//   - pain, numbness or tingling in both legs is the both-legs sign;
//   - numbness in one leg together with weakness asks whether the
//     weakness is new or getting worse, which is the weakness sign.
func ImpliedSigns(where, feels, ticked []string) []ImpliedSign {
	left, right := slices.Contains(where, "leg-left"), slices.Contains(where, "leg-right")
	var implied []ImpliedSign
	if left && right && !slices.Contains(ticked, "both-legs") {
		implied = append(implied, ImpliedSign{Sign: "both-legs", AtOnce: true,
			Question: "You noted both legs. Add “" + WarningSigns.Label("both-legs") + "” to the entry's warning signs?"})
	}
	if left != right && slices.Contains(feels, "numbness") && slices.Contains(feels, "weakness") &&
		!slices.Contains(ticked, "weakness") {
		implied = append(implied, ImpliedSign{Sign: "weakness",
			Question: "You noted numbness and weakness in one leg. Is the weakness new, or getting worse? " +
				"Yes adds “" + WarningSigns.Label("weakness") + "” to the entry's warning signs."})
	}
	return implied
}

// AdviceForEntry is the advice for the signs ticked and the signs the
// details imply (see ImpliedSigns), in Implied; ok is false when there are
// neither. An implied sign that the details alone prove counts at once;
// one that waits on an answer adds the one-leg note instead.
func AdviceForEntry(ticked, where, feels []string) (advice Advice, ok bool) {
	implied := ImpliedSigns(where, feels, ticked)
	signs := slices.Clone(ticked)
	for _, im := range implied {
		if im.AtOnce {
			signs = append(signs, im.Sign)
		}
	}
	advice, ok = AdviceFor(signs)
	for i := len(ticked); i < len(advice.Signs); i++ {
		advice.Signs[i] += " (from where it hurts)" // implied, not ticked
	}
	if !ok && len(implied) > 0 {
		advice, ok = Advice{Heading: "Numbness and weakness in one leg."}, true
	}
	if slices.ContainsFunc(implied, func(im ImpliedSign) bool { return !im.AtOnce }) && advice.Tier != TierEmergency {
		advice.Lines = append([]string{OneLegNote}, advice.Lines...)
	}
	advice.Implied = implied
	return advice, ok
}
