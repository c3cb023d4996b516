package store

import (
	"bufio"
	"errors"
	"fmt"
	"math/rand/v2"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"syscall"
	"testing"
	"time"

	"lumbar/store/diary"

	bolt "go.etcd.io/bbolt"
)

// totalsBase is the instant random writes scatter their records around.
var totalsBase = time.Date(2026, 3, 29, 1, 30, 0, 0, time.UTC) // a night clocks change

// totalsZones are the offsets random records are made at: the widest ones
// put a record on another day than its UTC instant's.
var totalsZones = []*time.Location{time.UTC, zoneBerlin, time.FixedZone("UTC+14", 14*3600),
	time.FixedZone("UTC-12", -12*3600), time.FixedZone("NST", -(3*3600 + 1800))}

func randomInstant(rng *rand.Rand) time.Time {
	at := totalsBase.Add(time.Duration(rng.Int64N(int64(20*24*time.Hour))) - 10*24*time.Hour)
	return at.In(totalsZones[rng.IntN(len(totalsZones))])
}

func randomEntry(rng *rand.Rand) diary.PainEntry {
	e := diary.PainEntry{Stamp: diary.StampAt(randomInstant(rng)), Pain: rng.IntN(11)}
	for _, id := range []string{"heat", "walking", "stretching", "massage-swedish"} {
		if rng.IntN(3) == 0 {
			e.Helped = append(e.Helped, id)
		}
	}
	return e
}

func randomSession(rng *rand.Rand) diary.Session {
	start := randomInstant(rng)
	s := diary.Session{Stamp: diary.StampAt(start), Routine: "desk-break", End: start.Add(3 * time.Minute).UTC(),
		StepsDone: 3, StepsTotal: 5}
	if rng.IntN(2) == 0 {
		before, after := rng.IntN(11), rng.IntN(11)
		s.PainBefore, s.PainAfter = &before, &after
	}
	return s
}

func randomCheck(rng *rand.Rand) diary.Check {
	kinds, actions := diary.CheckKinds(), []diary.CheckAction{diary.ActionDone, diary.ActionSnoozed, diary.ActionDismissed}
	c := diary.Check{Stamp: diary.StampAt(randomInstant(rng)), Kind: kinds[rng.IntN(len(kinds))], Action: actions[rng.IntN(len(actions))]}
	if c.Action == diary.ActionSnoozed {
		c.Until = c.At.Add(20 * time.Minute)
	}
	return c
}

// randomItem picks one stored record of c; ok is false when there is none.
func randomItem[T diary.Checked](s *Store, c Collection[T], rng *rand.Rand) (it Item[T], version Version, ok bool, err error) {
	err = s.View(func(tx *Tx) error {
		all, err := c.Latest(tx, 1<<30)
		if err != nil || len(all) == 0 {
			return err
		}
		it, ok = all[rng.IntN(len(all))], true
		_, version, err = c.GetVersioned(tx, it.Key)
		return err
	})
	return it, version, ok, err
}

// anyItem picks one stored record of c inside tx.
func anyItem[T diary.Checked](tx *Tx, c Collection[T], rng *rand.Rand) (Item[T], bool) {
	all, err := c.Latest(tx, 1<<30)
	if err != nil || len(all) == 0 {
		return Item[T]{}, false
	}
	return all[rng.IntN(len(all))], true
}

var errRolledBack = errors.New("rolled back on purpose")

// randomWrite makes one random write through the collections, as the app
// and the commands make them: add, edit (same or new time), delete and
// put back, undo, import under given IDs, several records in one
// transaction, and a transaction that fails.
func randomWrite(s *Store, rng *rand.Rand) error {
	switch rng.IntN(12) {
	case 0, 1:
		_, err := Pain.Append(s, randomEntry(rng))
		return err
	case 2:
		return s.Update(func(tx *Tx) error { return AddWater(tx, randomInstant(rng), 50*(1+rng.IntN(10)), 1+rng.IntN(3)) })
	case 3:
		_, err := Sessions.Append(s, randomSession(rng))
		return err
	case 4:
		return s.Update(func(tx *Tx) error { return Acknowledge(tx, randomCheck(rng)) })
	case 5: // an edit, sometimes moving the entry to another time
		it, version, ok, err := randomItem(s, Pain, rng)
		if err != nil || !ok {
			return err
		}
		edited := randomEntry(rng)
		if rng.IntN(2) == 0 {
			edited.Stamp = it.Value.Stamp
		}
		_, err = Pain.Replace(s, it.Key, version, edited)
		return err
	case 6: // a delete, undone half the time
		return removeRandom(s, rng)
	case 7:
		return s.Update(func(tx *Tx) error {
			_, found, err := RemoveLastWater(tx, randomInstant(rng))
			_ = found
			return err
		})
	case 8: // several writes in one transaction
		return s.Update(func(tx *Tx) error {
			for range 1 + rng.IntN(4) {
				if _, err := Pain.Insert(tx, randomEntry(rng)); err != nil {
					return err
				}
				if _, err := Sessions.Insert(tx, randomSession(rng)); err != nil {
					return err
				}
			}
			return nil
		})
	case 9: // undo of the last write, whatever it was
		_, err := Undo(s)
		var conflict *UndoConflictError
		if errors.Is(err, ErrNothingToUndo) || errors.As(err, &conflict) {
			return nil
		}
		return err
	case 10: // an import under given IDs: a new one, or over a stored entry
		return s.Update(func(tx *Tx) error {
			e := randomEntry(rng)
			k := NewKey(e.At)
			if old, ok := anyItem(tx, Pain, rng); ok && rng.IntN(2) == 0 {
				k, e.Stamp = old.Key, old.Value.Stamp
			}
			_, err := Pain.Import(tx, k, e, true)
			return err
		})
	default: // a transaction that fails after writing: nothing of it stays
		err := s.Update(func(tx *Tx) error {
			if _, err := Pain.Insert(tx, randomEntry(rng)); err != nil {
				return err
			}
			if err := AddWater(tx, randomInstant(rng), 250, 2); err != nil {
				return err
			}
			return errRolledBack
		})
		if errors.Is(err, errRolledBack) {
			return nil
		}
		return err
	}
}

func removeRandom(s *Store, rng *rand.Rand) error {
	var err error
	switch rng.IntN(3) {
	case 0:
		err = removeAndMaybeRestore(s, Pain, rng)
	case 1:
		err = removeAndMaybeRestore(s, Sessions, rng)
	default:
		err = removeAndMaybeRestore(s, Checks, rng)
	}
	return err
}

func removeAndMaybeRestore[T diary.Checked](s *Store, c Collection[T], rng *rand.Rand) error {
	it, _, ok, err := randomItem(s, c, rng)
	if err != nil || !ok {
		return err
	}
	if err := c.Remove(s, it.Key); err != nil {
		return err
	}
	if rng.IntN(2) == 0 {
		return c.Restore(s, it.Key, it.Value)
	}
	return nil
}

// assertTotalsAreARecount compares the stored day totals with a sum of
// every readable record.
func assertTotalsAreARecount(t *testing.T, s *Store, when string) {
	t.Helper()
	err := s.View(func(tx *Tx) error {
		stored, err := storedTotals(tx)
		if err != nil {
			return err
		}
		recount, err := RecountTotals(tx)
		if err != nil {
			return err
		}
		if !slices.EqualFunc(stored, recount, diary.DayTotals.Equal) {
			t.Errorf("%s: stored day totals differ from a recount:\nstored  %+v\nrecount %+v", when, stored, recount)
		}
		return nil
	})
	if err != nil {
		t.Fatalf("%s: %v", when, err)
	}
}

// After any mix of writes, edits and deletes through the collections, the
// day totals are what summing every record up again gives.
func TestDayTotalsEqualARecountAfterRandomWrites(t *testing.T) {
	for seed := range uint64(4) {
		s := openTemp(t)
		rng := rand.New(rand.NewPCG(seed, 7))
		for i := range 150 {
			if err := randomWrite(s, rng); err != nil {
				t.Fatalf("seed %d, write %d: %v", seed, i, err)
			}
			if i%25 == 24 {
				assertTotalsAreARecount(t, s, fmt.Sprintf("seed %d after %d writes", seed, i+1))
			}
		}
	}
}

// TestChildRandomWriter makes random writes forever, printing "ack" after
// each: the writer the kill test below kills.
func TestChildRandomWriter(t *testing.T) {
	path := os.Getenv(childRandomEnv)
	if path == "" {
		t.Skip("only runs as a child of the kill test")
	}
	s, err := Open(path)
	if err != nil {
		fmt.Println("open:", err)
		os.Exit(3)
	}
	rng := rand.New(rand.NewPCG(uint64(os.Getpid()), uint64(time.Now().UnixNano())))
	out := bufio.NewWriter(os.Stdout)
	for {
		if err := randomWrite(s, rng); err != nil {
			fmt.Fprintln(out, "error:", err)
			out.Flush()
			os.Exit(4)
		}
		fmt.Fprintln(out, "ack")
		out.Flush()
	}
}

const childRandomEnv = "LUMBAR_TEST_CHILD_RANDOM_DB"

// A writer killed at any moment leaves day totals that still equal a
// recount: the records and their totals change in one transaction.
func TestDayTotalsSurviveAKilledWriter(t *testing.T) {
	if testing.Short() {
		t.Skip("spawns writer processes")
	}
	s := openTemp(t)
	for round := range 8 {
		cmd, lines := startChildTest(t, "TestChildRandomWriter", childRandomEnv+"="+s.Path())
		for seen := 0; seen < 10+rand.IntN(60) && lines.Scan(); seen++ {
			if lines.Text() != "ack" {
				t.Fatalf("round %d: child said %q", round, lines.Text())
			}
		}
		// Land the kill at a random point inside a later write.
		time.Sleep(time.Duration(rand.IntN(3000)) * time.Microsecond)
		_ = cmd.Process.Signal(syscall.SIGKILL)
		for lines.Scan() {
		}
		_ = cmd.Wait()
		assertTotalsAreARecount(t, s, fmt.Sprintf("after kill %d", round+1))
	}
}

// A record damaged after it was written still counts in its day's totals
// as it was written (statistics never decode it again); deleting it, or
// `lumbar check --repair` setting it aside, counts its days again from
// what can be read, so the totals are a recount once more.
func TestDamagedRecordsLeaveTotalsARecount(t *testing.T) {
	s := openTemp(t)
	rng := rand.New(rand.NewPCG(3, 3))
	var keys []Key
	for range 6 {
		k, err := Pain.Append(s, randomEntry(rng))
		if err != nil {
			t.Fatal(err)
		}
		keys = append(keys, k)
	}
	damage := func(k Key) { putRaw(t, s, BucketPain, k[:], []byte(`{"at":"2026-03-29T01:30:00Z","pain":#}`)) }

	// Undo's notes of a write keep the bytes it replaced as JSON, which a
	// damaged record's are not, so Update refuses such a write whole;
	// the totals' part of it is tested beneath the notes.
	withoutUndoNotes := func(write func(tx *Tx) error) {
		t.Helper()
		err := s.Update(func(tx *Tx) error {
			err := write(tx)
			tx.write = nil
			return err
		})
		if err != nil {
			t.Fatal(err)
		}
	}
	damage(keys[0])
	withoutUndoNotes(func(tx *Tx) error { return deleteItem(tx, BucketPain, keys[0]) })
	assertTotalsAreARecount(t, s, "after deleting a damaged record")

	damage(keys[1])
	withoutUndoNotes(func(tx *Tx) error { return putItem(tx, BucketPain, keys[1], randomEntry(rng)) })
	assertTotalsAreARecount(t, s, "after overwriting a damaged record")

	damage(keys[2])
	damage(keys[3])
	if repaired, err := s.Repair(time.Now()); err != nil || len(repaired.Moved) != 2 {
		t.Fatalf("Repair = %+v, %v", repaired, err)
	}
	assertTotalsAreARecount(t, s, "after the repair")
}

// Day totals that read but are wrong (changed outside lumbar) are found by
// FindDamaged, and Repair counts them again after a backup.
func TestTotalsOffAreFoundAndCountedAgain(t *testing.T) {
	s := openTemp(t)
	e := entryOn(0, 9, 6, "heat")
	mustAppend(t, s, Pain, e)
	mustAppend(t, s, Water, diary.WaterLog{Stamp: e.Stamp, ML: 300})
	wrong := diary.DayTotals{Day: e.Day(), WaterML: 5000, WaterLogs: 1}
	wrong.PainRatings[2] = 1
	k := dayKey(e.Day())
	putRaw(t, s, Bucket(bucketDays), k[:], encodeTotals(wrong))
	stray := dayKey(e.Day() - 40) // totals of a day without records
	putRaw(t, s, Bucket(bucketDays), stray[:], encodeTotals(diary.DayTotals{Day: e.Day() - 40, Sessions: 1}))

	found, err := Read(s, FindDamaged)
	if err != nil || len(found.Damaged) != 0 || !slices.Equal(found.TotalsOff, []diary.Day{e.Day() - 40, e.Day()}) {
		t.Fatalf("FindDamaged = %+v, %v; want the two days off", found, err)
	}
	repaired, err := s.Repair(time.Now())
	if err != nil || len(repaired.Moved) != 0 || len(repaired.Recounted) != 2 || repaired.Backup == "" {
		t.Fatalf("Repair = %+v, %v", repaired, err)
	}
	if _, err := os.Stat(repaired.Backup); err != nil {
		t.Errorf("no backup before the recount: %v", err)
	}
	assertTotalsAreARecount(t, s, "after the repair")
	if again, err := Read(s, FindDamaged); err != nil || len(again.TotalsOff) != 0 {
		t.Errorf("FindDamaged after the repair = %+v, %v", again, err)
	}
}

// A stored day total that no longer reads (a byte changed on disk) is
// worked out from the day's records instead, and the next write to the
// day stores it right again.
func TestUnreadableDayTotalsAreRecounted(t *testing.T) {
	s := openTemp(t)
	e := entryOn(0, 9, 6, "heat")
	mustAppend(t, s, Pain, e)
	k := dayKey(e.Day())
	putRaw(t, s, Bucket(bucketDays), k[:], []byte{totalsFormat, 0xff})
	days, err := Read(s, func(tx *Tx) ([]diary.DayPain, error) { return PainDays(tx, e.Day(), e.Day()) })
	if err != nil || days[0].Entries != 1 || days[0].Worst != 6 {
		t.Fatalf("PainDays over unreadable totals = %+v, %v", days, err)
	}
	mustAppend(t, s, Pain, entryOn(0, 10, 2))
	assertTotalsAreARecount(t, s, "after a write to the day")
}

func TestDayTotalsEncodingRoundTrips(t *testing.T) {
	rng := rand.New(rand.NewPCG(5, 5))
	for range 50 {
		d := diary.Day(rng.IntN(40000) - 20000)
		t0 := diary.DayTotals{Day: d}
		for range rng.IntN(20) {
			switch rng.IntN(4) {
			case 0:
				t0.Count(randomEntry(rng), 1)
			case 1:
				t0.Count(diary.WaterLog{ML: rng.IntN(5000) + 1}, 1)
			case 2:
				t0.Count(randomSession(rng), 1)
			default:
				t0.Count(randomCheck(rng), 1)
			}
		}
		raw := encodeTotals(t0)
		got, err := decodeTotals(d, raw)
		if err != nil || !got.Equal(t0) {
			t.Fatalf("%+v came back as %+v, %v", t0, got, err)
		}
		if logged, ok := hasPain(raw); !ok || logged != (t0.PainEntries() > 0) {
			t.Fatalf("%+v: hasPain %v %v", t0, logged, ok)
		}
		k := dayKey(d)
		if back, ok := dayFromKey(k[:]); !ok || back != d {
			t.Fatalf("day %d came back from its key as %d", d, back)
		}
	}
	if a, b := dayKey(-1), dayKey(0); string(a[:]) >= string(b[:]) {
		t.Error("day keys do not sort in time order across 1970")
	}
}

// A file written by schema 1 (testdata/schema1.db, made by the lumbar of
// that schema) is backed up, then given day totals equal to a recount,
// with every record as it was; the insights it gives are those worked out
// from the records themselves.
func TestMigrationFromSchema1(t *testing.T) {
	path := filepath.Join(t.TempDir(), "lumbar.db")
	if err := copyTestFile(filepath.Join("testdata", "schema1.db"), path); err != nil {
		t.Fatal(err)
	}
	s, err := Open(path)
	if err != nil {
		t.Fatal(err)
	}
	backups, _ := filepath.Glob(path + ".schema1-*.bak")
	if len(backups) != 1 {
		t.Fatalf("backups %v, want one of the schema-1 file", backups)
	}
	assertSchema1Backup(t, backups[0])
	assertTotalsAreARecount(t, s, "after the migration")
	err = s.View(func(tx *Tx) error {
		if got := readUint(tx.btx.Bucket(bucketMeta), keySchema); got != SchemaVersion() {
			t.Errorf("schema %d after the migration, want %d", got, SchemaVersion())
		}
		stored, err := storedTotals(tx)
		if err != nil || len(stored) < 12 {
			t.Fatalf("%d days of totals, %v", len(stored), err)
		}
		today := diary.Day(stored[len(stored)-1].Day + 2)
		records := diary.InsightRecords{WaterGoalML: 1500}
		all := func(f func(tx *Tx) error) {
			if err := f(tx); err != nil {
				t.Fatal(err)
			}
		}
		all(func(tx *Tx) error { return collect(tx, Pain, &records.Entries) })
		all(func(tx *Tx) error { return collect(tx, Sessions, &records.Sessions) })
		all(func(tx *Tx) error { return collect(tx, Water, &records.Water) })
		all(func(tx *Tx) error { return collect(tx, Checks, &records.Checks) })
		if len(records.Entries) != 14 || len(records.Water) != 30 || len(records.Sessions) != 6 || len(records.Checks) != 24 {
			t.Errorf("records after the migration: %d pain, %d water, %d sessions, %d checks",
				len(records.Entries), len(records.Water), len(records.Sessions), len(records.Checks))
		}
		for _, e := range records.Entries {
			records.LoggedDays = append(records.LoggedDays, e.Day())
		}
		got, err := InsightsOf(tx, today, 30)
		if err != nil {
			return err
		}
		want := diary.ComputeInsights(records, today, 30)
		want.Streak = want.Streak.WithNudge(diary.DefaultSettings()) // the settings' part, not the records'
		if g, w := fmt.Sprintf("%+v", got), fmt.Sprintf("%+v", want); g != w {
			t.Errorf("insights from totals:\n%s\nfrom records:\n%s", g, w)
		}
		if !strings.Contains(strings.Join(got.Sentences(), " "), "water goal") {
			t.Errorf("insights say nothing of the water goal: %q", got.Sentences())
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
}

// assertSchema1Backup checks the copy taken before the migration: schema
// 1, no day totals, the records of the fixture.
func assertSchema1Backup(t *testing.T, path string) {
	t.Helper()
	db, err := bolt.Open(path, 0o600, &bolt.Options{ReadOnly: true})
	if err != nil {
		t.Fatalf("backup does not open: %v", err)
	}
	defer db.Close()
	_ = db.View(func(btx *bolt.Tx) error {
		if got := readUint(btx.Bucket(bucketMeta), keySchema); got != 1 {
			t.Errorf("backup schema = %d, want 1", got)
		}
		if btx.Bucket(bucketDays) != nil {
			t.Error("the backup was taken after the migration")
		}
		if n := btx.Bucket([]byte(BucketWater)).Stats().KeyN; n != 30 {
			t.Errorf("the backup holds %d water logs, want 30", n)
		}
		return nil
	})
}

func collect[T diary.Checked](tx *Tx, c Collection[T], into *[]T) error {
	return c.Range(tx, firstKeyTime, lastKeyTime, func(it Item[T]) error {
		*into = append(*into, it.Value)
		return nil
	})
}

func copyTestFile(src, dst string) error {
	raw, err := os.ReadFile(src)
	if err != nil {
		return err
	}
	return os.WriteFile(dst, raw, 0o600)
}
