package coder

import (
	"slices"
	"sort"
	"strings"
	"unicode/utf8"

	"github.com/dyad-events/dyad"
	"golang.org/x/text/unicode/norm"
)

// binding is what a pattern's match captured.
type binding struct {
	s, t     int           // phrase indices, -1 when unbound
	r        [2]int        // the two sides of R: phrase indices, or -1 -1 with recip set
	recip    bool          // R matched a reciprocal phrase ("the two sides")
	lo, hi   int           // unit range of the whole match
	trig     int           // the anchor unit
	trigLast int           // the anchor's last unit
	lits     []int         // units matched by words of the pattern
	sRef     dyad.ActorRef // S when it is a pronoun (s == -2): the actor it stands for
	tRef     dyad.ActorRef // T when it is a pronoun (t == -2)
	place    string        // L: the country of the place
	placeAt  [2]int        // L: its token range
	imported bool          // the pattern is imported: no coordinated-verb reading of S
	tPlace   bool          // T is a country after an object noun and a loc word ("Ziele in Syrien": targetPlace)
	tSubject bool          // T is the subject of a passive: a subject pronoun may fill it
	active   bool          // S stands before the trigger: T after it is the verb's object
	objT     bool          // the pattern's T is an object target (elem.obj)
	objTry   bool          // an object-target T is being tried after the object (try)
	objAt    int           // where T was looked for after the object, when it is to be found inside (t == -3)
	verbAt   int           // the unit of the pattern's verb (a word written ^word), -1 when none
	cAt      int           // C: the unit where the content begins, whose target contentTarget finds
	elided   bool          // the pattern's perfect auxiliary was read at a coordinating "and" (sentence.elidedAux)
	rel      bool          // a slot was read through a relative clause ("..., con quien firmó"): its pair may tell a second event
	mutual   bool          // a reciprocal word of grammar makes the act go each way ("accused each other", "se acusaron mutuamente")
	coord    bool          // R is the two sides of the clause the verb is coordinated after (sentenceSidesBind)
}

// tMutual is binding.t when a reciprocal word stands for the target ("A and B accused each other"): the
// target of each side of the subject is the other (doc.pairs).
const tMutual = -4

// isR reports whether the match bound R: two phrases or a reciprocal one.
func (b binding) isR() bool { return b.recip || b.r[0] >= 0 }

// sentence is one sentence being matched.
type sentence struct {
	d         *doc
	u         []unit
	recipPrev bool // the previous sentence had a reciprocal subject ("they" may continue it)
	// words holds the form tokOK compares for each unit (its fold, or a phrase's first token's), and mask
	// their bits (wordMask): what candidates checks a pattern's needed words against
	words  []string
	mask   wordMask
	litBuf []int // scratch for binding.lits while a pattern is tried
	// dateU marks the word units of date expressions ("on Monday", "este martes", "am 18. Februar"): a pattern
	// passes over them between any two of its elements, as it does over a place
	dateU []bool
	// barU marks the word units of barrier phrases of several tokens ("trong khi", "如果", "虽然"), notNegU
	// those of notneg phrases: compounds that hold a negation word without negating ("phòng không", "没收")
	barU, notNegU []bool
	// compLo and compHi hold, for each unit inside a compound of grammar (words a pattern word may not be cut
	// from: "trực tiếp", direct, holds "tiếp", receive), the compound's first unit and one past its last; nil
	// when the sentence has none
	compLo, compHi []int
	// hanPlace holds, for each unit that begins a place name of several ideographs ("伊斯坦布尔"), the unit
	// where it ends (-1 elsewhere); computed on first use (hanPlaces)
	hanPlace, hanPlaceBack []int
	// first is firstPhrase's answer once firstSet (the matcher asks it for many patterns)
	first    int
	firstSet bool
	// memo holds, for each unit, the answers of the matcher's questions about that unit alone (barrierAt,
	// locative, pronounAt, nonfiniteEnd, subjRelAntecedent) once asked: the walks of the many patterns tried
	// in a sentence ask them again and again. Made by markPhrases, after the tables they read; nil before.
	memo []unitMemo
	// places holds placeAt's answers by unit once asked (made on first use, with memo)
	places []placeMemo
	// walkMemos holds the answers of matchAt's walks (walkKey), the words of their bindings in walkLits: of
	// the patterns tried in a sentence, many share a side ("S ..4 @meet T" and "S ..4 @meet T in L" walk the
	// same left side from the same unit); windows of the coder's scratch, emptied for each sentence
	walkMemos []walkMemo
	walkLits  []int
	walkHead  []int32 // by anchor unit, the last answer recorded there (walkMemo.next); nil: none are kept
}

// unitMemo is what sentence.memo holds for one unit: known marks the answers computed, val the true ones of
// the yes-no questions.
type unitMemo struct {
	pron      [2]uint64 // pronounAt's classes, backwards and forwards
	pronN     [2]int32  // and lengths
	nonfinite int32     // nonfiniteEnd
	subjRel   int32     // subjRelAntecedent
	known     uint8
	val       uint8
}

// unitMemo's bits.
const (
	mBarrier = 1 << iota
	mLocative
	mPronounBack
	mPronounFwd
	mNonfinite
	mSubjRel
	mVerb
	mAux
)

// memoBit answers the yes-no question bit about unit p once, with f.
func (s *sentence) memoBit(p int, bit uint8, f func(int) bool) bool {
	if s.memo == nil {
		return f(p)
	}
	m := &s.memo[p]
	if m.known&bit == 0 {
		m.known |= bit
		if f(p) {
			m.val |= bit
		}
	}
	return m.val&bit != 0
}

// hanPlaces returns the ends of the gazetteer names of several ideographs: forwards, from the unit that begins
// one to its last; backwards, from the last to the first. A gap counts such a name as one word, as it counts a
// name of one word in languages written with spaces ("在伊斯坦布尔举行" is as near as "in Istanbul held").
func (s *sentence) hanPlaces() ([]int, []int) {
	if s.hanPlace != nil {
		return s.hanPlace, s.hanPlaceBack
	}
	s.hanPlace, s.hanPlaceBack = make([]int, len(s.u)), make([]int, len(s.u))
	for i := range s.u {
		s.hanPlace[i], s.hanPlaceBack[i] = -1, -1
	}
	for p := 0; p < len(s.u); p++ {
		if s.u[p].phrase >= 0 || !isHan(s.d.toks[s.u[p].tok].Text) {
			continue
		}
		if n, _, ok := s.placeAt(p, 1, false); ok && n > 1 {
			s.hanPlace[p], s.hanPlaceBack[p+n-1] = p+n-1, p
		}
	}
	return s.hanPlace, s.hanPlaceBack
}

// placeSkip returns, for unit q, the far end of a place name of several ideographs that begins there in
// direction dir, else -1.
func (s *sentence) placeSkip(q, dir int) int {
	if q < 0 || q >= len(s.u) || s.u[q].phrase >= 0 || !isHan(s.d.toks[s.u[q].tok].Text) {
		return -1
	}
	fw, bw := s.hanPlaces()
	if dir < 0 {
		return bw[q]
	}
	return fw[q]
}

// markPhrases marks the units of the sentence's multi-token barrier and notneg phrases of grammar.
func (s *sentence) markPhrases() {
	s.memo, s.places = nil, nil // their answers read the tables made here
	s.barU = s.markSeqs(s.d.lg.phrases["barrier"])
	s.notNegU = s.markSeqs(s.d.lg.phrases["notneg"])
	s.compLo, s.compHi = nil, nil
	for _, sq := range s.d.lg.phrases["compound"] {
		for k := 0; k+len(sq) <= len(s.u); k++ {
			if !s.phraseAt(k, sq) {
				continue
			}
			if s.compLo == nil {
				s.compLo, s.compHi = make([]int, len(s.u)), make([]int, len(s.u))
				for i := range s.compLo {
					s.compLo[i] = -1
				}
			}
			for i := k; i < k+len(sq); i++ {
				if s.compLo[i] < 0 || s.compHi[i]-s.compLo[i] < len(sq) {
					s.compLo[i], s.compHi[i] = k, k+len(sq)
				}
			}
		}
	}
	if sc := s.d.sc; sc != nil {
		s.memo = window(&sc.memo, len(s.u))
	} else {
		s.memo = make([]unitMemo, len(s.u))
	}
}

// cutsCompound reports whether the pattern words matched take part of a compound of grammar and leave the
// rest: "tiếp" (receive) read inside "đàm phán trực tiếp" (direct talks).
func (s *sentence) cutsCompound(lits []int) bool {
	if s.compLo == nil {
		return false
	}
	for _, k := range lits {
		if k < 0 || k >= len(s.compLo) || s.compLo[k] < 0 {
			continue
		}
		for j := s.compLo[k]; j < s.compHi[k]; j++ {
			if !slices.Contains(lits, j) {
				return true
			}
		}
	}
	return false
}

// markSeqs marks the word units of every occurrence of the sequences; nil when there is none.
func (s *sentence) markSeqs(sqs []seq) []bool {
	var m []bool
	if len(sqs) == 0 {
		return nil
	}
	for k := range s.u {
		if !s.u[k].lead {
			continue // no phrase begins here
		}
		for _, sq := range sqs {
			if k+len(sq) <= len(s.u) && s.seqAt(k, sq) {
				if m == nil {
					m = make([]bool, len(s.u))
				}
				for i := range sq {
					m[k+i] = true
				}
			}
		}
	}
	return m
}

// maxDateLead is the most words that lead into a date: five for "durante la mañana de este lunes", "durante a
// noite de sábado passado" (code19e).
const maxDateLead = 5

// markDates marks the units of the sentence's date expressions, with the words that lead into them (classes
// daycue, datepart and datelead of dates: "on", "este", "la tarde de"), those that end them (datetail: "soir",
// "scorso") and the link of a span of two (datelink: "tra giovedì e venerdì").
func (s *sentence) markDates(a, b int) {
	d := s.d
	cands := d.dateCands(a, b)
	if len(cands) == 0 {
		return
	}
	in := map[int]bool{}
	his := make([]int, len(cands))
	for i, c := range cands {
		lo := c.a
		for n := 0; n < maxDateLead && lo-1 >= a && d.is(cDaycue|cDatepart|cDatelead, lo-1); n++ {
			lo--
		}
		hi := c.b
		for n := 0; n < 3 && hi+1 < b && d.is(cDatetail, hi+1); n++ {
			hi++ // "lundi soir", "lunedì scorso"
		}
		his[i] = hi
		for k := lo; k <= hi; k++ {
			in[k] = true
		}
	}
	for _, hi := range his {
		if hi+2 < b && d.is(cDatelink, hi+1) && in[hi+2] {
			in[hi+1] = true // "tra giovedì e venerdì": one span
		}
	}
	s.dateU = make([]bool, len(s.u))
	for i, u := range s.u {
		s.dateU[i] = u.phrase < 0 && in[u.tok]
	}
}

// isDate reports whether unit p is part of a date expression.
func (s *sentence) isDate(p int) bool {
	return s.dateU != nil && p >= 0 && p < len(s.u) && s.dateU[p]
}

// quoteEnd returns, when unit q opens a quotation in the walking direction (an opening mark forwards, a
// closing one backwards), the unit of the mark that closes it within maxQuote units and the sentence, or -1.
// A quotation holds no sentence stop (; : . ! ?).
func (s *sentence) quoteEnd(q, dir int) int {
	if q < 0 || q >= len(s.u) || s.u[q].phrase >= 0 {
		return -1
	}
	open, close := "\"“«", "\"”»"
	if dir < 0 {
		open, close = close, open
	}
	if t := s.d.toks[s.u[q].tok].Text; len(t) == 0 || !strings.Contains(open, t) {
		return -1
	}
	for k := q + dir; k >= 0 && k < len(s.u) && (k-q)*dir <= maxQuote; k += dir {
		if s.u[k].phrase >= 0 {
			continue
		}
		t := s.d.toks[s.u[k].tok].Text
		if strings.Contains(close, t) && t != "" {
			return k
		}
		switch t {
		case ";", ":", ".", "!", "?":
			return -1
		}
	}
	return -1
}

// maxQuote is the most units a quotation that a gap passes over may hold.
const maxQuote = 40

func (s *sentence) isBarrier(u unit) bool {
	if u.phrase >= 0 {
		return false
	}
	if t := s.d.toks[u.tok].Text; t == "." && u.tok < s.u[len(s.u)-1].tok {
		return false // a dot the splitter left inside the sentence ends an abbreviation or an ordinal: "Mohammed VI. hat"
	}
	return isStop(s.d.toks[u.tok].Text) || u.is(cBarrier) && !s.d.hyphenated(u.tok)
}

// wordPhrase reports whether unit p is an actor phrase of one lower-case word ("militaires", "soldats",
// "manifestants"), which a pattern word may also read as a plain word ("exercices militaires") and a gap may
// pass over.
func (s *sentence) wordPhrase(p int) bool {
	u := s.u[p]
	if u.phrase < 0 || u.tok != u.last || !s.d.toks[u.tok].IsWord() {
		return false
	}
	if !s.d.capitalized(u) {
		return true
	}
	// a sector noun with no country of its own, capitalised as German nouns are ("liefern F-16-Kampfjets an")
	m := s.d.ments[s.d.phrases[u.phrase].head]
	return m.Actor.Type == dyad.TypeGroup && m.Via == "sector" && len(s.d.phrases[u.phrase].members) == 1
}

// bareAgent reports whether unit p is an actor phrase written in Han characters that is only an agent noun
// whose country came from its context ("出动多艘军舰在菲律宾附近巡航", "派出战机轰炸"): Chinese has no
// lower-case word to tell it (wordPhrase), so a gap passes over it as over a word. A slot still takes it
// first where the pattern has one there.
func (s *sentence) bareAgent(p int) bool {
	u := s.u[p]
	if u.phrase < 0 {
		return false
	}
	ph := s.d.phrases[u.phrase]
	if len(ph.members) != 1 || len(ph.modifiers) != 0 || ph.conj >= 0 || ph.list != nil {
		return false
	}
	m := s.d.ments[ph.head]
	if m.Actor.Type != dyad.TypeGroup || s.d.mtok[ph.head] != [2]int{u.tok, u.last} {
		return false
	}
	switch m.Via {
	case "place", "sentence", "dateline", "article", "sector":
	default:
		return false
	}
	for k := u.tok; k <= u.last; k++ {
		if !isHan(s.d.toks[k].Text) {
			return false
		}
	}
	return true
}

// attributive reports whether the actor phrase at unit p is a country's adjective used inside a noun phrase:
// one demonym token followed by a lower-case word of no closed class ("extradited a Russian hacker to the
// United States"), or by any word when the demonym itself is in lower case ("nordkoreanischer Raketen"). A gap may pass over it; a slot still takes it first where the pattern has one there.
func (s *sentence) attributive(p int) bool {
	u := s.u[p]
	if u.phrase < 0 || u.tok != u.last || p+1 >= len(s.u) {
		return false
	}
	if m := s.d.ments[s.d.phrases[u.phrase].head]; m.Via != "demonym" || m.Actor.Type != dyad.TypeCountry {
		return false
	}
	n := s.u[p+1]
	// a demonym written in lower case is an adjective, and so is the phrase; the noun after it may be
	// capitalised ("nordkoreanischer Raketen": German nouns)
	lowerNext := !s.d.toks[n.tok].IsCapitalized() || !s.d.toks[u.tok].IsCapitalized()
	// a one-ideograph short form glued to the word after it ("对台军售", "对俄制裁") is inside that word
	if t, nt := s.d.toks[u.tok], s.d.toks[n.tok]; isHan(t.Text) && len([]rune(t.Text)) == 1 && isHan(nt.Text) && nt.Start == t.End {
		lowerNext = true
	}
	return n.phrase < 0 && s.d.lg.class[n.fold]&closedClasses == 0 && lowerNext && s.d.toks[n.tok].IsWord()
}

// gluedObject reports whether the actor phrase at unit p is a one-ideograph short form glued to the ideographs on
// both sides ("对台军售", "访华期间"): the country a word's verb or preposition governs, never its subject.
func (s *sentence) gluedObject(p int) bool {
	u := s.u[p]
	if p == 0 || !s.attributive(p) || !isHan(s.d.toks[u.tok].Text) {
		return false
	}
	pr := s.u[p-1]
	t, pt := s.d.toks[u.tok], s.d.toks[pr.last]
	return pr.phrase < 0 && isHan(pt.Text) && pt.End == t.Start
}

// middleField reports whether a gap (element j, walking in direction dir) may pass over the actor phrase at unit
// q as a part of a German middle field (option noun-caps): a noun's genitive attribute (nounGenitive), a phrase
// after a fronting preposition (frontGoverned) or a sector noun whose country came from its context
// (contextNoun). Not the genitive of the pattern's own noun when the gap walks from a target towards that noun:
// the attribute is the target, nearer than the phrase the slot took ("die Forderung Moskaus nach einem Abzug
// der Truppen zurückgewiesen": Moscow, not the troops).
func (s *sentence) middleField(els []delem, j, q, dir int) bool {
	if s.nounGenitive(q) {
		if dir < 0 && j > 0 && els[j-1].kind == kSlot && els[j-1].slot == 'T' && j+1 < len(els) && els[j+1].kind == kLit {
			n := q - 1
			for n > 0 && s.u[n].phrase == s.u[q].phrase {
				n--
			}
			if n > 0 && s.u[n].phrase < 0 && s.u[n].is(cDet) {
				n--
			}
			for _, a := range els[j+1].dalts {
				if _, ok := s.lit(a, n, dir); ok {
					return false
				}
			}
		}
		return true
	}
	return s.frontGoverned(q) || s.contextNoun(q)
}

// contextNoun reports whether unit q is a one-word sector noun, capitalised as German nouns are (option
// noun-caps), whose country came from its context ("der US-Truppen" in a sentence that names Qatar).
func (s *sentence) contextNoun(q int) bool {
	u := s.u[q]
	if !s.d.lg.nounCaps || u.phrase < 0 || u.tok != u.last || len(s.d.phrases[u.phrase].members) != 1 {
		return false
	}
	m := s.d.ments[s.d.phrases[u.phrase].head]
	if m.Actor.Type != dyad.TypeGroup {
		return false
	}
	switch m.Via {
	case "place", "sentence", "dateline", "article":
		return true
	}
	return false
}

// nounGenitive reports whether the actor phrase at unit p is the attribute of a noun in the middle of a clause, in
// a language whose nouns are capitalised (option noun-caps: German): a capitalised word of no closed class, no
// actor and no date stands right before it, over one determiner ("die Stationierung einer Bundeswehr-Brigade",
// "nach Angaben der Nato") or, with no determiner, before a phrase in a genitive ending of grammar (`genend`:
// "die Forderung Putins", "vor den Toren Moskaus"). The noun is not the first word of its clause, which may be
// any word written with a capital. A gap passes over such a phrase; a slot still takes it first where the
// pattern has one there.
func (s *sentence) nounGenitive(p int) bool {
	if !s.d.lg.nounCaps || p < 2 || s.u[p].phrase < 0 {
		return false
	}
	for first := s.d.phrases[s.u[p].phrase].first; p > 0 && s.u[p].tok > first; {
		p-- // a phrase of several units ("Nato-Truppen") is read from its first
	}
	q := p - 1
	det := s.u[q].phrase < 0 && s.u[q].is(cDet)
	if !det {
		// a title in a genitive ending or adjectives between the determiner and the name: "die Vergiftung des
		// Kremlkritikers Alexej Nawalny", "nach Angaben des südafrikanischen Präsidenten Jacob Zuma" (not "ein
		// Lager der Terrorgruppe X", which may be the target)
		for k := q; k > 1 && q-k < 2 && s.nounWord(k) && (!s.d.capitalized(s.u[k]) || s.genEnding(k)); k-- {
			if s.u[k-1].phrase < 0 && s.u[k-1].is(cDet) {
				q, det = k-1, true
				break
			}
		}
	}
	if det {
		q--
	} else {
		if !s.genEnding(p) {
			return false
		}
	}
	n := s.u[q]
	if q < 1 || n.phrase >= 0 || !s.d.toks[n.tok].IsWord() || !s.d.capitalized(n) || n.is(closedClasses) || s.isDate(q) {
		return false
	}
	return s.clauseStart(q) < q
}

// frontGoverned reports whether the actor phrase at unit p follows a preposition that opens a fronted phrase
// (grammar `front`, over determiners: "vor dem Kanzleramt", "neben dem Präsidenten") in a verb-second language,
// where such phrases fill the middle field between the auxiliary and the participle. The preposition of a
// passive's agent (`agent`: "von", "door") counts only where it is one of belonging (`genitive`) right after an
// actor phrase or a noun ("die Regierung von Präsident X"), since a pattern's S may follow the agent's. A gap
// passes over such a phrase.
func (s *sentence) frontGoverned(p int) bool {
	if !s.d.lg.verbSecond {
		return false
	}
	for k := p - 1; k >= 0 && k >= p-4; k-- {
		u := s.u[k]
		if u.phrase >= 0 || s.barrierAt(k) {
			return false
		}
		if u.is(cFront) {
			if !u.is(cAgent) {
				return true
			}
			if !u.is(cGenitive) || k < 1 {
				return false
			}
			n := s.u[k-1]
			return n.phrase >= 0 || s.d.lg.nounCaps && s.d.toks[n.tok].IsWord() && s.d.capitalized(n) && !n.is(closedClasses) && !s.isDate(k-1) && s.clauseStart(k-1) < k-1
		}
		// determiners, adjectives and a title the actor stage left out of the phrase ("von Präsident X")
		if !u.is(cDet|cWhole) && (!s.d.toks[u.tok].IsWord() || u.is(closedClasses) || s.isDate(k)) {
			return false
		}
	}
	return false
}

// barrierAt reports whether unit p is a barrier: a barrier word or stop (isBarrier), or a unit of a barrier
// phrase of several tokens ("trong khi", "如果": Chinese is read one character a token).
func (s *sentence) barrierAt(p int) bool {
	if s.memo == nil {
		return s.isBarrier(s.u[p]) || (s.barU != nil && s.barU[p])
	}
	m := &s.memo[p]
	if m.known&mBarrier == 0 {
		m.known |= mBarrier
		if s.isBarrier(s.u[p]) || (s.barU != nil && s.barU[p]) {
			m.val |= mBarrier
		}
	}
	return m.val&mBarrier != 0
}

// reportingTail reports whether unit p is a comma that opens a reporting clause after the event: a speech
// verb right after it (", teilte das Weiße Haus mit", ", zei de woordvoerder", ", said Wang") or an actor and a
// speech verb (", the White House said"). Its speaker is who tells the event, never the target of a verb
// before the comma ("werden sich treffen, teilte das Weiße Haus mit").
func (s *sentence) reportingTail(p int) bool {
	if p < 0 || p+1 >= len(s.u) || s.u[p].phrase >= 0 || s.u[p].fold != "," {
		return false
	}
	speech := func(q int) bool {
		return q < len(s.u) && s.u[q].phrase < 0 && len(s.d.lg.speech[s.u[q].fold]) > 0 && !s.d.capitalized(s.u[q])
	}
	q := p + 1
	if speech(q) {
		return true
	}
	for q < len(s.u) && s.u[q].phrase < 0 && s.u[q].is(cDet) {
		q++
	}
	return q < len(s.u) && s.u[q].phrase >= 0 && speech(q+1)
}

// unitWord is the form of unit u that tokOK compares with a pattern's word.
func (s *sentence) unitWord(u unit) string {
	if u.phrase >= 0 {
		return s.d.toks[u.tok].Fold
	}
	return u.fold
}

// trigAt reports whether the alternative of anchor an matches at unit i (its indexed word there), and, for a
// trigger written ^word, is used as a verb: the first test of a match (lit and verbLike), read from the
// anchor and lang.lits alone, before the pattern is.
func (s *sentence) trigAt(an *anchor, i int) bool {
	i -= int(an.off)
	if i < 0 {
		return false
	}
	lg := s.d.lg
	for k, t := range lg.lits[an.lit : an.lit+uint32(an.nlit)] {
		p := i + k
		if p >= len(s.u) || (s.u[p].phrase >= 0 && !s.wordPhrase(p)) || !s.flatOK(t, lg.litText[t.at:t.at+uint32(t.n)], p) {
			return false
		}
	}
	return !an.verb || s.verbLike(i)
}

// flatOK is tokOK for a word of lang.lits, its text w.
func (s *sentence) flatOK(t flatTok, w []byte, p int) bool {
	if t.stem {
		return s.stemAt(p) == string(w)
	}
	f := s.unitWord(s.u[p])
	if t.prefix {
		return len(f) >= len(w) && f[:len(w)] == string(w)
	}
	return f == string(w)
}

// matchAt tries pattern pt with its anchor alternative at unit i, where trigAt has found it.
func (s *sentence) matchAt(pt *pattern, an *anchor, i int) (binding, bool) {
	i -= int(an.off)
	b := binding{s: -1, t: -1, r: [2]int{-1, -1}, trig: i, verbAt: -1, cAt: -1}
	end := i + int(an.nlit)
	var ok bool
	b.imported = pt.origin != ""
	b.tSubject = pt.tSubject
	b.active = pt.active
	b.objT = pt.objT && s.d.lg.objectTarget
	b.trigLast = end - 1
	if an.verb {
		b.verbAt = end - 1
	}
	b.hi = end - 1
	b.lo = i
	// The words matched go into the sentence's scratch slice; a match takes its own copy.
	b.lits = s.litBuf[:0]
	for k := i; k < end; k++ {
		b.lits = append(b.lits, k)
	}
	// the walks from here are a function of the sides' elements and of b, which is made of i, end and the
	// pattern's marks: another pattern of the sentence with the same sides may have walked them already
	key := walkKey{right: pt.rightID, left: pt.leftID, i: int32(i), end: int32(end), verb: an.verb,
		imported: b.imported, tSubject: b.tSubject, active: b.active, objT: b.objT}
	if key.right == 0 || key.left == 0 || s.walkHead == nil {
		ok = s.walk(pt.right, 0, end, 1, &b) && s.walk(pt.left, 0, i-1, -1, &b)
	} else if m := s.walked(key); m != nil {
		ok = m.ok
		if ok {
			b = m.binding(b.lits)
		}
	} else {
		rk := key
		rk.left = 0 // the right side's walk alone
		if m := s.walked(rk); m != nil {
			ok = m.ok
			if ok {
				b = m.binding(b.lits)
			}
		} else {
			ok = s.walk(pt.right, 0, end, 1, &b)
			s.keepWalk(rk, ok, &b)
		}
		ok = ok && s.walk(pt.left, 0, i-1, -1, &b)
		s.keepWalk(key, ok, &b)
	}
	if cap(b.lits) > cap(s.litBuf) {
		s.litBuf = b.lits[:0]
	}
	if !ok {
		return b, false
	}
	b.lits = slices.Clone(b.lits)
	if s.cutsCompound(b.lits) {
		return b, false
	}
	// verb-first patterns ("traf S T", "hat S ... getroffen") read inverted word order: when an actor phrase
	// stands right before the verb, that phrase is the subject and the inverted reading is wrong
	// ("Scholz hat Selenskyj empfangen" is not Selenskyj receiving)
	if len(pt.elems) > 1 && pt.elems[0].kind == kLit && pt.elems[1].kind == kSlot && (pt.elems[1].slot == 'S' || pt.inverted) {
		if p := s.phraseBefore(b.lo); p >= 0 && !s.governedBy(p, cPrep|cLoc|cFront) && !(pt.inverted && s.nounAttribute(p)) {
			return b, false
		}
	}
	if pt.inverted && !s.fronted(b.lo) {
		return b, false // a twin of verb-second order reads only after a fronted phrase
	}
	if pt.active && s.passiveTrigger(b) {
		return b, false // "X were arrested at the port, police said": not X arresting the police
	}
	if b.objT && !s.objInside(&b) {
		return b, false
	}
	if pt.answer && !s.answerTarget(&b) || pt.content && !pt.answer && !s.contentTarget(&b) {
		return b, false
	}
	if b.objT && b.s >= 0 && b.t >= 0 && s.ownObject(b) {
		return b, false // "Putin ordered Russia's first mobilisation": the source's own country, no target
	}
	if !s.mutualOK(&b) {
		return b, false
	}
	return b, true
}

// walkKey names the walks of matchAt in a sentence: the sides' names (pattern.rightID, leftID; left 0 for the
// right side's walk alone), the anchor's units, and what else the binding the walks start from holds.
type walkKey struct {
	right, left                            int32
	i, end                                 int32
	verb, imported, tSubject, active, objT bool
}

// walkMemo is the answer of the walks named key: whether they matched, and the binding they left (its lits a
// window of sentence.walkLits).
type walkMemo struct {
	key  walkKey
	ok   bool
	next int32 // the answer recorded before it at the same anchor unit (walkHead), + 1; 0 when none
	b    binding
}

// walked returns the answer recorded for the walks named k in the sentence, nil when there is none: those at
// k's anchor unit are read one by one (a few patterns share a unit).
func (s *sentence) walked(k walkKey) *walkMemo {
	for at := s.walkHead[k.i]; at > 0; {
		m := &s.walkMemos[at-1]
		if m.key == k {
			return m
		}
		at = m.next
	}
	return nil
}

// keepWalk records the answer of the walks named k in the sentence.
func (s *sentence) keepWalk(k walkKey, ok bool, b *binding) {
	s.walkMemos = append(s.walkMemos, walkMemo{key: k, ok: ok, next: s.walkHead[k.i]})
	s.walkHead[k.i] = int32(len(s.walkMemos))
	if ok {
		m := &s.walkMemos[len(s.walkMemos)-1]
		at := len(s.walkLits)
		s.walkLits = append(s.walkLits, b.lits...)
		m.b = *b
		m.b.lits = s.walkLits[at:len(s.walkLits):len(s.walkLits)]
	}
}

// binding returns the recorded binding, its lits copied into buf (the sentence's scratch, as the walk's own).
func (m *walkMemo) binding(buf []int) binding {
	b := m.b
	b.lits = append(buf[:0], m.b.lits...)
	return b
}

// mutualOK settles a reciprocal word in a match: standing for T, it needs a subject of two sides or more
// ("Armenia and Azerbaijan accused each other"; a lone "he accused each other" is no event); among the words
// of an R match ("R ..2 se ..2 acusaron ..3 mutuamente", "R ..3 cáo_buộc lẫn_nhau") it makes the act go each
// way. It reports whether the match stands.
func (s *sentence) mutualOK(b *binding) bool {
	if b.t == tMutual {
		if b.s < 0 || len(s.d.listAt(b.s)) < 2 || s.d.phrases[b.s].between {
			return false
		}
		// the list is the clause's own subject: no comma between it and the verb ("signed a pact, under which
		// the two countries pledged to help each other" is no act of the signatories)
		at := slices.IndexFunc(s.u, func(u unit) bool { return u.phrase == b.s })
		for k := min(at, b.trig) + 1; at >= 0 && k < max(at, b.trig); k++ {
			if f := s.u[k].fold; s.u[k].phrase < 0 && (f == "," || f == ";") {
				return false
			}
		}
		return at >= 0
	}
	if b.r[0] < 0 || b.imported {
		return true
	}
	for _, k := range b.lits {
		if c, _ := s.pronounAt(k, 1); c&cMutual != 0 {
			b.mutual = true
			break
		}
	}
	return true
}

// phraseBefore returns the actor phrase that ends right before unit lo, or the one before a place named after a
// loc word there ("De rechtbank in Den Haag heeft ..."): a verb-second clause's subject; -1 when there is none.
func (s *sentence) phraseBefore(lo int) int {
	p := lo - 1
	if p < 0 || s.u[p].phrase >= 0 {
		return p
	}
	k := p
	for n := 0; k >= 0 && n < 4 && s.u[k].phrase < 0 && s.d.capitalized(s.u[k]); n++ {
		k--
	}
	if k == p || k < 1 || s.u[k].phrase >= 0 || !s.u[k].is(cLoc) || s.u[k-1].phrase < 0 {
		return -1
	}
	return k - 1
}

// governed reports whether the actor phrase at unit p follows a preposition (over determiners and whole words): the end of a
// fronted phrase, not a subject ("Nach dem Beginn des Krieges gegen die Ukraine hat Lawrow ...").
func (s *sentence) governed(p int) bool { return s.governedBy(p, cPrep|cLoc) }

// governedBy is governed with the prepositions of the classes in mask.
func (s *sentence) governedBy(p int, mask uint64) bool {
	for k := p - 1; k >= 0 && k >= p-3; k-- {
		u := s.u[k]
		if u.phrase >= 0 {
			return false
		}
		if u.is(mask) {
			return true
		}
		if u.is(cDet | cWhole) { // "In heel Turkije gingen ...": a whole word stands as a determiner
			continue
		}
		// one lower-case adjective between a determiner and the phrase: "für den gestorbenen Oppositionspolitiker X"
		if k == p-1 && k >= 1 && !s.d.capitalized(u) && s.u[k-1].phrase < 0 && s.u[k-1].is(cDet) {
			continue
		}
		// one lower-case title between a preposition of belonging and the name: "el envenenamiento del opositor
		// X", "de vergiftiging van oppositieleider X"
		if k == p-1 && k >= 1 && !s.d.capitalized(u) && s.nounWord(k) && s.u[k-1].phrase < 0 && s.u[k-1].is(cGenitive) && s.u[k-1].is(mask) {
			continue
		}
		return false
	}
	return false
}

// passiveTrigger reports whether a passive auxiliary of grammar (class passive: "was", "were", "been", "a été",
// "fue", "wurde") stands right before the trigger, or one word before it, or (verb-second languages, whose
// participle ends the clause) right after it, and is not a word of the pattern;
// a trigger with a progressive ending of grammar ("was meeting") is no passive.
func (s *sentence) passiveTrigger(b binding) bool {
	lg := s.d.lg
	if !lg.hasPassive {
		return false
	}
	// the verb starts at the first of the pattern words written right before the trigger ("cáo buộc")
	t0 := b.trig
	for t0 > 0 && slices.Contains(b.lits, t0-1) && s.u[t0-1].phrase < 0 && !s.u[t0-1].is(cPassive) {
		t0--
	}
	// the progressive ending is the verb's, which need not be the trigger ("was mediating between": the
	// trigger may be "between")
	for _, w := range []string{s.u[b.trig].fold, s.u[t0].fold} {
		for _, suf := range lg.progressive {
			if strings.HasSuffix(w, suf) {
				return false
			}
		}
	}
	if lg.verbSecond && !s.agentSource(b) {
		// a participle at the end of its clause takes the passive auxiliary after it: "ist im Westen des Niger
		// entführt worden", "die festgenommen wurden"; "ist von Scholz empfangen worden" names its agent as S
		t1 := b.trig + 1
		for t1 < len(s.u) && slices.Contains(b.lits, t1) && s.u[t1].phrase < 0 {
			t1++
		}
		if t1 < len(s.u) && s.u[t1].phrase < 0 && s.u[t1].is(cPassive) {
			return true
		}
	}
	for k := t0 - 1; k >= 0 && k >= t0-2; k-- {
		u := s.u[k]
		if u.phrase >= 0 || slices.Contains(b.lits, k) {
			return false
		}
		if u.is(cPassive) {
			return true
		}
	}
	return false
}

// agentSource reports whether the source's phrase follows an agent word of grammar ("von Scholz", "door de
// politie"), or the pattern writes one before its trigger: a passive pattern that names its agent before the
// verb.
func (s *sentence) agentSource(b binding) bool {
	for _, k := range b.lits {
		if k < b.trig && s.u[k].phrase < 0 && s.u[k].is(cAgent) {
			return true // the pattern writes it: "T ist ..6 von S ..3 empfangen"
		}
	}
	return s.agentPhrase(b)
}

// agentPhrase reports whether the source's phrase follows an agent word of grammar, over determiners ("by
// gunmen", "par des hommes armés", "von Bewaffneten").
func (s *sentence) agentPhrase(b binding) bool {
	if b.s < 0 {
		return false
	}
	k := slices.IndexFunc(s.u, func(u unit) bool { return u.phrase == b.s })
	for j := k - 1; k > 0 && j >= 0 && j >= k-3; j-- {
		u := s.u[j]
		if u.phrase >= 0 {
			return false
		}
		if u.is(cAgent) {
			return true
		}
		if !u.is(cDet | cGenitive) { // "par des hommes armés"
			return false
		}
	}
	return false
}

// lit matches the token sequence a at unit p walking in dir; it returns the unit after.
func (s *sentence) lit(a alt, p, dir int) (int, bool) {
	for _, tm := range a {
		if p < 0 || p >= len(s.u) || (s.u[p].phrase >= 0 && !s.wordPhrase(p)) || !s.tokOK(tm, p) {
			return p, false
		}
		p += dir
	}
	return p, true
}

// objPhrase reports whether the actor phrase at unit p stands inside a noun phrase as its possessor or adjective
// ("North Korea's launch", "the Russian withdrawal"): the object's actor, for an object-target pattern.
func (s *sentence) objPhrase(p int) bool {
	u := s.u[p]
	if u.phrase < 0 || s.locative(p) {
		return false
	}
	if s.attributive(p) {
		return true
	}
	if !s.possessivePhrase(u) || p+1 >= len(s.u) {
		return false
	}
	n := s.u[p+1]
	return n.phrase < 0 && s.d.toks[n.tok].IsWord() && s.d.lg.class[n.fold]&closedClasses == 0
}

// objInside finds the target of an object-target match inside the object's noun phrase: the first possessor or
// country adjective (objPhrase) between the verb and the object's last word ("condemned North Korea's launch of
// missiles at Japan": North Korea, as PETRARCH takes the object's first actor). It reports false when T was
// left to be found there (t == -3) and there is none.
func (s *sentence) objInside(b *binding) bool {
	end := len(s.u)
	if b.t == -3 {
		end = b.objAt
	} else if b.t >= 0 {
		for k := range s.u {
			if s.u[k].phrase == b.t {
				end = k
				break
			}
		}
	}
	if b.verbAt >= 0 {
		for k := b.verbAt + 1; k < end && k < len(s.u); k++ {
			if s.u[k].phrase >= 0 && slices.Contains(b.lits, k) {
				break
			}
			if !slices.Contains(b.lits, k) && s.u[k].phrase >= 0 && s.objPhrase(k) && slices.ContainsFunc(b.lits, func(x int) bool { return x > k }) {
				b.t = s.u[k].phrase
				return true
			}
		}
	}
	return b.t != -3
}

// ownObject reports whether an object-target match's T is a possessor or adjective (objPhrase) of the source's
// own country: "Putin ordered Russia's first mobilisation" is no event between Russia and Russia.
func (s *sentence) ownObject(b binding) bool {
	t := s.d.actorOf(b.t)
	if t.Country == "" || t.Country != s.d.actorOf(b.s).Country {
		return false
	}
	for p := range s.u {
		if s.u[p].phrase == b.t {
			return s.objPhrase(p)
		}
	}
	return false
}

// possessivePhrase reports whether an actor phrase ends in a possessive ("Russia's", "the protesters'").
func (s *sentence) possessivePhrase(u unit) bool {
	t := s.d.toks[u.last].Text
	return strings.HasSuffix(t, "'s") || strings.HasSuffix(t, "’s") || t == "'s" || t == "’s" || strings.HasSuffix(t, "s'")
}

// closedClasses are the grammar classes whose words are never verbs.
const closedClasses = cNeg | cRecip | cThey | cAnd | cPrep | cDet | cThat | cHe | cWe | cBarrier | cLoc | cIt | cHim | cRel | cThis

// verbLike reports whether the word unit p may be a verb, for a pattern word written ^word: it is not
// capitalised inside the sentence ("Secretary of State"), not a word of a closed class, and no determiner or
// preposition comes right before it ("the attack", "to help", "of state"). A parser would know; these two clues remove most nouns.
func (s *sentence) verbLike(p int) bool { return s.memoBit(p, mVerb, s.verbLikeAt) }

// verbLikeAt is verbLike, computed.
func (s *sentence) verbLikeAt(p int) bool {
	t := s.d.toks[s.u[p].tok]
	if p > 0 && t.IsCapitalized() {
		return false
	}
	if s.u[p].is(closedClasses) {
		return false // a word of a closed class is no verb, whatever its stem ("para" is not "parar")
	}
	if p > 0 && s.u[p-1].phrase < 0 && s.u[p-1].is(cDet|cPrep) && !s.auxAt(p-1) && !s.frameEndsAt(p-1) {
		return false // a preposition that ends a frame's words governs the verb: "começou a enviar", "refused to send"
	}
	if p > 0 && s.u[p-1].fold == "-" && s.d.toks[s.u[p-1].tok].End == t.Start {
		return false // "a UN-backed mission", "Iran-backed militias": the second half of an adjective
	}
	if p > 0 && s.u[p-1].phrase >= 0 && s.possessivePhrase(s.u[p-1]) {
		return false // "Putin's demand that Kyiv withdraw", "Ankara's backing": the head of a possessor's noun phrase
	}
	return !s.derivedNoun(p)
}

// auxAt reports whether the word unit p is written as an auxiliary of grammar (auxiliary), with its accents:
// French "a" of "a débloqué", which folds as the preposition "à".
func (s *sentence) auxAt(p int) bool {
	if len(s.d.lg.auxRaw) == 0 {
		return false
	}
	return s.memoBit(p, mAux, s.auxWritten)
}

// auxWritten is auxAt, computed.
func (s *sentence) auxWritten(p int) bool {
	return s.d.lg.auxRaw[norm.NFC.String(strings.ToLower(s.d.toks[s.u[p].tok].Text))]
}

// gerundAfter reports whether the unit after p is a word of the match that ends in a gerund ending of grammar
// (gerund): ", signing an agreement with T", ", detaining T" open a clause whose subject is the sentence's; a
// pronoun target of grammar him may stand between the comma and the gerund (", lui reprochant ...").
func (s *sentence) gerundAfter(p int, b *binding) bool {
	ends := s.d.lg.gerundEnds
	if len(ends) == 0 || p+1 >= len(s.u) || s.u[p+1].phrase >= 0 {
		return false
	}
	g := p + 1
	if g+1 < len(s.u) && s.u[g+1].phrase < 0 && s.u[g].is(cHim) && b.t == -2 {
		g++ // ", lui reprochant ...": the pronoun target of the gerund between the comma and it
	}
	if !slices.Contains(b.lits, g) {
		return false
	}
	f := s.u[g].fold
	for _, e := range ends {
		if len(f) > len(e)+2 && strings.HasSuffix(f, e) {
			return true
		}
	}
	return false
}

// sourceUnit is the first unit of match b that holds its source phrase S, or -1.
func (s *sentence) sourceUnit(b binding) int {
	for p := b.lo; p <= b.hi && p < len(s.u); p++ {
		if s.u[p].phrase == b.s {
			return p
		}
	}
	return -1
}

// commaFreeTarget reports whether the match's target phrase stands inside the match with no comma between it
// and the trigger: the verb's own object ("atacaram na terça-feira o Palácio do Governo"), not a phrase that a
// gap reached across a comma.
func (s *sentence) commaFreeTarget(b binding) bool {
	if b.t < 0 {
		return false
	}
	for p := b.lo; p <= b.hi && p < len(s.u); p++ {
		if s.u[p].phrase != b.t {
			continue
		}
		lo, hi := min(p, b.trig), max(p, b.trig)
		for k := lo; k <= hi; k++ {
			if s.u[k].phrase < 0 && s.u[k].fold == "," {
				return false
			}
		}
		return true
	}
	return false
}

// reducedRelative reports whether the match's verb is a participle right after S with no auxiliary, which
// describes S rather than telling an event: "commands the M23 rebels **fighting** in eastern Congo", "des soldats
// **tirant** sur ...". A country's adjective or a possessive before the word is a noun event's actor instead
// ("Russian shelling of Kharkiv", "Israel's bombing of Gaza"). The endings are the grammar's `gerund` class.
func (s *sentence) reducedRelative(b binding) bool {
	if b.s < 0 {
		return false
	}
	sp := s.sourceUnit(b)
	if sp < 0 || sp >= b.trig || !s.gerundAfter(sp, &b) {
		return false
	}
	u := s.u[sp]
	if s.possessivePhrase(u) || s.attributive(sp) {
		return false
	}
	if sp > 0 && s.u[sp-1].phrase < 0 && s.u[sp-1].is(cAbsolute) {
		return false // ", with Xi warning Washington": the subject and verb of an absolute clause
	}
	m := s.d.ments[s.d.phrases[u.phrase].head]
	if m.Via == "demonym" && m.Actor.Type == dyad.TypeCountry && u.tok == u.last {
		return false // "an Israeli bombing of ...": the adjective of a noun event
	}
	if sp > 0 && s.u[sp-1].phrase < 0 && s.u[sp-1].fold == "," && (m.Actor.Type == dyad.TypeCountry || m.Via == "capital") {
		return false // "..., Damas dénonçant une agression": a country or its capital after a comma opens an absolute clause
	}
	return true
}

// derivedNoun reports whether word unit p ends in a noun ending of grammar (nounend) that lies wholly after
// its Snowball stem: "adviser" (stem "advis") and "declaration" ("declar") are nouns that share a verb's stem,
// while in "offers" (stem "offer") the ending "ers" overlaps the stem and the word stays a verb form.
func (s *sentence) derivedNoun(p int) bool {
	ends := s.d.lg.nounEnds
	if len(ends) == 0 || s.d.lg.stemmer == nil {
		return false
	}
	f := s.u[p].fold
	for _, e := range ends {
		if len(f) > len(e) && strings.HasSuffix(f, e) {
			st := s.stemAt(p)
			if st != "" && len(f)-len(e) >= len(st) && strings.HasPrefix(f, st) {
				return true
			}
		}
	}
	return false
}

// tokOK reports whether the word unit p matches one token of a pattern.
func (s *sentence) tokOK(tm tokMatch, p int) bool {
	if tm.stem {
		return s.stemAt(p) == tm.text
	}
	if s.u[p].phrase >= 0 {
		return tm.matches(s.d.toks[s.u[p].tok].Fold) // a one-word phrase read as a word (wordPhrase)
	}
	return tm.matches(s.u[p].fold)
}

// stemAt returns the folded stem of word unit p (doc.stemTok of its token).
func (s *sentence) stemAt(p int) string { return s.d.stemTok(s.u[p].tok) }

// walkSpan binds the units from p up to end (exclusive, in the walk's direction) as the pattern's element j, a
// word or a count, and walks on from end; verb marks the span as the pattern's verb. The binding is restored when
// the rest does not match.
func (s *sentence) walkSpan(els []delem, j, p, end, dir int, b *binding, verb bool) bool {
	save := *b
	save.lits = b.lits[:len(b.lits):len(b.lits)]
	if verb {
		b.verbAt = max(p, end-dir)
	}
	s.extend(b, p)
	s.extend(b, end-dir)
	for k := p; k != end; k += dir {
		b.lits = append(b.lits, k)
	}
	if s.walk(els, j+1, end, dir, b) {
		return true
	}
	*b = save
	return false
}

// walk matches els[j:] from unit pos in dir, recording the extent in b.
func (s *sentence) walk(els []delem, j, pos, dir int, b *binding) bool {
	if j == len(els) {
		return true
	}
	e := &els[j]
	if e.obj && b.objT && b.t == -1 && !b.objTry {
		// the object's actor may stand inside the object's noun phrase (objInside): when no actor follows,
		// T is left to be found there once the whole pattern has matched
		b.objTry = true
		ok := s.walk(els, j, pos, dir, b)
		b.objTry = false
		if ok {
			return true
		}
		save := *b
		b.t, b.objAt = -3, pos
		if s.walk(els, j+1, pos, dir, b) {
			return true
		}
		*b = save
		return false
	}
	p := pos
	if dir > 0 && j > 0 && els[j-1].kind == kSlot && !b.imported && e.kind != kSlot && s.etcOpen(pos) && s.etcWalk(els, j, pos, b) {
		return true // the tail of a list after the slot just matched: "对蓬佩奥等28名……的美方人员实施制裁"
	}
	lower, caps, dates, preps := 0, 0, 0, 0
	// after a pattern word "and" the subject is the sentence's ("X hat Y empfangen und mit ihm ... unterzeichnet")
	sawAnd := dir < 0 && j > 0 && els[j-1].kind == kLit && s.andLit(els[j-1]) && !b.imported
	// a passive's T, the pattern's first element, is the subject of its clause: after "and" or in a where clause
	// it is the sentence's, as S is ("X arrived in Rome ... and was received by Y", "..., where he was received by")
	subj := e.kind == kSlot && (e.slot == 'S' || e.slot == 'T' && j == len(els)-1 && j > 0)
	for {
		if e.kind == kSlot && (e.slot == 'S' || e.slot == 'T' || e.slot == 'R') && dir < 0 && p > 0 && p < len(s.u) && s.u[p].fold == "," && !(sawAnd && subj) {
			// "Meloni, who holds the G7 presidency, travelled to Kyiv": the subject is before the relative clause
			// (and so is a passive's T: "X, qui dénonçait la guerre, a été interpellé"); after "and" it is the
			// sentence's ("X criticised Spain's decision, which it called ..., and recalled its envoy")
			if q := s.relClauseStart(p); q > 0 {
				save := *b
				if s.walk(els, j, q-1, dir, b) {
					return true
				}
				*b = save
			}
		}
		if e.kind == kSlot && (e.slot == 'S' || e.slot == 'T' && j == len(els)-1) && dir < 0 && !b.imported && p > 0 && p < len(s.u) && s.u[p].fold == "," {
			// "Fumio Kishida, on his first tour of the Gulf since taking office, met ...": the subject that opens
			// the sentence, before an apposition or a parenthesis closed by this comma; so is a passive's T, the
			// pattern's first element ("Zelensky, alla sua prima visita in Italia dall'inizio dell'invasione russa,
			// è stato ricevuto")
			if f := s.appositionSubject(p); f >= 0 {
				save := *b
				if s.walk(els, j, f, dir, b) {
					return true
				}
				*b = save
			}
		}
		if e.kind == kSlot && e.slot == 'R' && dir < 0 && !b.imported && p > 0 && p < len(s.u) && s.u[p].fold == "," {
			// "Saudi Arabia and Iran, regional rivals that broke off relations in 2016, signed ...": the two sides
			// that open the sentence, before an apposition closed by this comma
			if f := s.appositionPair(p); f >= 0 {
				save := *b
				if s.walk(els, j, f, dir, b) {
					return true
				}
				*b = save
			}
		}
		if sawAnd && subj && dir < 0 && s.sentenceSubjectBind(els, j, p, dir, b) {
			// "X met Y and urged him ...": a verb coordinated after an object takes the sentence's subject
			return true
		}
		if sawAnd && e.kind == kSlot && e.slot == 'R' && dir < 0 && s.sentenceSidesBind(els, j, p, dir, b) {
			// "X met Y and signed an agreement", "X and Y met and signed ...": a verb of both sides coordinated
			// after the clause takes its two sides
			return true
		}
		if e.kind == kSlot && !b.imported && p == pos {
			if e.slot == 'T' && dir > 0 && b.t == -1 && j == 0 && s.relObject(els, j, p, b) {
				return true // "Israël, dat hij beschuldigt van genocide": the relative pronoun is the object
			}
		}
		if e.kind == kSlot && e.slot == 'S' && dir < 0 && !b.imported && p == pos && !sawAnd && (j == 0 || els[j-1].kind != kSlot) {
			// "the officers who seized power in Niger urged ...": the subject before a relative clause without commas
			// (not after a slot: in "S T! a accusé" T may be the clause's object)
			if a := s.subjRelAntecedent(p); a >= 0 && s.subjRelBind(els, j, a, b) {
				return true
			}
		}
		if e.kind == kSlot && e.slot == 'S' && dir < 0 && !b.imported && p > 0 && p < len(s.u) && s.u[p].phrase < 0 && s.u[p].is(cRel) && s.relSubject(els, j, p, b) {
			return true // "Israel Katz, que declarou ...", "..., con quien firmó": the subject of a relative clause
		}
		if s.try(els, j, p, dir, b) {
			return true
		}
		if s.isDate(p) && dates < 6 {
			dates++ // "se reunió este martes con", "a reçu mardi": a date between two elements is free
			p += dir
			continue
		}
		if !b.imported {
			if k := s.shortParen(p, dir); k != p {
				p = k // "Israel rạng sáng 26/10 (giờ địa phương) đã tiến hành", "警方（当地时间）21日晚": an aside is free
				continue
			}
		}
		if dir < 0 && subj && p >= 0 && !b.imported && !sawAnd && s.whereClause(p) {
			// "Lula viajou a Pequim, onde se reuniu com Xi", "llegó a Jerusalén, donde se reunió con": a clause
			// after a where-word of grammar that leaves its subject out is the sentence subject's (a slot with no slack
			// too: "..., donde fue recibido por")
			return s.sentenceSubjectBind(els, j, p, dir, b)
		}
		if dir < 0 && e.kind == kSlot && e.slot == 'S' && p >= 0 && !b.imported && !sawAnd && s.decreeClause(p) {
			// "the Security Council adopted a resolution that demands ...": what a decree demands, its adopter
			// demands (grammar decree); only a body that adopts decrees, an organisation or a legislature, where a
			// state vetoes one ("Russia vetoed a resolution that condemned ...")
			if f := s.firstPhrase(); f < 0 || f >= p || !decreeBody(s.d.actorOf(s.u[f].phrase)) {
				return false
			}
			return s.sentenceSubjectBind(els, j, p, dir, b)
		}
		if e.slack == 0 || p < 0 || p >= len(s.u) {
			return false
		}
		if dir < 0 && e.kind == kSlot && (e.slot == 'S' || e.slot == 'T') {
			if k := s.circumOpen(p, b); k >= 0 {
				if e.slot == 'S' && !b.imported && s.clauseAfterComma(p, k, b) && s.sentenceSubjectBind(els, j, k-1, dir, b) {
					return true // "吳釗燮今天宣布，為維護國家主權與尊嚴，即刻終止": the announcing subject's act
				}
				p = k - 1 // "习近平……在利马出席……会议期间会见": the adverbial between the subject and its verb
				continue
			}
			if k := s.etcTail(p); k > 0 && !b.imported {
				p = k - 1 // "对蓬佩奥等28名……的美方人员实施制裁": the list's tail belongs to the actor before it
				continue
			}
		}
		u := s.u[p]
		if n := s.nonfiniteEnd(p); n > 0 && dir < 0 && e.kind == kSlot && e.slot == 'S' && !b.imported && u.phrase < 0 && !sawAnd {
			// "... un mois après avoir rompu ses relations avec T", "dopo aver ricevuto T": a non-finite verb
			// takes the sentence's subject, as after "and"
			sawAnd = true
			p -= n
			continue
		}
		if dir > 0 && e.kind == kSlot && e.slot == 'T' && !b.imported && lower <= 2 {
			if k := s.parenthetical(p); k > 0 {
				// "condenou, na abertura da Assembleia Geral da ONU, a espionagem da NSA": the place or occasion
				// set off by commas right after the verb is no object
				p = k + 1
				continue
			}
		}
		if (u.phrase >= 0 && !s.locative(p)) || s.barrierAt(p) {
			return false
		}
		if dir > 0 && e.kind == kSlot && e.slot == 'T' && s.reportingTail(p) {
			return false // "werden sich ... treffen, teilte das Weiße Haus mit": the speaker after the comma is no target
		}
		if b.imported && dir > 0 && e.kind == kSlot && e.slot == 'T' && u.fold == "," {
			return false // "the Western Sahara dispute, the royal cabinet said": a verb's object follows no comma
		}
		if b.imported && u.phrase < 0 && u.is(cPrep) {
			if !e.obj || !b.objT || dir < 0 || preps > 0 || s.u[p-1].is(cPrep) {
				return false // "urged X to stop selling ...": past a preposition the slot is another clause's
			}
			preps++ // "delivered 18 tanks to Ukraine": the object's target after one preposition
		} else if preps > 0 && u.phrase < 0 && !s.d.capitalized(u) && !u.is(cDet) {
			return false // "voted to remove him": past the preposition only the target's determiners
		}
		if b.active && dir > 0 && j == 0 && e.kind == kSlot && e.slot == 'T' && u.phrase < 0 && u.is(cAgent) {
			// "los detenidos por los militares": past the agent's preposition right after the verb, T is
			// who acts (but "reclamó la liberación de los detenidos por Irán" reads on)
			return false
		}
		if s.d.capitalized(u) {
			caps++
		} else if u.fold != "," {
			lower++
		}
		// a passive's T: only an "and" right before the pattern's words ("... y fue recibido por", not "X和Y遭到")
		if (u.is(cAnd) && subj && (e.slot == 'S' || slices.Contains(b.lits, p+1)) || (s.d.lg.commaChain && isComma(u.fold) || s.gerundAfter(p, b) && u.fold == ",") && e.kind == kSlot && e.slot == 'S') && dir < 0 {
			if b.imported {
				return false // an imported pattern's subject is not looked for across "and"
			}
			sawAnd = true
		}
		if u.is(cAnd) && dir < 0 && e.kind == kSlot && e.slot == 'R' && !b.imported && p+1 < len(s.u) && s.u[p+1].phrase < 0 {
			sawAnd = true // an "and" that joins two clauses, not two actors ("freed X and Y in a swap")
		}
		if lower > e.slack || caps > slackCaps {
			return false
		}
		p += dir
	}
}

// agentPhraseAt reports whether unit p is an `agent` word of grammar ("by", "por", "pelo", "par") followed, over
// determiners, by an actor phrase: the agent of a participle.
func (s *sentence) agentPhraseAt(p int) bool {
	if p < 0 || p >= len(s.u) || s.u[p].phrase >= 0 || !s.u[p].is(cAgent) {
		return false
	}
	q := p + 1
	for q < len(s.u) && q <= p+2 && s.u[q].phrase < 0 && s.u[q].is(cDet) {
		q++
	}
	return q < len(s.u) && s.u[q].phrase >= 0
}

// sentenceSubjectBind binds S (els[j], walking left from unit p) to the sentence's subject, the actor phrase that
// opens it (or the subject of the clause after a barrier word before p: sentence.clauseSubject), and matches the
// rest of the pattern before it: the subject of a verb coordinated after an object ("X met Y and urged him"),
// or of a where clause that leaves it out ("X flew to Beijing, where [he] met Y": sentence.whereClause).
func (s *sentence) sentenceSubjectBind(els []delem, j, p, dir int, b *binding) bool {
	e := &els[j]
	f := s.firstPhrase()
	if g := s.clauseSubject(f, p); g >= 0 {
		f = g // "X broke off ties after police raided its embassy and arrested Y": the clause's own subject
	}
	if g := s.chainSubject(p, b); g >= 0 {
		f = g // "X发射导弹，Y随即发表声明，对此予以谴责": the subject of the last clause in the chain that has one
	} else if g == ownSubject {
		return false // "……，两国即日起相互承认": the clause's own subject is a pronoun
	}
	if f < 0 || f >= p || (e.has != nil && !s.phraseHas(s.u[f].phrase, e.has)) || (e.sectors != nil && !slices.Contains(e.sectors, s.d.actorOf(s.u[f].phrase).Sector)) {
		return false
	}
	save := *b
	if e.slot == 'T' {
		b.t = s.u[f].phrase
	} else {
		b.s = s.u[f].phrase
	}
	s.extend(b, f)
	if s.walk(els, j+1, f-1, dir, b) {
		return true
	}
	*b = save
	return false
}

// sentenceSidesBind binds R (els[j], walking left from unit p, after an "and") to the two sides of the clause
// the verb is coordinated after, and matches the rest of the pattern before them: the two phrases joined by "and"
// that open it ("X and Y met on Friday and signed a declaration"), else its subject (the sentence's, or that of
// the clause after a barrier word: sentenceSubjectBind) and the last actor phrase before p that is no place,
// the first verb's object ("X met Y in Z on Monday and signed an agreement", "X a rencontré Y et a signé").
func (s *sentence) sentenceSidesBind(els []delem, j, p, dir int, b *binding) bool {
	f := s.firstPhrase()
	if g := s.clauseSubject(f, p); g >= 0 {
		f = g
	}
	if f < 0 || f >= p || f > 0 && s.u[f-1].phrase < 0 && s.u[f-1].fold == "(" {
		return false // "AL-KHOR (Qatar) (AFP) - ...": a name in brackets is no clause's subject
	}
	save := *b
	for _, try := range s.recipAt(f, 1) {
		if try.recip || try.end > p {
			continue
		}
		b.r, b.recip, b.coord = try.pair, false, true
		s.extend(b, f)
		s.extend(b, try.end-1)
		if s.walk(els, j+1, f-1, dir, b) {
			return true
		}
		*b = save
	}
	q := -1 // the first verb's object: the last actor phrase before p, places passed over
	for k := p; k > f; k-- {
		u := s.u[k]
		if u.phrase < 0 {
			if s.barrierAt(k) || isStop(u.fold) || isDash(u.fold) {
				return false // a dash parts a dateline's header from the text ("Ankara (TTXVN 1/8) - Nga ...")
			}
			continue
		}
		if u.phrase == s.u[f].phrase || s.locative(k) || s.d.datelinePhrase(u.phrase) {
			continue
		}
		q = k
		break
	}
	if q < 0 || s.listTail(q) {
		return false // "freed X and Y in a swap": the last of an object list is no side of the clause
	}
	for k := f + 1; k < q; k++ {
		if u := s.u[k]; u.phrase < 0 && isDash(u.fold) {
			return false // a dash parts a dateline's header from the text ("Ankara (TTXVN 1/8) - Nga ...")
		}
	}
	if x, y := s.d.actorOf(s.u[f].phrase).Country, s.d.actorOf(s.u[q].phrase).Country; x == "" || x == y {
		return false // "freed the reporter X and ... in a swap": an act between two sides of one country is not told so
	}
	b.r, b.recip, b.coord = [2]int{s.u[f].phrase, s.u[q].phrase}, false, true
	s.extend(b, f)
	s.extend(b, q)
	if s.walk(els, j+1, f-1, dir, b) {
		return true
	}
	*b = save
	return false
}

// objectAfter reports whether an actor phrase that is no place stands within three units after unit p, no
// stop or barrier between: the verb there has an object of its own ("e ha concordato con il leader del Cremlino").
func (s *sentence) objectAfter(p int) bool {
	for k := p + 1; k < len(s.u) && k <= p+3; k++ {
		u := s.u[k]
		if u.phrase >= 0 {
			return !s.locative(k)
		}
		if s.barrierAt(k) || isStop(u.fold) {
			return false
		}
	}
	return false
}

// listTail reports whether an "and" word of grammar stands within three units before the actor phrase at unit
// q (determiners and title words between): the phrase ends a list.
func (s *sentence) listTail(q int) bool {
	ph := s.u[q].phrase
	k := q - 1
	for k >= 0 && s.u[k].phrase == ph {
		k--
	}
	for n := 0; k >= 0 && n < 3; n, k = n+1, k-1 {
		if u := s.u[k]; u.phrase < 0 && u.is(cAnd) {
			return true
		} else if u.phrase >= 0 {
			return false
		}
	}
	return false
}

// parenthetical returns, for a comma at unit p that a `loc` or `prep` word follows, the comma that closes the
// phrase it opens (within 16 units, with no stop or barrier between): "condenou, na abertura da Assembleia Geral
// da ONU, a espionagem". -1 when there is none.
func (s *sentence) parenthetical(p int) int {
	if p < 0 || p+1 >= len(s.u) || s.u[p].phrase >= 0 || s.u[p].fold != "," || s.u[p+1].phrase >= 0 || !s.u[p+1].is(cLoc|cPrep) {
		return -1
	}
	for k := p + 2; k < len(s.u) && k <= p+16; k++ {
		if s.u[k].phrase >= 0 {
			continue
		}
		if s.u[k].fold == "," {
			return k
		}
		if s.barrierAt(k) || isStop(s.u[k].fold) {
			return -1
		}
	}
	return -1
}

// midAside returns, for a comma at unit q that opens (walking in direction dir) an aside set off by commas in the
// middle field of a verb-second clause ("heeft de mediamagnaat Jimmy Lai, oprichter van de krant Apple Daily,
// opgepakt", "heeft tijdens een bezoek aan Kyiv, zijn eerste sinds het begin van de Russische invasie, Zelensky
// ontmoet"), the comma that closes it, or -1: a gap passes over the aside as one unit, the actors it names
// included, and so over a clause in commas that a barrier word opens (", waarbij duizenden mensen omkwamen,"). It
// holds two to 14 units, no stop, quotation or other barrier, and no "and" word at its edges or right after it (a
// list goes on: "heeft A, B en C ontmoet").
func (s *sentence) midAside(q, dir int) int {
	if !s.d.lg.verbSecond || q < 0 || q >= len(s.u) || s.u[q].phrase >= 0 || s.u[q].fold != "," {
		return -1
	}
	and := func(k int) bool { return k >= 0 && k < len(s.u) && s.u[k].phrase < 0 && s.u[k].is(cAnd) }
	for n, k := 1, q+dir; n <= 15 && k >= 0 && k < len(s.u); n, k = n+1, k+dir {
		u := s.u[k]
		if u.phrase >= 0 {
			continue
		}
		if u.fold == "," {
			if n < 3 {
				return -1
			}
			lo, hi := min(q, k), max(q, k)
			if and(lo+1) || and(hi-1) || and(hi+1) || hi+1 >= len(s.u) {
				return -1
			}
			opener := true // the words before a barrier that opens the aside: ", tien dagen nadat ...,"
			for m := lo + 1; m < hi; m++ {
				if s.u[m].phrase >= 0 {
					opener = false
				} else if s.barrierAt(m) {
					if !opener || m > lo+3 {
						return -1 // a barrier opens the aside or none: ", waarbij duizenden mensen omkwamen,"
					}
					opener = false
				}
			}
			return k
		}
		if isStop(s.d.toks[u.tok].Text) || u.quote != 0 || isDash(u.fold) {
			return -1
		}
	}
	return -1
}

// inclusionEnd returns, when unit q is the comma that opens an inclusion apposition in the walking direction (grammar
// `include`: ", darunter ...,", ", onder wie ...,", ", including ...,"), the unit of the comma that closes it, or -1.
// Walking forwards the apposition ends at the first comma not followed by an actor phrase (a list "onder wie
// Argentinië, Chili en Peru," goes on past its commas); walking backwards it opens at the nearest comma that an
// include sequence follows. It holds no sentence stop and at most 24 units.
func (s *sentence) inclusionEnd(q, dir int) int {
	seqs := s.d.lg.kindSeqs[pkInclude]
	if len(seqs) == 0 || q < 0 || q >= len(s.u) || s.u[q].phrase >= 0 || s.u[q].fold != "," {
		return -1
	}
	opens := func(k int) bool {
		for _, sq := range seqs {
			if s.phraseAt(k+1, sq) {
				return true
			}
		}
		return false
	}
	for n, k := 1, q+dir; n <= 24 && k >= 0 && k < len(s.u); n, k = n+1, k+dir {
		u := s.u[k]
		if u.phrase < 0 && (isStop(u.fold) || u.fold == ";") {
			return -1 // no barrier test: the include words themselves may be barriers ("onder wie")
		}
		if u.phrase >= 0 || u.fold != "," {
			continue
		}
		if dir > 0 {
			if n == 1 || !opens(q) {
				return -1
			}
			if k+1 < len(s.u) && s.u[k+1].phrase >= 0 {
				continue // a list inside the apposition
			}
			return k
		}
		if opens(k) {
			return k
		}
	}
	return -1
}

// inclusionHead reports whether an actor phrase stands among the three units before the comma at unit c (no
// comma between): the head of an inclusion apposition whose members it names ("sieben UN-Mitarbeiter, darunter").
func (s *sentence) inclusionHead(c int) bool {
	for k := c - 1; k >= 0 && k >= c-3; k-- {
		if s.u[k].phrase >= 0 {
			return true
		}
		if s.u[k].fold == "," {
			return false
		}
	}
	return false
}

// decreeClause reports whether unit p is a relative word (grammar rel or subjrel) right after a decree noun of
// grammar (`decree`: "resolution", "résolution", "Resolution", "nghị quyết"), a comma between allowed: the
// clause it opens tells what the decree, and so the body that adopts it, does.
func (s *sentence) decreeClause(p int) bool {
	if p <= 0 || p >= len(s.u) || s.u[p].phrase >= 0 || !s.u[p].is(cRel|cSubjRel) {
		return false
	}
	q := p - 1
	if s.u[q].phrase < 0 && s.u[q].fold == "," && q > 0 {
		q--
	}
	return s.u[q].phrase < 0 && s.u[q].is(cDecree)
}

// decreeBody reports whether an actor adopts decrees: an international organisation or a legislature.
func decreeBody(a dyad.EventActor) bool { return isIGO(a) || a.Sector == "LEG" }

// whereClause reports whether unit p is a where-word of grammar (`where`: "onde", "donde", "où", "dove") right
// after a comma: the clause it opens tells what the sentence's subject did at the place just named, when no
// actor phrase stands between it and the verb ("Milei viajó a Jerusalén, donde se reunió con Netanyahu").
func (s *sentence) whereClause(p int) bool {
	return p > 0 && p < len(s.u) && s.u[p].phrase < 0 && s.u[p].is(cWhere) && s.u[p-1].phrase < 0 && s.u[p-1].fold == ","
}

func (s *sentence) extend(b *binding, p int) {
	b.lo = min(b.lo, p)
	b.hi = max(b.hi, p)
}

// try matches element els[j] exactly at unit p.
func (s *sentence) try(els []delem, j, p, dir int, b *binding) bool {
	e := &els[j]
	switch e.kind {
	case kLit:
		q := p - 1 // the unit the possessive leans on: the one before, or, walking left, the one here
		if dir < 0 {
			q = p
		}
		if s.possessive(e, q) {
			// "Japan's talks": the 's stays in the token of the actor phrase; the pattern's 's matches it there
			save := *b
			if s.walk(els, j+1, p, dir, b) {
				return true
			}
			*b = save
		}
		for _, a := range e.dalts {
			if end, ok := s.lit(a, p, dir); ok && (!e.verb || s.verbLike(min(p, end-dir))) && s.walkSpan(els, j, p, end, dir, b, e.verb) {
				return true
			}
		}
		if dir > 0 && !b.imported && b.t == -1 && s.walkRelPrep(els, j, p, b) {
			return true // "..., con quien firmó un acuerdo": the preposition and T are the relative clause's
		}
		if dir < 0 && !b.imported && !b.elided && s.elidedAux(p) && s.auxLit(*e) {
			// "hat X abgebrochen und Y beschuldigt": the second participle's auxiliary is the first one's
			if s.walkElided(els, j, p, b) {
				return true
			}
		}
		if dir < 0 && !b.imported && !b.elided && s.passiveLit(*e) && s.elidedPassive(p) {
			// "X was removed by Congress and detained by police": the second participle's auxiliary is the first one's
			if s.walkElidedPassive(els, j, p, b) {
				return true
			}
		}
		if e.optional {
			return s.walk(els, j+1, p, dir, b)
		}
		return false
	case kCount:
		for _, end := range s.countAt(p, dir, e.max) {
			if s.walkSpan(els, j, p, end, dir, b, false) {
				return true
			}
		}
		return false
	case kNot:
		// a look-ahead: the next unit is not one of these words, unless, looking left from the verb, it ends
		// a frame's words ("a promis de livrer", "ha minacciato di rompere": the infinitive is the verb)
		if p >= 0 && p < len(s.u) && s.u[p].phrase < 0 && (dir > 0 || !s.frameEndsAt(p)) {
			for _, a := range e.dalts {
				if s.tokOK(a[0], p) {
					return false
				}
			}
		}
		return s.walk(els, j+1, p, dir, b)
	case kGap:
		q := p
		if b.active && dir > 0 && j == 0 && j+1 < len(els) && els[j+1].kind == kSlot && els[j+1].slot == 'T' && s.agentPhraseAt(q) {
			// "as regiões anexadas pela Rússia", "los territorios ocupados por Israel": a participle with its agent
			// right after the trigger is no active verb, and T past the agent's preposition would be who acts
			return false
		}
		free := 0
		// an inclusion apposition (", darunter ...,", ", onder wie ...,", ", including ...,"): the gap walks into
		// it ("de diplomaten van zeven landen, onder wie Argentinië en Chili, het land uitgezet"), and where that
		// fails it passes over it whole with the words it has left ("hat sieben UN-Mitarbeiter, darunter Vertreter
		// von Unicef, zu unerwünschten Personen erklärt")
		incK, incLeft := -1, 0
		for n := 0; n <= e.max; n++ {
			if s.walk(els, j+1, q, dir, b) {
				return true
			}
			if b.objT && q >= 0 && q < len(s.u) && s.objPhrase(q) {
				// "condemned North Korea's launch", "welcomed the Russian withdrawal": the object's actor,
				// inside its noun phrase, the target of an object-target pattern (objInside)
				q += dir
				continue
			}
			if k := s.quoteEnd(q, dir); k >= 0 {
				q = k + dir // a whole quotation is one unit of a gap: 'a appelé à "éviter ...", au cours d'un entretien avec'
				continue
			}
			if incK < 0 {
				// passed over only after the actor it names members of ("45 Russian diplomats, including ...")
				if k := s.inclusionEnd(q, dir); k >= 0 && s.inclusionHead(min(k, q)) {
					incK, incLeft = k, e.max-n-1
				}
			}
			if dir > 0 && !b.imported && j+1 < len(els) && els[j+1].kind == kSlot && els[j+1].slot == 'T' {
				if k := s.parenthetical(q); k > 0 {
					q = k + 1 // "condenou, na abertura da Assembleia Geral da ONU, a espionagem": no object inside
					continue
				}
			}
			if k := s.placeSkip(q, dir); k >= 0 {
				q = k + dir // a place name of several ideographs is one unit of a gap: "在伊斯坦布尔举行"
				continue
			}
			if !b.imported && !(j+1 < len(els) && els[j+1].kind == kSlot && (els[j+1].slot == 'S' || els[j+1].slot == 'R')) {
				if k := s.midAside(q, dir); k >= 0 && s.inclusionEnd(q, dir) < 0 {
					q = k + dir // "hat Jimmy Lai, Gründer der Zeitung Apple Daily, festgenommen": the aside is one unit
					continue
				}
			}
			if dir < 0 && s.d.lg.commaChain && !b.imported && j+1 < len(els) && els[j+1].kind == kSlot && els[j+1].slot == 'S' &&
				q > 0 && q < len(s.u) && s.u[q].phrase < 0 && isComma(s.u[q].fold) {
				// "sẽ thăm chính thức Chile, thăm cấp Nhà nước Peru": past a comma of a comma chain the subject is
				// the sentence's, as the slack before S reads it, not the object of the predicate before the comma
				return s.walk(els, j+1, q, dir, b)
			}
			if dir < 0 && j+1 < len(els) && els[j+1].kind == kSlot && (els[j+1].slot == 'S' || els[j+1].slot == 'T') {
				if k := s.circumOpen(q, b); k >= 0 {
					if els[j+1].slot == 'S' && !b.imported && s.clauseAfterComma(q, k, b) && s.sentenceSubjectBind(els, j+1, k-1, dir, b) {
						return true // "……宣布，為維護國家尊嚴，即日起終止": the announcing subject's act
					}
					q = k - 1 // a circumposition "在……期间" is one unit of a gap before the subject
					continue
				}
			}
			if dir > 0 && j+1 < len(els) && els[j+1].kind == kSlot && els[j+1].slot == 'T' && s.reportingTail(q) {
				break // "..., the White House said": a gap before T stops at a reporting clause
			}
			if q < 0 || q >= len(s.u) || (s.u[q].phrase >= 0 && !s.locative(q) && !s.wordPhrase(q) && !s.governed(q) && !s.origin(q) && !s.attributive(q) && !s.bareAgent(q) && !s.middleField(els, j, q, dir) && !s.participleAgent(q)) || s.barrierAt(q) {
				break // a gap passes over a place, a phrase after a preposition ("gegen Russland") or of origin, and an adjective ("a Russian hacker")
			}
			if e.mid && free < e.max && s.midfieldWord(q, b) {
				free++
				n-- // the middle field's prepositions and determiners: "bij het begin van diens staatsbezoek in de Grote Hal"
			}
			if s.agentInner(q, dir) {
				n-- // "a declaration brokered by the United States with T": a participle phrase with its agent is one unit
			}
			if r := q + dir; q >= 0 && q < len(s.u) && r >= 0 && r < len(s.u) && s.u[q].quote != 0 && s.u[r].quote == s.u[q].quote {
				n-- // a short quotation is one unit of a gap, as a long one is (quoteEnd): "在……的“和平之家”举行会晤"
			}
			q += dir
		}
		if incK >= 0 && incLeft >= 0 {
			// the gap's words left go on a copy of its element: delem points at the pattern's own elem, held
			// for the life of the process, which writing through the pointer would narrow for every later text
			rest := slices.Clone(els)
			ge := *rest[j].elem
			ge.max = incLeft
			rest[j].elem = &ge
			save := *b
			if s.try(rest, j, incK+dir, dir, b) {
				return true
			}
			*b = save
		}
		return false
	case kSlot:
		if p < 0 || p >= len(s.u) {
			return false
		}
		save := *b
		if e.slot == 'R' {
			for _, try := range s.recipAt(p, dir) {
				b.r, b.recip = try.pair, try.recip
				s.extend(b, p)
				s.extend(b, try.end-dir)
				if s.walk(els, j+1, try.end, dir, b) {
					return true
				}
				*b = save
			}
			return false
		}
		if e.slot == 'O' {
			// "extradited former president X to T": the object, an actor phrase (or a list) that is no side of
			// the event, between the verb and the target
			u := s.u[p]
			if u.phrase < 0 || s.barrierAt(p) || e.has != nil && !s.phraseHas(u.phrase, e.has) {
				return false // O[w/w]: the object must hold the word ("recalled O[ambassador] in T")
			}
			s.extend(b, p)
			if s.walk(els, j+1, p+dir, dir, b) {
				return true
			}
			if q, _ := s.listEnd(u.phrase, p, dir, 'T'); q >= 0 {
				s.extend(b, q)
				if s.walk(els, j+1, q+dir, dir, b) {
					return true
				}
			}
			*b = save
			return false
		}
		if e.slot == 'C' || e.slot == 'P' {
			// the content of a speech act, after its words: the target is found there once S is known
			if dir < 0 {
				return false
			}
			b.cAt = p
			if s.walk(els, j+1, p, dir, b) {
				return true
			}
			*b = save
			return false
		}
		if e.slot == 'L' || e.slot == 'H' {
			n, cc, ok := s.placeAt(p, dir, e.slot == 'H')
			if !ok {
				return false
			}
			first, last := p, p+n-1
			if dir < 0 {
				first, last = p-n+1, p
			}
			for k := first; e.bare && k <= last; k++ {
				if s.u[k].phrase >= 0 {
					return false // a place twin's H: an actor named as a place is the T of the pattern itself
				}
			}
			b.place, b.placeAt = cc, [2]int{s.u[first].tok, s.u[last].last}
			s.extend(b, first)
			s.extend(b, last)
			if s.walk(els, j+1, p+n*dir, dir, b) {
				return true
			}
			*b = save
			return false
		}
		u := s.u[p]
		if u.phrase >= 0 && s.locative(p) && (dir < 0 && !s.litNext(els, j, p) || dir > 0 && !s.litBefore(b, p)) {
			if e.slot != 'T' || !s.targetPlace(p) {
				return false // "in Moscow's Kremlin", "à l'Élysée": a place, not an actor of the event
			}
			b.tPlace = true
		}
		if e.slot == 'S' && dir < 0 && s.d.lg.verbSecond && !b.imported && u.phrase >= 0 && s.governed(p) && !s.litNext(els, j, p) && s.opensFronted() {
			return false // verb-second: "Aan de vooravond van de NAVO-top hebben X en Y ...": the end of a fronted phrase, no subject
		}
		if u.phrase >= 0 && p+1 < len(s.u) && s.u[p+1].phrase < 0 && s.u[p+1].is(cTargetNoun) && s.wordPhrase(p) {
			return false // "militärische Ziele", "militaire doelen": the adjective of what is struck, no side
		}
		if e.slot == 'S' && u.phrase >= 0 && s.gluedObject(p) {
			return false // "就美方对台军售向美方提出交涉": a short form glued after its verb or preposition is its object
		}
		if e.has != nil && (u.phrase < 0 || !s.phraseHas(u.phrase, e.has)) {
			return false // "S @expel T[diplomat*]": the phrase must hold the word (a pronoun holds none)
		}
		if e.sectors != nil && (u.phrase < 0 || !slices.Contains(e.sectors, s.d.actorOf(u.phrase).Sector)) {
			return false // "S{COP/MIL}": an actor of one of these sectors (a pronoun is none)
		}
		if u.phrase < 0 {
			if s.isDate(p) {
				return false // "amenazó el domingo con": "el" leads a date, it is no pronoun ("él")
			}
			// a pronoun: "He met ...", "it had signed ...", "... urged him to", "nước này", "该国"
			cls, n := s.pronounAt(p, dir)
			first := p // the pronoun's first unit
			if dir < 0 {
				first = p - n + 1
			}
			if e.slot == 'T' && cls&cMutual != 0 && !b.imported {
				// "A and B accused each other", "hebben elkaar beschuldigd", "s'accusent mutuellement": the
				// other side of the subject (mutualOK checks, once S is bound, that it is a list)
				b.t, b.mutual = tMutual, true
				s.extend(b, first)
				s.extend(b, first+n-1)
				if s.walk(els, j+1, p+n*dir, dir, b) {
					return true
				}
				*b = save
				return false
			}
			var ref dyad.ActorRef
			var ok bool
			switch {
			case (e.slot == 'S' || e.slot == 'T' && b.tSubject) && cls&(cHe|cIt) != 0:
				ref, ok = s.pronounActor(first, cls&cHe != 0) // T too in a passive: "he was arrested", "toen hij ... werd geroepen"
			case e.slot == 'T' && e.tight && dir < 0 && cls&cClitic != 0:
				// a clitic only as T! right before the pattern's verb ("donde Xi Jinping lo recibió", "Macron l'a
				// reçu"): elsewhere "la", "le", "l'" are articles; read before him, which a clitic may also be
				// ("qui lui a demandé": the person named before the subject, not the last one)
				ref, ok = s.cliticActor(first)
			case e.slot == 'T' && cls&cHim != 0 && s.himDeterminer(first+n-1, dir):
				// "met her South Korean counterpart": a possessive determiner before a phrase, passed over as slack
			case e.slot == 'T' && cls&cHim != 0:
				var m dyad.ActorMention
				m, ok = s.d.lastPerson(s.d.toks[s.u[first].tok].Start)
				ref = m.Actor
			case (e.slot == 'S' || e.slot == 'T') && cls&cThey != 0 && !s.recipPrev:
				ref, ok = s.groupActor(first)
			case e.slot == 'T' && cls&cThis != 0:
				ref, ok = s.thisActor(first) // "X要求……，Y对此予以强烈谴责": the target is X
			}
			if !ok {
				return false
			}
			if e.slot == 'S' {
				b.s, b.sRef = -2, ref
			} else {
				b.t, b.tRef = -2, ref
			}
			s.extend(b, first)
			s.extend(b, first+n-1)
			if s.walk(els, j+1, p+n*dir, dir, b) {
				return true
			}
			*b = save
			return false
		}
		if (e.slot == 'S' || e.slot == 'R') && dir < 0 && j == len(els)-1 && s.d.lg.verbSecond && !b.imported && s.frontedGoverned(p) {
			// "Im Streit mit China hat Japan ...", "Aan de vooravond van de NAVO-top hebben X en Y ...": a phrase
			// after a preposition opens a verb-second clause and is no subject; the subject follows the verb
			return false
		}
		if e.slot == 'S' && s.d.phrases[u.phrase].loneBetween {
			return false // "l'accordo tra Roma e Tirana, ... sono arrivati": one side of a relation, no subject
		}
		if b.imported && s.possessivePhrase(u) && !(e.obj && b.objT && s.objPhrase(p) && !s.u[p-1].is(cPrep)) {
			return false // "ordered Russia's mobilisation": a possessor, not the verb's subject or object
		}
		if e.slot == 'S' && !b.imported {
			// "Ukraine said its air defences had shot down ...": forces with no country of their own after "its"
			// are those of the country or body the pronoun stands for
			if ref, ok := s.ownForces(p); ok {
				b.s, b.sRef = -2, ref
				s.extend(b, p)
				s.extend(b, p-1)
				if s.walk(els, j+1, p-1+dir, dir, b) || dir > 0 && s.walk(els, j+1, p+dir, dir, b) {
					return true
				}
				*b = save
			}
		}
		if e.slot == 'S' {
			b.s = u.phrase
		} else {
			b.t = u.phrase
		}
		s.extend(b, p)
		if s.walk(els, j+1, p+dir, dir, b) {
			return true
		}
		// "X hat A, B und C ... empfangen": a slot takes a whole list, and the pattern goes on after its far end
		if q, ph := s.listEnd(u.phrase, p, dir, e.slot); q >= 0 {
			if e.slot == 'S' {
				b.s = ph
			} else {
				b.t = ph
			}
			s.extend(b, q)
			if s.walk(els, j+1, q+dir, dir, b) {
				return true
			}
		}
		*b = save
		return false
	}
	return false
}

// phraseHas reports whether actor phrase pi holds one of the words alts (each a sequence of tokens), compared
// folded, by prefix or by stem as a pattern word is.
func (s *sentence) phraseHas(pi int, alts []alt) bool {
	ph := s.d.phrases[pi]
	return s.tokensHave(ph.first, ph.last, alts)
}

// listEnd returns, for phrase pi at unit p that begins a list "A, B and C" in the direction dir (its first
// member reading forwards, its last reading backwards), the unit of the list's far end and the member a slot
// binds so that the event goes to every member (pairs, sources, targets: T the first, S the last); -1 when pi
// begins no list.
func (s *sentence) listEnd(pi, p, dir int, slot byte) (int, int) {
	l := s.d.phrases[pi].list
	if len(l) < 2 {
		return -1, -1
	}
	near, far := l[0], l[len(l)-1]
	if dir < 0 {
		near, far = far, near
	}
	if near != pi {
		return -1, -1
	}
	for q := p + dir; q >= 0 && q < len(s.u); q += dir {
		if s.u[q].phrase == far {
			if slot == 'S' {
				return q, l[len(l)-1]
			}
			return q, l[0]
		}
	}
	return -1, -1
}

type recipTry struct {
	pair  [2]int
	recip bool
	end   int
}

// recipAt lists the ways R can match at unit p: a reciprocal phrase ("the two sides"), two actor phrases
// joined by "and", or "they" right after a sentence with a reciprocal subject.
func (s *sentence) recipAt(p, dir int) []recipTry {
	var out []recipTry
	lg := s.d.lg
	u := s.u[p]
	if u.phrase < 0 {
		if u.is(cRecip) || (s.recipPrev && u.is(cThey)) {
			out = append(out, recipTry{pair: [2]int{-1, -1}, recip: true, end: p + dir})
		}
		for _, sq := range lg.kindSeqs[pkRecip] {
			q := p
			ok := true
			for k := range sq {
				t := sq[k]
				if dir < 0 {
					t = sq[len(sq)-1-k]
				}
				if q < 0 || q >= len(s.u) || s.u[q].phrase >= 0 || s.u[q].fold != t {
					ok = false
					break
				}
				q += dir
			}
			if ok {
				out = append(out, recipTry{pair: [2]int{-1, -1}, recip: true, end: q})
			}
		}
		return out
	}
	// X and Y
	// determiners and up to three capitalised title words may stand between "and" and the second phrase:
	// "la France et le Vietnam", "Prime Minister X and President Y"
	capWord := func(k int) bool {
		return k >= 0 && k < len(s.u) && s.u[k].phrase < 0 && s.d.capitalized(s.u[k]) && !s.u[k].is(cAnd)
	}
	title := func(k int) bool {
		if k < 0 || k >= len(s.u) || s.u[k].phrase >= 0 {
			return false
		}
		// a title of several syllables whose first alone is capitalised ("Ngoại trưởng", "Thủ tướng")
		next := s.d.toks[s.u[k].tok].IsWord() && !s.u[k].is(cAnd) && capWord(k-1)
		return s.u[k].is(cDet) || capWord(k) || next
	}
	q := p + dir
	if dir > 0 {
		q = s.skipParen(q, dir) // "Lula (PT) e Xi": a party or an abbreviation after the first
		if s.appositionComma(q, dir) {
			q++ // "Los presidentes de Venezuela, Nicolás Maduro, y de Guyana, ...": the comma closes the apposition
		}
	}
	for n := 0; dir < 0 && n < 4 && title(q); n++ {
		q += dir // read backwards
	}
	if dir < 0 && s.kindSide(p) {
		q = s.kindSkip(q, dir) // "苏丹武装部队与准军事组织快速支援部队": the second side's kind noun, read backwards
	}
	if dir > 0 && s.dashPair(p+1) || dir < 0 && s.dashPair(p-1) {
		// "the Russia-Ukraine talks", "the US–China summit": two actors joined by a dash, the first named first
		x, y := u.phrase, s.u[p+2*dir].phrase
		if dir < 0 {
			x, y = y, x
		}
		out = append(out, recipTry{pair: [2]int{x, y}, end: p + 3*dir})
	}
	if n := p + dir; n >= 0 && n < len(s.u) && s.u[n].phrase >= 0 && s.d.glued(min(u.phrase, s.u[n].phrase), max(u.phrase, s.u[n].phrase)) {
		// "中美经贸会谈", "俄乌谈判": two short forms glued into one compound, the first named first
		x, y := u.phrase, s.u[n].phrase
		if dir < 0 {
			x, y = y, x
		}
		out = append(out, recipTry{pair: [2]int{x, y}, end: n + dir})
	}
	if try, ok := s.listPair(p, dir); ok {
		out = append(out, try) // a list the phrase grouping made, its members long phrases (joint.go)
	}
	if dir < 0 && q > 0 && s.repeatedGenitive(q-1, q) {
		q-- // "de Armenia y de Azerbaiyán", read from the second: past its preposition to the "and"
	}
	if dir < 0 && !(q >= 0 && s.u[q].phrase < 0 && s.u[q].is(cAnd)) {
		if k := s.lowerTitle(p, dir); k >= 0 {
			q = k // "Lula e o presidente da China, Xi Jinping, assinaram"
		}
	}
	if q >= 0 && q < len(s.u) && s.u[q].phrase < 0 && s.u[q].is(cAnd) {
		r := q + dir
		if dir < 0 {
			if s.appositionComma(r, dir) {
				r-- // "X, Nicolás Maduro, y de Guyana": past the comma that closes the first side's apposition
			}
			r = s.skipParen(r, dir)
		}
		if dir > 0 && r < len(s.u) && s.repeatedGenitive(q, r) {
			r++ // "of Armenia and of Azerbaijan": the preposition repeated before the second side
		}
		for n := 0; dir > 0 && n < 4 && title(r); n++ {
			r += dir
		}
		if dir > 0 {
			if k := s.kindSkip(r, dir); k != r && k < len(s.u) && s.kindSide(k) {
				r = k // "以色列与巴勒斯坦伊斯兰抵抗运动哈马斯", "X và phong trào Hamas": past the kind noun
			}
		}
		if dir > 0 && !(r < len(s.u) && s.u[r].phrase >= 0) {
			if k := s.lowerTitle(q, dir); k >= 0 {
				r = k
			}
		}
		first := p // the unit of the first named
		if dir < 0 {
			first = r
		}
		if r >= 0 && r < len(s.u) && s.u[r].phrase >= 0 && !s.locative(first) &&
			(!s.repeatedGenitive(q, q+1) || s.genitiveBefore(first)) {
			x, y := u.phrase, s.u[r].phrase
			if dir < 0 {
				x, y = y, x
			}
			out = append(out, recipTry{pair: [2]int{x, y}, end: r + dir}) // not "在克里姆林宫同普京": a place, then who
		}
	}
	return out
}

// kindSkip returns the unit past the longest `kind` phrase of grammar ("准军事组织", "伊斯兰抵抗运动", "phong
// trào") that starts at unit q (dir > 0) or ends there (dir < 0), else q.
func (s *sentence) kindSkip(q, dir int) int {
	best := 0
	for _, sq := range s.d.lg.kindSeqs[pkKind] {
		start := q
		if dir < 0 {
			start = q - len(sq) + 1
		}
		if len(sq) > best && start >= 0 && s.phraseAt(start, sq) {
			best = len(sq)
		}
	}
	return q + dir*best
}

// kindSide reports whether unit p is an actor phrase that a kind noun may describe: a group or an organisation,
// no person or country.
func (s *sentence) kindSide(p int) bool {
	if p < 0 || p >= len(s.u) || s.u[p].phrase < 0 {
		return false
	}
	t := s.d.ments[s.d.phrases[s.u[p].phrase].head].Actor.Type
	return t != dyad.TypePerson && t != dyad.TypeCountry
}

// appositionComma reports whether unit k is a comma between "and" and the first side of a pair whose phrase ends
// in an apposition that the comma closes ("el presidente de Venezuela, Nicolás Maduro, y de Guyana, Irfaan Ali";
// "Lula, X, e o presidente da China"): walking forward (dir > 0) from the first side, k is the comma right after
// it and an "and" follows; walking back (dir < 0) from the "and", k is the comma and the first side stands before
// it. A phrase of one name with no comma inside ("Chile, Colombia, y Perú") has no apposition to close.
func (s *sentence) appositionComma(k, dir int) bool {
	if k <= 0 || k+1 >= len(s.u) || s.u[k].phrase >= 0 || s.u[k].fold != "," {
		return false
	}
	first := s.u[k-1]
	if dir > 0 && !(s.u[k+1].phrase < 0 && s.u[k+1].is(cAnd)) {
		return false
	}
	if first.phrase < 0 {
		return false
	}
	ph := &s.d.phrases[first.phrase]
	if len(ph.members) < 2 {
		return false
	}
	for t := ph.first + 1; t < ph.last; t++ {
		if s.d.toks[t].Fold == "," {
			return true
		}
	}
	return false
}

// repeatedGenitive reports whether unit a is an "and" and unit g after it a genitive preposition ("y de",
// "et de", "e do", "and of"): the second side of a pair may repeat the preposition that governs the first.
func (s *sentence) repeatedGenitive(a, g int) bool {
	return a >= 0 && g < len(s.u) && s.u[a].phrase < 0 && s.u[g].phrase < 0 &&
		s.u[a].is(cAnd) && s.u[g].is(cGenitive)
}

// genitiveBefore reports whether the phrase at unit p is governed by a genitive preposition, over at most two
// determiners ("de l'Arménie", "of the Colombian government"): the first side of "of X and of Y".
func (s *sentence) genitiveBefore(p int) bool {
	k := p - 1
	for n := 0; n < 2 && k >= 0 && s.u[k].phrase < 0 && s.u[k].is(cDet); n++ {
		k--
	}
	if k >= 0 && s.u[k].phrase < 0 && s.u[k].is(cGenitive) {
		return true
	}
	return s.u[p].phrase >= 0 && s.d.titleGenitive(&s.d.phrases[s.u[p].phrase])
}

// skipParen returns, for unit k, the unit past a short parenthesis that starts there in direction dir ("(PT)",
// "(CDU)": at most three units inside), else k.
func (s *sentence) skipParen(k, dir int) int {
	open, closing := "(", ")"
	if dir < 0 {
		open, closing = ")", "("
	}
	if k < 0 || k >= len(s.u) || s.u[k].fold != open {
		return k
	}
	for j := k + dir; j >= 0 && j < len(s.u) && j != k+5*dir; j += dir {
		if s.u[j].fold == closing {
			return j + dir
		}
		if s.u[j].phrase >= 0 || isStop(s.d.toks[s.u[j].tok].Text) {
			return k
		}
	}
	return k
}

// shortParen returns, for unit k, the unit past a short parenthesis with no actor that starts there in direction
// dir, in ASCII or full-width brackets ("(giờ địa phương)", "（当地时间）", "（IDF）": at most maxParen units inside,
// no sentence stop), else k. Slack and gaps pass over such an aside between a subject and its verb.
func (s *sentence) shortParen(k, dir int) int {
	if k < 0 || k >= len(s.u) || s.u[k].phrase >= 0 {
		return k
	}
	open, closing := s.u[k].fold, ")"
	switch open {
	case "(":
	case "（":
		closing = "）"
	case ")":
		closing = "("
	case "）":
		closing = "（"
	default:
		return k
	}
	if (dir > 0) != (open == "(" || open == "（") {
		return k
	}
	for j := k + dir; j >= 0 && j < len(s.u) && j != k+(maxParen+2)*dir; j += dir {
		if s.u[j].phrase >= 0 || isStop(s.d.toks[s.u[j].tok].Text) {
			return k
		}
		if s.u[j].fold == closing {
			if j == k+dir {
				return k // "()": nothing inside
			}
			return j + dir
		}
	}
	return k
}

// etcTail returns, when unit p ends the tail of a list closed by an etc word of grammar right after an actor
// phrase ("蓬佩奥等28名严重损害中国主权的美方人员", "林郑月娥等11名官员", "戴耀廷等人"), the unit of that word, else -1:
// the tail counts the members the phrase names and its kind, actors inside it included, so a gap towards the slot
// passes over it whole. A one-token etc word ("等") opens a tail only before a number ("等28名", "等数十名"); a
// longer one ("等人", "等国") opens it alone. The tail holds at most maxEtc units and no punctuation.
func (s *sentence) etcTail(p int) int {
	if len(s.d.lg.kindSeqs[pkEtc]) == 0 || p <= 0 || p >= len(s.u) {
		return -1
	}
	for j := p; j > 0 && p-j < maxEtc; j-- {
		u := s.u[j]
		if u.phrase < 0 && (isComma(u.fold) || isStop(s.d.toks[u.tok].Text) || u.fold == "；" || u.fold == "：" || u.fold == "、") {
			return -1
		}
		if s.etcOpen(j) {
			return j
		}
	}
	return -1
}

// etcOpen reports whether an etc word of grammar that opens the tail of a list starts at unit j, right after an
// actor phrase (see etcTail).
func (s *sentence) etcOpen(j int) bool {
	if j <= 0 || j >= len(s.u) || s.u[j-1].phrase < 0 {
		return false
	}
	for _, sq := range s.d.lg.kindSeqs[pkEtc] {
		if s.phraseAt(j, sq) && (len(sq) > 1 || s.numberAt(j+len(sq))) {
			return true
		}
	}
	return false
}

// etcWalk matches els[j:] walking right from the etc word at unit p that follows the slot just matched, from each
// unit of the list's tail (etcTail), so that a gap after the slot passes over the tail whole: "对蓬佩奥等28名严重损害
// 中国主权的美方人员实施制裁".
func (s *sentence) etcWalk(els []delem, j, p int, b *binding) bool {
	for q := p + 1; q < len(s.u) && q-p < maxEtc; q++ {
		u := s.u[q]
		if u.phrase < 0 && (isComma(u.fold) || isStop(s.d.toks[u.tok].Text) || u.fold == "；" || u.fold == "：" || u.fold == "、") {
			return false
		}
		save := *b
		if s.walk(els, j, q, 1, b) {
			return true
		}
		*b = save
	}
	return false
}

// maxEtc is the most units the tail of a list after an etc word may hold (etcTail).
const maxEtc = 24

// numberAt reports whether unit k is a number: it begins with a digit or with a character of the language's
// grammar class numeral ("数十名", "两名", "多名").
func (s *sentence) numberAt(k int) bool {
	if k < 0 || k >= len(s.u) || s.u[k].phrase >= 0 {
		return false
	}
	r, n := utf8.DecodeRuneInString(s.u[k].fold)
	return n > 0 && (r >= '0' && r <= '9' || strings.ContainsRune(s.d.lg.numerals, r))
}

// countAt returns where a count of people (a pattern's #) that starts at unit p, walking in dir, ends (the unit
// after it in dir): a word unit written in digits whose number is at least the language's count-min ("110",
// "1,000", "200" of "200多名"), or a phrase of grammar class many ("hundreds", "des centaines", "hàng trăm",
// "数百"); a pattern's #N asks for at least N in digits instead of count-min. None, or several ends where phrases of
// several lengths match.
func (s *sentence) countAt(p, dir, least int) []int {
	if p < 0 || p >= len(s.u) || s.u[p].phrase >= 0 {
		return nil
	}
	var ends []int
	n := s.d.lg.countMin
	if least > 0 {
		n = least
	}
	if n > 0 && countValue(s.u[p].fold) >= n {
		ends = append(ends, p+dir)
	}
	for _, sq := range s.d.lg.kindSeqs[pkMany] {
		k := p
		if dir < 0 {
			k = p - len(sq) + 1
		}
		if s.phraseAt(k, sq) {
			ends = append(ends, p+dir*len(sq))
		}
	}
	return ends
}

// countValue reads a number written in digits with its thousands marks ("110", "1,000", "10.000", "10'000"),
// or -1 for a word that is no such number or is a year written alone ("2015").
func countValue(w string) int {
	n, digits := 0, 0
	for i := 0; i < len(w); i++ {
		c := w[i]
		switch {
		case c >= '0' && c <= '9':
			if n > 1e8 {
				return n
			}
			n = n*10 + int(c-'0')
			digits++
		case (c == ',' || c == '.' || c == '\'') && digits > 0 && thousandsGroup(w[i+1:]):
			// a thousands mark, three digits after it ("1,200", "12.000"); a decimal ("2,5", "12.5"), a time
			// ("10.30") or a date ("12.03.2024") is no count
		default:
			return -1
		}
	}
	if digits == 0 || digits == 4 && len(w) == 4 && n >= 1900 && n < 2100 {
		return -1 // a year ("killed in 2015 ..."), not a count
	}
	return n
}

// thousandsGroup reports whether w, what follows a mark in a number, opens with a group of exactly three digits.
func thousandsGroup(w string) bool {
	if len(w) < 3 || len(w) > 3 && w[3] >= '0' && w[3] <= '9' {
		return false
	}
	for i := range 3 {
		if w[i] < '0' || w[i] > '9' {
			return false
		}
	}
	return true
}

// maxParen is the most units a short parenthesis that slack and gaps pass over may hold.
const maxParen = 6

// lowerTitle reads a title written in lower case between "and" and a person named with their country
// ("e o presidente da China, Xi Jinping", "y el primer ministro de Japón, Shigeru Ishiba"): from the phrase at
// p walking back (dir < 0) it returns the unit of the "and" before the title; from the "and" at p walking
// forward, the unit of the phrase after it; -1 when there is none. The title is at most four words,
// determiners and lower-case words, and its last word is a preposition touching the phrase, or the phrase opens
// with the person's country adjective ("e il cancelliere tedesco Olaf Scholz").
func (s *sentence) lowerTitle(p, dir int) int {
	word := func(k int) bool {
		u := s.u[k]
		return u.phrase < 0 && s.d.toks[u.tok].IsWord() && !s.d.capitalized(u) && !u.is(cAnd|cBarrier|cRel|cThat)
	}
	person := func(k int) bool {
		return k >= 0 && k < len(s.u) && s.personPhrase(k)
	}
	// the title touches the person: by a preposition ("presidente da China, Xi Jinping"), or the person's
	// phrase opens with their country's adjective ("el primer ministro indio Narendra Modi")
	// or the phrase opens with the person's country, named before the name ("nhà lãnh đạo Triều Tiên Kim Jong-un")
	touches := func(k int) bool {
		if s.u[k-1].is(cPrep) || !s.d.toks[s.u[k].tok].IsCapitalized() {
			return true
		}
		ph := &s.d.phrases[s.u[k].phrase]
		return len(ph.members) >= 2 && ph.members[0] != ph.head && s.d.ments[ph.members[0]].Actor.Type == dyad.TypeCountry
	}
	if dir < 0 {
		if !person(p) || p < 2 || !touches(p) || !word(p-1) {
			return -1
		}
		for k := p - 2; k >= 0 && k >= p-7; k-- {
			if s.u[k].phrase < 0 && s.u[k].is(cAnd) {
				if k == p-2 {
					return -1 // a preposition alone is no title
				}
				return k
			}
			// "và Phó Thủ tướng thứ nhất Ukraine X": a title whose first words are capitalised, then lower case
			if !word(k) && !(k < p-2 && s.u[k].phrase < 0 && s.d.toks[s.u[k].tok].IsWord() && !s.u[k].is(closedClasses)) {
				return -1
			}
		}
		return -1
	}
	for k := p + 1; k < len(s.u) && k <= p+5; k++ {
		if s.u[k].phrase >= 0 {
			if k-p < 3 || !person(k) || !touches(k) {
				return -1
			}
			return k
		}
		if !word(k) {
			return -1
		}
	}
	return -1
}

// possessive reports whether literal e is the possessive "'s" and unit q an actor phrase whose last token
// carries it ("Japan's", "China’s"), so that "S 's talks with T" reads "Japan's talks with China".
func (s *sentence) possessive(e *delem, q int) bool {
	if !e.poss || q < 0 || q >= len(s.u) || s.u[q].phrase < 0 {
		return false
	}
	f := s.d.toks[s.u[q].last].Fold
	return len(f) > 2 && (strings.HasSuffix(f, "'s") || strings.HasSuffix(f, "s'"))
}

// dashPair reports whether unit k is a dash or slash written tight between two actor phrases ("Russia-Ukraine",
// "US–China", "EU/China").
func (s *sentence) dashPair(k int) bool {
	if k <= 0 || k+1 >= len(s.u) || s.u[k].phrase >= 0 || s.u[k-1].phrase < 0 || s.u[k+1].phrase < 0 {
		return false
	}
	switch s.u[k].fold {
	case "-", "–", "‑", "/":
	default:
		return false
	}
	t := s.d.toks[s.u[k].tok]
	return s.d.toks[s.u[k-1].last].End == t.Start && s.d.toks[s.u[k+1].tok].Start == t.End
}

// negated reports whether a negation word lies in the match or just after it (not after it in a language
// whose negation stands before the verb: option neg-before). A negation word inside a notneg phrase of
// grammar ("phòng không" air defence, "没收" confiscate) is none.
func (s *sentence) negated(b binding) bool {
	hi := min(b.hi+1, len(s.u)-1)
	if s.d.lg.negBefore {
		hi = b.hi
	}
	neg := func(k int) bool {
		return s.u[k].phrase < 0 && s.u[k].is(cNeg) && !slices.Contains(b.lits, k) && (s.notNegU == nil || !s.notNegU[k])
	}
	for k := b.lo; k <= hi; k++ {
		if neg(k) {
			return true
		}
	}
	for _, sq := range s.d.lg.phrases["neg"] {
		for k := max(0, b.lo-2); k+len(sq) <= hi+1; k++ {
			if s.phraseAt(k, sq) && !slices.Contains(b.lits, k) && (s.notNegU == nil || !s.notNegU[k]) {
				return true
			}
		}
	}
	// a negation just before a trigger that starts the match ("không gặp", "không ký")
	for k := b.trig - 1; k >= max(0, b.trig-2); k-- {
		if s.u[k].phrase >= 0 {
			break
		}
		if neg(k) {
			return true
		}
	}
	return false
}

// hypothetical reports whether a match tells an event that did not happen: a hypo word or phrase of grammar
// ("if", "could", "would", "an excuse to", "si", "falls") between the match's start and its trigger, or just
// before the match ("if Russia invades Ukraine"). Words of the pattern itself do not count, so "S will visit
// T" (036) is an intention, not a hypothesis.
func (s *sentence) hypothetical(b binding) bool {
	lg := s.d.lg
	if s.conditional(b) {
		return true // "un ataque provocaría una guerra": a conditional verb (grammar tense) outside reported speech
	}
	if !lg.hasHypo {
		return false
	}
	before := b.lo - 1 // the word before S, over a date ("a accusé dimanche Alger d'avoir abattu ...") and a determiner ("ha accusato la Russia di")
	for s.isDate(before) || before > 0 && s.u[before].phrase < 0 && s.u[before].is(cDet) {
		before--
	}
	if before >= 0 && b.s >= 0 && s.u[b.lo].phrase == b.s && s.allegedAfter(before) {
		// "accused Rwanda of sending troops to back M23": what the accused is said to have done is the
		// accusation's content, not an event that the sentence reports
		return true
	}
	// the two words before the match, not counting a date between them and it ("exhortou nesta segunda-feira
	// Israel e o Hamas a aceitarem", "exigió el jueves a Rusia que retire")
	need := 2
	if b.lo > 0 && s.u[b.lo-1].phrase < 0 && s.u[b.lo-1].is(cDet) {
		need++ // "demanded that the United States stop selling ...": the determiner is the phrase's
	}
	lo := b.lo
	for lo > 0 && need > 0 {
		lo--
		if !s.isDate(lo) {
			need--
		}
	}
	for k := lo; k < b.trig; k++ {
		u := s.u[k]
		if u.phrase >= 0 || slices.Contains(b.lits, k) {
			continue
		}
		if k > b.lo && (s.andVerbIn(k+1, b.trig) || s.commaClosed(k+1, b.trig)) {
			continue // "exigió a Milei disculpas ... y llamó a consultas a la embajadora": the source's second act
		}
		if u.is(cHypo) {
			return true
		}
		if k > b.lo && b.s >= 0 && s.u[b.lo].phrase == b.s && s.allegedAt(k) && !s.andIn(k+1, b.trig) {
			// an allege word between the source and the verb: "l'Ukraine, accusée d'avoir soutenu les
			// rebelles", "Israel, al que acusa de bombardear", "over its alleged supply of drones to Russia":
			// what the source is accused of is the accusation's content
			return true
		}
		for _, sq := range lg.phrases["hypo"] {
			if end := s.frameSpan(k, sq); end > k && end <= b.trig && !(hyphenJoins(s.d.toks, u.tok-1) && litIn(b.lits, k, end-k)) {
				// a date may stand inside the phrase: "amenazó el domingo con"; a phrase is no hypothesis where
				// its first word is an enclitic written after a hyphen and a later one is the pattern's own
				// ("recusou-se a excluir": "se a" is no "if", "a" is the refusal's)
				return true
			}
		}
	}
	return false
}

// andVerbIn reports whether an and word of grammar in units [lo, hi) opens a second act of the sentence's
// subject: after a comma ("exigió a Milei disculpas ..., y llamó a consultas"), or before another hypo word
// ("apelou a um cessar-fogo e pediu ao Hamas que ..."). Without them the and goes on with the content ("urged
// the junta to free Bazoum and return to the barracks") or joins two actors ("urged Israel and Hamas").
func (s *sentence) andVerbIn(lo, hi int) bool {
	for j := lo; j < hi && j+1 < len(s.u); j++ {
		if s.u[j].phrase >= 0 || !s.u[j].is(cAnd) {
			continue
		}
		n := s.u[j+1]
		if n.phrase >= 0 || !s.d.toks[n.tok].IsWord() || n.is(cDet) {
			continue
		}
		if j > 0 && s.u[j-1].phrase < 0 && s.u[j-1].fold == "," || n.is(cHypo) {
			return true
		}
	}
	return false
}

// commaClosed reports whether the last comma in units [lo, hi) opens a prepositional phrase and has no actor
// phrase after it before hi: the content of an appeal ends there and what follows is the source's own act
// ("a appelé à « éviter des mesures ... », au cours d'un entretien téléphonique avec Netanyahou"), where
// "urged Israel, Hamas and ... to" goes on.
func (s *sentence) commaClosed(lo, hi int) bool {
	for j := hi - 1; j >= lo; j-- {
		if s.u[j].phrase >= 0 {
			return false
		}
		if s.u[j].fold == "," {
			n := s.u[j+1]
			return n.phrase < 0 && n.is(cPrep|cLoc|cFront)
		}
	}
	return false
}

// andIn reports whether an and word of grammar lies in units [lo, hi): a second verb after an accusation is
// an act of its own ("accused France of arming the jihadists and expelled its ambassador").
func (s *sentence) andIn(lo, hi int) bool {
	for j := lo; j < hi; j++ {
		if s.u[j].phrase < 0 && s.u[j].is(cAnd) {
			return true
		}
	}
	return false
}

// allegedAt reports whether an allege word of grammar, or the last word of an allege phrase, is unit p.
func (s *sentence) allegedAt(p int) bool {
	return s.u[p].phrase < 0 && (s.u[p].is(cAllege) || s.phraseEndsAt("allege", p))
}

// allegedAfter reports whether an allege word of grammar ends at unit p, or two plain lower-case words before
// it at most ("accused neighbouring Rwanda of", "accused its neighbour Armenia of").
func (s *sentence) allegedAfter(p int) bool {
	for n := 0; p >= 0 && s.u[p].phrase < 0; n, p = n+1, p-1 {
		if s.u[p].is(cAllege) || s.phraseEndsAt("allege", p) {
			return true
		}
		if t := s.d.toks[s.u[p].tok]; n == 2 || !t.IsWord() || t.IsCapitalized() || s.isBarrier(s.u[p]) || s.u[p].is(cAnd) {
			return false
		}
	}
	return false
}

// backgroundPhrase reports whether a match tells the cause or occasion of the sentence's news, not the news: a
// background phrase of grammar ("in response to", "als Reaktion auf", "anniversary of", "years after") ends
// right before the match's start (at most two plain words between: "in response to the expulsion"), or lies
// between its start and its trigger with no punctuation after it. "Russia expelled 45 Polish diplomats, retaliating for Warsaw's expulsion
// of Russian staff" reports one expulsion; the other is why. Words of the pattern itself do not count. A match
// of an inverted twin (verbFirst: verb-second order, its verb opens it, its subject follows) is the main clause
// that a background phrase before it fronts ("Als Reaktion auf das Todesurteil hat die Bundesregierung zwei Diplomaten
// ... erklärt"): the phrase tells why the clause's act was done, and only one inside the match counts.
func (s *sentence) backgroundPhrase(b binding, verbFirst bool) bool {
	for _, sq := range s.d.lg.phrases["background"] {
		for k := max(0, b.lo-2-len(sq)); k+len(sq) <= b.trig; k++ {
			end := k + len(sq) // first unit after the phrase
			if !s.phraseAt(k, sq) || s.litsIn(b, k, end) {
				continue
			}
			if end >= b.lo {
				// inside the match: its words belong to the phrase when they all come after it and no
				// punctuation closes it first ("diplomats in response to the expulsion of ..."; not "Moscow, in
				// response to X, expelled", nor "announced tariffs in retaliation for ... on T")
				if !s.punctIn(end, b.trig) && !s.litsIn(b, b.lo, end) {
					return true
				}
				continue
			}
			if verbFirst {
				continue
			}
			plain := true
			for j := end; j < b.lo; j++ {
				if u := s.u[j]; u.phrase >= 0 || !s.d.toks[u.tok].IsWord() {
					plain = false
				}
			}
			if plain {
				return true
			}
		}
	}
	return false
}

// punctIn reports whether a unit in [lo, hi) is punctuation.
func (s *sentence) punctIn(lo, hi int) bool {
	for j := lo; j < hi; j++ {
		if u := s.u[j]; u.phrase < 0 && !s.d.toks[u.tok].IsWord() {
			return true
		}
	}
	return false
}

// litsIn reports whether a unit in [lo, hi) is one of the match's pattern words.
func (s *sentence) litsIn(b binding, lo, hi int) bool {
	for _, k := range b.lits {
		if k >= lo && k < hi {
			return true
		}
	}
	return false
}

// phraseEndsAt reports whether a grammar entry of several tokens of the class kind ends at unit p ("cáo buộc",
// "指责": Chinese is read one character a token).
func (s *sentence) phraseEndsAt(kind string, p int) bool {
	for _, sq := range s.d.lg.phrases[kind] {
		if k := p - len(sq) + 1; k >= 0 && s.phraseAt(k, sq) {
			return true
		}
	}
	return false
}

// phraseAt is seqAt for a sequence of lang.phrases (or kindSeqs), whose first word is one of lang.leads: a unit
// whose word begins no phrase is answered without reading sq.
func (s *sentence) phraseAt(k int, sq seq) bool {
	return k >= 0 && k < len(s.u) && s.u[k].lead && s.seqAt(k, sq)
}

// seqAt reports whether the word units from k spell sq.
func (s *sentence) seqAt(k int, sq seq) bool {
	for i, t := range sq {
		if k+i >= len(s.u) || s.u[k+i].phrase >= 0 || s.u[k+i].fold != t {
			return false
		}
	}
	return true
}

// nonfiniteEnd returns the length of a nonfinite sequence of grammar ("après avoir", "dopo aver") that ends at
// unit p, or 0.
func (s *sentence) nonfiniteEnd(p int) int {
	if s.memo == nil || p < 0 || p >= len(s.u) {
		return s.nonfiniteLen(p)
	}
	m := &s.memo[p]
	if m.known&mNonfinite == 0 {
		m.known |= mNonfinite
		m.nonfinite = int32(s.nonfiniteLen(p))
	}
	return int(m.nonfinite)
}

// nonfiniteLen is nonfiniteEnd, computed.
func (s *sentence) nonfiniteLen(p int) int {
	for _, sq := range s.d.lg.kindSeqs[pkNonfinite] {
		if k := p - len(sq) + 1; k >= 0 && s.phraseAt(k, sq) {
			return len(sq)
		}
	}
	return 0
}

// locative reports whether unit p is an actor phrase used as a place ("à l'Élysée", "in Beijing"): a location
// word comes before it, maybe with a determiner. Gaps and slack may pass over it.
func (s *sentence) locative(p int) bool {
	if s.memo == nil {
		return s.locativeAt(p)
	}
	m := &s.memo[p]
	if m.known&mLocative == 0 {
		m.known |= mLocative
		if s.locativeAt(p) {
			m.val |= mLocative
		}
	}
	return m.val&mLocative != 0
}

// locativeAt is locative, computed.
func (s *sentence) locativeAt(p int) bool {
	if s.personPhrase(p) {
		return false // a person is no place: "in Berlin Selenskyj", "in Puglia Giorgia Meloni"
	}
	// an unnamed group is no end of a place's name: "in der Nacht Dutzende Demonstranten" (German nouns are
	// capitalised) is a time, then who; a country or city may be ("in der Demokratischen Republik Kongo")
	group := s.u[p].phrase >= 0 && s.d.ments[s.d.phrases[s.u[p].phrase].head].Actor.Type == dyad.TypeGroup
	sawDet := false
	for k, n := p-1, 0; k >= 0 && n < 5; k, n = k-1, n+1 {
		u := s.u[k]
		if u.phrase >= 0 {
			return false
		}
		if u.is(cLoc) {
			return true
		}
		if j := s.placeSkip(k, -1); j >= 0 && j < k {
			k = j // a place of several ideographs before a body is one unit: "在比勒陀利亚总统府" (the body is where)
			continue
		}
		t := s.d.toks[u.tok]
		det := u.is(cDet | cWhole) // "dans toute la France", "in tutta Italia"
		if !det && (!t.IsCapitalized() || group && t.IsWord()) && !isHan(t.Text) {
			return false
		}
		if !det && sawDet && !isHan(t.Text) {
			return false // "in Berlin den Präsidenten X": a place, then a new noun phrase
		}
		sawDet = sawDet || det
	}
	return false
}

// placeAt matches L at unit p (reading forwards; backwards, a name that ends at p): a place of the gazetteer ("Hanoi", "Ho Chi Minh City"),
// or an actor phrase naming a country. It returns the units used and the country. With home (an H slot), a
// place the finder of Coder.SetPlaces knows counts too ("se manifestaron en Juliaca").
func (s *sentence) placeAt(p, dir int, home bool) (int, string, bool) {
	if p < 0 || p >= len(s.u) {
		return 0, "", false
	}
	if s.memo == nil {
		return s.placeFrom(p, dir, home)
	}
	if s.places == nil {
		if sc := s.d.sc; sc != nil {
			s.places = window(&sc.places, len(s.u))
		} else {
			s.places = make([]placeMemo, len(s.u))
		}
	}
	k := 0
	if dir > 0 {
		k = 2
	}
	if home {
		k++
	}
	m := &s.places[p]
	if m.known&(1<<k) == 0 {
		n, cc, ok := s.placeFrom(p, dir, home)
		m.known |= 1 << k
		m.n[k], m.cc[k], m.ok[k] = int32(n), cc, ok
	}
	return int(m.n[k]), m.cc[k], m.ok[k]
}

// placeMemo holds placeAt's answers at one unit, by direction and home (known: those computed).
type placeMemo struct {
	cc    [4]string
	n     [4]int32
	ok    [4]bool
	known uint8
}

// placeFrom is placeAt, computed (p in the sentence).
func (s *sentence) placeFrom(p, dir int, home bool) (int, string, bool) {
	d := s.d
	if dir < 0 && s.u[p].phrase < 0 {
		// reading backwards: the longest gazetteer name that ends at p
		for n := min(d.c.places.maxLen, p+1); n >= 1; n-- {
			if k, cc, ok := s.placeAt(p-n+1, 1, home); ok && k == n {
				return n, cc, true
			}
		}
		return 0, "", false
	}
	if u := s.u[p]; u.phrase >= 0 {
		m := d.ments[d.phrases[u.phrase].head]
		if m.Actor.Type == "country" && m.Actor.Country != "" {
			return 1, m.Actor.Country, true
		}
		return 0, "", false
	}
	first := d.toks[s.u[p].tok]
	if !first.IsCapitalized() && !isHan(first.Text) {
		return 0, "", false
	}
	gn, gcc, gok := 0, "", false
	if home {
		// the units from p on that are single words, as tokens; a longer name of the whole gazetteer wins
		// over one of places/* ("Santiago de Cuba")
		if s.u[p].phrase < 0 {
			t0 := s.u[p].tok
			n, cc, ok := d.gazetteerPlace(t0, s.u[len(s.u)-1].last+1)
			// in units: the name must end where a unit ends (a country's phrase inside it: "Santiago de Cuba")
			for i := p; ok && i < len(s.u) && s.u[i].tok < t0+n; i++ {
				if s.u[i].last == t0+n-1 {
					gn, gcc, gok = i-p+1, cc, true
				}
			}
		}
	}
	// the longest name of places/* over the word units from p: keys grow one unit at a time in one buffer
	pn, pcc := 0, ""
	key := d.keyBuf[:0]
	for n := 1; n <= min(d.c.places.maxLen, len(s.u)-p) && s.u[p+n-1].phrase < 0; n++ {
		if n > 1 {
			key = append(key, ' ')
		}
		key = append(key, d.plainFold(s.u[p+n-1].tok)...)
		if cc, found := d.c.places.names[string(key)]; found {
			pn, pcc = n, cc
		}
	}
	d.keyBuf = key
	switch {
	case gok && gn > pn:
		return gn, gcc, true
	case pn > 0:
		return pn, pcc, true
	}
	return 0, "", false
}

// pronounClasses are the grammar classes of pronouns that a slot may take.
const pronounClasses = cHe | cIt | cHim | cThey | cClitic | cThis | cMutual

// pronounPhraseClasses are the pronoun classes whose phrases of several tokens pronounAt looks for.
var pronounPhraseClasses = []struct {
	kind int // phraseKindIDs
	bit  uint64
}{{pkHe, cHe}, {pkIt, cIt}, {pkHim, cHim}, {pkThey, cThey}, {pkClitic, cClitic}, {pkThis, cThis}, {pkMutual, cMutual}}

// pronounAt returns the pronoun classes of the pronoun at word unit p and its length in units: a word of the
// he, it, him or they classes of grammar, or the longest of their phrases of several tokens ("nước này",
// "ông ấy", "该国", "他们") that starts at p (dir > 0) or ends there (dir < 0). It returns 0, 0 when none.
func (s *sentence) pronounAt(p, dir int) (uint64, int) {
	if s.memo == nil {
		return s.pronounSpan(p, dir)
	}
	m, k, bit := &s.memo[p], 0, uint8(mPronounBack)
	if dir > 0 {
		k, bit = 1, mPronounFwd
	}
	if m.known&bit == 0 {
		m.known |= bit
		cls, n := s.pronounSpan(p, dir)
		m.pron[k], m.pronN[k] = cls, int32(n)
	}
	return m.pron[k], int(m.pronN[k])
}

// pronounSpan is pronounAt, computed.
func (s *sentence) pronounSpan(p, dir int) (uint64, int) {
	lg := s.d.lg
	cls, n := s.u[p].cls&pronounClasses, 1
	if ws, ok := lg.pronWritten[s.u[p].fold]; ok && cls != 0 && s.u[p].phrase < 0 && !slices.Contains(ws, strings.ToLower(s.d.toks[s.u[p].tok].Text)) {
		// "fue recibido por el presidente chino": "el" is the article; the pronoun is written "él"
		cls = 0
	}
	if cls != 0 && s.compLo != nil && s.compLo[p] >= 0 {
		cls = 0 // a pronoun of one token inside a compound of grammar is none: "其后" (thereafter), "尤其"
	}
	if cls == 0 {
		n = 0
	}
	for _, pc := range pronounPhraseClasses {
		kind, bit := pc.kind, pc.bit
		for _, sq := range lg.kindSeqs[kind] {
			k := p
			if dir < 0 {
				k = p - len(sq) + 1
			}
			if len(sq) < n || k < 0 || !s.phraseAt(k, sq) {
				continue
			}
			if len(sq) > n {
				cls, n = 0, len(sq)
			}
			cls |= bit
		}
	}
	return cls, n
}

// himDeterminer reports whether the him pronoun ending at unit p is a determiner of the phrase after it (it is
// also a det word of grammar, and an actor phrase follows, right after it or after one lower-case word): "her"
// in "met her South Korean counterpart" is the minister's own, not the person named last.
func (s *sentence) himDeterminer(p, dir int) bool {
	if dir < 0 || !s.u[p].is(cDet) {
		return false
	}
	for q := p + 1; q < len(s.u) && q <= p+2; q++ {
		if s.u[q].phrase >= 0 {
			return true
		}
		if s.d.capitalized(s.u[q]) || s.u[q].is(closedClasses) || !s.d.toks[s.u[q].tok].IsWord() {
			return false
		}
	}
	return false
}

// pronounActor resolves a pronoun at unit p: a "he" pronoun to the person the text is about, an "it" one to
// the last country or organisation named before it.
func (s *sentence) pronounActor(p int, he bool) (dyad.ActorRef, bool) {
	u := s.u[p]
	if he {
		if c := s.pronounSpeaker(p); c.ok {
			return c.ref, true
		}
		return dyad.ActorRef{}, false
	}
	off := s.d.toks[u.tok].Start
	n := sort.Search(len(s.d.ments), func(i int) bool { return s.d.ments[i].Start >= off })
	for i := n - 1; i >= 0 && off-s.d.ments[i].End < 400; i-- {
		if a := s.d.ments[i].Actor; a.Type != dyad.TypePerson && a.Code != "" {
			return a, true
		}
	}
	return dyad.ActorRef{}, false
}

// ownForces resolves the actor phrase at unit p when it is a body with a sector and no country of its own
// ("forces", "troops", "air defences") right after an own word of grammar ("its", "their"): the body of the
// country or organisation that the pronoun stands for, the last one named before it ("Russia's defence ministry
// said its forces had taken ...").
func (s *sentence) ownForces(p int) (dyad.ActorRef, bool) {
	u := s.u[p]
	if p < 1 || u.phrase < 0 || s.u[p-1].phrase >= 0 || !s.u[p-1].is(cOwn) {
		return dyad.ActorRef{}, false
	}
	ph := s.d.phrases[u.phrase]
	head := s.d.ments[ph.head].Actor
	if len(ph.members) != 1 || head.Country != "" || head.Sector == "" || head.Type == dyad.TypePerson {
		return dyad.ActorRef{}, false
	}
	ref, ok := s.pronounActor(p-1, false)
	if !ok || ref.Country == "" {
		return dyad.ActorRef{}, false
	}
	return dyad.ActorRef{Name: s.d.ments[ph.head].Text, Type: head.Type, Country: ref.Country, Sector: head.Sector,
		Code: ref.Country + head.Sector}, true
}

// cliticActor resolves an object clitic at unit p, which stands before its verb ("donde Xi Jinping lo
// recibió", "Putin l'a reçu"): the last person named before the verb's subject, the actor phrase right before
// the clitic (over a few lower-case words: "Xi ya lo había recibido"), which a clitic never stands for.
func (s *sentence) cliticActor(p int) (dyad.ActorRef, bool) {
	off := s.d.toks[s.u[p].tok].Start
	and := false // an "and" word between the clitic and the phrase before it
	for k, words := p-1, 0; k >= 0 && words <= 2; k-- {
		u := s.u[k]
		if u.phrase >= 0 {
			end := s.d.toks[u.last].End
			for k > 0 && s.u[k-1].phrase == u.phrase {
				k--
			}
			off = s.d.toks[s.u[k].tok].Start
			if and {
				// "detuvo al opositor X y lo puso bajo arresto", "ha prelevato il sindaco X e lo ha posto in stato di
				// fermo": a verb coordinated after an object shares the subject, and its clitic is that object
				off = end
			}
			break
		}
		if u.phrase < 0 && u.is(cRel) && words == 0 {
			// "reçu par Macron, qui lui a demandé", "Scholz, che gli ha chiesto": the relative pronoun is the
			// clause's subject, its antecedent the phrase before it; the clitic is the person named before that
			if k > 0 && s.u[k-1].phrase < 0 && s.u[k-1].fold == "," {
				k--
			}
			continue
		}
		if s.isBarrier(u) || isCommaLike(u.fold) {
			break
		}
		if u.is(cAnd) {
			and = true
		}
		words++
	}
	m, ok := s.d.lastPerson(off)
	if !ok || m.Start < s.d.toks[s.u[0].tok].Start {
		return dyad.ActorRef{}, false // only a person of this sentence: "lo" and "la" also stand for things
	}
	return m.Actor, true
}

// thisActor resolves a this word of grammar at unit p ("对此": "about this"), which stands for the act of an
// earlier clause of the sentence, to that act's subject: the sentence's opening actor phrase, when a comma lies
// between it and p ("美国国务院要求中国关闭领事馆，中国外交部对此予以强烈谴责" is China condemning the US).
func (s *sentence) thisActor(p int) (dyad.ActorRef, bool) {
	f := s.firstPhrase()
	if f < 0 || f >= p {
		return dyad.ActorRef{}, false
	}
	for k := f + 1; k < p; k++ {
		if s.u[k].phrase < 0 && isCommaLike(s.u[k].fold) {
			ph := s.d.phrases[s.u[f].phrase]
			return s.d.ments[ph.head].Actor, true
		}
	}
	return dyad.ActorRef{}, false // "中国外交部对此表示不满" opens its sentence: "this" is an earlier sentence's act
}

// armedSectors are the sectors of an organisation that a "they" pronoun may stand for: armed forces and armed
// groups, named in the plural ("the Revolutionary Guards", "the Houthis"), not a body that is an "it".
var armedSectors = map[string]bool{"MIL": true, "REB": true, "INS": true, "SPY": true, "COP": true}

// groupActor resolves a "they" pronoun to the last group, or armed organisation, named shortly before it (a crowd, a police force:
// "the protesters arrived ..., they were detained by the police").
func (s *sentence) groupActor(p int) (dyad.ActorRef, bool) {
	off := s.d.toks[s.u[p].tok].Start
	n := sort.Search(len(s.d.ments), func(i int) bool { return s.d.ments[i].Start >= off })
	for i := n - 1; i >= 0 && off-s.d.ments[i].End < 300; i-- {
		a := s.d.ments[i].Actor
		if a.Type == dyad.TypeGroup && (a.Sector == "LEG" || a.Sector == "JUD") {
			continue // a chamber or a court is an "it", often the place a crowd went to ("reached the parliament")
		}
		if a.Type == dyad.TypeGroup && a.Code != "" {
			return a, true
		}
		if a.Type == dyad.TypeOrganization && a.Code != "" && armedSectors[a.Sector] {
			return a, true // "Iran's Revolutionary Guards said they had seized ...": a force named in the plural
		}
		if a.Type == dyad.TypeCountry || a.Type == dyad.TypePerson {
			return dyad.ActorRef{}, false // the nearest actor is no group: "they" may mean it
		}
	}
	return dyad.ActorRef{}, false
}

// firstPhrase returns the unit of the sentence's first actor phrase when it opens the sentence (within its
// first few words), or -1.
func (s *sentence) firstPhrase() int {
	if s.firstSet {
		return s.first
	}
	s.first, s.firstSet = s.findFirstPhrase(), true
	return s.first
}

// findFirstPhrase is firstPhrase, computed.
func (s *sentence) findFirstPhrase() int {
	from := 0 // where the subject's window starts: the sentence's start, or the comma after an opening clause
	if len(s.u) > 1 && s.u[0].phrase < 0 && s.u[0].is(cFront) {
		// "Devant le Parlement marocain, Emmanuel Macron a ...": a phrase opened by a front preposition of grammar
		// opens the sentence; the subject follows the comma that closes it
		for k := 1; k < len(s.u) && k < maxOpening; k++ {
			if s.u[k].phrase < 0 && s.u[k].fold == "," {
				from = k + 1
				break
			}
		}
	}
	for k, u := range s.u {
		if k < from {
			continue // the opening phrase passed over
		}
		if u.phrase >= 0 && (s.d.datelinePhrase(u.phrase) || s.locative(k)) {
			continue // "HÀ NỘI (TTXVN) - X và Y đã ...": the dateline is no subject, nor a place ("bùng phát ở Pháp")
		}
		if u.phrase >= 0 {
			if k-from > 8 {
				return -1
			}
			return k
		}
		if u.phrase < 0 && k < maxOpening && (isDash(u.fold) && s.d.datelineDash(u.tok) || s.d.datelineBracketEnd(u.tok)) {
			// "DHAKA, 31/10 (AFP) - Hàng chục nghìn công nhân ...", "（中央社台北26日電）外交部長吳釗燮今天宣布":
			// the dateline is no opening clause, and the subject's window starts after it
			from = k + 1
			continue
		}
		if u.fold == "," && k < maxOpening {
			// "Nhận lời mời của lãnh đạo hai nước, Chủ tịch nước X sẽ thăm ...": an opening clause without an
			// actor, then the subject
			from = k + 1
			continue
		}
		if k-from >= 8 && k >= maxOpening || s.barrierAt(k) {
			return -1
		}
	}
	return -1
}

// maxOpening is how far into a sentence the comma that closes an opening clause may stand.
const maxOpening = 30

// clauseSubject returns the actor phrase that opens a clause after a barrier word ("after", "when", "said",
// not a relative pronoun) between the sentence's subject at f and unit p, the nearest such before p; -1 when
// there is none. A verb coordinated in that clause ("after police raided the embassy and arrested X") is
// the clause subject's, not the sentence's.
func (s *sentence) clauseSubject(f, p int) int {
	if f < 0 {
		return -1
	}
	for k := p - 1; k > f; k-- {
		u := s.u[k]
		if u.phrase >= 0 || !s.isBarrier(u) || isStop(s.d.toks[u.tok].Text) || u.is(cRel) {
			continue
		}
		q := k + 1
		for q < p && s.u[q].phrase < 0 && s.u[q].is(cDet) {
			q++
		}
		if q < p && s.u[q].phrase >= 0 && !s.locative(q) {
			return q
		}
		return -1
	}
	return -1
}

// chainSubject is, in a language whose news joins clauses of several subjects with commas (option clause-chain), the subject of
// the clause a verb after a comma before unit p continues: the actor phrase that opens the last clause before p
// that opens with one (after a comma or the closing bracket of a dateline, dates passed over), no place or
// dateline; -1 when no clause before p opens with an actor ("美国军方击落无人飞艇后，中国外交部发表声明，对美方……
// 表示强烈不满": 中国外交部, not the sentence's first phrase), ownSubject when p's own clause has a pronoun subject.
func (s *sentence) chainSubject(p int, b *binding) int {
	if !s.d.lg.clauseChain {
		return -1
	}
	v := len(s.u) // the pattern's first word after p: the verb whose subject is looked for
	for _, l := range b.lits {
		if l > p && l < v {
			v = l
		}
	}
	for k := p + 1; k < v; k++ {
		if u := s.u[k]; u.phrase < 0 && u.is(cRecip|cThey|cHe|cIt|cWe) {
			return ownSubject // "……，两国即日起相互承认": a pronoun is the clause's own subject
		}
		for _, kind := range pronounKinds {
			for _, sq := range s.d.lg.phrases[kind] {
				if s.phraseAt(k, sq) {
					return ownSubject // a pronoun of several tokens ("两国", "双方", "他们")
				}
			}
		}
	}
	for k := min(p, len(s.u)) - 1; k >= -1; k-- {
		if !s.clauseBoundary(k) {
			continue
		}
		// the clause's first actor phrase, past dates and words that are no verb ("外交部長吳釗燮今天……宣布"),
		// within a few units; a verb before it makes it the object of a clause without a subject ("，并要求立方……")
		for q, n := k+1, 0; q < p && n <= maxChainTitle && !s.clauseBoundary(q); q++ {
			u := s.u[q]
			if u.phrase >= 0 {
				if !s.locative(q) && !s.d.datelinePhrase(u.phrase) {
					return q
				}
				break
			}
			if s.isDate(q) {
				continue
			}
			if s.d.hanTrigger(u.tok) || s.barrierAt(q) {
				break
			}
			n++
		}
	}
	return -1
}

// pronounKinds are the grammar classes of pronouns that may be a clause's subject.
var pronounKinds = []string{"recip", "they", "he", "it", "we"}

// ownSubject is chainSubject's answer for a clause whose subject is a pronoun of its own.
const ownSubject = -2

// maxChainTitle bounds the words before the actor phrase that opens a clause of a comma chain: a title or body
// the dictionary does not join to the name ("外交部長吳釗燮").
const maxChainTitle = 6

// clauseBoundary reports whether unit k closes a clause of a comma chain: a comma, the closing bracket of a
// dateline ("（中央社台北16日電）"), or the last ideograph before the space that ends a dateline's header
// ("新华社堪培拉6月15日电 国务院总理李强……"). Unit -1 is the sentence's start.
func (s *sentence) clauseBoundary(k int) bool {
	if k < 0 {
		return true
	}
	u := s.u[k]
	if u.phrase >= 0 {
		return false
	}
	if isComma(u.fold) || u.fold == "）" || u.fold == ")" {
		return true
	}
	t := u.tok
	return t+1 < len(s.d.toks) && isHan(s.d.toks[t].Text) && isHan(s.d.toks[t+1].Text) && s.d.toks[t+1].Start > s.d.toks[t].End
}

// litBefore reports whether the location word before unit p was matched by the pattern itself ("arrived in T").
func (s *sentence) litBefore(b *binding, p int) bool {
	for k := p - 1; k >= 0 && p-k <= 2; k-- {
		if slices.Contains(b.lits, k) {
			return true
		}
		if u := s.u[k]; k == p-1 && u.phrase < 0 && u.is(cLoc) {
			return false // the location word itself is no pattern word ("to fight in Ukraine": where, not whom)
		}
	}
	return false
}

// litNext reports whether, walking backwards, the pattern element after slot els[j] is a word that matches the
// unit just before the phrase at p (over determiners): "in T" names the preposition that makes T look like a
// place ("marschierten in die Ukraine ein"), so T is the actor the pattern means.
func (s *sentence) litNext(els []delem, j, p int) bool {
	// the literals that may come next: an optional one, and what follows it ("bei (einem) S! @angriff" reads
	// "bei russischen Angriffen" as well as "bei einem russischen Angriff")
	var next []delem
	for i := j + 1; i < len(els) && els[i].kind == kLit; i++ {
		next = append(next, els[i])
		if !els[i].optional {
			break
		}
	}
	if len(next) == 0 {
		return false
	}
	for k := p - 1; k >= 0 && p-k <= 3; k-- {
		u := s.u[k]
		if u.phrase >= 0 {
			return false
		}
		for _, e := range next {
			for _, a := range e.dalts {
				if len(a) > 0 && s.tokOK(a[len(a)-1], k) {
					return true
				}
			}
		}
		if !u.is(cDet) {
			return false
		}
	}
	return false
}

// opensFronted reports whether the sentence opens (past a dateline header: the article's dateline phrase, or a
// place in capitals that no actor names, "OUAGADOUGOU (AFP) -", closed by a dash) with a word that is no determiner
// and no actor phrase: in a verb-second language a fronted phrase ("Aan de vooravond van de NAVO-top", "Nach
// dem Krieg gegen die Ukraine") then stands before the finite verb, where "Een commando van gewapende mannen"
// is the subject itself.
func (s *sentence) opensFronted() bool {
	k := 0
	if len(s.u) > 0 && (s.u[0].phrase >= 0 && s.d.datelinePhrase(s.u[0].phrase) || s.u[0].phrase < 0 && s.d.allCaps(s.u[0])) {
		for i := 1; i < len(s.u) && i < 12; i++ {
			if isDash(s.u[i].fold) {
				k = i + 1
				break
			}
		}
	}
	if k >= len(s.u) {
		return false
	}
	u := s.u[k]
	return u.phrase < 0 && !u.is(cDet) && s.d.capitalized(u)
}

// datelinePhrase reports whether phrase pi is part of the article's dateline header ("HÀ NỘI (TTXVN) -",
// "HANOI, Dec. 2 (Agency) --"): the article starts with its dateline place, and the phrase ends before the
// dash that closes the header (or is the place itself when no dash comes within its first 12 tokens).
func (d *doc) datelinePhrase(pi int) bool {
	p := d.phrases[pi]
	if d.a.Dateline == "" || len(d.toks) == 0 {
		return false
	}
	head := d.a.Text[d.toks[0].Start:]
	// A dateline in brackets that opens the text ("（中央社記者台北21日電）", "（路透社首爾10日電）"): every
	// phrase inside the brackets is the dateline's
	if open, size := utf8.DecodeRuneInString(head); open == '(' || open == '（' {
		closing := ")"
		if open == '（' {
			closing = "）"
		}
		if end := strings.Index(head[size:], closing); end >= 0 && end < maxBracketDateline {
			return d.toks[p.last].End <= d.toks[0].Start+size+end
		}
	}
	// An agency's name may come before the place ("新华社北京5月6日电"): a news outlet's mention at the start.
	first := 0 // the dateline's first token
	if len(d.ments) > 0 && d.ments[0].Start == d.toks[0].Start && d.ments[0].Actor.Sector == "MED" {
		head = strings.TrimLeft(d.a.Text[d.ments[0].End:], " (") // "TTXVN (Washington 26/3) -"
		for first < len(d.toks) && d.toks[first].Start < len(d.a.Text)-len(head) {
			first++
		}
	}
	if !hasFoldedPrefix(head, string(d.a.Dateline)) {
		return false
	}
	for k := 0; k < len(d.toks) && k < 12; k++ {
		if isDash(d.toks[k].Text) {
			return p.last < k
		}
	}
	// no dash: the place that opens the text, or follows the agency ("新华社大马士革4月1日电 以色列……": Damascus)
	return p.first == 0 || p.first == first
}

// datelineBracketEnd reports whether token t closes a dateline in brackets that opens the text
// ("（中央社記者台北26日電）", "（路透社首爾10日電）").
func (d *doc) datelineBracketEnd(t int) bool {
	if d.a.Dateline == "" || len(d.toks) == 0 || t >= len(d.toks) {
		return false
	}
	head := d.a.Text[d.toks[0].Start:]
	open, size := utf8.DecodeRuneInString(head)
	closing := ")"
	switch open {
	case '（':
		closing = "）"
	case '(':
	default:
		return false
	}
	end := strings.Index(head[size:], closing)
	return end >= 0 && end < maxBracketDateline && d.toks[t].Start == d.toks[0].Start+size+end
}

// maxBracketDateline is the most bytes a dateline in brackets that opens a text may hold ("（中央社記者林宏翰、
// 游凱翔華盛頓25日專電）" is 60).
const maxBracketDateline = 120

// hasFoldedPrefix reports whether strings.ToLower(s) begins with strings.ToLower(prefix), lower-casing only
// as much of s as the prefix can cover: ToLower maps each rune (an invalid byte: one U+FFFD) to at least one
// byte, so the first len(lower prefix) runes of s, lowered, are as long as the prefix or all of s. (It is
// asked for every phrase of an article; lowering the whole text each time was 2% of the pipeline.)
func hasFoldedPrefix(s, prefix string) bool {
	p := strings.ToLower(prefix)
	n := 0
	for i := range s {
		if n == len(p) {
			s = s[:i]
			break
		}
		n++
	}
	return strings.HasPrefix(strings.ToLower(s), p)
}

// personPhrase reports whether the unit at p is an actor phrase whose head is a person.
func (s *sentence) personPhrase(p int) bool {
	u := s.u[p]
	if u.phrase < 0 {
		return false
	}
	return s.d.ments[s.d.phrases[u.phrase].head].Actor.Type == dyad.TypePerson
}

// relClauseStart returns, for the comma at unit p that closes a relative clause (", who ... ,", ", qui ... ,",
// ", die ... ,"), the unit of the comma that opens it, or -1.
func (s *sentence) relClauseStart(p int) int {
	for q := p - 1; q > 0 && p-q <= 30; q-- {
		u := s.u[q]
		if u.phrase >= 0 {
			continue
		}
		if isStop(s.d.toks[u.tok].Text) && u.fold != "," {
			return -1
		}
		if u.fold == "," {
			if n := s.u[q+1]; n.phrase < 0 && n.is(cRel) {
				return q
			}
			if q+2 < p && s.u[q+2].phrase < 0 && s.u[q+2].is(cRel) && s.u[q+1].phrase < 0 && s.u[q+1].is(cPrep) {
				return q // ", with whom ...", ", à qui ..."
			}
			return -1
		}
	}
	return -1
}

// appositionSubject returns, for the comma at unit p that closes an apposition or a parenthesis after the
// sentence's opening subject ("China's top diplomat Wang Yi, director of the party's foreign affairs office,
// held talks", "Antony Blinken, the first U.S. secretary of state to visit China in five years, met"), the
// unit of that subject, or -1. The subject is the sentence's first phrase; a comma follows it, or the phrase
// holds its apposition itself; no other stop stands between it and p. A person named right before p in a
// clause of its own (after a `that` word) is not the sentence's subject: then -1.
func (s *sentence) appositionSubject(p int) int {
	f := s.firstPhrase()
	if f < 0 || p-f < 3 || p-f > 30 {
		return -1
	}
	if s.u[f+1].fold != "," && !s.phraseHasComma(f) {
		return -1
	}
	for k := f + 1; k < p; k++ {
		if u := s.u[k]; u.phrase < 0 && isStop(s.d.toks[u.tok].Text) && u.fold != "," {
			return -1
		}
	}
	if q := p - 1; q > f && s.u[q].phrase >= 0 && s.u[q].phrase != s.u[f].phrase && s.personPhrase(q) {
		// "Sheinbaum dijo que su homólogo estadounidense, Donald Trump, aceptó ...": the comma closes the apposition
		// of a person named right before it in a clause of its own (a `that` word between), the verb's subject
		for k := f + 1; k < q; k++ {
			if s.u[k].phrase < 0 && s.u[k].is(cThat) {
				return -1
			}
		}
	}
	return f
}

// appositionPair returns, for the comma at unit p that closes an apposition after the two sides that open the
// sentence ("Saudi Arabia and Iran, regional rivals that broke off relations in 2016, signed", "El Gobierno de
// Colombia y el ELN, la última guerrilla activa del país, firmaron"), the unit of the list's last member, or -1:
// the sentence's first phrase is in a list whose last member a comma follows, the apposition opens with no
// actor phrase and names no person, and no other stop stands between that comma and p.
func (s *sentence) appositionPair(p int) int {
	f := s.firstPhrase()
	if f < 0 || s.u[f].phrase < 0 || s.d.phrases[s.u[f].phrase].list == nil {
		return -1
	}
	last := -1
	for k := f + 1; k < p && k-f <= 12; k++ {
		if u := s.u[k]; u.phrase >= 0 && s.sameList(s.u[f].phrase, u.phrase) {
			last = k
		}
	}
	if last < 0 || last+2 >= p || p-last > 30 || s.u[last+1].fold != "," || s.u[last+2].phrase >= 0 {
		return -1 // an apposition that opens with actors names the sides ("Armeniens und Aserbaidschans, Nikol Paschinjan und Ilham Alijew,")
	}
	for k := last + 1; k < p; k++ {
		u := s.u[k]
		if u.phrase < 0 && isStop(s.d.toks[u.tok].Text) && u.fold != "," {
			return -1
		}
		if u.phrase < 0 {
			continue
		}
		if a := s.d.ments[s.d.phrases[u.phrase].head].Actor; a.Type == dyad.TypePerson && a.ID != s.d.ments[s.d.phrases[s.u[last].phrase].head].Actor.ID {
			// the apposition names the sides' people: "..., Nikol Paschinjan und Ilham Alijew,"; the last side named
			// again is none: "Rodrigo Londoño, alias Timochenko,", "Rodrigo Londoño, noto come Timochenko,"
			return -1
		}
	}
	return last
}

// phraseHasComma reports whether the actor phrase at unit p holds a comma (an apposition: "Antony Blinken, the
// U.S. secretary of state").
func (s *sentence) phraseHasComma(p int) bool {
	u := s.u[p]
	for k := u.tok; k <= u.last; k++ {
		if s.d.toks[k].Text == "," {
			return true
		}
	}
	return false
}

// andLit reports whether every alternative of a pattern word is one "and" word.
func (s *sentence) andLit(e delem) bool {
	for _, a := range e.dalts {
		if len(a) != 1 || a[0].prefix || !s.d.lg.is(cAnd, a[0].text) {
			return false
		}
	}
	return len(e.dalts) > 0
}

// midfieldWord reports whether the unit at q is a preposition or determiner that a gap of our patterns before
// the clause's closing verb (delem.mid) does not count in a verb-second language, where the middle field before
// the participle holds prepositional phrases of time, place and occasion ("hat X am Donnerstag zum Auftakt seines Besuchs in der
// Großen Halle des Volkes empfangen"): their nouns count, their function words do not, up to the gap's length.
func (s *sentence) midfieldWord(q int, b *binding) bool {
	if !s.d.lg.verbSecond || b.imported || q < 0 || q >= len(s.u) {
		return false
	}
	u := s.u[q]
	return u.phrase < 0 && u.is(cDet|cPrep|cLoc|cFront|cGenitive)
}

// origin reports whether the actor phrase at unit p follows, within three words that are no actor, a `from`
// word of grammar: an origin ("từ lãnh thổ Iran", "từ miền Nam Liban"), no side of the act whose gap it is in.
func (s *sentence) origin(p int) bool {
	for k := p - 1; k >= 0 && p-k <= 3; k-- {
		u := s.u[k]
		if u.phrase >= 0 {
			return false
		}
		if u.is(cFrom) {
			return true
		}
	}
	return false
}

// targetPlace reports whether the actor phrase at unit p, a place after a loc word, is what an object noun of
// grammar's targetnoun class right before that word stands for: "Ziele in Syrien", "doelen in Rusland",
// "targets in Yemen" name the country attacked, where "in Syrien" alone says where.
func (s *sentence) targetPlace(p int) bool {
	for k := p - 1; k >= 1 && p-k <= 3; k-- {
		u := s.u[k]
		if u.phrase >= 0 {
			return false
		}
		if u.is(cLoc) {
			v := s.u[k-1]
			return v.phrase < 0 && v.is(cTargetNoun)
		}
		if !u.is(cDet) {
			return false
		}
	}
	return false
}
