package main

import (
	"context"
	"errors"
	"fmt"
	"os/signal"
	"strings"
	"syscall"
	"unicode"
	"unicode/utf8"

	"lumbar/store"
	"lumbar/store/diary"
	"lumbar/store/text"
	"lumbar/tui"
)

// exitNothingDue is lumbar remind --once's status when it announced
// nothing, so a script can branch on it.
const exitNothingDue = 3

var remindCommand = command{
	name: "remind", synopsis: "[--once] [--exec CMD]", summary: "announce reminders while the app is closed (tmux, a service, cron)",
	about: `Announce the reminders from the same schedule as the app, while the app
is not open on the same data file (the app shows its own banner then):
one line per reminder on stdout (time, reminder, what it says, how to
answer), the terminal bell (the bell setting), and a desktop notification
where notify-send (Linux, the BSDs) or osascript (macOS) is installed.
Each due reminder is announced once. Answer with lumbar done, snooze or
dismiss, lumbar water, lumbar log N, or in the app.

It runs until stopped (ctrl+c, SIGTERM), sleeping until the next due
time; it notices changes made elsewhere within seconds. Only one runs per
data file. --once announces what is due now and exits: status 0 when it
announced something, 3 when nothing was due.

When the sync.dir setting names a folder (lumbar sync DIR keeps it), it
also syncs with it every sync.interval while the app is closed (the app
syncs while it is open), and --once syncs first.`,
	flags: []flagSpec{
		{"once", "", "announce what is due now and exit (0: announced, 3: nothing due)"},
		{"exec", "CMD", "also run CMD through sh for each reminder, with LUMBAR_REMINDER, LUMBAR_TITLE, LUMBAR_BODY, LUMBAR_DUE, LUMBAR_ANSWER set"},
	},
	more: func() string {
		return "Examples:\n  lumbar remind\n  lumbar remind --once || true\n  lumbar remind --exec 'curl -d \"$LUMBAR_TITLE\" ntfy.sh/my-topic'\n"
	},
	run: runRemind,
}

// checkExec refuses an --exec that is empty or holds control characters
// or text that is not UTF-8: typed by a person it is a slip (a command
// that needs several lines belongs in a script).
func checkExec(a *parsedArgs) error {
	cmd, given := a.values["exec"]
	switch {
	case !given:
		return nil
	case strings.TrimSpace(cmd) == "":
		return refuse("--exec needs a command, like --exec 'notify-my-phone'")
	case !utf8.ValidString(cmd) || text.Printable(cmd) != cmd || strings.IndexFunc(cmd, unicode.IsControl) >= 0:
		return refuse("--exec takes a one-line command without control characters; put anything longer in a script")
	}
	return nil
}

// quietExit ends a command with a status of its own and nothing said.
type quietExit int

func (e quietExit) Error() string { return fmt.Sprintf("exit status %d", int(e)) }

func runRemind(inv *invocation) error {
	if err := inv.args.noArguments(); err != nil {
		return err
	}
	if err := checkExec(inv.args); err != nil {
		return err
	}
	s, err := inv.openDiary()
	if err != nil {
		return err
	}
	r := &tui.Reminders{Store: s, Now: inv.now, Sleep: tui.SleepContext, Out: inv.stdout, Exec: inv.args.value("exec")}
	if inv.args.has("once") {
		n, err := r.Once()
		if err == nil && n == 0 {
			return quietExit(exitNothingDue)
		}
		return err
	}
	release, err := s.LockReminders()
	if errors.Is(err, store.ErrRemindRunning) {
		return fmt.Errorf("another lumbar remind is already running on %s; one is enough", s.Path())
	}
	if err != nil {
		return err
	}
	defer release()
	// SIGINT (ctrl+c), SIGTERM (kill, systemctl stop) and SIGHUP (its
	// terminal closed) end it cleanly, with status 0.
	ctx, stop := signal.NotifyContext(context.Background(), syscall.SIGINT, syscall.SIGTERM, syscall.SIGHUP)
	defer stop()
	fmt.Fprintf(inv.stderr, "lumbar remind: watching %s (quiet while the app is open on it)%s; ctrl+c stops\n", s.Path(), syncingNote(s))
	return r.Run(ctx)
}

// syncingNote tells, on lumbar remind's first line, that it also syncs
// (as the settings say when it starts).
func syncingNote(s *store.Store) string {
	set, err := store.Read(s, store.LoadSettings)
	if err != nil || set.SyncDir == "" {
		return ""
	}
	return fmt.Sprintf("; syncing with %s every %s", quote(text.Printable(set.SyncDir)), diary.FormatInterval(set.SyncInterval))
}
