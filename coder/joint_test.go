package coder

import (
	"fmt"
	"slices"
	"testing"

	"github.com/dyad-events/dyad"
)

// TestJointSubjects: two sides of a joint act named by long phrases before the verb (a title with a genitive,
// a parenthesis, a dateline header) are the R of every pattern; an object list is not; an opposition whose
// country came only from the place takes its partner's (joint.go).
func TestJointSubjects(t *testing.T) {
	c := newTestCoder(t)
	act := func(alias, code, typ, country, sector, via string) testActor {
		return testActor{alias: alias, via: via, ref: dyad.ActorRef{ID: alias, Name: alias, Type: typ, Country: country, Sector: sector, Code: code}}
	}
	actors := []testActor{
		act("Duitse", "DEU", "country", "DEU", "", "demonym"),
		act("Litouwse", "LTU", "country", "LTU", "", "demonym"),
		act("Boris Pistorius", "DEUGOV", "person", "DEU", "GOV", "name"),
		act("Arvydas Anušauskas", "LTUGOV", "person", "LTU", "GOV", "name"),
		act("français", "FRA", "country", "FRA", "", "demonym"),
		act("ukrainienne", "UKR", "country", "UKR", "", "demonym"),
		act("Sébastien Lecornu", "FRAGOV", "person", "FRA", "GOV", "name"),
		act("Dmytro Kouleba", "UKRGOV", "person", "UKR", "GOV", "name"),
		act("Colombia's government", "COLGOV", "group", "COL", "GOV", "genitive"),
		act("National Liberation Army", "COLREB", "group", "COL", "REB", "name"),
		act("ELN", "COLREB", "group", "COL", "REB", "name"),
		act("Moscow", "RUSGOV", "organization", "RUS", "GOV", "capital"),
		act("Evan Gershkovich", "USAMED", "person", "USA", "MED", "name"),
		act("Vladimir Kara-Murza", "RUSOPP", "person", "RUS", "OPP", "name"),
		act("Nicolas Maduro", "VENGOV", "person", "VEN", "GOV", "name"),
		act("opposition", "BRBOPP", "group", "BRB", "OPP", "place"),
		act("Barbados", "BRB", "country", "BRB", "", "name"),
	}
	for _, tc := range []struct {
		lang, text string
		want       []string // events that must be found
		not        string   // a source code no event may have ("" for none)
	}{
		{"nl", "De Duitse minister van Defensie Boris Pistorius en de Litouwse minister van Defensie Arvydas Anušauskas hebben maandag een akkoord getekend.",
			[]string{"057 DEUGOV LTUGOV"}, ""},
		{"fr", "Le ministre français des Armées Sébastien Lecornu et le chef de la diplomatie ukrainienne Dmytro Kouleba ont signé jeudi un accord.",
			[]string{"057 FRAGOV UKRGOV"}, ""},
		{"en", "Colombia's government and the National Liberation Army (ELN) guerrilla group signed a peace accord in Havana on Friday.",
			[]string{"057 COLGOV COLREB"}, ""},
		{"en", "Representatives of President Nicolas Maduro and the country's opposition signed a deal in Barbados on Tuesday.",
			[]string{"057 VENGOV VENOPP"}, ""},
		{"en", "Moscow freed the journalist Evan Gershkovich and the dissident Vladimir Kara-Murza in a prisoner exchange on Thursday.",
			nil, "USAMED"}, // an object list is no pair of joint actors
	} {
		a := &dyad.Article{ID: "t", Lang: tc.lang, Text: tc.text, Published: "2024-06-01"}
		res := c.Code(a, handMentions(actors, tc.text))
		var got []string
		for _, e := range res.Events {
			got = append(got, fmt.Sprintf("%s %s %s", e.Code, e.Source.Code, e.Target.Code))
			if tc.not != "" && e.Source.Code == tc.not {
				t.Errorf("%s: event %s %s->%s from the object list", tc.text, e.Code, e.Source.Code, e.Target.Code)
			}
		}
		for _, w := range tc.want {
			if !slices.Contains(got, w) {
				t.Errorf("%s: events %q, want %q", tc.text, got, w)
			}
		}
	}
}

// TestJointSubjectsAppositionComma: the comma that closes the first side's apposition before "and" ("Los
// presidentes de Venezuela, Nicolás Maduro, y de Guyana, Irfaan Ali, se reunieron") does not part the two sides
// of R; a list of countries with no apposition ("Chile, Perú, y Colombia") gains no pair from it.
func TestJointSubjectsAppositionComma(t *testing.T) {
	c := newTestCoder(t)
	act := func(alias, code, typ, country, sector string) testActor {
		return testActor{alias: alias, via: "name", ref: dyad.ActorRef{ID: alias, Name: alias, Type: typ, Country: country, Sector: sector, Code: code}}
	}
	actors := []testActor{
		act("Venezuela", "VEN", "country", "VEN", ""),
		act("Guyana", "GUY", "country", "GUY", ""),
		act("Nicolás Maduro", "VENGOV", "person", "VEN", "GOV"),
		act("Irfaan Ali", "GUYGOV", "person", "GUY", "GOV"),
		act("Brasil", "BRA", "country", "BRA", ""),
		act("Luiz Inácio Lula da Silva", "BRAGOV", "person", "BRA", "GOV"),
		act("Alberto Fernández", "ARGGOV", "person", "ARG", "GOV"),
		act("argentino", "ARG", "country", "ARG", ""),
	}
	for _, tc := range []struct{ text, want string }{
		{"Los presidentes de Venezuela, Nicolás Maduro, y de Guyana, Irfaan Ali, se reunieron este jueves.", "040 VENGOV GUYGOV"},
		{"El presidente de Venezuela, Nicolás Maduro, y el de Guyana, Irfaan Ali, se reunieron este jueves.", "040 VENGOV GUYGOV"},
		{"El presidente de Brasil, Luiz Inácio Lula da Silva, y su par argentino, Alberto Fernández, se reunieron el lunes.", "040 BRAGOV ARGGOV"},
	} {
		got := codeHand(t, c, "es", "2023-12-14", tc.text, actors)
		if !slices.Contains(got, tc.want) {
			t.Errorf("%s: events %q, want %q", tc.text, got, tc.want)
		}
	}
}
