package storetest

import (
	"context"
	"errors"
	"slices"
	"testing"

	"github.com/dyad-events/dyad"
)

// mergeArticle returns a new article of the merge test that reports one event (id, date, coding, confidence).
func mergeArticle(id, lang, published, evID, date string, src dyad.EventActor, code string, conf float64) *dyad.Record {
	a := dyad.Article{ID: id, URI: "testdata/" + lang + "/" + id + ".txt", Source: dyad.NullString("Outlet " + id),
		Title: "Talks " + id, Lang: lang, LangConfidence: 0.9, Published: dyad.NullString(published),
		Text: "The two delegations met in Hanoi to discuss the border, report " + id + "."}
	rec := &dyad.Record{Article: a}
	ev := event(evID, keyVC, date, src, chnGov, code, 1, 1.9)
	m := mention(&rec.Article, a.Text, date, false)
	m.Confidence = conf
	ev.Mentions = []dyad.EventMention{m}
	rec.Events = []dyad.Event{ev}
	return rec
}

// testMerge saves two events that do not match each other, then a record whose mention bridges them
// (Record.Merge): one event is left, with the three mentions, the best date of them all (a day over a
// month, then the earlier), the coding of the best mention, and the counters, totals and rollups of one
// event. check, when not nil, compares the rollups with the rows after each step.
func testMerge(t *testing.T, s dyad.Store, check func(step string)) {
	ctx := context.Background()
	if check == nil {
		check = func(string) {}
	}
	// The second holds the best mention (confidence 0.95) and codes the source as the military.
	a := mergeArticle("m1-en", "en", "2024-05-02", "ev-merge-a", "2024-05", vnmGov, "040", 0.7)
	b := mergeArticle("m2-fr", "fr", "2024-05-03", "ev-merge-b", "2024-05-02", dyad.EventActor{Code: "VNMMIL", Name: "Vietnam", Country: "VNM", Sector: "MIL"}, "042", 0.95)
	for _, r := range []*dyad.Record{a, b} {
		if ok, err := s.Save(ctx, r); err != nil || !ok {
			t.Fatalf("Save(%s) = %v, %v", r.Article.ID, ok, err)
		}
	}
	before, err := s.Stats(ctx)
	if err != nil {
		t.Fatal(err)
	}
	check("two events")
	// The bridge joins both, into the smaller id.
	c := mergeArticle("m3-vi", "vi", "2024-05-04", "ev-merge-a", "", vnmGov, "043", 0.8)
	c.Merge = []dyad.EventMerge{{Into: "ev-merge-a", From: []string{"ev-merge-b"}}}
	if ok, err := s.Save(ctx, c); err != nil || !ok {
		t.Fatalf("Save(bridge) = %v, %v", ok, err)
	}
	check("merged")
	if ev, err := s.Event(ctx, "ev-merge-b"); err != nil || ev.ID != "ev-merge-a" {
		t.Errorf("Event(merged away) = %v, %v; want the event it was merged into, ev-merge-a", ev, err)
	}
	ev, err := s.Event(ctx, "ev-merge-a")
	if err != nil {
		t.Fatal(err)
	}
	var arts []string
	for _, m := range ev.Mentions {
		arts = append(arts, m.ArticleID)
		if m.ArticleID == "m3-vi" && (m.Date != "2024-05-02" || !m.DateInferred) {
			t.Errorf("the undated mention: date %q inferred %v; want the event's 2024-05-02, inferred", m.Date, m.DateInferred)
		}
	}
	slices.Sort(arts)
	if !slices.Equal(arts, []string{"m1-en", "m2-fr", "m3-vi"}) || ev.NumMentions != 3 || ev.NumArticles != 3 ||
		!slices.Equal(ev.Languages, []string{"en", "fr", "vi"}) {
		t.Errorf("merged event: mentions of %v, %d mentions, %d articles, languages %v; want all three", arts,
			ev.NumMentions, ev.NumArticles, ev.Languages)
	}
	if ev.Date != "2024-05-02" || ev.DatePrecision != "day" || ev.Code != "042" || ev.Source.Sector != "MIL" {
		t.Errorf("merged event: date %s (%s), code %s, source %s; want 2024-05-02 (day), the best mention's 042 and VNMMIL",
			ev.Date, ev.DatePrecision, ev.Code, ev.Source.Code)
	}
	after, err := s.Stats(ctx)
	if err != nil {
		t.Fatal(err)
	}
	if after.Events != before.Events-1 || after.Mentions != before.Mentions+1 || after.Articles != before.Articles+1 {
		t.Errorf("Stats %+v after the merge, %+v before; want one event less, one mention and article more", after, before)
	}
}

// testAliases renames an event twice, as the link stage does when a mention with a smaller content id joins
// it (Record.Merge into the new id): both old ids still find the event under its current id, an alias
// that was never a stored event is not made, and an id that is an event again is no longer an alias.
func testAliases(t *testing.T, s dyad.Store) {
	ctx := context.Background()
	first := mergeArticle("al1-en", "en", "2024-05-02", "ev-alias-c", "2024-05-02", vnmGov, "040", 0.7)
	second := mergeArticle("al2-fr", "fr", "2024-05-03", "ev-alias-b", "2024-05-02", vnmGov, "042", 0.8)
	second.Merge = []dyad.EventMerge{{Into: "ev-alias-b", From: []string{"ev-alias-c", "ev-alias-never-stored"}}}
	third := mergeArticle("al3-vi", "vi", "2024-05-03", "ev-alias-a", "2024-05-03", vnmGov, "043", 0.9)
	third.Merge = []dyad.EventMerge{{Into: "ev-alias-a", From: []string{"ev-alias-b"}}}
	for _, r := range []*dyad.Record{first, second, third} {
		if ok, err := s.Save(ctx, r); err != nil || !ok {
			t.Fatalf("Save(%s) = %v, %v", r.Article.ID, ok, err)
		}
	}
	for _, id := range []string{"ev-alias-a", "ev-alias-b", "ev-alias-c"} {
		ev, err := s.Event(ctx, id)
		if err != nil {
			t.Errorf("Event(%s): %v; want the renamed event ev-alias-a", id, err)
			continue
		}
		if ev.ID != "ev-alias-a" || ev.NumMentions != 3 {
			t.Errorf("Event(%s) = %s with %d mentions; want ev-alias-a with 3", id, ev.ID, ev.NumMentions)
		}
	}
	if _, err := s.Event(ctx, "ev-alias-never-stored"); !errors.Is(err, dyad.ErrNotFound) {
		t.Errorf("Event(a merged id that was never stored) error = %v; want ErrNotFound", err)
	}
	// The content id ev-alias-c names an event again (its mention came back under its own id): it is that
	// event, not an alias; renaming it once more points its alias at the new name.
	back := mergeArticle("al4-de", "de", "2025-01-10", "ev-alias-c", "2025-01-10", vnmGov, "040", 0.7)
	if ok, err := s.Save(ctx, back); err != nil || !ok {
		t.Fatalf("Save(%s) = %v, %v", back.Article.ID, ok, err)
	}
	if ev, err := s.Event(ctx, "ev-alias-c"); err != nil || ev.ID != "ev-alias-c" || ev.NumMentions != 1 {
		t.Errorf("Event(ev-alias-c) after a new event took that id = %v, %v; want that event", ev, err)
	}
	again := mergeArticle("al5-es", "es", "2025-01-10", "ev-alias-0", "2025-01-10", vnmGov, "040", 0.7)
	again.Merge = []dyad.EventMerge{{Into: "ev-alias-0", From: []string{"ev-alias-c"}}}
	if ok, err := s.Save(ctx, again); err != nil || !ok {
		t.Fatalf("Save(%s) = %v, %v", again.Article.ID, ok, err)
	}
	if ev, err := s.Event(ctx, "ev-alias-c"); err != nil || ev.ID != "ev-alias-0" || ev.NumMentions != 2 {
		t.Errorf("Event(ev-alias-c) after its second rename = %v, %v; want ev-alias-0 with 2 mentions", ev, err)
	}
}

// testMergeSameSpan merges events that hold mentions of the same span of the same article (one sentence
// coded as two events, which the link stage later finds to be one): the merged event keeps one mention of
// the span, its own, or else that of the smallest event id merged, and the save does not fail on the
// mentions' uniqueness. Counters and totals count the mentions kept.
func testMergeSameSpan(t *testing.T, s dyad.Store, check func(step string)) {
	ctx := context.Background()
	if check == nil {
		check = func(string) {}
	}
	// m1 codes its sentence as events a and b; m2 codes its own as c and d; m0 reports e alone.
	x := mergeArticle("span-m1", "en", "2024-06-02", "ev-span-a", "2024-06-01", vnmGov, "040", 0.7)
	bx := mergeArticle("span-m1", "en", "2024-06-02", "ev-span-b", "2024-06-01", vnmGov, "042", 0.9)
	x.Events = append(x.Events, bx.Events...)
	y := mergeArticle("span-m2", "fr", "2024-06-03", "ev-span-d", "2024-06-01", vnmGov, "043", 0.6)
	cy := mergeArticle("span-m2", "fr", "2024-06-03", "ev-span-c", "2024-06-01", vnmGov, "036", 0.8)
	y.Events = append(y.Events, cy.Events...)
	z := mergeArticle("span-m0", "vi", "2024-06-04", "ev-span-e", "2024-06-01", vnmGov, "040", 0.5)
	for _, r := range []*dyad.Record{x, y, z} {
		if ok, err := s.Save(ctx, r); err != nil || !ok {
			t.Fatalf("Save(%s) = %v, %v", r.Article.ID, ok, err)
		}
	}
	before, err := s.Stats(ctx)
	if err != nil {
		t.Fatal(err)
	}
	check("five events")
	bridge := mergeArticle("span-m3", "de", "2024-06-05", "ev-span-a", "", vnmGov, "040", 0.75)
	bridge.Merge = []dyad.EventMerge{{Into: "ev-span-a", From: []string{"ev-span-b", "ev-span-d", "ev-span-c", "ev-span-e"}}}
	if ok, err := s.Save(ctx, bridge); err != nil || !ok {
		t.Fatalf("Save(bridge) = %v, %v; want the events merged", ok, err)
	}
	check("merged")
	ev, err := s.Event(ctx, "ev-span-a")
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, m := range ev.Mentions {
		got = append(got, m.ArticleID+" "+m.Pattern)
	}
	slices.Sort(got)
	want := []string{"span-m0 en/verbs:12", "span-m1 en/verbs:12", "span-m2 en/verbs:12", "span-m3 en/verbs:12"}
	if !slices.Equal(got, want) || ev.NumMentions != 4 || ev.NumArticles != 4 {
		t.Errorf("merged event: mentions %v, %d mentions, %d articles; want one a span: %v", got, ev.NumMentions, ev.NumArticles, want)
	}
	for _, m := range ev.Mentions {
		// m1's span kept a's own mention (0.7), m2's that of c, the smaller id (0.8)
		if w := map[string]float64{"span-m1": 0.7, "span-m2": 0.8}[m.ArticleID]; w != 0 && m.Confidence != w {
			t.Errorf("mention of %s: confidence %v; want %v", m.ArticleID, m.Confidence, w)
		}
	}
	after, err := s.Stats(ctx)
	if err != nil {
		t.Fatal(err)
	}
	if after.Events != before.Events-4 || after.Mentions != before.Mentions-1 || after.Articles != before.Articles+1 {
		t.Errorf("Stats %+v after the merge, %+v before; want four events less, one mention less (two dropped, one added), one article more", after, before)
	}
}
