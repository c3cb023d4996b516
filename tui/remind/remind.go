// Package remind is the Remind tab: water, posture and movement reminders.
package remind

import "lumbar/tui/common"

// New builds the Remind tab.
func New(c common.Common) common.Tab {
	return common.NewNotBuilt(c, "Remind",
		"Remind will nudge you to drink water, check your posture and get up after "+
			"long sitting, only in the hours you choose, and quiet when you ask.")
}
