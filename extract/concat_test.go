package extract

import (
	"math/rand/v2"
	"slices"
	"strings"
	"testing"
	"unicode/utf8"
)

// dropConcatenations gives what joining every run gives (dropConcatenationsSlow), on random pages with
// glued copies of runs, white space moved about.
func TestDropConcatenationsSame(t *testing.T) {
	rng := rand.New(rand.NewPCG(1, 2))
	words := []string{"a", "bb", "c c", " ", "", "dd\n", "é", "x y z"}
	for range 3000 {
		var paras []string
		for range 3 + rng.IntN(8) {
			if len(paras) >= 2 && rng.IntN(3) == 0 {
				j := rng.IntN(len(paras) - 1)
				glued := strings.Join(paras[j:], "")
				if rng.IntN(2) == 0 {
					glued = strings.ReplaceAll(glued, " ", "  ")
				}
				paras = append(paras, glued)
				continue
			}
			var b strings.Builder
			for range rng.IntN(4) {
				b.WriteString(words[rng.IntN(len(words))])
			}
			paras = append(paras, b.String())
		}
		want := dropConcatenationsSlow(slices.Clone(paras))
		if got := dropConcatenations(slices.Clone(paras)); !slices.Equal(got, want) {
			t.Fatalf("%q: got %q, want %q", paras, got, want)
		}
	}
}

// hasSpaceChars answers as strings.ContainsAny(s, spaceChars) on valid UTF-8: each of the characters alone,
// at the start, the middle and the end, their neighbours in UTF-8 (same lead bytes), and none.
func TestHasSpaceChars(t *testing.T) {
	var cases []string
	for _, r := range spaceChars + "\u00a1\u009f\u2027\u202a\u200a\u200c\ufefe\ufeff\u2013\u201c«»é" {
		c := string(r)
		cases = append(cases, c, c+"abc", "abc"+c, "ab"+c+"cd", "Hà Nội"+c+"“x”")
	}
	cases = append(cases, "", "plain text", "Hà Nội – “quoted”\n\n", "中文文本")
	for _, s := range cases {
		if got, want := hasSpaceChars(s), strings.ContainsAny(s, spaceChars); got != want {
			t.Errorf("hasSpaceChars(%q) = %v, want %v", s, got, want)
		}
	}
}

func FuzzHasSpaceChars(f *testing.F) {
	for _, s := range []string{"", "a\rb", "x\u00a0y", "\u2028", "\u2029", "\u200b", "\ufeff", "– “x” «y»"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		if !utf8.ValidString(s) {
			return
		}
		if got, want := hasSpaceChars(s), strings.ContainsAny(s, spaceChars); got != want {
			t.Errorf("hasSpaceChars(%q) = %v, want %v", s, got, want)
		}
	})
}

// firstColon answers the credit check as strings.IndexAny(s, ":：") does: the same index when that is 1-40,
// none in that range otherwise. Colons of both kinds at every position around the 43 bytes searched, after
// ASCII and after multi-byte text, the wide colon cut at the edge, and none.
func TestFirstColon(t *testing.T) {
	var cases []string
	for _, pre := range []string{"", "Bron", "Nguồn tin", "来源", "x y "} {
		for n := range 50 {
			for _, colon := range []string{":", "：", ": then ：", "： then :"} {
				s := pre + strings.Repeat("é", n/2) + strings.Repeat("a", n%2) + colon + " https://example.vn/"
				cases = append(cases, s, strings.TrimSuffix(s, " https://example.vn/"))
			}
			cases = append(cases, pre+strings.Repeat("b", n)+" no colon at all")
		}
	}
	cases = append(cases, "", ":", "：", "Theo VOV", strings.Repeat("a", 41)+"：")
	for _, s := range cases {
		got, want := firstColon(s), strings.IndexAny(s, ":：")
		if in := func(i int) bool { return i > 0 && i <= 40 }; in(got) != in(want) || in(want) && got != want {
			t.Errorf("firstColon(%q) = %d, IndexAny %d", s, got, want)
		}
	}
}
