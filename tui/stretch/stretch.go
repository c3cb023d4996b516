// Package stretch is the Stretch tab: a stretch library and a routine
// player you can follow from the floor.
package stretch

import "lumbar/tui/common"

// New builds the Stretch tab.
func New(c common.Common) common.Tab {
	return common.NewNotBuilt(c, "Stretch",
		"Stretch will hold a library of gentle stretches for the lower back and "+
			"timed routines with a large countdown you can follow from a mat or a chair.")
}
