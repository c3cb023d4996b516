// Package journal is the Log tab: a daily pain diary with history, a trend
// chart, a calendar heat-map and honest insights.
//
// The tab reads everything it shows in one background load (data.go) and
// redraws from that snapshot; it writes only from Update, synchronously,
// one transaction per save, edit, delete or undo, so an entry saved just
// before quitting is on disk when the program ends.
package journal

import (
	"errors"
	"fmt"
	"math"
	"slices"
	"strings"
	"time"

	"github.com/charmbracelet/bubbles/help"
	"github.com/charmbracelet/bubbles/key"
	"github.com/charmbracelet/bubbles/viewport"
	tea "github.com/charmbracelet/bubbletea"
	"github.com/charmbracelet/lipgloss"
	"github.com/charmbracelet/x/ansi"

	"lumbar/content"
	"lumbar/store"
	"lumbar/store/diary"
	"lumbar/tui/common"
)

// UndoWindow is how long a deleted entry can be brought back with u.
const UndoWindow = 10 * time.Second

// view is one of the tab's four ways of looking at the diary.
type view int

const (
	historyView view = iota
	chartView
	calendarView
	insightsView
	viewCount
)

var viewNames = [viewCount]string{"History", "Chart", "Calendar", "Insights"}

// Rows the tab draws around its body: the view bar and a blank line
// above, key hints below.
const (
	headerRows = 2
	footerRows = 1
)

// Model is the Log tab.
type Model struct {
	common.Common
	keys          KeyMap
	help          help.Model
	width, height int

	view view
	span int // index into Spans, for the chart and insights

	data    snapshot
	loaded  bool
	loadErr error
	loadGen int // drops answers of loads that were overtaken
	// loadingMore: a page of older entries is being read (see pageSize).
	loadingMore bool
	// toBottom: the person asked for the oldest entry; the cursor goes
	// there once every entry is read.
	toBottom bool

	history   list
	selectKey *store.Key // put the cursor on this entry when the next load lands
	month     month
	calWeeks  [][7]calendarCell // month's grid, from layoutCalendar
	calSum    monthSummary
	chart     string         // drawn for the current data, span and size
	insights  viewport.Model // the current span's insights, worded
	monthSet  bool           // the person moved the calendar; keep their month

	form    *entryForm
	detail  *detail
	confirm *store.Item[diary.PainEntry] // awaiting "delete? y/n"
	undo    *undoOffer
	undoGen int
	advice  *diary.Advice // shown after saving an entry with warning signs
	// adviceItem is the saved entry the advice is about: a yes to an
	// implied sign adds it there.
	adviceItem store.Item[diary.PainEntry]
	adviceVP   viewport.Model // the advice, scrolled when the window is too short for it
	flash      string         // what the last action did, on the view bar
}

// detail is one entry shown whole.
type detail struct {
	item store.Item[diary.PainEntry]
	vp   viewport.Model
}

// undoOffer is the last deleted entry while u can still bring it back.
type undoOffer struct {
	item store.Item[diary.PainEntry]
	gen  int
}

// undoExpiredMsg ends the undo offer of generation gen.
type undoExpiredMsg struct{ gen int }

// New builds the Log tab.
func New(c common.Common) *Model {
	h := help.New()
	h.Styles = c.Styles.Help
	m := &Model{Common: c, keys: DefaultKeyMap(), help: h, span: defaultSpan, month: monthOf(diary.DayOf(c.Now()))}
	m.syncKeys()
	return m
}

func (m *Model) Init() tea.Cmd { return tea.Batch(m.load(), loadDraft(m.Store)) }

// load reads a fresh snapshot in the background, with the entries as far
// back as the list had read them.
func (m *Model) load() tea.Cmd {
	m.loadGen++
	m.loadingMore = false
	var downTo *store.Key
	switch n := len(m.data.entries); {
	case m.loaded && m.data.complete:
		downTo = &store.Key{} // all of them: an entry put back may be the oldest
	case m.loaded && n > 0:
		downTo = &m.data.entries[n-1].Key
	}
	return loadCmd(m.Store, m.Now(), m.loadGen, downTo)
}

// loadMoreIfNear reads the next page of older entries once the cursor is
// within two screens of the last entry read (or all of them, when the
// person asked for the oldest).
func (m *Model) loadMoreIfNear() tea.Cmd {
	n := len(m.data.entries)
	if !m.loaded || m.data.complete || m.loadingMore || n == 0 {
		return nil
	}
	size := pageSize
	switch {
	case m.toBottom:
		size = math.MaxInt
	case m.history.cursor < n-2*m.historyRows():
		return nil
	}
	m.loadingMore = true
	return moreCmd(m.Store, m.data.entries[n-1].Key, size, m.loadGen)
}

// applyMore adds a page of older entries to the list.
func (m *Model) applyMore(msg moreMsg) {
	if msg.gen != m.loadGen {
		return // a fresh load overtook it, and reads as far
	}
	m.loadingMore = false
	if msg.err != nil {
		m.loadErr = msg.err
		return
	}
	m.data.entries = append(m.data.entries, msg.entries...)
	m.data.complete = msg.complete
	cursor := m.history.cursor
	if m.toBottom && msg.complete {
		cursor, m.toBottom = len(m.data.entries)-1, false
	}
	m.history.move(cursor, len(m.data.entries), m.historyRows())
}

func (m *Model) Update(msg tea.Msg) (tea.Model, tea.Cmd) {
	var cmd tea.Cmd
	switch msg := msg.(type) {
	case tea.WindowSizeMsg: // only when run on its own; the root calls SetSize
		m.SetSize(msg.Width, msg.Height)
	case loadedMsg:
		m.applyLoad(msg)
	case moreMsg:
		m.applyMore(msg)
	case draftMsg:
		cmd = m.offerDraft(msg)
	case common.NewEntryMsg:
		cmd = m.newEntryAsked()
	case common.ReloadMsg:
		if !m.loaded || msg.Revision != m.data.revision {
			cmd = m.load()
		}
	case reportMsg:
		m.flash = reportFlash(msg, m.width)
	case undoExpiredMsg:
		if m.undo != nil && m.undo.gen == msg.gen {
			m.undo = nil
		}
	case tea.KeyMsg:
		cmd = tea.Batch(m.reloadIfNewDay(), m.handleKey(msg))
	case tea.MouseMsg:
		m.handleMouse(msg)
	default:
		if m.form != nil { // huh's own messages: cursor blinks and the like
			cmd = m.form.update(msg)
		}
	}
	m.syncKeys()
	return m, tea.Batch(cmd, m.loadMoreIfNear())
}

// reloadIfNewDay reloads when midnight has passed since the last load:
// nothing is written then, so no ReloadMsg comes, yet "today" moved on.
func (m *Model) reloadIfNewDay() tea.Cmd {
	if m.loaded && diary.DayOf(m.Now()) != m.data.today {
		return m.load()
	}
	return nil
}

// SetSize gives the tab its cells and redraws what depends on them.
func (m *Model) SetSize(width, height int) {
	m.width, m.height = width, height
	m.help.Width = width
	if m.form != nil {
		m.form.setSize(m.formWidth(), m.formHeight())
	}
	if m.advice != nil {
		m.layoutAdvice()
	}
	if m.detail != nil {
		m.detail.vp.Width, m.detail.vp.Height = width, m.bodyHeight()
		m.detail.vp.SetContent(detailText(m.detail.item.Value, width, m.Styles))
	}
	m.redraw()
}

// Restyle draws again, in the colours for the terminal's background,
// what the tab keeps drawn: the chart, the insights, the advice and an
// open entry. Its layout depends on the size alone and stays as it is.
func (m *Model) Restyle() { m.SetSize(m.width, m.height) }

// CapturesInput keeps q, ? and 1–4 in the form's text fields, and holds
// the warning-sign advice open until it is answered (g or esc): no stray
// key skips it and no reminder banner covers it.
func (m *Model) CapturesInput() bool { return m.form != nil || m.advice != nil }

func (m *Model) bodyHeight() int { return max(1, m.height-headerRows-footerRows) }

// applyLoad takes a snapshot in, keeping the cursor on the same entry.
func (m *Model) applyLoad(msg loadedMsg) {
	if msg.gen != m.loadGen {
		return
	}
	if msg.err != nil {
		m.loadErr = msg.err
		return
	}
	keep := m.selectKey
	if keep == nil && m.loaded && m.history.cursor < len(m.data.entries) {
		keep = &m.data.entries[m.history.cursor].Key
	}
	m.data, m.loaded, m.loadErr, m.selectKey = msg.snap, true, nil, nil
	if !m.monthSet {
		m.month = monthOf(m.data.today)
	}
	cursor := m.history.cursor
	if keep != nil {
		if i := m.data.indexOf(*keep); i >= 0 {
			cursor = i
		}
	}
	m.history.move(cursor, len(m.data.entries), m.historyRows())
	if m.detail != nil {
		if i := m.data.indexOf(m.detail.item.Key); i >= 0 {
			m.detail.item = m.data.entries[i]
			m.detail.vp.SetContent(detailText(m.detail.item.Value, m.width, m.Styles))
		} else {
			m.detail = nil // deleted from another window
		}
	}
	m.redraw()
}

// redraw prepares what the browsing views show, so View only lays out.
func (m *Model) redraw() {
	if !m.loaded || m.width == 0 {
		return
	}
	days := m.data.insights[m.span].Daily // exactly the span, days not logged included
	graphWidth := m.width - yLabelWidth - 2
	m.chart = drawChart(chartSeries(days, daysPerPoint(Spans[m.span], graphWidth)), m.width-1, m.bodyHeight()-chartTextRows, m.Styles)
	m.insights.Width, m.insights.Height = m.width, m.bodyHeight()-1
	m.insights.SetContent(insightsText(m.data.insights[m.span], m.width, m.Styles))
	m.history.move(m.history.cursor, len(m.data.entries), m.historyRows())
	m.layoutCalendar()
}

// layoutCalendar works out the shown month's grid and summary, so the
// calendar's View only draws.
func (m *Model) layoutCalendar() {
	m.calWeeks, m.calSum = calendarGrid(m.month, m.data.today, m.data.day)
}

// chartTextRows are the chart view's title and legend lines.
const chartTextRows = 2

// historyRows are the entries that fit under the table's header row.
func (m *Model) historyRows() int { return max(1, m.bodyHeight()-1) }

func (m *Model) handleKey(msg tea.KeyMsg) tea.Cmd {
	if m.form == nil {
		m.flash = ""
	}
	switch {
	case m.form != nil:
		return m.formKey(msg)
	case m.advice != nil:
		return m.adviceKey(msg)
	case m.confirm != nil:
		return m.confirmKey(msg)
	case m.detail != nil:
		return m.detailKey(msg)
	}
	return m.browseKey(msg)
}

func (m *Model) browseKey(msg tea.KeyMsg) tea.Cmd {
	k := m.keys
	switch {
	case key.Matches(msg, k.New):
		return m.openForm()
	case key.Matches(msg, k.NextView):
		m.view = (m.view + 1) % viewCount
	case key.Matches(msg, k.PrevView):
		m.view = (m.view + viewCount - 1) % viewCount
	case key.Matches(msg, k.Undo):
		return m.undoDelete()
	case key.Matches(msg, k.Span):
		m.span = (m.span + 1) % len(Spans)
		m.redraw()
	case key.Matches(msg, k.Report):
		m.flash = "Writing the report…"
		return writeReport(m.Store, m.Now(), Spans[m.span])
	case key.Matches(msg, k.PrevMonth):
		m.month, m.monthSet = m.month.add(-1), true
		m.layoutCalendar()
	case key.Matches(msg, k.NextMonth):
		if m.month != monthOf(m.data.today) {
			m.month, m.monthSet = m.month.add(1), true
			m.layoutCalendar()
		}
	case m.view == historyView:
		return m.historyKey(msg)
	case m.view == insightsView:
		scroll(&m.insights, msg, k)
	}
	return nil
}

func (m *Model) historyKey(msg tea.KeyMsg) tea.Cmd {
	k, n, rows := m.keys, len(m.data.entries), m.historyRows()
	cursor := m.history.cursor
	m.toBottom = false
	switch {
	case key.Matches(msg, k.Up):
		cursor--
	case key.Matches(msg, k.Down):
		cursor++
	case key.Matches(msg, k.PageUp):
		cursor -= rows
	case key.Matches(msg, k.PageDown):
		cursor += rows
	case key.Matches(msg, k.Top):
		cursor = 0
	case key.Matches(msg, k.Bottom):
		cursor, m.toBottom = n-1, !m.data.complete
	case key.Matches(msg, k.Open):
		m.openDetail(m.data.entries[cursor])
	case key.Matches(msg, k.Edit):
		return m.openEdit(m.data.entries[cursor].Key)
	case key.Matches(msg, k.Delete):
		m.confirm = &m.data.entries[cursor]
	}
	m.history.move(cursor, n, rows)
	return nil
}

// scroll moves a viewport with the tab's own keys (the viewport's default
// keys include d and u, which mean delete and undo here).
func scroll(vp *viewport.Model, msg tea.KeyMsg, k KeyMap) {
	switch {
	case key.Matches(msg, k.Up):
		vp.ScrollUp(1)
	case key.Matches(msg, k.Down):
		vp.ScrollDown(1)
	case key.Matches(msg, k.PageUp):
		vp.PageUp()
	case key.Matches(msg, k.PageDown):
		vp.PageDown()
	}
}

func (m *Model) openDetail(it store.Item[diary.PainEntry]) {
	vp := viewport.New(m.width, m.bodyHeight())
	vp.SetContent(detailText(it.Value, m.width, m.Styles))
	m.detail = &detail{item: it, vp: vp}
}

func (m *Model) detailKey(msg tea.KeyMsg) tea.Cmd {
	k := m.keys
	switch {
	case key.Matches(msg, k.Back):
		m.detail = nil
	case key.Matches(msg, k.New):
		return m.openForm()
	case key.Matches(msg, k.Edit):
		return m.openEdit(m.detail.item.Key)
	case key.Matches(msg, k.Delete):
		m.confirm = &m.detail.item
	case key.Matches(msg, k.Guide):
		return openDoctorGuide()
	default:
		scroll(&m.detail.vp, msg, k)
	}
	return nil
}

func openDoctorGuide() tea.Cmd {
	return common.Navigate(common.OpenGuideMsg{Section: content.DoctorSection})
}

// showAdvice puts up the warning-sign advice for a saved entry, if its
// signs or details call for it.
func (m *Model) showAdvice(it store.Item[diary.PainEntry]) {
	m.advice = nil
	if a, ok := diary.AdviceForEntry(it.Value.Warnings, it.Value.Where, it.Value.Feels); ok {
		m.advice, m.adviceItem = &a, it
		m.layoutAdvice()
	}
}

// layoutAdvice fits the advice to the window: a panel if it fits, else
// the compact block, scrolled if even that is too tall. Never cut.
func (m *Model) layoutAdvice() {
	room := m.bodyHeight()
	text := adviceView(*m.advice, m.width, m.Styles, true, false)
	if lipgloss.Height(text) > room {
		text = adviceView(*m.advice, m.width, m.Styles, true, true)
	}
	m.adviceVP = viewport.New(m.width, min(room, lipgloss.Height(text)))
	m.adviceVP.SetContent(text)
}

// adviceKeys are the keys under the advice, in place of the tab's key
// help: the answer to an implied sign, the Guide, closing, and scrolling
// when the advice is longer than the window. One line down to 60 columns.
func (m *Model) adviceKeys() string {
	st := m.Styles
	var keys []string
	if len(m.advice.Implied) > 0 {
		keys = append(keys, st.Title.Render("y")+" yes, add it", st.Title.Render("n")+" no")
	}
	keys = append(keys, st.Title.Render("g")+" “When to see a doctor”", st.Title.Render("esc")+" close")
	if m.adviceVP.TotalLineCount() > m.adviceVP.Height {
		keys = append(keys, st.Title.Render("↓")+" more")
	}
	return ansi.Truncate(strings.Join(keys, " · "), m.width, "…")
}

// addImpliedSign writes the sign asked about into the saved entry, and
// shows the advice again for what the entry now says.
func (m *Model) addImpliedSign() tea.Cmd {
	it := m.adviceItem
	e := it.Value
	e.Warnings = append(slices.Clone(e.Warnings), m.advice.Implied[0].Sign)
	base, err := store.VersionOf(it.Value) // as just saved: a change since is not overwritten
	if err == nil {
		it.Key, err = store.Pain.Replace(m.Store, it.Key, base, e)
	}
	if errors.Is(err, store.ErrChanged) || errors.Is(err, store.ErrNotFound) {
		err = errors.New("the entry was changed meanwhile, perhaps in another window; edit it to add the sign")
	}
	if err != nil {
		m.flash = "Sign not added: " + err.Error()
		return nil
	}
	m.selectKey = &it.Key
	m.showAdvice(store.Item[diary.PainEntry]{Key: it.Key, Value: e})
	return tea.Batch(changed, m.load())
}

func (m *Model) adviceKey(msg tea.KeyMsg) tea.Cmd {
	switch {
	case key.Matches(msg, m.keys.AddSign):
		return m.addImpliedSign()
	case key.Matches(msg, m.keys.SkipSign):
		m.advice.Implied = m.advice.Implied[1:]
		m.layoutAdvice()
	case key.Matches(msg, m.keys.Guide):
		m.advice = nil
		return openDoctorGuide()
	case key.Matches(msg, m.keys.Back):
		m.advice = nil
	default:
		scroll(&m.adviceVP, msg, m.keys)
	}
	return nil
}

// newEntryAsked opens a new entry for the daily log reminder, unless an
// entry or the warning-sign advice is open: what is being typed or read
// comes first, and the tab is already where the person logs.
func (m *Model) newEntryAsked() tea.Cmd {
	if m.form != nil || m.advice != nil {
		return nil
	}
	m.confirm = nil
	return m.openForm()
}

// openForm opens the form on a new entry.
func (m *Model) openForm() tea.Cmd {
	var last *diary.PainEntry
	if len(m.data.entries) > 0 {
		last = &m.data.entries[0].Value
	}
	f, cmd := newEntryForm(m.Styles, nil, last, m.formWidth(), m.formHeight())
	m.form, m.detail = f, nil
	return cmd
}

// openEdit opens the form on the entry under k as the data file holds it
// now, and remembers that version: a save over a change made meanwhile
// (in another window, from a shell) is refused, not written over it.
func (m *Model) openEdit(k store.Key) tea.Cmd {
	var it store.Item[diary.PainEntry]
	var base store.Version
	err := m.Store.View(func(tx *store.Tx) (err error) {
		it.Key = k
		it.Value, base, err = store.Pain.GetVersioned(tx, k)
		return err
	})
	if err != nil {
		m.detail = nil
		m.flash = "Could not open the entry: " + err.Error()
		if errors.Is(err, store.ErrNotFound) {
			m.flash = "That entry is gone: it was deleted, perhaps in another window."
		}
		return m.load()
	}
	f, cmd := newEntryForm(m.Styles, &it, nil, m.formWidth(), m.formHeight())
	f.base = base
	m.form, m.detail = f, nil
	return cmd
}

// formHeight is what the huh form may fill: the body less its message line.
func (m *Model) formHeight() int { return max(3, m.bodyHeight()-formMessageRows) }

func (m *Model) formKey(msg tea.KeyMsg) tea.Cmd {
	k, f := m.keys, m.form
	if f.conflict != nil {
		return m.conflictKey(msg)
	}
	if !key.Matches(msg, k.Cancel) {
		f.discarding = false
	}
	switch {
	case key.Matches(msg, k.Save):
		return m.saveForm()
	case key.Matches(msg, k.LastTime):
		f.takeLastTime()
		return nil
	case key.Matches(msg, k.NextField):
		return f.next()
	case key.Matches(msg, k.PrevField):
		return f.prev()
	case key.Matches(msg, k.Cancel):
		if f.dirty() && !f.discarding {
			f.discarding = true
			return nil
		}
		m.form, m.flash = nil, "Not saved."
		if f.draftKept != nil {
			m.flashIfFailed(m.forgetDraft())
		}
		return nil
	}
	return f.update(msg)
}

// saveForm writes the form's entry at once, in this Update, so that a
// quit right after it cannot lose it.
func (m *Model) saveForm() tea.Cmd {
	f := m.form
	e, err := f.entry(m.Now())
	if err != nil {
		f.err = err.Error()
		return nil
	}
	var k store.Key
	if f.editing != nil {
		k, err = store.Pain.Replace(m.Store, f.editing.Key, f.base, e)
	} else {
		k, err = store.Pain.Append(m.Store, e)
	}
	if errors.As(err, &f.conflict) {
		return nil // the form stays, asking to reload or overwrite
	}
	if err != nil {
		f.err = "Not saved: " + err.Error()
		return nil
	}
	m.form, m.selectKey = nil, &k
	m.flash = fmt.Sprintf("Saved: pain %d %s, %s.", e.Pain, diary.PainBand(e.Pain), e.Local().Format("Mon 2 Jan 15:04"))
	if f.draftKept != nil {
		m.flashIfFailed(m.forgetDraft())
	}
	m.showAdvice(store.Item[diary.PainEntry]{Key: k, Value: e})
	return tea.Batch(changed, m.load())
}

// conflictKey answers a save refused because the entry changed or was
// deleted since the edit began: r reloads the form on the entry as it is
// now (the typing is dropped), o saves the form over it (or puts it back),
// esc returns to the form as it was.
func (m *Model) conflictKey(msg tea.KeyMsg) tea.Cmd {
	k, f := m.keys, m.form
	switch {
	case key.Matches(msg, k.Reload):
		return m.reloadEdit()
	case key.Matches(msg, k.Overwrite):
		f.base, f.conflict = f.conflict.Version, nil
		return m.saveForm()
	case key.Matches(msg, k.BackToForm):
		f.conflict = nil
	}
	return nil
}

// reloadEdit reopens the form on the entry as another window saved it.
func (m *Model) reloadEdit() tea.Cmd {
	old := m.form
	it := store.Item[diary.PainEntry]{Key: old.editing.Key, Value: *old.conflict.Current}
	f, cmd := newEntryForm(m.Styles, &it, nil, m.formWidth(), m.formHeight())
	f.base = old.conflict.Version
	f.reloaded = true
	m.form = f
	if old.draftKept != nil {
		m.flashIfFailed(m.forgetDraft())
	}
	return cmd
}

// flashIfFailed adds a failure to what the last action says it did.
func (m *Model) flashIfFailed(err error) {
	if err != nil {
		m.flash += " But " + err.Error() + "."
	}
}

// changed tells the root the data file changed, so the status bar
// catches up at once.
func changed() tea.Msg { return common.ChangedMsg{} }

func (m *Model) confirmKey(msg tea.KeyMsg) tea.Cmd {
	switch {
	case key.Matches(msg, m.keys.Yes):
		return m.deleteConfirmed()
	case key.Matches(msg, m.keys.No):
		m.confirm = nil
	}
	return nil
}

func (m *Model) deleteConfirmed() tea.Cmd {
	it := *m.confirm
	m.confirm = nil
	if err := store.Pain.Remove(m.Store, it.Key); err != nil {
		m.flash = "Not deleted: " + err.Error()
		return nil
	}
	m.detail = nil
	m.undoGen++
	m.undo = &undoOffer{item: it, gen: m.undoGen}
	m.flash = "Deleted the entry of " + it.Value.Local().Format("Mon 2 Jan 15:04") + "."
	gen := m.undoGen
	expire := m.After(UndoWindow, func(time.Time) tea.Msg { return undoExpiredMsg{gen: gen} })
	return tea.Batch(changed, m.load(), expire)
}

// undoDelete puts the last deleted entry back under its own key.
func (m *Model) undoDelete() tea.Cmd {
	u := m.undo
	m.undo = nil
	if err := store.Pain.Restore(m.Store, u.item.Key, u.item.Value); err != nil {
		m.flash = "Could not undo: " + err.Error()
		return nil
	}
	m.selectKey = &u.item.Key
	m.flash = "Restored the entry of " + u.item.Value.Local().Format("Mon 2 Jan 15:04") + "."
	return tea.Batch(changed, m.load())
}

func (m *Model) handleMouse(msg tea.MouseMsg) {
	if msg.Action != tea.MouseActionPress || m.form != nil || m.advice != nil || m.confirm != nil {
		return
	}
	if msg.Y == 0 && msg.Button == tea.MouseButtonLeft && m.detail == nil {
		if v, ok := m.viewAt(msg.X); ok {
			m.view = v
		}
		return
	}
	steps := map[tea.MouseButton]int{tea.MouseButtonWheelUp: -3, tea.MouseButtonWheelDown: 3}[msg.Button]
	switch {
	case steps == 0:
	case m.detail != nil:
		wheel(&m.detail.vp, steps)
	case m.view == historyView:
		m.history.move(m.history.cursor+steps, len(m.data.entries), m.historyRows())
	case m.view == insightsView:
		wheel(&m.insights, steps)
	}
}

func wheel(vp *viewport.Model, steps int) {
	if steps < 0 {
		vp.ScrollUp(-steps)
	} else {
		vp.ScrollDown(steps)
	}
}

// UnsavedTyping is asked before the app quits: an entry with anything
// typed in it holds the quit once (the root says so; ctrl+c again quits
// anyway).
func (m *Model) UnsavedTyping() string {
	if m.form != nil && !m.form.emptiedDraft() && (m.form.dirty() || strings.TrimSpace(m.form.input.Pain) != "") {
		return "an entry is open in the Log: enter saves it; quitting keeps it as a draft"
	}
	return ""
}
