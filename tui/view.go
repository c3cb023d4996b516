package tui

import (
	"cmp"
	"fmt"
	"runtime/debug"
	"strings"

	"github.com/charmbracelet/bubbles/key"
	"github.com/charmbracelet/lipgloss"
	xansi "github.com/charmbracelet/x/ansi"

	"lumbar/store/diary"
	"lumbar/store/text"
	"lumbar/tui/common"
)

// crashNote is the last frame after a bug: the app quits at the next message.
const crashNote = "lumbar hit a bug and is closing. Your data is safe."

func (m *Model) View() (frame string) {
	defer func() {
		if r := recover(); r != nil {
			// The next message (the poll comes within seconds) quits.
			m.crash = fmt.Errorf("%v\n%s", r, debug.Stack())
			frame = crashNote
		}
	}()
	if m.crash != nil {
		return crashNote
	}
	if m.width == 0 {
		return "" // no size yet: the first WindowSizeMsg is on its way
	}
	if m.width < MinWidth || m.height < MinHeight {
		return m.tooSmallView()
	}
	var body string
	if m.showHelp {
		body = m.helpView()
	} else {
		body = m.tabs[m.active].View()
	}
	// The tab was sized to the rows above the banner (makeRoomForBanner).
	banner, bannerRows := m.bannerView()
	parts := []string{
		m.tabBarView(),
		m.common.Styles.Rule.Render(strings.Repeat("─", m.width)),
	}
	if tabRows := m.bodyHeight() - bannerRows; tabRows > 0 {
		parts = append(parts, fit(body, m.width, tabRows))
	}
	if bannerRows > 0 {
		parts = append(parts, fit(banner, m.width, bannerRows))
	}
	return lipgloss.JoinVertical(lipgloss.Left, append(parts, m.statusBarView())...)
}

// bannerView is a due reminder's banner as drawn below the open tab, and
// the rows it takes (at most the body's); "" and 0 when none shows.
func (m *Model) bannerView() (string, int) {
	_, b, ok := m.shownBanner()
	if !ok {
		return "", 0
	}
	banner := b.Render(m.common.Styles, m.width)
	return banner, min(lipgloss.Height(banner), m.bodyHeight())
}

// fit pads or cuts s to exactly width×height cells, so a tab can never
// push the status bar off the screen.
func fit(s string, width, height int) string {
	lines := strings.Split(s, "\n")
	if len(lines) > height {
		lines = lines[:height]
	}
	for len(lines) < height {
		lines = append(lines, "")
	}
	for i, line := range lines {
		line = xansi.Truncate(line, width, "")
		lines[i] = line + strings.Repeat(" ", width-lipgloss.Width(line))
	}
	return strings.Join(lines, "\n")
}

// tooSmallView asks for a larger window. Its way out is the one that
// works: while the open tab takes typing, q would land in a field nobody
// can see, so ctrl+c is offered, with the warning a first ctrl+c gives.
func (m *Model) tooSmallView() string {
	quit := "q quits."
	if m.capturing() {
		quit = "ctrl+c quits."
	}
	if m.quitWarning != nil {
		quit = text.Printable(m.quitWarning.Error())
	}
	msg := fmt.Sprintf("lumbar needs a window of at least %d×%d.\nThis one is %d×%d: make it larger, or zoom out.\n\n%s",
		MinWidth, MinHeight, m.width, m.height, quit)
	placed := lipgloss.Place(m.width, m.height, lipgloss.Center, lipgloss.Center,
		lipgloss.NewStyle().Width(min(m.width, 40)).Render(msg))
	return fit(placed, m.width, m.height)
}

// tabBar is the laid-out tab bar: rendered pieces and where each tab's
// label lies, so drawing and mouse clicks use the same geometry.
type tabBar struct {
	pieces []string
	spans  [][2]int // columns [start, end) of each tab label
}

func (m *Model) layoutTabBar() tabBar {
	st := m.common.Styles
	bar := tabBar{pieces: []string{st.Brand.Render("lumbar")}}
	x := lipgloss.Width(bar.pieces[0])
	for id := range common.TabID(common.TabCount) {
		label := fmt.Sprintf("%d %s", id+1, id)
		var piece string
		if id == m.active {
			piece = st.ActiveTab.Render(st.ActiveOpen + label + st.ActiveClose)
		} else {
			piece = st.Tab.Render(label)
		}
		w := lipgloss.Width(piece)
		bar.pieces = append(bar.pieces, piece)
		bar.spans = append(bar.spans, [2]int{x, x + w})
		x += w
	}
	return bar
}

// tabAt is the tab whose label covers column x of the tab bar.
func (m *Model) tabAt(x int) (common.TabID, bool) {
	for i, span := range m.layoutTabBar().spans {
		if x >= span[0] && x < span[1] {
			return common.TabID(i), true
		}
	}
	return 0, false
}

func (m *Model) tabBarView() string {
	left := lipgloss.JoinHorizontal(lipgloss.Top, m.layoutTabBar().pieces...)
	date := m.common.Styles.Muted.Render(m.common.Now().Format("Mon 2 Jan") + " ")
	gap := max(1, m.width-lipgloss.Width(left)-lipgloss.Width(date))
	return left + strings.Repeat(" ", gap) + date
}

// statusBarView is the foot of the screen: a message, wrapped whole over
// the rows it needs, or one row of today's figures.
func (m *Model) statusBarView() string { return strings.Join(m.statusLines(), "\n") }

// statusRows is how many rows the status bar takes.
func (m *Model) statusRows() int {
	if m.statusProblem() == nil {
		return common.StatusRows
	}
	return len(m.statusLines())
}

// statusProblem is what the status bar must say instead of the figures:
// why the last quit did not go ahead, a failure to read the file, that
// damaged records were left out of what the tabs show, or that a sync
// failed (until a key is pressed).
func (m *Model) statusProblem() error {
	return cmp.Or(m.quitWarning, m.dataErr, m.skippedNote, m.syncProblem())
}

func (m *Model) statusLines() []string {
	if problem := m.statusProblem(); problem != nil {
		return m.problemLines(problem)
	}
	return []string{m.figuresLine()}
}

// maxProblemRows bounds a message's rows: a runaway error text (a damaged
// record's dump) must not take the screen.
const maxProblemRows = 4

// problemLines is a message wrapped at the window's width, each row on
// the bar's background, with the key hints on its last row if they fit.
func (m *Model) problemLines(problem error) []string {
	st := m.common.Styles
	const mark = " ⚠ "
	indent := strings.Repeat(" ", lipgloss.Width(mark))
	room := max(1, m.width-lipgloss.Width(mark)-1) // one cell of margin on the right
	rows := strings.Split(xansi.Wrap(text.Printable(problem.Error()), room, ""), "\n")
	if len(rows) > maxProblemRows {
		rows = rows[:maxProblemRows]
		rows[maxProblemRows-1] = xansi.Truncate(rows[maxProblemRows-1], room-1, "") + "…"
	}
	warn := st.Warning.Background(st.StatusBar.GetBackground())
	lines := make([]string, len(rows))
	for i, row := range rows {
		prefix := indent
		if i == 0 {
			prefix = mark
		}
		lines[i] = warn.Render(prefix + strings.TrimRight(row, " "))
	}
	last := len(lines) - 1
	hints := m.barHints() + st.StatusBar.Render(" ")
	if lipgloss.Width(lines[last])+1+lipgloss.Width(hints) <= m.width {
		lines[last] = m.barLine(lines[last], hints)
	} else {
		lines[last] = m.barLine(lines[last], "")
	}
	for i := range last {
		lines[i] = m.barLine(lines[i], "")
	}
	return lines
}

// statusPhrase is one phrase of the figures row. When the row is too
// narrow, phrases are dropped whole, the least needed first (highest
// drop), rather than any of them cut mid-word.
type statusPhrase struct {
	text string
	drop int // 0: never dropped
}

// figuresLine is today's pain (and its sparkline), water and the next
// reminder on the left, the key hints on the right.
func (m *Model) figuresLine() string {
	st := m.common.Styles
	bar := st.StatusBar
	left := []statusPhrase{
		{bar.Render(" ") + m.painStatus(), 0},
		{m.sparkStatus(), 4},
		{bar.Render(" · water " + m.waterUnitOrDefault().Format(m.today.WaterML)), 1},
		{m.reminderStatus(), 2},
		{m.syncMark(), 5},
	}
	right := statusPhrase{m.barHints() + bar.Render(" "), 3}
	for drop := 5; drop > 0 && phrasesWidth(append(left, right))+1 > m.width; drop-- {
		left = dropPhrases(left, drop)
		if right.drop == drop {
			right.text = ""
		}
	}
	var l strings.Builder
	for _, p := range left {
		l.WriteString(p.text)
	}
	return m.barLine(xansi.Truncate(l.String(), m.width, ""), right.text)
}

func phrasesWidth(phrases []statusPhrase) int {
	w := 0
	for _, p := range phrases {
		w += lipgloss.Width(p.text)
	}
	return w
}

func dropPhrases(phrases []statusPhrase, drop int) []statusPhrase {
	kept := phrases[:0:0]
	for _, p := range phrases {
		if p.drop != drop {
			kept = append(kept, p)
		}
	}
	return kept
}

// barLine is left and right on one row of the status bar, the gap
// between them on the bar's background; right is left out if it does
// not fit.
func (m *Model) barLine(left, right string) string {
	gap := m.width - lipgloss.Width(left) - lipgloss.Width(right)
	if gap < 1 {
		right, gap = "", max(0, m.width-lipgloss.Width(left))
	}
	return left + m.common.Styles.StatusBar.Render(strings.Repeat(" ", gap)) + right
}

// barHints draws the short key hints on the status bar's background
// (bubbles' help view leaves the gaps between its pieces unstyled).
func (m *Model) barHints() string {
	st := m.common.Styles
	if m.capturing() { // q and ? are the tab's now
		return st.StatusKey.Render("ctrl+c") + st.StatusBar.Render(" quit")
	}
	var out []string
	for _, b := range m.keys.ShortHelp() {
		if b.Enabled() {
			out = append(out, st.StatusKey.Render(b.Help().Key)+st.StatusBar.Render(" "+b.Help().Desc))
		}
	}
	return strings.Join(out, st.StatusBar.Render(" · "))
}

// painStatus is today's latest pain: "pain 3 mild".
func (m *Model) painStatus() string {
	st := m.common.Styles
	if m.today.LatestPain == nil {
		return st.StatusBar.Render("no pain logged today")
	}
	p := m.today.LatestPain.Pain
	band := diary.PainBand(p)
	return st.StatusBar.Render("pain ") +
		st.PainBand(band).Background(st.StatusBar.GetBackground()).Render(fmt.Sprintf("%d %s", p, band))
}

// sparkStatus is the last days' worst pain, " [▂▅▃…]", or "" when none
// was logged. Brackets keep its "nothing logged" dots apart from the
// bar's own · separators.
func (m *Model) sparkStatus() string {
	if !diary.AnyLogged(m.today.RecentPain) {
		return ""
	}
	return m.common.Styles.StatusBar.Render(" [" + diary.Sparkline(m.today.RecentPain) + "]")
}

// reminderStatus is what the Remind tab says comes next: " · posture in 12m".
func (m *Model) reminderStatus() string {
	if _, a, ok := m.announcer(); ok {
		if next := a.NextUp(); next != "" {
			return m.common.Styles.StatusBar.Render(" · " + next)
		}
	}
	return ""
}

// waterUnitOrDefault is the unit once the first refresh has read it.
func (m *Model) waterUnitOrDefault() diary.WaterUnit {
	if m.unit == "" {
		return diary.DefaultSettings().WaterUnit
	}
	return m.unit
}

func (m *Model) helpView() string {
	st := m.common.Styles
	groups := append(m.keys.FullHelp(), m.tabs[m.active].FullHelp()...)
	title := st.Title.Render("Keys") + st.Muted.Render(fmt.Sprintf("  ·  %s tab  ·  ? or esc closes", m.active))
	return lipgloss.NewStyle().Padding(1, helpPadding).Render(title + "\n\n" + m.flowColumns(groups))
}

// flowColumns lays the help's key groups out as columns, starting a new
// row of columns when the next would not fit: bubbles' help would cut the
// rest off with an ellipsis instead.
func (m *Model) flowColumns(groups [][]key.Binding) string {
	const gap = "   "
	var rows, row []string
	rowWidth := 0
	for _, g := range groups {
		col := m.help.FullHelpView([][]key.Binding{g})
		if col == "" {
			continue // every key in it is disabled
		}
		w := lipgloss.Width(col)
		if len(row) > 0 && rowWidth+len(gap)+w > m.help.Width {
			rows = append(rows, lipgloss.JoinHorizontal(lipgloss.Top, row...))
			row, rowWidth = nil, 0
		}
		if len(row) > 0 {
			row = append(row, gap)
			rowWidth += len(gap)
		}
		row = append(row, col)
		rowWidth += w
	}
	if len(row) > 0 {
		rows = append(rows, lipgloss.JoinHorizontal(lipgloss.Top, row...))
	}
	return strings.Join(rows, "\n\n")
}
