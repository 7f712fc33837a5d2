//go:build !nolingua

package extract

import (
	"math"
	"testing"
)

// TestLinguaConfidenceStable: lingua's confidence for the same text is the same value on every call (it sums
// in a map's order, which differs between calls), so a re-run stores the same article row.
func TestLinguaConfidenceStable(t *testing.T) {
	d := newBackup([]string{"en", "fr", "de", "es", "pt", "it", "nl", "vi", "zh"})
	if d == nil {
		t.Fatal("no lingua detector for nine languages")
	}
	docs, _ := langSamples(t)
	if len(docs) == 0 {
		t.Skip("no language samples")
	}
	for _, doc := range docs[:min(len(docs), 6)] {
		text := doc.text[:min(len(doc.text), 1000)]
		lang, first := d.detect(text, nil)
		if first != math.Round(first*1e6)/1e6 {
			t.Errorf("%s: confidence %v has more than six decimals", doc.lang, first)
		}
		for range 20 {
			if l, v := d.detect(text, nil); l != lang || v != first {
				t.Fatalf("%s: detect gave %s %v, then %s %v", doc.lang, lang, first, l, v)
			}
		}
	}
}
