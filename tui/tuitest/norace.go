//go:build !race

package tuitest

// RaceDetector is whether the tests run under the race detector (see
// race.go).
const RaceDetector = false
