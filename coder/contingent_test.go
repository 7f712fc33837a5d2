package coder

import (
	"fmt"
	"slices"
	"testing"

	"github.com/dyad-events/dyad"
)

// codeHand codes text with hand-made mentions and returns "CODE SOURCE TARGET" for each event.
func codeHand(t *testing.T, c *Coder, lang, date, text string, actors []testActor) []string {
	t.Helper()
	a := &dyad.Article{ID: "t", Lang: lang, Text: text, Published: dyad.NullString(date)}
	res := c.Code(a, handMentions(actors, text))
	var got []string
	for _, e := range res.Events {
		got = append(got, fmt.Sprintf("%s %s %s", e.Code, e.Source.Code, e.Target.Code))
	}
	return got
}

// The men of a contingent and the country they are sent to are two phrases (a mission noun of grammar before
// the group), so the country is the target and not the group's modifier; a contingent of athletes is no mission.
func TestContingentSentTo(t *testing.T) {
	c := newTestCoder(t)
	ken := testActor{alias: "Kenya", via: "name", ref: dyad.ActorRef{ID: "ken", Name: "Kenya", Type: "country", Country: "KEN", Code: "KEN"}}
	cod := testActor{alias: "Congo", via: "name", ref: dyad.ActorRef{ID: "cod", Name: "Congo", Type: "country", Country: "COD", Code: "COD"}}
	soldiers := testActor{alias: "soldiers", via: "sector", ref: dyad.ActorRef{ID: "mil", Name: "soldiers", Type: "group", Sector: "MIL", Code: "MIL"}}
	got := codeHand(t, c, "en", "2022-11-12", "Kenya sent a contingent of 900 soldiers to Congo on Saturday.", []testActor{ken, soldiers, cod})
	if !slices.Contains(got, "074 KENMIL COD") {
		t.Errorf("contingent of soldiers: want 074 KENMIL COD, got %v", got)
	}
	athletes := "Kenya sent a contingent of 40 athletes to Congo on Saturday."
	if got := codeHand(t, c, "en", "2022-11-12", athletes, []testActor{ken, cod}); len(got) != 0 {
		t.Errorf("contingent of athletes: want no event, got %v", got)
	}
}

// A verb after a frame's words that end in a preposition is a verb (`^`): "começou a enviar", "comenzó a
// desplegar", where "a" alone before it would make it no verb.
func TestFramePrepositionKeepsVerb(t *testing.T) {
	c := newTestCoder(t)
	prt := testActor{alias: "Portugal", via: "name", ref: dyad.ActorRef{ID: "prt", Name: "Portugal", Type: "country", Country: "PRT", Code: "PRT"}}
	caf := testActor{alias: "República Centro-Africana", via: "name", ref: dyad.ActorRef{ID: "caf", Name: "Central African Republic", Type: "country", Country: "CAF", Code: "CAF"}}
	text := "Portugal começou hoje a enviar um contingente para a República Centro-Africana."
	if got := codeHand(t, c, "pt", "2017-01-07", text, []testActor{prt, caf}); !slices.Contains(got, "074 PRTMIL CAF") {
		t.Errorf("começou a enviar: want 074 PRTMIL CAF, got %v", got)
	}
}

// A clitic after "and" stands for the object of the first verb when that object is a person: "interceptó al
// opositor X y lo puso bajo arresto" is the police arresting X.
func TestCliticAfterAndIsTheObject(t *testing.T) {
	c := newTestCoder(t)
	police := testActor{alias: "Policía de Nicaragua", via: "genitive", ref: dyad.ActorRef{ID: "niccop", Name: "Policía de Nicaragua", Type: "group", Country: "NIC", Sector: "COP", Code: "NICCOP"}}
	cruz := testActor{alias: "Arturo Cruz", via: "name", ref: dyad.ActorRef{ID: "cruz", Name: "Arturo Cruz", Type: "person", Country: "NIC", Sector: "OPP", Code: "NICOPP"}}
	text := "La Policía de Nicaragua interceptó este sábado en el aeropuerto al aspirante opositor Arturo Cruz y lo puso bajo arresto."
	if got := codeHand(t, c, "es", "2021-06-05", text, []testActor{police, cruz}); !slices.Contains(got, "173 NICCOP NICOPP") {
		t.Errorf("want 173 NICCOP NICOPP, got %v", got)
	}
}

// Two sides that open the sentence keep their joint verb across an apposition in commas that names no person:
// "Saudi Arabia and Iran, regional rivals that broke off relations in 2016, signed an agreement".
func TestPairBeforeApposition(t *testing.T) {
	c := newTestCoder(t)
	sau := testActor{alias: "Saudi Arabia", via: "name", ref: dyad.ActorRef{ID: "sau", Name: "Saudi Arabia", Type: "country", Country: "SAU", Code: "SAU"}}
	irn := testActor{alias: "Iran", via: "name", ref: dyad.ActorRef{ID: "irn", Name: "Iran", Type: "country", Country: "IRN", Code: "IRN"}}
	text := "Saudi Arabia and Iran, regional rivals with a long history of enmity, signed an agreement in Beijing on Friday."
	if got := codeHand(t, c, "en", "2023-03-10", text, []testActor{sau, irn}); !slices.Contains(got, "057 SAUGOV IRNGOV") {
		t.Errorf("want 057 SAUGOV IRNGOV, got %v", got)
	}
}
