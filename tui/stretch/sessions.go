package stretch

import (
	"fmt"
	"slices"
	"strings"

	"github.com/charmbracelet/bubbles/key"
	tea "github.com/charmbracelet/bubbletea"

	"lumbar/content"
	"lumbar/store"
	"lumbar/store/diary"
	"lumbar/store/text"
	"lumbar/tui/common"
)

// sessionDays is how far back the Sessions view looks.
const sessionDays = 90

// otherColumns is the width of the table's columns but the routine's
// and the ID's, with the gaps between them.
const otherColumns = 50

// idColumnFrom is the width from which the Sessions view shows each
// session's short ID (for lumbar delete ID).
const idColumnFrom = 100

// Sessions is the Sessions view: the stretching sessions of the last
// sessionDays days, newest first, as `lumbar sessions` lists them. It is
// its own component, opened over the library with S and closed with esc.
type Sessions struct {
	common.Common
	keys    KeyMap
	library *content.Library // for the routines' names
	list    []store.Listed[diary.Session]
	loaded  bool
	err     error
	offset  int // the first row shown
	width   int
	height  int
	closed  bool
}

// sessionsMsg carries the sessions read from the data file.
type sessionsMsg struct {
	list []store.Listed[diary.Session]
	err  error
}

func newSessions(c common.Common, keys KeyMap, lib *content.Library) *Sessions {
	return &Sessions{Common: c, keys: keys, library: lib}
}

// load reads the sessions of the last sessionDays days, as of now.
func (s *Sessions) load() tea.Msg {
	today := diary.DayOf(s.Now())
	list, err := store.Read(s.Store, func(tx *store.Tx) ([]store.Listed[diary.Session], error) {
		return store.SessionsIn(tx, today-sessionDays+1, today)
	})
	slices.Reverse(list) // newest first
	return sessionsMsg{list: list, err: err}
}

// SetSize gives the view its width and height.
func (s *Sessions) SetSize(width, height int) {
	s.width, s.height = width, height
	s.scroll(0)
}

// Update takes the sessions read and the keys; esc closes the view.
func (s *Sessions) Update(msg tea.Msg) tea.Cmd {
	switch msg := msg.(type) {
	case sessionsMsg:
		s.list, s.err, s.loaded = msg.list, msg.err, true
		s.scroll(0)
	case tea.KeyMsg:
		switch {
		case key.Matches(msg, s.keys.Back):
			s.closed = true
		case key.Matches(msg, s.keys.Up):
			s.scroll(-1)
		case key.Matches(msg, s.keys.Down):
			s.scroll(1)
		case key.Matches(msg, s.keys.Top):
			s.scroll(-len(s.list))
		case key.Matches(msg, s.keys.Bottom):
			s.scroll(len(s.list))
		}
	}
	return nil
}

// Closed tells whether esc closed the view.
func (s *Sessions) Closed() bool { return s.closed }

// rowsShown is how many sessions fit under the heading and above the
// key line.
func (s *Sessions) rowsShown() int { return max(1, s.height-4) }

// scroll moves the first row shown by n, keeping the last page full.
func (s *Sessions) scroll(n int) {
	s.offset = max(0, min(s.offset+n, len(s.list)-s.rowsShown()))
}

// ShortHelp is the view's keys.
func (s *Sessions) ShortHelp() []key.Binding {
	return []key.Binding{s.keys.Back, s.keys.Up, s.keys.Down}
}

// View draws the heading, a table of the sessions shown and the keys.
func (s *Sessions) View() string {
	st := s.Styles
	lines := []string{st.Title.Render(truncate(s.heading(), s.width)), ""}
	switch {
	case s.err != nil:
		lines = append(lines, st.Warning.Render(truncate("Could not read the sessions: "+s.err.Error(), s.width)))
	case !s.loaded:
		lines = append(lines, st.Muted.Render("Reading…"))
	case len(s.list) == 0:
		lines = append(lines, truncate(fmt.Sprintf("No stretching sessions in the last %d days.", sessionDays), s.width),
			st.Muted.Render(truncate("Choose a routine and press s to start one.", s.width)))
	default:
		lines = append(lines, st.Muted.Render(truncate(s.row("ID", "When", "Routine", "Outcome", "Steps", "Time", "Pain"), s.width)))
		end := min(len(s.list), s.offset+s.rowsShown())
		for _, it := range s.list[s.offset:end] {
			lines = append(lines, truncate(s.sessionRow(it), s.width))
		}
	}
	for len(lines) < s.height-1 {
		lines = append(lines, "")
	}
	return strings.Join(append(lines[:max(0, s.height-1)], st.Muted.Render(truncate(s.keyLine(), s.width))), "\n")
}

// heading counts the sessions of the period.
func (s *Sessions) heading() string {
	completed := 0
	for _, it := range s.list {
		if it.Value.Completed() {
			completed++
		}
	}
	return fmt.Sprintf("Stretching sessions, last %d days: %s, %d completed", sessionDays,
		text.Plural(len(s.list), "session"), completed)
}

func (s *Sessions) keyLine() string {
	line := "esc back"
	if len(s.list) > s.rowsShown() {
		line += fmt.Sprintf(" · ↑/↓ scroll (%d–%d of %d)", s.offset+1, min(len(s.list), s.offset+s.rowsShown()), len(s.list))
	}
	return line + " · lumbar sessions lists them in a shell"
}

func (s *Sessions) sessionRow(it store.Listed[diary.Session]) string {
	v := it.Value
	pain := v.PainChange()
	if pain == "" {
		pain = "–"
	}
	return s.row(it.ShortID, v.Local().Format("Mon 2 Jan 15:04"), s.library.RoutineName(v.Routine), v.Outcome(),
		fmt.Sprintf("%d/%d", v.StepsDone, v.StepsTotal), content.Clock(v.Length()), pain)
}

// row lays out one line of the table; the ID column (and the room for a
// routine's whole name) shows only in a wide window.
func (s *Sessions) row(id, when, routine, outcome, steps, length, pain string) string {
	routineWidth := 24 // narrower in a narrow window, so the pain still shows
	if s.width >= idColumnFrom {
		routineWidth = 32
	}
	routineWidth = max(8, min(routineWidth, s.width-otherColumns))
	line := fmt.Sprintf("%-16s  %-*s  %-9s  %5s  %5s  %s", when, routineWidth, truncate(routine, routineWidth), outcome, steps, length, pain)
	if s.width >= idColumnFrom {
		line = fmt.Sprintf("%-17s  %s", id, line)
	}
	return line
}
