package postgres

import (
	"context"
	"testing"

	"github.com/dyad-events/dyad/storetest"
)

// TestClaimCountersAdded saves statements of a few claims in batches (some saved twice, some articles
// demoted later) and checks after each batch that every claim's counters, which a save now adds to
// rather than recounts, are those a recount over all its statements gives, and that claim_concepts
// indexes each claim by exactly its concepts.
func TestClaimCountersAdded(t *testing.T) {
	ctx := context.Background()
	db := openFresh(t)
	defer db.Close()
	for i, batch := range storetest.ClaimBatches(12, 7) {
		if _, err := db.SaveBatch(ctx, batch); err != nil {
			t.Fatal(err)
		}
		rows, err := db.pool.Query(ctx, `SELECT c.id, c.count = s.n AND c.first = coalesce(s.f, '') AND
			c.last = coalesce(s.l, '') AND c.languages = coalesce(s.langs, '{}') AND c.speakers = coalesce(s.sp, '{}')
			AND c.concepts = coalesce((SELECT array_agg(DISTINCT x ORDER BY x) FROM statements s2, unnest(s2.concepts) AS x
				WHERE s2.claim_id = c.id), '{}')
			AND ARRAY(SELECT concept FROM claim_concepts WHERE claim_id = c.id ORDER BY 1) = c.concepts,
			c.count::text || ' ' || c.first || ' ' || c.last || ' ' || c.languages::text || ' ' || c.speakers::text || ' ' || c.concepts::text
			FROM claims c JOIN (SELECT claim_id, count(*) AS n, min(date) AS f, max(date) AS l,
				array_agg(DISTINCT lang ORDER BY lang) FILTER (WHERE lang <> '') AS langs,
				array_agg(DISTINCT speaker_name ORDER BY speaker_name) FILTER (WHERE speaker_name <> '') AS sp
				FROM statements WHERE claim_id IS NOT NULL GROUP BY claim_id) s ON s.claim_id = c.id ORDER BY c.id`)
		if err != nil {
			t.Fatal(err)
		}
		n := 0
		for rows.Next() {
			var id, got string
			var ok bool
			if err := rows.Scan(&id, &ok, &got); err != nil {
				t.Fatal(err)
			}
			n++
			if !ok {
				t.Errorf("batch %d: claim %s = %s; not what a recount gives", i, id, got)
			}
		}
		rows.Close()
		if err := rows.Err(); err != nil {
			t.Fatal(err)
		}
		var claims int
		if err := db.pool.QueryRow(ctx, "SELECT count(*) FROM claims").Scan(&claims); err != nil || claims != n || n == 0 {
			t.Fatalf("batch %d: %d claims, %d with statements, %v", i, claims, n, err)
		}
	}
}
