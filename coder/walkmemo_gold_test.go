//go:build gold

package coder

import (
	"cmp"
	"reflect"
	"slices"
	"testing"

	"github.com/dyad-events/dyad"
	"github.com/dyad-events/dyad/text"
)

// The walks sentence.walks keeps answer as the walks themselves: over wire16's and wire17's sentences (their
// actors recognised), every candidate of a coder whose patterns' sides are named (the walks of one pattern
// reused for another with the same sides) against those of a coder whose sides are not (every walk made).
func TestWalkMemo(t *testing.T) {
	dict := testDict(t)
	named, plain := newTestCoder(t), newTestCoder(t)
	for code, lg := range plain.langs {
		lg.ensure()
		named.langs[code].ensure()
		for _, pt := range lg.patterns {
			pt.rightID, pt.leftID = 0, 0
		}
	}
	cands := func(c *Coder, a *dyad.Article, tt []text.Token) [][]candidate {
		var out [][]candidate
		eachSentence(c, dict, a, tt, func(s *sentence) {
			cs := slices.Clone(s.candidates())
			// the order of the anchors a word leads to may differ between two coders' loads: compared as sets
			slices.SortStableFunc(cs, func(x, y candidate) int {
				return cmp.Or(cmp.Compare(x.idx, y.idx), cmp.Compare(x.b.trig, y.b.trig), cmp.Compare(x.b.lo, y.b.lo), cmp.Compare(x.b.hi, y.b.hi))
			})
			out = append(out, cs)
		})
		return out
	}
	n, kept := 0, 0
	for _, g := range goldTexts(t, named, "wire16-*.jsonl", "wire17-*.jsonl") {
		a := &dyad.Article{Lang: g.Lang, Text: g.Text}
		tt := text.Tokens(a.Text)
		got, want := cands(named, a, tt), cands(plain, a, tt)
		if len(got) != len(want) {
			t.Fatalf("%q: %d sentences, want %d", g.Text, len(got), len(want))
		}
		for k := range got {
			if len(got[k]) != len(want[k]) {
				t.Errorf("%q: sentence %d: %d candidates, want %d", g.Text, k, len(got[k]), len(want[k]))
				continue
			}
			for j := range got[k] {
				n++
				if got[k][j].idx != want[k][j].idx || !reflect.DeepEqual(got[k][j].b, want[k][j].b) {
					t.Errorf("%q: sentence %d: candidate %d: pattern %d %+v, want %d %+v", g.Text, k, j,
						got[k][j].idx, got[k][j].b, want[k][j].idx, want[k][j].b)
				}
			}
		}
	}
	for _, lg := range named.langs {
		seen := map[int32]bool{}
		for _, pt := range lg.patterns {
			if pt.rightID == 0 || pt.leftID == 0 {
				t.Fatalf("%s: pattern %s: sides not named", lg.code, pt.id)
			}
			if seen[pt.rightID] {
				kept++
			}
			seen[pt.rightID] = true
		}
	}
	if n < 1000 || kept == 0 {
		t.Errorf("%d candidates compared, %d patterns share a right side: the test reads too little", n, kept)
	}
}
