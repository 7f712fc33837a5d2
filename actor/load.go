package actor

import (
	"errors"
	"fmt"
	"slices"
	"strconv"
	"strings"
	"sync"
	"time"
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/language"
	"golang.org/x/text/language/display"

	"github.com/dyad-events/dyad"
	"github.com/dyad-events/dyad/packs"
	"github.com/dyad-events/dyad/text"
)

func init() {
	packs.RegisterChecker("actors", func(s *packs.Set) []error {
		sets := []*packs.Set{s}
		if f, err := s.Files("actors/countries"); err == nil && len(f) == 0 {
			// A user directory checked alone refers to the embedded countries and offices.
			sets = []*packs.Set{packs.Default(), s}
		}
		_, errs := load(sets...)
		return errs
	})
}

// Dictionary is the loaded actor dictionary and its matcher. It is read-only after Load and safe for
// concurrent use.
type Dictionary struct {
	actors []*entry
	// while loading: the slices the entries and their roles are taken from (slab.go)
	entrySlab []entry
	roleSlab  []role
	dRoleSlab []dyad.Role
	byID      map[string]int32
	country   map[string]int32 // alpha-3 -> actor index
	// organs maps a territory that codes as its own (New Caledonia, NCL) to the country whose state organs
	// it holds (FRA): an @organs line of actors/countries
	organs     map[int32]int32
	offices    map[string]office
	holders    map[string][]holder  // office id -> its holders over time
	absent     map[string][]absence // office id -> the spans a country had no such office (actors/absent)
	orgHolders map[int32][]holder   // organisation -> holders of its offices
	places     map[string]int32     // folded place name -> country, for datelines
	capitals   map[string]int32     // folded capital -> country: "Beijing said" is China
	seats      map[string]int32     // folded capital -> the body seated there that it stands for (actors/seats)
	// holdersIn: holders by office and the country of the role, in holders' order (holdersOn's look-up with a
	// country and no organisation, which otherwise reads every holder of the office in the world)
	holdersIn map[officeIn][]holder
	// titleCountry: per language, folded titles that imply their country ("bundespräsident" -> DEU)
	titleCountry map[string]map[string]int32
	// titleAlt: per language, the countries whose dateline makes such a title theirs ("外交部" under 台北)
	titleAlt map[string]map[string][]int32
	// agencyHome: folded names of news agencies (the article's source) and the country whose titles they
	// mean ("central news agency" -> TWN: its 外交部 is Taiwan's wherever it files from)
	agencyHome map[string]int32
	agents     []agent
	m          matcher
	langs      map[string]bool // languages with their own agents or demonyms
	capWords   map[string]bool // folded names that match only when written with a capital
	noCoref    map[string]bool // folded tokens never taken as a later short name
	timeWords  map[string]bool // folded weekday and relative date words ("星期二", "今天", "monday"): no name's words
	nisba      map[string]bool // folded articles that glue a country word into an Arabic name ("al-Sudani")
	given      map[string]bool // folded country names that are given names too ("Jordan", "Francia"): @given
	common     map[string]bool // folded stop words of every language: no one's name
	notPhrases []string        // phrases that name no actor, added to the matcher after the agents
	// streetBefore, streetAfter: folded words of actors/stop's street and named lines, a name right after or
	// right before which names a street, a square, an airport or a race, not an actor (streets.go)
	streetBefore, streetAfter map[string]bool
	// streetLast, namedFirst: the last word of each street phrase and the first of each named phrase, asked
	// first so that the phrases are joined only around such a word.
	streetLast, namedFirst map[string]bool
	notPat                 int32 // a kindNot pattern of no key (streets.go)
	conn                   map[string]map[string]uint8
	elision                map[string]bool
	// marksLang: languages whose agents match with their diacritics (@marks line of agents: Vietnamese, where
	// "công nhận", recognise, folds as "công nhân", workers); markKeys: per pattern, its tokens' text.MarkKey
	marksLang map[string]bool
	markKeys  map[int32][]string
	quant     map[string]map[string]bool // per language, folded quantifiers of crowds ("thousands of")
	// tokBufs keeps RecognizeTokens' []tok buffers (*[]tok) across articles: a new one each article was 3%
	// of what an ingest allocated.
	tokBufs      sync.Pool
	quantLen     int                        // the most tokens of a quantifier
	ownOnly      map[string]map[string]bool // per language, folded bodies that are actors only with a country of their own
	local        map[string]map[string]bool // per language, folded titles of a city's or region's office (@local)
	stance       map[string]map[string]bool // per language, folded nouns of what a government says or does (@stance)
	dative       map[string]map[string]bool // per language, folded verbs and nouns whose indirect object a capital after a place word is (@dative)
	caseArt      map[string]map[string]bool // per language, articles that put a country's name in the dative or genitive (@case: "der", "dem")
	genEnd       map[string]map[string]bool // per language, endings of a capital's genitive that stands before its noun (@genitive: "s")
	seat         map[string]map[string]bool // per language, the sectors whose body takes a place written right after it as its seat (@seat: "jud", "cop")
	weak         map[string]map[string]bool // per language, folded names that are common words too ("Anh"): @weak
	short        map[string]map[string]bool // per language, folded short forms of countries used in compounds ("中", "Trung")
	compoundNext map[string]map[string]bool // per language, words that may follow a glued compound ("关系")
	self         map[string]map[string]bool // per language, first-person country words ("我國") that name the dateline's country
	glued        map[string]map[string]int  // per language, words glued to a short form ("访华") -> the short form's token
	spell        map[string][]spellRule     // per language, rules rewriting its transliteration into English (spelling.go)
	spellIdx     map[string]int32           // spelling key -> person, -1 when people of two countries share it
	spellPat     map[int32]int32            // person -> the pattern a spelled name of theirs matches as
	particle     map[string]bool            // folded words that may stand inside a name ("al", "bin", "van"): @particle
	now          func() time.Time
	// placeFn, when set (SetPlaces), knows more places than places/cities: the gazetteer of the geo stage
	placeFn func(key, prefer string) (string, bool)

	// While loading: the layer being read, and the first pattern each key got. A later layer (the
	// third-party dictionaries, a user's directory) adds no pattern for a key an earlier layer has: ours win.
	layer int
	owner map[string]keyOwner
}

// keyOwner is the first pattern a matcher key got, and the layer it came from.
type keyOwner struct {
	layer int
	ref   int32
	kind  uint8
	lang  string
}

type entry struct {
	dyad.Actor
	roles  []role
	search []string // folded names and aliases, generated ones included
	toks   []string // folded name tokens usable as a later short name
	file   string
	a2     string // a country's ISO alpha-2 code
	layer  int    // the layer of the line that made the entry
}

type role struct {
	org      int32  // the organisation the office belongs to, or -1
	host     string // the country an ambassador is accredited to
	office   string
	country  string
	sector   string
	code     string
	from, to int // yyyymmdd, inclusive
	layer    int // the layer of the role line
}

type office struct {
	id, sector, title string
}

type holder struct {
	actor int32
	role  int32
}

// officeIn keys Dictionary.holdersIn: an office id and a role's country (alpha-3).
type officeIn struct{ office, country string }

type agent struct {
	sector, office, lang, title string
	person                      bool // a title of one person, which a name may follow ("minister X"); not a body
}

// connector kinds, from the @of, @to and @and lines of the agents files.
const (
	connOf uint8 = 1 << iota
	connTo
	connAnd
	connPlace  // "in", "à", "tại": a capital after it is a place, not its government
	connCause  // "pro", "anti": a place after it is a cause, not where the group is ("studenti pro Gaza")
	connWhole  // "tutta", "toda", "toute": may stand between an in/at word and its place ("in tutta Italia")
	connDest   // "diretta", "rumbo": an in/at word after it names where one goes, not where one is ("diretta a Gaza")
	connFormer // "former", "ex", "ancien", "cựu", "前": a title after it is one its holder no longer holds
)

// Load reads the actor dictionaries (packs/data/actors), every language's agents and demonyms, and the
// country names of golang.org/x/text/language/display, and compiles the matcher. The error joins every
// problem found, each naming its file and line.
func Load(p *packs.Set) (*Dictionary, error) {
	d, errs := load(p)
	if len(errs) > 0 {
		return nil, errors.Join(errs...)
	}
	return d, nil
}

func load(sets ...*packs.Set) (*Dictionary, []error) {
	d := &Dictionary{
		byID:         map[string]int32{},
		country:      map[string]int32{},
		offices:      map[string]office{},
		holders:      map[string][]holder{},
		absent:       map[string][]absence{},
		orgHolders:   map[int32][]holder{},
		places:       map[string]int32{},
		capitals:     map[string]int32{},
		seats:        map[string]int32{},
		titleCountry: map[string]map[string]int32{},
		titleAlt:     map[string]map[string][]int32{},
		agencyHome:   map[string]int32{},
		langs:        map[string]bool{},
		capWords:     map[string]bool{},
		noCoref:      map[string]bool{},
		nisba:        map[string]bool{},
		given:        map[string]bool{},
		streetBefore: map[string]bool{},
		streetAfter:  map[string]bool{},
		streetLast:   map[string]bool{},
		namedFirst:   map[string]bool{},
		common:       map[string]bool{},
		timeWords:    map[string]bool{},
		conn:         map[string]map[string]uint8{},
		elision:      map[string]bool{},
		marksLang:    map[string]bool{},
		markKeys:     map[int32][]string{},
		quant:        map[string]map[string]bool{},
		ownOnly:      map[string]map[string]bool{},
		local:        map[string]map[string]bool{},
		stance:       map[string]map[string]bool{},
		dative:       map[string]map[string]bool{},
		caseArt:      map[string]map[string]bool{},
		genEnd:       map[string]map[string]bool{},
		seat:         map[string]map[string]bool{},
		short:        map[string]map[string]bool{},
		weak:         map[string]map[string]bool{},
		compoundNext: map[string]map[string]bool{},
		self:         map[string]map[string]bool{},
		glued:        map[string]map[string]int{},
		spell:        map[string][]spellRule{},
		particle:     map[string]bool{},
		now:          time.Now,
	}
	d.owner = map[string]keyOwner{}
	var errs []error
	files := func(pattern string) []packs.File {
		var out []packs.File
		for si, s := range sets {
			f, err := s.Glob(pattern)
			if err != nil {
				errs = append(errs, fmt.Errorf("actors: %s: %w", pattern, err))
			}
			for _, x := range f {
				x.Layer += 100 * si // the sets are read one after the other
				out = append(out, x)
			}
		}
		// Layer by layer, each in path order: ours are read before a later layer's, whatever the names.
		slices.SortStableFunc(out, func(a, b packs.File) int { return a.Layer - b.Layer })
		return out
	}
	// about one key per 64 bytes of actor data (85 in the shipped layers), and 50,000 more for the generated
	// country names, agents, demonyms and places; the slices are trimmed to what was filled once loaded
	size := 0
	for _, f := range files("actors/*") {
		size += len(f.Data)
	}
	d.m = newMatcher(60000 + size/64)
	for _, f := range files("actors/offices") {
		errs = append(errs, d.loadOffices(f)...)
	}
	for _, f := range files("actors/stop") {
		errs = append(errs, d.loadStop(f)...)
	}
	for _, f := range files("*/dates") {
		d.loadTimeWords(f)
	}
	for _, f := range files("*/spelling") {
		errs = append(errs, d.loadSpelling(f)...)
	}
	// Connector and elision lines first: names are tokenised with the elision set.
	agentFiles := files("*/agents")
	for _, f := range agentFiles {
		errs = append(errs, d.loadAgents(f, true)...)
	}
	// Phrases that name no actor, once names tokenise: they own their keys before any layer's names.
	for _, ph := range d.notPhrases {
		d.addPattern(ph, pattern{kind: kindNot, ref: -1})
	}
	// a pattern of no key that a street's name takes in place of its own (streets.go)
	d.notPat = int32(len(d.m.pats))
	d.m.pats = append(d.m.pats, pattern{kind: kindNot, ref: -1})
	for _, f := range files("actors/countries") {
		d.layer = f.Layer
		errs = append(errs, d.loadCountries(f)...)
	}
	d.layer = 0
	// a territory that CAMEO codes as another listed country ("GLP | GP | FRA | Guadeloupe") is that
	// country's: its name and the crowds and bodies placed in it code as France
	for a3, i := range d.country {
		if e := d.actors[i]; e.Code != a3 {
			if j, ok := d.country[e.Code]; ok && j != i {
				e.Country = e.Code
			}
		}
	}
	var packLangs []string
	for _, set := range sets {
		packLangs = append(packLangs, set.Langs()...)
	}
	d.addCLDRNames(packLangs)
	// The rest layer by layer: a later layer's names are screened against everything an earlier one has.
	byLayer := map[int][]packs.File{}
	var layers []int
	add := func(fs []packs.File) {
		for _, f := range fs {
			if _, ok := byLayer[f.Layer]; !ok {
				layers = append(layers, f.Layer)
			}
			byLayer[f.Layer] = append(byLayer[f.Layer], f)
		}
	}
	add(files("actors/*"))
	add(files("places/cities"))
	add(agentFiles)
	add(files("*/demonyms"))
	slices.Sort(layers)
	for _, layer := range layers {
		d.layer = layer
		for _, f := range byLayer[layer] {
			switch {
			case f.Path == "actors/countries", f.Path == "actors/offices", f.Path == "actors/stop", f.Path == "actors/codes":
			case f.Path == "actors/absent":
				errs = append(errs, d.loadAbsent(f)...)
			case f.Path == "actors/seats": // after the layer's actors: it names their ids
			case f.Path == "actors/places", f.Path == "places/cities":
				errs = append(errs, d.loadPlaces(f, d.places)...)
			case f.Path == "actors/capitals":
				errs = append(errs, d.loadPlaces(f, d.capitals)...)
				errs = append(errs, d.loadPlaces(f, d.places)...)
			case strings.HasPrefix(f.Path, "actors/"):
				errs = append(errs, d.loadActors(f)...)
			}
		}
		for _, f := range byLayer[layer] {
			if f.Path == "actors/seats" {
				errs = append(errs, d.loadSeats(f)...)
			}
		}
		for _, f := range byLayer[layer] {
			if strings.HasSuffix(f.Path, "/agents") {
				errs = append(errs, d.loadAgents(f, false)...)
			}
		}
		for _, f := range byLayer[layer] {
			if strings.HasSuffix(f.Path, "/demonyms") {
				errs = append(errs, d.loadDemonyms(f)...)
			}
		}
	}
	d.layer = 0
	for id, hs := range d.holders {
		slices.SortFunc(hs, func(a, b holder) int {
			return d.actors[a.actor].roles[a.role].from - d.actors[b.actor].roles[b.role].from
		})
		d.holders[id] = hs
	}
	d.holdersIn = map[officeIn][]holder{}
	for id, hs := range d.holders {
		for _, h := range hs {
			k := officeIn{id, d.actors[h.actor].roles[h.role].country}
			d.holdersIn[k] = append(d.holdersIn[k], h)
		}
	}
	risk := loadRiskWords(files("*/stopwords"), files("extract/agencies"))
	d.guardNames(risk)
	for w := range risk.common {
		d.common[w] = true
	}
	d.elites()
	d.indexSpellings()
	d.owner = nil
	d.m.trim()
	d.m.compact()
	d.compactEntries()
	d.entrySlab, d.roleSlab, d.dRoleSlab = nil, nil, nil
	return d, errs
}

// elites gives a person with dated roles the code CAMEO gives outside them: their country's elites (ELI),
// before and after every role ("Obama" in 2018 is USAELI). A role still covers its own dates.
func (d *Dictionary) elites() {
	for _, e := range d.actors {
		if e.Type != dyad.TypePerson || len(e.roles) == 0 || e.Country == "" {
			continue
		}
		e.Sector = "ELI"
		e.Code = d.countryCode(e.Country) + "ELI"
	}
}

func langOf(f packs.File) string {
	l, _, _ := strings.Cut(f.Path, "/")
	return l
}

func (d *Dictionary) loadOffices(f packs.File) []error {
	var errs []error
	for l := range f.Lines() {
		if len(l.Fields) != 3 {
			errs = append(errs, l.Errorf("want 3 fields (office | sector | title), have %d", len(l.Fields)))
			continue
		}
		id, sector, title := l.Fields[0], l.Fields[1], l.Fields[2]
		if !isSlug(id) {
			errs = append(errs, l.Errorf("office id %q: want lower-case letters, digits and '-'", id))
			continue
		}
		if !isSector(sector) {
			errs = append(errs, l.Errorf("sector %q: want a CAMEO agent code such as GOV", sector))
			continue
		}
		d.offices[id] = office{id: id, sector: sector, title: title}
	}
	return errs
}

// loadTimeWords reads the weekday and relative words of a dates file (the coder reads the file and reports
// its errors): a run of words taken as the name after a title stops at one ("总统星期二", "大使熊波周一").
func (d *Dictionary) loadTimeWords(f packs.File) {
	for l := range f.Lines() {
		if len(l.Fields) < 2 || l.Fields[0] != "weekday" && l.Fields[0] != "relative" {
			continue
		}
		for _, w := range l.Fields[1:] {
			if w != "" && !strings.ContainsAny(w, " {") {
				d.timeWords[text.Fold(w)] = true
			}
		}
	}
}

func (d *Dictionary) loadStop(f packs.File) []error {
	var errs []error
	for l := range f.Lines() {
		if len(l.Fields) < 2 {
			errs = append(errs, l.Errorf("want a kind (cap or coref) and at least one word"))
			continue
		}
		var m map[string]bool
		switch l.Fields[0] {
		case "not":
			for _, w := range l.Fields[1:] {
				if w == "" {
					errs = append(errs, l.Errorf("empty phrase"))
					continue
				}
				d.notPhrases = append(d.notPhrases, w)
			}
			continue
		case "cap":
			m = d.capWords
		case "coref":
			m = d.noCoref
		case "nisba":
			m = d.nisba
		case "given":
			m = d.given
		case "particle":
			m = d.particle
		case "street", "named":
			m := d.streetBefore
			if l.Fields[0] == "named" {
				m = d.streetAfter
			}
			for _, w := range l.Fields[1:] {
				k := placeKey(d.tokens(w, false))
				if k == "" || strings.Count(k, " ") >= maxStreetWords {
					errs = append(errs, l.Errorf("%s word %q: want one to %d words", l.Fields[0], w, maxStreetWords))
					continue
				}
				m[k] = true
				if l.Fields[0] == "named" {
					d.namedFirst[strings.SplitN(k, " ", 2)[0]] = true
				} else {
					d.streetLast[k[strings.LastIndexByte(k, ' ')+1:]] = true
				}
			}
			continue
		default:
			errs = append(errs, l.Errorf("unknown kind %q: want cap, coref, nisba, given, particle, street, named or not", l.Fields[0]))
			continue
		}
		for _, w := range l.Fields[1:] {
			if w == "" {
				errs = append(errs, l.Errorf("empty word"))
				continue
			}
			m[text.Fold(w)] = true
		}
	}
	return errs
}

// loadAgents reads an agents file: in the first pass its connector and elision lines, in the second its
// title lines (which need the offices).
func (d *Dictionary) loadAgents(f packs.File, first bool) []error {
	lang := langOf(f)
	var errs []error
	for l := range f.Lines() {
		if len(l.Fields) < 2 {
			if !first {
				errs = append(errs, l.Errorf("want SECTOR | office | form ..., or @of/@to/@and/@elision | word ..."))
			}
			continue
		}
		head := l.Fields[0]
		if head == "@agency" {
			// a news agency whose reports mean its country by a title that a dateline of that country takes over
			if first {
				continue
			}
			c, ok := d.country[l.Fields[1]]
			if !ok || len(l.Fields) < 3 {
				errs = append(errs, l.Errorf("want @agency | alpha-3 code | agency name ..., have %q", l.Fields[1]))
				continue
			}
			for _, w := range l.Fields[2:] {
				d.agencyHome[text.Fold(w)] = c
			}
			continue
		}
		if head == "@country" {
			// titles and bodies that name their country themselves: "Bundespräsident", "capo dello Stato"
			if first {
				continue
			}
			// "CHN/TWN": China's, but Taiwan's under a Taiwanese dateline (外交部 in a Taipei report)
			codes := strings.Split(l.Fields[1], "/")
			c, ok := d.country[codes[0]]
			var alt []int32
			for _, a := range codes[1:] {
				ac, aok := d.country[a]
				ok = ok && aok
				alt = append(alt, ac)
			}
			if !ok || len(l.Fields) < 3 {
				errs = append(errs, l.Errorf("want @country | alpha-3 code[/code of a dateline that takes over ...] | title ..., have %q", l.Fields[1]))
				continue
			}
			if d.titleCountry[lang] == nil {
				d.titleCountry[lang] = map[string]int32{}
				d.titleAlt[lang] = map[string][]int32{}
			}
			for _, w := range l.Fields[2:] {
				k := placeKey(d.tokens(w, false))
				d.titleCountry[lang][k] = c
				if len(alt) > 0 {
					d.titleAlt[lang][k] = alt
				} else {
					delete(d.titleAlt[lang], k)
				}
			}
			continue
		}
		if strings.HasPrefix(head, "@") {
			if !first {
				continue
			}
			var kind uint8
			switch head {
			case "@of":
				kind = connOf
			case "@to":
				kind = connTo
			case "@and":
				kind = connAnd
			case "@place":
				kind = connPlace
			case "@cause":
				kind = connCause
			case "@whole":
				kind = connWhole
			case "@dest":
				kind = connDest
			case "@former":
				kind = connFormer
			case "@case":
				errs = append(errs, d.addForms(d.caseArt, lang, l)...)
				continue
			case "@genitive":
				errs = append(errs, d.addForms(d.genEnd, lang, l)...)
				continue
			case "@seat":
				errs = append(errs, d.addForms(d.seat, lang, l)...)
				continue
			case "@elision":
				for _, w := range l.Fields[1:] {
					w = text.Fold(w)
					if !strings.HasSuffix(w, "'") || len(w) < 2 {
						errs = append(errs, l.Errorf("elision %q: want a prefix ending in an apostrophe, such as l'", w))
						continue
					}
					d.elision[w] = true
				}
				continue
			case "@quantity":
				errs = append(errs, d.addQuantities(lang, l)...)
				continue
			case "@marks":
				// "@marks | keep": the language's agents match with their diacritics (text.MarkKey)
				if len(l.Fields) != 2 || l.Fields[1] != "keep" {
					errs = append(errs, l.Errorf("want @marks | keep"))
					continue
				}
				d.marksLang[lang] = true
				continue
			case "@own":
				errs = append(errs, d.addOwnOnly(lang, l)...)
				continue
			case "@local":
				errs = append(errs, d.addForms(d.local, lang, l)...)
				continue
			case "@stance":
				errs = append(errs, d.addForms(d.stance, lang, l)...)
				continue
			case "@dative":
				errs = append(errs, d.addForms(d.dative, lang, l)...)
				continue
			default:
				errs = append(errs, l.Errorf("unknown line kind %q: want @of, @to, @and, @place, @cause, @whole, @dest, @former, @case, @genitive, @quantity, @own, @local, @stance, @dative, @marks or @elision", head))
				continue
			}
			if d.conn[lang] == nil {
				d.conn[lang] = map[string]uint8{}
			}
			for _, w := range l.Fields[1:] {
				if w == "" {
					errs = append(errs, l.Errorf("empty connector"))
					continue
				}
				d.conn[lang][text.Fold(w)] |= kind
			}
			continue
		}
		if first {
			continue
		}
		if len(l.Fields) < 3 {
			errs = append(errs, l.Errorf("want SECTOR | office | form ..., have %d fields", len(l.Fields)))
			continue
		}
		sector, off := l.Fields[0], l.Fields[1]
		if !isSector(sector) {
			errs = append(errs, l.Errorf("sector %q: want a CAMEO agent code such as GOV", sector))
			continue
		}
		person := off == "person"
		if person {
			off = ""
		} else if off != "" {
			if _, ok := d.offices[off]; !ok {
				errs = append(errs, l.Errorf("unknown office %q (offices are listed in actors/offices; \"person\" marks a title of one person)", off))
				continue
			}
		}
		d.langs[lang] = true
		ai := int32(len(d.agents))
		d.agents = append(d.agents, agent{sector: sector, office: off, lang: lang, title: l.Fields[2], person: person || off != ""})
		for _, form := range l.Fields[2:] {
			if form == "" {
				errs = append(errs, l.Errorf("empty form"))
				continue
			}
			toks := d.tokens(form, false)
			if d.layer > 0 && len(toks) > 1 && d.hasAgent(toks, lang) {
				continue // "el presidente", "presidente del gobierno": ours read the phrase from its parts
			}
			d.addTokens(form, toks, pattern{kind: kindAgent, ref: ai, lang: lang})
		}
	}
	return errs
}

func (d *Dictionary) loadCountries(f packs.File) []error {
	var errs []error
	for l := range f.Lines() {
		if l.Fields[0] == "@organs" {
			errs = append(errs, d.addOrgans(l)...)
			continue
		}
		if len(l.Fields) < 4 {
			errs = append(errs, l.Errorf("want alpha3 | alpha2 | cameo | name | alias ..., have %d fields", len(l.Fields)))
			continue
		}
		a3, a2, cameo, name := l.Fields[0], l.Fields[1], l.Fields[2], l.Fields[3]
		if !isUpper(a3, 3, 3) || !isUpper(a2, 2, 2) || !isUpper(cameo, 3, 3) {
			errs = append(errs, l.Errorf("codes %q %q %q: want upper-case alpha-3, alpha-2 and CAMEO codes", a3, a2, cameo))
			continue
		}
		if name == "" {
			errs = append(errs, l.Errorf("empty name"))
			continue
		}
		if i, ok := d.country[a3]; ok {
			// A later layer extends a country with aliases.
			d.addNames(i, l.Fields[4:], "alias")
			continue
		}
		i, e := d.addEntry(&entry{Actor: dyad.Actor{ID: a3, Name: name, Type: dyad.TypeCountry, Country: a3, Code: cameo}, file: f.Name})
		d.country[a3] = i
		e.Aliases = nonEmpty(l.Fields[4:])
		d.addNames(i, []string{name}, "name")
		d.addNames(i, e.Aliases, "alias")
		e.a2 = a2
		e.search = append(e.search, text.Fold(a2))
	}
	return errs
}

// addOrgans reads an @organs line of actors/countries, "@organs | NCL | FRA": the state organs placed in the
// territory NCL (its government, forces, police, courts, as the text names them without a country: "le
// gouvernement" under a NOUMÉA dateline, "la police de Nouméa") are FRA's, while the territory's own name
// and its people code NCL. Both countries are listed before the line.
func (d *Dictionary) addOrgans(l packs.Line) []error {
	if len(l.Fields) != 3 {
		return []error{l.Errorf("want @organs | territory | country, have %d fields", len(l.Fields))}
	}
	t, ok1 := d.country[l.Fields[1]]
	c, ok2 := d.country[l.Fields[2]]
	if !ok1 || !ok2 {
		return []error{l.Errorf("@organs %q %q: want two alpha-3 codes listed above", l.Fields[1], l.Fields[2])}
	}
	if d.organs == nil {
		d.organs = map[int32]int32{}
	}
	d.organs[t] = c
	return nil
}

// organCountry returns the country whose state organ (GOV, MIL, COP, JUD, SPY) of the given sector placed in
// country is (an @organs line of actors/countries), else country itself.
func (d *Dictionary) organCountry(country int32, sector string) int32 {
	if c, ok := d.organs[country]; ok {
		switch sector {
		case "GOV", "MIL", "COP", "JUD", "SPY":
			return c
		}
	}
	return country
}

// addCLDRNames adds every country's name in the languages that x/text's display package knows and the packs
// have (and English): a name in a language dyad does not read is no name its articles use, and many are
// other places' names or words of ours ("Columbia", Romansh for Colombia; "Palu", Zarma for Palau; "Poole",
// Swiss German for Poland; "Male", Aghem for Mali).
func (d *Dictionary) addCLDRNames(langs []string) {
	tags := display.Supported.Tags()
	namers := make([]display.Namer, 0, len(tags))
	read := map[string]bool{"en": true}
	for _, l := range langs {
		read[l] = true
	}
	for _, t := range tags {
		// every variant of a language we read: zh-Hant has the Traditional names ("北韓", "帛琉")
		if b, _ := t.Base(); !read[b.String()] {
			continue
		}
		if n := display.Regions(t); n != nil {
			namers = append(namers, n)
		}
	}
	for _, e := range d.actors {
		if e.Type != dyad.TypeCountry {
			continue
		}
		a2 := e.a2
		r, err := language.ParseRegion(a2)
		if err != nil {
			continue
		}
		i := d.byID[e.ID]
		seen := map[string]bool{}
		for _, n := range namers {
			name := n.Name(r)
			if k, _, ok := strings.Cut(name, " ("); ok {
				name = k
			}
			if name == "" || name == a2 {
				continue
			}
			f := text.Fold(name)
			if seen[f] {
				continue
			}
			seen[f] = true
			e.search = append(e.search, f)
			d.addPattern(name, pattern{kind: kindName, ref: i, via: viaName})
		}
	}
}

var actorTypes = map[string]bool{
	dyad.TypeCountry: true, dyad.TypePerson: true, dyad.TypeOrganization: true, dyad.TypeIGO: true, dyad.TypeGroup: true,
}

func (d *Dictionary) loadActors(f packs.File) []error {
	var errs []error
	cur := int32(-1)
	for l := range f.Lines() {
		if l.Fields[0] == "role" {
			if cur < 0 {
				errs = append(errs, l.Errorf("role line before any actor line"))
				continue
			}
			if err := d.addRole(cur, l); err != nil {
				errs = append(errs, err)
			}
			continue
		}
		cur = -1
		if len(l.Fields) < 6 {
			errs = append(errs, l.Errorf("want id | type | country | sector | code | name | alias ..., have %d fields", len(l.Fields)))
			continue
		}
		id, typ, ctry, sector, code, name := l.Fields[0], l.Fields[1], l.Fields[2], l.Fields[3], l.Fields[4], l.Fields[5]
		switch {
		case !isSlug(id):
			errs = append(errs, l.Errorf("id %q: want lower-case letters, digits and '-'", id))
			continue
		case !actorTypes[typ]:
			errs = append(errs, l.Errorf("type %q: want person, organization, igo, group or country", typ))
			continue
		case ctry != "" && !d.isCountry(ctry):
			errs = append(errs, l.Errorf("country %q: not an alpha-3 code of actors/countries", ctry))
			continue
		case sector != "" && !isSector(sector):
			errs = append(errs, l.Errorf("sector %q: want a CAMEO agent code such as GOV", sector))
			continue
		case code != "" && !isUpper(code, 3, 15):
			errs = append(errs, l.Errorf("code %q: want an upper-case CAMEO actor code", code))
			continue
		case name == "":
			errs = append(errs, l.Errorf("empty name"))
			continue
		}
		if code == "" {
			code = d.countryCode(ctry) + sector
		}
		if i, ok := d.byID[id]; ok {
			if d.actors[i].file == f.Name {
				errs = append(errs, l.Errorf("duplicate id %q", id))
				continue
			}
			if o := d.actors[i]; o.Country == ctry && sameKind(o.Type, typ) {
				// A later file extends an entry: more aliases and roles.
				d.addNames(i, l.Fields[5:], "alias")
				cur = i
				continue
			}
			// The same id for another actor (another country): a new entry with an id of its own ("x.2": no
			// file's id, which has no '.' after a '-'-joined name, takes it).
			for k := 2; ok; k++ {
				id = fmt.Sprintf("%s.%d", l.Fields[0], k)
				_, ok = d.byID[id]
			}
		}
		if d.layer > 0 {
			ntoks := make([][]tok, len(l.Fields)-5)
			for k, n := range l.Fields[5:] {
				ntoks[k] = d.tokens(n, false)
			}
			if i := d.earlier(ntoks, typ, ctry, f.Name); i >= 0 {
				// A later layer's entry for one of our actors (same name, type and country) extends it.
				d.addNamesTok(i, l.Fields[5:], ntoks, "alias")
				cur = i
				continue
			}
			cur, _ = d.addEntry(&entry{Actor: dyad.Actor{ID: id, Name: name, Type: typ, Country: ctry, Sector: sector, Code: code,
				Aliases: nonEmpty(l.Fields[6:])}, file: f.Name})
			d.addNamesTok(cur, l.Fields[5:6], ntoks[:1], "name")
			d.addNamesTok(cur, l.Fields[6:], ntoks[1:], "alias")
			continue
		}
		var e *entry
		cur, e = d.addEntry(&entry{Actor: dyad.Actor{ID: id, Name: name, Type: typ, Country: ctry, Sector: sector, Code: code,
			Aliases: nonEmpty(l.Fields[6:])}, file: f.Name})
		d.addNames(cur, []string{name}, "name")
		d.addNames(cur, e.Aliases, "alias")
	}
	return errs
}

// addRole reads `role | office | where | from | to [| sector [| host]]`.
func (d *Dictionary) addRole(i int32, l packs.Line) error {
	if len(l.Fields) < 5 || len(l.Fields) > 7 {
		return l.Errorf("want role | office | country or org | from | to [| sector [| host]], have %d fields", len(l.Fields))
	}
	off, where, from, to := l.Fields[1], l.Fields[2], l.Fields[3], l.Fields[4]
	sector, host := "", ""
	if len(l.Fields) >= 6 {
		sector = l.Fields[5]
	}
	if len(l.Fields) == 7 {
		host = l.Fields[6]
		if !d.isCountry(host) {
			return l.Errorf("host %q: not an alpha-3 code of actors/countries", host)
		}
	}
	if sector != "" && !isSector(sector) {
		return l.Errorf("sector %q: want a CAMEO agent code such as GOV", sector)
	}
	title := ""
	if off != "" {
		o, ok := d.offices[off]
		if !ok {
			return l.Errorf("unknown office %q (offices are listed in actors/offices)", off)
		}
		if sector == "" {
			sector = o.sector
		}
		title = o.title
	} else if sector == "" {
		return l.Errorf("a role without an office needs a sector")
	}
	r := role{office: off, sector: sector, org: -1, host: host}
	org := ""
	switch j, isCountry := d.country[where]; {
	case where == "":
	case isCountry:
		r.country = where
		r.code = d.actors[j].Code + sector
	default:
		if j, ok := d.byID[where]; ok {
			o := d.actors[j]
			r.org = j
			org, r.country = o.Name, o.Country
			if o.Type == dyad.TypeIGO {
				r.code = o.Code
			} else {
				r.code = d.countryCode(o.Country) + sector
			}
		} else if isUpper(where, 3, 15) {
			r.code = where
			if _, ok := d.country[where[:3]]; ok {
				r.country = where[:3]
			}
		} else {
			return l.Errorf("%q: not a country code, an actor id or a CAMEO code", where)
		}
	}
	var err error
	if r.from, err = parseDate(from, false); err != nil {
		return l.Errorf("from: %w", err)
	}
	if r.to, err = parseDate(to, true); err != nil {
		return l.Errorf("to: %w", err)
	}
	if r.from > r.to {
		return l.Errorf("from %s is after to %s", from, to)
	}
	e := d.actors[i]
	r.layer = d.layer
	if d.layer > e.layer {
		// A later layer's role for one of our actors: none for a country; for a person whose roles we
		// list, only a role that ended before ours begin (the career before: CAMEO codes that, not us).
		if e.Type == dyad.TypeCountry {
			return nil
		}
		for _, o := range e.roles {
			if o.layer == e.layer && r.to >= o.from {
				return nil
			}
		}
	}
	e.roles = slabAppend(&d.roleSlab, e.roles, r)
	e.Roles = slabAppend(&d.dRoleSlab, e.Roles, dyad.Role{Title: title, Org: org, Country: r.country, Sector: sector, From: from, To: to})
	h := holder{actor: i, role: int32(len(e.roles) - 1)}
	if off != "" {
		d.holders[off] = append(d.holders[off], h)
	}
	if r.org >= 0 {
		d.orgHolders[r.org] = append(d.orgHolders[r.org], h)
	}
	return nil
}

// loadPlaces reads `alpha3 | place | place ...` into m: the places datelines and sentences name
// (actors/places), or the capitals that stand for their country's government (actors/capitals).
func (d *Dictionary) loadPlaces(f packs.File, m map[string]int32) []error {
	var errs []error
	for l := range f.Lines() {
		if len(l.Fields) < 2 {
			errs = append(errs, l.Errorf("want alpha3 | place ..., have %d fields", len(l.Fields)))
			continue
		}
		i, ok := d.country[l.Fields[0]]
		if !ok {
			errs = append(errs, l.Errorf("country %q: not an alpha-3 code of actors/countries", l.Fields[0]))
			continue
		}
		for _, p := range l.Fields[1:] {
			if p == "" {
				errs = append(errs, l.Errorf("empty place"))
				continue
			}
			m[placeKey(d.tokens(p, false))] = i
		}
	}
	return errs
}

// loadSeats reads `id | capital | capital ...`: a capital of actors/capitals that stands for a body seated
// there rather than its country's government ("Brussels warned Ankara": the EU, as the blind sets code it).
// The capital stays its country's place for datelines and for the bodies placed in it.
func (d *Dictionary) loadSeats(f packs.File) []error {
	var errs []error
	for l := range f.Lines() {
		if len(l.Fields) < 2 {
			errs = append(errs, l.Errorf("want id | capital ..., have %d fields", len(l.Fields)))
			continue
		}
		i, ok := d.byID[l.Fields[0]]
		if !ok {
			errs = append(errs, l.Errorf("actor %q: no such id", l.Fields[0]))
			continue
		}
		for _, p := range l.Fields[1:] {
			key := placeKey(d.tokens(p, false))
			if _, ok := d.capitals[key]; !ok {
				errs = append(errs, l.Errorf("%q: not a capital of actors/capitals", p))
				continue
			}
			d.seats[key] = i
		}
	}
	return errs
}

// knownPlace reports whether key (a placeKey) is a place or a capital of the dictionary, or, with gazetteer,
// a place the gazetteer knows (SetPlaces).
func (d *Dictionary) knownPlace(key string, gazetteer bool) bool {
	if _, ok := d.places[key]; ok {
		return true
	}
	if _, ok := d.capitals[key]; ok {
		return true
	}
	if gazetteer && d.placeFn != nil {
		_, ok := d.placeFn(key, "")
		return ok
	}
	return false
}

// knownPlaceKey is knownPlace for a key in a buffer: the dictionary's maps are asked without a string made of
// it; the gazetteer (a function) gets one.
func (d *Dictionary) knownPlaceKey(key []byte, gazetteer bool) bool {
	if _, ok := d.places[string(key)]; ok {
		return true
	}
	if _, ok := d.capitals[string(key)]; ok {
		return true
	}
	if gazetteer && d.placeFn != nil {
		_, ok := d.placeFn(string(key), "")
		return ok
	}
	return false
}

// placeKey joins the folded word tokens of a place name.
func placeKey(toks []tok) string {
	words, last := 0, 0
	for k := range toks {
		if toks[k].word {
			words, last = words+1, k
		}
	}
	switch words {
	case 0:
		return ""
	case 1:
		return toks[last].fold // no string built for one word
	}
	var b [96]byte // (a longer key grows out of it)
	return string(appendPlaceKey(b[:0], toks))
}

// appendPlaceKey appends placeKey(toks) to b: a look-up with string(b) in a map builds no string.
func appendPlaceKey(b []byte, toks []tok) []byte {
	start := len(b)
	for k := range toks {
		if !toks[k].word {
			continue
		}
		if len(b) > start {
			b = append(b, ' ')
		}
		b = append(b, toks[k].fold...)
	}
	return b
}

func (d *Dictionary) loadDemonyms(f packs.File) []error {
	lang := langOf(f)
	var errs []error
	var inflect []packs.Line
	var named []langName
	lastWord := false
	for l := range f.Lines() {
		if len(l.Fields) >= 2 && l.Fields[0] == "@inflect" {
			inflect = append(inflect, l) // oblique forms of the language's country names: inflect.go
			continue
		}
		if l.Fields[0] == "@inflect-words" {
			// names of several words inflect their last word ("Sri Lankas", "Saudi-Arabiens"): inflect.go
			if len(l.Fields) != 2 || l.Fields[1] != "last" {
				errs = append(errs, l.Errorf("want @inflect-words | last"))
				continue
			}
			lastWord = true
			continue
		}
		if len(l.Fields) >= 2 && l.Fields[0] == "@name" {
			// names of one language: "Großbritannien" (German, not CLDR's), "VN" (Dutch: the UN)
			errs = append(errs, d.addLangNames(lang, l, &named)...)
			continue
		}
		if len(l.Fields) >= 2 && (l.Fields[0] == "@short" || l.Fields[0] == "@compound" || l.Fields[0] == "@weak" || l.Fields[0] == "@glued" || l.Fields[0] == "@self") {
			errs = append(errs, d.addShort(lang, l)...) // compounds of countries: compound.go
			continue
		}
		if len(l.Fields) < 2 {
			errs = append(errs, l.Errorf("want alpha3 | form ..., have %d fields", len(l.Fields)))
			continue
		}
		i, ok := d.country[l.Fields[0]]
		if !ok {
			errs = append(errs, l.Errorf("country %q: not an alpha-3 code of actors/countries", l.Fields[0]))
			continue
		}
		d.langs[lang] = true
		for _, form := range l.Fields[1:] {
			if form == "" {
				errs = append(errs, l.Errorf("empty form"))
				continue
			}
			d.addPattern(form, pattern{kind: kindDemonym, ref: i, lang: lang})
		}
	}
	return append(errs, d.inflectNames(lang, inflect, named, lastWord)...)
}

// langName is a country's name of one language from an @name line, which @inflect lines inflect too.
type langName struct {
	country int32
	name    string
}

// addLangNames reads "@name | id | form ...": names of an actor (a country's alpha-3 code or an actor id)
// in the file's language only. In an article of that language they win over the names of every language
// spelled the same (Dutch "VN" is the UN, not Vietnam); a one-word name of a country is inflected by the
// file's @inflect lines ("Großbritanniens").
func (d *Dictionary) addLangNames(lang string, l packs.Line, named *[]langName) []error {
	id := l.Fields[1]
	i, ok := d.country[id]
	if !ok {
		i, ok = d.byID[id]
	}
	if !ok {
		return []error{l.Errorf("@name %q: not an alpha-3 code of actors/countries nor an actor id", id)}
	}
	d.langs[lang] = true
	var errs []error
	for _, form := range l.Fields[2:] {
		if form == "" {
			errs = append(errs, l.Errorf("empty form"))
			continue
		}
		d.addPattern(form, pattern{kind: kindName, ref: i, via: viaAlias, lang: lang, flags: flagLang})
		d.actors[i].search = append(d.actors[i].search, text.Fold(form))
		if d.actors[i].Type == dyad.TypeCountry {
			*named = append(*named, langName{country: i, name: form})
		}
	}
	return errs
}

// addEntry adds a copy of e, held with the entries added before it (entrySlab at a time), and returns its
// index and the copy.
func (d *Dictionary) addEntry(e *entry) (int32, *entry) {
	if len(d.entrySlab) == cap(d.entrySlab) {
		d.entrySlab = make([]entry, 0, entrySlab)
	}
	d.entrySlab = append(d.entrySlab, *e)
	e = &d.entrySlab[len(d.entrySlab)-1]
	e.layer = d.layer
	i := int32(len(d.actors))
	d.actors = append(d.actors, e)
	d.byID[e.ID] = i
	return i, e
}

// addNames adds names of actor i to the matcher and to its search and short-name tokens.
func (d *Dictionary) addNames(i int32, names []string, via string) {
	d.addNamesTok(i, names, nil, via)
}

// addNamesTok is addNames with the names' tokens made already (nil: made here).
func (d *Dictionary) addNamesTok(i int32, names []string, ntoks [][]tok, via string) {
	e := d.actors[i]
	v := viaName
	if via == "alias" {
		v = viaAlias
	}
	for k, n := range names {
		if n == "" {
			continue
		}
		var toks []tok
		if ntoks != nil {
			toks = ntoks[k]
		} else {
			toks = d.tokens(n, false)
		}
		if d.layer > 0 && d.hasTitle(toks) {
			// "US Secretary of State", "President Obama": our titles resolve these by date; a later
			// layer's name for the whole phrase would fix one holder for ever
			continue
		}
		e.search = append(e.search, text.Fold(n))
		toks = d.addTokens(n, toks, pattern{kind: kindName, ref: i, via: v})
		if e.Type != dyad.TypePerson || v != viaName {
			// Only the main name's words make later short names: aliases in other scripts would make
			// "Bình" of "Tập Cận Bình" (Xi Jinping in Vietnamese) point to the wrong person.
			continue
		}
		for _, t := range toks {
			if t.word && len([]rune(t.fold)) >= 2 && !d.noCoref[t.fold] && !slices.Contains(e.toks, t.fold) {
				e.toks = append(e.toks, t.fold)
			}
		}
	}
}

// hasTitle reports whether a name of several words holds a title of one person of an earlier layer's
// agents ("Secretary of State", "President", "Bundeskanzler").
func (d *Dictionary) hasTitle(toks []tok) bool {
	return d.holdsAgent(toks, "", true)
}

// hasAgent reports whether a form of several words holds an agent form of an earlier layer in lang.
func (d *Dictionary) hasAgent(toks []tok, lang string) bool {
	return d.holdsAgent(toks, lang, false)
}

// holdsAgent reports whether toks hold an earlier layer's agent form: of a person's title (person), or of
// any agent of lang.
func (d *Dictionary) holdsAgent(toks []tok, lang string, person bool) bool {
	if len(toks) < 2 {
		return false
	}
	b := make([]byte, 0, 64) // the key, joined in place: a map look-up with string(b) builds no string
	for i := range toks {
		b = b[:0]
		for j := i; j < len(toks); j++ {
			if j > i {
				b = append(b, ' ')
			}
			b = append(b, toks[j].fold...)
			n, ok := d.m.keys[string(b)]
			if !ok {
				break
			}
			for _, pi := range d.m.nodes[n].pats {
				p := d.m.pats[pi]
				if p.kind == kindAgent && (person && d.agents[p.ref].person || !person && p.lang == lang) {
					if o, ok := d.owner[string(b)]; ok && o.layer < d.layer {
						return true
					}
				}
			}
			if !d.m.nodes[n].more {
				break
			}
		}
	}
	return false
}

// addPattern tokenises a dictionary form and adds it to the matcher with the case rules it implies.
func (d *Dictionary) addPattern(form string, p pattern) []tok {
	return d.addTokens(form, d.tokens(form, false), p)
}

// addTokens is addPattern with the form's tokens already made.
func (d *Dictionary) addTokens(form string, toks []tok, p pattern) []tok {
	if len(toks) == 0 {
		return nil
	}
	letters, upper := 0, true
	for _, r := range form {
		if unicode.IsLetter(r) {
			letters++
			if unicode.IsLower(r) {
				upper = false
			}
		}
	}
	first, _ := utf8.DecodeRuneInString(form)
	capital, hasUpper := unicode.IsUpper(first), false
	for _, r := range form {
		if unicode.IsUpper(r) {
			hasUpper = true
			break
		}
	}
	if upper && hasUpper && letters <= 6 {
		p.flags |= flagUpper // an acronym: "US", "UN", "VN" match only in capitals
	}
	if d.capWords[text.Fold(form)] && !(p.kind == kindDemonym && p.lang != "" && !capital) {
		// (a demonym its language writes in lower case, which matches in that language only, is no common
		// word of another: Spanish "la Guardia Costera china", not "china" the porcelain)
		p.flags |= flagCap
	}
	if (p.kind == kindName || p.kind == kindDemonym) && len(toks) == 1 && capital && !upper {
		// a one-word proper name matches only when written with a capital: "China", not "china" (porcelain),
		// "Trump", not "trump card", Vietnamese "Pháp" (France), not "chấp pháp" (law enforcement); names of
		// several words match in any case
		p.flags |= flagCap
	}
	keys := make([]string, len(toks))
	for k, t := range toks {
		keys[k] = t.fold
	}
	if d.owner != nil {
		key := strings.Join(keys, " ")
		o, owned := d.owner[key]
		if owned && o.layer < d.layer && (p.kind != kindAgent || o.kind != kindAgent || o.lang == p.lang) {
			return nil // an earlier layer has this key: ours win
		}
		if owned && d.layer > 0 && o.layer == d.layer && p.kind == kindName && o.kind == kindName && o.ref != p.ref &&
			d.actors[o.ref].file != d.actors[p.ref].file {
			// In a third-party layer, a name an earlier file gave another actor stays that actor's: Phoenix's
			// "Tamil Tigers" (LKA), not a later file's copy under another country (SWZ).
			return nil
		}
		if d.layer > 0 && p.kind == kindName {
			if _, ok := d.places[placeKey(toks)]; ok {
				return nil // a place of ours ("Yerevan" as a name of Armenia) stays a place
			}
		}
		if !owned {
			d.owner[key] = keyOwner{layer: d.layer, ref: p.ref, kind: p.kind, lang: p.lang}
		}
	}
	if p.kind == kindAgent && d.marksLang[p.lang] {
		p.flags |= flagMarks
	}
	if pi := d.m.add(keys, p); pi >= 0 && d.m.pats[pi].flags&flagMarks != 0 {
		if _, ok := d.markKeys[pi]; !ok {
			mk := make([]string, len(toks))
			for k, t := range toks {
				mk[k] = text.MarkKey(t.raw)
			}
			d.markKeys[pi] = mk
		}
	}
	return toks
}

// earlier returns the actor of an earlier layer (or of another file of this one) that one of names names,
// when exactly one such actor has the type and country given: a later layer's entry for it extends it
// rather than making a second actor.
func (d *Dictionary) earlier(ntoks [][]tok, typ, country, file string) int32 {
	found := int32(-1)
	for _, toks := range ntoks {
		if len(toks) == 0 {
			continue
		}
		keys := make([]string, len(toks))
		for k, t := range toks {
			keys[k] = t.fold
		}
		o, ok := d.owner[strings.Join(keys, " ")]
		if !ok || o.kind != kindName {
			continue
		}
		e := d.actors[o.ref]
		if o.layer > d.layer || e.file == file {
			continue
		}
		if e.Country != country || !sameKind(e.Type, typ) {
			continue
		}
		if found >= 0 && found != o.ref {
			return -1 // two of ours: leave it
		}
		found = o.ref
	}
	return found
}

// sameKind reports whether two actor types may be one actor: persons with persons, countries with
// countries, and organisations, IGOs and groups with each other.
func sameKind(a, b string) bool {
	person := func(t string) int {
		switch t {
		case dyad.TypePerson:
			return 0
		case dyad.TypeCountry:
			return 1
		}
		return 2
	}
	return person(a) == person(b)
}

func (d *Dictionary) isCountry(a3 string) bool {
	_, ok := d.country[a3]
	return ok
}

func (d *Dictionary) countryCode(a3 string) string {
	if i, ok := d.country[a3]; ok {
		return d.actors[i].Code
	}
	return a3
}

// parseDate reads YYYY, YYYY-MM or YYYY-MM-DD as yyyymmdd; an empty date is open (the far past, or the far
// future when end is true). The end of a month or year is its last day.
func parseDate(s string, end bool) (int, error) {
	if s == "" {
		if end {
			return 99991231, nil
		}
		return 0, nil
	}
	parts := strings.Split(s, "-")
	if len(parts) > 3 || len(parts[0]) != 4 {
		return 0, fmt.Errorf("date %q: want YYYY, YYYY-MM or YYYY-MM-DD", s)
	}
	n := [3]int{0, 1, 1}
	if end {
		n = [3]int{0, 12, 31}
	}
	for k, p := range parts {
		v, err := strconv.Atoi(p)
		if err != nil || (k > 0 && len(p) != 2) {
			return 0, fmt.Errorf("date %q: want YYYY, YYYY-MM or YYYY-MM-DD", s)
		}
		n[k] = v
	}
	if n[1] < 1 || n[1] > 12 || n[2] < 1 || n[2] > 31 {
		return 0, fmt.Errorf("date %q: month or day out of range", s)
	}
	return n[0]*10000 + n[1]*100 + n[2], nil
}

func isSlug(s string) bool {
	if s == "" {
		return false
	}
	for _, r := range s {
		if !(r >= 'a' && r <= 'z' || r >= '0' && r <= '9' || r == '-' || r == '.') {
			return false
		}
	}
	return true
}

func isUpper(s string, minLen, maxLen int) bool {
	if len(s) < minLen || len(s) > maxLen {
		return false
	}
	for _, r := range s {
		if r < 'A' || r > 'Z' {
			return false
		}
	}
	return true
}

func isSector(s string) bool { return isUpper(s, 3, 12) && len(s)%3 == 0 }

func nonEmpty(ss []string) []string {
	var out []string
	for _, s := range ss {
		if s != "" {
			out = append(out, s)
		}
	}
	return out
}
