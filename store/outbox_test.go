package store

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"testing"
	"time"

	"lumbar/store/diary"
	"lumbar/store/oplog"
)

var outboxAt = time.Date(2026, 11, 27, 9, 0, 0, 0, zoneBerlin)

func mustOutbox(t *testing.T, s *Store) []oplog.Op {
	t.Helper()
	ops, err := Read(s, Outbox)
	if err != nil {
		t.Fatal(err)
	}
	return ops
}

func mustStartReplica(t *testing.T, s *Store) string {
	t.Helper()
	var id string
	if err := s.Update(func(tx *Tx) (err error) { id, err = StartReplica(tx); return err }); err != nil {
		t.Fatal(err)
	}
	return id
}

// summary is an operation as the tests expect it: kind and target.
func summary(op oplog.Op) string {
	if op.Kind == oplog.Set {
		return "set " + op.Setting
	}
	return fmt.Sprintf("%s %s", op.Kind, op.Bucket)
}

// Every synced write leaves exactly its operations in the outbox, each
// holding what the write left in the file; writes of local state leave
// none.
func TestEveryWriteLeavesItsOperationInTheOutbox(t *testing.T) {
	s := openTemp(t)
	replica := mustStartReplica(t, s)
	entry := mustAppend(t, s, Pain, painAt(outboxAt, 3))
	var water Key
	cases := []struct {
		name  string
		write func() error
		want  []string
	}{
		{"add water", func() (err error) {
			water, err = Water.Append(s, diary.WaterLog{Stamp: diary.StampAt(outboxAt), ML: 250})
			return err
		},
			[]string{"put water"}},
		{"add a session", func() error {
			_, err := Sessions.Append(s, diary.Session{Stamp: diary.StampAt(outboxAt), Routine: "morning", End: outboxAt.Add(5 * time.Minute), StepsDone: 2, StepsTotal: 3})
			return err
		}, []string{"put sessions"}},
		{"answer a reminder", func() error {
			return s.Update(func(tx *Tx) error {
				return Acknowledge(tx, diary.Check{Stamp: diary.StampAt(outboxAt), Kind: diary.CheckMove, Action: diary.ActionDone})
			})
		}, []string{"put checks"}},
		{"two drinks at once", func() error { return s.Update(func(tx *Tx) error { return AddWater(tx, outboxAt, 200, 2) }) },
			[]string{"put water", "put water"}},
		{"edit in place", func() error {
			_, err := Pain.Replace(s, entry, mustVersion(t, s, entry), painAt(outboxAt, 4))
			return err
		}, []string{"put pain"}},
		{"edit to another time", func() (err error) {
			entry, err = Pain.Replace(s, entry, mustVersion(t, s, entry), painAt(outboxAt.Add(time.Hour), 4))
			return err
		}, []string{"delete pain", "put pain"}},
		{"delete", func() error { return Water.Remove(s, water) }, []string{"delete water"}},
		{"undo the delete", func() error { _, err := Undo(s); return err }, []string{"put water"}},
		{"change a setting", func() error {
			return s.Update(func(tx *Tx) error { return ChangeSettings(tx, map[string]string{"water.goal": "1800"}) })
		}, []string{"set water.goal"}},
		{"change how often to sync", func() error {
			return s.Update(func(tx *Tx) error { return ChangeSettings(tx, map[string]string{"sync.interval": "15m"}) })
		}, []string{"set sync.interval"}},
		{"change this computer's sync folder", func() error {
			return s.Update(func(tx *Tx) error { return ChangeSettings(tx, map[string]string{"sync.dir": "/home/ana/Sync"}) })
		}, nil},
		{"import a record", func() error {
			return s.Update(func(tx *Tx) error {
				_, err := Pain.Import(tx, NewKey(outboxAt), painAt(outboxAt, 6), false)
				return err
			})
		}, []string{"put pain"}},
		{"keep the Guide's place, a draft, quiet mode, the first opening", func() error {
			return s.Update(func(tx *Tx) error {
				return errors.Join(PutSetting(tx, "guide.position", 3),
					PutPainDraft(tx, PainDraft{Editing: entry.ID()}),
					SetQuietUntil(tx, outboxAt), func() error { _, err := RecordFirstOpen(tx, outboxAt); return err }())
			})
		}, nil},
	}
	seen := len(mustOutbox(t, s))
	for _, c := range cases {
		if err := c.write(); err != nil {
			t.Fatalf("%s: %v", c.name, err)
		}
		ops := mustOutbox(t, s)
		var got []string
		for _, op := range ops[seen:] {
			got = append(got, summary(op))
			if op.Stamp.Replica != replica {
				t.Errorf("%s: %s made by replica %q, not %q", c.name, summary(op), op.Stamp.Replica, replica)
			}
			assertOpHoldsTheFile(t, s, op)
		}
		if fmt.Sprint(got) != fmt.Sprint(c.want) {
			t.Errorf("%s: outbox got %v, want %v", c.name, got, c.want)
		}
		seen = len(ops)
	}
	assertClockGrows(t, mustOutbox(t, s))
}

func mustVersion(t *testing.T, s *Store, k Key) Version {
	t.Helper()
	var v Version
	if err := s.View(func(tx *Tx) (err error) { _, v, err = Pain.GetVersioned(tx, k); return err }); err != nil {
		t.Fatal(err)
	}
	return v
}

// assertOpHoldsTheFile checks that op's value is what the file holds
// now under its target, unless a later write changed that again.
func assertOpHoldsTheFile(t *testing.T, s *Store, op oplog.Op) {
	t.Helper()
	err := s.View(func(tx *Tx) error {
		var held []byte
		if op.Kind == oplog.Set {
			held = settingBytes(tx, op.Setting)
		} else {
			bk, err := tx.bucket(Bucket(op.Bucket))
			if err != nil {
				return err
			}
			k, err := ParseID(op.ID)
			if err != nil {
				return err
			}
			held = bk.Get(k[:])
		}
		if !bytes.Equal(held, op.Value) {
			t.Errorf("%s %s holds %s, the file %s", summary(op), op.ID, op.Value, held)
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
}

func assertClockGrows(t *testing.T, ops []oplog.Op) {
	t.Helper()
	for i := 1; i < len(ops); i++ {
		if ops[i].Stamp.Compare(ops[i-1].Stamp) <= 0 {
			t.Errorf("operation %d stamped %v, not after %v", i, ops[i].Stamp, ops[i-1].Stamp)
		}
	}
}

// A write that fails or is refused leaves no operation: the outbox is
// written in the write's own transaction.
func TestFailedWritesLeaveNoOperation(t *testing.T) {
	s := openTemp(t)
	mustStartReplica(t, s)
	failed := errors.New("stop")
	if err := s.Update(func(tx *Tx) error {
		if _, err := Pain.Insert(tx, painAt(outboxAt, 2)); err != nil {
			return err
		}
		if err := ChangeSettings(tx, map[string]string{"water.goal": "1800"}); err != nil {
			return err
		}
		return failed
	}); !errors.Is(err, failed) {
		t.Fatalf("Update = %v", err)
	}
	if _, err := Water.Append(s, diary.WaterLog{Stamp: diary.StampAt(outboxAt), ML: -1}); err == nil {
		t.Fatal("a negative drink was kept")
	}
	if err := s.Update(func(tx *Tx) error { return ChangeSettings(tx, map[string]string{"water.goal": "a lot"}) }); err == nil {
		t.Fatal("a goal of \"a lot\" was kept")
	}
	if err := Pain.Remove(s, NewKey(outboxAt)); !errors.Is(err, ErrNotFound) {
		t.Fatalf("removing no record: %v", err)
	}
	if ops := mustOutbox(t, s); len(ops) != 0 {
		t.Errorf("failed writes left %d operations: %+v", len(ops), ops)
	}
}

// A file that never set up sync keeps no outbox; setting it up records
// what the diary already holds, once, and keeps the replica ID.
func TestStartReplicaRecordsWhatIsHeld(t *testing.T) {
	s := openTemp(t)
	mustAppend(t, s, Pain, painAt(outboxAt, 3))
	mustAppend(t, s, Water, diary.WaterLog{Stamp: diary.StampAt(outboxAt), ML: 300})
	if err := s.Update(func(tx *Tx) error {
		return errors.Join(ChangeSettings(tx, map[string]string{"water.goal": "1800", "sync.dir": "/home/ana/Sync"}),
			PutSetting(tx, "guide.position", 3))
	}); err != nil {
		t.Fatal(err)
	}
	if ops := mustOutbox(t, s); len(ops) != 0 {
		t.Fatalf("a file that is no replica recorded %d operations", len(ops))
	}
	if id, err := Read(s, ReplicaID); err != nil || id != "" {
		t.Fatalf("replica ID before set-up: %q, %v", id, err)
	}
	id := mustStartReplica(t, s)
	if id == "" {
		t.Fatal("no replica ID")
	}
	ops := mustOutbox(t, s)
	var got []string
	for _, op := range ops {
		got = append(got, summary(op))
		assertOpHoldsTheFile(t, s, op)
	}
	if want := []string{"put pain", "put water", "set water.goal"}; fmt.Sprint(got) != fmt.Sprint(want) {
		t.Errorf("set-up recorded %v, want %v", got, want)
	}
	if again := mustStartReplica(t, s); again != id || len(mustOutbox(t, s)) != len(ops) {
		t.Errorf("a second set-up gave %q (was %q) and %d operations (were %d)", again, id, len(mustOutbox(t, s)), len(ops))
	}
	if other := mustStartReplica(t, openTemp(t)); other == id {
		t.Errorf("two files got the same replica ID %q", id)
	}
}

// The clock keeps growing across writes even when the wall clock is
// behind the last reading (a replica that has seen the future).
func TestOutboxClockIsKeptInTheFile(t *testing.T) {
	s := openTemp(t)
	mustStartReplica(t, s)
	ahead := oplog.Clock{Wall: time.Now().Add(time.Hour).UnixNano(), Logical: 5}
	if err := s.Update(func(tx *Tx) error {
		raw, _ := json.Marshal(ahead)
		return tx.btx.Bucket(bucketSync).Put(keyClock, raw)
	}); err != nil {
		t.Fatal(err)
	}
	mustAppend(t, s, Pain, painAt(outboxAt, 3))
	if ops := mustOutbox(t, s); len(ops) != 1 || ops[0].Stamp.Clock != (oplog.Clock{Wall: ahead.Wall, Logical: 6}) {
		t.Errorf("outbox after a clock ahead: %+v", ops)
	}
}
