package stretch

import (
	"strings"
	"testing"
	"time"

	"github.com/charmbracelet/lipgloss"
)

func TestBigTextIsAtLeastFiveRowsAndScales(t *testing.T) {
	for _, tc := range []struct {
		text         string
		scale        int
		rows, widest int
	}{
		{"7", 1, 5, 6},
		{"1:20", 1, 5, 6 + 2 + 2 + 2 + 6 + 2 + 6},
		{"45", 2, 10, 2 * (6 + 2 + 6)},
		{"10:00", 3, 15, 3 * (4*6 + 2 + 4*2)},
	} {
		big := bigText(tc.text, tc.scale)
		if rows := strings.Count(big, "\n") + 1; rows != tc.rows || lipgloss.Width(big) != tc.widest {
			t.Errorf("%q ×%d: %d rows, %d wide; want %d, %d\n%s", tc.text, tc.scale, rows, lipgloss.Width(big), tc.rows, tc.widest, big)
		}
	}
}

func TestCountdownText(t *testing.T) {
	for d, want := range map[time.Duration]string{
		30 * time.Second:        "30",
		29*time.Second + 1:      "30", // a countdown rounds up
		200 * time.Millisecond:  "1",
		0:                       "0",
		60 * time.Second:        "1:00",
		80*time.Second + 500000: "1:21",
	} {
		if got := countdownText(d); got != want {
			t.Errorf("countdownText(%v) = %q, want %q", d, got, want)
		}
	}
}

func TestDigitScaleGrowsWithTheWindow(t *testing.T) {
	for _, tc := range []struct{ width, height, want int }{
		{79, 21, 1}, {120, 37, 2}, {99, 50, 1}, {200, 57, 3},
	} {
		if got := digitScale(tc.width, tc.height); got != tc.want {
			t.Errorf("%dx%d: scale %d, want %d", tc.width, tc.height, got, tc.want)
		}
	}
}
