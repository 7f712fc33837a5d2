package coder

import (
	"slices"
	"strings"

	"github.com/dyad-events/dyad"
)

// contentWidth is how many units after a speech act's words its target may lie ("offered his condolences to
// the families of the victims of Monday's earthquake in Turkey").
const contentWidth = 30

// contentTarget resolves the C slot of a match: the first actor phrase of a country other than the source's,
// or the first place of the gazetteer in another country, named in the content of the speech act (the words
// after the pattern's, up to the end of the sentence or a semicolon). The speech act is about that country:
// condolences over a disaster there, a denial of its accusations, a threat or support aimed at it. A phrase
// of the source's own country ("Kigali" for Rwanda's government), one of no country and the dateline are
// passed over. A list "A and B" there gives an event to each (pairs reads it from the list's first member).
func (s *sentence) contentTarget(b *binding) bool { return s.contentAfter(b, false) }

// contentAfter is contentTarget; with answer set it reads only the content after the act's words.
func (s *sentence) contentAfter(b *binding, answer bool) bool {
	if b.cAt < 0 {
		return false
	}
	if b.s < 0 {
		return false // a pronoun's speaker is a guess ("auquel il a exprimé ..."): the content's target would be one more
	}
	a := s.d.actorOf(b.s)
	src := a.Country
	if src == "" && !isIGO(a) {
		return false
	}
	// an international body (a source of no country: the UN, the EU, the ICC) is of none of the content's
	// countries, so its first actor of any country is the target ("la CPI a ouvert une enquête sur la guerre
	// menée par le président philippin")
	prep, adjacent := false, true
	for q := b.cAt; q < len(s.u) && q < b.cAt+contentWidth; q++ {
		u := s.u[q]
		if u.phrase < 0 && u.fold == ";" {
			break
		}
		if u.phrase < 0 && adjacent && u.is(cDet|cPrep) {
			// a locative ("die Freilassung des in Russland festgenommenen X") places the content; it owns nothing
			prep = prep || u.is(cPrep) && !u.is(cLoc)
			continue
		}
		if u.phrase >= 0 && adjacent && !prep && u.phrase != b.s && strings.HasPrefix(s.d.actorOf(u.phrase).Code, "IGO") {
			// an international body right after the act's words is its object, though of no country ("impone
			// sanzioni alla Corte penale internazionale, accusata di ... gli Stati Uniti")
			b.t = u.phrase
			return true
		}
		if u.phrase >= 0 && adjacent && prep && !answer {
			// "exprimé la solidarité de la France": the act's possessor is its giver, not its target (an
			// addressee after the act's words is the pattern's own T); the possessor of an act a reply
			// answers is its author ("a condamné les attaques du Hamas")
			adjacent = false
			continue
		}
		adjacent = false
		if n, ok := s.contentAt(b, q, src); ok {
			return true
		} else if n > 1 {
			q += n - 1
		}
	}
	if answer || b.cAt <= b.hi {
		// a C written inside a pattern, before its last words ("S @hat ..8 NOUN ..2 PREP C ..14 LIGHT"), reads its
		// content only: what stands between the source and the act is no content there
		return false
	}
	return s.contentBetween(b, src)
}

// contentBetween finds the target of a speech act between its source and its words.
func (s *sentence) contentBetween(b *binding, src string) bool {
	// "said he was anguished by the earthquake in Turkey, and offered his condolences to the families of the
	// victims": the content told between the speaker and the act
	for q := b.hi; q > b.lo; q-- {
		if _, ok := s.contentAt(b, q, src); ok {
			return true
		}
	}
	return false
}

// contentAt reads unit q as the target of a speech act whose source is of country src: an actor phrase of
// another country, or the first unit of a place of the gazetteer in another country (n is its length in units).
func (s *sentence) contentAt(b *binding, q int, src string) (n int, ok bool) {
	u := s.u[q]
	if u.phrase < 0 {
		if s.isDate(q) {
			return 1, false
		}
		n, cc, ok := s.placeAt(q, 1, false)
		if ok && cc != "" && cc != src {
			b.place, b.placeAt = cc, [2]int{s.u[q].tok, s.u[q+n-1].last}
			return n, true
		}
		return n, false
	}
	if u.phrase == b.s || s.d.datelinePhrase(u.phrase) {
		return 1, false
	}
	if a := s.d.actorOf(u.phrase); a.Country != "" && a.Country != src {
		b.t = u.phrase
		return 1, true
	}
	return 1, false
}

// contentTwin returns the twin of one of our patterns of a speech act (a code of the grammar's content class)
// that ends in its addressee: "S @express* ..3 condolences ..4 to/with T" also reads "S @express* ..3
// condolences C", whose target is named in the content ("expressed condolences over the earthquake in
// Turkey", "dismissed claims that it shelled villages in Afghanistan"). The addressee's preposition (a word of
// a closed class) and a gap before T are dropped; the twin counts one word less than its pattern, so the
// pattern wins where the addressee is named. T right after the act's words is its object, and gives no twin.
// Only a pattern that keeps two words besides its closed-class ones
// (the verb and the noun of the act: "expressed ... condolences", "vowed ... retaliation") has a twin: a verb
// alone ("S @support T") says too little about what its content is. It returns nil for other patterns.
func (lg *lang) contentTwin(pt *pattern) *pattern {
	n := len(pt.elems)
	if !lg.speechAct(pt) || n < 3 {
		return nil
	}
	last := pt.elems[n-1]
	if last.kind != kSlot || last.slot != 'T' || last.has != nil || pt.elems[0].kind != kSlot || pt.elems[0].slot != 'S' {
		return nil
	}
	k := n - 1
	if pt.elems[k-1].kind == kLit && !pt.elems[k-1].optional && lg.closedLit(pt.elems[k-1]) {
		k--
	}
	for k > 1 && (pt.elems[k-1].kind == kGap || pt.elems[k-1].kind == kLit && pt.elems[k-1].optional) {
		k--
	}
	if k == n-1 {
		return nil // T right after the act's words ("S ..3 ủng hộ T"): its object, not the content's
	}
	words := 0
	for _, e := range pt.elems[1:k] {
		if e.kind == kLit && !e.optional && !lg.closedLit(e) {
			words++
		}
	}
	if words < 2 {
		return nil
	}
	ct := &pattern{code: pt.code, id: pt.id, text: pt.text, conf: pt.conf}
	ct.elems = append(slices.Clone(pt.elems[:k]), elem{kind: kSlot, slot: 'C'})
	if err := ct.finish(); err != nil {
		return nil
	}
	return ct
}

// closedLit reports whether every alternative of literal e is one word of a closed class (a preposition,
// an article, an addressee word of grammar: "to/with/against", "à/au/aux").
func (lg *lang) closedLit(e elem) bool {
	for _, a := range e.alts {
		if len(a) != 1 || a[0].prefix || a[0].stem || lg.class[a[0].text]&(closedClasses|cAddressee|cAgent|cGoal) == 0 {
			return false
		}
	}
	return true
}

// addresseeTwin returns the twin of one of our speech-act patterns (a code of the grammar's content class)
// that names its addressee after the act's noun, with the addressee before the noun: "S ..2 manifest* ..3
// pesar ..4 a/ao T" also reads "S ..2 manifest* a/ao T ..6 pesar" ("manifestou ao povo brasileiro o seu
// profundo pesar", "endereçou ao homólogo moçambicano as condolências"), the order Romance news uses when the
// act's noun phrase is long. The pattern must end in an addressee word and T, with a gap between its verb and
// its noun. It returns nil for other patterns.
func (lg *lang) addresseeTwin(pt *pattern) *pattern {
	if !lg.speechAct(pt) {
		return nil
	}
	n := len(pt.elems)
	if n < 6 || pt.elems[n-1].kind != kSlot || pt.elems[n-1].slot != 'T' || pt.elems[n-1].has != nil || pt.elems[0].kind != kSlot || pt.elems[0].slot != 'S' {
		return nil
	}
	a := n - 2 // the addressee word
	if e := pt.elems[a]; e.kind != kLit || e.optional || !lg.closedLit(e) {
		return nil
	}
	m := a - 1 // the act's noun, past a gap
	for m > 0 && pt.elems[m].kind == kGap {
		m--
	}
	if e := pt.elems[m]; m == a-1 || e.kind != kLit || e.optional || lg.closedLit(e) {
		return nil
	}
	v := m - 1 // the verb, before a gap and optional words
	for v > 0 && (pt.elems[v].kind == kGap || pt.elems[v].kind == kLit && pt.elems[v].optional) {
		v--
	}
	if e := pt.elems[v]; v == 0 || e.kind != kLit || e.optional || lg.closedLit(e) || pt.elems[v+1].kind != kGap {
		return nil
	}
	tw := &pattern{code: pt.code, id: pt.id, text: pt.text, conf: pt.conf}
	tw.elems = append(slices.Clone(pt.elems[:v+1]), pt.elems[a], pt.elems[n-1], elem{kind: kGap, max: 6})
	tw.elems = append(tw.elems, pt.elems[v+2:m+1]...)
	if err := tw.finish(); err != nil {
		return nil
	}
	return tw
}

// speechAct reports whether pt is one of our patterns of a speech act whose code the grammar's content class
// holds, with one code.
func (lg *lang) speechAct(pt *pattern) bool {
	if len(lg.contentCodes) == 0 || pt.origin != "" || pt.code2 != "" || pt.code == NullCode || pt.inverted {
		return false
	}
	for _, c := range lg.contentCodes {
		if strings.HasPrefix(pt.code, c) {
			return true
		}
	}
	return false
}

// andNotThat reports whether unit k is an "and" word of grammar that no "that" word follows.
func (s *sentence) andNotThat(k int) bool {
	if k >= len(s.u) || s.u[k].phrase >= 0 || !s.u[k].is(cAnd) {
		return false
	}
	return k+1 >= len(s.u) || s.u[k+1].phrase >= 0 || !s.u[k+1].is(cThat)
}

// deniedContent reports whether candidate cd tells what another candidate of the sentence denies: its trigger
// lies after the words of a denial (CAMEO 016: "dismissed accusations that it backs the M23 rebels", "bestritt
// Vorwürfe, deutsche Firmen hätten Waffen an die Türkei geliefert"): a clause that opens right after the
// denial's words with a `that` word of grammar or a comma, up to a semicolon or a comma and
// an "and" that opens a second act ("..., and blamed Kinshasa for the escalation").
// The denied act is the accusation's content, not news; the accuser's own accusation, a clause whose subject is
// the denial's target ("rejected the accusations of the US, which blame Tehran for the attacks"), is.
func (s *sentence) deniedContent(cd candidate, cands []candidate) bool {
	for _, dn := range cands {
		if dn.codeOf() != "016" || dn.b.hi >= cd.b.trig || dn.b.lo > cd.b.lo && dn.b.lo <= cd.b.hi {
			continue
		}
		if cd.b.s >= 0 && cd.b.s == dn.b.t {
			continue // the accuser's own act, told in a relative clause ("les accusations des Etats-Unis, qui imputent à Téhéran ..."), is news
		}
		if k := dn.b.hi + 1; k >= len(s.u) || s.u[k].phrase >= 0 || s.u[k].fold != "," && !s.u[k].is(cThat) ||
			s.u[k].fold == "," && k+1 < len(s.u) && s.u[k+1].phrase < 0 && s.u[k+1].is(cAnd) {
			continue // the content opens with "that" or a comma; "zurückgewiesen und ... einbestellt" is a second act
		}
		semi := false // the content ends at ";", or at ", and" that no "that" follows ("..., and blamed Kinshasa": a second act)
		for k := dn.b.hi + 1; k < cd.b.trig; k++ {
			if s.u[k].phrase < 0 && (s.u[k].fold == ";" || s.u[k].fold == "," && s.andNotThat(k+1)) {
				semi = true
				break
			}
		}
		if !semi {
			return true
		}
	}
	return false
}

// answerTarget resolves the P slot of a match: a reply told with no target ("Islamabad vowing to retaliate",
// "et Téhéran a promis une riposte", "Damas dénonçant une « agression »") answers the act the sentence told
// before it, so its target is the first actor phrase of another country than the source's named before the
// source, a place ("en Irak", "a Baghdad") and the dateline passed over. One named in the content after the
// act's words comes first ("dénonçant une agression de l'Inde"), one named between the source and the act's
// words last ("ha accusato Israele, promettendo una punizione"). A pronoun source gives no event, as for C.
func (s *sentence) answerTarget(b *binding) bool {
	if b.s < 0 {
		return false
	}
	src := partyKey(s.d.actorOf(b.s))
	if src == "" {
		return false
	}
	if s.contentAfter(b, true) {
		return true // "promettant une riposte contre l'Inde": named in the content
	}
	at := slices.IndexFunc(s.u, func(u unit) bool { return u.phrase == b.s })
	if at < 0 || at > b.lo {
		at = b.lo
	}
	found := -1
	for q := 0; q < at; q++ {
		u := s.u[q]
		if u.phrase < 0 {
			if u.fold == ";" {
				found = -1 // a new clause: what came before is no act it answers
			}
			continue
		}
		if found >= 0 || u.phrase == b.s || s.d.datelinePhrase(u.phrase) || s.locative(q) {
			continue
		}
		if k := partyKey(s.d.actorOf(u.phrase)); k != "" && k != src {
			found = u.phrase
		}
	}
	if found >= 0 {
		b.t = found
		return true
	}
	return s.contentBetween(b, src)
}

// partyKey tells two parties of a reply apart: an actor's country, or the code of a body without one (an
// IGO: "Bruxelles a ouvert une enquête ..., et Pékin a dénoncé une mesure « protectionniste »").
func partyKey(a dyad.EventActor) string {
	if a.Country != "" {
		return a.Country
	}
	if isIGO(a) {
		return a.Code
	}
	return ""
}
