package coder

import (
	"slices"
	"testing"

	"github.com/dyad-events/dyad"
)

// TestObjClauseSecondAct: an act told in a clause hung on the object after a comma (a gerund with a pronoun, a
// relative clause whose subject is the sentence's) is a second event on the pair, beside the main clause's act
// (pattern.objClause); before, one pair of phrases gave one event and the more specific accusation took it.
func TestObjClauseSecondAct(t *testing.T) {
	c := newTestCoder(t)
	act := func(alias, code, typ, country, sector, via string) testActor {
		return testActor{alias: alias, via: via, ref: dyad.ActorRef{ID: alias, Name: alias, Type: typ, Country: country, Sector: sector, Code: code}}
	}
	actors := []testActor{
		act("Poland", "POL", "country", "POL", "", "name"),
		act("Russian diplomats", "RUSGOV", "group", "RUS", "GOV", "demonym"),
		act("Algeria", "DZA", "country", "DZA", "", "name"),
		act("Marocco", "MAR", "country", "MAR", "", "name"),
		act("Argélia", "DZA", "country", "DZA", "", "name"),
		act("Marrocos", "MAR", "country", "MAR", "", "name"),
		act("Rusia", "RUS", "country", "RUS", "", "name"),
		act("diplomáticos estadounidenses", "USAGOV", "group", "USA", "GOV", "demonym"),
	}
	for _, tc := range []struct {
		lang, text string
		want       []string
	}{
		{"en", "Poland expelled three Russian diplomats on Thursday, accusing them of breaching the terms of their status.",
			[]string{"174 POLGOV RUSGOV", "112 POLGOV RUSGOV"}},
		{"it", "L'Algeria ha rotto martedì le relazioni diplomatiche con il Marocco, che accusa di azioni ostili.",
			[]string{"161 DZAGOV MARGOV", "112 DZAGOV MAR"}},
		{"pt", "A Argélia cortou hoje as relações diplomáticas com Marrocos, que acusa de ações hostis.",
			[]string{"161 DZAGOV MARGOV", "112 DZAGOV MAR"}},
		{"es", "Rusia expulsó este jueves a dos diplomáticos estadounidenses, acusándolos de mantener contactos ilegales.",
			[]string{"174 RUSGOV USAGOV", "112 RUSGOV USAGOV"}},
	} {
		got := codeHand(t, c, tc.lang, "2024-06-01", tc.text, actors)
		for _, w := range tc.want {
			if !slices.Contains(got, w) {
				t.Errorf("%s: want %s, got %v", tc.text, w, got)
			}
		}
	}
}

// TestNounTailSkipsDates: a date after the target does not use up the words the object's noun phrase may go on
// over ("landed in Turkey on Tuesday with a search and rescue team" is aid delivered, 073).
func TestNounTailSkipsDates(t *testing.T) {
	c := newTestCoder(t)
	actors := []testActor{
		{alias: "Indian Air Force", via: "demonym", ref: dyad.ActorRef{ID: "iaf", Name: "Indian Air Force", Type: "group", Country: "IND", Sector: "MIL", Code: "INDMIL"}},
		{alias: "Turkey", via: "name", ref: dyad.ActorRef{ID: "tur", Name: "Turkey", Type: "country", Country: "TUR", Code: "TUR"}},
	}
	text := "An Indian Air Force C-17 landed in Turkey on Tuesday with a search and rescue team for the victims."
	got := codeHand(t, c, "en", "2023-02-07", text, actors)
	if !slices.Contains(got, "073 INDMIL TUR") {
		t.Errorf("want 073 INDMIL TUR, got %v", got)
	}
}
