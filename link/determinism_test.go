package link

import (
	"context"
	"fmt"
	"iter"
	"math/rand/v2"
	"net/url"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/dyad-events/dyad"
	"github.com/dyad-events/dyad/pipeline"
	"github.com/dyad-events/dyad/postgres"
	"github.com/dyad-events/dyad/sqlite"
	"github.com/jackc/pgx/v5"
)

// storyRecords makes n records that report stories: a meeting, a visit, a clash ... between two countries'
// people on one day, each reported by several articles over the following days, in several languages, some
// with the date, some without (the "two sides agreed" sentence), some naming the people and some only the
// countries, a few articles with no publication date, a few reprints of others. Over years, so that the
// windows of the link stage hold only some of them.
func storyRecords(n int, seed uint64) []*dyad.Record { return storyRecordsOver(n, seed, 3, 12) }

// storyRecordsOver is storyRecords over years years and the first ncountries of benchCountries.
func storyRecordsOver(n int, seed uint64, years, ncountries int) []*dyad.Record {
	r := rand.New(rand.NewPCG(seed, 3))
	countries := benchCountries[:ncountries]
	person := func(c string, k int) string { return fmt.Sprintf("p-%s-%d", c, k) }
	type story struct {
		a, b   string
		pa, pb string
		code   string
		date   time.Time
		sa, sb string
	}
	base := time.Date(2016, 1, 1, 0, 0, 0, 0, time.UTC)
	var stories []story
	for range n / 3 {
		a, b := countries[r.IntN(len(countries))], countries[r.IntN(len(countries))]
		for b == a {
			b = countries[r.IntN(len(countries))]
		}
		root := []string{"04", "04", "03", "05", "19", "11", "17"}[r.IntN(7)]
		stories = append(stories, story{a: a, b: b, pa: person(a, r.IntN(4)), pb: person(b, r.IntN(4)),
			code: root + fmt.Sprint(r.IntN(4)), date: base.AddDate(0, 0, r.IntN(years*365)),
			sa: benchSectors[r.IntN(3)], sb: benchSectors[r.IntN(3)]})
	}
	langs := []string{"en", "fr", "vi", "zh", "de"}
	out := make([]*dyad.Record, 0, n)
	for i := range n {
		id := fmt.Sprintf("st%05d", i)
		lang := langs[r.IntN(len(langs))]
		var text string
		if i > 20 && r.IntN(30) == 0 {
			text = "Reprint. " + out[r.IntN(len(out))].Article.Text
		} else {
			var b strings.Builder
			for j := range 120 {
				fmt.Fprintf(&b, "w%d ", r.IntN(50000)+j)
			}
			text = b.String()
		}
		s := stories[r.IntN(len(stories))]
		pub := s.date.AddDate(0, 0, r.IntN(4))
		rec := &dyad.Record{Article: dyad.Article{ID: id, URI: id, Lang: lang, Source: dyad.NullString(fmt.Sprintf("agency%d", r.IntN(6))),
			Text: text, Published: dyad.NullString(pub.Format(day))}}
		if r.IntN(25) == 0 {
			rec.Article.Published = ""
		}
		k := 1 + r.IntN(2)
		for e := range k {
			if e > 0 {
				s = stories[r.IntN(len(stories))]
			}
			named := r.IntN(3) > 0
			src := dyad.EventActor{Code: s.a + s.sa, Country: s.a, Sector: s.sa}
			tgt := dyad.EventActor{Code: s.b + s.sb, Country: s.b, Sector: s.sb}
			if named {
				src.ActorID = s.pa
				rec.Mentions = append(rec.Mentions, dyad.ActorMention{Start: 10 * e, End: 10*e + 5, Text: s.pa,
					Actor: dyad.ActorRef{ID: s.pa, Name: s.pa, Type: dyad.TypePerson, Country: s.a}})
			}
			if r.IntN(2) == 0 {
				rec.Mentions = append(rec.Mentions, dyad.ActorMention{Start: 10*e + 6, End: 10*e + 9, Text: s.pb,
					Actor: dyad.ActorRef{ID: s.pb, Name: s.pb, Type: dyad.TypePerson, Country: s.b}})
			}
			date := s.date.AddDate(0, 0, r.IntN(2)).Format(day)
			switch r.IntN(6) {
			case 0:
				date = ""
			case 1:
				date = date[:7]
			}
			code := s.code
			if r.IntN(4) == 0 {
				code = s.code[:2] + fmt.Sprint(r.IntN(4))
			}
			if r.IntN(5) == 0 && (code[:2] == "04" || code[:2] == "03") {
				src, tgt = tgt, src
			}
			rec.Events = append(rec.Events, dyad.Event{ID: fmt.Sprintf("%s-%d", id, e), Code: code, Root: code[:2],
				Date: dyad.NullString(date), Source: src, Target: tgt,
				Mentions: []dyad.EventMention{{ArticleID: id, Lang: lang, Start: 100 * e, End: 100*e + 80,
					Confidence: float64(50+r.IntN(50)) / 100, Date: date}}})
		}
		out = append(out, rec)
	}
	return out
}

// storyN is n, or a third of it under the race detector.
func storyN(n int) int {
	if raceEnabled {
		return n / 3
	}
	return n
}

// recordSource yields one document per record, its URI the article id.
type recordSource []*dyad.Record

func (s recordSource) Documents(ctx context.Context) iter.Seq2[*dyad.Document, error] {
	return func(yield func(*dyad.Document, error) bool) {
		for _, r := range s {
			if !yield(&dyad.Document{URI: r.Article.ID}, nil) {
				return
			}
		}
	}
}

// ingestRun runs the pipeline over recs into st as dyad ingest does: batch 1 links and saves each record alone,
// a larger batch links it under the store's writer lock (SaveLinked).
func ingestRun(t *testing.T, st dyad.Store, recs []*dyad.Record, batch int) *pipeline.Summary {
	t.Helper()
	byID := map[string]*dyad.Record{}
	for _, r := range recs {
		byID[r.Article.ID] = r
	}
	var mu sync.Mutex
	get := func(id string) *dyad.Record {
		mu.Lock()
		defer mu.Unlock()
		return cloneRecord(byID[id])
	}
	stages := pipeline.Stages{
		Extract: func(doc *dyad.Document) (*dyad.Article, error) { a := get(doc.URI).Article; return &a, nil },
		Annotate: func(a *dyad.Article) []dyad.ActorMention {
			return get(a.ID).Mentions
		},
		Code: func(a *dyad.Article, _ []dyad.ActorMention) ([]dyad.Event, []dyad.Statement) {
			r := get(a.ID)
			return r.Events, r.Statements
		},
	}
	run := &pipeline.Runner{Stages: stages, Store: st, Workers: 2}
	var idx dyad.LinkIndex = st
	if batch > 1 {
		p := NewPending(st)
		idx, run.Pending, run.Batch = p, p, batch
		run.SaveBatch = st.(interface {
			SaveBatch(context.Context, []*dyad.Record) ([]bool, error)
		}).SaveBatch
	}
	l := newTestLinker(t, idx)
	run.Link = l.Link
	if batch > 1 {
		run.SaveLinked = l.SaveLinkedBy(st) // PostgreSQL: the keys' and bands' locks
	}
	if batch > 1 && batch%2 == 1 {
		run.Prefetch = l.Prefetch // batches of 7 ask ahead, those of 256 do not: the same events
		// Batches of 7 are saved three a transaction (dyad ingest's groups), those of 256 one: the same events.
		if gs, ok := st.(dyad.GroupSaver); ok {
			run.GroupBatches = 3
			run.BeginGroup = func(ctx context.Context) (*pipeline.Group, error) {
				g, err := gs.BeginGroup(ctx)
				if err != nil || g == nil {
					return nil, err
				}
				return &pipeline.Group{SaveLinked: l.SaveLinkedBy(g), LinkSeesGroup: g.LinkSeesGroup(), Commit: g.Commit}, nil
			}
		}
	}
	if batch > 1 && batch%2 == 0 {
		// Batches of 256 (and 64) link the parts of a batch that share no key or band concurrently, as
		// dyad ingest does: the same events.
		run.LinkNames = func(rec *dyad.Record) []string { return l.Locks([]*dyad.Record{rec}) }
	}
	sum, err := run.Run(context.Background(), recordSource(recs))
	if err != nil {
		t.Fatal(err)
	}
	return sum
}

// eventSets returns each stored event as its sorted mentions (article:offset), sorted; with the ids when ids
// is true.
func eventSets(t *testing.T, st dyad.Store, ids bool) []string {
	t.Helper()
	var out []string
	for off := 0; ; off += 1000 {
		evs, err := st.Events(context.Background(), dyad.EventQuery{Page: dyad.Page{Limit: 1000, Offset: off}})
		if err != nil {
			t.Fatal(err)
		}
		for _, e := range evs {
			var ms []string
			for _, m := range e.Mentions {
				ms = append(ms, fmt.Sprintf("%s:%d", m.ArticleID, m.Start))
			}
			slices.Sort(ms)
			s := strings.Join(ms, " ")
			if ids {
				s = e.ID + " " + s
			}
			out = append(out, s)
		}
		if len(evs) < 1000 {
			break
		}
	}
	slices.Sort(out)
	return out
}

func compareSets(t *testing.T, name string, got, want []string) {
	t.Helper()
	if slices.Equal(got, want) {
		return
	}
	extra, missing := 0, 0
	for _, g := range got {
		if _, ok := slices.BinarySearch(want, g); !ok {
			if extra++; extra <= 3 {
				t.Logf("%s: event only here: %s", name, g)
			}
		}
	}
	for _, w := range want {
		if _, ok := slices.BinarySearch(got, w); !ok {
			if missing++; missing <= 3 {
				t.Logf("%s: event missing: %s", name, w)
			}
		}
	}
	t.Errorf("%s: %d events, want %d (%d not in the reference, %d of it missing)", name, len(got), len(want), extra, missing)
}

func openSQLite(t *testing.T, path string) *sqlite.DB {
	t.Helper()
	db, err := sqlite.Open(context.Background(), path)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { db.Close() })
	return db
}

// TestSameEventsAnyBatch ingests one set of documents with batches of 1, 7 and 256 records and with two
// writers at once into one SQLite file (two handles, as two processes), each reading every document: the
// events, ids included, are the same every time.
func TestSameEventsAnyBatch(t *testing.T) {
	recs := storyRecords(storyN(400), 5)
	dir := t.TempDir()
	ref := openSQLite(t, filepath.Join(dir, "ref.db"))
	ingestRun(t, ref, recs, 1)
	want := eventSets(t, ref, true)
	if len(want) < len(recs)/3 {
		t.Fatalf("only %d events", len(want))
	}
	folded := 0
	for _, e := range want {
		if strings.Count(e, " ") > 1 {
			folded++
		}
	}
	t.Logf("%d records, %d events, %d with more than one mention", len(recs), len(want), folded)
	for _, b := range []int{7, 256} {
		db := openSQLite(t, filepath.Join(dir, fmt.Sprintf("b%d.db", b)))
		ingestRun(t, db, recs, b)
		compareSets(t, fmt.Sprintf("batch %d", b), eventSets(t, db, true), want)
	}
	path := filepath.Join(dir, "two.db")
	a, b := openSQLite(t, path), openSQLite(t, path)
	var wg sync.WaitGroup
	sums := make([]*pipeline.Summary, 2)
	for i, st := range []dyad.Store{a, b} {
		wg.Add(1)
		go func() {
			defer wg.Done()
			sums[i] = ingestRun(t, st, recs, 7)
		}()
	}
	wg.Wait()
	// Two writers store the events of one, though which article of an event came first may differ.
	compareSets(t, "two writers", eventSets(t, a, false), eventSets(t, ref, false))
	if got := sums[0].Stored + sums[1].Stored; got != len(recs) {
		t.Errorf("two writers stored %d + %d articles; want %d in all", sums[0].Stored, sums[1].Stored, len(recs))
	}
	if got := sums[0].Duplicates + sums[1].Duplicates; got != len(recs) {
		t.Errorf("two writers found %d + %d duplicates; want %d in all", sums[0].Duplicates, sums[1].Duplicates, len(recs))
	}
}

// TestOrderStories ingests the story records in three orders. The events agree but for late bridges (a
// mention that matches two stored events that do not match each other joins one; docs/link.md): this
// measures how many, and bounds them. Where the events agree, so do their ids (an event's id is the smallest
// content id of its mentions), but where a demotion took the mention whose content id the event had.
func TestOrderStories(t *testing.T) {
	recs := storyRecords(storyN(300), 8)
	dir := t.TempDir()
	var want, wantIDs []string
	for k, seed := range []uint64{0, 1, 2} {
		order := slices.Clone(recs)
		if seed > 0 {
			rand.New(rand.NewPCG(seed, 1)).Shuffle(len(order), func(i, j int) { order[i], order[j] = order[j], order[i] })
		}
		db := openSQLite(t, filepath.Join(dir, fmt.Sprintf("o%d.db", k)))
		ingestRun(t, db, order, 64)
		got, gotIDs := eventSets(t, db, false), eventSets(t, db, true)
		if k == 0 {
			want, wantIDs = got, gotIDs
			continue
		}
		differ, ids := 0, 0
		wantID, gotID := idOf(wantIDs), idOf(gotIDs)
		for _, g := range got {
			if _, ok := slices.BinarySearch(want, g); !ok {
				differ++
			} else if gotID[g] != wantID[g] {
				ids++
			}
		}
		t.Logf("order %d: %d events, %d in the first order; %d differ, %d others with another id", k, len(got), len(want), differ, ids)
		if differ > len(want)*15/100 {
			t.Errorf("order %d: %d of %d events differ from the first order's", k, differ, len(want))
		}
		if ids > len(want)/100+1 {
			t.Errorf("order %d: %d events the first order has have another id", k, ids)
		}
	}
}

// idOf maps each event of eventSets(..., true) (its mentions) to its id.
func idOf(sets []string) map[string]string {
	m := map[string]string{}
	for _, s := range sets {
		id, rest, _ := strings.Cut(s, " ")
		m[rest] = id
	}
	return m
}

// TestSameEventsTwoWorkersPostgres is TestSameEventsAnyBatch's two writers on PostgreSQL (DATABASE_URL).
func TestSameEventsTwoWorkersPostgres(t *testing.T) {
	dbURL := os.Getenv("DATABASE_URL")
	if dbURL == "" {
		t.Skip("DATABASE_URL not set")
	}
	ctx := context.Background()
	recs := storyRecords(storyN(250), 6)
	ref := openSQLite(t, filepath.Join(t.TempDir(), "ref.db"))
	ingestRun(t, ref, recs, 1)
	u := freshPostgres(t, dbURL)
	// One writer, its batches saved three a transaction: the same events, ids included.
	one, err := postgres.Open(ctx, freshPostgres(t, dbURL))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { one.Close() })
	ingestRun(t, one, recs, 7)
	compareSets(t, "one writer, groups of batches", eventSets(t, one, true), eventSets(t, ref, true))
	var wg sync.WaitGroup
	dbs := make([]*postgres.DB, 2)
	for i := range dbs {
		db, err := postgres.Open(ctx, u)
		if err != nil {
			t.Fatal(err)
		}
		t.Cleanup(func() { db.Close() })
		dbs[i] = db
	}
	for _, db := range dbs {
		wg.Add(1)
		go func() {
			defer wg.Done()
			ingestRun(t, db, recs, 7)
		}()
	}
	wg.Wait()
	compareSets(t, "two workers", eventSets(t, dbs[0], false), eventSets(t, ref, false))
}

// freshPostgres creates a schema, dropped when the test ends, and returns url with it first in its
// search_path.
func freshPostgres(t *testing.T, base string) string {
	t.Helper()
	ctx := context.Background()
	conn, err := pgx.Connect(ctx, base)
	if err != nil {
		t.Fatalf("connect: %v", err)
	}
	defer conn.Close(ctx)
	schema := fmt.Sprintf("dyad_link_%d", time.Now().UnixNano())
	for _, q := range []string{"CREATE EXTENSION IF NOT EXISTS unaccent SCHEMA public",
		"CREATE EXTENSION IF NOT EXISTS pg_trgm SCHEMA public", "CREATE SCHEMA " + schema} {
		if _, err := conn.Exec(ctx, q); err != nil {
			t.Fatalf("%s: %v", q, err)
		}
	}
	t.Cleanup(func() {
		if c, err := pgx.Connect(ctx, base); err == nil {
			c.Exec(ctx, "DROP SCHEMA "+schema+" CASCADE")
			c.Close(ctx)
		}
	})
	u, err := url.Parse(base)
	if err != nil {
		t.Fatal(err)
	}
	q := u.Query()
	q.Set("search_path", schema+",public")
	u.RawQuery = q.Encode()
	return u.String()
}

// TestGroupWithBadRecord ingests story records with batches of 7 saved three a transaction, one record of
// them refused by the store (a statement without an id): only that record fails, and the others give the
// events, ids included, that one record at a time gives without it (SQLite: the group is undone and its
// batches saved again; PostgreSQL, with DATABASE_URL: the batch alone is undone).
func TestGroupWithBadRecord(t *testing.T) {
	recs := storyRecords(storyN(200), 9)
	bad := 60 // in the third batch of a group, when the batches are full
	var good []*dyad.Record
	for i, r := range recs {
		if i != bad {
			good = append(good, r)
		}
	}
	recs[bad] = cloneRecord(recs[bad])
	recs[bad].Statements = append(recs[bad].Statements, dyad.Statement{Text: "a statement without an id is refused"})
	dir := t.TempDir()
	ref := openSQLite(t, filepath.Join(dir, "ref.db"))
	ingestRun(t, ref, good, 1)
	want := eventSets(t, ref, true)
	stores := map[string]dyad.Store{"sqlite": openSQLite(t, filepath.Join(dir, "group.db"))}
	if u := os.Getenv("DATABASE_URL"); u != "" {
		db, err := postgres.Open(context.Background(), freshPostgres(t, u))
		if err != nil {
			t.Fatal(err)
		}
		t.Cleanup(func() { db.Close() })
		stores["postgres"] = db
	}
	for name, st := range stores {
		sum := ingestRun(t, st, recs, 7)
		if sum.Failed != 1 || sum.Stored != len(good) {
			t.Errorf("%s: %d stored, %d failed; want %d, 1", name, sum.Stored, sum.Failed, len(good))
		}
		compareSets(t, name, eventSets(t, st, true), want)
	}
}
