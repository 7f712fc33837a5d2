package link

import (
	"context"
	"fmt"
	"path/filepath"
	"slices"
	"testing"

	"github.com/dyad-events/dyad"
	"github.com/dyad-events/dyad/sqlite"
)

func TestOriginal(t *testing.T) {
	for _, c := range []struct {
		name        string
		aPub, aID   string
		bPub, bID   string
		aIsOriginal bool
	}{
		{"earlier date", "2024-03-01", "z", "2024-03-02", "a", true},
		{"later date", "2024-03-05", "a", "2024-03-02", "z", false},
		{"dated before undated", "2024-03-05", "z", "", "a", true},
		{"undated after dated", "", "a", "2024-03-05", "z", false},
		{"same date: smaller id", "2024-03-05", "a", "2024-03-05", "b", true},
		{"both undated: smaller id", "", "b", "", "a", false},
		{"a month before its days", "2024-03", "z", "2024-03-01", "a", true},
	} {
		a := &dyad.Article{ID: c.aID, Published: dyad.NullString(c.aPub)}
		b := &dyad.Article{ID: c.bID, Published: dyad.NullString(c.bPub)}
		if got := Original(a, b); got != c.aIsOriginal {
			t.Errorf("%s: Original(a, b) = %v; want %v", c.name, got, c.aIsOriginal)
		}
		if got := Original(b, a); got == c.aIsOriginal {
			t.Errorf("%s: Original(b, a) = %v; want %v (the rule is antisymmetric)", c.name, got, !c.aIsOriginal)
		}
	}
}

// reprintRecords are an original (dated), its reprint (undated, with a smaller id, so that only the rule's
// date decides) and another agency's report of the same meeting. The original also reports an accord no
// one else does, and a statement that joins a claim.
func reprintRecords() []*dyad.Record {
	text := synthText(3, 400, 5000)
	vn, cn := actorOf("VNM", "GOV", "minister-a"), actorOf("CHN", "GOV", "minister-b")
	orig := &dyad.Record{Article: dyad.Article{ID: "r2-original", Lang: "en", Published: "2024-03-02", Text: text},
		Events: []dyad.Event{ev("r2-original", "en", "042", "2024-03-02", vn, cn, 0, 0.8),
			ev("r2-original", "en", "057", "2024-03-02", actorOf("USA", "GOV", ""), vn, 40, 0.8)}}
	rep := &dyad.Record{Article: dyad.Article{ID: "r1-reprint", Lang: "en", Text: edit(text, 20)},
		Events: []dyad.Event{ev("r1-reprint", "en", "042", "2024-03-02", vn, cn, 5, 0.8),
			ev("r1-reprint", "en", "057", "2024-03-02", actorOf("USA", "GOV", ""), vn, 45, 0.8)}}
	other := &dyad.Record{Article: dyad.Article{ID: "r3-other", Lang: "fr", Published: "2024-03-03", Text: synthText(4, 300, 5000)},
		Events: []dyad.Event{ev("r3-other", "fr", "042", "2024-03-02", vn, cn, 0, 0.8)}}
	recs := []*dyad.Record{orig, rep, other}
	for _, r := range recs {
		withPeople(r)
		r.Article.URI = r.Article.ID
	}
	return recs
}

// storedGroups returns the events of db as sorted sets of article@start, and the near_duplicate_of of ids.
func storedGroups(t *testing.T, db *sqlite.DB, ids []string) (string, string) {
	t.Helper()
	ctx := context.Background()
	evs, err := db.Events(ctx, dyad.EventQuery{Page: dyad.Page{Limit: 1000}})
	if err != nil {
		t.Fatal(err)
	}
	var groups [][]string
	for _, e := range evs {
		var g []string
		for _, m := range e.Mentions {
			g = append(g, fmt.Sprintf("%s@%d", m.ArticleID, m.Start))
		}
		slices.Sort(g)
		if len(g) != e.NumMentions {
			t.Errorf("event %s: %d mentions, num_mentions %d", e.ID, len(g), e.NumMentions)
		}
		groups = append(groups, g)
	}
	slices.SortFunc(groups, slices.Compare)
	flags := ""
	for _, id := range ids {
		r, err := db.Record(ctx, id)
		if err != nil {
			t.Fatal(err)
		}
		flags += fmt.Sprintf("%s->%s ", id, r.Article.NearDuplicateOf)
	}
	return fmt.Sprint(groups), flags
}

// TestReprintAnyOrder ingests a reprint pair and a third report in every order, saving each record as it is
// linked and through a Pending saved in two batches: the original is the same copy, so the events and the
// near-duplicate flags are the same.
func TestReprintAnyOrder(t *testing.T) {
	ctx := context.Background()
	const (
		wantGroups = "[[r2-original@0 r3-other@0] [r2-original@40]]"
		wantFlags  = "r2-original-> r1-reprint->r2-original r3-other-> "
	)
	ids := []string{"r2-original", "r1-reprint", "r3-other"}
	permute(reprintRecords(), 0, func(order []*dyad.Record) {
		for _, mode := range []string{"save", "pending"} {
			db, err := sqlite.Open(ctx, filepath.Join(t.TempDir(), "dyad.db"))
			if err != nil {
				t.Fatal(err)
			}
			name := mode + " " + orderOf(order)
			var idx dyad.LinkIndex = db
			p := NewPending(db)
			if mode == "pending" {
				idx = p
			}
			l := newTestLinker(t, idx)
			var recs []*dyad.Record
			for _, r := range order {
				rec := cloneRecord(r)
				if err := l.Link(ctx, rec); err != nil {
					t.Fatal(err)
				}
				if mode == "save" {
					if ok, err := db.Save(ctx, rec); err != nil || !ok {
						t.Fatalf("%s: save %s: %v %v", name, rec.Article.ID, ok, err)
					}
					continue
				}
				p.Add(rec)
				recs = append(recs, rec)
			}
			if mode == "pending" { // the first batch is saved after the third record is linked
				for _, batch := range [][]*dyad.Record{recs[:2], recs[2:]} {
					if _, err := db.SaveBatch(ctx, batch); err != nil {
						t.Fatal(err)
					}
					p.Done(batch)
				}
			}
			groups, flags := storedGroups(t, db, ids)
			if groups != wantGroups || flags != wantFlags {
				t.Errorf("%s: events %s, flags %s; want %s, %s", name, groups, flags, wantGroups, wantFlags)
			}
			db.Close()
		}
	})
}

// TestPendingDemote: a record that is the original of a pending one demotes it in the Pending's view at
// once, without changing the pending record itself (its batch may be being saved), and lists it in Demote.
func TestPendingDemote(t *testing.T) {
	ctx := context.Background()
	recs := reprintRecords()
	p := NewPending(newMemIndex())
	l := newTestLinker(t, p)
	rep, orig := cloneRecord(recs[1]), cloneRecord(recs[0])
	for _, r := range []*dyad.Record{rep, orig} {
		if err := l.Link(ctx, r); err != nil {
			t.Fatal(err)
		}
		p.Add(r)
	}
	if !slices.Equal(orig.Demote, []string{rep.Article.ID}) || orig.Article.NearDuplicateOf != "" || len(orig.Events) != 2 {
		t.Errorf("original: Demote %v, near_duplicate_of %q, %d events; want [%s], none, 2", orig.Demote,
			orig.Article.NearDuplicateOf, len(orig.Events), rep.Article.ID)
	}
	if len(rep.Events) != 2 {
		t.Errorf("the pending reprint itself lost its events: %d", len(rep.Events))
	}
	got, err := p.Record(ctx, rep.Article.ID)
	if err != nil {
		t.Fatal(err)
	}
	if got.Article.NearDuplicateOf != dyad.NullString(orig.Article.ID) || len(got.Events) != 0 {
		t.Errorf("pending view of the reprint: near_duplicate_of %q, %d events; want %s, none",
			got.Article.NearDuplicateOf, len(got.Events), orig.Article.ID)
	}
	if !p.Has(rep.Article.ID) {
		t.Error("the demoted reprint is no longer pending")
	}
	p.Done([]*dyad.Record{rep})
	if p.Has(rep.Article.ID) {
		t.Error("Done did not forget the demoted reprint")
	}
}
