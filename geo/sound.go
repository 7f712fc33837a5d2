package geo

import (
	"slices"
	"strings"
	"sync"
	"unicode"
	"unicode/utf8"

	"github.com/dyad-events/dyad"
	"github.com/dyad-events/dyad/packs"
	"github.com/dyad-events/dyad/text"
)

// A name the gazetteer lacks in the text's script (a Chinese or Russian transliteration of a foreign town:
// 卢茨克, 钱凯, "в Кепанджене") is matched to a town of a country the text names by its consonant skeleton: the
// name is written in Latin letters by the language's `translit` table (packs/data/<lang>/translit: a Chinese
// character's sound in transliteration, 茨 ts, 夫 f or v; a Cyrillic letter's Latin letters), and both it and the
// town's Latin names are reduced to classes of consonants by packs/data/geo/skeleton (ch, ts, s, z: S; b, p: P;
// l, r: L; vowels: nothing), repeats folded: Lutsk and 卢茨克 are both L S K. A match counts only when exactly one
// town of those countries has that skeleton, and the skeleton has minSkeleton classes or more.

// minSkeleton is the fewest consonant classes a skeleton must have to be matched: two (Uman, 乌曼: M N) match
// too many towns of a country by chance.
const minSkeleton = 3

// maxReadings bounds the Latin readings of one name (a character may have several: 基 ki, ji).
const maxReadings = 64

// skeleton holds packs/data/geo/skeleton: letter groups of folded Latin names and their consonant classes.
type skeleton struct {
	groups  map[string]string
	longest int
}

// loadSkeleton reads packs/data/geo/skeleton: group | classes (upper-case letters, or - for none).
func loadSkeleton(set *packs.Set) (*skeleton, []error) {
	sk := &skeleton{groups: map[string]string{}}
	files, err := set.Files("geo/skeleton")
	if err != nil {
		return sk, []error{err}
	}
	var errs []error
	for _, f := range files {
		for ln := range f.Lines() {
			if len(ln.Fields) != 2 || ln.Fields[0] == "" || strings.IndexFunc(ln.Fields[1], func(r rune) bool { return r != '-' && (r < 'A' || r > 'Z') }) >= 0 {
				errs = append(errs, ln.Errorf("want letters | CLASSES (upper case, or - for none)"))
				continue
			}
			g, cl := strings.ToLower(ln.Fields[0]), strings.Trim(ln.Fields[1], "-")
			sk.groups[g] = cl
			sk.longest = max(sk.longest, len(g))
		}
	}
	return sk, errs
}

// of returns the skeleton of a folded Latin name: each letter group's classes, longest group first, a letter
// no group holds (a vowel, a space) giving none, repeats folded ("lutsk": LSK).
func (sk *skeleton) of(s string) string {
	var b []byte
	for i := 0; i < len(s); {
		n := 0
		for l := min(sk.longest, len(s)-i); l > 0; l-- {
			if cl, ok := sk.groups[s[i:i+l]]; ok {
				for k := 0; k < len(cl); k++ {
					if len(b) == 0 || b[len(b)-1] != cl[k] {
						b = append(b, cl[k])
					}
				}
				n = l
				break
			}
		}
		if n == 0 {
			_, n = utf8.DecodeRuneInString(s[i:])
		}
		i += n
	}
	return string(b)
}

// loadTranslit reads a language's translit file: a character or letter | its Latin readings.
func loadTranslit(set *packs.Set, code string) (map[string][]string, []error) {
	files, err := set.Files(code + "/translit")
	if err != nil {
		return nil, []error{err}
	}
	var errs []error
	var m map[string][]string
	for _, f := range files {
		for ln := range f.Lines() {
			if len(ln.Fields) < 2 || utf8.RuneCountInString(ln.Fields[0]) != 1 {
				errs = append(errs, ln.Errorf("want one character | its Latin readings"))
				continue
			}
			if m == nil {
				m = map[string][]string{}
			}
			k := text.Fold(ln.Fields[0])
			for _, r := range ln.Fields[1:] {
				if r = strings.TrimSpace(r); r == "-" {
					r = "" // (a letter of no sound of its own: ь, ъ)
				} else if r == "" || strings.IndexFunc(r, func(c rune) bool { return c < 'a' || c > 'z' }) >= 0 {
					errs = append(errs, ln.Errorf("reading %q: want Latin letters a-z, or - for none", r))
					continue
				}
				if !slices.Contains(m[k], r) {
					m[k] = append(m[k], r)
				}
			}
		}
	}
	return m, errs
}

// readings returns the Latin readings of a folded name by the language's translit table (its keys folded), every
// character of which it must hold (at most maxReadings of them), or nil.
func (l *lang) readings(name string) []string {
	out := []string{""}
	for _, ch := range name {
		rs := l.translit[string(ch)]
		if len(rs) == 0 {
			return nil
		}
		var next []string
		for _, o := range out {
			for _, r := range rs {
				if len(next) < maxReadings {
					next = append(next, o+r)
				}
			}
		}
		out = next
	}
	return out
}

// soundIndex is, per country (alpha-3), the cities of each skeleton of their Latin names (by), and of their
// gazetteer names alone (primary).
type soundIndex struct {
	once        sync.Once
	by, primary map[string]map[string][]int32
}

func (r *Resolver) soundIndex() *soundIndex {
	r.sound.once.Do(func() {
		by, primary := map[string]map[string][]int32{}, map[string]map[string][]int32{}
		for k, ids := range r.g.names {
			if k == "" || k[0] < 'a' || k[0] > 'z' {
				continue // (Latin names only: folded, they start with an ASCII letter)
			}
			s := r.sk.of(k)
			if len(s) < minSkeleton {
				continue
			}
			for _, id := range ids {
				p := r.g.places[id]
				if p.Precision != City {
					continue
				}
				if by[p.Country] == nil {
					by[p.Country] = map[string][]int32{}
				}
				if !slices.Contains(by[p.Country][s], id) {
					by[p.Country][s] = append(by[p.Country][s], id)
				}
				if r.g.primary[id] == k {
					if primary[p.Country] == nil {
						primary[p.Country] = map[string][]int32{}
					}
					primary[p.Country][s] = append(primary[p.Country][s], id)
				}
			}
		}
		r.sound.by, r.sound.primary = by, primary
	})
	return &r.sound
}

// soundsLike returns the one city of the given countries whose Latin name has the skeleton of one of names'
// readings by the language's translit table (names: the name as written and its uninflected forms); of several,
// the one whose gazetteer name has it, when one does.
func (r *Resolver) soundsLike(l *lang, names []string, countries []string) (int32, bool) {
	if len(l.translit) == 0 || len(countries) == 0 || r.sk == nil {
		return 0, false
	}
	var skels []string
	for _, n := range names {
		for _, rd := range l.readings(n) {
			if s := r.sk.of(rd); len(s) >= minSkeleton && !slices.Contains(skels, s) {
				skels = append(skels, s)
			}
		}
	}
	if len(skels) == 0 {
		return 0, false
	}
	idx := r.soundIndex()
	// (when several towns have it, the one whose own name has it: Lutsk, not Oleshky, once "Aleshki")
	for _, by := range []map[string]map[string][]int32{idx.by, idx.primary} {
		var found []int32
		for _, cc := range countries {
			for _, s := range skels {
				for _, id := range by[cc][s] {
					if !slices.Contains(found, id) {
						found = append(found, id)
					}
				}
			}
		}
		if len(found) == 1 {
			return found[0], true
		}
		if len(found) == 0 {
			break
		}
	}
	return 0, false
}

// soundCountries returns the countries a name of the text between start and end may be a town of, for
// soundsLike: those the sentence names (not a capital standing for its government), the dateline's.
func (r *Resolver) soundCountries(c *article, start, end int) []string {
	var out []string
	for _, m := range c.overlapping(start, end) {
		if m.Start >= start && m.End <= end && m.Actor.Type == dyad.TypeCountry && m.Via != "capital" && m.Actor.Country != "" && !slices.Contains(out, m.Actor.Country) {
			out = append(out, m.Actor.Country)
		}
	}
	if c.dateline.Resolved() && !slices.Contains(out, c.dateline.Country) {
		out = append(out, c.dateline.Country)
	}
	return out
}

// soundRun reads a Chinese transliteration the gazetteer lacks, right before a `suffix` character of the
// language (市, 县, 港, 镇, 岛: "沃伦州卢茨克市", "钱凯港"), at token j of a sentence: the characters from j to the
// suffix are all of the translit table, two or more, no actor mention covers them, and none of their tails is a
// gazetteer name (a known name is read as such). The city is the one soundsLike finds.
func (r *Resolver) soundRun(c *article, toks []text.Token, j, start, end int) (candidate, bool) {
	l := c.lg
	if len(l.suffix) == 0 || len(l.translit) == 0 {
		return candidate{}, false
	}
	if j > 0 && toks[j-1].End == toks[j].Start && len(l.translit[toks[j-1].Fold]) > 0 && !l.suffix[toks[j-1].Fold] {
		return candidate{}, false // (not the middle of a run: a run is read from its first character)
	}
	k := j
	for k < len(toks) && (k == j || toks[k].Start == toks[k-1].End) && len(l.translit[toks[k].Fold]) > 0 && utf8.RuneCountInString(toks[k].Text) == 1 {
		if l.suffix[toks[k].Fold] && k-j >= 2 {
			break
		}
		k++
	}
	if k >= len(toks) || k-j < 2 || !l.suffix[toks[k].Fold] || toks[k].Start != toks[k-1].End {
		return candidate{}, false
	}
	if r, _ := utf8.DecodeRuneInString(toks[j].Text); !unicode.Is(unicode.Han, r) {
		return candidate{}, false
	}
	for i := j; i < k; i++ {
		if _, covered := mentionAt(c.ms, toks[i].Start); covered {
			return candidate{}, false
		}
	}
	countries := r.soundCountries(c, start, end)
	// the longest run that sounds like one town, from its first character on (a character of the region's word
	// may stand before it: "奥迪沙邦巴拉索尔县")
	for s := j; k-s >= 2; s++ {
		name := c.a.Text[toks[s].Start:toks[k-1].End]
		if len(r.g.names[Key(name)]) > 0 {
			return candidate{}, false
		}
		if id, ok := r.soundsLike(l, []string{text.Fold(name)}, countries); ok {
			return candidate{start: toks[s].Start, end: toks[k].End, word: -1, places: []int32{id}, key: r.g.primary[id], chained: true}, true
		}
	}
	return candidate{}, false
}

// soundWord reads a word of an alphabet the gazetteer lacks (a Russian transliteration: "в Кепанджене", "в
// Хмельницком"), capitalised, after a place word, as soundsLike finds it, its case endings undone by inflect.
func (r *Resolver) soundWord(c *article, t text.Token, start, end int) (candidate, bool) {
	l := c.lg
	if len(l.translit) == 0 || !t.IsCapitalized() || l.never[t.Fold] || l.stop[t.Fold] {
		return candidate{}, false
	}
	if _, covered := mentionAt(c.ms, t.Start); covered {
		return candidate{}, false
	}
	countries := r.soundCountries(c, start, end)
	if len(countries) == 0 {
		return candidate{}, false // (soundsLike's answer, without the forms)
	}
	id, ok := r.soundsLike(l, append([]string{t.Fold}, l.uninflected(t.Fold)...), countries)
	if !ok {
		return candidate{}, false
	}
	return candidate{start: t.Start, end: t.End, places: []int32{id}, key: r.g.primary[id], chained: true}, true
}
