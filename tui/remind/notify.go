package remind

import (
	"context"
	"errors"
	"os/exec"
	"runtime"
	"strings"
	"time"
)

// notifyTimeout bounds a notifier that hangs (a stuck notification
// service): the notification is dropped, nothing else waits for it.
const notifyTimeout = 5 * time.Second

// errNoNotifier says the system has no notifier lumbar knows.
var errNoNotifier = errors.New("no desktop notifier (notify-send or osascript) found")

// notifyArgs is the command line that shows a desktop notification with
// the system's own tool: notify-send on Linux and the BSDs, osascript on
// macOS. Nothing else is tried, so elsewhere there is none.
func notifyArgs(goos, title, body string) (name string, args []string) {
	if goos == "darwin" {
		script := "display notification " + appleScriptString(body) + " with title " + appleScriptString(title)
		return "osascript", []string{"-e", script}
	}
	return "notify-send", []string{"--app-name=lumbar", "--", title, body}
}

// appleScriptString quotes s as an AppleScript string literal.
func appleScriptString(s string) string {
	return `"` + strings.NewReplacer(`\`, `\\`, `"`, `\"`).Replace(s) + `"`
}

// desktopNotify shows a notification when the system's notifier is
// installed, and says why not otherwise.
func desktopNotify(title, body string) error {
	name, args := notifyArgs(runtime.GOOS, title, body)
	path, err := exec.LookPath(name)
	if err != nil {
		return errNoNotifier
	}
	ctx, cancel := context.WithTimeout(context.Background(), notifyTimeout)
	defer cancel()
	return exec.CommandContext(ctx, path, args...).Run()
}
