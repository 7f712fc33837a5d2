package coder

import (
	"errors"
	"fmt"
	"slices"
	"strings"
	"unicode/utf8"

	"golang.org/x/text/unicode/norm"

	"github.com/dyad-events/dyad/cameo"
	"github.com/dyad-events/dyad/packs"
)

// FramesFile holds CAMEO's parallel codes for frames: what an event becomes when a verb of intent, refusal,
// threat or halting governs it ("will send aid" 033, "refused to send weapons" 1222, "threatened to cut ties"
// 1313, "stopped supplying weapons" 1622). The words of each frame are data of each language's grammar
// (`frame | NAME | word | word ...`).
const FramesFile = "cameo/frames"

// frameIntent is the frame of what an actor will do, which a future verb tells too.
const frameIntent = "intent"

// frameMaps maps a frame's name to its code map.
type frameMaps map[string]codeMap

// codeMap maps an event code, or a prefix of one (a root "07", a code "072"), to the code it becomes: the
// longest key that begins the event's code applies, as in FramesFile and NounsFile.
type codeMap map[string]string

// addPairs records the `FROM>TO` entries of line l into m; what names the map in errors ("frame intent").
// Every TO must be in cb when it is given; null allows NullCode (no event) as a TO.
func (m codeMap) addPairs(l packs.Line, what string, entries []string, cb *cameo.Codebook, null bool) []error {
	var errs []error
	for _, e := range entries {
		from, to, ok := strings.Cut(strings.ReplaceAll(e, " ", ""), ">")
		isNull := null && to == NullCode
		if !ok || !cameo.ValidSyntax(from) || !isNull && !cameo.ValidSyntax(to) {
			errs = append(errs, l.Errorf("%s: %q is no FROM>TO pair of CAMEO codes", what, e))
			continue
		}
		if cb != nil && !isNull {
			if _, ok := cb.Lookup(to); !ok {
				errs = append(errs, l.Errorf("%s: code %s is not in the codebook", what, to))
				continue
			}
		}
		if _, dup := m[from]; dup {
			errs = append(errs, l.Errorf("%s: %s mapped twice", what, from))
			continue
		}
		m[from] = to
	}
	return errs
}

// apply returns the code that event code becomes, and whether m maps it. A key mapped to itself keeps the
// event's code as it is ("16>16" keeps 163).
func (m codeMap) apply(code string) (string, bool) {
	best, to := "", ""
	for from, t := range m {
		if strings.HasPrefix(code, from) && len(from) > len(best) {
			best, to = from, t
		}
	}
	if best != "" && to == best {
		return code, true
	}
	return to, best != ""
}

// loadFrames reads FramesFile: lines `NAME | FROM>TO | FROM>TO ...`, every code in cb when it is given.
func loadFrames(p *packs.Set, cb *cameo.Codebook) (frameMaps, []error) {
	m, errs := loadCodeMaps(p, cb, FramesFile, "frame", "want NAME | FROM>TO | ...", func(string) bool { return true })
	return frameMaps(m), errs
}

// loadCodeMaps reads a file of lines `KEY | FROM>TO | FROM>TO ...` into a code map per key (the lines of one key
// add up); kind names the key in errors, and valid tells a well-formed key.
func loadCodeMaps(p *packs.Set, cb *cameo.Codebook, file, kind, want string, valid func(string) bool) (map[string]codeMap, []error) {
	maps := map[string]codeMap{}
	files, err := p.Files(file)
	if err != nil {
		return maps, []error{err}
	}
	var errs []error
	for _, f := range files {
		for l := range f.Lines() {
			key := l.Fields[0]
			if key == "" || len(l.Fields) < 2 || !valid(key) {
				errs = append(errs, l.Errorf("%s", want))
				continue
			}
			m := maps[key]
			if m == nil {
				m = codeMap{}
				maps[key] = m
			}
			errs = append(errs, m.addPairs(l, kind+" "+key, l.Fields[1:], cb, false)...)
		}
	}
	return maps, errs
}

// apply returns the code that event code becomes under frame name, and whether the frame maps it.
func (fm frameMaps) apply(name, code string) (string, bool) { return fm[name].apply(code) }

// checkFrames reports the frames a language's grammar names that FramesFile does not define.
func checkFrames(langs map[string]*lang, fm frameMaps) []error {
	var errs []error
	for _, lg := range langs {
		errs = append(errs, undefinedClasses(lg, lg.frames, func(n string) bool { _, ok := fm[n]; return ok }, "frame", FramesFile)...)
		if _, ok := fm[frameIntent]; !ok && len(lg.tenses) > 0 {
			errs = append(errs, fmt.Errorf("%s: grammar of %s: a tense needs frame %q, which %s does not define", lg.tenses[0].where, lg.code, frameIntent, FramesFile))
		}
	}
	return errs
}

// frameWords is one frame's words in a language: "will", "plans to", "refused to".
type frameWords struct {
	name  string
	where string // file:line of the grammar line, for errors
	seqs  []seq
}

func (fw frameWords) class() (name, where string) { return fw.name, fw.where }

// undefinedClasses reports the classes (frames, noun classes) of ws that a language's grammar names and file
// does not define (has).
func undefinedClasses[W interface{ class() (name, where string) }](lg *lang, ws []W, has func(string) bool, kind, file string) []error {
	var errs []error
	for _, w := range ws {
		if name, where := w.class(); !has(name) {
			errs = append(errs, fmt.Errorf("%s: grammar of %s: %s %q is not defined in %s", where, lg.code, kind, name, file))
		}
	}
	return errs
}

// addFrame records a grammar line `frame | NAME | word ...`.
func (lg *lang) addFrame(where string, fields []string) error {
	if len(fields) < 3 || fields[1] == "" {
		return errors.New("want frame | NAME | word | word")
	}
	fw := frameWords{name: fields[1], where: where}
	for _, e := range fields[2:] {
		if sq := tokenize(lg, e); len(sq) > 0 {
			fw.seqs = append(fw.seqs, sq)
			if lg.frameFirst == nil {
				lg.frameFirst, lg.frameLast = map[string][]frameSeq{}, map[string][]seq{}
			}
			lg.frameFirst[sq[0]] = append(lg.frameFirst[sq[0]], frameSeq{fw.name, sq})
			lg.frameLast[sq[len(sq)-1]] = append(lg.frameLast[sq[len(sq)-1]], sq)
		}
	}
	lg.frames = append(lg.frames, fw)
	return nil
}

// frameSeq is the words of a frame, with the frame's name.
type frameSeq struct {
	name string
	sq   seq
}

// framed returns the code a match's event gets under the frames whose words stand between the start of the
// match (or right before it, where a verb-second clause puts its auxiliary) and the trigger, outside
// the pattern's own words; the nearest to the trigger applies first ("will stop supplying weapons": halted,
// 1622, which "will" does not map further). It also returns the units the applied frames hold, which then
// count as the pattern's words (so a frame that is also a hypo word, "threatened to", does not void it).
func (s *sentence) framed(b binding, code string) (string, []int) {
	lg := s.d.lg
	if len(lg.frames) == 0 && len(lg.tenses) == 0 || s.d.c == nil {
		return code, nil
	}
	var hits []hit
	for k := max(0, b.lo-2); k < b.trig; k++ {
		if s.u[k].phrase >= 0 {
			if k < b.lo {
				hits = hits[:0] // an actor phrase before the match: the words before it are another clause's
			}
			continue
		}
		if slices.Contains(b.lits, k) {
			continue
		}
		if k > 0 && s.u[k-1].phrase < 0 && (s.u[k-1].is(cDet) || isDigits(s.u[k-1].fold)) && slices.Contains(b.lits, k+1) {
			// an attributive participle before a word of the pattern ("de 24 beloofde F-16's ... geleverd",
			// "die zugesagten Panzer"): no frame ("its readiness to resume talks" stays one)
			continue
		}
		best := hit{at: -1}
		// the frames whose words begin with unit k's, in the grammar's order (frameSpan reads the first word at k)
		for _, fs := range lg.frameFirst[s.u[k].fold] {
			if end := s.frameSpan(k, fs.sq); end > k && end-k > best.n && end <= b.trig && !litIn(b.lits, k, end-k) {
				best = hit{at: k, n: end - k, name: fs.name}
			}
		}
		if best.at >= 0 && (k >= b.lo || k+best.n == b.lo) {
			// before the match, only a frame right before it counts ("Morgen wird Scholz ..."): in "would lift
			// U.S. sanctions on Syria" the frame governs "lift", not the noun "sanctions"
			hits = append(hits, best)
			k += best.n - 1
		}
	}
	// a frame before a conditional clause that ends right before the match governs the clause after it:
	// "川普威脅，如果中國不撤回報復性關稅，美國將對中國商品加徵關稅" is a threat of sanctions (1312); the one who
	// threatens is the frame verb's subject (condFrameSubject), which the caller makes the source
	if h, ok := s.frameBeforeCond(b); ok {
		hits = slices.Insert(hits, 0, h) // outermost: applied last
	}
	// a verb-final clause puts its finite auxiliary after the verb, at the clause's end ("dass Deutschland der
	// Ukraine Panzer zur Verfügung stellen wird", "dat Nederland F-16's zal leveren" is written before): a frame
	// of one word there governs the verb first
	if k := b.hi + 1; lg.verbSecond && slices.Contains(b.lits, b.hi) && k < len(s.u) && s.u[k].phrase < 0 && (k+1 == len(s.u) || isStop(s.d.toks[s.u[k+1].tok].Text) || s.u[k+1].fold == ",") {
		for _, fs := range lg.frameFirst[s.u[k].fold] {
			if s.frameSpan(k, fs.sq) == k+1 {
				hits = append(hits, hit{at: k, n: 1, name: fs.name})
				break
			}
		}
	}
	// a verb whose ending tells the future (or the conditional of reported speech) is the intent frame, at
	// its place among the frame words ("dejará de enviar armas": halted first, 1622, then intent keeps it)
	if name, k := s.verbTense(b); k >= 0 && (name == tenseFuture || s.reportedAt(b, k)) {
		covered := false
		for _, h := range hits {
			covered = covered || k >= h.at && k < h.at+h.n
		}
		if !covered {
			i := 0
			for i < len(hits) && hits[i].at < k {
				i++
			}
			hits = slices.Insert(hits, i, hit{at: k, n: 1, name: frameIntent})
		}
	}
	var at []int
	for i := len(hits) - 1; i >= 0; i-- {
		h := hits[i]
		to, ok := s.d.c.frames.apply(h.name, code)
		if !ok {
			continue
		}
		code = to
		for j := range h.n {
			at = append(at, h.at+j)
		}
	}
	return code, at
}

// hit is a frame found before a match's trigger: its first unit, its length and its name.
type hit struct {
	at, n int
	name  string
}

// frameBeforeCond returns the frame whose words end right before a conditional clause (grammar cond-open,
// closed by a comma) that ends right before the match, a comma allowed between the frame and the clause
// ("威胁说，如果……，"; "扬言如果……，").
func (s *sentence) frameBeforeCond(b binding) (hit, bool) {
	p := b.lo - 1
	if p <= 0 || len(s.d.lg.kindSeqs[pkCondOpen]) == 0 || s.u[p].phrase >= 0 || !isComma(s.u[p].fold) {
		return hit{}, false
	}
	k := s.circumFrom(p, []seq{{s.u[p].fold}}, s.d.lg.kindSeqs[pkCondOpen], &b)
	if k <= 0 {
		return hit{}, false
	}
	end := k - 1
	if s.u[end].phrase < 0 && isComma(s.u[end].fold) {
		end--
	}
	if end < 0 || s.u[end].phrase >= 0 {
		return hit{}, false
	}
	for _, sq := range s.d.lg.frameLast[s.u[end].fold] {
		for at := end - len(sq) + 1; at >= 0 && at >= end-len(sq)-maxFrameDate; at-- {
			if s.frameSpan(at, sq) == end+1 {
				for _, fs := range s.d.lg.frameFirst[sq[0]] {
					if slices.Equal(fs.sq, sq) {
						return hit{at: at, n: end + 1 - at, name: fs.name}, true
					}
				}
			}
		}
	}
	return hit{}, false
}

// condFrameSubject returns, for a match that a frame before a conditional clause governs (frameBeforeCond:
// "美国威胁，如果……，日本将……"), the unit of the frame verb's subject: the actor phrase right before the frame's
// words, dates, places and a few words (an adverbial: "7日", "在社交媒体上") between, in the same clause; -1
// when the frame has none there ("……，并威胁，如果……": the caller keeps the match's own source).
func (s *sentence) condFrameSubject(b binding) int {
	h, ok := s.frameBeforeCond(b)
	if !ok {
		return -1
	}
	words := 0
	for k := h.at - 1; k >= 0; k-- {
		u := s.u[k]
		if u.phrase >= 0 {
			if s.locative(k) || s.d.datelinePhrase(u.phrase) {
				continue
			}
			return k
		}
		if isComma(u.fold) || isStop(s.d.toks[u.tok].Text) || s.barrierAt(k) || s.clauseBoundary(k) {
			return -1
		}
		if s.isDate(k) {
			continue
		}
		if words++; words > maxCondAdverbial {
			return -1
		}
	}
	return -1
}

// maxCondAdverbial bounds the words between a threat frame and its subject ("在社交媒体上" is six in Chinese).
const maxCondAdverbial = 12

// litIn reports whether any of the n units from k is a word of the pattern.
func litIn(lits []int, k, n int) bool {
	for j := range n {
		if slices.Contains(lits, k+j) {
			return true
		}
	}
	return false
}

// frameEndsAt reports whether the words of a frame of the language end at unit p ("promis de", "minacciato
// di"): the word after them is the verb the frame governs, whatever a look-ahead says of its last word.
func (s *sentence) frameEndsAt(p int) bool {
	if p < 0 || p >= len(s.u) || s.u[p].phrase >= 0 {
		return false // frameSpan reads a frame's last word at a word unit
	}
	// the frames whose words end with unit p's
	for _, sq := range s.d.lg.frameLast[s.u[p].fold] {
		for k := p - len(sq) + 1; k >= 0 && k >= p-len(sq)-maxFrameDate; k-- {
			if s.frameSpan(k, sq) == p+1 {
				return true
			}
		}
	}
	return s.causativeEndsAt(p)
}

// causativeEndsAt reports whether unit p is the preposition that, after a causative verb (grammar class
// causative) and its object, an actor phrase, governs the act the object was led to do: "lo que llevó al
// Gobierno de Perú a retirar a su embajador", "levou hoje a França a suspender a ajuda". The object is then the
// act's subject, before its verb as a subject stands, and the word after p the verb (round 27, code27a).
// Determiners and prepositions before the object ("al", "a la") and a date ("llevó este martes al ...") may
// stand between the verb and the object.
func (s *sentence) causativeEndsAt(p int) bool {
	if p < 2 || s.u[p].phrase >= 0 || !s.u[p].is(cPrep) || s.u[p-1].phrase < 0 {
		return false
	}
	k := p - 2
	for n := 0; k >= 0 && n < 3 && s.u[k].phrase < 0 && s.u[k].is(cDet|cPrep); n++ {
		k--
	}
	for n := 0; k >= 0 && n < maxFrameDate && s.isDate(k); n++ {
		k--
	}
	return k >= 0 && s.u[k].phrase < 0 && s.u[k].is(cCausative)
}

// maxFrameDate is the most units of a date expression that may stand inside a frame's words.
const maxFrameDate = 8

// frameSpan returns the end (the unit after the last) of a frame's words sq read from unit k, or -1: a date
// expression may stand between two of its words, as between the elements of a pattern ("vowed on Wednesday
// to launch", "se ofrecieron el jueves a facilitar", "amenazó el domingo con", "hebben zaterdag gedreigd").
func (s *sentence) frameSpan(k int, sq seq) int {
	p := k
	for i, t := range sq {
		if i > 0 {
			for n := 0; n < maxFrameDate && s.isDate(p) && (p >= len(s.u) || s.u[p].fold != t); n++ {
				p++
			}
		}
		if p >= len(s.u) || s.u[p].phrase >= 0 || s.u[p].fold != t {
			return -1
		}
		p++
	}
	return p
}

// The tenses a verb's ending may tell (grammar `tense | NAME | ending ...`).
const (
	// tenseFuture is a synthetic future ("entregará", "enverra", "invierà"): what the actor will do, the
	// intent frame ("España entregará tanques a Ucrania" is a promise, 0332, not a delivery).
	tenseFuture = "future"
	// tenseConditional is a conditional ("provocaría", "enverrait", "provocherebbe"): what would happen, no
	// event; but after a `that` word (reported speech) it is the future of the past, the intent frame again
	// ("ont annoncé qu'elles reconnaîtraient l'État de Palestine").
	tenseConditional = "conditional"
)

// tenseEnds is one tense's verb endings in a language, compared with the word as written, lower-cased (the
// accent tells "enviará", future, from "enviara", pluperfect).
type tenseEnds struct {
	name  string
	where string
	ends  []string
}

// addTense records a grammar line `tense | NAME | ending ...` or `notense | word ...`.
func (lg *lang) addTense(where, kind string, fields []string) error {
	if kind == "notense" {
		if lg.notense == nil {
			lg.notense = map[string]bool{}
		}
		for _, w := range fields[1:] {
			if w = norm.NFC.String(strings.ToLower(strings.TrimSpace(w))); w != "" {
				lg.notense[w] = true
			}
		}
		return nil
	}
	if len(fields) < 3 || (fields[1] != tenseFuture && fields[1] != tenseConditional) {
		return fmt.Errorf("want tense | %s or %s | ending | ending", tenseFuture, tenseConditional)
	}
	te := tenseEnds{name: fields[1], where: where}
	for _, e := range fields[2:] {
		if e = norm.NFC.String(strings.ToLower(strings.TrimSpace(e))); e != "" {
			te.ends = append(te.ends, e)
		}
	}
	lg.tenses = append(lg.tenses, te)
	return nil
}

// tenseOf returns the tense that a word's ending tells, the longest ending deciding; "" when none. An
// ending is never the whole word.
func (lg *lang) tenseOf(word string) string {
	w := norm.NFC.String(strings.ToLower(word))
	if lg.notense[w] {
		return ""
	}
	name, n := "", 0
	for _, te := range lg.tenses {
		for _, e := range te.ends {
			if len(e) > n && strings.HasSuffix(w, e) && utf8.RuneCountInString(w) > utf8.RuneCountInString(e) {
				name, n = te.name, len(e)
			}
		}
	}
	return name
}

// verbTense returns the tense the verb of a match tells by its ending, and the unit that tells it (-1 when
// none): the trigger, or a word between the match's start and the trigger (the verb where the trigger is
// its object, "enviará ayuda humanitaria", or an auxiliary, "será recibido"), looked for from the trigger
// back to a comma, a barrier word or a relative clause's start, among the words that may be verbs.
func (s *sentence) verbTense(b binding) (string, int) {
	lg := s.d.lg
	if len(lg.tenses) == 0 {
		return "", -1
	}
	for k := b.trig; k >= b.lo && k >= 0; k-- {
		u := s.u[k]
		if u.phrase >= 0 {
			continue
		}
		if f := u.fold; f == "," || f == ";" || f == ":" || f == "(" || f == ")" || lg.is(cBarrier|cRel, f) {
			break
		}
		if name := lg.tenseOf(s.d.toks[u.tok].Text); name != "" && s.verbLike(k) {
			return name, k
		}
	}
	return "", -1
}

// reportedAt reports whether the verb at unit k stands in reported speech: a `that` word comes before it,
// inside the match or in the six units before its start ("Irán dijo que atacaría a Israel", "ont annoncé
// qu'elles reconnaîtraient").
func (s *sentence) reportedAt(b binding, k int) bool {
	for j := k - 1; j >= 0 && j >= b.lo-6; j-- {
		if u := s.u[j]; u.phrase < 0 && u.is(cThat) {
			return true
		}
	}
	return false
}

// conditional reports whether a match's verb is a conditional outside reported speech: what would happen
// ("un ataque provocaría una guerra"), not an event.
func (s *sentence) conditional(b binding) bool {
	name, k := s.verbTense(b)
	if name == "" && b.trig == b.lo {
		name, k = s.predicateTense(b)
	}
	return name == tenseConditional && !s.reportedAt(b, k)
}

// predicateTense returns the tense of the verb right after a match that opens with its trigger, a noun
// that tells the act and is the subject of that verb: "Um ataque de Israel contra o Irão **provocaria** uma
// guerra", "Un ataque de Turquía contra las milicias kurdas **provocaría**" tell no attack (code19e).
func (s *sentence) predicateTense(b binding) (string, int) {
	k := b.hi + 1
	if k >= len(s.u) || s.u[k].phrase >= 0 {
		return "", -1
	}
	if name := s.d.lg.tenseOf(s.d.toks[s.u[k].tok].Text); name != "" && s.verbLike(k) {
		return name, k
	}
	return "", -1
}

// shapeCode is the code a shape line (file:n, of the given kind: "shape", "vshape") gives an act of code
// under its frame: the code itself without a frame, the frame's mapping of it where the frame maps it, and
// an error where fm does not define the frame.
func (fm frameMaps) shapeCode(kind, file string, n int, frame, code string) (string, error) {
	if frame == "" {
		return code, nil
	}
	m, ok := fm[frame]
	if !ok {
		return "", fmt.Errorf("%s:%d: %s: frame %q is not defined in %s", file, n, kind, frame, FramesFile)
	}
	if to, ok := m.apply(code); ok {
		return to, nil
	}
	return code, nil
}
