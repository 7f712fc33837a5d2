//go:build gold

package coder

import (
	"bytes"
	"encoding/json"
	"os"
	"path/filepath"
	"testing"

	"github.com/dyad-events/dyad"
	"github.com/dyad-events/dyad/actor"
	"github.com/dyad-events/dyad/packs"
	"github.com/dyad-events/dyad/text"
)

// The answers sentence.memo and sentence.places keep are those the questions compute: over wire16's sentences
// (their actors recognised), every answer the matcher recorded while it tried the sentence's patterns, then
// every question asked at every unit, against the computed answer.
func TestUnitMemo(t *testing.T) {
	dict := testDict(t)
	c := newTestCoder(t)
	recorded, asked := 0, 0
	for _, g := range goldTexts(t, c, "wire16-*.jsonl") {
		eachSentence(c, dict, &dyad.Article{Lang: g.Lang, Text: g.Text}, nil, func(s *sentence) {
			s.candidates()
			for pass := range 2 {
				for p := range s.u {
					recorded += checkMemo(t, s, p, pass == 1)
				}
			}
			asked++
		})
	}
	if recorded < 10000 || asked == 0 {
		t.Errorf("%d answers recorded by the matcher in %d sentences: the test reads too little", recorded, asked)
	}
}

// checkMemo compares the answers held for unit p with those computed; with all, it asks every question first.
// It returns how many answers were held.
func checkMemo(t *testing.T, s *sentence, p int, all bool) int {
	t.Helper()
	if all {
		s.barrierAt(p)
		s.locative(p)
		s.pronounAt(p, -1)
		s.pronounAt(p, 1)
		s.nonfiniteEnd(p)
		s.subjRelAntecedent(p)
		s.verbLike(p)
		s.auxAt(p)
		for _, dir := range []int{-1, 1} {
			s.placeAt(p, dir, false)
			s.placeAt(p, dir, true)
		}
	}
	n := 0
	m := s.memo[p]
	yes := func(bit uint8, name string, want bool) {
		if m.known&bit == 0 {
			return
		}
		n++
		if got := m.val&bit != 0; got != want {
			t.Fatalf("%q unit %d (%q): %s held %v, computed %v", s.d.a.Text, p, s.u[p].fold, name, got, want)
		}
	}
	yes(mBarrier, "barrierAt", s.isBarrier(s.u[p]) || (s.barU != nil && s.barU[p]))
	yes(mLocative, "locative", s.locativeAt(p))
	yes(mVerb, "verbLike", s.verbLikeAt(p))
	yes(mAux, "auxAt", s.auxWritten(p))
	for k, dir := range []int{-1, 1} {
		if m.known&(mPronounBack<<k) != 0 {
			n++
			if cls, l := s.pronounSpan(p, dir); cls != m.pron[k] || l != int(m.pronN[k]) {
				t.Fatalf("%q unit %d: pronounAt(%d) held %d %d, computed %d %d", s.d.a.Text, p, dir, m.pron[k], m.pronN[k], cls, l)
			}
		}
	}
	if m.known&mNonfinite != 0 {
		n++
		if l := s.nonfiniteLen(p); l != int(m.nonfinite) {
			t.Fatalf("%q unit %d: nonfiniteEnd held %d, computed %d", s.d.a.Text, p, m.nonfinite, l)
		}
	}
	if m.known&mSubjRel != 0 && p > 0 {
		n++
		if a := s.subjRelFind(p); a != int(m.subjRel) {
			t.Fatalf("%q unit %d: subjRelAntecedent held %d, computed %d", s.d.a.Text, p, m.subjRel, a)
		}
	}
	if s.places != nil {
		pm := s.places[p]
		for k := range 4 {
			if pm.known&(1<<k) == 0 {
				continue
			}
			n++
			dir, home := -1, k%2 == 1
			if k >= 2 {
				dir = 1
			}
			if l, cc, ok := s.placeFrom(p, dir, home); l != int(pm.n[k]) || cc != pm.cc[k] || ok != pm.ok[k] {
				t.Fatalf("%q unit %d: placeAt(%d, %v) held %d %q %v, computed %d %q %v", s.d.a.Text, p, dir, home, pm.n[k], pm.cc[k], pm.ok[k], l, cc, ok)
			}
		}
	}
	return n
}

// goldText is one sentence of a gold file: its language and text.
type goldText struct{ Lang, Text string }

// goldTexts reads the sentences of the gold files under testdata/gold that match globs, in a language c codes,
// and skips the test when there are none.
func goldTexts(t *testing.T, c *Coder, globs ...string) []goldText {
	var out []goldText
	for _, g := range globs {
		files, _ := filepath.Glob(filepath.Join("..", "testdata", "gold", g))
		for _, f := range files {
			data, err := os.ReadFile(f)
			if err != nil {
				t.Fatal(err)
			}
			for _, line := range bytes.Split(data, []byte("\n")) {
				var gt goldText
				if json.Unmarshal(line, &gt) != nil || c.langs[gt.Lang] == nil || !c.langs[gt.Lang].hasData {
					continue
				}
				out = append(out, gt)
			}
		}
	}
	if len(out) == 0 {
		t.Skip("no gold files")
	}
	return out
}

// eachSentence prepares article a for c as CodeTokens does (its tokens tt, or a's own when nil; its actors
// recognised by dict) and calls fn with each of its sentences, dates and phrases marked.
func eachSentence(c *Coder, dict *actor.Dictionary, a *dyad.Article, tt []text.Token, fn func(*sentence)) {
	if tt == nil {
		tt = text.Tokens(a.Text)
	}
	lg := c.langs[a.Lang]
	lg.ensure()
	d := &doc{c: c, lg: lg, a: a, candsFor: [2]int{-1, -1}, locFor: [2]int{-1, -1}, datelineAt: -1}
	d.prepareTokens(dict.RecognizeTokens(a, tt), tt)
	d.setReference()
	for _, sp := range c.split.Split(a.Lang, a.Text) {
		ta, tb := d.tokAt(sp.Start), d.tokAt(sp.End)
		for tb < len(d.toks) && d.toks[tb].Start < sp.End {
			tb++
		}
		s := &sentence{d: d, u: d.units(ta, tb, nil)}
		s.markDates(ta, tb)
		s.markPhrases()
		fn(s)
	}
}

// testDict loads the shipped actor dictionary, skipping the test or benchmark when it does not load.
func testDict(tb testing.TB) *actor.Dictionary {
	dict, err := actor.Load(packs.Default())
	if err != nil {
		tb.Skipf("actor dictionary does not load: %v", err)
	}
	return dict
}
