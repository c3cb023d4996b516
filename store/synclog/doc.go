// Package synclog is the format of a replica's log in the sync folder,
// DIR/lumbar/<replica>.log: append-only, written by that replica alone,
// so the tool that carries the folder never sees two computers write one
// file. It knows nothing of bbolt or terminals.
//
// A log is a header, then frames:
//
//	lumbar-sync <version>\n
//	<length, 4 bytes big-endian><the replica's key, age-encrypted with the passphrase>
//	<length, 4 bytes big-endian><a frame: a JSON array of operations, age-encrypted to that key>
//	...
//
// Why a key per replica rather than the passphrase on each frame: age's
// passphrase encryption runs scrypt, about a second of work and 256 MiB
// of memory by design, which is right once but not for every frame. So a
// replica makes a random age key (hybrid, post-quantum) when it starts its
// log and keeps it, encrypted with the passphrase, in its own log's header;
// frames are encrypted to that key, cheaply. A reader pays scrypt once per
// replica (its caller keeps the key it unwrapped) and nothing per frame.
// A frame holds the operations of one sync run, so a frame's overhead
// (about 1.7 KB of age header, measured) is paid per run, not per operation.
//
// A replica may also write a snapshot of what it holds beside its log
// (snapshot.go), so a new computer need not replay every frame.
//
// A log half-copied by a sync tool ends in a torn frame: ReadFrames
// stops before it and says where, so the next sync reads on from there.
package synclog
