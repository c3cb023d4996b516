package text

import "strings"

// Closest is the candidate nearest to word (case-insensitive edit
// distance), for "did you mean …?" hints. ok is false when nothing is
// close enough to be a plausible typo.
func Closest(word string, candidates []string) (best string, ok bool) {
	word = strings.ToLower(word)
	bestDist := -1
	for _, c := range candidates {
		d := editDistance(word, strings.ToLower(c))
		if bestDist < 0 || d < bestDist {
			best, bestDist = c, d
		}
	}
	// A typo changes a few letters; beyond a third of the word it is
	// a different word.
	limit := max(2, len([]rune(word))/3)
	return best, bestDist >= 0 && bestDist <= limit
}

// editDistance is the Levenshtein distance between a and b, in runes.
func editDistance(a, b string) int {
	ra, rb := []rune(a), []rune(b)
	prev := make([]int, len(rb)+1)
	cur := make([]int, len(rb)+1)
	for j := range prev {
		prev[j] = j
	}
	for i := 1; i <= len(ra); i++ {
		cur[0] = i
		for j := 1; j <= len(rb); j++ {
			cost := 1
			if ra[i-1] == rb[j-1] {
				cost = 0
			}
			cur[j] = min(prev[j]+1, cur[j-1]+1, prev[j-1]+cost)
		}
		prev, cur = cur, prev
	}
	return prev[len(rb)]
}
