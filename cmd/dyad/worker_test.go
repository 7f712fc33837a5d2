package main

import (
	"bytes"
	"context"
	"crypto/rand"
	"encoding/hex"
	"encoding/json"
	"fmt"
	"net/url"
	"os"
	"sort"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/jackc/pgx/v5"
	"github.com/nats-io/nats-server/v2/server"

	"github.com/dyad-events/dyad/pipeline"
)

// freshDatabase creates a PostgreSQL database for one test, dropped at its end, and returns its URL. It skips
// without DATABASE_URL, but fails under CI=true.
func freshDatabase(t *testing.T) string {
	t.Helper()
	base := os.Getenv("DATABASE_URL")
	if base == "" {
		if os.Getenv("CI") == "true" {
			t.Fatal("DATABASE_URL is not set under CI=true")
		}
		t.Skip("DATABASE_URL not set")
	}
	ctx := context.Background()
	conn, err := pgx.Connect(ctx, base)
	if err != nil {
		t.Fatal(err)
	}
	defer conn.Close(ctx)
	b := make([]byte, 5)
	rand.Read(b)
	name := "dyad_worker_" + hex.EncodeToString(b)
	if _, err := conn.Exec(ctx, "CREATE DATABASE "+name); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() {
		c, err := pgx.Connect(context.Background(), base)
		if err == nil {
			c.Exec(context.Background(), "DROP DATABASE IF EXISTS "+name+" WITH (FORCE)")
			c.Close(context.Background())
		}
	})
	u, err := url.Parse(base)
	if err != nil {
		t.Fatal(err)
	}
	u.Path = "/" + name
	return u.String()
}

func runCLI(t *testing.T, ctx context.Context, args ...string) (string, string, int) {
	t.Helper()
	var out, errb bytes.Buffer
	code := run(ctx, args, strings.NewReader(""), &out, &errb)
	return out.String(), errb.String(), code
}

// storeFacts is what must not depend on the order in which workers took the documents: the articles, the
// statements, and the events (date, coding and the mentions they hold), each holding at most one mention
// of an article.
func storeFacts(t *testing.T, db string) (facts []string) {
	t.Helper()
	list := func(args ...string) []map[string]any {
		out, errs, code := runCLI(t, context.Background(), append(args, "--db", db, "--format", "jsonl", "--limit", "5000")...)
		if code != 0 {
			t.Fatalf("%v: %d %s", args, code, errs)
		}
		var rows []map[string]any
		for _, line := range strings.Split(strings.TrimSpace(out), "\n") {
			if line == "" {
				continue
			}
			var m map[string]any
			if err := json.Unmarshal([]byte(line), &m); err != nil {
				t.Fatal(err)
			}
			rows = append(rows, m)
		}
		return rows
	}
	for _, a := range list("articles") {
		facts = append(facts, "article "+a["id"].(string))
	}
	for _, s := range list("statements") {
		facts = append(facts, "statement "+s["id"].(string)+" "+s["article_id"].(string))
	}
	for _, e := range list("events") {
		seen := map[string]bool{}
		var ms []string
		for _, m := range e["mentions"].([]any) {
			mm := m.(map[string]any)
			id := mm["article_id"].(string)
			if seen[id] {
				t.Errorf("%s: event %s has two mentions from article %s", db, e["id"], id)
			}
			seen[id] = true
			ms = append(ms, fmt.Sprintf("%s:%v", id, mm["start"]))
		}
		sort.Strings(ms)
		src, tgt := e["source"].(map[string]any), e["target"].(map[string]any)
		facts = append(facts, fmt.Sprintf("event %v %v %v %v %v", e["date"], src["code"], e["code"], tgt["code"], ms))
	}
	sort.Strings(facts)
	return facts
}

// The scale-out path: `dyad ingest --queue` publishes the seeds and the sample corpus to NATS JetStream, two
// `dyad worker` processes store them in one PostgreSQL database, and the result is what a plain ingest
// into SQLite gives: nothing lost, nothing doubled.
func TestQueueWorkersPostgres(t *testing.T) {
	pg := freshDatabase(t)
	seeds, _ := os.ReadDir("../../../shared/seeds")
	inputs := []string{"../../sample"}
	if len(seeds) > 0 {
		inputs = append(inputs, "../../../shared/seeds")
	}
	ns, err := server.NewServer(&server.Options{Host: "127.0.0.1", Port: -1, JetStream: true, StoreDir: t.TempDir(), NoSigs: true, NoLog: true})
	if err != nil {
		t.Fatal(err)
	}
	go ns.Start()
	if !ns.ReadyForConnections(10 * time.Second) {
		t.Fatal("nats not ready")
	}
	defer ns.Shutdown()
	natsURL := ns.ClientURL()

	ctx, cancel := context.WithTimeout(context.Background(), 3*time.Minute)
	defer cancel()
	out, errs, code := runCLI(t, ctx, append([]string{"ingest", "--queue", natsURL}, inputs...)...)
	if code != 0 || !strings.Contains(out, "published") {
		t.Fatalf("publish: %d %q %q", code, out, errs)
	}
	var wg sync.WaitGroup
	for i := range 2 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			_, errs, code := runCLI(t, ctx, "worker", "--db", pg, "--queue", natsURL, "--drain", "--workers", "2")
			if code != 0 {
				t.Errorf("worker %d: exit %d: %s", i, code, errs)
			}
		}()
	}
	wg.Wait()

	local := t.TempDir() + "/local.db"
	if _, errs, code := runCLI(t, ctx, append([]string{"ingest", "--db", local}, inputs...)...); code != 0 {
		t.Fatalf("local ingest: %d %s", code, errs)
	}
	got, want := storeFacts(t, pg), storeFacts(t, local)
	if len(want) < 60 {
		t.Fatalf("the local ingest stored too little: %d facts", len(want))
	}
	if strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("the workers' store differs from a local ingest:\nworkers %d facts, local %d", len(got), len(want))
	}
}

// TestReleaseAfterSave: `dyad worker` hands a document's memory back once it is saved at the size `dyad ingest`
// does (pipeline.DefaultReleaseAfter), whether the body or the extracted text reaches it.
func TestReleaseAfterSave(t *testing.T) {
	n := pipeline.DefaultReleaseAfter
	for _, c := range []struct {
		body, text int
		want       bool
	}{{n - 1, n - 1, false}, {n, 10, true}, {10, n, true}, {0, 0, false}} {
		if got := releaseAfterSave(c.body, c.text); got != c.want {
			t.Errorf("releaseAfterSave(%d, %d) = %v, want %v", c.body, c.text, got, c.want)
		}
	}
}
