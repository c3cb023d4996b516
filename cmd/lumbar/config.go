package main

import (
	"fmt"
	"strings"
	"text/tabwriter"

	"lumbar/store"
)

// configUsage is the one line that says how config is used.
const configUsage = "config needs list, get KEY or set KEY VALUE, e.g. lumbar config set water.goal 2500"

func runConfig(inv *invocation, args []string) int {
	if len(args) == 0 {
		return usageError(inv.system, configUsage)
	}
	switch verb, rest := args[0], args[1:]; {
	case verb == "list" && len(rest) == 0:
		return configList(inv)
	case verb == "get" && len(rest) == 1:
		return configGet(inv, rest[0])
	case verb == "set" && len(rest) >= 2:
		// A value with spaces may come unquoted: set hours.days mon, tue
		return configSet(inv, rest[0], strings.Join(rest[1:], " "))
	case verb == "list" || verb == "get" || verb == "set":
		return usageError(inv.system, configUsage)
	}
	if best, ok := store.Closest(args[0], []string{"list", "get", "set"}); ok {
		return usageError(inv.system, fmt.Sprintf("config has no %q; did you mean %s?", args[0], best))
	}
	return usageError(inv.system, configUsage)
}

// configList prints every setting: name, value, and what it does (with
// the default where the value differs from it).
func configList(inv *invocation) int {
	set, err := loadSettings(inv.store)
	if err != nil {
		return fail(inv.system, err)
	}
	tw := tabwriter.NewWriter(inv.stdout, 0, 0, 2, ' ', 0)
	for _, st := range store.AllSettings() {
		about := st.Help()
		if value := st.Format(set); value != st.Default() {
			about += " (default " + st.Default() + ")"
		}
		fmt.Fprintf(tw, "%s\t%s\t%s\n", st.Name(), st.Format(set), about)
	}
	tw.Flush()
	return exitOK
}

func configGet(inv *invocation, name string) int {
	st, err := store.LookupSetting(name)
	if err != nil {
		return fail(inv.system, err)
	}
	set, err := loadSettings(inv.store)
	if err != nil {
		return fail(inv.system, err)
	}
	fmt.Fprintln(inv.stdout, st.Format(set))
	return exitOK
}

// configSet changes one setting; a refused value writes nothing.
func configSet(inv *invocation, name, text string) int {
	st, err := store.LookupSetting(name)
	if err != nil {
		return fail(inv.system, err)
	}
	if err := st.Check(text); err != nil {
		return fail(inv.system, err) // refused before the file is opened for writing
	}
	var before, after string
	err = inv.store.Update(func(tx *store.Tx) error {
		// Reading the old values fails when one is damaged; the change
		// may be what mends it, so it goes ahead without the "before".
		if old, err := store.LoadSettings(tx); err == nil {
			before = st.Format(old)
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
		return fail(inv.system, err)
	case before == after:
		fmt.Fprintf(inv.stdout, "%s is %s (unchanged)\n", name, after)
	case before == "":
		fmt.Fprintf(inv.stdout, "%s: %s\n", name, after)
	default:
		fmt.Fprintf(inv.stdout, "%s: %s → %s\n", name, before, after)
	}
	return exitOK
}

func loadSettings(s *store.Store) (set store.Settings, err error) {
	err = s.View(func(tx *store.Tx) error {
		set, err = store.LoadSettings(tx)
		return err
	})
	return set, err
}
