package postgres

import (
	"context"
	"fmt"
	"os"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/dyad-events/dyad"
	"github.com/dyad-events/dyad/storetest"
)

// fillEvents inserts n generated events (8 countries, 6 codes, dates over ten years) straight into the
// events table, one mention each, and updates the planner statistics.
func fillEvents(t testing.TB, db *DB, n int) {
	t.Helper()
	ctx := context.Background()
	for _, s := range []string{
		`INSERT INTO articles (id, uri, title, lang, text, ingested) VALUES ('bulk', 'bulk', 'bulk', 'en', 'bulk', now())`,
		fmt.Sprintf(`INSERT INTO events (id, key, date, date_precision, source_code, target_code, code, root, quad_class, goldstein)
			SELECT 'bulk-' || i, 'k' || (i %% 997), to_char(date '2015-01-01' + ((i * 7919) %% 3650)::int, 'YYYY-MM-DD'), 'day',
				(ARRAY['VNMGOV','CHNGOV','USAGOV','FRAGOV','NLDGOV','DEUGOV','JPNMIL','CHNMIL'])[1 + i %% 8],
				(ARRAY['VNMGOV','CHNGOV','USAGOV','FRAGOV','NLDGOV','DEUGOV','JPNMIL','CHNMIL'])[1 + (i / 8 + i / 64) %% 8],
				lpad((10 + (i %% 6) * 7)::text, 3, '0'), left(lpad((10 + (i %% 6) * 7)::text, 3, '0'), 2), 1 + i %% 4, 1.5
			FROM generate_series(0::bigint, %d) AS i`, n-1),
		`INSERT INTO event_mentions (event_id, article_id, span_start, span_end, lang)
			SELECT id, 'bulk', rid, rid + 1, 'en' FROM events`,
		`ANALYZE`,
	} {
		if _, err := db.pool.Exec(ctx, s); err != nil {
			t.Fatalf("fill events: %v", err)
		}
	}
}

// TestEventsPlan checks that the indexes serve the filtered Events queries: none needs to read the whole
// events table. DYAD_PLAN_EVENTS sets the number of events (default 20,000); the log has plans and timings.
func TestEventsPlan(t *testing.T) {
	n := 20000
	if v, err := strconv.Atoi(os.Getenv("DYAD_PLAN_EVENTS")); err == nil && v > 0 {
		n = v
	}
	db := openFresh(t)
	defer db.Close()
	start := time.Now()
	fillEvents(t, db, n)
	t.Logf("filled %d events in %v", n, time.Since(start))
	ctx := context.Background()
	for _, q := range []dyad.EventQuery{
		{Dyad: [2]string{"VNM", "CHN"}, From: "2020-01-01", To: "2020-12-31"},
		{Dyad: [2]string{"VNMGOV", "CHNMIL"}},
		{Actor: "USA", From: "2021-06-01", To: "2021-06-30"},
		{Source: "FRA", Code: "03"},
		{Code: "024", From: "2022-01-01"},
		{From: "2023-01-01", To: "2023-01-31"},
		{Target: "DEU"},
	} {
		query, args := eventsSQL(q)
		p := planNoSeqScan(t, db, query, args)
		if strings.Contains(p, "Seq Scan on events") {
			t.Errorf("%+v: the plan reads the whole events table:\n%s", q, p)
		}
		var took [2]time.Duration // the first run reads cold pages
		var evs []dyad.Event
		for i := range took {
			start := time.Now()
			var err error
			evs, err = db.Events(ctx, q)
			if err != nil {
				t.Fatal(err)
			}
			took[i] = time.Since(start)
		}
		t.Logf("%+v: %d events in %v (first run %v)\n%s", q, len(evs), took[1], took[0], p)
	}
}

// TestSpeakerCodeIndexUnused shows why migration 0010 dropped statements_speaker_code: the speaker filter ORs
// a LIKE '%...%' on the folded name and the speaker id, which no index answers, with the code's range, so no
// bitmap OR can use it; even with sequential scans priced out, the plan reads the statements in date order.
// If this fails, the filter has learnt to use the index: measure whether it wants it back.
func TestSpeakerCodeIndexUnused(t *testing.T) {
	db := openFresh(t)
	defer db.Close()
	ctx := context.Background()
	if _, err := db.SaveBatch(ctx, storetest.SyntheticRecords(200, 3)); err != nil {
		t.Fatal(err)
	}
	for _, q := range []string{"CREATE INDEX statements_speaker_code ON statements (speaker_code)", "ANALYZE statements"} {
		if _, err := db.pool.Exec(ctx, q); err != nil {
			t.Fatalf("%s: %v", q, err)
		}
	}
	query, args := statementsSQL(dyad.StatementQuery{Speaker: "VNMGOV"})
	if p := planNoSeqScan(t, db, query, args); strings.Contains(p, "statements_speaker_code") {
		t.Errorf("the speaker filter's plan uses statements_speaker_code:\n%s", p)
	}
}

// planNoSeqScan returns PostgreSQL's EXPLAIN of query with sequential scans priced out: a plan that still reads a
// whole table has no index to use (on a small table the planner may rightly prefer the scan otherwise).
func planNoSeqScan(t testing.TB, db *DB, query string, args []any) string {
	t.Helper()
	ctx := context.Background()
	tx, err := db.pool.Begin(ctx)
	if err != nil {
		t.Fatal(err)
	}
	defer tx.Rollback(ctx)
	if _, err := tx.Exec(ctx, "SET LOCAL enable_seqscan = off"); err != nil {
		t.Fatal(err)
	}
	rows, err := tx.Query(ctx, "EXPLAIN "+rebind(query), args...)
	if err != nil {
		t.Fatal(err)
	}
	defer rows.Close()
	var plan []string
	for rows.Next() {
		var line string
		if err := rows.Scan(&line); err != nil {
			t.Fatal(err)
		}
		plan = append(plan, line)
	}
	if err := rows.Err(); err != nil {
		t.Fatal(err)
	}
	return strings.Join(plan, "\n")
}
