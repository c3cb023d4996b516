package store_test

import (
	"lumbar/store/synclog"

	"encoding/json"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"sync"
	"testing"
	"time"

	bolt "go.etcd.io/bbolt"

	"lumbar/store"
	"lumbar/store/demodata"
	"lumbar/store/diary"
)

// benchNow is fixed so every run measures the same file.
var benchNow = time.Date(2026, 11, 27, 12, 0, 0, 0, time.UTC)

var tenYears struct {
	once sync.Once
	dir  string // removed by TestMain
	path string
	err  error
}

// TestMain removes the 10-year file the benchmarks built (tens of MB, and
// one per run, in the shared temporary folder).
func TestMain(m *testing.M) {
	synclog.WorkFactor = 10 // scrypt at full cost takes a second per replica
	code := m.Run()
	if tenYears.dir != "" {
		os.RemoveAll(tenYears.dir)
	}
	os.Exit(code)
}

// A benchmark run leaves nothing in the temporary folder: a child test
// binary runs one benchmark with TMPDIR pointing at an empty folder,
// which must be empty again once it has exited.
func TestBenchmarksLeaveNothingBehind(t *testing.T) {
	if testing.Short() {
		t.Skip("builds ten years of records in a child process")
	}
	tmp := t.TempDir()
	child := exec.Command(os.Args[0], "-test.run=^$", "-test.bench=^BenchmarkOpen$", "-test.benchtime=1x")
	child.Env = append(os.Environ(), "TMPDIR="+tmp)
	if out, err := child.CombinedOutput(); err != nil {
		t.Fatalf("child benchmark run: %v\n%s", err, out)
	}
	entries, err := os.ReadDir(tmp)
	if err != nil {
		t.Fatal(err)
	}
	for _, e := range entries {
		t.Errorf("left behind in the temporary folder: %s", e.Name())
	}
}

// tenYearFile builds the 10-year file once per test binary and returns a
// private copy of it, so benchmarks that write do not disturb the others.
func tenYearFile(b *testing.B) string {
	b.Helper()
	tenYears.once.Do(func() {
		dir, err := os.MkdirTemp("", "lumbar-bench-")
		if err != nil {
			tenYears.err = err
			return
		}
		tenYears.dir = dir
		tenYears.path = filepath.Join(dir, "ten-years.db")
		_, _, tenYears.err = demodata.Build(tenYears.path, 10, benchNow)
	})
	if tenYears.err != nil {
		b.Fatal(tenYears.err)
	}
	return privateCopy(b, tenYears.path)
}

// privateCopy is a copy of the file at src that is the caller's alone,
// removed with the benchmark's temporary folder.
func privateCopy(b *testing.B, src string) string {
	b.Helper()
	dst := filepath.Join(b.TempDir(), "lumbar.db")
	if err := copyFile(src, dst); err != nil {
		b.Fatal(err)
	}
	return dst
}

var atScale struct {
	once sync.Once
	path string
	err  error
}

// scaleFile is the 10-year file with 100,000 extra pain entries spread
// over its years (about 50 MB): a diary far busier than anyone's, built
// once per test binary; each caller gets a private copy.
func scaleFile(b *testing.B) string {
	b.Helper()
	tenYearFile(b) // builds tenYears.path
	atScale.once.Do(func() {
		atScale.path = tenYears.path + ".scale"
		if atScale.err = copyFile(tenYears.path, atScale.path); atScale.err != nil {
			return
		}
		atScale.err = addExtraEntries(atScale.path, 100_000)
	})
	if atScale.err != nil {
		b.Fatal(atScale.err)
	}
	return privateCopy(b, atScale.path)
}

func addExtraEntries(path string, n int) error {
	s, err := store.Open(path)
	if err != nil {
		return err
	}
	return demodata.AddCrowd(s, n, benchNow, 1)
}

func copyFile(src, dst string) error {
	in, err := os.Open(src)
	if err != nil {
		return err
	}
	defer in.Close()
	out, err := os.OpenFile(dst, os.O_CREATE|os.O_WRONLY|os.O_EXCL, 0o600)
	if err != nil {
		return err
	}
	if _, err := io.Copy(out, in); err != nil {
		out.Close()
		return err
	}
	return out.Close()
}

func TestDemoDataShape(t *testing.T) {
	if testing.Short() {
		t.Skip("generates ten years of records")
	}
	s, counts, err := demodata.Build(filepath.Join(t.TempDir(), "demo.db"), 10, benchNow)
	if err != nil {
		t.Fatal(err)
	}
	within := func(name string, got, lo, hi int) {
		if got < lo || got > hi {
			t.Errorf("%s: %d records, want %d–%d", name, got, lo, hi)
		}
	}
	within("pain", counts.Pain, 3300, 4000)
	within("water", counts.Water, 27000, 33000)
	within("sessions", counts.Sessions, 2700, 3300)
	yesterday := diary.DayOf(benchNow) - 1
	_ = s.View(func(tx *store.Tx) error {
		withDetails := 0
		err := store.Pain.RangeDays(tx, yesterday-11*365, yesterday, func(it store.Item[diary.PainEntry]) error {
			if len(it.Value.Where) > 0 {
				withDetails++
			}
			return it.Value.Validate()
		})
		if err != nil {
			t.Errorf("a generated entry is invalid: %v", err)
		}
		if withDetails != counts.Pain {
			t.Errorf("%d of %d entries have details", withDetails, counts.Pain)
		}
		latest, err := store.Pain.Latest(tx, 1)
		if err != nil || len(latest) != 1 {
			t.Fatalf("latest pain: %v %v", latest, err)
		}
		if d := latest[0].Value.Day(); d > yesterday || d < yesterday-3 {
			t.Errorf("newest pain entry is on %v, want shortly before %v", d, yesterday)
		}
		return nil
	})
}

func BenchmarkAppend(b *testing.B) {
	s, err := store.Open(tenYearFile(b))
	if err != nil {
		b.Fatal(err)
	}
	entry := diary.WaterLog{Stamp: diary.StampAt(benchNow), ML: 250}
	b.ReportAllocs()
	for b.Loop() {
		if _, err := store.Water.Append(s, entry); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkRawBoltPut is the floor for BenchmarkAppend: one bare bbolt put,
// fsync included, on an already open copy of the same file.
func BenchmarkRawBoltPut(b *testing.B) {
	db, err := bolt.Open(tenYearFile(b), 0o600, nil)
	if err != nil {
		b.Fatal(err)
	}
	defer db.Close()
	raw, _ := json.Marshal(diary.WaterLog{Stamp: diary.StampAt(benchNow), ML: 250})
	b.ReportAllocs()
	for b.Loop() {
		k := store.NewKey(benchNow)
		err := db.Update(func(tx *bolt.Tx) error {
			return tx.Bucket([]byte(store.BucketWater)).Put(k[:], raw)
		})
		if err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkRange90Days is the 90-day query behind the trend chart and
// the calendar: each day's pain over 90 days, in one transaction.
func BenchmarkRange90Days(b *testing.B) {
	s, err := store.Open(tenYearFile(b))
	if err != nil {
		b.Fatal(err)
	}
	last := diary.DayOf(benchNow)
	b.ReportAllocs()
	for b.Loop() {
		days, err := store.Read(s, func(tx *store.Tx) ([]diary.DayPain, error) { return store.PainDays(tx, last-89, last) })
		logged := 0
		for _, d := range days {
			if d.Logged() {
				logged++
			}
		}
		if err != nil || len(days) != 90 || logged < 80 {
			b.Fatalf("%d days, %d logged, %v", len(days), logged, err)
		}
	}
}

// BenchmarkRecords90Days reads 90 days of pain entries whole, as the
// history of those days does.
func BenchmarkRecords90Days(b *testing.B) {
	s, err := store.Open(tenYearFile(b))
	if err != nil {
		b.Fatal(err)
	}
	last := diary.DayOf(benchNow)
	b.ReportAllocs()
	for b.Loop() {
		n := 0
		err := s.View(func(tx *store.Tx) error {
			return store.Pain.RangeDays(tx, last-89, last, func(store.Item[diary.PainEntry]) error {
				n++
				return nil
			})
		})
		if err != nil || n < 80 {
			b.Fatalf("%d entries, %v", n, err)
		}
	}
}

// BenchmarkSummary365 is a year of insights, as the Log tab and `lumbar
// stats --days 365` compute them: read and summed up in one transaction.
func BenchmarkSummary365(b *testing.B) {
	s, err := store.Open(tenYearFile(b))
	if err != nil {
		b.Fatal(err)
	}
	today := diary.DayOf(benchNow)
	b.ReportAllocs()
	for b.Loop() {
		var in diary.Insights
		err := s.View(func(tx *store.Tx) (err error) {
			in, err = store.InsightsOf(tx, today, 365)
			return err
		})
		if err != nil || in.Logged < 300 || !in.Factors[0].Enough {
			b.Fatalf("%d days logged, %v", in.Logged, err)
		}
	}
}

// BenchmarkSummary3650AtScale is `lumbar stats --days 3650` on the file
// with 100,000 extra entries: ten years of insights in one transaction.
func BenchmarkSummary3650AtScale(b *testing.B) {
	s, err := store.OpenToRead(scaleFile(b))
	if err != nil {
		b.Fatal(err)
	}
	today := diary.DayOf(benchNow)
	b.ReportAllocs()
	for b.Loop() {
		in, err := store.Read(s, func(tx *store.Tx) (diary.Insights, error) { return store.InsightsOf(tx, today, 3650) })
		if err != nil || in.Logged < 3000 {
			b.Fatalf("%d days logged, %v", in.Logged, err)
		}
	}
}

// BenchmarkOpen is what every command that may write pays first: the
// format checks and a walk over every page of the 10-year file.
func BenchmarkOpen(b *testing.B) {
	path := tenYearFile(b)
	b.ReportAllocs()
	for b.Loop() {
		if _, err := store.Open(path); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkStreak is the logging streak over all ten years of entries, as
// every insights read works it out.
func BenchmarkStreak(b *testing.B) {
	s, err := store.Open(tenYearFile(b))
	if err != nil {
		b.Fatal(err)
	}
	today := diary.DayOf(benchNow)
	b.ReportAllocs()
	for b.Loop() {
		streak, err := store.Read(s, func(tx *store.Tx) (diary.Streak, error) {
			days, err := store.LoggedDays(tx)
			return diary.StreakOf(days, today), err
		})
		if err != nil || streak.Longest < 2 {
			b.Fatalf("%+v, %v", streak, err)
		}
	}
}
