package coder

import (
	"os"
	"path/filepath"
	"reflect"
	"slices"
	"testing"

	"github.com/dyad-events/dyad/cameo"
	"github.com/dyad-events/dyad/packs"
)

// TestSharedReversedAndCompactAlts loads patterns that use one word set of multi-word alternatives before
// their trigger: they walk one reversed copy of the set (shareReversed), each reversed alternative is its
// alternative backwards, and every alternative's words lie in a slice of compactAlts, with the words written.
func TestSharedReversedAndCompactAlts(t *testing.T) {
	dir := t.TempDir()
	if err := os.MkdirAll(filepath.Join(dir, "en"), 0o755); err != nil {
		t.Fatal(err)
	}
	body := "@office = prime_minister foreign_minister head_of_state envoy\n" +
		"040 | @office S ..3 met T\n041 | @office S ..3 visited T\n042 | @office S ..3 called T\n" +
		"043 | S called on_the T ..2 to_act\n"
	if err := os.WriteFile(filepath.Join(dir, "en", "verbs"), []byte(body), 0o644); err != nil {
		t.Fatal(err)
	}
	langs, errs := loadAll(packs.Dir(dir), cameo.MustDefault())
	if len(errs) > 0 {
		t.Fatal(errs)
	}
	lg := langs["en"]
	byAlts := map[sliceKey][]*delem{}
	for _, pt := range lg.patterns {
		for j := range pt.left {
			d := &pt.left[j]
			if len(d.alts) == 0 {
				continue
			}
			byAlts[sliceKey{&d.alts[0], len(d.alts)}] = append(byAlts[sliceKey{&d.alts[0], len(d.alts)}], d)
			for k, a := range d.alts {
				back := slices.Clone(a)
				slices.Reverse(back)
				if !slices.Equal(d.dalts[k], back) {
					t.Errorf("%s: reversed %v, want %v backwards", pt.id, d.dalts[k], a)
				}
			}
		}
		for _, e := range pt.elems {
			for _, a := range e.alts {
				if len(a) > 0 && !lg.inArena(a) {
					t.Errorf("%s: alternative %v not compacted", pt.id, a)
				}
			}
		}
	}
	shared := 0
	for _, ds := range byAlts {
		if len(ds) < 2 || len(ds[0].alts) < 4 {
			continue
		}
		shared++
		for _, d := range ds[1:] {
			if &d.dalts[0] != &ds[0].dalts[0] {
				t.Errorf("two patterns walk two reversed copies of %v", d.alts)
			}
		}
		if got := ds[0].dalts[0]; len(got) != 2 || got[0].text != "minister" || got[1].text != "prime" {
			t.Errorf("first reversed alternative %v, want minister prime", got)
		}
	}
	if shared != 1 {
		t.Fatalf("%d word sets used before a trigger by several patterns, want 1", shared)
	}
}

// sideKey writes every field of a walking copy's elements: a field added to elem, delem or tokMatch must be
// added there too (or two sides that differ in it would share their walks), and the count here with it.
func TestSideKeyFields(t *testing.T) {
	for _, c := range []struct {
		v    any
		want int
	}{{elem{}, 11}, {delem{}, 5}, {tokMatch{}, 3}} {
		if n := reflect.TypeOf(c.v).NumField(); n != c.want {
			t.Errorf("%T has %d fields, sideKey writes %d", c.v, n, c.want)
		}
	}
}
