package coder

import (
	"sync"

	"github.com/dyad-events/dyad"
	"github.com/dyad-events/dyad/text"
)

// scratch holds the buffers coding one article fills and drops: the units of its sentences and their words, the
// matcher's candidates, and doc's tables by token. They are kept across articles (Coder.scratch), so that a
// sentence allocates none of them and the collector has less garbage to follow; nothing in them outlives
// CodeTokens (Result holds none of them).
type scratch struct {
	buf    []unit      // doc.units' buffer for the sentence being read
	units  []unit      // the sentences' units, one window each (sentence.u)
	words  []string    // the sentences' words, one window each (sentence.words)
	cands  []candidate // sentence.candidates' answer, read before the next sentence's
	memo   []unitMemo  // the sentences' answers by unit, one window each (sentence.memo)
	places []placeMemo // and their places (sentence.places)
	// walkMemos and walkLits: the answers of the matcher's walks in the sentence being matched
	// (sentence.walkMemos), emptied after each sentence
	walkMemos []walkMemo
	walkLits  []int
	walkHead  []int32
	lits      []int // sentence.litBuf: the words of the match being tried (a match takes a copy)

	sents   []sentence          // the article's sentences, one window each
	phrases []phrase            // doc.phrases
	ments   []dyad.ActorMention // doc.ments: the article's mentions, sorted and without overlaps
	// marked and elided: the article's tokens when the language refolds them (keepMarks) or splits elisions
	marked, elided []text.Token
	phraseAt       []int
	mtok           [][2]int
	tokInfo        []*wordInfo
}

// scratchPool holds a Coder's scratch between articles.
type scratchPool struct{ p sync.Pool }

func (sp *scratchPool) get() *scratch {
	if sc, _ := sp.p.Get().(*scratch); sc != nil {
		return sc
	}
	return &scratch{}
}

// put returns sc, its windows emptied and the strings they held dropped (they belong to the article coded).
// The slabs that window and table fill are cleared up to their length, all the article wrote in them (past it
// they are zero: new, or cleared by the put before), not to their capacity, which one long article sets for
// every article after it; buf and cands are refilled from their start, their length says nothing of it.
func (sp *scratchPool) put(sc *scratch) {
	clear(sc.buf[:cap(sc.buf)])
	clear(sc.units)
	clear(sc.words)
	clear(sc.cands[:cap(sc.cands)])
	clear(sc.tokInfo)
	clear(sc.places)
	clear(sc.sents)
	clear(sc.phrases)
	clear(sc.marked)
	clear(sc.elided)
	clear(sc.ments)
	sc.sents, sc.phrases, sc.marked, sc.elided, sc.ments = sc.sents[:0], sc.phrases[:0], sc.marked[:0], sc.elided[:0], sc.ments[:0]
	sc.buf, sc.units, sc.words, sc.cands, sc.memo = sc.buf[:0], sc.units[:0], sc.words[:0], sc.cands[:0], sc.memo[:0]
	sc.places = sc.places[:0]
	sp.p.Put(sc)
}

// window appends n zero elements to *slab and returns them as a slice of their own length and capacity; when the
// slab grows, the windows handed out before keep the array they lie in.
func window[T any](slab *[]T, n int) []T {
	s := *slab
	if len(s)+n > cap(s) {
		s = make([]T, 0, max(2*cap(s), n, 64))
	}
	at := len(s)
	s = s[:at+n]
	clear(s[at:])
	*slab = s
	return s[at : at+n : at+n]
}

// table returns *t resized to n zero elements (a fresh slice when it is too small).
func table[T any](t *[]T, n int) []T {
	if cap(*t) < n {
		*t = make([]T, n)
		return *t
	}
	*t = (*t)[:n]
	clear(*t)
	return *t
}
