package main

import (
	"io"
	"os"
	"path/filepath"
	"testing"
	"time"

	"lumbar/store/demodata"
)

// BenchmarkHistory3650AtScale is `lumbar history --days 3650` without the
// process start, on the 10-year file with 100,000 extra entries: every
// entry of ten years printed, a month read at a time. With --json too.
func BenchmarkHistory3650AtScale(b *testing.B) {
	path := filepath.Join(b.TempDir(), "crowded.db")
	s, _, err := demodata.Build(path, 10, cliNow)
	if err != nil {
		b.Fatal(err)
	}
	if err := demodata.AddCrowd(s, 100_000, cliNow, 1); err != nil {
		b.Fatal(err)
	}
	for _, format := range [][]string{{}, {"--json"}} {
		name := "text"
		if len(format) > 0 {
			name = "json"
		}
		b.Run(name, func(b *testing.B) {
			args := append([]string{"--db", path, "history", "--days", "3650"}, format...)
			b.ReportAllocs()
			for b.Loop() {
				if code := run(args, discardingSystem()); code != exitOK {
					b.Fatalf("exit %d", code)
				}
			}
		})
	}
}

// discardingSystem is a world whose output goes nowhere.
func discardingSystem() system {
	return system{stdin: os.Stdin, stdout: io.Discard, stderr: io.Discard,
		getenv: func(string) string { return "" }, now: func() time.Time { return cliNow }}
}
