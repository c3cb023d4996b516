package text

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
