// Package journal is the Log tab: a daily pain diary with history, charts
// and insights.
package journal

import "lumbar/tui/common"

// New builds the Log tab.
func New(c common.Common) common.Tab {
	return common.NewNotBuilt(c, "Log",
		"The Log will let you rate your pain 0–10 in two keystrokes, add where it "+
			"hurts and what helped, and see your weeks and months as a chart and a "+
			"calendar to show your doctor.")
}
