package coder

import "slices"

// Word order as a mechanism: a pattern is written once, in the order of a plain main clause ("S @hat ..8 T ..6
// getroffen"), and the orders a language's grammar declares are derived from it.

// invertedTwin returns, in a verb-second language (option verb-second), the inverted twin of one of our
// patterns that opens with its subject and a verb: "S @hat ..8 T ..6 getroffen" also reads "@hat S ..8 T ..6
// getroffen" ("Am Dienstag hat X Y getroffen"), "T @passiv ..8 von S ..6 empfangen" also "@passiv T ..8 von S
// ..6 empfangen". A gap between the subject and the verb ("S ..2 nahm ..8 T ..4 fest") is dropped: slack
// covers the words between a verb and the subject after it. It returns nil for other shapes: a subject
// followed by a word of a closed class ("S und mit T") or tight to its verb ("S! ..."), imported patterns,
// agentless passives.
func (lg *lang) invertedTwin(pt *pattern) *pattern {
	if !lg.verbSecond || pt.origin != "" || len(pt.elems) < 2 || pt.agentless {
		return nil // an agentless passive guesses its source: in inverted order it would guess past a named agent
	}
	subj := pt.elems[0]
	if subj.kind != kSlot || subj.tight || (subj.slot != 'S' && subj.slot != 'R' && !(subj.slot == 'T' && pt.tSubject)) {
		return nil
	}
	v := 1
	if pt.elems[v].kind == kGap {
		v++
	}
	if v >= len(pt.elems) {
		return nil
	}
	verb := pt.elems[v]
	if verb.kind != kLit || verb.optional || verb.poss || verb.tight {
		return nil
	}
	closed := 0
	for _, a := range verb.alts {
		if !a[0].prefix && !a[0].stem && lg.class[a[0].text]&(closedClasses|cBetween) != 0 {
			closed++
		}
	}
	if closed == len(verb.alts) {
		return nil // "S und mit T", "S ..12 zwischen T ..4 zu vermitteln": no verb after the subject ("S @aux" is one, though "zijn" is also "his")
	}
	if v+1 < len(pt.elems) && pt.elems[v+1].tight {
		return nil
	}
	tw := &pattern{code: pt.code, code2: pt.code2, id: pt.id, text: pt.text, conf: pt.conf, inverted: true}
	tw.elems = append(tw.elems, verb, subj)
	tw.elems = append(tw.elems, slices.Clone(pt.elems[v+1:])...)
	if err := tw.finish(); err != nil {
		return nil
	}
	return tw
}

// fronted reports whether the clause of the verb at unit lo opens with a fronted phrase, so that its subject
// follows the verb: a phrase of time, place or cause ("Am Dienstag", "In Den Haag", "Wegen der Proteste"),
// or a subordinate clause or quotation closed by a comma ("Nachdem ..., hat X"). Nothing before the verb (a
// question, a dateline), a determiner or a pronoun opening the clause ("Der Bericht hat ...", "Er hat ..."),
// an actor phrase opening it, or a relative clause or apposition closing before the verb ("X, der ..., hat")
// is a subject: the inverted reading is wrong there.
func (s *sentence) fronted(lo int) bool {
	if lo <= 0 {
		return false
	}
	if p := lo - 1; s.u[p].phrase < 0 && s.u[p].fold == "," {
		return s.relClauseStart(p) < 0 && s.appositionSubject(p) < 0
	}
	c := s.clauseStart(lo)
	if c == lo {
		return false
	}
	first := s.u[c]
	if first.phrase < 0 && first.is(cDet|cHe|cThey|cIt|cWe|cRel|cAnd) {
		return false
	}
	// an actor phrase before the verb that no preposition governs is its subject ("Minister X van Buitenlandse
	// Zaken heeft ..."), unless it is a noun's attribute in a fronted phrase ("Nach dem Raketentest Nordkoreas")
	for k := c; k < lo; k++ {
		if u := s.u[k]; u.phrase >= 0 && !s.d.datelinePhrase(u.phrase) && !s.locative(k) && !s.governedBy(k, cPrep|cLoc|cFront) && !s.nounAttribute(k) {
			return false
		}
	}
	return true
}

// nounAttribute reports whether the actor phrase at unit p is the attribute of a noun inside a fronted phrase
// that a preposition opens ("Nach dem Raketentest Nordkoreas haben ...", "Als Reaktion auf die Festnahme des
// Bürgermeisters X gehen ..."): a capitalised word of no closed class and no actor stands right before it (or
// before its determiner), and a preposition stands before that noun in its clause. Such a phrase before
// the verb is no subject.
func (s *sentence) nounAttribute(p int) bool {
	if p < 2 {
		return false
	}
	q := p - 1
	if s.u[q].phrase < 0 && s.u[q].is(cDet) && q > 1 {
		q-- // "die Festnahme des Bürgermeisters X": a determiner between the noun and its attribute
	}
	n := s.u[q]
	if n.phrase >= 0 || !s.d.capitalized(n) || n.is(closedClasses) || s.isDate(q) {
		return false
	}
	for k := s.clauseStart(q); k < q; k++ {
		if s.u[k].phrase < 0 && s.u[k].is(cPrep|cLoc|cFront) {
			return true
		}
	}
	return false
}

// clauseStart returns the first unit of the clause that unit k is in: the unit after the last comma, dash or
// stop before k, or the sentence's first.
func (s *sentence) clauseStart(k int) int {
	for k > 0 {
		u := s.u[k-1]
		if u.phrase < 0 && (u.fold == "," || u.fold == "-" || u.fold == "--" || isStop(s.d.toks[u.tok].Text)) {
			break
		}
		k--
	}
	return k
}

// frontedGoverned reports whether the actor phrase at unit p follows a preposition inside the phrase that opens
// its clause ("**Aan de vooravond van de NAVO-top** hebben X en Y ..."): in a verb-second language it is no
// subject, which follows the verb. A phrase after a preposition later in the clause ("Rutte heeft namens de
// regering ...") is not in the opening phrase: an actor phrase stands before it.
func (s *sentence) frontedGoverned(p int) bool {
	if !s.governedBy(p, cPrep|cLoc|cFront) {
		return false
	}
	c := s.clauseStart(p)
	if u := s.u[c]; u.phrase < 0 && u.is(cDet) {
		return false // "Een commando van gewapende mannen heeft ...": a noun phrase opens the clause, the subject
	}
	for k := c; k < p; k++ {
		if u := s.u[k]; u.phrase >= 0 && !s.d.datelinePhrase(u.phrase) && !s.governedBy(k, cPrep|cLoc|cFront) {
			return false
		}
	}
	return true
}
