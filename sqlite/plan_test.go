package sqlite

import (
	"context"
	"database/sql"
	"encoding/json"
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
// events table, and one mention for each, and updates the planner statistics.
func fillEvents(t testing.TB, db *DB, n int) {
	t.Helper()
	ctx := context.Background()
	stmts := []string{
		`INSERT INTO articles (id, uri, title, lang, text, ingested) VALUES ('bulk', 'bulk', 'bulk', 'en', 'bulk', '2024-01-01T00:00:00Z')`,
		fmt.Sprintf(`WITH RECURSIVE seq(i) AS (SELECT 0 UNION ALL SELECT i + 1 FROM seq WHERE i < %d),
			c(k, code) AS (VALUES (0, 'VNMGOV'), (1, 'CHNGOV'), (2, 'USAGOV'), (3, 'FRAGOV'), (4, 'NLDGOV'),
				(5, 'DEUGOV'), (6, 'JPNMIL'), (7, 'CHNMIL'))
			INSERT INTO events (id, key, date, date_precision, source_code, target_code, code, root, quad_class, goldstein)
			SELECT 'bulk-' || i, 'k' || (i %% 997),
				date('2015-01-01', '+' || ((i * 7919) %% 3650) || ' days'), 'day',
				(SELECT code FROM c WHERE k = i %% 8), (SELECT code FROM c WHERE k = (i / 8 + i / 64) %% 8),
				printf('%%03d', 10 + (i %% 6) * 7), substr(printf('%%03d', 10 + (i %% 6) * 7), 1, 2), 1 + i %% 4, 1.5
			FROM seq`, n-1),
		// nine events in ten placed: 40 places in 8 countries, 2 regions each, spread over the globe
		`UPDATE events SET place = json_object('place_id', CAST(1000 + rid % 40 AS TEXT),
			'country', substr('VNMCHNUSAFRANLDDEUJPNBRA', 1 + 3 * (rid % 8), 3),
			'admin1', substr('VNCNUSFRNLDEJPBR', 1 + 2 * (rid % 8), 2) || '.' || (rid % 16 / 8),
			'lat', -60.0 + (rid % 40) * 3.1, 'lon', -170.0 + (rid % 40) * 8.7) WHERE rid % 10 <> 0`,
		`INSERT INTO event_mentions (event_id, article_id, span_start, span_end, lang)
			SELECT id, 'bulk', rid, rid + 1, CASE WHEN rid % 50 = 0 THEN 'vi' ELSE 'en' END FROM events`,
		`ANALYZE`,
	}
	for _, s := range stmts {
		if _, err := db.writer.ExecContext(ctx, s); err != nil {
			t.Fatalf("fill events: %v", err)
		}
	}
}

func queryPlan(t testing.TB, db *DB, query string, args []any) string {
	t.Helper()
	return planOn(t, db.reader, query, args...)
}

// planOn returns the steps of conn's EXPLAIN QUERY PLAN for query, one a line. Plans of indexes a test has just
// made are asked of the writer, the connection that made them (a reader may not see them yet).
func planOn(t testing.TB, conn *sql.DB, query string, args ...any) string {
	t.Helper()
	rows, err := conn.Query("EXPLAIN QUERY PLAN "+query, args...)
	if err != nil {
		t.Fatal(err)
	}
	defer rows.Close()
	var lines []string
	for rows.Next() {
		var id, parent, unused int
		var detail string
		if err := rows.Scan(&id, &parent, &unused, &detail); err != nil {
			t.Fatal(err)
		}
		lines = append(lines, detail)
	}
	if err := rows.Err(); err != nil {
		t.Fatal(err)
	}
	return strings.Join(lines, "\n")
}

// TestEventsPlan checks that the indexes serve the filtered Events queries: none may scan the events table.
// DYAD_PLAN_EVENTS sets the number of events (default 20,000); with 1000000 it also prints the timings.
func TestEventsPlan(t *testing.T) {
	n := 20000
	if v, err := strconv.Atoi(os.Getenv("DYAD_PLAN_EVENTS")); err == nil && v > 0 {
		n = v
	}
	db := openTemp(t)
	defer db.Close()
	start := time.Now()
	fillEvents(t, db, n)
	t.Logf("filled %d events in %v", n, time.Since(start))
	for _, q := range []dyad.EventQuery{
		{Dyad: [2]string{"VNM", "CHN"}, From: "2020-01-01", To: "2020-12-31"},
		{Dyad: [2]string{"VNMGOV", "CHNMIL"}},
		{Actor: "USA", From: "2021-06-01", To: "2021-06-30"},
		{Source: "FRA", Code: "03"},
		{Code: "024", From: "2022-01-01"},
		{From: "2023-01-01", To: "2023-01-31"},
		{Target: "DEU"},
		{Dyad: [2]string{"VNM", "JPN"}, From: "2024-01-01"},
		{Code: "20"}, // a root no event has
		{Lang: "vi"},
		{Place: "VNM"},
		{Place: "CN.1", From: "2019-01-01", To: "2019-12-31"},
		{Place: "1017"},
		{Place: "1017", Code: "03"},
		{BBox: &dyad.BBox{West: -180, South: -90, East: 180, North: 90}},         // dense: events_geo_date's order
		{BBox: &dyad.BBox{West: 40, South: 10, East: 60, North: 30}, Code: "03"}, // sparse: events_geo
	} {
		query, args := eventsSQL(q)
		plan := queryPlan(t, db, query, args)
		for _, line := range strings.Split(plan, "\n") {
			if q.BBox != nil {
				break // Events chooses the box's index (TestGeoPlan)
			}
			if strings.HasPrefix(line, "SCAN e") && !strings.Contains(line, "INDEX") {
				t.Errorf("%+v: the plan scans the events table:\n%s", q, plan)
			}
		}
		var took [2]time.Duration // the first run reads cold pages
		var evs []dyad.Event
		var err error
		for i := range took {
			start := time.Now()
			evs, err = db.Events(context.Background(), q)
			if err != nil {
				t.Fatal(err)
			}
			took[i] = time.Since(start)
		}
		t.Logf("%+v: %d events in %v (first run %v)\n%s", q, len(evs), took[1], took[0], plan)
	}
}

// TestCandidatesPlan checks that each part of EventCandidates' query is a range of one index: the work of a
// lookup is bounded by the events of one key in a window, not by the store.
func TestCandidatesPlan(t *testing.T) {
	db := openTemp(t)
	for _, q := range []dyad.CandidateQuery{
		{Keys: []string{"04|CHN|VNM"}, From: "2024-03-01", To: "2024-03-07", Undated: true, PublishedFrom: "2024-03-01", PublishedTo: "2024-04-07"},
		{Keys: []string{"04|CHN|VNM"}, Undated: true},
	} {
		query, args := candidatesSQL(q.Keys[0], q)
		plan := strings.Split(queryPlan(t, db, query, args), "\n")
		for _, d := range plan {
			if strings.HasPrefix(d, "SCAN e") || strings.HasPrefix(d, "SCAN m") || strings.Contains(d, "(key=?)") ||
				strings.Contains(d, "events_date") {
				t.Errorf("%+v: plan step %q reads more than one key's window:\n%s", q, d, strings.Join(plan, "\n"))
			}
		}
	}
}

// TestGeoPlan checks that a box or circle with a root, a code and dates chooses its page from the geo indexes
// alone: the cells' latitude ranges of events_geo (a sparse area) or events_geo_date in date order (a dense
// one), no column of the events table read before the page's rids are known.
func TestGeoPlan(t *testing.T) {
	db := openTemp(t)
	box := &dyad.BBox{West: 100, South: 10, East: 120, North: 30}
	for _, q := range []dyad.EventQuery{
		{BBox: box},
		{BBox: box, Code: "042", From: "2020", To: "2021-06"},
		{Near: &dyad.Near{Lat: 10, Lon: 179, KM: 300}, Code: "04"},
	} {
		for _, idx := range []string{"events_geo", "events_geo_date"} {
			d := dialect
			d.GeoIndex = "events e INDEXED BY " + idx
			q.Page = dyad.Page{Limit: 51}
			query, args := d.EventsSQL(q, eventCols, DefaultLimit, MaxLimit)
			plan := queryPlan(t, db, query, args)
			want := "SEARCH e USING INDEX events_geo (geo_cell=? AND lat>? AND lat<?)"
			if idx == "events_geo_date" {
				want = "e USING INDEX events_geo_date"
			}
			if !strings.Contains(plan, want) || !strings.Contains(plan, "SEARCH e USING INTEGER PRIMARY KEY (rowid=?)") {
				t.Errorf("%s %+v: plan\n%s\nwant %q, then the rows by rowid", idx, q, plan, want)
			}
			// The inner query alone: its program reads columns from the index cursor, none from the table's.
			inner := query[strings.Index(query, "SELECT e.rid FROM") : strings.LastIndex(query, " LIMIT ?))")+len(" LIMIT ?")]
			rows, err := db.reader.Query("EXPLAIN "+inner, args[:strings.Count(inner, "?")]...)
			if err != nil {
				t.Fatal(err)
			}
			table := -1
			for rows.Next() {
				var addr, p1, p2, p3 int
				var op string
				var p4, p5, comment any
				if err := rows.Scan(&addr, &op, &p1, &p2, &p3, &p4, &p5, &comment); err != nil {
					t.Fatal(err)
				}
				if op == "OpenRead" && table < 0 {
					table = p1 // the table is opened first, then its index
				}
				if op == "Column" && p1 == table {
					t.Errorf("%s %+v: the inner query reads column %d of the events row: %s", idx, q, p2, inner)
				}
			}
			rows.Close()
		}
	}
}

// TestActorIDIndexesUnused shows why migration 0012 dropped the partial indexes over the events' actor ids:
// "source_actor_id = ?" does not imply their "source_actor_id <> ”" (the parameter may be empty), so SQLite
// plans no query with them, the actor filter's included, though it would use a full index for the same
// term. If this fails, SQLite has learnt to use them: measure whether the actor filter wants them back.
// The plans are asked of the writer, the connection that made the indexes (a reader may not see them yet).
func TestActorIDIndexesUnused(t *testing.T) {
	db := openTemp(t)
	defer db.Close()
	fillEvents(t, db, 2000)
	ctx := context.Background()
	exec := func(q string) {
		t.Helper()
		if _, err := db.writer.ExecContext(ctx, q); err != nil {
			t.Fatalf("%s: %v", q, err)
		}
	}
	plan := func(query string, args ...any) string { t.Helper(); return planOn(t, db.writer, query, args...) }
	exec(`UPDATE events SET source_actor_id = 'Q' || (rowid % 50), target_actor_id = 'Q' || (rowid % 40) WHERE rowid % 3 = 0`)
	exec(`CREATE INDEX events_source_actor ON events (source_actor_id) WHERE source_actor_id <> ''`)
	exec(`CREATE INDEX events_target_actor ON events (target_actor_id) WHERE target_actor_id <> ''`)
	if p := plan("SELECT id FROM events WHERE source_actor_id <> '' AND source_actor_id = ?", "Q7"); !strings.Contains(p, "events_source_actor") {
		t.Fatalf("the partial index is not seen even where its condition is written out:\n%s", p)
	}
	actorQuery, actorArgs := eventsSQL(dyad.EventQuery{Actor: "Q7"})
	for _, c := range []struct {
		query string
		args  []any
	}{
		{"SELECT id FROM events WHERE source_actor_id = ?", []any{"Q7"}},
		{"SELECT id FROM events WHERE target_actor_id = ?", []any{"Q7"}},
		{actorQuery, actorArgs},
	} {
		if p := plan(c.query, c.args...); strings.Contains(p, "_actor") {
			t.Errorf("%s: the plan uses a partial actor-id index:\n%s", c.query, p)
		}
	}
	// A full index serves the same term: the partial one is left out for its condition, not for its worth.
	exec(`CREATE INDEX full_source_actor ON events (source_actor_id)`)
	if p := plan("SELECT id FROM events WHERE source_actor_id = ?", "Q7"); !strings.Contains(p, "full_source_actor") {
		t.Errorf("a full index over source_actor_id is not used either:\n%s", p)
	}
}

// TestSpeakerCodeIndexUnused shows why migration 0014 dropped statements_speaker_code: the speaker filter ORs
// a LIKE '%...%' on the folded name, which no index answers, with the code's range, so SQLite scans the
// statements whether the index is there or not. If this fails, the filter has learnt to use an index:
// measure whether it wants this one back.
func TestSpeakerCodeIndexUnused(t *testing.T) {
	db := openTemp(t)
	defer db.Close()
	ctx := context.Background()
	if _, err := db.SaveBatch(ctx, storetest.SyntheticRecords(40, 3)); err != nil {
		t.Fatal(err)
	}
	for _, q := range []string{"CREATE INDEX statements_speaker_code ON statements (speaker_code)", "ANALYZE"} {
		if _, err := db.writer.ExecContext(ctx, q); err != nil {
			t.Fatalf("%s: %v", q, err)
		}
	}
	query, args := statementsSQL(dyad.StatementQuery{Speaker: "VNMGOV"})
	if p := planOn(t, db.writer, query, args...); strings.Contains(p, "statements_speaker_code") || !strings.Contains(p, "SCAN s") {
		t.Errorf("the speaker filter's plan:\n%s\nwant a scan of the statements, without statements_speaker_code", p)
	}
}

// TestEventIndexesDropOne drops each of the events' indexes in turn (and event_mentions_lang), in a
// transaction it rolls back (the planner's statistics of the others stay as they were), and reports which of
// the API's event filters then plan differently, and how long each takes before and after: an index no plan
// needs costs every save for nothing. It runs with DYAD_PLAN_DROP set (a number of events, e.g. 200000)
// and fails nothing: it is a measuring tool (docs/benchmarks.md, round twenty).
func TestEventIndexesDropOne(t *testing.T) {
	n, err := strconv.Atoi(os.Getenv("DYAD_PLAN_DROP"))
	if err != nil || n <= 0 {
		t.Skip("DYAD_PLAN_DROP (a number of events) not set")
	}
	db := openTemp(t)
	defer db.Close()
	fillEvents(t, db, n)
	queries := []dyad.EventQuery{
		{},
		{From: "2023-01-01", To: "2023-01-31"},
		{Dyad: [2]string{"VNM", "CHN"}, From: "2020-01-01", To: "2020-12-31"},
		{Dyad: [2]string{"VNMGOV", "CHNMIL"}},
		{Dyad: [2]string{"VNM", "JPN"}, From: "2024-01-01"},
		{Actor: "USA", From: "2021-06-01", To: "2021-06-30"},
		{Actor: "USA"},
		{Source: "FRA", Code: "03"},
		{Source: "FRA"},
		{Target: "DEU"},
		{Code: "024", From: "2022-01-01"},
		{Code: "20"},
		{Lang: "vi"},
		{Place: "VNM"},
		{Place: "CN.1", From: "2019-01-01", To: "2019-12-31"},
		{Place: "1017"},
		{Place: "1017", Code: "03"},
		{BBox: &dyad.BBox{West: -180, South: -90, East: 180, North: 90}},
		{BBox: &dyad.BBox{West: 40, South: 10, East: 60, North: 30}, Code: "03"},
	}
	ctx := context.Background()
	tx, err := db.writer.BeginTx(ctx, nil)
	if err != nil {
		t.Fatal(err)
	}
	defer tx.Rollback()
	run := func(q dyad.EventQuery) (string, time.Duration) {
		query, args := eventsSQL(q)
		rows, err := tx.QueryContext(ctx, "EXPLAIN QUERY PLAN "+query, args...)
		if err != nil {
			t.Fatal(err)
		}
		var lines []string
		for rows.Next() {
			var id, parent, unused int
			var detail string
			rows.Scan(&id, &parent, &unused, &detail)
			lines = append(lines, detail)
		}
		rows.Close()
		best := time.Duration(1 << 62)
		for range 2 {
			start := time.Now()
			rows, err := tx.QueryContext(ctx, query, args...)
			if err != nil {
				t.Fatal(err)
			}
			for rows.Next() {
			}
			rows.Close()
			best = min(best, time.Since(start))
		}
		return strings.Join(lines, "; "), best
	}
	short := func(q dyad.EventQuery) string {
		b, _ := json.Marshal(q)
		return string(b)
	}
	was := make([]string, len(queries))
	took := make([]time.Duration, len(queries))
	for i, q := range queries {
		was[i], took[i] = run(q)
		t.Logf("%s: %v: %s", short(q), took[i].Round(time.Microsecond), was[i])
	}
	rows, err := tx.QueryContext(ctx, `SELECT name FROM sqlite_master WHERE type = 'index' AND sql IS NOT NULL
		AND (tbl_name = 'events' OR name = 'event_mentions_lang') ORDER BY name`)
	if err != nil {
		t.Fatal(err)
	}
	var names []string
	for rows.Next() {
		var n string
		rows.Scan(&n)
		names = append(names, n)
	}
	rows.Close()
	for _, name := range names {
		if _, err := tx.ExecContext(ctx, "SAVEPOINT drop_one; DROP INDEX "+name); err != nil {
			t.Fatal(err)
		}
		var report []string
		for i, q := range queries {
			plan, d := run(q)
			if plan != was[i] {
				report = append(report, fmt.Sprintf("  %s: %v -> %v: %s", short(q), took[i].Round(time.Microsecond), d.Round(time.Microsecond), plan))
			}
		}
		t.Logf("without %s: %d plans change\n%s", name, len(report), strings.Join(report, "\n"))
		if _, err := tx.ExecContext(ctx, "ROLLBACK TO drop_one; RELEASE drop_one"); err != nil {
			t.Fatal(err)
		}
	}
}

// TestDeleteClaimConceptsPlan checks that a demotion deletes a claim's claim_concepts rows by the table's key
// (concept, claim_id), not by a scan of the table or a skip through every concept, with and without the
// planner's statistics.
func TestDeleteClaimConceptsPlan(t *testing.T) {
	db := openTemp(t)
	defer db.Close()
	ctx := context.Background()
	if _, err := db.SaveBatch(ctx, storetest.SyntheticRecords(40, 3)); err != nil {
		t.Fatal(err)
	}
	for _, analyze := range []bool{false, true} {
		if analyze {
			if _, err := db.writer.ExecContext(ctx, "ANALYZE"); err != nil {
				t.Fatal(err)
			}
		}
		p := planOn(t, db.writer, deleteClaimConcepts, "claim")
		if !strings.Contains(p, "claim_concepts USING PRIMARY KEY (concept=? AND claim_id=?)") {
			t.Errorf("analyzed %v: the plan of deleteClaimConcepts:\n%s\nwant a search by (concept, claim_id)", analyze, p)
		}
	}
}
