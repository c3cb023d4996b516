package oplog

import (
	"bytes"
	"crypto/sha256"
	"encoding/json"
	"fmt"
	"strings"
)

// Kind is what an operation does to its target.
type Kind string

// The kinds of operation.
const (
	Put    Kind = "put"    // a record is (now) Value: added or edited
	Delete Kind = "delete" // a record is gone: a tombstone
	Set    Kind = "set"    // a setting is (now) Value
)

// Stamp orders operations: the clock reading, then the replica that made
// it as the tie-break.
type Stamp struct {
	Clock   Clock  `json:"clock"`
	Replica string `json:"replica"`
}

// Compare orders two stamps: -1, 0 or +1.
func (s Stamp) Compare(o Stamp) int {
	if c := s.Clock.Compare(o.Clock); c != 0 {
		return c
	}
	return strings.Compare(s.Replica, o.Replica)
}

// Op is one synced write. A record operation names its bucket and ID; a
// setting operation its name. Value is the record or the setting as the
// data file keeps it (JSON); a delete has none.
type Op struct {
	Stamp   Stamp           `json:"stamp"`
	Kind    Kind            `json:"kind"`
	Bucket  string          `json:"bucket,omitempty"`
	ID      string          `json:"id,omitempty"`
	Setting string          `json:"setting,omitempty"`
	Value   json.RawMessage `json:"value,omitempty"`
}

// Target is what an operation writes: every operation on the same target
// competes, and one wins.
type Target struct {
	Bucket string // a record's bucket, or "" for a setting
	Name   string // a record's ID or a setting's name
}

// Target is what op writes.
func (op Op) Target() Target {
	if op.Kind == Set {
		return Target{Name: op.Setting}
	}
	return Target{Bucket: op.Bucket, Name: op.ID}
}

// Check tells why op cannot be applied: an unknown kind, or a field its
// kind needs missing. Operations come from files other programs carry,
// so each is checked before it is believed.
func (op Op) Check() error {
	if op.Stamp.Replica == "" {
		return fmt.Errorf("operation without a replica")
	}
	switch op.Kind {
	case Put, Delete:
		if op.Bucket == "" || op.ID == "" {
			return fmt.Errorf("%s operation without a bucket or an ID", op.Kind)
		}
		if op.Setting != "" {
			return fmt.Errorf("%s operation naming a setting", op.Kind)
		}
		if (op.Kind == Put) != (len(op.Value) > 0) {
			return fmt.Errorf("%s operation on %s %s with a wrong value", op.Kind, op.Bucket, op.ID)
		}
	case Set:
		if op.Setting == "" || len(op.Value) == 0 {
			return fmt.Errorf("setting operation without a name or a value")
		}
		if op.Bucket != "" || op.ID != "" {
			return fmt.Errorf("setting operation naming a record")
		}
	default:
		return fmt.Errorf("unknown kind of operation %q", op.Kind)
	}
	return nil
}

// Mark is what the merge rule compares of an operation: its stamp, its
// kind and a digest of its value. A replica keeps the mark of the winner
// on each target, not the whole operation.
type Mark struct {
	Stamp Stamp    `json:"stamp"`
	Kind  Kind     `json:"kind"`
	Sum   [32]byte `json:"sum"`
}

// Mark is op's mark.
func (op Op) Mark() Mark { return Mark{Stamp: op.Stamp, Kind: op.Kind, Sum: sha256.Sum256(op.Value)} }

// Beats tells whether m wins over other on their target: the greater
// stamp, and for equal stamps (only a data file copied to two computers
// makes those) the greater kind and value digest, so the choice is the
// same on every replica whatever order operations come in.
func (m Mark) Beats(other Mark) bool {
	if c := m.Stamp.Compare(other.Stamp); c != 0 {
		return c > 0
	}
	if m.Kind != other.Kind {
		return m.Kind > other.Kind
	}
	return bytes.Compare(m.Sum[:], other.Sum[:]) > 0
}

// Wins tells whether op wins over other on their target.
func (op Op) Wins(other Op) bool { return op.Mark().Beats(other.Mark()) }
