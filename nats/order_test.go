package nats

import (
	"context"
	"errors"
	"fmt"
	"math/rand/v2"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/dyad-events/dyad"
)

// TestTurnLinksInQueueOrderPerName: four workers take 60 documents and finish processing them in a scrambled
// order; each waits its turn before "linking" (logging) it. Documents that share a name are linked in the
// order of the queue; those of other names are not held back by them, and a document dead-lettered before
// its turn does not hold anyone.
func TestTurnLinksInQueueOrderPerName(t *testing.T) {
	url := startServer(t)
	ctx, cancel := context.WithTimeout(context.Background(), 60*time.Second)
	defer cancel()
	opts := Options{AckWait: 2 * time.Second, MinBackoff: 10 * time.Millisecond, MaxBackoff: 40 * time.Millisecond}
	pub, err := Connect(ctx, url, opts)
	if err != nil {
		t.Fatal(err)
	}
	defer pub.Close()
	const n = 60
	for i := range n {
		// Document i names "k<i%4>"; every seventh also names "shared".
		names := fmt.Sprintf("k%d", i%4)
		if i%7 == 0 {
			names += " shared"
		}
		if err := pub.Publish(ctx, &dyad.Document{URI: fmt.Sprintf("doc-%02d", i), Title: names, Body: []byte(fmt.Sprint(i))}); err != nil {
			t.Fatal(err)
		}
	}
	var mu sync.Mutex
	linked := map[string][]string{} // name -> URIs in the order they were linked
	var dead []string
	handle := func(q *Queue) func(context.Context, *dyad.Document) error {
		return func(ctx context.Context, doc *dyad.Document) error {
			if doc.URI == "doc-05" {
				return Permanent{Err: errors.New("a bad document")}
			}
			time.Sleep(time.Duration(rand.IntN(30)) * time.Millisecond) // processing takes its own time
			names := strings.Fields(doc.Title)
			if err := q.Turn(ctx, Seq(ctx), names, time.Second); err != nil {
				return err
			}
			mu.Lock()
			for _, nm := range names {
				linked[nm] = append(linked[nm], doc.URI)
			}
			mu.Unlock()
			return nil
		}
	}
	stop := startWorkers(t, ctx, url, opts, 4, handle, func(ev Event) {
		if ev.Kind == DeadLettered {
			mu.Lock()
			dead = append(dead, ev.URI)
			mu.Unlock()
		}
	})
	waitEmpty(t, ctx, pub, 50*time.Second)
	stop()
	total := 0
	for nm, uris := range linked {
		if !slicesSorted(uris) {
			t.Errorf("%s: linked out of queue order: %v", nm, uris)
		}
		if !strings.HasPrefix(nm, "k") {
			continue
		}
		total += len(uris)
	}
	if total != n-1 || len(dead) != 1 {
		t.Errorf("linked %d, dead-lettered %v; want %d and doc-05", total, dead, n-1)
	}
}

func slicesSorted(s []string) bool {
	for i := 1; i < len(s); i++ {
		if s[i] < s[i-1] {
			return false
		}
	}
	return true
}

// TestTurnGivesBackWhenEarlierIsLost: a worker that took the first document and never declares it (it hangs,
// as one that died would until AckWait) makes a later document of the queue wait; after the patience the
// later one is given back (Deferred), not dead-lettered, and once the first is stored it is linked.
func TestTurnGivesBackWhenEarlierIsLost(t *testing.T) {
	url := startServer(t)
	ctx, cancel := context.WithTimeout(context.Background(), 60*time.Second)
	defer cancel()
	opts := Options{AckWait: 3 * time.Second, MinBackoff: 10 * time.Millisecond, MaxBackoff: 40 * time.Millisecond}
	pub, err := Connect(ctx, url, opts)
	if err != nil {
		t.Fatal(err)
	}
	defer pub.Close()
	publish(t, ctx, pub, 2)
	release := make(chan struct{})
	var mu sync.Mutex
	var order []string
	deferred := 0
	handle := func(q *Queue) func(context.Context, *dyad.Document) error {
		return func(ctx context.Context, doc *dyad.Document) error {
			if doc.URI == "doc-0" {
				select {
				case <-release: // the hanging worker comes back
				case <-ctx.Done():
					return ctx.Err()
				}
			}
			if err := q.Turn(ctx, Seq(ctx), []string{"k"}, 200*time.Millisecond); err != nil {
				return err
			}
			mu.Lock()
			order = append(order, doc.URI)
			mu.Unlock()
			return nil
		}
	}
	report := func(ev Event) {
		if ev.Kind == Deferred {
			mu.Lock()
			deferred++
			mu.Unlock()
		}
		if ev.Kind == DeadLettered {
			t.Errorf("dead-lettered: %v", ev.Err)
		}
	}
	stop := startWorkers(t, ctx, url, opts, 2, handle, report)
	time.Sleep(1500 * time.Millisecond)
	mu.Lock()
	if len(order) != 0 || deferred == 0 {
		t.Errorf("while the first document hangs: linked %v, deferred %d times; want nothing linked, deferred", order, deferred)
	}
	mu.Unlock()
	close(release)
	waitEmpty(t, ctx, pub, 30*time.Second)
	stop()
	if strings.Join(order, " ") != "doc-0 doc-1" {
		t.Errorf("linked %v, want doc-0 doc-1", order)
	}
}

// startWorkers runs k queue connections' Work with handle until the returned stop is called; stop waits for
// them to end.
func startWorkers(t *testing.T, ctx context.Context, url string, opts Options, k int, handle func(q *Queue) func(context.Context, *dyad.Document) error, report func(Event)) (stop func()) {
	t.Helper()
	wctx, cancel := context.WithCancel(ctx)
	var wg sync.WaitGroup
	for range k {
		q, err := Connect(ctx, url, opts)
		if err != nil {
			t.Fatal(err)
		}
		t.Cleanup(q.Close)
		wg.Add(1)
		go func() {
			defer wg.Done()
			q.Work(wctx, handle(q), report)
		}()
	}
	return func() {
		cancel()
		wg.Wait()
	}
}
