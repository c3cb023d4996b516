package journal

import (
	"errors"
	"time"

	tea "github.com/charmbracelet/bubbletea"

	"lumbar/store"
	"lumbar/store/diary"
	"lumbar/tui/common"
)

// An entry typed but not saved when the app ends (a signal, the terminal
// closed, quitting anyway, a crash) is kept as a draft in the data file
// by Save; the next start offers it back in the form, where enter keeps
// it and esc throws it away.

// draftMsg is the draft the data file holds at start-up, with the entry
// it was editing if that entry still exists.
type draftMsg struct {
	draft   store.PainDraft
	editing *store.Item[diary.PainEntry]
	version store.Version // editing's version now
}

// loadDraft reads a kept draft, if any, without blocking start-up.
func loadDraft(s *store.Store) tea.Cmd {
	return func() tea.Msg {
		var msg draftMsg
		found := false
		err := s.View(func(tx *store.Tx) (err error) {
			if msg.draft, found, err = store.GetPainDraft(tx); err != nil || !found {
				return err
			}
			msg.editing, msg.version = editedEntry(tx, msg.draft.Editing)
			return nil
		})
		if err != nil || !found {
			return nil // an unreadable draft waits; the diary itself still opens
		}
		return msg
	}
}

// editedEntry is the entry a draft was editing and its version now, or
// nil when it was a new entry or the entry is gone (the draft then comes
// back as a new entry).
func editedEntry(tx *store.Tx, id string) (*store.Item[diary.PainEntry], store.Version) {
	if id == "" {
		return nil, store.Version{}
	}
	k, err := store.ParseID(id)
	if err != nil {
		return nil, store.Version{}
	}
	e, version, err := store.Pain.GetVersioned(tx, k)
	if err != nil {
		return nil, store.Version{}
	}
	return &store.Item[diary.PainEntry]{Key: k, Value: e}, version
}

// offerDraft opens the form on a kept draft and asks the root to show the
// Log. A form the person already opened is left alone: the draft waits.
func (m *Model) offerDraft(msg draftMsg) tea.Cmd {
	if m.form != nil {
		return nil
	}
	msg.draft.Input.When = whenKept(msg.draft.Input.When, msg.draft.Kept.In(m.Now().Location()))
	f, cmd := newDraftForm(m.Styles, msg.draft, msg.editing, m.formWidth(), m.formHeight())
	f.base = msg.version
	if msg.draft.EditedFrom != nil { // a change made since the draft was kept is not overwritten unseen
		f.base = *msg.draft.EditedFrom
	}
	m.form, m.detail = f, nil
	return tea.Batch(cmd, common.Offer(common.LogTab))
}

// whenKept is a draft's When as the moment it names, read as of kept: a
// draft saved the next morning is dated when it was typed, not when it is
// saved. Blank (now), "20:15" and "yesterday 08:00" become that day's
// date and time, shown in the form; what does not read stays as typed, to
// be refused on saving as any mistyped time is.
func whenKept(typed string, kept time.Time) string {
	at, err := diary.ParseWhen(typed, kept)
	if err != nil {
		return typed
	}
	return at.Format(diary.WhenLayout)
}

// Save keeps an entry being typed as a draft, so quitting anyway or being
// stopped loses none of it; a form reopened from a draft and emptied
// forgets the draft.
func (m *Model) Save() error {
	switch {
	case m.UnsavedTyping() != "":
		d := store.PainDraft{Input: *m.form.input, Kept: m.Now()}
		if m.form.editing != nil {
			base := m.form.base
			d.Editing, d.EditedFrom = m.form.editing.Key.ID(), &base
		}
		return m.Store.Update(func(tx *store.Tx) error { return store.PutPainDraft(tx, d) })
	case m.form != nil && m.form.draftKept != nil:
		return m.forgetDraft()
	}
	return nil
}

// forgetDraft removes the kept draft from the data file: it was saved as
// an entry or thrown away.
func (m *Model) forgetDraft() error {
	err := m.Store.Update(store.DeletePainDraft)
	if err != nil {
		return errors.New("the kept draft could not be cleared: " + err.Error())
	}
	return nil
}
