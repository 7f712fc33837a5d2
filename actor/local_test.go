package actor

import (
	"strings"
	"testing"

	"github.com/dyad-events/dyad"
)

// TestLocalTitles checks that a city's or region's office (@local) takes its country from the place it
// governs, before the title or after an @of word, and never from a capital's government or the context.
func TestLocalTitles(t *testing.T) {
	d := testDict(t)
	d.SetPlaces(func(key, prefer string) (string, bool) { return "IND", key == "uttar pradesh" })
	defer d.SetPlaces(nil)
	for _, c := range []struct {
		lang, date, text string
		want             []string // "text=CODE" of every mention, in order
	}{
		{"en", "2008-01-10", "New York Mayor Michael Bloomberg spoke.", []string{"Michael Bloomberg=USAGOV"}},
		{"en", "2005-01-10", "Moscow Mayor Yuri Luzhkov spoke.", []string{"Yuri Luzhkov=RUSGOV"}},
		{"en", "2020-01-10", "Uttar Pradesh Chief Minister Yogi Adityanath spoke.", []string{"Yogi Adityanath=INDGOV"}},
		// a known person whose record lacks the local post is taken at the title's word (not ELI)
		{"en", "2020-04-01", "Tokyo Governor Yuriko Koike spoke.", []string{"Yuriko Koike=JPNGOV"}},
		{"fr", "2021-01-10", "la maire de Paris Anne Hidalgo a parlé.", []string{"Anne Hidalgo=FRAGOV"}},
		{"it", "2022-01-10", "il sindaco di Roma Roberto Gualtieri ha detto", []string{"Roberto Gualtieri=ITAGOV"}},
		{"pt", "2023-06-01", "o prefeito de São Paulo Ricardo Nunes disse", []string{"Ricardo Nunes=BRAGOV"}},
		{"it", "2022-01-10", "il sindaco di Roma, Roberto Gualtieri, ha detto", []string{"sindaco di Roma=ITAGOV"}},
		{"nl", "2020-06-01", "burgemeester Femke Halsema van Amsterdam zei", []string{"Femke Halsema=NLDGOV"}},
		// no place: the title keeps its sector and no country
		{"en", "2008-01-10", "Mayor John Smith spoke.", []string{"John Smith=GOV"}},
		// not a local title: a capital before another title is no place for it
		{"en", "2008-01-10", "Spokesman John Smith spoke.", []string{"John Smith=GOV"}},
	} {
		var got []string
		for _, m := range d.Recognize(&dyad.Article{Text: c.text, Lang: c.lang, Published: dyad.NullString(c.date)}) {
			if m.Via == "sector" {
				continue
			}
			got = append(got, m.Text+"="+m.Actor.Code)
		}
		if strings.Join(got, "; ") != strings.Join(c.want, "; ") {
			t.Errorf("%s %q:\n got  %s\n want %s", c.lang, c.text, strings.Join(got, "; "), strings.Join(c.want, "; "))
		}
	}
}

// TestCountryGivenName checks that a country name used as a given name before a surname that is only a
// small town of the gazetteer ("Jordan Henderson") makes no country, while a capital after a country name
// ends no name ("dat Rusland Kiev ... aanviel").
func TestCountryGivenName(t *testing.T) {
	d := testDict(t)
	d.SetPlaces(func(key, prefer string) (string, bool) { return "USA", key == "henderson" })
	defer d.SetPlaces(nil)
	for _, c := range []struct {
		lang, text string
		want       []string
	}{
		{"en", "Jordan Henderson", nil},
		{"nl", "Hij zei dat Rusland Kiev had aangevallen.", []string{"Rusland=RUS", "Kiev=UKRGOV"}},
	} {
		var got []string
		for _, m := range d.Recognize(&dyad.Article{Text: c.text, Lang: c.lang, Published: "2023-05-01"}) {
			got = append(got, m.Text+"="+m.Actor.Code)
		}
		if strings.Join(got, "; ") != strings.Join(c.want, "; ") {
			t.Errorf("%s %q:\n got  %s\n want %s", c.lang, c.text, strings.Join(got, "; "), strings.Join(c.want, "; "))
		}
	}
}

// TestTitledNameAmbiguous checks that a title with no country before a one-word name that several office
// holders of the date share resolves to none of them, and to the one when only one has it.
func TestTitledNameAmbiguous(t *testing.T) {
	d := testDict(t)
	for _, c := range []struct{ date, text, want string }{
		{"2006-06-01", "King Abdullah spoke.", ""},
		{"2019-06-01", "President Xi spoke.", "CHNGOV"},
	} {
		got := ""
		for _, m := range d.Recognize(&dyad.Article{Text: c.text, Lang: "en", Published: dyad.NullString(c.date)}) {
			if m.Actor.Country != "" {
				got = m.Actor.Code
			}
		}
		if got != c.want {
			t.Errorf("%s %q: got %q, want %q", c.date, c.text, got, c.want)
		}
	}
}

// TestSharedAcronym checks that a body's name that bodies of two countries share ("RSF": Sudan's Rapid Support
// Forces, Reporters sans frontières of no country) is the one whose country the article names elsewhere, and
// the first listed (the NGO) without such evidence.
func TestSharedAcronym(t *testing.T) {
	d := testDict(t)
	for _, c := range []struct{ lang, text, want string }{
		{"de", "Die paramilitärische RSF hat die Stadt Al-Faschir im Sudan eingenommen.", "SDNREB"},
		{"nl", "De Soedanese RSF heeft zaterdag Khartoem beschoten.", "SDNREB"},
		{"fr", "RSF a dénoncé vendredi l'arrestation de deux journalistes.", "NGOHRI"},
	} {
		got := ""
		for _, m := range d.Recognize(&dyad.Article{Text: c.text, Lang: c.lang, Published: "2024-05-03"}) {
			if m.Text == "RSF" {
				got = m.Actor.Code
			}
		}
		if got != c.want {
			t.Errorf("%s %q: RSF = %q, want %q", c.lang, c.text, got, c.want)
		}
	}
}
