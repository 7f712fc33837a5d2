package actor

import (
	"testing"

	"github.com/dyad-events/dyad"
)

// TestContextCountry gives unnamed groups and bare titles the country of the nearest evidence, in every
// language, and records which evidence in Via.
func TestContextCountry(t *testing.T) {
	d := testDict(t)
	for _, c := range []struct {
		lang, dateline, text string
		mention, code, via   string
	}{
		// an adjective or a country named with it
		{"en", "", "Kenyan police fired tear gas.", "Kenyan police", "KENCOP", "demonym"},
		{"en", "", "Nigeria's army said it had freed the hostages.", "Nigeria's army", "NGAMIL", "genitive"},
		// one lower-case word between the possessive and the body
		{"en", "", "Mali's transitional government expelled the French ambassador.", "Mali's transitional government", "MLIGOV", "genitive"},
		{"en", "", "China's commerce ministry said on Friday it would lift the tariffs.", "China's commerce ministry", "CHNGOV", "genitive"},
		{"es", "", "La policía venezolana detuvo a varios estudiantes.", "policía venezolana", "VENCOP", "demonym"},
		// the adjectives of every country, in every language that writes them (smaller countries included)
		{"de", "", "Die madagassische Polizei trieb die Demonstranten auseinander.", "madagassische Polizei", "MDGCOP", "demonym"},
		{"fr", "", "La police malgache a dispersé les manifestants.", "police malgache", "MDGCOP", "demonym"},
		{"es", "", "El ejército chadiano atacó a los rebeldes.", "ejército chadiano", "TCDMIL", "demonym"},
		{"pt", "", "A polícia ganesa deteve dezenas de manifestantes.", "polícia ganesa", "GHACOP", "demonym"},
		{"it", "", "L'esercito mozambicano ha ripreso la città.", "esercito mozambicano", "MOZMIL", "demonym"},
		{"nl", "", "De Surinaamse politie arresteerde twee mannen.", "Surinaamse politie", "SURCOP", "demonym"},
		// a place after an in/at word of the language
		{"en", "", "Thousands of farmers blocked roads in Kenya on Monday.", "farmers", "KENAGR", "place"},
		{"fr", "", "Des milliers d'agriculteurs ont bloqué les routes à Bruxelles.", "agriculteurs", "BELAGR", "place"},
		{"de", "", "Die Polizei nahm in Tiflis Dutzende Demonstranten fest.", "Polizei", "GEOCOP", "place"},
		{"nl", "", "De politie hield in Den Haag honderden betogers aan.", "politie", "NLDCOP", "place"},
		{"it", "", "I manifestanti si sono radunati a Belgrado sabato.", "manifestanti", "SRBOPP", "place"},
		{"pt", "", "Os manifestantes bloquearam estradas em Lima.", "manifestantes", "PEROPP", "place"},
		{"es", "", "Los manifestantes marcharon en Caracas contra el fraude.", "manifestantes", "VENOPP", "place"},
		{"vi", "", "Hàng nghìn người biểu tình tập trung tại Bangkok.", "người biểu tình", "THAOPP", "place"},
		{"zh", "", "数千名抗议者在曼谷集会。", "抗议者", "THAOPP", "place"},
		{"ru", "", "Полиция задержала десятки протестующих в Грузии.", "Полиция", "GEOCOP", "place"},
		// the dateline, then the country the article names most
		{"en", "NAIROBI", "Police fired tear gas at the crowd.", "Police", "KENCOP", "dateline"},
		{"vi", "", "Pháp tăng cường an ninh. Cảnh sát đã bắt giữ nhiều người. Pháp cho biết.", "Cảnh sát", "FRACOP", "article"},
		{"en", "", "Sri Lanka's president spoke on Monday. The Defense Minister resigned. Sri Lanka's cabinet met.", "Defense Minister", "LKAGOV", "article"},
		// a place after a @cause word ("pro", "anti") is what a group stands for, not where it is
		{"it", "", "Gli studenti pro Gaza hanno occupato il campus di Milano.", "studenti", "ITAOPP", "sentence"},
		// ... and so is a country after "contra", "con", "contre", "avec" ("en solidaridad con Palestina")
		{"es", "", "Cientos de estudiantes acamparon en la Complutense en solidaridad con Palestina.", "estudiantes", "OPP", "sector"},
		{"fr", "", "Des étudiants ont manifesté contre Israël devant la Sorbonne.", "étudiants", "OPP", "sector"},
		// a @whole word between the in/at word and its place; a place after a @dest word is where one goes
		{"it", "", "Gli studenti hanno manifestato in tutta Italia contro il governo.", "studenti", "ITAOPP", "place"},
		{"fr", "", "Des agriculteurs ont manifesté dans toute la France.", "agriculteurs", "FRAAGR", "place"},
		{"it", "", "Gli attivisti della missione diretta a Gaza sono stati fermati dalle forze israeliane.", "attivisti", "OPP", "sector"},
		// a part of a place named by a direction ("in northern Syria", "im Norden Syriens"): the place's country,
		// not the dateline's
		{"en", "ANKARA", "Militants in northern Iraq ambushed a convoy.", "Militants", "IRQREB", "place"},
		{"en", "AMMAN", "Protesters in the south of Iraq blocked the port road.", "Protesters", "IRQOPP", "place"},
		{"de", "ANKARA", "Rebellen im Norden Syriens griffen ein Dorf an.", "Rebellen", "SYRREB", "place"},
		{"fr", "BEYROUTH", "Des rebelles dans le nord-ouest de la Syrie ont attaqué un village.", "rebelles", "SYRREB", "place"},
		{"es", "AMÁN", "Los manifestantes en el sur de Irak bloquearon el puerto.", "manifestantes", "IRQOPP", "place"},
		{"it", "ANKARA", "I ribelli nel nord della Siria hanno attaccato un villaggio.", "ribelli", "SYRREB", "place"},
		{"pt", "ANCARA", "Os rebeldes no norte da Síria atacaram uma aldeia.", "rebeldes", "SYRREB", "place"},
		{"nl", "ANKARA", "Rebellen in het noorden van Syrië vielen een dorp aan.", "Rebellen", "SYRREB", "place"},
		{"vi", "ANKARA", "Phiến quân ở miền bắc Syria đã tấn công một ngôi làng.", "Phiến quân", "SYRREB", "place"},
		// a body that names its own country (@country) counts for the article's country
		{"pt", "", "Centenas de professores estão concentrados em frente à Assembleia da República.", "professores", "PRTLAB", "article"},
		{"it", "", "Alcuni manifestanti hanno lanciato uova contro la Farnesina.", "manifestanti", "ITAOPP", "article"},
		// no evidence: the sector alone, not a guess
		{"en", "", "Police fired tear gas to disperse the crowd.", "Police", "COP", "sector"},
		{"zh", "", "警方使用了催泪瓦斯。", "警方", "COP", "sector"},
		{"de", "", "Die Polizei setzte Wasserwerfer ein.", "Polizei", "COP", "sector"},
		// a counted crowd of an @own body is a crowd
		{"en", "", "Tens of thousands of people marched in Belgrade.", "people", "SRBCVL", "place"},
		// a crowd told by its number alone; the same words before "of people" only count the people
		{"en", "", "Tens of thousands marched in Belgrade.", "Tens of thousands", "SRBCVL", "place"},
		// members of a body that names its country (an adjective, or an @of word and a country) are of that
		// country, not of the sentence's place: one phrase up to the body
		{"es", "", "Colombia expulsó a varios diplomáticos de la embajada argentina en Bogotá.", "diplomáticos de la embajada argentina", "ARGGOV", "genitive"},
		{"pt", "", "Portugal expulsou os diplomatas da embaixada da Rússia em Lisboa.", "diplomatas da embaixada da Rússia", "RUSGOV", "genitive"},
		{"it", "", "L'Italia ha espulso due funzionari dell'ambasciata russa a Roma.", "funzionari dell'ambasciata russa", "RUSGOV", "demonym"},
		{"fr", "", "La France a expulsé des diplomates de l'ambassade russe à Paris.", "diplomates de l'ambassade russe", "RUSGOV", "genitive"},
		{"en", "", "Officials of the embassy of Israel in Ankara were summoned.", "Officials of the embassy of Israel", "ISRGOV", "genitive"},
		{"nl", "", "Nederland zette diplomaten van de ambassade van Rusland in Den Haag uit.", "diplomaten van de ambassade van Rusland", "RUSGOV", "genitive"},
		// a body of a person named after an @of word is of the person's country, not of the place
		{"es", "", "El Gobierno de Nicolás Maduro firmó un acuerdo con la oposición en Barbados.", "Gobierno", "VENGOV", "genitive"},
		{"de", "", "Die Regierung von Präsident Daniel Ortega hat in Madrid protestiert.", "Regierung", "NICGOV", "genitive"},
		{"en", "", "The government of Prime Minister Narendra Modi signed a deal in Tokyo.", "government", "INDGOV", "genitive"},
		{"it", "", "Il governo di Giorgia Meloni ha convocato a Parigi l'ambasciatore russo.", "governo", "ITAGOV", "genitive"},
		// a delegation of a country's body acts for that body, one phrase up to the body, not for the place
		// (join9): a possessive, an adjective before the body, an adjective written with it
		{"en", "", "Negotiators for Colombia's government opened talks in the Venezuelan capital.", "Negotiators for Colombia's government", "COLGOV", "genitive"},
		{"en", "", "Envoys of the Sudanese army arrived in Jeddah.", "Envoys of the Sudanese army", "SDNMIL", "genitive"},
		{"de", "", "Abgesandte der sudanesischen Armee trafen in Dschidda ein.", "Abgesandte der sudanesischen Armee", "SDNMIL", "genitive"},
		// a delegation of a country, never of the host
		{"es", "", "Las delegaciones de Rusia se reunieron en Estambul.", "delegaciones de Rusia", "RUSGOV", "genitive"},
		{"nl", "", "Onderhandelaars van Oekraïne kwamen in Istanbul bijeen.", "Onderhandelaars van Oekraïne", "UKRGOV", "genitive"},
	} {
		ms := d.Recognize(&dyad.Article{Text: c.text, Lang: c.lang, Published: "2024-06-01", Dateline: dyad.NullString(c.dateline)})
		var got *dyad.ActorMention
		for i := range ms {
			if ms[i].Text == c.mention {
				got = &ms[i]
			}
		}
		if got == nil || got.Actor.Code != c.code || got.Via != c.via {
			t.Errorf("%s %q: %q: got %+v, want %s via %s", c.lang, c.text, c.mention, ms, c.code, c.via)
		}
	}
	// bodies that are actors only with a country of their own
	for _, c := range []struct{ lang, text string }{
		{"fr", "Il est arrivé en visite d'État en Chine."},
		{"en", "The two leaders met in Hanoi."},
		{"en", "He told a press conference in Paris that the talks went well."},
	} {
		for _, m := range d.Recognize(&dyad.Article{Text: c.text, Lang: c.lang, Published: "2024-06-01"}) {
			if m.Via != "name" && m.Via != "capital" && m.Via != "sector" {
				t.Errorf("%q: got %q as %s (%s), want no body from the context", c.text, m.Text, m.Actor.Code, m.Via)
			}
		}
	}
}

// TestSovereign: a territory that CAMEO codes as another country (actors/countries) is that country's, by its
// name and for the places the gazetteer puts in it; New Caledonia codes NCL and its state organs (an @organs
// line) France's.
func TestSovereign(t *testing.T) {
	d := testDict(t)
	if got := d.Sovereign("GLP"); got != "FRA" {
		t.Errorf("Sovereign(GLP) = %q, want FRA", got)
	}
	if got := d.Sovereign("KEN"); got != "KEN" {
		t.Errorf("Sovereign(KEN) = %q, want KEN", got)
	}
	if got := d.Sovereign("XKX"); got != "XKX" {
		t.Errorf("Sovereign(XKX) = %q, want XKX (Kosovo's CAMEO code KSV is no listed country)", got)
	}
	for _, tc := range []struct{ text, mention, country, code string }{
		{"Des émeutes ont éclaté en Guadeloupe.", "Guadeloupe", "FRA", "FRA"},
		{"Le gouvernement a décrété l'état d'urgence en Nouvelle-Calédonie.", "Nouvelle-Calédonie", "NCL", "NCL"},
		{"Le gouvernement a décrété l'état d'urgence en Nouvelle-Calédonie.", "gouvernement", "FRA", "FRAGOV"},
		{"La police de Nouvelle-Calédonie a interpellé des émeutiers.", "police de Nouvelle-Calédonie", "FRA", "FRACOP"},
	} {
		a := &dyad.Article{ID: "a", Lang: "fr", Text: tc.text}
		var found bool
		for _, m := range d.Recognize(a) {
			if m.Text == tc.mention {
				found = true
				if m.Actor.Country != tc.country || m.Actor.Code != tc.code {
					t.Errorf("%q in %q: country %q code %q, want %s %s", tc.mention, tc.text, m.Actor.Country, m.Actor.Code, tc.country, tc.code)
				}
			}
		}
		if !found {
			t.Errorf("%q: no mention in %q", tc.mention, tc.text)
		}
	}
}

// TestContextOfCity checks that a body followed right away by an @of word and a city that only the gazetteer
// knows takes the city's country ("la procura di Palermo"), with Via place, as after an in/at word.
func TestContextOfCity(t *testing.T) {
	d := testDict(t)
	d.SetPlaces(func(key, prefer string) (string, bool) {
		switch key {
		case "palermo":
			return "ITA", true
		case "marseille":
			return "FRA", true
		}
		return "", false
	})
	defer d.SetPlaces(nil)
	for _, c := range []struct{ lang, text, mention, code string }{
		{"it", "La procura di Palermo ha aperto un'inchiesta.", "procura", "ITAJUD"},
		{"fr", "Le parquet de Marseille a ouvert une enquête.", "parquet", "FRAJUD"},
	} {
		found := false
		for _, m := range d.Recognize(&dyad.Article{Text: c.text, Lang: c.lang, Published: "2015-05-01"}) {
			if m.Text == c.mention {
				found = true
				if m.Actor.Code != c.code || m.Via != "place" {
					t.Errorf("%q: %q is %s via %s, want %s via place", c.text, m.Text, m.Actor.Code, m.Via, c.code)
				}
			}
		}
		if !found {
			t.Errorf("%q: no mention %q", c.text, c.mention)
		}
	}
}
