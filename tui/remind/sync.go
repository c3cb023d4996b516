package remind

import (
	"fmt"
	"time"

	"lumbar/store"
	"lumbar/store/diary"
	"lumbar/store/text"
)

// lumbar remind syncs with the sync.dir folder every sync.interval, as
// the app does, while the app is not open on the data file: then the app
// syncs itself, and one process at a time does a data file's sync work.
// A failure is said once on Out (the same failure every interval is said
// once), and so is the first sync that works after one.

// syncState is when Background syncs next and what it last said.
type syncState struct {
	next     time.Time     // zero: at once
	interval time.Duration // sync.interval as the last run read it
	said     string        // the failure last said; "" once a run works
}

// syncIfDue runs a sync when one is due and the app is not open.
func (b *Background) syncIfDue(now time.Time) {
	if now.Before(b.sync.next) {
		return
	}
	if b.sync.interval <= 0 {
		b.sync.interval = diary.DefaultSettings().SyncInterval
	}
	if b.Store.AppOpen(now) {
		b.sync.next = now.Add(b.sync.interval)
		return
	}
	res, err := b.Sync(store.SyncAlways)
	if res.Interval > 0 {
		b.sync.interval = res.Interval
	}
	b.sync.next = now.Add(b.sync.interval)
	switch say := res.Say(err); {
	case say != "" && say != b.sync.said:
		b.sync.said = say
		b.say(now, say)
	case err == nil && b.sync.said != "":
		b.sync.said = ""
		b.say(now, fmt.Sprintf("synced with %q again", text.Printable(res.Dir)))
	}
}

// say writes one line of lumbar's own on Out.
func (b *Background) say(now time.Time, line string) {
	fmt.Fprintf(b.Out, "%s  lumbar: %s\n", now.Format("15:04"), text.Printable(line))
}
