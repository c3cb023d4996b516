// Package diarytest holds what the tests of the diary and of the tabs and
// commands built on it share: a wall clock in a zone with summer time, so
// schedules and days are tested across the clocks changing.
package diarytest

import (
	"strings"
	"time"
	_ "time/tzdata" // Europe/London even where the system has no zoneinfo
)

// London is a zone with summer time and a known offset history.
var London = func() *time.Location {
	loc, err := time.LoadLocation("Europe/London")
	if err != nil {
		panic(err)
	}
	return loc
}()

// On is a wall-clock time in London, written "2006-01-02 15:04" (seconds
// optional).
func On(wall string) time.Time {
	layout := "2006-01-02 15:04"
	if strings.Count(wall, ":") == 2 {
		layout += ":05"
	}
	t, err := time.ParseInLocation(layout, wall, London)
	if err != nil {
		panic(err)
	}
	return t
}
