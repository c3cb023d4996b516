package store

import (
	"crypto/sha256"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"time"

	"lumbar/store/diary"

	bolt "go.etcd.io/bbolt"
)

func tempPath(t testing.TB) string {
	t.Helper()
	return filepath.Join(t.TempDir(), "data", "lumbar.db")
}

func openTemp(t testing.TB) *Store {
	t.Helper()
	s, err := Open(tempPath(t))
	if err != nil {
		t.Fatalf("Open: %v", err)
	}
	return s
}

func checksum(t *testing.T, path string) [32]byte {
	t.Helper()
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	return sha256.Sum256(b)
}

var zoneBerlin = time.FixedZone("CET", 3600)

func TestOpenCreatesPrivateFileAndFolder(t *testing.T) {
	path := tempPath(t)
	s, err := Open(path)
	if err != nil {
		t.Fatal(err)
	}
	if s.Path() != path {
		t.Errorf("Path() = %q, want %q", s.Path(), path)
	}
	assertMode(t, path, 0o600)
	assertMode(t, filepath.Dir(path), 0o700|os.ModeDir)
	rev, err := s.Revision()
	if err != nil || rev == 0 {
		t.Errorf("new file revision = %d, %v; want > 0 after its creation", rev, err)
	}
	leftovers, _ := filepath.Glob(filepath.Join(filepath.Dir(path), ".lumbar-*"))
	if len(leftovers) != 0 {
		t.Errorf("temporary files left behind: %v", leftovers)
	}
	// Opening again must not rewrite or re-create anything.
	before := checksum(t, path)
	if _, err := Open(path); err != nil {
		t.Fatal(err)
	}
	if checksum(t, path) != before {
		t.Error("reopening an up-to-date file changed it")
	}
}

func assertMode(t *testing.T, path string, want os.FileMode) {
	t.Helper()
	info, err := os.Stat(path)
	if err != nil {
		t.Fatal(err)
	}
	if got := info.Mode() & (os.ModePerm | os.ModeDir); got != want {
		t.Errorf("%s mode = %v, want %v", path, got, want)
	}
}

func TestRecordRoundTrip(t *testing.T) {
	s := openTemp(t)
	made := time.Date(2026, 3, 5, 21, 30, 0, 123, zoneBerlin)
	entry := diary.PainEntry{Stamp: diary.StampAt(made), Pain: 6, Note: "after gardening"}
	k, err := Pain.Append(s, entry)
	if err != nil {
		t.Fatal(err)
	}
	if !k.Time().Equal(made) {
		t.Errorf("key time = %v, want %v", k.Time(), made)
	}
	parsed, err := ParseID(k.ID())
	if err != nil || parsed != k {
		t.Fatalf("ParseID(ID()) = %v, %v", parsed, err)
	}
	err = s.View(func(tx *Tx) error {
		got, err := Pain.Get(tx, k)
		if err != nil {
			return err
		}
		if !got.At.Equal(made) || got.At.Location() != time.UTC || got.UTCOffset != 3600 ||
			got.Pain != 6 || got.Note != "after gardening" {
			t.Errorf("read back %+v", got)
		}
		if got.Local().Hour() != 21 {
			t.Errorf("local hour = %d, want 21", got.Local().Hour())
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	if err := s.Update(func(tx *Tx) error { return Pain.Delete(tx, k) }); err != nil {
		t.Fatal(err)
	}
	err = s.View(func(tx *Tx) error {
		_, err := Pain.Get(tx, k)
		return err
	})
	if !errors.Is(err, ErrNotFound) {
		t.Errorf("Get after Delete: %v, want ErrNotFound", err)
	}
	err = s.Update(func(tx *Tx) error { return Pain.Delete(tx, k) })
	if !errors.Is(err, ErrNotFound) {
		t.Errorf("second Delete: %v, want ErrNotFound", err)
	}
}

func TestKeysAreUniqueAndSortedByTime(t *testing.T) {
	s := openTemp(t)
	same := time.Date(2026, 1, 1, 12, 0, 0, 0, time.UTC)
	times := []time.Time{same.Add(time.Hour), same, same, same.Add(-time.Hour)}
	err := s.Update(func(tx *Tx) error {
		for _, at := range times {
			if _, err := Water.Insert(tx, diary.WaterLog{Stamp: diary.StampAt(at), ML: 250}); err != nil {
				return err
			}
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	var got []Item[diary.WaterLog]
	_ = s.View(func(tx *Tx) (err error) {
		got, err = Water.Latest(tx, 10)
		return err
	})
	if len(got) != 4 {
		t.Fatalf("Latest returned %d records, want 4 (same-instant records must not collide)", len(got))
	}
	for i := 1; i < len(got); i++ {
		if got[i].Key.Time().After(got[i-1].Key.Time()) {
			t.Errorf("Latest not newest first at %d: %v after %v", i, got[i].Key.Time(), got[i-1].Key.Time())
		}
	}
	_ = s.View(func(tx *Tx) (err error) {
		got, err = Water.Latest(tx, 2)
		return err
	})
	if len(got) != 2 || !got[0].Value.At.Equal(same.Add(time.Hour)) {
		t.Errorf("latestItems(2) = %v", got)
	}
}

func TestRangeIsHalfOpenAndOldestFirst(t *testing.T) {
	s := openTemp(t)
	base := time.Date(2026, 6, 1, 0, 0, 0, 0, time.UTC)
	err := s.Update(func(tx *Tx) error {
		for i := range 10 {
			if _, err := Pain.Insert(tx, diary.PainEntry{Stamp: diary.StampAt(base.Add(time.Duration(i) * time.Hour)), Pain: i}); err != nil {
				return err
			}
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	var pains []int
	err = s.View(func(tx *Tx) error {
		return Pain.Range(tx, base.Add(2*time.Hour), base.Add(5*time.Hour), func(it Item[diary.PainEntry]) error {
			pains = append(pains, it.Value.Pain)
			return nil
		})
	})
	if err != nil {
		t.Fatal(err)
	}
	if len(pains) != 3 || pains[0] != 2 || pains[2] != 4 {
		t.Errorf("Range [2h,5h) = %v, want [2 3 4]", pains)
	}
}

// A record belongs to the calendar day where it was made, whatever the
// offset: the edges of a day are local midnights, not UTC ones.
func TestRangeDaysAtDayEdges(t *testing.T) {
	s := openTemp(t)
	east := time.FixedZone("UTC+14", 14*3600)
	west := time.FixedZone("UTC-12", -12*3600)
	type rec struct {
		at   time.Time
		pain int
	}
	recs := []rec{
		{time.Date(2026, 3, 9, 23, 59, 59, 999999999, zoneBerlin), 1}, // last instant of the 9th
		{time.Date(2026, 3, 10, 0, 0, 0, 0, zoneBerlin), 2},           // first instant of the 10th
		{time.Date(2026, 3, 10, 0, 0, 0, 0, east), 3},                 // the 10th, 14 h before UTC's
		{time.Date(2026, 3, 10, 23, 59, 59, 0, west), 4},              // the 10th, ending 12 h after UTC's
		{time.Date(2026, 3, 11, 0, 0, 0, 0, east), 5},                 // the 11th, though UTC says the 10th
		{time.Date(2026, 3, 11, 0, 0, 0, 0, zoneBerlin), 6},           // the 11th
	}
	err := s.Update(func(tx *Tx) error {
		for _, r := range recs {
			if _, err := Pain.Insert(tx, diary.PainEntry{Stamp: diary.StampAt(r.at), Pain: r.pain}); err != nil {
				return err
			}
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	day, _ := diary.ParseDay("2026-03-10")
	got := map[int]bool{}
	err = s.View(func(tx *Tx) error {
		return Pain.RangeDays(tx, day, day, func(it Item[diary.PainEntry]) error {
			got[it.Value.Pain] = true
			return nil
		})
	})
	if err != nil {
		t.Fatal(err)
	}
	want := map[int]bool{2: true, 3: true, 4: true}
	if len(got) != len(want) || !got[2] || !got[3] || !got[4] {
		t.Errorf("records on 2026-03-10 = %v, want pains %v", got, want)
	}
}

func TestDayArithmetic(t *testing.T) {
	d, err := diary.ParseDay("2024-02-28")
	if err != nil {
		t.Fatal(err)
	}
	if (d+1).String() != "2024-02-29" || (d+2).String() != "2024-03-01" {
		t.Errorf("leap day arithmetic: %v, %v", d+1, d+2)
	}
	if _, err := diary.ParseDay("28/02/2024"); err == nil {
		t.Error("ParseDay accepted a non-ISO date")
	}
	loc := time.FixedZone("X", -5*3600)
	if got := d.Midnight(loc); got.Hour() != 0 || diary.DayOf(got) != d {
		t.Errorf("Midnight = %v", got)
	}
}

func TestSummaryOfToday(t *testing.T) {
	s := openTemp(t)
	now := time.Date(2026, 11, 27, 15, 0, 0, 0, zoneBerlin)
	if sum, err := s.Summary(now); err != nil || sum.LatestPain != nil || sum.WaterML != 0 {
		t.Fatalf("empty summary = %+v, %v", sum, err)
	}
	mustAppend(t, s, Pain, diary.PainEntry{Stamp: diary.StampAt(now.Add(-24 * time.Hour)), Pain: 9})
	mustAppend(t, s, Pain, diary.PainEntry{Stamp: diary.StampAt(now.Add(-5 * time.Hour)), Pain: 5})
	mustAppend(t, s, Pain, diary.PainEntry{Stamp: diary.StampAt(now.Add(-time.Hour)), Pain: 3})
	mustAppend(t, s, Water, diary.WaterLog{Stamp: diary.StampAt(now.Add(-2 * time.Hour)), ML: 250})
	mustAppend(t, s, Water, diary.WaterLog{Stamp: diary.StampAt(now.Add(-time.Hour)), ML: 300})
	mustAppend(t, s, Water, diary.WaterLog{Stamp: diary.StampAt(now.Add(-20 * time.Hour)), ML: 999})
	sum, err := s.Summary(now)
	if err != nil {
		t.Fatal(err)
	}
	if sum.LatestPain == nil || sum.LatestPain.Pain != 3 || sum.WaterML != 550 {
		t.Errorf("summary = pain %v, water %d; want latest pain 3 and 550 ml", sum.LatestPain, sum.WaterML)
	}
}

func mustAppend[T diary.Checked](t *testing.T, s *Store, c Collection[T], v T) Key {
	t.Helper()
	k, err := c.Append(s, v)
	if err != nil {
		t.Fatal(err)
	}
	return k
}

func TestInvalidRecordsWriteNothing(t *testing.T) {
	s := openTemp(t)
	before := checksum(t, s.Path())
	now := diary.StampAt(time.Now())
	refuseAll(t, s, Pain, diary.PainEntry{Stamp: now, Pain: 11}, diary.PainEntry{Stamp: now, Pain: -1})
	refuseAll(t, s, Water, diary.WaterLog{Stamp: now, ML: 0}, diary.WaterLog{Stamp: now, ML: 100000})
	refuseAll(t, s, Sessions,
		diary.Session{Stamp: now, Routine: "", End: now.At, StepsTotal: 1},
		diary.Session{Stamp: now, Routine: "x", End: now.At.Add(-time.Second), StepsTotal: 1},
		diary.Session{Stamp: now, Routine: "x", End: now.At, StepsDone: 3, StepsTotal: 2})
	if checksum(t, s.Path()) != before {
		t.Error("refused records changed the file")
	}
}

// refuseAll appends each record, each of which must be refused.
func refuseAll[T diary.Checked](t *testing.T, s *Store, c Collection[T], records ...T) {
	t.Helper()
	for _, v := range records {
		if _, err := c.Append(s, v); err == nil {
			t.Errorf("%s: Append(%+v) accepted", c.Bucket(), v)
		}
	}
}

func TestFailedUpdateWritesNothing(t *testing.T) {
	s := openTemp(t)
	rev, _ := s.Revision()
	before := checksum(t, s.Path())
	boom := errors.New("boom")
	err := s.Update(func(tx *Tx) error {
		if _, err := Pain.Insert(tx, diary.PainEntry{Stamp: diary.StampAt(time.Now()), Pain: 2}); err != nil {
			return err
		}
		return boom
	})
	if !errors.Is(err, boom) {
		t.Fatalf("Update error = %v", err)
	}
	if after, _ := s.Revision(); after != rev || checksum(t, s.Path()) != before {
		t.Error("a failed transaction changed the file")
	}
}

func TestRevisionBumpsOnEveryWrite(t *testing.T) {
	s := openTemp(t)
	r0, _ := s.Revision()
	mustAppend(t, s, Water, diary.WaterLog{Stamp: diary.StampAt(time.Now()), ML: 250})
	r1, _ := s.Revision()
	if err := s.Update(func(tx *Tx) error { return PutSetting(tx, "water.goal", 2000) }); err != nil {
		t.Fatal(err)
	}
	r2, _ := s.Revision()
	if !(r0 < r1 && r1 < r2) {
		t.Errorf("revisions %d, %d, %d do not increase", r0, r1, r2)
	}
	// A second handle on the same file sees the same counter.
	other, err := Open(s.Path())
	if err != nil {
		t.Fatal(err)
	}
	if r, _ := other.Revision(); r != r2 {
		t.Errorf("second handle revision = %d, want %d", r, r2)
	}
}

func TestSettingsRoundTrip(t *testing.T) {
	s := openTemp(t)
	var goal int
	err := s.View(func(tx *Tx) error {
		found, err := GetSetting(tx, "water.goal", &goal)
		if found || err != nil {
			t.Errorf("unset setting: found=%v err=%v", found, err)
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	if err := s.Update(func(tx *Tx) error { return PutSetting(tx, "water.goal", 1750) }); err != nil {
		t.Fatal(err)
	}
	_ = s.View(func(tx *Tx) error {
		found, err := GetSetting(tx, "water.goal", &goal)
		if !found || err != nil || goal != 1750 {
			t.Errorf("setting = %d (found %v, %v), want 1750", goal, found, err)
		}
		return nil
	})
}

func TestRefusedFilesAreLeftUntouched(t *testing.T) {
	dir := t.TempDir()
	write := func(name string, data []byte) string {
		p := filepath.Join(dir, name)
		if err := os.WriteFile(p, data, 0o644); err != nil {
			t.Fatal(err)
		}
		return p
	}
	random := make([]byte, 64*1024)
	for i := range random {
		random[i] = byte(i*7919 + i/13)
	}
	cases := []struct {
		name   string
		path   string
		reason error
	}{
		{"random bytes", write("random.db", random), ErrNotDatabase},
		{"a few bytes", write("short.db", []byte("hello\n")), ErrNotDatabase},
		{"zero bytes", write("empty.db", nil), ErrEmptyFile},
		{"another program's bbolt file", foreignBolt(t, dir), ErrForeign},
		{"newer schema", newerSchema(t, dir), ErrNewerSchema},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			before := checksum(t, c.path)
			_, err := Open(c.path)
			if !errors.Is(err, c.reason) {
				t.Fatalf("Open = %v, want %v", err, c.reason)
			}
			assertOneLineNaming(t, err, c.path)
			if checksum(t, c.path) != before {
				t.Error("the refused file was changed")
			}
			if backups, _ := filepath.Glob(c.path + ".*.bak"); len(backups) != 0 {
				t.Errorf("refused file got backups: %v", backups)
			}
		})
	}
}

func assertOneLineNaming(t *testing.T, err error, path string) {
	t.Helper()
	msg := err.Error()
	abs, _ := filepath.Abs(path)
	if !strings.Contains(msg, abs) || strings.Contains(msg, "\n") {
		t.Errorf("error %q should be one line naming %s", msg, abs)
	}
}

func foreignBolt(t *testing.T, dir string) string {
	p := filepath.Join(dir, "other.db")
	db, err := bolt.Open(p, 0o600, nil)
	if err != nil {
		t.Fatal(err)
	}
	_ = db.Update(func(tx *bolt.Tx) error {
		b, err := tx.CreateBucket([]byte("widgets"))
		if err != nil {
			return err
		}
		return b.Put([]byte("k"), []byte("v"))
	})
	db.Close()
	return p
}

func newerSchema(t *testing.T, dir string) string {
	s, err := Open(filepath.Join(dir, "future.db"))
	if err != nil {
		t.Fatal(err)
	}
	db, err := bolt.Open(s.Path(), 0o600, nil)
	if err != nil {
		t.Fatal(err)
	}
	_ = db.Update(func(tx *bolt.Tx) error {
		return writeUint(tx.Bucket(bucketMeta), keySchema, SchemaVersion()+1)
	})
	db.Close()
	return s.Path()
}

func TestUnreadablePathsAreRefused(t *testing.T) {
	dir := t.TempDir()
	file := filepath.Join(dir, "plain.txt")
	if err := os.WriteFile(file, []byte("x"), 0o600); err != nil {
		t.Fatal(err)
	}
	for name, path := range map[string]string{
		"a folder":              dir,
		"under a regular file":  filepath.Join(file, "lumbar.db"),
		"under a missing drive": filepath.Join(file, "deeper", "lumbar.db"),
	} {
		t.Run(name, func(t *testing.T) {
			_, err := Open(path)
			if !errors.Is(err, ErrUnreadable) {
				t.Fatalf("Open(%s) = %v, want ErrUnreadable", path, err)
			}
			assertOneLineNaming(t, err, path)
		})
	}
	if os.Geteuid() != 0 { // root reads anything
		locked := filepath.Join(dir, "locked.db")
		s, err := Open(locked)
		if err != nil {
			t.Fatal(err)
		}
		_ = os.Chmod(s.Path(), 0)
		if _, err := Open(locked); !errors.Is(err, ErrUnreadable) {
			t.Errorf("Open(unreadable file) = %v, want ErrUnreadable", err)
		}
	}
}

func TestLockHeldPastTimeoutIsBusy(t *testing.T) {
	s := openTemp(t)
	holder, err := bolt.Open(s.Path(), 0o600, nil) // exclusive until closed
	if err != nil {
		t.Fatal(err)
	}
	defer holder.Close()
	before := checksum(t, s.Path())
	start := time.Now()
	_, err = Water.Append(s, diary.WaterLog{Stamp: diary.StampAt(time.Now()), ML: 250})
	waited := time.Since(start)
	if !errors.Is(err, ErrBusy) {
		t.Fatalf("Append with the file locked = %v, want ErrBusy", err)
	}
	if waited > 2*time.Second {
		t.Errorf("busy error took %v, want within 2s", waited)
	}
	want := "data file busy: another process has held " + s.Path() +
		" locked for over a second (a lumbar window or command, or another program); try again"
	if err.Error() != want {
		t.Errorf("message = %q, want %q", err, want)
	}
	if _, err := s.Revision(); !errors.Is(err, ErrBusy) {
		t.Errorf("reading while an exclusive lock is held = %v, want ErrBusy", err)
	}
	holder.Close()
	if checksum(t, s.Path()) != before {
		t.Error("a busy write changed the file")
	}
	if _, err := Water.Append(s, diary.WaterLog{Stamp: diary.StampAt(time.Now()), ML: 250}); err != nil {
		t.Errorf("Append after the lock was released: %v", err)
	}
}

// A panic inside a transaction (bbolt's way of meeting some damage) is
// the damaged-file refusal; that handle refuses from then on, and the
// lock on the file is released for everyone else.
func TestPanicInsideTransactionBecomesError(t *testing.T) {
	for name, panicking := range map[string]func(*Store) error{
		"reading": func(s *Store) error { return s.View(func(*Tx) error { panic("invalid page type") }) },
		"writing": func(s *Store) error { return s.Update(func(*Tx) error { panic("invalid page type") }) },
	} {
		t.Run(name, func(t *testing.T) {
			s := openTemp(t)
			if err := panicking(s); !errors.Is(err, ErrCorrupt) {
				t.Fatalf("panicking = %v, want ErrCorrupt", err)
			}
			if _, err := s.Revision(); !errors.Is(err, ErrCorrupt) {
				t.Errorf("the handle that met damage read on: %v", err)
			}
			other, err := Open(s.Path())
			if err != nil {
				t.Fatalf("the file stayed locked after a panic: %v", err)
			}
			if _, err := Water.Append(other, diary.WaterLog{Stamp: diary.StampAt(time.Now()), ML: 250}); err != nil {
				t.Errorf("the file stayed locked for writing after a panic: %v", err)
			}
		})
	}
}

// A file whose pages are damaged is refused by Open before anything is
// written, even where the damage is away from the meta pages bbolt checks
// on its own.
func TestDamagedPagesAreRefused(t *testing.T) {
	path := fileWithBranches(t)
	f, err := os.OpenFile(path, os.O_WRONLY, 0)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := f.WriteAt([]byte{0xde, 0xad, 0xbe, 0xef, 0xde, 0xad, 0xbe, 0xef, 0xff, 0xff}, 4*4096); err != nil {
		t.Fatal(err)
	}
	f.Close()
	before := checksum(t, path)
	_, err = Open(path)
	if !errors.Is(err, ErrCorrupt) {
		t.Fatalf("Open(damaged) = %v, want ErrCorrupt", err)
	}
	assertOneLineNaming(t, err, path)
	if checksum(t, path) != before {
		t.Error("the damaged file was changed")
	}
}

func TestReadOnlyAndDamagedStoresRefuseWrites(t *testing.T) {
	s := openTemp(t)
	reader, err := OpenToRead(s.Path())
	if err != nil {
		t.Fatal(err)
	}
	if _, err := reader.Revision(); err != nil {
		t.Errorf("a reading store cannot read: %v", err)
	}
	if _, err := Water.Append(reader, diary.WaterLog{Stamp: diary.StampAt(time.Now()), ML: 250}); !errors.Is(err, ErrReadOnly) {
		t.Errorf("a reading store wrote: %v", err)
	}
	_ = s.View(func(*Tx) error { panic("invalid page type") }) // bbolt's way of finding damage
	before := checksum(t, s.Path())
	if _, err := Water.Append(s, diary.WaterLog{Stamp: diary.StampAt(time.Now()), ML: 250}); !errors.Is(err, ErrCorrupt) {
		t.Errorf("a store that met damage wrote: %v", err)
	}
	if checksum(t, s.Path()) != before {
		t.Error("the file changed")
	}
}

func TestCreateRefusesAnExistingFile(t *testing.T) {
	path := tempPath(t)
	if _, err := Create(path); err != nil {
		t.Fatal(err)
	}
	before := checksum(t, path)
	if _, err := Create(path); !errors.Is(err, os.ErrExist) {
		t.Errorf("Create over an existing file = %v, want ErrExist", err)
	}
	if checksum(t, path) != before {
		t.Error("the existing file was changed")
	}
}

// Paths that are not regular files are refused with the right words,
// without blocking (a FIFO would wait for a writer for ever), whether
// opened to write or to read, and nothing is created through them.
func TestNonRegularPathsAreRefusedWithoutBlocking(t *testing.T) {
	dir := t.TempDir()
	fifo := filepath.Join(dir, "fifo")
	if err := syscall.Mkfifo(fifo, 0o600); err != nil {
		t.Fatal(err)
	}
	dangling := filepath.Join(dir, "dangling.db")
	if err := os.Symlink(filepath.Join(dir, "gone.db"), dangling); err != nil {
		t.Fatal(err)
	}
	cases := []struct{ path, says string }{
		{fifo, "is a named pipe (FIFO), not a lumbar data file"},
		{"/dev/null", "is a device, not a lumbar data file"},
		{"/dev/zero", "is a device, not a lumbar data file"},
		{"/proc/self/status", "is a special file whose size is not known, not a lumbar data file"},
		{dangling, "is a symbolic link to " + filepath.Join(dir, "gone.db") + ", which does not exist"},
	}
	for _, c := range cases {
		for name, open := range map[string]func(string) (*Store, error){"Open": Open, "OpenToRead": OpenToRead} {
			done := make(chan error, 1)
			go func() { _, err := open(c.path); done <- err }()
			var err error
			select {
			case err = <-done:
			case <-time.After(10 * time.Second):
				t.Fatalf("%s(%s) blocks", name, c.path)
			}
			if err == nil || !strings.Contains(err.Error(), c.says) || strings.Contains(err.Error(), "empty file") {
				t.Errorf("%s(%s) = %v, want %q", name, c.path, err, c.says)
			}
		}
	}
	if _, err := os.Lstat(filepath.Join(dir, "gone.db")); err == nil {
		t.Error("a file was created through the dangling symlink")
	}
	real := filepath.Join(dir, "real.db")
	if _, err := Open(real); err != nil {
		t.Fatal(err)
	}
	link := filepath.Join(dir, "link.db")
	if err := os.Symlink(real, link); err != nil {
		t.Fatal(err)
	}
	if _, err := OpenToRead(link); err != nil {
		t.Errorf("a symlink to a diary: %v", err)
	}
}

// insightsToday is the day the insight tests look back from.
var insightsToday = diary.DayOf(time.Date(2026, 11, 27, 12, 0, 0, 0, time.UTC))

// entryOn makes an entry at hour:00 local time, n days before today.
func entryOn(n, hour, pain int, helped ...string) diary.PainEntry {
	d := (insightsToday - diary.Day(n)).Midnight(zoneBerlin).Add(time.Duration(hour) * time.Hour)
	return diary.PainEntry{Stamp: diary.StampAt(d), Pain: pain, Helped: helped}
}
