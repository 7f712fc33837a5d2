package main

import (
	"bytes"
	"context"
	"crypto/rand"
	"encoding/hex"
	"encoding/json"
	"net/url"
	"os"
	"sort"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/jackc/pgx/v5"
	"github.com/nats-io/nats-server/v2/server"
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

// eventSummary is what must not depend on how the articles were processed: each event's day, actors, code
// and the languages of its mentions.
func eventSummary(t *testing.T, db string) []string {
	t.Helper()
	out, errs, code := runCLI(t, context.Background(), "events", "--db", db, "--format", "jsonl", "--limit", "1000")
	if code != 0 {
		t.Fatalf("events: %d %s", code, errs)
	}
	var rows []string
	for _, line := range strings.Split(strings.TrimSpace(out), "\n") {
		if line == "" {
			continue
		}
		var e struct {
			Date      string   `json:"date"`
			Code      string   `json:"code"`
			Languages []string `json:"languages"`
			Source    struct{ Code string }
			Target    struct{ Code string }
			Mentions  []any `json:"mentions"`
		}
		if err := json.Unmarshal([]byte(line), &e); err != nil {
			t.Fatal(err)
		}
		rows = append(rows, strings.Join([]string{e.Date, e.Source.Code, e.Code, e.Target.Code, strings.Join(e.Languages, ","), string(rune('0' + len(e.Mentions)))}, " "))
	}
	sort.Strings(rows)
	return rows
}

// The scale-out path: `dyad ingest --queue` publishes the seeds and the sample corpus to NATS JetStream, two
// `dyad worker` processes store them in one PostgreSQL database, and the result is what a plain ingest
// into SQLite gives: nothing lost, nothing doubled, the same events.
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
	count := func(db string) int {
		out, errs, code := runCLI(t, ctx, "articles", "--db", db, "--format", "jsonl", "--limit", "1000")
		if code != 0 {
			t.Fatalf("articles: %s", errs)
		}
		return strings.Count(out, "\n")
	}
	if a, b := count(pg), count(local); a != b || a == 0 {
		t.Fatalf("workers stored %d articles, a local ingest %d", a, b)
	}
	if got, want := eventSummary(t, pg), eventSummary(t, local); strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("events differ:\nworkers:\n%s\nlocal:\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
}
