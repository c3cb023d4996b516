package store

import (
	"bytes"
	"math/rand/v2"
	"slices"
	"testing"
)

// TestShortIDsOfARunMatchEveryKeyCompared checks ShortIDs and ShortID
// against the definition itself, each key compared with every other,
// over random keys in the record buckets: clusters sharing up to 31
// digits, the first and last keys there can be, a bucket left empty, and
// keys asked about oldest first (every one, or every few, as a filtered
// list asks), newest first, at random, twice in a row, or not in the
// file at all.
func TestShortIDsOfARunMatchEveryKeyCompared(t *testing.T) {
	for _, empty := range []Bucket{"", BucketChecks, BucketPain} {
		t.Run("empty "+string(empty), func(t *testing.T) {
			rng := rand.New(rand.NewPCG(7, uint64(len(empty))))
			keys := crowdedKeys(rng)
			s := openTemp(t)
			putRawKeys(t, s, keys, empty, rng)
			absent := crowdedKeys(rng)[:200]
			asked := map[string][]Key{
				"all oldest first": keys,
				"every few":        everyFew(keys, rng),
				"newest first":     reversed(keys),
				"at random":        shuffled(keys, rng),
				"twice in a row":   twice(keys[:300]),
				"absent":           sortedKeys(absent),
				"mixed":            sortedKeys(append(absent, everyFew(keys, rng)...)),
			}
			_ = s.View(func(tx *Tx) error {
				for name, run := range asked {
					ids := NewShortIDs(tx)
					for _, k := range run {
						want := shortIDComparingAll(keys, k)
						if got := ids.Of(k); got != want {
							t.Fatalf("%s: ShortIDs.Of(%s) = %s, want %s", name, k, got, want)
						}
						if got := ShortID(tx, k); got != want {
							t.Fatalf("%s: ShortID(%s) = %s, want %s", name, k, got, want)
						}
					}
				}
				return nil
			})
		})
	}
}

// shortIDComparingAll is k's short ID by the definition: one digit more
// than it shares with the other key sharing the most.
func shortIDComparingAll(all []Key, k Key) string {
	shared := 0
	for _, other := range all {
		if other != k {
			shared = max(shared, sharedHexDigits(k[:], other[:]))
		}
	}
	return k.ID()[:min(max(MinShortID, shared+1), 2*KeySize)]
}

// crowdedKeys is a few thousand distinct keys, sorted: scattered ones,
// clusters around a few keys differing from them at every digit, and
// the first and last keys there can be.
func crowdedKeys(rng *rand.Rand) []Key {
	var first, last Key
	for i := range last {
		last[i] = 0xff
	}
	seen := map[Key]bool{first: true, last: true}
	for range 1500 {
		seen[randomKey(rng)] = true
	}
	for range 40 {
		base := randomKey(rng)
		for digit := range 2 * KeySize {
			k := base
			k[digit/2] ^= byte(1+rng.IntN(15)) << (4 * (1 - digit%2))
			seen[k] = true
		}
		seen[base] = true
	}
	return sortedKeys(slices.Collect(func(yield func(Key) bool) {
		for k := range seen {
			if !yield(k) {
				return
			}
		}
	}))
}

func randomKey(rng *rand.Rand) Key {
	var k Key
	for i := range k {
		k[i] = byte(rng.UintN(256))
	}
	return k
}

// putRawKeys shares the keys out at random among the record buckets but
// empty. Short IDs read keys only, so the values are placeholders.
func putRawKeys(t *testing.T, s *Store, keys []Key, empty Bucket, rng *rand.Rand) {
	t.Helper()
	var into []Bucket
	for _, kind := range recordKinds {
		if kind.Bucket() != empty {
			into = append(into, kind.Bucket())
		}
	}
	err := s.Update(func(tx *Tx) error {
		for _, k := range keys {
			bk, err := tx.bucket(into[rng.IntN(len(into))])
			if err != nil {
				return err
			}
			if err := bk.Put(k[:], []byte("{}")); err != nil {
				return err
			}
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
}

func sortedKeys(keys []Key) []Key {
	slices.SortFunc(keys, func(a, b Key) int { return bytes.Compare(a[:], b[:]) })
	return keys
}

// everyFew is keys in order with random gaps, some longer than maxSteps.
func everyFew(keys []Key, rng *rand.Rand) []Key {
	var some []Key
	for i := 0; i < len(keys); i += 1 + rng.IntN(3*maxSteps) {
		some = append(some, keys[i])
	}
	return some
}

func reversed(keys []Key) []Key {
	r := slices.Clone(keys)
	slices.Reverse(r)
	return r
}

func shuffled(keys []Key, rng *rand.Rand) []Key {
	r := slices.Clone(keys)
	rng.Shuffle(len(r), func(i, j int) { r[i], r[j] = r[j], r[i] })
	return r
}

func twice(keys []Key) []Key {
	var r []Key
	for _, k := range keys {
		r = append(r, k, k)
	}
	return r
}
