// Package oplog is the pure part of sync: the operations a replica
// records for every synced write, the hybrid logical clock that orders
// them, and the rule by which replicas merge them. It knows nothing of
// files or bbolt (package store keeps the outbox, in the same transaction
// as each write) and nothing of terminals.
//
// The merge rule is last-writer-wins per target (a record, by its bucket
// and ID; a setting, by its name): of all operations on a target the one
// with the greatest Stamp wins, a delete being a tombstone that wins over
// older puts like any other operation. Greatest is a total order (clock,
// then replica ID, then the operation's own bytes), so merging is taking
// a maximum: commutative, associative and idempotent, whatever order and
// however often operations arrive.
package oplog
