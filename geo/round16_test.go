package geo_test

import "testing"

// TestRound16 checks round sixteen's rules (docs/geo.md, our own sentences): a city's name before a facility
// word ("Gatwick Airport" aside, "at Lviv Airport") and a capital's after one ("sân bay Kabul") is the city;
// a disaster's or a strike's verb introduces its object as a place; a direction before a country's name is
// read past ("in the north of Mali"); a route named by a genitive and a `to` word, or after a `bound` word,
// gives way to the place the sentence names otherwise, and so do its ends to a country that a noun after a
// place word is described by ("in the French Alps"); a city's adjective after a genitive names the city.
func TestRound16(t *testing.T) {
	p := loadPipe(t)
	for _, tt := range []struct {
		lang, text string
		place      string // a GeoNames id, a country's alpha-3 code (precision country), or "" for none
	}{
		{"en", "Hundreds of passengers were stranded at Lviv Airport after the strike.", "702550"},
		{"vi", "Hàng trăm người chờ đợi bên ngoài sân bay Kabul.", "1138958"},
		{"en", "The storm flooded Tours overnight.", "2972191"},
		{"it", "Il terremoto ha colpito Gaziantep all'alba.", "314830"},
		{"en", "Artillery pounded Kupiansk overnight.", "703656"},
		{"nl", "Het leger voerde aanvallen uit in het noorden van Mali.", "MLI"},
		{"es", "El avión que volaba de Lima a Cusco cayó en el norte de Bolivia.", "BOL"},
		{"it", "Il volo diretto a Bamako è precipitato nel Niger.", "NER"},
		{"de", "Ein Flugzeug auf dem Weg von Toulouse nach Lagos stürzte in den spanischen Pyrenäen ab.", "ESP"},
		{"en", "A plane from Toulouse to Bamako crashed in the Algerian desert.", "DZA"},
		{"de", "Nach dem Streik herrschte Chaos in der Halle des Kölner Flughafens.", "2886242"},
		// traps: a country's adjective does not put a city the sentence names aside, nor a route's end that is
		// the only place; a city's facility is no longer name of a namesake
		{"en", "Protesters gathered in the Turkish capital's Kızılay square while police sealed off Gaziantep.", "314830"},
		{"en", "The flight from Toulouse landed safely at Bamako.", "2460596"},
		// a flight's origin after a `bound` word ("vindo de", "en provenance d'"), where the sentence names another
		{"pt", "Um avião vindo de Lisboa caiu sobre um bairro de Luanda.", "2240449"},
		{"fr", "Un avion en provenance d'Alger s'est écrasé sur un quartier de Tunis.", "2464470"},
		// then, Chinese: a province without 省 (广东), a city's name before a region word (大区) names the region,
		// a city before a transliterated facility name or a word that starts with a sound character (登陆)
		{"zh", "台风在广东湛江登陆。", "1784990"},
		{"zh", "抗议者聚集在意大利坎帕尼亚大区那不勒斯。", "3172394"},
		{"zh", "数百名乘客滞留在伊斯坦布尔萨比哈格克琴机场。", "745044"},
		{"zh", "喀布尔国际机场外聚集了大批人群。", "1138958"},
	} {
		checkSentencePlace(t, p, "round16", tt.lang, tt.text, tt.place)
	}
}
