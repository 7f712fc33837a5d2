package geo_test

import "testing"

// TestRound11 checks round eleven's rules (docs/geo.md, our own sentences): a landmark's name of several words
// that starts in lower case, as the text writes it, names its city, and a lower-case word starts no other
// name (GeoNames' "Le Port", "El Centro" are not read from "le port", "el centro"); a city's adjective after a
// place word is the city, unless the actor stage reads it as a country's; a bracket inside a name; a
// continent is no place; a Vietnamese syllable with its marks that no place is written as is no place, a
// foreign city's Vietnamese name of one syllable is; a name before a genitive word followed by a person is
// the place ("im Kreml von Präsident Putin").
func TestRound11(t *testing.T) {
	p := loadPipe(t)
	for _, tt := range []struct {
		lang, text string
		place      string // a GeoNames id, a country's alpha-3 code (precision country), or "" for none
	}{
		{"it", "Migliaia di persone si sono radunate in piazza Syntagma contro le misure di austerità.", "264371"},
		{"fr", "Le feu a ravagé la toiture de la cathédrale Notre-Dame de Paris lundi soir.", "2988507"},
		{"es", "Miles de personas se concentraron el domingo en el centro de la ciudad.", ""},
		{"de", "Im Leipziger Hauptbahnhof kam es am Abend zu einem Großeinsatz der Polizei.", "2879139"},
		{"de", "In der Basler Innenstadt demonstrierten am Samstag Tausende gegen die Pandemie-Maßnahmen.", "2661604"},
		{"ru", "В омской больнице скончался пациент, сообщили врачи.", "1496153"},
		{"ru", "В американском посольстве прошла встреча дипломатов.", "USA"},
		{"de", "Die Saale trat am Sonntag in Halle (Saale) über die Ufer.", "2911522"},
		{"pt", "A Etiópia é o segundo país mais populoso de África.", "ETH"},
		{"vi", "Các nước OPEC đã họp tại Viên hôm thứ Năm.", "2761369"},
		{"vi", "Lực lượng cứu hộ đã có mặt tại hiện trường.", ""},
		{"de", "Der Kanzler wurde im Kreml von Präsident Putin empfangen.", "524901"},
	} {
		checkSentencePlace(t, p, "round11", tt.lang, tt.text, tt.place)
	}
}

// TestShortChineseNames checks the Chinese names that geo/gen adds less 市 (拉法市: 拉法), and the `never`
// words of zh/geo that keep common words among them out (东方 is no Ciudad del Este).
func TestShortChineseNames(t *testing.T) {
	p := loadPipe(t)
	for _, tt := range []struct{ text, place string }{
		{"以色列坦克开进拉法东部的居民区。", "281102"},
		{"东方航空的航班全部恢复正常。", ""},
	} {
		checkSentencePlace(t, p, "round11", "zh", tt.text, tt.place)
	}
}
