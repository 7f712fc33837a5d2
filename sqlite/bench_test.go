package sqlite

import (
	"context"
	"path/filepath"
	"strings"
	"testing"

	"github.com/dyad-events/dyad"
	"github.com/dyad-events/dyad/storetest"
)

// BenchmarkSaveBatch saves 10,000 synthetic records (2.5 KB of text, 2 actor mentions, 2 events, a
// statement and a signature each) into a fresh file in batches of 500, as the pipeline does.
func BenchmarkSaveBatch(b *testing.B) {
	const n, batch = 10000, 500
	recs := storetest.SyntheticRecords(n, 1)
	ctx := context.Background()
	b.ResetTimer()
	for range b.N {
		b.StopTimer()
		db, err := Open(ctx, filepath.Join(b.TempDir(), "bench.db"))
		if err != nil {
			b.Fatal(err)
		}
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
	recs := storetest.SyntheticRecords(2000, 2)
	ctx := context.Background()
	db, err := Open(ctx, filepath.Join(b.TempDir(), "bench.db"))
	if err != nil {
		b.Fatal(err)
	}
	defer db.Close()
	b.ResetTimer()
	for i := range b.N {
		if i == len(recs) {
			b.StopTimer()
			recs = append(recs, storetest.SyntheticRecords(len(recs), uint64(i))...)
			b.StartTimer()
		}
		if _, err := db.Save(ctx, recs[i]); err != nil {
			b.Fatal(err)
		}
	}
	b.ReportMetric(float64(b.N)/b.Elapsed().Seconds(), "records/s")
}

// BenchmarkSearch runs a query that matches most of 10,000 articles, and rarer ones, for the first page.
func BenchmarkSearch(b *testing.B) {
	ctx := context.Background()
	db, err := Open(ctx, filepath.Join(b.TempDir(), "bench.db"))
	if err != nil {
		b.Fatal(err)
	}
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
