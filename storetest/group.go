package storetest

import (
	"context"
	"errors"
	"testing"

	"github.com/dyad-events/dyad"
)

// testSaveGroup saves batches in one group (dyad.SaveGroup): nothing is stored before Commit, a batch whose
// link stage fails leaves the group going on, a batch with bad input is undone (alone, or with the group
// when the error says so), a saved article saved again changes nothing, and Rollback undoes the group. Where the group is a KeyedLinkSaver, every other batch
// goes through SaveLinkedKeys.
func testSaveGroup(t *testing.T, s dyad.Store, gs dyad.GroupSaver) {
	ctx := context.Background()
	g, err := gs.BeginGroup(ctx)
	if err != nil {
		t.Fatal(err)
	}
	if g == nil {
		t.Skip("the store does not group")
	}
	n := 0
	save := func(g dyad.SaveGroup, recs []*dyad.Record, linkErr error) ([]bool, error) {
		link := func(ctx context.Context) ([]*dyad.Record, error) { return recs, linkErr }
		n++
		if ks, ok := g.(dyad.KeyedLinkSaver); ok && n%2 == 0 {
			var locks []string
			for _, r := range recs {
				for _, e := range r.Events {
					locks = append(locks, dyad.KeyLock(e.Key))
				}
			}
			return ks.SaveLinkedKeys(ctx, recs, locks, link)
		}
		return g.SaveLinked(ctx, recs, link)
	}
	has := func(step, id string, want bool) {
		t.Helper()
		if got, err := s.HasArticle(ctx, id); err != nil || got != want {
			t.Errorf("%s: HasArticle(%s) = %v, %v; want %v", step, id, got, err, want)
		}
	}
	recs := records()
	if stored, err := save(g, recs[:1], nil); err != nil || len(stored) != 1 || !stored[0] {
		t.Fatalf("first batch of a group = %v, %v", stored, err)
	}
	has("before Commit", artEN, false)
	failed := errors.New("the link stage failed")
	if _, err := save(g, recs[3:4], failed); !errors.Is(err, failed) || errors.Is(err, dyad.ErrGroupRolledBack) {
		t.Fatalf("a batch whose link failed = %v; want %v, the group going on", err, failed)
	}
	bad := records()[1]
	bad.Statements = append(bad.Statements, dyad.Statement{Text: "a statement without an id is refused"})
	_, err = save(g, []*dyad.Record{records()[2], bad}, nil)
	if err == nil {
		t.Fatal("a batch with a bad record was saved")
	}
	if errors.Is(err, dyad.ErrGroupRolledBack) {
		// The store undid the group with the batch: the first batch goes again, in a new group.
		if g, err = gs.BeginGroup(ctx); err != nil {
			t.Fatal(err)
		}
		if stored, err := save(g, recs[:1], nil); err != nil || len(stored) != 1 || !stored[0] {
			t.Fatalf("first batch of a new group = %v, %v", stored, err)
		}
	}
	has("after a failed batch", artNL, false)
	if stored, err := save(g, recs[1:3], nil); err != nil || len(stored) != 2 || !stored[0] || !stored[1] {
		t.Fatalf("a batch after the failed ones = %v, %v", stored, err)
	}
	if stored, err := save(g, recs[:1], nil); err != nil || len(stored) != 1 || stored[0] {
		t.Fatalf("an article saved again in its group = %v, %v; want stored false", stored, err)
	}
	if err := g.Commit(ctx); err != nil {
		t.Fatal(err)
	}
	for _, id := range []string{artEN, artFR, artNL} {
		has("after Commit", id, true)
	}
	has("after Commit", artVI, false)
	if st, err := s.Stats(ctx); err != nil || st.Articles != 3 {
		t.Errorf("Stats after Commit = %+v, %v; want 3 articles", st, err)
	}
	// The same records saved one batch at a time give the same events.
	if e, err := s.Event(ctx, evVisit); err != nil || e.NumMentions != 2 || e.NumArticles != 2 {
		t.Errorf("Event %s after Commit = %+v, %v; want 2 mentions in 2 articles", evVisit, e, err)
	}

	g, err = gs.BeginGroup(ctx)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := save(g, recs[3:4], nil); err != nil {
		t.Fatal(err)
	}
	if err := g.Rollback(ctx); err != nil {
		t.Fatal(err)
	}
	has("after Rollback", artVI, false)
	// The group let go of the store's locks: a plain save goes in.
	if ok, err := s.Save(ctx, recs[3]); err != nil || !ok {
		t.Fatalf("Save after a rolled back group = %v, %v", ok, err)
	}
	// A group that saved nothing commits as nothing.
	if g, err = gs.BeginGroup(ctx); err != nil {
		t.Fatal(err)
	}
	if err := g.Commit(ctx); err != nil {
		t.Errorf("Commit of an empty group: %v", err)
	}
	if st, err := s.Stats(ctx); err != nil || st.Articles != 4 {
		t.Errorf("Stats at the end = %+v, %v; want 4 articles", st, err)
	}
}
