package storetest

import (
	"context"
	"errors"
	"slices"
	"testing"

	"github.com/dyad-events/dyad"
)

// Ids of the demotion test.
const (
	artReprint  = "a5-en-border-talks-reprint"
	artCopy     = "a6-en-border-talks-copy"
	artReprint2 = "a7-fr-border-talks-reprint"
)

// reprint returns a new article that is the original of the seed articles demote: it reports the visit
// (mentioned by the en and fr seeds), and its record lists demote in Demote.
func reprint(id string, demote ...string) *dyad.Record {
	a := dyad.Article{ID: id, URI: "testdata/en/" + id + ".txt", Source: "Wire", Title: "Border talks resume",
		Lang: "en", LangConfidence: 0.97, Published: "2024-03-09",
		Text: "A Vietnamese deputy foreign minister went to Beijing on Saturday for talks on the land border."}
	rec := &dyad.Record{Article: a, Demote: demote}
	visit := event(evVisit, keyVC, "2024-03-09", vnmGov, chnGov, "042", 1, 1.9)
	visit.Mentions = []dyad.EventMention{mention(&rec.Article, a.Text, "2024-03-09", false)}
	rec.Events = []dyad.Event{visit}
	return rec
}

// testDemote saves records whose Demote lists stored articles: the demoted articles and those that copy
// them become near-duplicates of the new one, lose their event mentions (an event left with none is
// deleted) and leave their claims (a claim left with none is deleted). check, when not nil, compares the
// rollups with the rows after each step.
func testDemote(t *testing.T, s dyad.Store, check func(step string)) {
	ctx := context.Background()
	if check == nil {
		check = func(string) {}
	}
	seed(t, s)
	// A copy of the en article, stored as its near-duplicate.
	cp := &dyad.Record{Article: records()[0].Article}
	cp.Article.ID, cp.Article.URI, cp.Article.NearDuplicateOf = artCopy, "testdata/en/copy.txt", artEN
	if _, err := s.Save(ctx, cp); err != nil {
		t.Fatal(err)
	}
	before, err := s.Stats(ctx)
	if err != nil {
		t.Fatal(err)
	}
	check("before demoting")

	// The reprint is the original of the en article.
	rep := reprint(artReprint, artEN)
	if ok, err := s.Save(ctx, rep); err != nil || !ok {
		t.Fatalf("Save(reprint) = %v, %v; want true", ok, err)
	}
	check("demoted the en article")
	for _, id := range []string{artEN, artCopy} {
		r, err := s.Record(ctx, id)
		if err != nil {
			t.Fatal(err)
		}
		if r.Article.NearDuplicateOf != artReprint {
			t.Errorf("%s: near_duplicate_of = %q; want %q", id, r.Article.NearDuplicateOf, artReprint)
		}
		if len(r.Events) != 0 {
			t.Errorf("%s: events %v; want none", id, eventIDs(r.Events))
		}
		for _, st := range r.Statements {
			if st.ClaimID != "" {
				t.Errorf("%s: statement %s keeps claim %s", id, st.ID, st.ClaimID)
			}
		}
	}
	if r, err := s.Record(ctx, artReprint); err != nil || r.Article.NearDuplicateOf != "" {
		t.Errorf("reprint: %v, near_duplicate_of %q; want none", err, r.Article.NearDuplicateOf)
	}
	// The accord had only the en mention: it is gone. The visit keeps the fr and reprint mentions.
	if _, err := s.Event(ctx, evAccord); !errors.Is(err, dyad.ErrNotFound) {
		t.Errorf("Event(accord) error = %v; want ErrNotFound", err)
	}
	ev, err := s.Event(ctx, evVisit)
	if err != nil {
		t.Fatal(err)
	}
	var arts []string
	for _, m := range ev.Mentions {
		arts = append(arts, m.ArticleID)
	}
	slices.Sort(arts)
	if !slices.Equal(arts, []string{artFR, artReprint}) || ev.NumMentions != 2 || ev.NumArticles != 2 ||
		!slices.Equal(ev.Languages, []string{"en", "fr"}) {
		t.Errorf("visit: mentions of %v, %d mentions, %d articles, languages %v; want fr and reprint, 2, 2, [en fr]",
			arts, ev.NumMentions, ev.NumArticles, ev.Languages)
	}
	if evs, err := s.Events(ctx, dyad.EventQuery{Article: artEN}); err != nil || len(evs) != 0 {
		t.Errorf("Events(article en) = %v, %v; want none", eventIDs(evs), err)
	}
	c, err := s.Claim(ctx, claimSea)
	if err != nil {
		t.Fatal(err)
	}
	if c.Count != 1 || len(c.Statements) != 1 || c.Statements[0].ID != "s2-fr" || !slices.Equal(c.Languages, []string{"fr"}) {
		t.Errorf("claim after demoting en: count %d, %d statements, languages %v; want only s2-fr", c.Count, len(c.Statements), c.Languages)
	}
	after, err := s.Stats(ctx)
	if err != nil {
		t.Fatal(err)
	}
	want := before
	want.Articles++
	want.Events-- // the accord
	// The en mentions of the visit and the accord go, the reprint's mention of the visit comes.
	want.Mentions += -2 + 1
	if after != want {
		t.Errorf("Stats = %+v; want %+v", after, want)
	}

	// Re-saving the reprint changes nothing.
	if ok, err := s.Save(ctx, reprint(artReprint, artEN)); err != nil || ok {
		t.Errorf("re-Save(reprint) = %v, %v; want false", ok, err)
	}
	if again, err := s.Stats(ctx); err != nil || again != after {
		t.Errorf("Stats after re-save = %+v, %v; want %+v", again, err, after)
	}

	// A second original takes the fr article: the claim is left empty and is deleted; the visit keeps the
	// two reprints' mentions.
	rep2 := reprint(artReprint2, artFR)
	rep2.Events[0].Mentions[0].Start = 1
	if _, err := s.Save(ctx, rep2); err != nil {
		t.Fatal(err)
	}
	check("demoted the fr article")
	if _, err := s.Claim(ctx, claimSea); !errors.Is(err, dyad.ErrNotFound) {
		t.Errorf("Claim(sea) error = %v; want ErrNotFound once its statements are demoted", err)
	}
	if ev, err := s.Event(ctx, evVisit); err != nil || ev.NumMentions != 2 || !slices.Equal(ev.Languages, []string{"en"}) {
		t.Errorf("visit = %+v, %v; want the 2 reprint mentions in en", ev, err)
	}
	if got, err := s.Stats(ctx); err != nil || got.Claims != after.Claims-1 || got.Mentions != after.Mentions {
		t.Errorf("Stats = %+v, %v; want one claim less and as many mentions as before (%+v)", got, err, after)
	}
}

// testDemoteInBatch demotes an article saved earlier in the same batch.
func testDemoteInBatch(t *testing.T, b Batcher) {
	ctx := context.Background()
	recs := records()
	recs = append(recs, reprint(artReprint, artEN))
	stored, err := b.SaveBatch(ctx, recs)
	if err != nil {
		t.Fatal(err)
	}
	if !slices.Equal(stored, []bool{true, true, true, true, true}) {
		t.Errorf("stored = %v; want all", stored)
	}
	r, err := b.Record(ctx, artEN)
	if err != nil {
		t.Fatal(err)
	}
	if r.Article.NearDuplicateOf != artReprint || len(r.Events) != 0 {
		t.Errorf("en: near_duplicate_of %q, events %v; want the reprint's, none", r.Article.NearDuplicateOf, eventIDs(r.Events))
	}
	if _, err := b.Event(ctx, evAccord); !errors.Is(err, dyad.ErrNotFound) {
		t.Errorf("Event(accord) error = %v; want ErrNotFound", err)
	}
}
