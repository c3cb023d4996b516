package diary

import (
	"slices"
	"strings"
	"testing"
)

func TestImpliedWarnings(t *testing.T) {
	tests := []struct {
		name                string
		where, feels, signs []string
		implied             []string // signs offered
		tier                Tier     // advice shown at once; 0 for the one-leg question alone
		oneLegNote, advice  bool
	}{
		{name: "nothing", where: []string{"back-centre"}, feels: []string{"dull-ache"}},
		{name: "one leg", where: []string{"leg-left"}, feels: []string{"numbness", "tingling"}},
		{name: "both legs", where: []string{"leg-left", "leg-right"}, feels: []string{"shooting"},
			implied: []string{"both-legs"}, tier: TierEmergency, advice: true},
		{name: "both legs numb", where: []string{"back-centre", "leg-right", "leg-left"}, feels: []string{"numbness"},
			implied: []string{"both-legs"}, tier: TierEmergency, advice: true},
		{name: "both legs already ticked", where: []string{"leg-left", "leg-right"}, signs: []string{"both-legs"},
			tier: TierEmergency, advice: true},
		{name: "both legs with a fever", where: []string{"leg-left", "leg-right"}, signs: []string{"fever"},
			implied: []string{"both-legs"}, tier: TierEmergency, advice: true},
		{name: "one leg numb and weak", where: []string{"leg-right"}, feels: []string{"numbness", "weakness"},
			implied: []string{"weakness"}, oneLegNote: true, advice: true},
		{name: "one leg numb and weak, fever ticked", where: []string{"leg-left"}, feels: []string{"weakness", "numbness"},
			signs: []string{"fever"}, implied: []string{"weakness"}, tier: TierUrgent, oneLegNote: true, advice: true},
		{name: "weakness ticked", where: []string{"leg-left"}, feels: []string{"numbness", "weakness"},
			signs: []string{"weakness"}, tier: TierEmergency, advice: true},
		{name: "weak but not numb", where: []string{"leg-left"}, feels: []string{"weakness"}},
		{name: "numb and weak, no leg", where: []string{"back-left"}, feels: []string{"numbness", "weakness"}},
		{name: "both legs numb and weak", where: []string{"leg-left", "leg-right"}, feels: []string{"numbness", "weakness"},
			implied: []string{"both-legs"}, tier: TierEmergency, advice: true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var offered []string
			for _, im := range ImpliedSigns(tt.where, tt.feels, tt.signs) {
				offered = append(offered, im.Sign)
				if !WarningSigns.Has(im.Sign) || im.Question == "" {
					t.Errorf("implied %+v", im)
				}
			}
			if !slices.Equal(offered, tt.implied) {
				t.Errorf("offered %v, want %v", offered, tt.implied)
			}
			a, ok := AdviceForEntry(tt.signs, tt.where, tt.feels)
			if ok != tt.advice || a.Tier != tt.tier {
				t.Fatalf("advice %v tier %d, want %v tier %d", ok, a.Tier, tt.advice, tt.tier)
			}
			if tt.tier != 0 && a.Heading != RungOf(tt.tier).Phrase {
				t.Errorf("heading %q", a.Heading)
			}
			if got := slices.Contains(a.Lines, OneLegNote); got != tt.oneLegNote {
				t.Errorf("one-leg note shown = %v", got)
			}
			if len(a.Implied) != len(tt.implied) {
				t.Errorf("advice asks about %v", a.Implied)
			}
		})
	}
	a, _ := AdviceForEntry(nil, []string{"leg-left", "leg-right"}, nil)
	if !strings.Contains(strings.Join(a.Signs, ";"), "both legs (from where it hurts)") {
		t.Errorf("the implied sign is not named: %v", a.Signs)
	}
}
