package journal

import (
	"math"
	"time"

	tea "github.com/charmbracelet/bubbletea"

	"lumbar/store"
	"lumbar/store/diary"
)

// Spans are the day counts the chart and insights cover; r cycles them.
var Spans = []int{7, 30, 90, 365}

// defaultSpan is the index of the span the tab opens with: a month.
const defaultSpan = 1

// snapshot is everything the tab shows, read in one transaction. Views
// draw from it and never read the store themselves.
type snapshot struct {
	revision uint64
	today    diary.Day
	entries  []store.Item[diary.PainEntry] // every entry, newest first
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

// loadCmd reads a snapshot in the background.
func loadCmd(s *store.Store, now time.Time, gen int) tea.Cmd {
	return func() tea.Msg {
		snap, err := readSnapshot(s, now)
		return loadedMsg{gen: gen, snap: snap, err: err}
	}
}

func readSnapshot(s *store.Store, now time.Time) (snapshot, error) {
	snap := snapshot{today: diary.DayOf(now)}
	err := s.View(func(tx *store.Tx) (err error) {
		if snap.revision, err = store.RevisionOf(tx); err != nil {
			return err
		}
		if snap.entries, err = store.Pain.Latest(tx, math.MaxInt); err != nil {
			return err
		}
		snap.insights = make([]diary.Insights, len(Spans))
		for i, days := range Spans {
			if snap.insights[i], err = store.InsightsOf(tx, snap.today, days); err != nil {
				return err
			}
		}
		return nil
	})
	snap.firstDay = snap.today
	values := make([]diary.PainEntry, len(snap.entries))
	for i, it := range snap.entries {
		values[i] = it.Value
		snap.firstDay = min(snap.firstDay, it.Value.Day())
	}
	snap.days = diary.DailyPain(values, snap.firstDay, snap.today)
	return snap, err
}
