//go:build race

package main

// raceDetector: the race detector slows bbolt's page walks tenfold, so
// the damage tests damage fewer copies under it.
const raceDetector = true
