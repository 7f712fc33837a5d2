package main

import (
	"context"
	"errors"
	"fmt"
	"sync"
	"time"

	"github.com/dyad-events/dyad"
	"github.com/dyad-events/dyad/nats"
)

func init() {
	register(command{name: "worker", args: "--queue nats://...", summary: "scale-out worker: take documents from NATS JetStream, process and store them", run: runWorker})
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
	ackWait := fs.Duration("ack-wait", time.Minute, "how long a document may take before it is given to another worker")
	drain := fs.Bool("drain", false, "exit once the queue is empty (for batch jobs) instead of waiting for more")
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
	st, err := e.openStore(ctx)
	if err != nil {
		return err
	}
	lk, err := e.linker(st)
	if err != nil {
		return err
	}
	stages := c.stages()
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
		return save(ctx, rec)
	}
	ctx, cancel := context.WithCancel(ctx)
	defer cancel()
	if *drain {
		go drainWatch(ctx, cancel, *url)
	}
	var wg sync.WaitGroup
	errs := make(chan error, *workers)
	fmt.Fprintf(e.stderr, "dyad worker: %d worker(s) on %s, storing into %s\n", *workers, redactURL(*url), redactURL(e.db))
	for range *workers {
		q, err := nats.Connect(ctx, *url, nats.Options{AckWait: *ackWait})
		if err != nil {
			return err
		}
		defer q.Close()
		wg.Add(1)
		go func() {
			defer wg.Done()
			errs <- q.Work(ctx, handle, func(err error) { fmt.Fprintf(e.stderr, "dyad worker: %v\n", err) })
		}()
	}
	wg.Wait()
	close(errs)
	for err := range errs {
		if err != nil && !errors.Is(err, context.Canceled) {
			return err
		}
	}
	return nil
}

// drainWatch cancels the workers once the stream has held no message for two checks in a row. A message in
// a worker's hand stays in the work-queue stream until it is acknowledged, so an empty stream means done.
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
