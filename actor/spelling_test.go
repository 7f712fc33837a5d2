package actor

import (
	"slices"
	"testing"

	"github.com/dyad-events/dyad"
	"github.com/dyad-events/dyad/packs"
)

// TestSpellingVariants checks names written in a language's own transliteration, which no dictionary line
// spells so: the language's spelling rules and the spelling key find the person.
func TestSpellingVariants(t *testing.T) {
	d := testDict(t)
	for _, c := range []struct {
		lang, date, text string
		want             []string
	}{
		{"de", "2025-01-10", "Massud Peseschkian reiste am Montag nach Moskau.", []string{"Massud Peseschkian=IRNGOV"}},
		{"de", "2024-01-10", "Denys Schmyhal traf in Berlin ein.", []string{"Denys Schmyhal=UKRGOV"}},
		{"fr", "2024-01-10", "Denys Chmyhal est arrivé à Paris.", []string{"Denys Chmyhal=UKRGOV"}},
		{"fr", "2022-01-10", "Mohammed ben Salmane a reçu le ministre.", []string{"Mohammed ben Salmane=SAUGOV", "ministre=SAUGOV"}},
		{"fr", "2024-01-10", "Ilham Aliev et Nikol Pachinian ont signé.", []string{"Ilham Aliev=AZEGOV", "Nikol Pachinian=ARMGOV"}},
		{"es", "2024-01-10", "Nikol Pashinián viajó a Bruselas.", []string{"Nikol Pashinián=ARMGOV"}},
		{"de", "2025-03-10", "Ahmed al-Scharaa sprach in Damaskus.", []string{"Ahmed al-Scharaa=SYRGOV"}},
		// people of actors/people-cabinets, by a name the file spells and by one it does not
		{"it", "2022-08-10", "I sostenitori di Moqtada al-Sadr hanno protestato.", []string{"Moqtada al-Sadr=IRQREL"}},
		{"de", "2023-03-01", "Walerij Saluschnyj besuchte die Front.", []string{"Walerij Saluschnyj=UKRMIL"}},
		// the English spelling in an article of another language still passes the language's rules
		{"fr", "2025-01-10", "Abbas Araghchi est arrivé à Pékin.", []string{"Abbas Araghchi=IRNGOV"}},
		// capitalised words that spell no one stay nothing
		{"de", "2024-01-10", "Kleine Anfragen und Große Koalition blieben Thema.", nil},
	} {
		ms := d.Recognize(&dyad.Article{Text: c.text, Lang: c.lang, Published: dyad.NullString(c.date)})
		var got []string
		for _, m := range ms {
			got = append(got, m.Text+"="+m.Actor.Code)
		}
		if !slices.Equal(got, c.want) {
			t.Errorf("%s %q: got %q, want %q", c.lang, c.text, got, c.want)
		}
	}
}

// TestSpellingKey checks the key and the rules on their own, and that a key people of two countries share
// names no one.
func TestSpellingKey(t *testing.T) {
	for _, c := range []struct{ a, b string }{
		{"zelenskyy", "zelensky"}, {"masoud pezeshkian", "massud peseshkian"}, {"amir-abdollahian", "amirabdollahian"},
	} {
		ka, _ := spellKey(c.a, true)
		kb, _ := spellKey(c.b, true)
		if ka != kb {
			t.Errorf("spellKey(%q) = %q, spellKey(%q) = %q, want equal", c.a, ka, c.b, kb)
		}
	}
	if _, ok := spellKey("li peng", false); ok {
		t.Errorf("spellKey(li peng) is long enough to name someone")
	}
	if got := respell("schmyhal", []spellRule{{"sch", "sh"}, {"ch", "kh"}}); got != "shmyhal" {
		t.Errorf("respell = %q", got)
	}
	dir := t.TempDir()
	writeFile(t, dir+"/actors/countries", "AAA | AA | AAA | Aland\nBBB | BB | BBB | Bland\n")
	writeFile(t, dir+"/actors/people", "x | person | AAA | GOV | | Sergei Moroskin\nrole | | AAA | 2020 | | GOV\n"+
		"y | person | BBB | GOV | | Sergey Moroskine\nrole | | BBB | 2020 | | GOV\nz | person | AAA | GOV | | Ivan Petrowsky\nrole | | AAA | 2020 | | GOV\n")
	writeFile(t, dir+"/de/spelling", "j | y\n")
	d, err := Load(packs.Dir(dir))
	if err != nil {
		t.Fatal(err)
	}
	for _, c := range []struct{ text, want string }{
		{"Sergej Moroskin sagte.", ""},
		{"Iwan Petrowskij sagte.", "z"},
	} {
		ms := d.Recognize(&dyad.Article{Text: c.text, Lang: "de"})
		got := ""
		if len(ms) > 0 {
			got = ms[0].Actor.ID
		}
		if got != c.want {
			t.Errorf("%q: got %q, want %q", c.text, got, c.want)
		}
	}
}
