package actor

import (
	"strings"
	"testing"

	"github.com/dyad-events/dyad"
)

// TestStreetNames checks that a name right after a street word of actors/stop, or right before a capitalised
// named word, names no actor, and that the same name elsewhere in the sentence, or before a lower-case noun,
// still does.
func TestStreetNames(t *testing.T) {
	d := testDict(t)
	for _, c := range []struct {
		lang, text string
		want       []string
	}{
		{"en", "Nelson Mandela Square", nil},
		{"en", "Kenya street protests", []string{"Kenya=KEN"}},
		{"pt", "a Avenida Presidente Vargas", nil},
		{"es", "la plaza de España", nil},
		{"vi", "đại lộ Võ Nguyên Giáp", nil},
		{"en", "Nelson Mandela spoke near Nelson Mandela Square.", []string{"Nelson Mandela=ZAFELI"}},
		{"en", "the Monaco Grand Prix", nil},
	} {
		var got []string
		for _, m := range d.Recognize(&dyad.Article{Text: c.text, Lang: c.lang, Published: "2015-05-01"}) {
			got = append(got, m.Text+"="+m.Actor.Code)
		}
		if strings.Join(got, "; ") != strings.Join(c.want, "; ") {
			t.Errorf("%s %q:\n got  %s\n want %s", c.lang, c.text, strings.Join(got, "; "), strings.Join(c.want, "; "))
		}
	}
}
