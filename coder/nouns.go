package coder

import (
	"errors"
	"fmt"
	"slices"
	"strings"

	"github.com/dyad-events/dyad/cameo"
	"github.com/dyad-events/dyad/packs"
)

// NounsFile holds the codes an event gets when a noun of a class tells what kind of act it is: a rescue team
// or a relief convoy that arrives is aid delivered (073), not a visit (042); a police contingent landing for a
// mission is peacekeeping (074); a ceasefire agreement signed is 0871, not any agreement (057); security
// forces firing on protesters repress them (175). The nouns of each class are data of each language's
// grammar (`noun | NAME | word ...`); the codes are the same for every language.
const NounsFile = "cameo/nouns"

// Sides of a match where a noun class is looked for.
const (
	sideSubject = "subject" // the subject's noun phrase: the words before S up to the clause's start, S itself, and the words between S and the verb
	sideObject  = "object"  // the verb's object: the match after the verb (or after S), the target included, and a few words after it
)

// nounMaps maps a noun class and a side to its code map (a TO of NullCode means no event).
type nounMaps map[string]map[string]codeMap

// loadNouns reads NounsFile: lines `NAME | SIDE | FROM>TO ...`.
func loadNouns(p *packs.Set, cb *cameo.Codebook) (nounMaps, []error) {
	nm := nounMaps{}
	files, err := p.Files(NounsFile)
	if err != nil {
		return nm, []error{err}
	}
	var errs []error
	for _, f := range files {
		for l := range f.Lines() {
			if len(l.Fields) < 3 || l.Fields[0] == "" {
				errs = append(errs, l.Errorf("want NAME | subject|object | FROM>TO | ..."))
				continue
			}
			name, side := l.Fields[0], l.Fields[1]
			if side != sideSubject && side != sideObject {
				errs = append(errs, l.Errorf("noun class %s: side %q is neither %s nor %s", name, side, sideSubject, sideObject))
				continue
			}
			if nm[name] == nil {
				nm[name] = map[string]codeMap{}
			}
			m := nm[name][side]
			if m == nil {
				m = codeMap{}
				nm[name][side] = m
			}
			errs = append(errs, m.addPairs(l, "noun class "+name+" "+side, l.Fields[2:], cb, true)...)
		}
	}
	return nm, errs
}

// apply returns the code that event code becomes when a noun of class name stands on side, and whether the
// class maps it there.
func (nm nounMaps) apply(name, side, code string) (string, bool) { return nm[name][side].apply(code) }

// checkNouns reports the noun classes a language's grammar names that NounsFile does not define.
func checkNouns(langs map[string]*lang, nm nounMaps) []error {
	var errs []error
	for _, lg := range langs {
		errs = append(errs, undefinedClasses(lg, lg.nouns, func(n string) bool { _, ok := nm[n]; return ok || lg.actCodes[n] != "" }, "noun class", NounsFile+" or "+NounActsFile)...)
	}
	return errs
}

// nounWords is one noun class's words in a language: "rescue team", "sauveteur~", "救援队".
type nounWords struct {
	name  string
	where string // file:line of the grammar line, for errors
	alts  []alt
}

func (nw nounWords) class() (name, where string) { return nw.name, nw.where }

// addNouns records a grammar line `noun | NAME | word ...`: each entry is a word or words (spaces between
// them), the last of which may end in * (a prefix) or ~ (every form of it), as in a pattern.
func (lg *lang) addNouns(where string, fields []string) error {
	if len(fields) < 3 || fields[1] == "" {
		return errors.New("want noun | NAME | word | word")
	}
	nw := nounWords{name: fields[1], where: where}
	for _, e := range fields[2:] {
		if e = strings.Join(strings.Fields(e), "_"); e == "" {
			continue
		}
		a, err := lg.parseAlt(e)
		if err != nil {
			return fmt.Errorf("noun class %s: %w", nw.name, err)
		}
		nw.alts = append(nw.alts, a)
	}
	lg.nounIx.add(len(lg.nouns), nw.alts)
	lg.nouns = append(lg.nouns, nw)
	return nil
}

// nounIndex leads from a token to the alternatives of the noun classes (lang.nouns) that can begin there, by
// the alternative's first token: its word, its stem, or (a short list, tried at every token) its prefix.
type nounIndex struct {
	words, stems map[string][]nounAlt
	prefixes     []nounAlt
}

// nounAlt is one alternative of the noun class lang.nouns[class].
type nounAlt struct {
	class int
	a     alt
}

func (x *nounIndex) add(class int, alts []alt) {
	for _, a := range alts {
		na := nounAlt{class, a}
		switch {
		case a[0].stem:
			if x.stems == nil {
				x.stems = map[string][]nounAlt{}
			}
			x.stems[a[0].text] = append(x.stems[a[0].text], na)
		case a[0].prefix:
			x.prefixes = append(x.prefixes, na)
		default:
			if x.words == nil {
				x.words = map[string][]nounAlt{}
			}
			x.words[a[0].text] = append(x.words[a[0].text], na)
		}
	}
}

// altAt reports whether tokens k... (up to last) match the token sequence a, as tokensHave compares them.
func (d *doc) altAt(a alt, k, last int) bool {
	if k+len(a)-1 > last {
		return false
	}
	for i, tm := range a {
		if tm.stem {
			if d.lg.stemmer == nil || d.stemTok(k+i) != tm.text {
				return false
			}
		} else if !tm.matches(d.toks[k+i].Fold) {
			return false
		}
	}
	return true
}

// nounClassesIn marks in has (one bit a class of lang.nouns) the classes one of whose words tokens
// first..last hold: for every class c, has[c] is what tokensHave(first, last, lang.nouns[c].alts) answers.
func (d *doc) nounClassesIn(first, last int, has []uint64) {
	x := &d.lg.nounIx
	mark := func(nas []nounAlt, k int) {
		for _, na := range nas {
			if has[na.class/64]&(1<<(na.class%64)) == 0 && d.altAt(na.a, k, last) {
				has[na.class/64] |= 1 << (na.class % 64)
			}
		}
	}
	for k := first; k <= last; k++ {
		mark(x.words[d.toks[k].Fold], k)
		if len(x.stems) > 0 && d.lg.stemmer != nil {
			mark(x.stems[d.stemTok(k)], k)
		}
		mark(x.prefixes, k)
	}
}

// maxNounLead is the most units before S that its noun phrase may hold ("une soixantaine de sauveteurs et de
// maîtres-chiens de l'unité militaire d'urgence S"; a sector noun of one word, "militaire", is a word of it), and maxNounTail the most words after the match that its object may go on over (a date's words not counted).
const (
	maxNounLead = 14
	maxNounTail = 6
)

// nouned returns the code a match's event gets under the noun classes of the language whose words stand in
// its subject's noun phrase or in its object (NounsFile), and the class that changed it ("" when none). The
// subject is looked at first: "a rescue team arrived in T" is aid whatever it carries.
func (s *sentence) nouned(b binding, code string) (string, string) {
	lg := s.d.lg
	if len(lg.nouns) == 0 || s.d.c == nil || len(s.d.c.nouns) == 0 {
		return code, ""
	}
	sp := -1 // the unit of S
	if b.s >= 0 {
		for p := b.lo; p <= b.hi && p < len(s.u); p++ {
			if s.u[p].phrase == b.s {
				sp = p
				break
			}
		}
	}
	var subj, obj [][2]int // token ranges
	lo := b.lo             // the object's first unit
	if sp >= 0 {
		// the subject's noun phrase: back from S to a stop, another actor, a barrier, a word of the pattern or
		// the sentence's start; on from S to the verb (the first word of the pattern after it)
		first := sp
		for p := sp - 1; p >= 0 && sp-p <= maxNounLead; p-- {
			if s.u[p].phrase >= 0 && !s.wordPhrase(p) && !s.attributive(p) || s.barrierAt(p) || s.nounStop(p) || slices.Contains(b.lits, p) {
				break
			}
			first = p
		}
		verb := sp
		for _, k := range b.lits {
			if k > sp && (verb == sp || k < verb) {
				verb = k
			}
		}
		if verb == sp {
			verb = sp + 1 // S ends the match: its phrase alone
		}
		subj = append(subj, [2]int{s.u[first].tok, s.u[verb-1].last})
		if sp < b.trig {
			lo = verb // the object: the rest of the match after the verb
		} else if sp > lo {
			// S after the verb ("T was hit by S", inverted order): the object is what comes before S
			obj = append(obj, [2]int{s.u[lo].tok, s.u[first].tok - 1})
			lo = sp + 1
		}
	}
	if lo <= b.hi && lo < len(s.u) {
		obj = append(obj, [2]int{s.u[lo].tok, s.u[b.hi].last})
	}
	// the object goes on past the match over words of its noun phrase ("signed an agreement on a ceasefire")
	end := b.hi
	for p, n := b.hi+1, 0; p < len(s.u) && n < maxNounTail; p++ {
		if s.sameList(b.t, s.u[p].phrase) {
			end = p // the target's list goes on: "promised Israel and the United States a crushing response"
			continue
		}
		if s.u[p].phrase >= 0 || s.barrierAt(p) || s.nounStop(p) {
			break
		}
		end = p
		if !s.isDate(p) {
			n++ // a date counts for nothing: "landed in Turkey on Tuesday with a search and rescue team"
		}
	}
	if end > b.hi {
		obj = append(obj, [2]int{s.u[b.hi+1].tok, s.u[end].last})
	}
	has := make([]uint64, (len(lg.nouns)+63)/64)
	for _, side := range []struct {
		name   string
		ranges [][2]int
	}{{sideSubject, subj}, {sideObject, obj}} {
		// the classes whose words the side holds, then the first of them (in the grammar's order) that
		// changes the code
		clear(has)
		for _, r := range side.ranges {
			s.d.nounClassesIn(r[0], r[1], has)
		}
		for c, nw := range lg.nouns {
			if has[c/64]&(1<<(c%64)) == 0 {
				continue
			}
			if to, ok := s.d.c.nouns.apply(nw.name, side.name, code); ok {
				return to, nw.name
			}
		}
	}
	return code, ""
}

// nounStop reports whether unit p ends a noun phrase that the noun classes read: a comma or a mark of no
// letters that does not join the two halves of a hyphenated word ("maîtres-chiens").
func (s *sentence) nounStop(p int) bool {
	t := s.d.toks[s.u[p].tok]
	if t.IsWord() || s.u[p].phrase >= 0 {
		return false
	}
	for _, r := range t.Text {
		if r >= '0' && r <= '9' {
			return false // "sixty", "60", "1.000"
		}
	}
	k, toks := s.u[p].tok, s.d.toks
	return toks[k].Text != "-" || k == 0 || k+1 >= len(toks) || toks[k-1].End != toks[k].Start || toks[k].End != toks[k+1].Start
}

// tokensHave reports whether tokens first..last hold one of the words alts (each a sequence of tokens),
// compared folded, by prefix or by stem as a pattern word is.
func (s *sentence) tokensHave(first, last int, alts []alt) bool {
	return s.d.tokensHave(first, last, alts)
}

// tokensHave reports whether tokens first..last hold one of the words alts, as sentence.tokensHave.
func (d *doc) tokensHave(first, last int, alts []alt) bool {
	for k := first; k <= last; k++ {
	next:
		for _, a := range alts {
			if k+len(a)-1 > last {
				continue
			}
			for i, tm := range a {
				t := d.toks[k+i]
				if tm.stem {
					if d.lg.stemmer == nil || d.stemTok(k+i) != tm.text {
						continue next
					}
				} else if !tm.matches(t.Fold) {
					continue next
				}
			}
			return true
		}
	}
	return false
}

// nounSetPrefix names the word set of a noun class in a language's verbs files: `@noun-money` is every word
// of grammar's `noun | money | ...` lines, so that a pattern may require a noun of a class ("will provide
// $5 billion to T", `070 | S @provide ..8 @noun-money ..6 to T`) that the class's code map then refines.
const nounSetPrefix = "@noun-"

// nounMission is the noun class of contingents and peacekeepers (grammar `noun | mission | ...`).
const nounMission = "mission"

// nounVisit is the noun class of visits and trips (grammar `noun | visit | ...`).
const nounVisit = "visit"

// nounSets returns the word sets of the noun classes nws, one per class (its lines joined).
func nounSets(nws []nounWords) map[string][]alt {
	sets := map[string][]alt{}
	for _, nw := range nws {
		name := nounSetPrefix + nw.name
		sets[name] = append(sets[name], nw.alts...)
	}
	return sets
}

// sameList reports whether phrases a and b are two members of one list ("A, B and C").
func (s *sentence) sameList(a, b int) bool {
	if a < 0 || b < 0 || a == b {
		return false
	}
	return slices.Contains(s.d.phrases[a].list, b)
}

// nounJoint is the noun class of what two sides do together ("joint", "conjoint~", "gemeinsam~", "chung", "联合"):
// grammar `noun | joint | ...`.
const nounJoint = "joint"

// jointShow reports whether a show of force (15) is told of a list of sides ("La Russie et le Bélarus", "the
// navies of South Africa, Russia and China") whose exercise a joint word qualifies in the match: their
// cooperation (062), not each side's show of force against the place named after it. One side alone keeps
// its show of force, joint as its branches' drills may be ("联合演习" around Taiwan).
func (s *sentence) jointShow(cd candidate) bool {
	if !strings.HasPrefix(cd.codeOf(), "15") || cd.b.s < 0 || cd.b.lo < 0 || cd.b.hi >= len(s.u) {
		return false
	}
	l := s.d.listAt(cd.b.s)
	if len(l) < 2 || s.d.phrases[cd.b.s].between {
		return false
	}
	first, last := s.u[cd.b.lo].tok, s.u[cd.b.hi].last
	for _, nw := range s.d.lg.nouns {
		if nw.name == nounJoint && s.d.tokensHave(first, last, nw.alts) {
			return true
		}
	}
	return false
}

// nounBefore reports whether a noun of class name stands among the n tokens before token k: "a **contingent**
// of 900 soldiers", "un **contingent** de 2 000 soldats".
func (d *doc) nounBefore(name string, k, n int) bool {
	first := max(k-n, 0)
	if first > k-1 {
		return false
	}
	for _, nw := range d.lg.nouns {
		if nw.name == name && d.tokensHave(first, k-1, nw.alts) {
			return true
		}
	}
	return false
}
