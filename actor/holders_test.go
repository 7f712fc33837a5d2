package actor

import (
	"slices"
	"testing"
)

// TestHoldersIn: the holders of each office in each country, as holdersOn reads them with a country and no
// organisation, are the office's holders whose role is in that country, in the same order.
func TestHoldersIn(t *testing.T) {
	d := testDict(t)
	n := 0
	for id, hs := range d.holders {
		countries := map[string]bool{}
		for _, h := range hs {
			countries[d.actors[h.actor].roles[h.role].country] = true
		}
		for c := range countries {
			want := slices.DeleteFunc(slices.Clone(hs), func(h holder) bool { return d.actors[h.actor].roles[h.role].country != c })
			if got := d.holdersIn[officeIn{id, c}]; !slices.Equal(got, want) {
				t.Errorf("office %s in %q: %v, want %v", id, c, got, want)
			}
			n++
		}
	}
	if n == 0 {
		t.Fatal("no holders")
	}
}
