package postgres

import (
	"context"
	"crypto/rand"
	"encoding/hex"
	"net/url"
	"os"
	"slices"
	"testing"

	"github.com/dyad-events/dyad"
	"github.com/dyad-events/dyad/storetest"
	"github.com/jackc/pgx/v5"
)

// testURL returns DATABASE_URL, skipping the test when it is unset (failing under CI=true).
func testURL(t testing.TB) string {
	t.Helper()
	u := os.Getenv("DATABASE_URL")
	if u == "" {
		if os.Getenv("CI") == "true" {
			t.Fatal("DATABASE_URL is not set under CI=true: the PostgreSQL tests need a server")
		}
		t.Skip("DATABASE_URL not set; skipping PostgreSQL tests")
	}
	return u
}

// openFresh opens a store in a new schema of the DATABASE_URL database, dropped when the test ends, so
// runs never collide.
func openFresh(t testing.TB) *DB {
	t.Helper()
	db, err := Open(context.Background(), freshURL(t))
	if err != nil {
		t.Fatal(err)
	}
	return db
}

// freshURL creates a new schema, dropped when the test ends, and returns DATABASE_URL with that schema first
// in its search_path.
func freshURL(t testing.TB) string {
	t.Helper()
	ctx := context.Background()
	base := testURL(t)
	conn, err := pgx.Connect(ctx, base)
	if err != nil {
		t.Fatalf("connect: %v", err)
	}
	defer conn.Close(ctx)
	b := make([]byte, 6)
	rand.Read(b)
	schema := "dyad_test_" + hex.EncodeToString(b)
	for _, q := range []string{
		// Extensions are per database: keep them in public, where every test schema finds them.
		"CREATE EXTENSION IF NOT EXISTS unaccent SCHEMA public",
		"CREATE EXTENSION IF NOT EXISTS pg_trgm SCHEMA public",
		"CREATE SCHEMA " + schema,
	} {
		if _, err := conn.Exec(ctx, q); err != nil {
			t.Fatalf("%s: %v", q, err)
		}
	}
	t.Cleanup(func() {
		conn, err := pgx.Connect(ctx, base)
		if err != nil {
			t.Errorf("connect for cleanup: %v", err)
			return
		}
		defer conn.Close(ctx)
		if _, err := conn.Exec(ctx, "DROP SCHEMA "+schema+" CASCADE"); err != nil {
			t.Errorf("drop schema %s: %v", schema, err)
		}
	})
	u, err := url.Parse(base)
	if err != nil {
		t.Fatal(err)
	}
	q := u.Query()
	q.Set("search_path", schema+",public")
	u.RawQuery = q.Encode()
	return u.String()
}

func TestConformance(t *testing.T) {
	testURL(t)
	storetest.Run(t, func(t *testing.T) dyad.Store { return openFresh(t) })
}

// TestMigrateGeo opens a store of schema version 8 (the box index on the expressions of lat, lon) that holds
// placed events: migration 0009 stores their coordinates and cell and indexes them, and the box and circle
// queries find the same events in the same order, and so do those of events saved after it.
func TestMigrateGeo(t *testing.T) {
	ctx := context.Background()
	u := freshURL(t)
	db, err := Open(ctx, u)
	if err != nil {
		t.Fatal(err)
	}
	for _, q := range []string{"ALTER TABLE events DROP COLUMN geo_cell, DROP COLUMN lat, DROP COLUMN lon",
		"CREATE INDEX events_lat_lon ON events (((place->>'lat')::float8), ((place->>'lon')::float8))",
		"DELETE FROM schema_version WHERE version >= 9"} {
		if _, err := db.pool.Exec(ctx, q); err != nil {
			t.Fatalf("%s: %v", q, err)
		}
	}
	recs := storetest.BoxRecords()
	if _, err := db.SaveBatch(ctx, recs[:30]); err != nil {
		t.Fatal(err)
	}
	db.Close()
	if db, err = Open(ctx, u); err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	if v, err := db.SchemaVersion(ctx); err != nil || v != 10 {
		t.Fatalf("SchemaVersion = %d, %v; want 10", v, err)
	}
	var n int
	if err := db.pool.QueryRow(ctx, "SELECT count(*) FROM events WHERE geo_cell IN (0, 36, 72) AND lat > -90").Scan(&n); err != nil || n == 0 {
		t.Fatalf("events in cells 0, 36 and 72: %d, %v; want some", n, err)
	}
	// Its "-- then:" line vacuumed the rewritten table, after the migration's transaction.
	var vacuums int
	if err := db.pool.QueryRow(ctx, "SELECT vacuum_count FROM pg_stat_user_tables WHERE relid = 'events'::regclass").Scan(&vacuums); err != nil || vacuums == 0 {
		t.Fatalf("vacuums of events after migration 0009: %d, %v; want one", vacuums, err)
	}
	if _, err := db.SaveBatch(ctx, recs[30:]); err != nil {
		t.Fatal(err)
	}
	storetest.CheckBoxes(t, db)
}

func TestMigrateTwice(t *testing.T) {
	db := openFresh(t)
	defer db.Close()
	if err := db.migrate(context.Background()); err != nil {
		t.Fatalf("second migrate: %v", err)
	}
	v, err := db.SchemaVersion(context.Background())
	if err != nil || v != 10 {
		t.Errorf("SchemaVersion = %d, %v; want 10", v, err)
	}
}

func TestOpenErrors(t *testing.T) {
	ctx := context.Background()
	for _, u := range []string{"not a url ::", "postgres://127.0.0.1:1/none?connect_timeout=2&sslmode=disable"} {
		if db, err := Open(ctx, u); err == nil {
			db.Close()
			t.Errorf("Open(%q): no error", u)
		}
	}
}

func TestSaveRefusesBadText(t *testing.T) {
	db := openFresh(t)
	defer db.Close()
	for _, text := range []string{"a\x00b", "bad \xff utf-8"} {
		rec := &dyad.Record{Article: dyad.Article{ID: "bad", URI: "bad.txt", Title: "t", Lang: "en", Text: text}}
		if _, err := db.Save(context.Background(), rec); err == nil {
			t.Errorf("Save(%q): no error", text)
		}
	}
	if st, err := db.Stats(context.Background()); err != nil || st.Articles != 0 {
		t.Errorf("Stats = %+v, %v; want nothing stored", st, err)
	}
}

// TestTwoWorkers saves from two connection pools at once, as two worker processes would: batches that
// share events, and articles that both workers save in opposite orders. Nothing may fail or deadlock, each
// article is stored once, and the counters come out exact.
func TestTwoWorkers(t *testing.T) {
	url := freshURL(t)
	ctx := context.Background()
	var dbs [2]*DB
	for i := range dbs {
		db, err := Open(ctx, url)
		if err != nil {
			t.Fatal(err)
		}
		defer db.Close()
		dbs[i] = db
	}
	recs := storetest.SyntheticRecords(400, 9)
	shared := []string{"shared-a", "shared-b", "shared-c"}
	for i, r := range recs {
		r.Events[0].ID = shared[i%3]
		r.Events[1].ID = shared[(i+1)%3]
	}
	// Worker 0 saves all records in order, worker 1 in reverse, each in batches of 50.
	stored := make([][]bool, 2)
	errs := make(chan error, 2)
	for w := range dbs {
		go func() {
			order := slices.Clone(recs)
			if w == 1 {
				slices.Reverse(order)
			}
			for i := 0; i < len(order); i += 50 {
				got, err := dbs[w].SaveBatch(ctx, order[i:i+50])
				if err != nil {
					errs <- err
					return
				}
				stored[w] = append(stored[w], got...)
			}
			errs <- nil
		}()
	}
	for range 2 {
		if err := <-errs; err != nil {
			t.Fatal(err)
		}
	}
	n := 0
	for _, s := range stored {
		for _, ok := range s {
			if ok {
				n++
			}
		}
	}
	if n != len(recs) {
		t.Errorf("%d articles stored; want each of %d once", n, len(recs))
	}
	total := 0
	for _, id := range shared {
		e, err := dbs[0].Event(ctx, id)
		if err != nil {
			t.Fatal(err)
		}
		if e.NumMentions != len(e.Mentions) || e.NumArticles != e.NumMentions {
			t.Errorf("%s: num_mentions %d, %d listed, %d articles", id, e.NumMentions, len(e.Mentions), e.NumArticles)
		}
		total += e.NumMentions
	}
	if total != 2*len(recs) {
		t.Errorf("shared events have %d mentions; want %d", total, 2*len(recs))
	}
}

// direct answers Stats and Counts from the rows, never from the rollups.
var direct = storetest.Direct{
	Counts: func(ctx context.Context, s dyad.Store, q dyad.CountQuery) ([]dyad.Count, error) {
		return s.(*DB).counts(ctx, q, false)
	},
	Stats: func(ctx context.Context, s dyad.Store) (dyad.Stats, error) { return s.(*DB).statsDirect(ctx) },
}

// TestRollups checks the rollups that answer Stats and the unfiltered Counts against the direct queries.
func TestRollups(t *testing.T) {
	testURL(t)
	storetest.RunRollups(t, func(t *testing.T) dyad.Store { return openFresh(t) }, direct)
}

// TestMigrateRollups opens a store of schema version 1 that holds rows: migration 0002 fills the rollups
// from them, migration 0003 adds the mentions' codings, NULL for the rows stored before, and migration 0008
// drops the index of actor mentions by actor.
func TestMigrateRollups(t *testing.T) {
	ctx := context.Background()
	u := freshURL(t)
	db, err := Open(ctx, u)
	if err != nil {
		t.Fatal(err)
	}
	recs := storetest.SyntheticRecords(300, 9)
	recs[5].Events[0].Date = "2019-07" // a month-only date among the days
	if _, err := db.SaveBatch(ctx, recs); err != nil {
		t.Fatal(err)
	}
	// Back to version 1: without the rollups and the mentions' codings, as a store written before them.
	for _, q := range []string{"DROP TABLE event_counts", "DROP TABLE store_totals",
		"DROP INDEX event_mentions_undated", "DROP INDEX articles_near_duplicate_of",
		"ALTER TABLE event_mentions DROP COLUMN key",
		"ALTER TABLE event_mentions DROP COLUMN coding", "DROP INDEX events_place_id_date", "DROP INDEX events_place_country_date",
		"DROP INDEX events_place_admin1_date", "ALTER TABLE events DROP COLUMN geo_cell, DROP COLUMN lat, DROP COLUMN lon",
		"ALTER TABLE events DROP COLUMN place", "DROP TABLE event_aliases",
		"CREATE INDEX actor_mentions_actor ON actor_mentions (actor_id)", "DELETE FROM schema_version WHERE version >= 2"} {
		if _, err := db.pool.Exec(ctx, q); err != nil {
			t.Fatalf("%s: %v", q, err)
		}
	}
	db.Close()
	db, err = Open(ctx, u)
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	if v, err := db.SchemaVersion(ctx); err != nil || v != 10 {
		t.Fatalf("SchemaVersion = %d, %v; want 10", v, err)
	}
	var idx bool
	if err := db.pool.QueryRow(ctx, "SELECT to_regclass('actor_mentions_actor') IS NOT NULL").Scan(&idx); err != nil || idx {
		t.Fatalf("actor_mentions_actor after migration 0008: %v, %v; want none", idx, err)
	}
	if e, err := db.Event(ctx, recs[0].Events[0].ID); err != nil || len(e.Mentions) == 0 || e.Mentions[0].Coding != nil {
		t.Fatalf("an event stored before migration 0003 = %+v, %v; want its mentions with no coding", e, err)
	}
	if st, err := db.Stats(ctx); err != nil || st.Events == 0 {
		t.Fatalf("Stats after the migration = %+v, %v", st, err)
	}
	storetest.CheckRollups(t, db, direct, "migrated")
	if _, err := db.SaveBatch(ctx, storetest.SyntheticRecords(50, 10)); err != nil {
		t.Fatal(err)
	}
	storetest.CheckRollups(t, db, direct, "saved after the migration")
}
