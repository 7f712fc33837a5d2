package extract

import (
	"strings"
	"testing"
)

func TestWriteWords(t *testing.T) {
	for _, s := range []string{"", " ", "a", " a ", "two  words\n", "\u00a0no-break\u2003em\u3000ideographic", "x\xffy z", "\t\n"} {
		var b strings.Builder
		writeWords(&b, s)
		if want := strings.Join(strings.Fields(s), " "); b.String() != want {
			t.Errorf("writeWords(%q) = %q, want %q", s, b.String(), want)
		}
	}
}

func FuzzWriteWords(f *testing.F) {
	f.Add(" a  b ")
	f.Add("\u0085x\u00a0")
	f.Fuzz(func(t *testing.T, s string) {
		var b strings.Builder
		writeWords(&b, s)
		if want := strings.Join(strings.Fields(s), " "); b.String() != want {
			t.Errorf("writeWords(%q) = %q, want %q", s, b.String(), want)
		}
	})
}
