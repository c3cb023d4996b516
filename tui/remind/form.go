package remind

import (
	"errors"
	"strings"
	"time"

	"github.com/charmbracelet/bubbles/key"
	tea "github.com/charmbracelet/bubbletea"
	"github.com/charmbracelet/huh"
	"github.com/charmbracelet/lipgloss"

	"lumbar/store"
	"lumbar/store/diary"
	"lumbar/tui/theme"
)

// formSections are the registry sections this tab's form edits (sync's
// among them: like the reminders, it runs on its own every so often);
// the Stretch tab owns its own.
var formSections = []string{diary.SectionWater, diary.SectionReminder, diary.SectionHours, diary.SectionDelivery, diary.SectionSync}

// settingsForm is the huh form over the settings registry: one page per
// section, a choice for settings with few values, a checked text field
// for the rest. It edits text, exactly as `lumbar config set` does.
type settingsForm struct {
	form    *huh.Form
	texts   map[string]*string
	initial map[string]string
	current diary.Settings // what the form opened with
	fields  map[string]diary.Setting
	width   int // the form's width, as huh wraps its lines
}

func newSettingsForm(current diary.Settings, styles theme.Styles, width, height int) *settingsForm {
	f := &settingsForm{texts: map[string]*string{}, initial: map[string]string{}, current: current,
		fields: map[string]diary.Setting{}}
	var groups []*huh.Group
	for _, section := range formSections {
		var fields []huh.Field
		for _, st := range diary.AllSettings() {
			if st.Section() != section {
				continue
			}
			text := st.Format(current)
			f.texts[st.Name()], f.initial[st.Name()], f.fields[st.Name()] = &text, text, st
			fields = append(fields, f.fieldFor(st, &text))
		}
		groups = append(groups, huh.NewGroup(fields...).Title(section))
	}
	keys := huh.NewDefaultKeyMap()
	keys.Quit = key.NewBinding(key.WithKeys("esc"), key.WithHelp("esc", "cancel"))
	f.form = huh.NewForm(groups...).WithTheme(styles.Form()).WithKeyMap(keys).WithShowHelp(true)
	f.resize(width, height)
	return f
}

func (f *settingsForm) fieldFor(st diary.Setting, text *string) huh.Field {
	title := st.Name() + " — " + st.Help()
	if choices := st.Choices(); choices != nil {
		return huh.NewSelect[string]().Key(st.Name()).Title(title).
			Options(huh.NewOptions(choices...)...).Value(text).Inline(true)
	}
	return huh.NewInput().Key(st.Name()).Title(title).Description(st.Syntax()).
		Value(text).Validate(func(typed string) error { return f.asShown(f.check(st.Name(), typed)) })
}

// errorIndent is what huh's theme writes before an error's text (" * ").
const errorIndent = 3

// asShown lays err out for the form's footer: huh wraps it flush left,
// so it comes wrapped already, later lines indented under its text.
func (f *settingsForm) asShown(err error) error {
	if err == nil {
		return nil
	}
	lines := strings.Split(lipgloss.NewStyle().Width(max(10, f.width-errorIndent)).Render(err.Error()), "\n")
	for i := 1; i < len(lines); i++ {
		lines[i] = strings.Repeat(" ", errorIndent) + lines[i]
	}
	return errors.New(strings.Join(lines, "\n"))
}

// check refuses what a field holds, alone or with the other fields' valid
// values (a start after the end); an invalid other field shows its own
// refusal.
func (f *settingsForm) check(name, typed string) error {
	texts := map[string]string{name: typed}
	for other, text := range f.changes() {
		if other != name && f.fields[other].Check(text) == nil {
			texts[other] = text
		}
	}
	_, err := diary.ApplySettings(f.current, texts)
	return err
}

// formChrome is the rows the form's height leaves out: the tab's blank
// line and title above it, and what huh draws beyond the height it is
// given (the blank line above its footer, and an error wrapped to two
// lines where the one-line help was counted).
const formChrome = 4

func (f *settingsForm) resize(width, height int) {
	f.width = max(20, width-4)
	f.form = f.form.WithWidth(f.width).WithHeight(max(5, height-formChrome))
}

// changes is every setting whose text differs from what the form opened with.
func (f *settingsForm) changes() map[string]string {
	out := map[string]string{}
	for name, text := range f.texts {
		if *text != f.initial[name] {
			out[name] = *text
		}
	}
	return out
}

func (m *Model) openForm() tea.Cmd {
	m.form = newSettingsForm(m.snap.state.Settings, m.Styles, m.width, m.height)
	m.note = ""
	return m.form.form.Init()
}

// updateForm passes msg to the open form and, once it is finished, saves
// its changes (all or nothing) or drops them.
func (m *Model) updateForm(msg tea.Msg) tea.Cmd {
	_, cmd := m.form.form.Update(msg)
	switch m.form.form.State {
	case huh.StateAborted:
		m.form = nil
		m.note = "Settings unchanged."
		return nil
	case huh.StateCompleted:
		changes := m.form.changes()
		m.form = nil
		if len(changes) == 0 {
			m.note = "Settings unchanged."
			return nil
		}
		return m.change(func(tx *store.Tx, _ time.Time) error {
			return store.ChangeSettings(tx, changes)
		}, func(snapshot, time.Time) string { return "Settings saved." })
	}
	return cmd
}
