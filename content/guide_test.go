package content

import (
	"strings"
	"testing"
	"testing/fstest"
	"time"
)

func TestEmbeddedGuideIsValid(t *testing.T) {
	g, err := LoadGuide()
	if err != nil {
		t.Fatal(err)
	}
	if err := g.Validate(func(id string) bool { return BuiltIn().Stretch(id) != nil }); err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, s := range g.Sections {
		got = append(got, s.ID)
	}
	if strings.Join(got, ",") != strings.Join(RequiredSections(), ",") {
		t.Errorf("sections in order = %v, want %v", got, RequiredSections())
	}
}

// The guide must say the things a person in pain most needs to read.
func TestGuideCarriesTheEssentials(t *testing.T) {
	g, _ := LoadGuide()
	mustSay := map[string][]string{
		"why-it-hurts":        {"strain", "sitting", "disc", "degenerative", "sciatica", "arthritis", "stenosis", "examine", "scans", "history"},
		"how-massage-helps":   {"relax", "tight", "blood", "endorphin", "move more easily", "stress"},
		"massage-techniques":  {"Swedish", "Deep tissue", "Trigger point", "Myofascial", "Sports"},
		"making-massage-work": {"regular", "stretch", "therapist", "posture", "toxins", "no good evidence"},
		"posture-and-desk":    {"## Quick checks"},
		DoctorSection:         {"bladder", "bowel", "saddle", "both legs", "weakness", "high temperature", "losing weight", "cancer", "fall", "worse", "night", "emergency"},
		"about":               {"not medical advice", "NG59", "Cochrane"},
	}
	for id, words := range mustSay {
		s, _, ok := g.Section(id)
		if !ok {
			t.Fatalf("no section %q", id)
		}
		for _, w := range words {
			if !strings.Contains(strings.ToLower(s.Markdown), strings.ToLower(w)) {
				t.Errorf("section %q never mentions %q", id, w)
			}
		}
	}
}

func TestValidateCatchesBrokenGuides(t *testing.T) {
	body := "# Title\n\n" + strings.Repeat("word ", 60) + "\n"
	full := func() fstest.MapFS {
		fsys := fstest.MapFS{"g/tips.md": {Data: []byte("- a tip [→](#about)\n")}}
		for i, id := range RequiredSections() {
			fsys["g/0"+string(rune('1'+i))+"-"+id+".md"] = &fstest.MapFile{Data: []byte(body)}
		}
		return fsys
	}
	noStretches := func(string) bool { return false }
	cases := map[string]func(fstest.MapFS){
		"missing section": func(f fstest.MapFS) { delete(f, "g/07-about.md") },
		"empty section":   func(f fstest.MapFS) { f["g/07-about.md"].Data = []byte("# About\n") },
		"duplicate ID":    func(f fstest.MapFS) { f["g/08-about.md"] = &fstest.MapFile{Data: []byte(body)} },
		"dangling link":   func(f fstest.MapFS) { f["g/07-about.md"].Data = []byte(body + "[x](#nowhere)") },
		"unknown stretch": func(f fstest.MapFS) { f["g/07-about.md"].Data = []byte(body + "[x](stretch:cat-cwo)") },
		"tip to nowhere":  func(f fstest.MapFS) { f["g/tips.md"].Data = []byte("- tip [→](#nowhere)\n") },
	}
	g, err := parseGuide(full(), "g")
	if err != nil || g.Validate(noStretches) != nil {
		t.Fatalf("the well-formed guide fails: %v / %v", err, g.Validate(noStretches))
	}
	for name, breakIt := range cases {
		fsys := full()
		breakIt(fsys)
		g, err := parseGuide(fsys, "g")
		if err == nil {
			err = g.Validate(noStretches)
		}
		if err == nil {
			t.Errorf("%s: accepted", name)
		}
	}
	for name, data := range map[string]string{
		"no title":      "no heading here\n",
		"outside link":  "# T\n[x](https://example.org)\n",
		"badly named":   "",
		"tip w/o links": "",
	} {
		fsys := full()
		switch name {
		case "badly named":
			fsys["g/about.md"] = &fstest.MapFile{Data: []byte(body)}
		case "tip w/o links":
			fsys["g/tips.md"].Data = []byte("- a tip\n")
		default:
			fsys["g/07-about.md"].Data = []byte(data)
		}
		if _, err := parseGuide(fsys, "g"); err == nil {
			t.Errorf("%s: parsed", name)
		}
	}
}

func TestTipOfTheDayRotatesByDate(t *testing.T) {
	g, _ := LoadGuide()
	morning := time.Date(2026, 11, 27, 7, 0, 0, 0, time.UTC)
	if g.TipFor(morning) != g.TipFor(morning.Add(15*time.Hour)) {
		t.Error("the tip changed within a day")
	}
	seen := map[string]bool{}
	for d := range len(g.Tips) {
		seen[g.TipFor(morning.AddDate(0, 0, d)).Text] = true
	}
	if len(seen) != len(g.Tips) {
		t.Errorf("%d days showed %d different tips, want all %d", len(g.Tips), len(seen), len(g.Tips))
	}
}

func TestForReadingRewritesLinks(t *testing.T) {
	g, _ := LoadGuide()
	s, _, _ := g.Section("massage-techniques")
	text := g.ForReading(s)
	if strings.Contains(text, "](") {
		t.Error("raw Markdown links remain")
	}
	if !strings.Contains(text, "(see: When to see a doctor)") || !strings.Contains(text, "(stretch: Piriformis stretch)") {
		t.Errorf("links not rewritten for reading:\n%s", text)
	}
}
