package diary

import (
	"strings"
	"testing"
	"time"

	"lumbar/store/text"
)

func TestDefaultsParseAndRoundTrip(t *testing.T) {
	defaults := DefaultSettings()
	for _, st := range AllSettings() {
		if err := st.Check(st.Default()); err != nil {
			t.Errorf("%s: default %q refused: %v", st.Name(), st.Default(), err)
		}
		if got := st.Format(defaults); got != st.Default() {
			t.Errorf("%s: DefaultSettings holds %q, registry says %q", st.Name(), got, st.Default())
		}
		if st.Help() == "" || st.Syntax() == "" || st.Section() == "" {
			t.Errorf("%s lacks help, syntax or section", st.Name())
		}
	}
	if err := defaults.Validate(); err != nil {
		t.Error(err)
	}
	want := Settings{
		WaterGoalML: 2000, WaterGlassML: 250, WaterUnit: UnitML,
		WaterInterval: time.Hour, PostureInterval: 30 * time.Minute, MoveInterval: 50 * time.Minute,
		LogEnabled: true, LogTime: 20 * 60, Snooze: 10 * time.Minute,
		HoursStart: 9 * 60, HoursEnd: 18 * 60, HoursDays: MondayToFriday,
		Bell: true, Notify: false, StretchBell: true, StretchSpeak: false, StretchPainPrompt: true,
		SyncDir: "", SyncInterval: 5 * time.Minute,
	}
	if defaults != want {
		t.Errorf("defaults = %+v\nwant       %+v", defaults, want)
	}
}

func TestSettingValues(t *testing.T) {
	tests := []struct {
		name, text string
		want       string // canonical form; "" when refused
		refusal    string // part of the one-line refusal
	}{
		{"water.goal", "2500", "2500", ""},
		{"water.goal", " 1750ml ", "1750", ""},
		{"water.goal", "64oz", "1893", ""},
		{"water.goal", "2.5l", "2500", ""},
		{"water.goal", "0", "", "must be from 100 to 4,000 ml"},
		{"water.goal", "4000", "4000", ""},
		{"water.goal", "4l", "4000", ""},
		{"water.goal", "135oz", "3992", ""},
		{"water.goal", "4001", "", "at most 4,000 ml (135 oz) a day, not 4001"},
		{"water.goal", "136oz", "", "If a doctor gave you a fluid limit, follow it"},
		{"water.goal", "10l", "", "at most 4,000 ml"},
		{"water.goal", "-500", "", "not -500"},
		{"water.goal", "64", "", "for ounces write 64oz"},
		{"water.goal", "lots", "", `"lots" is not an amount`},
		{"water.goal", "NaN", "", "is not an amount"},
		{"water.glass", "330", "330", ""},
		{"water.glass", "5000", "", "from 10 to 2,000 ml (0.4 to 67.6 oz)"},
		{"water.glass", "0.3oz", "", "from 10 to 2,000 ml (0.4 to 67.6 oz)"},
		{"water.glass", "68oz", "", "from 10 to 2,000 ml (0.4 to 67.6 oz)"},
		{"water.glass", "0.4oz", "12", ""},
		{"water.glass", "67.6oz", "1999", ""},
		{"water.unit", "OZ", "oz", ""},
		{"water.unit", "cups", "", "must be ml or oz"},
		{"posture.interval", "45m", "45m", ""},
		{"posture.interval", "1h30m", "1h30m", ""},
		{"posture.interval", "2h", "2h", ""},
		{"posture.interval", "90s", "1m30s", ""},
		{"posture.interval", "off", "off", ""},
		{"move.interval", "30s", "", "must be 1m or more"},
		{"move.interval", "0", "", "must be 1m or more"},
		{"move.interval", "-5m", "", "must be 1m or more"},
		{"move.interval", "45", "", `"45" is not a duration`},
		{"water.interval", "an hour", "", "is not a duration"},
		{"hours.start", "08:30", "08:30", ""},
		{"hours.start", "8:30", "08:30", ""},
		{"hours.start", "00:00", "00:00", ""},
		{"hours.end", "23:59", "23:59", ""},
		{"hours.end", "24:00", "", "from 00:00 to 23:59"},
		{"hours.end", "12:60", "", "from 00:00 to 23:59"},
		{"hours.end", "9am", "", "from 00:00 to 23:59"},
		{"hours.end", "-1:00", "", "from 00:00 to 23:59"},
		{"hours.days", "mon,tue,wed,thu,fri", "mon,tue,wed,thu,fri", ""},
		{"hours.days", "Mon-Fri", "mon,tue,wed,thu,fri", ""},
		{"hours.days", "sun, saturday", "sat,sun", ""},
		{"hours.days", "fri-mon", "mon,fri,sat,sun", ""},
		{"hours.days", "tues,thurs", "tue,thu", ""},
		{"hours.days", "mon,tue,frj", "", `unknown day "frj"; did you mean fri?`},
		{"hours.days", "munday", "", `unknown day "munday"; did you mean mon?`},
		{"hours.days", "Wendsday", "", `unknown day "wendsday"; did you mean wed?`},
		{"hours.days", "holidays", "", `unknown day "holidays"`},
		{"hours.days", " , ", "", "at least one day"},
		{"bell", "off", "off", ""},
		{"bell", "YES", "on", ""},
		{"notify", "maybe", "", "must be on or off"},
		{"sync.dir", "/home/ana/Sync", "/home/ana/Sync", ""},
		{"sync.dir", "/home/ana/Sync/ ", "/home/ana/Sync", ""},
		{"sync.dir", "/mnt/nas/../nas/diary folder", "/mnt/nas/diary folder", ""},
		{"sync.dir", "off", "off", ""},
		{"sync.dir", "", "off", ""},
		{"sync.dir", "~/Sync", "", "write the folder's full path, like /home/you/Sync, not \"~/Sync\": ~ is not expanded"},
		{"sync.dir", "Sync", "", "must be a folder's full path"},
		{"sync.dir", "/tmp/a\x1b[2Jb", "", "without control characters"},
		{"sync.interval", "5m", "5m", ""},
		{"sync.interval", "1m", "1m", ""},
		{"sync.interval", "24h", "24h", ""},
		{"sync.interval", "90s", "1m30s", ""},
		{"sync.interval", "30s", "", "from 1m to 24h"},
		{"sync.interval", "25h", "", "from 1m to 24h"},
		{"sync.interval", "soon", "", "from 1m to 24h"},
		{"sync.interval", "off", "", "to stop syncing set sync.dir off"},
	}
	for _, tt := range tests {
		st, err := LookupSetting(tt.name)
		if err != nil {
			t.Fatal(err)
		}
		var s Settings
		err = st.apply(&s, tt.text)
		switch {
		case tt.want != "" && err != nil:
			t.Errorf("%s %q refused: %v", tt.name, tt.text, err)
		case tt.want != "" && st.Format(s) != tt.want:
			t.Errorf("%s %q = %q, want %q", tt.name, tt.text, st.Format(s), tt.want)
		case tt.want == "" && err == nil:
			t.Errorf("%s %q accepted as %q", tt.name, tt.text, st.Format(s))
		case tt.want == "" && (!strings.Contains(err.Error(), tt.refusal) || !strings.HasPrefix(err.Error(), tt.name+": ") ||
			strings.Contains(err.Error(), "\n")):
			t.Errorf("%s %q refused with %q, want one line naming the setting and %q", tt.name, tt.text, err, tt.refusal)
		}
	}
}

// Only the sync folder is this computer's own: every other setting
// follows the diary to other computers.
func TestOnlyTheSyncFolderIsLocal(t *testing.T) {
	for _, st := range AllSettings() {
		if st.Local() != (st.Name() == "sync.dir") || LocalSetting(st.Name()) != st.Local() {
			t.Errorf("%s: Local() = %v", st.Name(), st.Local())
		}
	}
	if LocalSetting("sync.folder") {
		t.Error("an unknown setting reads as local")
	}
}

func TestUnknownSettingSuggestsClosest(t *testing.T) {
	for name, want := range map[string]string{
		"water.gaol":      "did you mean water.goal?",
		"posture.intervl": "did you mean posture.interval?",
		"Bell":            "", // found: names are exact, but the hint is case-blind
		"frobnicate":      "lumbar config list shows them all",
	} {
		_, err := LookupSetting(name)
		if name == "Bell" {
			if err == nil || !strings.Contains(err.Error(), "did you mean bell?") {
				t.Errorf("Bell: %v", err)
			}
			continue
		}
		if err == nil || !strings.Contains(err.Error(), want) {
			t.Errorf("%s: %v, want %q", name, err, want)
		}
	}
}

func TestWaterUnitFormat(t *testing.T) {
	for _, tt := range []struct {
		unit WaterUnit
		ml   int
		want string
	}{{UnitML, 250, "250 ml"}, {UnitOz, 250, "8 oz"}, {UnitOz, 2000, "68 oz"}, {UnitML, 0, "0 ml"}} {
		if got := tt.unit.Format(tt.ml); got != tt.want {
			t.Errorf("%s.Format(%d) = %q, want %q", tt.unit, tt.ml, got, tt.want)
		}
	}
}

func TestClockTimeOnADayTheClocksChange(t *testing.T) {
	london, err := time.LoadLocation("Europe/London")
	if err != nil {
		t.Skip(err)
	}
	spring, _ := ParseDay("2026-03-29")
	if got := ClockTime(9*60).On(spring, london); got.Format("15:04 MST") != "09:00 BST" {
		t.Errorf("09:00 on the day the clocks go forward = %s", got.Format("15:04 MST"))
	}
	if got := ClockTime(60+30).On(spring, london); got.Format("15:04 MST") != "02:30 BST" {
		t.Errorf("01:30, which does not exist that day, = %s; want it after the jump", got.Format("15:04 MST"))
	}
}

// Water amounts are written with their thousands separated, like every
// other figure, in millilitres and in ounces, and read back as written.
func TestWaterAmountsSeparateThousands(t *testing.T) {
	for _, c := range []struct {
		unit WaterUnit
		ml   int
		want string
	}{
		{UnitML, 0, "0 ml"}, {UnitML, 250, "250 ml"}, {UnitML, 999, "999 ml"},
		{UnitML, 1000, "1,000 ml"}, {UnitML, 2000, "2,000 ml"}, {UnitML, 12345, "12,345 ml"},
		{UnitML, 1234567, "1,234,567 ml"}, {UnitOz, 29574, "1,000 oz"}, {UnitOz, 2000, "68 oz"},
	} {
		if got := c.unit.Format(c.ml); got != c.want {
			t.Errorf("%s.Format(%d) = %q, want %q", c.unit, c.ml, got, c.want)
		}
	}
	if got := text.Thousands(-1500); got != "-1,500" {
		t.Errorf("text.Thousands(-1500) = %q", got)
	}
	for text, want := range map[string]int{"2,000 ml": 2000, "2,000": 2000, "1,500.5ml": 1501, "2000": 2000, "1.5l": 1500} {
		if got, err := parseAmount(text); err != nil || got != want {
			t.Errorf("parseAmount(%q) = %d, %v; want %d", text, got, err, want)
		}
	}
	for _, text := range []string{"2,00", "20,00 ml", ",500", "1,5l"} {
		if got, err := parseAmount(text); err == nil {
			t.Errorf("parseAmount(%q) = %d, want a refusal", text, got)
		}
	}
}
