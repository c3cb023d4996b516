package diary

import (
	"encoding/json"
	"strings"
	"testing"
	"time"
)

func intp(n int) *int { return &n }

func TestPainEntryValidate(t *testing.T) {
	at := StampAt(time.Date(2026, 11, 27, 9, 0, 0, 0, time.UTC))
	full := PainEntry{Stamp: at, Pain: 6, Note: "after the drive", LegPain: intp(4),
		Where: []string{"back-centre", "leg-left"}, Feels: []string{"shooting"}, Triggers: []string{"sitting"},
		Helped: []string{"heat", "medication"}, Relief: "some", Medication: "ibuprofen 400 mg",
		Interference: intp(5), Sleep: "poor", Warnings: []string{"fever"}}
	if err := full.Validate(); err != nil {
		t.Fatalf("a full, valid entry was refused: %v", err)
	}
	cases := []struct {
		name   string
		change func(*PainEntry)
		want   string
	}{
		{"pain high", func(p *PainEntry) { p.Pain = 11 }, "pain must be a whole number from 0 to 10, not 11"},
		{"pain low", func(p *PainEntry) { p.Pain = -1 }, "not -1"},
		{"leg pain", func(p *PainEntry) { p.LegPain = intp(12) }, "leg pain must be"},
		{"interference", func(p *PainEntry) { p.Interference = intp(-3) }, "interference must be"},
		{"typo area", func(p *PainEntry) { p.Where = []string{"buttok-left"} }, `unknown area "buttok-left"; did you mean buttock-left?`},
		{"unknown feeling", func(p *PainEntry) { p.Feels = []string{"xyzzy"} }, "unknown feeling \"xyzzy\"; one of dull-ache, sharp"},
		{"repeated", func(p *PainEntry) { p.Triggers = []string{"sitting", "sitting"} }, "given twice"},
		{"relief word", func(p *PainEntry) { p.Relief = "lots" }, "unknown amount"},
		{"relief alone", func(p *PainEntry) { p.Helped = nil; p.Medication = "" }, "needs what helped"},
		{"sleep", func(p *PainEntry) { p.Sleep = "great" }, "unknown sleep"},
		{"warning", func(p *PainEntry) { p.Warnings = []string{"bladdr"} }, "did you mean bladder?"},
		{"long note", func(p *PainEntry) { p.Note = strings.Repeat("é", MaxNoteChars+1) }, "note is 4001 characters; the most is 4000"},
		{"long medication", func(p *PainEntry) { p.Medication = strings.Repeat("x", 201) }, "medication is 201"},
	}
	for _, c := range cases {
		e := full
		c.change(&e)
		err := e.Validate()
		if err == nil || !strings.Contains(err.Error(), c.want) {
			t.Errorf("%s: error %v, want one containing %q", c.name, err, c.want)
		}
	}
	atLimit := full
	atLimit.Note = strings.Repeat("é", MaxNoteChars) // characters, not bytes
	if err := atLimit.Validate(); err != nil {
		t.Errorf("a 4,000-character note was refused: %v", err)
	}
}

// Stored JSON names every field explicitly and leaves absent details out,
// so entries written before the details existed read back unchanged.
func TestPainEntryJSON(t *testing.T) {
	at := StampAt(time.Date(2026, 11, 27, 9, 0, 0, 0, time.UTC))
	raw, _ := json.Marshal(PainEntry{Stamp: at, Pain: 3})
	if got := string(raw); got != `{"at":"2026-11-27T09:00:00Z","utc_offset_seconds":0,"pain":3}` {
		t.Errorf("bare entry JSON = %s", got)
	}
	raw, _ = json.Marshal(PainEntry{Stamp: at, Pain: 3, LegPain: intp(0), Where: []string{"back-left"}, Warnings: []string{"fever"}})
	for _, want := range []string{`"leg_pain":0`, `"where":["back-left"]`, `"warning_signs":["fever"]`} {
		if !strings.Contains(string(raw), want) {
			t.Errorf("JSON %s lacks %s", raw, want)
		}
	}
	var old PainEntry
	if err := json.Unmarshal([]byte(`{"at":"2026-01-01T08:00:00Z","utc_offset_seconds":3600,"pain":4,"note":"x"}`), &old); err != nil ||
		old.Pain != 4 || old.LegPain != nil || old.Validate() != nil {
		t.Errorf("an entry from before the details: %+v, %v", old, err)
	}
}

func TestParseList(t *testing.T) {
	got, err := Areas.ParseList(" Back-Centre, leg-left,,back-centre ")
	if err != nil || strings.Join(got, " ") != "back-centre leg-left" {
		t.Errorf("ParseList = %v, %v", got, err)
	}
	if _, err := Reliefs.ParseList("heat,massage-swedsh"); err == nil || !strings.Contains(err.Error(), "did you mean massage-swedish?") {
		t.Errorf("typo: %v", err)
	}
	if got, err := Areas.ParseList(""); err != nil || got != nil {
		t.Errorf("empty list = %v, %v", got, err)
	}
	if _, err := Areas.ParseList("\x1b[31mevil"); err == nil || strings.Contains(err.Error(), "\x1b") {
		t.Errorf("an escape sequence reached the message: %q", err)
	}
}

func TestAdviceFor(t *testing.T) {
	if _, ok := AdviceFor(nil); ok {
		t.Error("advice without warning signs")
	}
	tests := []struct {
		signs []string
		tier  Tier
	}{
		{[]string{"fever", "weight-loss"}, TierUrgent},
		{[]string{"worsening"}, TierRoutine},
		{[]string{"worsening", "cancer"}, TierUrgent},
		{[]string{"fever", "saddle"}, TierEmergency},
		{[]string{"night-pain", "worsening", "chest-pain"}, TierEmergency},
	}
	for _, tt := range tests {
		a, ok := AdviceFor(tt.signs)
		if !ok || a.Tier != tt.tier || a.Heading != RungOf(tt.tier).Phrase || a.Urgent() != (tt.tier == TierEmergency) {
			t.Errorf("%v: advice = %+v, want tier %d", tt.signs, a, tt.tier)
		}
		if len(a.Signs) != len(tt.signs) {
			t.Errorf("%v: signs named %v", tt.signs, a.Signs)
		}
	}
	for _, sign := range []string{"bladder", "bowel", "saddle", "weakness", "both-legs"} {
		if a, _ := AdviceFor([]string{"fever", sign}); !a.Urgent() {
			t.Errorf("%s: advice not an emergency: %+v", sign, a)
		}
	}
}

func TestPainInputEntry(t *testing.T) {
	now := time.Date(2026, 11, 27, 9, 30, 0, 0, zoneBerlin)
	e, err := PainInput{Pain: " 6 ", LegPain: "", Interference: "0", Medication: " naproxen ", Relief: "A-Lot",
		Helped: []string{"heat"}, When: "yesterday 21:00", Note: "  tired  "}.Entry(now)
	if err != nil {
		t.Fatal(err)
	}
	if e.Pain != 6 || e.LegPain != nil || e.Interference == nil || *e.Interference != 0 || e.Relief != "a-lot" ||
		e.Medication != "naproxen" || strings.Join(e.Helped, ",") != "heat,medication" || e.Note != "tired" ||
		!e.At.Equal(time.Date(2026, 11, 26, 21, 0, 0, 0, zoneBerlin)) || e.UTCOffset != 3600 {
		t.Errorf("entry = %+v", e)
	}
	for _, c := range []struct {
		in   PainInput
		want string
	}{
		{PainInput{}, "pain is empty"},
		{PainInput{Pain: "7", LegPain: "ten"}, `leg pain must be a whole number from 0 to 10, not "ten"`},
		{PainInput{Pain: "7", When: "tomorrow 10:00"}, "not a time"},
		{PainInput{Pain: "7", Sleep: "well"}, "unknown sleep"},
	} {
		if _, err := c.in.Entry(now); err == nil || !strings.Contains(err.Error(), c.want) {
			t.Errorf("%+v: %v, want %q", c.in, err, c.want)
		}
	}
}
