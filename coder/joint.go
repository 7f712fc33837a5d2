package coder

import "github.com/dyad-events/dyad"

// Coordinated subjects: two sides of a joint act, each a long phrase ("South Korean President X and Japanese
// Prime Minister Y held a summit", "le ministre britannique de l'Intérieur X et le chef de la diplomatie
// rwandaise Y ont signé", "Bộ trưởng Tài chính Mỹ X và Phó Thủ tướng thứ nhất Ukraine Y đã ký"). The phrase
// grouping (units.go) joins a country and the person it qualifies across a title with a genitive in it, and
// joins two sides across "and" and the second side's title; the R slot then reads any list the grouping made,
// however long its members, so that every pattern with R widens at once.

// titleSpan reports whether the tokens [a, b] between a country and a person of that country are a title:
// words only, no "and", every preposition a genitive one ("minister van Buitenlandse Zaken", "de
// l'Intérieur", "of Foreign Affairs"), at most three lower-case words that are no closed-class words besides
// the genitives and determiners ("ministre", "minister", "chef").
func (d *doc) titleSpan(a, b int) bool {
	lower, ok := d.titleWords(a, b, cAnd|cBarrier|cRel|cThat|cLoc)
	return ok && lower <= 3
}

// titleWords reads the tokens [a, b] as the words of a title: no token of the classes stop, no preposition
// but a genitive, no closed-class word in lower case; it returns how many lower-case words it holds (genitives
// and determiners aside).
func (d *doc) titleWords(a, b int, stop uint64) (lower int, ok bool) {
	lg := d.lg
	for k := a; k <= b; k++ {
		t := d.toks[k]
		f := t.Fold
		if f == "-" && k > a && k+1 < b && t.Start == d.toks[k-1].End && d.toks[k+1].Start > t.End && lg.is(cAnd, d.toks[k+1].Fold) {
			k++ // a truncated compound: "Staats- und Parteichef" is one title
			continue
		}
		if !t.IsWord() || isHan(t.Text) || lg.is(stop, f) {
			return 0, false
		}
		if lg.is(cPrep, f) && !lg.is(cGenitive, f) {
			return 0, false
		}
		if !t.IsCapitalized() && !lg.is(cGenitive|cDet, f) {
			if lg.is(closedClasses, f) {
				return 0, false
			}
			lower++
		}
	}
	return lower, true
}

// andTitle reports whether the tokens [a, b] are an "and" followed by the title of the second side of a pair:
// a determiner or possessive at most, then words that may name a role, with genitive prepositions and
// capitalised words ("and his Lithuanian", "et le chef de la diplomatie", "và Phó Thủ tướng thứ nhất", "e o
// líder da"); at most four lower-case words that are no closed-class words.
func (d *doc) andTitle(a, b int) bool {
	lg := d.lg
	if d.fold(a) == "," {
		a++ // "X, e o líder da Renamo": an apposition of the first side closed before the "and"
	}
	if b-a < 1 || b-a > 6 || !lg.is(cAnd, d.fold(a)) {
		return false
	}
	k := a + 1
	if lg.is(cDet|cOwn, d.fold(k)) {
		k++
	}
	lower, ok := d.titleWords(k, b, cAnd|cBarrier|cRel|cThat|cLoc|cNeg)
	return ok && lower >= 1 && lower <= 4
}

// listPair is the R reading of a list that the phrase grouping made ("A's president X and B's prime minister
// Y"), when unit p holds its near end reading in direction dir (the last member walking back from the verb,
// the first walking forward): the first named with the second, and the unit past the list's far end.
func (s *sentence) listPair(p, dir int) (recipTry, bool) {
	pi := s.u[p].phrase
	if pi < 0 || isHan(s.d.toks[s.u[p].tok].Text) {
		return recipTry{}, false // Chinese glues its pairs (glued, compound)
	}
	l := s.d.phrases[pi].list
	if len(l) < 2 {
		return recipTry{}, false
	}
	near, far := l[0], l[len(l)-1]
	if dir < 0 {
		near, far = far, near
	}
	if near != pi {
		return recipTry{}, false
	}
	for q := p + dir; q >= 0 && q < len(s.u); q += dir {
		if s.u[q].phrase == far {
			first := p
			if dir < 0 {
				first = q
			}
			// the sentence's subject ("X and Y signed", "Gestern haben X und Y ... unterzeichnet"), or the two
			// sides after a between word ("un entretien entre X et son homologue Y"); not an object list
			if s.locative(first) || !s.subjectAt(first) && !s.d.phrases[pi].between {
				return recipTry{}, false
			}
			return recipTry{pair: [2]int{l[0], l[1]}, end: q + dir}, true
		}
		if s.u[q].phrase < 0 && s.barrierAt(q) {
			return recipTry{}, false
		}
	}
	return recipTry{}, false
}

// closeParens extends a phrase that ends inside a parenthesis it opened to the closing mark ("National
// Liberation Army (ELN)"), so that the mark is no unit between the phrase and the verb.
func (d *doc) closeParens() {
	for pi := range d.phrases {
		p := &d.phrases[pi]
		k := p.last + 1
		if k >= len(d.toks) || d.toks[k].Text != ")" {
			continue
		}
		open := 0
		for j := p.first; j <= p.last; j++ {
			switch d.toks[j].Text {
			case "(":
				open++
			case ")":
				open--
			}
		}
		if open == 1 && (pi+1 >= len(d.phrases) || d.phrases[pi+1].first > k) {
			p.last = k
		}
	}
}

// partnerCountry is, for phrase ph whose head is an opposition group that got its country only from the
// sentence's context (a place, the dateline, the article), the country of the other side of the pair "A and
// B" it belongs to, when that side names its country: "the government of Nicolas Maduro and the country's
// opposition" (signed in Barbados) is Venezuela's opposition, as a domestic pair. "" when none.
func (d *doc) partnerCountry(ph int) string {
	m := d.ments[d.phrases[ph].head]
	l := d.phrases[ph].list
	if len(l) != 2 || m.Actor.Sector != "OPP" {
		return ""
	}
	switch {
	case m.Actor.Type == dyad.TypeGroup && (m.Via == "place" || m.Via == "sentence" || m.Via == "dateline" || m.Via == "article"):
	case m.Actor.Type == dyad.TypePerson && m.Via == "title" && len(d.phrases[ph].members) == 1:
		// "la opositora Plataforma Unitaria": a name after an opposition title, the country from the context
	default:
		return ""
	}
	other := l[0]
	if other == ph {
		other = l[1]
	}
	o := d.ments[d.phrases[other].head]
	switch o.Via {
	case "place", "sentence", "dateline", "article", "sector", "coref":
		return ""
	}
	if o.Actor.Country == "" || o.Actor.Country == m.Actor.Country || o.Actor.Sector == "OPP" {
		return ""
	}
	return o.Actor.Country
}

// subjectAt reports whether the phrase at unit p opens the sentence as its subject (firstPhrase), or follows
// that opening phrase across a preposition of belonging and title words only: the side named after a
// delegation noun ("Representatives of Venezuelan President X and ...", "Envoys from Sudan's army and ...").
func (s *sentence) subjectAt(p int) bool {
	f := s.firstPhrase()
	if f < 0 {
		f = s.afterHeader()
	}
	if f == p {
		return true
	}
	if f < 0 || f > p || p-f > 5 {
		return false
	}
	for k := f + 1; k < p; k++ {
		u := s.u[k]
		if u.phrase >= 0 || !u.is(cPrep|cGenitive|cDet) && !s.d.capitalized(u) {
			return false
		}
	}
	return true
}

// afterHeader returns the unit of the first actor phrase after a dateline header that a dash closes
// ("MAPUTO, 6 ago (Lusa) - O chefe de Estado moçambicano, X, e ..."), within eight units of it; -1 when none.
func (s *sentence) afterHeader() int {
	start := -1
	for k := 1; k < len(s.u) && k < 16; k++ {
		if isDash(s.u[k].fold) {
			start = k + 1
		}
		if start >= 0 {
			break
		}
	}
	if start < 0 {
		return -1
	}
	for k := start; k < len(s.u) && k-start <= 8; k++ {
		u := s.u[k]
		if u.phrase >= 0 && !s.d.datelinePhrase(u.phrase) && !s.locative(k) {
			return k
		}
		if u.phrase < 0 && s.barrierAt(k) {
			return -1
		}
	}
	return -1
}
