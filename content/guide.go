// Package content holds lumbar's reading and exercise material, embedded in
// the binary: the back-care guide (Markdown) and the stretch library and
// routines (TOML). It parses and validates them; it draws nothing.
package content

import (
	"embed"
	"fmt"
	"io/fs"
	"path"
	"regexp"
	"sort"
	"strings"
	"time"
)

//go:embed guide/*.md
var guideFiles embed.FS

// Section IDs other parts of lumbar refer to.
const (
	DoctorSection  = "when-to-see-a-doctor"
	PostureSection = "posture-and-desk"
)

// RequiredSections are the guide's sections, in reading order.
func RequiredSections() []string {
	return []string{
		"why-it-hurts", "how-massage-helps", "massage-techniques",
		"making-massage-work", PostureSection, DoctorSection, "about",
	}
}

// LinkKind tells where a link in the guide leads.
type LinkKind int

const (
	SectionLink LinkKind = iota // another guide section: [text](#id)
	StretchLink                 // a stretch in the library: [text](stretch:id)
)

// Link is one cross-reference in a section.
type Link struct {
	Text   string
	Kind   LinkKind
	Target string // a section ID or a stretch ID
}

// Section is one file of the guide.
type Section struct {
	ID       string // stable: from the file name, used by links and saved positions
	Title    string // the file's "# " line
	Markdown string // the whole file
	Links    []Link
}

// Tip is a one-line daily tip and the section it comes from.
type Tip struct {
	Text    string
	Section string
}

// Guide is the parsed guide.
type Guide struct {
	Sections []Section
	Tips     []Tip
}

var (
	linkPattern = regexp.MustCompile(`\[([^\]]*)\]\(([^)\s]*)\)`)
	filePattern = regexp.MustCompile(`^\d\d-([a-z0-9-]+)\.md$`)
)

// LoadGuide parses the embedded guide. It fails only if the files are
// malformed, which a test rules out.
func LoadGuide() (*Guide, error) {
	return parseGuide(guideFiles, "guide")
}

func parseGuide(fsys fs.FS, dir string) (*Guide, error) {
	names, err := fs.Glob(fsys, path.Join(dir, "*.md"))
	if err != nil {
		return nil, err
	}
	sort.Strings(names)
	g := &Guide{}
	for _, name := range names {
		raw, err := fs.ReadFile(fsys, name)
		if err != nil {
			return nil, err
		}
		base := path.Base(name)
		if base == "tips.md" {
			if g.Tips, err = parseTips(string(raw)); err != nil {
				return nil, fmt.Errorf("%s: %w", base, err)
			}
			continue
		}
		m := filePattern.FindStringSubmatch(base)
		if m == nil {
			return nil, fmt.Errorf("%s: guide files are named NN-section-id.md", base)
		}
		sec, err := parseSection(m[1], string(raw))
		if err != nil {
			return nil, fmt.Errorf("%s: %w", base, err)
		}
		g.Sections = append(g.Sections, sec)
	}
	return g, nil
}

func parseSection(id, text string) (Section, error) {
	first, _, _ := strings.Cut(text, "\n")
	title, ok := strings.CutPrefix(first, "# ")
	if !ok || strings.TrimSpace(title) == "" {
		return Section{}, fmt.Errorf("the first line must be the section's \"# Title\"")
	}
	sec := Section{ID: id, Title: strings.TrimSpace(title), Markdown: text}
	for _, m := range linkPattern.FindAllStringSubmatch(text, -1) {
		link, err := parseLink(m[1], m[2])
		if err != nil {
			return Section{}, err
		}
		sec.Links = append(sec.Links, link)
	}
	return sec, nil
}

func parseLink(text, target string) (Link, error) {
	if id, ok := strings.CutPrefix(target, "#"); ok {
		return Link{Text: text, Kind: SectionLink, Target: id}, nil
	}
	if id, ok := strings.CutPrefix(target, "stretch:"); ok {
		return Link{Text: text, Kind: StretchLink, Target: id}, nil
	}
	return Link{}, fmt.Errorf("link %q leads outside lumbar; use #section-id or stretch:id", target)
}

// parseTips reads "- tip text [→](#section)" lines.
func parseTips(text string) ([]Tip, error) {
	var tips []Tip
	for line := range strings.Lines(text) {
		item, ok := strings.CutPrefix(strings.TrimSpace(line), "- ")
		if !ok {
			continue
		}
		m := linkPattern.FindStringSubmatchIndex(item)
		if m == nil {
			return nil, fmt.Errorf("tip %q names no section", item)
		}
		target := item[m[4]:m[5]]
		id, ok := strings.CutPrefix(target, "#")
		if !ok {
			return nil, fmt.Errorf("tip %q must link to a guide section", item)
		}
		tips = append(tips, Tip{Text: strings.TrimSpace(item[:m[0]]), Section: id})
	}
	return tips, nil
}

// Section finds a section by ID.
func (g *Guide) Section(id string) (Section, int, bool) {
	for i, s := range g.Sections {
		if s.ID == id {
			return s, i, true
		}
	}
	return Section{}, -1, false
}

// TipFor is the tip of the day: one a day, in turn, the same all day.
func (g *Guide) TipFor(t time.Time) Tip {
	if len(g.Tips) == 0 {
		return Tip{}
	}
	y, m, d := t.Date()
	days := time.Date(y, m, d, 0, 0, 0, 0, time.UTC).Unix() / 86400
	return g.Tips[int(days%int64(len(g.Tips)))]
}

// Validate checks what the tests and start-up rely on: every required
// section present and non-empty, IDs unique, every link resolving (stretch
// links through isStretch), every tip pointing at a section.
func (g *Guide) Validate(isStretch func(id string) bool) error {
	seen := map[string]bool{}
	for _, s := range g.Sections {
		if seen[s.ID] {
			return fmt.Errorf("section %q appears twice", s.ID)
		}
		seen[s.ID] = true
		if len(strings.Fields(s.Markdown)) < 50 {
			return fmt.Errorf("section %q is nearly empty", s.ID)
		}
	}
	for _, id := range RequiredSections() {
		if !seen[id] {
			return fmt.Errorf("section %q is missing", id)
		}
	}
	for _, s := range g.Sections {
		for _, l := range s.Links {
			if (l.Kind == SectionLink && !seen[l.Target]) || (l.Kind == StretchLink && !isStretch(l.Target)) {
				return fmt.Errorf("section %q links to unknown %q", s.ID, l.Target)
			}
		}
	}
	if len(g.Tips) == 0 {
		return fmt.Errorf("no daily tips")
	}
	for _, t := range g.Tips {
		if !seen[t.Section] {
			return fmt.Errorf("tip %q points at unknown section %q", t.Text, t.Section)
		}
	}
	return nil
}

// ForReading rewrites a section's links for a terminal, where they cannot
// be clicked: "[text](#id)" becomes "text (see: Title)" and a stretch
// link "text (stretch: id)"; the Guide tab lists them to follow with a key.
// Plain words, not arrows: terminals disagree on the width of arrow
// symbols, which breaks the wrapping.
func (g *Guide) ForReading(s Section) string {
	return linkPattern.ReplaceAllStringFunc(s.Markdown, func(m string) string {
		parts := linkPattern.FindStringSubmatch(m)
		link, err := parseLink(parts[1], parts[2])
		if err != nil {
			return m
		}
		return fmt.Sprintf("%s (%s)", link.Text, g.LinkLabel(link))
	})
}

// LinkLabel says where a link leads, for people.
func (g *Guide) LinkLabel(l Link) string {
	if l.Kind == StretchLink {
		if st := BuiltIn().Stretch(l.Target); st != nil {
			return "stretch: " + st.Name
		}
		return "stretch: " + l.Target
	}
	if s, _, ok := g.Section(l.Target); ok {
		return "see: " + s.Title
	}
	return "see: " + l.Target
}
