package geo_test

import (
	"testing"

	"github.com/dyad-events/dyad"
)

// TestBareNames checks the places a sentence names without a place word before them (our own sentences, in
// the shapes news uses): a city of two words anywhere, a big city of one word, a small one after a genitive
// word; not a stop word, not a first name, not a country (the actors place those); the clause after a
// place's comma narrows which of its namesakes it is, by a country or region it names or by a phrase that
// names the article's own country ("dans le nord du pays"); a seat of power stands for its city; a sentence that names no place is set in the one
// country its actors name; a city named anywhere beats a country or region a place word names.
func TestBareNames(t *testing.T) {
	p := loadPipe(t)
	for _, tt := range []struct {
		lang, text string
		place      string // a GeoNames id, a country's alpha-3 code (precision country), or "" for none
	}{
		{"en", "Floodwaters swept through the streets of Porto Alegre on Monday, cutting power to thousands of homes.", "3452925"},
		{"en", "Heavy rain flooded Mombasa overnight, and the port suspended operations until further notice.", "186301"},
		{"it", "Le ruspe hanno demolito le case abusive alla periferia di Pozzuoli, tra le proteste degli abitanti.", "3169984"},
		{"vi", "Mưa lớn kéo dài đã làm ngập nhiều tuyến phố ở trung tâm thành phố Đà Nẵng.", "1583992"},
		{"zh", "武汉市政府周一宣布，全市中小学将推迟开学。", "1791247"},
		{"en", "Florence Parly signed the contract for twelve aircraft.", "FRA"}, // not Florence: the country of its actors
		{"fr", "Les manifestants ont bloqué les routes pendant trois jours.", ""},
		{"vi", "Hàng nghìn người đã xếp hàng từ sáng sớm để mua vé xem trận chung kết.", ""}, // a word capitalised as the sentence's first
		{"en", "Fighting broke out near Tripoli, in northern Lebanon, between rival gunmen.", "266826"},
		{"fr", "Des tirs ont visé un convoi de l'armée libanaise près de Tripoli, dans le nord du pays, selon une source militaire.", "266826"},
		{"es", "El canciller ruso fue recibido el martes en el Palacio de Miraflores por el presidente venezolano.", "3646738"},
		{"fr", "Les Maliens votaient dimanche pour adopter une nouvelle Constitution.", "MLI"},
		// a city beats the country a place word names; a country right before its city; a city of the
		// article's country beats a foreign country's name; a building named after a place is not it
		{"it", "Una frana ha travolto alcune case nei dintorni di Cusco, in Perù, dopo giorni di pioggia.", "3941584"},
		{"zh", "代表团周二抵达阿联酋迪拜，将出席为期三天的投资论坛。", "292223"},
		{"es", "El gobierno nicaragüense de Daniel Ortega inauguró el lunes un hospital en Granada.", "3619136"},
		{"en", "Pilgrims queued outside the Temple of Heaven in Beijing on Sunday.", "1816670"},
	} {
		checkSentencePlace(t, p, "bare", tt.lang, tt.text, tt.place)
	}
}

// checkSentencePlace reads the place of one sentence, as its own article, and compares it with want: a GeoNames
// id, a country's alpha-3 code (precision country), or "" for no place.
func checkSentencePlace(t *testing.T, p *pipe, id, lang, txt, want string) {
	t.Helper()
	a := &dyad.Article{ID: id, Lang: lang, Text: txt, Published: "2024-07-30"}
	ms := p.dict.Recognize(a)
	l := p.r.Sentence(a, ms, 0, len(a.Text), -1)
	switch {
	case want == "":
		if l.Resolved() {
			t.Errorf("%q: placed at %+v; want no place", txt, l)
		}
	case len(want) == 3 && want[0] >= 'A':
		if !l.Resolved() || l.Country != want || l.Precision != "country" {
			t.Errorf("%q: %+v; want the country %s", txt, l, want)
		}
	case !l.Resolved() || l.PlaceID != want:
		t.Errorf("%q: %+v; want %s", txt, l, want)
	}
}
