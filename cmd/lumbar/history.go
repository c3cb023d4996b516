package main

import (
	"encoding/json"
	"fmt"
	"io"
	"time"

	"lumbar/store"
	"lumbar/store/diary"
	"lumbar/store/text"
)

var historyCommand = command{
	name: "history", synopsis: "[--days N] [--json]", summary: "list your entries of the last N days",
	about: `Show the pain entries of the last N days (default 30, today included),
oldest first, one line each.`,
	flags: spanFlags,
	more:  func() string { return historyJSONHelp },
	run:   runHistory,
}

const historyJSONHelp = `JSON: an array of entries, oldest first. Every entry has every key, so the
shape never changes; absent details are "" (text), null (numbers) or []
(lists). Text is cleaned of escape sequences and control characters.

  [{"id": "0018ab…",                  record ID (32 hex digits)
    "at": "2026-11-27T09:30:00+01:00", when, with the UTC offset it was made at
    "day": "2026-11-27",               the local day it counts for
    "pain": 6, "band": "moderate",     0–10 and none/mild/moderate/severe
    "leg_pain": 4,                     0–10 or null
    "where": ["back-centre"], "feels": ["dull-ache"], "triggers": ["sitting"],
    "helped": ["heat"], "relief": "some", "medication": "ibuprofen 400 mg",
    "interference": 5,                 0–10 or null: how much it got in the way
    "sleep": "fair",                   poor, fair, good or ""
    "warning_signs": [], "note": "after the drive"}]

The words are those listed in lumbar log --help.
`

func runHistory(inv *invocation) error {
	days, s, err := spanAndDiary(inv)
	if err != nil {
		return err
	}
	today := diary.DayOf(inv.now())
	if s == nil {
		if inv.args.has("json") {
			return printJSON(inv, []historyEntry{})
		}
		fmt.Fprintln(inv.stdout, "no entries yet; log one with lumbar log PAIN")
		return nil
	}
	out := historyPrinter(inv)
	err = eachHistoryChunk(s, today-diary.Day(days)+1, today, func(items []store.Item[diary.PainEntry]) error {
		for _, it := range items {
			if err := out.add(it); err != nil {
				return err
			}
		}
		return nil
	})
	if err != nil {
		return err
	}
	if out.count() == 0 && !inv.args.has("json") {
		fmt.Fprintf(inv.stdout, "no entries in the last %s; log one with lumbar log PAIN\n", text.Plural(days, "day"))
		return nil
	}
	return out.finish()
}

// historyChunkDays is how many days history reads in one transaction.
// The output goes out chunk by chunk, so memory stays the same however
// long the history, and no transaction holds the file while a slow
// reader (a pager) takes its time.
const historyChunkDays = 31

// eachHistoryChunk calls fn with the pain entries of [first, last], oldest
// first, a chunk of days at a time.
func eachHistoryChunk(s *store.Store, first, last diary.Day, fn func([]store.Item[diary.PainEntry]) error) error {
	var items []store.Item[diary.PainEntry]
	for from := first; from <= last; from += historyChunkDays {
		items = items[:0]
		err := s.View(func(tx *store.Tx) error {
			return store.Pain.RangeDays(tx, from, min(from+historyChunkDays-1, last), func(it store.Item[diary.PainEntry]) error {
				items = append(items, it)
				return nil
			})
		})
		if err != nil {
			return err
		}
		if err := fn(items); err != nil {
			return err
		}
	}
	return nil
}

// entryPrinter writes history's entries as they are read.
type entryPrinter interface {
	add(store.Item[diary.PainEntry]) error
	count() int
	finish() error
}

func historyPrinter(inv *invocation) entryPrinter {
	if inv.args.has("json") {
		return &jsonEntries{w: inv.stdout}
	}
	return &lineEntries{w: inv.stdout}
}

// lineEntries prints one line per entry.
type lineEntries struct {
	w io.Writer
	n int
}

func (l *lineEntries) add(it store.Item[diary.PainEntry]) error {
	l.n++
	_, err := fmt.Fprintln(l.w, entryLine(it.Value))
	return err
}

func (l *lineEntries) count() int    { return l.n }
func (l *lineEntries) finish() error { return nil }

// jsonEntries writes the JSON array one element at a time, byte for byte
// as writeJSON writes the whole array.
type jsonEntries struct {
	w io.Writer
	n int
}

func (j *jsonEntries) add(it store.Item[diary.PainEntry]) error {
	element, err := json.MarshalIndent(historyJSON(it), "  ", "  ")
	if err != nil {
		return err
	}
	sep := "[\n  "
	if j.n > 0 {
		sep = ",\n  "
	}
	j.n++
	_, err = fmt.Fprintf(j.w, "%s%s", sep, element)
	return err
}

func (j *jsonEntries) count() int { return j.n }

func (j *jsonEntries) finish() error {
	end := "\n]\n"
	if j.n == 0 {
		end = "[]\n"
	}
	_, err := io.WriteString(j.w, end)
	return err
}

// spanFlags are what history and stats take: how many days back, and
// whether to print JSON.
var spanFlags = []flagSpec{
	{"days", "N", fmt.Sprintf("how many days, today included: 1 to %d (default 30)", maxDays)},
	{"json", "", "print JSON instead, for other programs"},
}

// maxDays is ten years: the most --days covers.
const maxDays = 3660

// spanAndDiary reads the span flags, then opens the diary to read (nil
// when there is none yet).
func spanAndDiary(inv *invocation) (days int, s *store.Store, err error) {
	if err := inv.args.noArguments(); err != nil {
		return 0, nil, err
	}
	if days, err = inv.args.intValue("days", 30, 1, maxDays); err != nil {
		return 0, nil, err
	}
	s, err = inv.openDiaryToRead()
	return days, s, err
}

// historyEntry is one entry of `lumbar history --json`; its shape is
// documented in historyHelp and must not change.
type historyEntry struct {
	ID           string    `json:"id"`
	At           string    `json:"at"`
	Day          diary.Day `json:"day"`
	Pain         int       `json:"pain"`
	Band         string    `json:"band"`
	LegPain      *int      `json:"leg_pain"`
	Where        []string  `json:"where"`
	Feels        []string  `json:"feels"`
	Triggers     []string  `json:"triggers"`
	Helped       []string  `json:"helped"`
	Relief       string    `json:"relief"`
	Medication   string    `json:"medication"`
	Interference *int      `json:"interference"`
	Sleep        string    `json:"sleep"`
	WarningSigns []string  `json:"warning_signs"`
	Note         string    `json:"note"`
}

func historyJSON(it store.Item[diary.PainEntry]) historyEntry {
	e := it.Value
	return historyEntry{
		ID: it.Key.ID(), At: e.Local().Format(time.RFC3339), Day: e.Day(),
		Pain: e.Pain, Band: diary.PainBand(e.Pain), LegPain: e.LegPain,
		Where: orEmpty(e.Where), Feels: orEmpty(e.Feels), Triggers: orEmpty(e.Triggers),
		Helped: orEmpty(e.Helped), Relief: e.Relief, Medication: text.Printable(e.Medication),
		Interference: e.Interference, Sleep: e.Sleep, WarningSigns: orEmpty(e.Warnings),
		Note: text.Printable(e.Note),
	}
}

func orEmpty(ids []string) []string {
	if ids == nil {
		return []string{}
	}
	return ids
}

func printJSON(inv *invocation, v any) error {
	return writeJSON(inv.stdout, v)
}
