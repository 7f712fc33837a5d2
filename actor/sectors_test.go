package actor

import (
	"testing"

	"github.com/dyad-events/dyad"
)

// TestSectors codes the state bodies, the opposition, armed groups and parties that news names, in the nine
// coding languages: each case is a mention and the code it must have.
func TestSectors(t *testing.T) {
	d := testDict(t)
	for _, c := range []struct {
		lang, date, dateline, text string
		mention, code              string
	}{
		// opposition leaders and politicians, named or not
		{"en", "2017-09-04", "", "Cambodian opposition leader Kem Sokha was charged with treason on Tuesday.", "Kem Sokha", "KHMOPP"},
		{"en", "2021-01-18", "", "Russian opposition politician Alexei Navalny was detained at a Moscow airport.", "Alexei Navalny", "RUSOPP"},
		{"en", "2023-05-02", "", "Senegal's main opposition leader said he would run again.", "Senegal's main opposition leader", "SENOPP"},
		{"fr", "2021-01-18", "", "L'opposant russe Alexeï Navalny a été arrêté à son retour à Moscou.", "Alexeï Navalny", "RUSOPP"},
		{"fr", "2023-06-01", "", "Le chef de l'opposition sénégalaise a appelé à manifester.", "chef de l'opposition sénégalaise", "SENOPP"},
		{"es", "2019-02-10", "", "El líder opositor venezolano Juan Guaidó convocó nuevas marchas.", "Juan Guaidó", "VENOPP"},
		{"es", "2024-08-05", "", "La líder de la oposición venezolana pidió calma a sus seguidores.", "líder de la oposición venezolana", "VENOPP"},
		{"de", "2021-02-02", "", "Der russische Oppositionsführer Alexej Nawalny wurde zu Lagerhaft verurteilt.", "Alexej Nawalny", "RUSOPP"},
		{"it", "2021-02-02", "", "Il leader dell'opposizione russa Alexei Navalny è stato condannato.", "Alexei Navalny", "RUSOPP"},
		{"pt", "2019-02-10", "", "O líder da oposição venezuelana Juan Guaidó pediu ajuda humanitária.", "Juan Guaidó", "VENOPP"},
		{"nl", "2021-02-02", "", "De Russische oppositieleider Aleksej Navalny werd veroordeeld.", "Aleksej Navalny", "RUSOPP"},
		{"vi", "2021-02-02", "", "Thủ lĩnh đối lập Nga Alexei Navalny bị kết án tù.", "Alexei Navalny", "RUSOPP"},
		{"zh", "2021-02-02", "", "俄罗斯反对派领导人纳瓦尔尼被判入狱。", "纳瓦尔尼", "RUSOPP"},
		// criminals, rights groups and villagers with the country of their adjective or place; regions
		{"en", "2009-04-10", "", "Somali pirates seized a German freighter.", "Somali pirates", "SOMCRM"},
		{"es", "2009-04-12", "", "Los piratas somalíes liberaron al capitán.", "piratas somalíes", "SOMCRM"},
		{"de", "2011-06-01", "", "Somalische Piraten kaperten einen Tanker.", "Somalische Piraten", "SOMCRM"},
		{"zh", "2011-06-01", "", "索马里海盗劫持了一艘油轮。", "索马里海盗", "SOMCRM"},
		{"en", "2010-04-07", "", "Kenyan human rights groups criticised the bill.", "Kenyan human rights groups", "KENNGO"},
		{"fr", "2014-03-01", "", "Des ONG ivoiriennes ont dénoncé la loi.", "ONG ivoiriennes", "CIVNGO"},
		{"en", "2014-04-20", "", "Nigerian villagers fled the attack.", "Nigerian villagers", "NGACVL"},
		{"vi", "2013-09-05", "", "Phe nổi dậy Syria đã bác bỏ đề xuất.", "Phe nổi dậy Syria", "SYRREB"},
		{"en", "2006-05-05", "", "Rebels in Darfur rejected the accord.", "Rebels", "SDNREB"},
		{"en", "2013-07-20", "", "Soldiers in Mindanao clashed with gunmen.", "Soldiers", "PHLMIL"},
		{"fr", "2011-09-14", "", "Les autorités libyennes ont fermé la frontière.", "autorités libyennes", "LBYGOV"},
		{"en", "2013-09-03", "", "Syrian refugees crossed into Turkey.", "Syrian refugees", "SYRREF"},
		{"de", "2015-09-05", "", "Syrische Flüchtlinge erreichten München.", "Syrische Flüchtlinge", "SYRREF"},
		{"en", "2011-03-15", "", "Japanese automakers halted production.", "Japanese automakers", "JPNBUS"},
		{"zh", "2013-03-05", "", "朝鲜外务省发表声明。", "朝鲜外务省", "PRKGOV"},
		// organisations by name
		{"en", "2012-06-24", "", "The Muslim Brotherhood claimed victory.", "Muslim Brotherhood", "EGYOPP"},
		{"en", "2008-02-01", "", "Fatah accused its rivals.", "Fatah", "PSEPTY"},
		{"en", "2012-12-19", "", "The Duma passed the bill.", "The Duma", "RUSLEG"},
		{"en", "2009-05-18", "", "The Tamil Tigers admitted defeat.", "Tamil Tigers", "LKAREB"},
		{"en", "2008-04-10", "", "The Lord's Resistance Army attacked a village.", "Lord's Resistance Army", "UGAREB"},
		{"en", "2008-12-01", "", "India blamed Lashkar-e-Taiba for the attacks.", "Lashkar-e-Taiba", "PAKREB"},
		{"en", "2014-02-22", "", "The Rada voted to remove the president.", "The Rada", "UKRLEG"},
		// legislatures
		{"en", "2019-10-30", "", "The U.S. House of Representatives passed the resolution on Wednesday.", "U.S. House of Representatives", "USALEG"},
		{"en", "2019-10-30", "WASHINGTON", "The House of Representatives voted on Wednesday.", "House of Representatives", "USALEG"},
		{"en", "2019-09-25", "", "The British House of Commons rejected the deal again.", "British House of Commons", "GBRLEG"},
		{"de", "2022-02-27", "", "Der Bundestag billigte die Waffenlieferungen.", "Bundestag", "DEULEG"},
		{"es", "2017-03-30", "", "La Asamblea Nacional de Venezuela denunció un golpe.", "Asamblea Nacional de Venezuela", "VENLEG"},
		{"fr", "2022-07-20", "", "L'Assemblée nationale française a adopté le texte.", "Assemblée nationale française", "FRALEG"},
		{"zh", "2015-09-19", "", "日本国会通过了安保法案。", "日本国会", "JPNLEG"},
		{"vi", "2024-06-01", "HÀ NỘI", "Quốc hội thông qua luật đất đai sửa đổi.", "Quốc hội", "VNMLEG"},
		{"de", "2023-09-28", "", "Die Bundesregierung empfing den ukrainischen Parlamentspräsidenten in Berlin.", "ukrainischen Parlamentspräsidenten", "UKRLEG"},
		{"pt", "2023-02-01", "", "A Câmara dos Deputados aprovou a proposta em Brasília.", "Câmara dos Deputados", "BRALEG"},
		{"it", "2023-02-01", "", "La Camera dei deputati ha approvato il decreto.", "Camera dei deputati", "ITALEG"},
		{"nl", "2023-02-01", "", "De Tweede Kamer stemde in met het voorstel.", "Tweede Kamer", "NLDLEG"},
		// courts
		{"en", "2022-06-24", "", "The U.S. Supreme Court overturned the ruling.", "U.S. Supreme Court", "USAJUD"},
		{"de", "2021-04-29", "", "Das Bundesverfassungsgericht gab den Klägern recht.", "Bundesverfassungsgericht", "DEUJUD"},
		{"es", "2023-05-02", "", "La Corte Suprema de Colombia condenó al exsenador.", "Corte Suprema de Colombia", "COLJUD"},
		{"zh", "2023-05-02", "", "韩国宪法法院驳回了弹劾案。", "韩国宪法法院", "KORJUD"},
		// police and security forces
		{"es", "2023-05-02", "", "La Guardia Civil española detuvo a tres personas.", "Guardia Civil española", "ESPCOP"},
		{"pt", "2023-05-02", "", "A Polícia Federal brasileira prendeu o suspeito.", "Polícia Federal brasileira", "BRACOP"},
		{"vi", "2023-05-02", "", "Cảnh sát Thái Lan đã bắt giữ nghi phạm.", "Cảnh sát Thái Lan", "THACOP"},
		// ministries
		{"en", "2023-05-02", "", "The foreign ministry of Japan summoned the envoy.", "foreign ministry of Japan", "JPNGOV"},
		{"fr", "2023-05-02", "", "Le ministère algérien des Affaires étrangères a convoqué l'ambassadeur.", "ministère algérien des Affaires étrangères", "DZAGOV"},
		{"es", "2023-05-02", "", "El Ministerio de Relaciones Exteriores de Chile rechazó la nota.", "Ministerio de Relaciones Exteriores de Chile", "CHLGOV"},
		{"de", "2023-05-02", "", "Das russische Außenministerium bestellte den Botschafter ein.", "russische Außenministerium", "RUSGOV"},
		{"it", "2023-05-02", "", "Il ministero degli Esteri russo ha convocato l'ambasciatore.", "ministero degli Esteri russo", "RUSGOV"},
		{"nl", "2023-05-02", "", "Het Russische ministerie van Buitenlandse Zaken ontbood de ambassadeur.", "Russische ministerie van Buitenlandse Zaken", "RUSGOV"},
		{"pt", "2023-05-02", "", "O Ministério das Relações Exteriores do Brasil divulgou uma nota.", "Ministério das Relações Exteriores do Brasil", "BRAGOV"},
		// a defence minister is a member of the government (CAMEO GOVMIL)
		{"en", "2023-05-02", "", "Pakistan's Defence Minister warned India on Tuesday.", "Pakistan's Defence Minister", "PAKGOV"},
		{"de", "2024-02-02", "", "Der Bundesverteidigungsminister besuchte die Truppe.", "Bundesverteidigungsminister", "DEUGOV"},
		// a country, then a word of an @former line, then the title: the country's elites (actor13)
		{"en", "2019-01-10", "", "The Canadian former diplomat Michael Kovrig was detained.", "Michael Kovrig", "CANELI"},
		{"nl", "2019-01-10", "", "De Canadese oud-diplomaat Michael Kovrig werd opgepakt.", "Michael Kovrig", "CANELI"},
		{"de", "2019-01-10", "", "Der kanadische Ex-Diplomat Michael Kovrig wurde festgenommen.", "Michael Kovrig", "CANELI"},
		{"en", "2016-05-01", "", "The Russian former defence minister spoke on Monday.", "Russian former defence minister", "RUSELI"},
		// the apostolic nuncio is the Holy See's, wherever he serves
		{"es", "2022-03-12", "", "Nicaragua expulsó al nuncio apostólico en Managua.", "nuncio apostólico", "VATGOV"},
		{"de", "2022-03-01", "", "Der Apostolische Nuntius in Kiew traf den Bürgermeister.", "Apostolische Nuntius", "VATGOV"},
		// and so is a defence ministry, in every language (Phoenix: [~GOVMIL]); the armed forces stay MIL
		{"zh", "2022-08-26", "", "俄罗斯国防部发表声明。", "俄罗斯国防部", "RUSGOV"},
		{"zh", "2023-08-30", "", "朝鲜国防省发表谈话。", "朝鲜国防省", "PRKGOV"},
		{"ru", "2023-01-10", "", "Минобороны России сообщило об ударе.", "Минобороны России", "RUSGOV"},
		{"vi", "2023-02-09", "", "Bộ Quốc phòng Campuchia bác bỏ cáo buộc.", "Bộ Quốc phòng Campuchia", "KHMGOV"},
		// heads of state and party
		{"de", "2023-06-19", "", "Blinken traf Chinas Staats- und Parteichef in Peking.", "Chinas Staats- und Parteichef", "CHNGOV"},
		// an ambassador to a country written short in Chinese
		{"zh", "2025-11-14", "", "日本驻华大使被召见。", "日本驻华大使", "JPNGOV"},
		// a chargé d'affaires is a diplomat of the country that sends them
		{"pt", "2024-08-02", "", "O Itamaraty convocou o encarregado de negócios dos EUA.", "encarregado de negócios dos EUA", "USAGOV"},
		{"en", "2024-08-02", "", "Beijing summoned the US chargé d'affaires on Friday.", "US chargé d'affaires", "USAGOV"},
		{"zh", "2024-08-02", "", "外交部召见了美国驻华临时代办。", "美国驻华临时代办", "USAGOV"},
		{"de", "2024-08-02", "", "Das Auswärtige Amt bestellte den russischen Geschäftsträger ein.", "russischen Geschäftsträger", "RUSGOV"},
		// warplanes are the military that flies them (in languages whose verb patterns do not read them as objects)
		{"vi", "2024-09-12", "", "Các máy bay chiến đấu của Hàn Quốc đã bắn đạn thật.", "máy bay chiến đấu của Hàn Quốc", "KORMIL"},
		{"zh", "2024-09-12", "", "韩国战斗机进行了实弹射击。", "韩国战斗机", "KORMIL"},
		// rebels and militants
		{"en", "2023-05-02", "", "Houthi rebels fired a missile at a ship.", "Houthi rebels", "YEMREB"},
		{"fr", "2023-05-02", "", "Les rebelles du M23 ont pris la ville de Goma.", "rebelles du M23", "CODREB"},
		{"es", "2016-09-26", "", "Las FARC firmaron la paz con el Gobierno colombiano.", "FARC", "COLREB"},
		// parties
		{"de", "2023-05-02", "", "Die CDU lehnte den Vorschlag ab.", "CDU", "DEUPTY"},
		{"es", "2023-05-02", "", "El Partido Popular ganó las elecciones en Madrid.", "Partido Popular", "ESPPTY"},
		{"en", "2023-05-02", "", "Japan's ruling Liberal Democratic Party chose a new leader.", "Liberal Democratic Party", "JPNPTY"},
	} {
		ms := d.Recognize(&dyad.Article{Text: c.text, Lang: c.lang, Published: dyad.NullString(c.date), Dateline: dyad.NullString(c.dateline)})
		if got, all, ok := codeOf(ms, c.mention); !ok || got != c.code {
			t.Errorf("%s %q: %q: got %v, want %s", c.lang, c.text, c.mention, all, c.code)
		}
	}
}
