// Package storetest is the conformance suite of dyad.Store: every implementation (sqlite, postgres) runs
// Run against a fresh store and must pass it. The records are small, built in Go, in our own words about
// real kinds of diplomatic events.
package storetest

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"reflect"
	"slices"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/dyad-events/dyad"
)

// Run exercises every method of the stores that open returns. open must return a new, empty store each time
// it is called; Run closes it.
func Run(t *testing.T, open func(t *testing.T) dyad.Store) {
	t.Helper()
	// fresh runs f as subtest name on a new, empty store of its own.
	fresh := func(name string, f func(*testing.T, dyad.Store)) {
		t.Run(name, func(t *testing.T) {
			s := open(t)
			defer s.Close()
			f(t, s)
		})
	}
	t.Run("Records", func(t *testing.T) {
		s := open(t)
		defer s.Close()
		seed(t, s)
		t.Run("ResaveIsNoop", func(t *testing.T) { testResave(t, s) })
		t.Run("Record", func(t *testing.T) { testRecord(t, s) })
		t.Run("NotFound", func(t *testing.T) { testNotFound(t, s) })
		t.Run("Articles", func(t *testing.T) { testArticles(t, s) })
		t.Run("EventGainsMention", func(t *testing.T) { testEventGainsMention(t, s) })
		t.Run("Events", func(t *testing.T) { testEvents(t, s) })
		t.Run("Places", func(t *testing.T) { testPlaces(t, s) })
		t.Run("Search", func(t *testing.T) { testSearch(t, s) })
		t.Run("EventCandidates", func(t *testing.T) { testEventCandidates(t, s) })
		t.Run("SimilarArticles", func(t *testing.T) { testSimilar(t, s) })
		t.Run("Statements", func(t *testing.T) { testStatements(t, s) })
		t.Run("Claims", func(t *testing.T) { testClaims(t, s) })
		t.Run("Counts", func(t *testing.T) { testCounts(t, s) })
		t.Run("Stats", func(t *testing.T) { testStats(t, s) })
	})
	fresh("EventCandidatesByCoding", testEventCandidatesByCoding)
	fresh("EventCandidatesPeople", testEventCandidatesPeople)
	fresh("EventCandidatesRecent", testEventCandidatesRecent)
	fresh("SearchLongText", testSearchLongText)
	t.Run("SaveBatch", func(t *testing.T) {
		s := open(t)
		defer s.Close()
		b, ok := s.(Batcher)
		if !ok {
			t.Skip("the store has no SaveBatch")
		}
		testSaveBatch(t, b)
	})
	fresh("Demote", func(t *testing.T, s dyad.Store) { testDemote(t, s, nil) })
	fresh("Merge", func(t *testing.T, s dyad.Store) { testMerge(t, s, nil) })
	fresh("MergeSameSpan", func(t *testing.T, s dyad.Store) { testMergeSameSpan(t, s, nil) })
	fresh("Aliases", testAliases)
	t.Run("SaveLinked", func(t *testing.T) {
		s := open(t)
		defer s.Close()
		ls, ok := s.(dyad.LinkSaver)
		if !ok {
			t.Skip("the store has no SaveLinked")
		}
		testSaveLinked(t, s, ls)
	})
	t.Run("SaveGroup", func(t *testing.T) {
		s := open(t)
		defer s.Close()
		gs, ok := s.(dyad.GroupSaver)
		if !ok {
			t.Skip("the store does not group batches")
		}
		testSaveGroup(t, s, gs)
	})
	t.Run("DemoteInBatch", func(t *testing.T) {
		s := open(t)
		defer s.Close()
		b, ok := s.(Batcher)
		if !ok {
			t.Skip("the store has no SaveBatch")
		}
		testDemoteInBatch(t, b)
	})
	t.Run("BestMentionCoding", func(t *testing.T) { testBestMentionCoding(t, open) })
	t.Run("RollupOrder", func(t *testing.T) { testRollupOrder(t, open) })
	fresh("PlaceCounts", testPlaceCounts)
	fresh("Boxes", Boxes)
	fresh("EventGainsDate", testEventGainsDate)
	fresh("Atomic", testAtomic)
	fresh("ConcurrentSave", testConcurrent)
}

// Article, event and claim ids of the seed records.
const (
	artEN     = "a1-en-border-talks"
	artFR     = "a2-fr-border-talks"
	artNL     = "a3-nl-coast-guard"
	artVI     = "a4-vi-da-nang"
	evVisit   = "e1-vnm-chn-visit"
	evAccord  = "e2-usa-vnm-accord"
	evPatrol  = "e3-chn-vnm-patrol"
	evPending = "e4-vnm-chn-undated"
	claimSea  = "c1-sea-dialogue"
	keyVC     = "VNM|CHN|04"
)

var (
	vnmGov = dyad.EventActor{Code: "VNMGOV", Name: "Vietnam", Country: "VNM", Sector: "GOV"}
	chnGov = dyad.EventActor{Code: "CHNGOV", Name: "China", Country: "CHN", Sector: "GOV"}
	usaGov = dyad.EventActor{Code: "USAGOV", Name: "United States", Country: "USA", Sector: "GOV"}
	chnMil = dyad.EventActor{Code: "CHNMIL", Name: "China Coast Guard", Country: "CHN", Sector: "MIL"}
	binh   = dyad.ActorRef{ID: "pham-thanh-binh", Name: "Phạm Thanh Bình", Type: dyad.TypePerson, Country: "VNM", Sector: "GOV", Code: "VNMGOV"}
	vnm    = dyad.ActorRef{ID: "VNM", Name: "Vietnam", Type: dyad.TypeCountry, Country: "VNM", Code: "VNM"}
	chn    = dyad.ActorRef{ID: "CHN", Name: "China", Type: dyad.TypeCountry, Country: "CHN", Code: "CHN"}
)

// span returns the byte span of the first occurrence of sub in s.
func span(s, sub string) (int, int) {
	i := strings.Index(s, sub)
	if i < 0 {
		panic("storetest: " + sub + " not in text")
	}
	return i, i + len(sub)
}

func mention(a *dyad.Article, sentence string, date string, inferred bool) dyad.EventMention {
	start, end := span(a.Text, sentence)
	return dyad.EventMention{ArticleID: a.ID, Lang: a.Lang, Source: string(a.Source), Sentence: sentence,
		Start: start, End: end, Confidence: 0.8, Date: date, DateInferred: inferred, Pattern: "en/verbs:12",
		Published: string(a.Published)}
}

func actorMention(a *dyad.Article, sub string, r dyad.ActorRef, via string) dyad.ActorMention {
	start, end := span(a.Text, sub)
	return dyad.ActorMention{Start: start, End: end, Text: sub, Actor: r, Via: via}
}

func event(id, key, date string, src, tgt dyad.EventActor, code string, quad int, gold float64) dyad.Event {
	prec := map[int]string{10: "day", 7: "month", 4: "year", 0: ""}[len(date)]
	return dyad.Event{ID: id, Key: key, Date: dyad.NullString(date), DatePrecision: prec, Source: src, Target: tgt,
		Code: code, Root: code[:2], QuadClass: quad, Goldstein: gold, Plover: "CONSULT", CoderVersion: dyad.CoderVersion}
}

// records builds the four seed records. Each call returns fresh values.
func records() []*dyad.Record {
	en := dyad.Article{ID: artEN, URI: "testdata/en/border.txt", URL: "https://news.example/en/border",
		Source: "VNA", Title: "Vietnam and China open new round of border talks", Lang: "en", LangConfidence: 0.98,
		Published: "2024-03-10", Dateline: "HANOI", PublishedFrom: "metadata",
		Text: "HANOI — Deputy Foreign Minister Phạm Thanh Bình travelled to Beijing on Saturday for a new round of " +
			"talks on the land border.\n\nThe two sides agreed to keep the hotline between their coast guards open. " +
			"Separately, the United States and Vietnam signed a memorandum on clean energy on Friday.\n\n" +
			"Bình said the sea dialogue would continue every quarter.",
		Paragraphs: []dyad.Span{{Start: 0, End: 113}, {Start: 115, End: 280}}}
	fr := dyad.Article{ID: artFR, URI: "testdata/fr/frontiere.html", Source: "AFP",
		Title: "Le Vietnam et la Chine relancent le dialogue frontalier", Lang: "fr", LangConfidence: 0.95,
		Published: "2024-03-11", Dateline: "PÉKIN",
		Text: "PÉKIN (AFP) - Le vice-ministre vietnamien des Affaires étrangères Phạm Thanh Bình s'est rendu samedi " +
			"à Pékin pour des pourparlers sur la frontière terrestre. Il a affirmé que le dialogue maritime se " +
			"poursuivrait chaque trimestre."}
	nl := dyad.Article{ID: artNL, URI: "testdata/nl/kustwacht.txt", Title: "Chinese kustwacht patrouilleert bij Vietnamese eilanden",
		Lang: "nl", LangConfidence: 0.9, Published: "2023-12-04",
		Text: "De Chinese kustwacht voerde maandag een patrouille uit bij eilanden die Vietnam opeist. " +
			"Vietnam en China willen later opnieuw overleggen."}
	vi := dyad.Article{ID: artVI, URI: "testdata/vi/danang.txt", Source: "VOV", Title: "Hội nghị tại Đà Nẵng",
		Lang: "vi", LangConfidence: 0.99, Published: "2024-01-15",
		Text: "Hội nghị hợp tác biển được tổ chức tại thành phố Đà Nẵng với sự tham dự của nhiều đại biểu."}

	recEN := &dyad.Record{Article: en}
	a := &recEN.Article
	recEN.Mentions = []dyad.ActorMention{
		actorMention(a, "Phạm Thanh Bình", binh, "name"),
		actorMention(a, "Beijing", chn, "name"),
		actorMention(a, "Vietnam", vnm, "name"),
	}
	visit := event(evVisit, keyVC, "2024-03-09", vnmGov, chnGov, "042", 1, 1.9)
	visit.Location = &dyad.Location{Name: "Beijing", PlaceID: "1816670", Canonical: "Beijing", Country: "CHN",
		Admin1: "CN.22", Lat: 39.9075, Lon: 116.3972, Precision: "city", Via: "text"}
	visit.Source.ActorID = binh.ID
	visit.Mentions = []dyad.EventMention{mention(a, "Deputy Foreign Minister Phạm Thanh Bình travelled to Beijing on Saturday "+
		"for a new round of talks on the land border.", "2024-03-09", false)}
	accord := event(evAccord, "USA|VNM|05", "2024-03-08", usaGov, vnmGov, "057", 2, 8.0) // quad 2 for the split counts
	accord.Mentions = []dyad.EventMention{mention(a, "Separately, the United States and Vietnam signed a memorandum on clean energy on Friday.",
		"2024-03-08", false)}
	recEN.Events = []dyad.Event{visit, accord}
	s0, e0 := span(a.Text, "Bình said the sea dialogue would continue every quarter.")
	recEN.Statements = []dyad.Statement{{ID: "s1-en", ArticleID: a.ID, Speaker: binh, Verb: "said",
		Text: "the sea dialogue would continue every quarter", Lang: "en", Date: "2024-03-09", ClaimID: claimSea,
		Start: s0, End: e0, Concepts: []string{"dialogue", "maritime"}}}
	recEN.Signature = &dyad.Signature{ArticleID: a.ID, MinHash: []uint32{7, 1 << 31, 42, 0}, Bands: []uint64{101, 102, 1 << 63}}

	recFR := &dyad.Record{Article: fr}
	f := &recFR.Article
	visitFR := event(evVisit, keyVC, "2024-03-09", vnmGov, chnGov, "042", 1, 1.9)
	visitFR.Mentions = []dyad.EventMention{mention(f, "Le vice-ministre vietnamien des Affaires étrangères Phạm Thanh Bình s'est rendu samedi "+
		"à Pékin pour des pourparlers sur la frontière terrestre.", "2024-03-09", true)}
	// This mention's own coding differs from the event's (no sector on its source side): it is kept with it.
	visitFR.Mentions[0].Coding = frCoding()
	// The link stage hands over the folded event with the mentions already stored; they must not be doubled.
	visitFR.Mentions = append(visitFR.Mentions, recEN.Events[0].Mentions[0])
	recFR.Events = []dyad.Event{visitFR}
	s1, e1 := span(f.Text, "Il a affirmé que le dialogue maritime se poursuivrait chaque trimestre.")
	recFR.Statements = []dyad.Statement{{ID: "s2-fr", ArticleID: f.ID, Speaker: binh, Verb: "a affirmé",
		Text: "le dialogue maritime se poursuivrait chaque trimestre", Lang: "fr", Date: "2024-03-11", ClaimID: claimSea,
		Start: s1, End: e1, Direct: false, Concepts: []string{"maritime", "schedule"}}}
	recFR.Signature = &dyad.Signature{ArticleID: f.ID, MinHash: []uint32{7, 8, 9, 10}, Bands: []uint64{102, 201}}

	recNL := &dyad.Record{Article: nl}
	n := &recNL.Article
	patrol := event(evPatrol, "CHN|VNM|03", "2023-12-04", chnMil, vnmGov, "036", 1, 4.0)
	patrol.Mentions = []dyad.EventMention{mention(n, "De Chinese kustwacht voerde maandag een patrouille uit bij eilanden die Vietnam opeist.",
		"2023-12-04", true)}
	pending := event(evPending, keyVC, "", vnmGov, chnGov, "043", 1, 3.3)
	pending.Mentions = []dyad.EventMention{mention(n, "Vietnam en China willen later opnieuw overleggen.", "", false)}
	recNL.Events = []dyad.Event{patrol, pending}
	recNL.Statements = []dyad.Statement{{ID: "s3-nl", ArticleID: n.ID, Speaker: vnm, Verb: "willen",
		Text: "later opnieuw overleggen", Lang: "nl", Start: 88, End: 137}}
	recNL.Signature = &dyad.Signature{ArticleID: n.ID, MinHash: []uint32{1, 2}, Bands: []uint64{301}}

	recVI := &dyad.Record{Article: vi}
	return []*dyad.Record{recEN, recFR, recNL, recVI}
}

// frCoding is the coding of the fr mention of the visit, which is not the event's.
func frCoding() *dyad.MentionCoding {
	return &dyad.MentionCoding{Source: dyad.EventActor{Code: "VNM", Name: "Vietnam", ActorID: binh.ID, Country: "VNM"},
		Target: chnGov, Code: "043", People: &dyad.SidePeople{Source: []string{binh.ID}}}
}

func seed(t *testing.T, s dyad.Store) {
	t.Helper()
	saveAll(t, s, records())
}

// saveAll saves recs in order into s, which must store each as new.
func saveAll(t *testing.T, s dyad.Store, recs []*dyad.Record) {
	t.Helper()
	ctx := context.Background()
	for _, rec := range recs {
		ok, err := s.Save(ctx, rec)
		if err != nil {
			t.Fatalf("Save(%s): %v", rec.Article.ID, err)
		}
		if !ok {
			t.Fatalf("Save(%s) = false on an empty store", rec.Article.ID)
		}
	}
}

func testResave(t *testing.T, s dyad.Store) {
	ctx := context.Background()
	before, err := s.Stats(ctx)
	if err != nil {
		t.Fatal(err)
	}
	evBefore, err := s.Event(ctx, evVisit)
	if err != nil {
		t.Fatal(err)
	}
	rec := records()[0]
	rec.Article.Title = "a changed title that must not be stored"
	rec.Events[0].Mentions[0].Start += 3 // a new mention, if the save went on
	rec.Statements[0].ID = "s-new"
	ok, err := s.Save(ctx, rec)
	if err != nil || ok {
		t.Fatalf("re-Save = %v, %v; want false, nil", ok, err)
	}
	after, err := s.Stats(ctx)
	if err != nil {
		t.Fatal(err)
	}
	if before != after {
		t.Errorf("Stats changed by a re-save: %+v -> %+v", before, after)
	}
	got, err := s.Record(ctx, artEN)
	if err != nil {
		t.Fatal(err)
	}
	if got.Article.Title != records()[0].Article.Title {
		t.Errorf("title = %q after re-save; want the first one", got.Article.Title)
	}
	evAfter, err := s.Event(ctx, evVisit)
	if err != nil {
		t.Fatal(err)
	}
	if evAfter.NumMentions != evBefore.NumMentions || len(evAfter.Mentions) != len(evBefore.Mentions) {
		t.Errorf("event mentions changed by a re-save: %d -> %d", evBefore.NumMentions, evAfter.NumMentions)
	}
	if has, err := s.HasArticle(ctx, artEN); err != nil || !has {
		t.Errorf("HasArticle(%s) = %v, %v; want true", artEN, has, err)
	}
	if has, err := s.HasArticle(ctx, "missing"); err != nil || has {
		t.Errorf("HasArticle(missing) = %v, %v; want false", has, err)
	}
}

func testRecord(t *testing.T, s dyad.Store) {
	ctx := context.Background()
	want := records()[0]
	got, err := s.Record(ctx, artEN)
	if err != nil {
		t.Fatal(err)
	}
	if got.Article.Ingested.IsZero() || time.Since(got.Article.Ingested) > time.Hour {
		t.Errorf("Ingested = %v; want the save time", got.Article.Ingested)
	}
	got.Article.Ingested = time.Time{}
	if !equalJSON(got.Article, want.Article) {
		t.Errorf("article round trip:\n got %+v\nwant %+v", got.Article, want.Article)
	}
	if !equalJSON(got.Mentions, want.Mentions) {
		t.Errorf("mentions:\n got %+v\nwant %+v", got.Mentions, want.Mentions)
	}
	if len(got.Events) != 2 || got.Events[0].ID != evVisit || got.Events[1].ID != evAccord {
		t.Fatalf("events = %v; want %s, %s in text order", eventIDs(got.Events), evVisit, evAccord)
	}
	e := got.Events[0]
	if len(e.Mentions) != 2 {
		t.Errorf("event %s has %d mentions; want the 2 of both articles", e.ID, len(e.Mentions))
	}
	w := want.Events[0]
	if e.Key != w.Key || e.Date != w.Date || e.DatePrecision != "day" || e.Source != w.Source || e.Target != w.Target ||
		e.Code != "042" || e.Root != "04" || e.QuadClass != 1 || e.Goldstein != 1.9 || e.Plover != "CONSULT" ||
		!equalJSON(e.Location, w.Location) || e.CoderVersion != dyad.CoderVersion {
		t.Errorf("event fields:\n got %+v\nwant %+v", e, w)
	}
	if !equalJSON(e.Mentions[0], w.Mentions[0]) {
		t.Errorf("first mention:\n got %+v\nwant %+v", e.Mentions[0], w.Mentions[0])
	}
	if len(got.Statements) != 1 {
		t.Fatalf("statements = %d; want 1", len(got.Statements))
	}
	st, ws := got.Statements[0], want.Statements[0]
	ws.Source = "VNA" // filled from the article
	if !equalJSON(st, ws) {
		t.Errorf("statement:\n got %+v\nwant %+v", st, ws)
	}
	if got.Signature == nil || !slices.Equal(got.Signature.MinHash, want.Signature.MinHash) ||
		!slices.Equal(got.Signature.Bands, want.Signature.Bands) {
		t.Errorf("signature = %+v; want %+v", got.Signature, want.Signature)
	}
	// An article with nothing found in it comes back with empty lists, not nulls.
	vi, err := s.Record(ctx, artVI)
	if err != nil {
		t.Fatal(err)
	}
	if vi.Mentions == nil || vi.Events == nil || vi.Statements == nil || vi.Signature != nil {
		t.Errorf("empty record = %+v; want empty lists and no signature", vi)
	}
	if vi.Article.Dateline != "" || vi.Article.URL != "" || vi.Article.Paragraphs != nil {
		t.Errorf("unset fields came back set: %+v", vi.Article)
	}
}

func testNotFound(t *testing.T, s dyad.Store) {
	ctx := context.Background()
	if _, err := s.Record(ctx, "missing"); !errors.Is(err, dyad.ErrNotFound) {
		t.Errorf("Record(missing) error = %v; want ErrNotFound", err)
	}
	if _, err := s.Event(ctx, "missing"); !errors.Is(err, dyad.ErrNotFound) {
		t.Errorf("Event(missing) error = %v; want ErrNotFound", err)
	}
	if _, err := s.Claim(ctx, "missing"); !errors.Is(err, dyad.ErrNotFound) {
		t.Errorf("Claim(missing) error = %v; want ErrNotFound", err)
	}
	// Stores that read an article alone (the link stage's cheap lookup) agree with Record.
	if ar, ok := s.(interface {
		Article(ctx context.Context, id string) (*dyad.Article, error)
	}); ok {
		if _, err := ar.Article(ctx, "missing"); !errors.Is(err, dyad.ErrNotFound) {
			t.Errorf("Article(missing) error = %v; want ErrNotFound", err)
		}
		as, err := s.Articles(ctx, dyad.ArticleQuery{Page: dyad.Page{Limit: 1}})
		if err != nil || len(as) == 0 {
			t.Fatalf("Articles: %v, %d", err, len(as))
		}
		a, err := ar.Article(ctx, as[0].ID)
		rec, err2 := s.Record(ctx, as[0].ID)
		if err != nil || err2 != nil || a.ID != rec.Article.ID || a.Text != rec.Article.Text || a.Published != rec.Article.Published {
			t.Errorf("Article(%s) = %+v, %v; Record's article %+v, %v", as[0].ID, a, err, rec.Article, err2)
		}
	}
}

func articleIDs(as []dyad.Article) []string {
	var ids []string
	for _, a := range as {
		ids = append(ids, a.ID)
	}
	return ids
}

func eventIDs(es []dyad.Event) []string {
	var ids []string
	for _, e := range es {
		ids = append(ids, e.ID)
	}
	return ids
}

func testArticles(t *testing.T, s dyad.Store) {
	ctx := context.Background()
	for _, tc := range []struct {
		name string
		q    dyad.ArticleQuery
		want []string
	}{
		{"all newest first", dyad.ArticleQuery{}, []string{artFR, artEN, artVI, artNL}},
		{"lang", dyad.ArticleQuery{Lang: "fr"}, []string{artFR}},
		{"source folded substring", dyad.ArticleQuery{Source: "af"}, []string{artFR}},
		{"source case", dyad.ArticleQuery{Source: "vov"}, []string{artVI}},
		{"from", dyad.ArticleQuery{From: "2024-03-10"}, []string{artFR, artEN}},
		{"to month prefix", dyad.ArticleQuery{To: "2024-01"}, []string{artVI, artNL}},
		{"range", dyad.ArticleQuery{From: "2024-01-01", To: "2024-03-10"}, []string{artEN, artVI}},
		{"limit", dyad.ArticleQuery{Page: dyad.Page{Limit: 2}}, []string{artFR, artEN}},
		{"offset", dyad.ArticleQuery{Page: dyad.Page{Limit: 2, Offset: 2}}, []string{artVI, artNL}},
		{"none", dyad.ArticleQuery{Lang: "de"}, nil},
	} {
		got, err := s.Articles(ctx, tc.q)
		if err != nil {
			t.Fatalf("%s: %v", tc.name, err)
		}
		if got == nil {
			t.Errorf("%s: nil list; want an empty one", tc.name)
		}
		if ids := articleIDs(got); !slices.Equal(ids, tc.want) {
			t.Errorf("%s: Articles(%+v) = %v; want %v", tc.name, tc.q, ids, tc.want)
		}
	}
}

func testEventGainsMention(t *testing.T, s dyad.Store) {
	e, err := s.Event(context.Background(), evVisit)
	if err != nil {
		t.Fatal(err)
	}
	if e.NumMentions != 2 || e.NumArticles != 2 || e.NumSources != 2 {
		t.Errorf("counters = %d mentions, %d articles, %d sources; want 2, 2, 2", e.NumMentions, e.NumArticles, e.NumSources)
	}
	if !slices.Equal(e.Languages, []string{"en", "fr"}) {
		t.Errorf("languages = %v; want [en fr]", e.Languages)
	}
	if len(e.Mentions) != 2 || e.Mentions[0].ArticleID != artEN || e.Mentions[1].ArticleID != artFR {
		t.Fatalf("mentions = %+v; want the en one then the fr one", e.Mentions)
	}
	m := e.Mentions[1]
	if m.Lang != "fr" || m.Source != "AFP" || !m.DateInferred || m.Published != "2024-03-11" || m.Confidence != 0.8 {
		t.Errorf("fr mention = %+v", m)
	}
	// Each mention keeps its own coding, or none (the event's coding stands for it).
	if m.Coding == nil || !reflect.DeepEqual(m.Coding, frCoding()) {
		t.Errorf("fr mention's coding = %+v; want %+v", m.Coding, frCoding())
	}
	if c := e.Mentions[0].Coding; c != nil {
		t.Errorf("en mention's coding = %+v; want none", c)
	}
	// The event keeps what its first record said.
	if e.Location.Text() != "Beijing" || e.Location.PlaceID != "1816670" || e.Source.ActorID != binh.ID {
		t.Errorf("event fields changed by a later mention: %+v", e)
	}
	// A mention without a source counts for no source.
	p, err := s.Event(context.Background(), evPatrol)
	if err != nil {
		t.Fatal(err)
	}
	if p.NumMentions != 1 || p.NumArticles != 1 || p.NumSources != 0 || !slices.Equal(p.Languages, []string{"nl"}) {
		t.Errorf("patrol counters = %d, %d, %d, %v; want 1, 1, 0, [nl]", p.NumMentions, p.NumArticles, p.NumSources, p.Languages)
	}
}

func testEvents(t *testing.T, s dyad.Store) {
	ctx := context.Background()
	for _, tc := range []struct {
		name string
		q    dyad.EventQuery
		want []string
	}{
		{"all newest first, undated last", dyad.EventQuery{}, []string{evVisit, evAccord, evPatrol, evPending}},
		{"dyad", dyad.EventQuery{Dyad: [2]string{"VNM", "CHN"}}, []string{evVisit, evPatrol, evPending}},
		{"dyad other order", dyad.EventQuery{Dyad: [2]string{"CHN", "VNM"}}, []string{evVisit, evPatrol, evPending}},
		{"dyad one side", dyad.EventQuery{Dyad: [2]string{"USA", ""}}, []string{evAccord}},
		{"dyad same actor", dyad.EventQuery{Dyad: [2]string{"VNM", "VNM"}}, nil},
		{"dyad with offset", dyad.EventQuery{Dyad: [2]string{"CHN", "VNM"}, Page: dyad.Page{Limit: 1, Offset: 1}}, []string{evPatrol}},
		{"dyad sector prefix", dyad.EventQuery{Dyad: [2]string{"CHNMIL", "VNM"}}, []string{evPatrol}},
		{"dyad and dates", dyad.EventQuery{Dyad: [2]string{"CHN", "VNM"}, From: "2024-01-01", To: "2024-12-31"}, []string{evVisit}},
		{"actor code", dyad.EventQuery{Actor: "USA"}, []string{evAccord}},
		{"actor either side", dyad.EventQuery{Actor: "CHN"}, []string{evVisit, evPatrol, evPending}},
		{"actor id", dyad.EventQuery{Actor: binh.ID}, []string{evVisit}},
		{"source", dyad.EventQuery{Source: "VNM"}, []string{evVisit, evPending}},
		{"target", dyad.EventQuery{Target: "VNMGOV"}, []string{evAccord, evPatrol}},
		{"code root", dyad.EventQuery{Code: "04"}, []string{evVisit, evPending}},
		{"code full", dyad.EventQuery{Code: "057"}, []string{evAccord}},
		{"from", dyad.EventQuery{From: "2024-03-09"}, []string{evVisit}},
		{"to month prefix", dyad.EventQuery{To: "2023-12"}, []string{evPatrol}},
		{"range", dyad.EventQuery{From: "2024-03-08", To: "2024-03-09"}, []string{evVisit, evAccord}},
		{"lang", dyad.EventQuery{Lang: "fr"}, []string{evVisit}},
		{"lang nl", dyad.EventQuery{Lang: "nl"}, []string{evPatrol, evPending}},
		{"article", dyad.EventQuery{Article: artEN}, []string{evVisit, evAccord}},
		{"limit", dyad.EventQuery{Page: dyad.Page{Limit: 1}}, []string{evVisit}},
		{"offset", dyad.EventQuery{Page: dyad.Page{Limit: 2, Offset: 1}}, []string{evAccord, evPatrol}},
		{"none", dyad.EventQuery{Code: "19"}, nil},
	} {
		got, err := s.Events(ctx, tc.q)
		if err != nil {
			t.Fatalf("%s: %v", tc.name, err)
		}
		if got == nil {
			t.Errorf("%s: nil list; want an empty one", tc.name)
		}
		if ids := eventIDs(got); !slices.Equal(ids, tc.want) {
			t.Errorf("%s: Events(%+v) = %v; want %v", tc.name, tc.q, ids, tc.want)
		}
		for _, e := range got {
			if len(e.Mentions) != e.NumMentions || e.NumMentions == 0 {
				t.Errorf("%s: event %s listed with %d mentions; num_mentions %d", tc.name, e.ID, len(e.Mentions), e.NumMentions)
			}
		}
	}
}

func testSearch(t *testing.T, s dyad.Store) {
	ctx := context.Background()
	for _, tc := range []struct {
		query   string
		want    []string // article ids, any order
		snippet string   // a marked term the first hit's snippet must hold
	}{
		{"pham AND binh", []string{artEN, artFR}, "[Phạm]"},
		{"Phạm Thanh Bình", []string{artEN, artFR}, "[Bình]"},
		{"PHAM", []string{artEN, artFR}, "[Phạm]"},
		{"border talks", []string{artEN}, "[border]"},
		{"frontiere", []string{artFR}, "[frontière]"},
		{"da nang", []string{artVI}, "[Đà]"},
		{"Đà Nẵng", []string{artVI}, "[Nẵng]"},
		{"kustwacht OR hotline", []string{artEN, artNL}, ""},
		{"\"coast guards\"", []string{artEN}, "[coast"},
		{"patrouill*", []string{artNL}, "[patrouille]"},
		{"U.S.-Vietnam talks", nil, ""},
		{"Beijing's talks", nil, ""},
		{"nothing-like-this", nil, ""},
	} {
		hits, err := s.Search(ctx, tc.query, dyad.Page{})
		if err != nil {
			t.Errorf("Search(%q): %v", tc.query, err)
			continue
		}
		var ids []string
		for _, h := range hits {
			ids = append(ids, h.Article.ID)
			if h.Article.Text == "" || h.Article.Title == "" {
				t.Errorf("Search(%q): hit without its article: %+v", tc.query, h)
			}
		}
		slices.Sort(ids)
		want := slices.Sorted(slices.Values(tc.want))
		if !slices.Equal(ids, want) {
			t.Errorf("Search(%q) = %v; want %v", tc.query, ids, want)
			continue
		}
		if len(hits) > 0 {
			t.Logf("Search(%q): %q (rank %.3g)", tc.query, hits[0].Snippet, hits[0].Rank)
		}
		if tc.snippet != "" && !strings.Contains(hits[0].Snippet, tc.snippet) {
			t.Errorf("Search(%q) snippet = %q; want it to hold %q", tc.query, hits[0].Snippet, tc.snippet)
		}
		for i := 1; i < len(hits); i++ {
			if hits[i].Rank > hits[i-1].Rank {
				t.Errorf("Search(%q): hits not best first: %v", tc.query, hits)
			}
		}
	}
	// The best match comes first: the title and the text both say it.
	hits, err := s.Search(ctx, "border", dyad.Page{})
	if err != nil || len(hits) != 1 || hits[0].Article.ID != artEN {
		t.Errorf("Search(border) = %v, %v", hits, err)
	}
	if hits, err := s.Search(ctx, "pham", dyad.Page{Limit: 1}); err != nil || len(hits) != 1 {
		t.Errorf("Search(pham, limit 1) = %d hits, %v; want 1", len(hits), err)
	}
	for _, bad := range []string{"pham AND", "(binh", "\"unclosed", "   ", "NOT"} {
		if _, err := s.Search(ctx, bad, dyad.Page{}); !errors.Is(err, dyad.ErrBadQuery) {
			t.Errorf("Search(%q) error = %v; want ErrBadQuery", bad, err)
		}
	}
}

// IndexedRunes is how much of a text the stores' full-text indexes hold: its first 256 Ki characters. The
// whole text is stored.
const IndexedRunes = 256 << 10

// testSearchLongText saves an article longer than IndexedRunes: a word of its first part is found, a word
// only past the limit is not, and the article keeps its whole text.
func testSearchLongText(t *testing.T, s dyad.Store) {
	ctx := context.Background()
	rec := &dyad.Record{Article: records()[0].Article}
	rec.Article.ID, rec.Article.URI = "long0000000000000000", "testdata/en/long.txt"
	filler := strings.Repeat("Ministers met again in the capital on Monday. ", IndexedRunes/46+1)
	rec.Article.Text = "Quorvath opened the session. " + filler + "Zelphant closed it."
	if ok, err := s.Save(ctx, rec); err != nil || !ok {
		t.Fatalf("Save(long text) = %v, %v", ok, err)
	}
	for q, want := range map[string]int{"quorvath": 1, "zelphant": 0} {
		hits, err := s.Search(ctx, q, dyad.Page{})
		if err != nil || len(hits) != want {
			t.Errorf("Search(%q) = %d hits, %v; want %d (the index holds the first %d characters)", q, len(hits), err, want, IndexedRunes)
		}
	}
	got, err := s.Record(ctx, rec.Article.ID)
	if err != nil {
		t.Fatal(err)
	}
	if got.Article.Text != rec.Article.Text {
		t.Errorf("stored text: %d bytes; want the whole %d", len(got.Article.Text), len(rec.Article.Text))
	}
}

func testEventCandidates(t *testing.T, s dyad.Store) {
	ctx := context.Background()
	for _, tc := range []struct {
		name string
		q    dyad.CandidateQuery
		want []string
	}{
		{"window", dyad.CandidateQuery{Keys: []string{keyVC}, From: "2024-03-01", To: "2024-03-31"}, []string{evVisit}},
		{"window and undated", dyad.CandidateQuery{Keys: []string{keyVC}, From: "2024-03-01", To: "2024-03-31", Undated: true}, []string{evVisit, evPending}},
		{"outside window", dyad.CandidateQuery{Keys: []string{keyVC}, From: "2024-04-01", To: "2024-04-30"}, nil},
		{"only undated", dyad.CandidateQuery{Keys: []string{keyVC}, From: "2025-01-01", To: "2025-01-02", Undated: true}, []string{evPending}},
		// The undated event's mention was published on 2023-12-04.
		{"undated published in window", dyad.CandidateQuery{Keys: []string{keyVC}, From: "2025-01-01", To: "2025-01-02", Undated: true,
			PublishedFrom: "2023-11-20", PublishedTo: "2023-12-04"}, []string{evPending}},
		{"undated published after", dyad.CandidateQuery{Keys: []string{keyVC}, From: "2025-01-01", To: "2025-01-02", Undated: true,
			PublishedFrom: "2023-12-05"}, nil},
		{"undated published before", dyad.CandidateQuery{Keys: []string{keyVC}, From: "2024-03-01", To: "2024-03-31", Undated: true,
			PublishedTo: "2023-12-03"}, []string{evVisit}},
		{"two keys", dyad.CandidateQuery{Keys: []string{keyVC, "CHN|VNM|03"}, From: "2023-01-01", To: "2024-12-31"}, []string{evVisit, evPatrol}},
		{"unknown key", dyad.CandidateQuery{Keys: []string{"XXX"}, Undated: true}, nil},
		{"no keys", dyad.CandidateQuery{Undated: true}, nil},
	} {
		got, err := s.EventCandidates(ctx, tc.q)
		if err != nil {
			t.Fatalf("%s: %v", tc.name, err)
		}
		ids := eventIDs(got)
		slices.Sort(ids)
		want := slices.Sorted(slices.Values(tc.want))
		if !slices.Equal(ids, want) {
			t.Errorf("%s: EventCandidates = %v; want %v", tc.name, ids, want)
		}
		for _, e := range got {
			if len(e.Mentions) == 0 || e.Key == "" {
				t.Errorf("%s: candidate %s without mentions or key", tc.name, e.ID)
			}
		}
	}
}

func testSimilar(t *testing.T, s dyad.Store) {
	ctx := context.Background()
	for _, tc := range []struct {
		bands []uint64
		want  []string
	}{
		{[]uint64{102}, []string{artEN, artFR}},
		{[]uint64{1 << 63, 999}, []string{artEN}},
		{[]uint64{201, 301}, []string{artFR, artNL}},
		{[]uint64{999}, nil},
		{nil, nil},
	} {
		got, err := s.SimilarArticles(ctx, tc.bands)
		if err != nil {
			t.Fatal(err)
		}
		var ids []string
		for _, sig := range got {
			ids = append(ids, sig.ArticleID)
			if len(sig.MinHash) == 0 || len(sig.Bands) == 0 {
				t.Errorf("signature %s without its minhash or bands", sig.ArticleID)
			}
		}
		slices.Sort(ids)
		if !slices.Equal(ids, tc.want) {
			t.Errorf("SimilarArticles(%v) = %v; want %v", tc.bands, ids, tc.want)
		}
	}
}

func testStatements(t *testing.T, s dyad.Store) {
	ctx := context.Background()
	for _, tc := range []struct {
		name string
		q    dyad.StatementQuery
		want []string
	}{
		{"all newest first", dyad.StatementQuery{}, []string{"s2-fr", "s1-en", "s3-nl"}},
		{"speaker folded name", dyad.StatementQuery{Speaker: "pham thanh"}, []string{"s2-fr", "s1-en"}},
		{"speaker code", dyad.StatementQuery{Speaker: "VNMGOV"}, []string{"s2-fr", "s1-en"}},
		{"speaker country", dyad.StatementQuery{Speaker: "Vietnam"}, []string{"s3-nl"}},
		{"claim", dyad.StatementQuery{Claim: claimSea}, []string{"s2-fr", "s1-en"}},
		{"article", dyad.StatementQuery{Article: artNL}, []string{"s3-nl"}},
		{"lang", dyad.StatementQuery{Lang: "fr"}, []string{"s2-fr"}},
		{"limit", dyad.StatementQuery{Page: dyad.Page{Limit: 1}}, []string{"s2-fr"}},
	} {
		got, err := s.Statements(ctx, tc.q)
		if err != nil {
			t.Fatalf("%s: %v", tc.name, err)
		}
		var ids []string
		for _, st := range got {
			ids = append(ids, st.ID)
		}
		if !slices.Equal(ids, tc.want) {
			t.Errorf("%s: Statements(%+v) = %v; want %v", tc.name, tc.q, ids, tc.want)
		}
	}
	got, err := s.Statements(ctx, dyad.StatementQuery{Article: artFR})
	if err != nil || len(got) != 1 {
		t.Fatalf("Statements(fr) = %v, %v", got, err)
	}
	if st := got[0]; st.Source != "AFP" || st.Verb != "a affirmé" || st.Speaker != binh || st.ClaimID != claimSea ||
		!slices.Equal(st.Concepts, []string{"maritime", "schedule"}) {
		t.Errorf("statement = %+v", st)
	}
}

func testClaims(t *testing.T, s dyad.Store) {
	ctx := context.Background()
	c, err := s.Claim(ctx, claimSea)
	if err != nil {
		t.Fatal(err)
	}
	if c.Count != 2 || c.First != "2024-03-09" || c.Last != "2024-03-11" {
		t.Errorf("claim = %d statements, %s to %s; want 2, 2024-03-09 to 2024-03-11", c.Count, c.First, c.Last)
	}
	if c.Label != "the sea dialogue would continue every quarter" {
		t.Errorf("label = %q; want the first statement's text", c.Label)
	}
	if !slices.Equal(c.Languages, []string{"en", "fr"}) || !slices.Equal(c.Speakers, []string{binh.Name}) {
		t.Errorf("languages %v, speakers %v", c.Languages, c.Speakers)
	}
	if !slices.Equal(c.Concepts, []string{"dialogue", "maritime", "schedule"}) {
		t.Errorf("concepts = %v; want those of its statements", c.Concepts)
	}
	if len(c.Statements) != 2 || c.Statements[0].ID != "s1-en" || c.Statements[1].ID != "s2-fr" {
		t.Errorf("statements = %+v; want s1-en then s2-fr (oldest first)", c.Statements)
	}
	for _, tc := range []struct {
		concepts []string
		want     int
	}{
		{[]string{"schedule"}, 1}, {[]string{"dialogue", "other"}, 1}, {[]string{"other"}, 0}, {nil, 0},
	} {
		got, err := s.ClaimsByConcepts(ctx, tc.concepts)
		if err != nil {
			t.Fatal(err)
		}
		if len(got) != tc.want {
			t.Errorf("ClaimsByConcepts(%v) = %d claims; want %d", tc.concepts, len(got), tc.want)
		}
		if len(got) == 1 && (got[0].ID != claimSea || len(got[0].Statements) != 2) {
			t.Errorf("ClaimsByConcepts(%v) = %+v; want %s with its 2 statements", tc.concepts, got[0], claimSea)
		}
	}
	for _, tc := range []struct {
		q    string
		want int
	}{{"", 1}, {"SEA DIALOGUE", 1}, {"quarter", 1}, {"nothing", 0}} {
		got, err := s.Claims(ctx, dyad.ClaimQuery{Query: tc.q})
		if err != nil {
			t.Fatal(err)
		}
		if len(got) != tc.want {
			t.Errorf("Claims(%q) = %d; want %d", tc.q, len(got), tc.want)
		}
	}
}

func testCounts(t *testing.T, s dyad.Store) {
	ctx := context.Background()
	str := func(cs []dyad.Count) string {
		var b strings.Builder
		for _, c := range cs {
			if c.QuadClass != 0 {
				fmt.Fprintf(&b, "%s/q%d=%d/%.2f ", c.Key, c.QuadClass, c.Count, c.Goldstein)
				continue
			}
			fmt.Fprintf(&b, "%s=%d/%.2f ", c.Key, c.Count, c.Goldstein)
		}
		return strings.TrimSpace(b.String())
	}
	for _, tc := range []struct {
		q    dyad.CountQuery
		want string
	}{
		{dyad.CountQuery{By: "day"}, "2023-12-04=1/4.00 2024-03-08=1/8.00 2024-03-09=1/1.90"},
		{dyad.CountQuery{By: "month"}, "2023-12=1/4.00 2024-03=2/4.95"},
		{dyad.CountQuery{By: "dyad"}, "VNM:CHN=2/2.60 CHN:VNM=1/4.00 USA:VNM=1/8.00"},
		{dyad.CountQuery{By: "code"}, "036=1/4.00 042=1/1.90 043=1/3.30 057=1/8.00"},
		{dyad.CountQuery{By: "root"}, "04=2/2.60 03=1/4.00 05=1/8.00"},
		{dyad.CountQuery{By: "quad"}, "1=3/3.07 2=1/8.00"},
		{dyad.CountQuery{By: "lang"}, "en=2/4.95 nl=2/3.65 fr=1/1.90"},
		{dyad.CountQuery{By: "source"}, "VNMGOV=2/2.60 CHNMIL=1/4.00 USAGOV=1/8.00"},
		{dyad.CountQuery{By: "actor"}, "VNMGOV=4/4.30 CHNGOV=2/2.60 CHNMIL=1/4.00 USAGOV=1/8.00"},
		{dyad.CountQuery{By: "outlet"}, "VNA=2/4.95 AFP=1/1.90"},
		{dyad.CountQuery{By: "root", EventQuery: dyad.EventQuery{Dyad: [2]string{"CHN", "VNM"}}}, "04=2/2.60 03=1/4.00"},
		{dyad.CountQuery{By: "lang", EventQuery: dyad.EventQuery{Code: "04"}}, "en=1/1.90 fr=1/1.90 nl=1/3.30"},
		{dyad.CountQuery{By: "code", EventQuery: dyad.EventQuery{Page: dyad.Page{Limit: 2}}}, "036=1/4.00 042=1/1.90"},
		{dyad.CountQuery{By: "month", SplitQuad: true}, "2023-12/q1=1/4.00 2024-03/q1=1/1.90 2024-03/q2=1/8.00"},
		{dyad.CountQuery{By: "code", SplitQuad: true}, "036=1/4.00 042=1/1.90 043=1/3.30 057=1/8.00"},
	} {
		got, err := s.Counts(ctx, tc.q)
		if err != nil {
			t.Fatalf("Counts(%+v): %v", tc.q, err)
		}
		if str(got) != tc.want {
			t.Errorf("Counts by %s (%+v) = %s; want %s", tc.q.By, tc.q.EventQuery, str(got), tc.want)
		}
	}
	if _, err := s.Counts(ctx, dyad.CountQuery{By: "weekday"}); !errors.Is(err, dyad.ErrBadQuery) {
		t.Errorf("Counts by weekday error = %v; want ErrBadQuery", err)
	}
}

func testStats(t *testing.T, s dyad.Store) {
	got, err := s.Stats(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	want := dyad.Stats{Articles: 4, Events: 4, Mentions: 5, Statements: 3, Claims: 1}
	if got != want {
		t.Errorf("Stats = %+v; want %+v", got, want)
	}
}

// testAtomic saves a record that fails half-way: nothing of it may stay.
func testAtomic(t *testing.T, s dyad.Store) {
	ctx := context.Background()
	rec := records()[0]
	rec.Statements = append(rec.Statements, dyad.Statement{Text: "a statement without an id is refused"})
	if ok, err := s.Save(ctx, rec); err == nil || ok {
		t.Fatalf("Save of a bad record = %v, %v; want an error", ok, err)
	}
	if has, err := s.HasArticle(ctx, artEN); err != nil || has {
		t.Errorf("HasArticle after a failed save = %v, %v; want false", has, err)
	}
	if st, err := s.Stats(ctx); err != nil || st != (dyad.Stats{}) {
		t.Errorf("Stats after a failed save = %+v, %v; want zeros", st, err)
	}
	if hits, err := s.Search(ctx, "border", dyad.Page{}); err != nil || len(hits) != 0 {
		t.Errorf("Search after a failed save = %d hits, %v; want none", len(hits), err)
	}
	// A cancelled context stops the save before anything is stored.
	cctx, cancel := context.WithCancel(ctx)
	cancel()
	if ok, err := s.Save(cctx, records()[0]); err == nil || ok {
		t.Errorf("Save with a cancelled context = %v, %v; want an error", ok, err)
	}
	if has, err := s.HasArticle(ctx, artEN); err != nil || has {
		t.Errorf("HasArticle after a cancelled save = %v, %v; want false", has, err)
	}
	// The store still works, and the good record goes in.
	if ok, err := s.Save(ctx, records()[0]); err != nil || !ok {
		t.Fatalf("Save after a failed one = %v, %v", ok, err)
	}
	if e, err := s.Event(ctx, evVisit); err != nil || e.NumMentions != 1 {
		t.Errorf("Event after a failed save = %+v, %v; want 1 mention", e, err)
	}
}

// testConcurrent saves from several goroutines articles that all report one event, and the same article
// from all of them: the counters must come out exact and the article stored once.
func testConcurrent(t *testing.T, s dyad.Store) {
	ctx := context.Background()
	const workers, each = 6, 5
	langs := []string{"en", "fr", "nl", "de", "es", "vi"}
	var wg sync.WaitGroup
	var mu sync.Mutex
	storedShared := 0
	errs := make(chan error, workers*(each+1))
	for w := range workers {
		wg.Go(func() {
			for i := range each {
				a := dyad.Article{ID: fmt.Sprintf("conc-%d-%d", w, i), URI: "mem", Title: "Summit report",
					Lang: langs[w], Source: dyad.NullString(fmt.Sprintf("Agency %d", i%3)), Published: "2024-05-01",
					Text: fmt.Sprintf("Report %d of writer %d: the leaders met at the summit and signed an accord.", i, w)}
				e := event("shared-summit", "SUMMIT", "2024-05-01", vnmGov, chnGov, "043", 1, 2.8)
				e.Mentions = []dyad.EventMention{mention(&a, "the leaders met at the summit and signed an accord.", "2024-05-01", false)}
				own := event(fmt.Sprintf("own-%d-%d", w, i), "OWN", "2024-05-01", usaGov, vnmGov, "057", 1, 8)
				own.Mentions = []dyad.EventMention{mention(&a, "signed an accord.", "", true)}
				if _, err := s.Save(ctx, &dyad.Record{Article: a, Events: []dyad.Event{e, own}}); err != nil {
					errs <- err
				}
			}
			rec := records()[3]
			ok, err := s.Save(ctx, rec)
			if err != nil {
				errs <- err
			}
			if ok {
				mu.Lock()
				storedShared++
				mu.Unlock()
			}
		})
	}
	wg.Wait()
	close(errs)
	for err := range errs {
		t.Errorf("concurrent Save: %v", err)
	}
	if storedShared != 1 {
		t.Errorf("the same article saved concurrently was stored %d times; want 1", storedShared)
	}
	e, err := s.Event(ctx, "shared-summit")
	if err != nil {
		t.Fatal(err)
	}
	if e.NumMentions != workers*each || e.NumArticles != workers*each || e.NumSources != 3 || len(e.Mentions) != workers*each {
		t.Errorf("shared event: %d mentions (%d listed), %d articles, %d sources; want %d, %d, 3",
			e.NumMentions, len(e.Mentions), e.NumArticles, e.NumSources, workers*each, workers*each)
	}
	if !slices.Equal(e.Languages, slices.Sorted(slices.Values(langs))) {
		t.Errorf("shared event languages = %v; want %v", e.Languages, langs)
	}
	st, err := s.Stats(ctx)
	if err != nil {
		t.Fatal(err)
	}
	if want := (dyad.Stats{Articles: workers*each + 1, Events: workers*each + 1, Mentions: 2 * workers * each}); st != want {
		t.Errorf("Stats = %+v; want %+v", st, want)
	}
	// Each language has the shared event and its writer's own; each agency the shared event and the own
	// events of the reports it sent (i%3).
	for by, want := range map[string]string{
		"lang":   "de=6/7.13 en=6/7.13 es=6/7.13 fr=6/7.13 nl=6/7.13 vi=6/7.13",
		"outlet": "Agency 0=13/7.60 Agency 1=13/7.60 Agency 2=7/7.26",
		"day":    "2024-05-01=31/7.83",
	} {
		cs, err := s.Counts(ctx, dyad.CountQuery{By: by})
		if err != nil {
			t.Fatal(err)
		}
		var got []string
		for _, c := range cs {
			got = append(got, fmt.Sprintf("%s=%d/%.2f", c.Key, c.Count, c.Goldstein))
		}
		if strings.Join(got, " ") != want {
			t.Errorf("Counts by %s after concurrent saves = %s; want %s", by, strings.Join(got, " "), want)
		}
	}
}

// equalJSON reports whether a and b have the same JSON form.
func equalJSON(a, b any) bool {
	ja, err1 := json.Marshal(a)
	jb, err2 := json.Marshal(b)
	return err1 == nil && err2 == nil && string(ja) == string(jb)
}

// testEventGainsDate folds reports of one event that give it dates of different precision, in an order
// where the vaguer come later: the event keeps the most precise date.
func testEventGainsDate(t *testing.T, s dyad.Store) {
	ctx := context.Background()
	steps := []struct {
		date     string
		inferred bool
		want     string
		wantInf  bool
	}{
		{"", false, "", false},
		{"2024-05", true, "2024-05", true},
		{"2024-05-02", true, "2024-05-02", true},
		{"2024", false, "2024-05-02", true},
		{"2024-05-03", false, "2024-05-03", false},
		{"2024-05-04", true, "2024-05-03", false},
		{"", false, "2024-05-03", false},
	}
	for i, st := range steps {
		a := dyad.Article{ID: fmt.Sprintf("date-%d", i), URI: "mem", Title: "Talks", Lang: "en",
			Text: fmt.Sprintf("Report %d: the ministers met for talks.", i)}
		e := event("dated-event", "K", st.date, vnmGov, chnGov, "043", 1, 2.8)
		e.DateInferred = st.inferred
		e.Mentions = []dyad.EventMention{mention(&a, "the ministers met for talks.", st.date, st.inferred)}
		if _, err := s.Save(ctx, &dyad.Record{Article: a, Events: []dyad.Event{e}}); err != nil {
			t.Fatal(err)
		}
		got, err := s.Event(ctx, "dated-event")
		if err != nil {
			t.Fatal(err)
		}
		prec := map[int]string{10: "day", 7: "month", 4: "year", 0: ""}[len(st.want)]
		if string(got.Date) != st.want || got.DateInferred != st.wantInf || got.DatePrecision != prec {
			t.Errorf("after a report dated %q (inferred %v): event dated %q (%s, inferred %v); want %q (%s, inferred %v)",
				st.date, st.inferred, got.Date, got.DatePrecision, got.DateInferred, st.want, prec, st.wantInf)
		}
		if got.NumMentions != i+1 {
			t.Errorf("step %d: %d mentions; want %d", i, got.NumMentions, i+1)
		}
	}
}

// Batcher is a store that saves many records in one transaction, as both of ours do.
type Batcher interface {
	dyad.Store
	SaveBatch(ctx context.Context, recs []*dyad.Record) ([]bool, error)
}

func testSaveBatch(t *testing.T, s Batcher) {
	ctx := context.Background()
	recs := SyntheticRecords(4, 7)
	// Out of id order, with a repeat and an article saved before.
	if ok, err := s.Save(ctx, recs[3]); err != nil || !ok {
		t.Fatalf("Save = %v, %v", ok, err)
	}
	got, err := s.SaveBatch(ctx, []*dyad.Record{recs[2], recs[0], recs[2], recs[3], recs[1]})
	if err != nil {
		t.Fatal(err)
	}
	if want := []bool{true, true, false, false, true}; !slices.Equal(got, want) {
		t.Errorf("SaveBatch = %v; want %v", got, want)
	}
	if got, err := s.SaveBatch(ctx, recs); err != nil || !slices.Equal(got, []bool{false, false, false, false}) {
		t.Errorf("second SaveBatch = %v, %v; want all false", got, err)
	}
	if got, err := s.SaveBatch(ctx, nil); err != nil || len(got) != 0 {
		t.Errorf("empty SaveBatch = %v, %v", got, err)
	}
	if _, err := s.SaveBatch(ctx, []*dyad.Record{recs[0], nil}); err == nil {
		t.Error("SaveBatch with a nil record: no error")
	}
	// A bad record fails the whole batch: the good one beside it is not stored either.
	fresh := SyntheticRecords(2, 8)
	fresh[1].Events[0].ID = ""
	if _, err := s.SaveBatch(ctx, fresh); err == nil {
		t.Error("SaveBatch with an event without id: no error")
	}
	if has, err := s.HasArticle(ctx, fresh[0].Article.ID); err != nil || has {
		t.Errorf("HasArticle after a failed batch = %v, %v; want false", has, err)
	}
	st, err := s.Stats(ctx)
	if err != nil {
		t.Fatal(err)
	}
	if st.Articles != 4 || st.Statements != 4 {
		t.Errorf("Stats = %+v; want 4 articles and 4 statements", st)
	}
	for _, r := range recs {
		got, err := s.Record(ctx, r.Article.ID)
		if err != nil {
			t.Fatal(err)
		}
		if len(got.Events) != 2 || len(got.Mentions) != 2 || got.Signature == nil || len(got.Signature.Bands) != 16 {
			t.Errorf("record %s: %d events, %d mentions, signature %v", r.Article.ID, len(got.Events), len(got.Mentions), got.Signature != nil)
		}
	}
}

// testBestMentionCoding saves two reports of one event, coded differently and with different confidence, in
// both orders into fresh stores: the event shows the surer report's coding either way, and the rollups that
// answer Counts follow it.
func testBestMentionCoding(t *testing.T, open func(t *testing.T) dyad.Store) {
	ctx := context.Background()
	report := func(n int, code string, gold, conf float64) *dyad.Record {
		a := dyad.Article{ID: fmt.Sprintf("coding-%d", n), URI: "mem", Title: "Visit", Lang: "en",
			Text: fmt.Sprintf("Report %d: the minister visited the capital.", n)}
		e := event("coded-event", "04|CHN|VNM", "2024-06-01", vnmGov, chnGov, code, 1, gold)
		m := mention(&a, "the minister visited the capital.", "2024-06-01", false)
		m.Confidence = conf
		e.Mentions = []dyad.EventMention{m}
		return &dyad.Record{Article: a, Events: []dyad.Event{e}}
	}
	for _, order := range [][]int{{0, 1}, {1, 0}} {
		s := open(t)
		recs := []*dyad.Record{report(0, "040", 1.0, 0.6), report(1, "042", 1.9, 0.9)}
		for _, i := range order {
			if _, err := s.Save(ctx, recs[i]); err != nil {
				t.Fatal(err)
			}
		}
		ev, err := s.Event(ctx, "coded-event")
		if err != nil {
			t.Fatal(err)
		}
		if ev.Code != "042" || ev.Goldstein != 1.9 || ev.NumMentions != 2 {
			t.Errorf("order %v: event coded %s (Goldstein %v, %d mentions); want the surer report's 042 (1.9, 2)",
				order, ev.Code, ev.Goldstein, ev.NumMentions)
		}
		cs, err := s.Counts(ctx, dyad.CountQuery{By: "code"})
		if err != nil {
			t.Fatal(err)
		}
		var got []string
		for _, c := range cs {
			if c.Count != 0 {
				got = append(got, fmt.Sprintf("%s:%d:%.1f", c.Key, c.Count, c.Goldstein))
			}
		}
		if strings.Join(got, " ") != "042:1:1.9" {
			t.Errorf("order %v: counts by code %v; want [042:1:1.9]", order, got)
		}
		s.Close()
	}
}

// testRollupOrder saves three events of one code, whose Goldstein values add up to a different float in each
// order (0.1 + 0.2 + 0.3 against 0.3 + 0.2 + 0.1), in both orders into fresh stores: the rollup's mean comes out
// the same to the last bit, as a re-run of concurrent saves must store the same counts.
func testRollupOrder(t *testing.T, open func(t *testing.T) dyad.Store) {
	ctx := context.Background()
	report := func(n int, gold float64) *dyad.Record {
		a := dyad.Article{ID: fmt.Sprintf("order-%d", n), URI: "mem", Title: "Visit", Lang: "en",
			Text: fmt.Sprintf("Report %d: the minister visited the capital.", n)}
		e := event(fmt.Sprintf("order-event-%d", n), fmt.Sprintf("04|CHN|VNM|%d", n), "2024-06-01", vnmGov, chnGov, "042", 1, gold)
		e.Mentions = []dyad.EventMention{mention(&a, "the minister visited the capital.", "2024-06-01", false)}
		return &dyad.Record{Article: a, Events: []dyad.Event{e}}
	}
	var means []float64
	for _, order := range [][]int{{0, 1, 2}, {2, 1, 0}} {
		s := open(t)
		golds := []float64{0.1, 0.2, 0.3}
		for _, i := range order {
			if _, err := s.Save(ctx, report(i, golds[i])); err != nil {
				t.Fatal(err)
			}
		}
		cs, err := s.Counts(ctx, dyad.CountQuery{By: "code"})
		if err != nil {
			t.Fatal(err)
		}
		for _, c := range cs {
			if c.Key == "042" && c.Count == 3 {
				means = append(means, c.Goldstein)
			}
		}
		s.Close()
	}
	if len(means) != 2 || means[0] != means[1] {
		t.Errorf("mean Goldstein of code 042 in the two orders: %v; want one value twice", means)
	}
}

// testPlaces checks the place filters on the visit placed in Beijing (39.9075, 116.3972).
func testPlaces(t *testing.T, s dyad.Store) {
	ctx := context.Background()
	tests := []struct {
		name string
		q    dyad.EventQuery
		want bool
	}{
		{"city id", dyad.EventQuery{Place: "1816670"}, true},
		{"other city", dyad.EventQuery{Place: "1581130"}, false},
		{"region", dyad.EventQuery{Place: "CN.22"}, true},
		{"country alpha-2", dyad.EventQuery{Place: "CN"}, true},
		{"country alpha-3", dyad.EventQuery{Place: "CHN"}, true},
		{"other country", dyad.EventQuery{Place: "VN"}, false},
		{"bbox", dyad.EventQuery{BBox: &dyad.BBox{West: 115, South: 39, East: 117, North: 41}}, true},
		{"bbox elsewhere", dyad.EventQuery{BBox: &dyad.BBox{West: 100, South: 10, East: 110, North: 25}}, false},
		{"bbox across the antimeridian", dyad.EventQuery{BBox: &dyad.BBox{West: 116, South: 39, East: -170, North: 41}}, true},
		{"bbox across the antimeridian, elsewhere", dyad.EventQuery{BBox: &dyad.BBox{West: 170, South: -90, East: -170, North: 90}}, false},
		{"near", dyad.EventQuery{Near: &dyad.Near{Lat: 39.8, Lon: 116.3, KM: 20}}, true},
		{"near, just too far", dyad.EventQuery{Near: &dyad.Near{Lat: 39.9075, Lon: 116.65, KM: 20}}, false},
		{"near elsewhere", dyad.EventQuery{Near: &dyad.Near{Lat: 21, Lon: 105.8, KM: 100}}, false},
		{"place and actor", dyad.EventQuery{Place: "CN", Actor: "VNM"}, true},
	}
	for _, tt := range tests {
		evs, err := s.Events(ctx, tt.q)
		if err != nil {
			t.Fatalf("%s: %v", tt.name, err)
		}
		got := slices.ContainsFunc(evs, func(e dyad.Event) bool { return e.ID == evVisit })
		if got != tt.want {
			t.Errorf("%s: visit found %v, want %v (%d events)", tt.name, got, tt.want, len(evs))
		}
		for _, e := range evs {
			if !e.Location.Resolved() {
				t.Errorf("%s: event %s without a place passed a place filter", tt.name, e.ID)
			}
		}
	}
}

// testSaveLinked checks that SaveLinked saves what its link function returns, nothing when it fails, and
// that two SaveLinked calls never link at the same time nor link while the other's records are unsaved.
func testSaveLinked(t *testing.T, s dyad.Store, ls dyad.LinkSaver) {
	ctx := context.Background()
	recs := SyntheticRecords(40, 21)
	stored, err := ls.SaveLinked(ctx, recs[:4], func(ctx context.Context) ([]*dyad.Record, error) {
		return recs[1:3], nil
	})
	if err != nil || !slices.Equal(stored, []bool{true, true}) {
		t.Fatalf("SaveLinked = %v, %v; want [true true]", stored, err)
	}
	for i, want := range []bool{false, true, true, false} {
		if ok, err := s.HasArticle(ctx, recs[i].Article.ID); err != nil || ok != want {
			t.Errorf("HasArticle(record %d) = %v, %v; want %v", i, ok, err, want)
		}
	}
	boom := errors.New("boom")
	if _, err := ls.SaveLinked(ctx, recs[4:6], func(ctx context.Context) ([]*dyad.Record, error) { return nil, boom }); !errors.Is(err, boom) {
		t.Errorf("SaveLinked with a failing link = %v; want boom", err)
	}
	if ok, _ := s.HasArticle(ctx, recs[4].Article.ID); ok {
		t.Error("a record was stored although its link failed")
	}
	// Two writers: one links while the other waits.
	var inside sync.Mutex
	var wg sync.WaitGroup
	errs := make(chan error, 2)
	for w := range 2 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := 6 + w; i < len(recs); i += 2 {
				rec := recs[i]
				_, err := ls.SaveLinked(ctx, []*dyad.Record{rec}, func(ctx context.Context) ([]*dyad.Record, error) {
					if !inside.TryLock() {
						return nil, errors.New("two writers link at once")
					}
					defer inside.Unlock()
					return []*dyad.Record{rec}, nil
				})
				if err != nil {
					errs <- err
					return
				}
			}
		}()
	}
	wg.Wait()
	close(errs)
	for err := range errs {
		t.Error(err)
	}
	st, err := s.Stats(ctx)
	if err != nil || st.Articles != 2+len(recs)-6 {
		t.Errorf("Stats = %+v, %v; want %d articles", st, err, 2+len(recs)-6)
	}
}

// testPlaceCounts checks Places: events counted per place id with the place's name, coordinates and quad
// classes, the event filters applied, unplaced events left out, and paging.
func testPlaceCounts(t *testing.T, s dyad.Store) {
	ctx := context.Background()
	a := dyad.Article{ID: "a9-places", URI: "testdata/en/places.txt", Source: "VNA", Title: "A week of diplomacy",
		Lang: "en", LangConfidence: 0.99, Published: "2024-05-20",
		Text: "Vietnam's prime minister received the Chinese ambassador in Hanoi on Monday. " +
			"Hanoi police detained a Chinese fishing crew on Tuesday. " +
			"China criticised the detention in a statement from Beijing on Wednesday. " +
			"Vietnam and the United States discussed trade on Thursday. " +
			"Officials met in a town the gazetteer does not know on Friday."}
	hanoi := &dyad.Location{Name: "Hanoi", PlaceID: "1581130", Canonical: "Hanoi", Country: "VNM", Admin1: "VN.44",
		Lat: 21.0245, Lon: 105.8412, Precision: "city", Via: "text"}
	beijing := &dyad.Location{Name: "Beijing", PlaceID: "1816670", Canonical: "Beijing", Country: "CHN", Admin1: "CN.22",
		Lat: 39.9075, Lon: 116.3972, Precision: "city", Via: "text"}
	ev := func(id, sentence, date string, src, tgt dyad.EventActor, code string, quad int, gold float64, loc *dyad.Location) dyad.Event {
		e := event(id, src.Country+"|"+tgt.Country+"|"+code[:2]+"|"+id, date, src, tgt, code, quad, gold)
		e.Location = loc
		e.Mentions = []dyad.EventMention{mention(&a, sentence, date, false)}
		return e
	}
	rec := &dyad.Record{Article: a, Events: []dyad.Event{
		ev("p1-receive", "Vietnam's prime minister received the Chinese ambassador in Hanoi on Monday.", "2024-05-13", vnmGov, chnGov, "042", 1, 1.9, hanoi),
		ev("p2-detain", "Hanoi police detained a Chinese fishing crew on Tuesday.", "2024-05-14", vnmGov, chnMil, "173", 4, -5, hanoi),
		ev("p3-criticise", "China criticised the detention in a statement from Beijing on Wednesday.", "2024-05-15", chnGov, vnmGov, "111", 3, -2, beijing),
		ev("p4-trade", "Vietnam and the United States discussed trade on Thursday.", "2024-05-16", vnmGov, usaGov, "040", 1, 1, nil),
		ev("p5-unknown", "Officials met in a town the gazetteer does not know on Friday.", "2024-05-17", vnmGov, chnGov, "040", 1, 1, &dyad.Location{Name: "Nowhere"}),
	}}
	if _, err := s.Save(ctx, rec); err != nil {
		t.Fatal(err)
	}
	show := func(ps []dyad.PlaceCount) string {
		var b strings.Builder
		for _, p := range ps {
			fmt.Fprintf(&b, "%s %s %s %s %s %.4f,%.4f n=%d g=%.2f q=%v; ", p.PlaceID, p.Name, p.Country, p.Admin1, p.Precision,
				p.Lat, p.Lon, p.Count, p.Goldstein, p.Quads)
		}
		return b.String()
	}
	tests := []struct {
		name string
		q    dyad.EventQuery
		want string
	}{
		{"all", dyad.EventQuery{}, "1581130 Hanoi VNM VN.44 city 21.0245,105.8412 n=2 g=-1.55 q=[1 0 0 1]; " +
			"1816670 Beijing CHN CN.22 city 39.9075,116.3972 n=1 g=-2.00 q=[0 0 1 0]; "},
		{"code", dyad.EventQuery{Code: "04"}, "1581130 Hanoi VNM VN.44 city 21.0245,105.8412 n=1 g=1.90 q=[1 0 0 0]; "},
		{"actor", dyad.EventQuery{Actor: "CHNMIL"}, "1581130 Hanoi VNM VN.44 city 21.0245,105.8412 n=1 g=-5.00 q=[0 0 0 1]; "},
		{"dates", dyad.EventQuery{From: "2024-05-15", To: "2024-05-31"}, "1816670 Beijing CHN CN.22 city 39.9075,116.3972 n=1 g=-2.00 q=[0 0 1 0]; "},
		{"place", dyad.EventQuery{Place: "CN"}, "1816670 Beijing CHN CN.22 city 39.9075,116.3972 n=1 g=-2.00 q=[0 0 1 0]; "},
		{"first page", dyad.EventQuery{Page: dyad.Page{Limit: 1}}, "1581130 Hanoi VNM VN.44 city 21.0245,105.8412 n=2 g=-1.55 q=[1 0 0 1]; "},
		{"second page", dyad.EventQuery{Page: dyad.Page{Limit: 1, Offset: 1}}, "1816670 Beijing CHN CN.22 city 39.9075,116.3972 n=1 g=-2.00 q=[0 0 1 0]; "},
		{"none", dyad.EventQuery{Code: "19"}, ""},
	}
	for _, tt := range tests {
		ps, err := s.Places(ctx, tt.q)
		if err != nil {
			t.Fatalf("%s: %v", tt.name, err)
		}
		if ps == nil {
			t.Errorf("%s: nil, want an empty list", tt.name)
		}
		if got := show(ps); got != tt.want {
			t.Errorf("%s:\n got %s\nwant %s", tt.name, got, tt.want)
		}
	}
}
