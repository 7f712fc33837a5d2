package main

import (
	"context"
	"os"
	"strings"
	"sync"
	"testing"
	"time"
)

// TestQueueOrderedEqualsLocal: the workers of a queue store exactly the events of one `dyad ingest` of the
// same documents, although their goroutines finish the documents in another order: a corpus of the
// realistic generator (stories retold by several articles, reprints, undated reports: where linking depends
// on order, docs/link.md "Order") through two worker processes of four goroutines each into one store,
// against a local ingest. DYAD_ORDER_ARTICLES sets the corpus size (default 300; 100 under the race detector).
func TestQueueOrderedEqualsLocal(t *testing.T) {
	if testing.Short() {
		t.Skip("generates and ingests a corpus three times")
	}
	n := os.Getenv("DYAD_ORDER_ARTICLES")
	if n == "" {
		n = "300"
		if raceEnabled {
			n = "100"
		}
	}
	ordered := os.Getenv("DYAD_ORDER_OFF") == ""
	ctx, cancel := context.WithTimeout(context.Background(), 15*time.Minute)
	defer cancel()
	dir := t.TempDir()
	corpus := dir + "/corpus"
	if _, errs, code := runCLI(t, ctx, "bench", "--articles", n, "--seed", "7", "--material", "../../sample", "--write", corpus); code != 0 {
		t.Fatalf("bench --write: %d %s", code, errs)
	}
	natsURL, stop := embeddedNATS(t)
	defer stop()
	if out, errs, code := runCLI(t, ctx, "ingest", "--queue", natsURL, corpus); code != 0 {
		t.Fatalf("publish: %d %q %q", code, out, errs)
	}
	workers := dir + "/workers.db"
	var wg sync.WaitGroup
	for i := range 2 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			args := []string{"worker", "--db", workers, "--queue", natsURL, "--drain", "--workers", "4"}
			if !ordered {
				args = append(args, "--ordered=false")
			}
			if _, errs, code := runCLI(t, ctx, args...); code != 0 {
				t.Errorf("worker %d: exit %d: %s", i, code, errs)
			}
		}()
	}
	wg.Wait()
	local := dir + "/local.db"
	if _, errs, code := runCLI(t, ctx, "ingest", "--db", local, corpus); code != 0 {
		t.Fatalf("local ingest: %d %s", code, errs)
	}
	got, want := storeFacts(t, workers), storeFacts(t, local)
	if len(want) < 100 {
		t.Fatalf("the local ingest stored too little: %d facts", len(want))
	}
	if d := diffFacts(got, want); d != "" {
		t.Errorf("the workers' store differs from a local ingest (%d facts, local %d):\n%s", len(got), len(want), d)
	}
}

// diffFacts lists, at most twenty, the facts only one side has.
func diffFacts(got, want []string) string {
	in := func(s []string) map[string]int {
		m := map[string]int{}
		for _, f := range s {
			m[f]++
		}
		return m
	}
	g, w := in(got), in(want)
	var out []string
	for f, c := range g {
		if w[f] != c {
			out = append(out, "workers only: "+f)
		}
	}
	for f, c := range w {
		if g[f] != c {
			out = append(out, "local only:   "+f)
		}
	}
	if len(out) > 20 {
		out = append(out[:20], "...")
	}
	return strings.Join(out, "\n")
}
