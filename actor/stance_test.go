package actor

import (
	"strings"
	"testing"

	"github.com/dyad-events/dyad"
)

// TestStanceCapital: a capital after a genitive word is a place ("les rues de Kinshasa"), unless a noun of the
// language's @stance line stands within three words before it: then it names the government's act ("les
// accusations répétées de Kinshasa", "le plan d'autonomie de Rabat", "l'invito di Washington").
func TestStanceCapital(t *testing.T) {
	d := testDict(t)
	for _, c := range []struct {
		lang, text string
		want       []string
	}{
		{"fr", "Kigali a rejeté les accusations répétées de Kinshasa.", []string{"Kigali=RWAGOV", "Kinshasa=CODGOV"}},
		{"fr", "Paris a salué le plan d'autonomie de Rabat.", []string{"Paris=FRAGOV", "Rabat=MARGOV"}},
		{"fr", "Des manifestants ont défilé dans les rues de Kinshasa.", nil},
		{"es", "Pekín respondió a la inquietud de Washington.", []string{"Pekín=CHNGOV", "Washington=USAGOV"}},
		{"it", "Roma ha accolto l'invito di Washington.", []string{"Roma=ITAGOV", "Washington=USAGOV"}},
		{"pt", "O governo reagiu às ameaças de Pequim.", []string{"Pequim=CHNGOV"}},
		{"pt", "O avião pousou no aeroporto de Ancara.", nil},
	} {
		var got []string
		for _, m := range d.Recognize(&dyad.Article{Text: c.text, Lang: c.lang, Published: "2024-06-01"}) {
			if m.Via == "sector" || m.Actor.Type == dyad.TypeGroup {
				continue
			}
			got = append(got, m.Text+"="+m.Actor.Code)
		}
		if strings.Join(got, "; ") != strings.Join(c.want, "; ") {
			t.Errorf("%s %q:\n got  %s\n want %s", c.lang, c.text, strings.Join(got, "; "), strings.Join(c.want, "; "))
		}
	}
}

// TestDativeCapital: a capital after a place word that is no genitive ("à") is a place ("est arrivé à Kiev"),
// unless a verb or noun of the language's @dative line stands within three words before it: then it is that
// verb's indirect object, the government ("a imputé mercredi à Kiev", "reproche à Washington").
func TestDativeCapital(t *testing.T) {
	d := testDict(t)
	for _, c := range []struct {
		lang, text string
		want       []string
	}{
		{"fr", "Moscou a imputé mercredi à Kiev une attaque de drones.", []string{"Moscou=RUSGOV", "Kiev=UKRGOV"}},
		{"fr", "Pékin reproche à Washington d'attiser les tensions.", []string{"Pékin=CHNGOV", "Washington=USAGOV"}},
		{"fr", "Le ministre est arrivé mardi à Kiev.", nil},
		{"fr", "Des milliers de personnes ont défilé à Paris.", nil},
	} {
		var got []string
		for _, m := range d.Recognize(&dyad.Article{Text: c.text, Lang: c.lang, Published: "2024-06-01"}) {
			if m.Via == "sector" || m.Actor.Type == dyad.TypeGroup || m.Actor.Type == dyad.TypePerson {
				continue
			}
			got = append(got, m.Text+"="+m.Actor.Code)
		}
		if strings.Join(got, "; ") != strings.Join(c.want, "; ") {
			t.Errorf("%s %q:\n got  %s\n want %s", c.lang, c.text, strings.Join(got, "; "), strings.Join(c.want, "; "))
		}
	}
}
