// Package text holds the small text helpers every layer of lumbar uses:
// making typed text safe to show (Printable), "did you mean" hints
// (Closest), and counts and figures as sentences write them (Plural,
// Thousands).
//
// It is a leaf: it imports nothing of lumbar's and no terminal library,
// so the data layer and the domain can use it.
package text
