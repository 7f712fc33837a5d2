package text

import (
	"strings"
	"testing"

	"github.com/dyad-events/dyad/packs"
)

func newTestSplitter(t testing.TB) *Splitter {
	t.Helper()
	s, err := NewSplitter(packs.Default())
	if err != nil {
		t.Fatal(err)
	}
	return s
}

func TestSplit(t *testing.T) {
	s := newTestSplitter(t)
	for _, tc := range []struct {
		lang, text string
		want       []string
	}{
		{"en", "HANOI, Dec. 2 (Agency) -- The minister spoke. He left.", []string{"HANOI, Dec. 2 (Agency) -- The minister spoke.", "He left."}},
		{"en", "Mr. Smith met Dr. Jones in Washington. They talked.", []string{"Mr. Smith met Dr. Jones in Washington.", "They talked."}},
		{"en", "The envoy J. K. Rowe arrived. Talks began.", []string{"The envoy J. K. Rowe arrived.", "Talks began."}},
		{"fr", "M. Dupont est arrivé le 18 févr. Il a rencontré le ministre. Fin.", []string{"M. Dupont est arrivé le 18 févr. Il a rencontré le ministre.", "Fin."}},
		{"nl", "Volgens dhr. Jansen is het akkoord getekend. Dat zei hij.", []string{"Volgens dhr. Jansen is het akkoord getekend.", "Dat zei hij."}},
		{"de", "Am 18. Febr. traf Hr. Müller den Minister. Das Treffen war kurz.", []string{"Am 18. Febr. traf Hr. Müller den Minister.", "Das Treffen war kurz."}},
		{"es", "El Sr. Pérez llegó. Habló.", []string{"El Sr. Pérez llegó.", "Habló."}},
		{"en", "A title without a stop\n\nThe first paragraph. And more.\nA second line", []string{"A title without a stop", "The first paragraph.", "And more.", "A second line"}},
		{"zh", "王毅会见了越南客人。双方讨论了合作。", []string{"王毅会见了越南客人。", "双方讨论了合作。"}},
		{"en", "   ", nil},
		{"xx", "Mr. Smith left. He came back.", []string{"Mr. Smith left.", "He came back."}},
	} {
		spans := s.Split(tc.lang, tc.text)
		var got []string
		for _, sp := range spans {
			got = append(got, tc.text[sp.Start:sp.End])
		}
		if strings.Join(got, "\x00") != strings.Join(tc.want, "\x00") {
			t.Errorf("Split(%s, %q)\n got %q\nwant %q", tc.lang, tc.text, got, tc.want)
		}
	}
}

func TestSplitterDataErrors(t *testing.T) {
	dir := t.TempDir()
	if err := writeFile(dir+"/en/sentences", "Mr. | bad\n"); err != nil {
		t.Fatal(err)
	}
	_, errs := loadAbbreviations(packs.Dir(dir))
	if len(errs) != 1 || !strings.Contains(errs[0].Error(), "en/sentences:1") {
		t.Fatalf("errs = %v, want one naming en/sentences:1", errs)
	}
}

func FuzzSplit(f *testing.F) {
	s := newTestSplitter(f)
	f.Add("en", "Mr. Smith met Dr. Jones. They talked.\n\nNext.")
	f.Add("fr", "Le 18 févr. M. X est venu.")
	f.Fuzz(func(t *testing.T, lang, text string) {
		prev := 0
		for _, sp := range s.Split(lang, text) {
			if sp.Start < prev || sp.End <= sp.Start || sp.End > len(text) {
				t.Fatalf("bad span %v after %d in %q", sp, prev, text)
			}
			prev = sp.End
		}
	})
}

func BenchmarkSplit(b *testing.B) {
	s := newTestSplitter(b)
	txt := strings.Repeat("HANOI, Dec. 2 (Agency) -- Mr. Smith met the minister on Saturday. They discussed trade and security, officials said.\n", 200)
	b.SetBytes(int64(len(txt)))
	for b.Loop() {
		s.Split("en", txt)
	}
}
