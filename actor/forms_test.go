package actor

import (
	"strings"
	"testing"

	"github.com/dyad-events/dyad"
)

// TestForms checks the forms real text uses: genitives and cases of country names, abbreviations, the two
// Congos in every language, Traditional Chinese.
func TestForms(t *testing.T) {
	d := testDict(t)
	for _, c := range []struct {
		lang, text string
		want       []string // "text=CODE" of every mention, in order
	}{
		{"de", "Russlands Außenminister traf Frankreichs Präsidenten und Polens Regierung.", []string{"Russlands Außenminister=RUSGOV", "Frankreichs Präsidenten=FRAGOV", "Polens Regierung=POLGOV"}},
		{"nl", "Ruslands regering protesteerde.", []string{"Ruslands regering=RUSGOV"}},
		{"de", "Die Moskauer Führung und der Istanbuler Bürgermeister protestierten.", []string{"Moskauer Führung=RUSGOV", "Istanbuler Bürgermeister=TURGOV"}},
		{"de", "Peking wies die Vorwürfe Washingtons und die Kritik Teherans zurück.", []string{"Peking=CHNGOV", "Washingtons=USAGOV", "Teherans=IRNGOV"}},
		// a capital's genitive before its noun (agents @genitive): German capitalises the noun, which is no part of a name
		{"de", "Kiew hat Moskaus Vorwürfe bestritten und Manilas Haltung gelobt.", []string{"Kiew=UKRGOV", "Moskaus=RUSGOV", "Manilas=PHLGOV"}},
		{"en", "The Athens Stock Exchange and the Washington Post reported.", []string{"the Washington Post=USAMED"}}, // a newspaper, not the capital
		{"ru", "Посол Китая встретился с министром Ирана в Грузии.", []string{"Посол Китая=CHNGOV", "Ирана=IRN", "Грузии=GEO"}},
		{"en", "The U.N. and the E.U. met.", []string{"U.N.=IGOUNO", "E.U.=IGOEUREEC"}},
		{"fr", "L'UE et l'ONU ont parlé.", []string{"UE=IGOEUREEC", "ONU=IGOUNO"}},
		{"de", "Die EU-Kommission antwortete.", []string{"EU-Kommission=IGOEUREEC"}},
		// a regional bloc by its full name in each language, and by the wire's "West African bloc"
		{"en", "The West African bloc met on Sunday.", []string{"West African bloc=IGOWAFWAD"}},
		{"fr", "La Communauté économique des États de l'Afrique de l'Ouest a répondu.", []string{"Communauté économique des États de l'Afrique de l'Ouest=IGOWAFWAD"}},
		{"es", "La Comunidad Económica de los Estados de África Occidental respondió.", []string{"Comunidad Económica de los Estados de África Occidental=IGOWAFWAD"}},
		// the two Congos: their full names in every language, and a plain "Congo" by the article's evidence
		{"en", "The Republic of Congo and the Democratic Republic of Congo signed.", []string{"Republic of Congo=COG", "Democratic Republic of Congo=COD"}},
		{"fr", "La République du Congo et la RDC ont signé.", []string{"République du Congo=COG", "RDC=COD"}},
		{"de", "Die Republik Kongo und die Demokratische Republik Kongo.", []string{"Republik Kongo=COG", "Demokratische Republik Kongo=COD"}},
		{"es", "La República del Congo y la República Democrática del Congo.", []string{"República del Congo=COG", "República Democrática del Congo=COD"}},
		{"pt", "A República do Congo e a República Democrática do Congo.", []string{"República do Congo=COG", "República Democrática do Congo=COD"}},
		{"it", "La Repubblica del Congo e la Repubblica Democratica del Congo.", []string{"Repubblica del Congo=COG", "Repubblica Democratica del Congo=COD"}},
		{"nl", "De Republiek Congo en de Democratische Republiek Congo.", []string{"Republiek Congo=COG", "Democratische Republiek Congo=COD"}},
		{"vi", "Cộng hòa Congo và Cộng hòa Dân chủ Congo.", []string{"Cộng hòa Congo=COG", "Cộng hòa Dân chủ Congo=COD"}},
		{"zh", "刚果共和国和刚果民主共和国。", []string{"刚果共和国=COG", "刚果民主共和国=COD"}},
		{"ru", "Республика Конго и ДРК.", []string{"Республика Конго=COG", "ДРК=COD"}},
		{"fr", "Le Congo a protesté, a déclaré le ministre à Brazzaville.", []string{"Congo=COG", "ministre=COGGOV"}},
		{"fr", "La délégation congolaise est arrivée à Kinshasa.", []string{"délégation congolaise=CODGOV"}},
		{"zh", "美國總統會見了臺灣客人。", []string{"美國總統=USAGOV", "臺灣=TWN"}},
		// armed forces by their own names: Iran's Revolutionary Guards, North Korea's People's Army
		{"zh", "伊朗伊斯兰革命卫队和朝鲜人民军发表声明。", []string{"伊朗=IRN", "伊斯兰革命卫队=IRNMIL", "朝鲜人民军=PRKMIL"}},
		{"vi", "Vệ binh Cách mạng Hồi giáo đã lên tiếng.", []string{"Vệ binh Cách mạng Hồi giáo=IRNMIL"}},
		// names of one language (@name lines): German names CLDR lacks, with their genitives; Dutch "VN"
		{"de", "Großbritannien und Weißrussland stimmten zu, Großbritanniens Regierung nicht.", []string{"Großbritannien=GBR", "Weißrussland=BLR", "Großbritanniens Regierung=GBRGOV"}},
		{"nl", "De VN en de VS spraken, de secretaris-generaal van de VN ook.", []string{"VN=IGOUNO", "VS=USA", "secretaris-generaal van de VN=IGOUNO"}},
		{"en", "A delegation from VN met the UN.", []string{"VN=VNM", "UN=IGOUNO"}},
		// the sender before a "to" word and the host ("中国驻越南大使"); a name after a title ends before a time word
		{"zh", "中国驻越南大使熊波周一会见了越南外长。", []string{"中国=CHN", "越南=VNM", "熊波=CHNGOV", "越南外长=VNMGOV"}},
		{"zh", "菲律宾总统星期三在马尼拉会见了王毅。", []string{"菲律宾总统=PHLGOV", "王毅=CHNGOV"}},
		{"zh", "日本驻华大使今天签署了协议。", []string{"日本驻华大使=JPNGOV"}},
		// a person's own title right after the name is part of the mention; another's is not
		{"zh", "普京总统周二会见了习近平。", []string{"普京总统=RUSGOV", "习近平=CHNGOV"}},
		// names that hold a country's name in some language: "Columbia" is Colombia in Romanian only
		{"en", "Students at Columbia University and officials in British Columbia protested.", []string{"Students=USAEDU", "Columbia University=USAEDU", "officials=USAGOV"}},
		{"zh", "哥伦比亚大学的学生举行抗议。", []string{"哥伦比亚大学=USAEDU", "学生=USAOPP"}},
		// a name that is a common word too (@weak): Vietnamese "Anh" is Britain only with support
		{"vi", "Anh ấy nói rằng Mỹ, Anh và Pháp đã họp.", []string{"Mỹ=USA", "Anh=GBR", "Pháp=FRA"}},
		{"vi", "Thủ tướng Anh sẽ sang Anh sau khi chị Lan Anh về nước.", []string{"Thủ tướng Anh=GBRGOV", "Anh=GBR"}},
		{"vi", "Anh cho biết sẽ gặp ông Nam.", nil},
		{"vi", "Iran bắt giữ tàu của Anh, theo lời kể của Anh Tuấn.", []string{"Iran=IRN", "Anh=GBR"}},
		// a person's name before a body: that person's country ("the Trump administration")
		{"en", "The Biden administration and the Netanyahu government disagreed.", []string{"Biden administration=USAGOV", "Netanyahu government=ISRGOV"}},
		{"de", "Die Scholz-Regierung schwieg.", []string{"Scholz-Regierung=DEUGOV"}},
		// a foreign name in ideographs, its parts joined by a middle dot, after a title
		{"zh", "佛得角外交部长豪尔赫·托伦蒂诺周一签署协议。", []string{"佛得角=CPV", "豪尔赫·托伦蒂诺=CPVGOV"}},
		{"zh", "美国国务卿安东尼·布林肯会见了王毅。", []string{"美国=USA", "安东尼·布林肯=USAGOV", "王毅=CHNGOV"}},
		// an initial before a name after a title
		{"en", "Indian Foreign Minister S. Jaishankar spoke.", []string{"Indian=IND", "S. Jaishankar=INDGOV"}},
		{"vi", "Thủ tướng Mông Cổ J. Erdenebat phát biểu.", []string{"Mông Cổ=MNG", "J. Erdenebat=MNGGOV"}},
		// a capital in ideographs after other ideographs stands for its government ("表示，安卡拉愿意")
		{"zh", "埃尔多安表示，安卡拉愿意主持谈判。", []string{"埃尔多安=TURGOV", "安卡拉=TURGOV"}},
		// Taiwan's own forms: Traditional script folded, and the names written there
		{"zh", "中華民國外交部說，以色列與哈瑪斯在加薩停火。", []string{"中華民國外交部=TWNGOV", "以色列=ISR", "哈瑪斯=PSERADREB", "加薩=PSE"}},
	} {
		var got []string
		for _, m := range d.Recognize(&dyad.Article{Text: c.text, Lang: c.lang, Published: "2024-06-01"}) {
			if m.Via == "sector" {
				continue
			}
			got = append(got, m.Text+"="+m.Actor.Code)
		}
		if strings.Join(got, "; ") != strings.Join(c.want, "; ") {
			t.Errorf("%s %q:\n got  %s\n want %s", c.lang, c.text, strings.Join(got, "; "), strings.Join(c.want, "; "))
		}
	}
}
