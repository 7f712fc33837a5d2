package coder

import (
	"slices"
	"testing"

	"github.com/dyad-events/dyad"
)

// TestAddresseeRepeated: two targets whose second repeats the addressee word of the first ("à Israël et aux
// États-Unis", "a Israel y a Hamás", "to Israel and to Egypt") are one list, each given its event; and the noun
// that tells the act ("une riposte écrasante": a threat of force, 138) is read past the whole list.
func TestAddresseeRepeated(t *testing.T) {
	c := newTestCoder(t)
	actors := loadTestActors(t)
	for _, tc := range []struct {
		lang, text string
		want       []string
	}{
		{"fr", "L'Iran a promis à Israël et aux États-Unis une riposte sévère.", []string{"138 IRN>ISR", "138 IRN>USA"}},
		{"fr", "L'Iran a livré des armes à Israël et à la Russie.", []string{"072 IRN>ISR", "072 IRN>RUS"}},
		{"es", "Irán prometió a Israel y a Estados Unidos una respuesta contundente.", []string{"138 IRN>ISR", "138 IRN>USA"}},
		{"fr", "L'Iran a promis à Israël une aide.", []string{"030 IRN>ISR"}},
	} {
		a := &dyad.Article{ID: "t", Lang: tc.lang, Text: tc.text}
		res := c.Code(a, handMentions(actors, tc.text))
		var got []string
		for _, e := range res.Events {
			got = append(got, e.Code+" "+e.Source.Country+">"+e.Target.Country)
		}
		slices.Sort(got)
		if !slices.Equal(got, tc.want) {
			t.Errorf("%q: events %v, want %v", tc.text, got, tc.want)
		}
	}
}
