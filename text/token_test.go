package text

import (
	"slices"
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
