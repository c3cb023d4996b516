package guide

import (
	"strings"
	"testing"

	tea "github.com/charmbracelet/bubbletea"
	"github.com/charmbracelet/lipgloss"

	"lumbar/content"
	"lumbar/store"
	"lumbar/tui/common"
	"lumbar/tui/tuitest"
)

func TestMain(m *testing.M) { tuitest.Main(m) }

func tempStore(t testing.TB) *store.Store { return tuitest.TempStore(t) }

// guideTab is the Guide under the tuitest driver.
type guideTab struct {
	*Model
	d *tuitest.Driver
}

func newGuide(t testing.TB, s *store.Store, width, height int) *guideTab {
	t.Helper()
	d := tuitest.NewDriver(t)
	m := New(d.Common(s)).(*Model)
	d.DriveTab(m)
	m.SetSize(width, height)
	return &guideTab{Model: m, d: d}
}

// press sends keys and returns the last one's command, not run: in the
// search box that is the cursor's blink, which waits on a real timer.
func (g *guideTab) press(keys ...string) tea.Cmd { return g.d.Type(keys...) }

// typeText types each rune of s as its own key.
func (g *guideTab) typeText(s string) { g.d.TypeText(s) }

func TestSectionNavigation(t *testing.T) {
	m := newGuide(t, tempStore(t), 120, 40)
	if m.sectionID() != "why-it-hurts" {
		t.Fatalf("opens on %s", m.sectionID())
	}
	m.press("]", "]")
	if m.sectionID() != "massage-techniques" {
		t.Errorf("]] → %s", m.sectionID())
	}
	m.press("[")
	if m.sectionID() != "how-massage-helps" {
		t.Errorf("[ → %s", m.sectionID())
	}
	m.press("[", "[", "[")
	if m.current != 0 {
		t.Error("[ went before the first section")
	}
	// The list: focus it, move down twice, open.
	m.press("h", "j", "j", "enter")
	if m.sectionID() != "massage-techniques" || m.focus != focusText {
		t.Errorf("list open → %s, focus %d", m.sectionID(), m.focus)
	}
	m.press("j", "j", "j")
	if m.viewport.YOffset != 3 {
		t.Errorf("j×3 scrolled to %d", m.viewport.YOffset)
	}
	m.press("G")
	if !m.viewport.AtBottom() {
		t.Error("G is not the bottom")
	}
	m.press("g")
	if m.viewport.YOffset != 0 {
		t.Error("g is not the top")
	}
}

// The root's ! sends the doctor section; it opens at its top.
func TestDoctorSectionFromAScrolledPlace(t *testing.T) {
	m := newGuide(t, tempStore(t), 80, 24)
	m.press("]", "pgdown", "pgdown")
	if m.viewport.YOffset == 0 {
		t.Fatal("did not scroll")
	}
	m.Update(common.OpenGuideMsg{Section: content.DoctorSection})
	if m.sectionID() != content.DoctorSection || m.viewport.YOffset != 0 {
		t.Errorf("the doctor section opened as %s at line %d", m.sectionID(), m.viewport.YOffset)
	}
	if !strings.Contains(m.View(), "When to see a doctor") {
		t.Errorf("the doctor section is not shown:\n%s", m.View())
	}
}

func TestOpenGuideMessage(t *testing.T) {
	m := newGuide(t, tempStore(t), 80, 24)
	m.Update(common.OpenGuideMsg{Section: content.DoctorSection})
	if m.sectionID() != content.DoctorSection {
		t.Errorf("OpenGuideMsg → %s", m.sectionID())
	}
	m.Update(common.OpenGuideMsg{Section: "no-such-section"})
	if m.sectionID() != content.DoctorSection {
		t.Error("an unknown section moved the reader")
	}
}

func TestSearch(t *testing.T) {
	m := newGuide(t, tempStore(t), 120, 40)
	m.press("/")
	if !m.CapturesInput() {
		t.Fatal("the search box does not take typing")
	}
	m.typeText("sciatica")
	total := len(m.search.matches)
	if total < 3 {
		t.Fatalf("%d matches for sciatica", total)
	}
	if !strings.Contains(m.View(), "1/") || !strings.Contains(strings.ToLower(m.View()), "> ## sciatica") {
		t.Errorf("count or highlight missing:\n%s", m.View())
	}
	m.press("enter")
	if m.CapturesInput() {
		t.Fatal("enter should leave the box, keeping the matches")
	}
	// n walks forward through every match, across sections, and wraps.
	sections := map[int]bool{}
	for range total {
		sections[m.search.matches[m.search.at].section] = true
		if m.current != m.search.matches[m.search.at].section {
			t.Fatal("the current match's section is not open")
		}
		m.press("n")
	}
	if m.search.at != 0 {
		t.Errorf("after %d × n the match is %d, want 0 (wrapped)", total, m.search.at)
	}
	if len(sections) < 2 {
		t.Error("matches should span sections")
	}
	m.press("N")
	if m.search.at != total-1 {
		t.Errorf("N from the first match → %d, want the last", m.search.at)
	}
	m.press("esc")
	if m.search.query != "" || len(m.search.matches) != 0 || strings.Contains(m.View(), "> ") {
		t.Error("esc did not clear the search")
	}
}

// Matches are places in the laid-out lines: after a resize they are
// found again in the new lines, and the count keeps its place.
func TestSearchSurvivesResizing(t *testing.T) {
	m := newGuide(t, tempStore(t), 200, 60)
	m.press("/")
	m.typeText("sciatica")
	m.press("enter", "n", "n")
	for _, width := range []int{200, 20, 60, 91, 33, 120} {
		m.SetSize(width, 30)
		if len(m.search.matches) < 3 || m.search.at != 2 {
			t.Fatalf("at width %d: match %d of %d", width, m.search.at, len(m.search.matches))
		}
		for _, mt := range m.search.matches {
			_, lines := m.pages.lines(mt.section)
			if got := lines[mt.line][mt.start:mt.end]; !strings.EqualFold(got, "sciatica") {
				t.Fatalf("at width %d a match points at %q", width, got)
			}
		}
	}
}

func TestSearchAsYouTypeAndNoMatch(t *testing.T) {
	m := newGuide(t, tempStore(t), 80, 24)
	m.press("/")
	m.typeText("zzqx")
	if !strings.Contains(m.View(), "no matches") {
		t.Errorf("no-match state not shown:\n%s", m.View())
	}
	for range 4 {
		m.press("backspace")
	}
	m.typeText("cauda")
	if len(m.search.matches) == 0 || m.sectionID() != content.DoctorSection {
		t.Errorf("typing jumped to %s with %d matches", m.sectionID(), len(m.search.matches))
	}
	m.press("esc")
	if m.CapturesInput() || m.search.query != "" {
		t.Error("esc while typing should close and clear")
	}
}

func TestLinkMenu(t *testing.T) {
	m := newGuide(t, tempStore(t), 120, 40)
	m.press("o")
	if !m.CapturesInput() || !strings.Contains(m.View(), "Follow a link") {
		t.Fatalf("o did not open the menu:\n%s", m.View())
	}
	links := m.links()
	var stretchAt, sectionAt int
	for i, l := range links {
		if l.Kind == content.StretchLink && stretchAt == 0 {
			stretchAt = i + 1
		}
		if l.Kind == content.SectionLink && sectionAt == 0 {
			sectionAt = i + 1
		}
	}
	msgs := tuitest.Messages(m.press(string(rune('0' + stretchAt))))
	if len(msgs) != 1 {
		t.Fatalf("following a stretch link sent %v", msgs)
	}
	if open, ok := msgs[0].(common.OpenStretchMsg); !ok || open.Back != (common.BackMsg{Tab: common.GuideTab}) {
		t.Errorf("sent %#v, want OpenStretchMsg back to the Guide", msgs[0])
	}
	m.press("o", string(rune('0'+sectionAt)))
	if m.sectionID() != links[sectionAt-1].Target {
		t.Errorf("section link → %s, want %s", m.sectionID(), links[sectionAt-1].Target)
	}
	m.press("o", "x")
	if m.CapturesInput() {
		t.Error("another key should close the menu")
	}
}

func TestPositionRestoredAcrossModels(t *testing.T) {
	s := tempStore(t)
	first := newGuide(t, s, 80, 24)
	first.Update(first.loadPosition()()) // as Init does
	first.press("]", "]", "]", "j", "j", "j", "j", "j")
	if err := first.Save(); err != nil {
		t.Fatal(err)
	}
	rev, _ := s.Revision()
	if err := first.Save(); err != nil { // nothing moved: nothing written
		t.Fatal(err)
	}
	if again, _ := s.Revision(); again != rev {
		t.Error("saving an unmoved position wrote to the file")
	}

	second := newGuide(t, s, 80, 24)
	second.Update(second.loadPosition()())
	if second.sectionID() != "making-massage-work" || second.viewport.YOffset != 5 {
		t.Errorf("restored to %s line %d, want making-massage-work line 5", second.sectionID(), second.viewport.YOffset)
	}
}

func TestMovingBeforeRestoreWins(t *testing.T) {
	s := tempStore(t)
	first := newGuide(t, s, 80, 24)
	first.Update(first.loadPosition()())
	first.press("]", "]")
	_ = first.Save()
	second := newGuide(t, s, 80, 24)
	second.Update(common.OpenGuideMsg{Section: content.DoctorSection})
	second.Update(second.loadPosition()())
	if second.sectionID() != content.DoctorSection {
		t.Errorf("the saved place overrode where the person was sent: %s", second.sectionID())
	}
}

func TestNarrowFoldsTheList(t *testing.T) {
	m := newGuide(t, tempStore(t), 80, 24)
	v := m.View()
	if strings.Contains(v, "Tip of the day") || !strings.Contains(v, "1/7") {
		t.Errorf("narrow view:\n%s", v)
	}
	m.press("h")
	if m.focus != focusText {
		t.Error("narrow screens have no list to focus")
	}
	m.SetSize(120, 40)
	if v := m.View(); !strings.Contains(v, "Tip of the day") {
		t.Errorf("wide view lacks the list:\n%s", v)
	}
}

func TestViewFitsEverySize(t *testing.T) {
	for _, size := range [][2]int{{60, 17}, {80, 21}, {89, 21}, {90, 21}, {120, 37}, {200, 57}} {
		m := newGuide(t, tempStore(t), size[0], size[1])
		for _, keys := range [][]string{{}, {"o"}, {"esc", "/", "p", "a", "i", "n"}} {
			m.press(keys...)
			lines := strings.Split(m.View(), "\n")
			if len(lines) > size[1] {
				t.Errorf("%v after %v: %d lines", size, keys, len(lines))
			}
			for i, l := range lines {
				if w := lipgloss.Width(l); w > size[0] {
					t.Errorf("%v after %v: line %d is %d wide", size, keys, i, w)
				}
			}
		}
	}
}

func TestWheelAndClick(t *testing.T) {
	m := newGuide(t, tempStore(t), 120, 40)
	m.Update(tea.MouseMsg{Action: tea.MouseActionPress, Button: tea.MouseButtonWheelDown, X: 60, Y: 10})
	if m.viewport.YOffset != 3 {
		t.Errorf("wheel scrolled to %d", m.viewport.YOffset)
	}
	m.Update(tea.MouseMsg{Action: tea.MouseActionPress, Button: tea.MouseButtonLeft, X: 5, Y: listTop + 5})
	if m.sectionID() != content.DoctorSection {
		t.Errorf("clicking the 6th list row opened %s", m.sectionID())
	}
}

// If the saved place could not be read (the file was busy at start),
// quitting must not overwrite it with wherever the reader happens to be.
func TestUnreadPositionIsNotOverwritten(t *testing.T) {
	s := tempStore(t)
	first := newGuide(t, s, 80, 24)
	first.Update(first.loadPosition()())
	first.Update(common.OpenGuideMsg{Section: content.DoctorSection})
	if err := first.Save(); err != nil {
		t.Fatal(err)
	}
	second := newGuide(t, s, 80, 24)
	second.Update(positionMsg{err: store.ErrBusy})
	second.press("]")
	if err := second.Save(); err != nil {
		t.Fatal(err)
	}
	third := newGuide(t, s, 80, 24)
	third.Update(third.loadPosition()())
	if third.sectionID() != content.DoctorSection {
		t.Errorf("the saved place became %s", third.sectionID())
	}
}

// A second / starts a new search: what is typed is the whole query, not
// an addition to the last one ("/numbness" after "/pain" finds numbness).
func TestSearchAgainStartsEmpty(t *testing.T) {
	m := newGuide(t, tempStore(t), 80, 24)
	m.press("/")
	m.typeText("pain")
	m.press("enter", "/")
	m.typeText("numbness")
	if m.search.query != "numbness" || len(m.search.matches) == 0 {
		t.Errorf("query %q with %d matches, want numbness found", m.search.query, len(m.search.matches))
	}
}

// The key line offers ! to reach "when to see a doctor" from elsewhere,
// not while that section is the one being read.
func TestDoctorHintOnlyAwayFromTheDoctorSection(t *testing.T) {
	for _, width := range []int{60, 80, 120} {
		m := newGuide(t, tempStore(t), width, 24)
		if !strings.Contains(m.View(), "! when to see a doctor") {
			t.Fatalf("width %d: the first section does not offer !:\n%s", width, m.View())
		}
		m.Update(common.OpenGuideMsg{Section: content.DoctorSection})
		if strings.Contains(m.View(), "! when to see a doctor") {
			t.Errorf("width %d: the doctor section offers ! to itself:\n%s", width, m.View())
		}
		if !strings.Contains(m.View(), "/ search") {
			t.Errorf("width %d: the key line lost / search:\n%s", width, m.View())
		}
	}
}
