package actor

import (
	"maps"
	"slices"
	"testing"
	"unsafe"
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
