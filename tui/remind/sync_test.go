package remind

import (
	"errors"
	"slices"
	"strings"
	"testing"
	"time"

	"lumbar/store"
)

// syncsAt makes h's runner sync through a fake that notes the wall time
// of each run and answers err (set later by the test through *err).
func (h *bg) syncsAt(err *error) *[]string {
	var at []string
	h.b.Sync = func(when store.SyncWhen) (store.AutoSyncResult, error) {
		if when != store.SyncAlways {
			h.t.Errorf("lumbar remind synced with %v", when)
		}
		at = append(at, h.now.Format("15:04:05"))
		return store.AutoSyncResult{Dir: "/home/ana/Sync", Interval: 20 * time.Minute}, *err
	}
	return &at
}

// lumbar remind syncs as it starts and every sync.interval, on time,
// but not while the app is open: the app syncs itself then.
func TestBackgroundSyncsEveryIntervalWhileTheAppIsClosed(t *testing.T) {
	h := newBG(t, "2026-11-23 09:00")
	var none error
	at := h.syncsAt(&none)
	h.during["2026-11-23 09:39"] = func() {
		if err := h.s.MarkAppOpen(h.now); err != nil { // fresh until 09:42
			t.Fatal(err)
		}
	}
	h.runUntil("2026-11-23 10:05")
	if want := []string{"09:00:00", "09:20:00", "10:00:00"}; !slices.Equal(*at, want) {
		t.Errorf("synced at %v, want %v", *at, want)
	}
	for _, l := range h.lines() {
		if strings.Contains(l, "sync") {
			t.Errorf("a sync that works said %q", l)
		}
	}
}

// A failure is said once, however often it recurs; the first sync that
// works after it is said too.
func TestBackgroundSaysASyncFailureOnce(t *testing.T) {
	h := newBG(t, "2026-11-23 07:00") // before active hours: no reminders
	fails := errors.New(`"/home/ana/Sync" is not a folder: make it (or let your sync tool make it), or connect the disk it is on`)
	at := h.syncsAt(&fails)
	h.during["2026-11-23 07:50"] = func() { fails = nil }
	h.runUntil("2026-11-23 08:05")
	want := []string{
		`07:00  lumbar: sync failed: "/home/ana/Sync" is not a folder: make it (or let your sync tool make it), or connect the disk it is on (trying again in 20m)`,
		`08:00  lumbar: synced with "/home/ana/Sync" again`,
	}
	if got := h.lines(); len(*at) != 4 || !slices.Equal(got, want) {
		t.Errorf("%d runs said:\n%s\nwant:\n%s", len(*at), strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
}

// --once syncs before it looks at what is due, unless the app is open.
func TestBackgroundOnceSyncsFirst(t *testing.T) {
	h := newBG(t, "2026-11-23 07:00")
	var none error
	at := h.syncsAt(&none)
	if _, err := h.b.Once(); err != nil || len(*at) != 1 {
		t.Fatalf("once: %v, %d runs", err, len(*at))
	}
	if err := h.s.MarkAppOpen(h.now); err != nil {
		t.Fatal(err)
	}
	again := newBGOver(t, h.s, "2026-11-23 07:01")
	againAt := again.syncsAt(&none)
	if _, err := again.b.Once(); err != nil || len(*againAt) != 0 {
		t.Errorf("once while the app is open: %v, %d runs", err, len(*againAt))
	}
}
