package text

import "testing"

func TestFold(t *testing.T) {
	for in, want := range map[string]string{
		"Phạm Thanh Bình": "pham thanh binh",
		"Đà Nẵng":         "da nang",
		"l’État":          "l'etat",
		"Straße":          "strasse",
		"plain":           "plain",
		"外交部长王毅":          "外交部长王毅",
	} {
		if got := Fold(in); got != want {
			t.Errorf("Fold(%q) = %q, want %q", in, got, want)
		}
	}
}

func TestTokens(t *testing.T) {
	s := "AmbassadorBình met Liu, in 北京."
	toks := Tokens(s)
	var got []string
	for _, tk := range toks {
		if s[tk.Start:tk.End] != tk.Text {
			t.Fatalf("offsets of %q wrong", tk.Text)
		}
		got = append(got, tk.Fold)
	}
	want := []string{"ambassadorbinh", "met", "liu", ",", "in", "北", "京", "."}
	if len(got) != len(want) {
		t.Fatalf("Tokens = %q, want %q", got, want)
	}
	for i := range want {
		if got[i] != want[i] {
			t.Fatalf("Tokens = %q, want %q", got, want)
		}
	}
}

// TestFoldTraditional folds Traditional Chinese to Simplified, character for character.
func TestFoldTraditional(t *testing.T) {
	for in, want := range map[string]string{
		"美國":    "美国",
		"臺灣":    "台湾",
		"總統":    "总统",
		"俄羅斯軍隊": "俄罗斯军队",
		"中国":    "中国",
		"國":     "国",
	} {
		if got := Fold(in); got != want {
			t.Errorf("Fold(%q) = %q, want %q", in, got, want)
		}
	}
	for _, tk := range Tokens("美國總統") {
		if len([]rune(tk.Fold)) != 1 || tk.End-tk.Start != len(tk.Text) {
			t.Errorf("token %+v: want one Simplified character with the original's offsets", tk)
		}
	}
}
