package main

import (
	"context"
	"errors"
	"fmt"
	"strings"
	"sync"
	"sync/atomic"
	"time"

	"github.com/dyad-events/dyad"
	"github.com/dyad-events/dyad/nats"
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
				fmt.Fprintf(e.stderr, "dyad ingest: %v\n", err)
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
	workers := fs.Int("workers", 2, "documents processed at once in this process")
	ackWait := fs.Duration("ack-wait", time.Minute, "how long a worker that stops answering may hold a document before another gets it")
	maxBackoff := fs.Duration("max-backoff", 30*time.Second, "longest wait between tries while the store cannot be reached")
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
	stages := c.stages()
	// Every worker goroutine writes to stderr (warnings, retries, dead letters); it may be a plain buffer.
	var outMu sync.Mutex
	stages.Warn = func(err error) {
		outMu.Lock()
		defer outMu.Unlock()
		fmt.Fprintf(e.stderr, "dyad worker: warning: %v\n", err)
	}
	// Linking and saving run one record at a time: under a store-wide lock when the store is shared
	// between processes, and under a mutex within this one.
	var mu sync.Mutex
	save := func(ctx context.Context, rec *dyad.Record) error {
		mu.Lock()
		defer mu.Unlock()
		do := func(ctx context.Context) error {
			if ok, err := st.HasArticle(ctx, rec.Article.ID); err != nil || ok {
				return err
			}
			if err := lk.Link(ctx, rec); err != nil {
				return err
			}
			_, err := st.Save(ctx, rec)
			return err
		}
		if s, ok := st.(dyad.Serializer); ok {
			return s.Serialize(ctx, do)
		}
		return do(ctx)
	}
	handle := func(ctx context.Context, doc *dyad.Document) error {
		rec, err := stages.Process(doc)
		if err != nil {
			return nats.Permanent{Err: fmt.Errorf("%s: %w", doc.URI, err)}
		}
		err = save(ctx, rec)
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
	ctx, cancel := context.WithCancel(ctx)
	defer cancel()
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
