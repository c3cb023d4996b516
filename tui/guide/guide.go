// Package guide is the Guide tab: the back-care guide, written for reading
// in a terminal.
package guide

import "lumbar/tui/common"

// New builds the Guide tab.
func New(c common.Common) common.Tab {
	return common.NewNotBuilt(c, "Guide",
		"The Guide will explain why lower back pain happens, how massage and gentle "+
			"movement can help, and when to stop self-care and see a doctor.\n\n"+
			"Until then, one thing matters most: if you lose control of your bladder or "+
			"bowels, feel numb around your groin or buttocks, or notice new weakness in "+
			"your legs, get medical help today.")
}
