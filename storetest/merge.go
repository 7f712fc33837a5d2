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
	if _, err := s.Event(ctx, "ev-merge-b"); !errors.Is(err, dyad.ErrNotFound) {
		t.Errorf("Event(merged away) error = %v; want ErrNotFound", err)
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
