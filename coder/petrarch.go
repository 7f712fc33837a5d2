package coder

import (
	"bufio"
	"fmt"
	"io"
	"regexp"
	"strconv"
	"strings"
	"sync"
	"unicode"

	"github.com/dyad-events/dyad/cameo"
	"github.com/dyad-events/dyad/packs"
	"github.com/dyad-events/dyad/text"
)

// PetrarchOptions says how to convert a PETRARCH/TABARI verb dictionary.
type PetrarchOptions struct {
	Lang   string // the language of the dictionary (en, es): its stemmer and grammar
	Source string // the source file's name as origins show it ("CAMEO.2.0.txt")
	Prefix string // prefix of the word-set names written, so that they cannot clash with ours ("pe")
	// StemWords writes the pattern's words as word~: for dictionaries whose patterns name lemmas
	// (UniversalPetrarch matches lemmas of a parse), not word forms.
	StemWords bool
	// Conf is the confidence of the converted patterns (default 0.6: they are matched without the parse
	// they were written for).
	Conf float64
	// Codebook validates the codes (nil: syntax only).
	Codebook *cameo.Codebook
	// Packs gives the language's grammar (elision) and our own verbs, so that the converted lines are
	// checked as the loader will read them; nil for the embedded packs without the third-party layer.
	Packs *packs.Set
}

// ourLangs is the coder data of our embedded packs, read once for conversions (it is only read).
var (
	ourLangsOnce sync.Once
	ourLangs     map[string]*lang
)

// PetrarchIssue is a line of the source dictionary that the converter could not express.
type PetrarchIssue struct {
	Line   int
	Reason string
}

// PetrarchResult is a converted dictionary.
type PetrarchResult struct {
	Text     string          // the verbs file
	Sets     int             // word sets written
	Patterns int             // pattern lines written
	Issues   []PetrarchIssue // lines not expressed (each named; none dropped silently)
}

// petrarch holds the state of one conversion.
type petrarch struct {
	opt     PetrarchOptions
	lg      *lang
	sets    map[string][]alt // every set defined so far (ours first), to check lines as the loader will
	synsets map[string]string
	out     strings.Builder
	res     *PetrarchResult
	// the verb block being read
	block     string
	blockLine int
	blockCode string
	verbs     []pVerb
	pending   []pPattern
}

type pVerb struct {
	forms []string // in dyad syntax
	code  string   // its own default code, "" for the block's
	line  int
}

type pPattern struct {
	text string
	line int
}

var (
	blockRe = regexp.MustCompile(`^---\s*([^\[]*?)\s*(?:\[([^\]]*)\]|---|$)`)
	codeRe  = regexp.MustCompile(`\[([^\]]*)\]\s*$`)
)

// ConvertPetrarchVerbs converts a PETRARCH2 / UniversalPetrarch verb dictionary into dyad's verbs language
// (docs/patterns.md, "Imported PETRARCH dictionaries"): synonym sets become word sets, each verb block a word
// set of its verbs with a default pattern "S verb T" for its code, and each pattern line a pattern whose
// words keep their order, with $ and + as S and T. Every pattern line names its origin (Source:line).
func ConvertPetrarchVerbs(r io.Reader, opt PetrarchOptions) (*PetrarchResult, error) {
	if opt.Prefix == "" {
		opt.Prefix = "pe"
	}
	if opt.Conf == 0 {
		opt.Conf = 0.6
	}
	if opt.Source == "" {
		opt.Source = "petrarch"
	}
	p := &petrarch{opt: opt, synsets: map[string]string{}, res: &PetrarchResult{}, sets: map[string][]alt{}}
	set := opt.Packs
	var langs map[string]*lang
	if set == nil {
		set = packs.Embedded(false)
		ourLangsOnce.Do(func() { ourLangs, _ = loadAll(set, nil) })
		langs = ourLangs
	} else {
		langs, _ = loadAll(set, opt.Codebook)
	}
	// our own data of the language: its grammar (elision) and word sets, whose names must not clash
	p.lg = langs[opt.Lang]
	if p.lg == nil {
		p.lg = newLang(opt.Lang)
	}
	if files, err := set.Files(packs.Join(opt.Lang, VerbsFile)); err == nil {
		for _, f := range files {
			for l := range f.Lines() {
				if strings.HasPrefix(l.Fields[0], "@") {
					_ = p.lg.parseSet(l, p.sets)
				}
			}
		}
	}
	sc := bufio.NewScanner(r)
	sc.Buffer(make([]byte, 1<<20), 1<<20)
	var lines []string
	for sc.Scan() {
		lines = append(lines, strings.TrimSpace(stripComment(sc.Text())))
	}
	// pass 1: synonym sets, which patterns anywhere in the file may use
	var synName string
	var synForms []string
	var synLine int
	flushSyn := func() {
		if synName != "" {
			p.writeSet(synName, synForms, synLine)
		}
		synName, synForms = "", nil
	}
	for i, t := range lines {
		switch {
		case strings.HasPrefix(t, "&"):
			flushSyn()
			synName, synLine = t[1:], i+1
		case strings.HasPrefix(t, "+") && synName != "":
			synForms = append(synForms, p.synMember(t[1:], strings.HasSuffix(synName, "_"), i+1)...)
		case t == "":
		default:
			flushSyn()
		}
	}
	flushSyn()
	// pass 2: verb blocks
	inSyn := false
	for i, t := range lines {
		n := i + 1
		if t == "" {
			continue
		}
		switch {
		case strings.HasPrefix(t, "&"):
			p.flushBlock()
			inSyn = true
		case strings.HasPrefix(t, "+") && inSyn:
		case strings.HasPrefix(t, "---"):
			inSyn = false
			p.flushBlock()
			m := blockRe.FindStringSubmatch(t)
			if m == nil {
				p.issue(n, "verb block header without [code]")
				continue
			}
			p.block, p.blockLine, p.blockCode = strings.Trim(strings.TrimSpace(m[1]), "-"), n, strings.TrimSpace(m[2])
			if p.blockCode == "" {
				p.blockCode = NullCode // no code: the verbs alone code nothing
			}
		case strings.HasPrefix(t, "-"):
			if p.block == "" {
				p.issue(n, "pattern outside a verb block")
				continue
			}
			p.pending = append(p.pending, pPattern{text: strings.TrimSpace(t[1:]), line: n})
		case strings.HasPrefix(t, "~"):
			p.issue(n, "verb transformation (~): not expressed (needs a parse of the embedded clause)")
		case p.block != "":
			inSyn = false
			if len(p.pending) > 0 {
				p.issue(n, "verb line after the block's patterns: read as a verb of the block")
			}
			p.readVerb(t, n)
		default:
			inSyn = false
			p.issue(n, "line outside a synonym set or verb block")
		}
	}
	if err := sc.Err(); err != nil {
		return nil, err
	}
	p.flushBlock()
	var hdr strings.Builder
	fmt.Fprintf(&hdr, "# Converted from %s by `dyad dict import --format petrarch-verbs` (see NOTICE); regenerate, do not edit.\n", opt.Source)
	fmt.Fprintf(&hdr, "# %d word sets, %d patterns; %d source lines not expressed (reported by the importer).\n", p.res.Sets, p.res.Patterns, len(p.res.Issues))
	fmt.Fprintf(&hdr, "# Each pattern's 4th field names its line in %s.\n\n", opt.Source)
	p.res.Text = hdr.String() + p.out.String()
	return p.res, nil
}

// stripComment removes a "#" comment (and TABARI's ";" and <!-- --> ones).
func stripComment(s string) string {
	if i := strings.Index(s, "#"); i >= 0 {
		s = s[:i]
	}
	if i := strings.Index(s, ";"); i >= 0 {
		s = s[:i]
	}
	if i := strings.Index(s, "<!--"); i >= 0 {
		s = s[:i]
	}
	return s
}

func (p *petrarch) issue(line int, format string, args ...any) {
	p.res.Issues = append(p.res.Issues, PetrarchIssue{Line: line, Reason: fmt.Sprintf(format, args...)})
}

// setName makes a word-set name of ours for a PETRARCH name: prefixed, lower case, letters digits _ -.
func (p *petrarch) setName(name string) string {
	var b strings.Builder
	b.WriteString("@" + p.opt.Prefix + "_")
	for _, r := range strings.ToLower(strings.Trim(name, "_")) {
		if unicode.IsLetter(r) || unicode.IsDigit(r) || r == '_' || r == '-' {
			b.WriteRune(r)
		} else {
			b.WriteRune('_')
		}
	}
	return b.String()
}

// word converts one PETRARCH word (words joined by _ allowed) to a dyad form; ok is false when it holds
// characters dyad's syntax reserves.
func (p *petrarch) word(w string, stem bool) (string, bool) {
	w = strings.Trim(strings.ToLower(w), "_")
	if w == "" || strings.ContainsAny(w, "*()/@~|!=") || strings.HasPrefix(w, ".") {
		return "", false
	}
	parts := strings.Split(w, "_")
	for i, x := range parts {
		if x == "" {
			return "", false
		}
		// stems for lemmas, but not for short function words ("a", "de", "el"), which do not inflect
		if stem && len([]rune(x)) > 3 && p.lg.stemmer != nil && hasLetter(x) {
			parts[i] = x + "~"
		}
	}
	return strings.Join(parts, "_"), true
}

// plural makes the plural of a noun phrase's last word (text.EnglishPlural: "military" militaries,
// "armed_force" armed_forces), or "" when the word has none of its own: already plural ("soldiers",
// "armed_forces", "servicemen") or uncountable.
func plural(w string) string {
	i := strings.LastIndexByte(w, '_')
	p := text.EnglishPlural(w[i+1:])
	if p == "" {
		return ""
	}
	return w[:i+1] + p
}

// synMember converts one +MEMBER of a synonym set, with its regular plural unless the member or the set's
// label ends in _ (PETRARCH's rule; English only: other languages list their plurals).
func (p *petrarch) synMember(m string, noPlural bool, line int) []string {
	m = strings.TrimSpace(m)
	noPlural = noPlural || strings.HasSuffix(m, "_") || p.opt.Lang != "en"
	m = strings.Join(strings.Fields(strings.ReplaceAll(m, " ", "_")), "_")
	f, ok := p.word(m, p.opt.StemWords)
	if !ok {
		p.issue(line, "synonym %q: characters dyad's patterns reserve", m)
		return nil
	}
	out := []string{f}
	if !noPlural && !strings.HasSuffix(f, "~") {
		if p := plural(f); p != "" {
			out = append(out, p)
		}
	}
	return out
}

// writeSet writes a word set and records it for checking later lines.
func (p *petrarch) writeSet(name string, forms []string, line int) {
	if len(forms) == 0 {
		p.issue(line, "synonym set &%s has no member dyad can express", name)
		return
	}
	forms = dedupe(forms)
	n := p.setName(name)
	if p.synsets["&"+strings.ToUpper(strings.TrimSuffix(name, "_"))] != "" {
		p.issue(line, "synonym set &%s defined twice: the first is kept", name)
		return
	}
	text := n + " = " + strings.Join(forms, " ")
	l := packs.Line{File: p.opt.Source, N: line, Text: text, Fields: []string{text}}
	if err := p.lg.parseSet(l, p.sets); err != nil {
		p.issue(line, "synonym set &%s: %v", name, unwrapLine(err))
		return
	}
	p.synsets["&"+strings.ToUpper(strings.TrimSuffix(name, "_"))] = n
	fmt.Fprintf(&p.out, "%s\n", text)
	p.res.Sets++
}

func dedupe(xs []string) []string {
	seen := map[string]bool{}
	var out []string
	for _, x := range xs {
		if !seen[x] {
			seen[x] = true
			out = append(out, x)
		}
	}
	return out
}

// unwrapLine drops the "file:line: " a packs error carries (the issue names the line itself).
func unwrapLine(err error) error {
	if e, ok := err.(*packs.Error); ok {
		return e.Err
	}
	return err
}

// readVerb reads a verb line: "VERB {FORMS} [code]", "+CORDON_OFF {+CORDONED_OFF ...}", "RE_+ARREST".
func (p *petrarch) readVerb(t string, n int) {
	v := pVerb{line: n}
	if m := codeRe.FindStringSubmatch(t); m != nil {
		v.code = strings.TrimSpace(m[1])
		t = strings.TrimSpace(t[:len(t)-len(m[0])])
	}
	var irregular []string
	hasBraces := false
	if i := strings.IndexAny(t, "{["); i >= 0 {
		j := strings.IndexAny(t[i:], "}]")
		if j < 0 {
			p.issue(n, "irregular forms without a closing brace")
			return
		}
		hasBraces = true
		irregular = strings.Fields(strings.ReplaceAll(t[i+1:i+j], ",", " "))
		t = strings.TrimSpace(t[:i])
	}
	words := strings.Fields(t)
	if len(words) == 0 {
		if hasBraces || v.code != "" {
			p.issue(n, "verb line without a verb")
		}
		return
	}
	if len(words) > 1 {
		// "VOLVER A CONVOCAR": a multi-word verb written with spaces, its first word the verb
		words = []string{strings.Join(words, "_")}
	}
	conv := func(w string, regular bool) (string, bool) {
		// the word after + is the verb of a multi-word verb; regular forms come from its stem
		w = strings.TrimPrefix(w, "+")
		w = strings.ReplaceAll(w, "_+", "_")
		return p.word(w, false)
	}
	primary, ok := conv(words[0], !hasBraces)
	if !ok {
		p.issue(n, "verb %q: characters dyad's patterns reserve", words[0])
		return
	}
	if !hasBraces {
		// regular: every form with the verb's stem (the word marked + in a multi-word verb, else the last)
		parts := strings.Split(primary, "_")
		k := len(parts) - 1
		if ws := strings.Split(strings.Trim(words[0], "_"), "_"); len(ws) == len(parts) {
			for i, x := range ws {
				if strings.HasPrefix(x, "+") {
					k = i
				}
			}
		}
		if p.lg.stemmer != nil {
			for i := range parts {
				// the verb's forms; with lemma dictionaries every word of a multi-word verb inflects
				if i == k || (p.opt.StemWords && len([]rune(parts[i])) > 3 && !strings.HasSuffix(parts[i], "~")) {
					parts[i] = strings.TrimSuffix(parts[i], "~") + "~"
				}
			}
		}
		v.forms = []string{strings.Join(parts, "_")}
	} else {
		v.forms = []string{primary}
		for _, f := range irregular {
			c, ok := conv(f, false)
			if !ok {
				p.issue(n, "irregular form %q: characters dyad's patterns reserve", f)
				continue
			}
			v.forms = append(v.forms, c)
		}
	}
	p.verbs = append(p.verbs, v)
}

// flushBlock writes the verb block read so far: its verbs as a word set, default patterns, and patterns.
func (p *petrarch) flushBlock() {
	if p.block == "" {
		return
	}
	defer func() { p.block, p.verbs, p.pending = "", nil, nil }()
	if len(p.verbs) == 0 {
		for _, pp := range p.pending {
			p.issue(pp.line, "pattern of a verb block without verbs")
		}
		return
	}
	base := fmt.Sprintf("v%d_%s", p.blockLine, p.block)
	var all []string
	byCode := map[string][]string{}
	var codes []string
	for _, v := range p.verbs {
		all = append(all, v.forms...)
		c := v.code
		if c == "" {
			c = p.blockCode
		}
		if _, ok := byCode[c]; !ok {
			codes = append(codes, c)
		}
		byCode[c] = append(byCode[c], v.forms...)
	}
	fmt.Fprintf(&p.out, "\n# --- %s [%s] --- %s:%d\n", p.block, p.blockCode, p.opt.Source, p.blockLine)
	p.writeSet(base, all, p.blockLine)
	verbSet := p.setName(base)
	if _, ok := p.sets[verbSet]; !ok {
		for _, pp := range p.pending {
			p.issue(pp.line, "pattern of a verb block whose verbs could not be written")
		}
		return
	}
	// default patterns: a verb alone gives its code (a null code gives nothing: no line)
	for _, c := range codes {
		if normCode(c) == NullCode {
			continue
		}
		if c == statementCode {
			p.issue(p.blockLine, "default code %s (make a statement) of %s: not written, dyad codes what is said as statements (speech file)", c, p.block)
			continue
		}
		set := verbSet
		if len(codes) > 1 {
			set = p.setName(base + "_" + c)
			p.writeSet(base+"_"+c, byCode[c], p.blockLine)
			if _, ok := p.sets[set]; !ok {
				continue
			}
		}
		p.writePattern(c, "S! ^"+set+" T", p.blockLine)
	}
	for _, pp := range p.pending {
		p.convertPattern(pp, verbSet)
	}
}

// ptok is one token of a PETRARCH pattern.
type ptok struct {
	kind  byte // 'v' the verb, 'S', 'T', 'w' words, 'g' a skipped phrase (^), '(' ')' a prepositional phrase
	words []string
}

// convertPattern converts one pattern line "PRE * POST [code]".
func (p *petrarch) convertPattern(pp pPattern, verbSet string) {
	t := pp.text
	m := codeRe.FindStringSubmatch(t)
	if m == nil {
		p.issue(pp.line, "pattern without [code]")
		return
	}
	code := strings.TrimSpace(m[1])
	t = strings.TrimSpace(t[:len(t)-len(m[0])])
	if code == "" {
		p.issue(pp.line, "empty code")
		return
	}
	// tokens: split braces and parentheses off the words; a skipped phrase joined to a word ("EN_^", "DE_^")
	// is a word, then the skip ("_" would make "en_^" a word that never occurs)
	t = strings.NewReplacer("(", " ( ", ")", " ) ", "{", " { ", "}", " } ", "*", " * ", "_^", " ^ ", "^_", " ^ ").Replace(t)
	var toks []ptok
	inBrace := false
	var brace []string
	for _, w := range strings.Fields(t) {
		switch {
		case w == "{":
			inBrace, brace = true, nil
		case w == "}":
			if !inBrace {
				p.issue(pp.line, "} without {")
				return
			}
			inBrace = false
			var ws []string
			for _, b := range brace {
				if strings.HasPrefix(b, "&") {
					set, ok := p.synsets[strings.ToUpper(strings.TrimSuffix(b, "_"))]
					if !ok {
						p.issue(pp.line, "undefined synonym set %s", b)
						return
					}
					ws = append(ws, set)
					continue
				}
				c, ok := p.patWord(b, pp.line)
				if !ok {
					return
				}
				ws = append(ws, c)
			}
			if len(ws) > 0 {
				toks = append(toks, ptok{kind: 'w', words: ws})
			}
		case inBrace:
			brace = append(brace, w)
		case w == "*":
			toks = append(toks, ptok{kind: 'v'})
		case w == "$":
			toks = append(toks, ptok{kind: 'S'})
		case w == "+":
			toks = append(toks, ptok{kind: 'T'})
		case w == "%":
			toks = append(toks, ptok{kind: 'R'}) // a compound actor: both sides, "X and Y met"
		case w == "^":
			toks = append(toks, ptok{kind: 'g'})
		case w == "(" || w == ")":
			toks = append(toks, ptok{kind: w[0]})
		case strings.HasPrefix(w, "&"):
			name := strings.ToUpper(strings.TrimSuffix(w, "_"))
			set, ok := p.synsets[name]
			if !ok {
				p.issue(pp.line, "undefined synonym set %s", w)
				return
			}
			toks = append(toks, ptok{kind: 'w', words: []string{set}})
		default:
			c, ok := p.patWord(w, pp.line)
			if !ok {
				return
			}
			toks = append(toks, ptok{kind: 'w', words: []string{c}})
		}
	}
	if inBrace {
		p.issue(pp.line, "{ without }")
		return
	}
	verb, nS, nT := -1, 0, 0
	for i, k := range toks {
		switch k.kind {
		case 'v':
			if verb >= 0 {
				p.issue(pp.line, "two verbs (*) in one pattern")
				return
			}
			verb = i
		case 'S':
			nS++
		case 'T':
			nT++
		}
	}
	if verb < 0 {
		p.issue(pp.line, "pattern without the verb (*)")
		return
	}
	if nS > 1 || nT > 1 {
		p.issue(pp.line, "a source ($) or target (+) named twice")
		return
	}
	nR := 0
	for _, k := range toks {
		if k.kind == 'R' {
			nR++
		}
	}
	if nR > 0 && (nR > 1 || nS+nT > 0) {
		p.issue(pp.line, "%% (a compound actor, both sides) with another actor: not expressed")
		return
	}
	if nR == 1 {
		nS, nT = 1, 1 // R stands for both: no slot to add
	}
	// where the source and target go when the pattern does not say: the source is the verb's subject (before
	// everything); the target its object: right after a prepositional phrase's preposition when the phrase
	// names nothing else ("* (TO)": "rushed to T"), else after the verb's other words; with $ after the
	// verb and no +, the target is the subject ("* PROTESTS (FROM $)": "T triggered protests from S")
	sAfter := false
	for i, k := range toks {
		if k.kind == 'S' && i > verb {
			sAfter = true
		}
	}
	tBefore := false
	for i, k := range toks {
		if k.kind == 'T' && i < verb {
			tBefore = true
		}
	}
	if nS == 0 {
		if tBefore {
			toks = append(toks, ptok{kind: 'S'})
		} else {
			toks = append([]ptok{{kind: 'S'}}, toks...)
			verb++
		}
	}
	if nT == 0 {
		switch {
		case sAfter:
			toks = append([]ptok{{kind: 'T'}}, toks...)
		default:
			placed := false
			for i := verb + 1; i+1 < len(toks); i++ {
				if toks[i].kind == '(' && i+2 < len(toks) && toks[i+1].kind == 'w' && len(toks[i+1].words) == 1 && toks[i+2].kind == ')' {
					toks = append(toks[:i+2], append([]ptok{{kind: 'T'}}, toks[i+2:]...)...)
					placed = true
					break
				}
			}
			if !placed {
				toks = append(toks, ptok{kind: 'T'})
			}
		}
	}
	// the elements, in order: slots and the verb as they are, words with a gap before them (TABARI lets
	// words come between a pattern's words; "_" joins words that must touch)
	var els []string
	prevSlot := true
	for _, k := range toks {
		switch k.kind {
		case '(', ')':
			continue
		case 'S', 'T', 'R':
			els = append(els, string(k.kind))
			prevSlot = true
			continue
		case 'g':
			els = append(els, "..4")
			prevSlot = true // no second gap after a skip
			continue
		case 'v':
			if !prevSlot {
				els = append(els, "..3")
			}
			els = append(els, "^"+verbSet)
		case 'w':
			for i, w := range k.words {
				if !prevSlot || i > 0 {
					if i > 0 {
						els = append(els, "..1")
					} else {
						els = append(els, "..3")
					}
				}
				els = append(els, w)
				prevSlot = false
			}
			continue
		}
		prevSlot = false
	}
	// a gap right before or after a slot adds nothing to the slot's slack but reach: drop it
	var clean []string
	for i, e := range els {
		if strings.HasPrefix(e, "..") && ((i+1 < len(els) && isSlotEl(els[i+1])) || (i > 0 && isSlotEl(els[i-1]))) {
			continue
		}
		clean = append(clean, e)
	}
	p.writePattern(code, strings.Join(clean, " "), pp.line)
}

func isSlotEl(e string) bool { return e == "S" || e == "T" || e == "R" }

// patWord converts one word of a pattern; TABARI's disjunctions "BY/WITH" become alternatives.
func (p *petrarch) patWord(w string, line int) (string, bool) {
	if strings.Contains(w, "/") {
		var alts []string
		for _, a := range strings.Split(w, "/") {
			c, ok := p.word(a, p.opt.StemWords)
			if !ok {
				p.issue(line, "word %q: characters dyad's patterns reserve", w)
				return "", false
			}
			alts = append(alts, c)
		}
		return strings.Join(alts, "/"), true
	}
	c, ok := p.word(w, p.opt.StemWords)
	if !ok {
		p.issue(line, "word %q: characters dyad's patterns reserve", w)
	}
	return c, ok
}

// statementCode is CAMEO's "make statement": a verb of saying alone is a statement for dyad, not an event.
const statementCode = "010"

// normCode writes a PETRARCH code as ours: an empty side of a pair is the null code ("[:110]": only the
// reverse event), a pair of two null sides is one null code.
func normCode(c string) string {
	a, b, paired := strings.Cut(strings.TrimSpace(c), ":")
	if a == "" {
		a = NullCode
	}
	if !paired {
		return a
	}
	if b == "" {
		b = NullCode
	}
	if a == NullCode && b == NullCode {
		return NullCode
	}
	return a + ":" + b
}

// fixCode restores the leading zero that spreadsheets strip from CAMEO codes ("36" is 036, "333" is 0333)
// where the code as written is not in the codebook and the restored one is.
func (p *petrarch) fixCode(code string) string {
	if p.opt.Codebook == nil {
		return code
	}
	sides := strings.Split(code, ":")
	for i, c := range sides {
		if c == NullCode {
			continue
		}
		if _, ok := p.opt.Codebook.Lookup(c); !ok {
			if _, ok := p.opt.Codebook.Lookup("0" + c); ok {
				sides[i] = "0" + c
			}
		}
	}
	return strings.Join(sides, ":")
}

// writePattern writes one pattern line, after checking it as the loader will read it.
func (p *petrarch) writePattern(code, pat string, line int) {
	code = p.fixCode(normCode(code))
	origin := p.opt.Source + ":" + strconv.Itoa(line)
	text := fmt.Sprintf("%s | %s | %g | %s", code, pat, p.opt.Conf, origin)
	fields := strings.Split(text, "|")
	for i := range fields {
		fields[i] = strings.TrimSpace(fields[i])
	}
	l := packs.Line{File: p.opt.Source, N: line, Text: text, Fields: fields}
	if _, err := p.lg.parsePattern(l, p.sets, p.opt.Codebook); err != nil {
		p.issue(line, "%v", unwrapLine(err))
		return
	}
	fmt.Fprintf(&p.out, "%s\n", text)
	p.res.Patterns++
}
