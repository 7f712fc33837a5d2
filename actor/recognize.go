package actor

import (
	"slices"
	"strconv"
	"strings"

	"github.com/dyad-events/dyad"
	"github.com/dyad-events/dyad/text"
)

// item is a dictionary match over tokens [i, j) with the patterns that passed the case and language rules.
type item struct {
	i, j int
	pats []int32
}

// SetPlaces gives the dictionary a finder of more places than places/cities knows (the geo stage's
// gazetteer: geo.Gazetteer.PlaceCountry): f returns the country (alpha-3) of the place a folded key names,
// prefer being the article's main country or "". An unnamed group after an in/at word and such a place
// takes its country ("manifestantes en Juliaca"). Call it before the first Recognize.
func (d *Dictionary) SetPlaces(f func(key, prefer string) (string, bool)) { d.placeFn = f }

// Recognize returns the actor mentions of an article, sorted by Start and non-overlapping. Agents and
// demonyms of the article's language are used (all languages' when it has none), names of every language
// always. Offices resolve to their holder on the article's date: a.Published, else the latest year written
// in the text, else today. A title without a country takes the country of a.Dateline when it names a place
// or a country. Recognize is safe for concurrent use.
func (d *Dictionary) Recognize(a *dyad.Article) []dyad.ActorMention {
	// the text's tokens straight into the match tokens, without a []text.Token between them
	buf := d.tokBuf()
	toks := slices.Grow((*buf)[:0], len(a.Text)/5) // text.Tokens' estimate
	for t := range text.TokenSeq(a.Text) {
		toks = d.appendTok(toks, t, true)
	}
	markInner(toks)
	defer d.keepTokBuf(buf, toks)
	return d.recognize(a, toks)
}

// RecognizeTokens is Recognize given the article text's text.Tokens, so that a later stage (the event
// coder) can use the same tokens instead of making its own. It does not modify tt.
func (d *Dictionary) RecognizeTokens(a *dyad.Article, tt []text.Token) []dyad.ActorMention {
	buf := d.tokBuf()
	toks := d.appendTokens((*buf)[:0], tt, true)
	defer d.keepTokBuf(buf, toks)
	return d.recognize(a, toks)
}

// tokBuf returns a []tok buffer for an article's tokens; keepTokBuf gives it back.
func (d *Dictionary) tokBuf() *[]tok {
	buf, _ := d.tokBufs.Get().(*[]tok)
	if buf == nil {
		buf = new([]tok)
	}
	return buf
}

// keepTokBuf keeps toks, the tokens of an article written into tokBuf's buf, for the next article.
func (d *Dictionary) keepTokBuf(buf *[]tok, toks []tok) {
	if cap(toks) <= maxKeptToks { // not the buffer of a very long text
		*buf = toks[:0]
		d.tokBufs.Put(buf)
	}
}

// recognize is Recognize on the article's match tokens.
func (d *Dictionary) recognize(a *dyad.Article, toks []tok) []dyad.ActorMention {
	d.m.lookup(toks)
	lang := strings.ToLower(a.Lang)
	if k := strings.IndexAny(lang, "-_"); k > 0 {
		lang = lang[:k]
	}
	r := &resolver{d: d, a: a, toks: toks, lang: lang, useLang: d.langs[lang], coref: map[string]int32{}}
	r.lo, r.hi = d.window(a, toks)
	r.dateline = d.datelineCountry(string(a.Dateline))
	r.agency = d.agencyCountry(string(a.Source))
	d.markCompounds(toks, lang, r.useLang)
	d.markGlued(toks, lang, r.useLang)
	r.items = d.scan(toks, lang, r.useLang)
	r.items = d.spellings(a, toks, r.items, lang)
	r.dropNameParts()
	r.dropStreetNames()
	if len(d.weak[lang]) > 0 && r.useLang {
		r.dropUnsupported()
	}
	r.out = make([]dyad.ActorMention, 0, len(r.items)+len(r.items)/4)
	r.run()
	r.capitals()
	return r.out
}

// scan finds the leftmost-longest dictionary matches.
func (d *Dictionary) scan(toks []tok, lang string, useLang bool) []item {
	type end struct {
		j    int
		pats []int32
	}
	var items []item
	var ends []end
	buf := make([]byte, 0, 64)
	for i := 0; i < len(toks); {
		best := 0
		var bestPats []int32
		ends = ends[:0]
		buf = buf[:0]
		for j, nd := range d.m.walk(toks, i, buf) {
			if len(nd.pats) > 0 {
				if ps := d.allowed(nd.pats, toks[i:j], lang, useLang); len(ps) > 0 {
					best, bestPats = j, ps
					ends = append(ends, end{j, ps})
				}
			}
		}
		// A shorter match wins when the match that starts where it ends reaches past the longest one:
		// "中国|外交部长" rather than "中国外交部|长".
		for _, e := range ends[:max(len(ends)-1, 0)] {
			if d.longest(toks, e.j, lang, useLang) > best {
				best, bestPats = e.j, e.pats
				break
			}
		}
		// A short form inside an @glued word is its country there: a longer form that starts at it and
		// ends inside the word ("台军售" in "对台军售") does not take it.
		if g := int(toks[i].glueEnd); g > 0 && best > i+1 && best <= g {
			for _, e := range ends {
				if e.j == i+1 {
					best, bestPats = e.j, e.pats
					break
				}
			}
		}
		if best > 0 && toks[i].han {
			if n := d.placeAround(toks, i, best); n > 0 {
				i = n // "大马" (Malaysia) inside "大马士革" (Damascus), "马里" (Mali) inside "马里乌波尔" (Mariupol)
				continue
			}
		}
		if best > 0 {
			items = append(items, item{i: i, j: best, pats: bestPats})
			i = best
			continue
		}
		i++
	}
	return items
}

// maxPlaceHan is the most ideographs of a place name placeAround looks for.
const maxPlaceHan = 6

// placeAround returns the end of a longer place name (a place, a capital or a gazetteer city) that starts at
// ideograph i and reaches past a match ending at j, written as one glued run of ideographs; or 0. A script
// without spaces writes a country's short name as the head of a city's ("大马士革"), so a match cut out of a
// place's name names no actor.
func (d *Dictionary) placeAround(toks []tok, i, j int) int {
	n := i + 1
	for n < len(toks) && n-i < maxPlaceHan && toks[n].han && toks[n].start == toks[n-1].end {
		n++
	}
	var kb [96]byte // (the keys built on the stack: a longer one grows out of it)
	for ; n > j; n-- {
		if d.knownPlaceKey(appendPlaceKey(kb[:0], toks[i:n]), true) {
			return n
		}
	}
	return 0
}

// longest returns the end of the longest allowed match that starts at token i, or i.
func (d *Dictionary) longest(toks []tok, i int, lang string, useLang bool) int {
	best := i
	for end, nd := range d.m.walk(toks, i, nil) {
		if len(nd.pats) > 0 && len(d.allowed(nd.pats, toks[i:end], lang, useLang)) > 0 {
			best = end
		}
	}
	return best
}

// allowed filters patterns by language and case rules; it returns pats itself when all pass.
func (d *Dictionary) allowed(pats []int32, toks []tok, lang string, useLang bool) []int32 {
	// a name of the article's language (@name) wins over the names of every language spelled the same
	ownLang := false
	if useLang {
		for _, pi := range pats {
			if p := &d.m.pats[pi]; p.flags&flagLang != 0 && p.lang == lang && d.passes(pi, toks, lang, useLang) {
				ownLang = true
				break
			}
		}
	}
	ok := func(pi int32) bool {
		if !d.passes(pi, toks, lang, useLang) {
			return false
		}
		q := &d.m.pats[pi]
		return !ownLang || q.kind != kindName || q.lang == lang
	}
	all := true
	for _, pi := range pats {
		if !ok(pi) {
			all = false
			break
		}
	}
	if all {
		return pats
	}
	var out []int32
	for _, pi := range pats {
		if ok(pi) {
			out = append(out, pi)
		}
	}
	return out
}

// passes reports whether pattern pi passes the language and case rules on the tokens it matched.
func (d *Dictionary) passes(pi int32, toks []tok, lang string, useLang bool) bool {
	p := &d.m.pats[pi]
	if (p.kind == kindAgent || p.kind == kindDemonym || p.lang != "") && useLang && p.lang != lang {
		return false
	}
	if p.kind == kindName && p.lang != "" && !useLang {
		return false // a short name of one language ("Ý"): only in an article of that language
	}
	if p.flags&flagCap != 0 && !toks[0].cap {
		return false
	}
	if p.flags&flagShort != 0 && !toks[0].compound && !(useLang && p.lang == lang && d.weak[lang][toks[0].fold]) {
		return false
	}
	if p.flags&flagUpper != 0 {
		if toks[0].inner && !toks[0].compound || toks[len(toks)-1].inner && !toks[len(toks)-1].compound {
			return false // an acronym as one part of a hyphenated word: "PORT-AU-PRINCE"
		}
		for _, t := range toks {
			if t.word && !t.upper {
				return false
			}
		}
	}
	if p.flags&flagMarks != 0 {
		mk := d.markKeys[pi]
		if len(mk) != len(toks) {
			return false
		}
		for k, t := range toks {
			if text.MarkKey(t.raw) != mk[k] {
				return false // "công nhận" (recognise) is no "công nhân" (workers)
			}
		}
	}
	return true
}

// window returns the dates (yyyymmdd) an article speaks of: its publication day, else the latest year
// written in its text, else today.
func (d *Dictionary) window(a *dyad.Article, toks []tok) (int, int) {
	if p := string(a.Published); p != "" {
		if len(p) > 10 && p[10] == 'T' {
			p = p[:10] // a timestamp
		}
		if lo, err := parseDate(p, false); err == nil {
			hi, _ := parseDate(p, true)
			return lo, hi
		}
	}
	now := d.now()
	maxYear := now.Year() + 1
	year := 0
	for _, t := range toks {
		if len(t.fold) == 4 && t.word {
			if y, err := strconv.Atoi(t.fold); err == nil && y >= 1900 && y <= maxYear && y > year {
				year = y
			}
		}
	}
	if year > 0 {
		return year*10000 + 101, year*10000 + 1231
	}
	today := now.Year()*10000 + int(now.Month())*100 + now.Day()
	return today, today
}
