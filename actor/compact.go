package actor

import (
	"slices"
	"strings"
)

// compact packs, once the dictionary is loaded, the matcher's keys and their interned words into one string each and the pattern indexes
// of its nodes into one slice. The matcher lives as long as the process and the collector marks it at every
// cycle: its ~90,000 keys (each built in its own buffer) and ~30,000 slices of a pattern or two were each an
// object of their own. The keys, the nodes and their patterns are the same, in the same order; a pattern added
// later (matcher.add) appends to a full slice, which copies it first.
func (m *matcher) compact() {
	n := 0
	for i := range m.nodes {
		n += len(m.nodes[i].pats)
	}
	m.keys = packKeys(m.keys)
	m.words = packKeys(m.words) // the interned words, likewise
	m.first = slices.Clone(m.first)
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

// compactEntries moves, once the dictionary is loaded, the strings built for the entries (folded names and
// tokens, codes) into one string, and their folded names, name tokens and aliases into one slice each (the
// entries and their roles were taken from slabs as they were read: slab.go). Like the matcher, the entries
// live as long as the process and the collector visits every object they hold at each cycle: with the
// third-party layer some 34,000 entries, each with its own slices of folded names, tokens and roles and the
// folded names and codes built for it, were some 250,000 objects. The entries, their strings and the order
// of everything are the same; every slice is full (cap = len), so a later append copies it. The strings read
// from the files (ids, names, roles' fields) already lie in one string per file and stay there.
func (d *Dictionary) compactEntries() {
	var size, nSearch, nToks, nAliases int
	for _, e := range d.actors {
		nSearch += len(e.search)
		nToks += len(e.toks)
		nAliases += len(e.Aliases)
	}
	search := make([]string, 0, nSearch)
	toks := make([]string, 0, nToks)
	aliases := make([]string, 0, nAliases)
	full := func(s []string, lo int) []string { return s[lo:len(s):len(s)] }
	for _, e := range d.actors {
		if e.search != nil {
			lo := len(search)
			search = append(search, e.search...)
			e.search = full(search, lo)
		}
		if e.toks != nil {
			lo := len(toks)
			toks = append(toks, e.toks...)
			e.toks = full(toks, lo)
		}
		if e.Aliases != nil {
			lo := len(aliases)
			aliases = append(aliases, e.Aliases...)
			e.Aliases = full(aliases, lo)
		}
	}
	// the built strings, in one order: each entry's code, folded names, tokens and its roles' codes
	each := func(f func(s *string)) {
		for _, e := range d.actors {
			f(&e.Code)
			for k := range e.search {
				f(&e.search[k])
			}
			for k := range e.toks {
				f(&e.toks[k])
			}
			for k := range e.roles {
				f(&e.roles[k].code)
			}
		}
	}
	each(func(s *string) { size += len(*s) })
	buf := make([]byte, 0, size)
	each(func(s *string) { buf = append(buf, *s...) })
	all, at := string(buf), 0
	each(func(s *string) {
		*s = all[at : at+len(*s)]
		at += len(*s)
	})
}

// packKeys returns a map with the same keys and values as m whose keys all lie in one string.
func packKeys(m map[string]int32) map[string]int32 {
	size := 0
	for k := range m {
		size += len(k)
	}
	var b strings.Builder
	b.Grow(size)
	type span struct {
		lo, hi int
		v      int32
	}
	spans := make([]span, 0, len(m))
	for k, v := range m {
		spans = append(spans, span{b.Len(), b.Len() + len(k), v})
		b.WriteString(k)
	}
	all := b.String()
	out := make(map[string]int32, len(spans))
	for _, sp := range spans {
		out[all[sp.lo:sp.hi]] = sp.v
	}
	return out
}
