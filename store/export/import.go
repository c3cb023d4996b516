package export

import (
	"errors"
	"fmt"

	"lumbar/store"
	"lumbar/store/diary"
)

// Batch is an export whose every record has been checked: ready to be
// written in one transaction.
type Batch struct {
	pain     []store.Item[diary.PainEntry]
	water    []store.Item[diary.WaterLog]
	sessions []store.Item[diary.Session]
	checks   []store.Item[diary.Check]
	settings map[string]string
}

// Check checks every record of doc with the validation lumbar log uses,
// and that each ID is of its record's time and given once. The first
// record refused is named by its place in the file.
func Check(doc *Document) (*Batch, error) {
	b := &Batch{settings: doc.Settings}
	var err error
	if b.pain, err = checkRecords(doc, KindPain, doc.Pain); err != nil {
		return nil, err
	}
	if b.water, err = checkRecords(doc, KindWater, doc.Water); err != nil {
		return nil, err
	}
	if b.sessions, err = checkRecords(doc, KindSessions, doc.Sessions); err != nil {
		return nil, err
	}
	if b.checks, err = checkRecords(doc, KindChecks, doc.Checks); err != nil {
		return nil, err
	}
	for name, value := range doc.Settings {
		st, err := diary.LookupSetting(name)
		if err == nil {
			err = st.Check(value)
		}
		if err != nil {
			return nil, err // names the setting
		}
	}
	return b, nil
}

// exported is a record as an export holds it.
type exported[T any] interface {
	item() (store.Item[T], error)
}

func checkRecords[T diary.Checked, R exported[T]](doc *Document, kind Kind, records *[]R) ([]store.Item[T], error) {
	if records == nil {
		return nil, nil
	}
	items := make([]store.Item[T], 0, len(*records))
	first := map[store.Key]int{}
	for i, r := range *records {
		it, err := r.item()
		if err == nil {
			err = store.CheckKeyed(it.Key, it.Value)
		}
		if j, twice := first[it.Key]; err == nil && twice {
			err = fmt.Errorf("ID %s is given twice (first at %s)", it.Key.ID(), doc.place(kind, j))
		}
		if err != nil {
			return nil, fmt.Errorf("%s: %w", doc.place(kind, i), err)
		}
		first[it.Key] = i
		items = append(items, it)
	}
	return items, nil
}

// place names the i'th record of a kind where an error can point at it.
func (doc *Document) place(kind Kind, i int) string {
	if where := doc.where[kind]; i < len(where) {
		return where[i]
	}
	return fmt.Sprintf("%s record %d", kind, i+1)
}

// Count is what importing one kind came to.
type Count struct {
	Kind                                     Kind
	Added, AlreadyThere, Conflicts, Replaced int
	ConflictIDs                              []string // the records (or settings) left as they were
}

func (c *Count) add(o store.Outcome, id string) {
	switch o {
	case store.Added:
		c.Added++
	case store.AlreadyThere:
		c.AlreadyThere++
	case store.Conflicting:
		c.Conflicts++
		c.ConflictIDs = append(c.ConflictIDs, id)
	case store.Replaced:
		c.Replaced++
	}
}

// Import writes the batch into s in one transaction: every record under
// its own ID. A record already there is left alone; one whose ID holds
// another record is a conflict, left as it was unless replace. If
// anything fails, nothing is written.
// An import that adds or replaces nothing leaves the file as it was.
func (b *Batch) Import(s *store.Store, replace bool) ([]Count, error) {
	var counts []Count
	err := s.Update(func(tx *store.Tx) (err error) {
		if counts, err = b.apply(tx, replace, true); err == nil && !changes(counts) {
			err = errNothingWritten
		}
		return err
	})
	if errors.Is(err, errNothingWritten) {
		err = nil
	}
	return counts, err
}

// errNothingWritten rolls back an import that wrote nothing, so that not
// even the revision counter moves.
var errNothingWritten = errors.New("nothing to write")

func changes(counts []Count) bool {
	for _, c := range counts {
		if c.Added+c.Replaced > 0 {
			return true
		}
	}
	return false
}

// DryRun tells what Import would do, writing nothing. A diary not made
// yet (s nil) would take every record.
func (b *Batch) DryRun(s *store.Store, replace bool) ([]Count, error) {
	if s == nil {
		return b.apply(nil, replace, false)
	}
	return store.Read(s, func(tx *store.Tx) ([]Count, error) { return b.apply(tx, replace, false) })
}

func (b *Batch) apply(tx *store.Tx, replace, write bool) ([]Count, error) {
	counts := []Count{{Kind: KindPain}, {Kind: KindWater}, {Kind: KindSessions}, {Kind: KindChecks}, {Kind: KindSettings}}
	for _, apply := range []func() error{
		func() error { return applyKind(tx, store.Pain, b.pain, replace, write, &counts[0]) },
		func() error { return applyKind(tx, store.Water, b.water, replace, write, &counts[1]) },
		func() error { return applyKind(tx, store.Sessions, b.sessions, replace, write, &counts[2]) },
		func() error { return applyKind(tx, store.Checks, b.checks, replace, write, &counts[3]) },
		func() error { return applySettings(tx, b.settings, replace, write, &counts[4]) },
	} {
		if err := apply(); err != nil {
			return nil, err // the first failure ends the transaction: nothing is written
		}
	}
	return counts, nil
}

func applyKind[T diary.Checked](tx *store.Tx, c store.Collection[T], items []store.Item[T], replace, write bool, n *Count) error {
	for _, it := range items {
		o := store.Added // into a diary not made yet
		var err error
		switch {
		case write:
			o, err = c.Import(tx, it.Key, it.Value, replace)
		case tx != nil:
			o, err = c.Compare(tx, it.Key, it.Value, replace)
		}
		if err != nil {
			return fmt.Errorf("%s %s: %w", n.Kind, it.Key.ID(), err)
		}
		n.add(o, it.Key.ID())
	}
	return nil
}

func applySettings(tx *store.Tx, settings map[string]string, replace, write bool, n *Count) error {
	if len(settings) == 0 {
		return nil
	}
	var outcomes map[string]store.Outcome
	var err error
	switch {
	case write:
		outcomes, err = store.ImportSettings(tx, settings, replace)
	case tx != nil:
		outcomes, err = store.CompareSettings(tx, settings, replace)
	default:
		outcomes = map[string]store.Outcome{}
		for name := range settings {
			outcomes[name] = store.Added
		}
	}
	if err != nil {
		return err
	}
	for _, name := range sortedKeys(outcomes) {
		n.add(outcomes[name], name)
	}
	return nil
}
