package geo_test

import "testing"

// TestRound18 checks round eighteen's rules (docs/geo.md, our own sentences): a city told by its adjective or
// demonym (`cityof`), wherever the sentence names it, over the dateline and under a city it names by name; an
// event or venue named after its city ("the Boston Marathon"); a region's adjective before a city word ("the
// southern English city of"); a canton named after its seat; a city's abbreviation; a country told by its
// parts ("den Südosten der Türkei"); a Chinese dateline inside the text ("新华社上海电 —"), no place of the sentence.
func TestRound18(t *testing.T) {
	p := loadPipe(t)
	for _, tt := range []struct {
		lang, text string
		place      string // a GeoNames id, a country's alpha-3 code (precision country), or "" for none
	}{
		{"es", "Los taxistas madrileños bloquearon el paseo de la Castellana.", "3117735"},
		{"fr", "Les éboueurs marseillais ont entamé une grève illimitée.", "2995469"},
		{"ru", "Пожар вспыхнул на крыше новосибирского вокзала.", "1496747"},
		{"de", "Die Dresdner Polizei hat die Demonstration aufgelöst.", "2935022"},
		{"nl", "De Rotterdamse haven werd stilgelegd door een staking.", "2747891"},
		{"en", "Muscovites laid flowers outside the concert hall after the attack.", "524901"},
		{"en", "Two runners collapsed at the finish of the London Marathon.", "2643743"},
		{"en", "Floods swept through the northern English town of Boston.", "2655138"},
		{"de", "Im Kanton Zug wurde ein neues Parlament gewählt.", "2657908"},
		{"en", "Traffic came to a halt across HCMC during the storm.", "1566083"},
		{"nl", "De aardbeving trof het noordwesten van Iran en het oosten van Turkije.", "IRN"},
		{"zh", "新华社上海电 — 杭州一处工地周三发生坍塌。", "1808926"},
		// traps: a city named by name over a city's adjective; a border's direction is no part of a country; a
		// name glued by hyphens to lower-case words is a longer name
		{"it", "I tifosi napoletani hanno invaso le strade di Roma.", "3169070"},
		{"es", "La caravana partió de Tapachula, en la frontera sur de México.", "3516266"},
		{"fr", "Un incendie a endommagé l'église Saint-Pierre-et-Saint-Paul de Nantes.", "2990969"},
	} {
		checkSentencePlace(t, p, "round18", tt.lang, tt.text, tt.place)
	}
}
