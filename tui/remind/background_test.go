package remind

import (
	"bytes"
	"context"
	"os/exec"
	"slices"
	"strings"
	"testing"
	"time"

	"lumbar/store"
	"lumbar/store/diary"
)

// bg is lumbar remind's runner over a temporary diary, on a clock that
// moves only when it sleeps: nothing here waits for real.
type bg struct {
	t          *testing.T
	s          *store.Store
	b          *Background
	out        bytes.Buffer
	now        time.Time
	waits      []time.Duration
	notes      []string // title | body of each desktop notification
	execs      [][]string
	during     map[string]func() // run as the clock passes a wall time ("09:31")
	sleepUntil func()
}

func newBG(t *testing.T, wall string) *bg {
	t.Helper()
	return newBGOver(t, establishedStore(t), wall)
}

func newBGOver(t *testing.T, s *store.Store, wall string) *bg {
	h := &bg{t: t, s: s, now: on(wall), during: map[string]func(){}}
	h.b = &Background{
		Store: s, Now: func() time.Time { return h.now }, Out: &h.out,
		Sleep: h.sleep,
		Notify: func(title, body string) error {
			h.notes = append(h.notes, title+" | "+body)
			return nil
		},
		RunCommand: func(c *exec.Cmd) error {
			h.execs = append(h.execs, c.Env)
			return nil
		},
	}
	return h
}

// runUntil runs the runner until the clock reaches wall.
func (h *bg) runUntil(wall string) {
	h.t.Helper()
	end := on(wall)
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	h.sleepUntil = func() {
		if !h.now.Before(end) {
			cancel()
		}
	}
	if err := h.b.Run(ctx); err != nil {
		h.t.Fatal(err)
	}
}

// sleep moves the clock on by d, running what was to happen meanwhile.
func (h *bg) sleep(ctx context.Context, d time.Duration) error {
	if d < 0 || d > checkEvery {
		h.t.Fatalf("slept %v", d)
	}
	h.waits = append(h.waits, d)
	before := h.now
	h.now = h.now.Add(d)
	for wall, fn := range h.during {
		if at := on(wall); before.Before(at) && !h.now.Before(at) {
			fn()
		}
	}
	h.sleepUntil()
	return ctx.Err()
}

func (h *bg) lines() []string {
	var out []string
	for _, l := range strings.Split(strings.TrimSpace(h.out.String()), "\n") {
		if l != "" {
			out = append(out, l)
		}
	}
	return out
}

// kinds is each announcement's time and kind, like "09:30 posture".
func (h *bg) kinds() []string {
	var out []string
	for _, l := range h.lines() {
		f := strings.Fields(l)
		out = append(out, f[0]+" "+f[1])
	}
	return out
}

func TestBackgroundAnnouncesEachReminderOnceAsItComesDue(t *testing.T) {
	h := newBG(t, "2026-11-23 09:00") // Monday, active hours 09:00–18:00
	h.runUntil("2026-11-23 10:05")
	want := []string{"09:30 posture", "09:50 move", "10:00 water"}
	if got := h.kinds(); !slices.Equal(got, want) {
		t.Fatalf("announced %v, want %v\n%s", got, want, h.out.String())
	}
	first := h.lines()[0]
	for _, part := range []string{"Time for a posture check: ", "(lumbar done posture · lumbar snooze posture · lumbar dismiss posture)", "\a"} {
		if !strings.Contains(first, part) {
			t.Errorf("line %q lacks %q", first, part)
		}
	}
	if len(h.notes) != 3 || !strings.HasPrefix(h.notes[0], "Time for a posture check | ") || !strings.Contains(h.notes[0], "lumbar done posture") {
		t.Errorf("notifications %q", h.notes)
	}
	// It slept until each due time, never longer than checkEvery, and
	// never spun: no zero waits but the one at each due time.
	zero := 0
	for _, w := range h.waits {
		if w == 0 {
			zero++
		}
	}
	if zero > 3 {
		t.Errorf("%d zero waits of %d", zero, len(h.waits))
	}
}

func TestBackgroundFollowsAnswersGivenElsewhere(t *testing.T) {
	h := newBG(t, "2026-11-23 09:00")
	h.during["2026-11-23 09:31"] = func() {
		if err := h.s.Update(func(tx *store.Tx) error {
			_, err := store.Answer(tx, diary.CheckPosture, diary.ActionDone, h.now, 0)
			return err
		}); err != nil {
			t.Fatal(err)
		}
	}
	// Another process turns the posture reminder to every minute, so it
	// has been due since 09:32: noticed within checkEvery.
	h.during["2026-11-23 09:40"] = func() {
		if err := h.s.Update(func(tx *store.Tx) error {
			return store.ChangeSettings(tx, map[string]string{"posture.interval": "1m", "move.interval": "off", "water.interval": "off"})
		}); err != nil {
			t.Fatal(err)
		}
	}
	h.runUntil("2026-11-23 09:40:05")
	want := []string{"09:30 posture", "09:40 posture"}
	if got := h.kinds(); !slices.Equal(got, want) {
		t.Fatalf("announced %v, want %v\n%s", got, want, h.out.String())
	}
}

func TestBackgroundStaysQuietWhileTheAppIsOpen(t *testing.T) {
	h := newBG(t, "2026-11-23 09:29")
	if err := h.s.MarkAppOpen(h.now); err != nil { // fresh until 09:32
		t.Fatal(err)
	}
	h.runUntil("2026-11-23 09:31")
	if got := h.kinds(); len(got) != 0 {
		t.Fatalf("announced %v while the app was open", got)
	}
	h.runUntil("2026-11-23 09:33") // the app was killed: its heartbeat ran out
	if got := h.kinds(); !slices.Equal(got, []string{"09:32 posture"}) {
		t.Fatalf("announced %v after the heartbeat ran out", got)
	}
}

func TestAppHeartbeat(t *testing.T) {
	s := tempStore(t)
	now := on("2026-11-23 09:00")
	for _, tt := range []struct {
		name   string
		markAt time.Time
		at     time.Time
		open   bool
	}{
		{"fresh", now, now.Add(time.Minute), true},
		{"expired", now, now.Add(store.AppHeartbeat), false},
		{"from the future (the clock went back)", now.Add(time.Hour), now, false},
	} {
		if err := s.MarkAppOpen(tt.markAt); err != nil {
			t.Fatal(err)
		}
		if got := s.AppOpen(tt.at); got != tt.open {
			t.Errorf("%s: open %v, want %v", tt.name, got, tt.open)
		}
	}
	if err := s.MarkAppClosed(); err != nil || s.AppOpen(now) {
		t.Errorf("closed: %v, open %v", err, s.AppOpen(now))
	}
	// The tab renews it at each load, and withdraws it as the app quits.
	h := newHarnessOver(t, s, "2026-11-23 09:00")
	if !s.AppOpen(on("2026-11-23 09:01")) {
		t.Error("the open tab keeps no heartbeat")
	}
	if err := h.m.Save(); err != nil || s.AppOpen(on("2026-11-23 09:01")) {
		t.Errorf("after Save: %v, open %v", err, s.AppOpen(on("2026-11-23 09:01")))
	}
}

func TestBackgroundOnceAnnouncesWhatIsDueOnlyOnce(t *testing.T) {
	h := newBG(t, "2026-11-23 09:40")
	h.b.Exec = "notify-my-phone"
	if n, err := h.b.Once(); n != 1 || err != nil {
		t.Fatalf("first run: %d announced, %v", n, err)
	}
	if len(h.execs) != 1 || !slices.Contains(h.execs[0], "LUMBAR_REMINDER=posture") ||
		!slices.Contains(h.execs[0], "LUMBAR_TITLE=Time for a posture check") ||
		!slices.Contains(h.execs[0], "LUMBAR_DUE=2026-11-23T09:30:00Z") {
		t.Errorf("--exec environment %q", h.execs)
	}
	// The next run (cron's next minute) is a new process: it reads what
	// was announced from beside the data file.
	again := newBGOver(t, h.s, "2026-11-23 09:41")
	if n, err := again.b.Once(); n != 0 || err != nil || again.out.Len() != 0 {
		t.Errorf("second run: %d announced, %v, %q", n, err, again.out.String())
	}
	later := newBGOver(t, h.s, "2026-11-23 09:51")
	if n, _ := later.b.Once(); n != 1 || !strings.Contains(later.out.String(), "move") {
		t.Errorf("at 09:51: %d announced: %q", n, later.out.String())
	}
}

func TestBackgroundStartsANewDiaryFromItsFirstUse(t *testing.T) {
	s := tempStore(t)
	h := newBGOver(t, s, "2026-11-23 14:00")
	h.runUntil("2026-11-23 14:31")
	if got := h.kinds(); !slices.Equal(got, []string{"14:30 posture"}) {
		t.Errorf("announced %v, want the posture check 30 minutes after the first use", got)
	}
}

func TestLockRemindersLetsOneRunnerIn(t *testing.T) {
	s := tempStore(t)
	release, err := s.LockReminders()
	if err != nil {
		t.Fatal(err)
	}
	if _, err := s.LockReminders(); err != store.ErrRemindRunning {
		t.Errorf("a second lock: %v, want ErrRemindRunning", err)
	}
	release()
	again, err := s.LockReminders()
	if err != nil {
		t.Errorf("after release: %v", err)
	} else {
		again()
	}
}
