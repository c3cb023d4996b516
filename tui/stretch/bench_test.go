package stretch

import (
	"testing"
	"time"
)

// BenchmarkPlayerView is one redraw of the running player at 120x40, the
// work done four times a second during a routine.
func BenchmarkPlayerView(b *testing.B) {
	h := newHarness(b, 120, 37)
	h.startRoutine("desk-break", "3")
	h.runFor(40 * time.Second)
	b.ReportAllocs()
	for b.Loop() {
		_ = h.m.View()
	}
}

// BenchmarkLibraryView is one redraw of the library with its preview.
func BenchmarkLibraryView(b *testing.B) {
	h := newHarness(b, 120, 37)
	b.ReportAllocs()
	for b.Loop() {
		_ = h.m.View()
	}
}
