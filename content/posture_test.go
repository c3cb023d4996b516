package content

import (
	"strings"
	"testing"
)

func TestPostureCues(t *testing.T) {
	cues := PostureCues()
	if len(cues) < 10 {
		t.Fatalf("%d posture cues, want the page's quick checks (at least 10): %q", len(cues), cues)
	}
	if cues[0] != "Feet flat on the floor, knees about level with your hips" {
		t.Errorf("first cue = %q", cues[0])
	}
	for _, cue := range cues {
		if cue == "" || strings.ContainsAny(cue, "[]()*#\n") || len(cue) > 70 {
			t.Errorf("cue %q is not one short line of plain text", cue)
		}
	}
	for _, other := range []string{"On the sofa", "If posture changes"} {
		for _, cue := range cues {
			if strings.Contains(cue, other) {
				t.Errorf("cue %q comes from another section", cue)
			}
		}
	}
}
