package coder

import (
	"sync"
	"testing"

	"github.com/dyad-events/dyad/text"
)

// TestWordInfoShared: goroutines asking one language's word cache for the same tokens in different orders, which
// they fill and read at once, get what the language's maps give each token; a text met again with another fold
// (lang.key, splitElision) is told by its own fold, and does not replace the cached one.
func TestWordInfoShared(t *testing.T) {
	c := newTestCoder(t)
	lg := c.langs["en"]
	lg.ensure()
	toks := text.Tokens("Wang Yi met Le Hoai Trung in Hanoi and they agreed to deepen cooperation, visiting the talks.")
	want := func(tok text.Token) wordInfo {
		w := lg.newWordInfo(tok)
		return *w
	}
	same := func(a, b wordInfo) bool {
		return a.fold == b.fold && a.stem == b.stem && a.cls == b.cls && a.anchor == b.anchor && a.stemEnt == b.stemEnt &&
			len(a.preSets) == len(b.preSets) && len(a.preAnchors) == len(b.preAnchors)
	}
	var wg sync.WaitGroup
	for g := range 4 {
		wg.Go(func() {
			for round := range 50 {
				for i := range toks {
					tok := toks[(i*(g+1)+round)%len(toks)]
					if got, w := *lg.wordInfo(tok), want(tok); !same(got, w) {
						t.Errorf("%q: cached %+v, looked up %+v", tok.Text, got, w)
						return
					}
				}
			}
		})
	}
	wg.Wait()
	met := lg.wordInfo(text.Token{Text: "met", Fold: "met"})
	if met.anchor == nil {
		t.Fatal("met: no anchor entry in the test patterns")
	}
	if w := lg.wordInfo(text.Token{Text: "met", Fold: "met'"}); w.fold != "met'" || w.anchor != nil {
		t.Errorf("met with another fold: %+v", w)
	}
	if w := lg.wordInfo(text.Token{Text: "met", Fold: "met"}); w != met {
		t.Error("the cached met was replaced")
	}
	lg.dropWords()
	if w := lg.wordInfo(text.Token{Text: "met", Fold: "met"}); w == met || !same(*w, *met) {
		t.Error("met after dropWords: not looked up again, or another answer")
	}
}
