package extract

import (
	"os"
	"path/filepath"
	"sort"
	"strings"
	"testing"

	"github.com/dyad-events/dyad"
	"github.com/dyad-events/dyad/packs"
)

var testX *Extractor

func extractor(t testing.TB) *Extractor {
	t.Helper()
	if testX == nil {
		x, err := New(packs.Default())
		if err != nil {
			t.Fatal(err)
		}
		testX = x
	}
	return testX
}

// TestSeeds checks the five real seed articles (read at test time, never copied into the repository).
func TestSeeds(t *testing.T) {
	paths, _ := filepath.Glob("../../shared/seeds/*.txt")
	if len(paths) == 0 {
		if os.Getenv("CI") != "" {
			t.Fatal("seeds not found in ../../shared/seeds")
		}
		t.Skip("seeds not found in ../../shared/seeds")
	}
	sort.Strings(paths)
	want := []struct{ lang, published, dateline, source string }{
		{"fr", "", "", "VNA/CVN"},
		{"nl", "", "", "baoquocte.vn"},
		{"en", "2025-02-19", "BEIJING", "VNS"},
		{"en", "2023-12-04", "HANOI", "Xinhua"},
		{"en", "", "", "VOV"},
	}
	banned := []string{"![]() |", "Reactie (0)", "Mời quý độc giả theo dõi VOV.VN trên", "\nRelated", "Vietnam, China well realize", "date 20"}
	x := extractor(t)
	for i, p := range paths {
		b, err := os.ReadFile(p)
		if err != nil {
			t.Fatal(err)
		}
		a, err := x.Extract(&dyad.Document{URI: p, Body: b})
		if err != nil {
			t.Fatalf("%s: %v", p, err)
		}
		w := want[i]
		if a.Lang != w.lang || string(a.Published) != w.published || string(a.Dateline) != w.dateline || string(a.Source) != w.source {
			t.Errorf("%s: lang %s (%.2f) published %q (%s) dateline %q source %q; want %+v", filepath.Base(p), a.Lang,
				a.LangConfidence, a.Published, a.PublishedFrom, a.Dateline, a.Source, w)
		}
		for _, s := range banned {
			if strings.Contains(a.Text, s) || strings.Contains(a.Title, s) {
				t.Errorf("%s: %q left in the text", filepath.Base(p), s)
			}
		}
		checkSpans(t, a)
		if os.Getenv("DUMP") != "" {
			t.Logf("TEXT:\n%s\n----", a.Text)
		}
		t.Logf("%s: title %q, %d paragraphs, lang %s %.2f", filepath.Base(p), a.Title, len(a.Paragraphs), a.Lang, a.LangConfidence)
	}
}

// checkSpans checks that paragraphs tile the text, separated by blank lines.
func checkSpans(t *testing.T, a *dyad.Article) {
	t.Helper()
	pos := 0
	for i, sp := range a.Paragraphs {
		if i > 0 {
			if a.Text[pos:sp.Start] != "\n\n" {
				t.Fatalf("%s: paragraph %d not after a blank line", a.URI, i)
			}
		}
		p := a.Text[sp.Start:sp.End]
		if p == "" || strings.Contains(p, "\n\n") || strings.TrimSpace(p) != p {
			t.Fatalf("%s: paragraph %d = %q", a.URI, i, p)
		}
		pos = sp.End
	}
	if pos != len(a.Text) {
		t.Fatalf("%s: paragraphs end at %d, text at %d", a.URI, pos, len(a.Text))
	}
}
