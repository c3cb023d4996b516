package main

import (
	"fmt"

	"lumbar/store"
	"lumbar/store/text"
)

var checkCommand = command{
	name: "check", synopsis: "[--repair]", summary: "look for damaged records; --repair sets them aside",
	about: `Check the data file: walk its pages, then read every record. A record
that cannot be read (its bytes were changed on disk) is left out of
everything lumbar shows; check lists each one and exits with status 1.

--repair first writes a copy of the whole file beside it
(lumbar.db.repair-TIME.bak), then moves each damaged record, its bytes as
they were, into a bucket of its own ("quarantine"), so the rest reads
cleanly. Nothing is deleted.`,
	flags: []flagSpec{{"repair", "", "back the file up, then set damaged records aside"}},
	run:   runCheck,
}

func runCheck(inv *invocation) error {
	if err := inv.args.noArguments(); err != nil {
		return err
	}
	s, err := inv.openDiaryToRead()
	if err != nil {
		return err
	}
	if s == nil {
		path, _ := dataPath(inv.args.value("db"), inv.getenv)
		return fmt.Errorf("there is no diary at %s yet: nothing to check", quote(path))
	}
	if s, err = inv.openDiary(); err != nil { // the page walk comes with opening to write
		return err
	}
	if inv.args.has("repair") {
		return repair(inv, s)
	}
	found, err := store.Read(s, store.FindDamaged)
	if err != nil {
		return err
	}
	for _, d := range found.Damaged {
		fmt.Fprintln(inv.stdout, d)
	}
	if n := len(found.Damaged); n > 0 {
		return fmt.Errorf("%s of %d cannot be read; lumbar check --repair sets %s aside, after a backup",
			text.Plural(n, "damaged record"), found.Records, pronoun(n))
	}
	fmt.Fprintf(inv.stdout, "%s: pages sound; %s, all readable\n", quote(s.Path()), text.Plural(found.Records, "record"))
	return nil
}

func repair(inv *invocation, s *store.Store) error {
	moved, backup, err := s.Repair(inv.now())
	if err != nil {
		return err
	}
	if len(moved) == 0 {
		fmt.Fprintf(inv.stdout, "%s: no damaged records; nothing to repair\n", quote(s.Path()))
		return nil
	}
	for _, d := range moved {
		fmt.Fprintln(inv.stdout, "set aside:", d)
	}
	fmt.Fprintf(inv.stdout, "moved %s into quarantine, bytes intact; the file as it was is at %s\n",
		text.Plural(len(moved), "damaged record"), quote(backup))
	return nil
}

func pronoun(n int) string {
	if n == 1 {
		return "it"
	}
	return "them"
}
