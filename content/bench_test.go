package content

import (
	"os"
	"path/filepath"
	"testing"
)

// BenchmarkLoadUserRoutines is the Stretch tab's start-up read: the
// built-ins (parsed once per process) plus a user file of one routine.
func BenchmarkLoadUserRoutines(b *testing.B) {
	path := filepath.Join(b.TempDir(), "routines.toml")
	if err := os.WriteFile(path, []byte(physio), 0o600); err != nil {
		b.Fatal(err)
	}
	b.ReportAllocs()
	for b.Loop() {
		if _, err := LoadUserRoutines(path); err != nil {
			b.Fatal(err)
		}
	}
}
