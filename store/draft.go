package store

import (
	"time"

	"lumbar/store/diary"
)

// painDraftSetting is where an entry typed but not saved waits for the
// next start, in meta beside the other settings.
const painDraftSetting = "log.draft"

// PainDraft is a Log entry the person was typing when the app ended
// without it being saved (a signal, the terminal closed, quitting anyway,
// a crash). The next start offers it back to keep or discard.
type PainDraft struct {
	Input diary.PainInput `json:"input"`
	// Editing is the ID of the entry being edited; "" for a new entry.
	Editing string `json:"editing,omitempty"`
	// EditedFrom is the version of that entry the edit began from, so a
	// change made to it meanwhile is not overwritten unseen.
	EditedFrom *Version  `json:"edited_from,omitempty"`
	Kept       time.Time `json:"kept"` // when it was kept
}

// PutPainDraft keeps d, in place of any draft kept before.
func PutPainDraft(tx *Tx, d PainDraft) error { return PutSetting(tx, painDraftSetting, d) }

// GetPainDraft is the draft waiting to be offered back, if any.
func GetPainDraft(tx *Tx) (d PainDraft, found bool, err error) {
	found, err = GetSetting(tx, painDraftSetting, &d)
	return d, found, err
}

// DeletePainDraft forgets the draft: it was saved as an entry or thrown away.
func DeletePainDraft(tx *Tx) error { return DeleteSetting(tx, painDraftSetting) }
