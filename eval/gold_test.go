package eval

import (
	"errors"
	"io/fs"
	"os"
	"testing"
)

// TestEventGoldSet validates every line of the bundled event gold set and keeps its coverage: at least 300
// sentences in at least 9 languages, every CAMEO root family, the diplomatic families in most sentences and
// a share of sentences with no event.
func TestEventGoldSet(t *testing.T) {
	const path = "../testdata/gold/events.jsonl"
	g, err := LoadGold(path)
	if err != nil {
		t.Fatal(err)
	}
	if n := g.Count(KindEvents); n < 300 {
		t.Errorf("%d event sentences, want at least 300", n)
	}
	perLang := map[string]int{}
	roots := map[string]int{}
	diplomatic, none := 0, 0
	for _, it := range g.Items {
		if it.Kind() != KindEvents {
			t.Errorf("line %d: not an event item", it.Line)
			continue
		}
		perLang[it.Lang]++
		if len(it.Events) == 0 {
			none++
		}
		dip := false
		for _, e := range it.Events {
			roots[codeRoot(e.Code)]++
			dip = dip || codeRoot(e.Code) <= "06"
		}
		if dip {
			diplomatic++
		}
	}
	want := map[string]int{"en": 60, "fr": 25, "nl": 25, "de": 25, "es": 25, "pt": 25, "it": 25, "vi": 25, "zh": 25}
	for lang, min := range want {
		if perLang[lang] < min {
			t.Errorf("%s: %d sentences, want at least %d", lang, perLang[lang], min)
		}
	}
	for r := 1; r <= 20; r++ {
		root := string(rune('0'+r/10)) + string(rune('0'+r%10))
		if roots[root] < 2 {
			t.Errorf("root %s: %d events, want at least 2", root, roots[root])
		}
	}
	n := len(g.Items)
	if float64(diplomatic) < 0.6*float64(n) {
		t.Errorf("%d of %d sentences carry a 01-06 event, want at least 60%%", diplomatic, n)
	}
	if share := float64(none) / float64(n); share < 0.10 || share > 0.20 {
		t.Errorf("%.0f%% of sentences have no event, want about 15%%", 100*share)
	}
}

// TestActorGoldSet validates the actor gold set when it is present (another helper writes it).
func TestActorGoldSet(t *testing.T) {
	const path = "../testdata/gold/actors.jsonl"
	if _, err := os.Stat(path); errors.Is(err, fs.ErrNotExist) {
		t.Skip("no actor gold set yet")
	}
	g, err := LoadGold(path)
	if err != nil {
		t.Fatal(err)
	}
	if g.Count(KindActors) == 0 {
		t.Error("actor gold set has no mention items")
	}
}
