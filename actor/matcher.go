package actor

import (
	"iter"
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/dyad-events/dyad/text"
)

// Pattern kinds.
const (
	kindName uint8 = iota + 1
	kindDemonym
	kindAgent
	kindNot // a phrase that names no actor ("French fries"): it wins the longest match and yields nothing
)

// How a name pattern was written in the dictionary.
const (
	viaName uint8 = iota
	viaAlias
	viaOblique // a demonym pattern that is an oblique case of a country's name ("Großbritanniens", "России")
)

// Case rules of a pattern.
const (
	flagUpper uint8 = 1 << iota // an acronym: every letter of the text must be a capital
	flagCap                     // the text must start with a capital (one-word and stop-listed names)
	flagShort                   // a short form ("中", "Trung", "Sino"): only inside a compound of countries
	flagLang                    // a name of one language (@name): in its articles it wins over every language's
	flagMarks                   // an agent of a @marks language: the text's words must have its diacritics (markKeys)
)

type pattern struct {
	ref   int32 // actor index (names, demonyms) or agent index
	kind  uint8
	via   uint8
	flags uint8
	lang  string // "" for names, which every language uses
}

// matcher maps folded token sequences, joined by spaces, to the patterns they spell. Every proper prefix of
// a pattern is a key too, marked "more", so a longest match extends one token at a time and stops at the
// first sequence that no pattern starts with. The key of a sequence is built in a reused buffer, and a map
// lookup with string(buf) does not allocate.
type matcher struct {
	keys   map[string]int32
	nodes  []mnode
	pats   []pattern
	maxLen int
	// The same keys as a trie over interned words: words gives each word of a key a small id, first the node of
	// a word alone (-1 where the word alone is no key), and next the node that a node followed by a word
	// reaches (nextKey(node, word)). A walk past a key's first word then looks up an integer, not a string
	// that grows by a word at each step.
	words map[string]int32
	first []int32
	next  map[uint64]int32
}

func nextKey(n, w int32) uint64 { return uint64(uint32(n))<<32 | uint64(uint32(w)) }

// word returns the id of fold among the keys' words.
func (m *matcher) word(fold string) (int32, bool) {
	w, ok := m.words[fold]
	return w, ok
}

// intern returns the id of word w, adding it.
func (m *matcher) intern(w string) int32 {
	if id, ok := m.words[w]; ok {
		return id
	}
	id := int32(len(m.first))
	m.words[w] = id
	m.first = append(m.first, -1)
	return id
}

type mnode struct {
	pats []int32
	more bool
}

// walk yields, for each longer run of tokens from toks[i] that is a key, the run's end and its node, and
// stops at the first run that no key spells or whose node starts no longer key. buf holds what comes before
// toks[i] in the key (nothing, or tokens already folded and joined, a proper prefix of a key or nothing is
// found); it is not written.
func (m *matcher) walk(toks []tok, i int, buf []byte) iter.Seq2[int, *mnode] {
	return func(yield func(int, *mnode) bool) {
		var n int32
		var ok bool
		for j := i; j < len(toks) && j-i < m.maxLen; j++ {
			switch {
			case j > i:
				n, ok = m.step(n, &toks[j])
			case len(buf) == 0:
				n, ok = m.key(&toks[i])
			default:
				if n, ok = m.keys[string(buf)]; ok {
					n, ok = m.step(n, &toks[i])
				}
			}
			if !ok {
				return
			}
			nd := &m.nodes[n]
			if !yield(j+1, nd) || !nd.more {
				return
			}
		}
	}
}

// step returns the node that node n followed by token t reaches: the key of n, a space and t's fold.
func (m *matcher) step(n int32, t *tok) (int32, bool) {
	w := t.word1 - 1
	if t.word1 == 0 {
		var ok bool
		if w, ok = m.word(t.fold); !ok {
			return 0, false
		}
	}
	if w < 0 {
		return 0, false
	}
	n, ok := m.next[nextKey(n, w)]
	return n, ok
}

// lookup notes in each token its word (tok.word1) and the node of its fold alone (tok.node), once the
// matcher holds every key.
func (m *matcher) lookup(toks []tok) {
	for k := range toks {
		if w, ok := m.words[toks[k].fold]; ok {
			toks[k].word1 = w + 1
			toks[k].node = m.first[w] + 1
			if toks[k].node == 0 {
				toks[k].node = -1
			}
		} else {
			toks[k].word1, toks[k].node = -1, -1
		}
	}
}

// key returns the node of token t's fold alone, as m.keys does.
func (m *matcher) key(t *tok) (int32, bool) {
	if t.node != 0 {
		return t.node - 1, t.node > 0
	}
	n, ok := m.keys[t.fold]
	return n, ok
}

// newMatcher returns a matcher sized for about n keys: growing a map of 100,000 keys costs more than
// filling it.
func newMatcher(n int) matcher {
	return matcher{keys: make(map[string]int32, n), nodes: make([]mnode, 0, n), pats: make([]pattern, 0, n),
		words: make(map[string]int32, n/2), first: make([]int32, 0, n/2), next: make(map[uint64]int32, n/2)}
}

// trim gives back the capacity the size estimate left unused in the node and pattern slices.
func (m *matcher) trim() {
	m.nodes = slices.Clone(m.nodes)
	m.pats = slices.Clone(m.pats)
}

func (m *matcher) node(k string) int32 {
	if n, ok := m.keys[k]; ok {
		return n
	}
	n := int32(len(m.nodes))
	m.nodes = append(m.nodes, mnode{})
	m.keys[k] = n
	return n
}

// add adds p under keys and returns its index in m.pats (that of the pattern it merged with), or -1 for no keys.
func (m *matcher) add(keys []string, p pattern) int32 {
	if len(keys) > m.maxLen {
		m.maxLen = len(keys)
	}
	var b strings.Builder
	prev := int32(-1)
	for k, key := range keys {
		if k > 0 {
			b.WriteByte(' ')
		}
		b.WriteString(key)
		n := m.node(b.String())
		if w := m.intern(key); k == 0 {
			m.first[w] = n
		} else {
			m.next[nextKey(prev, w)] = n
		}
		prev = n
		if k < len(keys)-1 {
			m.nodes[n].more = true
			continue
		}
		nd := &m.nodes[n]
		for _, pi := range nd.pats {
			q := &m.pats[pi]
			if q.kind == p.kind && q.ref == p.ref && q.lang == p.lang {
				q.flags &= p.flags // the same name written two ways: the looser case rule wins
				if p.via < q.via {
					q.via = p.via
				}
				return pi
			}
		}
		nd.pats = append(nd.pats, int32(len(m.pats)))
		m.pats = append(m.pats, p)
		return int32(len(m.pats) - 1)
	}
	return -1
}

// tok is a token of a text or of a dictionary form, in the shape the matcher compares.
type tok struct {
	start, end int
	raw        string // the token's text (for the diacritics of a @marks language's agents)
	fold       string
	cap        bool // starts with a capital, or with a letter of a script without case
	upper      bool // no lower-case letter
	word       bool // holds a letter or a digit
	han        bool // one ideograph
	camel      bool // split off a glued token such as "AmbassadorBình"
	compound   bool // a member of a compound of countries ("中美", "Mỹ-Trung", "Sino-US"): compound.go
	inner      bool // glued by hyphens to words on both sides: a middle part of one word ("PORT-AU-PRINCE")
	// glueEnd is the end of the @glued word that this short form is marked in, 0 when none (compound.go)
	glueEnd int32
	// node is the matcher's node of fold alone plus one, -1 when fold is no key, 0 when not looked up
	// (matcher.lookup): scan walks from every token and markCompounds asks each word, each a look-up in a
	// map of some 140,000 keys
	node int32
	// word1 is the matcher's id of fold among its keys' words plus one, -1 when fold is no key's word, 0 when
	// not looked up
	word1 int32
}

// tokens splits s into match tokens: UAX #29 words, folded, with elided articles ("l'", "d'") and the
// possessive "'s" cut off, and, when split is true, glued tokens split at a lower-to-upper case change
// unless the whole token starts a dictionary name.
func (d *Dictionary) tokens(s string, split bool) []tok {
	return d.fromTokens(text.Tokens(s), split)
}

// fromTokens is tokens on the text.Tokens of the text.
func (d *Dictionary) fromTokens(tt []text.Token, split bool) []tok {
	return d.appendTokens(make([]tok, 0, len(tt)), tt, split)
}

// maxKeptToks is the largest []tok buffer Recognize keeps for the next article: 262,144 tokens (16 MB), the
// tokens of about 1.3 MB of text. A new buffer for each long text cost more than the rest of tokenizing it
// (the memory is zeroed, and first touched, each time); the buffer of a longer text is not kept.
const maxKeptToks = 1 << 18

// appendTokens is fromTokens appending to out.
func (d *Dictionary) appendTokens(out []tok, tt []text.Token, split bool) []tok {
	// one token each, more only where a glued token is split: growing the slice by doubling copied every
	// token (and its strings, under write barriers) over again, a third of Recognize on a long text
	out = slices.Grow(out, len(tt))
	for _, t := range tt {
		out = d.appendTok(out, t, split)
	}
	markInner(out)
	return out
}

// appendTok appends the match tokens of text token t to out: appendTokens for one token, but for markInner,
// which the caller runs on the whole text's tokens.
func (d *Dictionary) appendTok(out []tok, t text.Token, split bool) []tok {
	start, end, raw, fold := t.Start, t.End, t.Text, t.Fold
	if strings.IndexByte(fold, '\'') > 0 {
		if k := strings.IndexByte(fold, '\''); d.elision[fold[:k+1]] && k+1 < len(fold) {
			if p := apostrophe(raw); p >= 0 {
				start += p
				raw = raw[p:]
				fold = fold[k+1:]
			}
		}
		if len(fold) > 2 && strings.HasSuffix(fold, "'s") {
			if p := lastApostrophe(raw); p > 0 {
				end = start + p
				raw = raw[:p]
				fold = fold[:len(fold)-2]
			}
		}
	}
	if split && len(raw) > 2 {
		if cuts := camelCuts(raw); cuts != nil {
			if _, known := d.m.keys[fold]; !known {
				prev := 0
				for _, c := range append(cuts, len(raw)) {
					out = append(out, makeTok(start+prev, start+c, raw[prev:c], text.Fold(raw[prev:c]), true))
					prev = c
				}
				return out
			}
		}
	}
	return append(out, makeTok(start, end, raw, fold, false))
}

// markInner marks each word glued by a hyphen to a word on each side ("AU" in "PORT-AU-PRINCE").
func markInner(toks []tok) {
	glued := func(h, w int) bool { // toks[h] is a hyphen written tight against the word toks[w]
		if h < 0 || w < 0 || h >= len(toks) || w >= len(toks) || toks[h].fold != "-" || !toks[w].word {
			return false
		}
		return toks[h].end == toks[w].start || toks[w].end == toks[h].start
	}
	for k := 2; k+2 < len(toks); k++ {
		t := &toks[k]
		t.inner = t.word && glued(k-1, k) && glued(k-1, k-2) && glued(k+1, k) && glued(k+1, k+2)
	}
}

func makeTok(start, end int, raw, fold string, camel bool) tok {
	t := tok{start: start, end: end, raw: raw, fold: fold, upper: true, camel: camel}
	if ascii(raw) { // the same tests on bytes, without a Unicode table look-up for each letter
		for k := 0; k < len(raw); k++ {
			c := raw[k]
			lower, upper := c >= 'a' && c <= 'z', c >= 'A' && c <= 'Z'
			if lower || upper || c >= '0' && c <= '9' {
				t.word = true
			}
			if lower {
				t.upper = false
			}
			if k == 0 {
				t.cap = upper
			}
		}
		return t
	}
	return runeTok(t)
}

// runeTok sets t's word, upper, cap and han from its raw text by Unicode tables (makeTok's path for text
// that is not ASCII; makeTok's tests compare its ASCII path with this one).
func runeTok(t tok) tok {
	raw := t.raw
	first := true
	for _, r := range raw {
		if unicode.IsLetter(r) || unicode.IsDigit(r) {
			t.word = true
		}
		if unicode.IsLower(r) {
			t.upper = false
		}
		if first {
			t.cap = unicode.IsUpper(r) || (unicode.IsLetter(r) && !unicode.IsLower(r))
			t.han = unicode.Is(unicode.Han, r) && utf8.RuneLen(r) == len(raw)
			first = false
		}
	}
	return t
}

// ascii reports whether s is all ASCII.
func ascii(s string) bool {
	for k := 0; k < len(s); k++ {
		if s[k] >= utf8.RuneSelf {
			return false
		}
	}
	return true
}

// upperAfter reports whether ASCII s has a capital letter at byte k or later.
func upperAfter(s string, k int) bool {
	for ; k < len(s); k++ {
		if s[k] >= 'A' && s[k] <= 'Z' {
			return true
		}
	}
	return false
}

// apostrophe returns the byte offset just after the first apostrophe of s, or -1.
func apostrophe(s string) int {
	for i, r := range s {
		if isApostrophe(r) {
			return i + utf8.RuneLen(r)
		}
	}
	return -1
}

func lastApostrophe(s string) int {
	last := -1
	for i, r := range s {
		if isApostrophe(r) {
			last = i
		}
	}
	return last
}

func isApostrophe(r rune) bool { return r == '\'' || r == '\u2019' || r == '\u02bc' || r == '\u2018' }

// camelCuts returns the byte offsets where a lower-case letter is followed by an upper-case one, or nil.
// A part shorter than three letters is not cut off, so "McDonald" and "DeSantis" stay whole.
func camelCuts(s string) []int {
	if ascii(s) && !upperAfter(s, 3) {
		return nil // no capital after three letters: no cut (the common case, without a Unicode table)
	}
	return camelCutsRunes(s)
}

// camelCutsRunes is camelCuts by Unicode tables, without its ASCII screen.
func camelCutsRunes(s string) []int {
	var cuts []int
	prevLower, run := false, 0
	for i, r := range s {
		if prevLower && unicode.IsUpper(r) && run >= 3 && utf8.RuneCountInString(s[i:]) >= 2 {
			cuts = append(cuts, i)
			run = 0
		}
		prevLower = unicode.IsLower(r)
		run++
	}
	return cuts
}
