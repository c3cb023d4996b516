package store

import (
	"fmt"
	"os"
	"time"

	bolt "go.etcd.io/bbolt"
)

// A migration brings the file from schema to-1 to schema to.
type migration struct {
	to    uint64
	about string
	apply func(*bolt.Tx) error
}

// schemaMigrations is the ordered history of the file format. Append to
// it; never edit a migration that has shipped. A new file starts at schema
// 0 and runs them all.
var schemaMigrations = []migration{
	{to: 1, about: "record buckets", apply: createBuckets(BucketPain, BucketSessions, BucketWater, BucketChecks)},
	{to: 2, about: "day totals", apply: rebuildAllTotals},
	{to: 3, about: "sync outbox", apply: createSyncBuckets},
}

// SchemaVersion is the newest file format this lumbar understands.
func SchemaVersion() uint64 { return uint64(len(schemaMigrations)) }

func createBuckets(names ...Bucket) func(*bolt.Tx) error {
	return func(btx *bolt.Tx) error {
		for _, name := range names {
			if _, err := btx.CreateBucketIfNotExists([]byte(name)); err != nil {
				return err
			}
		}
		return nil
	}
}

// checkAndMigrate refuses files that are not lumbar's or are too new, and
// runs pending migrations. It checks under a shared lock first, so a file
// that will be refused is never opened for writing.
func (s *Store) checkAndMigrate() error {
	var schema uint64
	if err := s.View(func(tx *Tx) (err error) {
		schema, err = s.checkFormat(tx.btx)
		return err
	}); err != nil {
		return err
	}
	if schema == s.latest() {
		return nil
	}
	return s.withDB(writing, func(db *bolt.DB, _ *os.File) error {
		// Another lumbar may have migrated between our two opens.
		var err error
		if err = db.View(func(btx *bolt.Tx) error { schema, err = s.checkFormat(btx); return err }); err != nil {
			return err
		}
		if schema == s.latest() {
			return nil
		}
		if schema > 0 { // schema 0 is a file we just created: nothing to keep
			if err := backup(db, s.path, schema); err != nil {
				return fmt.Errorf("backing up %s before upgrading it: %w", s.path, err)
			}
		}
		return db.Update(func(btx *bolt.Tx) error { return s.migrate(btx, schema) })
	})
}

func (s *Store) latest() uint64 { return uint64(len(s.migrations)) }

func (s *Store) checkFormat(btx *bolt.Tx) (uint64, error) {
	meta := btx.Bucket(bucketMeta)
	if meta == nil || string(meta.Get(keyFormat)) != formatMarker {
		return 0, &FileError{Path: s.path, Reason: ErrForeign,
			Detail: "is a database of another program, not a lumbar data file",
			Advice: "pass another file with --db"}
	}
	schema := readUint(meta, keySchema)
	if schema > s.latest() {
		return 0, &FileError{Path: s.path, Reason: ErrNewerSchema,
			Detail: fmt.Sprintf("was written by a newer lumbar (data schema %d; this lumbar knows up to %d)", schema, s.latest()),
			Advice: "update lumbar to open it"}
	}
	return schema, nil
}

// migrate applies every migration after schema, all in btx: either the
// file ends up at the newest schema or nothing changes.
func (s *Store) migrate(btx *bolt.Tx, schema uint64) error {
	meta := btx.Bucket(bucketMeta)
	for _, m := range s.migrations[schema:] {
		if err := m.apply(btx); err != nil {
			return fmt.Errorf("upgrading %s to schema %d (%s): %w", s.path, m.to, m.about, err)
		}
		if err := writeUint(meta, keySchema, m.to); err != nil {
			return err
		}
	}
	return bumpRevision(btx)
}

// backup keeps a copy of the file beside it, named after its schema.
func backup(db *bolt.DB, path string, schema uint64) error {
	return db.View(func(btx *bolt.Tx) error {
		return writeSnapshot(btx, BackupPath(path, schema, time.Now()))
	})
}

// BackupPath names the backup of path taken at schema version schema.
func BackupPath(path string, schema uint64, at time.Time) string {
	return fmt.Sprintf("%s.schema%d-%s.bak", path, schema, at.UTC().Format("20060102T150405Z"))
}
