package geo

import (
	"math/rand/v2"
	"testing"

	"github.com/dyad-events/dyad"
)

// A sentence is read against the mentions that overlap it, found by binary search: for every offset of the
// sentence the mention found there is the one a scan of all the article's mentions finds, nested and
// overlapping mentions included, and mentions out of order are all kept.
func TestOverlappingMentions(t *testing.T) {
	rng := rand.New(rand.NewPCG(13, 13))
	for range 200 {
		var ms []dyad.ActorMention
		for at := 0; at < 400; at += rng.IntN(8) {
			ms = append(ms, dyad.ActorMention{Start: at, End: at + 1 + rng.IntN(30), Actor: dyad.ActorRef{Type: dyad.TypeCountry, Country: string(rune('A' + len(ms)%26))}})
		}
		c := (&Resolver{}).context(&dyad.Article{}, ms)
		if c.msEnd == nil {
			t.Fatal("mentions in order of Start are indexed")
		}
		for range 50 {
			start := rng.IntN(420)
			end := start + 1 + rng.IntN(60)
			sub := c.overlapping(start, end)
			for off := start; off < end; off++ {
				m1, ok1 := mentionAt(ms, off)
				m2, ok2 := mentionAt(sub, off)
				if ok1 != ok2 || m1 != m2 {
					t.Fatalf("[%d,%d) at %d: %v %v, all mentions give %v %v", start, end, off, m2, ok2, m1, ok1)
				}
				if countryAt(ms, off) != countryAt(sub, off) {
					t.Fatalf("[%d,%d) at %d: countryAt differs", start, end, off)
				}
			}
			for _, m := range ms {
				if m.Start < end && m.End > start && !containsMention(sub, m) {
					t.Fatalf("[%d,%d): %v left out", start, end, m)
				}
			}
		}
	}
	unordered := []dyad.ActorMention{{Start: 10, End: 12}, {Start: 2, End: 4}}
	if c := (&Resolver{}).context(&dyad.Article{}, unordered); len(c.overlapping(0, 3)) != 2 {
		t.Error("mentions out of order: all of them are read")
	}
}

func containsMention(ms []dyad.ActorMention, m dyad.ActorMention) bool {
	for _, x := range ms {
		if x == m {
			return true
		}
	}
	return false
}
