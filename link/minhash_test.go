package link

import (
	"context"
	"fmt"
	"math/rand/v2"
	"strings"
	"testing"

	"github.com/dyad-events/dyad"
)

// synthText makes a text of n words drawn from a vocabulary of v, seeded.
func synthText(seed uint64, n, v int) string {
	r := rand.New(rand.NewPCG(seed, 7))
	var b strings.Builder
	for i := range n {
		if i > 0 {
			b.WriteByte(' ')
			if i%17 == 0 {
				b.WriteString(". ")
			}
		}
		fmt.Fprintf(&b, "w%d", r.IntN(v))
	}
	return b.String()
}

// shingleJaccard is the exact Jaccard similarity of the 5-word shingle sets of two texts.
func shingleJaccard(a, b string) float64 {
	set := func(s string) map[string]bool {
		ws := Words(s)
		m := map[string]bool{}
		for i := 0; i+Shingle <= len(ws); i++ {
			m[strings.Join(ws[i:i+Shingle], " ")] = true
		}
		return m
	}
	sa, sb := set(a), set(b)
	inter := 0
	for k := range sa {
		if sb[k] {
			inter++
		}
	}
	return float64(inter) / float64(len(sa)+len(sb)-inter)
}

// edit replaces every k-th word of s with a new one.
func edit(s string, k int) string {
	ws := strings.Fields(s)
	for i := k / 2; i < len(ws); i += k {
		ws[i] = "edited"
	}
	return strings.Join(ws, " ")
}

func TestSimilarityEstimate(t *testing.T) {
	base := synthText(1, 600, 5000)
	for _, k := range []int{1000, 100, 40, 20, 10, 5} {
		other := edit(base, k)
		exact := shingleJaccard(base, other)
		est := Similarity(Sign("a", base).MinHash, Sign("b", other).MinHash)
		if d := est - exact; d > 0.12 || d < -0.12 {
			t.Errorf("every %d-th word edited: estimate %.2f, exact %.2f", k, est, exact)
		}
	}
}

func TestSignFolding(t *testing.T) {
	a := Sign("a", "Phạm Thanh Bình met Liu Jianchao in Beijing on Tuesday morning")
	b := Sign("b", "PHAM THANH BINH met liu jianchao, in Beijing -- on Tuesday morning!")
	if Similarity(a.MinHash, b.MinHash) != 1 {
		t.Errorf("case, diacritics and punctuation changed the signature")
	}
	if Sign("c", " ,.;") != nil {
		t.Errorf("a text without words has a signature")
	}
	if s := Sign("d", "三月五日电"); s == nil || len(s.Bands) != NumBands {
		t.Errorf("short ideographic text: %v", s)
	}
}

func TestNearDuplicates(t *testing.T) {
	idx := newMemIndex()
	l := newTestLinker(t, idx)
	orig := synthText(2, 400, 3000)
	vn, cn := actorOf("VNM", "GOV", "p"), actorOf("CHN", "GOV", "q")
	for _, tc := range []struct {
		id, text string
		dupOf    string
	}{
		{"orig", orig, ""},
		{"reprint", "Reprinted by another agency\n" + edit(orig, 150) + "\n(Agency)", "orig"},
		{"other", synthText(3, 400, 3000), ""},
		{"loose", edit(orig, 6), ""},                                             // every 6th word changed: Jaccard about 0.2
		{"reprint2", "Another reprint\n" + edit(orig, 150) + "\nsigned", "orig"}, // similar to both: the original
	} {
		rec := &dyad.Record{Article: dyad.Article{ID: tc.id, Lang: "en", Text: tc.text},
			Events:     []dyad.Event{ev(tc.id, "en", "040", "2024-01-01", vn, cn, 0, 1)},
			Statements: []dyad.Statement{{ID: tc.id + "-s", Text: "sovereignty and territorial integrity", Speaker: dyad.ActorRef{Country: "VNM"}}}}
		if err := l.Link(context.Background(), rec); err != nil {
			t.Fatal(err)
		}
		if string(rec.Article.NearDuplicateOf) != tc.dupOf {
			t.Errorf("%s: near duplicate of %q, want %q", tc.id, rec.Article.NearDuplicateOf, tc.dupOf)
		}
		if rec.Signature == nil || rec.Signature.ArticleID != tc.id {
			t.Errorf("%s: signature %+v", tc.id, rec.Signature)
		}
		dup := tc.dupOf != ""
		if dup != (len(rec.Events) == 0) {
			t.Errorf("%s: %d events kept", tc.id, len(rec.Events))
		}
		if dup != (rec.Statements[0].ClaimID == "") || len(rec.Statements[0].Concepts) != 2 {
			t.Errorf("%s: statement claim %q concepts %v", tc.id, rec.Statements[0].ClaimID, rec.Statements[0].Concepts)
		}
		idx.save(rec)
	}
	if e := idx.events; len(e) != 1 {
		t.Errorf("%d events", len(e))
	}
	for _, e := range idx.events {
		if e.NumArticles != 3 {
			t.Errorf("event counted in %d articles, want 3 (the reprints' mentions dropped)", e.NumArticles)
		}
	}
}
