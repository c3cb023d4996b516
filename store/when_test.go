package store

import (
	"strings"
	"testing"
	"time"

	"lumbar/store/diary"
)

// A record before 1970 would get a key that sorts after today's.
func TestInsertRefusesTimesKeysCannotHold(t *testing.T) {
	s := openTemp(t)
	for _, at := range []time.Time{time.Date(1960, 1, 1, 0, 0, 0, 0, time.UTC), time.Date(1, 1, 1, 0, 0, 0, 0, time.UTC)} {
		_, err := Pain.Append(s, diary.PainEntry{Stamp: diary.StampAt(at), Pain: 3})
		if err == nil || !strings.Contains(err.Error(), "1970 to 2261") {
			t.Errorf("Append at %v = %v, want a refusal", at, err)
		}
	}
}
