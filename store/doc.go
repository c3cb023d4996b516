// Package store keeps lumbar's records in one local bbolt file: opening,
// locking and refusing files, migrations, meta, keys, backups, damaged
// records, the typed collections every record is written and read
// through (Pain, Water, Sessions, Checks: collection.go), and the queries
// that read them. What the records are and mean is package diary's.
//
// The file is opened for each transaction and closed right after it, so the
// TUI and any number of `lumbar` subcommands can share it: bbolt's file lock
// is exclusive, and nobody holds it between operations. Every write bumps a
// revision counter that the TUI polls to notice other processes' writes.
//
// Bucket layout (schema version 3):
//
//	root
//	├── meta                      lumbar's own bookkeeping
//	│   ├── format    = "lumbar"  marker: this file belongs to lumbar
//	│   ├── schema    = uint64    schema version (big-endian)
//	│   ├── revision  = uint64    bumped by every write (big-endian)
//	│   ├── last_write = JSON     the records the last write changed, before and after (undo.go)
//	│   └── settings/             setting name → JSON value (registry: diary/settings.go)
//	│       └── state.quiet_until  when quiet mode ends (JSON time; state, not a setting)
//	├── pain                      key → PainEntry (JSON)
//	├── sessions                  key → Session (JSON)
//	├── water                     key → WaterLog (JSON)
//	├── checks                    key → Check: a reminder done, snoozed or dismissed (JSON)
//	├── days                      day → that local day's records summed up (diary.DayTotals), schema 2
//	│                             key: the day number since 1970, 4 bytes big-endian, sign bit flipped;
//	│                             value: format byte 1, then unsigned varints: pain entries per rating
//	│                             0–10, what helped (count, then ID length, ID, entries), water ml, water
//	│                             logs, sessions, rated sessions, pain before sum, pain after sum,
//	│                             reminder answers, answers "done" per reminder kind (as what helped)
//	├── sync                      schema 3; empty but for its buckets until sync is set up (outbox.go)
//	│   ├── replica   = text      this file's replica ID, random, made by StartReplica
//	│   ├── clock     = JSON      the last hybrid logical clock reading (oplog.Clock)
//	│   ├── outbox/               sequence (8 bytes big-endian) → an operation not yet sent (oplog.Op, JSON)
//	│   ├── log_key   = text      this replica's log key (synclog.Key), secret
//	│   ├── passphrase = text     the diary's sync passphrase, secret (the file is 0600)
//	│   ├── sent      = uint64    where this replica's own log ends in a whole frame
//	│   ├── stamps/               bucket NUL ID, or NUL setting name → the winning operation's mark (JSON)
//	│   └── logs/                 another log's file name → its key and the byte to read on from (JSON)
//	└── quarantine                made by `lumbar check --repair` (Store.Repair); absent until then
//	    └── pain, water, …        key → the bytes of a record that could not be read, as they were
//
// Every record key is 16 bytes: the record's instant as 8-byte big-endian
// UTC nanoseconds, then 8 random bytes. Keys therefore sort by time, never
// collide, and double as the record's ID (its hex form), which makes import
// idempotent; a short ID is the shortest prefix, at least 7 hex digits, no
// other record shares (shortid.go). Values are JSON with explicit field names; each keeps the UTC
// instant and the UTC offset it was made at, so its "day" is the calendar
// day where the person was.
//
// The days bucket is kept by putItem and deleteItem, the two functions
// every write of a record goes through: a record's day totals change in
// the same transaction as the record (see totals.go), so statistics read
// a small value per day and never decode a year of records. Schema 2
// brought it in: the migration sums up every record of a schema-1 file
// (after the usual backup); Repair counts every day again after setting
// damaged records aside.
package store
