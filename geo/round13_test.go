package geo_test

import "testing"

// TestRound13 checks round thirteen's rules (docs/geo.md, our own sentences): a place named right after a
// `flee` word is where people come from, no place of the event when the sentence names another, and the place
// when it names none; a `to` word after an arrival's verb introduces the place; a place word of the whole
// country ("across"); the centre of a city is a city word; a region or country read before a city word is
// the place when no name follows; a Chinese region or country, a direction and a city word before a city
// name it; each word of a Russian name of several words is inflected; a dateline whose place is written as a
// name, with its date and agency ("Maputo, 11 mar (Lusa) -"), is no place of the sentence. Then: a genitive
// ending after a noun reads a city of any size, as a city word before it does; `prefer`; a seat of power that
// the actor stage reads as the government, after an article or a genitive, is its city; a landmark's name
// followed by a genitive and a city is that city.
func TestRound13(t *testing.T) {
	p := loadPipe(t)
	for _, tt := range []struct {
		lang, text string
		place      string // a GeoNames id, a country's alpha-3 code (precision country), or "" for none
	}{
		{"en", "Residents who fled Mariupol described weeks of shelling.", "701822"},
		{"es", "Una patera con cuarenta migrantes llegó el lunes a Motril.", "2513477"},
		{"en", "Mobile data services were suspended across Pakistan on Tuesday after the arrest of Imran Khan.", "PAK"},
		{"zh", "导弹袭击发生在乌克兰东部。", "UKR"},
		{"zh", "乌克兰东部城市克拉马托尔斯克的火车站8日遭到导弹袭击。", "704508"},
		{"ru", "В Великом Новгороде в 2009 году отметили 1150-летие города.", "519336"},
		{"pt", "Maputo, 11 mar (Lusa) - O ciclone Freddy atingiu a cidade de Quelimane, destruindo centenas de casas.", "1028434"},
		// the second rules: a Russian genitive after a noun, a name the language gives first to a place of one
		// country (and the country before a city word that says otherwise), a seat of power read as the
		// government after an article, a landmark followed by its city
		{"ru", "Власти эвакуировали жителей Купянска.", "703656"},
		{"nl", "De Noorse havenstad Bergen was in 2000 Culturele Hoofdstad van Europa.", "3161732"},
		{"en", "Protesters marched to the White House on Saturday.", "4140963"},
		{"fr", "Des milliers de pèlerins sont arrivés dans la cathédrale Notre-Dame de Chartres au terme de leur marche.", "3026467"},
	} {
		checkSentencePlace(t, p, "round13", tt.lang, tt.text, tt.place)
	}
}
