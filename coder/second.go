package coder

// The second event of a sentence: a clause that shares the first clause's subject without repeating it.

// auxLit reports whether every alternative of a pattern word is one perfect auxiliary of grammar (perfect):
// "@hat" in "S @hat ..8 T ..8 @beschuldigen2P".
func (s *sentence) auxLit(e delem) bool {
	for _, a := range e.dalts {
		if len(a) != 1 || a[0].prefix || a[0].stem || !s.d.lg.is(cPerfect, a[0].text) {
			return false
		}
	}
	return len(e.dalts) > 0
}

// elidedAux reports whether the and word at unit p joins a second participle to a first one whose perfect
// auxiliary it shares: "Die Regierung hat die Beziehungen zu Israel abgebrochen und Israel des Völkermords
// beschuldigt", "heeft Y opgepakt en de noodtoestand afgekondigd". A word that is no actor phrase stands right
// before p (the first participle; a comma may close its clause: "..., verursacht zu haben, und"), and a perfect
// auxiliary stands before that word, after the sentence's subject.
func (s *sentence) elidedAux(p int) bool {
	if p < 2 || p >= len(s.u) || s.u[p].phrase >= 0 || !s.u[p].is(cAnd) {
		return false
	}
	q := p - 1
	if isComma(s.u[q].fold) {
		q--
	}
	if q < 1 || s.u[q].phrase >= 0 || !s.d.toks[s.u[q].tok].IsWord() || s.u[q].is(closedClasses) || s.d.capitalized(s.u[q]) {
		return false
	}
	f := s.firstPhrase()
	if f < 0 {
		return false
	}
	for k := q - 1; k > f; k-- {
		if u := s.u[k]; u.phrase < 0 && u.is(cPerfect) {
			return true
		}
	}
	return false
}

// passiveLit reports whether a pattern word holds a passive auxiliary of grammar (passive) among its
// alternatives: "@be" in "T @be ^PP ..4 by S".
func (s *sentence) passiveLit(e delem) bool {
	for _, a := range e.dalts {
		if len(a) == 1 && !a[0].prefix && !a[0].stem && s.d.lg.is(cPassive, a[0].text) {
			return true
		}
	}
	return false
}

// elidedPassive reports whether the and word at unit p joins a second passive participle to a first one whose
// auxiliary it shares: "Pedro Castillo was removed by Peru's Congress and detained by police", "was convicted by a
// court in Islamabad and arrested by police". The sentence's subject opens it and a passive auxiliary follows that
// subject within two words; no barrier or stop other than a comma stands between that auxiliary and p.
func (s *sentence) elidedPassive(p int) bool {
	if p < 3 || p >= len(s.u) || s.u[p].phrase >= 0 || !s.u[p].is(cAnd) {
		return false
	}
	f := s.firstPhrase()
	if f < 0 || f >= p {
		return false
	}
	aux := -1
	for k := f + 1; k < len(s.u) && k <= f+2; k++ {
		if s.u[k].phrase < 0 && s.u[k].is(cPassive) {
			aux = k
			break
		}
	}
	if aux < 0 || p-aux < 2 {
		return false
	}
	for k := aux + 1; k < p; k++ {
		u := s.u[k]
		if u.phrase < 0 && (u.is(cAnd) || s.barrierAt(k) || isStop(s.d.toks[u.tok].Text)) {
			return false
		}
	}
	return true
}

// walkElidedPassive goes on with a passive pattern past the and word at unit p read as its auxiliary els[j]: the
// passive's subject T, the pattern's last element walking left, is the sentence's subject (elidedPassive).
func (s *sentence) walkElidedPassive(els []delem, j, p int, b *binding) bool {
	if j+2 != len(els) || els[j+1].kind != kSlot || els[j+1].slot != 'T' || s.ownAux(p, b) {
		return false
	}
	f := s.firstPhrase()
	e := els[j+1]
	if f < 0 || f >= p || e.has != nil && !s.phraseHas(s.u[f].phrase, e.has) {
		return false
	}
	save := *b
	save.lits = b.lits[:len(b.lits):len(b.lits)]
	b.elided = true
	b.lits = append(b.lits, p)
	s.extend(b, p)
	b.t = s.u[f].phrase
	s.extend(b, f)
	if s.walk(els, j+2, f-1, -1, b) {
		return true
	}
	*b = save
	return false
}

// walkElided goes on with the pattern past the and word at unit p read as the auxiliary els[j]: the subject
// is the sentence's (or that of the clause the first participle belongs to), as after a pattern word "and".
func (s *sentence) walkElided(els []delem, j, p int, b *binding) bool {
	if s.ownAux(p, b) {
		return false
	}
	save := *b
	save.lits = b.lits[:len(b.lits):len(b.lits)]
	b.elided = true
	b.lits = append(b.lits, p)
	s.extend(b, p)
	if j+1 < len(els) && els[j+1].kind == kSlot && els[j+1].slot == 'S' {
		e := els[j+1]
		f := s.firstPhrase()
		if g := s.clauseSubject(f, p); g >= 0 {
			f = g
		}
		if f >= 0 && f < p && (e.has == nil || s.phraseHas(s.u[f].phrase, e.has)) {
			b.s = s.u[f].phrase
			s.extend(b, f)
			if s.walk(els, j+2, f-1, -1, b) {
				return true
			}
		}
		*b = save
		return false
	}
	if s.walk(els, j+1, p-1, -1, b) {
		return true
	}
	*b = save
	return false
}

// relClause describes the relative clause that the trigger at unit trig stands in: ", [PREP [DET]] REL ...
// TRIGGER" right after an actor phrase, the antecedent ("Yván Gil, con quien firmó", "Israël, dat hij
// beschuldigt", "Israel Katz, que declarou"). Fields are unit indices, -1 when absent.
type relClause struct {
	ante int // the antecedent: the actor phrase before the comma
	prep int // the preposition before the relative pronoun ("con quien", "avec laquelle"), or -1
	rel  int // the relative pronoun
	subj int // the relative clause's own subject, between the pronoun and the trigger (a phrase or a pronoun), or -1
}

// relClauseAt finds the relative clause that opens at most a few words before unit trig; ok is false when the
// trigger stands in none.
func (s *sentence) relClauseAt(trig int) (relClause, bool) {
	rc := relClause{ante: -1, prep: -1, rel: -1, subj: -1}
	for k, words := trig-1, 0; k >= 3 && words <= 4; k-- {
		u := s.u[k]
		if u.phrase >= 0 {
			if rc.subj >= 0 {
				return rc, false
			}
			rc.subj = k
			continue
		}
		if isCommaLike(u.fold) || s.isBarrier(u) && !u.is(cRel) {
			return rc, false
		}
		if !u.is(cRel) {
			if cls, _ := s.pronounAt(k, 1); cls&(cHe|cThey) != 0 && rc.subj < 0 {
				rc.subj = k
			}
			words++
			continue
		}
		if u.is(cDet) && (rc.subj != k+1 || s.u[k+1].phrase >= 0) {
			return rc, false // "die", "das", "het": an article unless a subject pronoun follows ("dat hij beschuldigt")
		}
		q := k - 1
		if s.u[q].phrase < 0 && s.u[q].is(cDet) && !isComma(s.u[q].fold) {
			q-- // "com o qual", "con la cual"
		}
		if s.u[q].phrase < 0 && !isComma(s.u[q].fold) && s.d.toks[s.u[q].tok].IsWord() {
			rc.prep = q // "con quien", "avec laquelle"
			q--
		} else if q != k-1 {
			return rc, false
		}
		if q < 1 || !isComma(s.u[q].fold) {
			return rc, false
		}
		a := s.antecedent(q)
		if a < 0 {
			return rc, false
		}
		rc.rel, rc.ante = k, a
		return rc, true
	}
	return rc, false
}

// antecedent returns the actor phrase that a relative clause opening with the comma at unit q stands for: the
// phrase right before the comma, or before a name in apposition that is no actor of its own ("a su homólogo
// venezolano, Yván Gil, con quien"), or, in a verb-second language, before the main clause's last words (its
// verbs and a second object: "die Beziehungen zu Israel abgebrochen, das er ...", "diplomaten het land uitgezet,
// die zij ..."); -1 when there is none.
func (s *sentence) antecedent(q int) int {
	k := q - 1
	if s.d.lg.verbSecond {
		for n := 0; n < 3 && k > 0 && s.u[k].phrase < 0 && s.d.toks[s.u[k].tok].IsWord() && !s.d.capitalized(s.u[k]) && !s.u[k].is(cAnd|cPrep|cRel|cBarrier); n++ {
			k--
		}
	}
	if k > 0 && s.u[k].phrase < 0 && s.d.capitalized(s.u[k]) {
		for n := 0; n < 4 && k > 0 && s.u[k].phrase < 0 && s.d.capitalized(s.u[k]) && s.d.toks[s.u[k].tok].IsWord(); n++ {
			k--
		}
		if !isComma(s.u[k].fold) {
			return -1
		}
		k--
	}
	if k < 0 || s.u[k].phrase < 0 || s.locative(k) {
		return -1
	}
	return k
}

// walkRelPrep reads the pattern words els[j] (a preposition) and els[j+1] (T) at a relative clause that opens
// with that preposition: "recibió a su homólogo Yván Gil, con quien firmó un acuerdo" is the subject signing
// with Gil. The walk goes on after T from unit p, where the preposition was looked for.
func (s *sentence) walkRelPrep(els []delem, j, p int, b *binding) bool {
	if j+1 >= len(els) || els[j+1].kind != kSlot || els[j+1].slot != 'T' || els[j+1].has != nil {
		return false
	}
	rc, ok := s.relClauseAt(b.trig)
	if !ok || rc.prep < 0 {
		return false
	}
	for _, a := range els[j].dalts {
		if end, ok := s.lit(a, rc.prep, 1); !ok || end != rc.prep+1 {
			continue
		}
		save := *b
		save.lits = b.lits[:len(b.lits):len(b.lits)]
		b.t, b.rel = s.u[rc.ante].phrase, true
		b.lits = append(b.lits, rc.prep)
		s.extend(b, rc.prep)
		if s.walk(els, j+2, p, 1, b) {
			return true
		}
		*b = save
	}
	return false
}

// relObject binds T, the slot right after the trigger, to the antecedent of a relative clause whose pronoun is
// the verb's object (its own subject stands between them: "Israël, dat hij beschuldigt van genocide", "la
// decisión, que Katz calificó de ..."), and goes on with the pattern from unit p.
func (s *sentence) relObject(els []delem, j, p int, b *binding) bool {
	rc, ok := s.relClauseAt(b.trig)
	if !ok || rc.prep >= 0 || rc.subj < 0 || els[j].has != nil {
		return false
	}
	save := *b
	b.t, b.rel = s.u[rc.ante].phrase, true
	if s.walk(els, j+1, p, 1, b) {
		return true
	}
	*b = save
	return false
}

// relSubject binds S, looked for at unit p walking left, when p is the relative pronoun of the clause the
// trigger stands in: the antecedent when the pronoun is the subject ("Israel Katz, que declarou Lula persona
// non grata"), the sentence's subject when the clause opens with a preposition ("..., con quien firmó"). The
// walk goes on before the phrase bound.
func (s *sentence) relSubject(els []delem, j, p int, b *binding) bool {
	rc, ok := s.relClauseAt(b.trig)
	if !ok || p != rc.rel {
		return false
	}
	f := rc.ante
	if rc.prep >= 0 {
		if f = s.firstPhrase(); f < 0 || f >= rc.ante {
			return false
		}
	} else if rc.subj >= 0 || s.u[rc.ante].phrase == b.t {
		return false
	}
	e := els[j]
	if e.has != nil && !s.phraseHas(s.u[f].phrase, e.has) {
		return false
	}
	save := *b
	b.s, b.rel = s.u[f].phrase, true
	s.extend(b, p)
	if s.walk(els, j+1, f-1, -1, b) {
		return true
	}
	*b = save
	return false
}

// ownAux reports whether the conjunct after the and word at unit p, up to the first word the match holds there,
// has an auxiliary of its own (grammar perfect or passive): then it is a clause with its own subject and verb,
// not a participle that shares the first clause's auxiliary ("Deutschland hat zwei russische Diplomaten
// ausgewiesen, und Moskau hat zwei deutsche Diplomaten ausgewiesen": Moscow expels, not Germany).
func (s *sentence) ownAux(p int, b *binding) bool {
	end := len(s.u)
	for _, l := range b.lits {
		if l > p && l < end {
			end = l
		}
	}
	for k := p + 1; k < end; k++ {
		if u := s.u[k]; u.phrase < 0 && u.is(cPerfect|cPassive) {
			return true
		}
	}
	return false
}
