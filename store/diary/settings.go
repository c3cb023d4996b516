package diary

import (
	"encoding/json"
	"fmt"
	"strconv"
	"strings"
	"time"

	"lumbar/store/text"
)

// Settings is every setting's value, typed. LoadSettings fills it from the
// data file; a setting never set keeps its default.
type Settings struct {
	WaterGoalML       int
	WaterGlassML      int
	WaterUnit         WaterUnit
	WaterInterval     time.Duration // 0: the water reminder is off
	PostureInterval   time.Duration // 0: off
	MoveInterval      time.Duration // 0: off
	LogEnabled        bool          // the daily nudge to log pain
	LogTime           ClockTime     // when the nudge comes, on active days with nothing logged
	Snooze            time.Duration // how long a snooze puts a reminder off
	HoursStart        ClockTime
	HoursEnd          ClockTime
	HoursDays         Weekdays
	Bell              bool
	Notify            bool
	StretchBell       bool
	StretchSpeak      bool
	StretchPainPrompt bool
	SyncDir           string        // "": the app and lumbar remind do not sync
	SyncInterval      time.Duration // between the app's (and lumbar remind's) syncs
}

// Setting is one entry of the settings registry as commands and forms see
// it: by name, with values as text. Each is stored in meta/settings as the
// JSON of its Go type (an int for millilitres, a bool for switches, a
// number of nanoseconds for durations, "09:00" for times of day).
type Setting interface {
	Name() string
	Help() string      // one line: what it does
	Syntax() string    // what a value looks like, for refusals and lists
	Section() string   // the heading it is shown under in forms
	Choices() []string // the only values allowed, when they are few; else nil
	Default() string
	// Local tells whether the setting belongs to this computer alone (a
	// folder's path): it is never synced to other computers, exported or
	// imported.
	Local() bool
	// Format is this setting's value in s, as text that Parse accepts.
	Format(s Settings) string
	// Check parses text and tells why it is refused, if it is.
	Check(text string) error

	// Encode is this setting's value in s as it is kept in the data file.
	Encode(s Settings) ([]byte, error)
	// Decode reads a kept value into s, refusing one that would not have
	// been accepted from the command line.
	Decode(kept []byte, s *Settings) error

	apply(s *Settings, text string) error
}

// Registry sections.
const (
	SectionWater    = "Water"
	SectionReminder = "Reminders"
	SectionHours    = "Active hours"
	SectionDelivery = "Delivery"
	SectionStretch  = "Stretch"
	SectionSync     = "Sync"
)

// Limits of the water settings, in millilitres.
const (
	minWaterGoalML = 100
	// MaxWaterGoalML caps the daily goal: more is not healthier, and a
	// person whose doctor sets a fluid amount follows that instead.
	MaxWaterGoalML  = 4000
	minWaterGlassML = 10
	maxWaterGlassML = 2000
	// MinInterval is the shortest reminder interval: anything shorter
	// would be nagging, and is usually a typo ("30s" for "30m").
	MinInterval = time.Minute
)

// registry is the one list of settings, in the order they are shown.
var registry = []Setting{
	waterGoal(),
	amount("water.glass", "how much one glass holds (w in the app, lumbar water)", 250, minWaterGlassML, maxWaterGlassML,
		func(s *Settings) *int { return &s.WaterGlassML }),
	&typed[WaterUnit]{name: "water.unit", section: SectionWater, initial: UnitML,
		help: "show water in millilitres or US fluid ounces", syntax: "ml or oz",
		choices: []string{string(UnitML), string(UnitOz)},
		field:   func(s *Settings) *WaterUnit { return &s.WaterUnit },
		parse:   parseUnit, format: func(u WaterUnit) string { return string(u) }},
	interval("water.interval", "time between water reminders (only while you are behind pace)", time.Hour,
		func(s *Settings) *time.Duration { return &s.WaterInterval }),
	interval("posture.interval", "time between posture check-ins", 30*time.Minute,
		func(s *Settings) *time.Duration { return &s.PostureInterval }),
	interval("move.interval", "sitting time before a prompt to stand up and move", 50*time.Minute,
		func(s *Settings) *time.Duration { return &s.MoveInterval }),
	onOff("log.enabled", SectionReminder, "ask \"How is your back today?\" once a day when nothing is logged", true,
		func(s *Settings) *bool { return &s.LogEnabled }),
	clockTime("log.time", SectionReminder, "when the daily log reminder asks, on active days", 20*60,
		func(s *Settings) *ClockTime { return &s.LogTime }),
	&typed[time.Duration]{name: "snooze", section: SectionReminder, initial: 10 * time.Minute,
		help: "how long a snooze puts a reminder off", syntax: "a duration from 1m to 4h, like 10m",
		field: func(s *Settings) *time.Duration { return &s.Snooze },
		parse: parseSnooze, format: FormatInterval},
	clockTime("hours.start", SectionHours, "reminders start at this time", 9*60,
		func(s *Settings) *ClockTime { return &s.HoursStart }),
	clockTime("hours.end", SectionHours, "reminders stop at this time (before the start: the next morning)", 18*60,
		func(s *Settings) *ClockTime { return &s.HoursEnd }),
	&typed[Weekdays]{name: "hours.days", section: SectionHours, initial: MondayToFriday,
		help: "days with reminders", syntax: "days like mon,tue,wed,thu,fri or mon-fri",
		field: func(s *Settings) *Weekdays { return &s.HoursDays },
		parse: ParseWeekdays, format: Weekdays.String},
	onOff("bell", SectionDelivery, "ring the terminal bell when a reminder comes due", true,
		func(s *Settings) *bool { return &s.Bell }),
	onOff("notify", SectionDelivery, "also show a desktop notification (where the desktop offers them)", false,
		func(s *Settings) *bool { return &s.Notify }),
	onOff("stretch.bell", SectionStretch, "ring the bell at each step of a stretch routine", true,
		func(s *Settings) *bool { return &s.StretchBell }),
	onOff("stretch.speak", SectionStretch, "read each step of a routine aloud", false,
		func(s *Settings) *bool { return &s.StretchSpeak }),
	onOff("stretch.pain_prompt", SectionStretch, "ask for your pain before and after a routine", true,
		func(s *Settings) *bool { return &s.StretchPainPrompt }),
	&typed[string]{name: "sync.dir", section: SectionSync, local: true,
		help:   "the folder the diary syncs through (lumbar sync DIR sets it); this computer's own, never synced",
		syntax: "a folder's full path, like /home/you/Sync, or off",
		field:  func(s *Settings) *string { return &s.SyncDir },
		parse:  parseSyncDir, format: formatSyncDir},
	&typed[time.Duration]{name: "sync.interval", section: SectionSync, initial: 5 * time.Minute,
		help:   "time between the syncs the app and lumbar remind make with sync.dir",
		syntax: "a duration from 1m to 24h, like 5m",
		field:  func(s *Settings) *time.Duration { return &s.SyncInterval },
		parse:  parseSyncInterval, format: FormatInterval},
}

// amount is a water quantity, kept in millilitres.
func amount(name, help string, def, lo, hi int, field func(*Settings) *int) Setting {
	return &typed[int]{name: name, section: SectionWater, initial: def, help: help, field: field,
		syntax: fmt.Sprintf("millilitres from %s to %s, or ounces like 8oz", UnitML.Number(lo), UnitML.Number(hi)),
		parse:  millilitres(lo, hi), format: strconv.Itoa}
}

// waterGoal is the daily water goal. Above the cap the refusal says why;
// a larger goal kept by an older lumbar (which allowed 10,000 ml) reads
// as the cap rather than locking the settings.
func waterGoal() Setting {
	d := amount("water.goal", "how much to drink a day", 2000, minWaterGoalML, MaxWaterGoalML,
		func(s *Settings) *int { return &s.WaterGoalML }).(*typed[int])
	inRange := d.parse
	d.parse = func(text string) (int, error) {
		if ml, err := parseAmount(text); err == nil && ml > MaxWaterGoalML {
			return 0, fmt.Errorf("at most %s (%s) a day, not %s: more water is not healthier. "+
				"If a doctor gave you a fluid limit, follow it", UnitML.Format(MaxWaterGoalML), UnitOz.Format(MaxWaterGoalML), text)
		}
		return inRange(text)
	}
	d.older = func(ml int) int { return min(ml, MaxWaterGoalML) }
	return d
}

// interval is a reminder interval; 0 (written "off") turns it off.
func interval(name, help string, def time.Duration, field func(*Settings) *time.Duration) Setting {
	return &typed[time.Duration]{name: name, section: SectionReminder, initial: def, help: help, field: field,
		syntax: "a duration of 1m or more, like 45m or 1h30m, or off",
		parse:  parseInterval, format: FormatInterval}
}

func clockTime(name, section, help string, def ClockTime, field func(*Settings) *ClockTime) Setting {
	return &typed[ClockTime]{name: name, section: section, initial: def, help: help, field: field,
		syntax: "a time of day from 00:00 to 23:59, like 09:00",
		parse:  ParseClockTime, format: ClockTime.String}
}

func onOff(name, section, help string, def bool, field func(*Settings) *bool) Setting {
	return &typed[bool]{name: name, section: section, initial: def, help: help, field: field,
		syntax: "on or off", choices: []string{"on", "off"},
		parse: parseSwitch, format: formatSwitch}
}

// AllSettings is the registry, in the order lists and forms show it.
func AllSettings() []Setting { return registry }

// LookupSetting finds a setting by name; an unknown name is refused with
// the closest real one suggested.
func LookupSetting(name string) (Setting, error) {
	names := make([]string, len(registry))
	for i, s := range registry {
		if s.Name() == name {
			return s, nil
		}
		names[i] = s.Name()
	}
	if best, ok := text.Closest(name, names); ok {
		return nil, fmt.Errorf("unknown setting %q; did you mean %s?", name, best)
	}
	return nil, fmt.Errorf("unknown setting %q; lumbar config list shows them all", name)
}

// SharedSettings is the registry but the settings that are this
// computer's own: what other computers and an export receive.
func SharedSettings() []Setting {
	var shared []Setting
	for _, st := range registry {
		if !st.Local() {
			shared = append(shared, st)
		}
	}
	return shared
}

// LocalSetting tells whether the setting called name is this computer's
// own (Setting.Local); an unknown name is not.
func LocalSetting(name string) bool {
	st, err := LookupSetting(name)
	return err == nil && st.Local()
}

// DefaultSettings is every setting at its default.
func DefaultSettings() Settings {
	var s Settings
	for _, st := range registry {
		_ = st.apply(&s, st.Default()) // defaults always parse: TestDefaultsParse
	}
	return s
}

// ApplySettings is s with each name → text pair parsed into it, checked
// as a whole (so a form can refuse a start after the end as it is typed).
func ApplySettings(s Settings, texts map[string]string) (Settings, error) {
	for name := range texts {
		if _, err := LookupSetting(name); err != nil {
			return s, err
		}
	}
	for _, st := range registry { // registry order: errors come out in a stable order
		if text, named := texts[st.Name()]; named {
			if err := st.apply(&s, text); err != nil {
				return s, err
			}
		}
	}
	return s, s.Validate()
}

// Glasses is how many glasses ml makes, counted down.
func (s Settings) Glasses(ml int) int { return ml / s.WaterGlassML }

// GoalGlasses is the daily goal in glasses, counted up.
func (s Settings) GoalGlasses() int { return (s.WaterGoalML + s.WaterGlassML - 1) / s.WaterGlassML }

// Validate checks what single settings cannot check alone.
func (s Settings) Validate() error {
	if s.HoursStart == s.HoursEnd {
		return fmt.Errorf("hours.start and hours.end are both %s; active hours need a start and a different end "+
			"(an end before the start runs past midnight, like 22:00 to 06:00)", s.HoursStart)
	}
	return nil
}

// HoursCrossMidnight tells whether active hours run past midnight (a night
// shift's 22:00–06:00): each active day's hours then end the next morning.
func (s Settings) HoursCrossMidnight() bool { return s.HoursEnd < s.HoursStart }

// typed is a setting whose value has Go type T.
type typed[T any] struct {
	name, help, syntax, section string
	initial                     T
	choices                     []string
	local                       bool // see Setting.Local
	field                       func(*Settings) *T
	parse                       func(string) (T, error)
	format                      func(T) string
	// older brings a stored value an older lumbar allowed into today's
	// range when it is read; nil when the range never narrowed.
	older func(T) T
}

func (d *typed[T]) Name() string      { return d.name }
func (d *typed[T]) Help() string      { return d.help }
func (d *typed[T]) Section() string   { return d.section }
func (d *typed[T]) Choices() []string { return d.choices }
func (d *typed[T]) Syntax() string    { return d.syntax }
func (d *typed[T]) Default() string   { return d.format(d.initial) }
func (d *typed[T]) Local() bool       { return d.local }

func (d *typed[T]) Format(s Settings) string { return d.format(*d.field(&s)) }

func (d *typed[T]) Check(text string) error {
	_, err := d.parseText(text)
	return err
}

func (d *typed[T]) parseText(text string) (T, error) {
	v, err := d.parse(strings.TrimSpace(text))
	if err != nil {
		return v, fmt.Errorf("%s: %w", d.name, err)
	}
	return v, nil
}

func (d *typed[T]) apply(s *Settings, text string) error {
	v, err := d.parseText(text)
	if err != nil {
		return err
	}
	*d.field(s) = v
	return nil
}

// Decode reads the kept JSON, and refuses a value that would not have
// been accepted from the command line.
func (d *typed[T]) Decode(kept []byte, s *Settings) error {
	var v T
	if err := json.Unmarshal(kept, &v); err != nil {
		return fmt.Errorf("setting %s: %w; set it again with lumbar config set %s VALUE", d.name, err, d.name)
	}
	if d.older != nil {
		v = d.older(v)
	}
	if _, err := d.parse(d.format(v)); err != nil {
		return fmt.Errorf("setting %s holds %q, which is not allowed (%v); fix it with lumbar config set %s VALUE",
			d.name, d.format(v), err, d.name)
	}
	*d.field(s) = v
	return nil
}

// Encode is the value as JSON of its Go type.
func (d *typed[T]) Encode(s Settings) ([]byte, error) {
	kept, err := json.Marshal(*d.field(&s))
	if err != nil {
		return nil, fmt.Errorf("setting %s: %w", d.name, err)
	}
	return kept, nil
}
