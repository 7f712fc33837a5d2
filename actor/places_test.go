package actor

import (
	"testing"

	"github.com/dyad-events/dyad"
	"github.com/dyad-events/dyad/packs"
)

// TestSetPlaces: an unnamed group after an in/at word and a place that only a larger gazetteer knows
// (SetPlaces) takes that place's country; the longer name wins ("Santiago de Cuba" is not Santiago de Chile),
// and a part of a longer name is no place.
func TestSetPlaces(t *testing.T) {
	d, err := Load(packs.Default())
	if err != nil {
		t.Fatal(err)
	}
	gaz := map[string]string{"juliaca": "PER", "santiago de cuba": "CUB", "san antonio": "USA", "port au prince": "HTI", "port": "FRA"}
	d.SetPlaces(func(key, prefer string) (string, bool) { cc, ok := gaz[key]; return cc, ok })
	cases := []struct{ text, country string }{
		{"Los manifestantes bloquearon las calles en Juliaca.", "PER"},
		{"Los manifestantes protestaron en Santiago de Cuba.", "CUB"},
		{"Los manifestantes protestaron en San Antonio de los Baños.", ""},
		// a name written with hyphens is one name: "Port-au-Prince" is not a place "Port"
		{"Los manifestantes protestaron en Port-au-Prince.", "HTI"},
	}
	for _, c := range cases {
		ms := d.Recognize(&dyad.Article{Text: c.text, Lang: "es", Published: "2024-03-18"})
		got := "none"
		for _, m := range ms {
			if m.Text == "manifestantes" {
				got = m.Actor.Country
			}
		}
		if got != c.country {
			t.Errorf("%q: manifestantes of %q, want %q (%+v)", c.text, got, c.country, ms)
		}
	}
}
