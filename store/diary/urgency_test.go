package diary

import (
	"slices"
	"strings"
	"testing"
)

// Every warning sign the Log offers stands on exactly one rung, and every
// symptom of the first two rungs can be noted as a sign.
func TestLadderCoversTheWarningSigns(t *testing.T) {
	seen := map[string]Tier{}
	for _, r := range Ladder {
		for _, s := range r.Symptoms {
			if r.Tier != TierRoutine && len(s.Signs) == 0 {
				t.Errorf("%q (tier %d) has no warning sign in the Log", s.Words, r.Tier)
			}
			for _, id := range s.Signs {
				if !WarningSigns.Has(id) {
					t.Errorf("%q names unknown sign %q", s.Words, id)
				}
				if prev, dup := seen[id]; dup && prev != r.Tier {
					t.Errorf("sign %q stands on tiers %d and %d", id, prev, r.Tier)
				}
				seen[id] = r.Tier
			}
		}
	}
	for _, id := range WarningSigns.IDs() {
		if TierOfSign(id) == 0 {
			t.Errorf("warning sign %q is on no rung of the ladder", id)
		}
	}
}

// Signs written by older versions keep their IDs.
func TestWarningSignIDsAreKept(t *testing.T) {
	for _, id := range []string{"bladder", "bowel", "saddle", "weakness", "both-legs", "fever", "weight-loss", "injury", "worsening"} {
		if !WarningSigns.Has(id) {
			t.Errorf("warning sign %q was removed or renamed: old entries would not read", id)
		}
	}
}

func TestLadderPhrases(t *testing.T) {
	var phrases []string
	for i, r := range Ladder {
		if r.Tier != Tier(i+1) {
			t.Errorf("rung %d is tier %d", i, r.Tier)
		}
		if !strings.HasPrefix(r.Phrase, r.Heading+": ") || !strings.HasSuffix(r.Phrase, ".") {
			t.Errorf("phrase %q does not start with its heading %q", r.Phrase, r.Heading)
		}
		if slices.Contains(phrases, r.Phrase) {
			t.Errorf("phrase %q twice", r.Phrase)
		}
		phrases = append(phrases, r.Phrase)
	}
	for _, text := range []string{EscalationLine, OneLegNote} {
		if !strings.HasSuffix(text, EmergencyPhrase) {
			t.Errorf("%q must end with the emergency phrase", text)
		}
	}
}
