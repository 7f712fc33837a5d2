package storetest

import (
	"context"
	"fmt"
	"math"
	"math/rand/v2"
	"strings"
	"sync"
	"testing"

	"github.com/dyad-events/dyad"
)

// Direct computes what a store's rollups answer the slow way, from its rows: the store's tests pass its
// unexported direct queries.
type Direct struct {
	// Counts runs a CountQuery on the events themselves, never on rollups.
	Counts func(ctx context.Context, s dyad.Store, q dyad.CountQuery) ([]dyad.Count, error)
	// Stats counts the rows of the tables.
	Stats func(ctx context.Context, s dyad.Store) (dyad.Stats, error)
}

// RunRollups checks that a store's unfiltered Stats and Counts, which it may answer from rollups kept by
// Save, equal what direct gives from the rows, after each step of a mixed workload: new events, events
// gaining mentions in new and known languages and outlets, dates made more precise, re-saved articles,
// batches (one that fails) and saves from several goroutines at once.
func RunRollups(t *testing.T, open func(t *testing.T) dyad.Store, direct Direct) {
	t.Helper()
	t.Run("Demote", func(t *testing.T) { runDemoteRollups(t, open, direct) })
	t.Run("Merge", func(t *testing.T) {
		s := open(t)
		defer s.Close()
		testMerge(t, s, func(step string) {
			t.Helper()
			CheckRollups(t, s, direct, step)
		})
	})
	t.Run("MergeSameSpan", func(t *testing.T) {
		s := open(t)
		defer s.Close()
		testMergeSameSpan(t, s, func(step string) {
			t.Helper()
			CheckRollups(t, s, direct, step)
		})
	})
	ctx := context.Background()
	s := open(t)
	defer s.Close()
	w := newWorkload(11)
	check := func(step string) {
		t.Helper()
		CheckRollups(t, s, direct, step)
	}
	check("empty store")
	seed(t, s)
	check("seed records")

	for range 40 {
		if _, err := s.Save(ctx, w.record()); err != nil {
			t.Fatalf("Save: %v", err)
		}
	}
	check("single saves")
	dates := eventDates(t, s)

	b, batches := s.(Batcher)
	var saved []*dyad.Record
	for range 4 {
		recs := w.records(25)
		// A repeat of the batch's first record, and of a record stored before: both change nothing.
		recs = append(recs, recs[0])
		if len(saved) > 0 {
			recs = append(recs, saved[len(saved)-1])
		}
		saved = append(saved, recs...)
		if batches {
			if _, err := b.SaveBatch(ctx, recs); err != nil {
				t.Fatalf("SaveBatch: %v", err)
			}
			continue
		}
		for _, r := range recs {
			if _, err := s.Save(ctx, r); err != nil {
				t.Fatalf("Save: %v", err)
			}
		}
	}
	check("batches")

	// Re-saving stored articles changes nothing.
	for _, r := range saved[:10] {
		if ok, err := s.Save(ctx, r); err != nil || ok {
			t.Fatalf("re-Save(%s) = %v, %v; want false", r.Article.ID, ok, err)
		}
	}
	// A batch (or a save) that fails half-way leaves the rollups as they were.
	bad := w.records(5)
	bad[3].Events = append(bad[3].Events, dyad.Event{Code: "042"}) // no id
	if batches {
		if _, err := b.SaveBatch(ctx, bad); err == nil {
			t.Fatal("SaveBatch with an event without id: no error")
		}
	} else if _, err := s.Save(ctx, bad[3]); err == nil {
		t.Fatal("Save of an event without id: no error")
	}
	check("re-saves and a failed batch")

	// Several writers at once, reporting the same events.
	const workers = 4
	recs := make([][]*dyad.Record, workers)
	for i := range recs {
		recs[i] = w.records(15)
	}
	var wg sync.WaitGroup
	errs := make(chan error, workers)
	for i := range workers {
		wg.Go(func() {
			for k, r := range recs[i] {
				var err error
				if batches && k%5 == 0 && k+3 <= len(recs[i]) {
					_, err = b.SaveBatch(ctx, recs[i][k:k+3])
				} else {
					_, err = s.Save(ctx, r)
				}
				if err != nil {
					errs <- err
					return
				}
			}
		})
	}
	wg.Wait()
	close(errs)
	for err := range errs {
		t.Fatalf("concurrent save: %v", err)
	}
	check("concurrent saves")

	// The workload did what it is meant to: stored events moved to a more precise date, events in several
	// languages.
	moved, multi := 0, 0
	for id, d := range eventDates(t, s) {
		if before, ok := dates[id]; ok && before != d {
			moved++
		}
	}
	evs, err := s.Events(ctx, dyad.EventQuery{Page: dyad.Page{Limit: 10000}})
	if err != nil {
		t.Fatal(err)
	}
	for _, e := range evs {
		if len(e.Languages) > 1 {
			multi++
		}
	}
	t.Logf("workload: %d events moved, %d multilingual, %d events", moved, multi, len(evs))
	if moved < 5 || multi < 5 {
		t.Errorf("workload: %d events moved to another date, %d in several languages; want 5 or more of each", moved, multi)
	}
}

// runDemoteRollups checks the rollups after records that demote stored articles (see testDemote).
func runDemoteRollups(t *testing.T, open func(t *testing.T) dyad.Store, direct Direct) {
	t.Helper()
	s := open(t)
	defer s.Close()
	testDemote(t, s, func(step string) {
		t.Helper()
		CheckRollups(t, s, direct, step)
	})
}

// eventDates returns the dates of the stored events by id.
func eventDates(t *testing.T, s dyad.Store) map[string]string {
	t.Helper()
	evs, err := s.Events(context.Background(), dyad.EventQuery{Page: dyad.Page{Limit: 10000}})
	if err != nil {
		t.Fatal(err)
	}
	out := map[string]string{}
	for _, e := range evs {
		out[e.ID] = string(e.Date)
	}
	return out
}

// CheckRollups compares Stats and every unfiltered grouping of s with what direct computes from the rows,
// failing t with step named on any difference.
func CheckRollups(t *testing.T, s dyad.Store, direct Direct, step string) {
	t.Helper()
	ctx := context.Background()
	got, err := s.Stats(ctx)
	if err != nil {
		t.Fatalf("%s: Stats: %v", step, err)
	}
	want, err := direct.Stats(ctx, s)
	if err != nil {
		t.Fatalf("%s: direct stats: %v", step, err)
	}
	if got != want {
		t.Errorf("%s: Stats = %+v; the rows give %+v", step, got, want)
	}
	pages := []dyad.Page{{}, {Limit: 3}, {Limit: 4, Offset: 2}}
	for _, by := range []string{"day", "month", "quad", "code", "root", "dyad", "lang", "outlet"} {
		for _, split := range []bool{false, true} {
			for _, p := range pages {
				q := dyad.CountQuery{By: by, SplitQuad: split, EventQuery: dyad.EventQuery{Page: p}}
				got, err := s.Counts(ctx, q)
				if err != nil {
					t.Fatalf("%s: Counts(%+v): %v", step, q, err)
				}
				want, err := direct.Counts(ctx, s, q)
				if err != nil {
					t.Fatalf("%s: direct Counts(%+v): %v", step, q, err)
				}
				if d := diffCounts(got, want); d != "" {
					t.Errorf("%s: Counts by %s (split %v, page %+v): %s", step, by, split, p, d)
				}
				if by == "day" || by == "month" {
					// A filter that keeps every dated event takes the store's filtered path.
					q.From = "0"
					viaFilter, err := s.Counts(ctx, q)
					if err != nil {
						t.Fatalf("%s: Counts(%+v): %v", step, q, err)
					}
					if d := diffCounts(got, viaFilter); d != "" {
						t.Errorf("%s: Counts by %s (split %v, page %+v) with and without from=0: %s", step, by, split, p, d)
					}
				}
			}
		}
	}
}

// diffCounts says how got differs from want: keys, counts and quad classes equal, mean Goldstein weights
// within 1e-9 (a sum kept by adding and subtracting differs from one computed at once in the last bits).
func diffCounts(got, want []dyad.Count) string {
	show := func(cs []dyad.Count) string {
		var b strings.Builder
		for _, c := range cs {
			fmt.Fprintf(&b, "%s/q%d=%d/%.4f ", c.Key, c.QuadClass, c.Count, c.Goldstein)
		}
		return b.String()
	}
	if len(got) != len(want) {
		return fmt.Sprintf("%d groups, want %d: got %s; want %s", len(got), len(want), show(got), show(want))
	}
	for i := range got {
		g, w := got[i], want[i]
		if g.Key != w.Key || g.Count != w.Count || g.QuadClass != w.QuadClass || math.Abs(g.Goldstein-w.Goldstein) > 1e-9 {
			return fmt.Sprintf("group %d is %+v, want %+v: got %s; want %s", i, g, w, show(got), show(want))
		}
	}
	return ""
}

// workload makes records whose events often repeat earlier ones, with dates of every precision (so that
// stored events move to more precise dates), mentions in several languages and outlets (some without an
// outlet), quad class 0 and events with an empty actor code among them.
type workload struct {
	r    *rand.Rand
	n    int      // records made
	pool []string // event ids made
}

func newWorkload(seed uint64) *workload {
	return &workload{r: rand.New(rand.NewPCG(seed, seed+1))}
}

func (w *workload) records(n int) []*dyad.Record {
	out := make([]*dyad.Record, n)
	for i := range out {
		out[i] = w.record()
	}
	return out
}

func (w *workload) record() *dyad.Record {
	r := w.r
	i := w.n
	w.n++
	lang := synthLangs[r.IntN(len(synthLangs))]
	source := ""
	if r.IntN(6) > 0 {
		source = synthSources[r.IntN(len(synthSources))]
	}
	day := fmt.Sprintf("2024-%02d-%02d", 1+r.IntN(3), 1+r.IntN(28))
	a := dyad.Article{ID: fmt.Sprintf("roll-art-%04d", i), URI: "mem", Title: fmt.Sprintf("Report %d", i), Lang: lang,
		Source: dyad.NullString(source), Published: dyad.NullString(day)}
	var sents []string
	rec := &dyad.Record{Article: a}
	for k := range 1 + r.IntN(3) {
		sents = append(sents, fmt.Sprintf("Sentence %d of report %d tells of a meeting.", k, i))
	}
	rec.Article.Text = strings.Join(sents, " ")
	ra := &rec.Article
	for k, sent := range sents {
		var id string
		if len(w.pool) > 0 && r.IntN(2) == 0 {
			id = w.pool[r.IntN(len(w.pool))] // another report of a stored event
		} else {
			id = fmt.Sprintf("roll-%04d-%d", i, k)
			w.pool = append(w.pool, id)
		}
		// Dates of every precision, stated or inferred: a later report may make the stored date more precise.
		date := [...]string{"", "2024", day[:7], day, day}[r.IntN(5)]
		c := synthCodes[r.IntN(len(synthCodes))]
		src, tgt := synthActors[r.IntN(len(synthActors))], synthActors[r.IntN(len(synthActors))]
		if r.IntN(10) == 0 {
			tgt = dyad.EventActor{} // no target: no dyad
		}
		quad := c.quad
		if r.IntN(10) == 0 {
			quad = 0
		}
		// A later report carries its own weight; the stored event keeps the first.
		e := event(id, src.Country+"|"+tgt.Country, date, src, tgt, c.code, quad, c.gold+float64(r.IntN(3))/10)
		e.DateInferred = r.IntN(2) == 0
		m := mention(ra, sent, date, e.DateInferred)
		if r.IntN(4) == 0 {
			m.Lang = synthLangs[r.IntN(len(synthLangs))] // a quotation in another language
		}
		e.Mentions = []dyad.EventMention{m}
		if r.IntN(8) == 0 {
			m2 := m
			m2.Start++                              // a second mention of the event in the same article
			e.Mentions = append(e.Mentions, m2, m2) // the repeat is stored once
		}
		rec.Events = append(rec.Events, e)
	}
	if r.IntN(3) == 0 {
		rec.Statements = []dyad.Statement{{ID: a.ID + "-s", ArticleID: a.ID, Speaker: binh, Verb: "said",
			Text: sents[0], Lang: lang, ClaimID: dyad.NullString(fmt.Sprintf("roll-claim-%d", r.IntN(5)))}}
	}
	return rec
}
