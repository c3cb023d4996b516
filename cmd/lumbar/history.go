package main

import (
	"encoding/json"
	"fmt"
	"io"
	"slices"
	"strings"
	"time"

	"lumbar/store"
	"lumbar/store/diary"
	"lumbar/store/report"
	"lumbar/store/text"
)

var historyCommand = command{
	name: "history", synopsis: "[--days N | --from D --to D] [filters] [--json]",
	summary: "list your entries of the last N days, with their IDs",
	about: `Show the pain entries of the last N days (default 30, today included), or
of --from DATE to --to DATE, oldest first, one line each, starting with the
entry's short ID: lumbar edit ID and lumbar delete ID take it. The
filters --grep, --where and --warnings keep only the entries that match
all of them.`,
	flags: append(periodFlags(30),
		flagSpec{"grep", "TEXT", "only entries whose note contains TEXT (any case)"},
		flagSpec{"where", "AREAS", "only entries that hurt in one of these areas (words as in lumbar log --where)"},
		flagSpec{"warnings", "", "only entries with warning signs"},
		flagSpec{"json", "", "print JSON instead, for other programs"},
	),
	more: func() string { return historyJSONHelp },
	run:  runHistory,
}

const historyJSONHelp = `JSON: an array of entries, oldest first. Every entry has every key, so the
shape never changes; absent details are "" (text), null (numbers) or []
(lists). Text is cleaned of escape sequences and control characters.

  [{"id": "0018ab…",                  record ID (32 hex digits)
    "short_id": "0018ab7",             the shortest unique prefix, 7+ digits
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
	a := inv.args
	if err := a.noArguments(); err != nil {
		return err
	}
	period, err := periodArgs(a, diary.DayOf(inv.now()), 30)
	if err != nil {
		return err
	}
	keep, err := historyFilterArgs(a)
	if err != nil {
		return err
	}
	s, err := inv.openDiaryToRead()
	if err != nil {
		return err
	}
	if s == nil {
		if a.has("json") {
			return printJSON(inv, []historyEntry{})
		}
		fmt.Fprintln(inv.stdout, "no entries yet; log one with lumbar log PAIN")
		return nil
	}
	out := historyPrinter(inv)
	err = eachHistoryChunk(s, period.First, period.Last, keep, func(items []shownEntry) error {
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
	if out.count() == 0 && !a.has("json") {
		fmt.Fprintln(inv.stdout, noEntriesLine(a, period))
		return nil
	}
	return out.finish()
}

// noEntriesLine says that nothing was found, and where lumbar looked.
func noEntriesLine(a *parsedArgs, period report.Period) string {
	span := fmt.Sprintf("in the last %s", text.Plural(period.Days(), "day"))
	if a.has("from") {
		span = "from " + period.String()
	}
	if a.has("grep") || a.has("where") || a.has("warnings") {
		return "no entries " + span + " match"
	}
	return "no entries " + span + "; log one with lumbar log PAIN"
}

// historyFilter is which entries history keeps.
type historyFilter struct {
	grep     string   // lower case; "" keeps all
	where    []string // areas, any of which will do; none keeps all
	warnings bool     // only entries with warning signs
}

// historyFilterArgs reads --grep, --where and --warnings.
func historyFilterArgs(a *parsedArgs) (historyFilter, error) {
	f := historyFilter{grep: strings.ToLower(a.value("grep")), warnings: a.has("warnings")}
	if a.has("grep") && strings.TrimSpace(f.grep) == "" {
		return f, a.refuseUsage("--grep needs some text to look for in the notes")
	}
	if a.has("where") {
		var err error
		if f.where, err = diary.Areas.ParseList(a.value("where")); err != nil {
			return f, refused(err)
		}
		if len(f.where) == 0 {
			return f, a.refuseUsage("--where needs an area, like back-centre")
		}
	}
	return f, nil
}

// keeps tells whether e passes the filter.
func (f historyFilter) keeps(e diary.PainEntry) bool {
	switch {
	case f.grep != "" && !strings.Contains(strings.ToLower(e.Note), f.grep):
		return false
	case len(f.where) > 0 && !slices.ContainsFunc(e.Where, func(w string) bool { return slices.Contains(f.where, w) }):
		return false
	case f.warnings && len(e.Warnings) == 0:
		return false
	}
	return true
}

// historyChunkDays is how many days history reads in one transaction.
// The output goes out chunk by chunk, so memory stays the same however
// long the history, and no transaction holds the file while a slow
// reader (a pager) takes its time.
const historyChunkDays = 31

// shownEntry is an entry as history shows it: with its short ID.
type shownEntry = store.Listed[diary.PainEntry]

// eachHistoryChunk calls fn with the pain entries of [first, last] that
// keep passes, oldest first, a chunk of days at a time.
func eachHistoryChunk(s *store.Store, first, last diary.Day, keep historyFilter, fn func([]shownEntry) error) error {
	var items []shownEntry
	for from := first; from <= last; from += historyChunkDays {
		items = items[:0]
		err := s.View(func(tx *store.Tx) error {
			shortIDs := store.NewShortIDs(tx)
			return store.Pain.RangeDays(tx, from, min(from+historyChunkDays-1, last), func(it store.Item[diary.PainEntry]) error {
				if keep.keeps(it.Value) {
					items = append(items, shownEntry{Item: it, ShortID: shortIDs.Of(it.Key)})
				}
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
	add(shownEntry) error
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

func (l *lineEntries) add(it shownEntry) error {
	l.n++
	_, err := fmt.Fprintln(l.w, it.ShortID, entryLine(it.Value))
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

func (j *jsonEntries) add(it shownEntry) error {
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
	ShortID      string    `json:"short_id"`
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

func historyJSON(it shownEntry) historyEntry {
	e := it.Value
	return historyEntry{
		ID: it.Key.ID(), ShortID: it.ShortID, At: e.Local().Format(time.RFC3339), Day: e.Day(),
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
