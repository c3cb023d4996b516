package store

import "testing"

func TestPlural(t *testing.T) {
	cases := []struct {
		n    int
		noun string
		want string
	}{
		{1, "day", "1 day"},
		{0, "day", "0 days"},
		{2, "day", "2 days"},
		{1, "routine", "1 routine"},
		{3, "routine", "3 routines"},
		{1, "glass", "1 glass"},
		{8, "glass", "8 glasses"},
		{2, "stretch", "2 stretches"},
		{0, "pain entry", "0 pain entries"},
		{1, "pain entry", "1 pain entry"},
		{5, "stretch session", "5 stretch sessions"},
		{4, "year", "4 years"},
		{-1, "step", "-1 steps"},
	}
	for _, c := range cases {
		if got := Plural(c.n, c.noun); got != c.want {
			t.Errorf("Plural(%d, %q) = %q, want %q", c.n, c.noun, got, c.want)
		}
	}
}

// Water amounts are written with their thousands separated, like every
// other figure, in millilitres and in ounces, and read back as written.
func TestWaterAmountsSeparateThousands(t *testing.T) {
	for _, c := range []struct {
		unit WaterUnit
		ml   int
		want string
	}{
		{UnitML, 0, "0 ml"}, {UnitML, 250, "250 ml"}, {UnitML, 999, "999 ml"},
		{UnitML, 1000, "1,000 ml"}, {UnitML, 2000, "2,000 ml"}, {UnitML, 12345, "12,345 ml"},
		{UnitML, 1234567, "1,234,567 ml"}, {UnitOz, 29574, "1,000 oz"}, {UnitOz, 2000, "68 oz"},
	} {
		if got := c.unit.Format(c.ml); got != c.want {
			t.Errorf("%s.Format(%d) = %q, want %q", c.unit, c.ml, got, c.want)
		}
	}
	if got := Thousands(-1500); got != "-1,500" {
		t.Errorf("Thousands(-1500) = %q", got)
	}
	for text, want := range map[string]int{"2,000 ml": 2000, "2,000": 2000, "1,500.5ml": 1501, "2000": 2000, "1.5l": 1500} {
		if got, err := parseAmount(text); err != nil || got != want {
			t.Errorf("parseAmount(%q) = %d, %v; want %d", text, got, err, want)
		}
	}
	for _, text := range []string{"2,00", "20,00 ml", ",500", "1,5l"} {
		if got, err := parseAmount(text); err == nil {
			t.Errorf("parseAmount(%q) = %d, want a refusal", text, got)
		}
	}
}
