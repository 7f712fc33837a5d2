package geo

import (
	"errors"
	"fmt"
	"maps"
	"math"
	"regexp"
	"slices"
	"sort"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/dyad-events/dyad"
	"github.com/dyad-events/dyad/packs"
	"github.com/dyad-events/dyad/text"
)

// Ways a location was found (dyad.Location.Via).
const (
	ViaText     = "text"
	ViaDateline = "dateline"
	ViaLead     = "lead"
	ViaActor    = "actor"
)

// lang is what the resolver reads of one language: packs/data/<lang>/geo, and the months and weekdays of
// <lang>/dates, which are never places ("in May").
type lang struct {
	where   map[string]bool // words before the place where an event happens: "in", "à", "tại", "在"
	skip    map[string]bool // words between them and the place: "the"
	never   map[string]bool // capitalised words that are never a place after them
	away    map[string]bool // words right before a place word that make the place a destination: "rendre"
	of      map[string]bool // genitive words before a place named without a place word: "of", "de", "di", "van"
	home    []string        // phrases of a clause that name the article's own country: "the country's", "du pays"
	from    map[string]bool // words before a place someone comes from, no place of the event: "from", "vanuit", "从"
	to      map[string]bool // words before the place a visit goes to: "to", "nach", "naar", "前往"
	city    map[string]bool // words between a country and its city: "首都", "thủ đô", "capital"
	stop    map[string]bool // the language's stop words (<lang>/stopwords): never a place named without a place word
	inflect [][2]string     // endings a place takes in the text, and its dictionary ending: "е>а" (Москве)
	// inflectSpace: an ending of inflect holds a space, so that an inflected key may count other words
	inflectSpace bool
	cityAdj      [][2]string // endings of a city's adjective, and the city's ending: "ner>en" (Dresdner), "ск>ь" (казанской, after an adjective ending)
	// adjHome: countries (alpha-2) whose towns of any size the gazetteer keeps are read from a `cityadjective`
	// rule, not only cities of bareMinPopulation ("im Zuger Kantonsparlament", "die Passauer Altstadt")
	adjHome []string
	adj     []string        // endings of adjectives between a place word and the name: "im polnischen Oświęcim"
	capNoun bool            // the language writes its nouns capitalised (German): a capitalised word after a name is no sign of a longer name
	sound   map[string]bool // characters that transliterate foreign names' sounds (Chinese: 阿, 尔, 加, 勒, 卢 ...)
	own     []string        // countries (alpha-2) whose places' own names are written in the language: "VN" for Vietnamese
	after   map[string]bool // phrases that open a clause on another, earlier event after a comma: "after", "nachdem", "sau khi" (folded words joined by a space)
	// while: phrases that open a clause on another event at the same time after a comma (", while", ", tandis
	// que", ", während", ", mientras", ", terwijl", ", trong khi", ", в то время как"): as `after`, but a
	// sentence whose only places are in that clause keeps them
	while map[string]bool
	// later: phrases that open a clause on what the actor does next, with or without a comma ("before
	// travelling on to", "bevor er", "voordat hij", "avant de rejoindre", "antes de seguir", "prima di
	// recarsi", "trước khi tới", "после чего", "随后前往"): the places after one are no place of an event told
	// before it when the sentence names one there; laterHead holds each phrase's first word
	later, laterHead map[string]bool
	// occurred: participles right after a comma that tell where an earlier event named before happened (",
	// survenue à Barcelone", ", ocorrida em", ", avvenuta a"): as `after`, and a sentence whose only places
	// are in that clause is placed neither by them nor by a country named there
	occurred map[string]bool
	speech   map[string]bool // reporting verbs (<lang>/speech, one-word forms and the first word of longer ones): "said", "a déclaré"
	// article: a preposition that holds an article, or an elided one, and that article, folded: "au" > "le",
	// "all'" > "l'"; a name the gazetteer writes with its article ("Le Mans", "L'Aquila") is read after it
	article map[string]string
	near    map[string]bool // words of a place word that say the place is near another: "near", "bei", "под", "vicino (a)"
	// flee: words of a flight ("fleeing", "fuyant", "auf der Flucht", "бежавших", "逃离"): the place named right
	// after one, in the same clause, is where people come from ("fleeing the fighting in Khartoum")
	flee map[string]bool
	// arrive: verbs of an arrival whose place comes after a `to` word ("llegaron a Melilla", "chegaram a Pemba")
	arrive map[string]bool
	// water: words of a lake or a river right before its name ("Lake Victoria", "le lac Victoria", "o rio
	// Paraná", "as águas do Guaíba"; one or two words): the name is the water's, no place; after a genitive
	// word the name is a city's that the water is named after ("le lac d'Annecy", "lago de Maracaibo"): a
	// feature's city (see candidate.feature)
	water map[string]bool
	// landform: words of an island or a volcano right before its name, or before a genitive and its name ("la
	// isla de La Palma", "el volcán de La Palma", "đảo Phú Quốc"): the name is a feature's city
	landform map[string]bool
	// noun: words right before a capitalised word that make it a common noun, no city's name (German articles:
	// the language writes no article before a city's name, "in der Halle 3", "im Hof"); head: capitalised words
	// that open a longer proper name when right before a name ("City Hall", "Town Hall")
	noun, head map[string]bool
	// recipient: nouns of support or aid whose place word after them is a dative ("un rassemblement de soutien à
	// la RD Congo", "sostegno all'Ucraina"): the country or city after it is the one helped, no place
	recipient map[string]bool
	// inflectPart: endings a word of a name of several words takes in the text (an adjective's case ending:
	// "Нижнем Новгороде", "Петропавловске-Камчатском"), and the ending in the gazetteer; with inflect, they are
	// undone on each word of such a name
	inflectPart [][2]string
	// heads holds the first word (or character) of every phrase of city, flee and arrive: phrase reads on
	// only from one of them
	heads map[string]bool
	// genitive: endings of inflect that make a genitive ("ы>а": "развалины Пальмиры"): such a name right after a
	// lower-case word is read as after an `of` word, whatever its size
	genitive [][2]string
	// prefer: names that the language gives first to a place of one country, folded name > alpha-2 (Dutch
	// "Bergen" is Mons, Belgium, before Bergen, Norway)
	prefer map[string]string
	// relative: words that open a relative clause of place after a comma ("where", "où", "onde", "wo", "waar",
	// "nơi", "где", "在那里"): the place right before the comma is where that clause's event happens
	relative map[string]bool
	// facility: words after a city's name that make a facility or venue of that city ("Airport",
	// "International Airport", "Arena"): the name is the city's, not the start of a longer unknown name
	facility map[string]bool
	// direction: words of a part of a country or region before its name, with a genitive after them or not
	// ("in the north of Mali", "dans le nord du Mali", "in het noorden van"): read past like a skip word
	direction map[string]bool
	// bound: words right before the preposition of a route's end ("bound for", "diretto a", "rumbo a", "vindo
	// de", "en provenance de"): the place after it is where a journey was headed or came from, no place of an
	// event on the way
	bound map[string]bool
	// between: phrases of a route named by its two ends ("the route between", "la ruta entre", "o voo entre",
	// "la liaison entre", "рейс"): the place right after one is the route's start, as after a `from` word, and
	// the place after the `and` word that follows it is the route's end ("que cubría la ruta entre La Habana y
	// Holguín"); and: those words ("and", "y", "e", "et", "und", "en", "và", "и", "—")
	between, and map[string]bool
	// via: words before a route's stop ("from Sharm el-Sheikh to Paris via Cairo"): a place after one that
	// follows a route's end, and a `to` word's place after such a stop, are the route's too
	via map[string]bool
	// plain: words that start with a character of `sound` and end no name before them ("登陆": a name before
	// it is not the start of a longer transliteration)
	plain map[string]bool
	// capital: words of a country's capital ("capital", "capitale", "Hauptstadt", "thủ đô", "首都", "столице"):
	// with the country's name or adjective before or after them and no name after, they name its capital ("the
	// Lebanese capital", "la capitale haïtienne", "thủ đô Gruzia", "乌克兰首都")
	capital map[string]bool
	// alone: the `capital` words, alone or after a determiner ("the capital", "della capitale", "thủ đô"), that
	// name a capital with no country around them ("in the capital", "nel centro della Capitale", "tại Thủ đô",
	// "в столице"): the capital of the dateline's country, else of the one country
	// the sentence names, else of the article's main country, else of the language's `homecountry`
	alone map[string]bool
	// homeCountry: the country (alpha-2) whose capital a capital word alone names in the language's own news
	// when nothing else tells ("in de hoofdstad" is Amsterdam, "tại Thủ đô" Hanoi); "" for a language of many
	homeCountry string
	// aside: phrases that open an aside right after a comma on where a person is (", on a visit to Moscow,", ",
	// en visite à N'Djamena,", ", находившийся с визитом в"): its places, up to the next punctuation, are no
	// place of an event the sentence names another city for
	aside map[string]bool
	// determiner: words one of which comes right before such a capital in the languages that list them ("the
	// Kenyan capital", "la capital chilena"; "Russian capital flowed into Cyprus" is money)
	determiner map[string]bool
	// town: nouns of a city or town named by what it is ("the port city", "la ville", "die Stadt", "thị trấn
	// này", "这座港口城市", "город"); with a `refer` word before or right after them (where the language lists
	// any) and no name after, they refer back to the city the sentence named before, whatever its size
	// ("encircled Avdiivka for months before the town fell")
	town map[string]bool
	// refer: words that make a town noun refer back: "the", "la", "die", "này", "这座"
	refer map[string]bool
	// regional: a region's adjective, folded > the region's code ("lombardo" > "IT.09", "gaúcha" > "BR.23"):
	// after or before a `capital` word, the region's seat
	regional map[string]string
	// street: words of a street, a square or a park right before a name, or right after it ("avenida
	// Bolívar", "Quinta da Boa Vista", "phố Huế", "Hyde Park", "Рязанском проспекте"): the name is the
	// street's, no place
	street map[string]bool
	// treaty: words of a treaty, a convention or an agreement named after a city, right before the name (a
	// genitive word between or not) or right after it ("la Convention de Genève", "the Geneva Conventions",
	// "Минские соглашения", "Hiệp định Paris", "巴黎协定"): the name is the treaty's, no place
	treaty map[string]bool
	// citySuffix: endings of a compound noun that make it a city word ("stadt" of "Bergbaustadt", "Kleinstadt";
	// "stad" of "vestingstad"), in a language that glues a kind of town onto "town"
	citySuffix []string
	// names: the gazetteer's names (a compound that is a place's own name, "Darmstadt", is no city word)
	names map[string][]int32
	// waterAfter: words of a river or a lake right after its name ("the Dnipro river"): the name is the water's
	waterAfter map[string]bool
	// unit: words of an administrative unit of the language's own country before its name ("xã", "huyện" of
	// Vietnamese): a name after one that the gazetteer does not know is a place below it, in that country
	unit map[string]bool
	// prefix: directions glued before a region's adjective ("süd" of "südenglischen"), longest first
	prefix []string
	// possessive: endings that make a name its owner's ("'s" of "Brazil's capital"): such a country before a
	// `capital` word needs no determiner
	possessive []string
	// crash: phrases of a crash, a landing, a downing or a diversion ("crashed", "made an emergency landing",
	// "s'est écrasé", "abgestürzt", "разбился", "坠毁"): a place the sentence names within maxCrash tokens of one,
	// in its clause, is where the journey ended, over a route's ends ("flying from Amsterdam to Kuala Lumpur,
	// was shot down over eastern Ukraine"); over: words that are place words only there ("over", "über",
	// "sobre", "au-dessus"); takeoff: phrases that set such an event where the journey began ("shortly after
	// takeoff", "turned back", "вскоре после взлёта", "起飞后不久"): its start, when no site is named
	crash, over, takeoff map[string]bool
	// regionAfter: words of a region right after its name or adjective ("области", "края" of Russian: "в
	// Краматорске Донецкой области"): the name before is the region's, no city, and ends no longer name
	regionAfter map[string]bool
	// nation: phrases that spread an event over the whole country ("nationwide", "cả nước", "全国"): a sentence
	// that names no place is set in the article's or the language's own country (Resolver.nationwide)
	nation map[string]bool
	// cityOf: a city's adjective or demonym (`cityof`), folded > the city's name as a key ("madrileña" >
	// "madrid", "münchner" > "munchen", "московский" > "москва"); cityOfStem: the same less one of the
	// language's adjective endings ("московск" > "москва"), which reads the other cases and genders
	cityOf, cityOfStem map[string]string
	// datelines: the `dateline` patterns of <lang>/boilerplate, whose place the extractor reads ("新华社北京5月3日电",
	// "（中央社記者台北3日電）"): a text that opens with one opens with its dateline, no place of its first sentence
	datelines []*regexp.Regexp
	// translit: a character or letter > its Latin readings (<lang>/translit), for the consonant skeleton of a
	// transliteration the gazetteer lacks (sound.go); suffix: characters that end a Chinese place's name (市, 县,
	// 港, 镇, 岛), after which such a transliteration is read
	translit map[string][]string
	suffix   map[string]bool
	// bearing: phrases that place a town from a bigger place named right after them ("north of", "nördlich
	// von", "outskirts", "Região Metropolitana", "alle porte", "пригороде", "ngoại ô"; Chinese after the bigger
	// place: "以北", "附近"); distance: words of a distance there ("miles", "kilómetros", "км", "cách", "公里"):
	// the town named before is the place, the bigger one only says where it lies (placedBy)
	bearing, distance map[string]bool
	// common: words of the language that name towns elsewhere ("University", "Sale" of Italian): a town only
	// right after a place word, never read bare nor as the start of a name before a capitalised word
	common map[string]bool
	// compound: words of Chinese characters that hold a place's name and name no place of it ("太平洋", the
	// Pacific, holds 太平, Taiping; "东海岸", an east coast): a name inside one is no place
	compound map[string]bool
}

// Resolver places events: it reads the places a sentence names and looks them up in the gazetteer.
type Resolver struct {
	g       *Gazetteer
	langs   map[string]*lang
	generic map[string]bool // packs/data/geo/generic: words that go with a region's name ("province", "state")
	// capitalOf is each country's capital (alpha-3 -> place): its biggest capital or seat of government
	capitalOf map[string]int32
	// seatOf is each first-level region's seat ("CC.code" -> place): its biggest first-level seat or capital
	seatOf map[string]int32
	// shared holds the keys of packs/data/geo/shared: landmark names several places carry, read by the
	// sentence's countries and never by size
	shared map[string]bool
	// landmarks holds the keys of the names packs/data/geo/aliases gives a city
	landmarks map[string]bool
	// sk (packs/data/geo/skeleton) and sound, built on first use: the consonant skeletons of the cities' Latin
	// names, by country, for transliterations the gazetteer lacks (sound.go)
	sk    *skeleton
	sound soundIndex
}

func init() {
	// `dyad dict check` reads the gazetteer and every <lang>/geo file as loading does
	packs.RegisterChecker("geo", func(s *packs.Set) []error {
		_, errs := Load(s)
		_, lerrs := loadLangs(s)
		_, serrs := loadSkeleton(s)
		lerrs = append(lerrs, serrs...)
		return append(errs, lerrs...)
	})
}

// New loads the gazetteer and each language's place words from the packs. Its errors name file and line.
func New(set *packs.Set) (*Resolver, error) {
	g, errs := Load(set)
	langs, lerrs := loadLangs(set)
	generic, err := GenericWords(set)
	if err != nil {
		errs = append(errs, err)
	}
	shared, err := sharedNames(set, g)
	if err != nil {
		errs = append(errs, err)
	}
	landmarks, err := landmarkNames(set)
	if err != nil {
		errs = append(errs, err)
	}
	sk, serrs := loadSkeleton(set)
	errs = append(errs, serrs...)
	capitalOf, seatOf := map[string]int32{}, map[string]int32{}
	for i, p := range g.places {
		if p.Precision != City {
			continue
		}
		if c, ok := capitalOf[p.Country]; p.Capital && (!ok || g.places[c].Population < p.Population) {
			capitalOf[p.Country] = int32(i)
		}
		if c, ok := seatOf[p.Admin1]; (p.Seat || p.Capital) && (!ok || g.places[c].Population < p.Population) {
			seatOf[p.Admin1] = int32(i)
		}
	}
	for _, l := range langs {
		l.names = g.names
		for adj, code := range l.regional {
			if _, ok := seatOf[code]; !ok {
				errs = append(errs, fmt.Errorf("geo: regional %s>%s: the gazetteer has no seat of region %s", adj, code, code))
			}
		}
		for adj, key := range l.cityOf {
			if !slices.ContainsFunc(g.names[key], func(id int32) bool { return g.places[id].Precision == City }) {
				errs = append(errs, fmt.Errorf("geo: cityof %s: the gazetteer has no city %q", adj, key))
			}
		}
	}
	return &Resolver{g: g, langs: langs, generic: generic, capitalOf: capitalOf, seatOf: seatOf, shared: shared, landmarks: landmarks, sk: sk}, errors.Join(append(errs, lerrs...)...)
}

// landmarkNames reads the keys of the names packs/data/geo/aliases gives a city (landmarks, seats of power,
// nicknames): a noun's article before one does not make it a common noun ("im Kreml", "vor dem Brandenburger Tor").
func landmarkNames(set *packs.Set) (map[string]bool, error) {
	files, err := set.Files("geo/aliases")
	if err != nil {
		return nil, err
	}
	m := map[string]bool{}
	for _, f := range files {
		for ln := range f.Lines() {
			for _, w := range ln.Fields[min(2, len(ln.Fields)):] {
				m[Key(w)] = true
			}
		}
	}
	return m, nil
}

// sharedNames reads packs/data/geo/shared: the keys of landmark names that several places of the gazetteer
// carry. A name that fewer than two places carry is an error naming its file and line.
func sharedNames(set *packs.Set, g *Gazetteer) (map[string]bool, error) {
	files, err := set.Files("geo/shared")
	if err != nil {
		return nil, err
	}
	m := map[string]bool{}
	var errs []error
	for _, f := range files {
		for ln := range f.Lines() {
			for _, w := range ln.Fields {
				k := Key(w)
				if len(g.names[k]) < 2 {
					errs = append(errs, ln.Errorf("shared name %q: the gazetteer has %d places of it, want two or more", w, len(g.names[k])))
					continue
				}
				m[k] = true
			}
		}
	}
	return m, errors.Join(errs...)
}

// loadLangs reads each language's place words: packs/data/<lang>/geo, its stop words and its months and
// weekdays.
func loadLangs(set *packs.Set) (map[string]*lang, []error) {
	var errs []error
	langs := map[string]*lang{}
	for _, code := range set.Langs() {
		l := &lang{where: map[string]bool{}, skip: map[string]bool{}, never: map[string]bool{}, away: map[string]bool{}, of: map[string]bool{}, stop: map[string]bool{}, from: map[string]bool{}, to: map[string]bool{}, city: map[string]bool{}, sound: map[string]bool{}, speech: map[string]bool{}, after: map[string]bool{}, while: map[string]bool{}, later: map[string]bool{}, laterHead: map[string]bool{}, occurred: map[string]bool{}, article: map[string]string{}, near: map[string]bool{}, flee: map[string]bool{}, arrive: map[string]bool{}, water: map[string]bool{}, landform: map[string]bool{}, noun: map[string]bool{}, head: map[string]bool{}, recipient: map[string]bool{}, prefer: map[string]string{}, relative: map[string]bool{}, facility: map[string]bool{}, direction: map[string]bool{}, bound: map[string]bool{}, between: map[string]bool{}, and: map[string]bool{}, via: map[string]bool{}, plain: map[string]bool{}, capital: map[string]bool{}, alone: map[string]bool{}, aside: map[string]bool{}, determiner: map[string]bool{}, town: map[string]bool{}, refer: map[string]bool{}, regional: map[string]string{}, street: map[string]bool{}, treaty: map[string]bool{}, waterAfter: map[string]bool{}, unit: map[string]bool{}, cityOf: map[string]string{}, cityOfStem: map[string]string{}, crash: map[string]bool{}, over: map[string]bool{}, takeoff: map[string]bool{}, regionAfter: map[string]bool{}, nation: map[string]bool{}, suffix: map[string]bool{}, bearing: map[string]bool{}, distance: map[string]bool{}, common: map[string]bool{}, compound: map[string]bool{}}
		// the classes that are sets of words
		wordSets := map[string]map[string]bool{"where": l.where, "skip": l.skip, "never": l.never, "away": l.away, "of": l.of, "from": l.from, "to": l.to, "city": l.city, "near": l.near, "flee": l.flee, "arrive": l.arrive, "water": l.water, "landform": l.landform, "noun": l.noun, "head": l.head, "recipient": l.recipient, "relative": l.relative, "facility": l.facility, "direction": l.direction, "bound": l.bound, "between": l.between, "and": l.and, "via": l.via, "plain": l.plain, "capital": l.capital, "alone": l.alone, "aside": l.aside, "occurred": l.occurred, "determiner": l.determiner, "town": l.town, "refer": l.refer, "street": l.street, "treaty": l.treaty, "waterafter": l.waterAfter, "unit": l.unit, "crash": l.crash, "over": l.over, "takeoff": l.takeoff, "regionafter": l.regionAfter, "nation": l.nation, "suffix": l.suffix, "bearing": l.bearing, "distance": l.distance, "common": l.common, "compound": l.compound}
		files, err := set.Files(code + "/geo")
		if err != nil {
			errs = append(errs, err)
		}
		for _, f := range files {
			for ln := range f.Lines() {
				if len(ln.Fields) < 2 {
					errs = append(errs, ln.Errorf("want class | word ..."))
					continue
				}
				words := ln.Fields[1:]
				if set, ok := wordSets[ln.Fields[0]]; ok {
					add(set, words)
					continue
				}
				switch ln.Fields[0] {
				case "after", "while", "later":
					set := l.after
					switch ln.Fields[0] {
					case "while":
						set = l.while
					case "later":
						set = l.later
					}
					for _, w := range words {
						k := Key(w)
						set[k] = true
						if ln.Fields[0] == "later" {
							head, _, _ := strings.Cut(k, " ")
							l.laterHead[head] = true
						}
					}
				case "home":
					for _, w := range words {
						l.home = append(l.home, text.Fold(w))
					}
				case "adjective":
					for _, w := range words {
						l.adj = append(l.adj, text.Fold(strings.TrimPrefix(w, "-")))
					}
				case "sound":
					for _, w := range words {
						for _, ch := range w {
							l.sound[text.Fold(string(ch))] = true
						}
					}
				case "own", "adjhome":
					for _, w := range words {
						if len(w) != 2 || strings.ToUpper(w) != w {
							errs = append(errs, ln.Errorf("want %s | alpha-2 code ..., got %q", ln.Fields[0], w))
							continue
						}
						if ln.Fields[0] == "own" {
							l.own = append(l.own, w)
						} else {
							l.adjHome = append(l.adjHome, w)
						}
					}
				case "homecountry":
					if len(words) != 1 || len(words[0]) != 2 || strings.ToUpper(words[0]) != words[0] || l.homeCountry != "" {
						errs = append(errs, ln.Errorf("want homecountry | alpha-2 code, once"))
						continue
					}
					l.homeCountry = words[0]
				case "capitals":
					if len(words) != 1 || words[0] != "nouns" {
						errs = append(errs, ln.Errorf("want capitals | nouns"))
						continue
					}
					l.capNoun = true
				case "article":
					for _, w := range words {
						from, to, ok := strings.Cut(w, ">")
						if !ok || from == "" || to == "" {
							errs = append(errs, ln.Errorf("want contraction>article, got %q", w))
							continue
						}
						l.article[text.Fold(from)] = text.Fold(to)
					}
				case "prefix":
					for _, w := range words {
						l.prefix = append(l.prefix, text.Fold(w))
					}
				case "citysuffix":
					for _, w := range words {
						l.citySuffix = append(l.citySuffix, text.Fold(w))
					}
				case "possessive":
					for _, w := range words {
						l.possessive = append(l.possessive, text.Fold(w))
					}
					slices.SortFunc(l.prefix, func(a, b string) int { return len(b) - len(a) })
				case "regional":
					for _, w := range words {
						adj, code, ok := strings.Cut(w, ">")
						if cc, _, _ := strings.Cut(code, "."); !ok || adj == "" || len(cc) != 2 || strings.ToUpper(cc) != cc || len(code) < 4 {
							errs = append(errs, ln.Errorf("want adjective>CC.code, got %q", w))
							continue
						}
						l.regional[text.Fold(adj)] = code
					}
				case "cityof":
					if len(words) < 2 {
						errs = append(errs, ln.Errorf("want cityof | city | adjective ..."))
						continue
					}
					for _, w := range words[1:] {
						l.cityOf[text.Fold(w)] = Key(words[0])
					}
				case "prefer":
					for _, w := range words {
						name, cc, ok := strings.Cut(w, ">")
						if !ok || name == "" || len(cc) != 2 || strings.ToUpper(cc) != cc {
							errs = append(errs, ln.Errorf("want name>alpha-2, got %q", w))
							continue
						}
						l.prefer[Key(name)] = cc
					}
				case "inflect", "cityadjective", "inflectpart", "genitive":
					for _, w := range words {
						from, to, ok := strings.Cut(w, ">")
						if !ok || from == "" {
							errs = append(errs, ln.Errorf("want ending>ending, got %q", w))
							continue
						}
						switch ln.Fields[0] {
						case "inflect":
							l.inflect = append(l.inflect, [2]string{text.Fold(from), text.Fold(to)})
							l.inflectSpace = l.inflectSpace || strings.Contains(from+to, " ")
						case "genitive":
							l.genitive = append(l.genitive, [2]string{text.Fold(from), text.Fold(to)})
						case "inflectpart":
							if strings.Contains(from+to, " ") {
								errs = append(errs, ln.Errorf("want an ending of one word, got %q", w))
								continue
							}
							l.inflectPart = append(l.inflectPart, [2]string{text.Fold(from), text.Fold(to)})
						default:
							l.cityAdj = append(l.cityAdj, [2]string{text.Fold(from), text.Fold(to)})
						}
					}
				default:
					errs = append(errs, ln.Errorf("unknown class %q (want %s, adjective, after, article, capitals, cityadjective, cityof, citysuffix, sound, home, homecountry, own, possessive, prefer, prefix, regional, inflect, inflectpart or genitive)", ln.Fields[0], strings.Join(slices.Sorted(maps.Keys(wordSets)), ", ")))
				}
			}
		}
		stops, _ := set.Files(code + "/stopwords")
		for _, f := range stops {
			for ln := range f.Lines() {
				if ln.Fields[0] != "script" {
					add(l.stop, ln.Fields)
				}
			}
		}
		speech, _ := set.Files(code + "/speech")
		for _, f := range speech {
			for ln := range f.Lines() {
				for _, form := range ln.Fields {
					// (the first word of a longer form counts unless it is a stop word, an elided pronoun before
					// one included: "s'est" of "s'est dit" opens "s'est écrasé" as well)
					if w := strings.Fields(form); len(w) == 1 || len(w) > 1 && !l.stop[text.Fold(w[0])] && !l.stop[afterElision(text.Fold(w[0]))] {
						l.speech[text.Fold(w[0])] = true
					}
				}
			}
		}
		tr, terrs := loadTranslit(set, code)
		l.translit = tr
		errs = append(errs, terrs...)
		// (bad patterns are the extractor's to report: its loader reads the same lines)
		boiler, _ := set.Files(code + "/boilerplate")
		for _, f := range boiler {
			for ln := range f.Lines() {
				if ln.Fields[0] != "dateline" {
					continue
				}
				pat, ok := strings.CutPrefix(strings.TrimSpace(strings.Join(ln.Fields[1:], "|")), "re:")
				if re, err := regexp.Compile(strings.TrimSpace(pat)); ok && err == nil && re.SubexpIndex("place") > 0 {
					l.datelines = append(l.datelines, re)
				}
			}
		}
		dates, _ := set.Files(code + "/dates")
		for _, f := range dates {
			for ln := range f.Lines() {
				if ln.Fields[0] == "month" || ln.Fields[0] == "weekday" {
					add(l.never, ln.Fields[1:])
				}
			}
		}
		for w, key := range l.cityOf {
			for _, e := range l.adj {
				if stem, ok := strings.CutSuffix(w, e); ok && utf8.RuneCountInString(stem) >= 4 {
					l.cityOfStem[stem] = key
				}
			}
		}
		l.heads = map[string]bool{}
		for _, set := range []map[string]bool{l.city, l.flee, l.arrive, l.facility, l.direction, l.bound, l.between, l.plain, l.capital, l.alone, l.aside, l.town, l.street, l.treaty, l.unit, l.crash, l.takeoff, l.nation, l.bearing, l.distance, l.near} {
			for w := range set {
				head, _, _ := strings.Cut(w, " ")
				head, _, _ = strings.Cut(head, "-") // (a phrase written with a hyphen: "юго-востоке")
				if r, n := utf8.DecodeRuneInString(head); unicode.Is(unicode.Han, r) {
					head = head[:n]
				}
				l.heads[head] = true
			}
		}
		if len(l.where) > 0 {
			langs[code] = l
		}
	}
	return langs, errs
}

// regionNext reports whether the word after byte offset end of text is a `regionafter` word ("Донецкой
// области"): the word before it is a region's name or adjective.
func (l *lang) regionNext(t string, end int) bool {
	if len(l.regionAfter) == 0 {
		return false
	}
	rest := strings.TrimLeft(t[end:], " ")
	if i := strings.IndexFunc(rest, func(r rune) bool { return !unicode.IsLetter(r) }); i >= 0 {
		rest = rest[:i]
	}
	return rest != "" && len(rest) < len(t[end:]) && l.regionAfter[text.Fold(rest)]
}

// regionNamed reports whether tokens k and k+1 are a region's name or adjective and a `regionafter` word
// ("Белгородской области"): a name right before them is a city of that region, whatever its size.
func (l *lang) regionNamed(toks []text.Token, k int) bool {
	return k >= 0 && k+1 < len(toks) && toks[k].IsWord() && toks[k].IsCapitalized() && l.regionAfter[toks[k+1].Fold]
}

// afterElision returns what follows an elided word's apostrophe ("est" of "s'est"), else "".
func afterElision(w string) string {
	if i := strings.IndexAny(w, "'’"); i > 0 {
		_, n := utf8.DecodeRuneInString(w[i:])
		return w[i+n:]
	}
	return ""
}

// GenericWords reads packs/data/geo/generic: the words of region names that say what a region is
// ("province", "state") or where ("north"), folded.
func GenericWords(set *packs.Set) (map[string]bool, error) {
	files, err := set.Files("geo/generic")
	if err != nil {
		return nil, err
	}
	m := map[string]bool{}
	for _, f := range files {
		for l := range f.Lines() {
			for _, fd := range l.Fields {
				for _, t := range text.Tokens(fd) {
					if t.IsWord() {
						m[t.Fold] = true
					}
				}
			}
		}
	}
	return m, nil
}

func add(m map[string]bool, words []string) {
	for _, w := range words {
		m[text.Fold(w)] = true
	}
}

// Gazetteer returns the resolver's gazetteer.
func (r *Resolver) Gazetteer() *Gazetteer { return r.g }

// Resolve sets the location of each event of an article: the place its sentence names nearest its trigger,
// else the dateline's, else the lead's (the first place the first paragraph names, when the article has no
// dateline at all), else the country its actors imply (a visit is in the target's country, hosting in the
// source's, an event between two actors of one country in that country). An event left with no place keeps
// what the coder wrote. Mentions are the article's actor mentions.
func (r *Resolver) Resolve(a *dyad.Article, ms []dyad.ActorMention, evs []dyad.Event) {
	r.ResolveTokens(a, ms, evs, nil)
}

// ResolveTokens is Resolve given the text.Tokens of the article's text (nil: each sentence with an event is
// tokenized here), which the annotate stage made: a sentence's tokens are then a slice of them. tt is only
// read, and not kept.
func (r *Resolver) ResolveTokens(a *dyad.Article, ms []dyad.ActorMention, evs []dyad.Event, tt []text.Token) {
	if len(evs) == 0 {
		return
	}
	ctx := r.context(a, ms)
	ctx.all = tt
	for i := range evs {
		e := &evs[i]
		start, end := 0, len(a.Text)
		if len(e.Mentions) > 0 {
			start, end = e.Mentions[0].Start, e.Mentions[0].End
		}
		// (not a country the actor stage took from a place the sentence names: "Protesters in Tripoli" are
		// Libyan because Tripoli is Libya's capital, which says nothing of which Tripoli it is)
		actors := slices.DeleteFunc(placingActors(e), func(cc string) bool { return placedOnly(ctx.overlapping(start, end), start, end, cc) })
		loc := r.place(ctx, start, end, e.Trigger, actors, strings.HasPrefix(e.Code, "042"))
		if loc.Resolved() {
			e.Location = loc
			continue
		}
		if loc != nil && e.Location == nil {
			e.Location = loc
		}
		e.Location = r.byActors(e)
	}
}

// placingActors returns the countries of an event's actors that tell where it happens: a visit's target
// (the visitor travels), a host's source, else the one country its actors share; none when they are of two
// countries (American and Russian envoys meeting in Geneva tell nothing of the place).
func placingActors(e *dyad.Event) []string {
	switch {
	case strings.HasPrefix(e.Code, "042"):
		return []string{e.Target.Country}
	case strings.HasPrefix(e.Code, "043"):
		return []string{e.Source.Country}
	case e.Source.Country != "" && e.Target.Country != "" && e.Source.Country != e.Target.Country:
		return nil
	}
	return []string{e.Source.Country, e.Target.Country}
}

// placedOnly reports whether every actor mention between start and end of country cc has it from a place
// (the actor stage's via "place", "dateline" or "article"), and one has.
func placedOnly(ms []dyad.ActorMention, start, end int, cc string) bool {
	placed := false
	for _, m := range ms {
		if m.Start < start || m.End > end || m.Actor.Country != cc {
			continue
		}
		switch m.Via {
		case "place", "dateline", "article":
			placed = true
		default:
			return false
		}
	}
	return placed
}

// namedCountries returns the countries that the mentions between start and end name: a country by its name
// or adjective (not a capital standing for its government), a body of a country named with it ("Lebanon's
// state news agency", "el Gobierno de España", "die libanesische Armee"); not a person's country, which says
// where they come from, not where they are, nor a country named right before a person ("US President Joe
// Biden", "Syria's Bashar al-Assad").
func namedCountries(t string, ms []dyad.ActorMention, start, end int) []string {
	var out []string
	for i, m := range ms {
		if m.Start < start || m.End > end || m.Actor.Country == "" || m.Actor.Type == dyad.TypePerson || slices.Contains(out, m.Actor.Country) {
			continue
		}
		if i+1 < len(ms) && ms[i+1].Actor.Type == dyad.TypePerson && ms[i+1].Start >= m.End && ms[i+1].Start <= len(t) {
			// (a title may stand between them: "US President Joe Biden")
			if between := t[m.End:ms[i+1].Start]; len(strings.Fields(between)) <= 3 && !strings.ContainsAny(between, ",.;:()") {
				continue
			}
		}
		if m.Actor.Type == dyad.TypeCountry && m.Via != "capital" || m.Via == "genitive" || m.Via == "demonym" {
			out = append(out, m.Actor.Country)
		}
	}
	return out
}

// Sentence returns the location of the text between byte offsets start and end of an article when it names
// no event (trigger < 0: the first place it names): the place it names, else the dateline's.
func (r *Resolver) Sentence(a *dyad.Article, ms []dyad.ActorMention, start, end, trigger int) *dyad.Location {
	c := r.context(a, ms)
	loc := r.place(c, start, end, trigger, nil, false)
	if loc.Resolved() {
		return loc
	}
	// a sentence that names no place is set in the one country it names ("Les Sénégalais votaient"), else in
	// the one country all its actors belong to ("斯里兰卡政府宣布", "Người dân Thái Lan")
	// (not a country's name inside a longer name, a broadcaster's or a company's: "Radio France Internationale")
	own := slices.DeleteFunc(slices.Clone(ms), func(m dyad.ActorMention) bool { return insideName(a.Text, m) })
	if c.lg != nil && len(c.lg.compound) > 0 {
		// (nor one inside a longer word: 印度 in "印度洋岛国毛里求斯", the Indian Ocean)
		toks := c.toks[[2]int{start, end}]
		own = slices.DeleteFunc(own, func(m dyad.ActorMention) bool {
			j := slices.IndexFunc(toks, func(t text.Token) bool { return t.Start == m.Start })
			return j >= 0 && c.lg.compoundAround(toks, j, m.End)
		})
	}
	if c.lg != nil {
		// (not a country named in a clause on an earlier event: "O Brasil decretou luto ... pela morte do papa
		// Francisco, ocorrida no Vaticano")
		if at, kind := c.lg.clause(c.toks[[2]int{start, end}]); kind == clauseOccurred {
			end = at
		}
	}
	cc := oneCountry(own, start, end)
	if cc == "" {
		cc = actorsCountry(own, start, end)
	}
	if cc != "" {
		if i, ok := r.g.countries[cc]; ok {
			return r.location(i, r.g.places[i].Name, ViaActor)
		}
	}
	return loc
}

// insideName reports whether a country mention stands between two capitalised words, a space on each side:
// the country's name is part of a longer name ("Radio France Internationale"; not "Banco de España", whose
// genitive is lower-case, nor a word that opens the sentence).
func insideName(t string, m dyad.ActorMention) bool {
	if m.Actor.Type != dyad.TypeCountry || m.Start < 2 || m.End+2 > len(t) || t[m.Start-1] != ' ' || t[m.End] != ' ' {
		return false
	}
	i := strings.LastIndexByte(t[:m.Start-1], ' ') + 1
	prev := t[i : m.Start-1]
	next, _, _ := strings.Cut(t[m.End+1:], " ")
	upper := func(w string) bool {
		r, _ := utf8.DecodeRuneInString(w)
		return unicode.IsUpper(r) && strings.IndexFunc(w, func(r rune) bool { return !unicode.IsLetter(r) }) < 0
	}
	return upper(prev) && upper(next) && !sentenceStart(t, i)
}

// oneCountry is the country that the country mentions between start and end (names and demonyms, not a
// capital standing for its government, not a person's or an organisation's country) name when they name one
// (and only one), else "".
func oneCountry(ms []dyad.ActorMention, start, end int) string {
	cc := ""
	for _, m := range ms {
		if m.Start < start || m.End > end || m.Actor.Country == "" || m.Actor.Type != dyad.TypeCountry || m.Via == "capital" {
			continue
		}
		if cc != "" && m.Actor.Country != cc {
			return ""
		}
		cc = m.Actor.Country
	}
	return cc
}

// actorsCountry is the country of every actor mention between start and end that has one (people, groups,
// bodies, capitals standing for their government), when there is one and they all share it, else "".
func actorsCountry(ms []dyad.ActorMention, start, end int) string {
	cc := ""
	for _, m := range ms {
		if m.Start < start || m.End > end || m.Actor.Country == "" {
			continue
		}
		if cc != "" && m.Actor.Country != cc {
			return ""
		}
		cc = m.Actor.Country
	}
	return cc
}

// own returns the countries whose places' own names the article's language writes.
func (c *article) own() []string {
	if c.lg == nil {
		return nil
	}
	return c.lg.own
}

// prefer returns the country (alpha-2) whose place the article's language names first by key (`prefer`:
// Dutch "Bergen" is Mons), or "".
func (c *article) prefer(key string) string {
	if c.lg == nil {
		return ""
	}
	return c.lg.prefer[key]
}

// article is what the resolver knows of an article as a whole.
type article struct {
	a        *dyad.Article
	lg       *lang
	ms       []dyad.ActorMention
	msEnd    []int  // msEnd[i] is the largest End of ms[:i+1], when ms is in order of Start (else nil)
	main     string // the country its actors belong to most often (alpha-3)
	dateline *dyad.Location
	dlEnd    int                     // the end of a dateline that opens the text ("QUITO (EFE) -"): no place of a sentence
	lead     *dyad.Location          // the first place the lead paragraph names, when there is no dateline
	leadAt   int                     // the byte offset of the lead's place in the text
	toks     map[[2]int][]text.Token // sentence span -> tokens
	all      []text.Token            // the text's tokens, when the caller has them (ResolveTokens)
	bare     map[[2]int][]candidate  // sentence span -> the cities it names without a place word (bare)
}

// spanTokens returns the text's tokens (c.all) that lie between start and end: the span's own text.Tokens
// (with offsets in the text), unless a token crosses either end, where the span's own words may differ
// (false: tokenize the span).
func (c *article) spanTokens(start, end int) ([]text.Token, bool) {
	if c.all == nil {
		return nil, false
	}
	lo := sort.Search(len(c.all), func(i int) bool { return c.all[i].End > start })
	hi := sort.Search(len(c.all), func(i int) bool { return c.all[i].Start >= end })
	if lo < len(c.all) && c.all[lo].Start < start || hi > 0 && c.all[hi-1].End > end {
		return nil, false
	}
	return c.all[lo:hi:hi], true // (capped: an append makes a copy, never writes over the next sentence's)
}

func (r *Resolver) context(a *dyad.Article, ms []dyad.ActorMention) *article {
	c := &article{a: a, lg: r.langs[a.Lang], ms: ms, toks: map[[2]int][]text.Token{}, bare: map[[2]int][]candidate{}}
	if slices.IsSortedFunc(ms, func(x, y dyad.ActorMention) int { return x.Start - y.Start }) {
		c.msEnd = make([]int, len(ms))
		for i, m := range ms {
			c.msEnd[i] = m.End
			if i > 0 {
				c.msEnd[i] = max(m.End, c.msEnd[i-1])
			}
		}
	}
	count := map[string]int{}
	for _, m := range ms {
		if cc := m.Actor.Country; cc != "" {
			count[cc]++
			if count[cc] > count[c.main] || (count[cc] == count[c.main] && cc < c.main) {
				c.main = cc
			}
		}
	}
	if d := strings.TrimSpace(string(a.Dateline)); d != "" {
		c.dateline = r.dateline(c, d)
	}
	// a dateline the text opens with is the dateline, not a place its first sentence names: the extractor
	// sets the article's from it and leaves it in the text
	place, end := textDateline(a.Text)
	if end == 0 && c.lg != nil {
		place, end = c.lg.dateline(a.Text)
	}
	if end > 0 {
		c.dlEnd = end
		if c.dateline == nil {
			if dl := r.dateline(c, place); dl.Resolved() {
				c.dateline = dl
			}
		}
	}
	if c.dateline == nil && c.lg != nil {
		// Without a dateline: one the gazetteer does not know names a place it does not know, which the
		// lead usually repeats ("BORGO EGNAZIA ... riuniti a Borgo Egnazia" is not Borgo, Finland).
		c.lead = r.lead(c)
	} else if c.dateline.Resolved() && c.lg != nil {
		// With a dateline: a story filed from one city about another of the same country names that other city
		// in its lead ("München (dpa) - Bei einem Messerangriff ... in Aschaffenburg ..."), and the events of its
		// later sentences that name no place happened there, not where the agency files from ("Die Polizei nahm
		// einen 28-Jährigen fest"). A lead abroad is left to the dateline: a correspondent's beat is wider.
		if l := r.lead(c); l.Resolved() && l.Precision == City && l.Country == c.dateline.Country &&
			l.PlaceID != c.dateline.PlaceID && c.leadAt >= c.dlEnd {
			c.lead = l
		}
	}
	return c
}

// overlapping returns the mentions that overlap the text between byte offsets start and end, in their order,
// and perhaps some before start that cover none of it: whatever looks for the mention at or covering an
// offset between start and end finds the one it finds in all of them. It is ms itself when ms is not in
// order of Start. Reading a sentence against its own mentions keeps the cost of a document linear in its
// length, where every word against every mention of the article made it quadratic.
func (c *article) overlapping(start, end int) []dyad.ActorMention {
	if c.msEnd == nil {
		return c.ms
	}
	hi, _ := slices.BinarySearchFunc(c.ms, end, func(m dyad.ActorMention, off int) int { return m.Start - off })
	lo, _ := slices.BinarySearchFunc(c.msEnd[:hi], start+1, func(e, off int) int { return e - off })
	return c.ms[lo:hi:hi]
}

// datelineRe is a dateline that opens a text, as news agencies write it: an optional "(Agency) - ", a place in
// capitals, then a comma, a bracket or a dash ("QUITO (EFE) -", "ISLAMABAD, 9 giu. (AGI) -", "БАКУ, 11 окт —").
var datelineRe = regexp.MustCompile(`^\s*(?:\([^()\n]{1,40}\)\s*[-–—]+\s*)?(\p{Lu}[\p{Lu}\p{M}'’]+(?:[ .\-]\p{Lu}[\p{Lu}\p{M}'’]*){0,4})\s*(?:,|\(|[-–—]+\s)`)

// datelineHanRe is a Chinese dateline: an agency's name ending in 社 or not, the place, 电 and a dash ("新华社北京电 —",
// "香港电 —").
var datelineHanRe = regexp.MustCompile(`^\s*(?:\p{Han}{1,4}社)?(\p{Han}{2,6}?)电\s*[-–—]+\s*`)

// datelineTitleRe is a dateline whose place is written as a name, not in capitals: then the agency in
// brackets must follow, after a comma and a short date or right after the name, then a dash ("Luanda, 11 mar
// (Lusa) - ", "Maputo, 15 mar (Lusa) -", "München (dpa) - ", "Conakry (AFP) - ").
var datelineTitleRe = regexp.MustCompile(`^\s*(\p{Lu}[\p{L}\p{M}'’]+(?:[ \-][\p{L}\p{M}'’]+){0,3})(?:,\s*[^()\n,]{1,25}|\s+)\([^()\n]{2,20}\)\s*[-–—]+\s`)

// textDateline returns the place of the dateline a text opens with and the byte offset where the dateline
// ends (after its dash, when one follows within maxDateline bytes: "ĐÀ LẠT (TTXVN) - "), or 0.
func textDateline(t string) (string, int) {
	m := datelineRe.FindStringSubmatchIndex(t)
	if m == nil {
		m = datelineTitleRe.FindStringSubmatchIndex(t)
	}
	if m == nil {
		if m = datelineHanRe.FindStringSubmatchIndex(t); m != nil {
			return t[m[2]:m[3]], m[1]
		}
	}
	if m == nil || utf8.RuneCountInString(t[m[2]:m[3]]) < 3 {
		return "", 0
	}
	end := m[3]
	if d := dashRe.FindStringIndex(t[m[3]:min(len(t), m[3]+maxDateline)]); d != nil {
		end = m[3] + d[1]
	}
	return t[m[2]:m[3]], end
}

// dateline returns the place of a dateline of the language's own patterns (<lang>/boilerplate) that the text
// opens with ("新华社哈尔滨7月24日电 ", "（中央社記者桃園24日電）") and the byte offset where it ends (past a
// closing bracket and spaces), or 0.
func (l *lang) dateline(t string) (string, int) {
	lead := len(t) - len(strings.TrimLeft(t, " \t\n"))
	for _, re := range l.datelines {
		m := re.FindStringSubmatchIndex(t[lead:])
		if m == nil || m[0] != 0 {
			continue
		}
		i := re.SubexpIndex("place")
		if m[2*i] < 0 {
			continue
		}
		end := lead + m[1]
		for end < len(t) {
			r, n := utf8.DecodeRuneInString(t[end:])
			if !unicode.IsSpace(r) && r != ')' && r != '）' {
				break
			}
			end += n
		}
		return t[lead+m[2*i] : lead+m[2*i+1]], end
	}
	return "", 0
}

// maxDateline bounds the date and agency of a dateline after its place.
const maxDateline = 60

var dashRe = regexp.MustCompile(`\s(?:-|–|—|--)\s*|^\s*(?:-|–|—|--)\s*`)

// maxLead bounds the lead when the article has no paragraph spans and no blank line: news leads are one or
// two sentences.
const maxLead = 600

// lead resolves the first place the article's first paragraph names after a place word, as the place of
// the events whose sentences name none when there is no dateline: a report's lead says where it happens.
func (r *Resolver) lead(c *article) *dyad.Location {
	t := c.a.Text
	end := len(t)
	if len(c.a.Paragraphs) > 0 {
		end = min(c.a.Paragraphs[0].End, len(t))
	} else if i := strings.Index(t, "\n\n"); i >= 0 {
		end = i
	}
	if end > maxLead {
		end = maxLead
		for end > 0 && !utf8.RuneStart(t[end]) {
			end--
		}
	}
	cands := r.candidates(c, 0, end, -1)
	if len(cands) == 0 {
		return nil
	}
	cd := cands[0]
	c.leadAt = cd.start
	p := r.best(cd.places, cd.key, evidence{main: c.main, own: c.own(), prefer: c.prefer(cd.key)})
	return r.location(p, t[cd.start:cd.end], ViaLead)
}

// dateline resolves the place of a dateline: its whole text, else its first part ("PARIS, Texas" narrows).
func (r *Resolver) dateline(c *article, d string) *dyad.Location {
	first, rest, _ := strings.Cut(d, ",")
	ids := r.g.names[Key(first)]
	if len(ids) == 0 {
		// a country's name that the gazetteer does not give its capital, as the actor stage reads it in the text
		// ("新华社吉布提8月1日电": the capital, Djibouti): a report is filed from a city
		for _, m := range c.ms {
			if m.Actor.Type == dyad.TypeCountry && m.Via != "capital" && m.End <= len(c.a.Text) && c.a.Text[m.Start:m.End] == first {
				if i, ok := r.capitalOf[m.Actor.Country]; ok {
					return r.location(i, d, ViaDateline)
				}
			}
		}
		return &dyad.Location{Name: d}
	}
	ids = r.qualify(ids, Key(rest), "")
	// a dateline is where the report was filed, a city: a country's name that is also its city's is the city
	// ("新华社吉布提8月1日电", "DJIBOUTI, Aug 1")
	if cities := slices.DeleteFunc(slices.Clone(ids), func(id int32) bool {
		p := r.g.places[id]
		return p.Precision != City || !slices.ContainsFunc(ids, func(o int32) bool { q := r.g.places[o]; return q.Precision == Country && q.Country == p.Country })
	}); len(cities) > 0 {
		ids = cities
	}
	best := r.best(ids, Key(first), evidence{main: c.main, own: c.own(), prefer: c.prefer(Key(first))})
	return r.location(best, d, ViaDateline)
}

// candidate is a place a sentence names.
type candidate struct {
	start, end int     // byte offsets of the name
	word       int     // byte offset of the place word before it (candidates), else 0
	qualified  bool    // a country or region after its comma or in brackets places it (bare)
	route      bool    // the end of a route whose start a `from` word names right before: "из Сочи в Омск" (candidates)
	fled       bool    // where people flee from: a `flee` word comes right before ("fleeing the fighting in Khartoum")
	chained    bool    // a city read after its country or region and a city word ("俄罗斯南部城市罗斯托夫"): a city whatever its size
	weak       bool    // a country or region a noun after a place word is described by ("in den französischen Alpen"): the place only when the sentence names none but a route's ends
	told       bool    // a city told by its adjective ("la estación madrileña"): it gives way to a city the sentence names
	feature    bool    // a name after a water's or island's word ("le lac d'Annecy", "el volcán de La Palma"): it gives way to a city the sentence names otherwise
	places     []int32 // what it may be
	key        string
}

func (r *Resolver) place(c *article, start, end, trigger int, actors []string, visit bool) *dyad.Location {
	var cands []candidate
	if c.lg != nil {
		cands = r.candidates(c, start, end, trigger)
		if visit {
			// a visit is where the visitor goes: the city after a `to` word after the trigger ("flew from Tel
			// Aviv to Amman", "reiste ... weiter nach Amman"), before the places the sentence names otherwise (not
			// a country: "visited Kyiv and promised more air defence to Ukraine")
			if d, ok := r.destination(c, start, end, trigger); ok && r.isCity(d) {
				cands = []candidate{d}
			} else if ok {
				// the visit names its country after the trigger, and the journey's end before it names a city
				// there ("bay từ Bắc Kinh tới Mát-xcơ-va ..., bắt đầu chuyến thăm ... tới Nga"): that city
				if e, ok := r.journeyEnd(c, start, end, d); ok {
					cands = []candidate{e}
				}
			}
		}
		// (an aside on where a person is, ", on a visit to Moscow,", and the event not told there)
		spans := c.lg.asides(c.toks[[2]int{start, end}], end)
		if slices.ContainsFunc(spans, func(s [2]int) bool { return trigger >= s[0] && trigger < s[1] }) {
			spans = nil
		}
		inAside := func(cd candidate) bool {
			return slices.ContainsFunc(spans, func(s [2]int) bool { return cd.start >= s[0] && cd.start < s[1] })
		}
		if !slices.ContainsFunc(cands, func(cd candidate) bool {
			return r.isCity(cd) && !r.regionLike(cd) && !cd.fled && !cd.route && !cd.feature && !inAside(cd)
		}) {
			// no city after a place word (but one people flee from): a city the sentence names all the same ("the
			// streets of Porto Alegre", "Hải Phòng", "郑州市"), rather than the lead's or the dateline's, and rather
			// than a country or region a place word names when the city lies in it ("colline di Valparaíso, in
			// Cile"; not "in Albania ... firmato da Roma e Tirana")
			// (nor a route's end: "летевший из Куньмина в Гуанчжоу, разбился ... у Учжоу", which the bare city
			// that is that end does not take over)
			bare := slices.Clone(r.bare(c, start, end))
			if area := slices.DeleteFunc(slices.Clone(cands), func(cd candidate) bool { return cd.fled || cd.route || cd.weak || inAside(cd) }); len(area) > 0 {
				bare = slices.DeleteFunc(bare, func(b candidate) bool { return !r.inAny(b, area) })
				// (and of a name of several places, those in it: "het stadje Paradise in het noorden van Californië"
				// is not Paradise, Nevada)
				if slices.ContainsFunc(bare, func(b candidate) bool { return len(b.places) > 1 }) {
					var in []int32
					for _, a := range area {
						in = append(in, a.places...)
					}
					for i, b := range bare {
						if q := r.inArea(b.places, in); len(q) > 0 && len(b.places) > 1 {
							bare[i].places = q
						}
					}
				}
			}
			for i, b := range bare {
				bare[i].route = b.route || slices.ContainsFunc(cands, func(cd candidate) bool { return cd.route && cd.start == b.start })
			}
			cands = append(cands, bare...)
		}
		// a city told by its adjective gives way to a city the sentence names ("brought Milanese tailoring to
		// London", "Der Hamburger SV ist ... in München untergegangen")
		if slices.ContainsFunc(cands, func(cd candidate) bool { return r.isCity(cd) && !cd.told && !cd.fled && !cd.route }) {
			cands = slices.DeleteFunc(cands, func(cd candidate) bool { return cd.told })
		}
		// a city a water or an island is named after gives way to a city the sentence names otherwise ("la
		// colada del volcán de La Palma ... un barrio de Los Llanos de Aridane")
		if slices.ContainsFunc(cands, func(cd candidate) bool { return r.isCity(cd) && !cd.feature && !cd.fled && !cd.route }) {
			cands = slices.DeleteFunc(cands, func(cd candidate) bool { return cd.feature })
		}
		// a country or region a noun is described by ("in den französischen Alpen") is the place only where the
		// sentence names no other but a route's ends and places people flee ("auf dem Flug von Barcelona nach
		// Düsseldorf ... in den französischen Alpen zerschellt")
		if slices.ContainsFunc(cands, func(cd candidate) bool { return !cd.weak && !cd.route && !cd.fled }) {
			cands = slices.DeleteFunc(cands, func(cd candidate) bool { return cd.weak })
		}
		// a country or region after a comma that qualifies the city before it: the city ("ao centro do
		// Funchal, na Madeira", "perto de Altamira, no Pará", "Kupiansk, in Ukraine's Kharkiv region")
		for i, cd := range cands {
			if cd.word <= start {
				continue
			}
			pre := strings.TrimRight(c.a.Text[start:cd.word], " ")
			if !strings.HasSuffix(pre, ",") {
				continue
			}
			comma := start + len(pre) - 1
			for _, b := range r.bare(c, start, end) {
				if b.end != comma {
					continue
				}
				if q := r.inArea(b.places, cd.places); len(q) > 0 {
					b.places = q
					cands[i] = b
				} else if b.qualified {
					cands[i] = b // "Kupiansk, in Ukraine's Kharkiv region"
				}
			}
		}
		// a city named in an aside on where a person is (", on a visit to Moscow,") is no place of the event when
		// the sentence names another city outside it, unless the event is told there ("Modi, on a visit to Kyiv,
		// hugged Zelensky" names no other; "Islamist militants rampaged through Marawi City ..., prompting
		// President Rodrigo Duterte, on a visit to Moscow, to declare martial law" is Marawi)
		if slices.ContainsFunc(cands, func(cd candidate) bool { return r.isCity(cd) && !cd.fled && !cd.route && !inAside(cd) }) {
			cands = slices.DeleteFunc(cands, inAside)
		}
		// a place people flee from is no place of the event when the sentence names another ("fleeing the
		// fighting in Khartoum reached Port Sudan", "que fugiram dos ataques em Palma chegou ... a Pemba")
		if slices.ContainsFunc(cands, func(cd candidate) bool { return !cd.fled }) {
			cands = slices.DeleteFunc(cands, func(cd candidate) bool { return cd.fled })
		}
		// (a route's end is no city that puts the country or region the sentence names aside: "diretto ad Algeri
		// è precipitato nel Mali settentrionale"; nor is a city away from a journey's crash, where the country
		// or region a crash phrase tells is: "El avión de LaMia ... cayó en una zona montañosa de Colombia")
		if slices.ContainsFunc(cands, func(cd candidate) bool { return r.isCity(cd) && !cd.route }) {
			toks := c.toks[[2]int{start, end}]
			routed := r.routed(c, start, end, cands)
			cands = slices.DeleteFunc(cands, func(cd candidate) bool { return !r.isCity(cd) && !(routed && r.siteDist(c, toks, cd) >= 0) })
		}
	}
	// a place right before a comma and a relative word of place (", where", ", onde", ", waar", "，将在那里") is
	// where the clause after it happens: the place of an event whose trigger comes after that comma, or of a
	// sentence with none, over the others it names ("voou de Brasília para Xangai, onde assistiu à posse",
	// "reisde na overleg in Den Haag door naar Vilnius, waar de top begon")
	if c.lg != nil {
		if sc, ok := r.scene(c, start, end, trigger); ok {
			cands = []candidate{sc}
		}
	}
	if c.lg != nil && !visit {
		toks := c.toks[[2]int{start, end}]
		// a journey's end told by a crash, a landing or a diversion ("flying from Amsterdam to Kuala Lumpur
		// ..., was shot down over eastern Ukraine", "flying from New York to Dallas made an emergency landing
		// in Philadelphia"): the place a crash phrase tells, over the route's ends and the others
		if r.routed(c, start, end, cands) {
			cands = r.routeRegions(c, toks, cands)
			cands = r.sites(c, toks, cands)
		}
		// a journey that ended where it began ("shot down minutes after taking off from Tehran", "вернулся в
		// аэропорт"): its start, when the sentence names no other place than the route's ends
		if !slices.ContainsFunc(cands, func(cd candidate) bool { return !cd.route }) && c.lg.has(c.lg.takeoff, toks) {
			if cd, ok := r.origin(c, start, end); ok {
				cands = []candidate{cd}
			}
		}
	}
	// the end of a route ("летевший из Сочи в Омск") is no place of the event when the sentence names
	// another ("... посадку под Новосибирском"); a visit's is where the visitor goes
	if !visit && slices.ContainsFunc(cands, func(cd candidate) bool { return !cd.route }) {
		cands = slices.DeleteFunc(cands, func(cd candidate) bool { return cd.route })
	}
	cands, earlier := r.beforeReport(c, start, end, trigger, cands)
	if c.lg != nil && len(cands) > 1 {
		// a clause on what the actor does next ("visited soldiers in Rzeszów before travelling on to Warsaw",
		// "bevor sie nach Passau weiterreiste", "随后前往"): its places are no place of an event told before it
		// when the sentence names one there
		if lt := c.lg.laterAt(c.toks[[2]int{start, end}], trigger); lt >= 0 && slices.ContainsFunc(cands, func(cd candidate) bool { return cd.start < lt }) {
			cands = slices.DeleteFunc(cands, func(cd candidate) bool { return cd.start > lt })
		}
	}
	if c.lg != nil && len(cands) > 1 {
		// a sentence that opens with an `after` phrase ("After a summit in Melbourne, ...", "Sau khi dự hội nghị tại
		// Melbourne, ...", "Nach dem Gipfel in Rom, ..."): the places of that clause, up to its comma, are an
		// earlier event's, no place of an event told after it when the sentence names one there
		if comma := c.lg.opening(c.toks[[2]int{start, end}]); comma >= 0 && (trigger < 0 || trigger > comma) &&
			slices.ContainsFunc(cands, func(cd candidate) bool { return cd.start > comma }) {
			cands = slices.DeleteFunc(cands, func(cd candidate) bool { return cd.start < comma })
		}
	}
	if len(cands) == 0 && c.lg != nil && !visit {
		// a capital that acts as its government, the sentence's subject, where the sentence names no place: the
		// act is its government's, at home ("Paris recalled its ambassadors from Canberra", "Washington impuso
		// sanciones a ... Venezuela", "布鲁塞尔决定"), not a place it comes from nor its object's country
		if cd, ok := r.actingCapital(c, start, end, trigger); ok {
			cands = []candidate{cd}
		}
	}
	if len(cands) == 0 && c.lg != nil && !visit {
		// a sentence whose only city is one someone sets off from is set there ("salieron desde San Pedro
		// Sula", "从艾哈迈达巴德机场起飞"): a departure, a launch, a caravan; never a visit, which is where it goes
		if cd, ok := r.origin(c, start, end); ok {
			cands = []candidate{cd}
		}
	}
	if len(cands) == 0 && c.lg != nil {
		// a name after a unit word of the language's own country that the gazetteer does not know ("ở huyện Tam
		// Nông", "tại xã Trà Leng"): a place below the gazetteer, in that country, rather than the dateline's
		if cd, ok := r.unitPlace(c, start, end); ok {
			cands = []candidate{cd}
		}
	}
	if len(cands) == 0 && c.lg != nil {
		// a first-level region or a geographic region of one country that the sentence names without a place
		// word ("on the southern island of Mindanao", "俾路支省多地"), rather than the lead's or the dateline's
		if cd, ok := r.bareRegion(c, start, end); ok {
			cands = []candidate{cd}
		}
	}
	if len(cands) == 0 {
		// (not a lead whose place is the one an earlier event's clause of this sentence names)
		if c.lead.Resolved() && !(earlier && c.leadAt >= start && c.leadAt < end) {
			return c.lead
		}
		if loc := r.nationwide(c, start, end, actors); loc != nil && !c.dateline.Resolved() {
			return loc
		}
		return c.dateline
	}
	// the place named nearest the trigger (the first when none)
	best := cands[0]
	if trigger >= start && trigger < end {
		dist := func(cd candidate) int {
			if cd.start > trigger {
				return cd.start - trigger
			}
			return trigger - cd.start
		}
		for _, cd := range cands[1:] {
			if dist(cd) < dist(best) {
				best = cd
			}
		}
	}
	if c.lg != nil {
		// a town placed from the place by a phrase of bearing, distance or outskirts: the town ("Allen, una
		// localidad al norte de Dallas", "Paulista, na Região Metropolitana do Recife")
		if t, ok := r.placedBy(c, start, end, best); ok {
			best = t
		}
	}
	if c.lg != nil {
		// a first-level region the place is, with a town of it the sentence names elsewhere: the town ("moradores
		// do Curral das Freiras, no concelho de Câmara de Lobos, ... o incêndio que lavra na Madeira")
		if regions := slices.DeleteFunc(slices.Clone(best.places), func(id int32) bool { return r.g.places[id].Precision != Admin1 }); r.regionLike(best) {
			for _, o := range cands {
				if o.start == best.start || o.fled || o.route || o.feature || !r.isCity(o) {
					continue
				}
				if q := r.inArea(slices.DeleteFunc(slices.Clone(o.places), func(id int32) bool { return r.g.places[id].Precision != City }), regions); len(q) > 0 {
					best, best.places = o, q
					break
				}
			}
		}
	}
	if len(best.places) > 1 && c.lg != nil {
		// another name the sentence gives one of its places, a landmark's ("aux abords du Stade de France, à
		// Saint-Denis"), says which it is
		var one []int32
		for _, o := range append(slices.Clone(cands), r.bare(c, start, end)...) {
			if o.start == best.start {
				continue
			}
			if q := slices.DeleteFunc(slices.Clone(o.places), func(id int32) bool { return !slices.Contains(best.places, id) }); len(q) == 1 && !slices.Contains(one, q[0]) {
				one = append(one, q[0])
			}
		}
		if len(one) == 1 {
			best.places = one
		}
	}
	dl := ""
	if c.dateline.Resolved() {
		dl = c.dateline.Country
	}
	var named []string
	if len(best.places) > 1 {
		// (not the name itself, which the actor stage may read as a country: "em Salvador", El Salvador)
		named = namedCountries(c.a.Text, slices.DeleteFunc(slices.Clone(c.overlapping(start, end)), func(m dyad.ActorMention) bool {
			return m.Start < best.end && m.End > best.start
		}), start, end)
	}
	p := r.best(best.places, best.key, evidence{actors: actors, named: named, main: c.main, dateline: dl, own: c.own(), prefer: c.prefer(best.key)})
	// a country or region that the dateline's city lies in: the dateline says where in it ("KANO, Nigeria -
	// ... in Nigeria's second-largest city")
	if pl := r.g.places[p]; pl.Precision != City && c.dateline.Resolved() && c.dateline.Precision == City &&
		(pl.Precision == Country && pl.Country == c.dateline.Country || pl.Precision == Admin1 && pl.ID == c.dateline.Admin1) {
		return c.dateline
	}
	return r.location(p, c.a.Text[best.start:best.end], ViaText)
}

// candidates lists the places a sentence names after a place word of its language ("in", "à", "tại", "在").
// A place after an `away` word ("avant de se rendre en Malaisie", "prima di recarsi in Malaysia") is where
// someone goes next, not where the event is, and so are the places after it in the sentence ("puis au
// Cambodge"), unless the event's trigger (a byte offset; -1 for none) is that word or one of the three
// tokens before it: then the going is the event ("doit se rendre en Chine").
func (r *Resolver) candidates(c *article, start, end, trigger int) []candidate {
	toks, ok := c.toks[[2]int{start, end}]
	if !ok {
		if toks, ok = c.spanTokens(start, end); !ok {
			// text.Tokens hands back a slice of its own: its offsets are moved in place, not copied token by
			// token into a growing one (the copies were 3% of what an ingest allocated).
			toks = text.Tokens(c.a.Text[start:end])
			for i := range toks {
				toks[i].Start += start
				toks[i].End += start
			}
		}
		c.toks[[2]int{start, end}] = toks
	}
	lg := c.lg
	var out []candidate
	for k := 0; k+1 < len(toks); k++ {
		if toks[k].Start < c.dlEnd {
			continue
		}
		// a place word elided onto a city's name: "all'Aquila", "all'Avana" (a country after it is a dative:
		// "un prestito all'Ucraina")
		if e := elided(toks[k].Text); e != "" && lg.where[e] {
			if cd, ok := r.at(c, toks, k); ok && r.isCity(cd) && !r.longer(c, toks, cd.end) && (k == 0 || !lg.away[toks[k-1].Fold]) {
				cd.places = slices.DeleteFunc(slices.Clone(cd.places), func(id int32) bool { return r.g.places[id].Precision != City })
				cd.word = toks[k].Start
				cd.route = r.routeEnd(c, toks, k)
				cd.fled = lg.fled(toks, k)
				out = append(out, cd)
			}
			continue
		}
		// a place word, or a `to` word after an arrival's verb ("llegaron el viernes a Melilla", "đã đến Port
		// Sudan")
		k0 := k
		n := lg.words(lg.where, toks, k)
		if n == 0 && len(lg.arrive) > 0 {
			if m := lg.words(lg.to, toks, k); m > 0 && lg.arriving(toks, k) {
				n = m
			}
		}
		// (a word that is a place word only near a crash: "was shot down over eastern Ukraine")
		if n == 0 && lg.over[toks[k].Fold] && lg.crashDist(toks, k, k+1) >= 0 {
			n = 1
		}
		if n == 0 {
			continue
		}
		if k > 0 && lg.recipient[toks[k-1].Fold] {
			k += n - 1
			continue // (a dative: "de soutien à la RD Congo")
		}
		k += n - 1
		if k > 0 && lg.away[toks[k-1].Fold] && !near(toks[max(k-4, 0):k], trigger) {
			break // this place and those after it ("puis au Cambodge") are where the trip goes on
		}
		// the place right after the word, else after the words skipped ("en La Paz", "in the Hague" both read),
		// adjectives ("im polnischen Oświęcim", "в подмосковном Красногорске", "in eastern Libya") and city words
		// with a genitive after them ("in the southern city of Basra", "tại thủ đô Nay Pyi Taw")
		// held: a region or country read before a city word, the place when no name follows ("在乌克兰东部")
		var held *candidate
		for j, n := k+1, 0; j < len(toks) && n <= maxSkipped; j, n = j+1, n+1 {
			if cd, ok := r.at(c, toks, j); ok && !r.cityWordName(c, toks, j, cd) {
				// a region or country before a city word says what kind of city: "in the Red Sea port city of
				// Hodeidah" (Red Sea, a region of Egypt), "in the Black Sea port of Novorossiysk"
				if i := slices.IndexFunc(toks, func(x text.Token) bool { return x.Start >= cd.end }); !r.isCity(cd) && i > j && lg.cityWords(toks, i) > 0 {
					if held == nil && !r.longer(c, toks, cd.end) {
						cd.word = toks[k].Start
						cd.fled = lg.fled(toks, k0)
						held = &cd
					}
					j = i - 1
					continue
				}
				// a place near a bigger one: "Shebekino near Belgorod", "in Irpin bei Kiew" are Shebekino, Irpin
				if q, ok := r.nearBefore(c, toks, k, j, cd); ok {
					cd = q
				}
				if !r.longer(c, toks, cd.end) {
					cd.word = toks[k].Start
					cd.route = r.routeEnd(c, toks, k)
					cd.fled = lg.fled(toks, k0)
					out = append(out, cd)
					held = nil
				} else if wk, ok := r.described(c, toks, j, j); ok && held == nil {
					// a country's adjective that opens a longer name: "во Французских Альпах", "in the French Alps"
					wk.word = toks[k].Start
					wk.fled = lg.fled(toks, k0)
					out = append(out, wk)
				}
				k = j
				break
			}
			// a city's adjective: "in der Dresdner Frauenkirche", "в казанской школе"
			if cd, ok := r.cityAdjective(c, toks[j]); ok && !lg.namedAround(toks, j, cd.end) {
				cd.word = toks[k].Start
				cd.fled = lg.fled(toks, k0)
				out = append(out, cd)
				held = nil
				k = j
				break
			}
			t := toks[j]
			// a transliteration the gazetteer lacks, of a town of a country the sentence or the dateline names: "в
			// Кепанджене", "в Хмельницком"
			if cd, ok := r.soundWord(c, t, start, end); ok && !r.longer(c, toks, cd.end) {
				cd.word = toks[k].Start
				cd.route = r.routeEnd(c, toks, k)
				cd.fled = lg.fled(toks, k0)
				out = append(out, cd)
				held = nil
				k = j
				break
			}
			// a name before a city word says what kind of city: "in the Red Sea port city of Hodeidah", "in the
			// Black Sea port of Novorossiysk"
			if w := lg.namesBeforeCity(toks, j); w > 0 {
				j += w - 1
				continue
			}
			if w := max(lg.cityWords(toks, j), lg.phrase(lg.direction, toks, j)); w > 0 {
				j += w - 1
				if j+1 < len(toks) && lg.of[toks[j+1].Fold] {
					j++
				} else if j+2 < len(toks) && toks[j+1].Text == "-" && toks[j+1].Start == toks[j].End && toks[j+1].End == toks[j+2].Start {
					j++ // (a direction glued to the name: "boven Oost-Oekraïne")
				}
				continue
			}
			// (a compound adjective glued by a hyphen: "over rebel-held eastern Ukraine")
			if j+2 < len(toks) && !t.IsCapitalized() && toks[j+1].Text == "-" && toks[j+1].Start == t.End && toks[j+2].Start == toks[j+1].End &&
				lg.adjective(text.Token{Text: t.Text + toks[j+2].Text, Fold: t.Fold + toks[j+2].Fold}) {
				j += 2
				continue
			}
			if !lg.skip[t.Fold] && !lg.skip[t.Fold+"'"] && !lg.adjective(t) {
				// a noun that names no place, with its country's adjective before or right after it or its
				// country or region after a genitive ("in den französischen Alpen", "en los Alpes franceses",
				// "во Французских Альпах", "in the mountains of Colombia"): that country or region, read only
				// where the sentence names no other place than a route's ends
				if held == nil {
					if cd, ok := r.described(c, toks, k+1, j); ok {
						cd.word = toks[k].Start
						cd.fled = lg.fled(toks, k0)
						out = append(out, cd)
					}
				}
				break
			}
		}
		if held != nil {
			out = append(out, *held)
		}
	}
	return out
}

// described reads the country or region of a noun that names no place at token j, after a place word whose
// phrase starts at token from: a country's mention (its adjective, "französischen", "French", "franceses")
// between from and the token after the noun, or a country or region right after a genitive word that follows
// the noun ("the mountains of Colombia"). The candidate is weak.
func (r *Resolver) described(c *article, toks []text.Token, from, j int) (candidate, bool) {
	if first, _ := utf8.DecodeRuneInString(toks[j].Text); unicode.Is(unicode.Han, first) {
		return candidate{}, false // (a Chinese region's name holds its country's: "东阿塞拜疆省")
	}
	for i := from; i <= j+1 && i < len(toks); i++ {
		if !toks[i].IsWord() {
			break
		}
		m, ok := mentionAt(c.ms, toks[i].Start)
		if !ok || m.Start != toks[i].Start || m.Actor.Type != dyad.TypeCountry || m.Actor.Country == "" {
			continue
		}
		if id, ok := r.g.countries[m.Actor.Country]; ok {
			return candidate{start: m.Start, end: m.End, places: []int32{id}, key: Key(c.a.Text[m.Start:m.End]), weak: true}, true
		}
	}
	if j+2 < len(toks) && c.lg.of[toks[j+1].Fold] {
		if cd, ok := r.at(c, toks, j+2); ok && !r.isCity(cd) {
			cd.weak = true
			return cd, true
		}
		// (a city's adjective names the city: "in der Abflughalle des Brüsseler Flughafens")
		if cd, ok := r.cityAdjective(c, toks[j+2]); ok {
			return cd, true
		}
	}
	return candidate{}, false
}

// maxNear bounds the distance, in km, between a place and the one it is said to be near.
const maxNear = 100

// nearBefore reads the place that a `near` place word (the word, or the word before it: "vicino a") ending
// at token k qualifies: a name right before it, a comma between them or not, whose cities lie within maxNear
// km of one of the places the phrase names (after), is the place ("Shebekino near Belgorod", "Шебекино под
// Белгородом", "A Ercolano, vicino a Napoli"); the place after the word only says where it lies. So does a
// place word right after a comma with a `direction` between it and the name at token j ("Faenza, a sud-ovest
// di Ravenna").
func (r *Resolver) nearBefore(c *article, toks []text.Token, k, j int, after candidate) (candidate, bool) {
	k0 := k
	if !c.lg.near[toks[k].Fold] {
		if k == 0 || !c.lg.near[toks[k-1].Fold] && !(toks[k-1].Text == "," && c.lg.directed(toks, k+1, j)) {
			return candidate{}, false
		}
		if c.lg.near[toks[k-1].Fold] {
			k0 = k - 1
		}
	}
	e := k0 - 1
	if e >= 0 && toks[e].Text == "," {
		e--
	}
	for m := e; m >= 0 && m > e-maxRouteStart; m-- {
		cd, ok := r.at(c, toks, m)
		if !ok || cd.end != toks[e].End {
			continue
		}
		cd.places = slices.DeleteFunc(slices.Clone(cd.places), func(id int32) bool {
			p := r.g.places[id]
			return p.Precision != City || !slices.ContainsFunc(after.places, func(a int32) bool { return dist(p, r.g.places[a]) <= maxNear }) ||
				slices.Contains(after.places, id) && len(cd.places) > 1 // (not the place itself: "Domodedovo bij Moskou", an airport of Moscow's name and a town)
		})
		return cd, len(cd.places) > 0
	}
	return candidate{}, false
}

// directed reports whether the tokens from i to j (the name) hold a `direction` phrase: after a comma and a
// place word, they say where the place before the comma lies from the name ("Faenza, a sud-ovest di
// Ravenna", "à Nanterre, à l'ouest de Paris").
func (l *lang) directed(toks []text.Token, i, j int) bool {
	for m := i; m < j; m++ {
		if l.phrase(l.direction, toks, m) > 0 {
			return true
		}
	}
	return false
}

// maxCrash bounds the tokens between a crash phrase and the place word (or the name) of the site it tells.
const maxCrash = 8

// crashDist is the distance in tokens between tokens k..e-1 (a place word and its name, or a name) and the
// nearest crash phrase of the language in their clause, before them or after them ("crashed near Bishoftu",
// "bei Bishoftu abgestürzt"); -1 when none lies within maxCrash.
func (l *lang) crashDist(toks []text.Token, k, e int) int {
	if len(l.crash) == 0 {
		return -1
	}
	best := -1
	for m, n := k-1, 1; m >= 0 && n <= maxCrash; m, n = m-1, n+1 {
		if !toks[m].IsWord() && strings.ContainsAny(toks[m].Text, clausePunct) {
			break
		}
		if w := l.phrase(l.crash, toks, m); w > 0 && m+w <= k {
			best = n
			break
		}
	}
	for m, n := e, 1; m < len(toks) && n <= maxCrash && (best < 0 || n < best); m, n = m+1, n+1 {
		if !toks[m].IsWord() && strings.ContainsAny(toks[m].Text, clausePunct) {
			break
		}
		if l.phrase(l.crash, toks, m) > 0 {
			best = n
			break
		}
	}
	return best
}

// has reports whether a phrase of set occurs among toks.
func (l *lang) has(set map[string]bool, toks []text.Token) bool {
	if len(set) == 0 {
		return false
	}
	for m := range toks {
		if l.phrase(set, toks, m) > 0 {
			return true
		}
	}
	return false
}

// routed reports whether the sentence between byte offsets start and end names a journey: a route's end
// among its places, or a place someone set off from.
func (r *Resolver) routed(c *article, start, end int, cands []candidate) bool {
	if slices.ContainsFunc(cands, func(cd candidate) bool { return cd.route }) {
		return true
	}
	_, ok := r.origin(c, start, end)
	return ok
}

// sites keeps, of the places a sentence names, those a crash phrase tells in their clause, the nearest to one,
// when any: where a journey ended. A route's end is none ("flying from Amsterdam to Kuala Lumpur with 298
// people on board, was shot down": the comma; "từ Tehran đi Kiev bị bắn rơi": the route), nor a place people
// flee.
func (r *Resolver) sites(c *article, toks []text.Token, cands []candidate) []candidate {
	best := -1
	var out []candidate
	for _, cd := range cands {
		switch d := r.siteDist(c, toks, cd); {
		case d < 0:
		case best < 0 || d < best:
			best, out = d, []candidate{cd}
		case d == best:
			out = append(out, cd)
		}
	}
	if out == nil {
		return cands
	}
	return out
}

// routeRegions reads a city named without a place word on a journey ("se estrelló contra un cerro de
// Antioquia") as the first-level region of that name in the country of the route's ends when none of its
// cities lies there (Antioquia, Colombia's region, not Antakya, whose Spanish name it is too); on a journey that
// ended in a crash, such a city with no region there and no crash phrase near is dropped ("El avión de LaMia ... hacia Medellín cayó": LaMia, the
// airline, is no Lamia of Greece).
func (r *Resolver) routeRegions(c *article, toks []text.Token, cands []candidate) []candidate {
	var ccs []string
	for _, cd := range cands {
		if cd.route {
			for _, id := range cd.places {
				ccs = append(ccs, r.g.places[id].Country2)
			}
		}
	}
	if len(ccs) == 0 {
		return cands
	}
	drop := map[int]bool{}
	for i, cd := range cands {
		if cd.route || cd.word >= 0 || slices.ContainsFunc(cd.places, func(id int32) bool { return slices.Contains(ccs, r.g.places[id].Country2) }) {
			continue
		}
		regions := slices.DeleteFunc(slices.Clone(r.g.names[cd.key]), func(id int32) bool {
			p := r.g.places[id]
			return p.Precision != Admin1 || !slices.Contains(ccs, p.Country2)
		})
		if len(regions) > 0 {
			cands[i].places = regions
		} else if r.siteDist(c, toks, cd) < 0 && c.lg.has(c.lg.crash, toks) && !c.lg.has(c.lg.takeoff, toks) {
			drop[cd.start] = true // (not on a journey that ended where it began: "logo após decolar de Teerã")
		}
	}
	return slices.DeleteFunc(cands, func(cd candidate) bool { return drop[cd.start] && !cd.route && cd.word < 0 })
}

// siteDist is crashDist for a candidate (from its place word, if any, to its end): -1 for a route's end and a
// place people flee.
func (r *Resolver) siteDist(c *article, toks []text.Token, cd candidate) int {
	if cd.route || cd.fled {
		return -1
	}
	from := cd.start
	if cd.word > 0 {
		from = cd.word
	}
	k := slices.IndexFunc(toks, func(t text.Token) bool { return t.Start >= from })
	if k < 0 {
		return -1
	}
	e := slices.IndexFunc(toks, func(t text.Token) bool { return t.Start >= cd.end })
	if e < 0 {
		e = len(toks)
	}
	return c.lg.crashDist(toks, k, e)
}

// maxRouteStart bounds the words of a route's start read back from the place word of its end; maxRouteName
// those of a start after a `from` or genitive word.
const maxRouteStart = 3

const maxRouteName = 5

// routeEnd reports whether the place word at token k follows a place that a `from` word names right before
// it: "летевший из Сочи в Омск", "from Sochi to Omsk" name the ends of a route, where the event that
// happens on the way is not.
func (r *Resolver) routeEnd(c *article, toks []text.Token, k int) bool {
	// a `bound` word right before: "diretto ad Algeri", "rumbo a Holguín", "bound for Nairobi"
	if k > 0 && c.lg.bound[toks[k-1].Fold] {
		return true
	}
	// (a genitive word names a route's start before a `to` word: "de Barcelona a Düsseldorf", "van Amsterdam
	// naar Kuala Lumpur", "von Barcelona nach Düsseldorf")
	to := c.lg.to[toks[k].Fold]
	via := c.lg.via[toks[k].Fold]
	and := c.lg.and[toks[k].Fold]
	for m, words := k-1, 0; m >= 1; m-- {
		if m == k-1 || toks[m].End < toks[m+1].Start {
			words++ // (words glued by a hyphen count as one: "Sharm el-Sheikh", "Rostov-sur-le-Don")
		}
		if words > maxRouteName {
			break
		}
		w := toks[m-1].Fold
		if words > maxRouteStart && !c.lg.from[w] && !(to && c.lg.of[w]) {
			continue // (a long name only after a `from` or genitive word: "de Santa Cruz de la Sierra para Medellín")
		}
		if !c.lg.from[w] && !(to && c.lg.of[w]) && !(and && c.lg.betweenEnds(toks, m)) && !((to || via) && (c.lg.to[w] || c.lg.via[w] || c.lg.where[w])) {
			continue
		}
		cd, ok := r.at(c, toks, m)
		if !ok || cd.end != toks[k-1].End {
			continue
		}
		// (a stop or an end after a route's end: "from Sharm el-Sheikh to Paris via Cairo", "from Jakarta via
		// Bali to Perth")
		if !c.lg.from[w] && !(to && c.lg.of[w]) && !(and && c.lg.betweenEnds(toks, m)) && !r.routeEnd(c, toks, m-1) {
			continue
		}
		return true
	}
	return false
}

// betweenEnds reports whether a `between` phrase of the language ends right before token m: the place at m is
// a route's start ("la ruta entre La Habana y Holguín").
func (l *lang) betweenEnds(toks []text.Token, m int) bool {
	for x := m - 1; x >= 0 && x >= m-3; x-- {
		if n := l.phrase(l.between, toks, x); n > 0 && x+n == m {
			return true
		}
	}
	return false
}

// destination reads the place a visit goes to: the first name after a `to` word of the language that
// follows the trigger (a byte offset), past skip words.
func (r *Resolver) destination(c *article, start, end, trigger int) (candidate, bool) {
	if len(c.lg.to) == 0 || trigger < start || trigger >= end {
		return candidate{}, false
	}
	toks := c.toks[[2]int{start, end}]
	// (not where the visitor goes next: "besucht, bevor er ... nach Warschau weiterreiste")
	lt := c.lg.laterAt(toks, trigger)
	for k := 0; k+1 < len(toks); k++ {
		if toks[k].Start <= trigger {
			continue
		}
		if lt >= 0 && toks[k].Start > lt {
			break
		}
		n := c.lg.words(c.lg.to, toks, k)
		if n == 0 {
			continue
		}
		for j := k + n; j < len(toks) && j < k+n+maxSkipped; j++ {
			if cd, ok := r.at(c, toks, j); ok {
				if r.longer(c, toks, cd.end) {
					break
				}
				cd.word = toks[k].Start
				return cd, true
			}
			if !c.lg.skip[toks[j].Fold] && !c.lg.skip[toks[j].Fold+"'"] {
				break
			}
		}
	}
	return candidate{}, false
}

// journeyEnd reads a city after a `to` word anywhere in the text between start and end that lies in the area
// of candidate in (a country or region): where a journey to that country ended.
func (r *Resolver) journeyEnd(c *article, start, end int, in candidate) (candidate, bool) {
	toks := c.toks[[2]int{start, end}]
	for k := 0; k+1 < len(toks); k++ {
		n := c.lg.words(c.lg.to, toks, k)
		if n == 0 {
			continue
		}
		for j := k + n; j < len(toks) && j < k+n+maxSkipped; j++ {
			if cd, ok := r.at(c, toks, j); ok {
				if !r.longer(c, toks, cd.end) && r.isCity(cd) && cd.start != in.start && r.inAny(cd, []candidate{in}) {
					cd.word, cd.route = toks[k].Start, false
					return cd, true
				}
				break
			}
			if !c.lg.skip[toks[j].Fold] && !c.lg.skip[toks[j].Fold+"'"] {
				break
			}
		}
	}
	return candidate{}, false
}

// maxRelative bounds the tokens between a comma and the relative word of place of the clause it opens
// ("，将在那里").
const maxRelative = 2

// scene reads the place named right before a comma that a relative word of place of the language follows
// within maxRelative tokens (", where", ", où", ", donde", ", onde", ", dove", ", wo", ", waar", ", nơi", ",
// где", "，将在那里"), when the event's trigger (a byte offset; -1 for none) comes after that comma or the
// sentence between start and end has none: the place of the clause's event.
func (r *Resolver) scene(c *article, start, end, trigger int) (candidate, bool) {
	if len(c.lg.relative) == 0 {
		return candidate{}, false
	}
	toks := c.toks[[2]int{start, end}]
	in := trigger >= start && trigger < end
	for k := 1; k+1 < len(toks); k++ {
		if t := toks[k].Text; t != "," && t != "，" || in && trigger < toks[k].Start || toks[k].Start < c.dlEnd {
			continue
		}
		rel := false
		for j := k + 1; j < len(toks) && j <= k+maxRelative; j++ {
			if c.lg.words(c.lg.relative, toks, j) > 0 {
				rel = true
				break
			}
			if !toks[j].IsWord() {
				break
			}
		}
		if !rel {
			continue
		}
		// the longest name that ends at the comma, after a `to` word (past skip words): where someone went
		// ("para Xangai, onde", "naar Vilnius, waar"; not a country or region that says where a city lies:
		// "Hamburg, Đức, nơi", "au Cap-Haïtien, dans le nord d'Haïti, où")
		for m := max(k-maxRouteStart, 1); m < k; m++ {
			if cd, ok := r.at(c, toks, m); ok && cd.end == toks[k-1].End && c.lg.goneTo(toks, m) {
				cd.word = toks[k].Start
				return cd, true
			}
		}
	}
	return candidate{}, false
}

// goneTo reports whether a `to` word of the language ends right before token m, past skip words.
func (l *lang) goneTo(toks []text.Token, m int) bool {
	for x := m - 1; x >= 0 && x >= m-maxSkipped; x-- {
		for n := 1; n <= 3 && x-n+1 >= 0; n++ {
			if l.words(l.to, toks, x-n+1) == n {
				return true
			}
		}
		if !l.skip[toks[x].Fold] {
			return false
		}
	}
	return false
}

// origin reads the first city the text between start and end names right after a `from` word ("from San
// Pedro Sula", "desde Tapachula", "从敖德萨"), past skip words.
func (r *Resolver) origin(c *article, start, end int) (candidate, bool) {
	if len(c.lg.from) == 0 && len(c.lg.between) == 0 {
		return candidate{}, false
	}
	toks := c.toks[[2]int{start, end}]
	for k := 0; k+1 < len(toks); k++ {
		n := c.lg.words(c.lg.from, toks, k)
		if n == 0 {
			n = c.lg.phrase(c.lg.between, toks, k) // (a route's start: "la ruta entre La Habana y Holguín")
		}
		if n == 0 && c.lg.of[toks[k].Fold] && k+1 < len(toks) {
			// (a genitive word before a route's start, a `to` word after it: "von Teheran nach Kiew")
			if cd, ok := r.at(c, toks, k+1); ok {
				if e := slices.IndexFunc(toks, func(x text.Token) bool { return x.Start >= cd.end }); e > 0 && c.lg.to[toks[e].Fold] {
					n = 1
				}
			}
		}
		if n == 0 || toks[k].Start < c.dlEnd {
			continue
		}
		for j := k + n; j < len(toks) && j < k+n+maxSkipped; j++ {
			if cd, ok := r.at(c, toks, j); ok {
				if r.longer(c, toks, cd.end) || !r.isCity(cd) {
					break
				}
				cd.places = slices.DeleteFunc(slices.Clone(cd.places), func(id int32) bool { return r.g.places[id].Precision != City })
				cd.word = toks[k].Start
				return cd, true
			}
			if !c.lg.skip[toks[j].Fold] && !c.lg.skip[toks[j].Fold+"'"] {
				break
			}
		}
	}
	return candidate{}, false
}

// maxReport bounds the words between a comma and the reporting verb of the clause it opens.
const maxReport = 5

// maxAfter bounds the words between a comma and the `after` phrase of the clause it opens ("..., two days
// after", "..., wenige Wochen nachdem").
const maxAfter = 4

// beforeReport drops the places named in a reporting clause at the end of a sentence (a comma, then a
// reporting verb of <lang>/speech within maxReport words: "..., a déclaré le président à Kyiv", "..., officials
// said in Kyiv"), or in a clause on another, earlier event (a comma, then an `after` phrase of <lang>/geo within
// maxAfter words: "..., two days after a missile landed outside Tel Aviv", "..., wenige Wochen nachdem ...
// bei Charkiw") when the sentence names a place before it and the event's trigger comes before it too (or
// there is none): where a report was given, or where an earlier event happened, is not where this one did.
// The bare cities before the clause come back when only a place word's place is left out. It reports whether
// an earlier event's clause named the only places (then neither they nor a lead read from them place it).
func (r *Resolver) beforeReport(c *article, start, end, trigger int, cands []candidate) ([]candidate, bool) {
	if c.lg == nil || len(c.lg.speech) == 0 && len(c.lg.after) == 0 && len(c.lg.while) == 0 || len(cands) == 0 {
		return cands, false
	}
	report, earlier := c.lg.clause(c.toks[[2]int{start, end}])
	if report < 0 || trigger >= report {
		return cands, false
	}
	keep := slices.DeleteFunc(slices.Clone(cands), func(cd candidate) bool { return cd.start > report })
	if len(keep) == len(cands) {
		return cands, false
	}
	if !slices.ContainsFunc(keep, r.isCity) {
		for _, b := range r.bare(c, start, end) {
			if b.start < report && !slices.ContainsFunc(keep, func(cd candidate) bool { return cd.start == b.start }) {
				keep = append(keep, b)
			}
		}
	}
	if len(keep) == 0 {
		if earlier == clauseOccurred || earlier == clauseAfter && c.dateline.Resolved() {
			// an earlier event's place is no better a guess than the dateline ("weeks after a peace deal was
			// signed in Pretoria"); where a participle says it happened, no better than the actors either
			// ("Angola decretou ... luto ... pela morte do antigo presidente, ocorrida em Barcelona")
			return nil, earlier == clauseOccurred
		}
		return cands, false
	}
	slices.SortFunc(keep, func(a, b candidate) int { return a.start - b.start })
	if slices.ContainsFunc(keep, r.isCity) {
		keep = slices.DeleteFunc(keep, func(cd candidate) bool { return !r.isCity(cd) })
	}
	return keep, false
}

// clause returns the byte offset of the comma that opens a sentence's reporting clause or its clause on an
// earlier event (-1 when it has none), and which kind it is.
func (l *lang) clause(toks []text.Token) (int, int) {
	// a sentence that opens with a participle of arrival or of a journey ("Arrivé vendredi de Paris, Emmanuel
	// Macron a annoncé à Abidjan", "Procedente de Washington, Obama aterrizó en"): its first comma ends that
	// phrase, and what follows is the main clause, no report
	opener := len(toks) > 0 && (l.arrive[toks[0].Fold] || l.bound[toks[0].Fold])
	for k, t := range toks {
		if t.Text != "," {
			continue
		}
		if opener {
			opener = false
			continue
		}
		if k+1 < len(toks) && l.occurred[toks[k+1].Fold] {
			return t.Start, clauseOccurred
		}
		afterOpen := true // (an `after` phrase opens the clause of this comma, not of the next: ", à Zaventem, avant")
		for j := k + 1; j < len(toks) && j <= k+maxReport; j++ {
			if l.speech[toks[j].Fold] {
				return t.Start, clauseReport
			}
			afterOpen = afterOpen && toks[j].Text != ","
			if j <= k+maxAfter && afterOpen && l.phraseAt(l.after, toks, j) {
				return t.Start, clauseAfter
			}
			if j == k+1 && l.phraseAt(l.while, toks, j) {
				return t.Start, clauseWhile
			}
		}
	}
	return -1, clauseNone
}

// laterAt returns the byte offset of the first `later` phrase after the trigger (a byte offset; any, for -1),
// where a clause on what the actor does next opens, or -1.
func (l *lang) laterAt(toks []text.Token, trigger int) int {
	if len(l.later) == 0 {
		return -1
	}
	for j, t := range toks {
		if t.Start > trigger && l.laterHead[t.Fold] && l.phraseAt(l.later, toks, j) {
			return t.Start
		}
	}
	return -1
}

// The kinds of clause that end a sentence (lang.clause).
const (
	clauseNone     = iota
	clauseReport   // a reporting clause: ", officials said in Kyiv"
	clauseAfter    // a clause on an earlier event: ", two days after a missile landed outside Tel Aviv"
	clauseOccurred // a participle on where an earlier event happened: ", survenue à Barcelone"
	clauseWhile    // a clause on another event at the same time: ", while the president was in Tashkent"
)

// opening returns the byte offset of the comma that ends a clause the sentence opens with an `after` phrase
// ("After a summit in Melbourne,", "Sau khi dự hội nghị tại Melbourne,", "Tras reunirse en Madrid,"), within
// maxOpening tokens, or -1.
func (l *lang) opening(toks []text.Token) int {
	first := slices.IndexFunc(toks, text.Token.IsWord)
	if first < 0 || !l.phraseAt(l.after, toks, first) {
		return -1
	}
	for k := first + 1; k < len(toks) && k <= first+maxOpening; k++ {
		if toks[k].Text == "," {
			return toks[k].Start
		}
	}
	return -1
}

// maxOpening is the most tokens an opening `after` clause holds before its comma.
const maxOpening = 30

// phraseAt reports whether a phrase of set (`after`, `while`: folded words joined by a space, up to four)
// starts at token j.
func (l *lang) phraseAt(set map[string]bool, toks []text.Token, j int) bool {
	var kbuf [96]byte // (the key built on the stack, looked up without a string made of it)
	key := kbuf[:0]
	for n := 0; n < 4 && j+n < len(toks) && toks[j+n].IsWord(); n++ {
		if n > 0 {
			key = append(key, ' ')
		}
		key = append(key, toks[j+n].Fold...)
		if set[string(key)] {
			return true
		}
	}
	return false
}

// governed reports whether a token is a lower-case article, genitive or place word that stands before a
// name that is no subject ("la", "do", "in").
func (l *lang) governed(t text.Token) bool {
	return t.IsWord() && !t.IsCapitalized() && (l.skip[t.Fold] || l.of[t.Fold] || l.where[t.Fold] || l.to[t.Fold])
}

// afterCityWord reports whether a word of the class city ends right before token j ("города", "thành phố").
func (l *lang) afterCityWord(toks []text.Token, j int) bool {
	for n := 1; n <= 3 && j-n >= 0; n++ {
		if l.cityWords(toks, j-n) == n {
			return true
		}
	}
	return false
}

// genitiveOf reports whether name t, read as key, is a genitive of the language (a `genitive` ending undone)
// right after a lower-case word: "развалины Пальмиры", "кварталы Орска".
func (l *lang) genitiveOf(before, t text.Token, key string) bool {
	if !before.IsWord() || before.IsCapitalized() {
		return false
	}
	for _, g := range l.genitive {
		if s, ok := strings.CutSuffix(t.Fold, g[0]); ok && s != "" && s+g[1] == key {
			return true
		}
	}
	return false
}

// maxFlee bounds the tokens between a `flee` word and the place word (or name) of the place fled from:
// "auf der Flucht vor den Kämpfen in Mariupol", "op de vlucht voor de beschietingen in Charkiv".
const maxFlee = 6

// fled reports whether a `flee` word of the language comes within maxFlee tokens before token k, in the same
// clause: no punctuation between, and no other name (a capitalised word, where the language writes its nouns
// in lower case: "fleeing Khartoum to Port Sudan") or, where capitals tell nothing (German nouns, Chinese),
// no `to` word ("auf der Flucht aus Mariupol nach Saporischschja", "逃离喀土穆前往苏丹港").
func (l *lang) fled(toks []text.Token, k int) bool {
	if len(l.flee) == 0 {
		return false
	}
	for m := k - 1; m >= 0 && m >= k-maxFlee; m-- {
		t := toks[m]
		if !t.IsWord() {
			if strings.ContainsAny(t.Text, clausePunct) {
				return false
			}
			continue
		}
		if n := l.phrase(l.flee, toks, m); n > 0 && m+n <= k {
			return true
		}
		first, _ := utf8.DecodeRuneInString(t.Text)
		if l.capNoun || unicode.Is(unicode.Han, first) {
			if l.to[t.Fold] || l.words(l.to, toks, m) > 0 {
				return false
			}
		} else if t.IsCapitalized() && !sentenceStartTok(toks, m) {
			return false
		}
	}
	return false
}

// asides returns the byte spans of a sentence's asides on where a person is: an `aside` phrase right after a
// comma, up to the next punctuation or the sentence's end (", on a visit to Moscow,", ", zu Besuch in
// N'Djamena,").
func (l *lang) asides(toks []text.Token, end int) [][2]int {
	if len(l.aside) == 0 {
		return nil
	}
	var out [][2]int
	for k := 1; k < len(toks); k++ {
		if toks[k-1].Text != "," && toks[k-1].Text != "，" {
			continue
		}
		n := l.phrase(l.aside, toks, k)
		if n == 0 {
			continue
		}
		e := end
		for m := k + n; m < len(toks); m++ {
			if !toks[m].IsWord() && strings.ContainsAny(toks[m].Text, clausePunct) {
				e = toks[m].Start
				break
			}
		}
		out = append(out, [2]int{toks[k].Start, e})
	}
	return out
}

// sentenceStartTok reports whether token m opens the tokens' text or follows a full stop.
func sentenceStartTok(toks []text.Token, m int) bool {
	return m == 0 || strings.ContainsAny(toks[m-1].Text, ".!?")
}

// clausePunct is the punctuation that ends a clause.
const clausePunct = ",.;:!?()，。；：！？"

// maxArrive bounds the tokens between an arrival's verb and the `to` word of its place: "llegaron el viernes
// a Melilla", "chegaram de barco a Pemba" (a phrase between commas aside).
const maxArrive = 5

// arriving reports whether the `to` word at token k follows an `arrive` word of the language within
// maxArrive tokens in the same clause, or is one ("đến" of Vietnamese).
func (l *lang) arriving(toks []text.Token, k int) bool {
	if len(l.arrive) == 0 {
		return false
	}
	// (a phrase between two commas, which says how they came, is not counted: "chegaram nas últimas semanas,
	// a pé e de camião, a Montepuez")
	commas := 0
	for m, n := k, 0; m >= 0 && n <= maxArrive && m >= k-maxArrive-maxAside; m-- {
		if commas != 1 && toks[m].IsWord() {
			n++
		}
		if !toks[m].IsWord() {
			if toks[m].Text == "," && commas < 2 {
				commas++
				continue
			}
			if strings.ContainsAny(toks[m].Text, clausePunct) {
				return false
			}
			continue
		}
		if n := l.phrase(l.arrive, toks, m); n > 0 && m+n <= k+1 {
			return true
		}
	}
	return false
}

// maxAside bounds the tokens of a phrase between commas after an arrival's verb.
const maxAside = 10

// phrase returns how many tokens from j make a phrase of set (words joined by a space; characters without
// one), up to three, or 0.
func (l *lang) phrase(set map[string]bool, toks []text.Token, j int) int {
	if !l.heads[toks[j].Fold] {
		return 0
	}
	if set[toks[j].Fold] {
		return 1
	}
	// (the keys are built in buffers on the stack and looked up without a string made of them)
	var kbuf, hbuf [96]byte
	key, han := kbuf[:0], hbuf[:0]
	glued, words := false, 0
	for n := 1; words < 3 && j+n <= len(toks); n++ {
		t := toks[j+n-1]
		// (a hyphen between two words of the phrase: "юго-востоке")
		if t.Text == "-" && n > 1 && !glued && j+n < len(toks) && toks[j+n-2].End == t.Start && t.End == toks[j+n].Start {
			key = append(key, '-')
			han = append(han, '-')
			glued = true
			continue
		}
		if !t.IsWord() {
			return 0
		}
		if n > 1 && !glued {
			key = append(key, ' ')
		}
		glued = false
		words++
		key = append(key, t.Fold...)
		han = append(han, t.Fold...)
		if set[string(key)] || set[string(han)] {
			return n
		}
	}
	return 0
}

// cityAdjective reads a city's adjective (a word no actor mention covers: not a demonym), in either case: the
// word, or the word less one of the language's adjective endings, ending in the adjective ending of a
// `cityadjective` rule of the language, whose city ending makes the name of a city of bareMinPopulation or
// more ("Dresdner" ner>en Dresden, "Basler" ler>el Basel, "казанской" less ой, ск>ь Казань, "кемеровском"
// less ом, ск>о Кемерово).
func (r *Resolver) cityAdjective(c *article, t text.Token) (candidate, bool) {
	if c.lg.regionNext(c.a.Text, t.End) {
		return candidate{}, false // a region's adjective: "Шебекино Белгородской области"
	}
	if cd, ok := r.cityOfWord(c, t); ok {
		return cd, true
	}
	if len(c.lg.cityAdj) == 0 || !t.IsWord() {
		return candidate{}, false
	}
	if _, ok := mentionAt(c.ms, t.Start); ok {
		return candidate{}, false
	}
	stems := []string{t.Fold}
	for _, e := range c.lg.adj {
		if s, ok := strings.CutSuffix(t.Fold, e); ok && s != "" {
			stems = append(stems, s)
		}
	}
	for _, stem := range stems {
		for _, rule := range c.lg.cityAdj {
			s, ok := strings.CutSuffix(stem, rule[0])
			if !ok || s == "" {
				continue
			}
			ids := slices.DeleteFunc(slices.Clone(r.g.names[s+rule[1]]), func(id int32) bool {
				p := r.g.places[id]
				return p.Precision != City || p.Population < bareMinPopulation && !slices.Contains(c.lg.adjHome, p.Country2)
			})
			if len(ids) > 0 {
				return candidate{start: t.Start, end: t.End, places: ids, key: s + rule[1]}, true
			}
		}
	}
	return candidate{}, false
}

// bareCityAdjective reads a city's adjective of a `cityadjective` rule named without a place word (readBare):
// a capitalised word that does not open the sentence, no actor's, whose own reading is no place, before a word:
// in a language that capitalises its nouns, a capitalised one that starts no actor mention.
func (r *Resolver) bareCityAdjective(c *article, toks []text.Token, j int) (candidate, bool) {
	t := toks[j]
	if len(c.lg.cityAdj) == 0 || !t.IsCapitalized() || t.IsAllUpper() || sentenceStart(c.a.Text, t.Start) || t.Start == c.dlEnd || j+1 >= len(toks) {
		return candidate{}, false
	}
	next := toks[j+1]
	if !next.IsWord() || next.Start == t.End || c.lg.capNoun && !next.IsCapitalized() {
		return candidate{}, false
	}
	if _, ok := mentionAt(c.ms, next.Start); ok && c.lg.capNoun {
		return candidate{}, false
	}
	if _, ok := r.at(c, toks, j); ok {
		return candidate{}, false // (a name of its own)
	}
	cd, ok := r.cityAdjective(c, t)
	if !ok || c.lg.namedAround(toks, j, cd.end) {
		return candidate{}, false
	}
	return cd, true
}

// cityOf reads a city's adjective or demonym of the language's `cityof` data ("la estación madrileña",
// "des Kölner Doms", "казанской гимназии", "de Rotterdamse Tarwewijk"), as written or, less an adjective
// ending, by stem: the cities of that name. The actor stage may read the word as its country's demonym ("los
// taxistas madrileños", a group of that country); then only the cities of that country are read.
func (r *Resolver) cityOf(c *article, t text.Token) (candidate, bool) {
	if len(c.lg.cityOf) == 0 || !t.IsWord() || c.lg.regionNext(c.a.Text, t.End) {
		return candidate{}, false // (a region's adjective: "Шебекино Белгородской области")
	}
	return r.cityOfWord(c, t)
}

// cityOfWord is cityOf once the word after t is known to be no `regionafter` word (cityAdjective asks that first).
func (r *Resolver) cityOfWord(c *article, t text.Token) (candidate, bool) {
	if len(c.lg.cityOf) == 0 || !t.IsWord() {
		return candidate{}, false
	}
	key, ok := c.lg.cityOf[t.Fold]
	for _, e := range c.lg.adj {
		if ok {
			break
		}
		if stem, cut := strings.CutSuffix(t.Fold, e); cut {
			key, ok = c.lg.cityOfStem[stem]
		}
	}
	if !ok {
		return candidate{}, false
	}
	// (a mention the word ends, a country's or a group's: "los taxistas madrileños" are Spanish taxi drivers)
	m, mentioned := mentionAt(c.ms, t.Start)
	if mentioned && (m.Actor.Country == "" || m.End != t.End || m.Actor.Type != dyad.TypeCountry && m.Actor.Type != dyad.TypeGroup) {
		return candidate{}, false
	}
	ids := slices.DeleteFunc(slices.Clone(r.g.names[key]), func(id int32) bool {
		p := r.g.places[id]
		return p.Precision != City || mentioned && p.Country != m.Actor.Country
	})
	if len(ids) == 0 {
		return candidate{}, false
	}
	return candidate{start: t.Start, end: t.End, places: ids, key: key, told: true}, true
}

// maxSkipped bounds the words read past between a place word and the place.
const maxSkipped = 5

// adjective reports whether a token is an adjective that may stand between a place word and a place: a
// word in lower case with one of the language's adjective endings.
func (l *lang) adjective(t text.Token) bool {
	if t.IsCapitalized() || !t.IsWord() {
		return false
	}
	for _, e := range l.adj {
		if len(t.Fold) > len(e)+3 && strings.HasSuffix(t.Fold, e) {
			return true
		}
	}
	return false
}

// words returns how many tokens from k make a word of set: one, or, in a text written without spaces, up to
// three characters ("抵达"), or 0.
func (l *lang) words(set map[string]bool, toks []text.Token, k int) int {
	if set[toks[k].Fold] {
		return 1
	}
	first, _ := utf8.DecodeRuneInString(toks[k].Text)
	if !unicode.Is(unicode.Han, first) {
		return 0
	}
	var kbuf [48]byte // (the key built on the stack, looked up without a string made of it)
	key := append(kbuf[:0], toks[k].Fold...)
	for n := 2; n <= 3 && k+n <= len(toks); n++ {
		t := toks[k+n-1]
		if t.Start != toks[k+n-2].End {
			return 0
		}
		key = append(key, t.Fold...)
		if set[string(key)] {
			return n
		}
	}
	return 0
}

// maxApposition bounds the words after a name's comma read for the city word of an apposition.
const maxApposition = 3

// apposition reports whether the tokens from k are a comma and an apposition that says the name before is a
// city: a city word within its first maxApposition lower-case words ("Volos, a port city on the Aegean",
// "Faenza, città romagnola", "Volos, ville portuaire").
func (l *lang) apposition(toks []text.Token, k int) bool {
	if k < 0 || k >= len(toks) || toks[k].Text != "," {
		return false
	}
	for j := k + 1; j < len(toks) && j <= k+maxApposition; j++ {
		if !toks[j].IsWord() {
			return false
		}
		if l.cityWords(toks, j) > 0 {
			return true
		}
		if toks[j].IsCapitalized() {
			return false
		}
	}
	return false
}

// namesBeforeCity returns how many capitalised words (one to three) from token j come right before a city
// word of the language, or 0.
func (l *lang) namesBeforeCity(toks []text.Token, j int) int {
	for n := 0; n < 3 && j+n < len(toks); n++ {
		t := toks[j+n]
		if n > 0 && l.cityWords(toks, j+n) > 0 {
			return n
		}
		if !t.IsWord() || !t.IsCapitalized() || l.never[t.Fold] || l.where[t.Fold] {
			return 0
		}
	}
	return 0
}

// cityWords returns how many tokens from j make a word of the class city ("city", "thủ đô", "首都"), or 0.
func (l *lang) cityWords(toks []text.Token, j int) int {
	if len(l.city) == 0 {
		return 0
	}
	if n := l.phrase(l.city, toks, j); n > 0 {
		// (the longest: "cidade velha", whose first word is one too)
		key := toks[j].Fold
		for m := 2; m <= 3 && j+m <= len(toks) && toks[j+m-1].IsWord(); m++ {
			if key += " " + toks[j+m-1].Fold; l.city[key] {
				n = max(n, m)
			}
		}
		return n
	}
	// a compound that ends in a city word's suffix: "in der Bergbaustadt Handlová", "in de vestingstad"
	if j >= 0 && j < len(toks) && toks[j].IsWord() {
		for _, sfx := range l.citySuffix {
			if stem, ok := strings.CutSuffix(toks[j].Fold, sfx); ok && utf8.RuneCountInString(stem) >= minSuffixStem && len(l.names[toks[j].Fold]) == 0 {
				return 1
			}
		}
	}
	return 0
}

// minSuffixStem is the fewest letters a compound city word holds before its suffix ("Klein" of "Kleinstadt";
// not "Staat"-like short words).
const minSuffixStem = 3

// longer reports whether a place name that ends at byte offset end after a place word is the start of a
// longer name the gazetteer does not know, as a capitalised word right after it shows ("in the Tivoli
// Gardens neighbourhood", "na Vila Belmiro, em Santos"), in a language that writes its nouns in lower case: not
// a month or weekday ("in Paris Tuesday"), a word of a region's name ("in Kano State"), a place word or an
// actor ("in Kyiv President Zelensky said").
func (r *Resolver) longer(c *article, toks []text.Token, end int) bool {
	if c.lg.capNoun {
		return false
	}
	i := slices.IndexFunc(toks, func(x text.Token) bool { return x.Start >= end })
	if i < 0 || toks[i].Start != end+1 && toks[i].Start != end {
		return false
	}
	if r.ofLonger(c, toks, i) {
		return true // "em Santo António dos Cavaleiros", "na Serra da Estrela"
	}
	t := toks[i]
	// a common word before a capitalised word opens a longer name ("at University Hospital Ostrava")
	if len(c.lg.common) > 0 && t.IsWord() && t.IsCapitalized() {
		if j := slices.IndexFunc(toks[:i], func(x text.Token) bool { return x.End == end }); j >= 0 && c.lg.common[toks[j].Fold] && (j == 0 || toks[j-1].End < toks[j].Start) {
			return true
		}
	}
	if !t.IsWord() || !t.IsCapitalized() || c.lg.never[t.Fold] || c.lg.where[t.Fold] || c.lg.skip[t.Fold] || r.generic[t.Fold] {
		return false
	}
	// a possessive ends the name: "from Tehran's Imam Khomeini airport"
	if i > 0 && toks[i-1].End == end && c.lg.possessiveEnd(toks[i-1].Fold) {
		return false
	}
	if _, ok := mentionAt(c.ms, t.Start); ok {
		return false
	}
	// (a region's name before its region word says which region the name before lies in: "в Краматорске
	// Донецкой области")
	if i+1 < len(toks) && c.lg.regionAfter[toks[i+1].Fold] {
		return false
	}
	// a facility of the city: "at Hamburg Airport", "Kabul International Airport", "the Manchester Arena", "the
	// Munich Security Conference"
	return !c.lg.facilityNamed(toks, i)
}

// bare lists the places a sentence names without a place word before them: the cities the gazetteer reads
// at a word that no actor mention covers (a person, an organisation, a capital standing for its government:
// "Moscow said"; a country is read by the actor stage and places the sentence through the actors). A name
// with a capitalised word right after it is part of a longer name the gazetteer does not know ("Florence
// Parly"). A name of one word (one or two Chinese characters) is read only when it is no stop word of the
// language, and, unless a genitive word comes right before it ("le port d'Anvers", "quartieri di Derna": the
// `of` class), only as a city of bareMinPopulation ("Les", "Un", "Dom", "Tàu" are small places somewhere).
func (r *Resolver) bare(c *article, start, end int) []candidate {
	if out, ok := c.bare[[2]int{start, end}]; ok {
		return out // the sentence's other events read them already
	}
	out := r.readBare(c, start, end)
	c.bare[[2]int{start, end}] = out
	return out
}

// readBare is bare without the article's memo.
func (r *Resolver) readBare(c *article, start, end int) []candidate {
	toks := c.toks[[2]int{start, end}]
	// the sentence's own mentions: what is read here lies in it
	sentence := *c
	sentence.ms = c.overlapping(start, end)
	c = &sentence
	var out []candidate
	// a town noun that refers back ("before the town fell"): the names before it are cities of any size
	described := c.lg.description(toks)
	for j := 0; j < len(toks); j++ {
		t := toks[j]
		if !t.IsWord() || t.Start < c.dlEnd {
			continue
		}
		// a Chinese transliteration the gazetteer lacks, before its suffix: "沃伦州卢茨克市", "钱凯港"
		if cd, ok := r.soundRun(c, toks, j, start, end); ok {
			cd.fled = c.lg.fled(toks, j)
			out = append(out, cd)
			for j+1 < len(toks) && toks[j+1].End <= cd.end {
				j++
			}
			continue
		}
		if cd, n, ok := r.describedCapital(c, toks, j); ok {
			out = append(out, cd)
			j += n - 1
			continue
		}
		// a city told by its adjective ("la estación madrileña de Atocha", "московский театральный центр",
		// "des Kölner Doms"), unless a longer name starts there ("Московской области")
		if cd, ok := r.cityOf(c, t); ok && !c.lg.namedAround(toks, j, cd.end) {
			if at, ok := r.at(c, toks, j); !ok || at.end <= cd.end {
				cd.word = -1
				cd.fled = c.lg.fled(toks, j)
				out = append(out, cd)
				continue
			}
		}
		// a capitalised city adjective of a `cityadjective` rule before a noun, not at the sentence's start ("Der
		// Danziger Bürgermeister", "die Winnender Realschule", "de Enschedese vuurwerkramp"); in a language that
		// capitalises its nouns, the noun after it is capitalised and no actor's name ("der Sieger Jannik Sinner")
		if cd, ok := r.bareCityAdjective(c, toks, j); ok {
			cd.word = -1
			// (it gives way to a city the sentence names: "Die Zwickauer Mulde hat ... die Innenstadt von
			// Glauchau überflutet" is the river's town downstream)
			cd.told = true
			out = append(out, cd)
			continue
		}
		if m, ok := mentionAt(c.ms, t.Start); ok {
			// a city-state the actor stage reads as its country ("Typhoon Hato hit Macau"), or a capital it reads
			// as the government after a genitive word ("the airport of Sanaa", "le port d'Alger": a government has
			// no airport): at reads the city
			// (not "von Bagdad nach Nadschaf", where the genitive word is a from's: a `to` word follows)
			// (nor a government flies: a capital after a route's `to` word is the city, "bay từ TP.HCM đi Phnom Penh")
			genitive := m.Via == "capital" && (c.lg.of[elided(t.Text)] || j > 0 && c.lg.of[toks[j-1].Fold] || c.lg.facilityAround(toks, j, m.End) ||
				j > 0 && c.lg.to[toks[j-1].Fold] && r.routeEnd(c, toks, j-1)) &&
				!slices.ContainsFunc(toks, func(x text.Token) bool { return x.Start >= m.End && x.Start <= m.End+1 && c.lg.to[x.Fold] })
			named, isNamed := r.at(c, toks, j) // (read once for the two cases below)
			if cd, ok := named, isNamed; ok && m.Start == t.Start && (m.Actor.Type == dyad.TypeCountry || m.Via == "capital") && (m.Via != "capital" || genitive) && cd.end >= m.End && r.isCity(cd) {
				cd.places = slices.DeleteFunc(slices.Clone(cd.places), func(id int32) bool { return r.g.places[id].Precision != City })
				cd.word = -1
				cd.route = r.bareRoute(c, toks, j, cd.end)
				out = append(out, cd)
			}
			// a seat of power the actor stage reads as the government ("Casa Rosada", "Palácio do Planalto"), a
			// name of several words the gazetteer gives a city, after an article or a genitive ("desde el balcón
			// de la Casa Rosada", "a rampa do Palácio do Planalto"): the city
			if cd, ok := named, isNamed; ok && m.Actor.Type != dyad.TypeCountry && m.Start == t.Start && cd.end == m.End &&
				strings.Contains(cd.key, " ") && r.isCity(cd) && j > 0 && c.lg.governed(toks[j-1]) {
				cd.places = slices.DeleteFunc(slices.Clone(cd.places), func(id int32) bool { return r.g.places[id].Precision != City })
				cd.word = -1
				cd.fled = c.lg.fled(toks, j)
				out = append(out, cd)
			}
			// a country with a direction glued after it ("缅甸中部发生"), or after a direction and a genitive ("den
			// Südosten der Türkei", "le sud-est de la Turquie", "het zuidoosten van Turkije"): the country, a part of it
			if k := slices.IndexFunc(toks, func(x text.Token) bool { return x.Start >= m.End }); m.Actor.Type == dyad.TypeCountry && m.Via != "capital" && m.Start == t.Start &&
				(k > 0 && toks[k].Start == m.End && c.lg.phrase(c.lg.direction, toks, k) > 0 || c.lg.directionOf(toks, j)) {
				if id, ok := r.g.countries[m.Actor.Country]; ok {
					out = append(out, candidate{start: m.Start, end: m.End, word: -1, places: []int32{id}, key: r.g.primary[id]})
				}
			}
			for j+1 < len(toks) && toks[j+1].Start < m.End {
				j++
			}
			// a group told by its city's adjective: "los taxistas madrileños", "les éboueurs marseillais"
			if cd, ok := r.cityOf(c, toks[j]); ok && toks[j].Start > m.Start {
				cd.word = -1
				out = append(out, cd)
			}
			continue
		}
		// (not a word glued by a hyphen to the word before it: "Shisha-Bars", "pro-Kyiv")
		if j > 1 && toks[j-1].Text == "-" && toks[j-1].End == t.Start && toks[j-2].End == toks[j-1].Start && toks[j-2].IsWord() {
			continue
		}
		cd, ok := r.at(c, toks, j)
		if !ok {
			continue
		}
		if r.cityWordName(c, toks, j, cd) { // (a city word alone before its city: "a Cidade Velha de Mossul")
			for j+1 < len(toks) && toks[j+1].End <= cd.end {
				j++
			}
			continue
		}
		next := slices.IndexFunc(toks, func(x text.Token) bool { return x.Start >= cd.end })
		first, _ := utf8.DecodeRuneInString(t.Text)
		han := unicode.Is(unicode.Han, first)
		oneWord := !strings.Contains(cd.key, " ")
		if j > 0 && (c.lg.from[toks[j-1].Fold] || c.lg.betweenEnds(toks, j)) {
			if next > 0 {
				j = next - 1 // past the whole name ("Den Haag")
			}
			continue // "vanuit Den Haag", "从北京": where someone comes from
		}
		if han {
			n := utf8.RuneCountInString(c.a.Text[cd.start:cd.end])
			oneWord = n <= 2
			if n < 2 {
				continue
			}
		} else if next >= 0 && toks[next].IsWord() && toks[next].IsCapitalized() && !c.lg.where[toks[next].Fold] && !c.lg.facilityNamed(toks, next) && !c.lg.regionNamed(toks, next) {
			continue
		} else if next >= 0 && r.ofLonger(c, toks, next) {
			// the start of a longer name, a genitive in it ("Santo António dos Cavaleiros"): past its genitive and
			// the word after it
			j = next + 1
			continue
		} else if next >= 0 && next+1 < len(toks) && toks[next].Text == "-" && toks[next].Start == cd.end && toks[next+1].Start == toks[next].End && toks[next+1].IsWord() && !toks[next+1].IsCapitalized() {
			continue // (the start of a longer name glued by hyphens: "la cathédrale Saint-Pierre-et-Saint-Paul")
		}
		if oneWord && (c.lg.stop[cd.key] || c.lg.common[cd.key]) {
			continue // a stop word ("Les", "Un"), a common word ("Sale a sette il numero")
		}
		// a word that opens the sentence is capitalised whatever it is ("Hàng vạn người"; not a dateline's
		// "GAROUA"): there a one-word name is read only as a city of bareMinPopulation, or one an apposition
		// says is a city ("Kharkiv came under fire", "Белгород подвергся обстрелу", "Erbil, de hoofdstad van")
		opens := !han && !t.IsAllUpper() && (sentenceStart(c.a.Text, t.Start) || t.Start == c.dlEnd)
		// (a city word right before it says it is a city: "города Дерна", "thành phố Derna"; so does a genitive
		// ending after a noun: "развалины Пальмиры")
		small := oneWord && !cd.chained && (described < 0 || j > described) && (opens || !c.lg.of[elided(t.Text)] && (j == 0 || !c.lg.of[toks[j-1].Fold])) &&
			!c.lg.apposition(toks, next) && !c.lg.afterCityWord(toks, j) && !(j > 0 && c.lg.genitiveOf(toks[j-1], t, cd.key)) &&
			!(next >= 0 && !han && c.lg.facilityNamed(toks, next)) && // (an event or venue named after it: "the Monaco Grand Prix")
			!c.lg.regionNamed(toks, next) // (its region after it: "Город Шебекино Белгородской области")
		cities := slices.DeleteFunc(slices.Clone(cd.places), func(id int32) bool { return r.g.places[id].Precision != City })
		// a region with a direction glued after it, as a country's ("西奈半岛北部一座清真寺遭到袭击"): the region
		if regions := slices.DeleteFunc(slices.Clone(cd.places), func(id int32) bool { return r.g.places[id].Precision != Admin1 }); han && len(cities) == 0 && len(regions) > 0 &&
			next > 0 && toks[next].Start == cd.end && c.lg.phrase(c.lg.direction, toks, next) > 0 {
			cd.places, cd.word = regions, -1
			out = append(out, cd)
			j = next - 1
			continue
		}
		// (a seat of a first-level region or a capital opens a sentence as a city whatever its size: "Venedig
		// stand unter Wasser", "Juneau ordered evacuations", "Ajaccio a connu")
		cd.places = slices.DeleteFunc(slices.Clone(cities), func(id int32) bool {
			p := r.g.places[id]
			return small && p.Population < bareMinPopulation && !(opens && (p.Seat || p.Capital) && p.Population >= seatMinPopulation) &&
				p.Country2 != c.prefer(cd.key) // (the city the language names first by it: Dutch "Bergen" is Mons)
		})
		// a city of any size that a country or region after its comma or in brackets places ("Tombouctou, dans
		// le nord du Mali", "Lorca (Murcia)"); the qualifier is no place of its own
		if q, qend := r.qualifier(c, toks, cd.end, cities); q != nil {
			cd.places, cd.qualified = q, true
			next = slices.IndexFunc(toks, func(x text.Token) bool { return x.Start >= qend })
		}
		if len(cd.places) == 0 {
			// (past the whole name: a city's name inside a region's, "不列颠哥伦比亚省", is none of its own)
			if next > 0 {
				j = next - 1
			}
			continue
		}
		cd.word = -1
		cd.fled = c.lg.fled(toks, j)
		cd.route = r.bareRoute(c, toks, j, cd.end)
		out = append(out, cd)
		if next < 0 {
			break
		}
		j = next - 1
	}
	return out
}

// bareRegion reads the first region that the text between start and end names without a place word: a
// first-level region (geo/admin1 in the gazetteer) or a geographic region of one country (geo/areas) that no
// actor mention covers ("a bomb ripped through ... on the southern island of Mindanao", "submergé ... la
// province du Sind", "俾路支省多地", "đổ bộ vào tỉnh Quảng Ninh"). Not the start of a longer name, nor a place
// someone comes from; a name of one word of an alphabet is read only when it does not open the sentence (where
// any word is capitalised), is no stop word, and has six letters or more or a region word (geo/generic:
// "province", "state"; not an article) among the two words before it ("la province du Sind").
func (r *Resolver) bareRegion(c *article, start, end int) (candidate, bool) {
	toks := c.toks[[2]int{start, end}]
	ms := c.overlapping(start, end)
	for j := 0; j < len(toks); j++ {
		t := toks[j]
		if !t.IsWord() || t.Start < c.dlEnd {
			continue
		}
		if _, ok := mentionAt(ms, t.Start); ok || j > 0 && c.lg.from[toks[j-1].Fold] {
			continue
		}
		cd, ok := r.at(c, toks, j)
		if !ok || slices.ContainsFunc(ms, func(m dyad.ActorMention) bool { return m.Start < cd.end && m.End > cd.start }) {
			continue
		}
		// (a name that is also a city's is read as a city or not at all: "Istanbuls Bürgermeister")
		if r.isCity(cd) {
			continue
		}
		if first, _ := utf8.DecodeRuneInString(t.Text); unicode.Is(unicode.Han, first) {
			if utf8.RuneCountInString(c.a.Text[cd.start:cd.end]) < 2 {
				continue
			}
		} else if r.longer(c, toks, cd.end) {
			continue
		} else if j > 0 && toks[j-1].IsWord() && toks[j-1].IsCapitalized() && !sentenceStart(c.a.Text, toks[j-1].Start) {
			continue // the end of a longer name: "Partido Nacional", "Bento Rodrigues"
		} else if !strings.Contains(cd.key, " ") {
			if c.lg.stop[cd.key] || sentenceStart(c.a.Text, t.Start) || t.Start == c.dlEnd {
				continue
			}
			regionWord := false
			for k := max(0, j-2); k < j; k++ {
				regionWord = regionWord || r.generic[toks[k].Fold] && utf8.RuneCountInString(toks[k].Fold) > 3
			}
			if utf8.RuneCountInString(cd.key) < 6 && !regionWord {
				continue
			}
		}
		cd.word = -1
		return cd, true
	}
	return candidate{}, false
}

// nationwide places a sentence that names no place but says its event spans the whole country (`nation` of
// <lang>/geo: "nationwide", "dans tout le pays", "cả nước", "全国"): in the one country the sentence names, else
// the article, else the one country of the event's placing actors (of the sentence's actors when it has no
// event), else the country of the language's own news (`homecountry`); nil when there is none.
func (r *Resolver) nationwide(c *article, start, end int, actors []string) *dyad.Location {
	if c.lg == nil || !c.lg.has(c.lg.nation, c.toks[[2]int{start, end}]) {
		return nil
	}
	// (not a country's name inside a longer name: "Radio France Internationale")
	own := slices.DeleteFunc(slices.Clone(c.ms), func(m dyad.ActorMention) bool { return insideName(c.a.Text, m) })
	cc := oneCountry(own, start, end)
	if cc == "" {
		cc = oneCountry(own, 0, len(c.a.Text))
	}
	if cc == "" {
		// (the event's actors' one country; a sentence with no event, its actors')
		if actors = slices.DeleteFunc(slices.Clone(actors), func(a string) bool { return a == "" }); len(actors) > 0 && !slices.ContainsFunc(actors, func(a string) bool { return a != actors[0] }) {
			cc = actors[0]
		} else if len(actors) == 0 {
			cc = actorsCountry(own, start, end)
		}
	}
	if cc == "" && c.lg.homeCountry != "" {
		if i, ok := r.g.countries[c.lg.homeCountry]; ok {
			cc = r.g.places[i].Country
		}
	}
	if i, ok := r.g.countries[cc]; ok && cc != "" {
		return r.location(i, r.g.places[i].Name, ViaActor)
	}
	return nil
}

// actingCapital reads a capital the actor stage reads as its government or as a body seated there (via "capital") that opens the text
// between start and end, before the trigger (when there is one), as the city: "Paris recalled ...",
// "布鲁塞尔决定 ...". Only words of the language's `skip` class may come before it.
func (r *Resolver) actingCapital(c *article, start, end, trigger int) (candidate, bool) {
	toks := c.toks[[2]int{start, end}]
	for j, t := range toks {
		if !t.IsWord() || t.Start < c.dlEnd {
			continue
		}
		m, ok := mentionAt(c.overlapping(start, end), t.Start)
		if !ok {
			if c.lg.skip[t.Fold] {
				continue
			}
			return candidate{}, false
		}
		if m.Via != "capital" || m.Start != t.Start || trigger >= 0 && trigger < m.End {
			return candidate{}, false
		}
		cd, ok := r.at(c, toks, j)
		if !ok || cd.end != m.End {
			return candidate{}, false
		}
		cd.places = slices.DeleteFunc(slices.Clone(cd.places), func(id int32) bool {
			p := r.g.places[id]
			// (a capital standing for a body seated there, "Bruxelles a infligé": the EU has no country of its own)
			return p.Precision != City || m.Actor.Type == dyad.TypeCountry && p.Country != m.Actor.Country
		})
		cd.word = -1
		return cd, len(cd.places) > 0
	}
	return candidate{}, false
}

// describedCapital reads a capital told by its country alone at token j: a `capital` word with a mention of
// its country (a name or an adjective, not a capital standing for its government) right before it ("the
// Lebanese capital", "Brazil's capital", "der ukrainischen Hauptstadt", "乌克兰首都", "украинской столице") or
// right after it, a genitive word between or not ("la capitale haïtienne", "la capital de Ecuador", "thủ đô
// Gruzia", "столица Украины"), and no name of a place after it ("the Kenyan capital Nairobi" names it). A
// region's adjective of the language (`regional`) in the country's stead tells the region's seat ("il
// capoluogo lombardo", "a capital gaúcha", "der bayerischen Landeshauptstadt"). In a language with
// `determiner` words, one comes right before, or the country is a possessive ("Russian capital flowed into
// Cyprus" is money). It returns the capital and the tokens it spans from j.
func (r *Resolver) describedCapital(c *article, toks []text.Token, j int) (candidate, int, bool) {
	lg := c.lg
	// told reads the country or region at token k: its capital or seat, and the index of the token after it
	told := func(k int) (int32, int, bool) {
		if k < 0 || k >= len(toks) {
			return 0, 0, false
		}
		if code, ok := lg.regional[toks[k].Fold]; ok {
			id, ok := r.seatOf[code]
			return id, k + 1, ok
		}
		off := toks[k].Start
		if e := elided(toks[k].Text); e != "" && lg.of[e] {
			// (a genitive elided onto the name: "la capitale d'Haïti")
			i := strings.IndexAny(toks[k].Text, "'’")
			_, w := utf8.DecodeRuneInString(toks[k].Text[i:])
			off += i + w
		}
		m, ok := mentionAt(c.ms, off)
		if !ok || m.Actor.Type != dyad.TypeCountry || m.Via == "capital" || m.Actor.Country == "" || m.Start > toks[k].End {
			return 0, 0, false
		}
		id, ok := r.capitalOf[m.Actor.Country]
		end := slices.IndexFunc(toks, func(x text.Token) bool { return x.Start >= m.End })
		if end < 0 {
			end = len(toks)
		}
		return id, end, ok
	}
	determined := func(k int) bool {
		return len(lg.determiner) == 0 || k >= 0 && lg.determiner[toks[k].Fold]
	}
	w := lg.phrase(lg.capital, toks, j)
	var id int32
	first, n := j, 0
	if w > 0 && j > 0 {
		// the country before it: "the Lebanese capital", "Brazil's capital"
		k := j - 1
		possessive := lg.possessiveEnd(toks[k].Fold)
		// (the first token of the country's mention: "the United States' capital")
		i := k
		if m, ok := mentionAt(c.ms, toks[k].Start); ok {
			for i > 0 && toks[i-1].Start >= m.Start {
				i--
			}
		}
		if p, end, ok := told(i); ok && end == j && (possessive || determined(i-1)) {
			id, first, n = p, i, j+w-i
		}
	}
	if n == 0 {
		// the capital word here, the country after it: "la capitale haïtienne", "la capital de Ecuador"
		if w == 0 || !determined(j-1) {
			return candidate{}, 0, false
		}
		k := j + w
		if k < len(toks) && lg.of[toks[k].Fold] {
			k++
		}
		if k < len(toks) && lg.skip[toks[k].Fold] {
			k++
		}
		p, end, ok := told(k)
		if !ok {
			// a capital word alone: "in the capital", "nel centro della Capitale", "tại Thủ đô" (not "the capital
			// of fashion", nor "la capitale européenne": a genitive or an adjective after it tells another)
			if k = j + w; lg.phrase(lg.alone, toks, j) != w && (j == 0 || lg.phrase(lg.alone, toks, j-1) != w+1) || k < len(toks) && (lg.of[toks[k].Fold] || lg.adjective(toks[k])) {
				return candidate{}, 0, false
			}
			if p, ok = r.homeCapital(c); !ok {
				return candidate{}, 0, false
			}
			end = k
		}
		id, n = p, end-j
	}
	// (a name after it is the capital's own: the city is read there)
	if k := first + n; k < len(toks) && toks[k].IsWord() && toks[k].IsCapitalized() {
		if cd, ok := r.at(c, toks, k); ok && r.isCity(cd) {
			return candidate{}, 0, false
		}
	}
	return candidate{start: toks[first].Start, end: toks[first+n-1].End, word: -1, chained: true, places: []int32{id}, key: r.g.primary[id]}, n, true
}

// homeCapital is the capital a capital word alone names ("in the capital"): the capital of the dateline's
// country, else of the one country the sentence's mentions name ("Kenyan police ... in the capital"), else of
// the article's main country, else of the language's `homecountry`.
func (r *Resolver) homeCapital(c *article) (int32, bool) {
	cc := ""
	switch {
	case c.dateline.Resolved():
		cc = c.dateline.Country
	case oneCountry(c.ms, 0, len(c.a.Text)) != "":
		cc = oneCountry(c.ms, 0, len(c.a.Text))
	case c.main != "":
		cc = c.main
	case c.lg.homeCountry != "":
		if i, ok := r.g.countries[c.lg.homeCountry]; ok {
			cc = r.g.places[i].Country
		}
	}
	id, ok := r.capitalOf[cc]
	return id, ok && cc != ""
}

// description returns the index of the first token of toks that opens a town noun referring back to a city
// named before it ("the industrial town", "la ville", "die Stadt", "thị trấn này", "这座港口城市", "город"):
// a `refer` word, at most two lower-case words, and a `town` phrase, or a `town` phrase and a `refer` word
// (either, where the language lists no refer word), with no name after it ("the city of Derna" names one);
// -1 when there is none.
func (l *lang) description(toks []text.Token) int {
	if len(l.town) == 0 {
		return -1
	}
	for j := range toks {
		w := l.phrase(l.town, toks, j)
		if w == 0 {
			continue
		}
		k := j + w
		if k < len(toks) && toks[k].IsWord() && (toks[k].IsCapitalized() && !l.capNoun || l.of[toks[k].Fold] && k+1 < len(toks) && toks[k+1].IsCapitalized()) {
			continue // a name follows: "the port city of Derna", "la ville de Derna"
		}
		if len(l.refer) == 0 || k < len(toks) && l.refer[toks[k].Fold] {
			return j
		}
		back := 3 // words, or characters of a text written without spaces ("这座港口城市")
		if r, _ := utf8.DecodeRuneInString(toks[j].Text); unicode.Is(unicode.Han, r) {
			back = 6
		}
		for i := j - 1; i >= 0 && i >= j-back; i-- {
			if l.refer[toks[i].Fold] || l.words(l.refer, toks, i) > 0 && toks[i].End <= toks[j].Start {
				return i
			}
			if !toks[i].IsWord() || toks[i].IsCapitalized() {
				break
			}
		}
	}
	return -1
}

// bareRoute reports whether a name at token j, ending at byte offset end, read without a place word, is an
// end of a route: after a `to` word (or a place word) that routeEnd says ends one ("de Barcelona a
// Düsseldorf", "bound for Nairobi"), or its start, after a genitive word and before a `to` word and a place
// ("de Barcelona a Düsseldorf", "van Ouagadougou naar Algiers").
func (r *Resolver) bareRoute(c *article, toks []text.Token, j, end int) bool {
	if j == 0 {
		return false
	}
	if w := toks[j-1].Fold; (c.lg.to[w] || c.lg.where[w] || c.lg.via[w] || c.lg.and[w] || j > 1 && c.lg.bound[toks[j-2].Fold]) && r.routeEnd(c, toks, j-1) {
		return true
	}
	// (a genitive elided onto the name after a `bound` word: "en provenance d'Abuja")
	if e := elided(toks[j].Text); e != "" && c.lg.of[e] && c.lg.bound[toks[j-1].Fold] {
		return true
	}
	if !c.lg.of[toks[j-1].Fold] {
		return false
	}
	k := slices.IndexFunc(toks, func(x text.Token) bool { return x.Start >= end })
	if k < 0 || k+1 >= len(toks) || !c.lg.to[toks[k].Fold] {
		return false
	}
	_, ok := r.at(c, toks, k+1)
	return ok
}

// facilityAround reports whether a facility phrase of the language ends right before token j ("sân bay quốc
// tế Kabul") or starts right after byte offset end ("喀布尔国际机场", "Kabul International Airport"): a
// capital's name there is the city's, not its government's.
func (l *lang) facilityAround(toks []text.Token, j, end int) bool {
	if len(l.facility) == 0 {
		return false
	}
	// (one phrase or several: "sân bay" "quốc tế")
	x := j
	for x > 0 {
		n := 1
		for n <= 3 && (x-n < 0 || l.phrase(l.facility, toks, x-n) != n) {
			n++
		}
		if n > 3 {
			break
		}
		x -= n
	}
	if x < j {
		return true
	}
	k := slices.IndexFunc(toks, func(x text.Token) bool { return x.Start >= end })
	return k >= 0 && (l.phrase(l.facility, toks, k) > 0 || toks[k].Start == end && l.facilityAfter(toks, k))
}

// cityWordName reports whether the place cd read at token j is a city word alone that a name follows ("im
// Kanton Zug": Kanton is also Guangzhou's German name): the word is read past as a city word.
func (r *Resolver) cityWordName(c *article, toks []text.Token, j int, cd candidate) bool {
	w := c.lg.cityWords(toks, j)
	if w > 0 && j+w <= len(toks) && cd.end != toks[j+w-1].End && c.lg.city[cd.key] {
		// (a city word of several words whose first is one too: "cidade velha")
		w = slices.IndexFunc(toks[j:], func(x text.Token) bool { return x.End == cd.end }) + 1
	}
	if w == 0 || j+w >= len(toks) || cd.end != toks[j+w-1].End {
		return false
	}
	// (a genitive word between them or not: "a Cidade Velha de Mossul", the old city, not Cape Verde's town)
	if k := j + w; k+1 < len(toks) && c.lg.of[toks[k].Fold] {
		if _, ok := r.at(c, toks, k+1); ok {
			return true
		}
	}
	_, ok := r.at(c, toks, j+w)
	return ok
}

// directionOf reports whether a `direction` word after an article and a genitive word come right before token
// j, articles between or not: "den Südosten der Türkei", "le sud-est de la Turquie", "het zuidoosten van
// Turkije".
func (l *lang) directionOf(toks []text.Token, j int) bool {
	k := j - 1
	if k >= 0 && !l.of[toks[k].Fold] && l.skip[toks[k].Fold] {
		k-- // (an article after the genitive: "de la Turquie"; German "der" is both)
	}
	if k < 1 || !l.of[toks[k].Fold] {
		return false
	}
	d := k - 1
	if d >= 2 && toks[d-1].Text == "-" && toks[d-2].End == toks[d-1].Start && toks[d-1].End == toks[d].Start {
		d -= 2 // "sud-est", "nord-ouest"
	}
	// (a direction with its article or genitive before it: not "la frontera sur de México", a border)
	return l.phrase(l.direction, toks, d) > 0 && d > 0 && (l.skip[toks[d-1].Fold] || l.of[toks[d-1].Fold])
}

// facilityNamed reports whether the capitalised words from token k on, one to three of them, end in a
// facility's or an event's word of the language (`facility`): the name before them is their city's ("Hamburg
// Airport", "the Munich Security Conference", "the Boston Marathon", "the Monaco Grand Prix", "London Fashion
// Week").
func (l *lang) facilityNamed(toks []text.Token, k int) bool {
	for m := k; m < len(toks) && m < k+3 && toks[m].IsWord() && toks[m].IsCapitalized(); m++ {
		if l.phrase(l.facility, toks, m) > 0 {
			return true
		}
	}
	return false
}

// genericName reports whether the name from token j to byte offset end is made of geo/generic words alone
// and another follows it: the start of a region's name.
func (r *Resolver) genericName(toks []text.Token, j, end int) bool {
	k := j
	for ; k < len(toks) && toks[k].Start < end; k++ {
		if toks[k].IsWord() && !r.generic[toks[k].Fold] {
			return false
		}
	}
	return k > j && k < len(toks) && toks[k].IsWord() && r.generic[toks[k].Fold]
}

// streetAround reports whether a name at token j, ending at byte offset end, is a street's, a square's or a
// park's: a `street` word right before it, a genitive word between them or not ("avenida Bolívar", "Quinta da
// Boa Vista", "phố Huế"; not the last word of a city word, "thành phố Huế", nor "đường phố Yangon", the
// streets of Yangon), or right after it ("Hyde Park",
// "Görlitzer Park", "Рязанском проспекте").
func (l *lang) streetAround(toks []text.Token, j, end int) bool {
	if len(l.street) == 0 {
		return false
	}
	k := j - 1
	// (past the words of the street's name before this one: "Quinta da Boa Vista" at Vista)
	for n := 0; n < 3 && k > 0 && toks[k].IsWord() && toks[k].IsCapitalized() && !l.street[toks[k].Fold]; n++ {
		k--
	}
	if k > 0 && l.of[toks[k].Fold] {
		k--
	}
	// (a phrase of one to three words that ends there: "centro commerciale Olympia"; not the last word of a
	// city word, "thành phố Huế", nor of a plural, "đường phố Yangon")
	for n := 1; n <= 3 && k-n+1 >= 0; n++ {
		if x := k - n + 1; l.phrase(l.street, toks, x) == n {
			return !(x > 0 && (l.cityWords(toks, x-1) >= 2 || l.street[toks[x-1].Fold]))
		}
	}
	i := slices.IndexFunc(toks, func(x text.Token) bool { return x.Start >= end })
	return i >= 0 && l.phrase(l.street, toks, i) > 0
}

// unitPlace returns the language's own country (its first `own` country) when the text between start and end
// names a place after a `unit` word that the gazetteer does not know ("huyện Tam Nông"): a place below the
// gazetteer's level whose country the unit word tells. A known name after one is read as any other ("tỉnh
// Kherson").
func (r *Resolver) unitPlace(c *article, start, end int) (candidate, bool) {
	own := c.own()
	if len(c.lg.unit) == 0 || len(own) == 0 {
		return candidate{}, false
	}
	id, ok := r.g.countries[own[0]]
	if !ok {
		return candidate{}, false
	}
	toks := c.toks[[2]int{start, end}]
	for k := range toks {
		n := c.lg.phrase(c.lg.unit, toks, k)
		if n == 0 || k+n >= len(toks) {
			continue
		}
		t := toks[k+n]
		if !t.IsWord() || !t.IsCapitalized() || t.Start < c.dlEnd {
			continue
		}
		// (a known name is read as any other, unless it starts a longer name: "phường Tân Định" is no "Tân")
		if cd, known := r.at(c, toks, k+n); known && !r.longer(c, toks, cd.end) {
			continue
		}
		return candidate{start: t.Start, end: t.End, word: -1, places: []int32{id}, key: r.g.primary[id]}, true
	}
	return candidate{}, false
}

// namedAround reports whether a name at token j, ending at byte offset end, names a street (streetAround) or a
// treaty (treatyAround), no place.
func (l *lang) namedAround(toks []text.Token, j, end int) bool {
	return l.streetAround(toks, j, end) || l.treatyAround(toks, j, end)
}

// treatyAround reports whether a name at token j, ending at byte offset end, is a treaty's: a `treaty` word
// (one or two words) right before it, a genitive word between them or not ("la Convention de Genève", "Hiệp
// định Paris"), or right after it ("the Geneva Conventions", "Минские соглашения"), unless a place word comes
// right before the name, whose object the word after it then is ("подписал в Пхеньяне договор").
func (l *lang) treatyAround(toks []text.Token, j, end int) bool {
	if len(l.treaty) == 0 {
		return false
	}
	k := j - 1
	if k > 0 && l.of[toks[k].Fold] {
		k--
	}
	for n := 1; n <= 2 && k-n+1 >= 0; n++ {
		if l.phrase(l.treaty, toks, k-n+1) == n {
			return true
		}
	}
	if j > 0 && l.where[toks[j-1].Fold] {
		return false
	}
	i := slices.IndexFunc(toks, func(x text.Token) bool { return x.Start >= end })
	return i >= 0 && l.phrase(l.treaty, toks, i) > 0
}

// regionBeforeCity returns the region (CC.code) a region's adjective names among the few words before token
// j, with a city word among them ("the southern English city of", "la città inglese di"): the words read back
// are the adjective, city words and lower-case words, up to punctuation or another capitalised word; "" when
// none.
func (l *lang) regionBeforeCity(toks []text.Token, j int) string {
	code, city := "", false
	for k, n := j-1, 0; k >= 0 && n < maxBefore; k, n = k-1, n+1 {
		t := toks[k]
		if !t.IsWord() {
			break
		}
		if rc := l.regionBefore(t); rc != "" && code == "" {
			code = rc
			continue
		}
		if l.cityWords(toks, k) > 0 || k > 0 && l.cityWords(toks, k-1) > 1 {
			city = true
		} else if t.IsCapitalized() {
			break
		}
	}
	if !city {
		return ""
	}
	return code
}

// regionBefore returns the region (CC.code) a region's adjective (`regional`) at token t names, a `prefix`
// of a direction glued before it or not ("südenglischen", "englischen", "Engelse"), or "".
func (l *lang) regionBefore(t text.Token) string {
	if len(l.regional) == 0 || !t.IsWord() {
		return ""
	}
	if code, ok := l.regional[t.Fold]; ok {
		return code
	}
	for _, p := range l.prefix {
		if rest, ok := strings.CutPrefix(t.Fold, p); ok && rest != "" {
			if code, ok := l.regional[rest]; ok {
				return code
			}
		}
	}
	return ""
}

// elided returns the article or preposition elided onto a word, folded with its apostrophe ("d'" of
// "d'Anvers"), or "".
func elided(w string) string {
	if i := elision(w); i > 0 {
		return text.Fold(w[:i]) + "'"
	}
	return ""
}

// elision returns the offset of the first apostrophe (' or ’) of w when it lies in w's first five bytes, else
// -1: strings.IndexAny(w, "'’") where that is below 5, reading only those bytes (it is asked of every word of
// a sentence; IndexAny reads the whole word rune by rune).
func elision(w string) int {
	for i := 0; i < len(w) && i < 5; i++ {
		if w[i] == '\'' || w[i] == 0xE2 && strings.HasPrefix(w[i:], "’") {
			return i
		}
	}
	return -1
}

// inAny reports whether one of a city candidate's places lies in a country or region that one of cands
// may be, keeping only those places.
func (r *Resolver) inAny(b candidate, cands []candidate) bool {
	in := func(id int32) bool {
		p := r.g.places[id]
		for _, cd := range cands {
			for _, q := range cd.places {
				if a := r.g.places[q]; a.Precision == Country && a.Country == p.Country || a.Precision == Admin1 && a.ID == p.Admin1 {
					return true
				}
			}
		}
		return false
	}
	return slices.ContainsFunc(b.places, in)
}

// regionLike reports whether a candidate names a first-level region and no city of bareMinPopulation: a region
// with a small namesake ("na Madeira", also a name of Tabira, Brazil), not a city of its region's name ("em São
// Paulo").
func (r *Resolver) regionLike(cd candidate) bool {
	return slices.ContainsFunc(cd.places, func(id int32) bool { return r.g.places[id].Precision == Admin1 }) &&
		!slices.ContainsFunc(cd.places, func(id int32) bool {
			return r.g.places[id].Precision == City && r.g.places[id].Population >= bareMinPopulation
		})
}

// isCity reports whether a candidate may be a city.
func (r *Resolver) isCity(cd candidate) bool {
	return slices.ContainsFunc(cd.places, func(id int32) bool { return r.g.places[id].Precision == City })
}

// sentenceStart reports whether the word at byte offset i opens a sentence of text: nothing but spaces,
// quotes and brackets since the text's start or the last full stop.
func sentenceStart(text string, i int) bool {
	for i > 0 {
		r, n := utf8.DecodeLastRuneInString(text[:i])
		switch {
		case r == '.' || r == '!' || r == '?' || r == '\n':
			return true
		case unicode.IsSpace(r) || strings.ContainsRune("\"'“”‘’«»()[]-–—", r):
			i -= n
		default:
			return false
		}
	}
	return true
}

// bareMinPopulation is the size of a city a one-word name stands for when no place word comes before it.
const bareMinPopulation = 100000

// seatMinPopulation is the size of a first-level seat or a capital that a one-word name opening a sentence
// stands for (Venice, Ajaccio, Juneau are seats under bareMinPopulation; the smallest seats are villages).
const seatMinPopulation = 20000

// mentionAt returns the actor mention that covers offset.
func mentionAt(ms []dyad.ActorMention, offset int) (dyad.ActorMention, bool) {
	for _, m := range ms {
		if offset >= m.Start && offset < m.End {
			return m, true
		}
	}
	return dyad.ActorMention{}, false
}

// near reports whether offset falls in one of toks.
func near(toks []text.Token, offset int) bool {
	for _, t := range toks {
		if offset >= t.Start && offset < t.End {
			return true
		}
	}
	return false
}

// at reads a place name that starts at token j: the longest name the gazetteer has (in its written form or an
// inflected one), or a country the actor stage found there, whichever is longer.
func (r *Resolver) at(c *article, toks []text.Token, j int) (candidate, bool) {
	t := toks[j]
	// (a name right after a place's capitalised adjective is a thing named after that place: "die Glatzer
	// Neiße", a river, not Neiße, Nysa; "der Kölner Dom")
	if j > 0 && toks[j-1].End < t.Start && r.placeAdjective(c.lg, toks[j-1]) {
		return candidate{}, false
	}
	// an elided article or genitive glued to the name: "l'Élysée", "all'Aia", "d'Anvers"
	elidedArt, isElided, elidedOf := "", false, false
	if i := elision(t.Text); i > 0 {
		_, w := utf8.DecodeRuneInString(t.Text[i:])
		if e := text.Fold(t.Text[:i]) + "'"; c.lg.skip[text.Fold(t.Text[:i+w])] || c.lg.skip[e] || c.lg.of[e] || c.lg.where[e] {
			toks = slices.Clone(toks)
			rest := t.Text[i+w:]
			t = text.Token{Start: t.Start + i + w, End: t.End, Text: rest, Fold: text.Fold(rest)}
			toks[j] = t
			elidedArt, isElided, elidedOf = c.lg.article[e], true, c.lg.of[e]
		}
	}
	first, _ := utf8.DecodeRuneInString(t.Text)
	han := unicode.Is(unicode.Han, first)
	// a name starts with a capital, or is a landmark's name of several words that starts in lower case ("place
	// Tahrir", "piazza San Marco", "космодрома Байконур")
	// (asked first: most words of a sentence are no name, and this needs no look-up of the words before)
	lower := !han && !t.IsCapitalized()
	if lower && !r.g.lowerFirst[t.Fold] || c.lg.never[t.Fold] {
		return candidate{}, false
	}
	// a lake's or a river's name ("Lake Victoria" is not Victoria, Hong Kong; "o rio Paraná" not the city)
	if !elidedOf && endsAt(c.lg.water, toks, j-1) {
		return candidate{}, false
	}
	// the article a preposition before the name holds ("au Mans", "del Cairo"), or an elided one ("all'Aquila")
	art := elidedArt
	if !isElided && j > 0 {
		art = c.lg.article[toks[j-1].Fold]
	}
	var cd candidate
	// words j.. (punctuation inside a name, "Port-au-Prince", "Xi'an", is passed over, as Key drops it)
	var wbuf [16]int // (more than the gazetteer's longest name, 13 words: the slice stays on the stack)
	words := wbuf[:0]
	for i := j; i < len(toks) && len(words) < r.g.maxLen; i++ {
		if toks[i].IsWord() {
			words = append(words, i)
		} else if tx := toks[i].Text; tx != "-" && tx != "'" && tx != "’" && tx != "." && tx != "(" && tx != ")" {
			break // (a bracket may stand inside a name: "Frankfurt (Oder)", "Halle (Saale)")
		}
	}
	// a name of more than one word is looked up only when some name that begins with the first word has that
	// many words (an inflected ending replaces the end of the last word: the first word and the count stay); a
	// single word is always looked up, inflected or not. The keys of n words are the prefixes of the key of
	// them all, made once.
	// (a language that inflects each word of a name, "Нижнем Новгороде", counts the words of the first word's
	// uninflected forms too)
	var firsts []string
	if len(words) > 1 && !c.lg.inflectSpace {
		if w := toks[words[0]].Fold; !strings.Contains(w, " ") {
			most := r.g.wordsAfter(w)
			if len(c.lg.inflectPart) > 0 {
				firsts = c.lg.uninflected(w)
				for _, f := range firsts {
					most = max(most, r.g.wordsAfter(f))
				}
			}
			words = words[:max(1, min(len(words), most))]
		}
	}
	// (the keys are built on the stack and looked up without a string made of them; a string only for a hit)
	var kbuf, ibuf [128]byte
	full := kbuf[:0]
	var ebuf [16]int
	ends := ebuf[:0]
	for i, w := range words {
		if i > 0 {
			full = append(full, ' ')
		}
		full = append(full, toks[w].Fold...)
		ends = append(ends, len(full))
	}
	for n := len(words); n >= 1 && cd.places == nil && (n > 1 || !lower); n-- {
		key := full[:ends[n-1]]
		if lower && !r.g.lowerLed[string(key)] {
			continue
		}
		if ids := r.g.names[string(key)]; len(ids) > 0 {
			ks := string(key)
			// (and the places of its uninflected forms: GeoNames gives a case form as another name of one place of
			// several, "Одессе" of Odessa, Ukraine, not of Odessa, Texas)
			for _, in := range c.lg.inflect {
				if s, ok := strings.CutSuffix(ks, in[0]); ok && s != "" && n == 1 {
					for _, id := range r.g.names[s+in[1]] {
						if !slices.Contains(ids, id) {
							ids = append(slices.Clip(ids), id)
						}
					}
				}
			}
			cd = candidate{start: t.Start, end: toks[words[n-1]].End, places: ids, key: ks}
			break
		}
		for _, in := range c.lg.inflect {
			if len(key) > len(in[0]) && string(key[len(key)-len(in[0]):]) == in[0] {
				k := append(append(ibuf[:0], key[:len(key)-len(in[0])]...), in[1]...)
				if ids := r.g.names[string(k)]; len(ids) > 0 {
					cd = candidate{start: t.Start, end: toks[words[n-1]].End, places: ids, key: string(k)}
					break
				}
			}
		}
		// each word of a name of several words inflected: "Нижнем Новгороде" (Нижний Новгород),
		// "Петропавловске-Камчатском", "Комсомольске-на-Амуре" (the words between the first and the last as written)
		if cd.places == nil && n > 1 && len(firsts) > 0 {
			middle := ""
			if n > 2 {
				middle = " " + string(full[ends[0]+1:ends[n-2]])
			}
			lasts := c.lg.uninflected(toks[words[n-1]].Fold)
		parts:
			for _, f := range append([]string{toks[words[0]].Fold}, firsts...) {
				if r.g.wordsAfter(f) < n {
					continue
				}
				for _, l := range append([]string{toks[words[n-1]].Fold}, lasts...) {
					if k := f + middle + " " + l; k != string(key) {
						if ids := r.g.names[k]; len(ids) > 0 {
							cd = candidate{start: t.Start, end: toks[words[n-1]].End, places: ids, key: k}
							break parts
						}
					}
				}
			}
		}
	}
	// a city the gazetteer names with its article, which a preposition before it holds: "au Mans" (Le Mans),
	// "all'Aquila", "dell'Aquila" (L'Aquila), "du Cap" (Le Cap)
	if cd.places == nil && art != "" && !lower {
		sep := " "
		if strings.HasSuffix(art, "'") {
			sep = ""
		}
		for n := len(words); n >= 1 && cd.places == nil; n-- {
			k := art + sep + string(full[:ends[n-1]])
			ids := slices.DeleteFunc(slices.Clone(r.g.names[k]), func(id int32) bool { return r.g.places[id].Precision != City })
			if len(ids) > 0 {
				cd = candidate{start: t.Start, end: toks[words[n-1]].End, places: ids, key: k}
			}
		}
	}
	// an acronym is no place unless a place is written so ("O Airbus da TAM" is the airline, not Tame, Colombia,
	// also "Tam"; "NYC", "CDMX" are places; "TP HCM", a name of two words, is read whole)
	if cd.places != nil && cd.end == t.End && isAcronym(t.Text) && !r.g.writtenAcronym(t.Text) {
		cd = candidate{}
	}
	// a name of several Chinese characters that is a `never` word of the language is a word, not a place:
	// "东方" (the east), not 東方市 (Ciudad del Este)
	if cd.places != nil && han && c.lg.never[strings.ReplaceAll(cd.key, " ", "")] {
		cd = candidate{}
	}
	// a word of one syllable written with the marks of a language that writes its own places' names with them,
	// which no place is written as, and which names no place of its own countries, is a word of the language:
	// "Lực" (of "Lực lượng") is no "Luc", "Bồ" (of "Bồ Đề") no "Bo"; "Viên" is Vienna's name as written
	if cd.places != nil && len(c.own()) > 0 && !han && !strings.Contains(cd.key, " ") && hasMark(t.Text) &&
		!r.g.isMarked(strings.ToLower(t.Text)) && !slices.ContainsFunc(cd.places, func(id int32) bool { return slices.Contains(c.own(), r.g.places[id].Country2) }) {
		cd = candidate{}
	}
	// a region right before one of its cities, as Chinese writes them, names the city: "加利福尼亚州圣地亚哥",
	// "掸邦北部重镇腊戍" (past the words of the class city: 州, 北部, 重镇)
	if han && cd.places != nil && !r.isCity(cd) {
		var regions []string
		for _, id := range cd.places {
			if p := r.g.places[id]; p.Precision == Admin1 {
				regions = append(regions, p.ID)
			}
		}
		if len(regions) > 0 {
			if city, ok := r.cityAfter(c, toks, cd.end, func(p Place) bool { return slices.Contains(regions, p.Admin1) }); ok {
				cd = city
			}
		}
	}
	// a country the actor stage found here, unless the gazetteer reads a longer name ("Mexico City")
	for _, m := range c.ms {
		if lower {
			break
		}
		// (not a capital standing for its government; a demonym here is an inflected name, "на Украине", or
		// places it as well, "in Chinese waters")
		// (a country's possessive, "in Montenegro's former capital", is the country: the mention ends before the
		// language's possessive ending, and the town of that name elsewhere, Montenegro in Brazil, is none)
		possessive := cd.end == t.End && m.End > t.Start && m.End < t.End && c.lg.possessiveEnd(t.Fold)
		if m.Start != t.Start || m.Actor.Type != dyad.TypeCountry || m.Via == "capital" || m.End < cd.end && !possessive {
			continue
		}
		ci, ok := r.g.countries[m.Actor.Country]
		if !ok {
			break
		}
		// a city-state ("in Singapore": the capital of that name lies at the country's centroid), or a big city or
		// the country's capital whose own name it is, when the country's is another ("em Salvador", "à Tunis"),
		// or a city of that name in the article's own country when the country is another ("en Granada" in a
		// report on Nicaragua)
		if cd.places != nil && c.main != "" && m.Actor.Country != c.main && slices.ContainsFunc(cd.places, func(id int32) bool {
			p := r.g.places[id]
			return p.Precision == City && p.Country == c.main
		}) {
			break
		}
		// (or a city that bears the country's or territory's name, after a city word and its genitive: "na
		// Cidade de Gaza", "thành phố Gaza", "la ciudad de Panamá")
		if cd.places != nil && (c.lg.afterCityWord(toks, j) || j > 0 && c.lg.of[toks[j-1].Fold] && c.lg.afterCityWord(toks, j-1)) {
			cc := m.Actor.Country
			if own := slices.DeleteFunc(slices.Clone(cd.places), func(id int32) bool {
				p := r.g.places[id]
				return p.Precision != City || p.Country != cc
			}); len(own) > 0 {
				cd.places = own
				break
			}
		}
		if cd.places != nil {
			p := r.g.places[cd.places[0]]
			if p.Country == m.Actor.Country && p.Capital && dist(p, r.g.places[ci]) < 30 {
				break
			}
			if r.g.primary[cd.places[0]] == cd.key && Key(r.g.places[ci].Name) != cd.key && (p.Population >= 1e6 || p.Capital && p.Country == m.Actor.Country) {
				break
			}
		}
		cd = candidate{start: m.Start, end: m.End, places: []int32{ci}, key: Key(m.Text)}
		// a country (or its adjective) right before one of its cities names the city: "阿联酋迪拜", "塔吉克斯坦首都
		// 杜尚别", "im polnischen Oświęcim"
		cc := m.Actor.Country
		if city, ok := r.cityAfter(c, toks, m.End, func(p Place) bool { return p.Country == cc }); ok {
			cd = city
		}
		break
	}
	if cd.places == nil {
		return cd, false
	}
	// a street's, a square's or a park's name: "avenida Bolívar", "Quinta da Boa Vista", "phố Huế", "Hyde Park";
	// a treaty's: "la Convention de Genève", "the Minsk agreements"
	if c.lg.namedAround(toks, j, cd.end) {
		return candidate{}, false
	}
	// a river's or a lake's name, its word right after it: "on the Dnipro river"
	if i := slices.IndexFunc(toks, func(x text.Token) bool { return x.Start >= cd.end }); i >= 0 && c.lg.waterAfter[toks[i].Fold] {
		return candidate{}, false
	}
	// a region's name or adjective before its region word ("в Краматорске Донецкой области", "Шебекино
	// Белгородской области"): the region's, never a city of that name
	if i := slices.IndexFunc(toks, func(x text.Token) bool { return x.Start >= cd.end }); i >= 0 && c.lg.regionAfter[toks[i].Fold] {
		if cd.places = slices.DeleteFunc(slices.Clone(cd.places), func(id int32) bool { return r.g.places[id].Precision == City }); len(cd.places) == 0 {
			return candidate{}, false
		}
	}
	// a name made of generic words alone before another ("in North West province", "in Central Province", "the
	// North West region of Cameroon"): a region the gazetteer does not name, not a city named North or Central
	if r.genericName(toks, j, cd.end) {
		return candidate{}, false
	}
	// a transliterated name glued to more characters of transliteration is part of a longer name: "加勒" (Galle)
	// in 加勒比海 (the Caribbean), "奥卢" (Oulu) in a person's name; a country's name right before does not count
	// ("意大利罗马")
	if han && (r.transliterated(c, toks, j, cd) || c.lg.compoundAround(toks, j, cd.end)) {
		return candidate{}, false
	}
	// a one-word name before a genitive word names a building or a body, not the place: "the Temple of the Tooth";
	// unless the genitive names a country, which places the city ("thành phố Córdoba của Tây Ban Nha"), or the
	// word is an agent's, a person or a body the actor stage found right after it ("im Kreml von Präsident
	// Putin empfangen")
	if !strings.Contains(cd.key, " ") && !unicode.Is(unicode.Han, first) {
		if i := slices.IndexFunc(toks, func(x text.Token) bool { return x.Start >= cd.end }); i >= 0 && c.lg.of[toks[i].Fold] && !agentAt(c.ms, toks, i+1) {
			cc := ""
			if i+1 < len(toks) {
				cc = countryAt(c.ms, toks[i+1].Start)
			}
			// (not a big city right after a place word: "in Krakau von Hunderttausenden Pilgern begrüßt", where
			// the word is the passive's agent)
			if q := r.inCountry(cd.places, cc); len(q) > 0 {
				cd.places = q
			} else if r.g.places[cd.places[0]].Precision == City && !(j > 0 && c.lg.where[toks[j-1].Fold] && slices.ContainsFunc(cd.places, func(id int32) bool {
				p := r.g.places[id]
				return p.Precision == City && p.Population >= bareMinPopulation
			})) && !c.lg.afterCityWord(toks, j) { // (nor a town after a city word: "in der Bergbaustadt Handlová von einem Mann")
				return candidate{}, false
			}
		}
	}
	// a landmark's name (a name of several words that is no place's own) followed by a genitive word or a place
	// word and a city: the city ("la cathédrale Notre-Dame de Reims" is not Paris's; a landmark of geo/aliases
	// and a place word, not a near or a to word: "tại Nhà Quốc hội ở Canberra" is Australia's parliament house)
	if strings.Contains(cd.key, " ") && !slices.ContainsFunc(cd.places, func(id int32) bool { return r.g.primary[id] == cd.key }) {
		if i := slices.IndexFunc(toks, func(x text.Token) bool { return x.Start >= cd.end }); i >= 0 && i+1 < len(toks) && (c.lg.of[toks[i].Fold] || r.landmarks[cd.key] && c.lg.where[toks[i].Fold] && !c.lg.near[toks[i].Fold] && !c.lg.to[toks[i].Fold]) {
			if city, ok := r.at(c, toks, i+1); ok && r.isCity(city) {
				// (of the city's readings, those in the landmark's country: "la Mezquita-Catedral de Córdoba")
				city.places = slices.DeleteFunc(slices.Clone(city.places), func(id int32) bool { return r.g.places[id].Precision != City })
				same := slices.DeleteFunc(slices.Clone(city.places), func(id int32) bool {
					return !slices.ContainsFunc(cd.places, func(l int32) bool { return r.g.places[l].Country == r.g.places[id].Country })
				})
				if len(same) > 0 {
					city.places = same
				}
				return city, true
			}
		}
	}
	// a country named by the words right before the name, with a city word among them, places it: "the Spanish
	// city of Córdoba", "la ciudad española de Córdoba", "in der spanischen Stadt Córdoba", "испанского города
	// Кордова"
	if len(cd.places) > 1 {
		if q := r.inCountry(cd.places, r.countryBefore(c, toks, j)); len(q) > 0 {
			cd.places = q
		}
	}
	// a region's adjective right before the name, a direction glued before it or not, places it: "im
	// südenglischen Salisbury", "in het Oost-Engelse Boston", "im bayerischen Passau"; so does one among the
	// words before it with a city word ("the southern English city of Salisbury", "nella città inglese di
	// Salisbury")
	if len(cd.places) > 1 && j > 0 {
		code := c.lg.regionBefore(toks[j-1])
		if code == "" {
			code = c.lg.regionBeforeCity(toks, j)
		}
		if code != "" {
			if q := slices.DeleteFunc(slices.Clone(cd.places), func(id int32) bool { return r.g.places[id].Admin1 != code }); len(q) > 0 {
				cd.places, cd.chained = q, true // (a city whatever its size, as after its country's adjective)
			}
		}
	}
	// "Paris, Texas", "Hanoi, Vietnam", "Bayonne (Pyrénées-Atlantiques)": a region or country right after the
	// name, after its comma or in brackets, narrows it
	if i := slices.IndexFunc(toks, func(x text.Token) bool { return x.Start >= cd.end }); i >= 0 && (toks[i].Text == "," || toks[i].Text == "(") && i+1 < len(toks) {
		q := toks[i+1]
		country := ""
		for _, m := range c.ms {
			if m.Start == q.Start && m.Actor.Type == dyad.TypeCountry {
				country = m.Actor.Country
			}
		}
		var ks []string
		for x := i + 1; x < len(toks) && len(ks) < 3; x++ {
			if glued(toks, x) {
				continue // (a hyphen between two words, read past as the gazetteer's keys do)
			}
			if !toks[x].IsWord() {
				break
			}
			ks = append(ks, toks[x].Fold)
		}
		if q := r.qualify(cd.places, strings.Join(ks, " "), country); len(q) < len(cd.places) {
			cd.places = q
		} else {
			cd.places = r.clause(c, toks[i+1:], cd.places)
		}
	}
	cd.feature = c.lg.featureBefore(toks, j, elidedOf)
	// a common noun ("in der Halle 3", "im Hof"), or the end of a longer proper name ("City Hall was evacuated"):
	// no city of the name; not a landmark ("im Kreml") nor the city that opens a compound ("beim Boston-Marathon")
	if j > 0 && (c.lg.noun[toks[j-1].Fold] || c.lg.head[toks[j-1].Fold] && toks[j-1].IsCapitalized()) && !r.landmarks[cd.key] &&
		!slices.ContainsFunc(toks, func(x text.Token) bool { return x.Start == cd.end && x.Text == "-" }) {
		if cd.places = slices.DeleteFunc(slices.Clone(cd.places), func(id int32) bool { return r.g.places[id].Precision == City }); len(cd.places) == 0 {
			return candidate{}, false
		}
	}
	return cd, true
}

// featureBefore reports whether the name at token j comes right after a landform's word, or after a water's or
// a landform's word and a genitive word (elidedOf: the genitive is elided onto the name, "lac d'Annecy"): "la
// isla de La Palma", "le lac d'Annecy", "el volcán de La Palma".
func (l *lang) featureBefore(toks []text.Token, j int, elidedOf bool) bool {
	is := func(k int) bool { return endsAt(l.water, toks, k) || endsAt(l.landform, toks, k) }
	if elidedOf {
		return is(j - 1)
	}
	if endsAt(l.landform, toks, j-1) {
		return true
	}
	return j > 1 && l.of[toks[j-1].Fold] && is(j-2)
}

// endsAt reports whether a word of set, of one or two words, ends at token k.
func endsAt(set map[string]bool, toks []text.Token, k int) bool {
	return k >= 0 && set[toks[k].Fold] || k >= 1 && set[toks[k-1].Fold+" "+toks[k].Fold]
}

// uninflected returns the forms of a folded word with one of the language's inflect or inflectpart endings
// undone.
func (l *lang) uninflected(w string) []string {
	var out []string
	for _, rules := range [][][2]string{l.inflect, l.inflectPart} {
		for _, in := range rules {
			if s, ok := strings.CutSuffix(w, in[0]); ok && s != "" {
				out = append(out, s+in[1])
			}
		}
	}
	return out
}

// agentAt reports whether an actor mention that is not a country's (a person, a body) starts at token i or
// the one after it (a title before a name: "von Präsident Wladimir Putin").
func agentAt(ms []dyad.ActorMention, toks []text.Token, i int) bool {
	for j := i; j < len(toks) && j <= i+1; j++ {
		if m, ok := mentionAt(ms, toks[j].Start); ok && m.Start == toks[j].Start && m.Actor.Type != dyad.TypeCountry {
			return true
		}
	}
	return false
}

// countryAt returns the country of a country mention (a name or a demonym, not a capital standing for its
// government) that starts at byte offset, or "".
func countryAt(ms []dyad.ActorMention, offset int) string {
	for _, m := range ms {
		if m.Start == offset && m.Actor.Type == dyad.TypeCountry && m.Via != "capital" {
			return m.Actor.Country
		}
	}
	return ""
}

// inCountry returns the cities of ids that lie in country cc (alpha-3), or nil.
func (r *Resolver) inCountry(ids []int32, cc string) []int32 {
	if cc == "" {
		return nil
	}
	var keep []int32
	for _, id := range ids {
		if p := r.g.places[id]; p.Precision == City && p.Country == cc {
			keep = append(keep, id)
		}
	}
	return keep
}

// maxBefore bounds the words read back from a name for the country its city word names.
const maxBefore = 5

// countryBefore returns the country that a country mention in the words right before token j names, when a
// city word of the language stands among those words or the mention is a lower-case adjective right before it ("the Spanish city of", "la ciudad española de", "der
// spanischen Stadt", "испанского города"): the words read back are lower-case ones (city words, articles,
// genitives, adjectives: "the northern Lebanese city of") and the mention, up to punctuation or another
// capitalised word; "" when none.
func (r *Resolver) countryBefore(c *article, toks []text.Token, j int) string {
	cc, city := "", false
	for k, n := j-1, 0; k >= 0 && n < maxBefore; k, n = k-1, n+1 {
		t := toks[k]
		if !t.IsWord() {
			break
		}
		if m, ok := mentionAt(c.ms, t.Start); ok {
			if m.Actor.Type != dyad.TypeCountry || m.Via == "capital" || cc != "" {
				break
			}
			cc = m.Actor.Country
			// (a country's adjective right before the name places it alone: "в ливанском Триполи", "im
			// libanesischen Tripoli")
			if k == j-1 && m.Via == "demonym" && !t.IsCapitalized() {
				city = true
			}
			for k > 0 && toks[k-1].Start >= m.Start {
				k--
			}
			continue
		}
		if c.lg.cityWords(toks, k) > 0 || k > 0 && c.lg.cityWords(toks, k-1) > 1 {
			city = true // (capitalised where the language writes its nouns so: "Stadt")
		} else if t.IsCapitalized() {
			break
		}
	}
	if !city {
		return ""
	}
	return cc
}

// qualifier reads a country or region that places a name (of readings ids) that ends at byte offset end: after
// its comma, within the clause (up to the next punctuation, maxClause words: "Tombouctou, dans le nord du
// Mali", "Poipet, Campuchia"), or in brackets ("Lorca (Murcia)"). It returns the readings that lie there and
// the byte offset where the qualifier's name ends, or nil.
func (r *Resolver) qualifier(c *article, toks []text.Token, end int, ids []int32) ([]int32, int) {
	i := slices.IndexFunc(toks, func(x text.Token) bool { return x.Start >= end })
	if len(ids) == 0 || i < 0 || toks[i].Text != "," && toks[i].Text != "(" {
		return nil, 0
	}
	for x := i + 1; x < len(toks) && x <= i+maxClause; x++ {
		t := toks[x]
		if !t.IsWord() {
			if strings.ContainsAny(t.Text, ",.;:()") {
				break
			}
			continue
		}
		if m, ok := mentionAt(c.ms, t.Start); ok && m.Start == t.Start && m.Actor.Type == dyad.TypeCountry && m.Via != "capital" {
			if ci, ok := r.g.countries[m.Actor.Country]; ok {
				if q := r.inArea(ids, []int32{ci}); len(q) > 0 {
					return q, m.End
				}
			}
		}
		if !t.IsCapitalized() {
			continue
		}
		var ks []string
		var ends []int
		// (as many words as the gazetteer's longest name: "Corumbá, em Mato Grosso do Sul" was read as Mato Grosso;
		// a hyphen between two words is read past, as the gazetteer's keys do: "Bayonne (Pyrénées-Atlantiques)")
		for y := x; y < len(toks) && len(ks) < r.g.maxLen; y++ {
			if y > x && glued(toks, y) {
				continue
			}
			if !toks[y].IsWord() {
				break
			}
			ks = append(ks, toks[y].Fold)
			ends = append(ends, toks[y].End)
		}
		for n := len(ks); n >= 1; n-- {
			if q := r.inArea(ids, r.g.names[strings.Join(ks[:n], " ")]); len(q) > 0 {
				return q, ends[n-1]
			}
		}
	}
	return nil, 0
}

// glued reports whether token x is a hyphen written without a space between two words ("Pyrénées-Atlantiques").
func glued(toks []text.Token, x int) bool {
	return toks[x].Text == "-" && x > 0 && x+1 < len(toks) && toks[x-1].IsWord() && toks[x+1].IsWord() &&
		toks[x-1].End == toks[x].Start && toks[x].End == toks[x+1].Start
}

// inArea returns the places of ids that lie in one of the countries or regions of area.
func (r *Resolver) inArea(ids, area []int32) []int32 {
	var keep []int32
	for _, id := range ids {
		p := r.g.places[id]
		if slices.ContainsFunc(area, func(a int32) bool {
			q := r.g.places[a]
			return q.Precision == Country && q.Country == p.Country || q.Precision == Admin1 && q.ID == p.Admin1
		}) {
			keep = append(keep, id)
		}
	}
	return keep
}

// transliterated reports whether a name in Chinese characters, read from token j, is made of sound
// characters only and has two sound characters right before it (not in an actor mention) or one right after
// it.
func (r *Resolver) transliterated(c *article, toks []text.Token, j int, cd candidate) bool {
	if len(c.lg.sound) == 0 {
		return false
	}
	for _, ch := range c.a.Text[cd.start:cd.end] {
		if !c.lg.sound[text.Fold(string(ch))] {
			return false
		}
	}
	// two before it: one may end a word ("参加罗马", "抵达拉萨")
	// (not a region word that ends the region's name before: "奥迪沙邦巴拉索尔县")
	if j > 1 && toks[j-1].End == cd.start && toks[j-2].End == toks[j-1].Start && c.lg.sound[toks[j-1].Fold] && c.lg.sound[toks[j-2].Fold] && !c.lg.skip[toks[j-1].Fold] {
		if _, covered := mentionAt(c.ms, toks[j-1].Start); !covered {
			return true
		}
	}
	// one before it, right after a city word, which no word ends: "中部城市班巴里附近" (Bambari, not 巴里, Bari)
	if j > 1 && toks[j-1].End == cd.start && toks[j-2].End == toks[j-1].Start && c.lg.sound[toks[j-1].Fold] && !c.lg.skip[toks[j-1].Fold] && c.lg.afterCityWord(toks, j-1) {
		if _, covered := mentionAt(c.ms, toks[j-1].Start); !covered {
			return true
		}
	}
	k := slices.IndexFunc(toks, func(x text.Token) bool { return x.Start >= cd.end })
	if k < 0 || toks[k].Start != cd.end || !c.lg.sound[toks[k].Fold] {
		return false
	}
	// (not a word that starts with such a character, "登陆", nor a facility named after someone that follows the
	// city: "伊斯坦布尔阿塔图尔克机场")
	if c.lg.phrase(c.lg.plain, toks, k) > 0 {
		return false
	}
	return !c.lg.facilityAfter(toks, k)
}

// maxCompound bounds the characters of a `compound` word.
const maxCompound = 6

// compoundAround reports whether a `compound` word of Chinese characters, written without a space, covers
// the name that starts at token j and ends at byte offset end, and is longer than it ("太平洋岛国": 太平).
func (l *lang) compoundAround(toks []text.Token, j, end int) bool {
	if len(l.compound) == 0 {
		return false
	}
	for s := j; s >= 0 && s > j-maxCompound; s-- {
		if s < j && toks[s].End != toks[s+1].Start {
			break
		}
		var kbuf [64]byte
		key := kbuf[:0]
		for m := s; m < len(toks) && m < s+maxCompound && (m == s || toks[m].Start == toks[m-1].End); m++ {
			if r, _ := utf8.DecodeRuneInString(toks[m].Text); !unicode.Is(unicode.Han, r) {
				break
			}
			key = append(key, toks[m].Fold...)
			if toks[m].End >= end && (s < j || toks[m].End > end) && l.compound[string(key)] {
				return true
			}
		}
	}
	return false
}

// facilityAfter reports whether a facility phrase starts within maxRegion characters written without a
// space from token k on: the name before k is the first word of a facility's name ("伊斯坦布尔阿塔图尔克机场",
// "莫斯科谢列梅捷沃机场").
func (l *lang) facilityAfter(toks []text.Token, k int) bool {
	for m := k; m < len(toks) && m < k+maxRegion && (m == k || toks[m].Start == toks[m-1].End); m++ {
		if r, _ := utf8.DecodeRuneInString(toks[m].Text); !unicode.Is(unicode.Han, r) {
			return false
		}
		if l.phrase(l.facility, toks, m) > 0 {
			return true
		}
	}
	return false
}

// maxClause bounds the words of a qualifying clause after a place's comma.
const maxClause = 12

// clause narrows a place's readings by the clause after its comma, up to the next punctuation: the first
// country or region named in it that some of them lie in ("Palu, on the Indonesian island of Sulawesi",
// "Valencia, the capital of Venezuela's Carabobo state", "Tyr, dans le sud du Liban", "Petrópolis, na região
// serrana do Rio de Janeiro"), or a city's region, else its country ("na região serrana do Rio"), else the
// article's own country when the clause names it by a `home` phrase
// ("Tripoli, in the country's north" in a report on Lebanon).
func (r *Resolver) clause(c *article, toks []text.Token, ids []int32) []int32 {
	if len(ids) < 2 || len(toks) == 0 {
		return ids
	}
	last := toks[0].End
	for x := 0; x < len(toks) && x < maxClause; x++ {
		t := toks[x]
		if !t.IsWord() {
			if strings.ContainsAny(t.Text, ",.;:()") {
				break
			}
			continue
		}
		last = t.End
		if m, ok := mentionAt(c.ms, t.Start); ok && m.Start == t.Start && m.Actor.Type == dyad.TypeCountry {
			if q := r.qualify(ids, "", m.Actor.Country); len(q) < len(ids) {
				return q
			}
		}
		if !t.IsCapitalized() {
			continue
		}
		var ks []string
		for y := x; y < len(toks) && y < x+3 && toks[y].IsWord(); y++ {
			ks = append(ks, toks[y].Fold)
		}
		if q := r.qualify(ids, strings.Join(ks, " "), ""); len(q) < len(ids) {
			return q
		}
		// (a city: its region, else its country: "Petrópolis, na região serrana do Rio")
		for n := len(ks); n > 0; n-- {
			cs := r.g.names[Key(strings.Join(ks[:n], " "))]
			if len(cs) == 0 || r.g.places[cs[0]].Precision != City {
				continue
			}
			city := r.g.places[cs[0]]
			for _, same := range []func(Place) bool{func(p Place) bool { return p.Admin1 == city.Admin1 }, func(p Place) bool { return p.Country == city.Country }} {
				if q := slices.DeleteFunc(slices.Clone(ids), func(id int32) bool { return id == cs[0] || !same(r.g.places[id]) }); len(q) > 0 && len(q) < len(ids) {
					return q
				}
			}
			break
		}
	}
	if c.main != "" {
		cl := " " + text.Fold(c.a.Text[toks[0].Start:last]) + " "
		for _, h := range c.lg.home {
			if strings.Contains(cl, " "+h+" ") {
				return r.qualify(ids, "", c.main)
			}
		}
	}
	return ids
}

// cityAfter reads a city (one that in says lies in the country or region before it) that starts right after
// byte offset end, past skip words and words of the class city ("首都", "thủ đô", "南部", "城市"): a city
// whatever its size (chained), since the words before it say it is one.
func (r *Resolver) cityAfter(c *article, toks []text.Token, end int, in func(Place) bool) (candidate, bool) {
	k := slices.IndexFunc(toks, func(x text.Token) bool { return x.Start >= end })
	skipped := false
	for n := 0; k >= 0 && k < len(toks) && n < 4; n++ {
		t := toks[k]
		if c.lg.skip[t.Fold] {
			k++
			continue
		}
		if w := c.lg.cityWords(toks, k); w > 0 {
			k += w // "首都" is two tokens
			continue
		}
		// (a capital the actor stage reads as its government is the city here: "中国首都北京")
		if m, covered := mentionAt(c.ms, t.Start); covered && (m.Via != "capital" || m.Start != t.Start) || !t.IsWord() {
			return candidate{}, false
		}
		keep := func(cd candidate) candidate {
			cd.places = slices.DeleteFunc(slices.Clone(cd.places), func(id int32) bool {
				p := r.g.places[id]
				return p.Precision != City || !in(p)
			})
			return cd
		}
		cd, ok := r.at(c, toks, k)
		if ok {
			cd = keep(cd)
			// a shorter name when the longest is only another country's ("伯明翰市" is only Birmingham,
			// England's; "美国亚拉巴马州伯明翰市" is Alabama's, 伯明翰)
			for e := slices.IndexFunc(toks, func(x text.Token) bool { return x.End >= cd.end }); len(cd.places) == 0 && e > k+1; e-- {
				if short, ok := r.at(c, toks[:e], k); ok {
					cd = keep(short)
				}
			}
		}
		// a city's name before a region word names the region ("法国巴黎大区楠泰尔": the Paris region), and its
		// city comes after it
		if e := slices.IndexFunc(toks, func(x text.Token) bool { return x.Start >= cd.end }); ok && len(cd.places) > 0 && !skipped &&
			e > k && toks[e].Start == cd.end && c.lg.words(c.lg.skip, toks, e) > 0 {
			if r, _ := utf8.DecodeRuneInString(toks[e].Text); unicode.Is(unicode.Han, r) {
				skipped = true
				k = e + c.lg.words(c.lg.skip, toks, e)
				continue
			}
		}
		if !ok || len(cd.places) == 0 {
			// a region the gazetteer does not name that way, written with its region word, between a country
			// and its city: "加拿大安大略省伦敦市" (安大略 is also Ontario, California), "巴西南里奥格兰德州首府"
			if e := c.lg.regionEnd(toks, k); e > k && !skipped {
				skipped = true
				k = e + 1
				continue
			}
			return candidate{}, false
		}
		cd.chained = true
		return cd, true
	}
	return candidate{}, false
}

// maxRegion bounds the characters of a Chinese region's name read past before its region word.
const maxRegion = 8

// regionEnd returns the token of a region word (a `skip` word: 省, 州) that ends a name of Chinese characters
// starting at token k, no actor's, or -1.
func (l *lang) regionEnd(toks []text.Token, k int) int {
	for e := k + 1; e < len(toks) && e <= k+maxRegion; e++ {
		t := toks[e]
		if r, _ := utf8.DecodeRuneInString(t.Text); !unicode.Is(unicode.Han, r) || toks[e-1].End != t.Start {
			return -1
		}
		if n := l.words(l.skip, toks, e); n > 0 {
			return e + n - 1 // (大区 is two characters)
		}
	}
	return -1
}

// qualify keeps the places that lie in the region or country a qualifier names (its first words, folded),
// or all of them when it names none of theirs.
func (r *Resolver) qualify(ids []int32, words, country string) []int32 {
	var keep []int32
	for _, id := range ids {
		p := r.g.places[id]
		if country != "" && p.Country == country {
			keep = append(keep, id)
			continue
		}
		if words == "" || p.Admin1 == "" {
			continue
		}
		// (past region words before the name: "Odessa, штат Техас", "Santa Maria, state of Rio Grande do Sul")
		fields := strings.Fields(words)
		for len(fields) > 1 && r.generic[fields[0]] {
			fields = fields[1:]
		}
		for n := len(fields); n >= 1; n-- {
			k := strings.Join(fields[:n], " ")
			// (or a country's name, an area of one country among them: "Lugo, nel Ravennate")
			if slices.ContainsFunc(r.g.names[k], func(q int32) bool {
				pq := r.g.places[q]
				return pq.ID == p.Admin1 || pq.Precision == Country && pq.Country == p.Country
			}) {
				keep = append(keep, id)
				break
			}
		}
	}
	if len(keep) == 0 {
		return ids
	}
	return keep
}

// ownLanguage is what a place's own name earns it in the language of its country: more than the population
// of a city a hundred times bigger abroad.
const ownLanguage = 2.5

// sharedScore is what every city of a shared landmark name (packs/data/geo/shared) starts with in best, in
// place of its size: a city of ten million inhabitants.
const sharedScore = 7

// namedCountry is what a city earns when the sentence names its country: more than a capital's mark and a
// population five times bigger ("Tripoli" with "Lebanon's" is Lebanon's, not Libya's capital).
const namedCountry = 2

// namedRatio bounds how much smaller than the biggest city of its name a city may be and still earn
// namedCountry: a country's name in the sentence is often its people's or its officials' abroad ("Canadian
// troops paraded in London", "US officials said Russian missiles hit Odessa"), where the far bigger city
// is meant.
const namedRatio = 6

// exonymRatio is how many times bigger than a place a city must be for the place's own name, when it is the
// city's other name, to earn the place nothing.
const exonymRatio = 5

// evidence is what the text tells of the country a place name is in, for best: the countries of the event's
// actors (alpha-3), the countries the sentence names (alpha-3), the article's main country and the dateline's
// (alpha-3), the countries whose language the text is in (alpha-2), and the country of the city the language
// names first by this name (alpha-2, grammar `prefer`). The zero value knows nothing.
type evidence struct {
	actors, named  []string
	main, dateline string
	own            []string
	prefer         string
}

// best picks one of the places a name may be: a big place, a capital, the place whose own name it is, one in
// the country of the event's actors, of the dateline or of the article (ev). Population weighs most: "Paris"
// is in France unless the text says Texas, whoever is meeting there.
func (r *Resolver) best(ids []int32, key string, ev evidence) int32 {
	// the biggest city of the name whose own name it is not: "Geneva" is Genève's English name, and a small
	// place's own name (Geneva, Illinois) earns that place nothing over a city eight times its size
	var exonym, biggest int
	for _, id := range ids {
		if p := r.g.places[id]; p.Precision == City && r.g.primary[id] != key {
			exonym = max(exonym, p.Population)
		}
		if p := r.g.places[id]; p.Precision == City {
			biggest = max(biggest, p.Population)
		}
	}
	// a landmark name several capitals share ("Palacio Nacional"): the sentence's country, not the size
	shared := r.shared[key]
	bestID, bestScore := ids[0], math.Inf(-1)
	for _, id := range ids {
		p := r.g.places[id]
		var s float64
		switch {
		case p.Precision == City && shared:
			s = sharedScore
		case p.Precision == City:
			s = math.Log10(float64(p.Population) + 10)
		case p.Precision == Admin1:
			s = 5.5
		case p.Precision == Country:
			s = 7
		}
		switch {
		case r.g.primary[id] == key && slices.Contains(ev.own, p.Country2), p.Country2 == ev.prefer && p.Precision == City:
			// the own name of a place in a country whose language the text is in: "Thái Nguyên" in Vietnamese
			// is the Vietnamese city, whatever bigger city abroad the language names so too (Taiyuan); and the
			// place the language names first ("Bergen" in Dutch is Mons)
			s += ownLanguage
		case r.g.primary[id] == key && p.Population*exonymRatio >= exonym:
			s += 0.5
		}
		if p.Capital {
			s++
		}
		switch {
		case slices.Contains(ev.named, p.Country) && (shared || p.Population*exonymRatio >= exonym && p.Population*namedRatio >= biggest):
			// a country the sentence names ("Lebanon's state news agency", "el Gobierno de España"): its
			// city of the name, unless the name is another's of a city far bigger ("Odessa" in a report that
			// names the United States is Odesa)
			s += namedCountry
		case slices.Contains(ev.actors, p.Country):
			s++
		}
		if p.Country == ev.dateline {
			s += 0.5
		}
		if p.Country == ev.main {
			s += 0.5
		}
		if s > bestScore {
			bestID, bestScore = id, s
		}
	}
	// a region named after its seat ("Geneva", "Murcia"): the city
	if b := r.g.places[bestID]; b.Precision == Admin1 {
		for _, id := range ids {
			if p := r.g.places[id]; p.Precision == City && p.Admin1 == b.ID {
				bestID = id
				break
			}
		}
	}
	// a name that is another's own, nearby, names it: "New Delhi" within Delhi
	if b := r.g.places[bestID]; r.g.primary[bestID] != key {
		for _, id := range ids {
			if r.g.primary[id] == key && dist(r.g.places[id], b) < 50 {
				return id
			}
		}
	}
	return bestID
}

func (r *Resolver) location(id int32, written, via string) *dyad.Location {
	p := r.g.places[id]
	return &dyad.Location{Name: written, PlaceID: p.ID, Canonical: p.Name, Country: p.Country, Admin1: p.Admin1,
		Lat: p.Lat, Lon: p.Lon, Precision: p.Precision, Via: via}
}

// byActors is the country an event's actors imply: a visit (042) is in the target's country, hosting (043) in
// the source's, an event between two actors of one country in that country.
func (r *Resolver) byActors(e *dyad.Event) *dyad.Location {
	cc := ""
	switch {
	case e.Code == "042":
		cc = e.Target.Country
	case e.Code == "043":
		cc = e.Source.Country
	case e.Source.Country != "" && e.Source.Country == e.Target.Country:
		cc = e.Source.Country
	}
	i, ok := r.g.countries[cc]
	if cc == "" || !ok {
		return e.Location
	}
	loc := r.location(i, r.g.places[i].Name, ViaActor)
	if e.Location != nil && e.Location.Name != "" {
		loc.Name = e.Location.Name
	}
	return loc
}

// dist is the great-circle distance between two places in km.
func dist(a, b Place) float64 {
	const rad = math.Pi / 180
	la1, la2 := a.Lat*rad, b.Lat*rad
	dla, dlo := la2-la1, (b.Lon-a.Lon)*rad
	h := math.Sin(dla/2)*math.Sin(dla/2) + math.Cos(la1)*math.Cos(la2)*math.Sin(dlo/2)*math.Sin(dlo/2)
	return 2 * 6371 * math.Asin(math.Sqrt(h))
}

// possessiveEnd reports whether fold ends in one of the language's possessive endings ("'s" of "Brazil's").
func (l *lang) possessiveEnd(fold string) bool {
	return slices.ContainsFunc(l.possessive, func(e string) bool { return strings.HasSuffix(fold, e) })
}
