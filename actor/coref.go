package actor

import "github.com/dyad-events/dyad"

// corefUpTo looks at the tokens from corefAt to p, which no match covers, for later short names of people
// named earlier ("Wang", "Son", "Bình").
func (r *resolver) corefUpTo(p int) {
	for q := r.corefAt; q < p; q++ {
		t := r.toks[q]
		if !t.word || !t.cap || t.han || r.d.noCoref[t.fold] {
			continue
		}
		who, ok := r.coref[t.fold]
		if !ok {
			continue
		}
		// "Wang" followed by another unknown capitalised word is someone else's name.
		// A capitalised word before it counts too, unless that word starts a sentence ("Yesterday Wang").
		if r.strangerNext(q+1, who) || (r.strangerNext(q-1, who) && q >= 2 && r.toks[q-2].word) {
			continue
		}
		via := "coref"
		if t.camel {
			via = "camel"
		}
		var ref dyad.ActorRef
		if who <= -2 {
			ref = r.out[-2-who].Actor
		} else if last, ok := r.last[who]; ok {
			ref = last // the role the earlier mention resolved to
		} else {
			ref = r.ref(who, -1)
		}
		r.out = append(r.out, dyad.ActorMention{Start: t.start, End: t.end, Text: r.a.Text[t.start:t.end], Actor: ref, Via: via})
	}
	if p > r.corefAt {
		r.corefAt = p
	}
}

func (r *resolver) strangerNext(q int, who int32) bool {
	if q < r.corefAt-1 || q < 0 || q >= len(r.toks) {
		return false
	}
	t := r.toks[q]
	if !t.word || !t.cap || t.han || r.d.noCoref[t.fold] {
		return false
	}
	if w, ok := r.coref[t.fold]; ok && w == who {
		return false
	}
	return !r.covered(q)
}

// covered reports whether a match covers token q.
func (r *resolver) covered(q int) bool {
	return r.itemAt(q) >= 0
}

// itemAt returns the index of the item covering token q, or -1.
func (r *resolver) itemAt(q int) int {
	// items are sorted and disjoint: find the last item starting at or before q
	lo, hi := 0, len(r.items)
	for lo < hi {
		m := (lo + hi) / 2
		if r.items[m].i <= q {
			lo = m + 1
		} else {
			hi = m
		}
	}
	if lo > 0 && q < r.items[lo-1].j {
		return lo - 1
	}
	return -1
}
