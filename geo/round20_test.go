package geo_test

import "testing"

// TestRound20 checks round twenty's rules (docs/geo.md, our own sentences): a capital word alone names the
// capital of the dateline's country, of the one country the sentence names, of the article's, else of the
// language's home country ("nel centro della Capitale", "tại Thủ đô"); an aside on where a person is (",
// on a visit to N'Djamena,") gives way to another city; a participle on an earlier event's place (",
// survenue à Barcelone") places nothing; a place before a comma and a direction from a bigger one ("Faenza, a
// sud-ovest di Ravenna"); a landmark's name tells which of a name's places; acronyms, historical names and
// generic region names are no places; the Sinai.
func TestRound20(t *testing.T) {
	p := loadPipe(t)
	for _, tt := range []struct {
		lang, text string
		place      string // a GeoNames id, a region's code, a country's alpha-3 code (precision country), or "" for none
	}{
		{"it", "Migliaia di persone hanno sfilato nel centro della Capitale.", "3169070"},
		{"vi", "Mưa lớn gây ngập nhiều tuyến phố tại Thủ đô.", "1581130"},
		{"de", "In der Hauptstadt demonstrierten Tausende.", "2950159"},
		{"ru", "Протестующие в Грузии перекрыли улицы столицы.", "611717"},
		{"nl", "In de hoofdstad Kyiv klonk luchtalarm.", "703448"},
		{"en", "Gunmen stormed a hotel in Bamako, as President Ibrahim Boubacar Keïta, on a visit to N'Djamena, cut short his trip.", "2460596"},
		{"fr", "Le Gabon a décrété un deuil national après la mort d'Omar Bongo, survenue à Barcelone.", "GAB"},
		{"it", "L'alluvione ha sommerso i quartieri di Faenza, a sud-ovest di Ravenna.", "3177300"},
		{"fr", "Des supporters ont été gazés aux abords du Stade de France, à Saint-Denis.", "2980916"},
		{"en", "Ukrainian drones attacked the naval base at Novorossiysk.", "518255"},
		{"ru", "Боевики напали на мечеть на Синае.", "EG.27"},
		{"zh", "西奈半岛北部一座清真寺遭到袭击。", "EG.27"},
		// traps: a language with no home country; capital as money or an adjective; an aside with no other
		// city; an acronym; a generic region name
		{"en", "Police fired tear gas at protesters in the capital.", ""},
		{"it", "La banca ha aumentato il capitale sociale.", ""},
		{"fr", "La réforme est d'une importance capitale pour le gouvernement.", ""},
		{"en", "Narendra Modi, on a visit to Kyiv, hugged Volodymyr Zelensky.", "703448"},
		{"pt", "O avião da TAM derrapou na pista.", ""},
		{"es", "Los presos se amotinaron en la Penitenciaría del Litoral.", ""},
	} {
		checkSentencePlace(t, p, "round20", tt.lang, tt.text, tt.place)
	}
}
