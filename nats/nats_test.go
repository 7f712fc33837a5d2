package nats

import (
	"context"
	"errors"
	"fmt"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/nats-io/nats-server/v2/server"

	"github.com/dyad-events/dyad"
)

func startServer(t *testing.T) string {
	t.Helper()
	ns, err := server.NewServer(&server.Options{Host: "127.0.0.1", Port: -1, JetStream: true, StoreDir: t.TempDir(), NoSigs: true, NoLog: true})
	if err != nil {
		t.Fatal(err)
	}
	go ns.Start()
	if !ns.ReadyForConnections(10 * time.Second) {
		t.Fatal("nats server not ready")
	}
	t.Cleanup(ns.Shutdown)
	return ns.ClientURL()
}

func publish(t *testing.T, ctx context.Context, q *Queue, n int) {
	t.Helper()
	for i := range n {
		doc := &dyad.Document{URI: fmt.Sprintf("doc-%d", i), Body: []byte(fmt.Sprintf("text %d", i))}
		if err := q.Publish(ctx, doc); err != nil {
			t.Fatal(err)
		}
	}
}

func waitEmpty(t *testing.T, ctx context.Context, q *Queue, within time.Duration) {
	t.Helper()
	deadline := time.Now().Add(within)
	for {
		p, err := q.Pending(ctx)
		if err != nil {
			t.Fatal(err)
		}
		if p == 0 {
			return
		}
		if time.Now().After(deadline) {
			t.Fatalf("%d messages still pending", p)
		}
		time.Sleep(20 * time.Millisecond)
	}
}

func TestWorkersShareQueueRedeliverAndDeadLetter(t *testing.T) {
	url := startServer(t)
	ctx, cancel := context.WithTimeout(context.Background(), 30*time.Second)
	defer cancel()
	opts := Options{AckWait: 500 * time.Millisecond, Retries: 3, MinBackoff: 10 * time.Millisecond, MaxBackoff: 40 * time.Millisecond}
	pub, err := Connect(ctx, url, opts)
	if err != nil {
		t.Fatal(err)
	}
	defer pub.Close()
	const n = 40
	publish(t, ctx, pub, n)
	// The same document again is dropped by the stream's duplicate window.
	if err := pub.Publish(ctx, &dyad.Document{URI: "doc-0", Body: []byte("text 0")}); err != nil {
		t.Fatal(err)
	}
	// A message that is not a document at all.
	if _, err := pub.js.Publish(ctx, Subject, []byte("{not json")); err != nil {
		t.Fatal(err)
	}

	var mu sync.Mutex
	done := map[string]int{}
	tries := map[string]int{}
	var dead []Event
	var wg sync.WaitGroup
	wctx, stop := context.WithCancel(ctx)
	for range 2 {
		q, err := Connect(ctx, url, opts)
		if err != nil {
			t.Fatal(err)
		}
		defer q.Close()
		wg.Add(1)
		go func() {
			defer wg.Done()
			q.Work(wctx, func(ctx context.Context, d *dyad.Document) error {
				mu.Lock()
				tries[d.URI]++
				try := tries[d.URI]
				mu.Unlock()
				switch {
				case d.URI == "doc-7" && try == 1:
					return Unavailable{errors.New("store down")} // kept and tried again
				case d.URI == "doc-9":
					return errors.New("constraint violated") // persists: dead-lettered after Retries
				case d.URI == "doc-21":
					return Permanent{errors.New("bad document")}
				case d.URI == "doc-25":
					panic("coder bug")
				case d.URI == "doc-13" && try == 1:
					// A lost worker: its connection goes, so the message comes back to the other worker.
					q.Close()
					<-ctx.Done()
					return ctx.Err()
				}
				mu.Lock()
				done[d.URI]++
				mu.Unlock()
				return nil
			}, func(ev Event) {
				if ev.Kind == DeadLettered {
					mu.Lock()
					dead = append(dead, ev)
					mu.Unlock()
				}
			})
		}()
	}
	waitEmpty(t, ctx, pub, 20*time.Second)
	stop()
	wg.Wait()
	mu.Lock()
	defer mu.Unlock()
	if len(done) != n-3 {
		t.Errorf("handled %d documents, want %d", len(done), n-3)
	}
	for uri, c := range done {
		if c != 1 {
			t.Errorf("%s handled %d times", uri, c)
		}
	}
	if tries["doc-7"] != 2 {
		t.Errorf("doc-7 tried %d times, want 2", tries["doc-7"])
	}
	if tries["doc-13"] < 2 || done["doc-13"] != 1 {
		t.Errorf("doc-13 (lost worker) tried %d times, done %d: want a redelivery", tries["doc-13"], done["doc-13"])
	}
	if tries["doc-9"] != 3 {
		t.Errorf("doc-9 tried %d times, want 3 (Retries)", tries["doc-9"])
	}
	if tries["doc-21"] != 1 {
		t.Errorf("permanent failure doc-21 tried %d times", tries["doc-21"])
	}
	if len(dead) != 4 {
		t.Errorf("reported %d dead letters, want 4: %v", len(dead), dead)
	}
	letters, err := pub.DeadLetters(ctx)
	if err != nil {
		t.Fatal(err)
	}
	reasons := map[string]string{}
	for _, d := range letters {
		reasons[d.URI] = d.Reason
	}
	for uri, want := range map[string]string{"doc-9": "constraint violated", "doc-21": "bad document", "doc-25": "panic", "": "malformed"} {
		if !strings.Contains(reasons[uri], want) {
			t.Errorf("dead letter %q: reason %q, want it to say %q", uri, reasons[uri], want)
		}
	}
	if len(letters) != 4 {
		t.Errorf("%d dead letters stored, want 4", len(letters))
	}

	// A dead letter requeued after the cause is fixed is worked again and leaves the dead-letter stream.
	for _, d := range letters {
		if d.URI == "doc-21" {
			if err := pub.Requeue(ctx, d.Seq); err != nil {
				t.Fatal(err)
			}
		}
	}
	if p, _ := pub.Pending(ctx); p != 1 {
		t.Errorf("pending after requeue: %d, want 1", p)
	}
	if c, _ := pub.DeadCount(ctx); c != 3 {
		t.Errorf("dead letters after requeue: %d, want 3", c)
	}
}

// A store outage longer than every retry budget: the messages stay on the queue, held by the workers, and
// are all stored once the store is back; none is dead-lettered.
func TestStoreOutageLosesNothing(t *testing.T) {
	url := startServer(t)
	ctx, cancel := context.WithTimeout(context.Background(), 30*time.Second)
	defer cancel()
	opts := Options{AckWait: 300 * time.Millisecond, Retries: 2, MaxDeliver: 3, MinBackoff: 10 * time.Millisecond, MaxBackoff: 80 * time.Millisecond}
	pub, err := Connect(ctx, url, opts)
	if err != nil {
		t.Fatal(err)
	}
	defer pub.Close()
	const n = 30
	publish(t, ctx, pub, n)

	var down atomic.Bool
	down.Store(true)
	var mu sync.Mutex
	stored := map[string]int{}
	var waits []time.Duration
	deadLettered := 0
	var wg sync.WaitGroup
	wctx, stop := context.WithCancel(ctx)
	for range 2 {
		q, err := Connect(ctx, url, opts)
		if err != nil {
			t.Fatal(err)
		}
		defer q.Close()
		wg.Add(1)
		go func() {
			defer wg.Done()
			q.Work(wctx, func(ctx context.Context, d *dyad.Document) error {
				if down.Load() {
					return Unavailable{errors.New("connection refused")}
				}
				mu.Lock()
				stored[d.URI]++
				mu.Unlock()
				return nil
			}, func(ev Event) {
				mu.Lock()
				defer mu.Unlock()
				switch ev.Kind {
				case Retrying:
					waits = append(waits, ev.Wait)
				case DeadLettered:
					deadLettered++
				}
			})
		}()
	}
	// The outage lasts many AckWaits and backoff caps: nothing may be redelivered past MaxDeliver or dropped.
	time.Sleep(2 * time.Second)
	if p, _ := pub.Pending(ctx); p != n {
		t.Errorf("during the outage %d messages pending, want all %d", p, n)
	}
	down.Store(false)
	waitEmpty(t, ctx, pub, 20*time.Second)
	stop()
	wg.Wait()
	mu.Lock()
	defer mu.Unlock()
	if len(stored) != n || deadLettered != 0 {
		t.Errorf("stored %d of %d, dead-lettered %d", len(stored), n, deadLettered)
	}
	var most time.Duration
	for _, w := range waits {
		most = max(most, w)
	}
	if most != opts.MaxBackoff {
		t.Errorf("longest wait %v, want the cap %v (waits %v)", most, opts.MaxBackoff, waits)
	}
	if c, _ := pub.DeadCount(ctx); c != 0 {
		t.Errorf("%d dead letters", c)
	}
}
