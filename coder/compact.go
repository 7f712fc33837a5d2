package coder

import (
	"encoding/binary"
	"slices"
	"strings"
	"unsafe"
)

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

// compactPatterns moves what the patterns of patterns[from:] hold into a few slices a language, once they are
// all parsed: the patterns themselves, their elements, their walking copies (pattern.left and right), the
// alternatives of each element, the required sets (reqBefore, reqAfter, reqAny) and the names (id). Each
// pattern and each of its slices was an object of its own (some 430,000 for the nine languages' imported
// layers), all of which the collector marks at every cycle for the life of the process; a slice is now a
// window of its language's slab, as long as its capacity (an append copies it out, never into the next
// window). Nothing a pattern reads changes: the same words, in the same order, through the same fields.
// pattern.need is dropped: addPattern has read it (anchor.need).
func (lg *lang) compactPatterns(from int) {
	pts := lg.patterns[from:]
	if len(pts) == 0 {
		return
	}
	// the sizes first, so that every slab is allocated once and the windows handed out never move
	type arr struct {
		p *alt
		n int
	}
	altAt := map[arr]int{} // a slice of alternatives -> its place in the slab of alternatives
	nAlts, nElems, nSides, nReqs, nID := 0, 0, 0, 0, 0
	countAlts := func(as []alt) {
		if len(as) == 0 {
			return
		}
		k := arr{&as[0], len(as)}
		if _, ok := altAt[k]; !ok {
			altAt[k] = nAlts
			nAlts += len(as)
		}
	}
	for _, pt := range pts {
		nElems += len(pt.elems)
		nSides += len(pt.left) + len(pt.right)
		nReqs += len(pt.reqBefore) + len(pt.reqAfter) + len(pt.reqAny)
		nID += len(pt.id)
		for i := range pt.elems {
			countAlts(pt.elems[i].alts)
			countAlts(pt.elems[i].has)
		}
		for _, side := range [][]delem{pt.left, pt.right} {
			for j := range side {
				countAlts(side[j].dalts)
			}
		}
	}
	altSlab := make([]alt, nAlts)
	for k, at := range altAt {
		copy(altSlab[at:at+k.n], unsafe.Slice(k.p, k.n))
	}
	moveAlts := func(as []alt) []alt {
		if len(as) == 0 {
			return as
		}
		at := altAt[arr{&as[0], len(as)}]
		return altSlab[at : at+len(as) : at+len(as)]
	}
	patSlab := make([]pattern, len(pts))
	elemSlab := make([]elem, nElems)
	sideSlab := make([]delem, nSides)
	reqSlab := make([]int32, nReqs)
	var ids strings.Builder
	ids.Grow(nID)
	idAt := make([]int, len(pts))
	for k, pt := range pts {
		idAt[k] = ids.Len()
		ids.WriteString(pt.id)
	}
	allIDs := ids.String()
	ea, sa, ra := 0, 0, 0
	for k, pt := range pts {
		np := &patSlab[k]
		*np = *pt
		np.need = nil
		np.id = allIDs[idAt[k] : idAt[k]+len(pt.id)]
		// elements
		els := elemSlab[ea : ea+len(pt.elems) : ea+len(pt.elems)]
		ea += len(pt.elems)
		copy(els, pt.elems)
		for i := range els {
			els[i].alts = moveAlts(els[i].alts)
			els[i].has = moveAlts(els[i].has)
		}
		np.elems = els
		// the walking copies: each delem points at its element, now in els
		moveSide := func(side []delem) []delem {
			out := sideSlab[sa : sa+len(side) : sa+len(side)]
			sa += len(side)
			copy(out, side)
			for j := range out {
				out[j].dalts = moveAlts(out[j].dalts)
				if i := elemIndexIn(pt.elems, out[j].elem); i >= 0 {
					out[j].elem = &els[i]
				}
			}
			return out
		}
		np.left = moveSide(pt.left)
		np.right = moveSide(pt.right)
		moveReq := func(r []int32) []int32 {
			if r == nil {
				return nil
			}
			out := reqSlab[ra : ra+len(r) : ra+len(r)]
			ra += len(r)
			copy(out, r)
			return out
		}
		np.reqBefore = moveReq(pt.reqBefore)
		np.reqAfter = moveReq(pt.reqAfter)
		np.reqAny = moveReq(pt.reqAny)
		pts[k] = np
	}
	lg.nameSides(pts)
	// the set index's cache by slice held the old slices of alternatives: its sets are found by content
	lg.elems.bySlice = nil
	// the triggers' words: their look-up is needed only while patterns load, their slack never
	lg.litAt = nil
	lg.lits = slices.Clip(lg.lits)
	lg.litText = slices.Clip(lg.litText)
	lg.compactEntries()
}

// elemIndexIn returns the index of the element e points at in els, -1 when it is not one of them.
func elemIndexIn(els []elem, e *elem) int {
	if len(els) == 0 || e == nil {
		return -1
	}
	d := uintptr(unsafe.Pointer(e)) - uintptr(unsafe.Pointer(&els[0]))
	if i := d / unsafe.Sizeof(elem{}); uintptr(unsafe.Pointer(e)) >= uintptr(unsafe.Pointer(&els[0])) && i < uintptr(len(els)) && d%unsafe.Sizeof(elem{}) == 0 {
		return int(i)
	}
	return -1
}

// compactEntries moves every word entry (lang.anchors, lang.stems), their anchors and element sets, and the
// anchors of every prefix into slabs a language, the slices windows as long as their capacity.
func (lg *lang) compactEntries() {
	lg.dropWords()
	nAn, nEl := 0, 0
	for _, m := range []map[string]*wordEntry{lg.anchors, lg.stems} {
		for _, e := range m {
			nAn += len(e.anchors)
			nEl += len(e.elems)
		}
	}
	for _, l := range lg.prefixes {
		nAn += len(l)
	}
	anSlab := make([]anchor, nAn)
	elSlab := make([]int32, nEl)
	entries := make([]wordEntry, len(lg.anchors)+len(lg.stems)) // the entries themselves, one object
	a, b, n := 0, 0, 0
	for _, m := range []map[string]*wordEntry{lg.anchors, lg.stems} {
		for k, e := range m {
			entries[n] = *e
			e = &entries[n]
			n++
			m[k] = e
			if e.anchors != nil {
				w := anSlab[a : a+len(e.anchors) : a+len(e.anchors)]
				a += copy(w, e.anchors)
				e.anchors = w
			}
			if e.elems != nil {
				w := elSlab[b : b+len(e.elems) : b+len(e.elems)]
				b += copy(w, e.elems)
				e.elems = w
			}
		}
	}
	for k, l := range lg.prefixes {
		w := anSlab[a : a+len(l) : a+len(l)]
		a += copy(w, l)
		lg.prefixes[k] = w
	}
}

// flatLit returns where the words of alternative a lie in lang.lits, adding them when they are new.
func (lg *lang) flatLit(a alt) uint32 {
	var b strings.Builder
	for _, t := range a {
		switch {
		case t.stem:
			b.WriteByte('~')
		case t.prefix:
			b.WriteByte('*')
		default:
			b.WriteByte('=')
		}
		b.WriteString(t.text)
		b.WriteByte(0)
	}
	key := b.String()
	if at, ok := lg.litAt[key]; ok {
		return at
	}
	if lg.litAt == nil {
		lg.litAt = map[string]uint32{}
	}
	at := uint32(len(lg.lits))
	for _, t := range a {
		lg.lits = append(lg.lits, flatTok{at: uint32(len(lg.litText)), n: uint16(len(t.text)), prefix: t.prefix, stem: t.stem})
		lg.litText = append(lg.litText, t.text...)
	}
	lg.litAt[key] = at
	return at
}

// nameSides gives the walking copies of pts (pattern.right, pattern.left) their names by content: the same
// elements, in the same order, with the same words, slack and marks, the same name within pts; a name is
// never reused for other content (names count on from the language's earlier calls).
func (lg *lang) nameSides(pts []*pattern) {
	ids := map[string]int32{}
	var b []byte
	name := func(side []delem) int32 {
		b = sideKey(b[:0], side)
		if id, ok := ids[string(b)]; ok {
			return id
		}
		lg.sideIDs++
		ids[string(b)] = lg.sideIDs
		return lg.sideIDs
	}
	for _, pt := range pts {
		pt.rightID = name(pt.right)
		pt.leftID = name(pt.left)
	}
}

// sideKey appends to b the content of a walking copy: every field of each delem and of its elem, which is
// all a walk reads of the pattern's side (TestSideKeyFields checks that no field is added unseen).
func sideKey(b []byte, side []delem) []byte {
	num := func(n int) { b = binary.AppendVarint(b, int64(n)) }
	flag := func(f bool) {
		if f {
			b = append(b, 1)
		} else {
			b = append(b, 0)
		}
	}
	str := func(t string) {
		num(len(t))
		b = append(b, t...)
	}
	alts := func(as []alt) {
		if as == nil {
			num(-1)
			return
		}
		num(len(as))
		for _, a := range as {
			num(len(a))
			for _, t := range a {
				str(t.text)
				flag(t.prefix)
				flag(t.stem)
			}
		}
	}
	num(len(side))
	for i := range side {
		d := &side[i]
		e := d.elem
		alts(e.alts)
		alts(e.has)
		if e.sectors == nil {
			num(-1)
		} else {
			num(len(e.sectors))
			for _, sc := range e.sectors {
				str(sc)
			}
		}
		num(e.max)
		b = append(b, e.kind, e.slot)
		flag(e.optional)
		flag(e.tight)
		flag(e.verb)
		flag(e.poss)
		flag(e.bare)
		alts(d.dalts)
		num(d.slack)
		flag(d.obj)
		flag(d.mid)
	}
	return b
}
