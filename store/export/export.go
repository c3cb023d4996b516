// Package export writes a person's diary out in lumbar's export formats
// (one JSON document, JSON Lines, or CSV files, one per kind of record)
// and reads them back in: an import checks every record first, then
// writes them all in one transaction, each under the ID it was exported
// with, so importing the same export twice adds nothing. It also reads
// pain diaries kept elsewhere, from a spreadsheet's CSV (foreign.go). It
// draws nothing on a terminal: lumbar export and lumbar import call it.
package export

import (
	"fmt"
	"slices"
	"strings"
	"time"

	"lumbar/store"
	"lumbar/store/diary"
	"lumbar/store/text"
)

// FormatName and Version mark an export. Version changes only when a
// field changes meaning or goes away; an import refuses a newer version.
const (
	FormatName = "lumbar-export"
	Version    = 1
)

// Kind is a kind of record, as --kind names it and as an export labels it.
type Kind string

// The kinds, in the order an export writes them.
const (
	KindPain     Kind = "pain"
	KindWater    Kind = "water"
	KindSessions Kind = "sessions"
	KindChecks   Kind = "checks"
	KindSettings Kind = "settings"
)

// Kinds is every kind, in the order an export writes them.
func Kinds() []Kind { return []Kind{KindPain, KindWater, KindSessions, KindChecks, KindSettings} }

// ParseKinds reads a comma-separated list of kinds; an unknown one is
// refused with the closest suggested. The result is in export order.
func ParseKinds(list string) ([]Kind, error) {
	var names []string
	for _, k := range Kinds() {
		names = append(names, string(k))
	}
	var kinds []Kind
	for _, field := range strings.Split(list, ",") {
		name := strings.ToLower(strings.TrimSpace(field))
		if name == "" {
			continue
		}
		if !slices.Contains(names, name) {
			msg := fmt.Sprintf("unknown kind %q", name)
			if best, ok := text.Closest(name, names); ok {
				return nil, fmt.Errorf("%s; did you mean %s?", msg, best)
			}
			return nil, fmt.Errorf("%s; the kinds are %s", msg, strings.Join(names, ", "))
		}
		kinds = append(kinds, Kind(name))
	}
	if len(kinds) == 0 {
		return nil, fmt.Errorf("no kind given; the kinds are %s", strings.Join(names, ", "))
	}
	slices.SortFunc(kinds, func(a, b Kind) int { return slices.Index(Kinds(), a) - slices.Index(Kinds(), b) })
	return slices.Compact(kinds), nil
}

// Document is an export: which kinds it holds (a kind not exported is
// nil) and their records, oldest first. As JSON it is the whole export
// format; JSON Lines and CSV write the same records otherwise.
type Document struct {
	Format     string            `json:"format"`      // always FormatName
	Version    int               `json:"version"`     // Version
	ExportedAt string            `json:"exported_at"` // RFC 3339, the exporting clock's zone
	Pain       *[]PainRecord     `json:"pain,omitempty"`
	Water      *[]WaterRecord    `json:"water,omitempty"`
	Sessions   *[]SessionRecord  `json:"sessions,omitempty"`
	Checks     *[]CheckRecord    `json:"checks,omitempty"`
	Settings   map[string]string `json:"settings,omitempty"` // name → value as lumbar config shows it

	// where names each record's place in the file read, for errors
	// ("line 12"); records with none are counted ("pain record 3").
	where map[Kind][]string
}

// Span picks records by the local day they were made on; the zero Span
// is every record.
type Span struct {
	First, Last diary.Day
	Bounded     bool
}

// Read reads the kinds asked for, over span, in one transaction.
func Read(s *store.Store, kinds []Kind, span Span, now time.Time) (*Document, error) {
	return store.Read(s, func(tx *store.Tx) (*Document, error) { return ReadTx(tx, kinds, span, now) })
}

// ReadTx reads the kinds asked for, over span, inside tx. A diary not
// made yet (tx nil) reads as empty.
func ReadTx(tx *store.Tx, kinds []Kind, span Span, now time.Time) (*Document, error) {
	doc := &Document{Format: FormatName, Version: Version, ExportedAt: now.Format(time.RFC3339)}
	var err error
	for _, k := range kinds {
		switch k {
		case KindPain:
			doc.Pain, err = readKind(tx, store.Pain, span, painRecord)
		case KindWater:
			doc.Water, err = readKind(tx, store.Water, span, waterRecord)
		case KindSessions:
			doc.Sessions, err = readKind(tx, store.Sessions, span, sessionRecord)
		case KindChecks:
			doc.Checks, err = readKind(tx, store.Checks, span, checkRecord)
		case KindSettings:
			doc.Settings, err = readSettings(tx)
		}
		if err != nil {
			return nil, err
		}
	}
	return doc, nil
}

// Every instant a record key can hold.
var (
	firstInstant = time.Unix(0, 0)
	endOfKeys    = time.Unix(0, 1<<63-1)
)

func readKind[T diary.Checked, R any](tx *store.Tx, c store.Collection[T], span Span, record func(store.Item[T]) R) (*[]R, error) {
	records := []R{}
	if tx == nil {
		return &records, nil
	}
	add := func(it store.Item[T]) error { records = append(records, record(it)); return nil }
	var err error
	if span.Bounded {
		err = c.RangeDays(tx, span.First, span.Last, add)
	} else {
		err = c.Range(tx, firstInstant, endOfKeys, add)
	}
	return &records, err
}

// readSettings is every setting's value, as lumbar config shows it, but
// this computer's own (diary.Setting.Local).
func readSettings(tx *store.Tx) (map[string]string, error) {
	settings := diary.DefaultSettings()
	if tx != nil {
		var err error
		if settings, err = store.LoadSettings(tx); err != nil {
			return nil, err
		}
	}
	texts := map[string]string{}
	for _, st := range diary.SharedSettings() {
		texts[st.Name()] = st.Format(settings)
	}
	return texts, nil
}

// Printable is doc with the text a person typed (notes, medication,
// routine names) cleaned for a terminal (text.Printable): for an export
// printed on a screen, where an escape sequence in a note would act on
// the terminal. An export written to a file keeps every byte.
func (doc *Document) Printable() *Document {
	clean := *doc
	if doc.Pain != nil {
		pain := slices.Clone(*doc.Pain)
		for i := range pain {
			pain[i].Note, pain[i].Medication = text.Printable(pain[i].Note), text.Printable(pain[i].Medication)
		}
		clean.Pain = &pain
	}
	if doc.Sessions != nil {
		sessions := slices.Clone(*doc.Sessions)
		for i := range sessions {
			sessions[i].Routine = text.Printable(sessions[i].Routine)
		}
		clean.Sessions = &sessions
	}
	return &clean
}
