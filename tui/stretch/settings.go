package stretch

import (
	"lumbar/store"
	"lumbar/store/diary"
)

// The Stretch tab's settings, by their names in the settings registry
// (store/diary/settings.go), which holds their defaults and help.
const (
	settingBell       = "stretch.bell"        // a bell at each transition and 3-2-1
	settingSpeak      = "stretch.speak"       // spoken cues, when a speech program is installed
	settingPainPrompt = "stretch.pain_prompt" // ask for pain before and after a routine
)

type settings struct {
	Bell, Speak, PainPrompt bool
}

func fromRegistry(all diary.Settings) settings {
	return settings{Bell: all.StretchBell, Speak: all.StretchSpeak, PainPrompt: all.StretchPainPrompt}
}

func defaultSettings() settings { return fromRegistry(diary.DefaultSettings()) }

// readSettings is the one place the tab reads its settings.
func readSettings(s *store.Store) (settings, error) {
	var all diary.Settings
	err := s.View(func(tx *store.Tx) (err error) {
		all, err = store.LoadSettings(tx)
		return err
	})
	if err != nil {
		return defaultSettings(), err
	}
	return fromRegistry(all), nil
}

// saveSetting writes one setting, through the registry's checks, in its
// own transaction.
func saveSetting(s *store.Store, name string, value bool) error {
	text := "off"
	if value {
		text = "on"
	}
	return s.Update(func(tx *store.Tx) error {
		return store.ChangeSettings(tx, map[string]string{name: text})
	})
}
