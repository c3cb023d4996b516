package store

import (
	"testing"

	"lumbar/store/oplog"
)

// An operation on a setting that is one computer's own (only a newer or
// altered lumbar would send one) changes nothing here.
func TestAnotherComputersOwnSettingIsNotApplied(t *testing.T) {
	s := openTemp(t)
	mustStartReplica(t, s)
	if err := s.Update(func(tx *Tx) error { return ChangeSettings(tx, map[string]string{"sync.dir": "/home/ana/Sync"}) }); err != nil {
		t.Fatal(err)
	}
	later := oplog.Stamp{Clock: oplog.Clock{Wall: outboxAt.Add(1e12).UnixNano()}, Replica: "OTHERREPLICA"}
	ops := []oplog.Op{
		{Kind: oplog.Set, Setting: "sync.dir", Value: []byte(`"/Users/ana/Dropbox"`), Stamp: later},
		{Kind: oplog.Set, Setting: "sync.interval", Value: []byte(`900000000000`), Stamp: later},
	}
	var applied int
	if err := s.Update(func(tx *Tx) (err error) { applied, err = ApplyOps(tx, ops); return err }); err != nil {
		t.Fatal(err)
	}
	got, err := Read(s, LoadSettings)
	if err != nil {
		t.Fatal(err)
	}
	if applied != 1 || got.SyncDir != "/home/ana/Sync" || got.SyncInterval.Minutes() != 15 {
		t.Errorf("applied %d: sync.dir %q, sync.interval %v; want 1 applied, the folder kept, 15m", applied, got.SyncDir, got.SyncInterval)
	}
}
