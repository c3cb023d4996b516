package main

import (
	"encoding/json"
	"fmt"
	"time"

	"lumbar/store"
)

const historyHelp = `Usage: lumbar history [--days N] [--json]

Show the pain entries of the last N days (default 30, today included),
oldest first, one line each.

Flags:
  --days N   how many days back, 1 to 3660
  --json     print a JSON array instead, for other programs

JSON: an array of entries, oldest first. Every entry has every key, so the
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

func runHistory(inv *invocation, args []string) int {
	span, code, done := parseSpanFlags(inv, "history", historyHelp, args)
	if done {
		return code
	}
	today := store.DayOf(inv.now())
	var items []store.Item[store.PainEntry]
	err := inv.store.View(func(tx *store.Tx) error {
		return store.RangeDays(tx, store.BucketPain, today-store.Day(span.days)+1, today, func(it store.Item[store.PainEntry]) error {
			items = append(items, it)
			return nil
		})
	})
	if err != nil {
		return fail(inv.system, err)
	}
	if span.json {
		return printJSON(inv, historyJSON(items))
	}
	if len(items) == 0 {
		fmt.Fprintf(inv.stdout, "no entries in the last %d days; log one with lumbar log PAIN\n", span.days)
	}
	for _, it := range items {
		fmt.Fprintln(inv.stdout, entryLine(it.Value))
	}
	return exitOK
}

// historyEntry is one entry of `lumbar history --json`; its shape is
// documented in historyHelp and must not change.
type historyEntry struct {
	ID           string    `json:"id"`
	At           string    `json:"at"`
	Day          store.Day `json:"day"`
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

func historyJSON(items []store.Item[store.PainEntry]) []historyEntry {
	out := make([]historyEntry, 0, len(items))
	for _, it := range items {
		e := it.Value
		out = append(out, historyEntry{
			ID: it.Key.ID(), At: e.Local().Format(time.RFC3339), Day: e.Day(),
			Pain: e.Pain, Band: store.PainBand(e.Pain), LegPain: e.LegPain,
			Where: orEmpty(e.Where), Feels: orEmpty(e.Feels), Triggers: orEmpty(e.Triggers),
			Helped: orEmpty(e.Helped), Relief: e.Relief, Medication: store.Printable(e.Medication),
			Interference: e.Interference, Sleep: e.Sleep, WarningSigns: orEmpty(e.Warnings),
			Note: store.Printable(e.Note),
		})
	}
	return out
}

func orEmpty(ids []string) []string {
	if ids == nil {
		return []string{}
	}
	return ids
}

func printJSON(inv *invocation, v any) int {
	enc := json.NewEncoder(inv.stdout)
	enc.SetIndent("", "  ")
	if err := enc.Encode(v); err != nil {
		return fail(inv.system, err)
	}
	return exitOK
}
