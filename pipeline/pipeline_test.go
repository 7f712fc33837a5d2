package pipeline

import (
	"context"
	"errors"
	"fmt"
	"iter"
	"runtime"
	"slices"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/dyad-events/dyad"
)

// memStore keeps saved records; the methods the runner does not use stay nil.
type memStore struct {
	dyad.Store
	mu      sync.Mutex
	saved   []string
	ids     map[string]bool
	batches int
}

func (m *memStore) HasArticle(_ context.Context, id string) (bool, error) {
	m.mu.Lock()
	defer m.mu.Unlock()
	return m.ids[id], nil
}

func (m *memStore) Save(_ context.Context, rec *dyad.Record) (bool, error) {
	m.mu.Lock()
	defer m.mu.Unlock()
	if rec.Article.Text == "refused" {
		return false, errors.New("constraint failed")
	}
	if m.ids[rec.Article.ID] {
		return false, nil
	}
	m.ids[rec.Article.ID] = true
	m.saved = append(m.saved, rec.Article.ID)
	return true, nil
}

type sliceSource []*dyad.Document

func (s sliceSource) Documents(ctx context.Context) iter.Seq2[*dyad.Document, error] {
	return func(yield func(*dyad.Document, error) bool) {
		for _, d := range s {
			var err error
			if d.Format == "broken" {
				err = &dyad.InputError{URI: d.URI, Err: errors.New("unreadable")}
				d = nil
			}
			if !yield(d, err) {
				return
			}
		}
	}
}

func TestRunOrderFailuresAndDuplicates(t *testing.T) {
	var docs sliceSource
	for _, body := range []string{"a", "b", "", "a", "c", "panic", "d"} {
		docs = append(docs, &dyad.Document{URI: "doc-" + body, Body: []byte(body)})
	}
	docs = append(docs, &dyad.Document{URI: "gone", Format: "broken"})
	st := &memStore{ids: map[string]bool{}}
	var linked []string
	var reported []string
	r := &Runner{
		Stages: Stages{
			Extract: func(d *dyad.Document) (*dyad.Article, error) {
				switch string(d.Body) {
				case "":
					return nil, errors.New("empty document")
				case "panic":
					panic("boom")
				}
				return &dyad.Article{ID: "id-" + string(d.Body), Text: string(d.Body)}, nil
			},
			Annotate: func(a *dyad.Article) []dyad.ActorMention { return []dyad.ActorMention{{Text: a.Text}} },
			Code: func(a *dyad.Article, ms []dyad.ActorMention) ([]dyad.Event, []dyad.Statement) {
				return []dyad.Event{{Mentions: []dyad.EventMention{{ArticleID: a.ID}}}}, nil
			},
			Link: func(_ context.Context, rec *dyad.Record) error {
				linked = append(linked, rec.Article.ID)
				return nil
			},
		},
		Store:   st,
		Workers: 3,
		OnError: func(err error) { reported = append(reported, err.Error()) },
	}
	sum, err := r.Run(context.Background(), docs)
	if err != nil {
		t.Fatal(err)
	}
	if sum.Read != 8 || sum.Stored != 4 || sum.Duplicates != 1 || sum.Failed != 3 || sum.Events != 4 {
		t.Errorf("summary = %+v", sum)
	}
	if got := strings.Join(st.saved, ","); got != "id-a,id-b,id-c,id-d" {
		t.Errorf("saved in order %s", got)
	}
	if got := strings.Join(linked, ","); got != "id-a,id-b,id-c,id-d" {
		t.Errorf("linked in order %s", got)
	}
	want := []string{"doc-: empty document", "doc-panic: internal error: boom", "gone: unreadable"}
	if strings.Join(reported, "|") != strings.Join(want, "|") {
		t.Errorf("reported %q, want %q", reported, want)
	}
}

func TestRunCancelled(t *testing.T) {
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	r := &Runner{Stages: Stages{Extract: func(d *dyad.Document) (*dyad.Article, error) {
		return &dyad.Article{ID: d.URI}, nil
	}}, Store: &memStore{ids: map[string]bool{}}}
	_, err := r.Run(ctx, sliceSource{{URI: "x"}})
	if !errors.Is(err, context.Canceled) {
		t.Fatalf("err = %v, want context.Canceled", err)
	}
}

func (m *memStore) SaveBatch(ctx context.Context, recs []*dyad.Record) ([]bool, error) {
	m.mu.Lock()
	m.batches++
	m.mu.Unlock()
	for _, r := range recs {
		if r.Article.Text == "refused" {
			return nil, errors.New("constraint failed")
		}
	}
	out := make([]bool, len(recs))
	for i, r := range recs {
		out[i], _ = m.Save(ctx, r)
	}
	return out, nil
}

type memPending struct {
	mu  sync.Mutex
	ids map[string]bool
}

func (p *memPending) Add(rec *dyad.Record) {
	p.mu.Lock()
	defer p.mu.Unlock()
	p.ids[rec.Article.ID] = true
}

func (p *memPending) Done(recs []*dyad.Record) {
	p.mu.Lock()
	defer p.mu.Unlock()
	for _, r := range recs {
		delete(p.ids, r.Article.ID)
	}
}

func (p *memPending) Has(id string) bool {
	p.mu.Lock()
	defer p.mu.Unlock()
	return p.ids[id]
}

func TestRunBatched(t *testing.T) {
	var docs sliceSource
	for _, body := range []string{"a", "b", "a", "refused", "c", "d", "e", "f", "g"} {
		docs = append(docs, &dyad.Document{URI: "doc-" + body, Body: []byte(body)})
	}
	st := &memStore{ids: map[string]bool{}}
	pending := &memPending{ids: map[string]bool{}}
	r := &Runner{
		Stages: Stages{
			Extract: func(d *dyad.Document) (*dyad.Article, error) {
				return &dyad.Article{ID: "id-" + string(d.Body), URI: d.URI, Text: string(d.Body)}, nil
			},
		},
		Store: st, Workers: 2, Batch: 4, SaveBatch: st.SaveBatch, Pending: pending,
	}
	var failed []string
	r.OnError = func(err error) { failed = append(failed, err.Error()) }
	sum, err := r.Run(context.Background(), docs)
	if err != nil {
		t.Fatal(err)
	}
	if sum.Stored != 7 || sum.Duplicates != 1 || sum.Failed != 1 {
		t.Errorf("summary %+v", sum)
	}
	if len(failed) != 1 || !strings.Contains(failed[0], "doc-refused: store: constraint failed") {
		t.Errorf("failures %q", failed)
	}
	if strings.Join(st.saved, ",") != "id-a,id-b,id-c,id-d,id-e,id-f,id-g" {
		t.Errorf("saved %v", st.saved)
	}
	if len(pending.ids) != 0 {
		t.Errorf("pending not emptied: %v", pending.ids)
	}
}

// A document past MaxCoded is stored whole but annotated and coded only up to a paragraph end before the
// bound, with a warning that names it; a document under it, or with no bound, is coded whole.
func TestMaxCodedBoundsPerDocumentWork(t *testing.T) {
	para := strings.Repeat("Vietnam met China in Hanoi on Monday. ", 20) + "\n"
	long := strings.Repeat(para, 100) // 76 kB
	var seen []int
	var warned []error
	st := Stages{
		Extract: func(d *dyad.Document) (*dyad.Article, error) {
			a := &dyad.Article{URI: d.URI, Text: string(d.Body)}
			for i := 0; i < len(a.Text); i += len(para) {
				a.Paragraphs = append(a.Paragraphs, dyad.Span{Start: i, End: i + len(para) - 1})
			}
			return a, nil
		},
		Annotate: func(a *dyad.Article) []dyad.ActorMention {
			seen = append(seen, len(a.Text))
			if n := len(a.Paragraphs); n > 0 && a.Paragraphs[n-1].End > len(a.Text) {
				t.Errorf("paragraph %v past the coded text (%d bytes)", a.Paragraphs[n-1], len(a.Text))
			}
			return nil
		},
		MaxCoded: 10_000,
		Warn:     func(err error) { warned = append(warned, err) },
	}
	rec, err := st.Process(&dyad.Document{URI: "big.txt", Body: []byte(long)})
	if err != nil {
		t.Fatal(err)
	}
	if rec.Article.Text != long {
		t.Error("the stored text is not the whole text")
	}
	if len(seen) != 1 || seen[0] > 10_000 || seen[0] < 10_000-len(para) || seen[0]%len(para) != len(para)-1 {
		t.Errorf("coded %v bytes, want a paragraph end under 10,000", seen)
	}
	if len(warned) != 1 || !strings.Contains(warned[0].Error(), "big.txt: text of 76100 bytes: only the first") {
		t.Errorf("warnings %v", warned)
	}
	st.MaxCoded = -1
	seen, warned = nil, nil
	st.Process(&dyad.Document{URI: "big.txt", Body: []byte(long)})
	if len(seen) != 1 || seen[0] != len(long) || len(warned) != 0 {
		t.Errorf("no bound: coded %v bytes of %d, warnings %v", seen, len(long), warned)
	}
}

// setPending is a Pending over a set of ids.
type setPending struct {
	mu  sync.Mutex
	ids map[string]bool
}

func (p *setPending) Add(rec *dyad.Record) { p.mu.Lock(); p.ids[rec.Article.ID] = true; p.mu.Unlock() }
func (p *setPending) Has(id string) bool   { p.mu.Lock(); defer p.mu.Unlock(); return p.ids[id] }
func (p *setPending) Done(recs []*dyad.Record) {
	p.mu.Lock()
	defer p.mu.Unlock()
	for _, r := range recs {
		delete(p.ids, r.Article.ID)
	}
}

// The parts of a batch that share no link name are linked at the same time, each in batch order; a record
// that demotes an article of another part has the whole batch linked again in order.
func TestLinkBatchParts(t *testing.T) {
	names := map[string][]string{"a1": {"key x"}, "b1": {"key y"}, "a2": {"key x", "band 1"}, "c1": {"band 1"}}
	batch := func() []*dyad.Record {
		var out []*dyad.Record
		for _, id := range []string{"a1", "b1", "a2", "c1"} {
			out = append(out, &dyad.Record{Article: dyad.Article{ID: id}})
		}
		return out
	}
	ctx, cancel := context.WithTimeout(context.Background(), time.Minute) // a guard against a hang, not a measure
	defer cancel()
	var mu sync.Mutex
	var order []string
	bStarted := make(chan struct{})
	demote := false
	r := &Runner{Store: &memStore{ids: map[string]bool{}}, Pending: &setPending{ids: map[string]bool{}},
		LinkNames: func(rec *dyad.Record) []string { return names[rec.Article.ID] }}
	r.Link = func(ctx context.Context, rec *dyad.Record) error {
		mu.Lock()
		order = append(order, rec.Article.ID)
		mu.Unlock()
		switch rec.Article.ID {
		case "a1":
			if !demote {
				select {
				case <-bStarted: // b1's part runs meanwhile
				case <-ctx.Done():
					return errors.New("the part of b1 did not run while a1 was linked")
				}
			}
		case "b1":
			if !demote {
				close(bStarted)
			}
		case "c1":
			if demote {
				rec.Demote = []string{"b1"} // another part's article
			}
		}
		return nil
	}
	var linked []*dyad.Record
	out, err := r.linkBatch(ctx, batch(), &linked)
	if err != nil || len(out) != 4 {
		t.Fatalf("linkBatch = %d records, %v", len(out), err)
	}
	// a1, a2 and c1 are one part (a key, then a band), in batch order.
	var part []string
	for _, id := range order {
		if id != "b1" {
			part = append(part, id)
		}
	}
	if strings.Join(part, ",") != "a1,a2,c1" {
		t.Errorf("one part linked in the order %v; want a1,a2,c1", part)
	}
	r.Pending.Done(linked)

	demote, order, linked = true, nil, nil
	out, err = r.linkBatch(ctx, batch(), &linked)
	if err != nil || len(out) != 4 {
		t.Fatalf("linkBatch = %d records, %v", len(out), err)
	}
	if got := strings.Join(order[len(order)-4:], ","); got != "a1,b1,a2,c1" {
		t.Errorf("after a demotion across parts, linked again in the order %s; want a1,b1,a2,c1", got)
	}
}

// A record that demotes an article this run stored takes that article's event mentions out of the run's
// count (the store deletes them); an article another run stored is not this run's to subtract.
func TestCountDemotedMentions(t *testing.T) {
	ev := func(n int) []dyad.Event { return []dyad.Event{{Mentions: make([]dyad.EventMention, n)}} }
	r := &Runner{}
	sum := &Summary{}
	// A demotion before the run stored any event mention.
	r.count(sum, &dyad.Record{Article: dyad.Article{ID: "first"}, Demote: []string{"before"}}, true)
	r.count(sum, &dyad.Record{Article: dyad.Article{ID: "copy"}, Events: ev(2)}, true)
	r.count(sum, &dyad.Record{Article: dyad.Article{ID: "orig"}, Events: ev(1), Demote: []string{"copy"}}, true)
	r.count(sum, &dyad.Record{Article: dyad.Article{ID: "orig2"}, Events: ev(1), Demote: []string{"elsewhere"}}, true)
	if sum.Events != 2 || sum.NearDups != 3 || sum.Stored != 4 {
		t.Errorf("summary = %+v; want 2 event mentions, 3 near-duplicates, 4 stored", sum)
	}
}

type funcSource func(yield func(*dyad.Document, error) bool)

func (f funcSource) Documents(ctx context.Context) iter.Seq2[*dyad.Document, error] {
	return iter.Seq2[*dyad.Document, error](f)
}

// While a batch is being saved, the records that come join the next batch (they used to be cut into
// batches of one or a few, the reader waiting for each save), and records waiting when the save ends are
// saved then, without waiting for another document.
func TestBatchesGrowWhileSaving(t *testing.T) {
	st := &memStore{ids: map[string]bool{}}
	pending := &memPending{ids: map[string]bool{}}
	release := make(chan struct{})
	read := make(chan int, 100)
	saved := make(chan string, 100)
	var mu sync.Mutex
	var sizes []int
	save := func(ctx context.Context, recs []*dyad.Record) ([]bool, error) {
		mu.Lock()
		first := len(sizes) == 0
		sizes = append(sizes, len(recs))
		mu.Unlock()
		if first {
			<-release
		}
		out, err := st.SaveBatch(ctx, recs)
		for _, r := range recs {
			saved <- r.Article.ID
		}
		return out, err
	}
	doc := func(i int) *dyad.Document {
		return &dyad.Document{URI: fmt.Sprintf("doc-%d", i), Body: fmt.Appendf(nil, "%d", i)}
	}
	await := func(what string, ok func() bool) {
		deadline := time.Now().Add(10 * time.Second)
		for !ok() {
			if time.Now().After(deadline) {
				t.Errorf("timed out waiting: %s", what)
				return
			}
			time.Sleep(time.Millisecond)
		}
	}
	src := funcSource(func(yield func(*dyad.Document, error) bool) {
		if !yield(doc(0), nil) {
			return
		}
		await("the first save", func() bool { mu.Lock(); defer mu.Unlock(); return len(sizes) == 1 })
		for i := 1; i <= 5; i++ {
			if !yield(doc(i), nil) {
				return
			}
		}
		await("documents 1-5 read while the first batch is saved", func() bool { return len(read) > 0 && <-read >= 6 })
		close(release)
		for range 6 {
			select {
			case <-saved:
			case <-time.After(10 * time.Second):
				t.Error("the records waiting when the save ended were not saved before the next document")
				return
			}
		}
		yield(doc(6), nil)
	})
	r := &Runner{
		Stages: Stages{Extract: func(d *dyad.Document) (*dyad.Article, error) {
			return &dyad.Article{ID: "id-" + string(d.Body), URI: d.URI, Text: string(d.Body)}, nil
		}},
		Store: st, Workers: 2, Batch: 256, SaveBatch: save, Pending: pending,
		Progress: func(s *Summary) { read <- s.Read },
	}
	sum, err := r.Run(context.Background(), src)
	if err != nil {
		t.Fatal(err)
	}
	if sum.Stored != 7 {
		t.Errorf("summary %+v", sum)
	}
	if fmt.Sprint(sizes) != "[1 5 1]" {
		t.Errorf("batches of %v records; want [1 5 1]", sizes)
	}
}

// TestLinkPartsStopAfterFailure checks that once a part fails (here a demotion across parts, after which the
// whole batch is linked again in order), the other workers start no further part: their work would be
// thrown away.
func TestLinkPartsStopAfterFailure(t *testing.T) {
	ctx, cancel := context.WithTimeout(context.Background(), time.Minute) // a guard against a hang, not a measure
	defer cancel()
	// One link goroutine: with several, one that p00's failure wakes may take further parts before p00's
	// goroutine has recorded the failure (a race of the scheduler, which failed CI once at load 20), so how
	// many parts run after it is not a property of the code. With one, no part starts after it: 1 + 20 links.
	defer runtime.GOMAXPROCS(runtime.GOMAXPROCS(1))
	var batch []*dyad.Record
	for i := range 20 {
		batch = append(batch, &dyad.Record{Article: dyad.Article{ID: fmt.Sprintf("p%02d", i)}})
	}
	var mu sync.Mutex
	calls := 0
	failed := make(chan struct{})
	var once sync.Once
	r := &Runner{Store: &memStore{ids: map[string]bool{}}, Pending: &setPending{ids: map[string]bool{}},
		LinkNames: func(rec *dyad.Record) []string { return []string{"key " + rec.Article.ID} }}
	r.Link = func(ctx context.Context, rec *dyad.Record) error {
		mu.Lock()
		calls++
		mu.Unlock()
		if rec.Article.ID == "p00" {
			rec.Demote = []string{"stored"} // an article of no part: the batch is linked again in order
			once.Do(func() { close(failed) })
			return nil
		}
		select {
		case <-failed:
		case <-ctx.Done():
		}
		return nil
	}
	var linked []*dyad.Record
	out, err := r.linkBatch(ctx, batch, &linked)
	if err != nil || len(out) != 20 {
		t.Fatalf("linkBatch = %d records, %v", len(out), err)
	}
	// p00's part, then 20 links in order after the failure: no other part started.
	if calls != 21 {
		t.Errorf("%d links for 20 records, want 21: parts went on after one failed", calls)
	}
}

// releaseStore is a memStore that counts the calls to ReleaseMemory.
type releaseStore struct {
	*memStore
	released int
}

func (s *releaseStore) ReleaseMemory(context.Context) error { s.released++; return nil }

// A document of ReleaseAfter bytes or more has the process's garbage handed back once processed and once
// saved (forced collections), and the store's caches emptied once saved; what is stored is the same as
// without, batched or not.
func TestReleaseAfterLargeDocuments(t *testing.T) {
	bodies := []string{"a", "large-1", "b", "c", "large-2", "d"}
	run := func(releaseAfter, batch int) (saved string, released int, forced uint32) {
		var docs sliceSource
		for _, b := range bodies {
			docs = append(docs, &dyad.Document{URI: "doc-" + b, Body: []byte(b)})
		}
		st := &releaseStore{memStore: &memStore{ids: map[string]bool{}}}
		r := &Runner{
			Stages: Stages{Extract: func(d *dyad.Document) (*dyad.Article, error) {
				return &dyad.Article{ID: "id-" + string(d.Body), URI: d.URI, Text: string(d.Body)}, nil
			}},
			Store: st, Workers: 2, ReleaseAfter: releaseAfter,
		}
		if batch > 1 {
			r.Batch, r.SaveBatch, r.Pending = batch, st.SaveBatch, &memPending{ids: map[string]bool{}}
		}
		var before, after runtime.MemStats
		runtime.ReadMemStats(&before)
		sum, err := r.Run(context.Background(), docs)
		runtime.ReadMemStats(&after)
		if err != nil || sum.Stored != len(bodies) {
			t.Fatalf("release after %d, batch %d: %+v, %v", releaseAfter, batch, sum, err)
		}
		return strings.Join(st.saved, ","), st.released, after.NumForcedGC - before.NumForcedGC
	}
	for _, batch := range []int{1, 4} {
		want, released, forced := run(-1, batch)
		if released != 0 || forced != 0 {
			t.Errorf("batch %d, never: %d releases, %d forced collections", batch, released, forced)
		}
		got, released, forced := run(5, batch)
		if got != want {
			t.Errorf("batch %d: saved %s, want %s as without releases", batch, got, want)
		}
		// Two large documents: each processed (2), each saved alone or in a batch (1 or 2).
		if released < 1 || released > 2 || forced < 3 || forced > 4 {
			t.Errorf("batch %d: %d releases of the store, %d forced collections; want 1-2 and 3-4", batch, released, forced)
		}
	}
}

// After a body of ReleaseAfter bytes or more the source reads nothing more until it is saved; small bodies
// are read ahead as before. A large text is saved in a batch of its own.
func TestLargeBodyReadAlone(t *testing.T) {
	run := func(releaseAfter int, bodies ...string) (log []string, batches int) {
		var mu sync.Mutex
		note := func(s string) { mu.Lock(); log = append(log, s); mu.Unlock() }
		src := funcSource(func(yield func(*dyad.Document, error) bool) {
			for i, b := range bodies {
				note(fmt.Sprint("read ", i))
				if !yield(&dyad.Document{URI: fmt.Sprint(i), Body: []byte(b)}, nil) {
					return
				}
			}
		})
		st := &memStore{ids: map[string]bool{}}
		r := &Runner{Stages: Stages{Extract: func(d *dyad.Document) (*dyad.Article, error) {
			time.Sleep(20 * time.Millisecond)
			note("done " + d.URI)
			return &dyad.Article{ID: d.URI, URI: d.URI, Text: string(d.Body)}, nil
		}}, Store: st, Workers: 2, ReleaseAfter: releaseAfter,
			Batch: 8, Pending: &memPending{ids: map[string]bool{}}}
		r.SaveBatch = func(ctx context.Context, recs []*dyad.Record) ([]bool, error) {
			time.Sleep(20 * time.Millisecond)
			for _, rec := range recs {
				note("saved " + rec.Article.ID)
			}
			return st.SaveBatch(ctx, recs)
		}
		sum, err := r.Run(context.Background(), src)
		if err != nil || sum.Stored != len(bodies) {
			t.Fatalf("%+v, %v", sum, err)
		}
		return log, st.batches
	}
	before := func(log []string, a, b string) bool { return slices.Index(log, a) < slices.Index(log, b) }
	log, batches := run(5, "large one", "large two", "a", "b")
	if !before(log, "saved 0", "read 1") || !before(log, "saved 1", "read 2") {
		t.Errorf("the source read on before a large document was saved: %v", log)
	}
	if batches < 3 {
		t.Errorf("%d batches, want each large text in its own", batches)
	}
	if log, _ := run(-1, "large one", "large two", "a", "b"); !before(log, "read 1", "done 0") {
		t.Errorf("without ReleaseAfter the source waited: %v", log)
	}
	if log, _ := run(5, "a", "b", "c"); !before(log, "read 1", "done 0") {
		t.Errorf("small bodies not read ahead: %v", log)
	}
}
