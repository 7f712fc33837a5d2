package postgres

import (
	"context"
	"fmt"
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
}
