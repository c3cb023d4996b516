package diary

import "fmt"

// The urgency ladder: how soon a back-pain symptom needs a professional.
// It follows the NHS back pain page and NICE CKS "Back pain – low" in the
// project's own words, kept country-neutral. This file is the one place
// the ladder's words live: the Guide's "When to see a doctor" carries the
// phrases verbatim (a test holds it to them), and the Log's advice, the
// stretch player, the tips, the README and `lumbar log` all take them from
// here. Never write an urgency ("today", "same day", "soon") beside a red
// flag anywhere else: use a tier's phrase.

// Tier is one rung of the ladder, most urgent first.
type Tier int

const (
	TierEmergency Tier = iota + 1 // today is too late
	TierUrgent                    // within 24 hours
	TierRoutine                   // an ordinary appointment
)

// The three phrases, one per tier: what to do, said the same everywhere.
const (
	EmergencyPhrase = "Emergency now: go to an emergency department or call your emergency number."
	UrgentPhrase    = "Urgent, within 24 hours: get an urgent appointment or call your health advice line."
	RoutinePhrase   = "See a doctor or physiotherapist: book an ordinary appointment."
)

// EmergencySignsInBrief names the emergency signs in one breath, for the
// places with room for a line, not a list.
const EmergencySignsInBrief = "pain, numbness or tingling in both legs, changes in bladder, bowel or saddle feeling, or a leg that keeps getting weaker"

// EscalationLine says when waiting must stop: shown under the advice of
// the two lower tiers.
const EscalationLine = "If, while you wait, you notice " + EmergencySignsInBrief + ", do not wait any longer. " + EmergencyPhrase

// OneLegNote is what to know about ordinary sciatica, which frightens
// people more than it needs to, and when it stops being ordinary.
const OneLegNote = "New numbness or tingling in one leg, with ordinary sciatica, is not an emergency by itself. " +
	"It becomes one if leg weakness is new or keeps getting worse, if it spreads to both legs, " +
	"or if bladder, bowel or saddle feeling changes. " + EmergencyPhrase

// StretchStopRule is when to stop any stretch: the Guide, the tips and the
// player say it in these words.
const StretchStopRule = "Stop if you feel sharp pain, pain spreading down a leg, numbness or tingling."

// HighPainLine is said once before a stretching routine started with pain
// of 9 or 10: calmly, that skipping is fine, and where to look for when
// to get help.
const HighPainLine = "Pain this high is a good reason to skip stretching today, or to keep to the gentlest moves. " +
	"If it does not ease, see a doctor or physiotherapist; the Guide's “When to see a doctor” says when it cannot wait."

// Rung is one tier of the ladder as the Guide lists it: its heading, its
// phrase and the symptoms that put a person on it.
type Rung struct {
	Tier     Tier
	Heading  string
	Phrase   string
	Symptoms []Symptom
}

// Symptom is one line of a rung in plain words, with the Log's warning
// signs that note it (none for a reason to book an ordinary visit that
// the Log does not ask about).
type Symptom struct {
	Words string
	Signs []string
}

// Ladder is the urgency ladder, most urgent first.
var Ladder = []Rung{
	{TierEmergency, "Emergency now", EmergencyPhrase, []Symptom{
		{"Pain, tingling, numbness or weakness in both legs", []string{"both-legs"}},
		{"Numbness or tingling around the genitals, buttocks or inner thighs (the saddle area), or a changed feeling when you wipe after the toilet", []string{"saddle", "wiping"}},
		{"New trouble peeing, leaking, or losing control of your bladder or bowels", []string{"peeing", "bladder", "bowel"}},
		{"New trouble getting or keeping an erection, or another new change in sexual feeling or function", []string{"sexual"}},
		{"New difficulty walking, or leg weakness that keeps getting worse, such as a foot that slaps down or drags", []string{"walking", "weakness"}},
		{"Chest pain", []string{"chest-pain"}},
		{"Back pain that began with a serious accident, such as a car crash or a bad fall", []string{"accident"}},
	}},
	{TierUrgent, "Urgent, within 24 hours", UrgentPhrase, []Symptom{
		{"A high temperature, or feeling hot and shivery", []string{"fever"}},
		{"Losing weight without trying", []string{"weight-loss"}},
		{"A lump or swelling on your back, or a change in its shape", []string{"lump"}},
		{"Pain that does not ease when you rest, or is much worse at night", []string{"night-pain"}},
		{"Pain made worse by sneezing, coughing or straining", []string{"sneezing"}},
		{"Pain between the shoulder blades (the upper back)", []string{"upper-back"}},
		{"New back pain when you have had cancer", []string{"cancer"}},
		{"A recent infection, injecting drugs, or an immune system weakened by illness or medicines such as long-term steroid tablets", []string{"infection-risk"}},
		{"Pain after a fall or a knock when your bones may be fragile: osteoporosis, being over 50, or long-term steroids", []string{"injury", "fragile-bones"}},
	}},
	{TierRoutine, "See a doctor or physiotherapist", RoutinePhrase, []Symptom{
		{"Pain that has not improved after a few weeks of looking after it yourself", nil},
		{"Pain that stops you doing your normal day-to-day things", nil},
		{"Very severe pain, or pain that keeps getting worse over time", []string{"worsening"}},
		{"Feeling worried about your back, or finding it hard to cope", nil},
		{"Back pain that is new to you before the age of 20 or after 50 (mention your age)", nil},
	}},
}

// RungOf is the ladder's rung for a tier.
func RungOf(t Tier) Rung {
	for _, r := range Ladder {
		if r.Tier == t {
			return r
		}
	}
	panic(fmt.Sprintf("store: no rung for tier %d", t))
}

// TierOfSign is the rung a warning sign stands on; 0 for an unknown ID.
func TierOfSign(sign string) Tier {
	for _, r := range Ladder {
		for _, s := range r.Symptoms {
			for _, id := range s.Signs {
				if id == sign {
					return r.Tier
				}
			}
		}
	}
	return 0
}
