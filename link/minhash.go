package link

import (
	"context"
	"sync"

	"github.com/dyad-events/dyad"
)

// MinHash parameters: NumHashes values per signature, cut into NumBands LSH bands of BandRows values. With
// 32 bands of 4 rows, a pair with Jaccard 0.5 shares a band with probability 0.87, one with 0.6 with 0.99,
// one with 0.2 with 0.05: reprints with a new dateline, a new headline and respelled names are found, and
// the estimate from the whole signature then decides.
const (
	NumHashes = 128
	NumBands  = 32
	BandRows  = NumHashes / NumBands
	Shingle   = 5 // words per shingle
)

var hashA, hashB [NumHashes]uint64

func init() {
	// Fixed seeds: signatures must be comparable across runs and machines.
	s := uint64(0x9e3779b97f4a7c15)
	for i := range NumHashes {
		s = splitmix(s)
		hashA[i] = s | 1
		s = splitmix(s)
		hashB[i] = s
	}
}

func splitmix(x uint64) uint64 {
	x += 0x9e3779b97f4a7c15
	x = (x ^ (x >> 30)) * 0xbf58476d1ce4e5b9
	x = (x ^ (x >> 27)) * 0x94d049bb133111eb
	return x ^ (x >> 31)
}

func fnv64(b []byte) uint64 {
	h := uint64(14695981039346656037)
	for _, c := range b {
		h ^= uint64(c)
		h *= 1099511628211
	}
	return h
}

// Sign returns the MinHash signature of text (folded words, 5-word shingles) for article id, with its LSH
// band hashes, or nil when the text has no words.
func Sign(id, s string) *dyad.Signature {
	var ring [Shingle]uint64
	n := 0
	var mins [NumHashes]uint64
	for i := range mins {
		mins[i] = ^uint64(0)
	}
	add := func(x uint64) {
		for i := range NumHashes {
			if v := hashA[i]*x + hashB[i]; v < mins[i] {
				mins[i] = v
			}
		}
	}
	shingle := func(k int) uint64 { // the hash of the k words ending at ring position n-1
		h := uint64(0x84222325cbf29ce4)
		for j := n - k; j < n; j++ {
			h = splitmix(h ^ ring[j%Shingle])
		}
		return h
	}
	var buf [64]byte
	words(s, buf[:0], func(w []byte) {
		ring[n%Shingle] = fnv64(w)
		n++
		if n >= Shingle {
			add(shingle(Shingle))
		}
	})
	if n == 0 {
		return nil
	}
	if n < Shingle { // a very short text: one shingle of all its words
		add(shingle(n))
	}
	sig := &dyad.Signature{ArticleID: id, MinHash: make([]uint32, NumHashes), Bands: make([]uint64, NumBands)}
	for i, m := range mins {
		sig.MinHash[i] = uint32(m >> 32)
	}
	sig.Bands = bandsOf(sig.MinHash)
	return sig
}

func bandsOf(mh []uint32) []uint64 {
	out := make([]uint64, NumBands)
	for band := range NumBands {
		h := splitmix(uint64(band) + 1) // the band index seeds the hash: equal rows in different bands differ
		for _, v := range mh[band*BandRows : (band+1)*BandRows] {
			h = splitmix(h ^ uint64(v))
		}
		out[band] = h
	}
	return out
}

// Similarity estimates the Jaccard similarity of the shingle sets behind two signatures.
func Similarity(a, b []uint32) float64 {
	if len(a) == 0 || len(a) != len(b) {
		return 0
	}
	eq := 0
	for i := range a {
		if a[i] == b[i] {
			eq++
		}
	}
	return float64(eq) / float64(len(a))
}

// nearDuplicates signs rec and looks up stored near-duplicates. The stored article most similar to rec
// (ties: the smallest id) leads to its original (the article it is a near-duplicate of, if any). When that
// original ranks before rec (Original), it becomes rec.Article.NearDuplicateOf and nearDuplicates reports
// true. When rec ranks first, rec is no near-duplicate and the original is listed in rec.Demote, for the
// store to demote when it saves rec (an index holding unsaved records, Pending, demotes it at once).
func (l *Linker) nearDuplicates(ctx context.Context, rec *dyad.Record) (bool, error) {
	rec.Demote = nil
	sig := l.sign(rec)
	rec.Signature = sig
	if sig == nil {
		return false, nil
	}
	cands, err := l.idx.SimilarArticles(ctx, sig.Bands)
	if err != nil {
		return false, err
	}
	best, bestSim := "", 0.0
	for _, c := range cands {
		if c.ArticleID == rec.Article.ID {
			continue
		}
		sim := Similarity(sig.MinHash, c.MinHash)
		if sim < l.opts.Threshold {
			continue
		}
		if sim > bestSim || (sim == bestSim && c.ArticleID < best) {
			best, bestSim = c.ArticleID, sim
		}
	}
	if best == "" {
		return false, nil
	}
	article := l.articleReader()
	if article == nil { // the originals cannot be read: the stored article is the original
		rec.Article.NearDuplicateOf = dyad.NullString(best)
		return true, nil
	}
	// Follow near_duplicate_of to the original.
	orig, err := article(ctx, best)
	if err != nil || orig == nil {
		rec.Article.NearDuplicateOf = dyad.NullString(best)
		return true, nil
	}
	for range maxChain {
		up := string(orig.NearDuplicateOf)
		if up == "" || up == rec.Article.ID {
			break
		}
		next, err := article(ctx, up)
		if err != nil || next == nil {
			break
		}
		orig = next
	}
	if orig.ID == rec.Article.ID {
		return false, nil
	}
	if Original(orig, &rec.Article) {
		rec.Article.NearDuplicateOf = dyad.NullString(orig.ID)
		return true, nil
	}
	rec.Article.NearDuplicateOf = ""
	rec.Demote = []string{orig.ID}
	if d, ok := l.idx.(demoter); ok {
		d.demote(orig.ID, rec)
	}
	return false, nil
}

// articler is implemented by indexes that return a stored article alone, cheaper than its whole record.
type articler interface {
	Article(ctx context.Context, id string) (*dyad.Article, error)
}

// articleReader returns how the index reads one stored article: alone when it can, else through its
// record; nil when it cannot.
func (l *Linker) articleReader() func(ctx context.Context, id string) (*dyad.Article, error) {
	if a, ok := l.idx.(articler); ok {
		return a.Article
	}
	if r, ok := l.idx.(recorder); ok {
		return func(ctx context.Context, id string) (*dyad.Article, error) {
			rec, err := r.Record(ctx, id)
			if err != nil || rec == nil {
				return nil, err
			}
			return &rec.Article, nil
		}
	}
	return nil
}

// sign is Sign of rec's article, computed once for the prefetch, the locks and the link of a batch (a
// tenth of the link stage's CPU went to signing each text three times). The signature is shared: nothing
// changes one once made.
func (l *Linker) sign(rec *dyad.Record) *dyad.Signature {
	if l.sigs == nil {
		return Sign(rec.Article.ID, rec.Article.Text)
	}
	return l.sigs.get(rec.Article.ID, rec.Article.Text)
}

// sigCache holds the signatures of the last texts signed, by article id (and text: an id is not trusted
// to stand for one text). It forgets everything past sigCacheSize entries.
type sigCache struct {
	mu sync.Mutex
	m  map[string]sigEntry
}

type sigEntry struct {
	text string
	sig  *dyad.Signature
}

// sigCacheSize bounds the cache: a few batches of the pipeline (256 records each).
const sigCacheSize = 1024

func (c *sigCache) get(id, text string) *dyad.Signature {
	c.mu.Lock()
	e, ok := c.m[id]
	c.mu.Unlock()
	if ok && e.text == text {
		return e.sig
	}
	sig := Sign(id, text)
	c.mu.Lock()
	if c.m == nil || len(c.m) >= sigCacheSize {
		c.m = make(map[string]sigEntry, 256)
	}
	c.m[id] = sigEntry{text, sig}
	c.mu.Unlock()
	return sig
}
