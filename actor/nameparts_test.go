package actor

import (
	"slices"
	"testing"

	"github.com/dyad-events/dyad"
)

// TestNameParts: a country word inside a person's name is no mention of the country (an Arabic nisba after
// al-/el-, a country name as a given name before an unknown surname), and a country name stays one before
// a date word, in a headline in capitals, after a to/of/in word or before a known name.
func TestNameParts(t *testing.T) {
	d := testDict(t)
	for _, c := range []struct {
		lang, text string
		want       []string // the texts of the country mentions
	}{
		{"en", "Mohammed al-Iraqi and Ahmad al-Yemeni met officials.", nil},
		{"fr", "Abou Mohammed el-Masri a été tué.", nil},
		{"en", "Francia Márquez said the talks would resume.", nil},
		{"en", "Jordan Bardella, the party's leader, spoke.", nil},
		{"es", "Salvador Quispe dijo que no.", nil},
		{"en", "Chad Johnson", nil},
		{"en", "The striker was Jordan Henderson", nil},
		{"en", "Talks with Jordan", []string{"Jordan"}},
		{"en", "Officials from Iraq and Sudan met.", []string{"Iraq", "Sudan"}},
		{"en", "Russia Monday said it would respond.", []string{"Russia"}},
		{"en", "Kenya Signs Deal With China", []string{"Kenya", "China"}},
		{"en", "The ambassador to Japan Tanaka said no.", []string{"Japan"}},
		{"en", "Talks between Iran and Iraq resumed.", []string{"Iran", "Iraq"}},
		{"de", "Die Ukraine warf Russland Kriegsverbrechen vor.", []string{"Ukraine", "Russland"}},
		{"de", "Deutschland liefert Polen Panzer.", []string{"Deutschland", "Polen"}},
		{"de", "Jordan Bardella sagte, die Partei werde antreten.", nil},
		{"nl", "De luchtmacht meldde dat Rusland Kiev in de nacht had aangevallen.", []string{"Rusland", "Kiev"}},
	} {
		ms := d.Recognize(&dyad.Article{Text: c.text, Lang: c.lang, Published: dyad.NullString("2024-06-01")})
		var got []string
		for _, m := range ms {
			if m.Actor.Type == dyad.TypeCountry || m.Via == "demonym" {
				got = append(got, m.Text)
			}
		}
		if !slices.Equal(got, c.want) {
			t.Errorf("%s %q: country mentions %q, want %q", c.lang, c.text, got, c.want)
		}
	}
}
