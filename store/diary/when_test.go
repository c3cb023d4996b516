package diary

import (
	"strings"
	"testing"
	"time"
)

func TestParseWhen(t *testing.T) {
	now := time.Date(2026, 11, 27, 9, 30, 15, 0, zoneBerlin)
	at := func(y int, m time.Month, d, h, min int) time.Time {
		return time.Date(y, m, d, h, min, 0, 0, zoneBerlin)
	}
	good := []struct {
		in   string
		want time.Time
	}{
		{"", now},
		{"now", now},
		{" NOW ", now},
		{"08:15", at(2026, 11, 27, 8, 15)},
		{"7:05", at(2026, 11, 27, 7, 5)},
		{"09:30", at(2026, 11, 27, 9, 30)}, // this very minute has begun
		{"today 06:00", at(2026, 11, 27, 6, 0)},
		{"yesterday 23:59", at(2026, 11, 26, 23, 59)},
		{"Yesterday  22:00", at(2026, 11, 26, 22, 0)},
		{"2026-11-01 12:00", at(2026, 11, 1, 12, 0)},
		{"2026-11-27T08:00:00Z", time.Date(2026, 11, 27, 8, 0, 0, 0, time.UTC)},
		{"2026-11-27t07:00:00+01:00", time.Date(2026, 11, 27, 6, 0, 0, 0, time.UTC)},
	}
	for _, c := range good {
		got, err := ParseWhen(c.in, now)
		if err != nil || !got.Equal(c.want) {
			t.Errorf("ParseWhen(%q) = %v, %v; want %v", c.in, got, err, c.want)
		}
	}
	bad := []struct{ in, want string }{
		{"10:00", "is in the future"},
		{"2026-11-28 08:00", "is in the future"},
		{"2026-11-27T09:00:00Z", "is in the future"},
		{"yesterdy 10:00", `did you mean yesterday?`},
		{"tody 10:00", `did you mean today?`},
		{"lunchtime", "is not a time; use now, HH:MM"},
		{"yesterday", "needs a time of day too"},
		{"25:00", `"25:00" is not a time of day`},
		{"yesterday 8pm", `"8pm" is not a time of day`},
		{"2026-13-01 10:00", "is not a date"},
		{"27/11/2026 10:00", "is not a time"},
		{"\x1b[2J", "is not a time"},
	}
	for _, c := range bad {
		_, err := ParseWhen(c.in, now)
		if err == nil || !strings.Contains(err.Error(), c.want) {
			t.Errorf("ParseWhen(%q) error %v, want %q", c.in, err, c.want)
		}
		if err != nil && (strings.ContainsAny(err.Error(), "\x1b\n")) {
			t.Errorf("ParseWhen(%q): unsafe message %q", c.in, err)
		}
	}
}

func TestParseWhenRefusesTheDistantPast(t *testing.T) {
	now := time.Date(2026, 11, 27, 12, 0, 0, 0, time.UTC)
	for _, in := range []string{"1960-01-01 10:00", "0001-01-01 10:00", "1026-11-27 09:00"} {
		if _, err := ParseWhen(in, now); err == nil || !strings.Contains(err.Error(), "years ago") {
			t.Errorf("ParseWhen(%q) = %v, want a refusal", in, err)
		}
	}
	if _, err := ParseWhen("2020-05-01 08:00", now); err != nil {
		t.Errorf("six years ago is refused: %v", err)
	}
}

// A local time the clocks skipped is refused with the nearest times that
// existed, the same way in London (01:00–02:00 skipped) and New York
// (02:00–03:00), where time.Date would move it in opposite directions.
func TestParseWhenRefusesTimesInTheSpringGap(t *testing.T) {
	for _, c := range []struct {
		zone, now, in, want string
	}{
		{"Europe/London", "2026-03-29 12:00", "2026-03-29 01:30",
			"01:30 did not exist on Sun 29 Mar 2026: the clocks went forward from GMT to BST; the nearest times are 00:59 and 02:00"},
		{"Europe/London", "2026-03-29 12:00", "01:00", "the nearest times are 00:59 and 02:00"},
		{"America/New_York", "2026-03-08 12:00", "2026-03-08 02:30",
			"02:30 did not exist on Sun 8 Mar 2026: the clocks went forward from EST to EDT; the nearest times are 01:59 and 03:00"},
		{"America/New_York", "2026-03-09 12:00", "yesterday 02:59", "the nearest times are 01:59 and 03:00"},
	} {
		loc, err := time.LoadLocation(c.zone)
		if err != nil {
			t.Skip(err)
		}
		now, _ := time.ParseInLocation("2006-01-02 15:04", c.now, loc)
		got, err := ParseWhen(c.in, now)
		if err == nil || !strings.Contains(err.Error(), c.want) {
			t.Errorf("%s: ParseWhen(%q) = %v, %v; want %q", c.zone, c.in, got, err, c.want)
		}
	}
	london, _ := time.LoadLocation("Europe/London")
	now := time.Date(2026, 3, 29, 12, 0, 0, 0, london)
	for in, want := range map[string]string{"00:59": "2026-03-29T00:59:00Z", "02:00": "2026-03-29T01:00:00Z"} {
		if got, err := ParseWhen(in, now); err != nil || got.UTC().Format(time.RFC3339) != want {
			t.Errorf("ParseWhen(%q) beside the gap = %v, %v; want %s", in, got, err, want)
		}
	}
}

// The future-time message shows the offset, so a time given in another
// zone is not read as a local one.
func TestFutureTimeMessageShowsTheOffset(t *testing.T) {
	now := time.Date(2026, 11, 27, 9, 30, 0, 0, zoneBerlin)
	_, err := ParseWhen("2026-11-27T12:00:00-05:00", now)
	want := "Fri 27 Nov 2026 12:00 (UTC-05:00) is in the future, it is Fri 27 Nov 2026 09:30 (UTC+01:00) now"
	if err == nil || !strings.Contains(err.Error(), want) {
		t.Errorf("error %v, want %q", err, want)
	}
}
