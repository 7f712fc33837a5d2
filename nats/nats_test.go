package nats

import (
	"context"
	"errors"
	"fmt"
	"sync"
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

func TestWorkersShareQueueAndRedeliver(t *testing.T) {
	url := startServer(t)
	ctx, cancel := context.WithTimeout(context.Background(), 30*time.Second)
	defer cancel()
	opts := Options{AckWait: 500 * time.Millisecond, MaxDeliver: 5}
	pub, err := Connect(ctx, url, opts)
	if err != nil {
		t.Fatal(err)
	}
	defer pub.Close()
	const n = 40
	for i := range n {
		doc := &dyad.Document{URI: fmt.Sprintf("doc-%d", i), Body: []byte(fmt.Sprintf("text %d", i))}
		if err := pub.Publish(ctx, doc); err != nil {
			t.Fatal(err)
		}
	}
	// The same document again is dropped by the stream's duplicate window.
	if err := pub.Publish(ctx, &dyad.Document{URI: "doc-0", Body: []byte("text 0")}); err != nil {
		t.Fatal(err)
	}

	var mu sync.Mutex
	done := map[string]int{}
	tries := map[string]int{}
	handle := func() func(context.Context, *dyad.Document) error {
		return func(ctx context.Context, d *dyad.Document) error {
			mu.Lock()
			tries[d.URI]++
			try := tries[d.URI]
			mu.Unlock()
			switch {
			case d.URI == "doc-7" && try == 1:
				return errors.New("transient failure") // redelivered after a Nak
			case d.URI == "doc-21":
				return Permanent{errors.New("bad document")}
			}
			mu.Lock()
			done[d.URI]++
			mu.Unlock()
			return nil
		}
	}
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
			h := handle()
			q.Work(wctx, func(ctx context.Context, d *dyad.Document) error {
				// doc-13 meets a lost worker: held past AckWait, so it comes back to a worker.
				if d.URI == "doc-13" {
					mu.Lock()
					tries[d.URI]++
					first := tries[d.URI] == 1
					if !first {
						done[d.URI]++
					}
					mu.Unlock()
					if first {
						time.Sleep(opts.AckWait * 3) // hold it past AckWait, then fail as a crashed worker would
						return errors.New("worker lost")
					}
					return nil
				}
				return h(ctx, d)
			}, nil)
		}()
	}
	deadline := time.Now().Add(20 * time.Second)
	for {
		p, err := pub.Pending(ctx)
		if err != nil {
			t.Fatal(err)
		}
		if p == 0 {
			break
		}
		if time.Now().After(deadline) {
			t.Fatalf("%d messages still pending", p)
		}
		time.Sleep(50 * time.Millisecond)
	}
	stop()
	wg.Wait()
	mu.Lock()
	defer mu.Unlock()
	if len(done) != n-1 {
		t.Errorf("handled %d documents, want %d", len(done), n-1)
	}
	for uri, c := range done {
		if c != 1 {
			t.Errorf("%s handled %d times", uri, c)
		}
	}
	if tries["doc-7"] != 2 {
		t.Errorf("doc-7 tried %d times, want 2", tries["doc-7"])
	}
	if tries["doc-13"] < 2 {
		t.Errorf("doc-13 (lost worker) tried %d times, want a redelivery", tries["doc-13"])
	}
	if done["doc-21"] != 0 || tries["doc-21"] != 1 {
		t.Errorf("permanent failure doc-21: done %d, tried %d", done["doc-21"], tries["doc-21"])
	}
}
