package geo

import (
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/dyad-events/dyad"
	"github.com/dyad-events/dyad/text"
)

// maxFar bounds the distance, in km, between a town and the bigger place a phrase of distance places it from
// ("Bahía Blanca, a unos 600 kilómetros al sur de Buenos Aires" is farther than maxNear).
const maxFar = 700

// maxBearing bounds the tokens of a phrase that places a town from a bigger place ("a farming town about 30
// miles south of", "à une trentaine de kilomètres à l'ouest de").
const maxBearing = 9

// placedBy reads the town that the sentence names before its place best when a phrase of bearing, distance,
// nearness or outskirts comes right before best ("Gilroy, a farming town about 30 miles south of San Jose",
// "Allen, una localidad al norte de Dallas", "Paulista, na Região Metropolitana do Recife", "het stadje
// Paradise in het noorden van Californië", "Копейске, пригороде Челябинска"), or, in Chinese, right after it
// before the town ("圣何塞以南约50公里的吉尔罗伊市"): best only says where the town lies, and the town is the
// place. The town is a city the gazetteer knows, of any size, within maxNear km of best (maxFar with a word
// of distance), or inside best when best is a first-level region; the nearest such name to the phrase wins.
func (r *Resolver) placedBy(c *article, start, end int, best candidate) (candidate, bool) {
	if len(c.lg.bearing) == 0 || slices.ContainsFunc(best.places, func(id int32) bool { return r.g.places[id].Precision == Country }) {
		return candidate{}, false
	}
	toks := c.toks[[2]int{start, end}]
	j := slices.IndexFunc(toks, func(t text.Token) bool { return t.Start == best.start })
	if j < 0 {
		return candidate{}, false
	}
	limit := float64(maxNear)
	in := func(p Place) bool {
		return slices.ContainsFunc(best.places, func(a int32) bool {
			q := r.g.places[a]
			if q.Precision == Admin1 {
				return q.ID == p.Admin1
			}
			return q.Precision == City && q.Country == p.Country && dist(p, q) <= limit
		})
	}
	town := func(m int) (candidate, bool) {
		t := toks[m]
		if t.Start < c.dlEnd || !t.IsWord() {
			return candidate{}, false
		}
		if first, _ := utf8.DecodeRuneInString(t.Text); !t.IsCapitalized() && !unicode.Is(unicode.Han, first) {
			return candidate{}, false
		}
		cd, ok := r.at(c, toks, m)
		if !ok || !r.isCity(cd) {
			// (the gazetteer's longest name there, a name read otherwise: a demonym, "em Paulista", São Paulo's
			// adjective; a landform's, "ao largo da Ilha de Moçambique")
			cd, ok = r.longest(toks, m)
		}
		if !ok || !strings.Contains(cd.key, " ") && c.lg.stop[cd.key] {
			return candidate{end: cd.end}, false
		}
		// (not a person's or an organisation's name: a country or a capital the actor stage reads is a name of a
		// place, and so is a name inside an actor's, "alcalde de Uruapan")
		if mt, ok := mentionAt(c.ms, t.Start); ok && mt.Start == t.Start && mt.Actor.Type != dyad.TypeCountry && mt.Via != "capital" {
			return candidate{end: cd.end}, false
		}
		// (not a route's start or end: "von Addis Abeba nach Nairobi", "van Leiden naar Den Haag", "la ruta
		// Madrid-Ferrol", "la ruta entre Madrid y Ferrol")
		if m > 0 && (c.lg.from[toks[m-1].Fold] || c.lg.betweenEnds(toks, m) || r.bareRoute(c, toks, m, cd.end) || toks[m-1].Text == "-" && toks[m-1].End == t.Start) {
			return candidate{end: cd.end}, false
		}
		// (not a name glued to the next by a hyphen, nor the start of a longer name: "Día de Muertos" is no town;
		// German capitalises its nouns)
		if n := slices.IndexFunc(toks[m:], func(x text.Token) bool { return x.Start >= cd.end }); n > 0 {
			if x := toks[m+n]; x.Text == "-" && x.Start == cd.end || !c.lg.capNoun && x.IsWord() && x.IsCapitalized() {
				return candidate{end: cd.end}, false
			}
		}
		other := func(id int32) bool {
			p := r.g.places[id]
			return p.Precision != City || slices.Contains(best.places, id) || !in(p)
		}
		if !slices.ContainsFunc(cd.places, func(id int32) bool { return !other(id) }) {
			return candidate{end: cd.end}, false
		}
		cd.places = slices.DeleteFunc(slices.Clone(cd.places), other)
		cd.word = -1
		return cd, true
	}
	if first, _ := utf8.DecodeRuneInString(toks[j].Text); unicode.Is(unicode.Han, first) {
		// Chinese names the bigger place first: "圣何塞以南约50公里的吉尔罗伊市", "多特蒙德以北的吕嫩市"
		e := slices.IndexFunc(toks, func(t text.Token) bool { return t.Start >= best.end })
		n, far := c.lg.bearingAfter(toks, e)
		if n == 0 {
			return candidate{}, false
		}
		if far {
			limit = maxFar
		}
		for m := e + n; m < len(toks) && m < e+n+maxBearing; m++ {
			if !toks[m].IsWord() {
				break
			}
			if cd, ok := town(m); ok {
				return cd, true
			}
		}
		return candidate{}, false
	}
	k0, far := c.lg.bearingBefore(toks, j)
	regionWord := r.regionWordBefore(c.lg, toks, j)
	var regions []int32
	if (regionWord || r.regionLike(best)) && slices.ContainsFunc(best.places, func(id int32) bool { return r.g.places[id].Precision == Admin1 }) {
		regions = slices.DeleteFunc(slices.Clone(best.places), func(id int32) bool { return r.g.places[id].Precision != Admin1 })
	}
	if len(regions) == 0 && regionWord {
		// (a region named after its seat, read as the seat: "na província de Nampula")
		for _, id := range best.places {
			if p := r.g.places[id]; p.Precision == City && p.Seat {
				if a, ok := r.g.regions[p.Admin1]; ok && !slices.Contains(regions, a) {
					regions = append(regions, a)
				}
			}
		}
	}
	if len(regions) > 0 && (r.regionLike(best) || regionWord) {
		// a first-level region ("esta ciudad del estado mexicano de Michoacán", "na província de Nampula"): a
		// town of it the sentence names before it is the place, a phrase of bearing between them or not
		best.places = regions
		if k0 < 0 {
			k0 = j
		}
	}
	if k0 < 0 {
		return candidate{}, false
	}
	if far {
		limit = maxFar
	}
	var found candidate
	ok := false
	for m := 0; m < k0; m++ {
		cd, yes := town(m)
		if !yes {
			for cd.end > 0 && m+1 < k0 && toks[m+1].End <= cd.end {
				m++ // (past a name passed over: "naar Den Haag" is no Haag)
			}
			continue
		}
		if cd.end > toks[k0].Start {
			break
		}
		found, ok = cd, true
		for m+1 < k0 && toks[m+1].End <= cd.end {
			m++
		}
	}
	return found, ok
}

// bearingBefore reads back from token j (a name) over a phrase that places a town from the place named there:
// a `bearing` phrase ("north of", "nördlich von", "outskirts", "Região Metropolitana", "пригороде", "ngoại ô"),
// a `direction` ("al norte de", "in het noorden van"), a `near` word or a `distance` word ("miles",
// "kilómetros", "км", "cách"), with genitive, place, article and city words between them and the name. Before a
// distance word up to three lower-case words and numbers are read too ("about 30 miles", "a pocos kilómetros",
// "une trentaine de kilomètres"). It returns the phrase's first token, -1 when none ends at j, and whether it
// holds a distance word.
func (l *lang) bearingBefore(toks []text.Token, j int) (int, bool) {
	k0, key, far, loose := -1, false, false, 0
	for m := j - 1; m >= 0 && m >= j-maxBearing; {
		// the longest phrase of a key class that ends at m
		n := 0
		for s := max(m-3, 0); s <= m && n == 0; s++ {
			if !l.heads[toks[s].Fold] {
				continue // (no phrase of any class starts at s)
			}
			for _, set := range []map[string]bool{l.bearing, l.distance, l.direction, l.near} {
				if l.phrase(set, toks, s) == m-s+1 {
					n = m - s + 1
					if l.phrase(l.distance, toks, s) == m-s+1 {
						far = true
					}
					break
				}
			}
		}
		if n > 0 {
			key = true
			k0 = m - n + 1
			m -= n
			if far {
				loose = 3
			}
			continue
		}
		t := toks[m]
		w := t.Fold
		if e := elided(t.Text); e != "" {
			w = e
		}
		switch {
		case !t.IsWord():
			// a hyphen inside a phrase is read with it; any other mark ends the phrase
			if t.Text != "-" {
				m = -1
				continue
			}
		case l.of[w] || l.skip[w] || l.where[w] || l.from[w] || l.cityWords(toks, m) > 0:
		case loose > 0 && (!t.IsCapitalized() || isNumber(t.Text)):
			loose--
		default:
			m = -1
			continue
		}
		if key {
			k0 = m
		}
		m--
	}
	if !key {
		return -1, false
	}
	return k0, far
}

// bearingAfter reads, at token e right after a Chinese name, a phrase that places a town named after it from
// that name ("以南约50公里的", "以北的", "附近的"): a `bearing`, `direction`, `near` or `distance` phrase first,
// then up to four more such phrases, numbers and characters no name starts with. It returns the tokens read (0
// for none) and whether a distance word is among them.
func (l *lang) bearingAfter(toks []text.Token, e int) (int, bool) {
	if e < 0 {
		return 0, false
	}
	n, far := 0, false
	for _, set := range []map[string]bool{l.bearing, l.direction, l.near} {
		if n = l.phrase(set, toks, e); n > 0 {
			break
		}
	}
	if n == 0 {
		return 0, false
	}
	for m := e + n; m < len(toks) && m < e+n+4; m++ {
		if d := l.phrase(l.distance, toks, m); d > 0 {
			far = true
			n = m + d - e
		}
	}
	return n, far
}

// isNumber reports whether w is written with digits ("30", "1,5").
func isNumber(w string) bool {
	r, _ := utf8.DecodeRuneInString(w)
	return unicode.IsDigit(r)
}

// regionWordBefore reports whether a region word (geo/generic, of four letters or more, no city word or
// direction of the language: "province", "província", "estado", "области") comes right before token j, one lower-case word between them or not ("na província de
// Nampula").
func (r *Resolver) regionWordBefore(l *lang, toks []text.Token, j int) bool {
	region := func(m int) bool {
		return m >= 0 && toks[m].IsWord() && !toks[m].IsCapitalized() && r.generic[toks[m].Fold] && utf8.RuneCountInString(toks[m].Fold) > 3 &&
			l.cityWords(toks, m) == 0 && !l.direction[toks[m].Fold] // (not "o centro de Porto Alegre")
	}
	return region(j-1) || j > 1 && toks[j-1].IsWord() && !toks[j-1].IsCapitalized() && region(j-2)
}

// longest reads the gazetteer's longest name of cities that starts at token j, of up to five words, as written.
// The key grows by the tokens' folded forms in a buffer on the stack; a string is made only for a name found.
func (r *Resolver) longest(toks []text.Token, j int) (candidate, bool) {
	var out candidate
	ok := false
	var buf [128]byte
	key := buf[:0]
	for e := j; e < len(toks) && e < j+5; e++ {
		if !toks[e].IsWord() {
			break
		}
		if e > j {
			key = append(key, ' ')
		}
		key = append(key, toks[e].Fold...)
		if ids := r.g.names[string(key)]; slices.ContainsFunc(ids, func(id int32) bool { return r.g.places[id].Precision == City }) {
			out, ok = candidate{start: toks[j].Start, end: toks[e].End, places: ids, key: string(key)}, true
		}
	}
	return out, ok
}

// placeAdjective reports whether t is a capitalised adjective of a city of any size or country, by the
// language's `cityadjective` rules ("Glatzer" of Glatz, Kłodzko; "Zwickauer"; "Kölner"), and no name of its own.
func (r *Resolver) placeAdjective(l *lang, t text.Token) bool {
	if l == nil || len(l.cityAdj) == 0 || !t.IsWord() || !t.IsCapitalized() || len(r.g.names[t.Fold]) > 0 {
		return false
	}
	for _, rule := range l.cityAdj {
		if s, ok := strings.CutSuffix(t.Fold, rule[0]); ok && utf8.RuneCountInString(s) >= 3 &&
			slices.ContainsFunc(r.g.names[s+rule[1]], func(id int32) bool { return r.g.places[id].Precision == City }) {
			return !t.IsAllUpper() // (not a word in capitals)
		}
	}
	return false
}

// ofLonger reports whether token i, right after a name, is a lower-case genitive word (`of`) that a
// capitalised word follows which is no place, no month, no place word and no actor's country: the name is the
// start of a longer name the gazetteer does not know ("Santo António dos Cavaleiros", a parish, is no Santo
// António; "a Serra da Estrela", a range, is no Serra; not "Tombouctou, dans le nord du Mali").
func (r *Resolver) ofLonger(c *article, toks []text.Token, i int) bool {
	if c.lg == nil || c.lg.capNoun || i+1 >= len(toks) || !toks[i].IsWord() || toks[i].IsCapitalized() || !c.lg.of[toks[i].Fold] || toks[i].End+1 != toks[i+1].Start {
		return false
	}
	t := toks[i+1]
	if !t.IsWord() || !t.IsCapitalized() || c.lg.never[t.Fold] || c.lg.where[t.Fold] || c.lg.skip[t.Fold] || r.generic[t.Fold] || t.IsAllUpper() {
		return false
	}
	if _, ok := mentionAt(c.ms, t.Start); ok {
		return false
	}
	// (a town below the size of a name read bare is a word of the longer name too: "Serra da Estrela", a range,
	// though Estrela is a town; a region, a country or a big city says where the name lies: "Santa Cruz de
	// Bolivia")
	big := func(id int32) bool {
		p := r.g.places[id]
		return p.Precision != City || p.Population >= bareMinPopulation
	}
	if cd, ok := r.longest(toks, i+1); ok && slices.ContainsFunc(cd.places, big) {
		return false
	}
	return !slices.ContainsFunc(r.g.names[t.Fold], big)
}
