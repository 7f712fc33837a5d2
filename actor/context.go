package actor

import (
	"slices"
	"unicode/utf8"

	"github.com/dyad-events/dyad"
	"github.com/dyad-events/dyad/packs"
)

// How an unnamed group or a bare title got its country: the Via of its mention.
const (
	viaDemonym  = "demonym"  // an adjective: "Kenyan police", "la policía venezolana"
	viaGenitive = "genitive" // a country name before or after it: "Kenya's police", "the police of Kenya"
	viaPlace    = "place"    // "in/at PLACE" in the sentence: "police in Nairobi", "soldiers in Myanmar"
	viaSentence = "sentence" // a place the sentence names without a connector ("Tbilisi police said ...")
	viaDateline = "dateline" // the article's dateline
	viaArticle  = "article"  // the country the article names most
	viaSector   = "sector"   // no evidence: the sector alone, no country
)

// addQuantities reads an @quantity line of an agents file: the words before an unnamed group that count it
// ("thousands of", "des milliers de", "数千名"), which belong to the group's mention.
func (d *Dictionary) addQuantities(lang string, l packs.Line) []error {
	var errs []error
	if d.quant[lang] == nil {
		d.quant[lang] = map[string]bool{}
	}
	for _, w := range l.Fields[1:] {
		toks := d.tokens(w, false)
		if len(toks) == 0 {
			errs = append(errs, l.Errorf("empty quantifier"))
			continue
		}
		d.quant[lang][quantKey(toks)] = true
		d.quantLen = max(d.quantLen, len(toks))
	}
	return errs
}

// addOwnOnly reads an @own line of an agents file: bodies that are actors only with a country of their own
// ("a state visit", "a press conference", "the two leaders"), never from the context nor alone.
func (d *Dictionary) addOwnOnly(lang string, l packs.Line) []error {
	return d.addForms(d.ownOnly, lang, l)
}

// addForms reads the forms of a line (an agents line, a demonyms @self or @compound line) into the
// per-language set m, keyed by their folded tokens.
func (d *Dictionary) addForms(m map[string]map[string]bool, lang string, l packs.Line) []error {
	var errs []error
	if m[lang] == nil {
		m[lang] = map[string]bool{}
	}
	for _, w := range l.Fields[1:] {
		toks := d.tokens(w, false)
		if len(toks) == 0 {
			errs = append(errs, l.Errorf("empty form"))
			continue
		}
		m[lang][quantKey(toks)] = true
	}
	return errs
}

// ownOnly reports whether the title in tokens [start, end), or its end, is a body of an @own line.
func (r *resolver) ownOnly(start, end int) bool {
	return r.formIn(r.d.ownOnly, start, end)
}

// formIn reports whether the title in tokens [start, end), or its end, is a form of the article language's
// set in m.
func (r *resolver) formIn(mm map[string]map[string]bool, start, end int) bool {
	m := mm[r.lang]
	if len(m) == 0 {
		return false
	}
	for i := start; i < end; i++ {
		if m[quantKey(r.toks[i:end])] {
			return true
		}
	}
	return false
}

// quantKey joins the folded tokens of a quantifier, punctuation and elided articles included.
func quantKey(toks []tok) string {
	n := 0
	for _, t := range toks {
		n += len(t.fold) + 1
	}
	b := make([]byte, 0, n)
	for k, t := range toks {
		if k > 0 {
			b = append(b, ' ')
		}
		b = append(b, t.fold...)
	}
	return string(b)
}

// quantStart returns where the words that count a group starting at token start begin, or start: "thousands
// of farmers", "Tausende Demonstranten", "280 Demonstranten", "数千名农民". A counted crowd of an @own body
// ("thousands of people") is an unnamed group like "protesters". The mention stays the noun: verb patterns
// name the quantifiers they need ("killed hundreds of T").
func (r *resolver) quantStart(start int) int {
	q := r.d.quant[r.lang]
	if !r.useLang {
		q = nil
	}
	// numbers and quantifier phrases, one after another back from the group: "280 protesters", "tens of
	// thousands of protesters", "mehr als hundert Demonstranten", "some 5,000 protesters"
	best := start
	for best > 0 {
		p := best
		if isNumber(r.toks[p-1].fold) {
			p--
		} else {
			for n := min(r.d.quantLen, p); n > 0; n-- {
				if q[quantKey(r.toks[p-n:p])] && (!r.covered(p-n) || r.countsAt(p-n)) {
					p -= n
					break
				}
			}
		}
		if p == best {
			break
		}
		best = p
	}
	return best
}

// countsNext reports whether the group phrase in tokens [start, end) is the beginning of a quantifier that
// goes on after it and counts a later group ("tens of thousands" in "tens of thousands of people"): the
// crowd is then the later group, counted by the whole phrase, not the phrase alone.
func (r *resolver) countsNext(start, end int) bool {
	q := r.d.quant[r.lang]
	if !r.useLang || len(q) == 0 {
		return false
	}
	for n := end + 1; n-start <= r.d.quantLen && n < len(r.toks); n++ {
		if q[quantKey(r.toks[start:n])] {
			return true
		}
	}
	return false
}

// countsAt reports whether the dictionary phrase covering token q counts a later group (countsNext).
func (r *resolver) countsAt(q int) bool {
	k := r.itemAt(q)
	return k >= 0 && r.countsNext(r.items[k].i, r.items[k].j)
}

// isNumber reports whether a folded token is written in digits ("280", "5,000", "10.000").
func isNumber(s string) bool {
	if s == "" || s[0] < '0' || s[0] > '9' {
		return false
	}
	for i := 0; i < len(s); i++ {
		if c := s[i]; (c < '0' || c > '9') && c != ',' && c != '.' && c != ' ' {
			return false
		}
	}
	return true
}

// contextCountry returns the country of an unnamed group or a bare title in tokens [start, end) from the
// nearest evidence around it, with how it was found: a place after "in/at" in the sentence, another
// place the sentence names, the dateline, the country the article names most; -1 and viaSector without any.
// With places false the sentence's places are not searched: a place after a title is where its holder is,
// often abroad ("su embajadora en Madrid"). With seat true a place written right after the body is its seat
// (sentencePlace).
func (r *resolver) contextCountry(start, end int, places, seat bool) (int32, string) {
	if places {
		if c, via := r.sentencePlace(start, end, seat); c >= 0 {
			return c, via
		}
	}
	if r.dateline >= 0 {
		return r.dateline, viaDateline
	}
	if c := r.mainCountry(); c >= 0 {
		return c, viaArticle
	}
	return -1, viaSector
}

// sentenceBounds returns the tokens of the sentence around [start, end), at most sentenceWindow tokens on
// either side.
func (r *resolver) sentenceBounds(start, end int) (int, int) {
	lo := start
	for lo > 0 && start-lo < sentenceWindow && !isSentenceEnd(r.toks[lo-1].fold) {
		lo--
	}
	hi := end
	for hi < len(r.toks) && hi-end < sentenceWindow && !isSentenceEnd(r.toks[hi].fold) {
		hi++
	}
	return lo, hi
}

// mainCountry returns the country the article names most (country names, demonyms, the countries of
// the people and bodies it names, titles of @country lines; the dateline counts once; not a name after a
// @cause word), or -1 when none is named more than the others.
func (r *resolver) mainCountry() int32 {
	if r.mainDone {
		return r.main
	}
	r.mainDone, r.main = true, -1
	count := map[int32]int{}
	var order []int32
	add := func(c int32) {
		if count[c] == 0 {
			order = append(order, c)
		}
		count[c]++
	}
	if r.dateline >= 0 {
		add(r.dateline)
	}
	for _, it := range r.items {
		if r.isNot(it) {
			continue
		}
		if p := r.prevWord(it.i); p >= 0 && r.conns()(r.toks[p].fold)&connCause != 0 {
			continue // "en solidaridad con Palestina", "contre Israël": a cause, not the story's country
		}
		name, dem, agents := r.class(it)
		switch {
		case name < 0 && dem < 0 && len(agents) > 0:
			// a body that names its own country ("Assembleia da República", "la Farnesina": @country)
			if c, ok := r.impliedCountry(it.i, it.j); ok {
				add(c)
			}
		case name >= 0:
			e := r.d.actors[name]
			if e.Type == dyad.TypeCountry {
				add(name)
			} else if c, ok := r.d.country[e.Country]; ok {
				add(c)
			}
		case dem >= 0:
			add(dem)
		}
	}
	best, second := 0, 0
	for _, c := range order {
		switch n := count[c]; {
		case n > best:
			r.main, best, second = c, n, best
		case n > second:
			second = n
		}
	}
	if best == second {
		r.main = -1 // no main country: "Hamas ... Israel"
	}
	return r.main
}

// sentencePlace returns the country of a place named in the sentence around tokens [start, end), nearest
// first: a place, capital or country after an "in/at" word of the language ("protesters in Tbilisi",
// "la police ... à Dakar", "soldiers in Myanmar") with viaPlace, else a place or capital of actors/places
// or actors/capitals the sentence names otherwise, with viaSentence; -1 when none. With seat true a place
// written right after the body, with no connector, is its seat and is looked up as one after an in/at word
// ("das Oberlandesgericht Koblenz", "de rechtbank Roermond": the sectors of the language's @seat line).
func (r *resolver) sentencePlace(start, end int, seat bool) (int32, string) {
	lo, hi := r.sentenceBounds(start, end)
	var best [2]int32 // [in/at place, other place]
	bestDist := [2]int{1 << 30, 1 << 30}
	best[0], best[1] = -1, -1
	for i := lo; i < hi; i++ {
		if i >= start && i < end || !r.toks[i].word || !r.toks[i].cap || r.inOther(i) {
			continue
		}
		kind := 1
		conn := r.conns()
		p := r.prevWord(i)
		// "in tutta Italia", "dans toute la France", "in northern Syria", "im Norden Syriens", "dans le nord de
		// la Syrie": words of an @whole line (the whole, or a part named by a direction), and @of words (articles,
		// "of") around them, between an in/at word and the place
		whole := false
		for k, q := 0, p; k < 6 && q >= 0; k, q = k+1, r.prevWord(q) {
			c := conn(r.toks[q].fold)
			if c&connWhole != 0 {
				whole = true
			} else if c&connOf == 0 || c&connTo != 0 {
				if whole {
					p = q
				}
				break
			}
		}
		if p >= 0 && conn(r.toks[p].fold)&connTo != 0 {
			if q := r.prevWord(p); q >= 0 && conn(r.toks[q].fold)&connDest != 0 {
				continue // "la missione diretta a Gaza": where they go, not where they are
			}
			kind = 0 // "in Kenya": a country named as a place ("from Ukraine" is not where they are)
		} else if p >= 0 && p == end && conn(r.toks[p].fold)&connOf != 0 {
			kind = 0 // "la procura di Palermo", "the police of Lagos": the body's own city, right after an @of word
		} else if seat && i == end && !r.d.timeWords[r.toks[i].fold] {
			kind = 0 // "das Oberlandesgericht Koblenz", "die Staatsanwaltschaft Köln": the body's seat, right after it
		} else if p >= 0 && conn(r.toks[p].fold)&connCause != 0 {
			continue // "studenti pro Gaza": a cause, not where they are
		}
		found := false
		gn, gc := 0, int32(-1)
		if kind == 0 {
			gn, gc = r.gazetteerPlace(i, hi)
		}
		for n := min(4, hi-i); n > 0; n-- {
			if gc >= 0 && gn > n {
				break // a longer name of the whole gazetteer wins ("Santiago de Cuba")
			}
			k := r.placeKeyOf(i, i+n)
			c, ok := r.d.places[string(k)]
			if !ok && kind == 0 {
				c, ok = r.countryName(k, r.lang)
			}
			if !ok {
				continue
			}
			dist := start - i
			if i >= end {
				dist = i - end
			}
			if dist < bestDist[kind] {
				best[kind], bestDist[kind] = c, dist
			}
			found = true
			break
		}
		if !found && gc >= 0 {
			dist := start - i
			if i >= end {
				dist = i - end
			}
			if dist < bestDist[kind] {
				best[kind], bestDist[kind] = gc, dist
			}
		}
	}
	if best[0] >= 0 {
		return best[0], viaPlace
	}
	if best[1] >= 0 {
		return best[1], viaSentence
	}
	return -1, ""
}

// gazetteerPlace returns the country of the city or region that the gazetteer of SetPlaces knows by the
// name starting at token i, before token hi ("los manifestantes en Juliaca"): read only after an in/at
// word, where a capitalised name is a place. The whole name is looked up (capitalised words and the short
// lower-case words between them: "Santiago de Cuba"), else the place its rest lies in ("la Plaza Italia de
// Santiago"); a part of a name is no place ("San Antonio de los Baños" is not San Antonio). It returns the
// name's length in tokens and the country, -1 when none.
func (r *resolver) gazetteerPlace(i, hi int) (int, int32) {
	if r.d.placeFn == nil {
		return 0, -1
	}
	stop := func(k int) bool {
		return r.conns()(r.toks[k].fold)&connAnd != 0 || r.d.timeWords[r.toks[k].fold] || r.inOther(k)
	}
	ext := 1
	for k := i + 1; k < hi && k-i < 8; {
		if r.hyphenJoins(k) {
			k++ // "Port-au-Prince", "Aix-en-Provence": one name across its hyphens
			continue
		}
		t := r.toks[k]
		if stop(k) || !t.word {
			break
		}
		if t.cap {
			ext = k - i + 1
			k++
			continue
		}
		m := k
		for m < hi && m-k < 3 && (r.hyphenJoins(m) || r.toks[m].word && !r.toks[m].cap && utf8.RuneCountInString(r.toks[m].fold) <= 4 && !stop(m)) {
			m++
		}
		if m == k || m >= hi || !r.toks[m].cap || stop(m) {
			break
		}
		k = m
	}
	if i+ext < hi && r.toks[i+ext].word && r.toks[i+ext].cap {
		return 0, -1 // the name goes on past a mention ("la Plaza Italia"): a part of it is no place
	}
	prefer := r.preferredCountry()
	for k := i; k < i+ext; k++ {
		if k > i && (r.toks[k-1].cap || !r.toks[k].cap || r.toks[k-1].fold == "-") {
			continue // the whole name, then each part after a lower-case word; not a part after a hyphen ("KwaZulu-Natal")
		}
		if c := r.gazetteerCountry(placeKey(r.toks[k:i+ext]), prefer); c >= 0 {
			return ext, c
		}
	}
	return 0, -1
}

// hyphenJoins reports whether token k is a hyphen written tight between two words ("Port-au-Prince"): it
// joins them into one name.
func (r *resolver) hyphenJoins(k int) bool {
	if k < 1 || k+1 >= len(r.toks) || r.toks[k].fold != "-" {
		return false
	}
	p, n := r.toks[k-1], r.toks[k+1]
	return p.word && n.word && p.end == r.toks[k].start && r.toks[k].end == n.start
}

// inOther reports whether token i lies inside a match that names no place: a phrase that names no actor
// ("British Columbia"), a person or a body whose name holds a country's ("Columbia University").
func (r *resolver) inOther(i int) bool {
	k, ok := slices.BinarySearchFunc(r.items, i, func(it item, i int) int {
		switch {
		case it.j <= i:
			return -1
		case it.i > i:
			return 1
		}
		return 0
	})
	if !ok {
		return false
	}
	it := r.items[k]
	if r.isNot(it) {
		return true
	}
	name, _, _ := r.class(it)
	return name >= 0 && r.d.actors[name].Type != dyad.TypeCountry
}

// disambiguate picks, for an item whose name or adjective belongs to several countries ("Congo",
// "congolais"), the country the article names unambiguously elsewhere ("Brazzaville", "Sassou Nguesso",
// "la RDC"); without such evidence the first listed stays (actors/countries order). A body's name that bodies
// of several countries share ("RSF": Sudan's Rapid Support Forces, Reporters sans frontières of no country)
// is likewise the body whose country the article names elsewhere ("sudanesisch", "Darfur"); without such
// evidence the first listed stays.
func (r *resolver) disambiguate(it item, name, demonym int32) (int32, int32) {
	named := r.namedCountries()
	pick := func(cur int32, kind uint8) int32 {
		for _, pi := range it.pats {
			if p := r.d.m.pats[pi]; p.kind == kind && named[p.ref] && (kind == kindDemonym || r.d.actors[p.ref].Type == dyad.TypeCountry) {
				return p.ref
			}
		}
		return cur
	}
	if name >= 0 && r.d.actors[name].Type == dyad.TypeCountry {
		name = pick(name, kindName)
	} else if name >= 0 {
		for _, pi := range it.pats {
			p := r.d.m.pats[pi]
			if p.kind != kindName || p.ref == name || !r.sharedName(name, p.ref) {
				continue
			}
			if c, ok := r.d.country[r.d.actors[p.ref].Country]; ok && named[c] {
				if c0, ok0 := r.d.country[r.d.actors[name].Country]; !ok0 || !named[c0] {
					name = p.ref
				}
				break
			}
		}
	}
	if demonym >= 0 {
		demonym = pick(demonym, kindDemonym)
	}
	return name, demonym
}

// namedCountries returns the countries the article names without ambiguity: by a name or adjective of one
// country, by a person or body of the dictionary, or by a place of actors/places, actors/capitals or
// places/cities.
func (r *resolver) namedCountries() map[int32]bool {
	if r.named != nil {
		return r.named
	}
	r.named = map[int32]bool{}
	r.naming = true
	defer func() { r.naming = false }()
	for _, it := range r.items {
		countries := map[int32]bool{}
		shared := false // a body's name that bodies of several countries share names none of them
		for _, pi := range it.pats {
			p := r.d.m.pats[pi]
			for _, qi := range it.pats {
				if q := r.d.m.pats[qi]; p.kind == kindName && q.kind == kindName && p.ref != q.ref && r.sharedName(p.ref, q.ref) {
					shared = true
				}
			}
			switch {
			case p.kind == kindDemonym:
				countries[p.ref] = true
			case p.kind == kindName && r.d.actors[p.ref].Type == dyad.TypeCountry:
				countries[p.ref] = true
			case p.kind == kindName:
				if c, ok := r.d.country[r.d.actors[p.ref].Country]; ok {
					countries[c] = true
				}
			}
		}
		if len(countries) == 1 && !shared {
			for c := range countries {
				r.named[c] = true
			}
		}
	}
	for i := range r.toks {
		if !r.toks[i].word || !r.toks[i].cap {
			continue
		}
		for n := min(3, len(r.toks)-i); n > 0; n-- {
			if c, ok := r.d.places[string(r.placeKeyOf(i, i+n))]; ok {
				r.named[c] = true
				break
			}
		}
	}
	return r.named
}
