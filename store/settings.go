package store

import "lumbar/store/diary"

// LoadSettings reads every setting in one transaction.
func LoadSettings(tx *Tx) (diary.Settings, error) { return loadSettingsExcept(tx, nil) }

// loadSettingsExcept reads every setting but those named in skip, which
// keep their defaults: a value about to be replaced need not be readable.
func loadSettingsExcept(tx *Tx, skip map[string]string) (diary.Settings, error) {
	s := diary.DefaultSettings()
	for _, st := range diary.AllSettings() {
		if _, skipped := skip[st.Name()]; skipped {
			continue
		}
		if kept := settingBytes(tx, st.Name()); kept != nil {
			if err := st.Decode(kept, &s); err != nil {
				return s, err
			}
		}
	}
	return s, nil
}

// ChangeSettings parses each name → text pair, checks the result as a
// whole, and stores the values named, each recorded in the outbox but
// those that are this computer's own (diary.Setting.Local): they are
// synced; other things kept among the settings are local state.
// Anything refused is an error and nothing is written (the caller's
// transaction is rolled back).
func ChangeSettings(tx *Tx, texts map[string]string) error {
	current, err := loadSettingsExcept(tx, texts) // so a damaged value can be set right
	if err != nil {
		return err
	}
	next, err := diary.ApplySettings(current, texts)
	if err != nil {
		return err
	}
	for _, st := range diary.AllSettings() {
		if _, named := texts[st.Name()]; named {
			kept, err := st.Encode(next)
			if err != nil {
				return err
			}
			if err := putSettingBytes(tx, st.Name(), kept); err != nil {
				return err
			}
			if st.Local() {
				continue // this computer's own: never sent
			}
			if err := tx.recordSetting(st.Name(), kept); err != nil {
				return err
			}
		}
	}
	return nil
}
