package guide

import (
	tea "github.com/charmbracelet/bubbletea"

	"lumbar/store"
)

// positionSetting is where the Guide keeps the reader's place.
const positionSetting = "guide.position"

// position is a place in the guide: a section and a line offset.
type position struct {
	Section string `json:"section"`
	Offset  int    `json:"offset"`
}

type positionMsg struct {
	position
	err error // the file could not be read: the saved place is unknown
}

// loadPosition reads the saved place without blocking start-up.
func (m *Model) loadPosition() tea.Cmd {
	s := m.Store
	return func() tea.Msg {
		var p position
		err := s.View(func(tx *store.Tx) error {
			_, err := store.GetSetting(tx, positionSetting, &p)
			return err
		})
		return positionMsg{position: p, err: err}
	}
}

// restore goes back to the saved place, unless the person has already
// moved (or another tab sent them somewhere) since start-up.
func (m *Model) restore(msg positionMsg) {
	if msg.err != nil {
		return // leave saved unknown, so Save does not overwrite it
	}
	p := msg.position
	m.loaded, m.saved = true, p
	if m.touched {
		return
	}
	if _, i, ok := m.guide.Section(p.Section); ok {
		m.cursor = i
		m.showSection(i, p.Offset)
	}
}

func (m *Model) here() position {
	return position{Section: m.guide.Sections[m.current].ID, Offset: m.offset()}
}

// Save keeps the reader's place when the app quits; only if it moved, so
// merely looking at the guide writes nothing.
func (m *Model) Save() error {
	p := m.here()
	if !m.loaded || p == m.saved {
		return nil // the saved place was never read, or nothing moved
	}
	err := m.Store.Update(func(tx *store.Tx) error {
		return store.PutSetting(tx, positionSetting, p)
	})
	if err == nil {
		m.saved = p
	}
	return err
}
