package postgres

import (
	"context"
	"os"
	"strconv"
	"testing"
	"time"

	"github.com/dyad-events/dyad"
)

// TestOverviewLarge times the dashboard overview's calls (Stats, and Counts by month split by quad class,
// dyad (top 15), language, outlet and quad class, all unfiltered) from the rollups and from the events, on
// DYAD_OVERVIEW_EVENTS generated events, and migration 0002 filling the rollups from them. Skipped when unset.
func TestOverviewLarge(t *testing.T) {
	n, err := strconv.Atoi(os.Getenv("DYAD_OVERVIEW_EVENTS"))
	if err != nil || n <= 0 {
		t.Skip("DYAD_OVERVIEW_EVENTS not set")
	}
	ctx := context.Background()
	u := freshURL(t)
	db, err := Open(ctx, u)
	if err != nil {
		t.Fatal(err)
	}
	start := time.Now()
	fillEvents(t, db, n) // straight into the tables: the rollups do not know these rows yet
	t.Logf("filled %d events in %v", n, time.Since(start).Round(time.Millisecond))
	for _, q := range []string{"DROP TABLE event_counts", "DROP TABLE store_totals", "DELETE FROM schema_version WHERE version = 2"} {
		if _, err := db.pool.Exec(ctx, q); err != nil {
			t.Fatalf("%s: %v", q, err)
		}
	}
	db.Close()
	start = time.Now()
	db, err = Open(ctx, u)
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	t.Logf("open with migration 0002: %v", time.Since(start).Round(time.Millisecond))
	queries := []dyad.CountQuery{{By: "month", SplitQuad: true}, {By: "dyad", EventQuery: dyad.EventQuery{Page: dyad.Page{Limit: 15}}},
		{By: "lang"}, {By: "outlet"}, {By: "quad"}}
	for _, rollups := range []bool{true, false} {
		total := time.Now()
		start := time.Now()
		st, err := db.Stats(ctx)
		if !rollups {
			st, err = db.statsDirect(ctx)
		}
		if err != nil {
			t.Fatal(err)
		}
		t.Logf("rollups %v: stats %+v: %v", rollups, st, time.Since(start).Round(time.Microsecond))
		for _, q := range queries {
			start = time.Now()
			cs, err := db.counts(ctx, q, rollups)
			if err != nil {
				t.Fatal(err)
			}
			t.Logf("rollups %v: counts by %s: %d groups in %v", rollups, q.By, len(cs), time.Since(start).Round(time.Microsecond))
		}
		t.Logf("rollups %v: overview total: %v", rollups, time.Since(total).Round(time.Millisecond))
	}
}
