package synclog

import (
	"encoding/json"
	"errors"
	"fmt"
	"os"
	"reflect"
	"strings"
	"testing"

	"lumbar/store/oplog"
)

func TestMain(m *testing.M) {
	WorkFactor = 10 // scrypt at full cost takes a second per key: the format is what is tested here
	os.Exit(m.Run())
}

func mustKey(t *testing.T) Key {
	t.Helper()
	k, err := NewKey()
	if err != nil {
		t.Fatal(err)
	}
	return k
}

func opsNumbered(first, n int) []oplog.Op {
	ops := make([]oplog.Op, n)
	for i := range ops {
		ops[i] = oplog.Op{Stamp: oplog.Stamp{Clock: oplog.Clock{Wall: int64(first + i)}, Replica: "AAAA"},
			Kind: oplog.Put, Bucket: "water", ID: fmt.Sprint(first + i), Value: json.RawMessage(`{"ml":250}`)}
	}
	return ops
}

// logOf is a whole log: header and a frame per batch.
func logOf(t *testing.T, k Key, passphrase string, batches ...[]oplog.Op) []byte {
	t.Helper()
	data, err := Header(k, passphrase)
	if err != nil {
		t.Fatal(err)
	}
	for _, ops := range batches {
		frame, err := Frame(k, ops)
		if err != nil {
			t.Fatal(err)
		}
		data = append(data, frame...)
	}
	return data
}

// openLog reads a whole log as a new reader would.
func openLog(t *testing.T, data []byte, passphrase string) (Key, Opened) {
	t.Helper()
	h, complete, err := ReadHeader(data)
	if err != nil || !complete {
		t.Fatalf("header: complete %v, %v", complete, err)
	}
	k, err := Unwrap(h.Wrapped, passphrase)
	if err != nil {
		t.Fatal(err)
	}
	return k, h
}

func TestLogRoundTrip(t *testing.T) {
	k := mustKey(t)
	batches := [][]oplog.Op{opsNumbered(0, 3), opsNumbered(3, 1)}
	data := logOf(t, k, "correct horse", batches...)
	got, h := openLog(t, data, "correct horse")
	frames, next, err := ReadFrames(data, h.Frames, got)
	if err != nil || next != len(data) || !reflect.DeepEqual(frames, batches) {
		t.Fatalf("frames %v, next %d of %d, %v", frames, next, len(data), err)
	}
	if strings.Contains(string(data), "water") || strings.Contains(string(data), k.String()) {
		t.Error("the log shows an operation or its key in the clear")
	}
}

// cutsOf is where to cut a log to test torn reads: every byte of the
// header, and around and inside each frame (every byte of a frame would
// make the test slow, and the bytes inside one are alike to the reader).
func cutsOf(t *testing.T, k Key, batches [][]oplog.Op) []int {
	var cuts []int
	start := len(logOf(t, k, "pass"))
	for cut := 0; cut <= start+5; cut++ {
		cuts = append(cuts, cut)
	}
	for i := range batches {
		end := len(logOf(t, k, "pass", batches[:i+1]...))
		cuts = append(cuts, start+1, start+3, start+4, start+5, (start+end)/2, end-1, end)
		start = end
	}
	return cuts
}

// A log cut anywhere (a sync tool copying it half) reads up to its last
// whole frame, and the rest is read once it has arrived, from where the
// first read stopped; nothing twice, nothing lost.
func TestTornFramesAreReadLater(t *testing.T) {
	k := mustKey(t)
	batches := [][]oplog.Op{opsNumbered(0, 2), opsNumbered(2, 2), opsNumbered(4, 1)}
	whole := logOf(t, k, "pass", batches...)
	key, h := openLog(t, whole, "pass")
	for _, cut := range cutsOf(t, k, batches) {
		part := whole[:cut]
		from := 0
		hp, complete, err := ReadHeader(part)
		if err != nil {
			t.Fatalf("cut at %d: header: %v", cut, err)
		}
		var first [][]oplog.Op
		if complete {
			if hp.Frames != h.Frames {
				t.Fatalf("cut at %d: frames begin at %d, not %d", cut, hp.Frames, h.Frames)
			}
			if first, from, err = ReadFrames(part, hp.Frames, key); err != nil {
				t.Fatalf("cut at %d: %v", cut, err)
			}
		} else {
			from = h.Frames
		}
		rest, next, err := ReadFrames(whole, from, key)
		if err != nil || next != len(whole) {
			t.Fatalf("cut at %d: the rest: next %d, %v", cut, next, err)
		}
		if got := append(first, rest...); !reflect.DeepEqual(got, batches) {
			t.Fatalf("cut at %d: read %v then %v", cut, first, rest)
		}
	}
}

func TestWrongPassphraseIsRefused(t *testing.T) {
	data := logOf(t, mustKey(t), "right", opsNumbered(0, 1))
	h, _, _ := ReadHeader(data)
	_, err := Unwrap(h.Wrapped, "wrong")
	if !errors.Is(err, ErrWrongPassphrase) || strings.Contains(err.Error(), "\n") {
		t.Errorf("Unwrap with a wrong passphrase = %v", err)
	}
}

// A frame of another replica's key (a file from another diary dropped
// into the folder) or flipped bits are damage, said once, and nothing of
// them is read.
func TestDamagedFrameIsRefused(t *testing.T) {
	k := mustKey(t)
	data := logOf(t, k, "pass", opsNumbered(0, 1))
	key, h := openLog(t, data, "pass")
	data[len(data)-5] ^= 0x40
	frames, next, err := ReadFrames(data, h.Frames, key)
	if !errors.Is(err, ErrDamaged) || len(frames) != 0 || next != h.Frames || strings.Contains(err.Error(), "\n") {
		t.Errorf("a flipped bit: %d frames, next %d, %v", len(frames), next, err)
	}
	foreign, _ := Frame(mustKey(t), opsNumbered(1, 1))
	mixed := append(logOf(t, k, "pass", opsNumbered(0, 1)), foreign...)
	if frames, _, err := ReadFrames(mixed, h.Frames, key); !errors.Is(err, ErrDamaged) || len(frames) != 1 {
		t.Errorf("a foreign frame: %d frames, %v", len(frames), err)
	}
	huge := append(logOf(t, k, "pass"), 0xff, 0xff, 0xff, 0xff)
	if _, _, err := ReadFrames(huge, h.Frames, key); !errors.Is(err, ErrDamaged) {
		t.Errorf("a length of 4 GiB: %v", err)
	}
}

func TestNewerFormatAndOtherFilesAreRefused(t *testing.T) {
	newer := append([]byte("lumbar-sync 2\n"), logOf(t, mustKey(t), "pass")[len("lumbar-sync 1\n"):]...)
	if _, _, err := ReadHeader(newer); !errors.Is(err, ErrNewerFormat) || !strings.Contains(err.Error(), "format 2") {
		t.Errorf("a newer log: %v", err)
	}
	for _, other := range []string{"hello\n", "lumbar-sync x\n", "lumbar-sync 0\n", strings.Repeat("lumbar", 10)} {
		if _, _, err := ReadHeader([]byte(other)); !errors.Is(err, ErrNotALog) {
			t.Errorf("%q: %v", other, err)
		}
	}
	for _, torn := range []string{"", "lum", "lumbar-sync ", "lumbar-sync 1"} {
		if _, complete, err := ReadHeader([]byte(torn)); err != nil || complete {
			t.Errorf("torn header %q: complete %v, %v", torn, complete, err)
		}
	}
}

// Copies a sync tool made of a log are read as extra logs of the same
// replica; temporary files and strangers are not read.
func TestConflictCopiesAreExtraLogs(t *testing.T) {
	got := LogFiles([]string{
		"ABC234.log",
		"ABC234.sync-conflict-20261202-101500-XYZ1234.log",
		"ABC234 (conflicted copy 2026-12-02 101500).log",
		"DEF567 (Anna's conflicted copy 2026-12-02).log",
		".syncthing.ABC234.log.tmp",
		"ABC234.log.part",
		"notes.txt",
		"abc.log",
		"ABC234x.log",
	})
	want := []LogFile{
		{Name: "ABC234.log", Replica: "ABC234"},
		{Name: "ABC234.sync-conflict-20261202-101500-XYZ1234.log", Replica: "ABC234", Copy: true},
		{Name: "ABC234 (conflicted copy 2026-12-02 101500).log", Replica: "ABC234", Copy: true},
		{Name: "DEF567 (Anna's conflicted copy 2026-12-02).log", Replica: "DEF567", Copy: true},
	}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("LogFiles = %+v\nwant %+v", got, want)
	}
	if FileName("ABC234") != "ABC234.log" {
		t.Error(FileName("ABC234"))
	}
}

// Measure counts a log's whole frames without a key, and stops before a
// torn one.
func TestMeasureCountsWholeFrames(t *testing.T) {
	k := mustKey(t)
	batches := [][]oplog.Op{opsNumbered(0, 2), opsNumbered(2, 1)}
	data := logOf(t, k, "pass", batches...)
	h, _, _ := ReadHeader(data)
	lastStart := len(logOf(t, k, "pass", batches[0]))
	for _, c := range []struct {
		cut  int
		want Extent
	}{
		{len(data), Extent{Frames: 2, Last: lastStart, End: len(data)}},
		{len(data) - 1, Extent{Frames: 1, Last: h.Frames, End: lastStart}},
		{h.Frames, Extent{Frames: 0, Last: -1, End: h.Frames}},
	} {
		got, err := Measure(data[:c.cut], h.Frames)
		if err != nil || got != c.want {
			t.Errorf("cut at %d: %+v, %v; want %+v", c.cut, got, err, c.want)
		}
	}
	if _, err := Measure(append(data, 0xff, 0xff, 0xff, 0xff), h.Frames); !errors.Is(err, ErrDamaged) {
		t.Errorf("a length of 4 GiB: %v", err)
	}
}

// ReadFramesWithin takes a long log a part at a time: whole frames, one
// at least, stopping once a part holds the budget; read on from next,
// the parts are the whole log.
func TestReadFramesWithinReadsAPartAtATime(t *testing.T) {
	k := mustKey(t)
	batches := [][]oplog.Op{opsNumbered(0, 3), opsNumbered(3, 1), opsNumbered(4, 2), opsNumbered(6, 5)}
	data := logOf(t, k, "pass", batches...)
	got, h := openLog(t, data, "pass")
	frame0 := len(logOf(t, k, "pass", batches[0])) - h.Frames
	// perPart: the frames of the first part.
	for _, c := range []struct{ budget, perPart int }{{1, 1}, {frame0, 1}, {frame0 + 1, 2}, {len(data), 4}} {
		var parts, all [][]oplog.Op
		for at := h.Frames; ; {
			frames, next, err := ReadFramesWithin(data, at, got, c.budget)
			if err != nil {
				t.Fatal(err)
			}
			if len(frames) == 0 {
				break
			}
			if at == h.Frames && len(frames) != c.perPart {
				t.Errorf("budget %d: a first part of %d frames, want %d", c.budget, len(frames), c.perPart)
			}
			if c.budget == 1 && len(frames) != 1 {
				t.Errorf("budget 1: a part of %d frames, want 1", len(frames))
			}
			parts = append(parts, frames...)
			all, at = parts, next
		}
		if !reflect.DeepEqual(all, batches) {
			t.Errorf("budget %d: the parts hold %v", c.budget, all)
		}
	}
}
