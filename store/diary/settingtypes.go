package diary

import (
	"errors"
	"fmt"
	"math"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"time"

	"lumbar/store/text"
)

// The value types of settings, with their parsers (which refuse with a
// reason, never a half-guess) and canonical text forms.

// WaterUnit is how water amounts are shown; they are always kept in ml.
type WaterUnit string

// The water units.
const (
	UnitML WaterUnit = "ml"
	UnitOz WaterUnit = "oz"
)

// MLPerOz is one US fluid ounce in millilitres.
const MLPerOz = 29.5735

// Format shows ml millilitres in the unit, e.g. "250 ml", "2,000 ml" or
// "8 oz". Every water amount shown is written by it or by Number.
func (u WaterUnit) Format(ml int) string {
	return u.Number(ml) + " " + string(u)
}

// Number is ml in the unit, without the unit's name.
func (u WaterUnit) Number(ml int) string {
	if u == UnitOz {
		return text.Thousands(int(math.Round(float64(ml) / MLPerOz)))
	}
	return text.Thousands(ml)
}

func parseUnit(text string) (WaterUnit, error) {
	switch u := WaterUnit(strings.ToLower(text)); u {
	case UnitML, UnitOz:
		return u, nil
	}
	return "", fmt.Errorf("must be ml or oz, not %q", text)
}

// parseAmount reads a water amount: "250" or "250ml" (millilitres),
// "8oz", or "1.5l", with thousands separated or not ("2,000 ml", as the
// app writes it, or "2000").
func parseAmount(text string) (ml int, err error) {
	lower := strings.ToLower(strings.TrimSpace(text))
	if groupedThousands.MatchString(lower) {
		lower = strings.ReplaceAll(lower, ",", "")
	}
	number, scale := lower, 1.0
	for _, unit := range []struct {
		suffix string
		ml     float64
	}{{"ml", 1}, {"oz", MLPerOz}, {"l", 1000}} {
		if cut, ok := strings.CutSuffix(lower, unit.suffix); ok {
			number, scale = strings.TrimSpace(cut), unit.ml
			break
		}
	}
	f, err := strconv.ParseFloat(number, 64)
	if err != nil || math.IsNaN(f) || math.IsInf(f, 0) {
		return 0, fmt.Errorf("%q is not an amount like 250, 250ml or 8oz", text)
	}
	return int(math.Round(f * scale)), nil
}

// groupedThousands is a number with its thousands separated by commas,
// as Thousands writes it, with or without a unit after it.
var groupedThousands = regexp.MustCompile(`^\d{1,3}(,\d{3})+(\.\d+)?\s*[a-z]*$`)

// ouncesWithin is the range [lo, hi] ml in ounces to one decimal, both
// ends accepted when typed: 10 to 2,000 ml is 0.4 to 67.6 oz (0.3 oz is
// under 10 ml, and 68 oz over 2,000).
func ouncesWithin(lo, hi int) (from, to string) {
	tenths := func(ml int, round func(float64) float64) string {
		oz := round(float64(ml)/MLPerOz*10) / 10
		return strconv.FormatFloat(oz, 'f', -1, 64)
	}
	return tenths(lo, math.Ceil), tenths(hi, math.Floor)
}

// millilitres parses an amount and keeps it within [lo, hi] ml.
func millilitres(lo, hi int) func(string) (int, error) {
	return func(text string) (int, error) {
		ml, err := parseAmount(text)
		if err != nil {
			return 0, err
		}
		if ml >= lo && ml <= hi {
			return ml, nil
		}
		loOz, hiOz := ouncesWithin(lo, hi)
		err = fmt.Errorf("must be from %s to %s (%s to %s oz), not %s",
			UnitML.Number(lo), UnitML.Format(hi), loOz, hiOz, text)
		if _, convErr := strconv.Atoi(text); convErr == nil {
			if oz := int(math.Round(float64(ml) * MLPerOz)); oz >= lo && oz <= hi {
				err = fmt.Errorf("%w; for ounces write %soz", err, text)
			}
		}
		return 0, err
	}
}

// parseInterval reads a Go duration of at least MinInterval, or "off".
func parseInterval(text string) (time.Duration, error) {
	if strings.EqualFold(text, "off") {
		return 0, nil
	}
	d, err := time.ParseDuration(text)
	if err != nil {
		return 0, fmt.Errorf("%q is not a duration; write it like 45m or 1h30m (or off)", text)
	}
	if d < MinInterval {
		return 0, fmt.Errorf("must be 1m or more, not %s (or off to turn it off)", text)
	}
	return d, nil
}

// MaxSnooze is the longest snooze: longer is quiet mode's job.
const MaxSnooze = 4 * time.Hour

func parseSnooze(text string) (time.Duration, error) {
	d, err := time.ParseDuration(text)
	if err != nil || d < MinInterval || d > MaxSnooze {
		return 0, fmt.Errorf("must be a duration from 1m to 4h like 10m, not %q", text)
	}
	return d, nil
}

// FormatInterval writes a reminder interval the short way: 45m, 1h30m, 2h, off.
func FormatInterval(d time.Duration) string {
	if d == 0 {
		return "off"
	}
	s := d.String() // like 1h30m0s
	if strings.HasSuffix(s, "m0s") {
		s = strings.TrimSuffix(s, "0s")
	}
	if strings.HasSuffix(s, "h0m") {
		s = strings.TrimSuffix(s, "0m")
	}
	return s
}

// ClockTime is a time of day, in minutes after midnight.
type ClockTime int

// ParseClockTime reads HH:MM (or H:MM) from 00:00 to 23:59.
func ParseClockTime(text string) (ClockTime, error) {
	hh, mm, ok := strings.Cut(text, ":")
	h, herr := strconv.Atoi(hh)
	m, merr := strconv.Atoi(mm)
	if !ok || herr != nil || merr != nil || len(hh) > 2 || len(mm) != 2 ||
		h < 0 || h > 23 || m < 0 || m > 59 || strings.HasPrefix(hh, "+") {
		return 0, fmt.Errorf("must be a time from 00:00 to 23:59 like 09:00, not %q", text)
	}
	return ClockTime(h*60 + m), nil
}

func (c ClockTime) String() string { return fmt.Sprintf("%02d:%02d", int(c)/60, int(c)%60) }

// On is this time of day on day d in loc. On a day the clocks go forward
// a time that does not exist lands after the jump, as time.Date does.
func (c ClockTime) On(d Day, loc *time.Location) time.Time {
	y, m, dd := d.Date().Date()
	return time.Date(y, m, dd, int(c)/60, int(c)%60, 0, 0, loc)
}

func (c ClockTime) MarshalText() ([]byte, error) { return []byte(c.String()), nil }

func (c *ClockTime) UnmarshalText(b []byte) (err error) {
	*c, err = ParseClockTime(string(b))
	return err
}

// Weekdays is a set of days of the week, one bit per time.Weekday.
type Weekdays uint8

// MondayToFriday is the working week.
const MondayToFriday Weekdays = 1<<time.Monday | 1<<time.Tuesday | 1<<time.Wednesday | 1<<time.Thursday | 1<<time.Friday

// weekOrder is the order days are written in: Monday first.
var weekOrder = []time.Weekday{time.Monday, time.Tuesday, time.Wednesday, time.Thursday, time.Friday, time.Saturday, time.Sunday}

// Has tells whether d is in the set.
func (w Weekdays) Has(d time.Weekday) bool { return w&(1<<d) != 0 }

func dayName(d time.Weekday) string { return strings.ToLower(d.String()[:3]) }

// String is the set as mon,tue,... in week order.
func (w Weekdays) String() string {
	var names []string
	for _, d := range weekOrder {
		if w.Has(d) {
			names = append(names, dayName(d))
		}
	}
	return strings.Join(names, ",")
}

// ParseWeekdays reads days separated by commas, each a name (mon, tue or
// tuesday…) or a range (mon-fri).
func ParseWeekdays(text string) (Weekdays, error) {
	var set Weekdays
	for part := range strings.SplitSeq(strings.ToLower(text), ",") {
		part = strings.TrimSpace(part)
		if part == "" {
			continue
		}
		from, to, isRange := strings.Cut(part, "-")
		first, err := parseWeekday(strings.TrimSpace(from))
		if err != nil {
			return 0, err
		}
		last := first
		if isRange {
			if last, err = parseWeekday(strings.TrimSpace(to)); err != nil {
				return 0, err
			}
		}
		set |= daySpan(first, last)
	}
	if set == 0 {
		return 0, fmt.Errorf("needs at least one day, like mon,tue,wed,thu,fri")
	}
	return set, nil
}

// daySpan is first…last in week order, wrapping past Sunday (fri-mon).
func daySpan(first, last time.Weekday) Weekdays {
	var set Weekdays
	for d := first; ; d = (d + 1) % 7 {
		set |= 1 << d
		if d == last {
			return set
		}
	}
}

func parseWeekday(word string) (time.Weekday, error) {
	lower := strings.ToLower(word)
	var names []string // short and full: a misspelt full name is near its own
	for _, d := range weekOrder {
		full := strings.ToLower(d.String())
		if len(lower) >= 3 && strings.HasPrefix(full, lower) {
			return d, nil
		}
		names = append(names, dayName(d), full)
	}
	if best, ok := text.Closest(lower, names); ok {
		return 0, fmt.Errorf("unknown day %q; did you mean %s?", word, best[:3])
	}
	return 0, fmt.Errorf("unknown day %q; use mon, tue, wed, thu, fri, sat, sun", word)
}

func (w Weekdays) MarshalText() ([]byte, error) { return []byte(w.String()), nil }

func (w *Weekdays) UnmarshalText(b []byte) (err error) {
	*w, err = ParseWeekdays(string(b))
	return err
}

func parseSwitch(text string) (bool, error) {
	switch strings.ToLower(text) {
	case "on", "true", "yes", "1":
		return true, nil
	case "off", "false", "no", "0":
		return false, nil
	}
	return false, fmt.Errorf("must be on or off, not %q", text)
}

func formatSwitch(on bool) string {
	if on {
		return "on"
	}
	return "off"
}

// Limits of sync.interval: more often than a minute only churns the sync
// tool; less often than daily is no longer syncing.
const (
	MinSyncInterval = time.Minute
	MaxSyncInterval = 24 * time.Hour
)

func parseSyncInterval(text string) (time.Duration, error) {
	if strings.EqualFold(text, "off") {
		return 0, errors.New("cannot be off; to stop syncing set sync.dir off")
	}
	d, err := time.ParseDuration(text)
	if err != nil || d < MinSyncInterval || d > MaxSyncInterval {
		return 0, fmt.Errorf("must be a duration from 1m to 24h like 5m, not %q", text)
	}
	return d, nil
}

// parseSyncDir reads the sync folder: a full path, kept cleaned, or off
// (or nothing) for none. Whether the folder exists is not asked here: a
// network folder or a stick may be away for a while, and the setting
// stays readable meanwhile.
func parseSyncDir(path string) (string, error) {
	switch {
	case path == "" || strings.EqualFold(path, "off"):
		return "", nil
	case text.Printable(path) != path:
		return "", errors.New("must be a folder's path without control characters")
	case strings.HasPrefix(path, "~"):
		return "", fmt.Errorf("write the folder's full path, like /home/you/Sync, not %q: ~ is not expanded here", path)
	case !filepath.IsAbs(path):
		return "", fmt.Errorf("must be a folder's full path, like /home/you/Sync (or off), not %q", path)
	}
	return filepath.Clean(path), nil
}

func formatSyncDir(path string) string {
	if path == "" {
		return "off"
	}
	return path
}
