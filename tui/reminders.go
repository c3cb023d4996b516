package tui

import "lumbar/tui/remind"

// Reminders is lumbar remind: the Remind tab's reminders, announced on
// stdout, by the bell, a desktop notification and the person's command
// while the app is closed (see remind.Background).
type Reminders = remind.Background

// SleepContext is the real sleep Reminders takes: a timer cut short when
// its context is done.
var SleepContext = remind.SleepContext
