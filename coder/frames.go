package coder

import (
	"errors"
	"fmt"
	"slices"
	"strings"

	"github.com/dyad-events/dyad/cameo"
	"github.com/dyad-events/dyad/packs"
)

// FramesFile holds CAMEO's parallel codes for frames: what an event becomes when a verb of intent, refusal,
// threat or halting governs it ("will send aid" 033, "refused to send weapons" 1222, "threatened to cut ties"
// 1313, "stopped supplying weapons" 1622). The words of each frame are data of each language's grammar
// (`frame | NAME | word | word ...`).
const FramesFile = "cameo/frames"

// frameMaps maps a frame's name to its code map: an event code (or a prefix of it: a root, a three-digit
// code) to the code it becomes. The longest key that is a prefix of the event's code applies.
type frameMaps map[string]map[string]string

// loadFrames reads FramesFile: lines `NAME | FROM>TO | FROM>TO ...`, every code in cb when it is given.
func loadFrames(p *packs.Set, cb *cameo.Codebook) (frameMaps, []error) {
	fm := frameMaps{}
	files, err := p.Files(FramesFile)
	if err != nil {
		return fm, []error{err}
	}
	var errs []error
	for _, f := range files {
		for l := range f.Lines() {
			name := l.Fields[0]
			if name == "" || len(l.Fields) < 2 {
				errs = append(errs, l.Errorf("want NAME | FROM>TO | ..."))
				continue
			}
			m := fm[name]
			if m == nil {
				m = map[string]string{}
				fm[name] = m
			}
			for _, e := range l.Fields[1:] {
				from, to, ok := strings.Cut(strings.ReplaceAll(e, " ", ""), ">")
				if !ok || !cameo.ValidSyntax(from) || !cameo.ValidSyntax(to) {
					errs = append(errs, l.Errorf("frame %s: %q is no FROM>TO pair of CAMEO codes", name, e))
					continue
				}
				if cb != nil {
					if _, ok := cb.Lookup(to); !ok {
						errs = append(errs, l.Errorf("frame %s: code %s is not in the codebook", name, to))
						continue
					}
				}
				if _, dup := m[from]; dup {
					errs = append(errs, l.Errorf("frame %s: %s mapped twice", name, from))
					continue
				}
				m[from] = to
			}
		}
	}
	return fm, errs
}

// apply returns the code that event code becomes under frame name, and whether the frame maps it.
func (fm frameMaps) apply(name, code string) (string, bool) {
	best, to := "", ""
	for from, t := range fm[name] {
		if strings.HasPrefix(code, from) && len(from) > len(best) {
			best, to = from, t
		}
	}
	if best != "" && to == best {
		return code, true // mapped to itself: the code stays as it is ("16>16" keeps 163)
	}
	return to, best != ""
}

// checkFrames reports the frames a language's grammar names that FramesFile does not define.
func checkFrames(langs map[string]*lang, fm frameMaps) []error {
	var errs []error
	for _, lg := range langs {
		for _, fw := range lg.frames {
			if _, ok := fm[fw.name]; !ok {
				errs = append(errs, fmt.Errorf("%s: grammar of %s: frame %q is not defined in %s", fw.where, lg.code, fw.name, FramesFile))
			}
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

// addFrame records a grammar line `frame | NAME | word ...`.
func (lg *lang) addFrame(where string, fields []string) error {
	if len(fields) < 3 || fields[1] == "" {
		return errors.New("want frame | NAME | word | word")
	}
	fw := frameWords{name: fields[1], where: where}
	for _, e := range fields[2:] {
		if sq := tokenize(lg, e); len(sq) > 0 {
			fw.seqs = append(fw.seqs, sq)
		}
	}
	lg.frames = append(lg.frames, fw)
	return nil
}

// framed returns the code a match's event gets under the frames whose words stand between the start of the
// match (or right before it, where a verb-second clause puts its auxiliary) and the trigger, outside
// the pattern's own words; the nearest to the trigger applies first ("will stop supplying weapons": halted,
// 1622, which "will" does not map further). It also returns the units the applied frames hold, which then
// count as the pattern's words (so a frame that is also a hypo word, "threatened to", does not void it).
func (s *sentence) framed(b binding, code string) (string, []int) {
	lg := s.d.lg
	if len(lg.frames) == 0 || s.d.c == nil {
		return code, nil
	}
	type hit struct {
		at, n int
		name  string
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
		if k > 0 && s.u[k-1].phrase < 0 && (lg.is(cDet, s.u[k-1].fold) || isDigits(s.u[k-1].fold)) && slices.Contains(b.lits, k+1) {
			// an attributive participle before a word of the pattern ("de 24 beloofde F-16's ... geleverd",
			// "die zugesagten Panzer"): no frame ("its readiness to resume talks" stays one)
			continue
		}
		best := hit{at: -1}
		for _, fw := range lg.frames {
			for _, sq := range fw.seqs {
				if len(sq) > best.n && k+len(sq) <= b.trig && s.seqAt(k, sq) && !litIn(b.lits, k, len(sq)) {
					best = hit{at: k, n: len(sq), name: fw.name}
				}
			}
		}
		if best.at >= 0 && (k >= b.lo || k+best.n == b.lo) {
			// before the match, only a frame right before it counts ("Morgen wird Scholz ..."): in "would lift
			// U.S. sanctions on Syria" the frame governs "lift", not the noun "sanctions"
			hits = append(hits, best)
			k += best.n - 1
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
	for _, fw := range s.d.lg.frames {
		for _, sq := range fw.seqs {
			if k := p - len(sq) + 1; k >= 0 && s.seqAt(k, sq) {
				return true
			}
		}
	}
	return false
}
