package synclog

import (
	"errors"
	"reflect"
	"strings"
	"testing"
)

// snapshotOf is a snapshot written as a replica writes one: its key
// wrapped as in the header of its log.
func snapshotOf(t *testing.T, k Key, log []byte, covers []Covered) []byte {
	t.Helper()
	h, _, err := ReadHeader(log)
	if err != nil {
		t.Fatal(err)
	}
	data, err := Snapshot(h.Wrapped, k, covers, opsNumbered(0, 3))
	if err != nil {
		t.Fatal(err)
	}
	return data
}

func TestSnapshotRoundTrip(t *testing.T) {
	k := mustKey(t)
	log := logOf(t, k, "pass", opsNumbered(0, 1))
	covers := []Covered{{Log: "ABC234.log", At: len(log)}, {Log: "DEF567.sync-conflict-20261202-101500-XYZ1234.log", At: 99}}
	data := snapshotOf(t, k, log, covers)
	h, complete, err := ReadHeader(data)
	if err != nil || !complete {
		t.Fatalf("header: %v %v", complete, err)
	}
	key, err := Unwrap(h.Wrapped, "pass")
	if err != nil || key.String() != k.String() {
		t.Fatalf("the snapshot's key: %v", err)
	}
	opened, err := OpenSnapshot(data, h, key)
	if err != nil || !reflect.DeepEqual(opened.Covers, covers) {
		t.Fatalf("covers %+v, %v", opened.Covers, err)
	}
	state, err := opened.State()
	if err != nil || !reflect.DeepEqual(state, opsNumbered(0, 3)) {
		t.Fatalf("state %v, %v", state, err)
	}
	if opened.StateSize() <= 0 || opened.StateSize() >= len(data) {
		t.Errorf("state size %d of %d bytes", opened.StateSize(), len(data))
	}
	if strings.Contains(string(data), "water") || strings.Contains(string(data), "ABC234") {
		t.Error("the snapshot shows an operation or a log's name in the clear")
	}
}

// A snapshot cut anywhere (half-copied) is never read as a whole one:
// its header is incomplete, or it is ErrCutShort.
func TestCutSnapshotIsCutShort(t *testing.T) {
	k := mustKey(t)
	log := logOf(t, k, "pass")
	data := snapshotOf(t, k, log, []Covered{{Log: "ABC234.log", At: len(log)}})
	for cut := range len(data) {
		h, complete, err := ReadHeader(data[:cut])
		if err != nil {
			t.Fatalf("cut at %d: header: %v", cut, err)
		}
		if !complete {
			continue
		}
		if _, err := OpenSnapshot(data[:cut], h, k); !errors.Is(err, ErrCutShort) {
			t.Fatalf("cut at %d of %d: %v", cut, len(data), err)
		}
	}
}

func TestDamagedSnapshotIsRefused(t *testing.T) {
	k := mustKey(t)
	log := logOf(t, k, "pass")
	good := snapshotOf(t, k, log, []Covered{{Log: "ABC234.log", At: 1}})
	h, _, _ := ReadHeader(good)
	flipped := append([]byte(nil), good...)
	flipped[h.Frames+40] ^= 0x40
	foreign := snapshotOf(t, mustKey(t), log, nil) // another key, under this log's wrapped one
	longer := append(append([]byte(nil), good...), 0, 0, 0, 0)
	stranger := snapshotOf(t, k, log, []Covered{{Log: "../../secret", At: 1}})
	backwards := snapshotOf(t, k, log, []Covered{{Log: "ABC234.log", At: -1}})
	for name, data := range map[string][]byte{"a flipped bit": flipped, "another key": foreign, "bytes after it": longer,
		"a path for a log": stranger, "a negative offset": backwards} {
		if _, err := OpenSnapshot(data, h, k); !errors.Is(err, ErrDamaged) || strings.Contains(err.Error(), "\n") {
			t.Errorf("%s: %v", name, err)
		}
	}
	stateFlipped := append([]byte(nil), good...)
	stateFlipped[len(stateFlipped)-5] ^= 0x40
	opened, err := OpenSnapshot(stateFlipped, h, k)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := opened.State(); !errors.Is(err, ErrDamaged) {
		t.Errorf("a flipped bit in the state: %v", err)
	}
}

func TestSkipToStopsAtAFrameBoundary(t *testing.T) {
	k := mustKey(t)
	header := logOf(t, k, "pass")
	one := logOf(t, k, "pass", opsNumbered(0, 1))
	two := logOf(t, k, "pass", opsNumbered(0, 1), opsNumbered(1, 2))
	from := len(header)
	for _, c := range []struct {
		name          string
		data          []byte
		covered, want int
		ok            bool
	}{
		{"nothing covered", two, from, from, true},
		{"the first frame", two, len(one), len(one), true},
		{"the whole log", two, len(two), len(two), true},
		{"inside a frame", two, len(one) + 3, from, false},
		{"before the frames", two, from - 1, from, false},
		{"a log here shorter than covered", one, len(two), len(one), true},
		{"a log here torn inside its second frame", two[:len(two)-2], len(two), len(one), true},
	} {
		if at, ok := SkipTo(c.data, from, c.covered); at != c.want || ok != c.ok {
			t.Errorf("%s: SkipTo = %d, %v; want %d, %v", c.name, at, ok, c.want, c.ok)
		}
	}
}

func TestSnapshotNames(t *testing.T) {
	got := SnapshotFiles([]string{"ABC234.snap", "ABC234.log", SnapshotTemporary("ABC234"), "ABC234.sync-conflict-20261202-101500-XYZ1234.snap", "abc.snap"})
	want := []LogFile{
		{Name: "ABC234.snap", Replica: "ABC234"},
		{Name: "ABC234.sync-conflict-20261202-101500-XYZ1234.snap", Replica: "ABC234", Copy: true},
	}
	if !reflect.DeepEqual(got, want) || SnapshotName("ABC234") != "ABC234.snap" {
		t.Errorf("SnapshotFiles = %+v", got)
	}
	if logs := LogFiles([]string{SnapshotTemporary("ABC234"), "ABC234.snap"}); len(logs) != 0 {
		t.Errorf("a snapshot read as a log: %+v", logs)
	}
}

// A state bigger than a reader takes is not written as a snapshot that
// every reader would then pass over as damaged.
func TestTooBigASnapshotIsNotWritten(t *testing.T) {
	k := mustKey(t)
	log := logOf(t, k, "pass")
	h, _, _ := ReadHeader(log)
	small, err := Snapshot(h.Wrapped, k, nil, opsNumbered(0, 3))
	if err != nil {
		t.Fatal(err)
	}
	old := maxBlock
	defer func() { maxBlock = old }()
	opened, err := OpenSnapshot(small, h, k)
	if err != nil {
		t.Fatal(err)
	}
	maxBlock = opened.StateSize() - 1 // the state of small no longer fits
	if _, err := Snapshot(h.Wrapped, k, nil, opsNumbered(0, 3)); !errors.Is(err, ErrTooBig) {
		t.Errorf("a state past maxBlock: %v", err)
	}
}
