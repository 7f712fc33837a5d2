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

// eventCounter is a memIndex with Event, counting the lookups.
type eventCounter struct {
	*memIndex
	asked map[string]int
}

func (c *eventCounter) Event(_ context.Context, id string) (*dyad.Event, error) {
	c.asked[id]++
	c.mu.Lock()
	defer c.mu.Unlock()
	if ev := c.events[id]; ev != nil {
		e := cloneEvent(ev)
		return &e, nil
	}
	return nil, fmt.Errorf("event %s: %w", id, dyad.ErrNotFound)
}

// TestPendingAsksAbsentOnce checks that EventCandidates asks the store once, not at every lookup, for a
// pending event the store does not hold or that its query did not find, and asks again once a save may have
// changed it (Done).
func TestPendingAsksAbsentOnce(t *testing.T) {
	ctx := context.Background()
	base := &eventCounter{memIndex: newMemIndex(), asked: map[string]int{}}
	p := NewPending(base)
	key := "04|CHN|VNM"
	var recs []*dyad.Record
	for i := range 3 {
		id := fmt.Sprintf("a%d", i)
		rec := &dyad.Record{Article: dyad.Article{ID: id}, Events: []dyad.Event{{ID: "ev-" + id, Key: key,
			Mentions: []dyad.EventMention{{ArticleID: id}}}}}
		p.Add(rec)
		recs = append(recs, rec)
	}
	// A stored event outside the query's dates that a pending mention folds into.
	stored := dyad.Event{ID: "ev-s", Key: key, Date: "2020-02-20", Mentions: []dyad.EventMention{{ArticleID: "s"}}}
	base.events[stored.ID] = &stored
	base.byKey[key] = append(base.byKey[key], stored.ID)
	p.Add(&dyad.Record{Article: dyad.Article{ID: "a9"}, Events: []dyad.Event{{ID: "ev-s", Key: key, Date: "2020-01-10",
		Mentions: []dyad.EventMention{{ArticleID: "a9", Date: "2020-01-10"}}}}})
	q := dyad.CandidateQuery{Keys: []string{key}, From: "2020-01-01", To: "2020-01-31", Undated: true}
	for range 4 {
		evs, err := p.EventCandidates(ctx, q)
		if err != nil {
			t.Fatal(err)
		}
		if len(evs) != 4 {
			t.Fatalf("EventCandidates = %d events, want the 3 pending and the stored one a pending mention moves", len(evs))
		}
		for _, ev := range evs {
			if ev.ID == "ev-s" && ev.NumMentions != 2 {
				t.Fatalf("ev-s has %d mentions, want the stored and the pending one", ev.NumMentions)
			}
		}
	}
	for _, id := range []string{"ev-a0", "ev-a1", "ev-a2", "ev-s"} {
		if base.asked[id] != 1 {
			t.Errorf("store asked %d times for %s over 4 lookups, want 1", base.asked[id], id)
		}
	}
	p.Done(recs[:1])
	if _, err := p.EventCandidates(ctx, q); err != nil {
		t.Fatal(err)
	}
	if base.asked["ev-a1"] != 2 {
		t.Errorf("store asked %d times for ev-a1 after Done, want 2 (the store may hold it now)", base.asked["ev-a1"])
	}
}

// TestPendingAsksNoNewEvent checks that EventCandidates does not ask the store for a pending event whose id is
// its own mention's content id (a new event: no store holds it before its record is saved).
func TestPendingAsksNoNewEvent(t *testing.T) {
	ctx := context.Background()
	base := &eventCounter{memIndex: newMemIndex(), asked: map[string]int{}}
	p := NewPending(base)
	key := "04|CHN|VNM"
	for i := range 3 {
		id := fmt.Sprintf("a%d", i)
		ev := dyad.Event{Key: key, Code: "042", Mentions: []dyad.EventMention{{ArticleID: id, Start: 10 * i}}}
		ev.ID = newEventID(key, id, ev)
		p.Add(&dyad.Record{Article: dyad.Article{ID: id}, Events: []dyad.Event{ev}})
	}
	evs, err := p.EventCandidates(ctx, dyad.CandidateQuery{Keys: []string{key}, Undated: true})
	if err != nil {
		t.Fatal(err)
	}
	if len(evs) != 3 {
		t.Fatalf("EventCandidates = %d events, want the 3 pending", len(evs))
	}
	if len(base.asked) != 0 {
		t.Errorf("store asked for %v, want no lookup of new events", base.asked)
	}
}

// candCounter is a memIndex that counts the EventCandidates it answers.
type candCounter struct {
	*memIndex
	n int
}

func (c *candCounter) EventCandidates(ctx context.Context, q dyad.CandidateQuery) ([]dyad.Event, error) {
	c.n++
	return c.memIndex.EventCandidates(ctx, q)
}

// TestPendingForgetKeepsAnswers checks that Forget (a link undone, the store unchanged) keeps the store's
// answers asked ahead, and Done (the store changed) drops them.
func TestPendingForgetKeepsAnswers(t *testing.T) {
	ctx := context.Background()
	base := &candCounter{memIndex: newMemIndex()}
	p := NewPending(base)
	q := dyad.CandidateQuery{Keys: []string{"04|CHN|VNM"}, Undated: true}
	p.prefetch(ctx, 1, func(_ int, a *asker) { a.candidates(q) })
	rec := &dyad.Record{Article: dyad.Article{ID: "a1"}}
	p.Add(rec)
	p.Forget([]*dyad.Record{rec})
	if p.Has("a1") {
		t.Fatal("a forgotten record is still pending")
	}
	if _, err := p.EventCandidates(ctx, q); err != nil {
		t.Fatal(err)
	}
	if base.n != 1 {
		t.Errorf("store asked %d times after Forget, want 1 (the answer asked ahead)", base.n)
	}
	p.Done(nil)
	if _, err := p.EventCandidates(ctx, q); err != nil {
		t.Fatal(err)
	}
	if base.n != 2 {
		t.Errorf("store asked %d times after Done, want 2", base.n)
	}
}
