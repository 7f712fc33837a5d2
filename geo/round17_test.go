package geo_test

import "testing"

// TestRound17 checks round seventeen's rules (docs/geo.md, our own sentences): a capital told by its
// country's name or adjective and no name of its own ("the Lebanese capital", "la capital de Ecuador",
// "乌克兰首都"); a town noun that refers back to the city the sentence named before it, whatever its size ("...
// Avdiivka for months before the town fell"); a capital that acts as its government and opens a sentence
// that names no place of the act ("Paris recalled ...", "布鲁塞尔决定"); then streets, parks and malls named like
// cities, a region's capital told by the region's adjective ("il capoluogo abruzzese"), a region's adjective
// before a name ("im südenglischen Salisbury"), a city in the clause after a name's comma; then a direction
// written with a hyphen or glued to a name or a country ("на юго-востоке Турции", "boven Oost-Oekraïne",
// "缅甸中部发生").
func TestRound17(t *testing.T) {
	p := loadPipe(t)
	for _, tt := range []struct {
		lang, text string
		place      string // a GeoNames id, a country's alpha-3 code (precision country), or "" for none
	}{
		{"en", "Gunmen stormed a hotel in the Somali capital overnight.", "53654"},
		{"en", "Curfews were imposed in Kenya's capital after the protests.", "184745"},
		{"es", "Hubo saqueos en la capital de Ecuador durante la noche.", "3652462"},
		{"it", "Migliaia di persone hanno sfilato nella capitale slovacca.", "3060972"},
		{"zh", "乌克兰首都再次遭到袭击。", "703448"},
		{"ru", "В грузинской столице прошли протесты.", "611717"},
		{"de", "Russische Truppen kämpften monatelang um Bachmut, bevor die Stadt fiel.", "713174"},
		{"en", "Russian forces shelled Kupiansk for weeks, and the town lost its power supply.", "703656"},
		{"fr", "Paris a expulsé un diplomate iranien.", "2988507"},
		{"zh", "北京宣布对多家美国企业实施制裁。", "1816670"},
		// traps: a capital's own name after it; money, not a city; a town noun after the city it names; no
		// city before the town noun; a capital that acts where the sentence names the place
		{"en", "Protesters marched through the Kenyan capital Nairobi.", "184745"},
		{"en", "Russian capital flowed into banks in Cyprus for years.", "CYP"},
		{"en", "Floods hit Libya, and the port city was cut off.", "LBY"},
		{"en", "Washington condemned the strike on a hospital in Kyiv.", "703448"},
		// then: a street's or a mall's name is no city; a region's capital told by its adjective; a region's
		// adjective before a name, a direction glued before it; a city in the clause after a name's comma
		{"es", "Cientos de personas marcharon por la avenida Sucre de Quito.", "3652462"},
		{"pt", "Um incêndio atingiu um prédio na rua Bahia, em Belo Horizonte.", "3470127"},
		{"vi", "Một đám cháy xảy ra trên phố Huế, Hà Nội.", "1581130"},
		{"it", "Un uomo armato è entrato nel centro commerciale Olympia a Monaco di Baviera.", "2867714"},
		{"it", "Il nubifragio ha allagato il capoluogo siciliano.", "2523920"},
		{"pt", "A chuva alagou ruas da capital pernambucana.", "3390760"},
		{"de", "Im südenglischen Boston wurde gewählt.", "2655138"},
		{"pt", "Chuvas fortes atingiram Petrópolis, na região serrana do Rio.", "3454031"},
		// traps: the streets of a city; a downtown
		{"vi", "Người biểu tình đổ ra đường phố Yangon.", "1298824"},
		{"ru", "Тысячи людей вышли на улицы Еревана.", "616052"},
		// then: a direction written with a hyphen, glued before a name or after a country; Dutch "boven"
		{"ru", "Бои шли на северо-востоке Сирии, сообщили военные Турции.", "SYR"},
		{"nl", "Een vliegtuig is boven West-Oekraïne neergeschoten na een vlucht van Warschau naar Kiev.", "UKR"},
		{"zh", "墨西哥北部发生枪击事件，美国多地也有报道。", "MEX"},
		// then: a region named by generic words alone is no city
		{"en", "Floods cut off villages in North West province, South African officials said.", "ZAF"},
	} {
		checkSentencePlace(t, p, "round17", tt.lang, tt.text, tt.place)
	}
}
