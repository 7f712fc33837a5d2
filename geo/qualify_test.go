package geo_test

import "testing"

// TestQualifiers checks how a sentence's place is read around the name (our own sentences): a dateline
// that opens the text is the dateline, not a place of its sentence, and says where in a country the sentence
// names; adjectives and city words between a place word and the name; a country or region after a city's
// comma or in brackets places the city, whatever its size, and is no place of its own; a city's name that
// starts a longer name is not the city (in a language that writes its nouns in lower case); a place word of
// two Chinese characters; a Chinese transliteration inside a longer one; a genitive elided onto a name; a
// reporting clause's place; a place someone comes from, all its words.
func TestQualifiers(t *testing.T) {
	p := loadPipe(t)
	for _, tt := range []struct {
		lang, text string
		place      string // a GeoNames id, or "" for none
	}{
		{"es", "LIMA (EFE) - Las lluvias causaron graves inundaciones en las calles de Piura, informó el gobierno regional.", "3693528"},
		{"it", "KIEV, 3 mar. (ANSA) - Un missile ha colpito un edificio residenziale in Ucraina, hanno detto le autorità.", "703448"},
		{"de", "Im nordfranzösischen Lille haben am Donnerstag Tausende gegen die Rentenreform demonstriert.", "2998324"},
		{"ru", "В сибирском Новосибирске в среду прошёл митинг против повышения тарифов.", "1496747"},
		{"en", "Gunmen stormed a hotel in the capital city of Mogadishu on Friday night.", "53654"},
		{"en", "Shelling hit Kupiansk, in Ukraine's Kharkiv region, overnight.", "703656"},
		{"es", "Un fuerte sismo derrumbó casas y escuelas en el centro de Juchitán (Oaxaca) la noche del jueves.", "3526357"},
		{"pt", "As chuvas destruíram dezenas de casas no centro de Petrópolis, no Rio de Janeiro, na noite de terça-feira.", "3454031"},
		{"en", "Crowds gathered in Victoria Square on Sunday to mourn the victims.", ""},
		{"de", "Der Kanzler hat in Paris Gespräche mit dem Präsidenten geführt.", "2988507"},
		{"zh", "国务院总理周二抵達雅加達，出席东盟峰会。", "1642911"},
		// a transliteration inside a longer one is no place; after a word that ends in a sound character it is
		{"zh", "飓风周一在加勒比海上空增强为五级。", ""},
		{"zh", "数万名球迷周日参加米兰大教堂前的庆祝活动。", "3173435"},
		// a region named after its seat is the city
		{"en", "Diplomats gathered in Geneva on Monday for the opening of the Human Rights Council session.", "2660646"},
		// a genitive elided onto the name
		{"fr", "Le procès des viols de Mazan s'est ouvert lundi devant la cour criminelle du Vaucluse, au palais de justice d'Avignon.", "3035681"},
		// the place of a reporting clause at the end of the sentence is not the event's
		{"en", "Russian shelling hit a maternity hospital in the centre of Kherson on Thursday, Ukraine's health ministry said in Kyiv.", "706448"},
		// a place someone comes from is passed over whole
		{"nl", "Duizenden boeren trokken vanuit Den Haag op naar het centrum van Rotterdam.", "2747891"},
	} {
		checkSentencePlace(t, p, "qualify", tt.lang, tt.text, tt.place)
	}
}
