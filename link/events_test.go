package link

import (
	"context"
	"fmt"
	"testing"

	"github.com/dyad-events/dyad"
	"github.com/dyad-events/dyad/packs"
)

func newTestLinker(t testing.TB, idx dyad.LinkIndex) *Linker {
	t.Helper()
	l, err := New(packs.Default(), idx, Options{})
	if err != nil {
		t.Fatal(err)
	}
	return l
}

func actorOf(country, sector, id string) dyad.EventActor {
	return dyad.EventActor{Code: country + sector, Country: country, Sector: sector, ActorID: id, Name: id}
}

// ev builds an event of one mention in article art.
func ev(art, lang, code, date string, src, tgt dyad.EventActor, start int, conf float64) dyad.Event {
	return dyad.Event{ID: fmt.Sprintf("%s-%d", art, start), Code: code, Root: code[:2], Date: dyad.NullString(date),
		Source: src, Target: tgt, Mentions: []dyad.EventMention{{ArticleID: art, Lang: lang, Source: "src-" + art,
			Start: start, End: start + 10, Confidence: conf, Date: date}}}
}

// withPeople adds the actor mentions that name the people of a record's events, as the actor stage finds them.
func withPeople(rec *dyad.Record) *dyad.Record {
	for _, e := range rec.Events {
		for _, a := range []dyad.EventActor{e.Source, e.Target} {
			if a.ActorID != "" {
				rec.Mentions = append(rec.Mentions, dyad.ActorMention{Text: a.Name, Actor: dyad.ActorRef{ID: a.ActorID,
					Name: a.Name, Type: dyad.TypePerson, Country: a.Country, Sector: a.Sector}})
			}
		}
	}
	return rec
}

func TestFoldAcrossArticles(t *testing.T) {
	vnGov := actorOf("VNM", "GOV", "minister-a")
	cnGov := actorOf("CHN", "GOV", "minister-b")
	cnGov2 := actorOf("CHN", "GOV", "minister-c")
	cnMil := actorOf("CHN", "MIL", "general-d")
	vnAnon := actorOf("VNM", "GOV", "")
	cnAnon := actorOf("CHN", "GOV", "")
	usGov := actorOf("USA", "GOV", "")
	for _, tc := range []struct {
		name string
		a, b dyad.Event
		fold bool
	}{
		{"same day same pair", ev("a1", "en", "042", "2024-03-01", vnGov, cnGov, 0, 1), ev("a2", "fr", "042", "2024-03-01", vnGov, cnGov, 0, 1), true},
		{"04 family, reversed pair", ev("a1", "en", "042", "2024-03-01", vnGov, cnGov, 0, 1), ev("a2", "nl", "043", "2024-03-02", cnGov, vnGov, 0, 1), true},
		{"within the window", ev("a1", "en", "040", "2024-03-01", vnGov, cnGov, 0, 1), ev("a2", "en", "040", "2024-03-04", vnGov, cnGov, 0, 1), true},
		{"outside the window", ev("a1", "en", "040", "2024-03-01", vnGov, cnGov, 0, 1), ev("a2", "en", "040", "2024-03-05", vnGov, cnGov, 0, 1), false},
		{"month precision overlaps", ev("a1", "en", "040", "2024-03", vnGov, cnGov, 0, 1), ev("a2", "en", "040", "2024-03-20", vnGov, cnGov, 0, 1), true},
		{"other root family", ev("a1", "en", "040", "2024-03-01", vnGov, cnGov, 0, 1), ev("a2", "en", "051", "2024-03-01", vnGov, cnGov, 0, 1), false},
		{"other country", ev("a1", "en", "040", "2024-03-01", vnGov, cnGov, 0, 1), ev("a2", "en", "040", "2024-03-01", vnGov, usGov, 0, 1), false},
		{"other sector", ev("a1", "en", "040", "2024-03-01", vnGov, cnGov, 0, 1), ev("a2", "en", "040", "2024-03-01", vnGov, cnMil, 0, 1), false},
		{"asymmetric root reversed", ev("a1", "en", "112", "2024-03-01", vnGov, cnGov, 0, 1), ev("a2", "en", "112", "2024-03-01", cnGov, vnGov, 0, 1), false},
		{"asymmetric root same way", ev("a1", "en", "112", "2024-03-01", vnGov, cnGov, 0, 1), ev("a2", "en", "111", "2024-03-02", vnGov, cnGov, 0, 1), true},
		{"undated, same people", ev("a1", "en", "040", "2024-03-01", vnGov, cnGov, 0, 1), ev("a2", "fr", "040", "", cnGov, vnGov, 0, 1), true},
		{"undated, another person", ev("a1", "en", "040", "2024-03-01", vnGov, cnGov, 0, 1), ev("a2", "fr", "040", "", vnGov, cnGov2, 0, 1), false},
		{"undated, no named people", ev("a1", "en", "040", "2024-03-01", vnAnon, cnAnon, 0, 1), ev("a2", "fr", "040", "", vnAnon, cnAnon, 0, 1), false},
		{"both undated, same people", ev("a1", "en", "040", "", vnGov, cnGov, 0, 1), ev("a2", "fr", "040", "", vnGov, cnGov, 0, 1), true},
		{"dated, unnamed on one side", ev("a1", "en", "040", "2024-03-01", vnAnon, cnGov, 0, 1), ev("a2", "fr", "040", "2024-03-01", vnGov, cnAnon, 0, 1), true},
	} {
		for _, order := range [][2]dyad.Event{{tc.a, tc.b}, {tc.b, tc.a}} {
			idx := newMemIndex()
			l := newTestLinker(t, idx)
			for i, e := range order {
				rec := withPeople(&dyad.Record{Article: dyad.Article{ID: e.Mentions[0].ArticleID, Lang: e.Mentions[0].Lang,
					Text: fmt.Sprintf("article %d of test %s", i, tc.name)}, Events: []dyad.Event{e}})
				if err := l.Link(context.Background(), rec); err != nil {
					t.Fatal(err)
				}
				if len(rec.Events) != 1 || rec.Events[0].Key == "" {
					t.Fatalf("%s: linked events %+v", tc.name, rec.Events)
				}
				idx.save(rec)
			}
			if got := len(idx.events) == 1; got != tc.fold {
				t.Errorf("%s (%s first): folded %v, want %v", tc.name, order[0].Mentions[0].ArticleID, got, tc.fold)
			}
		}
	}
}

func TestFoldWithinRecord(t *testing.T) {
	vn := actorOf("VNM", "GOV", "p1")
	cn := actorOf("CHN", "GOV", "p2")
	idx := newMemIndex()
	l := newTestLinker(t, idx)
	rec := withPeople(&dyad.Record{Article: dyad.Article{ID: "r1", Lang: "en", Published: "2024-05-02", Text: "one two"},
		Events: []dyad.Event{
			ev("r1", "en", "040", "2024-05-01", vn, cn, 100, 0.6),
			ev("r1", "en", "042", "", cn, vn, 40, 0.9), // the same meeting, told again, undated
			ev("r1", "en", "040", "2024-05-01", vn, cn, 10, 0.6),
			ev("r1", "en", "190", "2024-05-01", vn, cn, 300, 0.8), // another event
		}})
	if err := l.Link(context.Background(), rec); err != nil {
		t.Fatal(err)
	}
	if len(rec.Events) != 2 {
		t.Fatalf("%d events, want 2: %+v", len(rec.Events), rec.Events)
	}
	meet := rec.Events[0]
	if meet.Root != "04" {
		meet = rec.Events[1]
	}
	if len(meet.Mentions) != 1 || meet.Mentions[0].Start != 40 {
		t.Errorf("meeting's mentions %+v, want the one at 40 (highest confidence)", meet.Mentions)
	}
	if meet.Date != "2024-05-01" || meet.Mentions[0].Date != "2024-05-01" || !meet.Mentions[0].DateInferred {
		t.Errorf("meeting date %q, mention date %q inferred %v; want 2024-05-01 inferred", meet.Date,
			meet.Mentions[0].Date, meet.Mentions[0].DateInferred)
	}
	if meet.Key != "04|CHN|VNM" {
		t.Errorf("key %q", meet.Key)
	}
	idx.save(rec)

	// A second article's mention takes the stored event's id, and keeps it as more mentions come.
	id := meet.ID
	for i, d := range []string{"2024-05-02", "2024-04-30", ""} {
		art := fmt.Sprintf("r%d", i+2)
		r := withPeople(&dyad.Record{Article: dyad.Article{ID: art, Lang: "vi", Text: art}, Events: []dyad.Event{ev(art, "vi", "043", d, cn, vn, 5, 0.7)}})
		if err := l.Link(context.Background(), r); err != nil {
			t.Fatal(err)
		}
		if r.Events[0].ID != id {
			t.Errorf("mention %d: id %s, want %s", i, r.Events[0].ID, id)
		}
		idx.save(r)
	}
	if e := idx.events[id]; e.NumMentions != 4 || e.NumArticles != 4 {
		t.Errorf("stored event: %d mentions, %d articles; want 4, 4", e.NumMentions, e.NumArticles)
	}
}

func TestAnyOrderSynthetic(t *testing.T) {
	// Six articles: two events of one pair a week apart, reported in several languages, and one of another pair.
	vn, cn, la := actorOf("VNM", "GOV", "v"), actorOf("CHN", "GOV", "c"), actorOf("LAO", "GOV", "l")
	recs := []*dyad.Record{
		{Article: dyad.Article{ID: "s1", Lang: "en", Text: "s1"}, Events: []dyad.Event{ev("s1", "en", "042", "2024-01-10", vn, cn, 0, 0.8)}},
		{Article: dyad.Article{ID: "s2", Lang: "fr", Text: "s2"}, Events: []dyad.Event{ev("s2", "fr", "043", "2024-01-11", cn, vn, 0, 0.8)}},
		{Article: dyad.Article{ID: "s3", Lang: "vi", Text: "s3", Published: "2024-01-12"}, Events: []dyad.Event{ev("s3", "vi", "040", "", vn, cn, 0, 0.8), ev("s3", "vi", "040", "2024-01-10", vn, la, 50, 0.8)}},
		{Article: dyad.Article{ID: "s4", Lang: "zh", Text: "s4"}, Events: []dyad.Event{ev("s4", "zh", "040", "2024-01-18", cn, vn, 0, 0.8)}},
		{Article: dyad.Article{ID: "s5", Lang: "de", Text: "s5"}, Events: []dyad.Event{ev("s5", "de", "042", "2024-01-19", vn, cn, 0, 0.8)}},
		{Article: dyad.Article{ID: "s6", Lang: "nl", Text: "s6"}, Events: []dyad.Event{ev("s6", "nl", "040", "2024-01-09", la, vn, 0, 0.8)}},
	}
	for _, r := range recs {
		withPeople(r)
	}
	var want [][]string
	n := 0
	permute(recs, 0, func(order []*dyad.Record) {
		if n++; n%7 != 0 && n != 1 { // a sample of the 720 orders keeps the test fast
			return
		}
		got := ingest(t, order).groups()
		if want == nil {
			want = got
			if len(got) != 3 {
				t.Errorf("%d events, want 3: %v", len(got), got)
			}
			return
		}
		if fmt.Sprint(got) != fmt.Sprint(want) {
			t.Errorf("events %v, want %v", got, want)
		}
	})
}

func TestKey(t *testing.T) {
	l := newTestLinker(t, newMemIndex())
	un := dyad.EventActor{Code: "IGOUNO"}
	for _, tc := range []struct {
		code     string
		src, tgt dyad.EventActor
		want     string
	}{
		{"042", actorOf("VNM", "GOV", ""), actorOf("CHN", "PTY", ""), "04|CHN|VNM"},
		{"043", actorOf("CHN", "PTY", ""), actorOf("VNM", "GOV", ""), "04|CHN|VNM"},
		{"112", actorOf("VNM", "GOV", ""), actorOf("CHN", "GOV", ""), "11|VNM|CHN"},
		{"112", actorOf("CHN", "GOV", ""), actorOf("VNM", "GOV", ""), "11|CHN|VNM"},
		{"036", un, actorOf("UKR", "", ""), "03|IGOUNO|UKR"},
		{"190", dyad.EventActor{}, actorOf("UKR", "MIL", ""), "19|-|UKR"},
	} {
		e := dyad.Event{Code: tc.code, Source: tc.src, Target: tc.tgt}
		if got := l.Key(&e); got != tc.want {
			t.Errorf("Key(%s %s->%s) = %q, want %q", tc.code, tc.src.Code, tc.tgt.Code, got, tc.want)
		}
	}
}

func TestFamiliesOverride(t *testing.T) {
	// A user merges the cooperation families 03-05 into one, overriding the embedded lines.
	dir := writeFiles(t, map[string]string{FamiliesFile: "03 | coop | yes\n04 | coop | yes\n05 | coop | yes\n"})
	p, err := packs.Load(dir)
	if err != nil {
		t.Fatal(err)
	}
	f, errs := LoadFamilies(p)
	if len(errs) > 0 {
		t.Fatal(errs)
	}
	for root, want := range map[string]Family{"04": {"coop", true}, "05": {"coop", true}, "11": {"11", false}, "99": {"99", false}} {
		if got := f.Of(root); got != want {
			t.Errorf("Of(%s) = %+v, want %+v", root, got, want)
		}
	}
}

// askedIndex records the candidate queries a Linker asks of the index it wraps.
type askedIndex struct {
	*memIndex
	asked []dyad.CandidateQuery
}

func (a *askedIndex) EventCandidates(ctx context.Context, q dyad.CandidateQuery) ([]dyad.Event, error) {
	a.asked = append(a.asked, q)
	return a.memIndex.EventCandidates(ctx, q)
}

// An undated mention of an article with no publication date asks for the latest events of its key that name
// its people (CandidateQuery.Recent); one of a dated article asks for its window, unbounded by Recent.
func TestUndatedArticleAsksRecent(t *testing.T) {
	vnGov := actorOf("VNM", "GOV", "minister-a")
	cnGov := actorOf("CHN", "GOV", "minister-b")
	for _, tc := range []struct {
		published string
		recent    int
	}{{"", DefaultRecent}, {"2024-03-05", 0}} {
		idx := &askedIndex{memIndex: newMemIndex()}
		l := newTestLinker(t, idx)
		rec := withPeople(&dyad.Record{Article: dyad.Article{ID: "a1", Lang: "en", Published: dyad.NullString(tc.published),
			Text: "an undated report"}, Events: []dyad.Event{ev("a1", "en", "040", "", vnGov, cnGov, 0, 1)}})
		if err := l.Link(context.Background(), rec); err != nil {
			t.Fatal(err)
		}
		if len(idx.asked) != 1 {
			t.Fatalf("published %q: %d queries; want 1", tc.published, len(idx.asked))
		}
		q := idx.asked[0]
		if q.Recent != tc.recent || len(q.People) == 0 || (q.From == "") != (tc.published == "") {
			t.Errorf("published %q: asked %+v; want Recent %d with People", tc.published, q, tc.recent)
		}
	}
}
