package geo_test

import "testing"

// TestRound12 checks round twelve's rules (docs/geo.md, our own sentences): a one-word city that opens the
// sentence is read when it is a city of 100,000 or more (not a small place, not a stop word); a city the
// gazetteer writes with its article is read after a preposition that holds the article, and after an elided
// place word only as a city (a country there is a dative); the possessive of a name; the end of a route is no
// place of the event when the sentence names another; a place before a `near` word within 100 km of the place
// after it is the place.
func TestRound12(t *testing.T) {
	p := loadPipe(t)
	for _, tt := range []struct {
		lang, text string
		place      string // a GeoNames id, a country's alpha-3 code (precision country), or "" for none
	}{
		{"en", "Odesa was hit by a wave of drones overnight, the regional governor said.", "698740"},
		{"fr", "Les dirigeants se sont retrouvés au Havre pour le sommet.", "3003796"},
		{"it", "Il governo ha approvato un nuovo pacchetto di aiuti all'Ucraina.", "UKR"},
		{"it", "Il corteo ha attraversato le strade dell'Aquila.", "3175121"},
		{"en", "Firefighters battled the blaze in Mosul's old city for hours.", "99072"},
		{"ru", "Поезд, следовавший из Москвы в Сочи, сошёл с рельсов под Волгоградом.", "472757"},
		// a place near another is the place; one too far from it is not read so
		{"de", "Der Zug entgleiste am Dienstag zwischen Feldern bei Erfurt.", "2929670"},
		{"en", "Rescuers reached Irpin near Kyiv after the bridge collapsed.", "707565"},
	} {
		checkSentencePlace(t, p, "round12", tt.lang, tt.text, tt.place)
	}
}
