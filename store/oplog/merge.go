package oplog

// State is the winning operation on each target: what a replica holds
// once it has applied a set of operations.
type State map[Target]Op

// Apply merges op into s, and tells whether op won (changed s).
func (s State) Apply(op Op) bool {
	t := op.Target()
	if held, ok := s[t]; ok && !op.Wins(held) {
		return false
	}
	s[t] = op
	return true
}

// Merge is the state holding the winners of a and b; neither is changed.
func Merge(a, b State) State {
	out := make(State, len(a)+len(b))
	for _, op := range a {
		out.Apply(op)
	}
	for _, op := range b {
		out.Apply(op)
	}
	return out
}
