// Package pipeline runs dyad's stages over a stream of documents: extract, annotate and code with bounded
// concurrency, one document at a time each; then link and store, serially and in input order, so that every
// record is linked against everything stored before it.
package pipeline

import (
	"context"
	"errors"
	"fmt"
	"hash/maphash"
	"runtime"
	"runtime/debug"
	"slices"
	"strings"
	"sync"
	"time"
	"unicode/utf8"

	"github.com/dyad-events/dyad"
)

// Stages are the functions a Pipeline runs. Extract is required; the others may be nil.
type Stages struct {
	Extract  func(doc *dyad.Document) (*dyad.Article, error)
	Annotate func(a *dyad.Article) []dyad.ActorMention
	Code     func(a *dyad.Article, mentions []dyad.ActorMention) ([]dyad.Event, []dyad.Statement)
	Link     func(ctx context.Context, rec *dyad.Record) error

	// MaxCoded bounds the bytes of one article's text that Annotate and Code read (0: DefaultMaxCoded,
	// negative: no bound). The whole text is still stored and searchable.
	MaxCoded int
	// Warn, when set, hears about a document whose work was cut short (its text past MaxCoded).
	Warn func(err error)
}

// DefaultMaxCoded is the text of one document that is annotated and coded: far more than any news article
// (long reads are under 100 kB), and a bound on the memory and time a 30 MB dump or a hostile file can take,
// which grow with the events and statements found in it.
const DefaultMaxCoded = 512 << 10

// DefaultReleaseAfter is the size of a document (its body, or its text once saved) whose memory is handed
// back once it is processed and once it is saved: a 30 MB text leaves hundreds of MB of garbage.
const DefaultReleaseAfter = 4 << 20

// MemoryReleaser is a store that can hand back the memory its caches hold (sqlite.DB: its page cache is
// full of a large document's pages once it is saved).
type MemoryReleaser interface {
	ReleaseMemory(ctx context.Context) error
}

// Process runs extract, annotate and code on one document. It does not link or store.
func (s Stages) Process(doc *dyad.Document) (*dyad.Record, error) {
	a, err := s.Extract(doc)
	if err != nil {
		return nil, err
	}
	rec := &dyad.Record{Article: *a}
	coded := &rec.Article
	if limit := s.maxCoded(); limit > 0 && len(a.Text) > limit && (s.Annotate != nil || s.Code != nil) {
		coded = head(a, limit)
		if s.Warn != nil {
			s.Warn(&dyad.InputError{URI: doc.URI, Err: fmt.Errorf("text of %d bytes: only the first %d were coded for events and statements (all of it is stored)", len(a.Text), len(coded.Text))})
		}
	}
	if s.Annotate != nil {
		rec.Mentions = s.Annotate(coded)
	}
	if s.Code != nil {
		rec.Events, rec.Statements = s.Code(coded, rec.Mentions)
	}
	return rec, nil
}

func (s Stages) maxCoded() int {
	if s.MaxCoded == 0 {
		return DefaultMaxCoded
	}
	return s.MaxCoded
}

// head returns a copy of a whose text is cut to at most limit bytes, at the last paragraph end (else
// sentence end, else rune boundary) before it. Offsets into the head are offsets into the whole text.
func head(a *dyad.Article, limit int) *dyad.Article {
	t := a.Text[:limit]
	cut := strings.LastIndexByte(t, '\n')
	if cut < limit/2 {
		if i := strings.LastIndex(t, ". "); i >= limit/2 {
			cut = i + 1
		} else {
			cut = limit
			for cut > 0 && !utf8.RuneStart(a.Text[cut]) {
				cut--
			}
		}
	}
	h := *a
	h.Text = a.Text[:cut]
	h.Paragraphs = nil
	for _, p := range a.Paragraphs {
		if p.Start >= cut {
			break
		}
		p.End = min(p.End, cut)
		h.Paragraphs = append(h.Paragraphs, p)
	}
	return &h
}

// Summary counts what a run did with its inputs.
type Summary struct {
	Read       int     `json:"read"`       // documents read from the sources
	Stored     int     `json:"stored"`     // new articles stored
	Duplicates int     `json:"duplicates"` // articles already stored (same cleaned text)
	NearDups   int     `json:"near_duplicates"`
	Events     int     `json:"events"`     // event mentions stored
	Statements int     `json:"statements"` // statements stored
	Failed     int     `json:"failed"`     // inputs that could not be read, extracted or stored
	Errors     []error `json:"-"`
}

// Progress is called after each document is done, from one goroutine.
type Progress func(s *Summary)

// Runner runs Stages over a Source into a Store.
type Runner struct {
	Stages
	Store    dyad.Store
	Workers  int // concurrent extract/annotate/code workers; 0 means GOMAXPROCS
	Progress Progress
	// OnError, when set, is told of each failed input as it happens (the CLI prints them).
	OnError func(err error)

	// Batch > 1 saves records Batch at a time, each batch in one transaction, through SaveBatch; Pending
	// keeps the records that are linked but not saved yet visible to the link stage (link.Pending).
	// One batch saves while the next is linked.
	Batch     int
	SaveBatch func(ctx context.Context, recs []*dyad.Record) ([]bool, error)
	Pending   Pending
	// SaveLinked, when set with Batch > 1 and Pending, saves batches as dyad.LinkSaver does: each batch is
	// linked under the store's writer lock, right before it is saved, so that several processes writing
	// to one store link every record against all the others stored before it. SaveBatch is then used only
	// to save a refused batch's records one by one.
	SaveLinked func(ctx context.Context, recs []*dyad.Record, link func(ctx context.Context) ([]*dyad.Record, error)) ([]bool, error)
	// Prefetch, when set with SaveLinked, is called under the lock with the batch before its records are
	// linked in order: it may ask the store, concurrently, what linking will ask (link.Linker.Prefetch).
	Prefetch func(ctx context.Context, recs []*dyad.Record)
	// LinkNames, when set with SaveLinked, names what linking a record reads and changes (its events' keys
	// and its text's LSH bands: link.Linker.Locks). The records of a batch fall into parts that share no
	// name (events of different country pairs never meet); the parts are linked concurrently, each in batch
	// order, which gives what linking the whole batch in order gives. A record that demotes an article
	// outside its part (whose events' keys it does not know beforehand) has the batch linked again in order.
	LinkNames func(rec *dyad.Record) []string
	// BeginGroup, when set with SaveLinked, starts a group of batches saved in one transaction: the group
	// commits after GroupBatches batches, or once no batch has come for GroupWait (a trickle of documents
	// is stored promptly), or when a batch holds a large text, and at the end of the run. A crash loses at
	// most the group's batches, which a run that reads them again stores. When a batch fails, the group
	// ends: its earlier batches are committed, or saved again in transactions of their own when the store
	// undid them with it (dyad.ErrGroupRolledBack), and the failed batch's records are saved one by one, so
	// that only the bad ones fail. A nil Group (the store does not group) saves each batch in its own
	// transaction.
	BeginGroup func(ctx context.Context) (*Group, error)
	// GroupBatches bounds a group's batches (0: DefaultGroupBatches; 1: no groups); GroupWait how long an
	// open group waits for the next batch (0: DefaultGroupWait).
	GroupBatches int
	GroupWait    time.Duration
	// ReleaseAfter is the size from which a document's memory is handed back to the operating system
	// (debug.FreeOSMemory) once it is processed, for a body of that many bytes, and again once it is saved,
	// for a text of that many, when the store is also asked to empty its caches (MemoryReleaser)
	// (0: DefaultReleaseAfter, negative: never). Without it the collector lets the heap grow to twice the
	// language data before it runs, and the garbage of extraction is still held when the store takes memory
	// of its own for the text. Such a body is also processed before the source reads on, and such a text is
	// saved in a batch of its own.
	ReleaseAfter int

	buf []*dyad.Record
	// mentions holds the event mentions of each article this run stored, while they count, by a hash of the
	// article's id: it holds an entry for most stored articles for the whole run, 37 bytes each by the hash
	// where the ids as keys took 87 (43 MB of heap at 500,000 articles).
	mentions map[uint64]int32
	seed     maphash.Seed
	inflight chan saved // the batch being saved, at most one
	busy     bool

	group     *Group    // the open group, nil when none
	groupLast time.Time // when its last batch was saved
	groupN    int       // its batches started
	held      []saved   // its batches saved, counted once it commits
}

// Group is a transaction that several batches are saved in (dyad.SaveGroup), as the Runner uses it.
type Group struct {
	// SaveLinked saves one batch in the group, as Runner.SaveLinked does alone.
	SaveLinked func(ctx context.Context, recs []*dyad.Record, link func(ctx context.Context) ([]*dyad.Record, error)) ([]bool, error)
	// LinkSeesGroup: the link stage reads what the group's batches saved; else their records stay pending
	// (Runner.Pending) until the group commits.
	LinkSeesGroup bool
	Commit        func(ctx context.Context) error
}

// DefaultGroupBatches and DefaultGroupWait bound a group of batches (Runner.BeginGroup): four batches of
// 256 articles wrote half the bytes of four commits at 10,000 articles stored, and a trickle of documents
// is stored within a second of the last.
const (
	DefaultGroupBatches = 4
	DefaultGroupWait    = time.Second
)

// Pending holds linked records until their batch is saved. It must be safe for concurrent use.
type Pending interface {
	Add(rec *dyad.Record)
	Done(recs []*dyad.Record)
	Has(id string) bool
}

type saved struct {
	recs   []*dyad.Record
	stored []bool
	err    error
	batch  []*dyad.Record // the batch, before SaveLinked left any out
	// due: the batch closes its group; committed: the saver committed the group once the batch was saved,
	// commitErr is the commit's failure
	due, committed bool
	commitErr      error
	snap           records // the batch before it was linked, for a group that is undone
}

// linkError is a failure of the link stage, which stops the run (a refused batch does not).
type linkError struct{ err error }

func (e linkError) Error() string { return e.err.Error() }
func (e linkError) Unwrap() error { return e.err }

// large reports whether a document or text of n bytes has its memory handed back.
func (r *Runner) large(n int) bool {
	limit := r.ReleaseAfter
	if limit == 0 {
		limit = DefaultReleaseAfter
	}
	return limit > 0 && n >= limit
}

// largeText reports whether one of recs has a text of ReleaseAfter bytes or more.
func (r *Runner) largeText(recs []*dyad.Record) bool {
	return slices.ContainsFunc(recs, func(rec *dyad.Record) bool { return r.large(len(rec.Article.Text)) })
}

// release hands back the memory a large saved text leaves (ReleaseMemory).
func (r *Runner) release(ctx context.Context) { _ = ReleaseMemory(ctx, r.Store) }

// ReleaseMemory hands back the memory a large document leaves once it is saved: the store's caches, when st
// is a MemoryReleaser, then the process's garbage (debug.FreeOSMemory). The runner, the server's POST and
// `dyad worker` call it. A cache that stays full costs memory, not correctness: the error is only for a log.
func ReleaseMemory(ctx context.Context, st any) error {
	var err error
	if rm, ok := st.(MemoryReleaser); ok {
		err = rm.ReleaseMemory(ctx)
	}
	debug.FreeOSMemory()
	return err
}

func (r *Runner) batching() bool { return r.Batch > 1 && r.SaveBatch != nil && r.Pending != nil }

type job struct {
	seq int
	doc *dyad.Document
	err error // an input error from the source
	rec *dyad.Record
	out chan struct{}
	// settled, for a large body, is closed once the writer is done with it: saved, or failed, or a duplicate
	settled chan struct{}
}

// Run reads every document of src, processes it and stores it. Per-document failures are counted and
// reported, and the run goes on; Run returns an error only when the context is cancelled or the store fails.
func (r *Runner) Run(ctx context.Context, src dyad.Source) (*Summary, error) {
	workers := r.Workers
	if workers <= 0 {
		workers = runtime.GOMAXPROCS(0)
	}
	ctx, cancel := context.WithCancel(ctx)
	defer cancel()

	// Jobs go to the workers and, in the same order, to the writer, which waits for each to finish; the
	// order keeps linking deterministic.
	work := make(chan *job, workers*4)
	ordered := make(chan *job, workers*4)
	var wg sync.WaitGroup
	for range workers {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for j := range work {
				if j.err == nil {
					j.rec, j.err = r.process(j.doc)
					large := r.large(len(j.doc.Body))
					// The body is no longer needed: a large document's bytes are not kept while its record
					// waits for its batch (only its URI is, for errors).
					j.doc = &dyad.Document{URI: j.doc.URI}
					if large {
						debug.FreeOSMemory()
					}
				}
				close(j.out)
			}
		}()
	}
	var readErr error
	go func() {
		defer close(work)
		defer close(ordered)
		seq := 0
		for doc, err := range src.Documents(ctx) {
			var ie *dyad.InputError
			if err != nil && !errors.As(err, &ie) {
				readErr = err
				return
			}
			j := &job{seq: seq, doc: doc, err: err, out: make(chan struct{})}
			if err == nil && r.large(len(doc.Body)) {
				j.settled = make(chan struct{})
			}
			seq++
			select {
			case work <- j:
			case <-ctx.Done():
				return
			}
			select {
			case ordered <- j:
			case <-ctx.Done():
				return
			}
			if j.settled != nil {
				// Nothing more is read until a large document is saved (or dropped) and its memory handed
				// back: the queues hold a few documents per worker, and two 30 MB documents at once took
				// 527 MB, where one takes 421-436.
				select {
				case <-j.settled:
				case <-ctx.Done():
					return
				}
			}
		}
	}()

	sum := &Summary{}
	var storeErr error
	for {
		j, ok := r.next(ordered, storeErr == nil && r.batching() && r.busy && len(r.buf) > 0, storeErr == nil)
		if !ok {
			break
		}
		if j == nil {
			var err error
			switch {
			case len(r.buf) > 0: // the batch being saved is saved: the records linked meanwhile go next
				err = r.flush(ctx, sum)
			case r.busy: // a group's batch is saved: the group commits if it is due
				err = r.wait(ctx, sum)
			default: // the group's time is up
				err = r.commit(ctx, sum)
			}
			if err != nil {
				storeErr = err
				cancel()
			}
			continue
		}
		<-j.out
		sum.Read++
		if storeErr == nil {
			if err := r.finish(ctx, j, sum); err != nil {
				storeErr = err
				cancel()
			}
		}
		if storeErr == nil && r.batching() && (len(r.buf) >= r.Batch || len(ordered) == 0 && len(r.buf) > 0 && !r.saving() || r.largeText(r.buf)) {
			// A full batch, or the workers have nothing ready and no batch is being saved, or a large text (not
			// saved with another, whose memory would come on top of its own): save what is linked.
			if err := r.flush(ctx, sum); err != nil {
				storeErr = err
				cancel()
			}
		}
		if j.settled != nil {
			if storeErr == nil { // its batch, flushed above, is saved before the source reads on
				if err := r.wait(ctx, sum); err != nil {
					storeErr = err
					cancel()
				}
			}
			close(j.settled)
		}
		if r.Progress != nil {
			r.Progress(sum)
		}
	}
	if storeErr == nil && len(r.buf) > 0 {
		storeErr = r.flush(ctx, sum)
	}
	if err := r.wait(ctx, sum); err != nil && storeErr == nil {
		storeErr = err
	}
	// The group's saved batches are committed whatever stopped the run: they are linked and stored whole.
	if err := r.commit(ctx, sum); err != nil && storeErr == nil {
		storeErr = err
	}
	wg.Wait()
	if storeErr != nil {
		return sum, storeErr
	}
	if readErr != nil {
		return sum, readErr
	}
	return sum, ctx.Err()
}

// saving reports whether a batch is being saved.
func (r *Runner) saving() bool { return r.busy && len(r.inflight) == 0 }

// next returns the next job in order, false when there are no more. With waitSave (a batch is being saved
// and records are waiting for the next) and no job ready, it returns a nil job as soon as the save ends
// first, so that the waiting records are saved then rather than when the next job comes. The records that
// come in the meantime join the next batch: flushing whenever the workers had nothing ready made batches
// of a few records (127 of the 164 batches of an 8,000-article run had fewer than 32) while the workers
// stood still waiting for the save, and each batch costs a transaction, a link pass and the readers' page
// caches, which SQLite empties after every commit, however few records it holds.
//
// With grouped and a group open, it also returns a nil job when the group's batch being saved is saved (the
// group may be due), or when no batch is being saved and none has come for GroupWait, so that a trickle
// of documents is committed promptly.
func (r *Runner) next(ordered <-chan *job, waitSave, grouped bool) (*job, bool) {
	open := grouped && r.group != nil
	if !waitSave && !open || len(ordered) > 0 {
		j, ok := <-ordered
		return j, ok
	}
	var inflight chan saved
	if r.busy && (waitSave || open) {
		inflight = r.inflight
	}
	var due <-chan time.Time
	if open && !r.busy {
		t := time.NewTimer(time.Until(r.groupLast.Add(r.groupWait())))
		defer t.Stop()
		due = t.C
	}
	select {
	case j, ok := <-ordered:
		return j, ok
	case res := <-inflight:
		r.inflight <- res // wait reads it; the channel holds one and the saver has sent its one
		return nil, true
	case <-due:
		return nil, true
	}
}

func (r *Runner) groupBatches() int {
	if r.GroupBatches == 0 {
		return DefaultGroupBatches
	}
	return r.GroupBatches
}

func (r *Runner) groupWait() time.Duration {
	if r.GroupWait == 0 {
		return DefaultGroupWait
	}
	return r.GroupWait
}

// openGroup returns the open group, beginning one when BeginGroup is set; nil when batches are not grouped.
func (r *Runner) openGroup(ctx context.Context) (*Group, error) {
	if r.group != nil || r.BeginGroup == nil || r.groupBatches() <= 1 || r.SaveLinked == nil {
		return r.group, nil
	}
	g, err := r.BeginGroup(ctx)
	if err != nil {
		return nil, fmt.Errorf("store: %w", err)
	}
	if g == nil { // the store does not group
		r.BeginGroup = nil
		return nil, nil
	}
	r.group, r.groupLast, r.groupN, r.held = g, time.Now(), 0, nil
	return g, nil
}

// groupDue reports whether the open group has its batches.
func (r *Runner) groupDue() bool {
	return r.group != nil && r.groupN >= r.groupBatches()
}

// commit commits the open group, if any, and counts its batches.
func (r *Runner) commit(ctx context.Context, sum *Summary) error {
	if r.group == nil {
		return nil
	}
	return r.committed(sum, r.group.Commit(context.WithoutCancel(ctx)))
}

// committed closes the open group, committed with err, and counts its batches when err is nil. A group that
// does not commit fails the run: its batches are not stored, and a run that reads them again stores them.
func (r *Runner) committed(sum *Summary, err error) error {
	g, held := r.group, r.held
	r.group, r.held, r.groupN = nil, nil, 0
	if !g.LinkSeesGroup {
		for _, h := range held {
			r.Pending.Done(h.recs)
		}
	}
	if err != nil {
		return fmt.Errorf("store: %w", err)
	}
	for _, h := range held {
		r.countSaved(sum, h)
	}
	return nil
}

// countSaved adds a saved batch to the summary.
func (r *Runner) countSaved(sum *Summary, res saved) {
	// Records the batch left out were stored by another writer or repeated in the batch.
	sum.Duplicates += len(res.batch) - len(res.recs)
	for i, rec := range res.recs {
		r.count(sum, rec, i < len(res.stored) && res.stored[i])
	}
}

// process runs the per-document stages, turning a panic in a stage into an error for that document.
func (r *Runner) process(doc *dyad.Document) (rec *dyad.Record, err error) {
	defer func() {
		if p := recover(); p != nil {
			rec, err = nil, &dyad.InputError{URI: doc.URI, Err: fmt.Errorf("internal error: %v", p)}
		}
	}()
	rec, err = r.Stages.Process(doc)
	if err != nil {
		var ie *dyad.InputError
		if !errors.As(err, &ie) {
			err = &dyad.InputError{URI: doc.URI, Err: err}
		}
	}
	return rec, err
}

func (r *Runner) fail(sum *Summary, err error) {
	sum.Failed++
	sum.Errors = append(sum.Errors, err)
	if r.OnError != nil {
		r.OnError(err)
	}
}

// finish links and stores one processed job. It returns an error only for store failures, which stop the run.
func (r *Runner) finish(ctx context.Context, j *job, sum *Summary) error {
	if j.err != nil {
		r.fail(sum, j.err)
		return nil
	}
	rec := j.rec
	if r.batching() && r.Pending.Has(rec.Article.ID) {
		sum.Duplicates++
		return nil
	}
	if ok, err := r.Store.HasArticle(ctx, rec.Article.ID); err != nil {
		return fmt.Errorf("store: %w", err)
	} else if ok {
		sum.Duplicates++
		return nil
	}
	if r.batching() && r.SaveLinked != nil {
		r.buf = append(r.buf, rec) // linked when its batch is saved
		return nil
	}
	if r.Link != nil {
		if err := r.Link(ctx, rec); err != nil {
			return fmt.Errorf("link %s: %w", j.doc.URI, err)
		}
	}
	if r.batching() {
		r.Pending.Add(rec)
		r.buf = append(r.buf, rec)
		return nil
	}
	return r.saveOne(ctx, rec, sum)
}

// saveOne saves one record. A record the store refuses fails alone, named by its input; the run goes on.
func (r *Runner) saveOne(ctx context.Context, rec *dyad.Record, sum *Summary) error {
	stored, err := r.Store.Save(ctx, rec)
	if r.large(len(rec.Article.Text)) {
		defer r.release(ctx)
	}
	if err != nil {
		if ctx.Err() != nil {
			return ctx.Err()
		}
		r.fail(sum, &dyad.InputError{URI: rec.Article.URI, Err: fmt.Errorf("store: %w", err)})
		return nil
	}
	r.count(sum, rec, stored)
	return nil
}

// flush starts saving the linked batch in one transaction, once the batch before it is saved.
func (r *Runner) flush(ctx context.Context, sum *Summary) error {
	if err := r.wait(ctx, sum); err != nil {
		return err
	}
	batch := r.buf
	r.buf = nil
	if r.inflight == nil {
		r.inflight = make(chan saved, 1)
	}
	if r.SaveLinked != nil {
		g, err := r.openGroup(ctx)
		if err != nil {
			return err
		}
		save, due := r.SaveLinked, false
		if g != nil {
			r.groupN++
			// A large text's memory is handed back once it is saved, which needs the writer: its group ends.
			save, due = g.SaveLinked, r.groupDue() || r.largeText(batch)
		}
		r.busy = true
		go func() {
			var linked []*dyad.Record
			snap := snapshot(batch)
			stored, err := save(ctx, batch, func(ctx context.Context) ([]*dyad.Record, error) {
				snap.restore()
				return r.linkBatch(ctx, batch, &linked)
			})
			if err != nil {
				snap.restore() // each record is linked again alone
			}
			res := saved{recs: linked, stored: stored, err: err, batch: batch, due: due, snap: snap}
			if err == nil && due { // committed here, while the next batch is being processed
				res.committed, res.commitErr = true, g.Commit(context.WithoutCancel(ctx))
			}
			r.inflight <- res
		}()
		return nil
	}
	r.busy = true
	go func() {
		stored, err := r.SaveBatch(ctx, batch)
		r.inflight <- saved{recs: batch, stored: stored, err: err, batch: batch}
	}()
	return nil
}

// linkBatch links a batch's records, under the store's writer lock, and returns those to save: an article
// another writer stored meanwhile, or that the batch repeats, is left out (counted as a duplicate). It may be
// called again for the same batch when the store retries; linked holds what the last call linked.
func (r *Runner) linkBatch(ctx context.Context, batch []*dyad.Record, linked *[]*dyad.Record) ([]*dyad.Record, error) {
	r.Pending.Done(*linked)
	*linked = nil
	if r.Prefetch != nil {
		r.Prefetch(ctx, batch)
	}
	todo := make([]*dyad.Record, 0, len(batch))
	seen := map[string]bool{}
	for _, rec := range batch {
		if seen[rec.Article.ID] || r.Pending.Has(rec.Article.ID) {
			continue
		}
		seen[rec.Article.ID] = true
		if ok, err := r.Store.HasArticle(ctx, rec.Article.ID); err != nil {
			return nil, fmt.Errorf("store: %w", err)
		} else if ok {
			continue
		}
		todo = append(todo, rec)
	}
	if r.Link == nil {
		for _, rec := range todo {
			r.Pending.Add(rec)
		}
		*linked = todo
		return todo, nil
	}
	parts := r.parts(todo)
	if len(parts) > 1 {
		snap := snapshot(todo)
		err := r.linkParts(ctx, todo, parts)
		if err == nil {
			*linked = todo
			return todo, nil
		}
		r.forget(todo)
		if !errors.Is(err, errCrossPart) {
			return nil, err
		}
		snap.restore()
	}
	for _, rec := range todo {
		if err := r.Link(ctx, rec); err != nil {
			return nil, linkError{fmt.Errorf("link %s: %w", rec.Article.URI, err)}
		}
		r.Pending.Add(rec)
		*linked = append(*linked, rec)
	}
	return todo, nil
}

// forget drops records linked by an attempt that is undone: with Forget, the store's answers the Pending
// asked ahead stay (the store did not change), which Done drops.
func (r *Runner) forget(recs []*dyad.Record) {
	if f, ok := r.Pending.(interface{ Forget(recs []*dyad.Record) }); ok {
		f.Forget(recs)
		return
	}
	r.Pending.Done(recs)
}

// errCrossPart says that a record of one part demoted an article of another part, or a stored one.
var errCrossPart = errors.New("a demotion across parts")

// parts splits recs (by index, each part in batch order) into the parts that share no link name; one part
// when LinkNames is not set.
func (r *Runner) parts(recs []*dyad.Record) [][]int {
	if r.LinkNames == nil || len(recs) < 2 {
		return [][]int{seq(len(recs))}
	}
	parent := seq(len(recs))
	find := func(i int) int {
		for parent[i] != i {
			parent[i] = parent[parent[i]]
			i = parent[i]
		}
		return i
	}
	owner := map[string]int{}
	for i, rec := range recs {
		for _, n := range r.LinkNames(rec) {
			if j, ok := owner[n]; ok {
				a, b := find(i), find(j)
				parent[max(a, b)] = min(a, b)
			} else {
				owner[n] = i
			}
		}
	}
	at := map[int]int{}
	var parts [][]int
	for i := range recs {
		root := find(i)
		k, ok := at[root]
		if !ok {
			k = len(parts)
			at[root] = k
			parts = append(parts, nil)
		}
		parts[k] = append(parts[k], i)
	}
	return parts
}

func seq(n int) []int {
	s := make([]int, n)
	for i := range s {
		s[i] = i
	}
	return s
}

// linkParts links the parts of recs concurrently, each in order. It fails with errCrossPart when a record
// demotes an article that is not of its own part: which events another part's records see would then
// depend on timing.
func (r *Runner) linkParts(ctx context.Context, recs []*dyad.Record, parts [][]int) error {
	next := make(chan []int)
	var mu sync.Mutex
	var first error
	var wg sync.WaitGroup
	for range min(len(parts), runtime.GOMAXPROCS(0)) {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for part := range next {
				mu.Lock()
				failed := first != nil
				mu.Unlock()
				if failed {
					continue // the batch is linked again (a demotion across parts) or fails: the rest is wasted
				}
				ids := make(map[string]bool, len(part))
				for _, i := range part {
					ids[recs[i].Article.ID] = true
				}
				for _, i := range part {
					rec := recs[i]
					err := r.Link(ctx, rec)
					if err != nil {
						err = linkError{fmt.Errorf("link %s: %w", rec.Article.URI, err)}
					} else if slices.ContainsFunc(rec.Demote, func(id string) bool { return !ids[id] }) {
						err = errCrossPart
					}
					if err != nil {
						mu.Lock()
						if first == nil || errors.Is(first, errCrossPart) && !errors.Is(err, errCrossPart) {
							first = err
						}
						mu.Unlock()
						break
					}
					r.Pending.Add(rec)
				}
			}
		}()
	}
	for _, part := range parts {
		next <- part
	}
	close(next)
	wg.Wait()
	return first
}

// records keeps records as they were before the link stage changed them: a store may call the link
// function of SaveLinked again (dyad.KeyedLinkSaver does when a demotion needs more locks), and linking
// starts from the records as they came from the stages.
type records struct {
	recs []*dyad.Record
	was  []dyad.Record
}

func snapshot(recs []*dyad.Record) records {
	s := records{recs: recs, was: make([]dyad.Record, len(recs))}
	for i, r := range recs {
		s.was[i] = *r
		s.was[i].Statements = slices.Clone(r.Statements)
	}
	return s
}

// restore puts the records back as they were when snapshot was taken.
func (s records) restore() {
	for i, r := range s.recs {
		*r = s.was[i]
		r.Statements = slices.Clone(s.was[i].Statements)
	}
}

// wait waits for the batch being saved, if any, and counts it. When the store refused the batch, its records
// are saved one by one, so that only the bad ones fail.
func (r *Runner) wait(ctx context.Context, sum *Summary) error {
	if !r.busy {
		return nil
	}
	res := <-r.inflight
	r.busy = false
	large := r.largeText(res.batch)
	defer func() { // last, once the records are let go
		if large {
			r.release(ctx)
		}
	}()
	if res.err != nil {
		// The batch is not stored (in a group, its savepoint is undone): its records are not pending.
		r.Pending.Done(res.recs)
		var le linkError
		if ctx.Err() != nil || errors.As(res.err, &le) {
			return res.err
		}
		if r.SaveLinked != nil {
			if err := r.endGroup(ctx, sum, res.err); err != nil {
				return err
			}
			// Each record alone, linked again under the lock, so that only the bad ones fail.
			for _, rec := range res.batch {
				if err := r.saveLinkedOne(ctx, rec, sum); err != nil {
					return err
				}
			}
			return nil
		}
		for _, rec := range res.recs {
			if err := r.saveOne(ctx, rec, sum); err != nil {
				return err
			}
		}
		return nil
	}
	if r.group != nil {
		// Counted once the group commits; until then its records stay pending unless the link stage reads
		// the group's transaction.
		if r.group.LinkSeesGroup {
			r.Pending.Done(res.recs)
		}
		r.held = append(r.held, res)
		r.groupLast = time.Now()
		if res.committed {
			return r.committed(sum, res.commitErr)
		}
		if res.due || r.groupDue() {
			return r.commit(ctx, sum)
		}
		return nil
	}
	r.Pending.Done(res.recs)
	r.countSaved(sum, res)
	return nil
}

// endGroup ends the open group, if any, after one of its batches failed with err: it commits the batches
// saved before, or, when the store undid them with the failed one (dyad.ErrGroupRolledBack), saves them
// again, each batch in a transaction of its own, linked again from the records as they came.
func (r *Runner) endGroup(ctx context.Context, sum *Summary, err error) error {
	if r.group == nil {
		return nil
	}
	if !errors.Is(err, dyad.ErrGroupRolledBack) {
		return r.commit(ctx, sum)
	}
	g, held := r.group, r.held
	r.group, r.held, r.groupN = nil, nil, 0
	if !g.LinkSeesGroup {
		for _, h := range held {
			r.Pending.Done(h.recs)
		}
	}
	for _, h := range held {
		var linked []*dyad.Record
		stored, err := r.SaveLinked(ctx, h.batch, func(ctx context.Context) ([]*dyad.Record, error) {
			h.snap.restore()
			return r.linkBatch(ctx, h.batch, &linked)
		})
		r.Pending.Done(linked)
		if err != nil {
			var le linkError
			if ctx.Err() != nil || errors.As(err, &le) {
				return err
			}
			h.snap.restore()
			for _, rec := range h.batch {
				if err := r.saveLinkedOne(ctx, rec, sum); err != nil {
					return err
				}
			}
			continue
		}
		r.countSaved(sum, saved{recs: linked, stored: stored, batch: h.batch})
	}
	return nil
}

// saveLinkedOne links and saves one record of a refused batch under the store's writer lock. A record the
// store refuses fails alone, named by its input; a failure of the link stage stops the run.
func (r *Runner) saveLinkedOne(ctx context.Context, rec *dyad.Record, sum *Summary) error {
	var linked []*dyad.Record
	one := []*dyad.Record{rec}
	snap := snapshot(one)
	stored, err := r.SaveLinked(ctx, one, func(ctx context.Context) ([]*dyad.Record, error) {
		snap.restore()
		return r.linkBatch(ctx, one, &linked)
	})
	r.Pending.Done(linked)
	var le linkError
	switch {
	case err != nil && (ctx.Err() != nil || errors.As(err, &le)):
		return err
	case err != nil:
		r.fail(sum, &dyad.InputError{URI: rec.Article.URI, Err: fmt.Errorf("store: %w", err)})
	case len(linked) == 0:
		sum.Duplicates++
	default:
		r.count(sum, rec, len(stored) > 0 && stored[0])
	}
	return nil
}

// count adds a saved record to the summary.
func (r *Runner) count(sum *Summary, rec *dyad.Record, stored bool) {
	if !stored {
		sum.Duplicates++
		return
	}
	sum.Stored++
	if rec.Article.NearDuplicateOf != "" {
		sum.NearDups++
	}
	// A record that is the better original of a stored copy turns that copy into a near-duplicate, whose
	// event mentions the store deletes: those this run stored are no longer its own.
	sum.NearDups += len(rec.Demote)
	for _, id := range rec.Demote {
		if r.mentions == nil {
			break
		}
		h := maphash.String(r.seed, id)
		if n, ok := r.mentions[h]; ok {
			sum.Events -= int(n)
			delete(r.mentions, h)
		}
	}
	n := 0
	for _, e := range rec.Events {
		n += len(e.Mentions)
	}
	sum.Events += n
	if n > 0 {
		if r.mentions == nil {
			r.mentions, r.seed = map[uint64]int32{}, maphash.MakeSeed()
		}
		r.mentions[maphash.String(r.seed, rec.Article.ID)] = int32(n)
	}
	sum.Statements += len(rec.Statements)
}
