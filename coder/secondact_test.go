package coder

import (
	"slices"
	"strings"
	"testing"

	"github.com/dyad-events/dyad"
)

// TestSecondActSamePair: a verb of both sides coordinated after a clause takes its two sides ("X met Y and
// signed ...", "X and Y met and signed ..."), and the sentence tells both acts between the same pair; a second
// verb that names no act between them adds none.
func TestSecondActSamePair(t *testing.T) {
	c := newTestCoder(t)
	actors := []testActor{
		govPerson("Xi Jinping", "CHNGOV", "CHN"),
		govPerson("Vladimir Putin", "RUSGOV", "RUS"),
		govPerson("Emmanuel Macron", "FRAGOV", "FRA"),
		govPerson("Narendra Modi", "INDGOV", "IND"),
		govPerson("Pedro Sánchez", "ESPGOV", "ESP"),
		govPerson("Olaf Scholz", "DEUGOV", "DEU"),
	}
	checkActs(t, c, "2024-06-01", actors, []actsCase{
		{"en", "Xi Jinping met Vladimir Putin in Moscow on Tuesday and signed a joint statement.",
			[]string{"04 CHNGOV RUSGOV", "05 CHNGOV RUSGOV"}, 2},
		{"fr", "Emmanuel Macron a rencontré jeudi Narendra Modi et a signé une feuille de route.",
			[]string{"04 FRAGOV INDGOV", "05 FRAGOV INDGOV"}, 2},
		{"es", "Pedro Sánchez y Olaf Scholz se reunieron el lunes en Madrid y firmaron un acuerdo.",
			[]string{"04 ESPGOV DEUGOV", "05 ESPGOV DEUGOV"}, 2},
		{"en", "Xi Jinping met Vladimir Putin in Moscow on Tuesday and then flew home.",
			[]string{"04 CHNGOV RUSGOV"}, 1},
	})
}

// actsCase is a sentence and the events it must give: code families and pairs that must be found ("04 CHNGOV
// RUSGOV") and the number of events.
type actsCase struct {
	lang, text string
	want       []string
	n          int
}

func govPerson(alias, code, country string) testActor {
	return testActor{alias: alias, via: "name", ref: dyad.ActorRef{ID: alias, Name: alias, Type: "person", Country: country, Sector: "GOV", Code: code}}
}

// checkActs codes each case's sentence with the given actors and checks its events.
func checkActs(t *testing.T, c *Coder, date string, actors []testActor, cases []actsCase) {
	t.Helper()
	for _, tc := range cases {
		got := codeHand(t, c, tc.lang, date, tc.text, actors)
		for _, w := range tc.want {
			if !slices.ContainsFunc(got, func(g string) bool {
				return strings.HasPrefix(g, w[:2]) && strings.HasSuffix(g, w[2:])
			}) {
				t.Errorf("%s: events %q, want %q", tc.text, got, w)
			}
		}
		if len(got) != tc.n {
			t.Errorf("%s: events %q, want %d", tc.text, got, tc.n)
		}
	}
}

// TestBesideCircumstance: an act told in a circumstance written "041+" in the data ("in a phone call", "during his
// visit to") is two events for the same pair, the circumstance and the act; a circumstance with no act beside it
// is one.
func TestBesideCircumstance(t *testing.T) {
	c := newTestCoder(t)
	actors := []testActor{
		govPerson("Xi Jinping", "CHNGOV", "CHN"),
		govPerson("Joe Biden", "USAGOV", "USA"),
		govPerson("Vladimir Putin", "RUSGOV", "RUS"),
		govPerson("Olaf Scholz", "DEUGOV", "DEU"),
	}
	checkActs(t, c, "2022-06-01", actors, []actsCase{
		{"en", "Xi Jinping warned Joe Biden in a phone call on Thursday that Beijing would respond.",
			[]string{"04 CHNGOV USAGOV", "13 CHNGOV USAGOV"}, 2},
		{"de", "Olaf Scholz hat Vladimir Putin in einem Telefonat am Freitag aufgefordert, seine Truppen abzuziehen.",
			[]string{"04 DEUGOV RUSGOV", "02 DEUGOV RUSGOV"}, 2},
		{"en", "Joe Biden spoke with Xi Jinping in a phone call on Thursday.",
			[]string{"04 USAGOV CHNGOV"}, 1},
	})
}

// TestClauseChain: with a language's option clause-chain (a user layer here: the shipped zh grammar leaves it off),
// a verb after a comma with no subject of its own takes the subject of the clause before ("X会见Y，谴责Z": X
// condemns Z), where comma-chain alone gives it the object before the comma (Y condemns Z).
func TestClauseChain(t *testing.T) {
	chained, _ := newUserCoder(t, map[string]string{"zh/grammar": "option | clause-chain\n"})
	actors := []testActor{
		govPerson("拉夫罗夫", "RUSGOV", "RUS"),
		govPerson("伊朗外长", "IRNGOV", "IRN"),
		{alias: "美国", via: "name", ref: dyad.ActorRef{ID: "usa", Name: "美国", Type: "country", Country: "USA", Code: "USA"}},
	}
	text := "俄罗斯外长拉夫罗夫29日会见伊朗外长，谴责美国对伊朗的制裁。"
	got := codeHand(t, chained, "zh", "2024-05-01", text, actors)
	if !slices.ContainsFunc(got, func(g string) bool { return strings.HasPrefix(g, "11") && strings.HasSuffix(g, " RUSGOV USA") }) {
		t.Errorf("clause-chain: events %q, want 11 RUSGOV USA", got)
	}
	if slices.ContainsFunc(got, func(g string) bool { return strings.HasSuffix(g, " IRNGOV USA") }) {
		t.Errorf("clause-chain: events %q, want no IRNGOV USA", got)
	}
}
