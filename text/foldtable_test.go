package text

import (
	"math/rand/v2"
	"testing"
)

// TestFastFoldSame checks that the table path folds like the decomposition path.
func TestFastFoldSame(t *testing.T) {
	rng := rand.New(rand.NewPCG(1, 2))
	ranges := append(foldRanges[:], hanRange)
	pick := func() rune {
		rg := ranges[rng.IntN(len(ranges))]
		return rg[0] + rune(rng.IntN(int(rg[1]-rg[0])))
	}
	cases := []string{"Phạm Thanh Bình", "Đà Nẵng", "l’État", "Straße", "Ελλάδα", "Вьетнам", "e\u0302\u0301", "Ǆ ǅ ǆ", "İstanbul",
		"美國總統", "美国总统", "中华人民共和国", "習近平", "e美\u0301", "台灣e\u0301"}
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

// TestFastFoldHan checks every rune of hanRange alone, and that a text that folds to itself is not copied.
func TestFastFoldHan(t *testing.T) {
	for r := hanRange[0]; r < hanRange[1]; r++ {
		f, ok := fastFold(string(r))
		if want := slowFold(string(r)); !ok || f != want {
			t.Fatalf("fastFold(%U) = %q %v, slowFold = %q", r, f, ok, want)
		}
	}
	if got := Fold("美國"); got != "美国" {
		t.Errorf("Fold(美國) = %q", got)
	}
	for _, s := range []string{"中国", "总统", "phạm"} {
		if n := testing.AllocsPerRun(100, func() { Fold(s) }); s != "phạm" && n != 0 {
			t.Errorf("Fold(%q): %v allocations, want none", s, n)
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

// TestAppendFold: appendFold appends what Fold gives (or says that the fold is the text, or that it takes the
// slow path), after what the buffer holds, on random strings of the table's ranges, of ideographs, of ASCII and
// of runes outside both.
func TestAppendFold(t *testing.T) {
	rng := rand.New(rand.NewPCG(3, 4))
	ranges := append(foldRanges[:], hanRange, [2]rune{0x20, 0x7f}, [2]rune{0x0590, 0x1E00}, [2]rune{0xAC00, 0xAD00})
	cases := []string{"", "a", "A", "USA", "usa", "Phạm Thanh Bình", "Đà Nẵng", "l’État", "Straße", "美國總統", "美国总统", "e\u0302\u0301", "\xff", "a\xffb"}
	for range 20000 {
		rs := make([]rune, 1+rng.IntN(6))
		for i := range rs {
			rg := ranges[rng.IntN(len(ranges))]
			rs[i] = rg[0] + rune(rng.IntN(int(rg[1]-rg[0])))
		}
		cases = append(cases, string(rs))
	}
	for _, s := range cases {
		head := []byte("xy")
		b, same, ok := appendFold(head, s)
		switch {
		case !ok:
			if string(b) != "xy" {
				t.Errorf("%q: slow path, but appended %q", s, b[2:])
			}
			if f, fast := fastFold(s); fast && !isASCII(s) {
				t.Errorf("%q: appendFold takes the slow path, fastFold folds it as %q", s, f)
			}
		case same:
			if string(b) != "xy" || Fold(s) != s {
				t.Errorf("%q: the same, but appended %q and Fold is %q", s, b[2:], Fold(s))
			}
		default:
			if got, want := string(b[2:]), Fold(s); got != want || string(b[:2]) != "xy" {
				t.Errorf("%q: appended %q after %q, Fold is %q", s, got, b[:2], want)
			}
		}
	}
}
