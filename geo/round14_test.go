package geo_test

import "testing"

// TestRound14 checks round fourteen's rules (docs/geo.md, our own sentences): a Chinese region the gazetteer
// does not name that way, with its region word, is passed over between a country and its city; a country the
// sentence names tells two cities of one name apart, not a far smaller one, nor a person's country; a country's adjective right before a name places it; a
// route's end gives way to a city the sentence names without a place word; a first-level seat that opens the
// sentence is a city under the size a bare name needs; German names of Gaza's cities. Then: a lake's or a
// river's word before a name makes it no place; a country's name between two capitalised words is part of a
// longer name, no country that places the sentence. Then: a language's `prefer` reading of a name is read
// bare under the size a bare name needs; a phrase between commas after an arrival's verb is not counted.
func TestRound14(t *testing.T) {
	p := loadPipe(t)
	for _, tt := range []struct {
		lang, text string
		place      string // a GeoNames id, a country's alpha-3 code (precision country), or "" for none
	}{
		{"zh", "美国亚拉巴马州伯明翰市一座黑人教堂1963年9月15日遭炸弹袭击，四名女孩遇难。", "4049979"},
		{"en", "Floodwater swept through Valencia on Tuesday night, Spain's weather agency said.", "2509954"},
		{"de", "Im libanesischen Tripoli lieferten sich Bewaffnete am Dienstag erneut Gefechte.", "266826"},
		{"ru", "Самолёт «Уральских авиалиний», летевший из Сочи в Омск, сел в поле у Новосибирска.", "1496747"},
		{"en", "Juneau stacked barriers along the Mendenhall River ahead of another glacial flood.", "5554072"},
		{"de", "Die Kämpfe in Chan Junis gingen am Mittwoch weiter.", "281124"},
		// a country named by its people or officials abroad, or before a person, leaves the far bigger city
		{"en", "US officials said Russian missiles hit Odessa overnight.", "698740"},
		{"en", "Canadian troops paraded in London.", "2643743"},
		{"en", "US President Joe Biden gave a speech in Birmingham.", "2655603"},
		// the second rules: a lake's or a river's name is no place; a country's name inside a broadcaster's
		// is no country of the sentence
		{"en", "Fishermen on Lake Victoria said the rising water had swallowed landing beaches.", ""},
		{"es", "El río Paraná bajó este año a su peor nivel desde 1944.", ""},
		{"en", "Niger's junta took Radio France Internationale off the air in August 2023.", "NER"},
		// the third: a language's first reading of a name is read bare whatever its size; an arrival's place
		// after a phrase between commas
		{"nl", "Bergen was in 2015 Culturele Hoofdstad van Europa.", "2790869"},
		{"pt", "Os deslocados chegaram ontem, depois de três dias de caminhada, a Montepuez.", "1037125"},
	} {
		checkSentencePlace(t, p, "round14", tt.lang, tt.text, tt.place)
	}
}
