package content

import "strings"

// quickChecksHeading starts the list of one-line cues in the posture page.
const quickChecksHeading = "## Quick checks"

// PostureCues are the posture page's quick checks, one short cue each, in
// the page's order: the posture reminder shows them in turn.
func PostureCues() []string {
	g, err := LoadGuide()
	if err != nil {
		return nil // the embedded guide is validated by tests
	}
	sec, _, _ := g.Section(PostureSection)
	_, section, found := strings.Cut(sec.Markdown, quickChecksHeading+"\n")
	if !found {
		return nil
	}
	var cues []string
	for line := range strings.Lines(section) {
		line = strings.TrimSpace(line)
		if strings.HasPrefix(line, "#") {
			break // the next section
		}
		if cue, ok := strings.CutPrefix(line, "- "); ok {
			cues = append(cues, strings.TrimSpace(cue))
		}
	}
	return cues
}
