package store_test

import (
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"

	"lumbar/store"
	"lumbar/store/oplog"
	"lumbar/store/synclog"
)

const benchPassphrase = "ten years of one diary"

var syncHistory struct {
	once sync.Once
	dir  string // inside tenYears.dir, removed with it
	err  error
}

// syncHistoryFolder is a sync folder with ten years of history: the
// 10-year file's diary as one computer's log, a frame a day (3,650
// frames); a second computer's log and snapshot, written once it had read
// all but the last month of it; then that month (30 frames).
func syncHistoryFolder(b *testing.B) string {
	b.Helper()
	tenYearFile(b)
	syncHistory.once.Do(func() { syncHistory.dir, syncHistory.err = buildSyncHistory(tenYears.path, tenYears.dir) })
	if syncHistory.err != nil {
		b.Fatal(syncHistory.err)
	}
	return syncHistory.dir
}

func buildSyncHistory(tenYearPath, tmp string) (string, error) {
	dir := filepath.Join(tmp, "sync")
	if err := os.MkdirAll(filepath.Join(dir, "lumbar"), 0o700); err != nil {
		return "", err
	}
	firstPath := filepath.Join(tmp, "first.db")
	if err := copyFile(tenYearPath, firstPath); err != nil {
		return "", err
	}
	first, err := store.Open(firstPath)
	if err != nil {
		return "", err
	}
	var id string
	var ops []oplog.Op
	err = first.Update(func(tx *store.Tx) (err error) {
		if id, err = store.StartReplica(tx); err != nil {
			return err
		}
		ops, err = store.Outbox(tx)
		return err
	})
	if err != nil {
		return "", err
	}
	key, err := synclog.NewKey()
	if err != nil {
		return "", err
	}
	log, err := synclog.Header(key, benchPassphrase)
	if err != nil {
		return "", err
	}
	const days, lastMonth = 3650, 30
	perDay := (len(ops) + days - 1) / days
	for day := range days {
		if day == days-lastMonth {
			if err := readAndSnapshot(dir, filepath.Join(tmp, "second.db"), id, log); err != nil {
				return "", err
			}
		}
		frame, err := synclog.Frame(key, ops[min(day*perDay, len(ops)):min((day+1)*perDay, len(ops))])
		if err != nil {
			return "", err
		}
		log = append(log, frame...)
	}
	return dir, os.WriteFile(filepath.Join(dir, "lumbar", synclog.FileName(id)), log, 0o600)
}

// readAndSnapshot is the second computer: it reads log, the first's, and
// writes its snapshot.
func readAndSnapshot(dir, path, first string, log []byte) error {
	if err := os.WriteFile(filepath.Join(dir, "lumbar", synclog.FileName(first)), log, 0o600); err != nil {
		return err
	}
	second, err := store.Open(path)
	if err != nil {
		return err
	}
	old := store.SnapshotAfter
	defer func() { store.SnapshotAfter = old }()
	store.SnapshotAfter = 1
	_, err = store.SyncDir(second, dir, func() (string, error) { return benchPassphrase, nil })
	return err
}

// A new computer's first sync with a folder holding ten years of history
// (syncHistoryFolder): FromLogs reads every frame of every log,
// FromSnapshot starts from the snapshot and reads the last month's. Each
// pays a scrypt per log to open its key (lowered in tests; about a second
// at full cost) either way.
func BenchmarkJoinSyncFromLogs(b *testing.B)     { benchmarkJoinSync(b, false) }
func BenchmarkJoinSyncFromSnapshot(b *testing.B) { benchmarkJoinSync(b, true) }

func benchmarkJoinSync(b *testing.B, withSnapshot bool) {
	src := filepath.Join(syncHistoryFolder(b), "lumbar")
	entries, err := os.ReadDir(src)
	if err != nil {
		b.Fatal(err)
	}
	var res store.SyncResult
	for b.Loop() {
		b.StopTimer()
		dir := b.TempDir()
		if err := os.Mkdir(filepath.Join(dir, "lumbar"), 0o700); err != nil {
			b.Fatal(err)
		}
		for _, e := range entries {
			if strings.HasSuffix(e.Name(), ".snap") && !withSnapshot {
				continue
			}
			if err := copyFile(filepath.Join(src, e.Name()), filepath.Join(dir, "lumbar", e.Name())); err != nil {
				b.Fatal(err)
			}
		}
		s, err := store.Open(filepath.Join(b.TempDir(), "new.db"))
		if err != nil {
			b.Fatal(err)
		}
		b.StartTimer()
		if res, err = store.SyncDir(s, dir, func() (string, error) { return benchPassphrase, nil }); err != nil {
			b.Fatal(err)
		}
	}
	if (res.StartedFrom != "") != withSnapshot {
		b.Fatalf("started from %q", res.StartedFrom)
	}
	b.ReportMetric(float64(res.Frames), "frames/op")
	b.ReportMetric(float64(res.Applied), "changes/op")
}
