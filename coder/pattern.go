package coder

import (
	"errors"
	"slices"
	"sort"
)

// element kinds of a pattern.
const (
	kLit  = iota // a word or a sequence of words, with alternatives
	kSlot        // S, T, R, L, H or O: an actor phrase (O: one passed over, "extradited X to T")
	kGap         // ... or ..N: up to N words
	kNot         // !a/b: the next word is none of these (matches nothing)
	// kCount: # , a count of people at or above the language's threshold: a number (digits, "1,000", "200") of at
	// least option count-min=N of grammar, or a word or phrase of grammar class many ("hundreds", "des
	// centaines", "Hunderte", "hàng trăm", "数百"): "killed at least 110 farm workers" is a mass killing
	// (sentence.countAt); #N asks for at least N in digits (elem.max)
	kCount
)

// defaultGap is the width of "...".
const defaultGap = 4

// slack: how many words may lie between a slot and its neighbour, counting lower-case words only (capitalised
// words, part of titles and names, are free up to slackCaps).
const (
	slackLeft  = 4
	slackRight = 5
	slackCaps  = 8
	// slackImported is the slack of imported patterns (those with an origin), on either side.
	slackImported = 2
)

// tokMatch matches one folded token, exactly, as a prefix (written word*), or by its Snowball stem (written
// word~: text is then the folded stem, compared with the stem of the sentence's token).
type tokMatch struct {
	text   string
	prefix bool
	stem   bool
}

// matches compares a folded token with a word or a prefix; stems are compared by sentence.tokOK, which knows
// the token's stem.
func (m tokMatch) matches(fold string) bool {
	if m.prefix {
		return len(fold) >= len(m.text) && fold[:len(m.text)] == m.text
	}
	return fold == m.text
}

// alt is one alternative of a literal: a sequence of tokens.
type alt []tokMatch

// elem is one element of a pattern. Patterns are held for the life of the process and marked by every
// collection (the imported layer has some 100,000 elements): the fields that hold pointers come first, the
// rest is packed.
type elem struct {
	alts []alt
	// has, for a slot written S[w/w] or T[w/w], the words of which the actor phrase must hold one ("expelled
	// three Russian diplomats", "killed by a suicide bomber": the noun that tells the kind of event is inside
	// the phrase)
	has []alt
	// sectors, for a slot written S{COP/MIL}, the sectors of which its actor must have one ("S{COP/MIL} ..10
	// @riotgear": the state's force using tear gas, not protesters throwing it back)
	sectors  []string
	max      int   // gap width; for a count (#N), the least number in digits, 0 for the grammar's count-min
	kind     uint8 // kLit, kSlot, kGap, kNot or kCount
	slot     byte  // 'S', 'T', 'R', 'L', 'H', 'O', 'C', 'P'
	optional bool
	tight    bool // a slot written S! or T!: no words may come between it and its neighbours
	verb     bool // a word written ^word: it must be used as a verb (sentence.verbLike)
	poss     bool // a literal with the alternative 's (or s'): it may match the possessive ending of a phrase
	// bare, for the H of a place twin (placeTwin): a place that is no actor phrase (a country or capital named
	// as an actor is the pattern's T, which the pattern itself reads)
	bare bool
}

// delem is an element as the matcher walks it in one direction. It points at its element in pattern.elems
// (one copy of each element, not two).
type delem struct {
	*elem
	dalts []alt // alts in walking order (reversed for the left side)
	slack int   // words that may be skipped before this element
	// obj, for the last T of an imported pattern after a word: the target is the actor of the verb's object
	// (what PETRARCH reads from its parse), which may stand inside the object's noun phrase ("condemned North
	// Korea's launch", "welcomed the Russian withdrawal") or after it, over one preposition ("delivered 18
	// tanks to Ukraine")
	obj bool
	// mid, for a gap that no side's slot ends: in a verb-second language the middle field's prepositions and
	// determiners do not count in it ("S hat T am Donnerstag zum Auftakt seines Besuchs in der Großen Halle
	// empfangen"; sentence.midfieldWord)
	mid bool
}

// pattern is one line of a verbs file.
type pattern struct {
	code   string // CAMEO code of the event source→target, or NullCode
	code2  string // the code of the event target→source of a paired code ("042:043"), "" when none
	origin string // where the pattern was converted from ("CAMEO.2.0.txt:718"), "" for our own
	id     string // file:line
	text   string
	conf   float64
	elems  []elem
	anchor int     // index of the trigger literal
	right  []delem // elements after the anchor, left to right
	left   []delem // elements before the anchor, right to left
	weight int     // specificity: literal tokens plus slots
	recip  bool    // has an R slot
	place  bool    // has an L (or H) slot: the target is the country of a place
	home   bool    // the slot is H: the place may be in the source's own country (protests, crackdowns)
	// content: the target is C, the first actor or place of another country than the source's named in what
	// follows the pattern's words (the content of a speech act: "expressed condolences over the earthquake in
	// Turkey", "vowed harsh punishment against Israel"; resolved by sentence.contentTarget)
	content bool
	// answer: the content slot is P, a reply whose target is the party answered: the first actor of another
	// country than the source's named before the source ("India struck nine sites in Pakistan, Islamabad vowing
	// to retaliate"; resolved by sentence.answerTarget), else one named in the content as for C
	answer bool
	// placeObj: the pattern is the place twin of a force pattern (placeTwin): its H is the place its object
	// names, and the target is that place's country itself, not its government
	placeObj bool
	// beside: the code is written "041+": the pattern tells the circumstance an act happened in ("warned X in a
	// phone call", "During his visit to Moscow, Xi signed ...", "Bei einem Telefonat mit X hat Y ... gefordert"),
	// an event of its own that one sentence tells beside the act for the same pair (selectCands)
	beside bool
	// oneSided: S and no target slot: an event with no target named (protests, strikes, curfews,
	// resignations under pressure), whose target is the home government (or country) of the event
	oneSided bool
	// state: a one-sided act of the state from a lexicon shape with if=state ("la Policía detuvo al magnate
	// X"): a source that does not act for the state (actsForState) gives no event
	state bool
	// active: S stands before the trigger ("S @arrest T"), so the trigger is an active verb, which a passive
	// auxiliary right before it contradicts ("were arrested")
	active bool
	// agentless: T and no source slot: a passive without its agent ("X was arrested"), whose source is the
	// state at home, or the state actor the sentence names elsewhere
	agentless bool
	// tSubject: T is the pattern's first slot, the subject of a passive ("T was arrested", "T @werd ... door
	// S"), so a subject pronoun ("he", "hij", "er") may fill it
	tSubject bool
	// objT: the pattern's T is an object target (elem.obj)
	objT bool
	// objClause: the act is told in a clause hung on the object after a comma, its subject the sentence's
	// ("S ..14 T , accusandolo di", "S ..20 T , al que acusa de"): a second act on the pair that the main
	// clause's act does not take (selectCands), as a relative clause's is (binding.rel)
	objClause bool
	// need lists, for each word of the pattern besides its trigger that must match, the exact tokens of
	// which one must be in the sentence (one per alternative): a pattern whose need a sentence cannot meet
	// is not tried (sentence.lacks). Words matched by prefix or stem, optional words, the possessive 's and
	// words of more than maxNeedGroup alternatives add none.
	need [][]string
	// inverted: the pattern is the verb-second twin of one written subject first (invertedTwin): it reads
	// only a clause that opens with a fronted phrase (sentence.fronted)
	inverted bool
	// reqBefore and reqAfter list the element sets (elemIndex) of the pattern's required words besides its
	// trigger, those written before it and those after, and reqAny those a match may read on either side: the
	// pattern is tried at a trigger only when the sentence holds them all, each on its side (elemMarks.holds)
	reqBefore, reqAfter, reqAny []int32
	// rightID and leftID name the walking copies right and left by their content (compactPatterns): two
	// patterns of a language whose right sides hold the same elements have the same rightID, so the walk of
	// one from a unit is the other's (sentence.matchAt keeps it for the sentence); 0 when not named
	rightID, leftID int32
}

// finish validates a parsed pattern and prepares it for matching.
func (pt *pattern) finish() error {
	var s, t, r, l int
	pt.anchor = -1
	for i, e := range pt.elems {
		switch e.kind {
		case kSlot:
			switch e.slot {
			case 'S':
				s++
			case 'T':
				t++
			case 'C':
				t++
				pt.content = true
			case 'P':
				t++
				pt.content, pt.answer = true, true
				pt.weight-- // a guess: a pattern that names the target in the clause wins over it
			case 'R':
				r++
			case 'L':
				l++
			case 'O':
				// an object phrase passed over, no side of the event: one word of the pattern
			case 'H':
				l++
				pt.home = true
				pt.weight-- // a fallback: a pattern that names the target wins over one that names a place
			}
			pt.weight++
			if e.has != nil || e.sectors != nil {
				pt.weight++ // the word the phrase must hold, or its sector, counts as a word of the pattern
			}
		case kCount:
			pt.weight++ // a count of people is one word of the pattern
		case kLit:
			// the trigger stands before C (pt.content is set once C is passed): C's content is read forwards
			if !e.optional && !pt.content && (pt.anchor < 0 || anchorScore(e) > anchorScore(pt.elems[pt.anchor])) {
				pt.anchor = i
			}
			if !e.optional {
				n := len(e.alts[0])
				for _, a := range e.alts {
					n = min(n, len(a))
				}
				pt.weight += n
			}
		}
	}
	switch {
	case s > 1 || t > 1 || r > 1 || l > 1:
		return errors.New("a slot (S, T, C, P, R, L or H) may appear once")
	case r == 1 && (s+t+l) > 0:
		return errors.New("slot R (both sides) excludes S, T and L")
	case t == 1 && l == 1:
		return errors.New("slots T and L (the target's place) exclude each other")
	case pt.content && s != 1:
		return errors.New("slot C or P (the target named in the content, or the party answered) needs S")
	case r == 0 && s == 0 && t == 0 && l == 1 && !pt.home:
		return errors.New("slot L needs S: alone, a place is H (an event at a place with no agent named)")
	case r == 0 && s == 0 && (t != 1 || l != 0) && !(t == 0 && l == 1):
		return errors.New("a pattern needs S (with T, L or H, or alone for a one-sided event), T alone (an agentless passive), H alone (no agent named), or R")
	case pt.anchor < 0 && pt.content:
		return errors.New("slot C or P (the target named in the content, or the party answered) must come after a word of the pattern")
	case pt.anchor < 0:
		return errors.New("a pattern needs a word that is not optional (its trigger)")
	}
	for _, a := range pt.elems[pt.anchor].alts {
		if len(a) > maxTrigWords {
			return errors.New("an alternative of the trigger has more than 255 words")
		}
		for _, t := range a {
			if len(t.text) > 1<<16-1 {
				return errors.New("a word of the trigger is longer than 65,535 bytes")
			}
		}
	}
	for i := range pt.elems {
		for _, a := range pt.elems[i].alts {
			n := 0
			for _, t := range a {
				n += len(t.text)
			}
			if n != 2 {
				continue // not "'s" nor "s'": no need to join (large word sets)
			}
			w := ""
			for _, t := range a {
				w += t.text
			}
			pt.elems[i].poss = pt.elems[i].poss || w == "'s" || w == "s'"
		}
	}
	for i, e := range pt.elems {
		if e.kind != kLit || e.optional || e.poss || i == pt.anchor {
			continue
		}
		var group []string
		for _, a := range e.alts {
			k := slices.IndexFunc(a, func(t tokMatch) bool { return !t.prefix && !t.stem })
			if k < 0 {
				group = nil
				break
			}
			if !slices.Contains(group, a[k].text) {
				group = append(group, a[k].text)
			}
		}
		// a large word set (the imported dictionaries' synonym sets) rarely rules a sentence out, and costs
		// more to look for than the match it would save
		if group != nil && len(group) <= maxNeedGroup {
			pt.need = append(pt.need, group)
		}
	}
	pt.recip = r == 1
	pt.place = l == 1
	pt.oneSided = r == 0 && t+l == 0
	for i, e := range pt.elems {
		if e.kind == kSlot && e.slot == 'S' && i < pt.anchor {
			pt.active = true
		}
	}
	pt.agentless = r == 0 && s == 0 && t == 1
	pt.objClause = objClause(pt.elems, pt.anchor)
	// H alone: an event at a place that names no agent ("two car bombs exploded in Mogadishu"): the place's
	// country on both sides, as the place twin of force, the country itself
	pt.placeObj = pt.placeObj || r == 0 && s == 0 && t == 0 && pt.home
	for _, e := range pt.elems {
		if e.kind == kSlot && e.slot != 'O' {
			pt.tSubject = e.slot == 'T'
			break
		}
	}
	// both sides in one allocation: one object less for each pattern
	sides := make([]delem, 0, len(pt.elems)-1)
	pt.left = sides[:0:pt.anchor]
	pt.right = sides[pt.anchor:pt.anchor]
	for i := pt.anchor - 1; i >= 0; i-- {
		e := &pt.elems[i]
		d := delem{elem: e, dalts: e.alts}
		shared := true
		for k, a := range e.alts {
			if len(a) < 2 {
				continue // one token reads the same both ways: share the slice (large word sets)
			}
			if shared {
				d.dalts, shared = slices.Clone(e.alts), false
			}
			ra := slices.Clone(a)
			slices.Reverse(ra)
			d.dalts[k] = ra
		}
		d.mid = midGap(pt.elems, i)
		pt.left = append(pt.left, d)
	}
	for i := pt.anchor + 1; i < len(pt.elems); i++ {
		e := &pt.elems[i]
		pt.right = append(pt.right, delem{elem: e, dalts: e.alts, mid: midGap(pt.elems, i)})
	}
	left, right := slackLeft, slackRight
	if pt.origin != "" {
		// imported patterns were written for a parse that finds the subject and object; without one, a
		// slot may only lie close to its verb
		left, right = slackImported, slackImported
	}
	setSlack(pt.left, left)
	setSlack(pt.right, right)
	if n := len(pt.right); pt.origin != "" && n > 0 && pt.right[n-1].kind == kSlot && pt.right[n-1].slot == 'T' &&
		(n == 1 || pt.right[n-2].kind == kLit) {
		pt.right[n-1].obj = true
		pt.objT = true
	}
	// the first element of each side follows the anchor, a word
	for _, side := range [][]delem{pt.left, pt.right} {
		for j := range side {
			if side[j].kind == kGap {
				side[j].slack = 0
			}
		}
	}
	return nil
}

func setSlack(side []delem, k int) {
	for j := range side {
		if side[j].kind == kSlot || (j > 0 && side[j-1].kind == kSlot) {
			side[j].slack = k
		}
		if side[j].tight || (j > 0 && side[j-1].tight) {
			side[j].slack = 0
		}
	}
}

// maxNeedGroup is the most alternatives a needed word of pattern.need may have.
const maxNeedGroup = 8

// anchor points at one alternative of a pattern's trigger.
type anchor struct {
	pat int32
	// lit is where the alternative's words lie in lang.lits, nlit how many: candidates tests them, and verb
	// (the trigger is written ^word: it must be used as a verb), before it reads the pattern (sentence.trigAt)
	lit  uint32
	nlit uint8
	off  uint8 // index in the alternative of the token indexed
	verb bool
	// key holds up to two of the pattern's required element sets (pattern.reqAfter, reqBefore, reqAny: the
	// rarest), side where each must be held, nkey how many: candidates tests them before it reads the
	// pattern (elemMarks.keyHolds); more: the pattern requires other sets, which elemMarks.holds tests
	key  [2]int32
	side [2]uint8
	nkey uint8
	more bool
	// need holds the bits (wordBit) of the words the pattern needs that have no alternative: a sentence
	// whose words' bits miss one of them cannot match it, which candidates learns without reading the pattern
	need wordMask
}

// maxTrigWords is the most words an alternative of a pattern's trigger may have (anchor.nlit).
const maxTrigWords = 255

// flatTok is a word of lang.lits: a tokMatch whose text is lang.litText[at:at+n], no pointer in it.
type flatTok struct {
	at           uint32
	n            uint16
	prefix, stem bool
}

// wordMask is a set of hashed words: a sentence's words, or those a pattern needs.
type wordMask [2]uint64

// add sets the bit of word w (FNV-1a, 128 bits).
func (m *wordMask) add(w string) {
	h := uint32(2166136261)
	for i := 0; i < len(w); i++ {
		h ^= uint32(w[i])
		h *= 16777619
	}
	b := h % 128
	m[b/64] |= 1 << (b % 64)
}

// covers reports whether every bit of need is in m.
func (m *wordMask) covers(need wordMask) bool {
	return need[0]&^m[0] == 0 && need[1]&^m[1] == 0
}

func sortStrings(s []string) { sort.Strings(s) }

// anchorScore rates a literal as a trigger: the shortest of its first words, since short words ("is", "by",
// "to") are frequent and make poor triggers.
func anchorScore(e elem) int {
	n := 1 << 20
	for _, a := range e.alts {
		n = min(n, len(a[0].text))
	}
	return n
}

// objClause reports whether the elements put S before T, and T right before a comma that the trigger follows:
// the act is told in a clause hung on the object ("S ..14 T , accusandolo di", "S ..20 T , al que acusa de").
func objClause(els []elem, anchor int) bool {
	sAt := slices.IndexFunc(els, func(e elem) bool { return e.kind == kSlot && e.slot == 'S' })
	tAt := slices.IndexFunc(els, func(e elem) bool { return e.kind == kSlot && e.slot == 'T' })
	if sAt < 0 || tAt < sAt || tAt+1 >= len(els) || anchor <= tAt+1 {
		return false
	}
	c := els[tAt+1]
	return c.kind == kLit && !c.optional && len(c.alts) == 1 && len(c.alts[0]) == 1 && c.alts[0][0].text == ","
}

// midGap reports whether element i is a gap whose prepositions and determiners do not count (delem.mid): one
// that a side's slot does not end, so that a phrase the gap's prepositions govern is never taken as the side
// ("hat ... den chinesischen Plan für die Ukraine gewürdigt" is no praise of Ukraine).
func midGap(els []elem, i int) bool {
	if els[i].kind != kGap || i+1 >= len(els) {
		return false
	}
	n := els[i+1]
	return n.kind != kSlot || n.slot != 'S' && n.slot != 'T' && n.slot != 'R'
}
