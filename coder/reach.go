package coder

import "slices"

// maxSubjRel is how many units a relative clause without commas may span between its pronoun and the verb
// after it.
const maxSubjRel = 25

// subjRelAntecedent returns, for the slot S looked for walking left from unit p, the sentence's subject when a
// relative clause without commas stands between it and p: "The officers who seized power in Niger urged
// France", "Les militaires qui ont pris le pouvoir au Niger ont accusé la France", "De militairen die de
// macht grepen in Niger hebben Frankrijk beschuldigd". The clause opens with a `subjrel` word of grammar
// right after the sentence's first actor phrase, and no stop, comma, barrier or `and` stands between its
// pronoun and p; an actor phrase right after the pronoun is the clause's own subject (an object relative,
// or a complementiser: "que Francia ..."), and then nothing is returned. The actor phrases inside the clause
// ("power in Niger", "ousted President Bazoum") are not the subject of the verb after it. The verb right after
// the pronoun is the clause's own and is left alone: its slots after it would reach past the clause's end.
// -1 when there is no such clause.
func (s *sentence) subjRelAntecedent(p int) int {
	if p <= 0 || p >= len(s.u) {
		return -1
	}
	if s.memo == nil {
		return s.subjRelFind(p)
	}
	m := &s.memo[p]
	if m.known&mSubjRel == 0 {
		m.known |= mSubjRel
		m.subjRel = int32(s.subjRelFind(p))
	}
	return int(m.subjRel)
}

// subjRelFind is subjRelAntecedent, computed (0 < p < len(s.u)).
func (s *sentence) subjRelFind(p int) int {
	for k := p; k > 0 && p-k <= maxSubjRel; k-- {
		u := s.u[k]
		if u.phrase >= 0 {
			continue // an object or a place inside the clause
		}
		if u.is(cSubjRel) {
			if k == p {
				return -1 // the verb is the clause's own ("that seized power in Bamako"): what follows it is the main clause's
			}
			a := k - 1
			if s.u[a].phrase < 0 || s.locative(a) || a != s.firstPhrase() {
				return -1
			}
			q := k + 1
			for q <= p && s.u[q].phrase < 0 && s.u[q].is(cDet) {
				q++
			}
			if q <= p && s.u[q].phrase >= 0 && !s.locative(q) {
				return -1 // "the rebels that Rwanda backs": the clause has its own subject
			}
			return a
		}
		if s.barrierAt(k) || u.fold == "," || u.is(cAnd) {
			return -1
		}
	}
	return -1
}

// subjRelBind binds S (els[j], walking left) to the antecedent at unit a of a relative clause without commas
// that ends before the verb (subjRelAntecedent), and matches the rest of the pattern before it.
func (s *sentence) subjRelBind(els []delem, j, a int, b *binding) bool {
	e := els[j]
	pi := s.u[a].phrase
	if pi == b.t || (e.has != nil && !s.phraseHas(pi, e.has)) || (e.sectors != nil && !slices.Contains(e.sectors, s.d.actorOf(pi).Sector)) {
		return false
	}
	save := *b
	b.s = pi
	s.extend(b, a)
	if s.walk(els, j+1, a-1, -1, b) {
		return true
	}
	*b = save
	return false
}
