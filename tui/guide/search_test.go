package guide

import (
	"reflect"
	"testing"
)

func TestFindMatches(t *testing.T) {
	sections := [][]string{
		{"Back pain is common.", "PAIN and pain"},
		{"nothing here"},
		{"Painful — naïve pain"},
	}
	got := findMatches(sections, "pain")
	want := []match{
		{0, 0, 5, 9}, {0, 1, 0, 4}, {0, 1, 9, 13},
		{2, 0, 0, 4}, {2, 0, 19, 23},
	}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("findMatches = %v, want %v", got, want)
	}
	if findMatches(sections, "") != nil {
		t.Error("an empty query matched")
	}
	if len(findMatches(sections, "xyz")) != 0 {
		t.Error("a missing word matched")
	}
	if n := len(findMatches([][]string{{"aaaa"}}, "aa")); n != 2 {
		t.Errorf("overlapping matches: %d, want 2", n)
	}
}

func TestNearestAndStep(t *testing.T) {
	ms := []match{{0, 3, 0, 1}, {2, 0, 0, 1}, {2, 9, 0, 1}, {4, 1, 0, 1}}
	for _, c := range []struct{ section, line, want int }{
		{0, 0, 0}, {0, 4, 1}, {2, 5, 2}, {3, 0, 3}, {5, 0, 0},
	} {
		if got := nearest(ms, c.section, c.line); got != c.want {
			t.Errorf("nearest(%d,%d) = %d, want %d", c.section, c.line, got, c.want)
		}
	}
	for _, c := range []struct{ cur, delta, count, want int }{
		{0, 1, 4, 1}, {3, 1, 4, 0}, {0, -1, 4, 3}, {2, -1, 4, 1}, {0, 1, 0, 0},
	} {
		if got := step(c.cur, c.delta, c.count); got != c.want {
			t.Errorf("step(%d,%d,%d) = %d, want %d", c.cur, c.delta, c.count, got, c.want)
		}
	}
}
