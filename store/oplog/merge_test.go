package oplog

import (
	"encoding/json"
	"fmt"
	"math/rand/v2"
	"reflect"
	"testing"
	"time"
)

// randomOps makes n operations on a few targets by three replicas, with
// clocks that often tie, so every rule of the order is exercised.
func randomOps(r *rand.Rand, n int) []Op {
	replicas := []string{"a", "b", "c"}
	ops := make([]Op, n)
	for i := range ops {
		st := Stamp{Clock: Clock{Wall: int64(r.IntN(4)), Logical: uint32(r.IntN(2))}, Replica: replicas[r.IntN(3)]}
		value := json.RawMessage(fmt.Sprintf(`{"v":%d}`, r.IntN(3)))
		switch r.IntN(3) {
		case 0:
			ops[i] = Op{Stamp: st, Kind: Put, Bucket: "pain", ID: fmt.Sprint(r.IntN(3)), Value: value}
		case 1:
			ops[i] = Op{Stamp: st, Kind: Delete, Bucket: "pain", ID: fmt.Sprint(r.IntN(3))}
		default:
			ops[i] = Op{Stamp: st, Kind: Set, Setting: fmt.Sprint("s", r.IntN(2)), Value: value}
		}
	}
	return ops
}

func stateOf(ops []Op) State {
	s := State{}
	for _, op := range ops {
		s.Apply(op)
	}
	return s
}

func TestMergeIsCommutativeAssociativeIdempotent(t *testing.T) {
	r := rand.New(rand.NewPCG(1, 2))
	for round := range 2000 {
		a, b, c := stateOf(randomOps(r, r.IntN(8))), stateOf(randomOps(r, r.IntN(8))), stateOf(randomOps(r, r.IntN(8)))
		if ab, ba := Merge(a, b), Merge(b, a); !reflect.DeepEqual(ab, ba) {
			t.Fatalf("round %d: not commutative:\n%v\n%v", round, ab, ba)
		}
		if left, right := Merge(Merge(a, b), c), Merge(a, Merge(b, c)); !reflect.DeepEqual(left, right) {
			t.Fatalf("round %d: not associative:\n%v\n%v", round, left, right)
		}
		if aa := Merge(a, a); !reflect.DeepEqual(aa, a) {
			t.Fatalf("round %d: not idempotent:\n%v\n%v", round, aa, a)
		}
	}
}

// Operations applied in any order, any of them more than once, leave the
// same state.
func TestApplyOrderAndDuplicatesDoNotMatter(t *testing.T) {
	r := rand.New(rand.NewPCG(3, 4))
	for round := range 2000 {
		ops := randomOps(r, 1+r.IntN(12))
		want := stateOf(ops)
		shuffled := append(append([]Op(nil), ops...), ops[:r.IntN(len(ops))]...)
		r.Shuffle(len(shuffled), func(i, j int) { shuffled[i], shuffled[j] = shuffled[j], shuffled[i] })
		if got := stateOf(shuffled); !reflect.DeepEqual(got, want) {
			t.Fatalf("round %d: order changed the outcome:\n%v\n%v", round, got, want)
		}
	}
}

func TestLaterDeleteIsATombstoneAndLaterPutWins(t *testing.T) {
	put := Op{Stamp: Stamp{Clock: Clock{Wall: 1}, Replica: "a"}, Kind: Put, Bucket: "pain", ID: "k", Value: json.RawMessage(`1`)}
	del := Op{Stamp: Stamp{Clock: Clock{Wall: 2}, Replica: "a"}, Kind: Delete, Bucket: "pain", ID: "k"}
	if got := stateOf([]Op{del, put}); got[put.Target()].Kind != Delete {
		t.Errorf("an older put undid a delete: %v", got)
	}
	edit := put
	edit.Stamp = Stamp{Clock: Clock{Wall: 2}, Replica: "b"} // same clock as the delete: replica b decides
	if got := stateOf([]Op{edit, del}); got[put.Target()].Kind != Put {
		t.Errorf("the replica tie-break did not decide: %v", got)
	}
}

func TestClockGrowsWhateverTheWallDoes(t *testing.T) {
	at := time.Unix(100, 0)
	c := Tick(Clock{}, at)
	back := Tick(c, at.Add(-time.Hour))
	if back.Compare(c) <= 0 {
		t.Errorf("a clock stepping back made an earlier reading: %v after %v", back, c)
	}
	seen := Clock{Wall: at.Add(time.Hour).UnixNano(), Logical: 7}
	if after := Observe(back, seen, at); after.Compare(seen) <= 0 || after.Compare(back) <= 0 {
		t.Errorf("observing %v from %v read %v", seen, back, after)
	}
	if later := Tick(back, at.Add(time.Minute)); later != (Clock{Wall: at.Add(time.Minute).UnixNano()}) {
		t.Errorf("a wall clock ahead of the last reading is not taken as it is: %v", later)
	}
}

func TestCheckRefusesMalformedOperations(t *testing.T) {
	st := Stamp{Replica: "a"}
	for _, op := range []Op{
		{Kind: Put, Bucket: "pain", ID: "k", Value: json.RawMessage(`1`)},
		{Stamp: st, Kind: "move", Bucket: "pain", ID: "k"},
		{Stamp: st, Kind: Put, Bucket: "pain", ID: "k"},
		{Stamp: st, Kind: Delete, Bucket: "pain", ID: "k", Value: json.RawMessage(`1`)},
		{Stamp: st, Kind: Delete, Bucket: "pain"},
		{Stamp: st, Kind: Set, Value: json.RawMessage(`1`)},
		{Stamp: st, Kind: Set, Setting: "x", ID: "k", Value: json.RawMessage(`1`)},
	} {
		if op.Check() == nil {
			t.Errorf("%+v was accepted", op)
		}
	}
	if err := (Op{Stamp: st, Kind: Set, Setting: "x", Value: json.RawMessage(`1`)}).Check(); err != nil {
		t.Errorf("a well-formed setting was refused: %v", err)
	}
}
