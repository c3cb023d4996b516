package main

import (
	"fmt"
	"strings"
	"time"

	"lumbar/content"
	"lumbar/store"
	"lumbar/store/diary"
)

var sessionsCommand = command{
	name: "sessions", synopsis: "[--days N | --from D --to D] [--json]",
	summary: "list your stretching sessions of the last N days, with their IDs",
	about: `Show the stretching sessions of the last N days (default 30, today
included), or of --from DATE to --to DATE, oldest first, one line each:
its short ID (lumbar delete ID deletes one), when it started, the
routine, whether it was completed or stopped and after how many steps,
how long it took, and your pain before and after when you answered.`,
	flags: append(periodFlags(30), flagSpec{"json", "", "print JSON instead, for other programs"}),
	more:  func() string { return sessionsJSONHelp },
	run:   runSessions,
}

const sessionsJSONHelp = `JSON: an array of sessions, oldest first, every key always present:

  [{"id": "0018ab…", "short_id": "0018ab7",
    "at": "2026-11-27T07:30:00+01:00", "day": "2026-11-27",
    "routine": "morning-mobility", "routine_name": "Morning mobility",
    "completed": false, "steps_done": 3, "steps_total": 7,
    "seconds": 185,                    from start to end, pauses included
    "pain_before": 5, "pain_after": null}]   0–10, or null when not asked
`

func runSessions(inv *invocation) error {
	a := inv.args
	if err := a.noArguments(); err != nil {
		return err
	}
	period, err := periodArgs(a, diary.DayOf(inv.now()), 30)
	if err != nil {
		return err
	}
	s, err := inv.openDiaryToRead()
	if err != nil {
		return err
	}
	var list []store.Listed[diary.Session]
	if s != nil {
		list, err = store.Read(s, func(tx *store.Tx) ([]store.Listed[diary.Session], error) {
			return store.SessionsIn(tx, period.First, period.Last)
		})
		if err != nil {
			return err
		}
	}
	lib, _ := content.LoadUserRoutines(content.UserRoutinesPath(inv.getenv)) // a broken file: built-in names only
	if a.has("json") {
		out := make([]sessionEntry, len(list))
		for i, it := range list {
			out[i] = sessionJSON(it, lib)
		}
		return printJSON(inv, out)
	}
	if len(list) == 0 {
		fmt.Fprintln(inv.stdout, noSessionsLine(a, period.Days(), period.String()))
		return nil
	}
	for _, it := range list {
		fmt.Fprintln(inv.stdout, it.ShortID, sessionLine(it.Value, lib))
	}
	return nil
}

func noSessionsLine(a *parsedArgs, days int, span string) string {
	if a.has("from") {
		return "no stretching sessions from " + span + "; lumbar stretch ROUTINE starts one"
	}
	return fmt.Sprintf("no stretching sessions in the last %d days; lumbar stretch ROUTINE starts one", days)
}

// sessionLine is one session on one line.
func sessionLine(s diary.Session, lib *content.Library) string {
	parts := []string{
		s.Local().Format("2006-01-02 15:04"), lib.RoutineName(s.Routine), s.Outcome(), s.Steps(), content.Clock(s.Length()),
	}
	if pain := s.PainChange(); pain != "" {
		parts = append(parts, "pain "+pain)
	}
	return strings.Join(parts, " · ")
}

// sessionEntry is one session of `lumbar sessions --json`; its shape is
// documented in sessionsJSONHelp.
type sessionEntry struct {
	ID          string    `json:"id"`
	ShortID     string    `json:"short_id"`
	At          string    `json:"at"`
	Day         diary.Day `json:"day"`
	Routine     string    `json:"routine"`
	RoutineName string    `json:"routine_name"`
	Completed   bool      `json:"completed"`
	StepsDone   int       `json:"steps_done"`
	StepsTotal  int       `json:"steps_total"`
	Seconds     int       `json:"seconds"`
	PainBefore  *int      `json:"pain_before"`
	PainAfter   *int      `json:"pain_after"`
}

func sessionJSON(it store.Listed[diary.Session], lib *content.Library) sessionEntry {
	s := it.Value
	return sessionEntry{
		ID: it.Key.ID(), ShortID: it.ShortID, At: s.Local().Format(time.RFC3339), Day: s.Day(),
		Routine: s.Routine, RoutineName: lib.RoutineName(s.Routine), Completed: s.Completed(),
		StepsDone: s.StepsDone, StepsTotal: s.StepsTotal, Seconds: int(s.Length().Round(time.Second) / time.Second),
		PainBefore: s.PainBefore, PainAfter: s.PainAfter,
	}
}
