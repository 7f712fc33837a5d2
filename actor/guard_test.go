package actor

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/dyad-events/dyad"
	"github.com/dyad-events/dyad/packs"
)

// TestShortNames keeps short names and common words from making countries: a short CLDR name of a
// language we read is a country in that language only, an agency's name never.
func TestShortNames(t *testing.T) {
	d := testDict(t)
	for _, c := range []struct {
		lang, text string
		want       []string
	}{
		{"vi", "Ý, Nga và Úc đã họp.", []string{"Ý=ITA", "Nga=RUS", "Úc=AUS"}},
		{"en", "Anh Nguyen met Nga Tran and Ý Lan.", nil},
		{"pt", "O Irã respondeu.", []string{"Irã=IRN"}},
		{"en", "AP and EFE reported that Oman and Chad agreed.", []string{"Oman=OMN", "Chad=TCD"}},
	} {
		var got []string
		for _, m := range d.Recognize(&dyad.Article{Text: c.text, Lang: c.lang, Published: "2024-06-01"}) {
			got = append(got, m.Text+"="+m.Actor.Code)
		}
		if strings.Join(got, "; ") != strings.Join(c.want, "; ") {
			t.Errorf("%s %q: got %v, want %v", c.lang, c.text, got, c.want)
		}
	}
}

// TestCheckAliases reports our own country aliases that would make countries of words that are none.
func TestCheckAliases(t *testing.T) {
	if errs := checkAliases(packs.Default()); len(errs) > 0 {
		t.Errorf("the shipped aliases: %v", errs)
	}
	dir := t.TempDir()
	if err := os.MkdirAll(filepath.Join(dir, "actors"), 0o755); err != nil {
		t.Fatal(err)
	}
	data := "ITA | IT | ITA | Italy | Itl | AFP | the | ITA\n"
	if err := os.WriteFile(filepath.Join(dir, "actors", "countries"), []byte(data), 0o644); err != nil {
		t.Fatal(err)
	}
	errs := checkAliases(packs.Dir(dir))
	var msgs []string
	for _, e := range errs {
		msgs = append(msgs, e.Error())
	}
	all := strings.Join(msgs, "\n")
	for _, w := range []string{`"Itl" is shorter than four letters`, `"AFP" is a news agency's name`, `"the" is a common word`, "countries:1"} {
		if !strings.Contains(all, w) {
			t.Errorf("want %s among:\n%s", w, all)
		}
	}
	if strings.Contains(all, `"ITA"`) {
		t.Errorf("an all-capital acronym is no risk:\n%s", all)
	}
}
