package stretch

import "strings"

// glyphs is a block font for the countdown, 5 rows tall and 6 columns
// wide (the colon 2), drawn to be read from a mat a couple of metres away.
var glyphs = map[rune][5]string{
	'0': {"██████", "██  ██", "██  ██", "██  ██", "██████"},
	'1': {"  ██  ", "████  ", "  ██  ", "  ██  ", "██████"},
	'2': {"██████", "    ██", "██████", "██    ", "██████"},
	'3': {"██████", "    ██", "██████", "    ██", "██████"},
	'4': {"██  ██", "██  ██", "██████", "    ██", "    ██"},
	'5': {"██████", "██    ", "██████", "    ██", "██████"},
	'6': {"██████", "██    ", "██████", "██  ██", "██████"},
	'7': {"██████", "    ██", "   ██ ", "  ██  ", "  ██  "},
	'8': {"██████", "██  ██", "██████", "██  ██", "██████"},
	'9': {"██████", "██  ██", "██████", "    ██", "██████"},
	':': {"  ", "██", "  ", "██", "  "},
}

// glyphRows is the font's height.
const glyphRows = 5

// bigText draws digits and colons in the block font, each cell scale
// times wider and taller, glyphs two cells apart. Other runes are left out.
func bigText(s string, scale int) string {
	scale = max(1, scale)
	rows := make([]string, 0, glyphRows*scale)
	for r := range glyphRows {
		var line strings.Builder
		for i, c := range s {
			g, ok := glyphs[c]
			if !ok {
				continue
			}
			if i > 0 {
				line.WriteString(strings.Repeat(" ", 2*scale))
			}
			for _, cell := range g[r] {
				line.WriteString(strings.Repeat(string(cell), scale))
			}
		}
		for range scale {
			rows = append(rows, line.String())
		}
	}
	return strings.Join(rows, "\n")
}
