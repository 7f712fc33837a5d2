package coder

import (
	"cmp"
	"slices"
	"sort"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/dyad-events/dyad"
	"github.com/dyad-events/dyad/text"
)

// splitElision cuts elided articles and pronouns off the word they lean on ("l'ambassadeur" -> "l'",
// "ambassadeur"), for the languages whose grammar lists them.
func splitElision(lg *lang, toks []text.Token) []text.Token {
	return splitElisionIn(lg, toks, nil)
}

// splitElisionIn is splitElision writing a split text's tokens into buf's array when it is large enough (the
// coder's scratch); buf must not share toks' array.
func splitElisionIn(lg *lang, toks, buf []text.Token) []text.Token {
	if lg == nil || len(lg.elision) == 0 {
		return toks
	}
	var out []text.Token
	for i, t := range toks {
		cut := -1
		if strings.Contains(t.Fold, "'") {
			for _, e := range lg.elision {
				if len(t.Fold) > len(e) && strings.HasPrefix(t.Fold, e) {
					cut = apostropheEnd(t.Text)
					break
				}
			}
		}
		if cut <= 0 || cut >= len(t.Text) {
			if out != nil {
				out = append(out, t)
			}
			continue
		}
		if out == nil {
			if cap(buf) < len(toks)+4 {
				buf = make([]text.Token, 0, len(toks)+4)
			}
			out = append(buf[:0], toks[:i]...)
		}
		a, b := t.Text[:cut], t.Text[cut:]
		out = append(out,
			text.Token{Start: t.Start, End: t.Start + cut, Text: a, Fold: text.Fold(a)},
			text.Token{Start: t.Start + cut, End: t.End, Text: b, Fold: text.Fold(b)})
	}
	if out == nil {
		return toks
	}
	return out
}

// apostropheEnd returns the byte offset just after the first apostrophe of s, or -1.
func apostropheEnd(s string) int {
	for i, r := range s {
		if r == '\'' || r == '\u2019' || r == '\u02bc' {
			return i + utf8.RuneLen(r)
		}
	}
	return -1
}

// phrase is a group of actor mentions that name one actor: a head, its appositions ("Wang Yi, China's foreign
// minister") and its modifiers ("ambassador to China").
type phrase struct {
	first, last int   // token range, inclusive
	members     []int // mention indices naming the phrase's actor
	modifiers   []int // mention indices inside the phrase that name another actor
	head        int   // the mention that speaks for the phrase
	conj        int   // the next phrase when joined by "and" or a list comma, else -1
	conjAnd     bool  // conj is joined by "and" (else by a comma)
	conjEnum    bool  // conj is joined by the enumeration comma of Chinese ("、"), a list link without "and"
	conjGen     bool  // conj is joined by a repeated genitive preposition ("de X, de Y y de Z"; genitiveLink)
	list        []int // the phrases of the list "A, B and C" this phrase belongs to, in order; nil when none
	between     bool  // the list follows a "between" word: the two sides of a relation, not co-agents
	loneBetween bool  // a phrase alone after a "between" word ("l'accordo tra Roma e Tirana", Tirana no actor)
}

// unit is a word or an actor phrase of a sentence.
type unit struct {
	tok    int // first token
	last   int // last token
	fold   string
	phrase int    // -1 for a word
	cls    uint64 // the word classes of fold (lang.class), looked up once
	lead   bool   // fold begins a phrase of lang.phrases (lang.leads)
	quote  int    // the units of one short quotation (marks left out) share a number > 0; 0 outside
}

// is reports whether the unit's fold is a word of one of the classes (lang.is).
func (u unit) is(class uint64) bool { return u.cls&class != 0 }

// doc is an article being coded.
type doc struct {
	c        *Coder
	trace    bool // Result.Trace is kept (CodeTokens; not CodeEvents)
	lg       *lang
	a        *dyad.Article
	toks     []text.Token
	ments    []dyad.ActorMention
	mtok     [][2]int // token range of each mention, inclusive
	phrases  []phrase
	phraseAt []int // token -> phrase index or -1
	// mainCC is mainCountry's answer once mainSet (it reads the mentions alone, which do not change)
	mainCC       string
	mainSet      bool
	ref          reference
	datelineDate when
	// leadDate is the first date a sentence of the article states for itself: the occasion the story
	// reports, which its later undated sentences go on describing.
	leadDate   when
	datelineAt int // first token of the dateline's date, -1 when none
	dateCache  map[string]when
	litsAt     map[string][2]int // the first and last units of the pattern's words in each event's match, by event id (oneMeeting)
	// plainFolds holds text.Fold of each token when the language's keys keep diacritics (plainFold);
	// keyBuf is the buffer gazetteer keys are built in
	plainFolds []string
	keyBuf     []byte
	candsFor   [2]int // the token range whose date expressions cands holds
	cands      []dateCand
	locFor     [2]int
	loc        string
	locCountry string
	locWeak    bool    // locCountry came from the finder of Coder.SetPlaces only
	subject    speaker // the person the last sentences are about
	subjectAge int     // sentences since subject was set
	// tokInfo holds each token's wordInfo (its classes, stem and pattern entries), looked up on first use: the
	// matcher asks them many times, the language's word cache costs a look-up each time
	tokInfo []*wordInfo
	// sc holds the buffers kept across articles (nil: allocate)
	sc *scratch
}

func (d *doc) fold(i int) string { return d.toks[i].Fold }

// classOf returns the word classes of token k's fold, as lang.class has them.
func (d *doc) classOf(k int) uint64 { return d.info(k).cls }

// stemTok returns the folded stem of token k (stemmer.stem of its text), "" when the language has no stemmer.
func (d *doc) stemTok(k int) string { return d.info(k).stem }

// is reports whether token k's fold is a word of one of the classes (lang.is).
func (d *doc) is(class uint64, k int) bool { return d.classOf(k)&class != 0 }

// prepare tokenizes the article and groups its mentions into phrases.
func (d *doc) prepare(mentions []dyad.ActorMention) { d.prepareTokens(mentions, nil) }

// prepareTokens is prepare given the text.Tokens of the text (nil: tokenize it); tt is not modified.
func (d *doc) prepareTokens(mentions []dyad.ActorMention, tt []text.Token) {
	if tt == nil {
		tt = text.Tokens(d.a.Text)
	} else if d.lg.keepMarks {
		// their folds are replaced below (in the scratch's copy, kept across articles)
		if d.sc != nil {
			d.sc.marked = append(d.sc.marked[:0], tt...)
			tt = d.sc.marked
		} else {
			tt = slices.Clone(tt)
		}
	}
	if d.sc != nil {
		d.toks = splitElisionIn(d.lg, tt, d.sc.elided)
		if len(d.toks) != len(tt) {
			d.sc.elided = d.toks // split: its array (the scratch's, or a larger one) handed back to the scratch
		}
	} else {
		d.toks = splitElision(d.lg, tt)
	}
	if d.lg.keepMarks {
		for i := range d.toks {
			d.toks[i].Fold = d.lg.key(d.toks[i])
		}
	}
	var ms []dyad.ActorMention
	if d.sc != nil {
		ms = slices.Grow(d.sc.ments[:0], len(mentions)) // (handed back to the scratch below)
	} else {
		ms = make([]dyad.ActorMention, 0, len(mentions))
	}
	for _, m := range mentions {
		if m.Start >= 0 && m.End <= len(d.a.Text) && m.Start < m.End {
			ms = append(ms, m)
		}
	}
	slices.SortStableFunc(ms, func(x, y dyad.ActorMention) int { // (a stable order is the same by any stable sort)
		if x.Start != y.Start {
			return cmp.Compare(x.Start, y.Start)
		}
		return cmp.Compare(y.End, x.End)
	})
	// drop mentions overlapping an earlier, longer one
	kept := ms[:0]
	end := -1
	for _, m := range ms {
		if m.Start < end {
			continue
		}
		kept = append(kept, m)
		end = m.End
	}
	d.ments = kept
	if d.sc != nil {
		d.sc.ments = ms
		d.phraseAt, d.mtok = table(&d.sc.phraseAt, len(d.toks)), table(&d.sc.mtok, len(d.ments))
	} else {
		d.phraseAt, d.mtok = make([]int, len(d.toks)), make([][2]int, len(d.ments))
	}
	for i := range d.phraseAt {
		d.phraseAt[i] = -1
	}
	for i, m := range d.ments {
		a := sort.Search(len(d.toks), func(k int) bool { return d.toks[k].End > m.Start })
		b := a
		for b+1 < len(d.toks) && d.toks[b+1].Start < m.End {
			b++
		}
		if a >= len(d.toks) || d.toks[a].Start >= m.End {
			d.mtok[i] = [2]int{-1, -1}
			continue
		}
		d.mtok[i] = [2]int{a, b}
	}
	d.group()
}

// group builds the phrases from the mentions.
func (d *doc) group() {
	cur := -1
	// a phrase's first member is the mention that opens it: each mention opens one phrase at most, so the
	// first members are windows of one slice, one slot a mention (a second member's append copies its window)
	first := make([]int, len(d.ments))
	if d.sc != nil {
		d.phrases = d.sc.phrases[:0] // (the scratch's, kept across articles; handed back below)
	}
	for i := range d.ments {
		a, b := d.mtok[i][0], d.mtok[i][1]
		if a < 0 {
			continue
		}
		if cur >= 0 {
			p := &d.phrases[cur]
			switch d.relation(p, i, p.last+1, a-1) {
			case relMember:
				p.members = append(p.members, i)
				p.last = b
				continue
			case relModifier:
				p.modifiers = append(p.modifiers, i)
				p.last = b
				continue
			case relConj:
				p.conj, p.conjAnd = len(d.phrases), true
				p.conjGen = d.genitiveLink(p, p.last+1, a-1) != relNone
			case relComma:
				p.conj = len(d.phrases)
				p.conjGen = d.genitiveLink(p, p.last+1, a-1) != relNone
				// "布基纳法索、津巴布韦等6个非洲国家": the enumeration comma makes a list without "and"
				p.conjEnum = a-1 == p.last+1 && d.fold(p.last+1) == enumComma
			}
		}
		first[i] = i
		d.phrases = append(d.phrases, phrase{first: a, last: b, members: first[i : i+1 : i+1], conj: -1})
		cur = len(d.phrases) - 1
	}
	if d.sc != nil {
		d.sc.phrases = d.phrases
	}
	d.companions()
	d.closeParens()
	d.lists()
	for pi := range d.phrases {
		p := &d.phrases[pi]
		p.head = d.pickHead(p)
		for k := p.first; k <= p.last; k++ {
			d.phraseAt[k] = pi
		}
	}
}

// companions extends a phrase over a `companion` phrase of grammar right after it, the spouse or suite that
// travels with a leader ("Tập Cận Bình **cùng Phu nhân** đã tới Hà Nội", "习近平**偕夫人**彭丽媛抵达"): no side of the
// act, which stays the leader's, and no words between the leader and the verb. The longest listed is read; a
// phrase that the next mention opens inside it stops it.
func (d *doc) companions() {
	seqs := d.lg.kindSeqs[pkCompanion]
	if len(seqs) == 0 {
		return
	}
	for pi := range d.phrases {
		p := &d.phrases[pi]
		k, end := p.last+1, -1
		for _, sq := range seqs {
			if e := k + len(sq) - 1; e > end && e < len(d.toks) && d.seqAt(k, sq) {
				end = e
			}
		}
		if end < 0 || pi+1 < len(d.phrases) && d.phrases[pi+1].first <= end {
			continue
		}
		p.last = end
	}
}

// absoluteSubject reports whether mention m is followed by a pattern word, lower case, with a gerund ending of
// grammar (gerund): after a comma, m is then the subject of an absolute participle clause ("..., Islamabad
// promettant de riposter", "..., Pechino denunciando ..."), no apposition of the phrase before the comma.
func (d *doc) absoluteSubject(m int) bool {
	k := d.mtok[m][1] + 1
	if k <= 0 || k >= len(d.toks) || d.toks[k].IsCapitalized() || !d.trigger(k) {
		return false
	}
	f := d.fold(k)
	for _, e := range d.lg.gerundEnds {
		if strings.HasSuffix(f, e) && len(f) > len(e)+2 {
			return true
		}
	}
	return false
}

// enumComma is the enumeration comma of Chinese: it joins the members of a list, never clauses.
const enumComma = "、"

const (
	relNone = iota
	relMember
	relModifier
	relConj  // "and"
	relComma // a comma that may be part of a list "A, B and C"
)

// lists finds the lists of phrases "A and B", "A, B and C": chains of links whose last link is "and".
func (d *doc) lists() {
	for i := range d.phrases {
		if d.phrases[i].list != nil {
			continue
		}
		// i starts a chain unless a previous phrase links to it (built on the stack; a list keeps a copy)
		var cbuf [8]int
		chain := append(cbuf[:0], i)
		k := i
		valid := false
		for d.phrases[k].conj >= 0 {
			and := d.phrases[k].conjAnd
			valid = valid || d.phrases[k].conjEnum
			prev := k
			k = d.phrases[k].conj
			chain = append(chain, k)
			if and {
				valid = true
				// "中日韩", "美日韩": glued short forms run on to the last of them
				if next := d.phrases[k].conj; !(next >= 0 && d.glued(prev, k) && d.glued(k, next)) {
					break
				}
			}
		}
		if valid {
			list := slices.Clip(slices.Clone(chain))
			// "clashes between protesters and the police": two sides, not one actor that acts with the other
			between := false
			for k := d.phrases[i].first - 1; k >= 0 && k >= d.phrases[i].first-3; k-- {
				if f := d.fold(k); d.lg.is(cBetween, f) {
					between = true
				} else if !d.lg.is(cDet, f) {
					break
				}
			}
			for _, m := range list {
				d.phrases[m].list = list
				d.phrases[m].between = between
			}
		}
	}
	for i := range d.phrases {
		if d.phrases[i].list != nil {
			continue
		}
		for k := d.phrases[i].first - 1; k >= 0 && k >= d.phrases[i].first-3; k-- {
			if f := d.fold(k); d.lg.is(cBetween, f) {
				d.phrases[i].loneBetween = true
			} else if !d.lg.is(cDet, f) {
				break
			}
		}
	}
}

// relation says how mention m relates to phrase p across the gap tokens [ga, gb].
func (d *doc) relation(p *phrase, m int, ga, gb int) int {
	lg := d.lg
	prev := d.ments[p.members[len(p.members)-1]].Actor
	next := d.ments[m].Actor
	same := (prev.ID != "" && prev.ID == next.ID) || (prev.Country != "" && prev.Country == next.Country)
	loose := same || prev.Country == "" || next.Country == ""
	// two actors of one country joined by "and" stay two when they differ in kind: bodies of different sectors
	// ("the protesters and the police") or two people ("Lula and Haddad"); one title and its holder stay one
	two := prev.ID != next.ID && (prev.Sector != "" && next.Sector != "" && prev.Sector != next.Sector ||
		prev.Type == dyad.TypePerson && next.Type == dyad.TypePerson)
	sameAnd := same && !two
	n := gb - ga + 1
	if n == 1 && d.fold(ga) == "," && d.absoluteSubject(m) {
		return relNone // "une base aérienne syrienne, Damas dénonçant ...": the subject of an absolute clause
	}
	if n <= 0 {
		if lg.nounCaps && prev.Type == dyad.TypeCountry && d.ments[p.members[len(p.members)-1]].Via == "name" && next.Type == dyad.TypeGroup && d.ments[m].Via == "sector" {
			// "wird der Ukraine Kampfjets liefern": in a language that writes a country's own body with a genitive
			// or a hyphen ("Russlands Armee", "Ukraine-Armee"), a sector noun right after the country's name is the
			// verb's next object, not the country's body
			return relNone
		}
		if loose {
			return relMember
		}
		if prev.Type == dyad.TypeCountry && next.Type == dyad.TypeCountry && d.compound(p.members[len(p.members)-1], m) {
			return relConj // "俄乌冲突", "中日韩": glued short forms of countries are a list
		}
		return relNone
	}
	if n > 16 || d.crossesSentence(ga, gb) {
		return relNone
	}
	first := d.fold(ga)
	andDets := d.andDets(ga, gb)
	placeRep := (first == "," || lg.is(cAnd, first)) && n >= 2 && n <= 4 && d.countryLike(p.members[len(p.members)-1]) && d.countryLike(m) &&
		d.is(cLoc|cGoal|cGenitive, ga+1) && d.onlyDets(ga+2, gb) && d.placeBefore(p.first)
	kind := d.kindTokens(ga, gb)
	// nothing that could be a verb of the sentence may sit in a phrase
	for k := ga; k <= gb; k++ {
		f := d.fold(k)
		if (andDets || placeRep) && k == ga+1 {
			continue // "et à l'Égypte", "et à Singapour": the addressee or place word repeated ("à" folds to the auxiliary "a")
		}
		if kind != nil && kind[k-ga] {
			continue // "và phong trào Hamas", "与准军事组织快速支援部队": a word of a `kind` noun describes, no verb
		}
		if lg.is(cBarrier, f) || ((!d.toks[k].IsCapitalized() || isHan(d.toks[k].Text)) && (d.trigger(k) || len(lg.speech[f]) > 0)) || isStop(d.toks[k].Text) ||
			isHan(d.toks[k].Text) && d.hanTrigger(k) { // "林郑月娥谴责示威者": a verb of glued ideographs
			return relNone
		}
	}
	plain := func(from int) bool { // only determiners, prepositions, capitalised words
		for k := from; k <= gb; k++ {
			f := d.fold(k)
			hyphen := f == "-" && d.toks[k].Start == d.toks[k-1].End && k+1 < len(d.toks) && d.toks[k+1].Start == d.toks[k].End
			if !(lg.is(cDet, f) || lg.is(cPrep, f) || d.toks[k].IsCapitalized() || f == "(" || f == ")" || hyphen) {
				return false
			}
		}
		return true
	}
	roleWords := func() bool { // lower-case words (a title: "ambassador", "head"), determiners, prepositions
		for k := ga; k <= gb; k++ {
			t := d.toks[k]
			if !t.IsWord() || (t.IsCapitalized() && !lg.is(cDet, t.Fold)) || lg.is(cAnd, d.fold(k)) {
				return false
			}
		}
		return true
	}
	genLink := d.genitiveLink(p, ga, gb) // (read once: the case below tests it and returns it)
	switch {
	case prev.Type == dyad.TypeCountry && d.afterLoc(p) && d.hasAnd(ga, gb) && !(n == 1 && next.Type == dyad.TypeCountry) && !andDets && !placeRep:
		return relNone // "在美国(加州)与麦卡锡会面": a place, then the one met there; "在美国和日本" stays a list
	case lg.is(cLoc, first) && prev.Type == dyad.TypePerson && d.namedPerson(p.members[len(p.members)-1]):
		return relNone // "Rutte in het Witte Huis": where a person named by name is, not who he is
	case lg.is(cPrep, first) && (prev.Type == dyad.TypePerson || prev.Country == "") && len(p.members) == 1 && !d.namedPerson(p.members[0]) && d.ownBefore(p.first):
		// "recalled its ambassador from Lithuania", "withdrew its (last) troops from Niger": the subject's own
		// envoy or forces, and where they are posted
		return relNone
	case lg.is(cPrep, first) && prev.Type == dyad.TypeGroup && len(p.members) == 1 && !d.namedPerson(p.members[0]) && d.nounBefore(nounMission, p.first, 4):
		// "sent a contingent of 900 soldiers to Congo", "un contingent de 2 000 soldats au Mali": the men of a
		// contingent, and where they are sent (a mission noun of grammar before them), not the place's own troops
		return relNone
	case lg.is(cGoal, first) && prev.Type == dyad.TypePerson && d.namedPerson(p.members[len(p.members)-1]):
		return relNone // "the visit of Narendra Modi to Russia": where a person named by name goes, not who he is
	case lg.is(cGoal, first) && prev.Type == dyad.TypeCountry && next.Type == dyad.TypeCountry:
		return relNone // "extraditado dos Estados Unidos para o Peru": from one country to another, no modifier
	case n == 1 && lg.is(cGoal|cLoc, first) && prev.Type == dyad.TypePerson && len(p.members) == 1 && !d.namedPerson(p.members[0]) &&
		next.Type == dyad.TypeCountry && next.Country != "" && next.Country != prev.Country && !d.nounBefore(nounVisit, p.first, 4):
		// "ha richiamato l'ambasciatore d'Italia al Cairo", "l'ambasciatore al Cairo": an envoy's title and the
		// post abroad where he serves, not his country (round 23); but "la visite du président taïwanais aux
		// États-Unis" stays one phrase, which the visit's patterns read
		return relNone
	case lg.is(cPrep|cGenitive, first) && n <= 6 && plain(ga+1) && prev.Type == dyad.TypeGroup && prev.Sector != "" && len(p.members) == 1 &&
		d.bareTitle(p.members[0]) && d.namedPerson(m) && d.toks[gb].IsCapitalized():
		// "o ministro do Supremo Tribunal Federal Alexandre de Moraes", "el juez de la Corte Suprema X": a bare
		// title, the body it serves (a name the dictionary does not know) and its holder are one person
		return relMember
	case lg.is(cPrep, first) && n <= 5 && plain(ga+1) && !(next.Type == dyad.TypePerson && prev.Type != dyad.TypePerson) &&
		!(two && prev.Type == dyad.TypeGroup && next.Type == dyad.TypeGroup):
		// not "the Kremlin with Putin", "习近平同普京": a person is no modifier; nor is a group of another
		// kind ("die Polizei in der Nacht Dutzende Demonstranten": German nouns are capitalised)
		return relModifier
	case lg.is(cPrep, d.fold(gb)) && n <= 4 && prev.Type == dyad.TypeCountry && roleWords() && !(n == 1 && lg.is(cAgent, first)):
		// "Vietnamese ambassador in China"; not "ricevuto in Vaticano da Papa Francesco": the agent of a passive
		// after the place where it happened ("da" is also "from")
		return relModifier
	case n == 1 && lg.is(cAnd, first) && prev.Type != dyad.TypePerson && prev.Type != dyad.TypeCountry && d.nearLoc(p):
		return relNone // "在克里姆林宫同普京", "在白宫与美国总统拜登": the place, then the one met there
	case n == 1 && lg.is(cAnd, first):
		if sameAnd {
			return relMember
		}
		return relConj
	case n == 1 && (first == "," || first == enumComma): // "、": the enumeration comma of Chinese
		if sameAnd {
			return relMember
		}
		if first == "," && prev.Type != dyad.TypePerson && next.Type == dyad.TypePerson && len(p.members) == 1 && d.governedBefore(p.first) {
			// "À margem da cimeira dos BRICS, Lula e Xi ...", "Al margen de la cumbre de la OTAN, Biden y Erdogan":
			// the comma closes an opening phrase whose last word is an organisation or a place; the people after
			// it are the subject, not the rest of a list that began inside the phrase
			return relNone
		}
		return relComma // "Según Carabineros, manifestantes bloquearon ...": two bodies, no apposition
	case first == "," && n <= 3 && d.onlyDets(ga+1, gb) && !sameAnd && prev.Type == dyad.TypeCountry && next.Type == dyad.TypeCountry:
		return relComma // "a Rússia, a Bielorrússia e o Irã", "la India, el Japón y ...": countries with their articles
	case genLink != relNone:
		// "las sedes del Congreso Nacional, del Supremo y del Planalto", "los embajadores de Estados Unidos, de
		// Alemania y de Francia": the genitive preposition repeated after a comma or "and" links the members of
		// a chain that one noun governs; a word of the first name's own ("Nacional") may come before it
		if sameAnd {
			return relMember
		}
		return genLink
	case lg.is(cAnd, first) && n <= 3 && d.onlyDets(ga+1, gb):
		if sameAnd {
			return relMember
		}
		return relConj // "la France et le Vietnam", "les manifestants et les policiers"
	case lg.is(cAnd, first) && n >= 2 && n <= 4 && lg.is(cGenitive, d.fold(ga+1)) && d.onlyDets(ga+2, gb) && (d.genitiveBefore(p.first) || d.titleGenitive(p)):
		if sameAnd {
			return relMember
		}
		return relConj // "the delegations of the government and of the ELN": the preposition repeated
	case placeRep:
		if sameAnd {
			return relMember
		}
		if first == "," {
			return relComma
		}
		return relConj // "au Vietnam, en Indonésie et à Singapour", "de Suède, de Pologne et d'Allemagne", "in Turchia e in Siria"
	case lg.is(cAnd, first) && n >= 2 && n <= 4 && lg.is(cAddressee, d.fold(ga+1)) && d.onlyDets(ga+2, gb) && d.addresseeBefore(p.first):
		if sameAnd {
			return relMember
		}
		return relConj // "a promis à Israël et aux États-Unis", "prometió a Israel y a Estados Unidos": the addressee's word repeated
	case lg.is(cAnd, first) && n >= 3 && n <= 5 && lg.is(cDet, d.fold(ga+1)) && d.roleWords(ga+2, gb) && (!same || two):
		// "Israel and the militant group Hamas": a determiner and a description of the second; of one country
		// too when the two differ in kind ("Kolumbiens Regierung und die Guerillaorganisation ELN")
		return relConj
	case lg.is(cAnd, first) && !sameAnd && kind != nil && next.Type != dyad.TypePerson && next.Type != dyad.TypeCountry && d.kindDesc(ga+1, gb, kind[1:]):
		// "Israel và phong trào Hồi giáo Hamas", "Quân đội Sudan và lực lượng bán quân sự RSF", "苏丹武装部队与准军事
		//组织快速支援部队": the second side described by a `kind` noun of grammar, with no determiner before it
		return relConj
	case !sameAnd && d.andTitle(ga, gb):
		return relConj // "X et le chef de la diplomatie rwandaise Y", "X và Phó Thủ tướng thứ nhất Ukraine Y" (joint.go)
	case prev.Type == dyad.TypeCountry && next.Type != dyad.TypeCountry && len(p.members) == 1 && d.frontedPlace(p) && !lg.is(cPrep, first):
		return relNone // "In Venezuela, la polizia ha arrestato ...", "Au Mali, les soldats ...": a place, then the subject
	case (first == "," || lg.is(cAnd, first)) && same && n <= 16 && d.lowerWords(ga, gb) <= 5 && !(two && (d.andTitle(ga, gb) || n > 1 && d.hasAnd(ga, gb))):
		return relMember
	case plain(ga) && loose && n <= 3 && !two && !(next.Type == dyad.TypePerson && prev.Type != dyad.TypePerson && d.hasPrep(ga, gb)):
		return relMember // but not "the Kremlin with Putin", nor "die Polizei Dutzende Demonstranten" (German nouns are capitalised)
	case same && prev.Type == dyad.TypeCountry && n <= 3 && d.lowerWords(ga, gb) == n && !(n == 1 && lg.is(cAgent, first)):
		return relMember // "China's top diplomat Wang Yi"; not "in Vaticano da Papa Francesco" (the agent)
	case same && !two && (prev.Type == dyad.TypeGroup || prev.Type == dyad.TypeOrganization) && next.Type == dyad.TypePerson &&
		prev.Sector != "" && prev.Sector == next.Sector && n <= 3 && d.lowerWords(ga, gb) == n:
		return relMember // "FARC rebel leader Rodrigo Londono": a group, a title in lower case and its holder are one
	case same && prev.Type == dyad.TypeCountry && next.Type == dyad.TypePerson && n <= 6 && d.titleSpan(ga, gb):
		return relMember // "Japanse minister van Buitenlandse Zaken Yoko Kamikawa", "britannique de l'Intérieur James Cleverly"
	case same && prev.Type == dyad.TypeCountry && next.Type == dyad.TypePerson && n >= 2 && n <= 4 && d.fold(gb) == "," && d.roleWords(ga, gb-1):
		return relMember // "his Russian counterpart, Sergei Lavrov", "seinem russischen Amtskollegen, Sergej Lawrow"
	case lg.is(cLoc, first) && d.allHan(ga, gb):
		return relNone // "军舰在菲律宾附近巡航": in Chinese a place after a noun is where the verb happens
	case same && n <= 10 && d.allHan(ga, gb) && !(d.afterLoc(p) && d.hasAnd(ga, gb)) && !(prev.Type != dyad.TypePerson && prev.Type != dyad.TypeCountry && d.nearLoc(p)):
		return relMember // "越共中央总书记、国家主席苏林"; not "在美国加州与美国议长": a place, then "with"
	case prev.Type == dyad.TypeCountry && next.Country == "" && lg.is(cPrep, first) && n <= 6 && d.allHan(ga, gb):
		return relMember // "日本驻华大使金杉宪治": a title without a country of its own, after its country
	}
	return relNone
}

// genitiveLink says how the gap [ga, gb] links phrase p to the next mention when both are governed by a
// genitive preposition of grammar, repeated after a comma (relComma) or an "and" (relConj): "de X, de Y y de
// Z". Up to two capitalised words glued after p's last mention ("Congresso Nacional") are part of its name;
// not in a language that capitalises every noun. It returns relNone for any other gap.
func (d *doc) genitiveLink(p *phrase, ga, gb int) int {
	lg := d.lg
	k := ga
	for n := 0; n < 2 && !lg.nounCaps && k <= gb && d.toks[k].IsWord() && d.toks[k].IsCapitalized() && !lg.is(cDet|cPrep|cAnd, d.fold(k)); n++ {
		k++
	}
	if k+1 > gb || !lg.is(cGenitive, d.fold(k+1)) || gb-k > 5 {
		return relNone
	}
	// after the preposition, determiners and the start of the next name ("del Supremo Tribunal", "do Palácio do")
	for t := k + 2; t <= gb; t++ {
		if f := d.fold(t); !(lg.is(cDet|cPrep, f) || !lg.nounCaps && d.toks[t].IsWord() && d.toks[t].IsCapitalized()) || lg.is(cAnd, f) {
			return relNone
		}
	}
	link := relNone
	switch f := d.fold(k); {
	case f == ",":
		link = relComma
	case lg.is(cAnd, f):
		link = relConj
	default:
		return relNone
	}
	// p is one mention governed by a genitive, before it or inside it ("diplomáticos de Alemania")
	if len(p.members) != 1 {
		return relNone
	}
	m := p.members[0]
	a := d.mtok[m][0]
	for n := 0; n < 2 && !lg.nounCaps && a > 0 && d.toks[a-1].IsWord() && d.toks[a-1].IsCapitalized() && !lg.is(cDet|cPrep|cAnd, d.fold(a-1)); n++ {
		a-- // "del Supremo Tribunal": the start of the name the mention does not hold
	}
	if d.genitiveBefore(a) {
		return link
	}
	for t := d.mtok[m][0] + 1; t < d.mtok[m][1]; t++ {
		if d.is(cGenitive, t) {
			return link
		}
	}
	return relNone
}

// genitiveBefore reports whether token k is governed by a genitive preposition of grammar, over at most two
// determiners ("de l'Arménie", "of the Colombian government").
func (d *doc) genitiveBefore(k int) bool {
	k--
	for n := 0; n < 2 && k >= 0 && d.is(cDet, k); n++ {
		k--
	}
	return k >= 0 && d.is(cGenitive, k)
}

// bareTitle reports whether mention m is a title of one lower-case word with no name ("ministro", "juez"),
// whose country, if any, came from its context.
func (d *doc) bareTitle(m int) bool {
	t := d.ments[m].Text
	return t != "" && !strings.ContainsAny(t, " -") && unicode.IsLower([]rune(t)[0])
}

// titleGenitive reports whether phrase p opens with a group title whose genitive preposition is inside its own
// mention ("Delegados del Gobierno de Venezuela", "Envoys of Armenia"): the preposition that the second side of
// "y de la oposición", "and of Azerbaijan" repeats.
func (d *doc) titleGenitive(p *phrase) bool {
	if len(p.members) == 0 {
		return false
	}
	m := p.members[0]
	if d.ments[m].Via != "genitive" {
		return false
	}
	for t := d.mtok[m][0] + 1; t < d.mtok[m][1]; t++ {
		if d.is(cGenitive, t) {
			return true
		}
	}
	return false
}

// governedBefore reports whether the token before k, over up to two determiners, is a preposition (a `prep`,
// `genitive` or `loc` word of grammar): the phrase at k is governed by it ("da cimeira dos BRICS").
func (d *doc) governedBefore(k int) bool {
	k--
	for n := 0; n < 2 && k >= 0 && d.is(cDet, k) && !d.is(cPrep|cGenitive|cLoc, k); n++ {
		k--
	}
	return k >= 0 && d.is(cPrep|cGenitive|cLoc, k)
}

// andDets reports whether the tokens [a, b] are an "and" word followed only by determiners, or by an addressee
// word and determiners: "à Israël et l'Égypte", "à Israël et aux États-Unis" join two targets, not a place and
// the one met there.
func (d *doc) andDets(a, b int) bool {
	if b <= a || !d.is(cAnd, a) {
		return false // "在美国与麦卡锡": a bare "and" after a place stays the place, then the one met there
	}
	if a+1 <= b && d.is(cAddressee, a+1) {
		return d.onlyDets(a+2, b)
	}
	return d.onlyDets(a+1, b)
}

// countryLike reports whether mention m names a country, or a body of a country named after a genitive ("des
// diplomates de Suède, de Pologne et d'Allemagne": the actor stage gives each country the diplomats' sector).
func (d *doc) countryLike(m int) bool {
	a := d.ments[m].Actor
	return a.Type == dyad.TypeCountry || a.Type == dyad.TypeGroup && d.ments[m].Via == "genitive" && a.Country != ""
}

// placeBefore reports whether token k is governed by a preposition of place, goal or belonging of grammar (loc,
// goal, genitive), over at most two determiners: the first of countries listed with their preposition repeated.
func (d *doc) placeBefore(k int) bool {
	k--
	for n := 0; n < 2 && k >= 0 && d.is(cDet, k) && !d.is(cLoc|cGoal|cGenitive, k); n++ {
		k--
	}
	return k >= 0 && d.is(cLoc|cGoal|cGenitive, k)
}

// addresseeBefore reports whether token k is governed by an addressee word of grammar ("à", "a", "to",
// "contre"), over at most two determiners: the first of two targets whose second repeats the word.
func (d *doc) addresseeBefore(k int) bool {
	k--
	// Portuguese "a" is a determiner and the addressee's preposition: "apelo a Israel e ao Hamas"
	for n := 0; n < 2 && k >= 0 && d.is(cDet, k) && !d.is(cAddressee, k); n++ {
		k--
	}
	return k >= 0 && d.is(cAddressee, k)
}

// compound reports whether mentions a and b are glued ideographs of one compound of countries ("俄乌").
func (d *doc) compound(a, b int) bool {
	ma, mb := d.ments[a], d.ments[b]
	return ma.End == mb.Start && isHan(ma.Text) && isHan(mb.Text) && utf8.RuneCountInString(ma.Text) == 1 && utf8.RuneCountInString(mb.Text) == 1
}

// glued reports whether phrases a and b are neighbours in one compound of country short forms ("中日韩").
func (d *doc) glued(a, b int) bool {
	pa, pb := d.phrases[a], d.phrases[b]
	return len(pa.members) == 1 && len(pb.members) == 1 && d.compound(pa.members[0], pb.members[0])
}

// namedPerson reports whether mention m names a person by name (not by a title: "the ambassador in China").
func (d *doc) namedPerson(m int) bool {
	switch d.ments[m].Via {
	case "name", "alias", "coref", "camel":
		return d.ments[m].Actor.Type == dyad.TypePerson
	case "title":
		// a name the actor stage knows only by the title before it ("former president Juan Orlando
		// Hernandez to the United States"): still a name when written as one
		txt := d.ments[m].Text
		return d.ments[m].Actor.Type == dyad.TypePerson && txt != "" && unicode.IsUpper([]rune(txt)[0]) && strings.Contains(txt, " ")
	}
	return false
}

// isStop reports sentence-internal punctuation that ends a phrase.
// shortQuote returns, for a quotation mark at token k, the token of the mark that closes a quotation of one to
// three words (option short-quote=N: N tokens) before b (a word quoted for emphasis or as the source's own: «expulsé», "reçu", “hostile”),
// else -1. Such marks are no stops, so a pattern reads through them; a longer quotation, reported speech,
// still stops it.
func (d *doc) shortQuote(k, b int) int {
	if !isQuote(d.toks[k].Text) {
		return -1
	}
	for j := k + 1; j < b && j <= k+1+d.lg.shortQuote; j++ {
		t := d.toks[j].Text
		if isQuote(t) {
			if j == k+1 {
				return -1
			}
			return j
		}
		if isStop(t) || t == "," {
			return -1
		}
	}
	return -1
}

func isQuote(s string) bool {
	switch s {
	case "\"", "“", "”", "«", "»", "„", "「", "」", "『", "』": // 「」『』: Chinese in Traditional script
		return true
	}
	return false
}

func isStop(s string) bool {
	switch s {
	case ";", ":", ".", "!", "?", "\"", "“", "”", "«", "»", "—", "–":
		return true
	}
	return false
}

// hyphenated reports whether token k is part of a word written with a hyphen ("après-midi", "avant-hier"):
// a barrier word there is no barrier.
func (d *doc) hyphenated(k int) bool {
	tight := func(a, b int) bool {
		return a >= 0 && b < len(d.toks) && d.toks[a].End == d.toks[b].Start
	}
	return (k+1 < len(d.toks) && d.toks[k+1].Text == "-" && tight(k, k+1)) ||
		(k > 0 && d.toks[k-1].Text == "-" && tight(k-1, k))
}

func (d *doc) crossesSentence(a, b int) bool {
	return strings.ContainsAny(d.a.Text[d.toks[a].Start:d.toks[b].End], "\n")
}

// pickHead chooses the mention that names a phrase's actor: a known person with a code, else the first member
// with a code and a sector (in "Pakistan's Defence Minister Khawaja Asif" the minister, not the country that
// qualifies him), else the first member with a code, else the first member.
func (d *doc) pickHead(p *phrase) int {
	for _, m := range p.members {
		a := d.ments[m].Actor
		if a.Type == dyad.TypePerson && a.Code != "" && !a.Provisional {
			return m
		}
	}
	// a person named by a title and a name speaks for the party that qualifies them ("国民党立委X": the
	// legislator, not the party)
	for _, m := range p.members {
		if a := d.ments[m].Actor; a.Type == dyad.TypePerson && a.Code != "" && a.Sector != "" && a.Country != "" {
			return m
		}
	}
	// a capital standing for its government is weaker than a sector noun beside it ("巴黎警方": the police)
	for _, capital := range []bool{false, true} {
		for _, m := range p.members {
			if a := d.ments[m].Actor; a.Code != "" && a.Sector != "" && a.Country != "" && (capital || d.ments[m].Via != "capital") {
				return m
			}
		}
	}
	// a title without a country of its own after the country that gives it one ("日本驻华大使金杉宪治"):
	// the title, which actorOf codes with that country
	for _, m := range p.members {
		if a := d.ments[m].Actor; a.Country == "" && a.Sector != "" && a.Code == a.Sector && d.phraseCountry(p) != "" {
			return m
		}
	}
	for _, m := range p.members {
		if d.ments[m].Actor.Code != "" {
			return m
		}
	}
	return p.members[0]
}

// phraseCountry is the country of the first member of p that names a country, or "".
func (d *doc) phraseCountry(p *phrase) string {
	for _, m := range p.members {
		if a := d.ments[m].Actor; a.Type == dyad.TypeCountry && a.Country != "" {
			return a.Country
		}
	}
	return ""
}

// units returns the units of the tokens [a, b). The marks of a short quotation (see shortQuote) are left out.
func (d *doc) units(a, b int, buf []unit) []unit {
	buf = buf[:0]
	phraseCls := d.lg.class[""] // a phrase's fold is ""
	skip := -1                  // the closing mark of a short quotation being read
	quote, quotes := 0, 0       // the number of the short quotation being read (0: none), and of the last one
	for k := a; k < b; {
		if k == skip {
			skip, quote = -1, 0
			k++
			continue
		}
		if j := d.shortQuote(k, b); j >= 0 {
			skip = j
			quotes++
			quote = quotes
			k++
			continue
		}
		if pi := d.phraseAt[k]; pi >= 0 {
			p := d.phrases[pi]
			last := min(p.last, b-1)
			buf = append(buf, unit{tok: k, last: last, phrase: pi, cls: phraseCls, quote: quote})
			if skip >= 0 && last >= skip {
				skip, quote = -1, 0 // a phrase that ends past the closing mark took it in
			}
			k = last + 1
			continue
		}
		wi := d.info(k)
		buf = append(buf, unit{tok: k, last: k, fold: d.toks[k].Fold, phrase: -1, cls: wi.cls, lead: wi.lead, quote: quote})
		k++
	}
	return buf
}

// capitalized reports whether a word unit is written with a capital (part of a name or title).
func (d *doc) capitalized(u unit) bool {
	r, _ := utf8.DecodeRuneInString(d.toks[u.tok].Text)
	return unicode.IsUpper(r)
}

// allCaps reports whether a word unit is written in capitals, two letters or more ("OUAGADOUGOU", "KIGALI"): a
// dateline's place.
func (d *doc) allCaps(u unit) bool {
	n := 0
	for _, r := range d.toks[u.tok].Text {
		if unicode.IsLetter(r) {
			if !unicode.IsUpper(r) {
				return false
			}
			n++
		}
	}
	return n >= 2
}

// lowerWords counts the tokens in [a, b] that are lower-case words other than determiners and prepositions.
func (d *doc) lowerWords(a, b int) int {
	n := 0
	for k := a; k <= b; k++ {
		t := d.toks[k]
		if t.IsWord() && !t.IsCapitalized() && !d.lg.is(cDet, t.Fold) && !d.lg.is(cPrep, t.Fold) {
			n++
		}
	}
	return n
}

// allHan reports whether the tokens [a, b] are ideographs or the ideographic enumeration comma.
func (d *doc) allHan(a, b int) bool {
	for k := a; k <= b; k++ {
		if t := d.toks[k].Text; t != "、" && !isHan(t) {
			return false
		}
	}
	return true
}

// afterLoc reports whether phrase p stands right after a loc word ("在美国"): a place, not an actor.
func (d *doc) afterLoc(p *phrase) bool {
	return p.first > 0 && d.is(cLoc, p.first-1)
}

// frontedPlace reports whether phrase p is a place that opens its sentence after a loc word ("In Venezuela",
// "Au Mali", "En Colombia"): what follows it is the sentence's subject, not an apposition of the place.
func (d *doc) frontedPlace(p *phrase) bool {
	k := p.first - 1
	if k < 0 || !d.is(cLoc, k) {
		return false
	}
	if k == 0 {
		return true
	}
	f := d.fold(k - 1)
	return f == "." || f == "!" || f == "?" || d.crossesSentence(k-1, k)
}

// nearLoc reports whether a location word stands before phrase p, right before it or over a few ideographs of
// a place name ("在莫斯科克里姆林宫").
func (d *doc) nearLoc(p *phrase) bool {
	for k := p.first - 1; k >= 0 && k >= p.first-5; k-- {
		if d.is(cLoc, k) {
			return true
		}
		if !isHan(d.toks[k].Text) {
			return false
		}
	}
	return false
}

// hasAnd reports whether one of the tokens [a, b] is an "and" word ("与", "和").
func (d *doc) hasAnd(a, b int) bool {
	for k := a; k <= b; k++ {
		if d.is(cAnd, k) {
			return true
		}
	}
	return false
}

// kindTokens marks the tokens [a, b] that lie inside a `kind` phrase of grammar (a noun that tells what sort of
// body the name after it is: "phong trào", "lực lượng bán quân sự", "准军事组织"), or returns nil when none does.
func (d *doc) kindTokens(a, b int) []bool {
	var in []bool
	for k := a; k <= b; k++ {
		for _, sq := range d.lg.kindSeqs[pkKind] {
			if k+len(sq)-1 > b {
				continue
			}
			ok := true
			for i, t := range sq {
				if d.fold(k+i) != t {
					ok = false
					break
				}
			}
			if !ok {
				continue
			}
			if in == nil {
				in = make([]bool, b-a+1)
			}
			for i := range sq {
				in[k-a+i] = true
			}
		}
	}
	return in
}

// kindDesc reports whether the tokens [a, b] describe the second side of a pair by a kind noun: a determiner or
// possessive at most, a `kind` phrase (in marks the tokens of [a, b] inside one), and besides it only
// capitalised words and at most two lower-case words of no closed class ("phong trào Hồi giáo", "lực lượng").
func (d *doc) kindDesc(a, b int, in []bool) bool {
	lg := d.lg
	if a > b {
		return false
	}
	k := a
	if lg.is(cDet|cOwn, d.fold(k)) && !in[0] {
		k++
	}
	kinds, lower := 0, 0
	for ; k <= b; k++ {
		t := d.toks[k]
		switch {
		case in[k-a]:
			kinds++
		case !t.IsWord() || isHan(t.Text) || lg.is(closedClasses, t.Fold):
			return false
		case !t.IsCapitalized():
			lower++
		}
	}
	return kinds > 0 && lower <= 2
}

// onlyDets reports whether the tokens [a, b] are all determiners.
func (d *doc) onlyDets(a, b int) bool {
	for k := a; k <= b; k++ {
		if !d.is(cDet, k) {
			return false
		}
	}
	return true
}

// hasPrep reports whether a preposition lies in the tokens [a, b].
func (d *doc) hasPrep(a, b int) bool {
	for k := a; k <= b; k++ {
		if d.is(cPrep, k) {
			return true
		}
	}
	return false
}

// roleWords reports whether the tokens [a, b] are words that may name a role ("counterpart", "Amtskollegen",
// "top diplomat"): no conjunction, preposition or punctuation.
func (d *doc) roleWords(a, b int) bool {
	for k := a; k <= b; k++ {
		t := d.toks[k]
		if t.Fold == "-" && k > a && k < b && t.Start == d.toks[k-1].End && d.toks[k+1].Start == t.End {
			continue // "die militant-islamistischen Taliban", "de radicaal-islamitische Taliban": one hyphenated word
		}
		if !t.IsWord() || d.lg.is(cAnd|cPrep, t.Fold) {
			return false
		}
	}
	return true
}

// ownBefore reports whether an own word of grammar ("its", "their") stands right before token k, or before one
// lower-case word that is no closed-class word right before it ("its last troops", "their remaining forces").
func (d *doc) ownBefore(k int) bool {
	lg := d.lg
	if k > 0 && lg.is(cOwn, d.fold(k-1)) {
		return true
	}
	if k < 2 || !lg.is(cOwn, d.fold(k-2)) {
		return false
	}
	t := d.toks[k-1]
	return t.IsWord() && !t.IsCapitalized() && !lg.is(closedClasses, t.Fold)
}

// isDash reports whether a token is a dash that parts a dateline's header from the text or an aside from its
// clause ("BERLIN (dpa) - ...", "Ankara (TTXVN 1/8) – ..."): a hyphen, en dash, em dash or a doubled hyphen.
func isDash(tok string) bool {
	switch tok {
	case "-", "–", "—", "--":
		return true
	}
	return false
}
