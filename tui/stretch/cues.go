package stretch

import (
	"context"
	"io"
	"os"
	"os/exec"
	"strings"
	"sync"
	"time"

	tea "github.com/charmbracelet/bubbletea"
)

// cue is what the player wants the person to hear: a bell, and words a
// voice may say.
type cue struct {
	bell  bool
	words string
}

// cueFunc turns a cue into commands as the settings allow. Tests swap in
// one that records.
type cueFunc func(c cue, s settings) tea.Cmd

// playCue rings the terminal bell and speaks. Both run as commands, so the
// player never waits for them, and both fail silently: a missing or broken
// speech program must not interrupt a stretch.
func playCue(c cue, s settings) tea.Cmd {
	var cmds []tea.Cmd
	if c.bell && s.Bell {
		cmds = append(cmds, ringBell)
	}
	if program := speechProgram(); c.words != "" && s.Speak && program != "" {
		cmds = append(cmds, speak(program, c.words))
	}
	return tea.Batch(cmds...)
}

// bellOut is the terminal. Bubble Tea writes each frame to it in one
// piece, so a lone BEL lands between frames.
var bellOut io.Writer = os.Stdout

func ringBell() tea.Msg {
	_, _ = bellOut.Write([]byte("\a"))
	return nil
}

// speechPrograms are the speech programs lumbar knows, in order of choice.
var speechPrograms = []string{"espeak-ng", "spd-say", "say"}

// speechProgram is the first speech program installed, or "".
var speechProgram = sync.OnceValue(func() string {
	for _, name := range speechPrograms {
		if path, err := exec.LookPath(name); err == nil {
			return path
		}
	}
	return ""
})

// speaking keeps one cue from talking over the one before it.
var speaking sync.Mutex

// speak says words with program. Its output goes nowhere (the screen
// belongs to the app) and a voice that hangs is stopped.
func speak(program, words string) tea.Cmd {
	words = strings.TrimLeft(words, "-") // never read as an option
	return func() tea.Msg {
		speaking.Lock()
		defer speaking.Unlock()
		ctx, cancel := context.WithTimeout(context.Background(), 15*time.Second)
		defer cancel()
		_ = exec.CommandContext(ctx, program, words).Run()
		return nil
	}
}
