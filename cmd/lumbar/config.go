package main

import (
	"fmt"
	"strings"
	"text/tabwriter"

	"lumbar/store"
	"lumbar/store/diary"
	"lumbar/store/text"
)

var configCommand = command{
	name: "config", synopsis: "list | get KEY | set KEY VALUE", summary: "show or change settings",
	about: `Show or change lumbar's settings, the same ones the Remind tab's settings
form changes. list shows every setting with its value and what it does;
get prints one value; set changes one (a value with spaces may be
written without quotes). A refused value changes nothing.`,
	more: func() string {
		return "Examples:\n  lumbar config list\n  lumbar config get water.goal\n" +
			"  lumbar config set water.goal 2500\n  lumbar config set hours.days mon,tue,wed,thu,fri\n"
	},
	run: runConfig,
}

// configUsage is the one line that says how config is used.
const configUsage = "config needs list, get KEY or set KEY VALUE, e.g. lumbar config set water.goal 2500"

func runConfig(inv *invocation) error {
	a := inv.args
	if len(a.positional) == 0 {
		return a.refuseUsage(configUsage)
	}
	switch verb, rest := a.positional[0], a.positional[1:]; {
	case verb == "list" && len(rest) == 0:
		return configList(inv)
	case verb == "get" && len(rest) == 1:
		return configGet(inv, rest[0])
	case verb == "set" && len(rest) >= 2:
		// A value with spaces may come unquoted: set hours.days mon, tue
		return configSet(inv, rest[0], strings.Join(rest[1:], " "))
	case verb == "list" || verb == "get" || verb == "set":
		return a.refuseUsage(configUsage)
	}
	if best, ok := text.Closest(a.positional[0], []string{"list", "get", "set"}); ok {
		return a.refuseUsage("config has no %s; did you mean %s?", quote(a.positional[0]), best)
	}
	return a.refuseUsage(configUsage)
}

// configList prints every setting: name, value, and what it does (with
// the default where the value differs from it).
func configList(inv *invocation) error {
	set, err := loadSettings(inv)
	if err != nil {
		return err
	}
	tw := tabwriter.NewWriter(inv.stdout, 0, 0, 2, ' ', 0)
	for _, st := range diary.AllSettings() {
		about := st.Help()
		if value := st.Format(set); value != st.Default() {
			about += " (default " + st.Default() + ")"
		}
		fmt.Fprintf(tw, "%s\t%s\t%s\n", st.Name(), st.Format(set), about)
	}
	return tw.Flush()
}

func configGet(inv *invocation, name string) error {
	st, err := diary.LookupSetting(name)
	if err != nil {
		return refused(err)
	}
	set, err := loadSettings(inv)
	if err != nil {
		return err
	}
	fmt.Fprintln(inv.stdout, st.Format(set))
	return nil
}

// configSet changes one setting; a refused value writes nothing.
func configSet(inv *invocation, name, text string) error {
	st, err := diary.LookupSetting(name)
	if err != nil {
		return refused(err)
	}
	if err := st.Check(text); err != nil {
		return refused(err) // refused before the file is opened for writing
	}
	s, err := inv.openDiary()
	if err != nil {
		return err
	}
	var before, after string
	err = s.Update(func(tx *store.Tx) error {
		// Reading the old values fails when one is damaged; the change
		// may be what mends it, so it goes ahead without the "before".
		if old, err := store.LoadSettings(tx); err == nil {
			before = st.Format(old)
			// Checked with the other settings: a start after the end is
			// a refusal of the value typed, not a failure.
			if _, err := diary.ApplySettings(old, map[string]string{name: text}); err != nil {
				return refused(err)
			}
		}
		if err := store.ChangeSettings(tx, map[string]string{name: text}); err != nil {
			return err
		}
		now, err := store.LoadSettings(tx)
		after = st.Format(now)
		return err
	})
	switch {
	case err != nil:
		return err
	case before == after:
		fmt.Fprintf(inv.stdout, "%s is %s (unchanged)\n", name, after)
	case before == "":
		fmt.Fprintf(inv.stdout, "%s: %s\n", name, after)
	default:
		fmt.Fprintf(inv.stdout, "%s: %s → %s\n", name, before, after)
	}
	return nil
}

func loadSettings(inv *invocation) (set diary.Settings, err error) {
	s, err := inv.openDiaryToRead()
	if err != nil || s == nil { // no diary yet: every setting is its default
		return diary.DefaultSettings(), err
	}
	err = s.View(func(tx *store.Tx) error {
		set, err = store.LoadSettings(tx)
		return err
	})
	return set, err
}
