package stretch

import (
	"context"
	"os/exec"
	"strings"
	"sync"
	"time"

	tea "github.com/charmbracelet/bubbletea"

	"lumbar/tui/common"
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

// playCues is the cueFunc that rings c's bell (the app's one bell) and
// speaks. Both run as commands, so the player never waits for them, and
// both fail silently: a missing or broken speech program must not
// interrupt a stretch.
func playCues(c common.Common) cueFunc {
	return func(cu cue, s settings) tea.Cmd {
		var cmds []tea.Cmd
		if cu.bell && s.Bell {
			cmds = append(cmds, c.Bell())
		}
		if program := speechProgram(); cu.words != "" && s.Speak && program != "" {
			cmds = append(cmds, speak(program, cu.words))
		}
		return tea.Batch(cmds...)
	}
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
