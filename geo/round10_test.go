package geo_test

import "testing"

// TestRound10 checks round ten's rules (docs/geo.md, our own sentences): a country named in the words before a
// city word decides which of a name's cities is meant, and so does one in a genitive after the name; a
// capital after its country and a capital word is the city, though the actor stage reads it as the
// government; a city someone sets off from places a sentence that names no other place, never beating one
// it names; an apposition with a city word after a name's comma makes a small city a place; a place's own
// name in its country's language beats a bigger namesake abroad; a city-state named without a place word is
// the city; a sentence with no place is set in the one country of its actors; Russian places after под and
// над, in the instrumental; a Russian reporting clause's place is not the event's; a clause on an earlier
// event; a capital after a genitive word; a region before a city word.
func TestRound10(t *testing.T) {
	p := loadPipe(t)
	for _, tt := range []struct {
		lang, text string
		place      string // a GeoNames id, a country's alpha-3 code (precision country), or "" for none
	}{
		{"en", "Floodwater swept cars through the streets of the Spanish city of Valencia at the end of October.", "2509954"},
		{"fr", "Des inondations meurtrières ont frappé fin octobre la ville espagnole de Valence.", "2509954"},
		{"vi", "Lũ quét đã cuốn trôi hàng trăm ô tô tại thành phố Valencia của Tây Ban Nha.", "2509954"},
		{"zh", "东盟外长会议周四在越南首都河内开幕。", "1581130"},
		{"es", "Un grupo de migrantes partió a pie el martes desde Ciudad Juárez, según la policía.", "4013708"},
		{"es", "Un grupo de migrantes que salió desde Ciudad Juárez fue detenido el martes en El Paso.", "5520993"},
		{"it", "Un'alluvione ha colpito Senigallia, città marchigiana, nella notte tra giovedì e venerdì.", "3166740"},
		{"vi", "Hàng trăm hộ dân ở Thái Nguyên phải sơ tán vì nước sông dâng cao.", "1566319"},
		{"vi", "Đội tuyển Việt Nam đã tập luyện tại Ô-xa-ca trước trận giao hữu.", "1853909"},
		{"en", "Typhoon Hato battered Macau on Wednesday, cutting power across the territory.", "1821274"},
		{"zh", "泰国选民周日投票选举新一届国会。", "THA"},
		{"ru", "Ожесточённые бои шли под Курском всю неделю.", "538560"},
		{"ru", "Беспилотник упал на жилой дом в Белгороде, сообщили в Москве.", "578072"},
		// a clause on an earlier event after a comma: its place is not the sentence's; a capital after a
		// genitive word is the city; a region before a city word says what kind of city
		{"en", "Ministers met in Nairobi on Monday, a week after violent protests broke out in Kampala.", "184745"},
		{"en", "Violent protests broke out in Kampala on Monday, after the vote count was delayed.", "232422"},
		{"fr", "Des frappes ont visé jeudi l'aéroport de Sanaa, selon des témoins.", "71137"},
		{"en", "A cargo ship caught fire on Sunday in the Black Sea port of Odesa.", "698740"},
	} {
		checkSentencePlace(t, p, "round10", tt.lang, tt.text, tt.place)
	}
}
