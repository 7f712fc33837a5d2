package sqlite

import (
	"context"
	"math"
	"os"
	"testing"
	"time"

	"github.com/dyad-events/dyad"
)

// overviewQueries are the dashboard overview's aggregations: Stats plus these Counts, all unfiltered.
var overviewQueries = []dyad.CountQuery{
	{By: "month", SplitQuad: true},
	{By: "dyad", EventQuery: dyad.EventQuery{Page: dyad.Page{Limit: 15}}},
	{By: "lang"},
	{By: "outlet"},
	{By: "quad"},
}

// TestOverviewLarge times the overview's calls on a large store named by DYAD_OVERVIEW_DB (a synth.Generate
// file; it is opened, so migrated: point it at a copy). Skipped when unset.
func TestOverviewLarge(t *testing.T) {
	path := os.Getenv("DYAD_OVERVIEW_DB")
	if path == "" {
		t.Skip("DYAD_OVERVIEW_DB not set")
	}
	ctx := context.Background()
	start := time.Now()
	db, err := Open(ctx, path)
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	t.Logf("open (with any migration): %v", time.Since(start).Round(time.Millisecond))
	for _, rollups := range []bool{true, false} {
		total := time.Now()
		start = time.Now()
		st, err := db.Stats(ctx)
		if !rollups {
			st, err = db.statsDirect(ctx)
		}
		if err != nil {
			t.Fatal(err)
		}
		t.Logf("rollups %v: stats %+v: %v", rollups, st, time.Since(start).Round(time.Microsecond))
		for _, q := range overviewQueries {
			start = time.Now()
			cs, err := db.counts(ctx, q, rollups)
			if err != nil {
				t.Fatal(err)
			}
			t.Logf("rollups %v: counts by %s (split %v, limit %d): %d groups in %v", rollups, q.By, q.SplitQuad, q.Limit,
				len(cs), time.Since(start).Round(time.Microsecond))
		}
		t.Logf("rollups %v: overview total: %v", rollups, time.Since(total).Round(time.Millisecond))
	}
	if os.Getenv("DYAD_OVERVIEW_CHECK") == "" {
		return
	}
	// Every grouping the rollups answer, against the direct query (a few seconds each on 1M events).
	for _, q := range []dyad.CountQuery{{By: "day"}, {By: "day", SplitQuad: true}, {By: "month"}, {By: "month", SplitQuad: true},
		{By: "quad"}, {By: "code"}, {By: "root"}, {By: "dyad"}, {By: "lang"}, {By: "outlet"}} {
		got, err := db.counts(ctx, q, true)
		if err != nil {
			t.Fatal(err)
		}
		want, err := db.counts(ctx, q, false)
		if err != nil {
			t.Fatal(err)
		}
		if len(got) != len(want) {
			t.Errorf("counts by %s (split %v): %d groups from the rollups, %d from the events", q.By, q.SplitQuad, len(got), len(want))
			continue
		}
		for i := range got {
			g, w := got[i], want[i]
			if g.Key != w.Key || g.Count != w.Count || g.QuadClass != w.QuadClass || math.Abs(g.Goldstein-w.Goldstein) > 1e-9 {
				t.Errorf("counts by %s (split %v): group %d is %+v from the rollups, %+v from the events", q.By, q.SplitQuad, i, g, w)
				break
			}
		}
	}
}
