package actor

import (
	"maps"
	"reflect"
	"slices"
	"strings"
	"testing"
	"unsafe"

	"github.com/dyad-events/dyad/packs"
)

// TestMatcherCompact adds names of one to three words to a matcher, compacts a copy of its state and
// compares: the same keys to the same nodes, each node's patterns the same and in one slice; a pattern added
// after compacting grows its node's patterns and no other node's.
func TestMatcherCompact(t *testing.T) {
	m := newMatcher(16)
	names := [][]string{{"new", "york"}, {"new"}, {"new", "york", "times"}, {"york"}, {"le", "monde"}, {"monde"}, {"new", "delhi"}}
	for i, n := range names {
		m.add(n, pattern{ref: int32(i), kind: kindName})
		m.add(n, pattern{ref: int32(i), kind: kindDemonym, lang: "en"})
	}
	m.add([]string{"new"}, pattern{ref: 9, kind: kindAgent})
	m.trim()
	keys := maps.Clone(m.keys)
	var pats [][]int32
	for _, nd := range m.nodes {
		pats = append(pats, slices.Clone(nd.pats))
	}
	m.compact()
	var next uintptr // where the patterns of the node before end
	if !maps.Equal(m.keys, keys) {
		t.Fatalf("keys %v, want %v", m.keys, keys)
	}
	for i, nd := range m.nodes {
		if !slices.Equal(nd.pats, pats[i]) || cap(nd.pats) != len(nd.pats) {
			t.Fatalf("node %d: patterns %v (capacity %d), want %v", i, nd.pats, cap(nd.pats), pats[i])
		}
		if len(nd.pats) == 0 {
			continue
		}
		if at := uintptr(unsafe.Pointer(&nd.pats[0])); next != 0 && at != next {
			t.Fatalf("node %d's patterns do not follow the node before's in one slice", i)
		}
		next = uintptr(unsafe.Pointer(&nd.pats[0])) + 4*uintptr(len(nd.pats))
	}
	york := m.keys["york"]
	m.add([]string{"york"}, pattern{ref: 10, kind: kindAgent})
	for i, nd := range m.nodes {
		want := pats[i]
		if int32(i) == york {
			want = append(slices.Clone(want), int32(len(m.pats)-1))
		}
		if !slices.Equal(nd.pats, want) {
			t.Fatalf("node %d after adding to york: %v, want %v", i, nd.pats, want)
		}
	}
}

// scatter gives each entry of d, and each string and slice it holds, storage of its own, as loading leaves
// them before compactEntries.
func scatter(d *Dictionary) {
	cs := func(s []string) []string {
		if s == nil {
			return nil
		}
		out := make([]string, len(s), len(s)+1)
		for k, v := range s {
			out[k] = strings.Clone(v)
		}
		return out
	}
	for i, e := range d.actors {
		c := *e
		c.ID, c.Name, c.Code, c.a2 = strings.Clone(e.ID), strings.Clone(e.Name), strings.Clone(e.Code), strings.Clone(e.a2)
		c.search, c.toks, c.Aliases = cs(e.search), cs(e.toks), cs(e.Aliases)
		c.roles, c.Roles = slices.Clone(e.roles), slices.Clone(e.Roles)
		for k := range c.roles {
			c.roles[k].code = strings.Clone(c.roles[k].code)
		}
		d.actors[i] = &c
	}
}

// TestCompactEntries scatters the shipped dictionary's entries, compacts them again and checks: every entry
// holds what it held (the same actor, folded names, tokens, roles, in the same order), each list of folded
// names, tokens and aliases is a full slice of one shared slice, and the strings built at load (codes, folded names and tokens, roles' codes)
// lie end to end in one string.
func TestCompactEntries(t *testing.T) {
	d, err := Load(packs.Default())
	if err != nil {
		t.Fatal(err)
	}
	scatter(d)
	want := make([]entry, len(d.actors))
	for i, e := range d.actors {
		want[i] = *e
	}
	d.compactEntries()
	var lo, hi uintptr // the span of the strings' bytes
	inOne := func(s string) {
		if s == "" {
			return
		}
		p := uintptr(unsafe.Pointer(unsafe.StringData(s)))
		if lo == 0 || p < lo {
			lo = p
		}
		if e := p + uintptr(len(s)); e > hi {
			hi = e
		}
	}
	var searchNext uintptr
	for i, e := range d.actors {
		if !reflect.DeepEqual(*e, want[i]) {
			t.Fatalf("entry %d (%s): %+v, want %+v", i, e.ID, *e, want[i])
		}
		for _, l := range [][]string{e.search, e.toks, e.Aliases} {
			if cap(l) != len(l) {
				t.Fatalf("entry %d: a list of capacity %d for %d strings", i, cap(l), len(l))
			}
		}
		for _, l := range [][]string{e.search, e.toks} {
			for _, s := range l {
				inOne(s)
			}
		}
		if len(e.search) > 0 {
			if at := uintptr(unsafe.Pointer(&e.search[0])); searchNext != 0 && at != searchNext {
				t.Fatalf("entry %d's folded names do not follow the entry before's", i)
			}
			searchNext = uintptr(unsafe.Pointer(&e.search[0])) + unsafe.Sizeof("")*uintptr(len(e.search))
		}
		inOne(e.Code)
		for _, r := range e.roles {
			inOne(r.code)
		}
	}
	size := 0
	for _, e := range d.actors {
		for _, l := range [][]string{e.search, e.toks, {e.Code}} {
			for _, s := range l {
				size += len(s)
			}
		}
		for _, r := range e.roles {
			size += len(r.code)
		}
	}
	if int(hi-lo) != size {
		t.Fatalf("the built strings span %d bytes for %d bytes: not one string", hi-lo, size)
	}
}

// TestEntriesInSlabs checks that the loaded dictionary's entries lie in few slices (a new one every
// entrySlab entries) and each entry's roles in a full slice (slabAppend), both kinds of role the same in
// number.
func TestEntriesInSlabs(t *testing.T) {
	d, err := Load(packs.Default())
	if err != nil {
		t.Fatal(err)
	}
	breaks := 0
	for i := 1; i < len(d.actors); i++ {
		if uintptr(unsafe.Pointer(d.actors[i])) != uintptr(unsafe.Pointer(d.actors[i-1]))+unsafe.Sizeof(entry{}) {
			breaks++
		}
	}
	if max := len(d.actors) / entrySlab; breaks > max {
		t.Fatalf("%d entries in %d runs, want at most %d", len(d.actors), breaks+1, max+1)
	}
	for i, e := range d.actors {
		if len(e.roles) != len(e.Roles) || cap(e.roles) != len(e.roles) || cap(e.Roles) != len(e.Roles) {
			t.Fatalf("entry %d (%s): %d roles (capacity %d), %d dyad roles (capacity %d)", i, e.ID, len(e.roles), cap(e.roles), len(e.Roles), cap(e.Roles))
		}
	}
}

// TestSlabAppend appends to lists in turn and interleaved and compares each with a plain slice: a list grows
// in place while it ends the slab, moves to the slab's end when another list was appended after it, and a
// new slab is begun when it does not fit; a list handed out earlier keeps its values.
func TestSlabAppend(t *testing.T) {
	var slab []int
	lists := make([][]int, 5)
	want := make([][]int, 5)
	order := []int{0, 0, 0, 1, 1, 0, 2, 3, 3, 3, 1, 4, 4, 0, 2, 2, 2}
	for k := range 3000 {
		order = append(order, k%5, k%5, (k*7)%5)
	}
	for n, i := range order {
		lists[i] = slabAppend(&slab, lists[i], n)
		want[i] = append(want[i], n)
		for j := range lists {
			if !slices.Equal(lists[j], want[j]) || cap(lists[j]) != len(lists[j]) {
				t.Fatalf("after %d appends, list %d: %v (capacity %d), want %v", n+1, j, lists[j], cap(lists[j]), want[j])
			}
		}
	}
}
