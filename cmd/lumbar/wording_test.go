package main

import (
	"go/ast"
	"go/parser"
	"go/token"
	"io/fs"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"testing"

	"lumbar/store/diary"
)

// The safety wording is held to the urgency ladder (store/diary/urgency.go) in
// every text lumbar shows: the guide and its tips, the stretch library
// and routines, the README, and every string in the Go sources (the
// Log's advice, the player, the command line). These tests read the
// files themselves, so a sentence added anywhere is checked too.

// repoRoot is the module's top folder, seen from this package.
const repoRoot = "../.."

// textUnit is one paragraph, list item, line or string expression: the
// span within which an urgency and a symptom are "next to" each other.
type textUnit struct {
	where string // file, and line where known
	text  string // whitespace folded, Markdown emphasis dropped
}

// urgencyWords say how soon to act. Beside a red flag only a tier's
// phrase may say it.
var urgencyWords = regexp.MustCompile(`(?i)\b(today|tonight|same[- ]day|now|straight away|right away|immediately|urgent(ly)?|emergency|emergencies|within (a few )?(hours|days|a day|\d+ hours)|a few days|soon|asap|promptly)\b`)

// negatedUrgency is allowed beside a red flag: it says a thing is not urgent.
var negatedUrgency = []string{"not an emergency"}

// redFlags are words that name a symptom of the ladder's first two tiers.
var redFlags = map[diary.Tier][]string{
	diary.TierEmergency: {"both legs", "saddle", "genital", "groin", "wipe", "wiping", "bladder", "bowel", "peeing",
		"erection", "sexual", "difficulty walking", "chest pain", "serious accident", "weakness", "weaker"},
	diary.TierUrgent: {"fever", "high temperature", "shivery", "weight loss", "losing weight", "lump", "at night",
		"sneez", "shoulder blades", "cancer", "infection", "injecting", "immune", "steroid", "osteoporosis", "fragile"},
}

var (
	whitespace = regexp.MustCompile(`\s+`)
	blankLines = regexp.MustCompile(`\n\s*\n`)
	listItem   = regexp.MustCompile(`(?m)^\s*(?:[-*|]|\d+\.)\s`)
)

func fold(s string) string {
	return strings.TrimSpace(whitespace.ReplaceAllString(strings.ReplaceAll(s, "**", ""), " "))
}

// markdownUnits splits Markdown into paragraphs and list items (README
// table rows count as items).
func markdownUnits(where, text string) []textUnit {
	var units []textUnit
	for _, para := range blankLines.Split(text, -1) {
		starts := listItem.FindAllStringIndex(para, -1)
		if len(starts) == 0 || starts[0][0] != 0 {
			starts = append([][]int{{0, 0}}, starts...)
		}
		for i, s := range starts {
			end := len(para)
			if i+1 < len(starts) {
				end = starts[i+1][0]
			}
			if u := fold(para[s[0]:end]); u != "" {
				units = append(units, textUnit{where, u})
			}
		}
	}
	return units
}

// lineUnits takes each line as a unit: the TOML files keep one value a line.
func lineUnits(where, text string) []textUnit {
	var units []textUnit
	for i, line := range strings.Split(text, "\n") {
		if u := fold(line); u != "" {
			units = append(units, textUnit{where + ":" + strconv.Itoa(i+1), u})
		}
	}
	return units
}

// goUnits takes each string expression of a Go file: a literal, or a
// sum of literals (names in the sum are checked where they are defined).
func goUnits(t *testing.T, path string) []textUnit {
	fset := token.NewFileSet()
	file, err := parser.ParseFile(fset, path, nil, 0)
	if err != nil {
		t.Fatal(err)
	}
	var units []textUnit
	ast.Inspect(file, func(n ast.Node) bool {
		expr, ok := n.(ast.Expr)
		if !ok {
			return true
		}
		parts, ok := stringSum(expr)
		if !ok {
			return true
		}
		if u := fold(strings.Join(parts, "")); u != "" {
			units = append(units, textUnit{fset.Position(expr.Pos()).String(), u})
		}
		return false
	})
	return units
}

// stringSum is the literal parts of a string literal or a + of them.
func stringSum(e ast.Expr) ([]string, bool) {
	switch e := e.(type) {
	case *ast.BasicLit:
		if e.Kind != token.STRING {
			return nil, false
		}
		s, err := strconv.Unquote(e.Value)
		return []string{s}, err == nil
	case *ast.BinaryExpr:
		if e.Op != token.ADD {
			return nil, false
		}
		left, lok := stringSum(e.X)
		right, rok := stringSum(e.Y)
		if !lok && !rok {
			return nil, false
		}
		return append(left, right...), true
	case *ast.ParenExpr:
		return stringSum(e.X)
	}
	return nil, false
}

// allTextUnits walks every text source of the project.
func allTextUnits(t *testing.T) []textUnit {
	var units []textUnit
	err := filepath.WalkDir(repoRoot, func(path string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if d.IsDir() && (strings.HasPrefix(d.Name(), ".") || d.Name() == "testdata") && path != repoRoot {
			return filepath.SkipDir
		}
		rel, _ := filepath.Rel(repoRoot, path)
		switch {
		case d.IsDir():
		case strings.HasSuffix(path, "_test.go"):
		case strings.HasSuffix(path, ".go"):
			units = append(units, goUnits(t, path)...)
		case strings.HasSuffix(path, ".md"):
			units = append(units, markdownUnits(rel, readText(t, path))...)
		case strings.HasSuffix(path, ".toml"):
			units = append(units, lineUnits(rel, readText(t, path))...)
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	return units
}

func readText(t *testing.T, path string) string {
	t.Helper()
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	return string(b)
}

var tierPhrases = map[diary.Tier]string{
	diary.TierEmergency: diary.EmergencyPhrase,
	diary.TierUrgent:    diary.UrgentPhrase,
	diary.TierRoutine:   diary.RoutinePhrase,
}

// redFlagTiers are the tiers whose red flags a text names.
func redFlagTiers(text string) []diary.Tier {
	lower := strings.ToLower(text)
	var tiers []diary.Tier
	for _, tier := range []diary.Tier{diary.TierEmergency, diary.TierUrgent} {
		if slices.ContainsFunc(redFlags[tier], func(w string) bool { return startsAWord(lower, w) }) {
			tiers = append(tiers, tier)
		}
	}
	return tiers
}

// startsAWord tells whether w begins a word of text ("lump" is not in "slumped").
func startsAWord(text, w string) bool {
	for i := strings.Index(text, w); i >= 0; {
		if i == 0 || !isLetter(text[i-1]) {
			return true
		}
		next := strings.Index(text[i+1:], w)
		if next < 0 {
			return false
		}
		i += 1 + next
	}
	return false
}

func isLetter(b byte) bool { return b >= 'a' && b <= 'z' || b >= 'A' && b <= 'Z' }

// wordingProblem says what is wrong with one unit, or "".
func wordingProblem(text string) string {
	// A tier's heading followed by a colon starts its phrase: anything
	// else is a copy drifting from the ladder.
	for tier, phrase := range tierPhrases {
		head, _, _ := strings.Cut(phrase, ":")
		for rest := text; ; {
			i := strings.Index(rest, head+":")
			if i < 0 {
				break
			}
			if !strings.HasPrefix(rest[i:], phrase) {
				return "tier " + strconv.Itoa(int(tier)) + " phrase differs from the ladder's: " + strconv.Quote(phrase)
			}
			rest = rest[i+len(phrase):]
		}
	}
	flags := redFlagTiers(text)
	if len(flags) == 0 {
		return ""
	}
	stripped := text
	for _, p := range tierPhrases {
		stripped = strings.ReplaceAll(stripped, p, " ")
	}
	for _, n := range negatedUrgency {
		stripped = strings.ReplaceAll(stripped, n, " ")
	}
	if w := urgencyWords.FindString(stripped); w != "" {
		return "urgency " + strconv.Quote(w) + " beside a red flag outside the tier phrases"
	}
	hasPhrase := false
	for _, p := range tierPhrases {
		hasPhrase = hasPhrase || strings.Contains(text, p)
	}
	for _, tier := range flags {
		if hasPhrase && !strings.Contains(text, tierPhrases[tier]) {
			return "names a tier " + strconv.Itoa(int(tier)) + " red flag but gives another tier's phrase"
		}
	}
	return ""
}

func TestEveryTextKeepsToTheUrgencyLadder(t *testing.T) {
	units := allTextUnits(t)
	if len(units) < 500 {
		t.Fatalf("only %d text units found: the walk missed the sources", len(units))
	}
	for _, u := range units {
		if p := wordingProblem(u.text); p != "" {
			t.Errorf("%s: %s:\n\t%s", u.where, p, u.text)
		}
	}
}

func TestWordingCheckCatchesDrift(t *testing.T) {
	bad := []string{
		"Numbness in the saddle area needs a doctor today.",
		"Loss of bladder control: get help the same day. " + diary.EmergencyPhrase,
		"A fever with back pain needs a doctor within a few days.",
		"Weight loss you cannot explain? " + diary.EmergencyPhrase + " Or see someone soon.",
		"Pain in both legs. " + diary.UrgentPhrase,
		"Cancer history with new back pain. " + diary.RoutinePhrase,
		"Emergency now: go to an emergency department or call emergency services.",
	}
	for _, text := range bad {
		if wordingProblem(text) == "" {
			t.Errorf("not caught: %q", text)
		}
	}
	good := []string{
		"Pain in both legs. " + diary.EmergencyPhrase,
		diary.OneLegNote,
		diary.EscalationLine,
		"How is your pain right now, from 0 to 10?",
		"Stop if pain shoots down a leg or numbness appears.",
	}
	for _, text := range good {
		if p := wordingProblem(text); p != "" {
			t.Errorf("%q: %s", text, p)
		}
	}
}

// The Guide's "When to see a doctor" is the ladder written out: each
// tier's heading, symptoms and phrase, in the ladder's words.
func TestGuideCarriesTheLadder(t *testing.T) {
	guide := fold(readText(t, filepath.Join(repoRoot, "content/guide/06-when-to-see-a-doctor.md")))
	for _, r := range diary.Ladder {
		section, ok := sectionAfter(guide, "## "+r.Heading)
		if !ok {
			t.Errorf("the guide has no heading %q", r.Heading)
			continue
		}
		if !strings.Contains(section, r.Phrase) {
			t.Errorf("%q lacks its phrase %q", r.Heading, r.Phrase)
		}
		for _, s := range r.Symptoms {
			if !strings.Contains(section, "- "+s.Words+" ") {
				t.Errorf("%q does not list %q", r.Heading, s.Words)
			}
		}
	}
	for _, text := range []string{diary.OneLegNote, diary.EscalationLine, diary.StretchStopRule} {
		if !strings.Contains(guide, text) {
			t.Errorf("the guide lacks %q", text)
		}
	}
}

// sectionAfter is the text from a heading to the next heading of its level.
func sectionAfter(text, heading string) (string, bool) {
	_, after, ok := strings.Cut(text, heading+" ")
	if !ok {
		return "", false
	}
	if end := strings.Index(after, " ## "); end >= 0 {
		after = after[:end]
	}
	return after, true
}

// The tips, the README and the stretch texts say the ladder's words where
// they speak of it.
func TestSafetyWordsAreSharedVerbatim(t *testing.T) {
	readme := fold(readText(t, filepath.Join(repoRoot, "README.md")))
	for _, p := range tierPhrases {
		if !strings.Contains(readme, p) {
			t.Errorf("the README lacks the phrase %q", p)
		}
	}
	tips := fold(readText(t, filepath.Join(repoRoot, "content/guide/tips.md")))
	for _, want := range []string{diary.EmergencyPhrase, diary.UrgentPhrase, diary.RoutinePhrase, diary.StretchStopRule} {
		if !strings.Contains(tips, want) {
			t.Errorf("the tips lack %q", want)
		}
	}
}

// One movement recommendation: the Guide, the tips and the default
// move.interval say the same.
func TestOneMovementRecommendation(t *testing.T) {
	minutes := int(diary.DefaultSettings().MoveInterval.Minutes())
	posture := fold(readText(t, filepath.Join(repoRoot, "content/guide/05-posture-and-desk.md")))
	tips := fold(readText(t, filepath.Join(repoRoot, "content/guide/tips.md")))
	if want := "move for a minute or two about every " + strconv.Itoa(minutes) + " minutes"; !strings.Contains(posture, want) {
		t.Errorf("the posture section does not say %q", want)
	}
	if want := "Sitting for " + strconv.Itoa(minutes) + " minutes? Stand up and move for a minute or two"; !strings.Contains(tips, want) || !strings.Contains(posture, want) {
		t.Errorf("the tips and the quick checks do not say %q", want)
	}
	for _, other := range []string{"half an hour", "every 30 minutes", "every hour"} {
		if strings.Contains(posture, other) || strings.Contains(tips, other) {
			t.Errorf("a second recommendation: %q", other)
		}
	}
}

// The Guide's About and the README name the sources by title, with the
// warning signs credited to where they come from.
func TestSourcesAreNamed(t *testing.T) {
	about := fold(readText(t, filepath.Join(repoRoot, "content/guide/07-about.md")))
	readme := fold(readText(t, filepath.Join(repoRoot, "README.md")))
	for _, want := range []string{"NG59", "NG234", "Clinical Knowledge Summaries", "Furlan and others (2015)", "Massage for low-back pain",
		"Qaseem and others (2017)", "WalkBack", "IMMPACT", "blog post", "Cauda equina syndrome"} {
		if !strings.Contains(about, want) {
			t.Errorf("the Guide's About does not name %q", want)
		}
		if !strings.Contains(readme, want) && want != "Clinical Knowledge Summaries" {
			t.Errorf("the README does not name %q", want)
		}
	}
	if strings.Contains(about, "doctor section draw on the NHS pages and the NICE guideline,") {
		t.Error("the warning signs are still credited to NG59")
	}
}
