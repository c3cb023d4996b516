// Package guide is the Guide tab: the back-care guide, written for reading
// in a terminal. A section list and a reading pane, search across the whole
// guide, links to other sections and to stretches, and a remembered place.
package guide

import (
	"github.com/charmbracelet/bubbles/key"
	"github.com/charmbracelet/bubbles/textinput"
	"github.com/charmbracelet/bubbles/viewport"
	tea "github.com/charmbracelet/bubbletea"

	"lumbar/content"
	"lumbar/tui/common"
)

// Layout: below wideWidth the section list folds into a header line; the
// text never runs wider than maxTextWidth, which is about as wide as
// reading stays comfortable.
const (
	wideWidth    = 90
	listWidth    = 28
	maxTextWidth = 100
)

type focus int

const (
	focusText focus = iota
	focusList
)

// Model is the Guide tab.
type Model struct {
	common.Common
	keys  KeyMap
	guide *content.Guide
	pages *pages

	current  int // open section
	cursor   int // highlighted row of the section list
	focus    focus
	viewport viewport.Model
	search   searchState
	linkMenu bool

	width, height int
	wide          bool

	saved   position // where the file says we were
	loaded  bool     // saved was read from the file
	touched bool     // the person moved before the saved place arrived

	// waitingOffset is the open section's offset before the first size:
	// until then nothing is laid out and the place is only remembered.
	waitingOffset int
}

// searchState is the search box and what it found.
type searchState struct {
	input   textinput.Model
	typing  bool
	query   string
	matches []match
	at      int // current match
}

// New builds the Guide tab over the embedded guide.
func New(c common.Common) common.Tab {
	g, err := content.LoadGuide()
	if err != nil {
		// Tests validate the embedded guide, so this is a build defect.
		panic("guide: embedded guide is malformed: " + err.Error())
	}
	in := textinput.New()
	in.Prompt = "/"
	in.Placeholder = "search the guide"
	in.CharLimit = 80
	m := &Model{
		Common:   c,
		keys:     DefaultKeyMap(),
		guide:    g,
		pages:    newPages(g, c.Styles.Markdown),
		viewport: viewport.New(0, 0),
		search:   searchState{input: in},
	}
	m.viewport.KeyMap = viewport.KeyMap{} // the tab's own keys drive it
	m.syncKeys()
	return m
}

func (m *Model) Init() tea.Cmd { return m.loadPosition() }

// SetSize lays the tab out again; a new width re-renders the text.
func (m *Model) SetSize(width, height int) {
	m.width, m.height = width, height
	m.wide = width >= wideWidth
	if !m.wide {
		m.focus = focusText
	}
	textWidth := width
	if m.wide {
		textWidth = width - listWidth - 2
	}
	textWidth = max(10, min(textWidth, maxTextWidth))
	offset := m.offset()
	m.viewport.Width = textWidth
	m.viewport.Height = max(1, height-m.chromeRows())
	if m.pages.setWidth(textWidth) {
		m.findMatches() // the old ones point into lines of the old width
	}
	m.showSection(m.current, offset)
	m.syncKeys()
}

// Restyle shows the open section again, in the colours for the
// terminal's background, at the same place.
func (m *Model) Restyle() {
	offset := m.offset()
	m.pages.restyle()
	m.showSection(m.current, offset)
}

// laidOut tells whether the tab has had a size. Before that a saved place,
// a search or a link may already arrive: they are remembered and shown at
// the first size.
func (m *Model) laidOut() bool { return m.pages.laidOut() }

// offset is how far down the open section the reader is.
func (m *Model) offset() int {
	if !m.laidOut() {
		return m.waitingOffset
	}
	return m.viewport.YOffset
}

// chromeRows is the rows around the text: a footer, and a header line
// when the list is folded away.
func (m *Model) chromeRows() int {
	if m.wide {
		return 1
	}
	return 2
}

// CapturesInput keeps global keys away while the search box or the link
// menu takes typing.
func (m *Model) CapturesInput() bool { return m.search.typing || m.linkMenu }

func (m *Model) Update(msg tea.Msg) (tea.Model, tea.Cmd) {
	var cmd tea.Cmd
	switch msg := msg.(type) {
	case tea.KeyMsg:
		cmd = m.handleKey(msg)
	case tea.MouseMsg:
		m.handleMouse(msg)
	case common.OpenGuideMsg:
		m.openByID(msg.Section)
	case positionMsg:
		m.restore(msg)
	}
	m.syncKeys()
	return m, cmd
}

func (m *Model) handleKey(msg tea.KeyMsg) tea.Cmd {
	switch {
	case m.search.typing:
		return m.typeSearch(msg)
	case m.linkMenu:
		return m.pickLink(msg)
	}
	k := m.keys
	switch {
	case key.Matches(msg, k.Search):
		m.startSearch()
		return textinput.Blink
	case key.Matches(msg, k.NextMatch):
		m.gotoMatch(step(m.search.at, 1, len(m.search.matches)))
	case key.Matches(msg, k.PrevMatch):
		m.gotoMatch(step(m.search.at, -1, len(m.search.matches)))
	case key.Matches(msg, k.Clear):
		m.clearSearch()
	case key.Matches(msg, k.Links):
		m.linkMenu = true
	case key.Matches(msg, k.Prev):
		m.open(max(0, m.current-1))
	case key.Matches(msg, k.Next):
		m.open(min(len(m.guide.Sections)-1, m.current+1))
	case key.Matches(msg, k.ToList):
		m.focus, m.cursor = focusList, m.current
	case key.Matches(msg, k.ToText):
		m.focus = focusText
	case m.focus == focusList:
		m.moveCursor(msg)
	default:
		m.scroll(msg)
	}
	return nil
}

func (m *Model) moveCursor(msg tea.KeyMsg) {
	k := m.keys
	last := len(m.guide.Sections) - 1
	switch {
	case key.Matches(msg, k.Up):
		m.cursor = max(0, m.cursor-1)
	case key.Matches(msg, k.Down):
		m.cursor = min(last, m.cursor+1)
	case key.Matches(msg, k.Top):
		m.cursor = 0
	case key.Matches(msg, k.Bottom):
		m.cursor = last
	case key.Matches(msg, k.Open):
		m.open(m.cursor)
		m.focus = focusText
	}
}

func (m *Model) scroll(msg tea.KeyMsg) {
	k := m.keys
	switch {
	case key.Matches(msg, k.Up):
		m.viewport.ScrollUp(1)
	case key.Matches(msg, k.Down):
		m.viewport.ScrollDown(1)
	case key.Matches(msg, k.PageUp):
		m.viewport.PageUp()
	case key.Matches(msg, k.PageDown):
		m.viewport.PageDown()
	case key.Matches(msg, k.Top):
		m.viewport.GotoTop()
	case key.Matches(msg, k.Bottom):
		m.viewport.GotoBottom()
	default:
		return
	}
	m.touched = true
}

// handleMouse scrolls with the wheel and opens a section clicked in the
// list.
func (m *Model) handleMouse(msg tea.MouseMsg) {
	if msg.Action != tea.MouseActionPress {
		return
	}
	switch msg.Button {
	case tea.MouseButtonWheelUp:
		m.viewport.ScrollUp(3)
		m.touched = true
	case tea.MouseButtonWheelDown:
		m.viewport.ScrollDown(3)
		m.touched = true
	case tea.MouseButtonLeft:
		if i, ok := m.listRowAt(msg.X, msg.Y); ok {
			m.open(i)
		}
	}
}

// listRowAt is the section whose row in the list is at (x, y).
func (m *Model) listRowAt(x, y int) (int, bool) {
	i := y - listTop
	if !m.wide || x >= listWidth || i < 0 || i >= len(m.guide.Sections) {
		return 0, false
	}
	return i, true
}

func (m *Model) openByID(id string) {
	if _, i, ok := m.guide.Section(id); ok {
		m.open(i)
		m.focus = focusText
	}
}

// open shows section i from its top.
func (m *Model) open(i int) {
	m.touched = true
	m.cursor = i
	m.showSection(i, 0)
}

// showSection puts section i in the reading pane at offset, with its
// search matches marked.
func (m *Model) showSection(i, offset int) {
	m.current = i
	if !m.laidOut() {
		m.waitingOffset = offset
		return
	}
	styled, plain := m.pages.lines(i)
	m.viewport.SetContent(joinLines(markMatches(styled, plain, m.matchesIn(i), m.Styles)))
	m.viewport.SetYOffset(offset)
}

func (m *Model) matchesIn(section int) []match {
	var in []match
	for _, mt := range m.search.matches {
		if mt.section == section {
			in = append(in, mt)
		}
	}
	return in
}

// links are the distinct places the open section links to.
func (m *Model) links() []content.Link {
	var out []content.Link
	seen := map[content.Link]bool{}
	for _, l := range m.guide.Sections[m.current].Links {
		place := content.Link{Kind: l.Kind, Target: l.Target}
		if !seen[place] {
			seen[place] = true
			out = append(out, l)
		}
	}
	return out
}

// pickLink follows the link whose number was typed.
func (m *Model) pickLink(msg tea.KeyMsg) tea.Cmd {
	m.linkMenu = false
	links := m.links()
	if len(msg.Runes) != 1 || msg.Runes[0] < '1' || int(msg.Runes[0]-'1') >= min(len(links), 9) {
		return nil // any other key just closes the menu
	}
	l := links[msg.Runes[0]-'1']
	if l.Kind == content.StretchLink {
		return common.Navigate(common.OpenStretchMsg{Stretch: l.Target, Back: common.BackMsg{Tab: common.GuideTab}})
	}
	m.openByID(l.Target)
	return nil
}
