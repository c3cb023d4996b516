package text

import "testing"

func TestClosest(t *testing.T) {
	words := []string{"cat-cow", "childs-pose", "bridge", "water.goal", "water.glass"}
	cases := []struct {
		in   string
		want string
		ok   bool
	}{
		{"cat-cwo", "cat-cow", true},
		{"Bridge", "bridge", true},
		{"water.gaol", "water.goal", true},
		{"water.glas", "water.glass", true},
		{"pilates", "", false},
		{"", "", false},
	}
	for _, c := range cases {
		got, ok := Closest(c.in, words)
		if ok != c.ok || (ok && got != c.want) {
			t.Errorf("Closest(%q) = %q, %v; want %q, %v", c.in, got, ok, c.want, c.ok)
		}
	}
	if _, ok := Closest("x", nil); ok {
		t.Error("no candidates must not suggest")
	}
}

func TestEditDistance(t *testing.T) {
	for _, c := range []struct {
		a, b string
		d    int
	}{{"", "", 0}, {"abc", "", 3}, {"kitten", "sitting", 3}, {"flaw", "lawn", 2}, {"naïve", "naive", 1}} {
		if got := editDistance(c.a, c.b); got != c.d {
			t.Errorf("editDistance(%q, %q) = %d, want %d", c.a, c.b, got, c.d)
		}
	}
}
