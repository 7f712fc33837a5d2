package coder

import (
	"strings"
	"sync"
)

// The element index: which patterns can match a sentence at all.
//
// Each required word of a pattern (a literal element that is not optional, not the possessive 's and not
// the trigger) is an element set: its alternatives, shared by every pattern that writes the same ones (a
// word set used by a thousand imported patterns is one set). Every set is indexed by one token of each of
// its alternatives: a word, a Snowball stem or a prefix. A sentence marks the sets that its tokens can
// meet (markElems), and a pattern is tried at its trigger only when every set it requires is marked: the
// test that the pattern's words are all in the sentence, in any order, which matching itself cannot pass
// without. The work per sentence is the index lookups of its tokens plus the patterns whose trigger and
// words it holds, instead of every pattern whose trigger it holds.

// elemIndex holds a language's element sets.
type elemIndex struct {
	byKey   map[string]int32   // canonical content of a set -> its id
	bySlice map[sliceKey]int32 // a shared word set's backing array -> its id (no key built twice)
	prefix  map[string][]int32 // folded prefix -> sets (words and stems: lang.anchors and lang.stems)
	preLens []int              // byte lengths of the prefixes in prefix
	n       int32              // sets so far
	size    []int32            // each set's number of alternatives (the fewer, the rarer in text)
	marks   sync.Pool          // *elemMarks scratch, one per Code call
}

type sliceKey struct {
	p *alt
	n int
}

// elemMarks records which sets the current sentence holds and the first and last unit where each is held:
// one record a set, so that a test reads one place.
type elemMarks struct {
	at  []setMark
	gen uint32
	// ents is sentence.candidates' scratch: each unit's word and stem entries
	ents [][2]*wordEntry
}

// setMark is a set's record in elemMarks: held in the current sentence when gen is elemMarks.gen, first and
// last the units where it is held.
type setMark struct {
	gen         uint32
	first, last int32
}

func newElemIndex() *elemIndex {
	return &elemIndex{byKey: map[string]int32{}, bySlice: map[sliceKey]int32{}, prefix: map[string][]int32{}}
}

// wordEntry is what one word (or stem) of a sentence leads to: the anchors it triggers and the element
// sets it holds.
type wordEntry struct {
	anchors []anchor
	elems   []int32
}

func entryOf(m map[string]*wordEntry, k string) *wordEntry {
	e := m[k]
	if e == nil {
		e = &wordEntry{}
		m[k] = e
	}
	return e
}

// require returns the set id of a literal's alternatives, adding the set when it is new; -1 when a
// sentence cannot be checked for it (an alternative whose tokens are all empty).
func (lg *lang) require(alts []alt) int32 {
	x := lg.elems
	if len(alts) == 0 {
		return -1
	}
	if x.byKey == nil {
		// dropped once the language's patterns were all added (lang.ensure): a pattern added later only
		// rebuilds them
		x.byKey, x.bySlice = map[string]int32{}, map[sliceKey]int32{}
	} else if x.bySlice == nil {
		x.bySlice = map[sliceKey]int32{} // dropped by compactPatterns, which moved the slices it was keyed by
	}
	sk := sliceKey{&alts[0], len(alts)}
	if id, ok := x.bySlice[sk]; ok {
		return id
	}
	var b strings.Builder
	keys := make([]tokMatch, len(alts))
	for i, a := range alts {
		if len(a) == 0 {
			return -1
		}
		k := 0 // the longest token: "a meeting" is looked for as "meeting"
		for j, t := range a {
			if len(t.text) > len(a[k].text) {
				k = j
			}
		}
		if a[k].text == "" {
			return -1
		}
		keys[i] = a[k]
		switch {
		case a[k].stem:
			b.WriteByte('~')
		case a[k].prefix:
			b.WriteByte('*')
		default:
			b.WriteByte('=')
		}
		b.WriteString(a[k].text)
		b.WriteByte(0)
	}
	key := b.String()
	id, ok := x.byKey[key]
	if !ok {
		id = x.n
		x.n++
		x.byKey[key] = id
		x.size = append(x.size, int32(len(alts)))
		for _, t := range keys {
			var e *wordEntry
			switch {
			case t.stem:
				e = entryOf(lg.stems, t.text)
			case t.prefix:
				if _, seen := x.prefix[t.text]; !seen {
					x.addPreLen(len(t.text))
					lg.preStarts.add(t.text)
				}
				if l := x.prefix[t.text]; len(l) == 0 || l[len(l)-1] != id {
					x.prefix[t.text] = append(l, id)
				}
				continue
			default:
				e = entryOf(lg.anchors, t.text)
			}
			if l := e.elems; len(l) == 0 || l[len(l)-1] != id {
				e.elems = append(l, id)
			}
		}
	}
	x.bySlice[sk] = id
	return id
}

func (x *elemIndex) addPreLen(n int) {
	for _, k := range x.preLens {
		if k == n {
			return
		}
	}
	x.preLens = append(x.preLens, n)
}

// holds reports whether the sentence holds every element set of pattern pt where the pattern, triggered at
// unit i, can read it: a word written after the trigger after unit i, one written before it before unit i
// (matching reads the words after the trigger forwards from its end, those before it backwards from its
// start), one of reqAny anywhere.
func (m *elemMarks) holds(pt *pattern, i int) bool {
	for _, id := range pt.reqAfter {
		if r := m.at[id]; r.gen != m.gen || int(r.last) <= i {
			return false
		}
	}
	for _, id := range pt.reqBefore {
		if r := m.at[id]; r.gen != m.gen || int(r.first) >= i {
			return false
		}
	}
	for _, id := range pt.reqAny {
		if m.at[id].gen != m.gen {
			return false
		}
	}
	return true
}

// keyHolds is holds for the sets an anchor carries (anchor.key): false when one of them is not held on its
// side of unit i, so that the pattern cannot match there. It reads the anchor alone, not the pattern.
func (m *elemMarks) keyHolds(an *anchor, i int) bool {
	for k := range an.nkey {
		r := m.at[an.key[k]]
		if r.gen != m.gen {
			return false
		}
		switch an.side[k] {
		case sideAfter:
			if int(r.last) <= i {
				return false
			}
		case sideBefore:
			if int(r.first) >= i {
				return false
			}
		}
	}
	return true
}

// next starts a sentence: no set is marked.
func (m *elemMarks) next(n int32) {
	if len(m.at) < int(n) {
		m.at = make([]setMark, n)
		m.gen = 0
	}
	m.gen++
}

// set marks the sets held at unit i; units come in order.
func (m *elemMarks) set(ids []int32, i int) {
	for _, id := range ids {
		r := &m.at[id]
		if r.gen != m.gen {
			r.gen = m.gen
			r.first = int32(i)
		}
		r.last = int32(i)
	}
}

// sides of a required set in anchor.key
const (
	sideAny uint8 = iota
	sideAfter
	sideBefore
)

// setKey gives an anchor of pattern pt the pattern's two rarest required sets (the fewest alternatives) with
// their sides, and whether the pattern requires more (which holds then checks).
func (x *elemIndex) setKey(an *anchor, pt *pattern) {
	add := func(ids []int32, side uint8) {
		for _, id := range ids {
			k := int(an.nkey)
			if k == len(an.key) {
				// full: keep the rarer ones
				worst := 0
				for j := 1; j < k; j++ {
					if x.size[an.key[j]] > x.size[an.key[worst]] {
						worst = j
					}
				}
				an.more = true
				if x.size[id] >= x.size[an.key[worst]] {
					continue
				}
				k = worst
			} else {
				an.nkey++
			}
			an.key[k], an.side[k] = id, side
		}
	}
	add(pt.reqAfter, sideAfter)
	add(pt.reqBefore, sideBefore)
	add(pt.reqAny, sideAny)
}

// starts is a set of the first two bytes of prefixes (lang.preStarts): a word whose first two bytes begin
// none of them, when every prefix has two bytes or more, begins with no prefix, and its prefix look-ups (a
// map look-up for each length of prefix in use: 14 in English, 22 in French) are skipped.
type starts struct {
	bits  [1 << 16 / 64]uint64
	short bool // a prefix of fewer than two bytes: every word may begin with one
}

func (st *starts) add(p string) {
	if len(p) < 2 {
		st.short = true
		return
	}
	k := uint16(p[0])<<8 | uint16(p[1])
	st.bits[k>>6] |= 1 << (k & 63)
}

// may reports whether w may begin with a prefix of the set.
func (st *starts) may(w string) bool {
	if st.short {
		return true
	}
	if len(w) < 2 {
		return false
	}
	k := uint16(w[0])<<8 | uint16(w[1])
	return st.bits[k>>6]&(1<<(k&63)) != 0
}
