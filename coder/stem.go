package coder

import (
	"strings"
	"sync"
	"sync/atomic"

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
// article: news reuses a small vocabulary, so nearly every token after the first articles is a hit).
type stemmer struct {
	fn    func(*sb.Env) bool
	cache sync.Map // token text as written -> folded stem
	n     atomic.Int64
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
	if v, ok := st.cache.Load(word); ok {
		return v.(string)
	}
	w := strings.ReplaceAll(strings.ToLower(word), "’", "'")
	if !norm.NFC.IsNormalString(w) {
		w = norm.NFC.String(w)
	}
	env := sb.NewEnv(w)
	st.fn(env)
	s := text.Fold(env.Current())
	if st.n.Add(1) > stemCacheMax {
		st.cache.Clear()
		st.n.Store(0)
	}
	st.cache.Store(word, s)
	return s
}
