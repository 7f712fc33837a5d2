package coder

import "unsafe"

// compactAlts moves the words of the alternatives of patterns[from:] (each alternative a slice of its own,
// some 130,000 for the imported layer of one language) into one slice, and points each alternative at its
// place there. Patterns live as long as the process and the collector marks every object they hold at every
// cycle. An alternative keeps its words and their order; alternatives that were one slice stay one. Words
// already moved by an earlier call (the patterns parsed at load, when ensure parses the imported ones) are
// left where they are, so that ensure writes nothing a pattern parsed before it reads.
func (lg *lang) compactAlts(from int) {
	type slot struct {
		arr []alt
		k   int
	}
	type span struct{ lo, hi int }
	type words struct {
		p *tokMatch
		n int
	}
	seen := map[sliceKey]bool{}
	at := map[words]span{} // an alternative's words -> their place in the new slice
	var slots []slot
	n := 0
	visit := func(arr []alt) {
		if len(arr) == 0 || seen[sliceKey{&arr[0], len(arr)}] {
			return
		}
		seen[sliceKey{&arr[0], len(arr)}] = true
		for k, a := range arr {
			if len(a) == 0 || lg.inArena(a) {
				continue
			}
			key := words{&a[0], len(a)}
			if _, ok := at[key]; !ok {
				at[key] = span{n, n + len(a)}
				n += len(a)
			}
			slots = append(slots, slot{arr, k})
		}
	}
	for _, pt := range lg.patterns[from:] {
		for i := range pt.elems {
			visit(pt.elems[i].alts)
			visit(pt.elems[i].has)
		}
		for j := range pt.left {
			visit(pt.left[j].dalts)
		}
	}
	if n == 0 {
		return
	}
	arena := make([]tokMatch, n)
	for _, s := range slots {
		a := s.arr[s.k]
		sp := at[words{&a[0], len(a)}]
		copy(arena[sp.lo:sp.hi], a)
		s.arr[s.k] = arena[sp.lo:sp.hi:sp.hi]
	}
	lg.arenas = append(lg.arenas, arenaBounds{uintptr(unsafe.Pointer(&arena[0])), uintptr(len(arena)) * unsafe.Sizeof(tokMatch{})})
}

// arenaBounds is where a slice of compactAlts lies in memory (no pointer: the slice itself is held by the
// alternatives that point into it).
type arenaBounds struct{ at, size uintptr }

// inArena reports whether an alternative's words already lie in a slice of compactAlts.
func (lg *lang) inArena(a alt) bool {
	p := uintptr(unsafe.Pointer(&a[0]))
	for _, b := range lg.arenas {
		if p >= b.at && p < b.at+b.size {
			return true
		}
	}
	return false
}
