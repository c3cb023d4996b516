package export

import (
	"fmt"
	"time"

	"lumbar/store"
	"lumbar/store/diary"
)

// The records as an export writes them. Every field is always there (a
// missing detail is null, "" or an empty list), so the shape never
// changes; times are ISO 8601 (RFC 3339) on the wall clock the record was
// made by, with its UTC offset and as many decimals of a second as they
// need. Field names are those of the data file.
type (
	// PainRecord is a pain entry.
	PainRecord struct {
		ID           string   `json:"id"`
		At           string   `json:"at"`
		Pain         int      `json:"pain"`
		LegPain      *int     `json:"leg_pain"`
		Where        []string `json:"where"`
		Feels        []string `json:"feels"`
		Triggers     []string `json:"triggers"`
		Helped       []string `json:"helped"`
		Relief       string   `json:"relief"`
		Medication   string   `json:"medication"`
		Interference *int     `json:"interference"`
		Sleep        string   `json:"sleep"`
		WarningSigns []string `json:"warning_signs"`
		Note         string   `json:"note"`
	}
	// WaterRecord is water drunk.
	WaterRecord struct {
		ID string `json:"id"`
		At string `json:"at"`
		ML int    `json:"ml"`
	}
	// SessionRecord is a stretch routine followed, whole or in part.
	SessionRecord struct {
		ID         string `json:"id"`
		At         string `json:"at"`
		Routine    string `json:"routine"`
		End        string `json:"end"`
		StepsDone  int    `json:"steps_done"`
		StepsTotal int    `json:"steps_total"`
		PainBefore *int   `json:"pain_before"`
		PainAfter  *int   `json:"pain_after"`
	}
	// CheckRecord is an answer to a reminder.
	CheckRecord struct {
		ID     string `json:"id"`
		At     string `json:"at"`
		Kind   string `json:"kind"`
		Action string `json:"action"`
		Until  string `json:"until"` // "" unless snoozed
	}
)

// timeLayout is RFC 3339 with only the decimals a time needs.
const timeLayout = time.RFC3339Nano

func formatStamp(s diary.Stamp) string { return s.Local().Format(timeLayout) }

// formatAlong writes t on the wall clock of the record it belongs to.
func formatAlong(t time.Time, s diary.Stamp) string {
	if t.IsZero() {
		return ""
	}
	return t.In(s.Local().Location()).Format(timeLayout)
}

func parseTime(field, text string) (time.Time, error) {
	t, err := time.Parse(timeLayout, text)
	if err != nil {
		return t, fmt.Errorf("%s %q is not a time like 2026-11-27T09:30:00+01:00", field, text)
	}
	return t, nil
}

// stampOf reads a record's ID and its "at", which must agree: the ID
// begins with the instant the record was made.
func stampOf(id, at string) (store.Key, diary.Stamp, error) {
	k, err := store.ParseID(id)
	if err != nil {
		return k, diary.Stamp{}, err
	}
	t, err := parseTime("at", at)
	if err != nil {
		return k, diary.Stamp{}, err
	}
	return k, diary.StampAt(t), nil
}

func orEmpty(list []string) []string {
	if list == nil {
		return []string{}
	}
	return list
}

// orNil keeps an empty list out of a record, as the data file does.
func orNil(list []string) []string {
	if len(list) == 0 {
		return nil
	}
	return list
}

func painRecord(it store.Item[diary.PainEntry]) PainRecord {
	e := it.Value
	return PainRecord{
		ID: it.Key.ID(), At: formatStamp(e.Stamp), Pain: e.Pain, LegPain: e.LegPain,
		Where: orEmpty(e.Where), Feels: orEmpty(e.Feels), Triggers: orEmpty(e.Triggers),
		Helped: orEmpty(e.Helped), Relief: e.Relief, Medication: e.Medication,
		Interference: e.Interference, Sleep: e.Sleep, WarningSigns: orEmpty(e.Warnings), Note: e.Note,
	}
}

func (r PainRecord) item() (store.Item[diary.PainEntry], error) {
	k, stamp, err := stampOf(r.ID, r.At)
	return store.Item[diary.PainEntry]{Key: k, Value: diary.PainEntry{
		Stamp: stamp, Pain: r.Pain, LegPain: r.LegPain,
		Where: orNil(r.Where), Feels: orNil(r.Feels), Triggers: orNil(r.Triggers),
		Helped: orNil(r.Helped), Relief: r.Relief, Medication: r.Medication,
		Interference: r.Interference, Sleep: r.Sleep, Warnings: orNil(r.WarningSigns), Note: r.Note,
	}}, err
}

func waterRecord(it store.Item[diary.WaterLog]) WaterRecord {
	return WaterRecord{ID: it.Key.ID(), At: formatStamp(it.Value.Stamp), ML: it.Value.ML}
}

func (r WaterRecord) item() (store.Item[diary.WaterLog], error) {
	k, stamp, err := stampOf(r.ID, r.At)
	return store.Item[diary.WaterLog]{Key: k, Value: diary.WaterLog{Stamp: stamp, ML: r.ML}}, err
}

func sessionRecord(it store.Item[diary.Session]) SessionRecord {
	s := it.Value
	return SessionRecord{
		ID: it.Key.ID(), At: formatStamp(s.Stamp), Routine: s.Routine, End: formatAlong(s.End, s.Stamp),
		StepsDone: s.StepsDone, StepsTotal: s.StepsTotal, PainBefore: s.PainBefore, PainAfter: s.PainAfter,
	}
}

func (r SessionRecord) item() (store.Item[diary.Session], error) {
	k, stamp, err := stampOf(r.ID, r.At)
	if err != nil {
		return store.Item[diary.Session]{}, err
	}
	end, err := parseTime("end", r.End)
	return store.Item[diary.Session]{Key: k, Value: diary.Session{
		Stamp: stamp, Routine: r.Routine, End: end.UTC(), StepsDone: r.StepsDone, StepsTotal: r.StepsTotal,
		PainBefore: r.PainBefore, PainAfter: r.PainAfter,
	}}, err
}

func checkRecord(it store.Item[diary.Check]) CheckRecord {
	c := it.Value
	return CheckRecord{ID: it.Key.ID(), At: formatStamp(c.Stamp), Kind: string(c.Kind), Action: string(c.Action),
		Until: formatAlong(c.Until, c.Stamp)}
}

func (r CheckRecord) item() (store.Item[diary.Check], error) {
	k, stamp, err := stampOf(r.ID, r.At)
	if err != nil {
		return store.Item[diary.Check]{}, err
	}
	var until time.Time
	if r.Until != "" {
		if until, err = parseTime("until", r.Until); err != nil {
			return store.Item[diary.Check]{}, err
		}
	}
	return store.Item[diary.Check]{Key: k, Value: diary.Check{
		Stamp: stamp, Kind: diary.CheckKind(r.Kind), Action: diary.CheckAction(r.Action), Until: until.UTC(),
	}}, nil
}
