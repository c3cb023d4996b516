package store_test

import (
	"crypto/sha256"
	"errors"
	"fmt"
	"math"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	"lumbar/store"
	"lumbar/store/damagetest"
	"lumbar/store/diary"
)

// campaignNow is the clock of the damage campaign: the demo year ends
// the day before.
var campaignNow = damagetest.DemoEnd

// operation is one way of reading or writing the file.
type operation struct {
	name string
	run  func(s *store.Store) error
}

func readOperations(backupPrefix string) []operation {
	today := diary.DayOf(campaignNow)
	n := 0
	return []operation{
		{"revision", func(s *store.Store) error { _, err := s.Revision(); return err }},
		{"status summary", func(s *store.Store) error { _, err := s.Summary(campaignNow); return err }},
		{"reminder state", func(s *store.Store) error { _, err := s.ReminderState(campaignNow); return err }},
		{"year of insights", func(s *store.Store) error {
			_, err := store.Read(s, func(tx *store.Tx) (diary.Insights, error) { return store.InsightsOf(tx, today, 365) })
			return err
		}},
		{"every pain entry", func(s *store.Store) error {
			_, err := store.Read(s, func(tx *store.Tx) ([]store.Item[diary.PainEntry], error) {
				return store.Pain.Latest(tx, math.MaxInt)
			})
			return err
		}},
		{"every record", func(s *store.Store) error { return s.View(readEveryRecord) }},
		{"settings", func(s *store.Store) error { _, err := store.Read(s, store.LoadSettings); return err }},
		{"backup", func(s *store.Store) error {
			n++
			return s.Backup(fmt.Sprintf("%s.backup-%d", backupPrefix, n))
		}},
	}
}

func readEveryRecord(tx *store.Tx) error {
	from, to := time.Unix(0, 0), time.Unix(0, math.MaxInt64)
	for _, err := range []error{
		store.Pain.Range(tx, from, to, func(store.Item[diary.PainEntry]) error { return nil }),
		store.Water.Range(tx, from, to, func(store.Item[diary.WaterLog]) error { return nil }),
		store.Sessions.Range(tx, from, to, func(store.Item[diary.Session]) error { return nil }),
		store.Checks.Range(tx, from, to, func(store.Item[diary.Check]) error { return nil }),
	} {
		if err != nil {
			return err
		}
	}
	return nil
}

func writeOperations() []operation {
	stamp := diary.StampAt(campaignNow)
	return []operation{
		{"append water", func(s *store.Store) error {
			_, err := store.Water.Append(s, diary.WaterLog{Stamp: stamp, ML: 250})
			return err
		}},
		{"append pain", func(s *store.Store) error {
			_, err := store.Pain.Append(s, diary.PainEntry{Stamp: stamp, Pain: 4, Note: "after damage"})
			return err
		}},
		{"append session", func(s *store.Store) error {
			_, err := store.Sessions.Append(s, diary.Session{Stamp: stamp, Routine: "desk-break",
				End: campaignNow.Add(3 * time.Minute), StepsDone: 3, StepsTotal: 3})
			return err
		}},
		{"add a glass, take it back", func(s *store.Store) error {
			return s.Update(func(tx *store.Tx) error {
				if err := store.AddWater(tx, campaignNow, 250, 1); err != nil {
					return err
				}
				_, _, err := store.RemoveLastWater(tx, campaignNow)
				return err
			})
		}},
		{"acknowledge a reminder", func(s *store.Store) error {
			return s.Update(func(tx *store.Tx) error {
				return store.Acknowledge(tx, diary.Check{Stamp: stamp, Kind: diary.CheckPosture, Action: diary.ActionDone})
			})
		}},
		{"change a setting", func(s *store.Store) error {
			return s.Update(func(tx *store.Tx) error {
				return store.ChangeSettings(tx, map[string]string{"water.goal": "2500"})
			})
		}},
		{"edit, delete and restore the latest entry", editLatest},
	}
}

func editLatest(s *store.Store) error {
	latest, err := store.Read(s, func(tx *store.Tx) ([]store.Item[diary.PainEntry], error) {
		return store.Pain.Latest(tx, 1)
	})
	if err != nil || len(latest) == 0 {
		return err
	}
	it := latest[0]
	base, err := store.VersionOf(it.Value)
	if err != nil {
		return err
	}
	it.Value.Note = "edited"
	if it.Key, err = store.Pain.Replace(s, it.Key, base, it.Value); err != nil {
		return err
	}
	if err := store.Pain.Remove(s, it.Key); err != nil {
		return err
	}
	return store.Pain.Restore(s, it.Key, it.Value)
}

func fileSum(t *testing.T, path string) [32]byte {
	t.Helper()
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	return sha256.Sum256(b)
}

// The damage campaign: many copies of a demo file, each damaged its own
// seeded way, each put through every read and write the store offers.
// Every operation succeeds or fails in one line; damage found is the
// ErrCorrupt refusal (never a runtime fault, which would end this test
// binary), and a refusal leaves the file byte for byte as it was. Copies
// run a few at a time: most of the time goes to waiting for the disk.
func TestDamageCampaign(t *testing.T) {
	copies := 150
	switch {
	case testing.Short():
		copies = 20
	case raceDetector:
		copies = 25
	}
	backups := t.TempDir()
	var wg sync.WaitGroup
	slots := make(chan struct{}, 8)
	for _, c := range damagetest.Make(t, damagetest.DemoFile(t), copies, 1) {
		wg.Go(func() {
			slots <- struct{}{}
			defer func() { <-slots }()
			exerciseDamaged(t, c, filepath.Join(backups, filepath.Base(c.Path)))
		})
	}
	wg.Wait()
}

func exerciseDamaged(t *testing.T, c damagetest.Copy, backupPrefix string) {
	before := fileSum(t, c.Path)
	if r, err := store.OpenToRead(c.Path); err != nil {
		assertRefusal(t, c, "open to read", err, before)
	} else {
		for _, op := range readOperations(backupPrefix) {
			assertOneLine(t, c, op.name, op.run(r))
		}
		if fileSum(t, c.Path) != before {
			t.Errorf("%s: reading changed the file", c.How)
		}
	}
	w, err := store.Open(c.Path)
	if err != nil {
		assertRefusal(t, c, "open", err, before)
		return
	}
	for _, op := range writeOperations() {
		before := fileSum(t, c.Path)
		if err := op.run(w); errors.Is(err, store.ErrCorrupt) {
			assertRefusal(t, c, op.name, err, before)
		} else {
			assertOneLine(t, c, op.name, err)
		}
	}
}

func assertOneLine(t *testing.T, c damagetest.Copy, op string, err error) {
	t.Helper()
	if err != nil && (strings.Contains(err.Error(), "\n") || len(err.Error()) > 400) {
		t.Errorf("%s: %s: not a one-line message: %q", c.How, op, err)
	}
}

// assertRefusal: a refusal is one line naming the file, and the file is
// as it was before the operation.
func assertRefusal(t *testing.T, c damagetest.Copy, op string, err error, before [32]byte) {
	t.Helper()
	var fe *store.FileError
	if !errors.As(err, &fe) {
		t.Errorf("%s: %s: %v is not a refusal", c.How, op, err)
	}
	assertOneLine(t, c, op, err)
	if !strings.Contains(err.Error(), c.Path) {
		t.Errorf("%s: %s: refusal %q does not name the file", c.How, op, err)
	}
	if fileSum(t, c.Path) != before {
		t.Errorf("%s: %s: refused (%v) but the file changed", c.How, op, err)
	}
}

// The page check that opening runs alone refuses whatever bbolt's own
// consistency check would: over many randomly damaged copies, every copy
// that opens also passes bbolt's check (CheckPages, lumbar check's).
func TestPageCheckAgreesWithBboltsOnDamagedCopies(t *testing.T) {
	copies := 300
	if testing.Short() || raceDetector {
		copies = 30
	}
	opened := 0
	for _, c := range damagetest.Make(t, damagetest.DemoFile(t), copies, 2) {
		s, err := store.Open(c.Path)
		if err != nil {
			continue
		}
		opened++
		if err := s.CheckPages(); err != nil {
			t.Errorf("%s: opened, but bbolt's check says: %v", c.How, err)
		}
	}
	if opened == 0 || opened == copies {
		t.Fatalf("%d of %d damaged copies opened: the campaign compares nothing", opened, copies)
	}
}
