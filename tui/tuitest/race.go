//go:build race

package tuitest

// RaceDetector is whether the tests run under the race detector, which
// makes drawing about ten times slower: sweeps over many window sizes
// take fewer of them there.
const RaceDetector = true
