package journal

import (
	"fmt"
	"slices"
	"strings"
	"time"
	"unicode/utf8"

	tea "github.com/charmbracelet/bubbletea"
	"github.com/charmbracelet/huh"

	"lumbar/store"
	"lumbar/store/diary"
	"lumbar/store/text"
	"lumbar/tui/theme"
)

// entryForm is the new-entry and edit form: a huh form whose fields write
// straight into a diary.PainInput. The tab, not huh, owns enter, tab,
// shift+tab and esc, so that enter saves from any field (the quick path
// is `n 6 enter`) and moving between fields never waits on a command.
type entryForm struct {
	form   *huh.Form
	input  *diary.PainInput
	groups [][]huh.Field // the fields of each page, in order
	where  *huh.MultiSelect[string]
	feels  *huh.MultiSelect[string]
	// The texts with a most length (limitedTexts).
	medication *huh.Input
	note       *huh.Text

	editing *store.Item[diary.PainEntry] // nil for a new entry
	// base is the version of the edited entry the edit began from; a save
	// over any other version is refused with the conflict, kept here until
	// answered (reload or overwrite).
	base     store.Version
	conflict *store.Conflict[diary.PainEntry]
	reloaded bool // the form was reloaded on another window's save
	// lastTime is the last entry's areas and feelings, offered until
	// accepted; they are never filled in unasked, since an entry holds
	// only what the person gave.
	lastTime     *diary.PainEntry
	tookLastTime bool // they were accepted into this entry

	draftKept  *time.Time    // when the draft this form reopened was kept
	err        string        // why the last save was refused
	length     lengthNote    // a text near or over its limit
	advice     *diary.Advice // while warning signs are ticked
	discarding bool          // esc was pressed once with details filled in
}

// newEntryForm opens the form on an entry to edit, or on a new one that
// offers again where the last entry hurt and how it felt.
func newEntryForm(st theme.Styles, editing *store.Item[diary.PainEntry], last *diary.PainEntry, width, height int) (*entryForm, tea.Cmd) {
	f := &entryForm{input: &diary.PainInput{}, editing: editing}
	switch {
	case editing != nil:
		*f.input = diary.InputOf(editing.Value)
	case last != nil && (len(last.Where) > 0 || len(last.Feels) > 0):
		f.lastTime = &diary.PainEntry{Where: slices.Clone(last.Where), Feels: slices.Clone(last.Feels)}
	}
	f.build(st)
	f.setSize(width, height)
	return f, f.form.Init()
}

// newDraftForm reopens a draft kept when the app last ended: the
// person's own typing, on the entry it was editing if that still exists.
func newDraftForm(st theme.Styles, d store.PainDraft, editing *store.Item[diary.PainEntry], width, height int) (*entryForm, tea.Cmd) {
	f := &entryForm{input: &d.Input, editing: editing, draftKept: &d.Kept}
	f.build(st)
	f.setSize(width, height)
	return f, f.form.Init()
}

// lastTimeWords is the offered details in words, like "left leg; tingling".
func (f *entryForm) lastTimeWords() string {
	var parts []string
	if len(f.lastTime.Where) > 0 {
		parts = append(parts, strings.Join(diary.Areas.Labels(f.lastTime.Where), ", "))
	}
	if len(f.lastTime.Feels) > 0 {
		parts = append(parts, strings.Join(diary.Feelings.Labels(f.lastTime.Feels), ", "))
	}
	return strings.Join(parts, "; ")
}

// offersLastTime tells whether last time's details wait to be accepted.
func (f *entryForm) offersLastTime() bool { return f.lastTime != nil && !f.tookLastTime }

// takeLastTime ticks last time's areas and feelings in this entry, beside
// any already ticked.
func (f *entryForm) takeLastTime() {
	if !f.offersLastTime() {
		return
	}
	f.input.Where = union(f.input.Where, f.lastTime.Where)
	f.input.Feels = union(f.input.Feels, f.lastTime.Feels)
	f.where.Value(&f.input.Where) // the fields tick what their values now hold
	f.feels.Value(&f.input.Feels)
	f.tookLastTime = true
}

func union(have, add []string) []string {
	out := slices.Clone(have)
	for _, w := range add {
		if !slices.Contains(out, w) {
			out = append(out, w)
		}
	}
	return out
}

func (f *entryForm) build(st theme.Styles) {
	in := f.input
	f.where = multiSelect("Where does it hurt?", diary.Areas, &in.Where)
	f.feels = multiSelect("What does it feel like?", diary.Feelings, &in.Feels)
	// No CharLimit on the texts: see limitedText.
	f.medication = huh.NewInput().Title("Medication, name and dose").Placeholder("e.g. ibuprofen 400 mg").
		Value(&in.Medication)
	f.note = huh.NewText().Title("Note").Description("ctrl+j for a new line").
		Lines(5).ExternalEditor(false).Value(&in.Note)
	f.groups = [][]huh.Field{
		{
			huh.NewInput().Title("Pain now, 0–10").Description("0 none · 1–3 mild · 4–6 moderate · 7–10 severe").
				CharLimit(3).Value(&in.Pain),
			huh.NewInput().Title("Leg pain, 0–10").Description("if it runs down a leg (sciatica); blank if not").
				CharLimit(3).Value(&in.LegPain),
			huh.NewInput().Title("When").Placeholder("now").Description(`blank for now, or 14:30, "yesterday 22:15", 2026-11-20 08:00`).
				CharLimit(32).Value(&in.When),
		},
		{f.where},
		{f.feels},
		{multiSelect("What set it off?", diary.Triggers, &in.Triggers)},
		{
			multiSelect("What helped?", diary.Reliefs, &in.Helped),
			oneOf("How much did it help?", diary.ReliefAmounts, &in.Relief),
			f.medication,
		},
		{
			huh.NewInput().Title("How much did pain get in the way of your day, 0–10?").CharLimit(3).Value(&in.Interference),
			oneOf("Sleep last night", diary.SleepQualities, &in.Sleep),
		},
		{multiSelect("Any warning signs?", diary.WarningSigns, &in.Warnings).
			Description("space ticks; if any applies, lumbar shows what to do")},
		{f.note},
	}
	groups := make([]*huh.Group, len(f.groups))
	for i, fields := range f.groups {
		groups[i] = huh.NewGroup(fields...)
	}
	f.form = huh.NewForm(groups...).
		WithTheme(st.Form()).
		WithKeyMap(formKeyMap()).
		WithShowHelp(false).
		WithAccessible(false)
}

func multiSelect(title string, v diary.Vocabulary, into *[]string) *huh.MultiSelect[string] {
	options := make([]huh.Option[string], len(v.Words))
	for i, w := range v.Words {
		options[i] = huh.NewOption(w.Label, w.ID)
	}
	return huh.NewMultiSelect[string]().Title(title).Options(options...).Filterable(false).Value(into)
}

// oneOf picks one word or none: a blank choice comes first.
func oneOf(title string, v diary.Vocabulary, into *string) *huh.Select[string] {
	options := []huh.Option[string]{huh.NewOption("—", "")}
	for _, w := range v.Words {
		options = append(options, huh.NewOption(w.Label, w.ID))
	}
	return huh.NewSelect[string]().Title(title).Options(options...).Inline(true).Value(into)
}

// formKeyMap is huh's keys without the ones the tab handles itself, and
// without filtering and the external editor, which would take over keys
// a tired person types by accident.
func formKeyMap() *huh.KeyMap {
	km := huh.NewDefaultKeyMap()
	km.Quit.SetEnabled(false)
	km.MultiSelect.Filter.SetEnabled(false)
	km.Select.Filter.SetEnabled(false)
	km.Text.Editor.SetEnabled(false)
	return km
}

func (f *entryForm) setSize(width, height int) {
	f.form.WithWidth(width).WithHeight(max(3, height))
}

// update passes a key or message to huh and refreshes what depends on
// the values typed.
func (f *entryForm) update(msg tea.Msg) tea.Cmd {
	if k, isKey := msg.(tea.KeyMsg); isKey && f.refuseOverLimit(k) {
		return nil
	}
	_, cmd := f.form.Update(msg)
	if _, isKey := msg.(tea.KeyMsg); isKey {
		f.err, f.discarding, f.reloaded = "", false, false
		f.length = f.lengthNote()
		f.advice = nil
		if a, ok := diary.AdviceForEntry(f.input.Warnings, f.input.Where, f.input.Feels); ok {
			f.advice = &a
		}
	}
	return cmd
}

// limitedText is a text field with a most length. The fields have no
// limit of their own, because a field's limit cuts a paste off without a
// word: the form counts near the limit instead, keeps out whatever would
// go over (refuseOverLimit), and the save refuses a text over its limit
// (a tab in a paste, widened to spaces, can still take it over).
type limitedText struct {
	name  string
	field huh.Field
	text  string
	most  int
}

func (f *entryForm) limitedTexts() []limitedText {
	return []limitedText{
		{"Note", f.note, f.input.Note, diary.MaxNoteChars},
		{"Medication", f.medication, f.input.Medication, diary.MaxMedicationChars},
	}
}

// lengthNote is what the form says about a text near or over its limit.
type lengthNote struct {
	text string // "" while every text is well within its limit
	over bool   // the save will refuse
}

func (f *entryForm) lengthNote() lengthNote {
	var note lengthNote
	for _, t := range f.limitedTexts() {
		n := utf8.RuneCountInString(strings.TrimSpace(t.text)) // as the entry counts it
		switch {
		case n > t.most:
			return lengthNote{over: true, text: fmt.Sprintf("%s: %s characters, %s over the limit of %s; shorten it to save.",
				t.name, text.Thousands(n), text.Thousands(n-t.most), text.Thousands(t.most))}
		case n >= t.most*9/10:
			note.text = fmt.Sprintf("%s: %s of %s characters.", t.name, text.Thousands(n), text.Thousands(t.most))
		}
	}
	return note
}

// refuseOverLimit keeps out of a limited field a key, a burst of typing
// or a paste that would take it over its limit, whole, and says so: a
// field's own limit would cut a paste off without a word, and a field far
// over its limit would make every key slow to answer.
func (f *entryForm) refuseOverLimit(k tea.KeyMsg) bool {
	added := addedRunes(k)
	if added == 0 {
		return false
	}
	focused := f.form.GetFocusedField()
	for _, t := range f.limitedTexts() {
		if t.field != focused {
			continue
		}
		if n := utf8.RuneCountInString(t.text) + added; n > t.most {
			f.err = fmt.Sprintf("Not added: the %s would be %s characters; the limit is %s.",
				strings.ToLower(t.name), text.Thousands(n), text.Thousands(t.most))
			return true
		}
	}
	return false
}

// addedRunes is how many characters k would type into a text field.
func addedRunes(k tea.KeyMsg) int {
	switch k.Type {
	case tea.KeyRunes:
		return len(k.Runes)
	case tea.KeySpace, tea.KeyCtrlJ: // ctrl+j starts a new line in the note
		return 1
	}
	return 0
}

// next moves to the next field, or to the next page after a page's last.
// On the very last field it stays: the form ends by saving, not by tab.
func (f *entryForm) next() tea.Cmd {
	page, field := f.position()
	switch {
	case field < len(f.groups[page])-1:
		return f.form.NextField()
	case page < len(f.groups)-1:
		return f.form.NextGroup()
	}
	return nil
}

// prev moves back a field, or to the previous page's last field.
func (f *entryForm) prev() tea.Cmd {
	page, field := f.position()
	switch {
	case field > 0:
		return f.form.PrevField()
	case page > 0:
		return f.form.PrevGroup()
	}
	return nil
}

// position finds the focused field among the pages.
func (f *entryForm) position() (page, field int) {
	focused := f.form.GetFocusedField()
	for p, fields := range f.groups {
		if i := slices.Index(fields, focused); i >= 0 {
			return p, i
		}
	}
	return 0, 0
}

// entry is what the form holds, checked; an edit keeps its exact time
// unless the time was changed.
func (f *entryForm) entry(now time.Time) (diary.PainEntry, error) {
	if f.editing != nil {
		return f.input.Edited(f.editing.Value, now)
	}
	return f.input.Entry(now)
}

// dirty tells whether leaving would lose more than a rating.
func (f *entryForm) dirty() bool {
	return f.editing != nil || f.draftKept != nil || f.hasDetails()
}

// hasDetails tells whether anything beyond the rating and the time was given.
func (f *entryForm) hasDetails() bool {
	in := f.input
	return in.Note != "" || in.Medication != "" || len(in.Where) > 0 || len(in.Feels) > 0 ||
		len(in.Triggers) > 0 || len(in.Helped) > 0 || in.Relief != "" || len(in.Warnings) > 0 ||
		in.LegPain != "" || in.Interference != "" || in.Sleep != ""
}

// emptiedDraft tells whether a new entry reopened from a draft was
// emptied: there is nothing left to keep, and the draft can go.
func (f *entryForm) emptiedDraft() bool {
	return f.draftKept != nil && f.editing == nil && strings.TrimSpace(f.input.Pain) == "" && !f.hasDetails()
}

func (f *entryForm) title() string {
	if f.editing != nil {
		return "Edit the entry of " + f.editing.Value.Local().Format("Mon 2 Jan 15:04")
	}
	return "New entry"
}
