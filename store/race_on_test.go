//go:build race

package store_test

// raceDetector: the race detector slows bbolt's page walks tenfold, so
// the damage campaign damages fewer copies under it.
const raceDetector = true
