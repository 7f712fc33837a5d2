package link

import (
	"context"
	"fmt"
	"math/rand/v2"
	"slices"
	"testing"

	"github.com/dyad-events/dyad"
)

// TestPendingIndexed checks that the pending records a lookup reads through the key and band index are
// those a scan of every pending record finds, in the same order, as records are added, demoted and done.
func TestPendingIndexed(t *testing.T) {
	ctx := context.Background()
	r := rand.New(rand.NewPCG(3, 4))
	p := NewPending(newMemIndex())
	keys := []string{"04|CHN|VNM", "02|USA|CHN", "19|RUS|UKR", "01|FRA|DEU"}
	var added []*dyad.Record
	for step := range 400 {
		switch n := r.IntN(20); {
		case n == 0 && len(added) > 0: // some saved
			k := r.IntN(len(added)) + 1
			p.Done(added[:k])
			added = added[k:]
		case n == 1 && len(added) > 0: // one demoted by a later record
			p.demote(added[r.IntN(len(added))].Article.ID, &dyad.Record{Article: dyad.Article{ID: fmt.Sprintf("orig-%d", step)}})
		default:
			id := fmt.Sprintf("a%03d", step)
			rec := &dyad.Record{Article: dyad.Article{ID: id}, Signature: &dyad.Signature{ArticleID: id}}
			for range r.IntN(4) {
				rec.Signature.Bands = append(rec.Signature.Bands, uint64(r.IntN(30)))
			}
			for e := range r.IntN(3) {
				rec.Events = append(rec.Events, dyad.Event{ID: fmt.Sprintf("%s-e%d", id, e), Key: keys[r.IntN(len(keys))],
					Mentions: []dyad.EventMention{{ArticleID: id, Start: e}}})
			}
			p.Add(rec)
			added = append(added, rec)
		}
		q := []uint64{uint64(r.IntN(30)), uint64(r.IntN(30))}
		got, err := p.SimilarArticles(ctx, q)
		if err != nil {
			t.Fatal(err)
		}
		var want []string
		for _, rec := range p.snapshot() {
			if rec.Signature != nil && slices.ContainsFunc(rec.Signature.Bands, func(b uint64) bool { return slices.Contains(q, b) }) {
				want = append(want, rec.Signature.ArticleID)
			}
		}
		var gotIDs []string
		for _, s := range got {
			gotIDs = append(gotIDs, s.ArticleID)
		}
		if !slices.Equal(gotIDs, want) {
			t.Fatalf("step %d: SimilarArticles(%v) = %v; a scan finds %v", step, q, gotIDs, want)
		}
		cq := dyad.CandidateQuery{Keys: []string{keys[r.IntN(len(keys))]}, Undated: true}
		evs, err := p.EventCandidates(ctx, cq)
		if err != nil {
			t.Fatal(err)
		}
		want = nil
		for _, rec := range p.snapshot() {
			for _, ev := range rec.Events {
				if ev.Key == cq.Keys[0] {
					want = append(want, ev.ID)
				}
			}
		}
		var gotEvs []string
		for _, ev := range evs {
			gotEvs = append(gotEvs, ev.ID)
		}
		if !slices.Equal(gotEvs, want) {
			t.Fatalf("step %d: EventCandidates(%s) = %v; a scan finds %v", step, cq.Keys[0], gotEvs, want)
		}
	}
}
