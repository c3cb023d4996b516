package content

import (
	_ "embed"
	"strings"
)

// The Guide tab reads the whole guide; the Remind tab needs only the
// posture section's quick checks, so it embeds that one file itself.
//
//go:embed guide/05-posture-and-desk.md
var postureGuide string

// quickChecksHeading starts the list of one-line cues in the posture page.
const quickChecksHeading = "## Quick checks"

// PostureCues are the posture page's quick checks, one short cue each, in
// the page's order: the posture reminder shows them in turn.
func PostureCues() []string {
	_, section, found := strings.Cut(postureGuide, quickChecksHeading+"\n")
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
