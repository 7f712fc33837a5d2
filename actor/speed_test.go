package actor

import (
	"math/rand/v2"
	"reflect"
	"slices"
	"strings"
	"testing"

	"github.com/dyad-events/dyad"
	"github.com/dyad-events/dyad/text"
)

// TestRecognizeStreamSame: Recognize, which writes the text's tokens straight into its match tokens and keeps
// its buffer for the next article, finds what RecognizeTokens finds on text.Tokens, for texts with elisions,
// possessives, glued and hyphenated words, one after another (a longer text, then a shorter one).
func TestRecognizeStreamSame(t *testing.T) {
	d := testDict(t)
	texts := []struct{ lang, s string }{
		{"en", "HANOI (VNA) -- Vietnam's Prime Minister Pham Minh Chinh met AmbassadorWang Yi; PORT-AU-PRINCE police and the U.S. State Department's spokesperson said Beijing's talks with Hanoi went well."},
		{"fr", "L'ambassadeur de France a rencontré jeudi à Hanoï le ministre vietnamien des Affaires étrangères, d'après l’Élysée."},
		{"it", "Il ministro degli Esteri dell'Italia ha incontrato a Roma l'omologo cinese Wang Yi."},
		{"de", "Bundeskanzler Olaf Scholz traf in Berlin den chinesischen Außenminister; die Haltung Moskaus blieb unklar."},
		{"vi", "Bộ trưởng Ngoại giao Việt Nam đã gặp người đồng cấp Trung Quốc tại Bắc Kinh, quan hệ Mỹ-Trung."},
		{"zh", "越南外长周一在北京会见了中国外长王毅。中美关系"},
	}
	long := ""
	for _, x := range texts {
		long += x.s + "\n\n"
	}
	texts = append([]struct{ lang, s string }{{"en", strings.Repeat(long, 50)}, {"", long}}, texts...)
	for round := range 2 {
		for _, x := range texts {
			a := &dyad.Article{ID: "t", Lang: x.lang, Text: x.s, Published: "2024-03-18"}
			want := d.RecognizeTokens(a, text.Tokens(x.s))
			got := d.Recognize(a)
			if len(want) == 0 || !reflect.DeepEqual(got, want) {
				t.Errorf("round %d, %s %.40q: Recognize %v, RecognizeTokens %v", round, x.lang, x.s, got, want)
			}
		}
		slices.Reverse(texts)
	}
}

// makeTokRunes is makeTok without its ASCII path: every test by Unicode tables.
func makeTokRunes(start, end int, raw, fold string, camel bool) tok {
	return runeTok(tok{start: start, end: end, raw: raw, fold: fold, upper: true, camel: camel})
}

// TestASCIIPaths: the byte paths of makeTok and camelCuts give what the Unicode tests give, on every
// token of a text in several languages and on random ASCII words.
func TestASCIIPaths(t *testing.T) {
	words := []string{"", "a", "A", "1", "-", ".", "'", "U.S.", "NATO", "McDonald", "DeSantis", "AmbassadorWang",
		"iPhone", "eBay", "abcDef", "abcDE", "abcD", "x1Y2", "Đà", "Bình", "中国", "l'État", "ÉLYSÉE", "naïve"}
	for _, x := range text.Tokens("HANOI (VNA) -- Vietnam's Prime Minister met AmbassadorWang; l’Élysée et Hà Nội, 中美关系 PORT-AU-PRINCE") {
		words = append(words, x.Text)
	}
	rng := rand.New(rand.NewPCG(1, 2))
	const alphabet = "abcxyzABCXYZ019-'._ "
	for range 5000 {
		b := make([]byte, rng.IntN(9))
		for k := range b {
			b[k] = alphabet[rng.IntN(len(alphabet))]
		}
		words = append(words, string(b))
	}
	for _, w := range words {
		if got, want := makeTok(3, 3+len(w), w, text.Fold(w), false), makeTokRunes(3, 3+len(w), w, text.Fold(w), false); got != want {
			t.Errorf("makeTok(%q) = %+v, want %+v", w, got, want)
		}
		if got, want := camelCuts(w), camelCutsRunes(w); !slices.Equal(got, want) {
			t.Errorf("camelCuts(%q) = %v, want %v", w, got, want)
		}
	}
}

// TestMergeByStart: merging the capitals' mentions into the others gives what a stable sort of the two
// lists one after the other gives (at an equal Start the first list's mention first), with and without room
// left in the first list.
func TestMergeByStart(t *testing.T) {
	rng := rand.New(rand.NewPCG(3, 4))
	list := func(n int, tag string) []dyad.ActorMention {
		out := make([]dyad.ActorMention, n)
		for k := range out {
			out[k] = dyad.ActorMention{Start: rng.IntN(20), Via: tag}
			out[k].Text = tag + string(rune('a'+k%26))
		}
		slices.SortStableFunc(out, byStart)
		return out
	}
	for n := range 300 {
		a, b := list(n%17, "a"), list(n%7+1, "b")
		want := append(slices.Clone(a), b...)
		slices.SortStableFunc(want, byStart)
		if n%2 == 1 {
			a = slices.Grow(a, len(b)) // merged in place
		}
		if got := mergeByStart(a, b); !slices.Equal(got, want) {
			t.Fatalf("mergeByStart(%v, %v) = %v, want %v", a, b, got, want)
		}
	}
}

// TestPlaceKeyJoins: placeKey, its byte form and the resolver's buffer give the folded words joined by
// spaces, with no word, one word, and words between punctuation.
func TestPlaceKeyJoins(t *testing.T) {
	d := testDict(t)
	r := &resolver{}
	for _, s := range []string{"", ",", "Hà Nội", "Rio de Janeiro", "Port-au-Prince", "(Santiago)", ", Paris .", "北京", "Sao Tome and Principe"} {
		toks := d.tokens(s, false)
		var want []string
		for _, t := range toks {
			if t.word {
				want = append(want, t.fold)
			}
		}
		r.toks = toks
		if got := placeKey(toks); got != strings.Join(want, " ") {
			t.Errorf("placeKey(%q) = %q, want %q", s, got, strings.Join(want, " "))
		}
		if got := string(r.placeKeyOf(0, len(toks))); got != strings.Join(want, " ") {
			t.Errorf("placeKeyOf(%q) = %q, want %q", s, got, strings.Join(want, " "))
		}
		if got := string(appendPlaceKey([]byte("x"), toks)); got != "x"+strings.Join(want, " ") {
			t.Errorf("appendPlaceKey after x (%q) = %q", s, got)
		}
	}
}
