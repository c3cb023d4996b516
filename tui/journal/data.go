package journal

import (
	"time"

	tea "github.com/charmbracelet/bubbletea"

	"lumbar/store"
	"lumbar/store/diary"
)

// Spans are the day counts the chart and insights cover; r cycles them.
var Spans = []int{7, 30, 90, 365}

// defaultSpan is the index of the span the tab opens with: a month.
const defaultSpan = 1

// pageSize is how many entries the history reads at a time: several
// screens' worth. More are read as the cursor nears the last one read, so
// the tab opens as quickly on a diary of a hundred thousand entries as on
// one of a hundred.
const pageSize = 300

// snapshot is everything the tab shows, read in one transaction. Views
// draw from it and never read the store themselves.
type snapshot struct {
	revision uint64
	today    diary.Day
	entries  []store.Item[diary.PainEntry] // the newest entries, newest first (see pageSize)
	complete bool                          // entries holds every entry
	days     []diary.DayPain               // firstDay … today, one per day
	firstDay diary.Day
	insights []diary.Insights // one per span, in Spans order
}

// day is the summary of d, and false for a day outside the snapshot.
func (s snapshot) day(d diary.Day) (diary.DayPain, bool) {
	if d < s.firstDay || d > s.today {
		return diary.DayPain{}, false
	}
	return s.days[d-s.firstDay], true
}

// indexOf is the position of the entry with key k, or -1.
func (s snapshot) indexOf(k store.Key) int {
	for i, it := range s.entries {
		if it.Key == k {
			return i
		}
	}
	return -1
}

// loadedMsg carries a snapshot; gen drops the answers of older loads.
type loadedMsg struct {
	gen  int
	snap snapshot
	err  error
}

// loadCmd reads a snapshot in the background: the newest page of entries,
// or, with downTo, every entry back to that one (as far as the list had
// been read before a change).
func loadCmd(s *store.Store, now time.Time, gen int, downTo *store.Key) tea.Cmd {
	return func() tea.Msg {
		snap, err := readSnapshot(s, now, downTo)
		return loadedMsg{gen: gen, snap: snap, err: err}
	}
}

func readSnapshot(s *store.Store, now time.Time, downTo *store.Key) (snapshot, error) {
	snap := snapshot{today: diary.DayOf(now)}
	err := s.View(func(tx *store.Tx) (err error) {
		if snap.revision, err = store.RevisionOf(tx); err != nil {
			return err
		}
		if downTo != nil {
			snap.entries, err = store.Pain.Since(tx, *downTo)
		} else {
			snap.entries, err = store.Pain.Latest(tx, pageSize)
		}
		if err != nil {
			return err
		}
		if snap.complete, err = readAll(tx, snap.entries); err != nil {
			return err
		}
		ov, err := store.OverviewOf(tx, snap.today, Spans)
		snap.firstDay, snap.days, snap.insights = ov.First, ov.Days, ov.Insights
		return err
	})
	return snap, err
}

// readAll tells whether entries, read newest first, reach the oldest.
func readAll(tx *store.Tx, entries []store.Item[diary.PainEntry]) (bool, error) {
	if len(entries) == 0 {
		older, err := store.Pain.Latest(tx, 1)
		return len(older) == 0, err
	}
	older, err := store.Pain.Older(tx, entries[len(entries)-1].Key, 1)
	return len(older) == 0, err
}

// moreMsg carries the next page of older entries for the load of
// generation gen.
type moreMsg struct {
	gen      int
	entries  []store.Item[diary.PainEntry]
	complete bool
	err      error
}

// moreCmd reads up to n entries older than the key after, in the
// background.
func moreCmd(s *store.Store, after store.Key, n, gen int) tea.Cmd {
	return func() tea.Msg {
		msg := moreMsg{gen: gen}
		msg.err = s.View(func(tx *store.Tx) (err error) {
			if msg.entries, err = store.Pain.Older(tx, after, n); err != nil {
				return err
			}
			msg.complete = len(msg.entries) < n
			return nil
		})
		return msg
	}
}
