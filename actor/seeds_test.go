package actor

import (
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"

	"github.com/dyad-events/dyad"
	"github.com/dyad-events/dyad/packs"
)

var (
	dictOnce sync.Once
	dictVal  *Dictionary
	dictErr  error
)

func testDict(t testing.TB) *Dictionary {
	t.Helper()
	dictOnce.Do(func() { dictVal, dictErr = Load(packs.Default()) })
	if dictErr != nil {
		t.Fatal(dictErr)
	}
	return dictVal
}

// seedArticle reads seed n from ../shared/seeds as a minimal article: language from the file number, the
// publication date given in the brief, and the text cut at a "Related" line.
func seedArticle(t *testing.T, n string) *dyad.Article {
	t.Helper()
	m, _ := filepath.Glob(filepath.Join("..", "..", "shared", "seeds", n+"_*.txt"))
	if len(m) == 0 {
		if os.Getenv("CI") != "" {
			t.Fatalf("seed %s missing", n)
		}
		t.Skipf("seed %s not found", n)
	}
	b, err := os.ReadFile(m[0])
	if err != nil {
		t.Fatal(err)
	}
	text := string(b)
	if k := strings.Index(text, "\nRelated\n"); k >= 0 {
		text = text[:k]
	}
	lang := map[string]string{"000": "fr", "001": "nl"}[n]
	if lang == "" {
		lang = "en"
	}
	pub := map[string]string{"002": "2025-02-19", "003": "2023-12-04"}[n]
	return &dyad.Article{Text: text, Lang: lang, Published: dyad.NullString(pub)}
}

func TestSeeds(t *testing.T) {
	d := testDict(t)
	cases := []struct {
		seed   string
		people map[string]string // actor id -> country
		via    map[string]string // actor id -> a way it must be found at least once
	}{
		{"000", map[string]string{"pham-thanh-binh": "VNM", "liu-jianchao": "CHN"}, nil},
		{"001", map[string]string{"pham-thanh-binh": "VNM", "liu-haixing": "CHN", "xi-jinping": "CHN", "to-lam": "VNM",
			"luong-cuong": "VNM", "pham-minh-chinh": "VNM", "zhao-leji": "CHN", "tran-thanh-man": "VNM"},
			map[string]string{"to-lam": "office"}}, // "secretaris-generaal Lam" in 2025
		{"002", map[string]string{"pham-thanh-binh": "VNM", "liu-jianchao": "CHN"},
			map[string]string{"pham-thanh-binh": "camel", "liu-jianchao": "coref"}},
		{"003", map[string]string{"wang-yi": "CHN", "le-hoai-trung": "VNM"},
			map[string]string{"wang-yi": "coref", "le-hoai-trung": "coref"}},
		{"004", map[string]string{"bui-thanh-son": "VNM", "nong-rong": "CHN"},
			map[string]string{"nong-rong": "office", "bui-thanh-son": "coref"}}, // the unnamed assistant minister
	}
	for _, c := range cases {
		t.Run(c.seed, func(t *testing.T) {
			a := seedArticle(t, c.seed)
			ms := d.Recognize(a)
			found := map[string]string{}
			vias := map[string]bool{}
			for _, m := range ms {
				found[m.Actor.ID] = m.Actor.Country
				vias[m.Actor.ID+" "+m.Via] = true
				if testing.Verbose() {
					t.Logf("%d-%d %q -> %s %s %s (%s)", m.Start, m.End, m.Text, m.Actor.ID, m.Actor.Code, m.Actor.Type, m.Via)
				}
			}
			for id, country := range c.people {
				got, ok := found[id]
				if !ok {
					t.Errorf("%s not found", id)
				} else if got != country {
					t.Errorf("%s: country %s, want %s", id, got, country)
				}
			}
			for id, via := range c.via {
				if !vias[id+" "+via] {
					t.Errorf("%s never found via %s", id, via)
				}
			}
		})
	}
}
