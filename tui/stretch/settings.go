package stretch

import "lumbar/store"

// The Stretch tab's settings, as stored in the data file.
const (
	settingBell       = "stretch.bell"        // a bell at each transition and 3-2-1
	settingSpeak      = "stretch.speak"       // spoken cues, when a speech program is installed
	settingPainPrompt = "stretch.pain_prompt" // ask for pain before and after a routine
)

type settings struct {
	Bell, Speak, PainPrompt bool
}

func defaultSettings() settings {
	return settings{Bell: true, Speak: false, PainPrompt: true}
}

// readSettings is the one place the tab reads its settings: defaults, then
// whatever the data file holds, in one transaction.
func readSettings(s *store.Store) (settings, error) {
	set := defaultSettings()
	err := s.View(func(tx *store.Tx) error {
		for name, value := range map[string]*bool{settingBell: &set.Bell, settingSpeak: &set.Speak, settingPainPrompt: &set.PainPrompt} {
			if _, err := store.GetSetting(tx, name, value); err != nil {
				return err
			}
		}
		return nil
	})
	return set, err
}

// saveSetting writes one setting in its own transaction.
func saveSetting(s *store.Store, name string, value bool) error {
	return s.Update(func(tx *store.Tx) error { return store.PutSetting(tx, name, value) })
}
