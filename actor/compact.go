package actor

import "strings"

// compact packs, once the dictionary is loaded, the matcher's keys into one string and the pattern indexes
// of its nodes into one slice. The matcher lives as long as the process and the collector marks it at every
// cycle: its ~90,000 keys (each built in its own buffer) and ~30,000 slices of a pattern or two were each an
// object of their own. The keys, the nodes and their patterns are the same, in the same order; a pattern added
// later (matcher.add) appends to a full slice, which copies it first.
func (m *matcher) compact() {
	size, n := 0, 0
	for k := range m.keys {
		size += len(k)
	}
	for i := range m.nodes {
		n += len(m.nodes[i].pats)
	}
	var b strings.Builder
	b.Grow(size)
	type span struct {
		lo, hi int
		node   int32
	}
	spans := make([]span, 0, len(m.keys))
	for k, nd := range m.keys {
		spans = append(spans, span{b.Len(), b.Len() + len(k), nd})
		b.WriteString(k)
	}
	all := b.String()
	keys := make(map[string]int32, len(spans))
	for _, sp := range spans {
		keys[all[sp.lo:sp.hi]] = sp.node
	}
	m.keys = keys
	pats := make([]int32, 0, n)
	for i := range m.nodes {
		nd := &m.nodes[i]
		if len(nd.pats) == 0 {
			continue
		}
		lo := len(pats)
		pats = append(pats, nd.pats...)
		nd.pats = pats[lo:len(pats):len(pats)]
	}
}
