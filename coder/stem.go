package coder

import (
	"strings"
	"sync"

	sb "github.com/blevesearch/snowballstem"
	"github.com/blevesearch/snowballstem/danish"
	"github.com/blevesearch/snowballstem/dutch"
	"github.com/blevesearch/snowballstem/english"
	"github.com/blevesearch/snowballstem/finnish"
	"github.com/blevesearch/snowballstem/french"
	"github.com/blevesearch/snowballstem/german"
	"github.com/blevesearch/snowballstem/hungarian"
	"github.com/blevesearch/snowballstem/italian"
	"github.com/blevesearch/snowballstem/norwegian"
	"github.com/blevesearch/snowballstem/portuguese"
	"github.com/blevesearch/snowballstem/romanian"
	"github.com/blevesearch/snowballstem/russian"
	"github.com/blevesearch/snowballstem/spanish"
	"github.com/blevesearch/snowballstem/swedish"
	"github.com/blevesearch/snowballstem/turkish"
	"github.com/dyad-events/dyad/text"
	"golang.org/x/text/unicode/norm"
)

// snowball maps a language code to its Snowball stemmer. Languages without one (vi, zh: no inflection to
// strip) reject word~ in their patterns.
var snowball = map[string]func(*sb.Env) bool{
	"da": danish.Stem, "de": german.Stem, "en": english.Stem, "es": spanish.Stem, "fi": finnish.Stem,
	"fr": french.Stem, "hu": hungarian.Stem, "it": italian.Stem, "nl": dutch.Stem, "no": norwegian.Stem,
	"pt": portuguese.Stem, "ro": romanian.Stem, "ru": russian.Stem, "sv": swedish.Stem, "tr": turkish.Stem,
}

// stemCacheMax bounds the stem cache of a language: past it the cache starts afresh, so that a server
// reading years of news does not grow without end.
const stemCacheMax = 1 << 18

// stemmer stems words of one language, caching each word form's stem (the cache is shared by every
// article: news reuses a small vocabulary, so nearly every token after the first articles is a hit). The
// cache is a map under a read-write lock: nearly every call only reads it, and a map's look-up costs a
// third of a sync.Map's walk down its trie.
type stemmer struct {
	fn    func(*sb.Env) bool
	mu    sync.RWMutex
	cache map[string]string // token text as written -> folded stem
}

func newStemmer(lang string) *stemmer {
	fn := snowball[lang]
	if fn == nil {
		return nil
	}
	return &stemmer{fn: fn}
}

// stem returns the folded Snowball stem of a word as written. The stemmer reads the word lower-cased with
// its accents (Spanish "reunió" and "reunieron" share the stem "reun" only then); the stem is folded after,
// as every token is for matching.
func (st *stemmer) stem(word string) string {
	st.mu.RLock()
	v, ok := st.cache[word]
	st.mu.RUnlock()
	if ok {
		return v
	}
	s := st.stemOnce(word)
	st.mu.Lock()
	if st.cache == nil || len(st.cache) >= stemCacheMax {
		st.cache = make(map[string]string)
	}
	st.cache[strings.Clone(word)] = s // not a slice of the article, which the cache would keep alive
	st.mu.Unlock()
	return s
}

// stemOnce is stem without the cache (the coder's word cache keeps what it returns).
func (st *stemmer) stemOnce(word string) string {
	w := strings.ReplaceAll(strings.ToLower(word), "’", "'")
	if !norm.NFC.IsNormalString(w) {
		w = norm.NFC.String(w)
	}
	env := sb.NewEnv(w)
	st.fn(env)
	return text.Fold(env.Current())
}
