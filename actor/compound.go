package actor

import (
	"github.com/dyad-events/dyad"
	"github.com/dyad-events/dyad/packs"
)

// addShort reads the @short and @compound lines of a demonyms file:
//
//	@short | CHN | 中 | 华        short forms that name a country only inside a compound ("中美", "Mỹ-Trung")
//	@compound | 关系 | 两国       words that may follow a glued compound ("中美关系", "中日两国")
//	@glued | 访华 | 对台军售     words glued to one short form, which names its country there ("访华": visit China)
//	@self | 我国 | 我國          first-person country words, which name the dateline's country when there is one
func (d *Dictionary) addShort(lang string, l packs.Line) []error {
	switch l.Fields[0] {
	case "@self":
		return d.addForms(d.self, lang, l)
	case "@glued":
		return d.addGlued(lang, l)
	case "@compound":
		return d.addForms(d.compoundNext, lang, l)
	}
	i, ok := d.country[l.Fields[1]]
	if !ok || len(l.Fields) < 3 {
		return []error{l.Errorf("want %s | alpha-3 code | form ..., have %q", l.Fields[0], l.Fields[1])}
	}
	if l.Fields[0] == "@weak" {
		if d.weak[lang] == nil {
			d.weak[lang] = map[string]bool{}
		}
		for _, w := range l.Fields[2:] {
			if toks := d.tokens(w, false); len(toks) == 1 {
				d.weak[lang][toks[0].fold] = true
			}
		}
	}
	if d.short[lang] == nil {
		d.short[lang] = map[string]bool{}
	}
	var errs []error
	for _, w := range l.Fields[2:] {
		toks := d.tokens(w, false)
		if len(toks) != 1 {
			errs = append(errs, l.Errorf("short form %q: want one word or character", w))
			continue
		}
		d.short[lang][toks[0].fold] = true
		d.addPattern(w, pattern{kind: kindDemonym, ref: i, lang: lang, flags: flagShort})
	}
	d.langs[lang] = true
	return errs
}

// addGlued reads an @glued line: each form holds exactly one short form of an @short line read before it.
func (d *Dictionary) addGlued(lang string, l packs.Line) []error {
	var errs []error
	if d.glued[lang] == nil {
		d.glued[lang] = map[string]int{}
	}
	for _, w := range l.Fields[1:] {
		toks := d.tokens(w, false)
		at := -1
		for k, t := range toks {
			if d.short[lang][t.fold] {
				if at >= 0 {
					at = -2
					break
				}
				at = k
			}
		}
		if len(toks) < 2 || len(toks) > gluedMaxLen || at < 0 {
			errs = append(errs, l.Errorf("glued form %q: want 2 to %d tokens holding exactly one short form", w, gluedMaxLen))
			continue
		}
		d.glued[lang][quantKey(toks)] = at
	}
	return errs
}

// gluedMaxLen is the most tokens of an @glued form.
const gluedMaxLen = 4

// markGlued marks the short form inside an @glued word of the text ("访华", "对华制裁"), unless a name
// starts at it and reaches past the word ("访华盛顿" is a visit to Washington).
func (d *Dictionary) markGlued(toks []tok, lang string, useLang bool) {
	g := d.glued[lang]
	if len(g) == 0 {
		return
	}
	for i := 0; i < len(toks); i++ {
		if !toks[i].han {
			continue
		}
		for n := gluedMaxLen; n >= 2; n-- {
			if i+n > len(toks) {
				continue
			}
			glued := true
			for k := i + 1; k < i+n; k++ {
				if !toks[k].han || toks[k].start != toks[k-1].end {
					glued = false
					break
				}
			}
			at, ok := g[quantKey(toks[i:i+n])]
			if !glued || !ok {
				continue
			}
			if d.anyNameEnd(toks, i+at) <= i+n {
				toks[i+at].compound = true
				toks[i+at].glueEnd = int32(i + n)
			}
			break
		}
	}
}

// anyNameEnd returns the end of the longest dictionary form of any kind (a name, a title, a place, a
// capital) that starts at token i, or i+1.
func (d *Dictionary) anyNameEnd(toks []tok, i int) int {
	best := i + 1
	for end, nd := range d.m.walk(toks, i, nil) {
		if len(nd.pats) > 0 {
			best = max(best, end)
		}
	}
	for j := i + 1; j < len(toks) && j-i < 6; j++ {
		if d.knownPlace(placeKey(toks[i:j+1]), false) {
			best = max(best, j+1)
		}
	}
	return best
}

// compoundNextLen is the most tokens of a word of an @compound line that is looked for.
const compoundNextLen = 3

// markCompounds marks the tokens of compounds of countries: two or more short forms or one-word country
// names, glued ideographs ("中美", "中日韩", "朝韩") or joined by a dash ("Mỹ-Trung", "Việt - Mỹ",
// "Sino-US"), at least one of them a short form. A glued compound must end the word: punctuation, a
// non-ideograph or an @compound word follows it ("中美关系"), unless it has three members; and no name
// may start inside it and reach past it ("其中美国" is not China + USA).
func (d *Dictionary) markCompounds(toks []tok, lang string, useLang bool) {
	langs := []string{lang}
	if !useLang {
		langs = langs[:0]
		for l := range d.short {
			langs = append(langs, l)
		}
	}
	shortSets := make([]map[string]bool, len(langs))
	for k, l := range langs {
		shortSets[k] = d.short[l]
	}
	isShort := func(f string) bool {
		for _, m := range shortSets {
			if m[f] {
				return true
			}
		}
		return false
	}
	if len(langs) == 0 || len(d.short[langs[0]]) == 0 && useLang {
		return
	}
	member := func(k int) (short, ok bool) {
		t := toks[k]
		if !t.word {
			return false, false
		}
		if isShort(t.fold) {
			return true, true
		}
		if n, found := d.m.key(&toks[k]); found {
			for _, pi := range d.m.nodes[n].pats {
				p := d.m.pats[pi]
				if (p.kind == kindName && d.actors[p.ref].Type == dyad.TypeCountry || p.kind == kindDemonym && p.flags&flagShort == 0) && d.passes(pi, toks[k:k+1], lang, useLang) { // allowed on pi alone
					return false, true
				}
			}
		}
		return false, false
	}
	var run []int
	for i := 0; i < len(toks); {
		run = run[:0]
		shorts := 0
		k := i
		for k < len(toks) {
			s, ok := member(k)
			if !ok {
				break
			}
			run = append(run, k)
			if s {
				shorts++
			}
			// the next member: glued (ideographs) or after one dash
			switch {
			case toks[k].han && k+1 < len(toks) && toks[k+1].han && toks[k+1].start == toks[k].end:
				k++
				continue
			case !toks[k].han && k+2 < len(toks) && isDash(toks[k+1].fold) && !toks[k+2].han:
				k += 2
				continue
			}
			break
		}
		if len(run) >= 2 && shorts > 0 && d.compoundEnds(toks, run, lang, useLang) {
			for _, m := range run {
				toks[m].compound = true
			}
		}
		if len(run) == 0 {
			i++
		} else {
			i = run[len(run)-1] + 1
		}
	}
}

// compoundEnds reports whether a run of glued ideographs ends a word, and no name starts inside the run
// and reaches past it; runs joined by dashes always end.
func (d *Dictionary) compoundEnds(toks []tok, run []int, lang string, useLang bool) bool {
	last := run[len(run)-1]
	if !toks[last].han {
		return true
	}
	for _, k := range run {
		if d.longest(toks, k, lang, useLang) > last+1 {
			return false // "其中美国": 美国 is a name
		}
	}
	if len(run) >= 3 {
		return true
	}
	nx := last + 1
	if nx >= len(toks) || !toks[nx].han || toks[nx].start != toks[last].end {
		return true
	}
	next := d.compoundNext[lang]
	for n := 1; n <= compoundNextLen && nx+n <= len(toks); n++ {
		if next[quantKey(toks[nx:nx+n])] {
			return true
		}
	}
	return false
}

func isDash(s string) bool { return s == "-" || s == "–" || s == "—" || s == "‑" }

// dropUnsupported removes the matches of @weak names ("Anh": Britain, and the pronoun or name "anh") that
// nothing around them makes a country: it is one after a place or "to" word ("ở Anh", "sang Anh"), after an
// "of" word when no capitalised word follows ("của Anh", not "của Anh Tuấn"), right
// after a title ("Thủ tướng Anh"), or beside another country in a list ("Mỹ, Anh và Pháp"); inside a
// compound it is a short form already.
func (r *resolver) dropUnsupported() {
	weak := r.d.weak[r.lang]
	conn := r.conns()
	isCountry := func(it item) bool {
		if r.isWeak(it, weak) {
			return false
		}
		c, _ := r.countryOf(it)
		return c >= 0
	}
	keep := make([]bool, len(r.items))
	for k, it := range r.items {
		keep[k] = true
		if !r.isWeak(it, weak) {
			continue
		}
		ok := false
		if p := it.i - 1; p >= 0 && conn(r.toks[p].fold)&(connTo|connPlace) != 0 {
			ok = true // "ở Anh", "sang Anh"
		}
		if p := it.i - 1; p >= 0 && !ok && conn(r.toks[p].fold)&connOf != 0 && (it.j >= len(r.toks) || !r.toks[it.j].cap) {
			ok = true // "tàu chở dầu của Anh"; not a name's first part ("của Anh Tuấn")
		}
		if k > 0 && !ok {
			prev := r.items[k-1]
			_, _, ag := r.class(prev)
			switch {
			case prev.j == it.i && len(ag) > 0:
				ok = true // "Thủ tướng Anh", "đại sứ Anh"
			case prev.j+1 == it.i && (r.toks[prev.j].fold == "," || conn(r.toks[prev.j].fold)&connAnd != 0) && isCountry(prev):
				ok = true // "Mỹ, Anh", "Pháp và Anh"
			}
		}
		if k+1 < len(r.items) && !ok {
			next := r.items[k+1]
			if it.j+1 == next.i && (r.toks[it.j].fold == "," || conn(r.toks[it.j].fold)&connAnd != 0) && isCountry(next) {
				ok = true // "Anh, Pháp", "Anh và Pháp"
			}
		}
		keep[k] = ok
	}
	out := r.items[:0]
	for k, it := range r.items {
		if keep[k] {
			out = append(out, it)
		}
	}
	r.items = out
}

// isWeak reports whether an item is a lone @weak name outside a compound.
func (r *resolver) isWeak(it item, weak map[string]bool) bool {
	return it.j == it.i+1 && weak[r.toks[it.i].fold] && !r.toks[it.i].compound
}
