package main

import (
	"path/filepath"
	"strings"
	"testing"
)

func guideCLI(t *testing.T, args ...string) (int, string, string) {
	t.Helper()
	db := filepath.Join(t.TempDir(), "lumbar.db")
	return runCLI(t, nil, append([]string{"--db", db, "guide"}, args...)...)
}

func TestGuidePipedIsPlainText(t *testing.T) {
	code, out, errOut := guideCLI(t)
	if code != exitOK || errOut != "" {
		t.Fatalf("exit %d, %q", code, errOut)
	}
	if strings.ContainsRune(out, '\x1b') {
		t.Error("piped guide output holds an escape code")
	}
	for _, want := range []string{"# Why your lower back hurts", "# When to see a doctor", "bladder", "# About this guide"} {
		if !strings.Contains(out, want) {
			t.Errorf("the guide lacks %q", want)
		}
	}
	for i, line := range strings.Split(out, "\n") {
		if strings.HasSuffix(line, " ") || len([]rune(line)) > 80 {
			t.Errorf("line %d is padded or too wide: %q", i, line)
		}
	}
}

func TestGuideOneSection(t *testing.T) {
	code, out, _ := guideCLI(t, "when-to-see-a-doctor")
	if code != exitOK || !strings.HasPrefix(out, "# When to see a doctor") || strings.Contains(out, "# About this guide") {
		t.Errorf("exit %d:\n%s", code, out)
	}
	code, _, errOut := guideCLI(t, "when-to-see-a-docter")
	if code != exitUsage || !strings.Contains(errOut, "did you mean when-to-see-a-doctor?") || strings.Count(errOut, "\n") != 1 {
		t.Errorf("a misspelt section: exit %d, %q", code, errOut)
	}
}

func TestGuideListAndTip(t *testing.T) {
	_, out, _ := guideCLI(t, "--list")
	lines := strings.Split(strings.TrimSpace(out), "\n")
	if len(lines) != 7 || !strings.HasPrefix(lines[5], "when-to-see-a-doctor") {
		t.Errorf("--list:\n%s", out)
	}
	_, tip, _ := guideCLI(t, "--tip")
	if strings.Count(tip, "\n") != 1 || len(tip) < 20 {
		t.Errorf("--tip = %q", tip)
	}
	if code, _, _ := guideCLI(t, "--nope"); code != exitUsage {
		t.Errorf("unknown flag: exit %d", code)
	}
	if code, out, _ := guideCLI(t, "--help"); code != exitOK || !strings.Contains(out, "--list") {
		t.Errorf("--help: exit %d %q", code, out)
	}
}
