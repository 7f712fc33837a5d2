package coder

import (
	"errors"
	"fmt"
	"slices"
	"sort"
	"strconv"
	"strings"

	"github.com/dyad-events/dyad/cameo"
	"github.com/dyad-events/dyad/packs"
)

// Verbs as a lexicon, clause shapes as data. A verb of a language whose clauses move the verb about (German
// and Dutch: verb second, the participle and the separable particle at the clause's end, the verb last in a
// subordinate clause) is written once in the language's LexiconFile, with its code and its forms:
//
//	161 | ab+brechen | bricht brechen brach brachen | abgebrochen | zu/mit
//	173 | fest+nehmen | nimmt nehmen nahm nahmen | festgenommen | acc | state
//	057 | vereinbaren | vereinbart vereinbaren vereinbarte vereinbarten | vereinbart | mit | recip
//
// (code | infinitive, a separable particle before `+` | finite forms as a main clause has them, without the
// particle | participles | how the target is governed: acc, dat, prepositions, or - for none | flags: recip,
// state), and the
// language's grammar lists the clause shapes once for every verb:
//
//	vshape | S ^FIN ..6 TGT ..8 PART               main clause; the particle closes it
//	vshape | S @hat ..8 TGT ..6 PP                 perfect
//	vshape | T @passiv ..8 von S ..6 PP | obj=acc  passive
//
// Each shape yields, for each verb it fits, a pattern in which FIN, PP, INF (the infinitive), VL (the
// verb-final forms: the particle joined to a finite form) and PART (the particle; with the gap before it, it
// is left out for a verb that has none) stand for the verb's forms and TGT for its target (`T`, or the
// prepositions and `T`). The derived patterns are ours like any other: they get the verb-second twin and the
// other twins, and are added after the verbs files, so a hand-written pattern as specific wins the tie.

// LexiconFile holds a language's verbs, one entry a line (lexicon.go).
const LexiconFile = "lexicon"

// The placeholders of a verb shape.
const (
	vphFin  = "FIN"
	vphPP   = "PP"
	vphInf  = "INF"
	vphVL   = "VL"
	vphPart = "PART"
	vphTgt  = "TGT"
)

// The ways a verb governs its target.
const (
	objAcc  = "acc"  // a direct object, which a passive makes its subject
	objDat  = "dat"  // an object without a preposition, which no passive makes a subject
	objPrep = "prep" // after one of the entry's prepositions
	objNone = "none" // no target: a one-sided event
)

// lexFlags are the flags a lexicon entry may carry.
var lexFlags = map[string]string{
	"recip": "two sides as the subject do it together (A und B haben ... vereinbart)",
	"state": "an act of the state that may have no actor as its object (hat 25 Personen festgenommen: the state against its own country)",
}

// lexVerb is one entry of LexiconFile.
type lexVerb struct {
	file      string
	n         int
	code      string
	inf       string // the infinitive as written, without "+"
	particle  string
	fin, pp   []string
	obj       string // objAcc, objDat, objPrep or objNone
	preps     string // the prepositions, as alternatives a/b
	flags     map[string]bool
	finAlts   []alt
	ppAlts    []alt
	vlAlts    []alt
	infAlt    alt
	partAlt   alt
	setPrefix string
}

// verbShape is one `vshape` line of a language's grammar.
type verbShape struct {
	file  string
	n     int
	text  string
	frame string
	obj   map[string]bool // the ways of governing a target it fits (obj=acc/dat); nil: any with a target, or none without TGT
	flags []string        // the flags a verb must have (if=recip)
	tgap  int             // the words a prepositional target may stand after its preposition (tgap=N; 0: the default 2)
}

// addVerbShape records a grammar line `vshape | PATTERN [| obj=KIND/KIND] [| if=FLAG] [| frame=NAME] [| tgap=N]`.
func (lg *lang) addVerbShape(l packs.Line) error {
	if len(l.Fields) < 2 || !hasToken(l.Fields[1], vphFin, vphPP, vphInf, vphVL) {
		return errors.New("want vshape | PATTERN [| obj=KIND/KIND] [| if=FLAG] [| frame=NAME], the pattern holding FIN, PP, INF or VL")
	}
	sh := verbShape{file: l.File, n: l.N, text: l.Fields[1]}
	for _, o := range l.Fields[2:] {
		for _, o := range strings.Fields(o) {
			k, v, _ := strings.Cut(o, "=")
			switch {
			case k == "frame" && v != "":
				sh.frame = v
			case k == "obj" && v != "":
				sh.obj = map[string]bool{}
				for _, c := range strings.Split(v, "/") {
					if c != objAcc && c != objDat && c != objPrep && c != objNone {
						return fmt.Errorf("vshape: obj=%s: want acc, dat, prep or none", c)
					}
					sh.obj[c] = true
				}
			case k == "tgap" && v != "":
				n, err := strconv.Atoi(v)
				if err != nil || n < 1 || n > 20 {
					return fmt.Errorf("vshape: tgap=%s: want a number of words, 1 to 20", v)
				}
				sh.tgap = n
			case k == "if" && v != "":
				if _, ok := lexFlags[v]; !ok {
					return fmt.Errorf("vshape: if=%s: want one of %s", v, keysOf(lexFlags))
				}
				sh.flags = append(sh.flags, v)
			default:
				return fmt.Errorf("vshape option %q: want obj=KIND/KIND, if=FLAG, frame=NAME or tgap=N", o)
			}
		}
	}
	lg.vshapes = append(lg.vshapes, sh)
	return nil
}

// hasToken reports whether a pattern text holds one of the placeholders as a token of its own (after a
// verb marker ^).
func hasToken(text string, names ...string) bool {
	for _, t := range strings.Fields(text) {
		t = strings.TrimPrefix(t, "^")
		for _, n := range names {
			if t == n {
				return true
			}
		}
	}
	return false
}

func keysOf(m map[string]string) string {
	var ks []string
	for k := range m {
		ks = append(ks, k)
	}
	sort.Strings(ks)
	return strings.Join(ks, ", ")
}

// parseLexVerb reads one line of LexiconFile.
func (lg *lang) parseLexVerb(l packs.Line, cb *cameo.Codebook) (*lexVerb, error) {
	if len(l.Fields) < 5 {
		return nil, l.Errorf("want CODE | INFINITIVE | FINITE FORMS | PARTICIPLES | TARGET [| FLAG ...], got %d fields", len(l.Fields))
	}
	v := &lexVerb{file: l.File, n: l.N, code: l.Fields[0], flags: map[string]bool{}}
	if cb != nil {
		if _, ok := cb.Lookup(v.code); !ok {
			return nil, l.Errorf("unknown CAMEO code %q", v.code)
		}
	} else if !cameo.ValidSyntax(v.code) {
		return nil, l.Errorf("bad CAMEO code %q", v.code)
	}
	inf := l.Fields[1]
	if strings.Count(inf, "+") > 1 || strings.ContainsAny(inf, " /") {
		return nil, l.Errorf("infinitive %q: want one word, a separable particle before +", inf)
	}
	v.particle, v.inf, _ = cutPlus(inf)
	if v.particle != "" {
		a, err := lg.parseAlt(v.particle)
		if err != nil {
			return nil, l.Errorf("particle: %v", err)
		}
		v.partAlt = a
	}
	a, err := lg.parseAlt(v.particle + v.inf)
	if err != nil {
		return nil, l.Errorf("infinitive: %v", err)
	}
	v.infAlt = a
	v.fin = strings.Fields(l.Fields[2])
	if len(v.fin) == 0 {
		return nil, l.Errorf("no finite forms")
	}
	for _, f := range v.fin {
		a, err := lg.parseAlt(f)
		if err != nil {
			return nil, l.Errorf("finite form: %v", err)
		}
		v.finAlts = append(v.finAlts, a)
		a, err = lg.parseAlt(v.particle + f)
		if err != nil {
			return nil, l.Errorf("verb-final form: %v", err)
		}
		v.vlAlts = append(v.vlAlts, a)
	}
	if pp := strings.TrimSpace(l.Fields[3]); pp != "-" {
		v.pp = strings.Fields(pp)
		for _, f := range v.pp {
			a, err := lg.parseAlt(f)
			if err != nil {
				return nil, l.Errorf("participle: %v", err)
			}
			v.ppAlts = append(v.ppAlts, a)
		}
	}
	switch t := strings.TrimSpace(l.Fields[4]); t {
	case "-":
		v.obj = objNone
	case objAcc, objDat:
		v.obj = t
	default:
		for _, p := range strings.Split(t, "/") {
			if _, err := lg.parseAlt(p); err != nil || p == "" {
				return nil, l.Errorf("target %q: want acc, dat, -, or prepositions a/b", t)
			}
		}
		v.obj, v.preps = objPrep, t
	}
	for _, f := range l.Fields[5:] {
		for _, f := range strings.Fields(f) {
			if _, ok := lexFlags[f]; !ok {
				return nil, l.Errorf("flag %q: want one of %s", f, keysOf(lexFlags))
			}
			v.flags[f] = true
		}
	}
	return v, nil
}

// cutPlus splits "ab+brechen" into its particle and the rest.
func cutPlus(s string) (particle, rest string, ok bool) {
	if p, r, ok := strings.Cut(s, "+"); ok {
		return p, r, true
	}
	return "", s, false
}

// fits reports whether shape sh applies to verb v.
func (sh verbShape) fits(v *lexVerb) bool {
	for _, f := range sh.flags {
		if !v.flags[f] {
			return false
		}
	}
	hasTgt := hasToken(sh.text, vphTgt)
	switch {
	case sh.obj != nil:
		if !sh.obj[v.obj] || hasTgt && v.obj == objNone {
			return false
		}
	case hasTgt:
		if v.obj == objNone {
			return false
		}
	case len(sh.flags) == 0:
		// no target placeholder, no condition: a shape for one-sided verbs only
		if v.obj != objNone {
			return false
		}
	}
	if hasToken(sh.text, vphPP) && len(v.pp) == 0 {
		return false
	}
	return true
}

// expand writes shape sh out for verb v, its forms as the word sets set-prefix-fin and so on.
func (sh verbShape) expand(v *lexVerb) string {
	toks := strings.Fields(sh.text)
	out := make([]string, 0, len(toks)+1)
	for _, t := range toks {
		mark := ""
		if strings.HasPrefix(t, "^") {
			mark, t = "^", t[1:]
		}
		switch t {
		case vphFin:
			out = append(out, mark+v.setPrefix+"-fin")
		case vphPP:
			out = append(out, mark+v.setPrefix+"-pp")
		case vphVL:
			out = append(out, mark+v.setPrefix+"-vl")
		case vphInf:
			out = append(out, mark+v.setPrefix+"-inf")
		case vphPart:
			if v.particle == "" {
				// no particle: leave it out, with the gap that leads to it
				if n := len(out); n > 0 && isGapToken(out[n-1]) {
					out = out[:n-1]
				}
				continue
			}
			out = append(out, v.setPrefix+"-part")
		case vphTgt:
			if v.obj == objPrep {
				// the target stands within two words of its preposition (its determiner and an adjective): "mit
				// der Ukraine", but "aus Protest gegen die Eröffnung einer taiwanischen Vertretung" is no "aus T";
				// a shape may allow more (tgap=N: a language whose attributes stand before the noun, "同来访的X")
				gap := "..2"
				if sh.tgap > 0 {
					gap = fmt.Sprintf("..%d", sh.tgap)
				}
				out = append(out, v.preps, gap, "T!")
			} else {
				out = append(out, "T")
			}
		default:
			out = append(out, mark+t)
		}
	}
	return strings.Join(out, " ")
}

func isGapToken(t string) bool {
	return t == "..." || strings.HasPrefix(t, "..")
}

// lexiconPatterns reads the language's LexiconFile and returns the patterns its grammar's verb shapes derive
// for its verbs; the verbs' forms become word sets of sets.
func (lg *lang) lexiconPatterns(p *packs.Set, fm frameMaps, sets map[string][]alt, cb *cameo.Codebook) ([]*pattern, []error) {
	files, err := p.Files(packs.Join(lg.code, LexiconFile))
	if err != nil {
		return nil, []error{err}
	}
	var verbs []*lexVerb
	var errs []error
	for _, f := range files {
		for l := range f.Lines() {
			v, err := lg.parseLexVerb(l, cb)
			if err != nil {
				errs = append(errs, err)
				continue
			}
			v.setPrefix = fmt.Sprintf("@lex%d", len(verbs))
			sets[v.setPrefix+"-fin"] = v.finAlts
			sets[v.setPrefix+"-vl"] = v.vlAlts
			sets[v.setPrefix+"-inf"] = []alt{v.infAlt}
			if len(v.ppAlts) > 0 {
				sets[v.setPrefix+"-pp"] = v.ppAlts
			}
			if v.partAlt != nil {
				sets[v.setPrefix+"-part"] = []alt{v.partAlt}
			}
			verbs = append(verbs, v)
		}
	}
	if len(verbs) > 0 && len(lg.vshapes) == 0 {
		errs = append(errs, fmt.Errorf("%s:%d: verbs in %s, but the grammar has no vshape line", verbs[0].file, verbs[0].n, LexiconFile))
	}
	var out []*pattern
	for _, v := range verbs {
		for _, sh := range lg.vshapes {
			if !sh.fits(v) {
				continue
			}
			code, err := fm.shapeCode("vshape", sh.file, sh.n, sh.frame, v.code)
			if err != nil {
				errs = append(errs, err)
				continue
			}
			l := packs.Line{File: v.file, N: v.n, Fields: []string{code, sh.expand(v)}}
			pt, err := lg.parsePattern(l, sets, cb)
			if err != nil {
				errs = append(errs, fmt.Errorf("%v (shape %s:%d)", err, sh.file, sh.n))
				continue
			}
			inf := v.inf
			if v.particle != "" {
				inf = v.particle + "+" + v.inf
			}
			pt.text = fmt.Sprintf("%s (verb %s, shape %s:%d)", pt.text, inf, sh.file, sh.n)
			pt.state = pt.oneSided && slices.Contains(sh.flags, "state")
			out = append(out, pt)
		}
	}
	return out, errs
}
