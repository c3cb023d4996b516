package journal

import (
	"fmt"
	"regexp"
	"strings"
	"testing"
	"time"

	"github.com/charmbracelet/x/ansi"
	"github.com/charmbracelet/x/exp/golden"

	"lumbar/store"
	"lumbar/store/diary"
	"lumbar/tui/common"
	"lumbar/tui/tuitest"
)

var spaceRun = regexp.MustCompile(`\s+`)

// panelText is the view's words in one line: the panel's borders and
// wrapping taken out.
func panelText(view string) string {
	view = strings.NewReplacer("│", " ", "╭", " ", "╮", " ", "╰", " ", "╯", " ", "─", " ").Replace(ansi.Strip(view))
	return strings.TrimSpace(spaceRun.ReplaceAllString(view, " "))
}

// The advice after saving shows whole, every line of it, at the smallest
// window lumbar allows and at 80x24.
func TestGoldenAdvicePanels(t *testing.T) {
	entries := []struct {
		name string
		e    diary.PainEntry
	}{
		{"emergency", diary.PainEntry{Pain: 7, Warnings: []string{"saddle", "bladder"}}},
		{"urgent", diary.PainEntry{Pain: 5, Warnings: []string{"fever", "night-pain"}}},
		{"routine", diary.PainEntry{Pain: 8, Warnings: []string{"worsening"}}},
		{"implied-both-legs", diary.PainEntry{Pain: 6, Where: []string{"leg-left", "leg-right"}, Feels: []string{"tingling"}}},
		{"implied-one-leg", diary.PainEntry{Pain: 4, Where: []string{"leg-left"}, Feels: []string{"numbness", "weakness"}}},
	}
	for _, size := range [][2]int{{60, 20}, {80, 24}} {
		for _, tt := range entries {
			t.Run(fmt.Sprintf("%s/%dx%d", tt.name, size[0], size[1]), func(t *testing.T) {
				d := tuitest.NewDriver(t)
				d.SetClock(fixedNow)
				m := New(d.Common(tempStore(t)))
				m.SetSize(size[0], size[1]-common.ChromeRows)
				tt.e.Stamp = diary.StampAt(fixedNow)
				m.showAdvice(store.Item[diary.PainEntry]{Value: tt.e})
				m.syncKeys()
				if m.advice == nil {
					t.Fatal("no advice")
				}
				view := m.View()
				if rows := strings.Count(view, "\n") + 1; rows > size[1]-common.ChromeRows {
					t.Errorf("%d rows in a tab of %d", rows, size[1]-common.ChromeRows)
				}
				got := panelText(view)
				want := append([]string{m.advice.Heading}, m.advice.Lines...)
				for _, im := range m.advice.Implied[:min(1, len(m.advice.Implied))] {
					want = append(want, im.Question)
				}
				for _, w := range want {
					if !strings.Contains(got, w) {
						t.Errorf("the panel lacks %q:\n%s", w, view)
					}
				}
				golden.RequireEqual(t, []byte(view))
			})
		}
	}
}

// Details that imply a warning sign bring up its advice at once in the
// form, and after saving ask whether to add the sign: y writes it into
// the entry, n leaves the entry as it was.
func TestImpliedSignIsAskedAbout(t *testing.T) {
	for _, answer := range []string{"y", "n"} {
		s := tempStore(t)
		tb := newTab(t, s, 80, 21)
		tb.press("n")
		tb.typeText("6")
		tb.press("tab", "tab", "tab") // Where
		for range 5 {
			tb.press("down")
		}
		tb.press("space", "down", "space") // left leg, right leg
		if tb.form.advice == nil || !tb.form.advice.Urgent() || !strings.Contains(tb.View(), diary.EmergencyPhrase) {
			t.Fatalf("both legs must show the emergency advice at once:\n%s", tb.View())
		}
		tb.press("enter")
		if tb.advice == nil || len(tb.advice.Implied) != 1 || !strings.Contains(panelText(tb.View()), tb.advice.Implied[0].Question) {
			t.Fatalf("after saving, the question must be up:\n%s", tb.View())
		}
		messages(tb.press(answer))
		got := entries(t, s)
		if len(got) != 1 {
			t.Fatalf("%d entries", len(got))
		}
		e := got[0].Value
		if strings.Join(e.Where, ",") != "leg-left,leg-right" {
			t.Fatalf("saved %+v", e)
		}
		if added := strings.Join(e.Warnings, ",") == "both-legs"; added != (answer == "y") {
			t.Errorf("answer %s: warning signs %v", answer, e.Warnings)
		}
		if tb.advice == nil || len(tb.advice.Implied) != 0 || !tb.advice.Urgent() {
			t.Errorf("answer %s: the advice should stay, without the question: %+v", answer, tb.advice)
		}
	}
}

// An entry whose details imply a sign shows the advice when opened, and g
// opens the Guide's section from it, as for a ticked sign.
func TestImpliedSignInAnOpenedEntry(t *testing.T) {
	s := tempStore(t)
	add(t, s, diary.PainEntry{Stamp: diary.StampAt(fixedNow.Add(-time.Hour)), Pain: 5, Where: []string{"leg-left", "leg-right"}})
	tb := newTab(t, s, 80, 21)
	tb.press("enter")
	if tb.detail == nil || !strings.Contains(panelText(tb.View()), diary.EmergencyPhrase) || !tb.keys.Guide.Enabled() {
		t.Fatalf("the opened entry lacks the advice or its g key:\n%s", tb.View())
	}
}
