package main

import (
	"bufio"
	"context"
	"encoding/json"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"sort"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/jackc/pgx/v5"
)

// TestReliabilityFromOutside runs issue 13's "Checked by" scenarios from outside, with the dyad binary as an
// operator would, on a corpus of DYAD_RELIABILITY_DOCS articles (`dyad bench --write`). It runs only when
// that is set (docs/reliability.md gives the figures and the command):
//
//   - two plain ingests into fresh SQLite files: the same events, ids included;
//   - two `dyad ingest` processes into one SQLite file at once, each reading every document: the events of one
//     ingest, and each process's counts add up to the corpus;
//     (DYAD_RELIABILITY_SQLITE=first leaves out the second ingest)
//   - with DATABASE_URL and DYAD_RELIABILITY_PGCTL (a command that takes `stop -m fast` and `start -w` for the
//     cluster of DATABASE_URL, whose settings must be in its postgresql.conf): for each outage in
//     DYAD_RELIABILITY_OUTAGES (seconds, comma-separated; default 10,60), the corpus published to an embedded
//     NATS JetStream server, two `dyad worker --drain` processes storing it into a fresh database, PostgreSQL
//     stopped for that long once a fifth is stored: every article stored, both workers exit 0, and the events
//     are compared with the plain ingest's (the number that differ is logged: docs/link.md "Order").
//
// DYAD_BIN names a dyad binary to use instead of building one.
func TestReliabilityFromOutside(t *testing.T) {
	n, _ := strconv.Atoi(os.Getenv("DYAD_RELIABILITY_DOCS"))
	if n <= 0 {
		t.Skip("DYAD_RELIABILITY_DOCS not set")
	}
	ctx := context.Background()
	dir := t.TempDir()
	bin := os.Getenv("DYAD_BIN")
	if bin == "" {
		bin = filepath.Join(dir, "dyad")
		if out, err := exec.Command("go", "build", "-o", bin, ".").CombinedOutput(); err != nil {
			t.Fatalf("go build: %v\n%s", err, out)
		}
	}
	corpus := filepath.Join(dir, "corpus")
	if out, err := exec.Command(bin, "bench", "--articles", fmt.Sprint(n), "--material", "../../sample", "--write", corpus).CombinedOutput(); err != nil {
		t.Fatalf("bench --write: %v\n%s", err, out)
	}
	dyadRun := func(args ...string) (string, string, error) {
		var out, errb strings.Builder
		cmd := exec.Command(bin, args...)
		cmd.Stdout, cmd.Stderr = &out, &errb
		err := cmd.Run()
		return out.String(), errb.String(), err
	}
	ingest := func(db string) string {
		start := time.Now()
		out, errs, err := dyadRun("ingest", "--db", db, corpus)
		if err != nil {
			t.Fatalf("ingest %s: %v\n%s", db, err, errs)
		}
		t.Logf("ingest into %s: %.0f s: %s", filepath.Base(db), time.Since(start).Seconds(), strings.TrimSpace(out))
		return out
	}

	first := filepath.Join(dir, "first.db")
	var read, stored int
	fmt.Sscanf(ingest(first), "read %d, stored %d", &read, &stored)
	want := exportEvents(t, bin, first)
	t.Logf("%d articles stored, %d events (load average %s)", stored, len(want), loadAverage())

	if os.Getenv("DYAD_RELIABILITY_SQLITE") != "first" {
		second := filepath.Join(dir, "second.db")
		ingest(second)
		t.Logf("a second ingest of the same documents: %s", compareEvents(want, exportEvents(t, bin, second)))
	}

	// Two writers at once on one file, each reading the whole corpus.
	shared := filepath.Join(dir, "shared.db")
	var wg sync.WaitGroup
	outs := make([]string, 2)
	for i := range outs {
		wg.Add(1)
		go func() {
			defer wg.Done()
			out, errs, err := dyadRun("ingest", "--db", shared, corpus)
			if err != nil {
				t.Errorf("concurrent ingest: %v\n%s", err, errs)
			}
			outs[i] = strings.TrimSpace(out)
		}()
	}
	wg.Wait()
	var sum int
	for _, o := range outs {
		var read, st int
		fmt.Sscanf(o, "read %d, stored %d", &read, &st)
		sum += st
	}
	if sum != stored {
		t.Errorf("two writers stored %d articles between them, want %d: %q", sum, stored, outs)
	}
	t.Logf("two concurrent ingests into one file (%q): %s", outs, compareEvents(want, exportEvents(t, bin, shared)))

	pgctl := os.Getenv("DYAD_RELIABILITY_PGCTL")
	if os.Getenv("DATABASE_URL") == "" || pgctl == "" {
		t.Log("the PostgreSQL outages need DATABASE_URL and DYAD_RELIABILITY_PGCTL")
		return
	}
	outages := os.Getenv("DYAD_RELIABILITY_OUTAGES")
	if outages == "" {
		outages = "10,60"
	}
	for _, f := range strings.Split(outages, ",") {
		secs, err := strconv.Atoi(f)
		if err != nil {
			t.Fatalf("DYAD_RELIABILITY_OUTAGES: %q", outages)
		}
		db := freshDatabase(t)
		natsURL, stop := embeddedNATS(t)
		if _, errs, err := dyadRun("ingest", "--queue", natsURL, corpus); err != nil {
			t.Fatalf("publish: %v\n%s", err, errs)
		}
		// The schema first, so that the count below can be read.
		if _, errs, err := dyadRun("articles", "--db", db); err != nil {
			t.Fatalf("open: %v\n%s", err, errs)
		}
		start := time.Now()
		errs := make([]string, 2)
		codes := make([]int, 2)
		var wg sync.WaitGroup
		for i := range errs {
			wg.Add(1)
			go func() {
				defer wg.Done()
				_, e, err := dyadRun("worker", "--db", db, "--queue", natsURL, "--drain", "--workers", "4")
				errs[i], codes[i] = e, 0
				if ee, ok := err.(*exec.ExitError); ok {
					codes[i] = ee.ExitCode()
				} else if err != nil {
					codes[i] = -1
				}
			}()
		}
		for count := 0; count < stored/5; {
			time.Sleep(200 * time.Millisecond)
			count = pgCount(ctx, db)
			if time.Since(start) > 30*time.Minute {
				t.Fatal("the workers store nothing")
			}
		}
		before := pgCount(ctx, db)
		if out, err := exec.Command("sh", "-c", pgctl+" stop -m fast").CombinedOutput(); err != nil {
			t.Fatalf("stopping PostgreSQL: %v\n%s", err, out)
		}
		time.Sleep(time.Duration(secs) * time.Second)
		if out, err := exec.Command("sh", "-c", pgctl+" start -w").CombinedOutput(); err != nil {
			t.Fatalf("starting PostgreSQL: %v\n%s", err, out)
		}
		wg.Wait()
		stop()
		got := pgCount(ctx, db)
		if got != stored {
			t.Errorf("outage of %d s: %d articles stored, want %d", secs, got, stored)
		}
		for i, c := range codes {
			if c != 0 {
				t.Errorf("outage of %d s: worker %d exits %d: %s", secs, i, c, lastLines(errs[i], 5))
			}
		}
		t.Logf("PostgreSQL stopped %d s after %d of %d articles: %d stored in %.0f s, workers exit %v (%d and %d lines of \"store unavailable\"); against the plain ingest: %s",
			secs, before, stored, got, time.Since(start).Seconds(), codes,
			strings.Count(errs[0], "store unavailable"), strings.Count(errs[1], "store unavailable"),
			compareEvents(want, exportEvents(t, bin, db)))
	}
}

// exportEvents reads every event of a store through `dyad export --format jsonl`: its id and its facts
// (date, sides, code and the article:offset of its mentions).
func exportEvents(t *testing.T, bin, db string) map[string]string {
	t.Helper()
	out := filepath.Join(t.TempDir(), "events.jsonl")
	if b, err := exec.Command(bin, "export", "--db", db, "--format", "jsonl", "--out", out).CombinedOutput(); err != nil {
		t.Fatalf("export %s: %v\n%s", db, err, b)
	}
	f, err := os.Open(out)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	events := map[string]string{}
	sc := bufio.NewScanner(f)
	sc.Buffer(nil, 64<<20)
	for sc.Scan() {
		var e struct {
			ID       string `json:"id"`
			Date     string `json:"date"`
			Code     string `json:"code"`
			Source   struct{ Code string }
			Target   struct{ Code string }
			Mentions []struct {
				ArticleID string `json:"article_id"`
				Start     int    `json:"start"`
			}
		}
		if err := json.Unmarshal(sc.Bytes(), &e); err != nil {
			t.Fatal(err)
		}
		var ms []string
		for _, m := range e.Mentions {
			ms = append(ms, fmt.Sprintf("%s:%d", m.ArticleID, m.Start))
		}
		sort.Strings(ms)
		events[e.ID] = fmt.Sprintf("%s %s %s %s %v", e.Date, e.Source.Code, e.Code, e.Target.Code, ms)
	}
	if err := sc.Err(); err != nil {
		t.Fatal(err)
	}
	return events
}

// compareEvents says how two stores' events differ: by their facts (whatever their ids), and by their ids.
func compareEvents(want, got map[string]string) string {
	facts := map[string]int{}
	for _, f := range want {
		facts[f]++
	}
	for _, f := range got {
		facts[f]--
	}
	var onlyWant, onlyGot, ids int
	for _, d := range facts {
		if d > 0 {
			onlyWant += d
		} else {
			onlyGot -= d
		}
	}
	for id, f := range want {
		if got[id] != f {
			ids++
		}
	}
	if onlyWant == 0 && onlyGot == 0 && ids == 0 && len(want) == len(got) {
		return fmt.Sprintf("identical (%d events, ids included)", len(got))
	}
	return fmt.Sprintf("%d events against %d: %d only in the first, %d only in the second, %d ids differ", len(want), len(got), onlyWant, onlyGot, ids)
}

// pgCount is the number of articles stored, or -1 while the database does not answer.
func pgCount(ctx context.Context, db string) int {
	ctx, cancel := context.WithTimeout(ctx, 5*time.Second)
	defer cancel()
	conn, err := pgx.Connect(ctx, db)
	if err != nil {
		return -1
	}
	defer conn.Close(ctx)
	var n int
	if err := conn.QueryRow(ctx, "SELECT count(*) FROM articles").Scan(&n); err != nil {
		return -1
	}
	return n
}

func lastLines(s string, n int) string {
	lines := strings.Split(strings.TrimSpace(s), "\n")
	if len(lines) > n {
		lines = lines[len(lines)-n:]
	}
	return strings.Join(lines, "\n")
}
