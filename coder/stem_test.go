package coder

import (
	"strings"
	"sync"
	"testing"

	"github.com/dyad-events/dyad"
	"github.com/dyad-events/dyad/cameo"
	"github.com/dyad-events/dyad/packs"
)

// TestStems checks word~: one entry matches the inflections that share its Snowball stem, in the pack's
// language, and irregular forms listed beside it.
func TestStems(t *testing.T) {
	c := coderWith(t, map[string]string{
		"en/verbs": "@snub = snub~ snubbt\n1246 | S @snub T\n",
		"es/verbs": "1246 | S desairar~ a T\n",
		"fr/verbs": "1246 | S a snobé~ T\n",
		"de/verbs": "1246 | S brüskieren~/brüskiert~ T\n", // German stems keep -t: two entries
	})
	actors := loadTestActors(t)
	for _, tc := range []struct {
		lang, text string
		want       bool
	}{
		{"en", "Vietnam snubbed China at the summit.", true},
		{"en", "Vietnam snubs China at the summit.", true},
		{"en", "Vietnam is snubbing China at the summit.", true},
		{"en", "Vietnam snubbt China at the summit.", true}, // an irregular form listed in the set
		{"en", "Vietnam snuck China at the summit.", false},
		{"es", "Vietnam desairó a China en la cumbre.", true},
		{"es", "Vietnam desairaba a China en la cumbre.", true},
		{"es", "Vietnam desairaron a China en la cumbre.", true},
		{"fr", "Le Vietnam a snobé la Chine au sommet.", true},
		{"de", "Vietnam brüskiert China auf dem Gipfel.", true},
		{"de", "Vietnam brüskierte China auf dem Gipfel.", true},
		{"de", "Vietnam wird China auf dem Gipfel brüskieren.", false}, // verb last: the pattern says verb second
	} {
		res := c.Code(&dyad.Article{ID: "s", Lang: tc.lang, Text: tc.text}, handMentions(actors, tc.text))
		got := len(res.Events) == 1 && res.Events[0].Code == "1246"
		if got != tc.want {
			t.Errorf("%s %q: events %+v, want a 1246: %v", tc.lang, tc.text, res.Events, tc.want)
		}
	}
}

func TestStemErrors(t *testing.T) {
	for _, tc := range []struct{ file, body, want string }{
		{"vi/verbs", "040 | S gặp~ T\n", "vi/verbs:1: gặp~: language \"vi\" has no stemmer"},
		{"zh/verbs", "@m = 会见~\n", "zh/verbs:1: word set @m: 会见~: language \"zh\" has no stemmer"},
		{"en/verbs", "040 | S me~et T\n", "en/verbs:1: bad word"},
	} {
		dir := writePack(t, map[string]string{tc.file: tc.body})
		_, errs := loadAll(packs.Dir(dir), cameo.MustDefault())
		found := false
		for _, e := range errs {
			found = found || strings.Contains(e.Error(), tc.want)
		}
		if !found {
			t.Errorf("%s %q: errors %v, want %q", tc.file, tc.body, errs, tc.want)
		}
	}
}

// TestStemCache checks that a word's stem is the same from the cache and after the cache starts afresh.
func TestStemCache(t *testing.T) {
	st := newStemmer("es")
	if a, b := st.stem("Reunió"), st.stem("reunieron"); a != b || a != "reun" {
		t.Fatalf("stems %q %q, want reun", a, b)
	}
	if st.stem("Reunió") != "reun" {
		t.Fatal("cached stem differs")
	}
	if newStemmer("vi") != nil || newStemmer("zh") != nil {
		t.Fatal("vi and zh have no stemmer")
	}
}

// TestSplitForms checks that separable verbs, perfects with the object inside and reflexive or clitic
// verbs are written with gaps, optional words and word~ together (docs/patterns.md).
func TestSplitForms(t *testing.T) {
	c := coderWith(t, map[string]string{
		"nl/verbs": "@t_stellen = stellen~ stelt stelde~\n030 | S @t_stellen T ..6 voor\n" +
			"@t_verwensen = verwensen~ verwenste~ verwenst\n138 | S heeft/hebben T ..6 @t_verwensen\n",
		"es/verbs": "040 | S (se) (ha/han/había/habían) entrevistar~ con T\n",
		"fr/verbs": "@t_entretenir = entretenir~ entretient entretenu~\n040 | S (s') (est/a/sont/ont) @t_entretenir avec T\n",
	})
	actors := loadTestActors(t)
	for _, tc := range []struct{ lang, text, code string }{
		{"nl", "Vietnam stelt China een nieuw handelsakkoord voor.", "030"},
		{"nl", "Vietnam stelde China gisteren een akkoord voor.", "030"},
		{"nl", "Vietnam heeft China opnieuw verwenst.", "138"},
		{"es", "Vietnam se entrevistó con China.", "040"},
		{"es", "Vietnam se ha entrevistado con China.", "040"},
		{"es", "Vietnam se entrevistaba con China.", "040"},
		{"fr", "Le Vietnam s'est entretenu avec la Chine.", "040"},
		{"fr", "Le Vietnam s'entretient avec la Chine.", "040"},
	} {
		res := c.Code(&dyad.Article{ID: "s", Lang: tc.lang, Text: tc.text}, handMentions(actors, tc.text))
		if len(res.Events) != 1 || res.Events[0].Code[:3] != tc.code[:3] {
			t.Errorf("%s %q: events %+v, want one %s", tc.lang, tc.text, res.Events, tc.code)
		}
	}
}

// TestStemmerShared: goroutines stemming the same words in different orders through one stemmer, whose cache
// they fill and read at once, get what a stemmer of their own gives each word.
func TestStemmerShared(t *testing.T) {
	words := []string{"Reunió", "reunieron", "reuniones", "Acordaron", "acuerdo", "firmó", "firmaron", "condenó",
		"condena", "visitó", "visitaron", "ministro", "ministros", "Gobierno", "gobiernos", "l’accord"}
	shared := newStemmer("es")
	var wg sync.WaitGroup
	for g := range 4 {
		wg.Go(func() {
			for round := range 50 {
				for i := range words {
					w := words[(i*(g+1)+round)%len(words)]
					if got, want := shared.stem(w), newStemmer("es").stem(w); got != want {
						t.Errorf("%q: shared stemmer %q, own %q", w, got, want)
						return
					}
				}
			}
		})
	}
	wg.Wait()
}
