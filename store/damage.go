package store

import (
	"fmt"
	"os"
	"runtime"
	"syscall"
	"unicode/utf8"

	"lumbar/store/text"

	bolt "go.etcd.io/bbolt"
)

// Damage to the file reaches lumbar in three ways, and each ends in the
// same one-line ErrCorrupt refusal, with the file left as it was:
//
//   - bbolt panics on some kinds of damaged pages;
//   - bbolt reads the file through a memory map, so a page number that
//     points past the end of the file (a truncated file, a flipped byte)
//     is a memory fault, which the Go runtime treats as fatal unless the
//     goroutine asked for a panic instead (debug.SetPanicOnFault, set by
//     withDB around every operation);
//   - the check of every page that Open makes (checkPages) finds it.

// recoverDamage, deferred by withDB, turns a panic inside bbolt (or a
// fault made into one) into the refusal. bbolt may have stopped half-way
// while holding its own locks, so db.Close could wait for ever: the lock
// on the file is released and the descriptor closed here instead, and the
// memory map is left until the process ends (it keeps the open file, so
// closing alone would not release the lock). The handle refuses every
// later operation, so this happens at most once per handle.
func recoverDamage(s *Store, file **os.File, err *error) {
	r := recover()
	if r == nil {
		return
	}
	if *file != nil {
		_ = syscall.Flock(int((*file).Fd()), syscall.LOCK_UN)
		(*file).Close()
	}
	*err = s.markDamaged(describeDamage(r))
}

// describeDamage says in a few words what bbolt met.
func describeDamage(cause any) string {
	if fault, ok := cause.(interface{ Addr() uintptr }); ok && fault.Addr() != 0 {
		return "a page lies outside the file"
	}
	if _, ok := cause.(runtime.Error); ok {
		return "a page does not make sense"
	}
	return fmt.Sprint(cause)
}

// maxDamageDetail bounds the detail quoted in the refusal: bbolt's messages
// can quote whole keys.
const maxDamageDetail = 120

// markDamaged records that the file is damaged: from then on this handle
// refuses every operation.
func (s *Store) markDamaged(detail string) error {
	detail = text.Printable(detail)
	if utf8.RuneCountInString(detail) > maxDamageDetail {
		detail = string([]rune(detail)[:maxDamageDetail]) + "…"
	}
	fe := &FileError{Path: s.path, Reason: ErrCorrupt,
		Detail: fmt.Sprintf("is damaged (%s)", detail), Advice: "restore it from a backup; lumbar will not write to it"}
	s.damaged.Store(fe)
	return fe
}

// checkLength refuses a file shorter than the pages its header counts: it
// was cut short (a full disk during a copy, a truncate), and reading the
// missing pages would fault.
func (s *Store) checkLength(btx *bolt.Tx, file *os.File) error {
	info, err := file.Stat()
	if err != nil {
		return err
	}
	if want := btx.Size(); info.Size() < want {
		return s.markDamaged(fmt.Sprintf("it is %d bytes long but its pages need %d: it was cut short", info.Size(), want))
	}
	return nil
}

// checkPages walks every page of the file: see checkFile.
func (s *Store) checkPages(how pageCheck) error {
	return s.withDB(reading, func(db *bolt.DB, file *os.File) error {
		return db.View(func(btx *bolt.Tx) error { return s.checkFile(btx, file, how) })
	})
}

// CheckPages checks every page of the file as opening it does, then
// again with bbolt's own consistency check: for lumbar check, where a
// person asked for every check there is. A damaged file is the
// ErrCorrupt refusal, and the handle refuses everything after.
func (s *Store) CheckPages() error { return s.checkPages(withBoltCheck) }

// pageCheck says how far checkFile goes.
type pageCheck int

const (
	// lumbarCheck is checkStructure alone: what every open for writing,
	// and every write into a file changed by someone else, runs.
	lumbarCheck pageCheck = iota
	// withBoltCheck adds bbolt's Tx.Check, which checks what
	// checkStructure does again, its own way, at more than its cost.
	withBoltCheck
)

// checkFile checks the file's length and walks its pages
// (checkStructure), and with withBoltCheck runs bbolt's consistency check
// after, which reads only what the walk found sound. A file that passes
// is remembered as verified, by its size and modification time.
func (s *Store) checkFile(btx *bolt.Tx, file *os.File, how pageCheck) error {
	if err := s.checkLength(btx, file); err != nil {
		return err
	}
	if err := checkStructure(btx, file); err != nil {
		return s.markDamaged(err.Error())
	}
	if how == withBoltCheck {
		var first error
		for err := range btx.Check() { // drained whole, or its goroutine would hold the transaction
			if first == nil {
				first = err
			}
		}
		if first != nil {
			return s.markDamaged(first.Error())
		}
	}
	return s.noteVerified(file)
}

// checkBeforeWriting is run by every write, under the exclusive lock,
// before anything is written: a file changed since it was last verified
// (by another lumbar, or by damage from outside while this one was open)
// is checked again whole. A file this handle wrote last, or verified
// last, costs one stat.
func (s *Store) checkBeforeWriting(db *bolt.DB, file *os.File) error {
	info, err := file.Stat()
	if err != nil {
		return err
	}
	if v := s.verified.Load(); v != nil && unchanged(*v, info) {
		return nil
	}
	return db.View(func(btx *bolt.Tx) error { return s.checkFile(btx, file, lumbarCheck) })
}

// unchanged tells whether then and now are the same file with the same
// contents: any write changes the modification time (to the nanosecond on
// Linux since 6.13 once the time was read, as noteVerified does; older
// kernels tick every few milliseconds).
func unchanged(then, now os.FileInfo) bool {
	return os.SameFile(then, now) && then.Size() == now.Size() && then.ModTime().Equal(now.ModTime())
}

// noteVerified remembers the file as it is now as sound: this handle
// checked it, or has just written it under the exclusive lock.
func (s *Store) noteVerified(file *os.File) error {
	info, err := file.Stat()
	if err != nil {
		return err
	}
	s.verified.Store(&info)
	return nil
}
