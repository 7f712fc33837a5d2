package actor

import (
	"slices"
	"strings"

	"github.com/dyad-events/dyad"
	"github.com/dyad-events/dyad/text"
)

// resolver turns the matches of one article into mentions.
type resolver struct {
	d       *Dictionary
	a       *dyad.Article
	toks    []tok
	items   []item
	lang    string
	useLang bool
	lo, hi  int
	out     []dyad.ActorMention
	coref   map[string]int32 // folded name token -> the person last named with it
	corefAt int              // tokens before this index have been looked at for later short names
	connFn  func(string) uint8
	last    map[int32]dyad.ActorRef // each person's last resolved reference
	// dateline is the country of the article's dateline, or -1: the country of titles that name none
	dateline int32
	// agency is the home country of the news agency the article is signed by (a.Source), or -1: a title that
	// is China's unless a Taiwanese dateline takes it over is Taiwan's in a Taiwanese agency's report filed
	// abroad ("（中央社華盛頓25日電）……國防部")
	agency   int32
	main     int32 // the country the article names most, or -1, once mainDone
	mainDone bool
	named    map[int32]bool // countries the article names unambiguously, once computed
	naming   bool           // computing named: class does not disambiguate
	// placedToks are token ranges read as the place of a local title: no capital's government
	placedToks [][2]int
	keyBuf     []byte // placeKeyOf's buffer
}

// placeKeyOf returns placeKey(r.toks[i:j]) in a buffer reused by the next call: for map look-ups
// (m[string(key)]), which then build no string.
func (r *resolver) placeKeyOf(i, j int) []byte {
	r.keyBuf = appendPlaceKey(r.keyBuf[:0], r.toks[i:j])
	return r.keyBuf
}

// agencyCountry returns the country an agents file's @agency line gives the news agency named src (the
// article's source), or -1.
func (d *Dictionary) agencyCountry(src string) int32 {
	if c, ok := d.agencyHome[text.Fold(src)]; ok && src != "" {
		return c
	}
	return -1
}

// datelineCountry returns the country a dateline names ("BEIJING", "Hà Nội", "HANOI (VNA)", "Vietnam"),
// or -1: the longest run of its first words that is a place or a country name, else a place of the gazetteer.
func (d *Dictionary) datelineCountry(dl string) int32 {
	if dl == "" {
		return -1
	}
	var words []tok
	for _, t := range d.tokens(dl, false) {
		if t.word {
			words = append(words, t)
		}
	}
	for n := min(len(words), 4); n > 0; n-- {
		k := placeKey(words[:n])
		if c, ok := d.places[k]; ok {
			return c
		}
		if nd, ok := d.m.keys[k]; ok {
			for _, pi := range d.m.nodes[nd].pats {
				if p := d.m.pats[pi]; p.kind == kindName && d.actors[p.ref].Type == dyad.TypeCountry {
					return p.ref
				}
			}
		}
	}
	// a city that actors/places does not list, named by the whole dateline: the gazetteer's (SetPlaces),
	// "KOBLENZ (dpa)"
	if d.placeFn != nil && len(words) > 0 && len(words) <= 4 {
		if cc, ok := d.placeFn(placeKey(words), ""); ok {
			if c, ok := d.country[cc]; ok {
				return c
			}
		}
	}
	return -1
}

func (r *resolver) run() {
	for k := 0; k < len(r.items); {
		it := r.items[k]
		r.corefUpTo(it.i)
		next := r.phrase(k)
		if next <= k {
			next = k + 1
		}
		if last := r.items[next-1].j; last > r.corefAt {
			r.corefAt = last
		}
		k = next
	}
	r.corefUpTo(len(r.toks))
}

// class of an item: its name actor, its demonym country and its agents. A name or adjective of several
// countries ("Congo", "congolais") is the one the article names otherwise (namedElsewhere), else the first.
func (r *resolver) class(it item) (name int32, demonym int32, agents []int32) {
	name, demonym = -1, -1
	bestVia := uint8(255)
	ambiguous := false
	for _, pi := range it.pats {
		p := r.d.m.pats[pi]
		switch p.kind {
		case kindName:
			if name >= 0 && name != p.ref && r.d.actors[name].Type == dyad.TypeCountry && r.d.actors[p.ref].Type == dyad.TypeCountry {
				ambiguous = true
			}
			if name >= 0 && name != p.ref && r.sharedName(name, p.ref) {
				ambiguous = true // "RSF": Sudan's Rapid Support Forces or Reporters sans frontières
			}
			if name < 0 || p.via < bestVia || (p.via == bestVia && r.better(p.ref, name)) {
				name, bestVia = p.ref, p.via
			}
		case kindDemonym:
			if demonym < 0 {
				demonym = p.ref
			} else if demonym != p.ref {
				ambiguous = true
			}
		case kindAgent:
			agents = append(agents, p.ref)
		}
	}
	if ambiguous && !r.naming {
		name, demonym = r.disambiguate(it, name, demonym)
	}
	if self := r.d.self[r.lang]; demonym >= 0 && r.dateline >= 0 && self != nil && self[quantKey(r.toks[it.i:it.j])] {
		demonym = r.dateline // "我國" in a story datelined Taipei is Taiwan
	}
	return name, demonym, agents
}

// sharedName reports whether two actors that are no countries, matched by one name, belong to different
// countries (or one to none): an acronym two bodies share ("RSF"), which the article's other countries decide.
func (r *resolver) sharedName(a, b int32) bool {
	ea, eb := r.d.actors[a], r.d.actors[b]
	return ea.Type != dyad.TypeCountry && eb.Type != dyad.TypeCountry && ea.Country != eb.Country
}

// better prefers, among actors with the same name, one who held a role on the article's date.
func (r *resolver) better(a, b int32) bool {
	return r.activeRole(a) >= 0 && r.activeRole(b) < 0
}

func (r *resolver) activeRole(i int32) int {
	for k, ro := range r.d.actors[i].roles {
		if ro.from <= r.hi && ro.to >= r.lo {
			return k
		}
	}
	return -1
}

// possessiveGap reports whether one lower-case word stands between a possessive ("Mali's", "China's") at
// item it and the next item: "Mali's transitional government", "China's commerce ministry" name the
// country's body as "Mali's government" does. A plural's possessive, an apostrophe alone after a name
// that ends in "s" ("the Philippines' coast guard", "the Solomon Islands' cabinet", "the Netherlands'
// foreign ministry"), is a token of its own: the next item may follow it directly or after one such word.
func (r *resolver) possessiveGap(it, next item) bool {
	if it.j < 1 || it.j >= len(r.toks) {
		return false
	}
	q := it.j
	rest := r.a.Text[r.toks[it.j-1].end:]
	switch {
	case strings.HasPrefix(rest, "'s ") || strings.HasPrefix(rest, "’s "):
	case (strings.HasPrefix(rest, "' ") || strings.HasPrefix(rest, "’ ")) && strings.HasSuffix(r.toks[it.j-1].fold, "s") &&
		!r.toks[q].word && r.toks[q].start == r.toks[it.j-1].end:
		q++
		if next.i == q {
			return true
		}
	default:
		return false
	}
	if next.i != q+1 || q >= len(r.toks) {
		return false
	}
	g := r.toks[q]
	return g.word && !g.cap && r.conns()(g.fold) == 0
}

// hyphenGap reports whether a hyphen written tight is all that stands between a country or body at item it
// and the next item: German's "US-Militär", "Ukraine-Armee", "Nato-Truppen" name the country's or body's own
// forces, as "US military" does; not when a hyphen glues a word before it too ("Pro-Russland-Demonstranten").
// (A body of no country keeps its own mention: "Nato-Truppen" stays NATO.)
func (r *resolver) hyphenGap(it, next item) bool {
	return next.i == it.j+1 && r.hyphenJoins(it.j) && !r.hyphenJoins(it.i-1)
}

// adjectiveGap reports whether one lower-case word that joins nothing stands between a country adjective at
// item it and the next item: "Catalan regional president", "Turkish central bank governor" (the adjective
// names the country of the title as "Catalan president" does).
func (r *resolver) adjectiveGap(it, next item) bool {
	if next.i != it.j+1 || it.j >= len(r.toks) {
		return false
	}
	g := r.toks[it.j]
	return g.word && !g.cap && !g.han && r.conns()(g.fold) == 0 && !r.d.timeWords[g.fold]
}

// formerGap reports whether a word of an @former line (and a hyphen after it) is all that stands between
// a country at item it and the next item: "the Canadian former diplomat", "de Canadese oud-diplomaat",
// "der kanadische Ex-Diplomat", "Canada's former ambassador" name the country of a title its holder no
// longer holds.
func (r *resolver) formerGap(it, next item) bool {
	q := it.j
	if q >= len(r.toks) || r.conns()(r.toks[q].fold)&connFormer == 0 {
		return false
	}
	if q++; q < len(r.toks) && r.toks[q].fold == "-" {
		q++
	}
	return next.i == q
}

// elidedBefore reports whether token q lost an elided article ("l'", "d'") that the text writes before it: a
// new noun phrase starts there, so "alla Farnesina l'ambasciatore russo" is a body and then a title, not the
// body's own title as "UN Secretary-General" is.
func (r *resolver) elidedBefore(q int) bool {
	if q < 1 || q >= len(r.toks) {
		return false
	}
	gap := r.a.Text[r.toks[q-1].end:r.toks[q].start]
	return strings.HasSuffix(gap, "'") || strings.HasSuffix(gap, "’")
}

// caseObject reports whether a country's name (not its adjective) follows an article of the language's @case
// line ("der", "dem": German), which puts the name in the dative or genitive: a title or sector noun right after
// it starts the verb's next object ("wird der Ukraine Kampfjets liefern"), as German writes the country's own
// body with a genitive or a hyphen ("Russlands Armee", "Ukraine-Armee").
func (r *resolver) caseObject(it item, cvia string) bool {
	if cvia != "name" {
		return false
	}
	p := r.prevWord(it.i)
	return p >= 0 && r.d.caseArt[r.lang][r.toks[p].fold]
}

// countryOf returns the country an item names as a place or adjective, or -1.
func (r *resolver) countryOf(it item) (int32, string) {
	name, dem, _ := r.class(it)
	if name >= 0 && r.d.actors[name].Type == dyad.TypeCountry {
		return name, "name"
	}
	if name < 0 && dem >= 0 {
		return dem, "demonym"
	}
	return -1, ""
}

// phrase resolves the phrase that starts at item k and returns the index of the first item after it.
func (r *resolver) phrase(k int) int {
	it := r.items[k]
	name, dem, agents := r.class(it)
	if r.isNot(it) {
		return k + 1
	}
	country, cvia := r.countryOf(it)
	start := it.i
	k2 := k
	preOrg := int32(-1)
	if name >= 0 && country < 0 {
		if t := r.d.actors[name].Type; t == dyad.TypeOrganization || t == dyad.TypeIGO || t == dyad.TypeGroup {
			preOrg = name
		}
	}
	preHost := -1
	if (country >= 0 || preOrg >= 0) && k+1 < len(r.items) && (r.items[k+1].i == it.j && !r.elidedBefore(it.j) && !r.caseObject(it, cvia) || r.possessiveGap(it, r.items[k+1]) ||
		r.hyphenGap(it, r.items[k+1]) && (country >= 0 || r.d.actors[preOrg].Country != "") ||
		cvia == "demonym" && r.adjectiveGap(it, r.items[k+1]) || r.formerGap(it, r.items[k+1])) {
		if _, _, ag := r.class(r.items[k+1]); len(ag) > 0 && !r.isNot(r.items[k+1]) {
			k2 = k + 1 // "Chinese military", "China's foreign minister", "UN Secretary-General"
			_, _, agents = r.class(r.items[k2])
		}
	} else if country >= 0 && k+2 < len(r.items) {
		// "中国驻越南大使": the sender, a "to" word, the host, then the title: the title is the sender's
		h, t := r.items[k+1], r.items[k+2]
		if p := r.skipConn(it.j, connTo); p > it.j && h.i == p && t.i == h.j {
			if c, v := r.countryOf(h); c >= 0 && v == "name" && c != country {
				if _, _, ag := r.class(t); len(ag) > 0 && !r.isNot(t) {
					k2, preHost = k+2, k+1
					agents = ag
				}
			}
		}
	}
	if k2 == k {
		preOrg = -1
	} else if preOrg >= 0 {
		if c, ok := r.d.country[r.d.actors[preOrg].Country]; ok {
			country, cvia = c, "name"
		}
	}
	if k2 == k {
		switch {
		case name >= 0:
			via := "name"
			if r.viaOf(it) == viaAlias {
				via = "alias"
			}
			if j, ref := r.personsBody(k, name); j > 0 {
				// "the Trump administration", "the Netanyahu government": the body of the person's country
				r.emit(it.i, r.items[k+1].j, ref, viaGenitive, -1)
				return j
			}
			if j, role := r.ownTitle(k, name); j > 0 {
				// "哈莉玛总统", "普京总统": a person's own title after the name is part of the mention
				r.emit(it.i, r.items[k+1].j, r.ref(name, role), via, name)
				return j
			}
			r.emit(it.i, it.j, r.ref(name, -1), via, name)
			return k + 1
		case dem >= 0 && len(agents) == 0:
			r.emit(it.i, it.j, r.ref(dem, -1), "demonym", -1)
			return k + 1
		case len(agents) == 0:
			return k + 1
		}
		country, cvia = -1, ""
	}
	pre := -1
	if k2 != k {
		pre = k
	}
	return r.title(k2, start, pre, preHost, preOrg, country, cvia, agents)
}

// personsBody reports whether item k, a person with a country, is followed right away by a body that names
// no office and no country of its own ("Trump administration", "Netanyahu government", "Merkel-Regierung"):
// it returns the index of the item after the body and the body's actor, the person's country with the body's
// sector, or 0.
func (r *resolver) personsBody(k int, name int32) (int, dyad.ActorRef) {
	e := r.d.actors[name]
	if e.Type != dyad.TypePerson || e.Country == "" || k+1 >= len(r.items) {
		return 0, dyad.ActorRef{}
	}
	if gap := r.items[k+1].i - r.items[k].j; gap > 1 || gap == 1 && r.toks[r.items[k].j].fold != "-" {
		return 0, dyad.ActorRef{} // right after the name, or joined by a hyphen ("Scholz-Regierung")
	}
	nx := r.items[k+1]
	nm, dem, ag := r.class(nx)
	if nm >= 0 || dem >= 0 || len(ag) == 0 || r.isNot(nx) || r.personTitle(ag) {
		return 0, dyad.ActorRef{}
	}
	offices, sector := r.officesOf(ag)
	c, ok := r.d.country[e.Country]
	if len(offices) > 0 || sector == "" || !ok {
		return 0, dyad.ActorRef{}
	}
	code := r.d.actors[c].Code + sector
	text := r.a.Text[r.toks[r.items[k].i].start:r.toks[nx.j-1].end]
	return k + 2, dyad.ActorRef{ID: code, Name: text, Type: dyad.TypeGroup, Country: e.Country, Sector: sector, Code: code}
}

// ownTitle reports whether item k, a person, is followed right away by a title of an office the person holds
// on the article's date ("普京总统", "哈莉玛总统"; not "普京发言人", another person): it returns the index of
// the item after the title and the role, or 0.
func (r *resolver) ownTitle(k int, name int32) (int, int32) {
	if r.d.actors[name].Type != dyad.TypePerson || k+1 >= len(r.items) || r.items[k+1].i != r.items[k].j {
		return 0, -1
	}
	nx := r.items[k+1]
	nm, dem, ag := r.class(nx)
	if nm >= 0 || dem >= 0 || len(ag) == 0 || r.isNot(nx) {
		return 0, -1
	}
	offices, _ := r.officesOf(ag)
	if role := r.roleFor(name, offices); role >= 0 {
		return k + 2, role
	}
	return 0, -1
}

// isNot reports whether an item is a stop-listed phrase that names no actor ("French fries").
func (r *resolver) isNot(it item) bool {
	for _, pi := range it.pats {
		if r.d.m.pats[pi].kind != kindNot {
			return false
		}
	}
	return true
}

// emitItem emits a country, organisation or person item as a mention of its own.
func (r *resolver) emitItem(k int) {
	it := r.items[k]
	name, dem, _ := r.class(it)
	switch {
	case name >= 0:
		via := "name"
		if r.viaOf(it) == viaAlias {
			via = "alias"
		}
		r.emit(it.i, it.j, r.ref(name, -1), via, name)
	case dem >= 0:
		r.emit(it.i, it.j, r.ref(dem, -1), "demonym", -1)
	}
}

func (r *resolver) viaOf(it item) uint8 {
	v := uint8(255)
	for _, pi := range it.pats {
		if p := r.d.m.pats[pi]; p.kind == kindName && p.via < v {
			v = p.via
		}
	}
	return v
}

// title resolves a title phrase: [country|body] agent [and agent] [of|to complement] [,] [name]. pre is the
// index of the item of the country or body before the title, or -1; preOrg that body. When the phrase ends in a name, the mention is
// the name and the countries and bodies of the phrase are mentions of their own ("Chinese" | "Xi Jinping");
// without a name the mention is the phrase up to its own country ("China's foreign minister").
func (r *resolver) title(k, start, pre, preHost int, preOrg, country int32, cvia string, agents []int32) int {
	offices, sector := r.officesOf(agents)
	person := r.personTitle(agents)
	end := r.items[k].j
	agentStart := r.items[k].i
	// "former President Carter", "the Canadian former diplomat", "de Russische oud-minister": a title its
	// holder no longer holds
	former := r.formerBefore(start) || r.formerBefore(agentStart)
	var subs []int // complement items, in order
	var hosts []bool
	if pre >= 0 {
		subs, hosts = append(subs, pre), append(hosts, false)
	}
	k++
	// "le ministre chinois des Affaires étrangères": an adjective inside the title
	if k < len(r.items) && r.items[k].i == end {
		if c, v := r.countryOf(r.items[k]); c >= 0 {
			if j, ag := r.resumeTitle(agentStart, end, r.items[k].j); j > 0 {
				if country < 0 {
					country, cvia = c, v
				}
				subs, hosts = append(subs, k), append(hosts, false)
				offices, sector = r.officesOf(ag)
				person = person || r.personTitle(ag)
				end = j
				for k < len(r.items) && r.items[k].i < j {
					k++
				}
			}
		}
	}
	// more titles joined by "and" or glued ("Party General Secretary and President")
	for k < len(r.items) {
		p := r.skipConn(end, connAnd)
		nx := r.items[k]
		if nx.i != p {
			break
		}
		_, _, ag := r.class(nx)
		if len(ag) == 0 || r.isNot(nx) {
			break
		}
		if o, s := r.officesOf(ag); len(o) > 0 || len(offices) == 0 {
			offices, sector = o, s
		}
		person = person || r.personTitle(ag)
		end = nx.j
		k++
	}
	// a city's or region's office: the place it governs gives the country ("Texas Governor", "maire de Paris")
	local := r.localTitle(agentStart, end)
	if country < 0 && preOrg < 0 && local {
		if c, ps := r.localPlaceBefore(start); c >= 0 {
			country, cvia = c, "place"
			r.placed(ps, start)
		} else if c, ps, pe := r.localPlaceAfter(end); c >= 0 {
			country, cvia, end = c, "place", pe
			r.placed(ps, pe)
			for k < len(r.items) && r.items[k].i < end {
				k++
			}
		}
	}
	// complements: "of China", "to China", "of the Communist Party of Vietnam"
	org, host := preOrg, int32(-1)
	if preHost >= 0 {
		host, _ = r.countryOf(r.items[preHost])
		subs, hosts = append(subs, preHost), append(hosts, true)
	}
	ownEnd := end
	for n := 0; n < 3 && k < len(r.items); n++ {
		p := r.skipConn(end, connOf|connTo)
		if p == end && country >= 0 {
			break // without a connector only the title's own country may follow ("Đại sứ Việt Nam")
		}
		isHost := r.hasConn(end, p, connTo)
		nx := r.items[k]
		if nx.i != p {
			break
		}
		nm, _, _ := r.class(nx)
		if c, sec, next := r.countryBody(k); c >= 0 && !isHost && country < 0 && org < 0 && len(offices) == 0 && !person && p != end {
			// "Negotiators for Colombia's government", "Envoys of the Sudanese army", "Abgesandte der
			// sudanesischen Armee": a group that acts for a country's body is that body's (COLGOV, SDNMIL), one
			// phrase up to the body; the country alone would leave the body to the context ("in the Venezuelan
			// capital")
			country, cvia, sector = c, "name", sec
			end, ownEnd = r.items[next-1].j, r.items[next-1].j
			k = next
			break
		}
		if c, v := r.countryOf(nx); c >= 0 {
			switch {
			case isHost:
				host = c
			case country < 0:
				country, cvia = c, v
			case c != country:
				// another country of its own: "tropas russas da Ucrânia" is not a Ukrainian title
			}
			if !isHost && c != country {
				break
			}
		} else if nm >= 0 && r.d.actors[nm].Type != dyad.TypePerson && r.d.actors[nm].Type != dyad.TypeCountry {
			if isHost {
				break // "ambassador to the UN": the body the title is accredited to is not its own
			}
			org = nm
			if country < 0 {
				if c, ok := r.d.country[r.d.actors[nm].Country]; ok {
					country, cvia = c, "name"
				}
			}
		} else if group := !isHost && country < 0 && org < 0 && len(offices) == 0 && !person; !group {
			break
		} else if c, e, next := r.ofBody(k); c >= 0 {
			// "diplomáticos de la embajada argentina", "funcionários da embaixada da Rússia": members of a
			// body that names its country are of that country, one phrase up to the body
			country, cvia = c, "name"
			end, ownEnd = e, e
			k = next
			break
		} else {
			if c := r.ofPerson(k); c >= 0 {
				// "el Gobierno de Nicolás Maduro", "die Regierung von Präsident Daniel Ortega": the person's
				// country; the person stays a mention of their own
				country, cvia = c, "name"
			}
			break
		}
		subs, hosts = append(subs, k), append(hosts, isHost)
		end = nx.j
		if !isHost {
			ownEnd = end
		}
		k++
	}
	if country < 0 && org < 0 {
		if c, ok := r.impliedCountry(start, ownEnd); ok {
			country, cvia = c, "title" // "Bundespräsident", "capo dello Stato"
		}
	}
	if country < 0 && org < 0 && r.dateline >= 0 && (len(offices) > 0 || person && r.nameRun(r.skipComma(end), k) > r.skipComma(end)) {
		// "the foreign ministry spokesperson", "Spokeswoman X" under a BEIJING dateline
		country, cvia = r.dateline, "dateline"
	}
	emitSubs := func(onlyHosts bool, after int) {
		for n, sk := range subs {
			if (!onlyHosts || hosts[n]) && r.items[sk].i >= after {
				r.emitItem(sk)
			}
		}
	}
	// the name: a dictionary person, or capitalised words the dictionary lacks
	p := end
	if p < len(r.toks) && r.toks[p].fold == "," {
		p++
	}
	if k < len(r.items) && r.items[k].i == p {
		if nm, _, _ := r.class(r.items[k]); nm >= 0 && r.d.actors[nm].Type == dyad.TypePerson {
			via := "name"
			if r.viaOf(r.items[k]) == viaAlias {
				via = "alias"
			}
			emitSubs(false, 0)
			r.emit(r.items[k].i, r.items[k].j, r.titledRef(nm, offices, sector, former, local), via, nm)
			return k + 1
		}
	}
	if person && (p == end || p < len(r.toks) && r.toks[p].camel) {
		if q := r.nameRun(p, k); q > p {
			emitSubs(false, 0)
			if k < len(r.items) && r.items[k].i == q {
				// "President Tayyip Erdogan": the dictionary name ends the run and names the person
				if nm, _, _ := r.class(r.items[k]); nm >= 0 && r.d.actors[nm].Type == dyad.TypePerson {
					r.emit(p, r.items[k].j, r.titledRef(nm, offices, sector, former, local), "name", nm)
					return k + 1
				}
			}
			if country < 0 && org < 0 && local {
				// "burgemeester Femke Halsema van Amsterdam": the place after the name
				if c, ps, pe := r.localPlaceAfter(q); c >= 0 {
					country = c
					r.placed(ps, pe)
					for k < len(r.items) && r.items[k].i < pe {
						k++
					}
				}
			}
			r.titledName(p, q, country, sector, offices, org, former)
			return k
		}
	}
	if country < 0 && org >= 0 && org != preOrg && len(offices) == 0 && r.d.actors[org].Type == dyad.TypeIGO && r.d.actors[org].Country == "" {
		// "les dirigeants de la Cédéao", "i ministri dell'Ue": a body's members named after their title act as
		// the body, not as the country of a place the sentence names ("Réunis à Abuja, les dirigeants de la
		// Cédéao"); "pro-EU demonstrators" stay the place's
		emitSubs(true, ownEnd)
		r.emit(start, ownEnd, r.ref(org, -1), viaGenitive, org)
		return k
	}
	if r.untitled(start, ownEnd, country, cvia, sector, offices, org, host, former && (len(offices) > 0 || person)) {
		emitSubs(true, ownEnd)
		if country >= 0 && cvia == "name" && pre < 0 && org < 0 && host < 0 && len(offices) == 0 && !person && !former && sector != "" {
			k = r.coordinated(k, ownEnd, sector)
		}
	} else {
		emitSubs(false, 0)
	}
	return k
}

// coordinated reads, at item k after a group title's own country ("the armed forces of the United States"),
// more countries coordinated with it ("and Britain", ", da Colômbia e do México", "und Großbritanniens"):
// each is the same body of its own country (GBRMIL, COLGOV), a mention of its own. The list ends at its
// last member after an @and word (a member after a comma alone may start the next clause: "the army of
// Sudan, Egypt said"); a country with a title or body of its own after it ("and Argentina's foreign
// minister") ends it. It returns the index of the item after the list, k when there is none.
func (r *resolver) coordinated(k, end int, sector string) int {
	type member struct {
		k       int
		country int32
	}
	var list []member
	last := 0 // members up to the last one an @and word introduces
	for q := k; q < len(r.items); q++ {
		p := r.skipComma(end)
		a := r.skipConn(p, connAnd)
		if p == end && a == p {
			break
		}
		nx := r.items[q]
		if nx.i != r.skipConn(a, connOf) {
			break
		}
		if _, _, ag := r.class(nx); len(ag) > 0 || r.isNot(nx) {
			break
		}
		c, v := r.countryOf(nx)
		if c < 0 || v != "name" && !r.oblique(nx) {
			break
		}
		if q+1 < len(r.items) {
			if nn := r.items[q+1]; nn.i == nx.j || r.possessiveGap(nx, nn) || r.hyphenGap(nx, nn) {
				if _, _, ag2 := r.class(nn); len(ag2) > 0 {
					break // "and Argentina's foreign minister": a title of its own
				}
			}
		}
		list = append(list, member{q, c})
		if a > p {
			last = len(list)
		}
		end = nx.j
	}
	for _, m := range list[:last] {
		it := r.items[m.k]
		c := r.d.actors[m.country]
		code := c.Code + sector
		r.emit(it.i, it.j, dyad.ActorRef{ID: code, Name: r.a.Text[r.toks[it.i].start:r.toks[it.j-1].end],
			Type: dyad.TypeGroup, Country: c.Country, Sector: sector, Code: code}, viaGenitive, -1)
		k = m.k + 1
	}
	return k
}

// oblique reports whether an item is a country's name in an oblique case ("Großbritanniens"), which names
// the country as its name does, not as an adjective ("britische").
func (r *resolver) oblique(it item) bool {
	for _, pi := range it.pats {
		if p := r.d.m.pats[pi]; p.kind == kindDemonym && p.via == viaOblique {
			return true
		}
	}
	return false
}

// countryBody reads, at item k after an @of word of a group's title, a country that names the body right after
// it: "Colombia's government", "the Sudanese army", "der sudanesischen Armee" (a possessive, an adjective, or
// the two written together, as the phrase grouping of a title with its country reads them: phrase). It returns
// the country, the body's sector and the index of the item after the body; -1 when there is none.
func (r *resolver) countryBody(k int) (int32, string, int) {
	if k+1 >= len(r.items) {
		return -1, "", 0
	}
	it, nx := r.items[k], r.items[k+1]
	c, v := r.countryOf(it)
	if c < 0 || r.isNot(nx) {
		return -1, "", 0
	}
	if !(nx.i == it.j && !r.elidedBefore(it.j) || r.possessiveGap(it, nx) || v == "demonym" && r.adjectiveGap(it, nx)) {
		return -1, "", 0
	}
	nm, dem, ag := r.class(nx)
	if nm >= 0 || dem >= 0 || len(ag) == 0 || r.personTitle(ag) {
		return -1, "", 0
	}
	offices, sec := r.officesOf(ag)
	if len(offices) > 0 || sec == "" {
		return -1, "", 0
	}
	return c, sec, k + 2
}

// ofBody reads the phrase of a body at item k, after an @of word of a group's title: a body with no office
// and no country of its own, then its country as an adjective right after it ("la embajada argentina") or
// after an @of word ("la embaixada da Rússia"). It returns the country, the phrase's end token and the index
// of the item after it; -1 when the phrase names no country.
func (r *resolver) ofBody(k int) (int32, int, int) {
	it := r.items[k]
	nm, dem, ag := r.class(it)
	if nm >= 0 || dem >= 0 || len(ag) == 0 || r.isNot(it) || r.personTitle(ag) || k+1 >= len(r.items) {
		return -1, 0, 0
	}
	if offices, _ := r.officesOf(ag); len(offices) > 0 {
		return -1, 0, 0
	}
	nx := r.items[k+1]
	if nx.i != it.j && (nx.i != r.skipConn(it.j, connOf) || r.elidedBefore(it.j)) {
		return -1, 0, 0
	}
	if c, _ := r.countryOf(nx); c >= 0 {
		return c, nx.j, k + 2
	}
	return -1, 0, 0
}

// ofPerson returns the country of the person named at item k, after an @of word of a body's title, or -1:
// a dictionary person with a country, alone or after their own title ("Präsident Daniel Ortega").
func (r *resolver) ofPerson(k int) int32 {
	for n := 0; n < 2 && k < len(r.items); n++ {
		it := r.items[k]
		nm, dem, ag := r.class(it)
		if nm >= 0 {
			if e := r.d.actors[nm]; e.Type == dyad.TypePerson {
				if c, ok := r.d.country[e.Country]; ok {
					return c
				}
			}
			return -1
		}
		if dem >= 0 || len(ag) == 0 || r.isNot(it) || k+1 >= len(r.items) || r.items[k+1].i != r.skipComma(it.j) {
			return -1
		}
		k++ // a title right before the name
	}
	return -1
}

func (r *resolver) skipComma(p int) int {
	if p < len(r.toks) && r.toks[p].fold == "," {
		return p + 1
	}
	return p
}

// titledRef is person i named after a title of offices (of sector): with the role
// the title names when the person held it on the date. A person whose record has no role of those offices at
// all (the third-party layer's dated codes name no office; ours may lack an earlier post) and no role on the
// date but the elites is taken at the title's word: their country with the title's sector ("Egyptian Foreign Minister Amr
// Moussa" in 1998). A title of one person that names no single office is taken at its word the same way
// ("French Interior Minister Nicolas Sarkozy" in 2003, "Thai army chief Prayut Chan-o-cha" in 2012,
// "Egyptian opposition figure Mohamed ElBaradei" in 2010), and so is a title of a city's or region's office
// (local: an @local line), which no record's office names: "Tokyo Governor Yuriko Koike", whose record has her
// national posts only.
//
// A word of an @former line before the title (former: "former President Carter", "ex-ministre", "cựu Thủ
// tướng", "the Canadian former ambassador") makes the person their country's elites, whatever government
// role without an office the record gives them on the date ("former Ukrainian Prime Minister Yulia
// Tymoshenko" in 2011, whom an imported code left in government); a role of another office on the date is
// kept ("former foreign minister, now President ..."), and so is an affiliation a former office does not end
// ("former Pakistani Prime Minister Imran Khan" in 2023 leads the opposition: OPP). A person title over a
// record with no roles keeps the record's sector ("ministro Alexandre de Moraes", a judge).
func (r *resolver) titledRef(i int32, offices []string, sector string, former, local bool) dyad.ActorRef {
	role := r.roleFor(i, offices)
	ref := r.ref(i, role)
	if ref.Country == "" || sector == "" {
		return ref
	}
	k := r.activeRole(i)
	if former {
		if k >= 0 {
			ro := r.d.actors[i].roles[k]
			if ro.office != "" && ro.sector != "ELI" && !slices.Contains(offices, ro.office) {
				return ref // another office on the date
			}
			if ro.office == "" && ro.sector != "GOV" && ro.sector != "ELI" {
				return ref // an affiliation, which a former office does not end: opposition, party, rebels
			}
		}
		ref.Sector, ref.Code = "ELI", r.d.countryCode(ref.Country)+"ELI"
		return ref
	}
	if role >= 0 {
		return ref
	}
	if len(offices) == 0 && !local && ref.Sector != "ELI" {
		return ref // a person title over a record with no roles: the record's sector (a judge "minister")
	}
	if k >= 0 && r.d.actors[i].roles[k].sector != "ELI" {
		return ref // a role on the date: the record's word
	}
	for _, ro := range r.d.actors[i].roles {
		if len(offices) > 0 && slices.Contains(offices, ro.office) {
			return ref // their record of the office is ours: outside it the title is a past one
		}
	}
	ref.Sector, ref.Code = sector, r.d.countryCode(ref.Country)+sector
	return ref
}

// formerBefore reports whether a word of an @former line (or such a word and a hyphen: "ex-President")
// stands right before token start.
func (r *resolver) formerBefore(start int) bool {
	p := start - 1
	if p >= 0 && r.toks[p].fold == "-" {
		p--
	}
	if p < 0 {
		return false
	}
	return r.d.conn[r.lang][r.toks[p].fold]&connFormer != 0
}

// roleFor returns the role of actor i, held on the article's date, that is one of offices, or -1.
func (r *resolver) roleFor(i int32, offices []string) int32 {
	for k, ro := range r.d.actors[i].roles {
		if ro.from <= r.hi && ro.to >= r.lo && slices.Contains(offices, ro.office) {
			return int32(k)
		}
	}
	return -1
}

// resumeTitle looks for a longer title made of the title tokens [from, to) followed by the tokens from
// resume on; it returns the end of the longest and its agents, or 0.
func (r *resolver) resumeTitle(from, to, resume int) (int, []int32) {
	var buf []byte
	for q := from; q < to; q++ {
		if q > from {
			buf = append(buf, ' ')
		}
		buf = append(buf, r.toks[q].fold...)
	}
	best := 0
	var agents []int32
	for end, nd := range r.d.m.walk(r.toks, resume, buf) {
		if ps := r.d.allowed(nd.pats, r.toks[from:from+1], r.lang, r.useLang); len(ps) > 0 {
			var ag []int32
			for _, pi := range ps {
				if p := r.d.m.pats[pi]; p.kind == kindAgent {
					ag = append(ag, p.ref)
				}
			}
			if len(ag) > 0 {
				best, agents = end, ag
			}
		}
	}
	return best, agents
}

// officesOf returns the offices the agents name and the sector they imply.
func (r *resolver) officesOf(agents []int32) ([]string, string) {
	var offices []string
	sector := ""
	for _, a := range agents {
		ag := r.d.agents[a]
		if sector == "" {
			sector = ag.sector
		}
		if ag.office != "" {
			if len(offices) == 0 {
				sector = ag.sector
			}
			offices = append(offices, ag.office)
		}
	}
	return offices, sector
}

// personTitle reports whether one of agents is a title of one person rather than a body.
func (r *resolver) personTitle(agents []int32) bool {
	for _, a := range agents {
		if r.d.agents[a].person {
			return true
		}
	}
	return false
}

// skipConn returns the first token at or after p that is not a connector of the given kinds.
func (r *resolver) skipConn(p int, kinds uint8) int {
	conn := r.conns()
	for p < len(r.toks) {
		if conn(r.toks[p].fold)&kinds == 0 {
			break
		}
		p++
	}
	return p
}

func (r *resolver) hasConn(from, to int, kind uint8) bool {
	conn := r.conns()
	for p := from; p < to; p++ {
		if conn(r.toks[p].fold)&kind != 0 {
			return true
		}
	}
	return false
}

func (r *resolver) conns() func(string) uint8 {
	if r.connFn != nil {
		return r.connFn
	}
	r.connFn = r.makeConns()
	return r.connFn
}

func (r *resolver) makeConns() func(string) uint8 {
	if r.useLang {
		m := r.d.conn[r.lang]
		return func(s string) uint8 { return m[s] }
	}
	return func(s string) uint8 {
		var k uint8
		for _, m := range r.d.conn {
			k |= m[s]
		}
		return k
	}
}

// nameRun returns the end of the run of capitalised words at p that no item covers (at most four words,
// or three ideographs).
func (r *resolver) nameRun(p, k int) int {
	limit := len(r.toks)
	if k < len(r.items) {
		limit = min(limit, r.items[k].i)
	}
	q := p
	if p < limit && r.toks[p].han {
		if e := r.dottedName(p, limit); e > p {
			return e // "豪尔赫·托伦蒂诺": a foreign name written in ideographs, its parts joined by a middle dot
		}
		for q < limit && q-p < 3 && r.toks[q].han && !r.d.noCoref[r.toks[q].fold] && !r.timeAt(q, limit) {
			q++
		}
		if q-p < 2 {
			return p
		}
		return q
	}
	for words := 0; q < limit && words < 4; words++ {
		t := r.toks[q]
		if !t.word || !t.cap || t.han || r.conns()(t.fold) != 0 || r.d.timeWords[t.fold] {
			break
		}
		q++
		if t.end-t.start == 1 && t.upper && q+1 < limit && r.toks[q].fold == "." && r.toks[q].start == t.end && r.toks[q+1].cap && r.toks[q+1].word {
			q++ // an initial: "J. Erdenebat", "S. Jaishankar"
		}
	}
	return q
}

// dottedName returns the end of a name of ideographs whose parts a middle dot joins ("豪尔赫·托伦蒂诺",
// "弗拉基米尔·弗拉基米罗维奇·普京"), at most six ideographs a part and 16 tokens in all, or p when there is none.
func (r *resolver) dottedName(p, limit int) int {
	end, q, dots := p, p, 0
	for q < limit && q-p < 16 {
		n := 0
		for q < limit && n < 6 && r.toks[q].han && !r.d.noCoref[r.toks[q].fold] && !r.timeAt(q, limit) {
			q++
			n++
		}
		if n == 0 {
			break
		}
		end = q
		if q+1 == limit && limit < len(r.toks) && isNameDot(r.toks[q].fold) {
			return limit // "安东尼·布林肯": the dictionary name after the dot ends the name and names the person
		}
		if q+1 < limit && isNameDot(r.toks[q].fold) && r.toks[q+1].han {
			q++
			dots++
			continue
		}
		break
	}
	if dots == 0 {
		return p
	}
	return end
}

func isNameDot(s string) bool { return s == "·" || s == "・" || s == "‧" || s == "•" }

// timeAt reports whether a weekday or relative date word of ideographs starts at token q ("星期二", "今天",
// "周一"): a title's name ends before it.
func (r *resolver) timeAt(q, limit int) bool {
	var b strings.Builder
	for n := q; n < limit && n-q < 4 && r.toks[n].han; n++ {
		b.WriteString(r.toks[n].fold)
		if r.d.timeWords[b.String()] {
			return true
		}
	}
	return false
}

// titledName resolves "title Name" where Name is not a dictionary name: the holder of the office whose
// name has that word, else a person named earlier, else a provisional actor.
func (r *resolver) titledName(p, q int, country int32, sector string, offices []string, org int32, former bool) {
	words := make([]string, 0, q-p)
	for _, t := range r.toks[p:q] {
		words = append(words, t.fold)
	}
	via := "office"
	if r.toks[p].camel {
		via = "camel"
	}
	if h, ok := r.holderNamed(offices, country, org, words); ok {
		r.emit(p, q, r.ref(h.actor, h.role), via, h.actor)
		return
	}
	for _, w := range words {
		if i, ok := r.coref[w]; ok {
			if via == "office" {
				via = "coref"
			}
			if i <= -2 {
				r.emit(p, q, r.out[-2-i].Actor, via, -1)
			} else {
				r.emit(p, q, r.ref(i, -1), via, i)
			}
			return
		}
	}
	name := r.a.Text[r.toks[p].start:r.toks[q-1].end]
	if former && sector != "" {
		sector = "ELI" // "former diplomat Michael Kovrig": the country's elites
	}
	ref := r.provisional(name, country, sector)
	r.emit(p, q, ref, "title", -1)
	// a provisional person is named later by any word of its name
	for _, w := range words {
		if len([]rune(w)) >= 2 && !r.d.noCoref[w] {
			r.coref[w] = -2 - int32(len(r.out)-1)
		}
	}
}

// untitled resolves a title without a name: the office's holder on the date, or a country's sector. A
// group or title with no country of its own takes one from the context (contextCountry); without any it
// keeps its sector alone ("police" in a text that names no place).
func (r *resolver) untitled(start, end int, country int32, cvia, sector string, offices []string, org, host int32, former bool) bool {
	via := ""
	switch cvia {
	case "demonym":
		via = viaDemonym
	case "name":
		via = viaGenitive
		if len(offices) > 0 {
			via = "title" // the title's own country: "Minister of Foreign Affairs of China"
		}
	case "title", "dateline":
		via = cvia
	case "place":
		via = viaPlace
	}
	if len(offices) == 0 && r.countsNext(start, end) {
		return false
	}
	if country < 0 && (org < 0 || len(offices) == 0 && r.d.actors[org].Type != dyad.TypeCountry) {
		switch {
		case r.ownOnly(start, end) && r.quantStart(start) == start || len(offices) > 0 && (r.apposition(end) || r.ofFollows(end)):
			return false
		case host >= 0 && len(offices) == 0:
			country, via = host, viaPlace // "soldiers in Myanmar"
		case host >= 0:
			// "o seu embaixador em Israel": the place is the host; whose ambassador, the verb's subject says
			return false
		case len(offices) > 0:
			// "the Defense Minister": the dateline's or the article's; a place after a title is where
			// the holder is, often abroad ("su embajadora en Madrid")
			country, via = r.contextCountry(start, end, false, false)
		default:
			country, via = r.contextCountry(start, end, true, r.d.seat[r.lang][strings.ToLower(sector)])
		}
	}
	if former && country >= 0 {
		// "the Russian former defence minister", "l'ex ministro": the country's elites, not the office's
		// holder on the date
		name := r.a.Text[r.toks[start].start:r.toks[end-1].end]
		r.emit(start, end, r.provisional(name, country, "ELI"), via, -1)
		return true
	}
	if len(offices) == 0 {
		if sector == "" {
			return false
		}
		name := r.a.Text[r.toks[start].start:r.toks[end-1].end]
		if country < 0 {
			r.emit(start, end, dyad.ActorRef{ID: sector, Name: name, Type: dyad.TypeGroup, Sector: sector, Code: sector}, via, -1)
			return true
		}
		c := r.d.actors[r.d.organCountry(country, sector)]
		code := c.Code + sector
		r.emit(start, end, dyad.ActorRef{ID: code, Name: name,
			Type: dyad.TypeGroup, Country: c.Country, Sector: sector, Code: code}, via, -1)
		return true
	}
	if country < 0 && org < 0 {
		name := r.a.Text[r.toks[start].start:r.toks[end-1].end]
		r.emit(start, end, r.provisional(name, -1, sector), via, -1)
		return true
	}
	hs := r.holdersOn(offices, country, org)
	// an ambassador resolves only with the host the title names
	hs = slices.DeleteFunc(hs, func(h holder) bool {
		ro := r.d.actors[h.actor].roles[h.role]
		return ro.host != "" && (host < 0 || r.d.actors[host].Country != ro.host)
	})
	switch {
	case len(hs) == 1:
		r.emit(start, end, r.ref(hs[0].actor, hs[0].role), "office", hs[0].actor)
		return true
	case len(hs) > 1:
		// several holders: the one the article names later (within a few pages)
		for _, t := range r.toks[end:min(len(r.toks), end+laterNameWindow)] {
			if !t.word || !t.cap {
				continue
			}
			for _, h := range hs {
				for _, w := range r.d.actors[h.actor].toks {
					if w == t.fold {
						r.emit(start, end, r.ref(h.actor, h.role), "office", h.actor)
						return true
					}
				}
			}
		}
	}
	if country < 0 {
		return false
	}
	if via == "" {
		via = "title"
	}
	name := r.a.Text[r.toks[start].start:r.toks[end-1].end]
	r.emit(start, end, r.provisional(name, country, sector), via, -1)
	return true
}

// apposition reports whether a title ending at token end is followed by a comma and another title or a
// name ("Tổng Bí thư, Chủ tịch nước Trung Quốc Tập Cận Bình"): the phrase after it names the person.
func (r *resolver) apposition(end int) bool {
	if end >= len(r.toks) || r.toks[end].fold != "," || end+1 >= len(r.toks) {
		return false
	}
	return r.toks[end+1].cap || r.covered(end+1)
}

// ofFollows reports whether an @of word follows token end: the title belongs to a body the dictionary
// does not know ("le président de la Commission de l'UA"), not to the context.
func (r *resolver) ofFollows(end int) bool {
	return end < len(r.toks) && r.conns()(r.toks[end].fold)&connOf != 0
}

// laterNameWindow bounds how many tokens after an office with several holders are searched for a holder's
// name, so that long texts stay linear.
const laterNameWindow = 4000

// holdersOn returns the holders of any of offices on the article's date, in country or org when given.
// With an organisation and no holder of those offices, it returns the holders of any office of that
// organisation ("présidente de la Commission européenne").
func (r *resolver) holdersOn(offices []string, country, org int32) []holder {
	match := func(ro role) bool {
		if ro.from > r.hi || ro.to < r.lo {
			return false
		}
		if org >= 0 {
			if ro.org == org {
				return true
			}
			oe := r.d.actors[org]
			if oe.Type == dyad.TypeIGO {
				return ro.org < 0 && ro.code == oe.Code
			}
			return ro.country == oe.Country && ro.code == oe.Code
		}
		return country < 0 || ro.country == r.d.actors[country].Country
	}
	// one holder a person: a form listed on two lines, or two terms in the date's window, name one holder
	var out []holder
	for _, o := range offices {
		hs := r.d.holders[o]
		if org < 0 && country >= 0 {
			hs = r.d.holdersIn[officeIn{o, r.d.actors[country].Country}] // the same holders that match would keep
		}
		for _, h := range hs {
			if match(r.d.actors[h.actor].roles[h.role]) && !slices.ContainsFunc(out, func(x holder) bool { return x.actor == h.actor }) {
				out = append(out, h)
			}
		}
	}
	if len(out) == 0 && org >= 0 && len(offices) > 0 {
		for _, h := range r.d.orgHolders[org] {
			if ro := r.d.actors[h.actor].roles[h.role]; ro.org == org && ro.from <= r.hi && ro.to >= r.lo {
				out = append(out, h)
			}
		}
	}
	return out
}

func (r *resolver) holderNamed(offices []string, country, org int32, words []string) (holder, bool) {
	if len(offices) == 0 {
		return holder{}, false
	}
	if country < 0 && org < 0 && len(words) >= 2 {
		// a title with no country and a name of several words: a given name shared with a holder somewhere in
		// the world is no evidence ("el presidente José Jerí" is not José Ramos-Horta); only a later word (a surname) is
		words = words[1:]
	}
	// with no country, a name that several holders in the world share names none of them ("King Abdullah" in
	// 2006: Saudi Arabia's, Jordan's, and Yemen's Ali Abdullah Saleh)
	var found holder
	n := 0
	for _, h := range r.holdersOn(offices, country, org) {
		if n > 0 && h.actor == found.actor {
			continue
		}
	match:
		for _, w := range words {
			for _, t := range r.d.actors[h.actor].toks {
				if t == w {
					if n == 0 {
						found = h
					}
					n++
					break match
				}
			}
		}
		if n > 0 && (country >= 0 || org >= 0) {
			break
		}
	}
	if n == 1 || n > 1 && (country >= 0 || org >= 0) {
		return found, true
	}
	return holder{}, false
}

func (r *resolver) provisional(name string, country int32, sector string) dyad.ActorRef {
	ref := dyad.ActorRef{Name: name, Type: dyad.TypePerson, Sector: sector, Provisional: true}
	if country >= 0 {
		c := r.d.actors[country]
		ref.Country, ref.Code = c.Country, c.Code+sector
	} else {
		ref.Code = sector
	}
	ref.ID = "prov-" + strings.ToLower(ref.Code) + "-" + slug(name)
	return ref
}

// ref is the actor as of the article's date; role >= 0 picks the role an office resolved to.
func (r *resolver) ref(i int32, role int32) dyad.ActorRef {
	e := r.d.actors[i]
	ref := dyad.ActorRef{ID: e.ID, Name: e.Name, Type: e.Type, Country: e.Country, Sector: e.Sector, Code: e.Code}
	k := int(role)
	if k < 0 {
		k = r.activeRole(i)
	}
	if k >= 0 {
		ro := e.roles[k]
		if ro.country != "" {
			ref.Country = ro.country
		}
		ref.Sector, ref.Code = ro.sector, ro.code
		if ref.Code == "" {
			ref.Code = r.d.countryCode(ref.Country) + ro.sector
		}
	}
	return ref
}

// emit appends a mention of tokens [startTok, endTok) and, for a person, remembers its name's words.
func (r *resolver) emit(startTok, endTok int, ref dyad.ActorRef, via string, actor int32) {
	s, e := r.toks[startTok].start, r.toks[endTok-1].end
	r.out = append(r.out, dyad.ActorMention{Start: s, End: e, Text: r.a.Text[s:e], Actor: ref, Via: via})
	if endTok > r.corefAt {
		r.corefAt = endTok
	}
	if actor >= 0 && r.d.actors[actor].Type == dyad.TypePerson {
		if r.last == nil {
			r.last = map[int32]dyad.ActorRef{}
		}
		r.last[actor] = ref
		for _, w := range r.d.actors[actor].toks {
			r.coref[w] = actor
		}
		if via == "name" || via == "alias" {
			// the words as written name the person later too ("Си" after "Си Цзиньпин")
			for _, t := range r.toks[startTok:endTok] {
				if t.word && !t.han && len([]rune(t.fold)) >= 2 && !r.d.noCoref[t.fold] {
					r.coref[t.fold] = actor
				}
			}
		}
	}
}

func slug(s string) string {
	var b strings.Builder
	dash := false
	for _, r := range strings.ToLower(s) {
		if r == ' ' || r == '-' || r == '\'' || r == '.' || r == ',' {
			if !dash && b.Len() > 0 {
				b.WriteByte('-')
				dash = true
			}
			continue
		}
		b.WriteRune(r)
		dash = false
	}
	return strings.TrimSuffix(b.String(), "-")
}
