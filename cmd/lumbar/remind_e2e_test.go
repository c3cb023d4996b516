package main

import (
	"bufio"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"time"

	"lumbar/store"
)

// remindDiary is a data file whose posture reminder comes every minute,
// with active hours round the clock from an hour ago (they run past
// midnight), and nothing else to remind of. Its first use was firstUse.
func remindDiary(t *testing.T, firstUse time.Time) (string, *store.Store) {
	t.Helper()
	db := filepath.Join(t.TempDir(), "lumbar.db")
	s := openStore(t, db)
	now := time.Now().UTC()
	err := s.Update(func(tx *store.Tx) error {
		if _, err := store.RecordFirstOpen(tx, firstUse); err != nil {
			return err
		}
		return store.ChangeSettings(tx, map[string]string{
			"posture.interval": "1m", "move.interval": "off", "water.interval": "off", "log.enabled": "off",
			"hours.days": "mon-sun", "hours.start": now.Add(-time.Hour).Format("15:04"),
			"hours.end": now.Add(-90 * time.Minute).Format("15:04"),
		})
	})
	if err != nil {
		t.Fatal(err)
	}
	return db, s
}

// remindCmd is lumbar remind in UTC, with a notify-send of its own on the
// PATH that writes its arguments, one a line, to the file it returns.
func remindCmd(t *testing.T, args ...string) (*exec.Cmd, string) {
	t.Helper()
	stubs := t.TempDir()
	notified := filepath.Join(stubs, "notified")
	script := fmt.Sprintf("#!/bin/sh\nprintf '%%s\\n' \"$@\" >> %q\n", notified)
	if err := os.WriteFile(filepath.Join(stubs, "notify-send"), []byte(script), 0o755); err != nil {
		t.Fatal(err)
	}
	cmd := exec.Command(buildLumbar(t), args...)
	cmd.Env = append(os.Environ(), "TZ=UTC", "PATH="+stubs+":/usr/bin:/bin")
	return cmd, notified
}

func TestEndToEndRemindOnce(t *testing.T) {
	db, s := remindDiary(t, time.Now().Add(-2*time.Minute))
	run := func(extra ...string) (int, string, string) {
		cmd, notified := remindCmd(t, append([]string{"--db", db, "remind", "--once"}, extra...)...)
		out, err := cmd.Output()
		code := 0
		if ee, ok := err.(*exec.ExitError); ok {
			code = ee.ExitCode()
		} else if err != nil {
			t.Fatal(err)
		}
		args, _ := os.ReadFile(notified)
		return code, string(out), string(args)
	}
	// The app is open: it shows the banner, lumbar remind keeps quiet.
	if err := s.MarkAppOpen(time.Now()); err != nil {
		t.Fatal(err)
	}
	if code, out, args := run(); code != exitNothingDue || out != "" || args != "" {
		t.Errorf("with the app open: exit %d, %q, notified %q", code, out, args)
	}
	if err := s.MarkAppClosed(); err != nil {
		t.Fatal(err)
	}
	got := filepath.Join(t.TempDir(), "exec")
	code, out, args := run("--exec", `printf '%s|%s' "$LUMBAR_REMINDER" "$LUMBAR_ANSWER" > `+got)
	if code != exitOK || !strings.Contains(out, "posture  Time for a posture check: ") {
		t.Fatalf("due: exit %d, %q", code, out)
	}
	wantArgs := "--app-name=lumbar\n--\nTime for a posture check\n"
	if !strings.HasPrefix(args, wantArgs) || !strings.Contains(args, "lumbar done posture · lumbar snooze posture · lumbar dismiss posture\n") {
		t.Errorf("notify-send got %q", args)
	}
	if env, _ := os.ReadFile(got); string(env) != "posture|lumbar done posture · lumbar snooze posture · lumbar dismiss posture" {
		t.Errorf("--exec saw %q", env)
	}
	// Announced once: the next run (cron's next minute) has nothing new.
	if code, out, _ := run(); code != exitNothingDue || out != "" {
		t.Errorf("again: exit %d, %q", code, out)
	}
}

// startRemind starts lumbar remind on db in the foreground and returns
// its output lines as they come; it is killed when the test ends.
func startRemind(t *testing.T, db string) (cmd *exec.Cmd, lines chan string, notified string) {
	t.Helper()
	cmd, notified = remindCmd(t, "--db", db, "remind")
	stdout, err := cmd.StdoutPipe()
	if err != nil {
		t.Fatal(err)
	}
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { cmd.Process.Kill() })
	lines = make(chan string)
	go func() {
		sc := bufio.NewScanner(stdout)
		for sc.Scan() {
			lines <- sc.Text()
		}
		close(lines)
	}()
	return cmd, lines, notified
}

// expectPostureLine waits for the posture reminder's line: within 65 s,
// since a runner that missed a change sees it at its next minutely plan.
func expectPostureLine(t *testing.T, lines chan string) {
	t.Helper()
	select {
	case line := <-lines:
		if !strings.Contains(line, "posture  Time for a posture check: ") || !strings.HasSuffix(line, "\a") {
			t.Errorf("line %q", line)
		}
	case <-time.After(65 * time.Second):
		t.Fatal("no reminder within 65 s")
	}
}

// lumbar remind in the foreground sleeps until the reminder is due,
// announces it, refuses a second runner, and stops cleanly on SIGTERM.
func TestEndToEndRemindForeground(t *testing.T) {
	t.Parallel()
	// First used 55 seconds ago: the posture check is due in 5 seconds.
	db, _ := remindDiary(t, time.Now().Add(-55*time.Second))
	cmd, lines, notified := startRemind(t, db)
	expectPostureLine(t, lines)
	second, _ := remindCmd(t, "--db", db, "remind")
	if out, err := second.CombinedOutput(); err == nil || !strings.Contains(string(out), "already running on") {
		t.Errorf("a second lumbar remind: %v, %q", err, out)
	}
	if err := cmd.Process.Signal(syscall.SIGTERM); err != nil {
		t.Fatal(err)
	}
	for range lines { // drain until it closes its stdout
	}
	waitExit(t, cmd, 0)
	if args, _ := os.ReadFile(notified); !strings.Contains(string(args), "Time for a posture check") {
		t.Errorf("no desktop notification: %q", args)
	}
}

// While the app's heartbeat is fresh, lumbar remind in the foreground
// keeps quiet through a due reminder (the app shows its banner); once the
// app has quit, it announces what is still due.
func TestEndToEndRemindKeepsQuietWhileTheAppIsOpen(t *testing.T) {
	t.Parallel()
	// The posture check is due 5 seconds after the start, the app open.
	db, s := remindDiary(t, time.Now().Add(-55*time.Second))
	if err := s.MarkAppOpen(time.Now()); err != nil {
		t.Fatal(err)
	}
	_, lines, notified := startRemind(t, db)
	select {
	case line := <-lines:
		t.Fatalf("announced with the app open: %q", line)
	case <-time.After(10 * time.Second): // 5 s past the due time
	}
	if args, _ := os.ReadFile(notified); len(args) > 0 {
		t.Fatalf("notified with the app open: %q", args)
	}
	// The app quits as it does: heartbeat withdrawn, its saves written.
	if err := s.MarkAppClosed(); err != nil {
		t.Fatal(err)
	}
	if err := s.Update(func(*store.Tx) error { return nil }); err != nil {
		t.Fatal(err)
	}
	expectPostureLine(t, lines)
}
