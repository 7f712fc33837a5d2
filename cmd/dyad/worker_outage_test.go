package main

import (
	"bytes"
	"context"
	"errors"
	"flag"
	"io"
	"net"
	"net/url"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/jackc/pgx/v5"
	"github.com/nats-io/nats-server/v2/server"

	"github.com/dyad-events/dyad"
	"github.com/dyad-events/dyad/nats"
)

// flakyStore is a store that cannot be reached while down is set, as a database being restarted.
type flakyStore struct {
	dyad.Store
	down  atomic.Bool
	calls atomic.Int64 // calls refused while down
}

var errRefused = errors.New("dial tcp 127.0.0.1:5432: connect: connection refused")

func (f *flakyStore) fail() error {
	if f.down.Load() {
		f.calls.Add(1)
		return errRefused
	}
	return nil
}

func (f *flakyStore) Save(ctx context.Context, rec *dyad.Record) (bool, error) {
	if err := f.fail(); err != nil {
		return false, err
	}
	return f.Store.Save(ctx, rec)
}

func (f *flakyStore) HasArticle(ctx context.Context, id string) (bool, error) {
	if err := f.fail(); err != nil {
		return false, err
	}
	return f.Store.HasArticle(ctx, id)
}

func (f *flakyStore) SimilarArticles(ctx context.Context, bands []uint64) ([]dyad.Signature, error) {
	if err := f.fail(); err != nil {
		return nil, err
	}
	return f.Store.SimilarArticles(ctx, bands)
}

func (f *flakyStore) EventCandidates(ctx context.Context, q dyad.CandidateQuery) ([]dyad.Event, error) {
	if err := f.fail(); err != nil {
		return nil, err
	}
	return f.Store.EventCandidates(ctx, q)
}

func (f *flakyStore) ClaimsByConcepts(ctx context.Context, concepts []string) ([]dyad.Claim, error) {
	if err := f.fail(); err != nil {
		return nil, err
	}
	return f.Store.ClaimsByConcepts(ctx, concepts)
}

func startNATS(t *testing.T) string {
	t.Helper()
	ns, err := server.NewServer(&server.Options{Host: "127.0.0.1", Port: -1, JetStream: true, StoreDir: t.TempDir(), NoSigs: true, NoLog: true})
	if err != nil {
		t.Fatal(err)
	}
	go ns.Start()
	if !ns.ReadyForConnections(10 * time.Second) {
		t.Fatal("nats not ready")
	}
	t.Cleanup(ns.Shutdown)
	return ns.ClientURL()
}

// runWith runs a command as run does, but over the store wrap makes of the one --db opens.
func runWith(t *testing.T, ctx context.Context, db string, wrap func(dyad.Store) dyad.Store, args ...string) (string, string, int) {
	t.Helper()
	var out, errb bytes.Buffer
	e := &env{stdin: strings.NewReader(""), stdout: &out, stderr: &errb}
	gf := flag.NewFlagSet("dyad", flag.ContinueOnError)
	gf.SetOutput(io.Discard)
	e.globalFlags(gf)
	if err := gf.Parse([]string{"--db", db}); err != nil {
		t.Fatal(err)
	}
	st, err := e.openStore(ctx)
	if err != nil {
		t.Fatal(err)
	}
	e.store = wrap(st)
	code := runCommand(ctx, e, lookup(args[0]), args[1:])
	e.close()
	return out.String(), errb.String(), code
}

// A store outage longer than any retry budget loses nothing: the workers hold their documents and store
// every one once the store is back, and the result is a plain local ingest's. A document that is itself bad
// is dead-lettered with its reason, shown by `dyad deadletters`, and makes `--drain` exit 1.
func TestWorkerWaitsOutStoreOutage(t *testing.T) {
	natsURL := startNATS(t)
	ctx, cancel := context.WithTimeout(context.Background(), 3*time.Minute)
	defer cancel()
	inputs := []string{"../../sample/en", "../../sample/fr"}
	out, errs, code := runCLI(t, ctx, append([]string{"ingest", "--queue", natsURL}, inputs...)...)
	if code != 0 || !strings.Contains(out, "published") {
		t.Fatalf("publish: %d %q %q", code, out, errs)
	}
	q, err := nats.Connect(ctx, natsURL, nats.Options{})
	if err != nil {
		t.Fatal(err)
	}
	defer q.Close()
	published, _ := q.Pending(ctx)
	// A document with no text at all: the pipeline refuses it, which no retry can change.
	if err := q.Publish(ctx, &dyad.Document{URI: "bad://empty\x1b[31m", Body: nil}); err != nil {
		t.Fatal(err)
	}

	db := t.TempDir() + "/worker.db"
	flaky := &flakyStore{}
	flaky.down.Store(true)
	var wg sync.WaitGroup
	var wout, werrs string
	var wcode int
	wg.Add(1)
	go func() {
		defer wg.Done()
		wout, werrs, wcode = runWith(t, ctx, db, func(st dyad.Store) dyad.Store { flaky.Store = st; return flaky },
			// One worker: this test is about the outage; with two, which documents are linked first depends on
			// timing, and the events may differ from a sequential ingest (deterministic linking is open work).
			"worker", "--queue", natsURL, "--drain", "--workers", "1", "--max-backoff", "200ms", "--ack-wait", "1s")
	}()
	// Down for several AckWaits and backoff caps, counted from the workers' first try: loading the
	// dictionaries takes a few seconds on a busy machine.
	for start := time.Now(); flaky.calls.Load() == 0 && time.Since(start) < time.Minute; {
		time.Sleep(50 * time.Millisecond)
	}
	time.Sleep(3 * time.Second)
	if p, _ := q.Pending(ctx); p < published {
		t.Errorf("during the outage %d messages pending, want at least the %d published", p, published)
	}
	if flaky.calls.Load() == 0 {
		t.Error("the workers never met the outage")
	}
	flaky.down.Store(false)
	wg.Wait()
	if wcode != exitFailed {
		t.Errorf("worker --drain: exit %d, want %d (one dead letter): %s", wcode, exitFailed, werrs)
	}
	if !strings.Contains(wout, "dead-lettered 1") || !strings.Contains(werrs, "store unavailable") {
		t.Errorf("worker output %q, stderr %q", wout, werrs)
	}
	if strings.Contains(werrs, "\x1b") {
		t.Errorf("an escape sequence reached stderr: %q", werrs)
	}

	out, errs, code = runCLI(t, ctx, "deadletters", "--queue", natsURL, "--format", "jsonl")
	if code != 0 || strings.Count(out, "\n") != 1 || !strings.Contains(out, "bad://empty") {
		t.Errorf("deadletters: %d %q %q", code, out, errs)
	}

	local := t.TempDir() + "/local.db"
	if _, errs, code := runCLI(t, ctx, append([]string{"ingest", "--db", local}, inputs...)...); code != 0 {
		t.Fatalf("local ingest: %d %s", code, errs)
	}
	got, want := storeFacts(t, db), storeFacts(t, local)
	if strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("the workers' store differs from a local ingest: workers %d facts, local %d", len(got), len(want))
	}
}

// cutProxy forwards TCP to target and can cut every connection and refuse new ones, as a database server
// that goes away and comes back.
type cutProxy struct {
	ln      net.Listener
	target  string
	mu      sync.Mutex
	down    bool
	conns   []net.Conn
	refused atomic.Int64
}

func newCutProxy(t *testing.T, target string) *cutProxy {
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	p := &cutProxy{ln: ln, target: target}
	t.Cleanup(func() { ln.Close(); p.cut(true) })
	go func() {
		for {
			c, err := ln.Accept()
			if err != nil {
				return
			}
			p.mu.Lock()
			down := p.down
			p.mu.Unlock()
			if down {
				p.refused.Add(1)
				c.Close()
				continue
			}
			s, err := net.Dial("tcp", target)
			if err != nil {
				c.Close()
				continue
			}
			p.mu.Lock()
			p.conns = append(p.conns, c, s)
			p.mu.Unlock()
			go func() { io.Copy(s, c); s.Close() }()
			go func() { io.Copy(c, s); c.Close() }()
		}
	}()
	return p
}

func (p *cutProxy) cut(down bool) {
	p.mu.Lock()
	defer p.mu.Unlock()
	p.down = down
	if down {
		for _, c := range p.conns {
			c.Close()
		}
		p.conns = nil
	}
}

// The same with real PostgreSQL behind a proxy that cuts every connection for a while during the ingest.
func TestWorkerPostgresOutage(t *testing.T) {
	pg := freshDatabase(t)
	natsURL := startNATS(t)
	ctx, cancel := context.WithTimeout(context.Background(), 3*time.Minute)
	defer cancel()
	inputs := []string{"../../sample"}
	if _, errs, code := runCLI(t, ctx, append([]string{"ingest", "--queue", natsURL}, inputs...)...); code != 0 {
		t.Fatalf("publish: %d %s", code, errs)
	}
	u, err := url.Parse(pg)
	if err != nil {
		t.Fatal(err)
	}
	proxy := newCutProxy(t, u.Host)
	u.Host = proxy.ln.Addr().String()
	viaProxy := u.String()
	// Create the schema first, then start the worker with the database away, and let it come back.
	if _, errs, code := runCLI(t, ctx, "articles", "--db", viaProxy); code != 0 {
		t.Fatalf("open: %d %s", code, errs)
	}
	proxy.cut(true)
	var werrs string
	var wcode int
	done := make(chan struct{})
	go func() {
		defer close(done)
		_, werrs, wcode = runCLI(t, ctx, "worker", "--db", viaProxy, "--queue", natsURL, "--drain", "--workers", "2", "--max-backoff", "300ms", "--ack-wait", "1s")
	}()
	for proxy.refused.Load() == 0 && ctx.Err() == nil {
		time.Sleep(50 * time.Millisecond) // until the worker has tried to open the store
	}
	time.Sleep(time.Second)
	proxy.cut(false)
	// Then cut it away again once the worker has stored something: mid-ingest, with open connections.
	conn, err := pgx.Connect(ctx, pg)
	if err != nil {
		t.Fatal(err)
	}
	defer conn.Close(ctx)
	for n := 0; n == 0; {
		time.Sleep(50 * time.Millisecond)
		if err := conn.QueryRow(ctx, "SELECT count(*) FROM articles").Scan(&n); err != nil && ctx.Err() != nil {
			t.Fatal(err)
		}
	}
	proxy.cut(true)
	time.Sleep(4 * time.Second)
	proxy.cut(false)
	<-done
	if wcode != 0 || !strings.Contains(werrs, "store unavailable: open store") || strings.Count(werrs, "store unavailable") < 2 {
		t.Errorf("worker: exit %d, want 0 after waiting out the outage: %s", wcode, werrs)
	}
	local := t.TempDir() + "/local.db"
	if _, errs, code := runCLI(t, ctx, append([]string{"ingest", "--db", local}, inputs...)...); code != 0 {
		t.Fatalf("local ingest: %d %s", code, errs)
	}
	got, want := storeFacts(t, pg), storeFacts(t, local)
	if strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("the workers' store differs from a local ingest: workers %d facts, local %d", len(got), len(want))
	}
}
