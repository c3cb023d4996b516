package synclog

import (
	"bytes"
	"encoding/binary"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"strconv"

	"filippo.io/age"

	"lumbar/store/oplog"
)

// Version is the newest log format this lumbar reads and the one it
// writes.
const Version = 1

const magic = "lumbar-sync "

// maxBlock bounds one block (the wrapped key, a frame, a snapshot's
// state): a length beyond it is damage, not a reason to allocate
// gigabytes. Tests lower it.
var maxBlock = 64 << 20

// WorkFactor is scrypt's cost (log2 of N) for wrapping a replica's key
// with the passphrase: age's own default. Tests lower it.
var WorkFactor = 18

// Errors a reader tells apart.
var (
	// ErrWrongPassphrase: the passphrase does not open the log's key.
	ErrWrongPassphrase = errors.New("the passphrase does not open this diary's sync files: it is not the one they were made with")
	// ErrNewerFormat: the log was written by a newer lumbar.
	ErrNewerFormat = errors.New("written by a newer lumbar: update lumbar to sync with it")
	// ErrNotALog: the file is not a lumbar sync log.
	ErrNotALog = errors.New("not a lumbar sync log")
	// ErrDamaged: a whole frame or header that cannot be read.
	ErrDamaged = errors.New("damaged")
)

// Key is the key a replica's frames are encrypted to.
type Key struct{ id *age.HybridIdentity }

// NewKey makes a random key for a new log.
func NewKey() (Key, error) {
	id, err := age.GenerateHybridIdentity()
	return Key{id}, err
}

// ParseKey reads a key as String wrote it.
func ParseKey(s string) (Key, error) {
	id, err := age.ParseHybridIdentity(s)
	return Key{id}, err
}

// String is the key's secret text, for its owner to keep.
func (k Key) String() string { return k.id.String() }

// Header starts a new log: the format line and k wrapped with the
// passphrase.
func Header(k Key, passphrase string) ([]byte, error) {
	r, err := age.NewScryptRecipient(passphrase)
	if err != nil {
		return nil, err
	}
	r.SetWorkFactor(WorkFactor)
	wrapped, err := encrypt([]byte(k.String()), r)
	if err != nil {
		return nil, err
	}
	return headerOf(wrapped), nil
}

// headerOf is the header of a file of this format holding the key
// wrapped.
func headerOf(wrapped []byte) []byte {
	return appendBlock([]byte(magic+strconv.Itoa(Version)+"\n"), wrapped)
}

// Frame is the bytes to append to a log to add ops to it, encrypted to k.
func Frame(k Key, ops []oplog.Op) ([]byte, error) { return sealedBlock(k, ops) }

// sealedBlock is v as JSON, encrypted to k, as a block.
func sealedBlock(k Key, v any) ([]byte, error) {
	plain, err := json.Marshal(v)
	if err != nil {
		return nil, err
	}
	sealed, err := encrypt(plain, k.id.Recipient())
	if err != nil {
		return nil, err
	}
	return appendBlock(nil, sealed), nil
}

func encrypt(plain []byte, r age.Recipient) ([]byte, error) {
	var out bytes.Buffer
	w, err := age.Encrypt(&out, r)
	if err != nil {
		return nil, err
	}
	if _, err := w.Write(plain); err != nil {
		return nil, err
	}
	if err := w.Close(); err != nil {
		return nil, err
	}
	return out.Bytes(), nil
}

func appendBlock(dst, block []byte) []byte {
	dst = binary.BigEndian.AppendUint32(dst, uint32(len(block)))
	return append(dst, block...)
}

// block reads the block at off in data: its contents and where the next
// begins. ok is false when data ends before the block does (a torn
// block, or none at all).
func block(data []byte, off int) (contents []byte, next int, ok bool, err error) {
	if len(data)-off < 4 {
		return nil, off, false, nil
	}
	n := int(binary.BigEndian.Uint32(data[off:]))
	if n > maxBlock {
		return nil, off, false, fmt.Errorf("a block of %d bytes at byte %d: %w", n, off, ErrDamaged)
	}
	if len(data)-off-4 < n {
		return nil, off, false, nil
	}
	return data[off+4 : off+4+n], off + 4 + n, true, nil
}

// Opened is a log's header, read.
type Opened struct {
	// Wrapped is the replica's key, still wrapped with the passphrase.
	Wrapped []byte
	// Frames is where the first frame begins.
	Frames int
}

// ReadHeader reads the header of a log. complete is false when the file
// ends inside it (a log half-copied: read it again later).
func ReadHeader(data []byte) (h Opened, complete bool, err error) {
	line := bytes.IndexByte(data, '\n')
	if line < 0 {
		if len(data) > 0 && !bytes.HasPrefix([]byte(magic), data[:min(len(data), len(magic))]) {
			return h, false, ErrNotALog
		}
		if len(data) > len(magic)+10 {
			return h, false, ErrNotALog
		}
		return h, false, nil
	}
	version, found := bytes.CutPrefix(data[:line], []byte(magic))
	if !found {
		return h, false, ErrNotALog
	}
	v, err := strconv.Atoi(string(version))
	switch {
	case err != nil || v < 1:
		return h, false, ErrNotALog
	case v > Version:
		return h, false, fmt.Errorf("sync format %d, this lumbar reads up to %d: %w", v, Version, ErrNewerFormat)
	}
	wrapped, next, ok, err := block(data, line+1)
	if err != nil || !ok {
		return h, false, err
	}
	return Opened{Wrapped: wrapped, Frames: next}, true, nil
}

// Unwrap opens a log's key with the passphrase: ErrWrongPassphrase when
// it is not the one the log was made with. This is the slow step (scrypt).
func Unwrap(wrapped []byte, passphrase string) (Key, error) {
	id, err := age.NewScryptIdentity(passphrase)
	if err != nil {
		return Key{}, err
	}
	id.SetMaxWorkFactor(max(WorkFactor, 22))
	plain, err := decrypt(wrapped, id)
	var mismatch *age.NoIdentityMatchError
	if errors.As(err, &mismatch) {
		return Key{}, ErrWrongPassphrase
	}
	if err != nil {
		return Key{}, fmt.Errorf("the key in the header: %v: %w", err, ErrDamaged)
	}
	k, err := ParseKey(string(plain))
	if err != nil {
		return Key{}, fmt.Errorf("the key in the header: %v: %w", err, ErrDamaged)
	}
	return k, nil
}

func decrypt(sealed []byte, id age.Identity) ([]byte, error) {
	r, err := age.Decrypt(bytes.NewReader(sealed), id)
	if err != nil {
		return nil, err
	}
	return io.ReadAll(r)
}

// ReadFrames reads the whole frames of a log from byte from (a log's
// Frames, or where the last read stopped) with the log's key: their
// operations, in order, and where the next read begins. A torn last frame
// is left for next time; a whole frame that does not open, or holds
// malformed operations, is ErrDamaged, and nothing after it is read.
func ReadFrames(data []byte, from int, k Key) (frames [][]oplog.Op, next int, err error) {
	return ReadFramesWithin(data, from, k, len(data))
}

// ReadFramesWithin is ReadFrames that stops, at a frame's end, once the
// frames it read hold budget bytes or more (it reads one frame at least):
// a reader that takes a long log in a part at a time calls it again from
// next.
func ReadFramesWithin(data []byte, from int, k Key, budget int) (frames [][]oplog.Op, next int, err error) {
	next = from
	for next-from < budget || len(frames) == 0 {
		sealed, after, ok, err := block(data, next)
		if err != nil || !ok {
			return frames, next, err
		}
		ops, err := openFrame(sealed, k)
		if err != nil {
			return frames, next, fmt.Errorf("the frame at byte %d: %v: %w", next, err, ErrDamaged)
		}
		frames = append(frames, ops)
		next = after
	}
	return frames, next, nil
}

// openFrame decrypts and reads a frame.
func openFrame(sealed []byte, k Key) ([]oplog.Op, error) {
	var ops []oplog.Op
	if err := openSealed(sealed, k, &ops); err != nil {
		return nil, err
	}
	for _, op := range ops {
		if err := op.Check(); err != nil {
			return nil, fmt.Errorf("holds a bad operation (%v)", err)
		}
	}
	return ops, nil
}

// openSealed decrypts sealed with k and reads the JSON it holds into v.
// Its errors say what is wrong in a few words: age's own quote the
// damaged bytes.
func openSealed(sealed []byte, k Key, v any) error {
	plain, err := decrypt(sealed, k.id)
	if err != nil {
		return errors.New("does not open with its key")
	}
	if err := json.Unmarshal(plain, v); err != nil {
		return errors.New("does not hold what it should")
	}
	return nil
}

// Extent is what a log holds from a byte on, told by the frames' lengths
// alone: nothing is decrypted, so no key is needed.
type Extent struct {
	Frames int // whole frames
	Last   int // where the last whole frame begins; -1 when there is none
	End    int // where the whole frames end: a torn frame may follow
}

// Measure walks the frames of data from byte from; ErrDamaged when a
// length cannot be a frame's.
func Measure(data []byte, from int) (Extent, error) {
	e := Extent{Last: -1, End: from}
	for {
		_, next, ok, err := block(data, e.End)
		if err != nil || !ok {
			return e, err
		}
		e.Frames++
		e.Last, e.End = e.End, next
	}
}
