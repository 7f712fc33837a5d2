package actor

import (
	"slices"
	"strings"

	"github.com/dyad-events/dyad"
)

// compact packs, once the dictionary is loaded, the matcher's keys and their interned words into one string each and the pattern indexes
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
	// the interned words, likewise, into one string
	size = 0
	for w := range m.words {
		size += len(w)
	}
	var wb strings.Builder
	wb.Grow(size)
	wspans := make([]span, 0, len(m.words))
	for w, id := range m.words {
		wspans = append(wspans, span{wb.Len(), wb.Len() + len(w), id})
		wb.WriteString(w)
	}
	allWords := wb.String()
	words := make(map[string]int32, len(wspans))
	for _, sp := range wspans {
		words[allWords[sp.lo:sp.hi]] = sp.node
	}
	m.words = words
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

// compactEntries moves, once the dictionary is loaded, the entries into one slice, the strings they hold into
// one string (each distinct string once), and their folded names, name tokens, aliases and roles into one
// slice each. Like the matcher, the entries live as long as the process and the collector visits every
// object they hold at each cycle: about 34,000 entries, each with its own slices of folded names, tokens and
// roles and the folded names and codes built for it, some 230,000 objects with the third-party layer. The
// entries, their strings and the order of everything are the same; every slice is full (cap = len), so a
// later append copies it.
func (d *Dictionary) compactEntries() {
	var size, nSearch, nToks, nAliases, nRoles int
	seen := make(map[string]string)
	var strs []*string
	note := func(s *string) {
		if _, ok := seen[*s]; !ok {
			seen[*s] = ""
			size += len(*s)
		}
		strs = append(strs, s)
	}
	entries := make([]entry, len(d.actors))
	for i, e := range d.actors {
		entries[i] = *e
		d.actors[i] = &entries[i]
		nSearch += len(e.search)
		nToks += len(e.toks)
		nAliases += len(e.Aliases)
		nRoles += len(e.roles)
	}
	search := make([]string, 0, nSearch)
	toks := make([]string, 0, nToks)
	aliases := make([]string, 0, nAliases)
	roles := make([]role, 0, nRoles)
	dRoles := make([]dyad.Role, 0, nRoles)
	full := func(s []string, lo int) []string { return s[lo:len(s):len(s)] }
	for i := range entries {
		e := &entries[i]
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
		if e.roles != nil {
			lo := len(roles)
			roles = append(roles, e.roles...)
			e.roles = roles[lo:len(roles):len(roles)]
		}
		if e.Roles != nil {
			lo := len(dRoles)
			dRoles = append(dRoles, e.Roles...)
			e.Roles = dRoles[lo:len(dRoles):len(dRoles)]
		}
		for _, s := range []*string{&e.ID, &e.Name, &e.Type, &e.Country, &e.Sector, &e.Code, &e.file, &e.a2} {
			note(s)
		}
		for k := range e.search {
			note(&e.search[k])
		}
		for k := range e.toks {
			note(&e.toks[k])
		}
		for k := range e.Aliases {
			note(&e.Aliases[k])
		}
		for k := range e.roles {
			r := &e.roles[k]
			for _, s := range []*string{&r.host, &r.office, &r.country, &r.sector, &r.code} {
				note(s)
			}
		}
		for k := range e.Roles {
			r := &e.Roles[k]
			for _, s := range []*string{&r.Title, &r.Org, &r.Country, &r.Sector, &r.From, &r.To} {
				note(s)
			}
		}
	}
	var b strings.Builder
	b.Grow(size)
	type span struct{ lo, hi int }
	at := make(map[string]span, len(seen))
	for _, s := range strs {
		if _, ok := at[*s]; !ok {
			at[*s] = span{b.Len(), b.Len() + len(*s)}
			b.WriteString(*s)
		}
	}
	all := b.String()
	for _, s := range strs {
		sp := at[*s]
		*s = all[sp.lo:sp.hi]
	}
	// the id index's keys are the entries' ids: the same keys and entries, keyed by the moved strings
	byID := make(map[string]int32, len(d.byID))
	for k, i := range d.byID {
		if entries[i].ID == k {
			k = entries[i].ID
		}
		byID[k] = i
	}
	d.byID = byID
}
