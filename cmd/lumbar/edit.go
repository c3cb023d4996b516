package main

import (
	"errors"
	"fmt"
	"slices"
	"strings"

	"lumbar/store"
	"lumbar/store/diary"
	"lumbar/store/text"
)

// Changing the diary from the shell: edit and delete name a record by
// its short ID (or any 4 or more leading digits of its ID), and undo
// takes back the last write, whoever made it.

var editCommand = command{
	name: "edit", synopsis: "ID [PAIN] [flags as in lumbar log]",
	summary: "change a pain entry: only what you give changes",
	about: `Change the pain entry with this ID (its short ID from lumbar history, or
4 or more of its first hex digits): a new rating, and any of lumbar log's
flags. What you do not give keeps its value; an empty value clears a
detail (--note "" removes the note, --where "" the areas). The changed
entry is printed as one line; lumbar undo takes the change back. Nothing
is written if anything is wrong, or if the entry changed (in the app,
another shell) since lumbar read it.`,
	flags: logCommand.flags,
	more: func() string {
		return "Examples:\n  lumbar edit 18ebd4c 5\n  lumbar edit 18ebd4c --note \"after the long drive\" --at \"yesterday 21:30\"\n" +
			"  lumbar edit 18ebd4c --leg \"\"       (no leg pain after all)\n\nThe words each flag takes are listed in lumbar log --help.\n"
	},
	run: runEdit,
}

var deleteCommand = command{
	name: "delete", synopsis: "ID", summary: "delete a pain entry or a stretching session by its ID",
	about: `Delete the pain entry (lumbar history) or stretching session (lumbar
sessions) with this ID: its short ID, or 4 or more of its first hex digits.
What was deleted is printed; lumbar undo puts it back.`,
	run: runDelete,
}

var undoCommand = command{
	name: "undo", synopsis: "", summary: "take back the last change to your diary, once",
	about: `Take back the last change made to your records, from the app or a shell:
an entry added, edited or deleted, water logged or taken back, a
stretching session or a reminder's answer recorded. It says what it took
back. It works once: a second undo has nothing to undo. If what that
change wrote was changed again since by something that keeps no record of
its changes (an older lumbar), nothing is undone. Settings are not undone.`,
	run: runUndo,
}

func runEdit(inv *invocation) error {
	a := inv.args
	if len(a.positional) == 0 {
		return a.refuseUsage("edit needs the ID of the entry to change; lumbar history shows them")
	}
	if len(a.positional) > 2 {
		return a.refuseUsage("edit takes an ID and a rating, not %s; put words in --note \"...\"", quote(strings.Join(a.positional, " ")))
	}
	if len(a.positional) == 1 && !slices.ContainsFunc(logCommand.flags, func(f flagSpec) bool { return a.has(f.name) }) {
		return a.refuseUsage("edit needs something to change: a new rating or one of lumbar log's flags, like lumbar edit %s 4", quote(a.positional[0]))
	}
	s, err := inv.openDiaryToChange()
	if err != nil {
		return err
	}
	var found store.Found
	var base store.Version
	var original diary.PainEntry
	err = s.View(func(tx *store.Tx) (err error) {
		if found, err = resolvePain(tx, a.positional[0]); err != nil {
			return err
		}
		original, base, err = store.Pain.GetVersioned(tx, found.Key)
		return err
	})
	if err != nil {
		return err
	}
	o := editOptions(a, original)
	in, err := o.input()
	if err != nil {
		return refused(err)
	}
	edited, err := in.Edited(original, inv.now())
	if err != nil {
		return refused(err)
	}
	if advice, ok := o.advice(); ok && (a.has("redflag") || a.has("where") || a.has("feels")) {
		printAdvice(inv.stderr, advice, true)
	}
	k, err := store.Pain.Replace(s, found.Key, base, edited)
	if errors.Is(err, store.ErrChanged) || errors.Is(err, store.ErrNotFound) {
		return fmt.Errorf("the entry %s changed since lumbar read it (in the app, or another shell); nothing was written: run the edit again", found.ShortID)
	}
	if err != nil {
		return err
	}
	short, err := store.Read(s, func(tx *store.Tx) (string, error) { return store.ShortID(tx, k), nil })
	if err != nil {
		return err
	}
	fmt.Fprintln(inv.stdout, "edited", short, entryLine(edited))
	return nil
}

// editOptions are the entry as it is, as typed input, with the flags
// given put in place of its values.
func editOptions(a *parsedArgs, e diary.PainEntry) logOptions {
	in := diary.InputOf(e)
	o := logOptions{
		PainInput: in,
		where:     strings.Join(in.Where, ","), feels: strings.Join(in.Feels, ","), triggers: strings.Join(in.Triggers, ","),
		helped: strings.Join(in.Helped, ","), warnings: strings.Join(in.Warnings, ","),
	}
	if len(a.positional) == 2 {
		o.Pain = a.positional[1]
	}
	for flag, field := range map[string]*string{
		"leg": &o.LegPain, "relief": &o.Relief, "med": &o.Medication, "interference": &o.Interference,
		"sleep": &o.Sleep, "note": &o.Note, "at": &o.When,
		"where": &o.where, "feels": &o.feels, "trigger": &o.triggers, "helped": &o.helped, "redflag": &o.warnings,
	} {
		if a.has(flag) {
			*field = a.value(flag)
		}
	}
	return o
}

func runDelete(inv *invocation) error {
	a := inv.args
	if len(a.positional) != 1 {
		return a.refuseUsage("delete needs one ID; lumbar history and lumbar sessions show them")
	}
	s, err := inv.openDiaryToChange()
	if err != nil {
		return err
	}
	var found store.Found
	var unit diary.WaterUnit
	err = s.Update(func(tx *store.Tx) (err error) {
		if found, err = resolveID(tx, a.positional[0]); err != nil {
			return err
		}
		if unit, err = waterUnit(tx); err != nil {
			return err
		}
		return store.DeleteRecord(tx, found.Ref)
	})
	if err != nil {
		return err
	}
	fmt.Fprintf(inv.stdout, "deleted %s %s (lumbar undo puts it back)\n", found.ShortID, recordWords(found.Record, unit))
	return nil
}

func runUndo(inv *invocation) error {
	if err := inv.args.noArguments(); err != nil {
		return err
	}
	s, err := inv.openDiaryToChange()
	if err != nil {
		return err
	}
	u, err := store.Undo(s)
	var conflict *store.UndoConflictError
	switch {
	case errors.Is(err, store.ErrNothingToUndo):
		return errors.New("nothing to undo (the last change is undone already, or there was none)")
	case errors.Is(err, store.ErrTooBigToUndo):
		return fmt.Errorf("the last change wrote too many records at once to undo (an import or the demo); nothing was undone")
	case errors.As(err, &conflict):
		return fmt.Errorf("%s was changed again since the last change; nothing was undone", recordWords(conflict.Change.After, diary.UnitML))
	case err != nil:
		return err
	}
	unit, err := store.Read(s, waterUnit)
	if err != nil {
		return err
	}
	fmt.Fprintln(inv.stdout, undoneLine(u, unit))
	return nil
}

// openDiaryToChange opens the data file to change records in it; a file
// not made yet is refused (there is nothing in it to change), not made.
func (inv *invocation) openDiaryToChange() (*store.Store, error) {
	if _, err := inv.openDiaryToRead(); err != nil || inv.diary == nil {
		return nil, cmpErr(err, errors.New("no diary yet, so nothing to change; log an entry with lumbar log PAIN"))
	}
	return inv.openDiary()
}

// cmpErr is err, or instead when err is nil.
func cmpErr(err, instead error) error {
	if err != nil {
		return err
	}
	return instead
}

// resolveID finds the record a typed ID names, or refuses it in words.
func resolveID(tx *store.Tx, id string) (store.Found, error) {
	found, err := store.Resolve(tx, id)
	var ambiguous *store.AmbiguousIDError
	switch {
	case errors.Is(err, store.ErrBadID):
		return found, refuse("%s is not an ID: give the short ID lumbar history or lumbar sessions shows (%d or more hex digits)",
			quote(id), store.MinIDPrefix)
	case errors.Is(err, store.ErrUnknownID):
		return found, refuse("no entry or session has the ID %s; lumbar history and lumbar sessions show the IDs", quote(id))
	case errors.As(err, &ambiguous):
		return found, refuse("%s", ambiguousWords(ambiguous))
	}
	return found, err
}

// resolvePain is resolveID for a pain entry only.
func resolvePain(tx *store.Tx, id string) (store.Found, error) {
	found, err := resolveID(tx, id)
	if err == nil && found.Bucket != store.BucketPain {
		return found, refuse("%s is %s, not a pain entry; lumbar edit changes pain entries",
			quote(id), recordWords(found.Record, diary.UnitML))
	}
	return found, err
}

// ambiguousWords lists the records a short prefix could name.
func ambiguousWords(e *store.AmbiguousIDError) string {
	var each []string
	for _, c := range e.Candidates {
		each = append(each, c.ShortID+" = "+recordWords(c.Record, diary.UnitML))
	}
	if e.More > 0 {
		each = append(each, fmt.Sprintf("and %d more", e.More))
	}
	return fmt.Sprintf("%s could be any of %d records: %s; give more digits", quote(e.Prefix),
		len(e.Candidates)+e.More, strings.Join(each, "; "))
}

func waterUnit(tx *store.Tx) (diary.WaterUnit, error) {
	set, err := store.LoadSettings(tx)
	return set.WaterUnit, err
}

// recordWords names a record in a few words, for messages.
func recordWords(r diary.Record, unit diary.WaterUnit) string {
	when := r.Stamped().Local().Format("2006-01-02 15:04")
	switch r := r.(type) {
	case diary.PainEntry:
		return fmt.Sprintf("the entry of %s (pain %d %s)", when, r.Pain, diary.PainBand(r.Pain))
	case diary.Session:
		return fmt.Sprintf("the %s session of %s", quote(r.Routine), when)
	case diary.WaterLog:
		return fmt.Sprintf("%s of water at %s", unit.Format(r.ML), when)
	case diary.Check:
		return fmt.Sprintf("the %s reminder %s at %s", r.Kind, r.Action, when)
	}
	return "a record of " + when
}

// undoneLine says what an undo took back.
func undoneLine(u store.Undone, unit diary.WaterUnit) string {
	var added, removed, changedFrom, changedTo []diary.Record
	for _, c := range u.Changes {
		switch {
		case c.Before == nil:
			added = append(added, c.After)
		case c.After == nil:
			removed = append(removed, c.Before)
		default:
			changedFrom, changedTo = append(changedFrom, c.Before), append(changedTo, c.After)
		}
	}
	if u.Kind == store.WriteEdited && len(added) == 1 && len(removed) == 1 && len(changedTo) == 0 {
		changedFrom, changedTo, added, removed = removed, added, nil, nil // an edit that moved the entry
	}
	switch {
	case len(changedTo) == 1 && len(added) == 0 && len(removed) == 0:
		return fmt.Sprintf("undid the edit: %s is back to %s", recordWords(changedTo[0], unit), entryOrWords(changedFrom[0], unit))
	case len(added) == 0 && len(changedTo) == 0 && allWater(removed):
		return "undid taking back " + recordsWords(removed, unit) + ": logged again"
	case len(added) == 0 && len(changedTo) == 0:
		return "undid the delete: put back " + recordsWords(removed, unit)
	case len(removed) == 0 && len(changedTo) == 0 && allWater(added):
		return "undid logging " + recordsWords(added, unit)
	}
	var parts []string // a write of several kinds of change, such as an import
	for _, p := range []struct {
		what    string
		records []diary.Record
	}{{"adding ", added}, {"the change of ", changedTo}, {"the delete of ", removed}} {
		if len(p.records) > 0 {
			parts = append(parts, p.what+recordsWords(p.records, unit))
		}
	}
	return "undid " + strings.Join(parts, "; ")
}

// allWater tells whether every record is a water log.
func allWater(records []diary.Record) bool {
	return !slices.ContainsFunc(records, func(r diary.Record) bool {
		_, ok := r.(diary.WaterLog)
		return !ok
	})
}

// entryOrWords is a pain entry in full, or any other record in words.
func entryOrWords(r diary.Record, unit diary.WaterUnit) string {
	if e, ok := r.(diary.PainEntry); ok {
		return entryLine(e)
	}
	return recordWords(r, unit)
}

// recordsWords names several records, drinks added up; more than
// namedRecords are counted by kind instead.
func recordsWords(records []diary.Record, unit diary.WaterUnit) string {
	var words []string
	var drinks []diary.Record
	ml := 0
	for _, r := range records {
		if w, ok := r.(diary.WaterLog); ok {
			drinks, ml = append(drinks, r), ml+w.ML
			continue
		}
		words = append(words, recordWords(r, unit))
	}
	if len(words) > namedRecords {
		return countedRecords(records)
	}
	switch {
	case len(drinks) == 1:
		words = append([]string{recordWords(drinks[0], unit)}, words...)
	case len(drinks) > 1:
		words = append([]string{fmt.Sprintf("%s of water (%s)", unit.Format(ml), text.Plural(len(drinks), "drink"))}, words...)
	}
	return strings.Join(words, " and ")
}

// namedRecords is how many records a message names one by one.
const namedRecords = 3

// countedRecords is "14 records: 9 pain entries, 3 sessions, 2 drinks".
func countedRecords(records []diary.Record) string {
	kinds := []struct {
		word string
		is   func(diary.Record) bool
		n    int
	}{
		{word: "pain entry", is: func(r diary.Record) bool { _, ok := r.(diary.PainEntry); return ok }},
		{word: "session", is: func(r diary.Record) bool { _, ok := r.(diary.Session); return ok }},
		{word: "drink", is: func(r diary.Record) bool { _, ok := r.(diary.WaterLog); return ok }},
		{word: "reminder answer", is: func(r diary.Record) bool { _, ok := r.(diary.Check); return ok }},
	}
	var counts []string
	for _, k := range kinds {
		for _, r := range records {
			if k.is(r) {
				k.n++
			}
		}
		if k.n > 0 {
			counts = append(counts, text.Plural(k.n, k.word))
		}
	}
	return fmt.Sprintf("%s: %s", text.Plural(len(records), "record"), strings.Join(counts, ", "))
}
