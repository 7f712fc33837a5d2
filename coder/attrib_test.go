package coder

import (
	"testing"
)

// TestAttributesInGaps covers round 23's actor phrases inside a noun phrase that a gap passes over (code23g): a
// participle phrase with its own agent, before the noun (de, nl) or after it (en and the Romance languages), is
// one unit of a gap, and its agent no side; an actor after a preposition of belonging and a title in lower case
// ("del opositor X", "van oppositieleider X") is governed; a German genitive attribute with a title or
// adjectives before the name ("des Kremlkritikers X", "des südafrikanischen Präsidenten X") is the middle
// field's. And where the barrier holds: an actor in the gap that is the verb's side, a passive's agent after an
// adverb, a gerund's object.
func TestAttributesInGaps(t *testing.T) {
	c := newTestCoder(t)
	act := namedActor
	country := func(alias, code string) testActor { return act(alias, "country", code, code, "") }
	actors := []testActor{
		act("Nikol Paschinjan", "person", "ARMGOV", "ARM", "GOV"),
		act("Angela Merkel", "person", "DEUGOV", "DEU", "GOV"),
		act("Alexej Nawalny", "person", "RUSOPP", "RUS", "OPP"),
		act("Alexéi Navalni", "person", "RUSOPP", "RUS", "OPP"),
		act("Aleksej Navalny", "person", "RUSOPP", "RUS", "OPP"),
		act("Jacob Zuma", "person", "ZAFGOV", "ZAF", "GOV"),
		act("Robert Mugabe", "person", "ZWEGOV", "ZWE", "GOV"),
		act("Unión Europea", "igo", "IGOEUREEC", "", ""),
		act("Europese Unie", "igo", "IGOEUREEC", "", ""),
		act("Xi Jinping", "person", "CHNGOV", "CHN", "GOV"),
		act("Emmanuel Macron", "person", "FRAGOV", "FRA", "GOV"),
		country("Russland", "RUS"), country("Aserbaidschan", "AZE"), country("China", "CHN"), country("Katar", "QAT"),
		country("Rwanda", "RWA"), country("Qatar", "QAT"), country("Congo", "COD"), country("Iran", "IRN"),
		country("Arabia Saudí", "SAU"), country("Irán", "IRN"), country("Chine", "CHN"), country("Arabie saoudite", "SAU"),
		country("Cina", "CHN"), country("Arabia Saudita", "SAU"), country("Simbabwe", "ZWE"), country("VS", "USA"),
		act("funcionarios rusos", "group", "RUSGOV", "RUS", "GOV"), act("Russische functionarissen", "group", "RUSGOV", "RUS", "GOV"),
	}
	for _, tc := range []struct {
		lang, text string
		want       string // "CODE SOURCE TARGET", or "" for no event
	}{
		// a participle phrase with its own agent inside the object
		{"de", "Nikol Paschinjan hat am Freitag ein von Russland vermitteltes Abkommen mit Aserbaidschan unterzeichnet.", "057 ARMGOV AZE"},
		{"de", "Nikol Paschinjan hat am Freitag ein von Russland und Katar vermitteltes Abkommen mit Aserbaidschan geschlossen.", "057 ARMGOV AZE"},
		{"nl", "Rwanda heeft vrijdag een door Qatar bemiddeld vredesakkoord met Congo ondertekend.", "057 RWAGOV COD"},
		{"nl", "Rwanda heeft vrijdag een door de VS en Qatar bemiddeld vredesakkoord met Congo gesloten.", "057 RWAGOV COD"},
		{"es", "Arabia Saudí firmó el viernes un acuerdo mediado por China con Irán.", "057 SAUGOV IRN"},
		{"fr", "L'Arabie saoudite a signé vendredi un accord négocié par la Chine avec l'Iran.", "057 SAUGOV IRN"},
		{"it", "L'Arabia Saudita ha firmato venerdì un accordo mediato dalla Cina con l'Iran.", "057 SAUGOV IRN"},
		// a title after a preposition of belonging
		{"es", "La Unión Europea impuso el jueves sanciones por el envenenamiento del opositor Alexéi Navalni a funcionarios rusos.", "163 IGOEUREEC RUSGOV"},
		// a German genitive attribute with a title or adjectives before the name
		{"de", "Angela Merkel hat von Russland am Mittwoch Aufklärung über die Vergiftung des Kremlkritikers Alexej Nawalny gefordert.", "100 DEUGOV RUS"},
		// the barrier holds: the actor in the gap is the verb's side
		{"de", "Angela Merkel hat von Russland und China am Mittwoch Aufklärung gefordert.", "100 DEUGOV CHN"},
		// a passive's agent after an adverb, no participle phrase
		{"fr", "Emmanuel Macron a été accueilli jeudi en grande pompe par Xi Jinping.", "043 CHNGOV FRAGOV"},
	} {
		checkCoded(t, tc.text, codeHand(t, c, tc.lang, "2023-03-10", tc.text, actors), tc.want)
	}
}
