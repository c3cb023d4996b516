package journal

import (
	"github.com/charmbracelet/bubbles/key"

	"lumbar/store/diary"
	"lumbar/tui/common"
)

// KeyMap is the Log tab's keys. Which of them work depends on what is on
// screen; the model enables and disables them (see syncKeys), so help and
// key matching always agree.
type KeyMap struct {
	New key.Binding

	// Browsing.
	NextView  key.Binding
	PrevView  key.Binding
	Up        key.Binding
	Down      key.Binding
	PageUp    key.Binding
	PageDown  key.Binding
	Top       key.Binding
	Bottom    key.Binding
	Open      key.Binding
	Edit      key.Binding
	Delete    key.Binding
	Undo      key.Binding
	Span      key.Binding
	Report    key.Binding // the report for the doctor, of the span on screen
	PrevMonth key.Binding
	NextMonth key.Binding

	// An entry or the doctor advice on screen.
	Guide key.Binding
	Back  key.Binding

	// Adding a warning sign the entry's details imply.
	AddSign  key.Binding
	SkipSign key.Binding

	// Confirming a delete.
	Yes key.Binding
	No  key.Binding

	// The entry form.
	Save      key.Binding
	LastTime  key.Binding
	NextField key.Binding
	PrevField key.Binding
	Cancel    key.Binding

	// A save refused because the entry changed meanwhile.
	Reload     key.Binding
	Overwrite  key.Binding
	BackToForm key.Binding
}

// DefaultKeyMap is the Log tab's keys.
func DefaultKeyMap() KeyMap {
	return KeyMap{
		New:        key.NewBinding(key.WithKeys("n"), key.WithHelp("n", "new entry")),
		NextView:   key.NewBinding(key.WithKeys("right", "l"), key.WithHelp("→/l", "next view")),
		PrevView:   key.NewBinding(key.WithKeys("left", "h"), key.WithHelp("←/h", "previous view")),
		Up:         key.NewBinding(key.WithKeys("up", "k"), key.WithHelp("↑/k", "up")),
		Down:       key.NewBinding(key.WithKeys("down", "j"), key.WithHelp("↓/j", "down")),
		PageUp:     key.NewBinding(key.WithKeys("pgup", "b"), key.WithHelp("pgup", "page up")),
		PageDown:   key.NewBinding(key.WithKeys("pgdown", "f", " "), key.WithHelp("pgdn", "page down")),
		Top:        key.NewBinding(key.WithKeys("home", "g"), key.WithHelp("g/home", "newest")),
		Bottom:     key.NewBinding(key.WithKeys("end", "G"), key.WithHelp("G/end", "oldest")),
		Open:       key.NewBinding(key.WithKeys("enter"), key.WithHelp("enter", "show entry")),
		Edit:       key.NewBinding(key.WithKeys("e"), key.WithHelp("e", "edit")),
		Delete:     key.NewBinding(key.WithKeys("d", "delete"), key.WithHelp("d", "delete")),
		Undo:       key.NewBinding(key.WithKeys("u"), key.WithHelp("u", "undo delete")),
		Span:       key.NewBinding(key.WithKeys("r"), key.WithHelp("r", "7/30/90/365 days")),
		Report:     key.NewBinding(key.WithKeys("p"), key.WithHelp("p", "report for the doctor")),
		PrevMonth:  key.NewBinding(key.WithKeys("<", ","), key.WithHelp("<", "previous month")),
		NextMonth:  key.NewBinding(key.WithKeys(">", "."), key.WithHelp(">", "next month")),
		Guide:      key.NewBinding(key.WithKeys("g"), key.WithHelp("g", "open “When to see a doctor”")),
		Back:       key.NewBinding(key.WithKeys("esc", "backspace"), key.WithHelp("esc", "back")),
		AddSign:    key.NewBinding(key.WithKeys("y"), key.WithHelp("y", "yes, add the sign")),
		SkipSign:   key.NewBinding(key.WithKeys("n"), key.WithHelp("n", "no")),
		Yes:        key.NewBinding(key.WithKeys("y"), key.WithHelp("y", "delete it")),
		No:         key.NewBinding(key.WithKeys("n", "esc"), key.WithHelp("n/esc", "keep it")),
		Save:       key.NewBinding(key.WithKeys("enter"), key.WithHelp("enter", "save")),
		LastTime:   key.NewBinding(key.WithKeys("ctrl+r"), key.WithHelp("ctrl+r", "as last time")),
		NextField:  key.NewBinding(key.WithKeys("tab"), key.WithHelp("tab", "more details")),
		PrevField:  key.NewBinding(key.WithKeys("shift+tab"), key.WithHelp("shift+tab", "back a field")),
		Cancel:     key.NewBinding(key.WithKeys("esc"), key.WithHelp("esc", "cancel")),
		Reload:     key.NewBinding(key.WithKeys("r"), key.WithHelp("r", "reload theirs")),
		Overwrite:  key.NewBinding(key.WithKeys("o"), key.WithHelp("o", "overwrite with yours")),
		BackToForm: key.NewBinding(key.WithKeys("esc"), key.WithHelp("esc", "keep editing")),
	}
}

// mode is what the tab is doing, which decides the keys that work.
type mode int

const (
	browsing mode = iota
	editingForm
	resolvingConflict
	showingAdvice
	confirmingDelete
	showingEntry
)

func (m *Model) mode() mode {
	switch {
	case m.form != nil && m.form.conflict != nil:
		return resolvingConflict
	case m.form != nil:
		return editingForm
	case m.advice != nil:
		return showingAdvice
	case m.confirm != nil:
		return confirmingDelete
	case m.detail != nil:
		return showingEntry
	}
	return browsing
}

// syncKeys enables exactly the keys that do something now.
func (m *Model) syncKeys() {
	k := &m.keys
	now := m.mode()
	browse := now == browsing
	inHistory := browse && m.view == historyView && len(m.data.entries) > 0
	entry := now == showingEntry
	set := common.SetEnabled
	set(browse || entry, &k.New)
	set(browse, &k.NextView, &k.PrevView)
	set(inHistory || entry || now == showingAdvice || (browse && m.view == insightsView), &k.Up, &k.Down, &k.PageUp, &k.PageDown)
	set(inHistory, &k.Top, &k.Bottom, &k.Open)
	set(inHistory || entry, &k.Edit, &k.Delete)
	set(browse && m.undo != nil, &k.Undo)
	set(browse && (m.view == chartView || m.view == insightsView), &k.Span, &k.Report)
	set(browse && m.view == calendarView, &k.PrevMonth)
	set(browse && m.view == calendarView && m.month != monthOf(m.data.today), &k.NextMonth)
	set(now == showingAdvice || (entry && hasAdvice(m.detail.item.Value)), &k.Guide)
	set(now == showingAdvice || entry, &k.Back)
	set(now == confirmingDelete, &k.Yes, &k.No)
	set(now == showingAdvice && len(m.advice.Implied) > 0, &k.AddSign, &k.SkipSign)
	set(now == editingForm, &k.Save, &k.NextField, &k.PrevField, &k.Cancel)
	set(now == editingForm && m.form.offersLastTime(), &k.LastTime)
	set(now == resolvingConflict, &k.Overwrite, &k.BackToForm)
	set(now == resolvingConflict && m.form.conflict.Current != nil, &k.Reload)
	if now == resolvingConflict && m.form.conflict.Current == nil {
		k.Overwrite.SetHelp("o", "save yours again")
	} else {
		k.Overwrite.SetHelp("o", "overwrite with yours")
	}
}

// ShortHelp is the key line under the tab.
func (m *Model) ShortHelp() []key.Binding {
	k := m.keys
	return common.Enabled(k.Save, k.NextField, k.PrevField, k.Cancel, k.LastTime, k.Reload, k.Overwrite, k.BackToForm, k.AddSign, k.SkipSign, k.Yes, k.No, k.Guide,
		k.New, k.Open, k.Edit, k.Delete, k.Undo, k.Span, k.Report, k.PrevMonth, k.NextMonth, k.NextView, k.Back)
}

// FullHelp is the Log's part of the ? screen.
func (m *Model) FullHelp() [][]key.Binding {
	k := m.keys
	return common.HelpGroups(
		[]key.Binding{k.New, k.Open, k.Edit, k.Delete, k.Undo},
		[]key.Binding{k.Up, k.Down, k.PageUp, k.PageDown, k.Top, k.Bottom},
		[]key.Binding{k.NextView, k.PrevView, k.Span, k.Report, k.PrevMonth, k.NextMonth},
		[]key.Binding{k.Save, k.LastTime, k.NextField, k.PrevField, k.Cancel, k.AddSign, k.SkipSign, k.Yes, k.No, k.Guide, k.Back},
		[]key.Binding{k.Reload, k.Overwrite, k.BackToForm},
	)
}

// hasAdvice tells whether an entry's signs, ticked or implied, bring the
// doctor advice (and so the key to the Guide's section).
func hasAdvice(e diary.PainEntry) bool {
	_, ok := diary.AdviceForEntry(e.Warnings, e.Where, e.Feels)
	return ok
}
