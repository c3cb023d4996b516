package remind

import (
	"errors"
	"reflect"
	"testing"
)

// The notification is the system's own tool, with the text passed as
// arguments: a title starting with "-" is not an option, and quotes in
// the text cannot end AppleScript's string.
func TestNotifyArgs(t *testing.T) {
	name, args := notifyArgs("linux", "-Water", `a "glass"`)
	if name != "notify-send" || !reflect.DeepEqual(args, []string{"--app-name=lumbar", "--", "-Water", `a "glass"`}) {
		t.Errorf("linux: %s %q", name, args)
	}
	name, args = notifyArgs("darwin", `Time to "move"`, `back\slash`)
	want := []string{"-e", `display notification "back\\slash" with title "Time to \"move\""`}
	if name != "osascript" || !reflect.DeepEqual(args, want) {
		t.Errorf("darwin: %s %q, want %q", name, args, want)
	}
}

// Without a notifier installed, a notification is nothing but an error
// the caller ignores.
func TestNotifyWithoutNotifier(t *testing.T) {
	t.Setenv("PATH", t.TempDir())
	if err := desktopNotify("Water", "a glass"); !errors.Is(err, errNoNotifier) {
		t.Errorf("err = %v, want errNoNotifier", err)
	}
}
