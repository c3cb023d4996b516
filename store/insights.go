package store

import (
	"bytes"
	"encoding/json"
	"fmt"
	"strconv"
	"time"

	"lumbar/store/diary"
)

// InsightsOf reads what the insights over the `days` days ending today
// need, in one transaction.
func InsightsOf(tx *Tx, today diary.Day, days int) (diary.Insights, error) {
	first := diary.InsightsStart(today, days)
	byDay := diary.NewPainByDay(first, today)
	err := rangeItemDays(tx, BucketPain, first, today, func(it Item[insightEntry]) error {
		byDay.Add(it.Value.Day(), it.Value.Pain, it.Value.Helped)
		return nil
	})
	if err != nil {
		return diary.Insights{}, err
	}
	var sessions []diary.Session
	err = Sessions.RangeDays(tx, first, today, func(it Item[diary.Session]) error {
		sessions = append(sessions, it.Value)
		return nil
	})
	if err != nil {
		return diary.Insights{}, err
	}
	settings, err := LoadSettings(tx)
	if err != nil {
		settings = diary.DefaultSettings() // a damaged setting must not hide the diary
	}
	water, err := WaterGoalMetDays(tx, first, today, settings.WaterGoalML)
	if err != nil {
		return diary.Insights{}, err
	}
	posture, err := CheckInsPerDay(tx, diary.CheckPosture, first, today)
	if err != nil {
		return diary.Insights{}, err
	}
	logged, err := LoggedDays(tx)
	if err != nil {
		return diary.Insights{}, err
	}
	records := diary.InsightRecords{Sessions: sessions, WaterGoalMet: water, PostureDone: posture, LoggedDays: logged}
	return diary.InsightsFromDays(byDay, records, today, days), nil
}

// insightEntry is what the insights read of a pain entry. Decoding only
// these fields, and summing entries up by day as they are read, keeps ten
// years of a busy diary quick and small.
type insightEntry struct {
	diary.Stamp
	Pain   int      `json:"pain"`
	Helped []string `json:"helped,omitempty"`
}

// UnmarshalJSON reads the few fields straight from the stored JSON, which
// lumbar writes with these names and a quote inside a string always
// escaped, so the first match of a quoted name is that field (see
// recordDay). A value written some other way is decoded in full.
func (e *insightEntry) UnmarshalJSON(raw []byte) error {
	at, okAt := jsonString(raw, `"at":`)
	offset, okOffset := jsonInt(raw, `"utc_offset_seconds":`)
	pain, okPain := jsonInt(raw, `"pain":`)
	if okAt && okOffset && okPain {
		t, err := time.Parse(time.RFC3339Nano, at)
		if err == nil {
			e.Stamp, e.Pain, e.Helped = diary.Stamp{At: t.UTC(), UTCOffset: offset}, pain, nil
			return e.readHelped(raw)
		}
	}
	type plain insightEntry // without this method
	return json.Unmarshal(raw, (*plain)(e))
}

// readHelped reads the "helped" list, if there is one.
func (e *insightEntry) readHelped(raw []byte) error {
	i := bytes.Index(raw, []byte(`"helped":`))
	if i < 0 {
		return nil
	}
	rest := raw[i+len(`"helped":`):]
	end := bytes.IndexByte(rest, ']')
	if end < 0 {
		return fmt.Errorf("helped: no end to the list")
	}
	return json.Unmarshal(rest[:end+1], &e.Helped)
}

// jsonString is the string value after name, if it holds no escapes.
func jsonString(raw []byte, name string) (string, bool) {
	i := bytes.Index(raw, []byte(name))
	if i < 0 {
		return "", false
	}
	rest := raw[i+len(name):]
	if len(rest) < 2 || rest[0] != '"' {
		return "", false
	}
	end := bytes.IndexByte(rest[1:], '"')
	if end < 0 || bytes.IndexByte(rest[1:end+1], '\\') >= 0 {
		return "", false
	}
	return string(rest[1 : end+1]), true
}

// jsonInt is the whole-number value after name.
func jsonInt(raw []byte, name string) (int, bool) {
	i := bytes.Index(raw, []byte(name))
	if i < 0 {
		return 0, false
	}
	rest := raw[i+len(name):]
	end := bytes.IndexAny(rest, ",}")
	if end <= 0 {
		return 0, false
	}
	n, err := strconv.Atoi(string(rest[:end]))
	return n, err == nil
}
