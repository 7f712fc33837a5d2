package coder

import (
	"strings"
	"sync"

	"github.com/dyad-events/dyad/text"
)

// wordInfo is what the coder asks of one token, found by its text as written: its fold's word classes
// (lang.class), the entries of its fold (lang.anchors) and of its stem (lang.stems), and the element sets and
// anchors of its fold's prefixes (lang.elems.prefix, lang.prefixes). A language keeps them for every text it
// has met (wordCache), so that a token costs one look-up where it cost one a map and a prefix.
type wordInfo struct {
	fold    string
	stem    string // stemmer.stem of the text; "" when the language has no stemmer
	cls     uint64
	lead    bool       // lang.leads[fold]: the fold begins a phrase of grammar or dates
	anchor  *wordEntry // lang.anchors[fold]
	stemEnt *wordEntry // lang.stems[stem]
	// preSets: the element sets of the fold's prefixes (lang.elems.preLens), one list; preAnchors: the anchors of
	// its prefixes, one list a prefix in lang.preLens' order (nil lists left out)
	preSets    []int32
	preAnchors [][]anchor
}

// wordCache holds a language's wordInfo by token text, shared by every article and bounded as the stemmer's
// cache is (stemCacheMax). Only built once the language's patterns are all added (lang.ensure): what it holds
// points into the maps they fill, which are read-only after.
type wordCache struct {
	mu sync.RWMutex
	m  map[string]*wordInfo
}

// wordInfo returns the wordInfo of token t.
func (lg *lang) wordInfo(t text.Token) *wordInfo {
	c := &lg.words
	c.mu.RLock()
	w := c.m[t.Text]
	c.mu.RUnlock()
	if w != nil && w.fold == t.Fold {
		return w
	}
	// a text whose fold differs from the cached one's (lang.key, splitElision) is told as it comes, not kept
	keep := w == nil
	w = lg.newWordInfo(t)
	if keep {
		c.mu.Lock()
		if c.m == nil || len(c.m) >= stemCacheMax {
			c.m = make(map[string]*wordInfo)
		}
		c.m[w.textKey(t.Text)] = w
		c.mu.Unlock()
	}
	return w
}

// textKey is the cache's key for text: the fold's copy when they are one, else a copy of its own (not a slice
// of the article, which the cache would keep alive).
func (w *wordInfo) textKey(text string) string {
	if text == w.fold {
		return w.fold
	}
	return strings.Clone(text)
}

// newWordInfo looks up what wordInfo holds for token t.
func (lg *lang) newWordInfo(t text.Token) *wordInfo {
	f := t.Fold
	w := &wordInfo{fold: strings.Clone(f), cls: lg.class[f], lead: lg.leads[f], anchor: lg.anchors[f]}
	if lg.stemmer != nil {
		w.stem = lg.stemmer.stemOnce(t.Text)
		w.stemEnt = lg.stems[w.stem]
	}
	if !lg.preStarts.may(f) {
		return w
	}
	for _, n := range lg.elems.preLens {
		if len(f) >= n {
			w.preSets = append(w.preSets, lg.elems.prefix[f[:n]]...)
		}
	}
	for _, n := range lg.preLens {
		if p, ok := runePrefix(f, n); ok {
			if l := lg.prefixes[p]; len(l) > 0 {
				w.preAnchors = append(w.preAnchors, l)
			}
		}
	}
	return w
}

// dropWords empties the word cache: the maps it reads from are being changed.
func (lg *lang) dropWords() {
	lg.words.mu.Lock()
	lg.words.m = nil
	lg.words.mu.Unlock()
}

// info returns the wordInfo of token k, looked up once an article.
func (d *doc) info(k int) *wordInfo {
	if d.tokInfo == nil {
		if d.sc != nil {
			d.tokInfo = table(&d.sc.tokInfo, len(d.toks))
		} else {
			d.tokInfo = make([]*wordInfo, len(d.toks))
		}
	}
	w := d.tokInfo[k]
	if w == nil {
		w = d.lg.wordInfo(d.toks[k])
		d.tokInfo[k] = w
	}
	return w
}
