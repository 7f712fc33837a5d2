package actor

import (
	"slices"
	"strings"
	"unicode"

	"github.com/dyad-events/dyad"
	"github.com/dyad-events/dyad/packs"
	"github.com/dyad-events/dyad/text"
)

// Spelling variants of a person's name. News in each language writes Russian, Ukrainian, Arabic and Persian
// names in its own transliteration ("Peseschkian", "Schmyhal", "Chmyhal", "ben Salmane", "Pashinián") while
// the dictionary holds one or two spellings. A run of capitalised words that no dictionary name matches is
// compared with every person's names by a spelling key: the language's rules of `<lang>/spelling` rewrite its
// transliteration into the English one ("sch" -> "sh", "ou" -> "u"), then each word keeps its first letter
// (any vowel alike) and its consonants, with w = v, z = s, q = k, h dropped and doubled letters single. The
// key of a person must name one country: where people of two countries share one, it names no one.

// spellRule rewrites a language's transliteration: from -> to, in lower case.
type spellRule struct{ from, to string }

// spellMaxRun is the most words of a name taken in one run.
const spellMaxRun = 6

// loadSpelling reads a <lang>/spelling file: "from | to" lines, applied longest first.
func (d *Dictionary) loadSpelling(f packs.File) []error {
	var errs []error
	lang := langOf(f)
	for l := range f.Lines() {
		if len(l.Fields) != 2 || l.Fields[0] == "" {
			errs = append(errs, l.Errorf("want: from | to"))
			continue
		}
		from, to := strings.ToLower(l.Fields[0]), strings.ToLower(l.Fields[1])
		if from != l.Fields[0] || to != l.Fields[1] {
			errs = append(errs, l.Errorf("rules are written in lower case"))
			continue
		}
		d.spell[lang] = append(d.spell[lang], spellRule{from, to})
	}
	slices.SortStableFunc(d.spell[lang], func(a, b spellRule) int { return len(b.from) - len(a.from) })
	return errs
}

// respell applies rules to s (lower case), left to right, the longest rule first at each position.
func respell(s string, rules []spellRule) string {
	if len(rules) == 0 {
		return s
	}
	var b strings.Builder
	for i := 0; i < len(s); {
		done := false
		for _, r := range rules {
			if strings.HasPrefix(s[i:], r.from) {
				b.WriteString(r.to)
				i += len(r.from)
				done = true
				break
			}
		}
		if !done {
			b.WriteByte(s[i])
			i++
		}
	}
	return b.String()
}

// spellKey returns the spelling key of a name already respelled (lower case), and whether it is long enough
// to name someone. joined glues the parts of hyphenated words ("Amir-Abdollahian" = "Amirabdollahian").
func spellKey(s string, joined bool) (string, bool) {
	k, ok := appendSpellKey(nil, text.Fold(s), joined)
	return string(k), ok
}

// appendSpellKey appends to b the spelling key of s, already folded (spellKey), and reports whether it is long
// enough to name someone.
func appendSpellKey(b []byte, s string, joined bool) ([]byte, bool) {
	words, letters, last := 0, 0, 0
	first := true
	var prev byte
	for i := 0; i <= len(s); i++ {
		var c byte = ' '
		if i < len(s) {
			c = s[i]
		}
		if c == '-' && joined {
			continue
		}
		if c < 'a' || c > 'z' {
			if !first {
				first = true
			}
			continue
		}
		switch c {
		case 'w':
			c = 'v'
		case 'z':
			c = 's'
		case 'q':
			c = 'k'
		}
		if first {
			if words > 0 {
				b = append(b, ' ')
			}
			words++
			last = 0
			first = false
			if strings.IndexByte("aeiouy", c) >= 0 {
				c = 'V'
			}
			b = append(b, c)
			letters++
			last++
			prev = c
			continue
		}
		if strings.IndexByte("aeiouyh", c) >= 0 || c == prev {
			continue
		}
		b = append(b, c)
		letters++
		last++
		prev = c
	}
	// shorter keys are too often another name's: six letters with a surname of two ("Vmd Vl sr"), or five
	// with a surname of four ("V snvr")
	return b, words >= 2 && (letters >= 6 && last >= 2 || letters >= 5 && last >= 4)
}

// indexSpellings makes the spelling keys of the names in Latin script of the people of our own files
// (layer 0) with a dated role: the office-holders news names. The imported people, most of them known by a
// name alone or a dated code, have names too common to be found by their consonants ("Abdul Hamid" is not
// Phoenix's "Abdulla Hameed").
func (d *Dictionary) indexSpellings() {
	d.spellIdx = map[string]int32{}
	for i, e := range d.actors {
		if e.Type != dyad.TypePerson || e.Country == "" || e.layer != 0 || len(e.roles) == 0 {
			continue
		}
		for _, n := range e.search {
			if !latin(n) {
				continue
			}
			for _, joined := range []bool{false, true} {
				k, ok := spellKey(n, joined)
				if !ok {
					continue
				}
				j, seen := d.spellIdx[k]
				switch {
				case !seen:
					d.spellIdx[k] = int32(i)
				case j >= 0 && j != int32(i) && d.actors[j].Country != e.Country:
					d.spellIdx[k] = -1 // people of two countries: no one
				}
			}
		}
	}
	d.spellPat = map[int32]int32{}
	for _, i := range d.spellIdx {
		if _, ok := d.spellPat[i]; i >= 0 && !ok {
			d.spellPat[i] = int32(len(d.m.pats))
			d.m.pats = append(d.m.pats, pattern{ref: i, kind: kindName, via: viaAlias})
		}
	}
}

// latin reports whether s has letters and all of them are Latin.
func latin(s string) bool {
	has := false
	for _, r := range s {
		if unicode.IsLetter(r) {
			if !unicode.Is(unicode.Latin, r) {
				return false
			}
			has = true
		}
	}
	return has
}

// spellings adds to items the runs of capitalised words between them that name a person by another
// spelling. Particles ("al", "bin", "van") may stand inside a run; words may be joined by a hyphen.
func (d *Dictionary) spellings(a *dyad.Article, toks []tok, items []item, lang string) []item {
	if len(d.spellIdx) == 0 {
		return items
	}
	var out []item  // nil until a spelling is found: then items before it come first
	next, k := 0, 0 // the first token no item holds; the item before which add looks
	add := func(from, to int) {
		for s := from; s < to; {
			if !toks[s].cap || !d.nameWord(toks[s]) {
				s++
				continue
			}
			// the run of name words from s
			e, words := s+1, 1
			for e < to && words < spellMaxRun {
				if isHyphen(toks[e]) && e+1 < to && d.nameWord(toks[e+1]) && toks[e].start == toks[e-1].end && toks[e+1].start == toks[e].end {
					e, words = e+2, words+1 // "al-Soudani", "Kassym-Jomart"
					continue
				}
				if !d.nameWord(toks[e]) || strings.TrimSpace(a.Text[toks[e-1].end:toks[e].start]) != "" {
					break
				}
				e, words = e+1, words+1
			}
			found := false
			for j := e; j >= s+2 && !found; j-- {
				if !toks[j-1].cap {
					continue // a run ends on a capitalised word
				}
				if i, ok := d.spelled(a.Text[toks[s].start:toks[j-1].end], lang); ok {
					if out == nil {
						out = append(make([]item, 0, len(items)+4), items[:k]...)
					}
					out = append(out, item{i: s, j: j, pats: []int32{d.spellPat[i]}})
					s, found = j, true
				}
			}
			if !found {
				s++
			}
		}
	}
	for ; k < len(items); k++ {
		it := items[k]
		if it.i > next {
			add(next, it.i)
		}
		if out != nil {
			out = append(out, it)
		}
		next = max(next, it.j)
	}
	if next < len(toks) {
		add(next, len(toks))
	}
	if out == nil {
		return items // no spelling found: nothing copied
	}
	slices.SortStableFunc(out, func(x, y item) int { return x.i - y.i })
	return out
}

// nameWord reports whether t may stand inside a person's name: a capitalised word, or a particle.
func (d *Dictionary) nameWord(t tok) bool {
	return t.word && !d.timeWords[t.fold] && (t.cap || d.particle[t.fold])
}

// isHyphen reports whether t is a hyphen (or a dash of the kinds written inside names).
func isHyphen(t tok) bool {
	return t.fold == "-" || t.fold == "\u2010" || t.fold == "\u2011"
}

// spelled returns the person that name (text as written) spells in lang's transliteration or in English.
func (d *Dictionary) spelled(name, lang string) (int32, bool) {
	low := strings.ToLower(name)
	var buf [64]byte
	for _, s := range [2]string{respell(low, d.spell[lang]), low} {
		f := text.Fold(s) // once for both keys
		for _, joined := range [2]bool{false, true} {
			if k, ok := appendSpellKey(buf[:0], f, joined); ok {
				if i, found := d.spellIdx[string(k)]; found && i >= 0 {
					return i, true
				}
			}
		}
		if len(d.spell[lang]) == 0 {
			break
		}
	}
	return -1, false
}
