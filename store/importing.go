package store

import (
	"bytes"
	"encoding/json"
	"fmt"
	"maps"
	"slices"

	"lumbar/store/diary"
)

// Outcome is what bringing in one record (or setting) from an export came
// to: importing the same export twice adds nothing, and a record the file
// holds otherwise is reported, never silently overwritten.
type Outcome int

// The outcomes of an import.
const (
	Added        Outcome = iota // the key was free; the record is now there
	AlreadyThere                // the key holds the same record; nothing written
	Conflicting                 // the key holds another record; left as it was
	Replaced                    // the key held another record; replaced as asked
)

// importItem validates v and stores it under k, the key (ID) it was
// exported with, as compareItem tells: unless k already holds v
// (AlreadyThere) or another record (Conflicting, or Replaced when replace
// is set).
func importItem[T diary.Checked](tx *Tx, b Bucket, k Key, v T, replace bool) (Outcome, error) {
	o, err := compareItem(tx, b, k, v, replace)
	if err == nil && (o == Added || o == Replaced) {
		err = putItem(tx, b, k, v)
	}
	return o, err
}

// compareItem validates v and tells what importing it under k would come
// to, writing nothing. Records compare by their encoding as this lumbar
// writes them, so a record an older lumbar encoded otherwise still counts
// as the same.
func compareItem[T diary.Checked](tx *Tx, b Bucket, k Key, v T, replace bool) (Outcome, error) {
	if err := CheckKeyed(k, v); err != nil {
		return 0, err
	}
	bk, err := tx.bucket(b)
	if err != nil {
		return 0, err
	}
	raw := bk.Get(k[:])
	switch {
	case raw == nil:
		return Added, nil
	case sameRecord(raw, v):
		return AlreadyThere, nil
	case replace:
		return Replaced, nil
	}
	return Conflicting, nil
}

// CheckKeyed refuses a record that cannot be kept under k: one that does
// not validate, or one made at another instant than k's (a key begins
// with the instant its record was made, so the file stays in time order).
func CheckKeyed(k Key, v diary.Checked) error {
	if err := v.Validate(); err != nil {
		return err
	}
	if at := v.Stamped().At; !k.Time().Equal(at) {
		return fmt.Errorf("ID %s is not of a record made at %s", k.ID(), at.Format("2006-01-02T15:04:05.999999999Z07:00"))
	}
	return nil
}

// sameRecord tells whether the stored bytes raw hold v. A value that
// cannot be read is not the same as any.
func sameRecord[T any](raw []byte, v T) bool {
	var stored T
	if json.Unmarshal(raw, &stored) != nil {
		return false
	}
	a, errA := json.Marshal(stored)
	b, errB := json.Marshal(v)
	return errA == nil && errB == nil && bytes.Equal(a, b)
}

// ImportSettings brings in settings as name → text (as lumbar config
// shows them), inside tx. A setting the file holds with the same value is
// AlreadyThere, one it holds with another value Conflicting unless
// replace; one never set is Added. Values are checked as lumbar config
// set checks them; anything refused writes nothing (the caller's
// transaction is rolled back).
func ImportSettings(tx *Tx, texts map[string]string, replace bool) (map[string]Outcome, error) {
	outcomes, err := CompareSettings(tx, texts, replace)
	if err != nil {
		return nil, err
	}
	return outcomes, ChangeSettings(tx, settingsToWrite(texts, outcomes))
}

// CompareSettings checks settings as ImportSettings does and tells what
// importing them would come to, writing nothing.
func CompareSettings(tx *Tx, texts map[string]string, replace bool) (map[string]Outcome, error) {
	current, err := LoadSettings(tx)
	if err != nil {
		return nil, err
	}
	outcomes := map[string]Outcome{}
	for _, name := range slices.Sorted(maps.Keys(texts)) {
		st, err := diary.LookupSetting(name)
		if err != nil {
			return nil, err
		}
		if st.Local() {
			return nil, fmt.Errorf("setting %s belongs to one computer and is not imported; "+
				"take it out of the file, and set it with lumbar config set %s", name, name)
		}
		if err := st.Check(texts[name]); err != nil {
			return nil, err // names the setting
		}
		outcomes[name] = settingOutcome(tx, st, current, texts[name], replace)
	}
	_, err = diary.ApplySettings(current, settingsToWrite(texts, outcomes))
	return outcomes, err // settings that cannot go together are refused before any write
}

// settingsToWrite is the settings of texts an import writes.
func settingsToWrite(texts map[string]string, outcomes map[string]Outcome) map[string]string {
	write := map[string]string{}
	for name, o := range outcomes {
		if o == Added || o == Replaced {
			write[name] = texts[name]
		}
	}
	return write
}

// settingOutcome compares an imported setting with the one in the file,
// as text in the same (canonical) form.
func settingOutcome(tx *Tx, st diary.Setting, current diary.Settings, text string, replace bool) Outcome {
	imported, _ := diary.ApplySettings(current, map[string]string{st.Name(): text})
	switch {
	case settingBytes(tx, st.Name()) == nil:
		return Added
	case st.Format(imported) == st.Format(current):
		return AlreadyThere
	case replace:
		return Replaced
	}
	return Conflicting
}
