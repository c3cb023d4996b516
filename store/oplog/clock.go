package oplog

import (
	"fmt"
	"time"
)

// Clock is a hybrid logical clock reading: wall time in UTC nanoseconds,
// and a counter that orders readings sharing a wall time. A replica's
// readings only ever grow, even when its computer's clock steps back, and
// a replica that has seen another's operation reads later than it.
type Clock struct {
	Wall    int64  `json:"wall"`
	Logical uint32 `json:"logical"`
}

// Compare orders two readings: -1, 0 or +1.
func (c Clock) Compare(o Clock) int {
	switch {
	case c.Wall < o.Wall:
		return -1
	case c.Wall > o.Wall:
		return 1
	case c.Logical < o.Logical:
		return -1
	case c.Logical > o.Logical:
		return 1
	}
	return 0
}

func (c Clock) String() string {
	return fmt.Sprintf("%s+%d", time.Unix(0, c.Wall).UTC().Format(time.RFC3339Nano), c.Logical)
}

// Tick is the reading for a new local operation, after last, at physical
// time now.
func Tick(last Clock, now time.Time) Clock {
	wall := now.UnixNano()
	if wall > last.Wall {
		return Clock{Wall: wall}
	}
	return Clock{Wall: last.Wall, Logical: last.Logical + 1}
}

// Observe is the reading after last once a replica has seen seen (another
// replica's operation) at physical time now: later than both, so the
// next local operation orders after what it has seen.
func Observe(last, seen Clock, now time.Time) Clock {
	later := last
	if seen.Compare(last) > 0 {
		later = seen
	}
	return Tick(later, now)
}
