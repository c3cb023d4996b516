package remind

import (
	"context"
	"fmt"
	"io"
	"os"
	"os/exec"
	"time"

	"lumbar/content"
	"lumbar/store"
	"lumbar/store/diary"
	"lumbar/store/text"
)

// The reminders without the app: lumbar remind runs Background, which
// plans from the same stored state as the tab, so an answer anywhere (the
// app, lumbar done, lumbar water) moves it on. It sleeps until the next
// due time, but never longer than checkEvery, so that it notices another
// process's writes, the computer waking from sleep and the clock jumping;
// on each wake it looks at the data file's size and time and reads the
// file only when they changed, a reminder is due, or a minute has passed.

const (
	// checkEvery is the longest sleep: how soon a write elsewhere (a
	// setting changed, a snooze) or a clock jump is noticed.
	checkEvery = 5 * time.Second
	// replanEvery is how often the state is read even when the file looks
	// unchanged, as the tab does (maxWait): a new day, quiet mode ending.
	replanEvery = time.Minute
	// execTimeout bounds the person's --exec command.
	execTimeout = 30 * time.Second
)

// Background is lumbar remind: it announces each reminder as it comes
// due, once, while the app is not open on the same data file.
type Background struct {
	Store *store.Store
	Now   func() time.Time
	// Sleep waits d, or returns ctx's error as soon as ctx is done.
	Sleep func(ctx context.Context, d time.Duration) error
	Out   io.Writer // a line per reminder, and the bell
	// Notify shows a desktop notification; desktopNotify unless replaced.
	Notify Notifier
	// Exec, if set, is a shell command run for each reminder, with it in
	// the environment (LUMBAR_REMINDER, LUMBAR_TITLE, LUMBAR_BODY,
	// LUMBAR_DUE, LUMBAR_ANSWER).
	Exec string
	// RunCommand runs a prepared command; exec.Cmd.Run unless a test
	// replaces it.
	RunCommand func(*exec.Cmd) error
	// Sync makes one sync run with the sync.dir folder; store.AutoSync
	// unless a test replaces it (see sync.go).
	Sync func(store.SyncWhen) (store.AutoSyncResult, error)

	cues []string
	sent map[string]time.Time // each reminder's due time last announced
	sync syncState
}

// Announcement is one reminder as lumbar remind tells it.
type Announcement struct {
	Kind  diary.CheckKind
	Due   time.Time
	Title string
	Body  string
}

// Answer is the shell commands that answer it, as the notification names
// them.
func (a Announcement) Answer() string {
	if a.Kind == diary.CheckLog {
		return "lumbar log N · lumbar snooze log · lumbar dismiss log"
	}
	return fmt.Sprintf("lumbar done %[1]s · lumbar snooze %[1]s · lumbar dismiss %[1]s", a.Kind)
}

// Line is the announcement's line on stdout: time, kind, what it says.
func (a Announcement) Line(now time.Time) string {
	return text.Printable(fmt.Sprintf("%s  %-7s  %s: %s  (%s)", now.Format("15:04"), a.Kind, a.Title, a.Body, a.Answer()))
}

func (b *Background) init() {
	if b.Notify == nil {
		b.Notify = desktopNotify
	}
	if b.RunCommand == nil {
		b.RunCommand = (*exec.Cmd).Run
	}
	if b.cues == nil {
		b.cues = content.PostureCues()
	}
	if b.sent == nil {
		b.sent = b.Store.Delivered()
	}
	if b.Sync == nil {
		b.Sync = func(when store.SyncWhen) (store.AutoSyncResult, error) { return store.AutoSync(b.Store, when) }
	}
}

// Once announces what is due now and not announced yet, and tells how
// many it announced. While the app is open on the data file it announces
// nothing: the app shows its own banner.
func (b *Background) Once() (int, error) {
	b.init()
	b.syncIfDue(b.Now()) // first, so what other computers answered counts
	_, fired, err := b.step(b.Now())
	return fired, err
}

// Run announces reminders as they come due until ctx is done. A failed
// read (the file busy for a moment) is said on Out and tried again.
func (b *Background) Run(ctx context.Context) error {
	b.init()
	var seen fileStamp
	var planned, next time.Time
	for {
		now := b.Now()
		b.syncIfDue(now)
		stamp := stampOf(b.Store.Path())
		if stamp != seen || !now.Before(next) || now.Sub(planned) >= replanEvery || now.Before(planned) {
			upcoming, _, err := b.step(now)
			if err != nil {
				fmt.Fprintf(b.Out, "%s  lumbar: %s\n", now.Format("15:04"), text.Printable(err.Error()))
			}
			seen, planned, next = stampOf(b.Store.Path()), now, upcoming
		}
		wait := min(checkEvery, max(b.sync.next.Sub(now), 0))
		if !next.IsZero() {
			wait = min(wait, max(next.Sub(now), 0))
		}
		if err := b.Sleep(ctx, wait); err != nil {
			return nil // stopped
		}
	}
}

// step reads the state, announces what has newly come due and says when
// the next reminder is due (zero when none is).
func (b *Background) step(now time.Time) (next time.Time, fired int, err error) {
	var st diary.ReminderState
	err = b.Store.View(func(tx *store.Tx) (err error) {
		st, err = store.ReminderStateOf(tx, now)
		return err
	})
	if err != nil {
		return time.Time{}, 0, err
	}
	if st.FirstOpen.IsZero() {
		// Reminders count from the diary's first use: this is one.
		if st.FirstOpen, err = b.recordFirstOpen(now); err != nil {
			return time.Time{}, 0, err
		}
	}
	sched := diary.Plan(st, now)
	if up, ok := sched.Upcoming(); ok {
		next = up.At
	}
	if b.Store.AppOpen(now) {
		return next, 0, nil // the app shows its own banner
	}
	for _, due := range sched.DueNow() {
		if b.sent[string(due.Kind)].Equal(due.At) {
			continue // announced already
		}
		b.announce(b.announcement(due, st, now), st.Settings, now)
		b.sent[string(due.Kind)] = due.At
		fired++
	}
	if fired > 0 {
		err = b.Store.SetDelivered(b.sent)
	}
	return next, fired, err
}

func (b *Background) recordFirstOpen(now time.Time) (first time.Time, err error) {
	err = b.Store.Update(func(tx *store.Tx) (err error) {
		first, err = store.RecordFirstOpen(tx, now)
		return err
	})
	return first, err
}

func (b *Background) announcement(due diary.Due, st diary.ReminderState, now time.Time) Announcement {
	title, body := reminderText(due.Kind, st, postureCue(b.cues, now, st), diary.ExpectedBy(st.Settings, now))
	return Announcement{Kind: due.Kind, Due: due.At, Title: title, Body: body}
}

// announce delivers a: its line (with the bell if the bell setting is
// on), a desktop notification where there is a notifier, and the
// person's command. A notifier or command that fails is said on the line
// after; nothing stops the runner.
func (b *Background) announce(a Announcement, set diary.Settings, now time.Time) {
	bell := ""
	if set.Bell {
		bell = "\a"
	}
	fmt.Fprintln(b.Out, a.Line(now)+bell)
	if err := b.Notify(a.Title, a.Body+"\n"+a.Answer()); err != nil && err != errNoNotifier {
		fmt.Fprintf(b.Out, "%s  lumbar: the desktop notification failed: %s\n", now.Format("15:04"), text.Printable(err.Error()))
	}
	if b.Exec == "" {
		return
	}
	if err := b.runExec(a); err != nil {
		fmt.Fprintf(b.Out, "%s  lumbar: --exec failed: %s\n", now.Format("15:04"), text.Printable(err.Error()))
	}
}

// runExec runs the person's command through the shell, with the
// reminder in its environment and its output on lumbar's own.
func (b *Background) runExec(a Announcement) error {
	ctx, cancel := context.WithTimeout(context.Background(), execTimeout)
	defer cancel()
	cmd := exec.CommandContext(ctx, "/bin/sh", "-c", b.Exec)
	cmd.Env = append(os.Environ(),
		"LUMBAR_REMINDER="+string(a.Kind),
		"LUMBAR_TITLE="+a.Title,
		"LUMBAR_BODY="+a.Body,
		"LUMBAR_DUE="+a.Due.Format(time.RFC3339),
		"LUMBAR_ANSWER="+a.Answer(),
	)
	cmd.Stdout, cmd.Stderr = b.Out, b.Out
	return b.RunCommand(cmd)
}

// fileStamp is what a stat tells of the data file: enough to see that
// someone wrote to it, without opening it.
type fileStamp struct {
	size int64
	mod  time.Time
}

func stampOf(path string) fileStamp {
	info, err := os.Stat(path)
	if err != nil {
		return fileStamp{}
	}
	return fileStamp{info.Size(), info.ModTime()}
}

// SleepContext is Background's Sleep for real: a timer, cut short when
// ctx is done.
func SleepContext(ctx context.Context, d time.Duration) error {
	t := time.NewTimer(d)
	defer t.Stop()
	select {
	case <-t.C:
		return nil
	case <-ctx.Done():
		return ctx.Err()
	}
}
