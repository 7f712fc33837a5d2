package link

import (
	"context"
	"os"
	"path/filepath"
	"strconv"
	"testing"
	"time"

	"github.com/dyad-events/dyad"
	"github.com/dyad-events/dyad/sqlite"
)

// TestLinkGrowth links and saves story records (30 countries, ten years, people, undated and month dates)
// into a SQLite file as dyad ingest does (Pending, batches of 256, each prefetched and linked in its save's
// transaction: SaveLinked), and reports the CPU time per article
// (user+system, all threads) of each block of 5,000 as the store grows: the figure of docs/benchmarks.md
// for CPU per article at 0, 10k, 50k and 100k stored. It runs when DYAD_BENCH_GROWTH is the number of
// articles (100000 for the table).
func TestLinkGrowth(t *testing.T) {
	n, _ := strconv.Atoi(os.Getenv("DYAD_BENCH_GROWTH"))
	if n <= 0 {
		t.Skip("set DYAD_BENCH_GROWTH=100000 to measure linking as the store grows")
	}
	recs := storyRecordsOver(n, 12, 10, 30)
	ctx := context.Background()
	db, err := sqlite.Open(ctx, filepath.Join(t.TempDir(), "dyad.db"))
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	p := NewPending(db)
	l := newTestLinker(t, p)
	const block, batch = 5000, 256
	var buf []*dyad.Record
	cpu0, wall0 := cpuTime(), time.Now()
	flush := func() {
		// As the pipeline does: the batch is prefetched and linked in the save's transaction.
		if _, err := db.SaveLinked(ctx, buf, func(ctx context.Context) ([]*dyad.Record, error) {
			l.Prefetch(ctx, buf)
			for _, rec := range buf {
				if err := l.Link(ctx, rec); err != nil {
					return nil, err
				}
				p.Add(rec)
			}
			return buf, nil
		}); err != nil {
			t.Fatal(err)
		}
		p.Done(buf)
		buf = buf[:0]
	}
	for i, rec := range recs {
		buf = append(buf, rec)
		if len(buf) == batch {
			flush()
		}
		if (i+1)%block == 0 {
			flush()
			cpu := cpuTime()
			t.Logf("stored %6d-%6d: %.2f ms CPU per article (link + save), wall %.2f ms", i+1-block, i+1,
				float64((cpu-cpu0).Microseconds())/block/1000, float64(time.Since(wall0).Microseconds())/block/1000)
			cpu0, wall0 = cpu, time.Now()
		}
	}
}
