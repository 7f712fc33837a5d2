package geo

import (
	"strings"
	"testing"

	"github.com/dyad-events/dyad/packs"
	"github.com/dyad-events/dyad/text"
)

// slowKey is Key by the word-boundary rules alone.
func slowKey(s string) string {
	var ks []string
	for _, t := range text.Tokens(s) {
		if t.IsWord() {
			ks = append(ks, t.Fold)
		}
	}
	return strings.Join(ks, " ")
}

func TestPlainKeyIsKey(t *testing.T) {
	files, err := packs.Default().Files(GazetteerPath)
	if err != nil || len(files) == 0 {
		t.Fatal(err)
	}
	n := 0
	for l := range files[0].Lines() {
		for _, name := range l.Fields[1:] {
			if k, ok := plainKey(name); ok {
				n++
				if want := slowKey(name); k != want {
					t.Fatalf("%s:%d: plainKey(%q) = %q, want %q", l.File, l.N, name, k, want)
				}
			}
		}
	}
	for _, s := range []string{"Port-au-Prince", "  New   York ", "A-", "-", ""} {
		if k, ok := plainKey(s); ok && k != slowKey(s) {
			t.Errorf("plainKey(%q) = %q, want %q", s, k, slowKey(s))
		}
	}
	t.Logf("%d plain names", n)
}

// TestLoadErrors: a bad line is an error naming its file and line; the other lines load.
func TestLoadErrors(t *testing.T) {
	dir := t.TempDir()
	set := packs.Dir(dir)
	_ = set
	g := &Gazetteer{names: map[string][]int32{}, primary: map[int32]string{}, countries: map[string]int32{},
		regions: map[string]int32{}, ids: map[string]int32{}, countryNames: map[string]int32{}}
	lines := []string{
		"C | VN | VNM | 16.3 | 106.4 | Vietnam",
		"C | XX | XXX | 95 | 0 | Nowhere",
		"P | 1581130 | VN | 44 | PPLC | 21.0245 | 105.8412 | 1431270 | Hanoi | Hà Nội",
		"P | 12 | ZZ | 1 | PPL | 1 | 1 | 10 | Nowhere",
		"P | x | VN | 1 | PPL | 1 | 1 | 10 | Bad",
		"Q | what",
	}
	var errs []error
	for i, s := range lines {
		f := strings.Split(s, "|")
		for j := range f {
			f[j] = strings.TrimSpace(f[j])
		}
		if err := g.line(packs.Line{File: "test/gazetteer", N: i + 1, Text: s, Fields: f}); err != nil {
			errs = append(errs, err)
		}
	}
	if len(errs) != 4 {
		t.Fatalf("%d errors, want 4: %v", len(errs), errs)
	}
	for i, want := range []string{"test/gazetteer:2", "test/gazetteer:4", "test/gazetteer:5", "test/gazetteer:6"} {
		if !strings.Contains(errs[i].Error(), want) {
			t.Errorf("error %q does not name %s", errs[i], want)
		}
	}
	if ps := g.Lookup("ha noi"); len(ps) != 1 || ps[0].ID != "1581130" || ps[0].Country != "VNM" {
		t.Errorf("Lookup(ha noi) = %+v", ps)
	}
}

// TestPlaceCountry: the country of a city or region by its lookup key, the biggest unless prefer says
// otherwise; a country is no place here (callers read countries' names first: the gazetteer has towns named
// after them, "Colombia" in Cuba).
func TestPlaceCountry(t *testing.T) {
	g, errs := Load(packs.Default())
	if len(errs) > 0 {
		t.Fatal(errs)
	}
	for _, c := range []struct{ key, prefer, want string }{
		{"juliaca", "", "PER"},
		{"cochabamba", "", "BOL"},
		{"santiago de cuba", "", "CUB"},
		{"tiflis", "", "GEO"},
		{"paris", "USA", "FRA"},    // population weighs most
		{"valencia", "", "VEN"},    // the bigger one
		{"valencia", "ESP", "ESP"}, // unless the article is about Spain
		{"brazil", "", ""},         // a country's own name: the actor stage knows it
	} {
		got, ok := g.PlaceCountry(Key(c.key), c.prefer)
		if got != c.want || ok != (c.want != "") {
			t.Errorf("PlaceCountry(%q, %q) = %q, %v; want %q", c.key, c.prefer, got, ok, c.want)
		}
	}
}

// TestWordsAfter: wordsAfter bounds the words of every name by its first word (the resolver looks up no longer
// name at a word), and is 0 for a word that begins no name.
func TestWordsAfter(t *testing.T) {
	g, errs := Load(packs.Default())
	if len(errs) > 0 {
		t.Fatal(errs)
	}
	for k := range g.names {
		first, _, _ := strings.Cut(k, " ")
		if n := strings.Count(k, " ") + 1; g.wordsAfter(first) < n {
			t.Fatalf("wordsAfter(%q) = %d, below the %d words of %q", first, g.wordsAfter(first), n, k)
		}
	}
	if n := g.wordsAfter("santiago"); n < 3 { // santiago de cuba
		t.Errorf("wordsAfter(santiago) = %d, want at least 3", n)
	}
	if n := g.wordsAfter("qqxzv"); n != 0 {
		t.Errorf("wordsAfter(qqxzv) = %d, want 0", n)
	}
	var empty Gazetteer // names added one by one, as the tests' gazetteers are
	if n := empty.wordsAfter("paris"); n != 0 {
		t.Errorf("empty gazetteer: wordsAfter(paris) = %d, want 0", n)
	}
	empty.names = map[string][]int32{}
	empty.name(0, "Port-au-Prince")
	if n := empty.wordsAfter("port"); n != 3 {
		t.Errorf("after Port-au-Prince: wordsAfter(port) = %d, want 3", n)
	}
}
