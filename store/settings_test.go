package store

import (
	"strings"
	"testing"
	"time"

	"lumbar/store/diary"
)

func TestChangeSettingsStoresTypedJSON(t *testing.T) {
	s := openTemp(t)
	err := s.Update(func(tx *Tx) error {
		return ChangeSettings(tx, map[string]string{
			"water.goal": "2500", "hours.start": "08:00", "hours.days": "mon-sat",
			"posture.interval": "45m", "stretch.bell": "off",
		})
	})
	if err != nil {
		t.Fatal(err)
	}
	_ = s.View(func(tx *Tx) error {
		got, err := LoadSettings(tx)
		if err != nil {
			t.Fatal(err)
		}
		if got.WaterGoalML != 2500 || got.HoursStart != 8*60 || !got.HoursDays.Has(time.Saturday) ||
			got.PostureInterval != 45*time.Minute || got.StretchBell || got.WaterGlassML != 250 {
			t.Errorf("loaded %+v", got)
		}
		// Other tabs read settings with GetSetting into the Go type.
		var bell bool
		var goal int
		var start diary.ClockTime
		if found, err := GetSetting(tx, "stretch.bell", &bell); !found || err != nil || bell {
			t.Errorf("stretch.bell as a JSON bool: %v %v %v", found, err, bell)
		}
		if found, err := GetSetting(tx, "water.goal", &goal); !found || err != nil || goal != 2500 {
			t.Errorf("water.goal as a JSON number: %v %v %v", found, err, goal)
		}
		if found, err := GetSetting(tx, "hours.start", &start); !found || err != nil || start != 8*60 {
			t.Errorf("hours.start: %v %v %v", found, err, start)
		}
		if found, _ := GetSetting(tx, "water.unit", new(string)); found {
			t.Error("an unchanged setting was written")
		}
		return nil
	})
}

func TestSettingRefusalsWriteNothing(t *testing.T) {
	s := openTemp(t)
	before := checksum(t, s.Path())
	for _, changes := range []map[string]string{
		{"water.goal": "0"},
		{"water.gaol": "2000"},
		{"water.goal": "2500", "move.interval": "10s"}, // one bad value spoils the lot
		{"hours.start": "18:00"},                       // the default end
		{"hours.start": "12:00", "hours.end": "12:00"},
		{"hours.days": "someday"},
	} {
		err := s.Update(func(tx *Tx) error { return ChangeSettings(tx, changes) })
		if err == nil {
			t.Errorf("%v accepted", changes)
		}
		if checksum(t, s.Path()) != before {
			t.Fatalf("%v changed the file", changes)
		}
	}
	// Moving both ends at once is fine, and so are hours that run past
	// midnight.
	for _, changes := range []map[string]string{
		{"hours.start": "19:00", "hours.end": "23:00"},
		{"hours.start": "22:00", "hours.end": "06:00"},
	} {
		if err := s.Update(func(tx *Tx) error { return ChangeSettings(tx, changes) }); err != nil {
			t.Errorf("%v: %v", changes, err)
		}
	}
}

func TestInvalidStoredSettingIsReported(t *testing.T) {
	s := openTemp(t)
	if err := s.Update(func(tx *Tx) error { return PutSetting(tx, "water.goal", -5) }); err != nil {
		t.Fatal(err)
	}
	err := s.View(func(tx *Tx) error { _, err := LoadSettings(tx); return err })
	if err == nil || !strings.Contains(err.Error(), "lumbar config set water.goal") {
		t.Errorf("a stored -5 ml goal: %v", err)
	}
	// The advice works: the damaged value can be replaced.
	if err := s.Update(func(tx *Tx) error { return ChangeSettings(tx, map[string]string{"water.goal": "1500"}) }); err != nil {
		t.Fatalf("setting the damaged value right: %v", err)
	}
	err = s.View(func(tx *Tx) error {
		got, err := LoadSettings(tx)
		if got.WaterGoalML != 1500 {
			t.Errorf("goal now %d", got.WaterGoalML)
		}
		return err
	})
	if err != nil {
		t.Error(err)
	}
}

// A goal above today's cap, saved when lumbar allowed up to 10,000 ml,
// reads as the cap instead of locking every setting.
func TestOldWaterGoalAboveTheCapReadsAsTheCap(t *testing.T) {
	s := openTemp(t)
	if err := s.Update(func(tx *Tx) error { return PutSetting(tx, "water.goal", 6000) }); err != nil {
		t.Fatal(err)
	}
	var got diary.Settings
	err := s.View(func(tx *Tx) (err error) {
		got, err = LoadSettings(tx)
		return err
	})
	if err != nil || got.WaterGoalML != diary.MaxWaterGoalML {
		t.Errorf("loaded goal %d, %v; want %d", got.WaterGoalML, err, diary.MaxWaterGoalML)
	}
}
