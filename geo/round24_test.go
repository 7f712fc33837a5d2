package geo_test

import "testing"

// TestRound24 checks round twenty-four's regions (docs/geo.md, our own sentences): first-level regions named
// in the text's language (geo/admin1), read after a place word or without one; geographic regions of one country
// (geo/areas); a city's namesakes told by a region after its comma past a region word ("штат Техас"); a sentence
// spread over the whole country (`nation`); Vietnamese words of medicine are no Italy.
func TestRound24(t *testing.T) {
	p := loadPipe(t)
	for _, tt := range []struct {
		lang, text string
		place      string // a GeoNames id, a region's code, a country's alpha-3 code (precision country), or "" for none
	}{
		{"ru", "Беспилотник атаковал нефтебазу в Курской области.", "RU.41"},
		{"zh", "实皆省发生强烈地震。", "MM.10"},
		{"de", "Heftige Regenfälle haben in Niedersachsen Deiche aufgeweicht.", "DE.06"},
		{"vi", "Bão số 3 đổ bộ vào tỉnh Quảng Ninh.", "VN.30"},
		{"fr", "Les inondations ont submergé une partie de la province du Sind.", "PK.05"},
		{"en", "A bomb ripped through a gymnasium on the southern island of Mindanao.", "PHL"},
		{"it", "Un naufragio al largo del Crotonese ha causato decine di morti.", "ITA"},
		{"nl", "Bosbranden in Siberië verwoestten duizenden hectare.", "RUS"},
		{"ru", "В Одессе, штат Техас, мужчина открыл стрельбу.", "5527554"},
		{"vi", "Cả nước ghi nhận thêm 2.000 ca sốt xuất huyết.", "VNM"},
		{"vi", "Theo Bộ Y tế, số ca mắc tăng mạnh.", ""},
		{"fr", "Un incendie a ravagé des milliers d'hectares dans le Var.", "FRA"},
		{"ru", "Торнадо разрушил несколько домов в Пенсильвании.", "US.PA"},
		{"zh", "不列颠哥伦比亚省发生大规模山火。", "CA.02"},
		// traps: a region of two countries; a region's name inside a longer one; a one-word name that opens the
		// sentence; the end of a longer name
		{"en", "Troops exchanged fire across the line of control in Kashmir.", ""},
		{"en", "The Darfur Peace Agreement was signed by two of the factions.", ""},
		{"pt", "A Comissão Nacional de Eleições divulgou os resultados.", ""},
	} {
		checkSentencePlace(t, p, "round24", tt.lang, tt.text, tt.place)
	}
}
