package link

import (
	"fmt"
	"path"
	"slices"
	"strconv"
	"strings"

	"github.com/dyad-events/dyad/packs"
)

// IndexFile is the pack file that lists the concepts of the claim lexicon; ConceptsFile is the name of each
// language's file of phrases (under <lang>/).
const (
	IndexFile    = "concepts/index"
	ConceptsFile = "concepts"
)

// Concept is one entry of the concept lexicon.
type Concept struct {
	ID string
	// Weight says how much the concept says on its own: 3 a specific position ("one-China", "top priority"),
	// 2 a theme ("mutual trust", "peace and stability"), 1 context that nearly every statement carries
	// ("cooperation", "relations"). A claim is defined by the heaviest concepts (of weight 2 or 3) a statement has.
	Weight int
	Label  string // readable English
}

// Lexicon is the multilingual concept lexicon: phrases of each language mapped to concepts.
type Lexicon struct {
	concepts map[string]Concept
	langs    map[string]*matcher
	all      *matcher // every language's phrases, for text in a language without a file
}

// Concept returns a concept by id.
func (x *Lexicon) Concept(id string) (Concept, bool) {
	c, ok := x.concepts[id]
	return c, ok
}

// Len returns the number of concepts.
func (x *Lexicon) Len() int { return len(x.concepts) }

// Langs returns the languages that have phrases, sorted.
func (x *Lexicon) Langs() []string { return sortedKeys(x.langs) }

// phrase is a sequence of folded words; a word with prefix set matches any word it begins.
type phrase struct {
	words   []string
	prefix  []bool
	concept string
	where   string // file:line
}

type matcher struct {
	exact  map[string][]*phrase // by first word
	prefix map[string][]*phrase // by first word, for phrases whose first word is a prefix
}

func newMatcher() *matcher {
	return &matcher{exact: map[string][]*phrase{}, prefix: map[string][]*phrase{}}
}

func (m *matcher) add(p *phrase) {
	if p.prefix[0] {
		m.prefix[p.words[0]] = append(m.prefix[p.words[0]], p)
	} else {
		m.exact[p.words[0]] = append(m.exact[p.words[0]], p)
	}
}

func (p *phrase) matchAt(ws []string, i int) bool {
	if i+len(p.words) > len(ws) {
		return false
	}
	for j, w := range p.words {
		t := ws[i+j]
		if p.prefix[j] {
			if !strings.HasPrefix(t, w) {
				return false
			}
		} else if t != w {
			return false
		}
	}
	return true
}

// Hit is a concept found in a text, at the index of its first word.
type Hit struct {
	Concept string
	Word    int
}

// find returns the concepts of ws, leftmost-longest and without overlaps: "top priority" is top-priority,
// not also priority.
func (m *matcher) find(ws []string) []Hit {
	var out []Hit
	for i := 0; i < len(ws); {
		var best *phrase
		consider := func(ps []*phrase) {
			for _, p := range ps {
				if !p.matchAt(ws, i) {
					continue
				}
				if best == nil || len(p.words) > len(best.words) ||
					(len(p.words) == len(best.words) && literal(p) > literal(best)) {
					best = p
				}
			}
		}
		w := ws[i]
		consider(m.exact[w])
		for k := 1; k <= len(w); k++ {
			if ps, ok := m.prefix[w[:k]]; ok {
				consider(ps)
			}
		}
		if best == nil {
			i++
			continue
		}
		out = append(out, Hit{Concept: best.concept, Word: i})
		i += len(best.words)
	}
	return out
}

// literal counts a phrase's fully spelled words, so that an exact phrase beats a prefix one of equal length.
func literal(p *phrase) int {
	n := 0
	for _, pre := range p.prefix {
		if !pre {
			n++
		}
	}
	return n
}

// Match returns the concepts that text in language lang expresses, in the order they appear.
func (x *Lexicon) Match(lang, s string) []Hit {
	m := x.langs[lang]
	if m == nil {
		m = x.all
	}
	return m.find(Words(s))
}

// parsePhrase reads a lexicon phrase: words separated by spaces (ideographs need none), a trailing '*' on a
// word makes it a prefix ("strategisch* keuze").
func parsePhrase(s string) (words []string, prefix []bool, err error) {
	for chunk := range strings.FieldsSeq(s) {
		star := strings.HasSuffix(chunk, "*")
		chunk = strings.TrimSuffix(chunk, "*")
		if strings.Contains(chunk, "*") {
			return nil, nil, fmt.Errorf("phrase %q: '*' only at the end of a word", s)
		}
		ws := Words(chunk)
		if len(ws) == 0 {
			if star {
				return nil, nil, fmt.Errorf("phrase %q: '*' after no word", s)
			}
			continue
		}
		for i, w := range ws {
			words = append(words, w)
			prefix = append(prefix, star && i == len(ws)-1)
		}
	}
	if len(words) == 0 {
		return nil, nil, fmt.Errorf("phrase %q: no words", s)
	}
	for i, w := range words {
		if prefix[i] && len([]rune(w)) < 3 && !isIdeographic(w) {
			return nil, nil, fmt.Errorf("phrase %q: prefix %q is too short (3 letters at least)", s, w)
		}
	}
	return words, prefix, nil
}

func isIdeographic(w string) bool {
	for _, r := range w {
		if !isIdeograph(r) {
			return false
		}
	}
	return true
}

func validID(id string) bool {
	if id == "" {
		return false
	}
	for _, c := range id {
		if !(c >= 'a' && c <= 'z' || c >= '0' && c <= '9' || c == '-') {
			return false
		}
	}
	return true
}

// LoadLexicon reads concepts/index and every <lang>/concepts file of p. It returns every problem found, each
// naming its file and line; the lexicon holds what was valid. When p has no index (a user directory checked
// alone), phrase lines are checked for syntax only.
func LoadLexicon(p *packs.Set) (*Lexicon, []error) {
	x := &Lexicon{concepts: map[string]Concept{}, langs: map[string]*matcher{}, all: newMatcher()}
	var errs []error
	idx, err := p.Files(IndexFile)
	if err != nil {
		return x, []error{err}
	}
	where := map[string]string{}
	for _, f := range idx {
		for ln := range f.Lines() {
			if len(ln.Fields) != 3 {
				errs = append(errs, ln.Errorf("want 3 fields `id | weight | label`, got %d", len(ln.Fields)))
				continue
			}
			id, label := ln.Fields[0], ln.Fields[2]
			if !validID(id) {
				errs = append(errs, ln.Errorf("concept id %q: want lower-case letters, digits and '-'", id))
				continue
			}
			w, err := strconv.Atoi(ln.Fields[1])
			if err != nil || w < 1 || w > 3 {
				errs = append(errs, ln.Errorf("concept %s: weight %q: want 1, 2 or 3", id, ln.Fields[1]))
				continue
			}
			if label == "" {
				errs = append(errs, ln.Errorf("concept %s: empty label", id))
				continue
			}
			if prev, ok := where[id]; ok && strings.HasPrefix(prev, f.Name+":") {
				errs = append(errs, ln.Errorf("concept %s: already defined at %s", id, prev))
				continue
			}
			where[id] = fmt.Sprintf("%s:%d", ln.File, ln.N)
			x.concepts[id] = Concept{ID: id, Weight: w, Label: label}
		}
	}
	checkIDs := len(idx) > 0

	files, err := p.Glob("*/" + ConceptsFile)
	if err != nil {
		return x, append(errs, err)
	}
	for _, f := range files {
		lang := path.Dir(f.Path)
		if !isLang(lang) {
			continue
		}
		m := x.langs[lang]
		if m == nil {
			m = newMatcher()
			x.langs[lang] = m
		}
		seen := map[string]string{} // phrase -> concept, within this language
		for ln := range f.Lines() {
			if len(ln.Fields) < 2 {
				errs = append(errs, ln.Errorf("want `concept | phrase | phrase ...`"))
				continue
			}
			id := ln.Fields[0]
			if !validID(id) {
				errs = append(errs, ln.Errorf("concept id %q: want lower-case letters, digits and '-'", id))
				continue
			}
			if _, ok := x.concepts[id]; checkIDs && !ok {
				errs = append(errs, ln.Errorf("unknown concept %q (not in %s)", id, IndexFile))
				continue
			}
			for _, ph := range ln.Fields[1:] {
				words, prefix, err := parsePhrase(ph)
				if err != nil {
					errs = append(errs, ln.Errorf("concept %s: %w", id, err))
					continue
				}
				norm := strings.Join(words, " ") + fmt.Sprint(prefix)
				if c, ok := seen[norm]; ok {
					if c != id {
						errs = append(errs, ln.Errorf("phrase %q is already concept %s", ph, c))
					}
					continue
				}
				seen[norm] = id
				p := &phrase{words: words, prefix: prefix, concept: id, where: fmt.Sprintf("%s:%d", ln.File, ln.N)}
				m.add(p)
				x.all.add(p)
			}
		}
	}
	return x, errs
}

func isLang(s string) bool {
	return len(s) == 2 && s[0] >= 'a' && s[0] <= 'z' && s[1] >= 'a' && s[1] <= 'z'
}

// uniqueConcepts returns the distinct concept ids of hits, sorted.
func uniqueConcepts(hits []Hit) []string {
	var out []string
	for _, h := range hits {
		out = append(out, h.Concept)
	}
	slices.Sort(out)
	return slices.Compact(out)
}
