package geo_test

import (
	"bufio"
	"encoding/json"
	"os"
	"testing"

	"github.com/dyad-events/dyad"
	"github.com/dyad-events/dyad/actor"
	"github.com/dyad-events/dyad/cameo"
	"github.com/dyad-events/dyad/coder"
	"github.com/dyad-events/dyad/geo"
	"github.com/dyad-events/dyad/packs"
)

// goldItem is one sentence of testdata/gold.jsonl: our own sentences about real events, ten languages,
// with the place they happened in (a GeoNames id, or a country's alpha-2 code when the text names only it).
type goldItem struct {
	Lang, Text, Dateline string
	Place, Name, Country string
	Precision            string
}

type pipe struct {
	dict *actor.Dictionary
	cd   *coder.Coder
	r    *geo.Resolver
}

func loadPipe(t testing.TB) *pipe {
	set := packs.Default()
	dict, err := actor.Load(set)
	if err != nil {
		t.Fatal(err)
	}
	cb, err := cameo.Load(set)
	if err != nil {
		t.Fatal(err)
	}
	cd, err := coder.New(set, cb)
	if err != nil {
		t.Fatal(err)
	}
	r, err := geo.New(set)
	if err != nil {
		t.Fatal(err)
	}
	return &pipe{dict, cd, r}
}

// locate runs annotate, code and the resolver on one sentence: the location of its first event with one,
// else of the sentence itself.
func (p *pipe) locate(it goldItem) *dyad.Location {
	a := &dyad.Article{ID: "gold", Lang: it.Lang, Text: it.Text, Dateline: dyad.NullString(it.Dateline), Published: "2024-06-01"}
	ms := p.dict.Recognize(a)
	evs := p.cd.Code(a, ms).Events
	p.r.Resolve(a, ms, evs)
	for _, e := range evs {
		if e.Location.Resolved() {
			return e.Location
		}
	}
	return p.r.Sentence(a, ms, 0, len(a.Text), -1)
}

func readGold(t testing.TB, path string) []goldItem {
	f, err := os.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	var items []goldItem
	sc := bufio.NewScanner(f)
	for n := 1; sc.Scan(); n++ {
		var it goldItem
		if err := json.Unmarshal(sc.Bytes(), &it); err != nil {
			t.Fatalf("%s:%d: %v", path, n, err)
		}
		items = append(items, it)
	}
	return items
}

// TestGold scores place resolution on our gold sets: the place id where the text names a city, the country
// everywhere. gold.jsonl (written before the resolver): >= 0.90 and >= 0.97, issue 14's aims. places8.jsonl
// (150 sentences in ten languages written blind on 2026-12-05 by a helper who read no resolver code; its
// first reading was city 0.622, country 0.687, before the bare names, clauses and landmarks of docs/geo.md):
// floors a little under its figures since. places9 and places10: two more sets written blind the same day,
// read first at .481/.593 and .485/.593 before any of that, then after the rounds of docs/geo.md "Measured blind".
// gold9.jsonl: our own sentences for round nine's causes (datelines inside the text, adjectives before a
// name, qualifiers after it, longer names), written before its rules; gold9b.jsonl: visits from one city to
// another; gold9c.jsonl: Chinese transliterations; gold9d.jsonl: Geneva with foreign actors; gold9e.jsonl:
// a reporting clause that names another place. places11.jsonl: written blind in the session of 2026-12-05
// 12:00-15:00 and read only at its start (city .844, country .933) and end (.889, .947). gold10.jsonl: our
// own sentences for round ten's causes (a country before a city word, a capital after its country, a city
// set off from, appositions, own names in Vietnamese, Vietnamese names abroad, Russian cases and reports);
// gold10b.jsonl: a place named in a clause on an earlier event ("..., two days after ... outside Tel Aviv").
// places12.jsonl: written blind in the session of 2026-12-05 15:08-18:07 and read only at its start (city
// .822, country .880) and end (.859, .907). gold11.jsonl: our own sentences for round eleven's causes
// (landmarks and venues, city adjectives, a bracketed name, a continent, Vietnamese syllables), written first;
// gold11b.jsonl: Chinese names that GeoNames writes only with 市, and 东方 as a word. places13.jsonl: written
// blind in the session of 2026-12-05 18:02-21:02 and read only at its start (city .844, country .927) and end
// (.867, .940). gold12.jsonl: our own sentences for round twelve's causes (a city that opens the sentence, a
// name written with its article after a preposition that holds it, a name's possessive or genitive, the ends
// of a route), written first; gold12b.jsonl: a place named near another ("Shebekino near Belgorod").
// places14.jsonl: written blind in the session of 2026-12-05 21:05-00:05 and read only at its start (city
// .933, country .960) and end (.926, .953). gold13.jsonl: our own sentences for round thirteen's causes
// (places in a flight's clause, arrivals after a `to` word, a word of the whole country, the centre of a
// city, a stopover after a comma, Russian names inflected in two parts, Chinese region and direction chains),
// written first; gold13b.jsonl: a city after a city word or in a Russian genitive, Dutch "Bergen", seats of
// power read as the government, a landmark followed by its city. places15.jsonl: written blind in the
// session of 2026-12-06 00:07-03:05 and read only at its start (city .904, country .953) and end (.926, .960).
// gold14.jsonl: our own sentences for round fourteen's causes of a wrong country (a Chinese country-region-city
// chain, a country the sentence names, a country's adjective before a name, a route's end, a first-level seat
// that opens the sentence, German and Chinese names of Gaza's cities), written first; gold14b.jsonl: a lake's
// or a river's name read as a city, a broadcaster's name holding a second country; gold14c.jsonl: Dutch
// "Bergen" read bare, an arrival's place after a phrase between commas. places16.jsonl: written blind in the
// session of 2026-12-06 03:17-06:15 and read only at its start (city .948, country .960) and end (.956, .960).
// gold15.jsonl: our own sentences for round fifteen's causes (a route's end before a relative clause of place,
// a flight's origin, a city over the actor's seat, a German passive's "von", a dateline over a border town,
// landmarks named alone, a site's name followed by its city), written first; gold15b.jsonl: a city that bears
// its territory's name after a city word ("na Cidade de Gaza").
// places17.jsonl: written blind in the session of 2026-12-06 06:13-09:13 and read only at its start (city .881,
// country .893) and end (the same): facilities named by their city ("Manchester Arena"), a city as a verb's
// object, routes whose crash site is a region, landmarks. gold16.jsonl: our own sentences for round sixteen's
// causes (facilities named by their city, a city after its region, a city as a disaster verb's object, crash
// sites named by a region over a route's ends), written first; gold16b.jsonl: Chinese cities after a province
// without 省 or a region with 大区, before a transliterated facility name or 登陆; gold16c.jsonl: a flight's
// origin after "vindo de", "procedente de", "en provenance de", a shopping centre named like a town abroad;
// gold16d.jsonl: a small city as the object of a disaster's or a shelling's verb ("pounded Avdiivka").
// places18.jsonl: written blind in the session of 2026-12-06 09:20-12:20 and read only at its start (city .830,
// country .887) and end (.837, .893): datelines that are not the event's place, exonyms, namesakes, routes,
// facilities, places told by nouns. gold17.jsonl: our own sentences for round seventeen's causes (a capital
// told by its country's adjective or name, a description that refers back to the city named before it, a
// capital that acts as its government, streets and parks named like cities, landmarks), written first;
// gold17b.jsonl: streets named like cities before their city, a region's capital told by the region's
// adjective, a direction before a country's adjective, landmarks that stand for their city; gold17c.jsonl:
// directions written with a hyphen or glued to a country ("на юго-востоке Турции", "boven Zuid-Kameroen",
// "土耳其东南部发生"), Dutch "boven"; gold17d.jsonl: regions named by generic words alone ("North West province",
// "Central Province"), which are no city named North or Central (country precision only: its city figure is
// no number). places19.jsonl: written blind in the session of 2026-12-06 12:08-15:08 and read only at its start
// (city .904, country .927) and end (.926, .940): datelines that are not the event's place, exonyms, namesakes,
// routes, facilities, a city told by its adjective ("la estación madrileña", "московский театральный центр").
// gold18.jsonl: our own sentences for round eighteen's causes (a city told by its adjective, an event or venue
// named after its city, Monaco the principality against the Italian "Monaco" of the Munich conference, a
// region's adjective before a city word, city abbreviations, a canton named after its seat, a country told by
// its parts), written first (city .533, country .657 before its rules). places20.jsonl: written blind in the
// session of 2026-12-06 14:55-17:55 and read only at its start (city .902, country .913) and end (.917, .940):
// datelines that are not the event's place, exonyms, namesakes, routes and crashes, places near a bigger city,
// landmarks, metonyms. gold19.jsonl: our own sentences for round nineteen's causes (landmarks, squares and
// streets with no city named, a state's capitol as a trap, treaties named after a city, rivers, favelas and
// districts named like towns, a town after a compound city word, a capital acting on a company GeoNames lists
// as a town's name, Dutch exonyms, regions below the gazetteer, Russian Дом), written first (city .722,
// country .746 before its rules); gold19b.jsonl: an old city before its city's name ("a Cidade Velha de
// Jerusalém") and Vietnamese communes and districts below the gazetteer ("ở huyện Bảo Yên"), written first.
// places21.jsonl: written blind in the session of 2026-12-06 17:57-20:57 and read only at its start (city
// .904, country .927) and end (.911, .940): datelines that are not the event's place, exonyms, namesakes, routes,
// places told by a noun ("la cité phocéenne", "de hoofdstad"), metonyms; its floors raised to round twenty's
// end. gold20.jsonl: our own sentences for round twenty's causes (a capital told by a noun alone, a leader's
// whereabouts in an aside, an earlier event's place in a participle, a place beside a bigger one, namesakes
// and historical names, the Sinai, acronyms), written first (city .368, country .631 before its rules).
// places22.jsonl: written blind in the session of 2026-12-06 20:57-23:57 and read only at its start (city .920,
// country .960) and end (.913, .960): datelines that are not the event's place, exonyms, namesakes abroad, routes
// and crashes with a decoy city, facilities, places after a region. gold21.jsonl: our own sentences for round
// twenty-one's causes (a crash, a landing, a diversion or a turning back whose site is named first, last or not at
// all against a route's ends in every language's route words, a city before or after its region), written first
// (city .667, country .778 before its rules). places23.jsonl: written blind in the session of 2026-12-07
// 00:09-03:09 and read only at its start (city .956, country .980 by dyad eval; .949 by this test) and end (the
// same): datelines that are not the event's place (14 of 15), exonyms, namesakes abroad, places after a region
// or near another, routes, facilities. gold22.jsonl: our own sentences for round twenty-two's causes (a downed
// airliner bound for its actor's capital with the takeoff city named, a participle's origin beside the event's
// place, a landmark name several capitals share, a city followed by its country, arrivals), written first (city
// .750, country .909 before its rules). places24.jsonl: written blind in the session of 2026-12-07 03:08-06:08
// and read only at its start (city .941, country .953 by dyad eval; .934 / .953 by this test) and end (the
// same): datelines that are not the event's place (13 of 18), exonyms, namesakes abroad, crashes away from a
// route's ends, facilities, cities as metonyms. places25.jsonl: written blind in the session of 2026-12-07
// 05:59-08:59 and read only at its start (city .910, country .933 by dyad eval) and end (the same): datelines that
// are not the event's place (14 of 14), exonyms, cities told by a noun or adjective, namesakes abroad, routes.
// gold24a.jsonl: our own sentences for round twenty-four's regions (first-level regions named in the text's
// language, geographic regions of one country, a city told from its namesakes by its region, a country named
// only by its people), written first (city .800, country .561 before its rules).
// gold24b.jsonl: our own sentences for round twenty-four's places that are not the event's and names not in the
// gazetteer (a crash told by its route's ends, a facility whose name holds its town, a city told by its
// adjective or nickname, a second clause after "while" that names another place), written first (city .641,
// country .791 before its rules).
// gold24c.jsonl: our own sentences for Chinese, Vietnamese and Russian place names (transliterations the
// gazetteer lacks, districts of a big city, a city word before a city, nationwide, case endings, a country's
// adjective before a city), written first (city .550, country .905 before its rules).
// places26.jsonl: written blind in the session of 2026-12-07 09:05-12:05 by two helpers and read only at its
// start (city .785, country .927 by dyad eval) and end (city .785, country .933): datelines that win over the
// event's city named in the text (13 of 28 misses: the coded event is in a later sentence that names no place,
// or the city's phrase is not read), namesakes abroad, routes, Chinese cities after a dateline; then .800 / .933
// with the lead's city of the dateline's country before the dateline, .823 / .933 with datelines written "München
// (dpa) -" read as datelines (round 24, both written from these misses).
// gold25a.jsonl: our own sentences for round twenty-five's places that are not the event's (a route's start
// before the event's place, a name inside a common word or a longer name: "City Hall", "chutes Victoria", "Halle
// 3", a church's saint; a town before its region; an actor's country beside the event's city), written first
// (city .857, country .905 before its rules; .929 / .952 after, when places26 read .885 / .967).
// gold25b.jsonl: our own sentences for Chinese, Russian and Vietnamese names in wire shapes (Xinhua and CNA
// datelines before another city, a city with its admin suffix after its region, transliterations the gazetteer
// lacks, Russian case forms, TTXVN datelines), written first (city .704, country .963 before its rules; .963 / 1.000
// after, when places26 read .931 / .973).
// places27.jsonl: written blind in the session of 2026-12-07 11:53-14:53 by two helpers and read only at its
// start (city .838, country .933 by dyad eval) and end (city .846, country .940) (docs/geo.md "Blind, a twentieth
// time").
// places28.jsonl: written blind in the session of 2026-12-07 14:32-17:32 by two helpers and read only at its
// start (city .885, country .960 by dyad eval) and end (city .900, country .960) (docs/geo.md "Blind, a
// twenty-first time").
// places29.jsonl: written blind in the session of 2026-12-07 17:27-20:27 by two helpers and read only at its
// start (city .846, country .973 by dyad eval) and end (city .846, country .973) (docs/geo.md "Blind, a
// twenty-second time").
// places30.jsonl: written blind in the session of 2026-12-07 20:21-23:21 by two helpers and read only at its
// start (city .877, country .947 by dyad eval) and end (city .877, country .947) (docs/geo.md "Blind, a
// twenty-third time").
// gold26a.jsonl: our own sentences for round twenty-six's towns placed by a bigger place after them ("Gilroy, a
// farming town about 30 miles south of San Jose", "Castel Volturno, sul litorale domizio a nord di Napoli",
// "圣何塞以南约50公里的吉尔罗伊市"), common words and parts of longer names read as towns ("Die Zwickauer Mulde",
// "Serra da Estrela") and a place before a sequence word ("继上海之后"), written first (city .863, country .980; .980 /
// 1.000 after round twenty-six's placedBy, longer names and common words, when places27 read .938 / .967).
// gold27a.jsonl: our own sentences for round twenty-seven's classes (a town with its region in brackets, the
// region a namesake's or a city's name: "Brest (Finistère)", "Alzira (Valencia)", "Pelotas (RS)"; a region
// before "in und um"; a place inside a town after a dateline; the first end of a movement, "bevor sie nach
// Passau weiterreiste"; Chinese administrative chains and words around a shorter name, 印度洋岛国; German
// exonyms of Ukrainian towns, Russian adjective names in the locative), written first (city .721, country .891;
// .791 / .957 after round twenty-seven, when places28 read .931 / .980).
// gold28a.jsonl: our own sentences for round twenty-eight's classes (a town before its region or a bigger place,
// "penal de Apodaca, en el estado mexicano de Nuevo León", "Pawlohrad rund 70 Kilometer östlich von Dnipro"; a
// capital's dateline over the town; German transliterations of Ukrainian and Russian towns, "Nischni Tagil",
// "Kamjanske"; a person's nationality beside the town, "un homme de nationalité afghane ... à Villeurbanne"; an
// institution's name, "Assembleia Nacional Popular"; a namesake, Laval near Montréal), written first (city .902,
// country 1.000; .976 / 1.000 after round twenty-eight, when places29 read .862 / .973).
func TestGold(t *testing.T) {
	p := loadPipe(t)
	for _, set := range []struct {
		path          string
		minItems      int
		minCity, minC float64
	}{
		{"testdata/gold.jsonl", 200, 0.90, 0.97},
		{"testdata/gold9.jsonl", 22, 0.95, 0.95},
		{"testdata/gold9b.jsonl", 8, 0.70, 0.95},
		{"testdata/gold9c.jsonl", 5, 0.95, 0.75},
		{"testdata/gold9d.jsonl", 5, 0.95, 0.95},
		{"testdata/gold9e.jsonl", 3, 0.95, 0.95},
		{"testdata/places8.jsonl", 150, 0.97, 0.98},
		{"testdata/places9.jsonl", 150, 0.96, 0.98},
		{"testdata/places10.jsonl", 150, 0.99, 0.99},
		{"testdata/places11.jsonl", 150, 0.97, 0.99},
		{"testdata/gold10.jsonl", 36, 0.95, 0.95},
		{"testdata/gold10b.jsonl", 11, 0.80, 0.80},
		{"testdata/places12.jsonl", 150, 0.95, 0.97},
		{"testdata/gold11.jsonl", 20, 0.90, 0.90},
		{"testdata/gold11b.jsonl", 4, 0.95, 0.95},
		{"testdata/places13.jsonl", 150, 0.97, 0.99},
		{"testdata/gold12.jsonl", 20, 0.95, 0.95},
		{"testdata/gold12b.jsonl", 6, 0.95, 0.95},
		{"testdata/places14.jsonl", 150, 0.97, 0.99},
		{"testdata/gold13.jsonl", 22, 0.95, 0.95},
		{"testdata/gold13b.jsonl", 9, 0.95, 0.95},
		{"testdata/places15.jsonl", 150, 0.96, 0.98},
		{"testdata/gold14.jsonl", 18, 0.95, 0.95},
		{"testdata/gold14b.jsonl", 10, 0.95, 0.95},
		{"testdata/gold14c.jsonl", 4, 0.95, 0.95},
		{"testdata/places16.jsonl", 150, 0.98, 0.98},
		{"testdata/gold15.jsonl", 32, 0.95, 0.95},
		{"testdata/gold15b.jsonl", 6, 0.95, 0.95},
		{"testdata/places17.jsonl", 150, 0.93, 0.94},
		{"testdata/gold16.jsonl", 70, 0.97, 0.96},
		{"testdata/gold16b.jsonl", 7, 0.95, 0.95},
		{"testdata/gold16c.jsonl", 8, 0.95, 0.95},
		{"testdata/gold16d.jsonl", 9, 0.88, 0.88},
		{"testdata/places18.jsonl", 150, 0.95, 0.97},
		{"testdata/gold17.jsonl", 65, 0.99, 0.99},
		{"testdata/gold17b.jsonl", 20, 0.99, 0.99},
		{"testdata/gold17c.jsonl", 10, 0.99, 0.99},
		{"testdata/gold17d.jsonl", 7, 0, 0.99},
		{"testdata/places19.jsonl", 150, 0.99, 0.99},
		{"testdata/gold18.jsonl", 67, 0.98, 0.99},
		{"testdata/places20.jsonl", 150, 0.98, 0.98},
		{"testdata/gold19.jsonl", 67, 0.97, 0.95},
		{"testdata/gold19b.jsonl", 10, 0.99, 0.99},
		{"testdata/places21.jsonl", 150, 0.94, 0.97},
		{"testdata/gold20.jsonl", 65, 0.90, 0.92},
		{"testdata/places22.jsonl", 150, 0.97, 0.98},
		{"testdata/gold21.jsonl", 72, 0.90, 0.92},
		{"testdata/places23.jsonl", 150, 0.99, 0.99},
		{"testdata/gold22.jsonl", 44, 0.99, 0.99},
		{"testdata/places24.jsonl", 150, 0.96, 0.97},
		{"testdata/places25.jsonl", 150, 0.96, 0.99},
		{"testdata/gold24a.jsonl", 41, 0.99, 0.99},
		{"testdata/gold24b.jsonl", 43, 0.95, 0.95},
		{"testdata/gold24c.jsonl", 21, 0.70, 0.99},
		{"testdata/places26.jsonl", 150, 0.91, 0.96},
		{"testdata/gold25a.jsonl", 42, 0.92, 0.95},
		{"testdata/gold25b.jsonl", 27, 0.95, 0.99},
		{"testdata/places27.jsonl", 150, 0.93, 0.96},
		{"testdata/places28.jsonl", 150, 0.93, 0.98},
		{"testdata/places29.jsonl", 150, 0.86, 0.97},
		{"testdata/places30.jsonl", 150, 0.87, 0.94},
		{"testdata/gold26a.jsonl", 51, 0.97, 0.98},
		{"testdata/gold27a.jsonl", 46, 0.83, 0.97},
		{"testdata/gold28a.jsonl", 43, 0.97, 1.00},
	} {
		t.Run(set.path, func(t *testing.T) {
			items := readGold(t, set.path)
			cityAcc, ctryAcc := scoreGold(t, p, items)
			if len(items) < set.minItems {
				t.Errorf("gold has %d sentences, want at least %d", len(items), set.minItems)
			}
			if cityAcc < set.minCity || ctryAcc < set.minC {
				t.Errorf("accuracy city %.3f (want >= %.2f), country %.3f (want >= %.2f)", cityAcc, set.minCity, ctryAcc, set.minC)
			}
		})
	}
}

// scoreGold places every item and returns the city and country accuracy, logging each miss.
func scoreGold(t *testing.T, p *pipe, items []goldItem) (cityAcc, ctryAcc float64) {
	var city, cityOK, ctry, ctryOK int
	perLang := map[string][2]int{}
	for _, it := range items {
		loc := p.locate(it)
		got, gotCC := "", ""
		if loc.Resolved() {
			got = loc.PlaceID
			if pl, ok := p.r.Gazetteer().Country(loc.Country); ok {
				gotCC = pl.Country2
			}
		}
		ok := gotCC == it.Country
		ctry++
		if ok {
			ctryOK++
		}
		if it.Precision == geo.City {
			city++
			ok = got == it.Place
			if ok {
				cityOK++
			}
		}
		pl := perLang[it.Lang]
		pl[0]++
		if ok {
			pl[1]++
		} else {
			t.Logf("%s: %q: want %s %s, got %+v", it.Lang, it.Text, it.Place, it.Name, loc)
		}
		perLang[it.Lang] = pl
	}
	cityAcc, ctryAcc = float64(cityOK)/float64(city), float64(ctryOK)/float64(ctry)
	t.Logf("%d sentences: city %d/%d = %.3f, country %d/%d = %.3f; by language %v", len(items), cityOK, city, cityAcc, ctryOK, ctry, ctryAcc, perLang)
	return cityAcc, ctryAcc
}
