package coder

import "strings"

// Actor phrases that stand inside a noun phrase between a verb and its side: no side of the verb whose gap they
// stand in (round 23, code23g). A slot still takes such a phrase first where the pattern has one there; these
// only let a gap pass over it to the side further on.

// auxWords are the classes of a word that is no participle and no noun of a noun phrase: closed classes, the
// passive's and the perfect's auxiliaries, and the prepositions of agent, belonging and fronting.
const auxWords = closedClasses | cPassive | cPerfect | cAgent | cGenitive | cFront

// genEnding reports whether the word at unit p ends in a genitive ending of grammar (genend: "Putins", "des
// Kremlkritikers").
func (s *sentence) genEnding(p int) bool {
	f := s.d.toks[s.u[p].tok].Fold
	for _, e := range s.d.lg.genEnds {
		if len(f) > len(e) && strings.HasSuffix(f, e) {
			return true
		}
	}
	return false
}

// phraseLast returns the last unit of the actor phrase at unit p.
func (s *sentence) phraseLast(p int) int {
	ph := s.u[p].phrase
	for p+1 < len(s.u) && s.u[p+1].phrase == ph {
		p++
	}
	return p
}

// nounWord reports whether unit p is a word of no actor phrase, closed class, auxiliary or date: a noun, an
// adjective or a participle of a noun phrase.
func (s *sentence) nounWord(p int) bool {
	if p < 0 || p >= len(s.u) {
		return false
	}
	u := s.u[p]
	return u.phrase < 0 && s.d.toks[u.tok].IsWord() && !u.is(auxWords) && !s.isDate(p) && !s.auxAt(p)
}

// agentSpan returns the units of a participle phrase with its own agent inside a noun phrase, the agent word
// at unit a (over determiners and a list of actor phrases): either a determiner opens it, the participle
// following the agent ("eine von den USA vermittelte Erklärung", "een door de VS en Qatar bemiddeld akkoord"),
// or a participle in lower case right after a noun phrase that a determiner opens precedes it ("a declaration
// brokered by the United States", "un accord négocié par la Chine", "un acuerdo mediado por China"). An auxiliary before the participle makes a
// passive, whose agent is a side ("was brokered by"): no span. The postnominal shape is not read in a
// verb-second language, whose participles close the clause ("wurde gestern von X empfangen").
func (s *sentence) agentSpan(a int) (lo, hi int, ok bool) {
	if a < 1 || a+1 >= len(s.u) || s.u[a].phrase >= 0 || !s.u[a].is(cAgent) {
		return 0, 0, false
	}
	f := a + 1
	for f < len(s.u) && f-a <= 2 && s.u[f].phrase < 0 && s.u[f].is(cDet) && !s.u[f].is(cAgent) {
		f++
	}
	if f >= len(s.u) || s.u[f].phrase < 0 {
		return 0, 0, false
	}
	last := s.phraseLast(f)
	for last+2 < len(s.u) && s.u[last+1].phrase < 0 && (s.u[last+1].is(cAnd) || s.u[last+1].fold == ",") {
		n := last + 2
		if s.u[n].phrase < 0 && s.u[n].is(cDet) && n+1 < len(s.u) {
			n++
		}
		if s.u[n].phrase < 0 {
			break
		}
		last = s.phraseLast(n) // "door de VS en Qatar": a list of agents
	}
	if pre := s.u[a-1]; pre.phrase < 0 && pre.is(cDet) && !pre.is(cAgent) {
		n := last + 1
		if n < len(s.u) && s.nounWord(n) && !s.d.toks[s.u[n].tok].IsCapitalized() {
			return a, n, true
		}
		return 0, 0, false
	}
	v := a - 1
	if s.d.lg.verbSecond || !s.nounWord(v) || s.d.toks[s.u[v].tok].IsCapitalized() || !s.nounWord(v-1) {
		return 0, 0, false
	}
	// the noun's phrase opens with a determiner, over nouns, adjectives and words of belonging ("a peace
	// declaration", "una dichiarazione di pace"): not a passive with a word after its auxiliary ("è stata
	// arrestata stanotte dalla"), nor a noun after a gerund ("esigendo spiegazioni dal governo")
	for k := v - 1; k >= 0 && v-k <= 4; k-- {
		u := s.u[k]
		if u.phrase < 0 && u.is(cDet) && !u.is(cAgent) {
			return v, last, true
		}
		if !s.nounWord(k) && !(u.phrase < 0 && u.is(cGenitive)) {
			break
		}
	}
	return 0, 0, false
}

// agentSpanAt returns the participle phrase with its own agent (agentSpan) that unit q stands in.
func (s *sentence) agentSpanAt(q int) (lo, hi int, ok bool) {
	if q < 0 || q >= len(s.u) {
		return 0, 0, false
	}
	for a := max(q-agentSpanMax, 1); a <= q+1 && a < len(s.u); a++ {
		if s.u[a].phrase >= 0 || !s.u[a].is(cAgent) {
			continue
		}
		if lo, hi, ok := s.agentSpan(a); ok && lo <= q && q <= hi {
			return lo, hi, true
		}
	}
	return 0, 0, false
}

// agentSpanMax bounds how far before a unit the agent word of a span holding it is looked for.
const agentSpanMax = 12

// agentInner reports whether unit q, met by a gap walking in direction dir, stands inside a participle phrase
// with its own agent (agentSpan) past the phrase's near end: the phrase is one unit of a gap ("signed a
// declaration brokered by the United States with T"), its agent no side of the verb whose gap it stands in.
// The pattern's next element is still tried at each of its units ("the attack perpetrated by T").
func (s *sentence) agentInner(q, dir int) bool {
	lo, hi, ok := s.agentSpanAt(q)
	return ok && (dir > 0 && q > lo || dir < 0 && q < hi)
}

// participleAgent reports whether the actor phrase at unit p stands inside a participle phrase with its own
// agent (agentSpan): a gap passes over it.
func (s *sentence) participleAgent(p int) bool {
	if p < 0 || p >= len(s.u) || s.u[p].phrase < 0 {
		return false
	}
	_, _, ok := s.agentSpanAt(p)
	return ok
}
