package main

import (
	"encoding/json"
	"fmt"
	"os/exec"
	"slices"
	"strings"
	"testing"
)

// The rules of where code may lean, as README's "How it is built" draws
// them: the domain knows nothing of files or terminals, the data layer
// nothing of terminals, the content nothing of the diary or the app, and
// the commands reach the app only through package tui.

// terminalLibraries are import path prefixes of code that draws on or
// talks to a terminal.
var terminalLibraries = []string{
	"github.com/charmbracelet/",
	"github.com/muesli/",
	"github.com/mattn/",
	"github.com/NimbleMarkets/",
	"github.com/lucasb-eyer/",
	"golang.org/x/term",
}

const boltModule = "go.etcd.io/bbolt"

// importRule forbids a package some imports: direct ones, or (deep) any
// in its dependency tree.
type importRule struct {
	pkg    string
	why    string
	deep   bool
	banned func(path string) bool
}

var importRules = []importRule{
	{pkg: "lumbar/store/diary", deep: true, why: "the domain imports neither bbolt nor a terminal library nor the app",
		banned: anyOf(is(boltModule), under(boltModule+"/"), under("lumbar/tui"), terminal)},
	{pkg: "lumbar/store/text", deep: true, why: "the text helpers are a leaf: nothing of lumbar's, no terminal library",
		banned: anyOf(under("lumbar/"), terminal)},
	{pkg: "lumbar/store/oplog", deep: true, why: "sync's operations and merge are pure: no bbolt, no terminal library, nothing of lumbar's",
		banned: anyOf(is(boltModule), under(boltModule+"/"), under("lumbar/"), terminal)},
	{pkg: "lumbar/store/synclog", deep: true, why: "the sync log format is made of files, not of the data file: no bbolt, no terminal library, nothing of lumbar's but the operations",
		banned: anyOf(is(boltModule), under(boltModule+"/"), func(p string) bool { return under("lumbar/")(p) && p != "lumbar/store/oplog" }, terminal)},
	{pkg: "lumbar/store", deep: true, why: "the data layer imports no terminal library and nothing of the app",
		banned: anyOf(under("lumbar/tui"), terminal)},
	{pkg: "lumbar/store/report", deep: true, why: "the doctor report is made without a terminal, by a command and the app alike: no terminal library, nothing of the app",
		banned: anyOf(under("lumbar/tui"), under("lumbar/cmd"), is("lumbar/content"), terminal)},
	{pkg: "lumbar/store/export", deep: true, why: "export and import are made without a terminal, by commands only: no terminal library, nothing of the app",
		banned: anyOf(under("lumbar/tui"), under("lumbar/content"), under("lumbar/cmd"), terminal)},
	{pkg: "lumbar/content", deep: true, why: "the content imports neither the data layer (but its text helpers) nor the app",
		banned: func(p string) bool {
			return p != "lumbar/store/text" && (is("lumbar/store")(p) || under("lumbar/store/")(p) || under("lumbar/tui")(p))
		}},
	{pkg: "lumbar/cmd/lumbar", deep: false, why: "the commands reach the app only through package tui, never a tab's logic",
		banned: under("lumbar/tui/")},
}

func is(path string) func(string) bool { return func(p string) bool { return p == path } }
func under(prefix string) func(string) bool {
	return func(p string) bool { return strings.HasPrefix(p, prefix) }
}

func terminal(p string) bool {
	return slices.ContainsFunc(terminalLibraries, func(prefix string) bool { return strings.HasPrefix(p, prefix) })
}

func anyOf(tests ...func(string) bool) func(string) bool {
	return func(p string) bool {
		return slices.ContainsFunc(tests, func(test func(string) bool) bool { return test(p) })
	}
}

// listedPackage is what `go list -json` says of a package.
type listedPackage struct {
	ImportPath string
	Imports    []string
	Deps       []string
}

// breaches lists every import that breaks a rule, given the packages.
func breaches(rules []importRule, packages map[string]listedPackage) []string {
	var out []string
	for _, r := range rules {
		p, ok := packages[r.pkg]
		if !ok {
			out = append(out, fmt.Sprintf("%s: package not found", r.pkg))
			continue
		}
		imports := p.Imports
		if r.deep {
			imports = p.Deps
		}
		for _, imp := range imports {
			if r.banned(imp) {
				out = append(out, fmt.Sprintf("%s imports %s: %s", r.pkg, imp, r.why))
			}
		}
	}
	return out
}

func TestImportRules(t *testing.T) {
	cmd := exec.Command("go", "list", "-json=ImportPath,Imports,Deps", "lumbar/...")
	out, err := cmd.Output()
	if err != nil {
		t.Fatalf("go list: %v", err)
	}
	packages := map[string]listedPackage{}
	dec := json.NewDecoder(strings.NewReader(string(out)))
	for dec.More() {
		var p listedPackage
		if err := dec.Decode(&p); err != nil {
			t.Fatal(err)
		}
		packages[p.ImportPath] = p
	}
	for _, b := range breaches(importRules, packages) {
		t.Error(b)
	}
}

// The rules catch what they are meant to: each breach below is found.
func TestImportRulesCatchBreaches(t *testing.T) {
	broken := map[string]listedPackage{
		"lumbar/store/diary":   {Deps: []string{"time", boltModule, "lumbar/store/text"}},
		"lumbar/store/text":    {Deps: []string{"github.com/charmbracelet/x/ansi"}},
		"lumbar/store/oplog":   {Deps: []string{"encoding/json", boltModule}},
		"lumbar/store/synclog": {Deps: []string{"lumbar/store/oplog", "lumbar/store/diary"}},
		"lumbar/store":         {Deps: []string{"lumbar/store/diary", "github.com/muesli/termenv"}},
		"lumbar/store/report":  {Deps: []string{"lumbar/store", "lumbar/tui/theme"}},
		"lumbar/store/export":  {Deps: []string{"lumbar/store", "lumbar/tui/common"}},
		"lumbar/content":       {Deps: []string{"lumbar/store/text", "lumbar/store"}},
		"lumbar/cmd/lumbar":    {Imports: []string{"lumbar/tui", "lumbar/tui/remind"}},
	}
	got := breaches(importRules, broken)
	want := []string{
		"lumbar/store/diary imports " + boltModule,
		"lumbar/store/text imports github.com/charmbracelet/x/ansi",
		"lumbar/store/oplog imports " + boltModule,
		"lumbar/store/synclog imports lumbar/store/diary",
		"lumbar/store imports github.com/muesli/termenv",
		"lumbar/store/report imports lumbar/tui/theme",
		"lumbar/store/export imports lumbar/tui/common",
		"lumbar/content imports lumbar/store:",
		"lumbar/cmd/lumbar imports lumbar/tui/remind",
	}
	if len(got) != len(want) {
		t.Fatalf("found %d breaches, want %d:\n%s", len(got), len(want), strings.Join(got, "\n"))
	}
	for i := range want {
		if !strings.HasPrefix(got[i], want[i]) {
			t.Errorf("breach %d = %q, want it to start %q", i, got[i], want[i])
		}
	}
}
