package content

import (
	"regexp"
	"strings"
)

// BurntSushi/toml reports the line of a syntax error, but once a file has
// parsed it keeps one position per key path, and for arrays of tables
// ([[routine.step]]) that is the path's last occurrence in the file. So the
// lines of semantic errors ("unknown stretch" in the third step) come from
// this small scan of a file already known to be valid TOML.

// tableLines is where one table of the file starts and where its keys are.
type tableLines struct {
	header string         // "routine.step"; "" for the top of the file
	line   int            // the header's line (1-based); 0 if not located
	keys   map[string]int // key → line
}

// lineOf is the line of key in the table, or the table's own line.
func (t tableLines) lineOf(key string) int {
	if line, ok := t.keys[key]; ok {
		return line
	}
	return t.line
}

var (
	headerLine = regexp.MustCompile(`^\s*\[\[?\s*([^\[\]]+?)\s*\]\]?`)
	keyLine    = regexp.MustCompile(`^\s*([A-Za-z0-9_-]+|"[^"]*"|'[^']*')\s*=`)
)

// scanTables lists the file's tables in order, the top of the file first.
func scanTables(src string) []tableLines {
	tables := []tableLines{{keys: map[string]int{}}}
	var closing string // the delimiter that ends the multi-line string we are in
	for i, line := range strings.Split(src, "\n") {
		if closing != "" {
			if strings.Contains(line, closing) {
				closing = ""
			}
			continue
		}
		if m := headerLine.FindStringSubmatch(line); m != nil {
			tables = append(tables, tableLines{header: m[1], line: i + 1, keys: map[string]int{}})
			continue
		}
		if m := keyLine.FindStringSubmatch(line); m != nil {
			key := strings.Trim(m[1], `"'`)
			if _, seen := tables[len(tables)-1].keys[key]; !seen {
				tables[len(tables)-1].keys[key] = i + 1
			}
		}
		for _, delim := range []string{`'''`, `"""`} {
			if strings.Count(line, delim)%2 == 1 {
				closing = delim
			}
		}
	}
	return tables
}

// named is the tables with the given header, in file order.
func named(tables []tableLines, header string) []tableLines {
	var out []tableLines
	for _, t := range tables {
		if t.header == header {
			out = append(out, t)
		}
	}
	return out
}

// within is the tables that lie after parent and before the next table
// with parent's header: the [[routine.step]]s of one [[routine]].
func within(tables []tableLines, parent tableLines, header string) []tableLines {
	var out []tableLines
	inside := false
	for _, t := range tables {
		switch {
		case t.line == parent.line && t.header == parent.header:
			inside = true
		case t.header == parent.header:
			inside = false
		case inside && t.header == header:
			out = append(out, t)
		}
	}
	return out
}

// nth is the i-th table of a list, or an unlocated one when the file wrote
// its tables inline and the scan found fewer.
func nth(tables []tableLines, i int, fallback tableLines) tableLines {
	if i < len(tables) {
		return tables[i]
	}
	return fallback
}
