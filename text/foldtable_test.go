package text

import (
	"math/rand/v2"
	"testing"
)

// TestFastFoldSame checks that the table path folds like the decomposition path.
func TestFastFoldSame(t *testing.T) {
	rng := rand.New(rand.NewPCG(1, 2))
	pick := func() rune {
		rg := foldRanges[rng.IntN(len(foldRanges))]
		return rg[0] + rune(rng.IntN(int(rg[1]-rg[0])))
	}
	cases := []string{"Phạm Thanh Bình", "Đà Nẵng", "l’État", "Straße", "Ελλάδα", "Вьетнам", "e\u0302\u0301", "Ǆ ǅ ǆ", "İstanbul"}
	for range 20000 {
		rs := make([]rune, 1+rng.IntN(6))
		for i := range rs {
			rs[i] = pick()
		}
		cases = append(cases, string(rs))
	}
	for _, s := range cases {
		f, ok := fastFold(s)
		if !ok {
			continue
		}
		if want := slowFold(s); f != want {
			t.Fatalf("fastFold(%q) = %q, slowFold = %q", s, f, want)
		}
	}
}

func BenchmarkFold(b *testing.B) {
	s := "Le ministre chinois des Affaires étrangères a reçu l’ambassadeur Phạm Thanh Bình à Pékin"
	toks := Tokens(s)
	b.SetBytes(int64(len(s)))
	for b.Loop() {
		for _, t := range toks {
			Fold(t.Text)
		}
	}
}
