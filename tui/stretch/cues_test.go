package stretch

import (
	"os"
	"path/filepath"
	"testing"

	"lumbar/tui/tuitest"
)

func TestCuesFollowTheSettings(t *testing.T) {
	d := tuitest.NewDriver(t)
	playCue := playCues(d.Common(tuitest.TempStore(t)))
	quiet := settings{Bell: false, Speak: false}
	if cmd := playCue(cue{bell: true, words: "Switch sides."}, quiet); cmd != nil {
		t.Error("a cue made a sound with the bell and the voice off")
	}
	cmd := playCue(cue{bell: true}, settings{Bell: true})
	if cmd == nil {
		t.Fatal("no bell with the bell on")
	}
	d.Run(cmd)
	if d.Bells() != 1 {
		t.Errorf("the bell rang %d times", d.Bells())
	}
}

// A voice is a separate program whose output never reaches the screen, and
// words that look like options are not taken as options.
func TestSpeakRunsTheProgramQuietly(t *testing.T) {
	dir := t.TempDir()
	heard := filepath.Join(dir, "heard")
	program := filepath.Join(dir, "voice")
	script := "#!/bin/sh\necho \"$@\" > " + heard + "\necho noise\necho more noise >&2\n"
	if err := os.WriteFile(program, []byte(script), 0o700); err != nil {
		t.Fatal(err)
	}
	if msg := speak(program, "--Switch sides.")(); msg != nil {
		t.Errorf("speaking returned %v", msg)
	}
	got, err := os.ReadFile(heard)
	if err != nil || string(got) != "Switch sides.\n" {
		t.Errorf("the program heard %q (%v)", got, err)
	}
	if msg := speak(filepath.Join(dir, "missing"), "Rest.")(); msg != nil {
		t.Error("a missing program is not silent")
	}
}
