package main

import (
	"encoding/json"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
)

// The end-to-end sync tests run the real binary on two computers (two
// data files) and let a real tool carry the folder between them: git
// here, Syncthing in sync_syncthing_test.go. The binary wraps each
// replica's log key with the passphrase at full scrypt cost (a second
// each, paid when a replica starts its log and once per log another
// replica first reads): synclog.WorkFactor is lowered only in-process.

// computer is one of the person's computers: its own data file, worked
// with the real lumbar binary as the person would.
type computer struct {
	t    *testing.T
	name string
	db   string
	// passphraseFile holds the diary's passphrase, given to the first
	// sync only: later ones find it in the data file.
	passphraseFile string
	synced         bool
}

// newComputers are computers sharing one diary passphrase.
func newComputers(t *testing.T, names ...string) []*computer {
	t.Helper()
	passphraseFile := filepath.Join(t.TempDir(), "passphrase")
	if err := os.WriteFile(passphraseFile, []byte("a diary for my back\n"), 0o600); err != nil {
		t.Fatal(err)
	}
	var cs []*computer
	for _, name := range names {
		cs = append(cs, &computer{t: t, name: name, db: filepath.Join(t.TempDir(), name+".db"), passphraseFile: passphraseFile})
	}
	return cs
}

// lumbar runs lumbar args on this computer's data file and returns what
// it printed, failing the test when it fails or warns.
func (c *computer) lumbar(args ...string) string {
	c.t.Helper()
	cmd := exec.Command(buildLumbar(c.t), append([]string{"--db", c.db}, args...)...)
	cmd.Env = append(os.Environ(), "TZ=UTC", passphraseEnv+"=")
	var errOut strings.Builder
	cmd.Stderr = &errOut
	out, err := cmd.Output()
	if err != nil || errOut.Len() > 0 {
		c.t.Fatalf("on %s, lumbar %s: %v\n%s%s", c.name, strings.Join(args, " "), err, out, errOut.String())
	}
	return string(out)
}

// sync runs lumbar sync with dir and returns what it printed.
func (c *computer) sync(dir string) string {
	c.t.Helper()
	args := []string{"sync", dir}
	if !c.synced {
		args = append(args, "--passphrase-file", c.passphraseFile)
	}
	out := c.lumbar(args...)
	c.synced = true
	if strings.Contains(out, "your sync tool made") {
		c.t.Errorf("on %s, the sync tool made a conflict copy: %s", c.name, out)
	}
	return out
}

// syncTakesIn runs lumbar sync with dir, which must take in want changes.
func (c *computer) syncTakesIn(dir, want string) {
	c.t.Helper()
	if out := c.sync(dir); !strings.Contains(out, "took in "+want+" from") {
		c.t.Errorf("on %s, a sync that should take in %s: %s", c.name, want, out)
	}
}

// entryNoted is the pain entry whose note is note, nil when there is none.
func (c *computer) entryNoted(note string) *historyEntry {
	c.t.Helper()
	var entries []historyEntry
	if err := json.Unmarshal([]byte(c.lumbar("history", "--json")), &entries); err != nil {
		c.t.Fatalf("on %s, lumbar history --json: %v", c.name, err)
	}
	for i, e := range entries {
		if e.Note == note {
			return &entries[i]
		}
	}
	return nil
}

// export is lumbar export without its exported_at, which differs from
// one run to the next.
func (c *computer) export() string {
	c.t.Helper()
	var doc map[string]any
	if err := json.Unmarshal([]byte(c.lumbar("export")), &doc); err != nil {
		c.t.Fatalf("on %s, lumbar export: %v", c.name, err)
	}
	delete(doc, "exported_at")
	out, err := json.MarshalIndent(doc, "", "  ")
	if err != nil {
		c.t.Fatal(err)
	}
	return string(out)
}

// sameDiary fails the test unless every computer exports the same diary.
func sameDiary(t *testing.T, cs ...*computer) {
	t.Helper()
	first := cs[0].export()
	for _, c := range cs[1:] {
		if other := c.export(); other != first {
			t.Errorf("%s and %s differ after syncing:\n%s\n%s", cs[0].name, c.name, first, other)
		}
	}
}

// A plain git repository as the folder: each computer commits, pulls and
// pushes around lumbar sync. Each replica writes only its own log, so
// git merges the two computers' work without a conflict, and both end
// with the same diary.
func TestEndToEndSyncThroughGit(t *testing.T) {
	if testing.Short() {
		t.Skip("runs the binary and git")
	}
	needCommand(t, "git")
	cs := newComputers(t, "work", "home")
	work, home := cs[0], cs[1]
	origin := filepath.Join(t.TempDir(), "diary.git")
	git(t, "", "init", "--quiet", "--bare", origin)
	workRepo, homeRepo := clone(t, origin, "work"), clone(t, origin, "home")

	work.lumbar("log", "6", "--note", "sat through the meeting")
	work.sync(workRepo)
	commitAndPush(t, workRepo, "work: the meeting")

	git(t, homeRepo, "pull", "--quiet")
	home.syncTakesIn(homeRepo, "1 change")
	if e := home.entryNoted("sat through the meeting"); e == nil || e.Pain != 6 {
		t.Fatalf("the entry logged at work is not at home: %+v", e)
	}
	home.lumbar("log", "3", "--note", "better after the walk")
	home.sync(homeRepo)
	commitAndPush(t, homeRepo, "home: the walk")

	// Work has moved on meanwhile: its pull is a merge.
	work.lumbar("water")
	work.sync(workRepo)
	git(t, workRepo, "commit", "--quiet", "-am", "work: a drink")
	git(t, workRepo, "pull", "--quiet", "--no-rebase", "--no-edit")
	if merges := git(t, workRepo, "rev-list", "--merges", "--count", "HEAD"); merges != "1\n" {
		t.Errorf("work's pull made %q merges, want one", merges)
	}
	work.syncTakesIn(workRepo, "1 change") // home's entry
	git(t, workRepo, "push", "--quiet")
	git(t, homeRepo, "pull", "--quiet")
	home.syncTakesIn(homeRepo, "1 change")
	if status := git(t, workRepo, "status", "--porcelain"); status != "" {
		t.Errorf("work's clone has changes git does not know what to do with:\n%s", status)
	}
	if e := work.entryNoted("better after the walk"); e == nil || e.Pain != 3 {
		t.Errorf("the entry logged at home is not at work: %+v", e)
	}
	sameDiary(t, work, home)
}

// git runs git in repo ("" for none) with no configuration but the test's
// own, and returns what it printed.
func git(t *testing.T, repo string, args ...string) string {
	t.Helper()
	if repo != "" {
		args = append([]string{"-C", repo}, args...)
	}
	cmd := exec.Command("git", append([]string{"-c", "init.defaultBranch=main"}, args...)...)
	cmd.Env = append(os.Environ(), "GIT_CONFIG_NOSYSTEM=1", "GIT_CONFIG_GLOBAL=/dev/null", "GIT_TERMINAL_PROMPT=0")
	out, err := cmd.CombinedOutput()
	if err != nil {
		t.Fatalf("git %s: %v\n%s", strings.Join(args, " "), err, out)
	}
	return string(out)
}

// clone is a clone of origin for the computer name, with a committer.
func clone(t *testing.T, origin, name string) string {
	t.Helper()
	repo := filepath.Join(t.TempDir(), name)
	git(t, "", "clone", "--quiet", origin, repo)
	git(t, repo, "config", "user.name", "Ana at "+name)
	git(t, repo, "config", "user.email", "ana@"+name+".example")
	return repo
}

// commitAndPush commits all of the folder and pushes it.
func commitAndPush(t *testing.T, repo, message string) {
	t.Helper()
	git(t, repo, "add", "--all")
	git(t, repo, "commit", "--quiet", "-m", message)
	git(t, repo, "push", "--quiet", "origin", "HEAD")
}
