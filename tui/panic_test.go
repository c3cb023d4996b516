package tui

import (
	"strings"
	"testing"
	"time"

	tea "github.com/charmbracelet/bubbletea"
	"github.com/creack/pty"
	"golang.org/x/sys/unix"

	"lumbar/tui/common"
)

type panickyTab struct{ fakeTab }

func (p *panickyTab) Update(msg tea.Msg) (tea.Model, tea.Cmd) {
	if _, ok := msg.(tea.KeyMsg); ok {
		panic("a bug in a tab")
	}
	return p, nil
}

// A panic in a tab must give the terminal back in the
// state it was found: echo and line editing on, so the shell still works.
func TestPanicRestoresTheTerminal(t *testing.T) {
	ptmx, tty, err := pty.Open()
	if err != nil {
		t.Skipf("no pseudo-terminal here: %v", err)
	}
	// tty stays open until the test binary exits: Bubble Tea asks its size
	// from a goroutine it starts and never waits for, so closing it here
	// would race with that read.
	defer ptmx.Close()
	go drain(ptmx)

	m := newModel(t, tempStore(t), 80, 24)
	m.tabs[common.GuideTab] = &panickyTab{}
	program := tea.NewProgram(m, tea.WithInput(tty), tea.WithOutput(tty), tea.WithAltScreen(), tea.WithoutSignalHandler())
	done := make(chan error, 1)
	go func() { _, err := program.Run(); done <- err }()

	waitUntil(t, func() bool { return !termiosHas(t, tty, unix.ECHO) }) // raw mode is on
	if _, err := ptmx.Write([]byte("j")); err != nil {
		t.Fatal(err)
	}
	select {
	case err := <-done:
		if err != nil {
			t.Fatalf("Run = %v, want an orderly quit", err)
		}
		if m.Crash() == nil || !strings.Contains(m.Crash().Error(), "a bug in a tab") {
			t.Errorf("Crash() = %v, want the panic and its stack", m.Crash())
		}
	case <-time.After(10 * time.Second):
		t.Fatal("the program neither panicked nor quit")
	}
	if !termiosHas(t, tty, unix.ECHO) || !termiosHas(t, tty, unix.ICANON) {
		t.Error("after the panic the terminal was left in raw mode")
	}
}

func termiosHas(t *testing.T, tty interface{ Fd() uintptr }, flag uint32) bool {
	t.Helper()
	tio, err := unix.IoctlGetTermios(int(tty.Fd()), unix.TCGETS)
	if err != nil {
		t.Fatal(err)
	}
	return tio.Lflag&flag != 0
}

// waitUntil polls cond: the program runs in its own goroutine and there is
// no message to wait on from outside it.
func waitUntil(t *testing.T, cond func() bool) {
	t.Helper()
	deadline := time.Now().Add(10 * time.Second)
	for !cond() {
		if time.Now().After(deadline) {
			t.Fatal("timed out waiting")
		}
		time.Sleep(5 * time.Millisecond)
	}
}

func drain(r interface{ Read([]byte) (int, error) }) {
	buf := make([]byte, 4096)
	for {
		if _, err := r.Read(buf); err != nil {
			return
		}
	}
}

type panickyView struct{ fakeTab }

func (p *panickyView) View() string { panic("a bug in a view") }

func TestPanicInViewQuitsOnTheNextMessage(t *testing.T) {
	m := newModel(t, tempStore(t), 80, 24)
	m.tabs[common.GuideTab] = &panickyView{}
	if frame := m.View(); !strings.Contains(frame, "Your data is safe") {
		t.Errorf("frame after a panic = %q", frame)
	}
	if m.Crash() == nil {
		t.Fatal("the panic was not kept")
	}
	if _, cmd := m.Update(pollMsg{}); !isQuit(cmd) {
		t.Error("the next message did not quit")
	}
}

// After a crash, what tabs hold is still saved, even if one tab's save
// panics too; typing the person was asked about is not a failed save.
func TestSaveAfterACrashSavesEveryTab(t *testing.T) {
	m := newModel(t, tempStore(t), 80, 24)
	saver := &savingTab{}
	m.tabs[common.StretchTab] = saver
	m.tabs[common.LogTab] = &typingTab{typing: "an entry is open"}
	if err := m.SaveBeforeExit(); err != nil || saver.saved != 1 {
		t.Errorf("SaveBeforeExit = %v after %d saves, want nil after 1", err, saver.saved)
	}
	m = newModel(t, tempStore(t), 80, 24)
	saver = &savingTab{}
	m.tabs[common.StretchTab] = saver
	m.tabs[common.GuideTab] = &panickySaver{}
	err := m.SaveBeforeExit()
	if saver.saved != 1 {
		t.Error("a tab's work was not saved after the crash")
	}
	if err == nil || !strings.Contains(err.Error(), "saving failed") {
		t.Errorf("SaveBeforeExit = %v, want the failed save reported", err)
	}
}

type panickySaver struct{ fakeTab }

func (*panickySaver) Save() error { panic("broken") }
