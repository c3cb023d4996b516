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
cleanly. Nothing is deleted.

lumbar also keeps each day's totals, for the charts and insights; if
those no longer match the records (changed outside lumbar), check says
so, and --repair counts them again from the records, after the same
backup.`,
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
	if s, err = inv.openDiary(); err != nil { // lumbar's page walk comes with opening to write
		return err
	}
	if err := s.CheckPages(); err != nil { // and bbolt's own check, only here
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
	if n := len(found.TotalsOff); n > 0 {
		return fmt.Errorf("the totals kept for %s do not match the records (first %s); lumbar check --repair counts them again, after a backup",
			text.Plural(n, "day"), found.TotalsOff[0])
	}
	fmt.Fprintf(inv.stdout, "%s: pages sound; %s, all readable\n", quote(s.Path()), text.Plural(found.Records, "record"))
	return nil
}

func repair(inv *invocation, s *store.Store) error {
	done, err := s.Repair(inv.now())
	if err != nil {
		return err
	}
	if done.Backup == "" {
		fmt.Fprintf(inv.stdout, "%s: no damaged records; nothing to repair\n", quote(s.Path()))
		return nil
	}
	for _, d := range done.Moved {
		fmt.Fprintln(inv.stdout, "set aside:", d)
	}
	if len(done.Moved) > 0 {
		fmt.Fprintf(inv.stdout, "moved %s into quarantine, bytes intact; the file as it was is at %s\n",
			text.Plural(len(done.Moved), "damaged record"), quote(done.Backup))
		return nil
	}
	fmt.Fprintf(inv.stdout, "counted the totals of %s again from the records; the file as it was is at %s\n",
		text.Plural(len(done.Recounted), "day"), quote(done.Backup))
	return nil
}

func pronoun(n int) string {
	if n == 1 {
		return "it"
	}
	return "them"
}
