package remind

import (
	"fmt"
	"time"

	"github.com/charmbracelet/bubbles/key"
	tea "github.com/charmbracelet/bubbletea"

	"lumbar/store"
	"lumbar/store/diary"
	"lumbar/tui/common"
)

// Every action writes in one transaction and, in the same transaction,
// reads back what the tab shows. Writes run in Update, not in a command:
// one small transaction is quick, and a write that has finished before the
// next key is read cannot be lost when the person quits straight after.

// change runs write, re-reads the snapshot, and shows it. On failure
// nothing was written and the reason is shown.
func (m *Model) change(write func(tx *store.Tx, now time.Time) error, done func(snapshot, time.Time) string) tea.Cmd {
	now := m.Now()
	var snap snapshot
	err := m.Store.Update(func(tx *store.Tx) (err error) {
		if err = write(tx, now); err != nil {
			return err
		}
		snap, err = readSnapshot(tx, now)
		return err
	})
	if err != nil {
		m.note = "Not saved: " + err.Error()
		return nil
	}
	m.note = done(snap, now)
	changed := func() tea.Msg { return common.ChangedMsg{} }
	return tea.Batch(m.apply(snap, now), changed)
}

// answer records the person's answer to the reminder due now (the first,
// if several are).
func (m *Model) answer(action diary.CheckAction) tea.Cmd {
	due := m.sched.DueNow()
	if len(due) == 0 {
		return nil
	}
	kind := due[0].Kind
	write := func(tx *store.Tx, now time.Time) error {
		_, err := store.Answer(tx, kind, action, now, 0)
		return err
	}
	cmd := m.change(write, func(snap snapshot, now time.Time) string { return answerNote(kind, action, snap, now) })
	if action != diary.ActionDone || cmd == nil {
		return cmd
	}
	switch kind {
	case diary.CheckMove:
		return tea.Batch(cmd, common.Navigate(common.StartRoutineMsg{Routine: deskBreak}))
	case diary.CheckLog:
		return tea.Batch(cmd, common.Navigate(common.NewEntryMsg{}))
	}
	return cmd
}

func answerNote(kind diary.CheckKind, action diary.CheckAction, snap snapshot, now time.Time) string {
	switch action {
	case diary.ActionSnoozed:
		return fmt.Sprintf("Snoozed the %s reminder until %s.", kind, now.Add(snap.state.Settings.Snooze).Format("15:04"))
	case diary.ActionDismissed:
		return fmt.Sprintf("Dismissed the %s reminder.", kind)
	}
	switch kind {
	case diary.CheckWater:
		return waterNote(snap, now)
	case diary.CheckMove:
		return "Good: starting the desk break."
	case diary.CheckLog:
		return "Opening a new entry in the Log."
	}
	return "Posture check done."
}

func (m *Model) addGlass() tea.Cmd {
	glass := m.snap.state.Settings.WaterGlassML
	return m.change(func(tx *store.Tx, now time.Time) error {
		return store.AddWater(tx, now, glass, 1)
	}, waterNote)
}

func (m *Model) removeGlass() tea.Cmd {
	if m.snap.state.Today.WaterML == 0 {
		m.note = "No water logged today to take back."
		return nil
	}
	var removed diary.WaterLog
	var found bool
	return m.change(func(tx *store.Tx, now time.Time) (err error) {
		removed, found, err = store.RemoveLastWater(tx, now)
		return err
	}, func(snap snapshot, _ time.Time) string {
		if !found {
			return "No water logged today to take back."
		}
		unit := snap.state.Settings.WaterUnit
		return fmt.Sprintf("Took back %s; %s today.", unit.Format(removed.ML), unit.Format(snap.state.Today.WaterML))
	})
}

func waterNote(snap snapshot, _ time.Time) string {
	set := snap.state.Settings
	return fmt.Sprintf("+%s: %s of %s today.", set.WaterUnit.Format(set.WaterGlassML),
		set.WaterUnit.Number(snap.state.Today.WaterML), set.WaterUnit.Format(set.WaterGoalML))
}

// setQuiet turns quiet mode on until the given time, or off for zero.
func (m *Model) setQuiet(until time.Time) tea.Cmd {
	m.choosingQuiet = false
	return m.change(func(tx *store.Tx, _ time.Time) error {
		return store.SetQuietUntil(tx, until)
	}, func(_ snapshot, now time.Time) string {
		if until.IsZero() {
			return "Reminders are on."
		}
		return "Quiet until " + diary.WhenDue(now, until) + ": reminders wait till then."
	})
}

// bannerFor is how the reminder of kind asks for attention, with the keys
// that answer it (the banner's own from other tabs, the tab's in place).
func (m *Model) bannerFor(kind diary.CheckKind, done, snooze, dismiss key.Binding) common.Banner {
	b := common.Banner{}
	b.Title, b.Body = reminderText(kind, m.snap.state, m.cue(), m.expected)
	switch kind {
	case diary.CheckMove:
		done.SetHelp(done.Help().Key, "desk break")
	case diary.CheckWater:
		done.SetHelp(done.Help().Key, "+1 glass")
	case diary.CheckLog:
		done.SetHelp(done.Help().Key, "log now")
	}
	b.Keys = []key.Binding{done, snooze, dismiss}
	return b
}

// reminderText is what the reminder of kind says, in the app's banner and
// from lumbar remind alike: the posture check-in's cue, and water's
// progress against the pace an even spread would have reached
// (expectedML).
func reminderText(kind diary.CheckKind, st diary.ReminderState, cue string, expectedML int) (title, body string) {
	switch kind {
	case diary.CheckPosture:
		return "Time for a posture check", cue
	case diary.CheckMove:
		return "Time to stand up and move", "Stand, walk a little, or take the 3-minute desk break: your back likes variety."
	case diary.CheckWater:
		set := st.Settings
		return "Time for some water", fmt.Sprintf("%s of %s so far; an even pace would be %s by now.",
			set.WaterUnit.Number(st.Today.WaterML), set.WaterUnit.Format(set.WaterGoalML), set.WaterUnit.Format(expectedML))
	case diary.CheckLog:
		return "How is your back today?", "Nothing logged today yet. A number from 0 to 10 is enough; the details can wait."
	}
	return string(kind), ""
}

// cue is the posture cue for the next check-in.
func (m *Model) cue() string { return postureCue(m.cues, m.sched.Now, m.snap.state) }

// postureCue is the cue for the next check-in: each check-in answered
// today moves to the next one, and each day starts at a different one.
func postureCue(cues []string, now time.Time, st diary.ReminderState) string {
	if len(cues) == 0 {
		return "Sit back, let your shoulders drop, and look at the screen straight on."
	}
	i := int(diary.DayOf(now))*5 + st.PostureAcksToday
	return cues[i%len(cues)]
}
