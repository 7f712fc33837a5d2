package main

import (
	"context"
	"errors"
	"fmt"
	"runtime"
	"slices"
	"strings"
	"sync"
	"sync/atomic"
	"time"

	"github.com/dyad-events/dyad"
	"github.com/dyad-events/dyad/link"
	"github.com/dyad-events/dyad/nats"
	"github.com/dyad-events/dyad/pipeline"
)

func init() {
	register(command{name: "worker", args: "--queue nats://...", summary: "scale-out worker: take documents from NATS JetStream, process and store them", run: runWorker})
	register(command{name: "deadletters", args: "--queue nats://... [--requeue]", summary: "list the queue's documents the workers gave up on, with the reason", run: runDeadLetters})
}

func publishQueue(ctx context.Context, e *env, url string, src dyad.Source) error {
	q, err := nats.Connect(ctx, url, nats.Options{})
	if err != nil {
		return err
	}
	defer q.Close()
	n, failed := 0, 0
	for doc, err := range src.Documents(ctx) {
		if err != nil {
			var ie *dyad.InputError
			if !errors.As(err, &ie) {
				return err
			}
			if !errors.Is(err, dyad.ErrSkipped) {
				failed++
				fmt.Fprintf(e.stderr, "dyad ingest: %s\n", errLine(err))
			}
			continue
		}
		if err := q.Publish(ctx, doc); err != nil {
			return err
		}
		n++
	}
	fmt.Fprintf(e.stdout, "published %d document(s) to %s, failed %d\n", n, redactURL(url), failed)
	if failed > 0 {
		return errSomeFailed
	}
	return nil
}

func runWorker(ctx context.Context, e *env, args []string) error {
	fs := newFlags(e, "worker", "")
	url := fs.String("queue", "", "NATS URL of the work queue (required)")
	workers := fs.Int("workers", 2*runtime.GOMAXPROCS(0), "documents processed at once in this process (those done together are linked and saved in one transaction)")
	ackWait := fs.Duration("ack-wait", time.Minute, "how long a worker that stops answering may hold a document before another gets it")
	maxBackoff := fs.Duration("max-backoff", 30*time.Second, "longest wait between tries while the store cannot be reached")
	ordered := fs.Bool("ordered", true, "link each document only after every earlier document of the queue that shares an event key or near-duplicate band with it, so that the events are those one 'dyad ingest' of the documents in queue order stores")
	drain := fs.Bool("drain", false, "exit once the queue holds nothing (for batch jobs) instead of waiting for more; exit 1 if documents were dead-lettered")
	if _, err := parse(fs, args); err != nil {
		return err
	}
	if *url == "" {
		return usagef("--queue nats://HOST:PORT is required")
	}
	c, err := e.components()
	if err != nil {
		return err
	}
	st, err := openStoreWaiting(ctx, e, *maxBackoff)
	if err != nil {
		return err
	}
	lk, err := e.linker(st)
	if err != nil {
		return err
	}
	limitMemory()
	stages := c.stages()
	// Every worker goroutine writes to stderr (warnings, retries, dead letters); it may be a plain buffer.
	var outMu sync.Mutex
	stages.Warn = func(err error) {
		outMu.Lock()
		defer outMu.Unlock()
		fmt.Fprintf(e.stderr, "dyad worker: warning: %v\n", err)
	}
	// The records of the documents this process's goroutines have processed are linked and saved together,
	// those waiting at once in one transaction (group commit), under the locks of the keys and bands they
	// touch when the store has them (PostgreSQL): workers of other keys go on meanwhile.
	ctx, cancel := context.WithCancel(ctx)
	defer cancel()
	gc := newGroupCommit(ctx, st, lk)
	save := gc.save
	turn := func(context.Context, []string) error { return nil }
	if *ordered {
		oq, err := nats.Connect(ctx, *url, nats.Options{AckWait: *ackWait, MaxBackoff: *maxBackoff})
		if err != nil {
			return err
		}
		defer oq.Close()
		// An earlier document that no worker declares within this time is taken to be lost with a worker,
		// and the waiting one is given back so that this worker can take it.
		patience := min(5*time.Second, *ackWait/3)
		turn = func(ctx context.Context, names []string) error { return oq.Turn(ctx, nats.Seq(ctx), names, patience) }
	}
	handle := func(ctx context.Context, doc *dyad.Document) error {
		rec, err := stages.Process(doc)
		if err != nil {
			return nats.Permanent{Err: fmt.Errorf("%s: %w", doc.URI, err)}
		}
		if *ordered {
			// Linking depends on order where mentions bridge events (docs/link.md, "Order"): wait for the
			// earlier documents of the same names, as one ingest in queue order would have linked them.
			if err := turn(ctx, lk.Locks([]*dyad.Record{rec})); err != nil {
				var later nats.Later
				if errors.As(err, &later) || ctx.Err() != nil {
					return err
				}
				return nats.Unavailable{Err: fmt.Errorf("%s: link order: %w", doc.URI, err)}
			}
		}
		large := releaseAfterSave(len(doc.Body), len(rec.Article.Text))
		err = save(ctx, rec)
		if large {
			// As `dyad ingest` and the server's POST do: a large document leaves hundreds of MB of garbage and
			// fills the store's page cache; a long-running worker hands both back.
			if rerr := pipeline.ReleaseMemory(ctx, st); rerr != nil {
				stages.Warn(fmt.Errorf("%s: release memory: %w", doc.URI, rerr))
			}
		}
		if err == nil || ctx.Err() != nil {
			return err
		}
		// A store that does not answer a plain read is away, and the document is not to blame: the queue
		// keeps it and tries again for as long as the outage lasts.
		if _, perr := st.HasArticle(ctx, rec.Article.ID); perr != nil {
			return nats.Unavailable{Err: fmt.Errorf("%s: store unavailable: %w", doc.URI, err)}
		}
		return fmt.Errorf("%s: save: %w", doc.URI, err)
	}
	if *drain {
		go drainWatch(ctx, cancel, *url)
	}
	var stored, dead atomic.Int64
	var outage atomic.Bool
	report := func(ev nats.Event) {
		outMu.Lock()
		defer outMu.Unlock()
		switch ev.Kind {
		case nats.Done:
			stored.Add(1)
			if outage.CompareAndSwap(true, false) {
				fmt.Fprintf(e.stderr, "dyad worker: store reachable again\n")
			}
		case nats.DeadLettered:
			dead.Add(1)
			fmt.Fprintf(e.stderr, "dyad worker: dead-lettered: %s\n", sanitize(ev.Err.Error()))
		case nats.Retrying:
			var u nats.Unavailable
			if errors.As(ev.Err, &u) {
				outage.Store(true)
			}
			fmt.Fprintf(e.stderr, "dyad worker: %s; trying again in %v\n", sanitize(ev.Err.Error()), ev.Wait)
		}
	}
	var wg sync.WaitGroup
	errs := make(chan error, *workers)
	fmt.Fprintf(e.stderr, "dyad worker: %d worker(s) on %s, storing into %s\n", *workers, redactURL(*url), redactURL(e.db))
	opts := nats.Options{AckWait: *ackWait, MaxBackoff: *maxBackoff}
	for range *workers {
		q, err := nats.Connect(ctx, *url, opts)
		if err != nil {
			return err
		}
		defer q.Close()
		wg.Add(1)
		go func() {
			defer wg.Done()
			errs <- q.Work(ctx, handle, report)
		}()
	}
	wg.Wait()
	close(errs)
	for err := range errs {
		if err != nil && !errors.Is(err, context.Canceled) {
			return err
		}
	}
	fmt.Fprintf(e.stdout, "stored %d document(s), dead-lettered %d\n", stored.Load(), dead.Load())
	if dead.Load() > 0 {
		fmt.Fprintf(e.stderr, "dyad worker: see them with 'dyad deadletters --queue %s'\n", redactURL(*url))
		return errSomeFailed
	}
	return nil
}

// openStoreWaiting opens the store, waiting with backoff while a PostgreSQL server cannot be reached: a
// worker started during an outage takes its documents once the database is back. A SQLite file that
// cannot be opened is an error at once.
func openStoreWaiting(ctx context.Context, e *env, maxWait time.Duration) (dyad.Store, error) {
	wait := min(time.Second, maxWait)
	for {
		st, err := e.openStore(ctx)
		if err == nil || !strings.Contains(e.db, "://") || ctx.Err() != nil {
			return st, err
		}
		fmt.Fprintf(e.stderr, "dyad worker: store unavailable: %s; trying again in %v\n", sanitize(err.Error()), wait)
		select {
		case <-ctx.Done():
			return nil, ctx.Err()
		case <-time.After(wait):
		}
		wait = min(2*wait, maxWait)
	}
}

// drainWatch cancels the workers once the stream has held no message for two checks in a row. A message in
// a worker's hand, waiting out a store outage included, stays in the work-queue stream until it is
// acknowledged or dead-lettered, so an empty stream means done.
func drainWatch(ctx context.Context, cancel func(), url string) {
	q, err := nats.Connect(ctx, url, nats.Options{})
	if err != nil {
		return
	}
	defer q.Close()
	empty := 0
	for {
		select {
		case <-ctx.Done():
			return
		case <-time.After(300 * time.Millisecond):
		}
		n, err := q.Pending(ctx)
		if err != nil || n > 0 {
			empty = 0
			continue
		}
		if empty++; empty >= 2 {
			cancel()
			return
		}
	}
}

func runDeadLetters(ctx context.Context, e *env, args []string) error {
	fs := newFlags(e, "deadletters", "")
	url := fs.String("queue", "", "NATS URL of the work queue (required)")
	requeue := fs.Bool("requeue", false, "put every dead letter back on the work queue (once its cause is fixed)")
	format := formatFlag(fs)
	if _, err := parse(fs, args); err != nil {
		return err
	}
	if *url == "" {
		return usagef("--queue nats://HOST:PORT is required")
	}
	if *format != "" {
		if err := checkFormat(*format); err != nil {
			return err
		}
	}
	q, err := nats.Connect(ctx, *url, nats.Options{})
	if err != nil {
		return err
	}
	defer q.Close()
	letters, err := q.DeadLetters(ctx)
	if err != nil {
		return err
	}
	if *requeue {
		for _, d := range letters {
			if err := q.Requeue(ctx, d.Seq); err != nil {
				return err
			}
		}
		fmt.Fprintf(e.stdout, "requeued %d dead letter(s)\n", len(letters))
		return nil
	}
	return writeList(e.stdout, *format, letters, []column[nats.DeadLetter]{
		{"seq", 0, func(d nats.DeadLetter) string { return fmt.Sprint(d.Seq) }},
		{"time", 0, func(d nats.DeadLetter) string { return d.Time.UTC().Format(time.RFC3339) }},
		{"deliveries", 0, func(d nats.DeadLetter) string { return fmt.Sprint(d.Deliveries) }},
		{"uri", 50, func(d nats.DeadLetter) string { return d.URI }},
		{"reason", 80, func(d nats.DeadLetter) string { return d.Reason }},
	})
}

// groupCommit links and saves the records of a worker process: one goroutine takes every record waiting,
// links them in order (each against the store and the batch's earlier records, through a link.Pending) and
// saves them in one transaction, under the store's writer lock (PostgreSQL: the locks of the keys and bands
// the batch touches, so that other processes working on other keys are not stopped). A batch the store
// refuses is saved again one record at a time, so that only a bad record fails.
type groupCommit struct {
	ctx        context.Context
	st         dyad.Store
	lk         *link.Linker
	saveLinked func(ctx context.Context, recs []*dyad.Record, link func(ctx context.Context) ([]*dyad.Record, error)) ([]bool, error)
	in         chan *commitWaiter
}

type commitWaiter struct {
	rec  *dyad.Record
	err  error
	done chan struct{}
}

func newGroupCommit(ctx context.Context, st dyad.Store, lk *link.Linker) *groupCommit {
	g := &groupCommit{ctx: ctx, st: st, lk: lk, saveLinked: lk.SaveLinkedBy(st), in: make(chan *commitWaiter)}
	go g.run()
	return g
}

// save links and stores rec with whatever other records are waiting, and returns rec's outcome.
func (g *groupCommit) save(ctx context.Context, rec *dyad.Record) error {
	w := &commitWaiter{rec: rec, done: make(chan struct{})}
	select {
	case g.in <- w:
	case <-ctx.Done():
		return ctx.Err()
	case <-g.ctx.Done():
		return g.ctx.Err()
	}
	<-w.done
	return w.err
}

func (g *groupCommit) run() {
	for {
		var batch []*commitWaiter
		select {
		case w := <-g.in:
			batch = append(batch, w)
		case <-g.ctx.Done():
			return
		}
	more:
		for {
			select {
			case w := <-g.in:
				batch = append(batch, w)
			default:
				break more
			}
		}
		g.commit(batch)
		for _, w := range batch {
			close(w.done)
		}
	}
}

// commit links and saves a batch, or each of its records alone when the store refuses the batch.
func (g *groupCommit) commit(batch []*commitWaiter) {
	recs := make([]*dyad.Record, len(batch))
	for i, w := range batch {
		recs[i] = w.rec
	}
	if err := g.commitRecs(recs); err == nil || len(batch) == 1 || g.ctx.Err() != nil {
		for _, w := range batch {
			w.err = err
		}
		return
	}
	for _, w := range batch {
		w.err = g.commitRecs([]*dyad.Record{w.rec})
	}
}

// commitRecs links recs in order and saves them in one transaction. The store may call the link function
// again (to take more locks): each call starts from the records as they came from the stages.
func (g *groupCommit) commitRecs(recs []*dyad.Record) error {
	was := make([]dyad.Record, len(recs))
	for i, r := range recs {
		was[i] = *r
		was[i].Statements = slices.Clone(r.Statements)
	}
	restore := func() {
		for i, r := range recs {
			*r = was[i]
			r.Statements = slices.Clone(was[i].Statements)
		}
	}
	linkAll := func(ctx context.Context) ([]*dyad.Record, error) {
		restore()
		p := link.NewPending(g.st)
		lk := g.lk.Over(p)
		if len(recs) > 1 {
			lk.Prefetch(ctx, recs)
		}
		var out []*dyad.Record
		for _, rec := range recs {
			if p.Has(rec.Article.ID) {
				continue
			}
			if ok, err := g.st.HasArticle(ctx, rec.Article.ID); err != nil {
				return nil, err
			} else if ok {
				continue // stored already (a redelivery): acknowledged as done
			}
			if err := lk.Link(ctx, rec); err != nil {
				return nil, err
			}
			p.Add(rec)
			out = append(out, rec)
		}
		return out, nil
	}
	var err error
	if g.saveLinked != nil {
		_, err = g.saveLinked(g.ctx, recs, linkAll)
	} else {
		var linked []*dyad.Record
		if linked, err = linkAll(g.ctx); err == nil {
			for _, rec := range linked {
				if _, err = g.st.Save(g.ctx, rec); err != nil {
					break
				}
			}
		}
	}
	if err != nil {
		restore()
	}
	return err
}

// releaseAfterSave reports whether a document of a body and a text of these sizes has its memory handed
// back once it is saved (pipeline.DefaultReleaseAfter, as for `dyad ingest`).
func releaseAfterSave(body, text int) bool {
	return body >= pipeline.DefaultReleaseAfter || text >= pipeline.DefaultReleaseAfter
}
