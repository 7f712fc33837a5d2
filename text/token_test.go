package text

import (
	"math/rand/v2"
	"slices"
	"strings"
	"testing"
)

// TestAppendTokens checks that AppendTokens gives Tokens' tokens after what dst holds, into a buffer used
// before for a longer text, a shorter one and one in another script.
func TestAppendTokens(t *testing.T) {
	texts := []string{
		"Phạm Minh Chính gặp Thủ tướng Nhật Bản tại Hà Nội hôm thứ Ba.",
		"Le ministre l’a dit : « non ».",
		"国务院总理李强在北京会见了德国总理。",
		"",
		"A short one.",
	}
	var buf []Token
	for round := range 2 {
		for _, s := range texts {
			want := Tokens(s)
			buf = AppendTokens(buf[:0], s)
			if !slices.Equal(buf, want) {
				t.Errorf("round %d, %q: AppendTokens into a used buffer = %v, want %v", round, s, buf, want)
			}
			head := []Token{{Start: 7, End: 9, Text: "x", Fold: "x"}}
			if got := AppendTokens(head, s); !slices.Equal(got[:1], head) || !slices.Equal(got[1:], want) {
				t.Errorf("%q: AppendTokens after one token = %v, want it then %v", s, got, want)
			}
		}
		slices.Reverse(texts)
	}
}

// TestTokenSeq: TokenSeq yields Tokens' tokens one by one, and stops when asked.
func TestTokenSeq(t *testing.T) {
	for _, s := range []string{"Phạm Minh Chính gặp Thủ tướng Nhật Bản.", "Le ministre l’a dit : « non ».", "国务院总理李强在北京。", "", "  "} {
		var got []Token
		for tk := range TokenSeq(s) {
			got = append(got, tk)
		}
		if want := Tokens(s); !slices.Equal(got, want) {
			t.Errorf("%q: TokenSeq %v, Tokens %v", s, got, want)
		}
		for tk := range TokenSeq(s) {
			if want := Tokens(s)[0]; tk != want {
				t.Errorf("%q: first %v, want %v", s, tk, want)
			}
			break
		}
	}
}

// TestAppendTokensFolds: AppendTokens, whose folds share one string, gives each token the fold TokenSeq gives
// (Fold of its text), over texts of every script the packs read and random ones.
func TestAppendTokensFolds(t *testing.T) {
	texts := []string{
		"Phạm Minh Chính gặp Thủ tướng Nhật Bản tại Hà Nội hôm thứ Ba.",
		"Le ministre l’a dit : « non ». L'ÉLYSÉE, Straße, İstanbul, Ǆemal.",
		"国务院总理李强在北京会见了德国总理。美國總統 訪問台灣",
		"WASHINGTON (Reuters) - U.S. Secretary of State met NATO's chief; 12/03/2024, e\u0302\u0301, Вьетнам, Ελλάδα",
		"", "   ", "lower case only here",
	}
	rng := rand.New(rand.NewPCG(5, 6))
	const alphabet = "abcXYZ ÉéẠạĐđ中國美 ,.'’-\u0301\xff"
	rs := []rune(alphabet)
	for range 2000 {
		b := make([]rune, rng.IntN(40))
		for i := range b {
			b[i] = rs[rng.IntN(len(rs))]
		}
		texts = append(texts, string(b))
	}
	for _, s := range texts {
		var want []Token
		for tk := range TokenSeq(s) {
			want = append(want, tk)
		}
		if got := AppendTokens([]Token{{Text: "x", Fold: "x"}}, s); !slices.Equal(got[1:], want) {
			t.Errorf("%q: AppendTokens = %v, want %v", s, got[1:], want)
		}
	}
}

// TestIsAllUpper checks IsAllUpper against strings.ToUpper on words of several scripts, mixed case, digits,
// punctuation and an invalid byte.
func TestIsAllUpper(t *testing.T) {
	for _, s := range []string{"NATO", "Paris", "UN", "ÉTATS", "États", "ß", "SS", "Москва", "МОСКВА", "北京", "2024",
		"-", "", "Đà", "ĐÀ", "ǅ", "x", "A\xffB", "AB\xff"} {
		tok := Token{Text: s}
		if got, want := tok.IsAllUpper(), strings.ToUpper(s) == s; got != want {
			t.Errorf("IsAllUpper(%q) = %v, want %v", s, got, want)
		}
	}
}
