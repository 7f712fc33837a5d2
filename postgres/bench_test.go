package postgres

import (
	"context"
	"encoding/json"
	"fmt"
	"maps"
	"net/url"
	"os"
	"slices"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/dyad-events/dyad"
	"github.com/dyad-events/dyad/storetest"
	"github.com/dyad-events/dyad/synth"
	"github.com/jackc/pgx/v5"
)

// BenchmarkSaveBatch saves 10,000 synthetic records (2.5 KB of text, 2 actor mentions, 2 events, a
// statement and a signature each) into a fresh schema in batches of 500, as the pipeline does. It needs
// DATABASE_URL.
func BenchmarkSaveBatch(b *testing.B) {
	const n, batch = 10000, 500
	recs := storetest.SyntheticRecords(n, 1)
	ctx := context.Background()
	for range b.N {
		b.StopTimer()
		db := openFresh(b)
		b.StartTimer()
		for i := 0; i < n; i += batch {
			if _, err := db.SaveBatch(ctx, recs[i:min(i+batch, n)]); err != nil {
				b.Fatal(err)
			}
		}
		b.StopTimer()
		db.Close()
		b.StartTimer()
	}
	b.ReportMetric(float64(n*b.N)/b.Elapsed().Seconds(), "records/s")
}

// BenchmarkSave saves records one transaction each.
func BenchmarkSave(b *testing.B) {
	recs := storetest.SyntheticRecords(max(b.N, 1), 2)
	ctx := context.Background()
	db := openFresh(b)
	defer db.Close()
	b.ResetTimer()
	for i := range b.N {
		if _, err := db.Save(ctx, recs[i]); err != nil {
			b.Fatal(err)
		}
	}
	b.ReportMetric(float64(b.N)/b.Elapsed().Seconds(), "records/s")
}

// BenchmarkSearch runs a query that matches most of 10,000 articles, and rarer ones, for the first page.
func BenchmarkSearch(b *testing.B) {
	ctx := context.Background()
	db := openFresh(b)
	defer db.Close()
	recs := storetest.SyntheticRecords(10000, 3)
	for i := 0; i < len(recs); i += 1000 {
		if _, err := db.SaveBatch(ctx, recs[i:i+1000]); err != nil {
			b.Fatal(err)
		}
	}
	for _, q := range []string{"minister", "\"coast guard\" AND treaty", "Report 4242"} {
		b.Run(strings.ReplaceAll(q, " ", "_"), func(b *testing.B) {
			for range b.N {
				hits, err := db.Search(ctx, q, dyad.Page{Limit: 20})
				if err != nil || len(hits) == 0 {
					b.Fatalf("Search(%q) = %d hits, %v", q, len(hits), err)
				}
			}
		})
	}
}

// BenchmarkPlaceQuery times the place filters (synth.PlaceQueries) over DYAD_BENCH_EVENTS synthetic events
// (default 1,000,000, half of them placed) kept in the schema dyad_bench_<n> of DATABASE_URL: generated on
// first use (an hour or more on 2 cores: run with -timeout 120m) and kept, like the SQLite store of the
// server's benchmarks. It reports the p50, p95 and maximum of the mix and logs them for each kind.
func BenchmarkPlaceQuery(b *testing.B) {
	n := 1_000_000
	if v := os.Getenv("DYAD_BENCH_EVENTS"); v != "" {
		var err error
		if n, err = strconv.Atoi(v); err != nil {
			b.Fatalf("DYAD_BENCH_EVENTS: %v", err)
		}
	}
	ctx := context.Background()
	base := testURL(b)
	conn, err := pgx.Connect(ctx, base)
	if err != nil {
		b.Fatal(err)
	}
	schema := fmt.Sprintf("dyad_bench_%d", n)
	var exists bool
	err = conn.QueryRow(ctx, "SELECT EXISTS (SELECT 1 FROM pg_namespace WHERE nspname = $1)", schema).Scan(&exists)
	for _, q := range []string{"CREATE EXTENSION IF NOT EXISTS unaccent SCHEMA public",
		"CREATE EXTENSION IF NOT EXISTS pg_trgm SCHEMA public", "CREATE SCHEMA IF NOT EXISTS " + schema} {
		if err == nil {
			_, err = conn.Exec(ctx, q)
		}
	}
	conn.Close(ctx)
	if err != nil {
		b.Fatal(err)
	}
	u, err := url.Parse(base)
	if err != nil {
		b.Fatal(err)
	}
	v := u.Query()
	v.Set("search_path", schema+",public")
	u.RawQuery = v.Encode()
	db, err := Open(ctx, u.String())
	if err != nil {
		b.Fatal(err)
	}
	defer db.Close()
	if !exists {
		start := time.Now()
		if err := synth.Generate(ctx, db, n, 1, nil); err != nil {
			b.Fatal(err)
		}
		if _, err := db.pool.Exec(ctx, "VACUUM ANALYZE events"); err != nil {
			b.Fatal(err)
		}
		b.Logf("generated %d events in %s", n, time.Since(start).Round(time.Second))
	}
	queries, kinds := synth.PlaceQueries()
	var lat []time.Duration
	for i := 0; b.Loop(); i++ {
		t0 := time.Now()
		if _, err := db.Events(ctx, queries[i%len(queries)]); err != nil {
			b.Fatal(err)
		}
		lat = append(lat, time.Since(t0))
	}
	synth.LogByKind(b, kinds, lat)
	slices.Sort(lat)
	for _, p := range []struct {
		q    float64
		name string
	}{{0.5, "p50-ms"}, {0.95, "p95-ms"}, {1, "max-ms"}} {
		b.ReportMetric(float64(lat[min(len(lat)-1, int(float64(len(lat))*p.q))].Microseconds())/1000, p.name)
	}
	if os.Getenv("DYAD_BENCH_EXPLAIN") != "" {
		explainPlaceQueries(b, db, queries, kinds)
	}
}

// explainPlaceQueries runs EXPLAIN (ANALYZE, BUFFERS) of each place query's events query once and logs, by kind,
// the server's own time (planning + execution, which the load of other processes disturbs less than the wall
// time a client sees), the plan nodes that read or sort many rows, and the shared buffers read from disk.
func explainPlaceQueries(b *testing.B, db *DB, queries []dyad.EventQuery, kinds []string) {
	ctx := context.Background()
	var plan, exec []time.Duration
	worst := map[string]string{}
	for i, q := range queries {
		query, args := eventsSQL(q)
		var out []byte
		if err := db.pool.QueryRow(ctx, "EXPLAIN (ANALYZE, BUFFERS, FORMAT JSON) "+rebind(query), args...).Scan(&out); err != nil {
			b.Fatalf("explain %s: %v", kinds[i%len(kinds)], err)
		}
		var res []struct {
			Plan          planNode `json:"Plan"`
			PlanningTime  float64  `json:"Planning Time"`
			ExecutionTime float64  `json:"Execution Time"`
		}
		if err := json.Unmarshal(out, &res); err != nil || len(res) != 1 {
			b.Fatalf("explain %s: %v", kinds[i%len(kinds)], err)
		}
		ms := func(f float64) time.Duration { return time.Duration(f * float64(time.Millisecond)) }
		plan, exec = append(plan, ms(res[0].PlanningTime)), append(exec, ms(res[0].ExecutionTime))
		var nodes []string
		res[0].Plan.walk(func(n planNode) {
			if rows := n.ActualRows * max(n.ActualLoops, 1); n.NodeType == "Seq Scan" || n.NodeType == "Sort" && rows > 1000 || rows > 5000 {
				nodes = append(nodes, fmt.Sprintf("%s %s %.0f rows", n.NodeType, n.IndexName+n.RelationName, n.ActualRows*max(n.ActualLoops, 1)))
			}
		})
		if k := kinds[i%len(kinds)]; len(nodes) > 0 && len(strings.Join(nodes, "; ")) > len(worst[k]) {
			worst[k] = strings.Join(nodes, "; ") + fmt.Sprintf(" (read %d blocks)", res[0].Plan.SharedReadBlocks)
		}
	}
	total := make([]time.Duration, len(plan))
	for i := range plan {
		total[i] = plan[i] + exec[i]
	}
	b.Log("server time (planning + execution) by kind:")
	synth.LogByKind(b, kinds, total)
	b.Log("of which planning:")
	synth.LogByKind(b, kinds, plan)
	for _, k := range slices.Sorted(maps.Keys(worst)) {
		b.Logf("%-22s large nodes: %s", k, worst[k])
	}
	slices.Sort(total)
	b.Logf("server time, all %d: p50 %.1f ms, p95 %.1f ms, max %.1f ms", len(total), float64(total[len(total)/2].Microseconds())/1000,
		float64(total[min(len(total)-1, len(total)*95/100)].Microseconds())/1000, float64(total[len(total)-1].Microseconds())/1000)
}

// planNode is a node of EXPLAIN's JSON plan: the fields explainPlaceQueries reads.
type planNode struct {
	NodeType         string     `json:"Node Type"`
	RelationName     string     `json:"Relation Name"`
	IndexName        string     `json:"Index Name"`
	ActualRows       float64    `json:"Actual Rows"`
	ActualLoops      float64    `json:"Actual Loops"`
	SharedReadBlocks int64      `json:"Shared Read Blocks"`
	Plans            []planNode `json:"Plans"`
}

func (n planNode) walk(f func(planNode)) {
	f(n)
	for _, c := range n.Plans {
		c.walk(f)
	}
}
