package geo_test

import "testing"

// TestRound25 checks round twenty-five's rules (docs/geo.md, our own sentences, not the gold's): a name read
// after a water's or an island's word and a genitive is a city the feature is named after, read only when the
// sentence names no other city; a name right after the word of a waterfall or a lake is the water's; a name after
// a word that makes it a common noun (German articles) or opens a longer proper name ("City Hall") is no city; the
// places of a clause the sentence opens with an `after` phrase are no place of an event told after its comma; a
// town named with its first-level region is the town; a place word after a noun of support is a dative.
func TestRound25(t *testing.T) {
	p := loadPipe(t)
	for _, tt := range []struct {
		lang, text string
		place      string // a GeoNames id, a region's code, a country's alpha-3 code (precision country), or "" for none
	}{
		// a feature's city, the place when the sentence names no other city
		{"fr", "Deux nageurs se sont noyés dimanche dans le lac d'Annecy.", "3037543"},
		// it gives way to another city ("frente a Cabimas"), and a falls' or a volcano's name is no city
		{"es", "El petróleo cubrió las orillas del lago de Maracaibo frente a Cabimas.", "3647651"},
		{"fr", "Un pont a été emporté près des chutes Victoria, à Livingstone.", "910111"},
		{"es", "La lava del volcán de La Palma arrasó varias casas de Los Llanos de Aridane.", "2514651"},
		{"vi", "Một tàu chở khách bị lật trên hồ Victoria gần thành phố Mwanza.", "152224"},
		// a common noun after a German article, and the end of a longer proper name, are no city; a landmark
		// after an article and a city opening a compound stay cities
		{"de", "In der Halle 3 der Kölner Messe brach ein Feuer aus.", "2886242"},
		{"en", "BOISE, Idaho (AP) — City Hall was evacuated after a bomb threat on Monday.", "5586437"},
		{"de", "Der Kanzler wurde im Kreml empfangen.", "524901"},
		{"de", "Beim Boston-Marathon explodierten zwei Sprengsätze.", "4930956"},
		// a clause the sentence opens with an `after` phrase is an earlier event's when the sentence names a place
		// after its comma; a landmark of geo/aliases before a place word and a city is that city's
		{"en", "After a summit in Melbourne, the prime minister met Anthony Albanese in Canberra.", "2172517"},
		{"fr", "Après une escale à Dakar, le président s'est rendu à Abidjan pour un sommet.", "2293538"},
		{"vi", "Sau khi dự hội nghị tại Melbourne, Thủ tướng hội đàm với ông Albanese tại Nhà Quốc hội ở Canberra.", "2172517"},
		{"en", "After a summit in Melbourne, the two leaders signed a trade deal.", "2158177"},
		// a town before its region: a qualifier of four words ("Mato Grosso do Sul"); a region that a place word
		// names elsewhere in the sentence gives way to its town (Madeira is also a small town of Brazil's); a city
		// of its region's name stays the city
		{"pt", "A fumaça encobriu Corumbá, em Mato Grosso do Sul.", "3465342"},
		{"pt", "Moradores do concelho de Câmara de Lobos foram retirados de casa, quando o incêndio que lavra na Madeira se aproximou.", "2270380"},
		{"pt", "Moradores de Campinas protestaram em São Paulo.", "3448439"},
		// a place word after a noun of support is a dative: the country helped is no place (the dateline is)
		{"fr", "Mulhouse (AFP) - Un homme a été blessé samedi en marge d'un rassemblement de soutien à la RD Congo.", "2991214"},
		// a clause opened by ", khi" tells another event at that time: its places give way to the one before it
		{"vi", "Cảnh sát điều tra vụ xe tải ở thị trấn Grays, khi nhiều gia đình ở Nghệ An mất liên lạc với người thân.", "2648182"},
	} {
		checkSentencePlace(t, p, "round25", tt.lang, tt.text, tt.place)
	}
}
