package sqlite

import (
	"context"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"reflect"
	"slices"
	"strings"
	"sync"
	"testing"
	"testing/fstest"

	"github.com/dyad-events/dyad"
	"github.com/dyad-events/dyad/storetest"
)

func openTemp(t *testing.T) *DB {
	t.Helper()
	db, _ := openTempAt(t)
	return db
}

// openTempAt is openTemp that also returns the store's path, for a test that reopens or inspects the file.
func openTempAt(t *testing.T) (*DB, string) {
	t.Helper()
	path := filepath.Join(t.TempDir(), "dyad.db")
	db, err := Open(context.Background(), path)
	if err != nil {
		t.Fatal(err)
	}
	return db, path
}

func TestConformance(t *testing.T) {
	storetest.Run(t, func(t *testing.T) dyad.Store { return openTemp(t) })
}

func TestConformanceMemory(t *testing.T) {
	storetest.Run(t, func(t *testing.T) dyad.Store {
		db, err := Open(context.Background(), ":memory:")
		if err != nil {
			t.Fatal(err)
		}
		return db
	})
}

// TestMigrateGeo opens a store of schema version 8 (the box index on lat, lon alone) that holds placed
// events: migration 0009 indexes them by cell (and 0010 keys the signatures by rowid), and the box and circle queries find the same events in the
// same order, and so do those of events saved after it.
func TestMigrateGeo(t *testing.T) {
	ctx := context.Background()
	path := filepath.Join(t.TempDir(), "dyad.db")
	db, err := Open(ctx, path)
	if err != nil {
		t.Fatal(err)
	}
	unmigrateIndexes(t, db)
	unmigrateSignatures(t, db)
	for _, q := range []string{"DROP INDEX events_geo", "DROP INDEX events_geo_date", "ALTER TABLE events DROP COLUMN geo_cell",
		"CREATE INDEX events_lat_lon ON events (lat, lon) WHERE lat IS NOT NULL", "DELETE FROM schema_version WHERE version >= 9"} {
		if _, err := db.writer.ExecContext(ctx, q); err != nil {
			t.Fatalf("%s: %v", q, err)
		}
	}
	recs := storetest.BoxRecords()
	if _, err := db.SaveBatch(ctx, recs[:30]); err != nil {
		t.Fatal(err)
	}
	unmigrateActorMentions(t, db)
	unmigrateArticleRids(t, db)
	unmigrateOutlets(t, db)
	db.Close()
	if db, err = Open(ctx, path); err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	if v, err := db.SchemaVersion(ctx); err != nil || v != 19 {
		t.Fatalf("SchemaVersion = %d, %v; want 19", v, err)
	}
	var n int
	if err := db.reader.QueryRowContext(ctx, "SELECT count(*) FROM events INDEXED BY events_geo WHERE geo_cell IN (0, 36, 72) AND lat > -90").Scan(&n); err != nil || n == 0 {
		t.Fatalf("events in cells 0, 36 and 72 by the cell index: %d, %v; want some", n, err)
	}
	if _, err := db.SaveBatch(ctx, recs[30:]); err != nil {
		t.Fatal(err)
	}
	storetest.CheckBoxes(t, db)
	defer func(n int) { denseProbe = n }(denseProbe)
	denseProbe = 1
	storetest.CheckBoxes(t, db)
}

// TestBoxesDense runs the box and circle conformance with every area dense: the page read in date order
// (events_geo_date) rather than sorted from the box index (events_geo).
func TestBoxesDense(t *testing.T) {
	defer func(n int) { denseProbe = n }(denseProbe)
	denseProbe = 1
	storetest.Boxes(t, openTemp(t))
}

// TestTwoHandles saves from two handles on one file at once, as two processes would: the writers wait for
// each other (busy_timeout) and the counters of the shared event come out exact.
func TestTwoHandles(t *testing.T) {
	path := filepath.Join(t.TempDir(), "dyad.db")
	ctx := context.Background()
	a, err := Open(ctx, path)
	if err != nil {
		t.Fatal(err)
	}
	defer a.Close()
	b, err := Open(ctx, path)
	if err != nil {
		t.Fatal(err)
	}
	defer b.Close()
	recs := storetest.SyntheticRecords(200, 5)
	for i := range recs {
		recs[i].Events[0].ID = "shared" // every article reports the same event
	}
	errs := make(chan error, 2)
	for k, db := range []*DB{a, b} {
		go func() {
			for i := k; i < len(recs); i += 2 {
				if _, err := db.Save(ctx, recs[i]); err != nil {
					errs <- err
					return
				}
			}
			errs <- nil
		}()
	}
	for range 2 {
		if err := <-errs; err != nil {
			t.Fatal(err)
		}
	}
	e, err := b.Event(ctx, "shared")
	if err != nil {
		t.Fatal(err)
	}
	if e.NumMentions != len(recs) || e.NumArticles != len(recs) {
		t.Errorf("shared event: %d mentions, %d articles; want %d", e.NumMentions, e.NumArticles, len(recs))
	}
	if v, err := a.SchemaVersion(ctx); err != nil || v != 19 {
		t.Errorf("SchemaVersion = %d, %v; want 19", v, err)
	}
}

// TestOpenTogether: several processes (here handles) that open the same new file at the same moment, as two
// `dyad worker` or `dyad ingest` started together do, all get a store: the one that takes the write lock
// first applies each migration, and the others find it applied.
func TestOpenTogether(t *testing.T) {
	ctx := context.Background()
	for round := range 5 {
		path := filepath.Join(t.TempDir(), fmt.Sprint("dyad", round, ".db"))
		errs := make(chan error, 4)
		dbs := make(chan *DB, 4)
		for range 4 {
			go func() {
				db, err := Open(ctx, path)
				dbs <- db
				errs <- err
			}()
		}
		for range 4 {
			if db := <-dbs; db != nil {
				defer db.Close()
			}
			if err := <-errs; err != nil {
				t.Fatalf("round %d: %v", round, err)
			}
		}
	}
}

func TestOpenErrors(t *testing.T) {
	for _, p := range []string{"", "a?b.db", filepath.Join(t.TempDir(), "missing", "dir", "x.db")} {
		if db, err := Open(context.Background(), p); err == nil {
			db.Close()
			t.Errorf("Open(%q): no error", p)
		}
	}
}

func TestLoadMigrations(t *testing.T) {
	for _, tc := range []struct {
		name  string
		files fstest.MapFS
		want  []int
		bad   bool
	}{
		{"ordered by number", fstest.MapFS{"m/0002_b.sql": {}, "m/0010_c.sql": {}, "m/0001_a.sql": {}, "m/README": {}}, []int{1, 2, 10}, false},
		{"no number", fstest.MapFS{"m/init.sql": {}}, nil, true},
		{"zero", fstest.MapFS{"m/0000_x.sql": {}}, nil, true},
		{"duplicate", fstest.MapFS{"m/0001_a.sql": {}, "m/1_b.sql": {}}, nil, true},
	} {
		ms, err := loadMigrations(tc.files, "m")
		if (err != nil) != tc.bad {
			t.Errorf("%s: error = %v; want bad %v", tc.name, err, tc.bad)
			continue
		}
		var got []int
		for _, m := range ms {
			got = append(got, m.Version)
		}
		if !slices.Equal(got, tc.want) {
			t.Errorf("%s: versions %v; want %v", tc.name, got, tc.want)
		}
	}
	// The embedded ones load, and a reopened database is not migrated again.
	ms, err := migrations()
	if err != nil || len(ms) == 0 {
		t.Fatalf("embedded migrations: %v, %v", ms, err)
	}
	path := filepath.Join(t.TempDir(), "dyad.db")
	for range 2 {
		db, err := Open(context.Background(), path)
		if err != nil {
			t.Fatal(err)
		}
		if v, err := db.SchemaVersion(context.Background()); err != nil || v != ms[len(ms)-1].Version {
			t.Errorf("SchemaVersion = %d, %v; want %d", v, err, ms[len(ms)-1].Version)
		}
		db.Close()
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
	storetest.RunRollups(t, func(t *testing.T) dyad.Store { return openTemp(t) }, direct)
}

// TestMigrateRollups opens a store of schema version 1 that holds rows: migration 0002 fills the rollups
// from them, migration 0003 adds the mentions' codings, NULL for the rows stored before, 0004 the mentions'
// keys, copied from their events, and 0005 the events' places, NULL before (their location text still reads).
func TestMigrateRollups(t *testing.T) {
	ctx := context.Background()
	path := filepath.Join(t.TempDir(), "dyad.db")
	db, err := Open(ctx, path)
	if err != nil {
		t.Fatal(err)
	}
	recs := storetest.SyntheticRecords(300, 9)
	recs[5].Events[0].Date = "2019-07" // a month-only date among the days
	if _, err := db.SaveBatch(ctx, recs); err != nil {
		t.Fatal(err)
	}
	// Back to version 1: without the rollups and the mentions' codings, as a store written before them.
	unmigrateOutlets(t, db)
	unmigrateIndexes(t, db)
	unmigrateSignatures(t, db)
	unmigrateActorMentions(t, db)
	unmigrateArticleRids(t, db)
	for _, q := range []string{"DROP TABLE event_counts", "DROP TABLE store_totals",
		"DROP INDEX event_mentions_undated", "DROP INDEX articles_near_duplicate_of",
		"ALTER TABLE event_mentions DROP COLUMN key",
		"ALTER TABLE event_mentions DROP COLUMN coding", "DROP INDEX events_place_id_date", "DROP INDEX events_place_country_date",
		"DROP INDEX events_place_admin1_date", "DROP INDEX events_geo", "DROP INDEX events_geo_date",
		"ALTER TABLE events DROP COLUMN geo_cell", "ALTER TABLE events DROP COLUMN place_id", "ALTER TABLE events DROP COLUMN place_country",
		"ALTER TABLE events DROP COLUMN place_admin1", "ALTER TABLE events DROP COLUMN lat", "ALTER TABLE events DROP COLUMN lon",
		"ALTER TABLE events DROP COLUMN place", "DROP TABLE event_aliases",
		"CREATE INDEX actor_mentions_actor ON actor_mentions (actor_id)", "DELETE FROM schema_version WHERE version >= 2"} {
		if _, err := db.writer.ExecContext(ctx, q); err != nil {
			t.Fatalf("%s: %v", q, err)
		}
	}
	db.Close()
	db, err = Open(ctx, path)
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	if v, err := db.SchemaVersion(ctx); err != nil || v != 19 {
		t.Fatalf("SchemaVersion = %d, %v; want 19", v, err)
	}
	// Migration 0008 drops the index of actor mentions by actor.
	var idx int
	if err := db.reader.QueryRowContext(ctx, "SELECT count(*) FROM sqlite_master WHERE name = 'actor_mentions_actor'").Scan(&idx); err != nil || idx != 0 {
		t.Fatalf("actor_mentions_actor after migration 0008: %d, %v; want none", idx, err)
	}
	// Migration 0012 drops the partial indexes over the events' actor ids, which no query could use.
	if err := db.reader.QueryRowContext(ctx, `SELECT count(*) FROM sqlite_master
		WHERE name IN ('events_source_actor', 'events_target_actor')`).Scan(&idx); err != nil || idx != 0 {
		t.Fatalf("events_source_actor, events_target_actor after migration 0012: %d, %v; want none", idx, err)
	}
	// Migration 0004 gives every mention its event's key.
	var bad int
	if err := db.reader.QueryRowContext(ctx, `SELECT count(*) FROM event_mentions m JOIN events e ON e.id = m.event_id
		WHERE m.key <> e.key`).Scan(&bad); err != nil || bad != 0 {
		t.Fatalf("mentions without their event's key after migration 0004: %d, %v", bad, err)
	}
	if e, err := db.Event(ctx, recs[0].Events[0].ID); err != nil || len(e.Mentions) == 0 || e.Mentions[0].Coding != nil {
		t.Fatalf("an event stored before migration 0003 = %+v, %v; want its mentions with no coding", e, err)
	}
	for _, ev := range recs[0].Events {
		if e, err := db.Event(ctx, ev.ID); err != nil || e.Location.Text() != ev.Location.Text() || e.Location.Resolved() {
			t.Fatalf("an event stored before migration 0005: location %+v, %v; want %q as written, unresolved", e.Location, err, ev.Location.Text())
		}
	}
	if st, err := db.Stats(ctx); err != nil || st.Events == 0 {
		t.Fatalf("Stats after the migration = %+v, %v", st, err)
	}
	storetest.CheckRollups(t, db, direct, "migrated")
	// Saves after the migration keep them.
	if _, err := db.SaveBatch(ctx, storetest.SyntheticRecords(50, 10)); err != nil {
		t.Fatal(err)
	}
	storetest.CheckRollups(t, db, direct, "saved after the migration")
}

// ReleaseMemory empties the writer's page cache; the store works on as before.
func TestReleaseMemory(t *testing.T) {
	ctx := context.Background()
	db := openTemp(t)
	if _, err := db.SaveBatch(ctx, storetest.SyntheticRecords(50, 4)); err != nil {
		t.Fatal(err)
	}
	if err := db.ReleaseMemory(ctx); err != nil {
		t.Fatal(err)
	}
	if st, err := db.Stats(ctx); err != nil || st.Articles != 50 {
		t.Fatalf("Stats after ReleaseMemory = %+v, %v", st, err)
	}
}

// A batch with a large text is saved under a small page cache, and the writer has its usual cache again
// afterwards, whether the batch was stored or refused; the text is stored whole and searchable on its first
// indexedRunes characters.
func TestLargeTextSmallCache(t *testing.T) {
	ctx := context.Background()
	db := openTemp(t)
	recs := storetest.SyntheticRecords(3, 5)
	big := recs[1]
	big.Article.Text = "Zyxwvut opens the text. " + strings.Repeat(big.Article.Text+"\n\n", largeText/len(big.Article.Text)+1)
	cache := func() int {
		var kib int
		if err := db.writer.QueryRowContext(ctx, "PRAGMA cache_size").Scan(&kib); err != nil {
			t.Fatal(err)
		}
		return kib
	}
	if _, err := db.SaveBatch(ctx, recs); err != nil {
		t.Fatal(err)
	}
	if got := cache(); got != -writerCacheKiB {
		t.Errorf("cache_size after a large save = %d, want %d", got, -writerCacheKiB)
	}
	if a, err := db.Article(ctx, big.Article.ID); err != nil || a.Text != big.Article.Text {
		t.Fatalf("the large article read back: %v (text %d bytes, want %d)", err, len(a.Text), len(big.Article.Text))
	}
	if hits, err := db.Search(ctx, "zyxwvut", dyad.Page{Limit: 5}); err != nil || len(hits) != 1 || hits[0].Article.ID != big.Article.ID {
		t.Fatalf("search for the large text's first word = %+v, %v", hits, err)
	}
	// A refused batch (a record without an id) rolls back and restores the cache too.
	bad := []*dyad.Record{big, {}}
	if _, err := db.SaveBatch(ctx, bad); err == nil {
		t.Fatal("a record without an id was saved")
	}
	if got := cache(); got != -writerCacheKiB {
		t.Errorf("cache_size after a refused large save = %d, want %d", got, -writerCacheKiB)
	}
}

// TestLinkReadsInTransaction reads, inside SaveLinked's link callback, from several goroutines at once (as
// the link stage's prefetch and parts do): the answers are those the readers give outside it, and no
// reader connection serves them (they go through the save's transaction, whose page cache survives the
// commits).
func TestLinkReadsInTransaction(t *testing.T) {
	ctx := context.Background()
	db := openTemp(t)
	defer db.Close()
	recs := storetest.SyntheticRecords(60, 3)
	if _, err := db.SaveBatch(ctx, recs[:40]); err != nil {
		t.Fatal(err)
	}
	var keys []string
	rows, err := db.writer.QueryContext(ctx, "SELECT DISTINCT key FROM events WHERE key <> '' ORDER BY key LIMIT 8")
	if err != nil {
		t.Fatal(err)
	}
	for rows.Next() {
		var k string
		rows.Scan(&k)
		keys = append(keys, k)
	}
	rows.Close()
	if len(keys) == 0 {
		t.Fatal("no event keys")
	}
	// answers reads every question for the records and keys and returns the answers as text.
	answers := func(ctx context.Context) (string, error) {
		var b strings.Builder
		for _, rec := range recs {
			has, err := db.HasArticle(ctx, rec.Article.ID)
			if err != nil {
				return "", err
			}
			sims, err := db.SimilarArticles(ctx, rec.Signature.Bands)
			if err != nil {
				return "", err
			}
			fmt.Fprintf(&b, "%s %v %d:", rec.Article.ID, has, len(sims))
			for _, s := range sims {
				b.WriteString(" " + s.ArticleID)
			}
			b.WriteString("\n")
		}
		for _, k := range keys {
			evs, err := db.EventCandidates(ctx, dyad.CandidateQuery{Keys: []string{k}, Undated: true})
			if err != nil {
				return "", err
			}
			ev, err := db.Event(ctx, evs[0].ID)
			if err != nil {
				return "", err
			}
			fmt.Fprintf(&b, "%s %s %d:", k, ev.ID, len(ev.Mentions))
			for _, e := range evs {
				fmt.Fprintf(&b, " %s/%d", e.ID, len(e.Mentions))
			}
			b.WriteString("\n")
		}
		return b.String(), nil
	}
	want, err := answers(ctx)
	if err != nil {
		t.Fatal(err)
	}
	// With no idle reader kept, any read through the readers closes a connection after it.
	db.reader.SetMaxIdleConns(0)
	closed := db.reader.Stats().MaxIdleClosed
	_, err = db.SaveLinked(ctx, recs[40:], func(ctx context.Context) ([]*dyad.Record, error) {
		var wg sync.WaitGroup
		errs := make([]error, 6)
		for i := range errs {
			wg.Add(1)
			go func() {
				defer wg.Done()
				got, err := answers(ctx)
				if err == nil && got != want {
					err = fmt.Errorf("answers in the transaction differ:\n%s\nwant:\n%s", got, want)
				}
				errs[i] = err
			}()
		}
		wg.Wait()
		return recs[40:], errors.Join(errs...)
	})
	if err != nil {
		t.Fatal(err)
	}
	if n := db.reader.Stats().MaxIdleClosed - closed; n != 0 {
		t.Errorf("%d reader connections served reads inside SaveLinked's link; want none", n)
	}
	if has, err := db.HasArticle(ctx, recs[59].Article.ID); err != nil || !has {
		t.Errorf("HasArticle(last record) = %v, %v after SaveLinked; want true", has, err)
	}
}

// TestMigrateSignatures opens a store of schema version 9 (signatures and bands keyed by the article's id)
// that holds signatures: migration 0010 keys them by the article's rowid, and SimilarArticles and Record
// answer as before, for those stored before it and after.
func TestMigrateSignatures(t *testing.T) {
	ctx := context.Background()
	path := filepath.Join(t.TempDir(), "dyad.db")
	db, err := Open(ctx, path)
	if err != nil {
		t.Fatal(err)
	}
	recs := storetest.SyntheticRecords(80, 5)
	if _, err := db.SaveBatch(ctx, recs[:50]); err != nil {
		t.Fatal(err)
	}
	answers := func(db *DB) string {
		var b strings.Builder
		for _, rec := range recs {
			sims, err := db.SimilarArticles(ctx, rec.Signature.Bands)
			if err != nil {
				t.Fatal(err)
			}
			fmt.Fprintf(&b, "%s:", rec.Article.ID)
			for _, s := range sims {
				fmt.Fprintf(&b, " %s %v %v", s.ArticleID, s.MinHash[:4], s.Bands[:4])
			}
			if got, err := db.Record(ctx, rec.Article.ID); err == nil {
				fmt.Fprintf(&b, " record %v", got.Signature.MinHash[:4])
			}
			b.WriteString("\n")
		}
		return b.String()
	}
	want := answers(db)
	db = reopenAt(t, db, path, 10, unmigrateOutlets, unmigrateIndexes, unmigrateSignatures, unmigrateActorMentions, unmigrateArticleRids)
	defer db.Close()
	if got := answers(db); got != want {
		t.Errorf("after the migration:\n%s\nwant:\n%s", got, want)
	}
	if _, err := db.SaveBatch(ctx, recs[50:]); err != nil {
		t.Fatal(err)
	}
	ref := openTemp(t)
	defer ref.Close()
	if _, err := ref.SaveBatch(ctx, recs[:50]); err != nil {
		t.Fatal(err)
	}
	if _, err := ref.SaveBatch(ctx, recs[50:]); err != nil {
		t.Fatal(err)
	}
	if got, want := answers(db), answers(ref); got != want {
		t.Errorf("migrated store, then 30 more records:\n%s\nwant:\n%s", got, want)
	}
	if !strings.Contains(want, "record") || strings.Count(want, " ") < 2*len(recs) {
		t.Errorf("too few answers to compare:\n%s", want)
	}
}

// reopenAt rolls db back to the schema before version from (each unmigrate undoes one migration; the
// schema_version rows from it on are deleted), closes it and opens path again, which migrates it back: the
// reopened store is at the version db was at before.
func reopenAt(t *testing.T, db *DB, path string, from int, unmigrate ...func(*testing.T, *DB)) *DB {
	t.Helper()
	ctx := context.Background()
	current, err := db.SchemaVersion(ctx)
	if err != nil {
		t.Fatal(err)
	}
	for _, u := range unmigrate {
		u(t, db)
	}
	if _, err := db.writer.ExecContext(ctx, "DELETE FROM schema_version WHERE version >= ?", from); err != nil {
		t.Fatal(err)
	}
	db.Close()
	if db, err = Open(ctx, path); err != nil {
		t.Fatal(err)
	}
	if v, err := db.SchemaVersion(ctx); err != nil || v != current {
		t.Fatalf("SchemaVersion = %d, %v after the migration from %d; want %d", v, err, from, current)
	}
	return db
}

// unmigrateSignatures turns db's signatures and bands back into the tables of schema version 9.
func unmigrateSignatures(t *testing.T, db *DB) {
	t.Helper()
	for _, q := range []string{
		`CREATE TABLE old_signatures (article_id TEXT PRIMARY KEY REFERENCES articles (id), minhash BLOB NOT NULL, bands BLOB NOT NULL) WITHOUT ROWID`,
		`INSERT INTO old_signatures SELECT article_id, minhash, bands FROM signatures`,
		`CREATE TABLE old_bands (band INTEGER NOT NULL, article_id TEXT NOT NULL REFERENCES articles (id), PRIMARY KEY (band, article_id)) WITHOUT ROWID`,
		`INSERT INTO old_bands SELECT b.band, a.id FROM bands b JOIN articles a ON a.rid = b.rid`,
		`DROP TABLE signatures`, `DROP TABLE bands`,
		`ALTER TABLE old_signatures RENAME TO signatures`, `ALTER TABLE old_bands RENAME TO bands`,
	} {
		if _, err := db.writer.Exec(q); err != nil {
			t.Fatalf("%s: %v", q, err)
		}
	}
}

// unmigrateActorMentions turns db's actor mentions back into the table of schema version 10: a row a mention.
func unmigrateActorMentions(t *testing.T, db *DB) {
	t.Helper()
	for _, q := range []string{
		`CREATE TABLE old_actor_mentions (article_id TEXT NOT NULL REFERENCES articles (id), seq INTEGER NOT NULL,
			span_start INTEGER NOT NULL, span_end INTEGER NOT NULL, text TEXT NOT NULL, actor_id TEXT NOT NULL,
			actor_name TEXT NOT NULL, actor_type TEXT NOT NULL, actor_country TEXT NOT NULL DEFAULT '',
			actor_sector TEXT NOT NULL DEFAULT '', actor_code TEXT NOT NULL DEFAULT '',
			provisional INTEGER NOT NULL DEFAULT 0, via TEXT NOT NULL DEFAULT '', PRIMARY KEY (article_id, seq)) WITHOUT ROWID`,
		// The stored form (appendMentions): a mention's text, when left out, is the article's at its span; its
		// actor by rowid in actor_refs.
		`INSERT INTO old_actor_mentions SELECT a.id, j.key, j.value->>0, j.value->>1,
			coalesce(j.value->>4, CAST(substr(CAST(a.text AS BLOB), (j.value->>0) + 1, (j.value->>1) - (j.value->>0)) AS TEXT)),
			x.ref->>0, x.ref->>1, x.ref->>2, x.ref->>3, x.ref->>4, x.ref->>5, x.ref->>6, j.value->>3
			FROM actor_mentions m JOIN articles a ON a.rid = m.rid, json_each(m.mentions, '$.mentions') j,
			json_each(m.mentions, '$.refs') r JOIN actor_refs x ON x.rid = r.value WHERE r.key = j.value->>2`,
		`DROP TABLE actor_mentions`, `ALTER TABLE old_actor_mentions RENAME TO actor_mentions`, `DROP TABLE actor_refs`,
	} {
		if _, err := db.writer.Exec(q); err != nil {
			t.Fatalf("%s: %v", q, err)
		}
	}
}

// TestMigrateActorMentions opens a store of schema version 10 (a row per actor mention) that holds
// mentions, with quotes, backslashes and control characters in their texts: migration 0011 packs each
// article's into one row, and Record reads the same mentions, for the articles stored before it and after.
func TestMigrateActorMentions(t *testing.T) {
	ctx := context.Background()
	path := filepath.Join(t.TempDir(), "dyad.db")
	db, err := Open(ctx, path)
	if err != nil {
		t.Fatal(err)
	}
	recs := storetest.SyntheticRecords(60, 7)
	odd := dyad.ActorMention{Start: 3, End: 9, Text: "a \"quoted\" \\ name\n\twith\x01 control, 北京, Đà Nẵng",
		Actor: dyad.ActorRef{ID: "x\"y", Name: "Name\\", Type: "person", Country: "VNM", Sector: "GOV", Code: "VNMGOV", Provisional: true},
		Via:   "title"}
	recs[3].Mentions = append(recs[3].Mentions, odd)
	recs[40].Mentions = append(recs[40].Mentions, odd)
	recs[7].Mentions = nil
	if _, err := db.SaveBatch(ctx, recs[:30]); err != nil {
		t.Fatal(err)
	}
	mentions := func(db *DB) string {
		var b strings.Builder
		for _, rec := range recs {
			got, err := db.Record(ctx, rec.Article.ID)
			if err != nil {
				continue
			}
			fmt.Fprintf(&b, "%s: %d %#v\n", rec.Article.ID, len(got.Mentions), got.Mentions)
		}
		return b.String()
	}
	want := mentions(db)
	db = reopenAt(t, db, path, 11, unmigrateOutlets, unmigrateIndexes, unmigrateActorMentions, unmigrateArticleRids)
	defer db.Close()
	if got := mentions(db); got != want {
		t.Errorf("after the migration:\n%s\nwant:\n%s", got, want)
	}
	if _, err := db.SaveBatch(ctx, recs[30:]); err != nil {
		t.Fatal(err)
	}
	ref := openTemp(t)
	defer ref.Close()
	if _, err := ref.SaveBatch(ctx, recs); err != nil {
		t.Fatal(err)
	}
	got, want := mentions(db), mentions(ref)
	if got != want {
		t.Errorf("migrated store, then 30 more records:\n%s\nwant:\n%s", got, want)
	}
	for _, i := range []int{3, 40} {
		rec, err := db.Record(ctx, recs[i].Article.ID)
		if err != nil {
			t.Fatal(err)
		}
		if !reflect.DeepEqual(rec.Mentions, recs[i].Mentions) {
			t.Errorf("record %d mentions:\n%#v\nwant:\n%#v", i, rec.Mentions, recs[i].Mentions)
		}
	}
	if rec, err := db.Record(ctx, recs[7].Article.ID); err != nil || rec.Mentions == nil || len(rec.Mentions) != 0 {
		t.Errorf("an article without mentions: %v, %v; want an empty list", rec, err)
	}
}

// unmigrateArticleRids turns db's event mentions and statements back into the tables of schema version 12:
// found by their article's id, without the article's rowid.
func unmigrateArticleRids(t *testing.T, db *DB) {
	t.Helper()
	for _, q := range []string{
		"DROP INDEX event_mentions_article_rid", "ALTER TABLE event_mentions DROP COLUMN article_rid",
		"CREATE INDEX event_mentions_article ON event_mentions (article_id)",
		"DROP INDEX statements_article_rid", "ALTER TABLE statements DROP COLUMN article_rid",
		"CREATE INDEX statements_article ON statements (article_id)",
	} {
		if _, err := db.writer.Exec(q); err != nil {
			t.Fatalf("%s: %v", q, err)
		}
	}
}

// TestMigrateArticleRids opens a store of schema version 12 (event mentions and statements indexed by their
// article's id) that holds articles, one of them demoted as a near-duplicate: migration 0013 gives its rows
// their article's rowid, and every read by article (a record, the events and the statements of an article)
// finds the same as before, for the articles stored before it and after; the article id indexes are gone.
func TestMigrateArticleRids(t *testing.T) {
	ctx := context.Background()
	path := filepath.Join(t.TempDir(), "dyad.db")
	db, err := Open(ctx, path)
	if err != nil {
		t.Fatal(err)
	}
	recs := storetest.SyntheticRecords(60, 11)
	if _, err := db.SaveBatch(ctx, recs[:30]); err != nil {
		t.Fatal(err)
	}
	reads := func(db *DB) string {
		var b strings.Builder
		for _, rec := range recs {
			got, err := db.Record(ctx, rec.Article.ID)
			if err != nil {
				fmt.Fprintf(&b, "%s: %v\n", rec.Article.ID, err)
				continue
			}
			evs, err := db.Events(ctx, dyad.EventQuery{Article: rec.Article.ID})
			if err != nil {
				t.Fatal(err)
			}
			sts, err := db.Statements(ctx, dyad.StatementQuery{Article: rec.Article.ID})
			if err != nil {
				t.Fatal(err)
			}
			fmt.Fprintf(&b, "%s: %d events %d statements %d mentions; %d events %d statements\n%#v\n%#v\n%#v\n",
				rec.Article.ID, len(got.Events), len(got.Statements), len(got.Mentions), len(evs), len(sts),
				got.Events, got.Statements, sts)
		}
		return b.String()
	}
	want := reads(db)
	if strings.Count(want, " events ") < 30 || strings.Contains(want, " 0 statements") {
		t.Fatalf("the synthetic records are not what this test needs:\n%.2000s", want)
	}
	db = reopenAt(t, db, path, 13, unmigrateOutlets, unmigrateIndexes, unmigrateArticleRids)
	defer db.Close()
	if got := reads(db); got != want {
		t.Errorf("migrated store reads\n%.3000s\nwant\n%.3000s", got, want)
	}
	var old int
	if err := db.reader.QueryRowContext(ctx, `SELECT count(*) FROM sqlite_schema WHERE name IN
		('event_mentions_article', 'statements_article')`).Scan(&old); err != nil || old != 0 {
		t.Errorf("indexes by article id: %d, %v; want none", old, err)
	}
	// The rest saved after it, with a demotion of one of the first: found by the rowid too.
	recs[45].Demote = []string{recs[3].Article.ID}
	if _, err := db.SaveBatch(ctx, recs[30:]); err != nil {
		t.Fatal(err)
	}
	var missing int
	if err := db.reader.QueryRowContext(ctx, `SELECT (SELECT count(*) FROM event_mentions WHERE article_rid IS NULL OR
		article_rid <> (SELECT rid FROM articles a WHERE a.id = article_id)) + (SELECT count(*) FROM statements
		WHERE article_rid IS NULL OR article_rid <> (SELECT rid FROM articles a WHERE a.id = article_id))`).Scan(&missing); err != nil || missing != 0 {
		t.Errorf("rows without their article's rowid: %d, %v", missing, err)
	}
	if got, err := db.Record(ctx, recs[3].Article.ID); err != nil || len(got.Events) != 0 {
		t.Errorf("demoted article: %v events, %v; want none", len(got.Events), err)
	}
	if got, err := db.Record(ctx, recs[50].Article.ID); err != nil || len(got.Statements) == 0 {
		t.Errorf("article saved after the migration: %v", err)
	}
}

// unmigrateIndexes gives db back the index of schema version 13 that migration 0014 drops.
func unmigrateIndexes(t *testing.T, db *DB) {
	t.Helper()
	if _, err := db.writer.Exec("CREATE INDEX statements_speaker_code ON statements (speaker_code)"); err != nil {
		t.Fatal(err)
	}
}

// TestMigrateSpeakerIndex opens a store of schema version 13 that holds statements: migration 0014 drops
// statements_speaker_code, and the speaker filter finds the same statements in the same order, for the rows
// stored before it and after.
func TestMigrateSpeakerIndex(t *testing.T) {
	ctx := context.Background()
	path := filepath.Join(t.TempDir(), "dyad.db")
	db, err := Open(ctx, path)
	if err != nil {
		t.Fatal(err)
	}
	recs := storetest.SyntheticRecords(60, 14)
	if _, err := db.SaveBatch(ctx, recs[:40]); err != nil {
		t.Fatal(err)
	}
	reads := func(db *DB) string {
		t.Helper()
		var b strings.Builder
		for _, sp := range []string{"VNMGOV", "VNM", "binh", "pham-thanh-binh", "nobody"} {
			sts, err := db.Statements(ctx, dyad.StatementQuery{Speaker: sp, Page: dyad.Page{Limit: 1000}})
			if err != nil {
				t.Fatal(err)
			}
			fmt.Fprintf(&b, "speaker %s: %d statements", sp, len(sts))
			for _, s := range sts {
				b.WriteString(" " + s.ID)
			}
			b.WriteString("\n")
		}
		return b.String()
	}
	want := reads(db)
	if strings.Count(want, " 40 statements") != 4 {
		t.Fatalf("the records are not what this test needs:\n%s", want)
	}
	db = reopenAt(t, db, path, 14, unmigrateOutlets, unmigrateIndexes)
	defer db.Close()
	if got := reads(db); got != want {
		t.Errorf("migrated store reads\n%s\nwant\n%s", got, want)
	}
	var old int
	if err := db.reader.QueryRowContext(ctx, "SELECT count(*) FROM sqlite_schema WHERE name = 'statements_speaker_code'").Scan(&old); err != nil || old != 0 {
		t.Errorf("statements_speaker_code after migration 0014: %d, %v; want none", old, err)
	}
	if _, err := db.SaveBatch(ctx, recs[40:]); err != nil {
		t.Fatal(err)
	}
	if got := reads(db); strings.Count(got, " 60 statements") != 4 {
		t.Errorf("after 20 more saved:\n%s", got)
	}
}

// Once the WAL holds walCheckpointBytes, a commit is followed by a checkpoint, before the count of batches
// calls for one: the saved pages are in the database file and the WAL starts over.
func TestCheckpointLongWAL(t *testing.T) {
	ctx := context.Background()
	recs := storetest.SyntheticRecords(40, 11)
	for _, c := range []struct {
		walBytes int64
		want     bool // the file holds the saved pages
	}{{1 << 40, false}, {1, true}} {
		old := walCheckpointBytes
		walCheckpointBytes = c.walBytes
		path := filepath.Join(t.TempDir(), "wal.db")
		db, err := Open(ctx, path)
		if err != nil {
			t.Fatal(err)
		}
		before := fileSize(t, path)
		if _, err := db.SaveBatch(ctx, recs); err != nil {
			t.Fatal(err)
		}
		grew := fileSize(t, path) > before
		db.Close()
		walCheckpointBytes = old
		if grew != c.want {
			t.Errorf("WAL limit %d bytes: database file grew = %v after one save, want %v", c.walBytes, grew, c.want)
		}
	}
}

func fileSize(t *testing.T, path string) int64 {
	t.Helper()
	fi, err := os.Stat(path)
	if err != nil {
		t.Fatal(err)
	}
	return fi.Size()
}

// TestEventCandidatesByCoding checks that with CandidateQuery.ByCoding the store reads, of an event told by
// many articles, one dated mention per coding (People aside) and date, whatever the number of articles, and
// every undated one.
func TestEventCandidatesByCoding(t *testing.T) {
	ctx := context.Background()
	for _, n := range []int{4, 30} {
		db := openTemp(t)
		for _, rec := range storetest.ToldRecords(n) {
			if _, err := db.Save(ctx, rec); err != nil {
				t.Fatal(err)
			}
		}
		q := dyad.CandidateQuery{Keys: []string{"VNM|CHN|04"}, From: storetest.ToldFrom, To: storetest.ToldTo, Undated: true, ByCoding: true}
		evs, err := db.EventCandidates(ctx, q)
		if err != nil {
			t.Fatal(err)
		}
		for _, ev := range evs {
			want := 2 // two codes
			if ev.ID == storetest.EvToldUndated {
				want = n
			}
			if len(ev.Mentions) != want {
				t.Errorf("%d articles: event %s with %d mentions; want %d", n, ev.ID, len(ev.Mentions), want)
			}
		}
	}
}

// TestEventCandidatesPeople checks that with CandidateQuery.People the store returns of a much-told event's
// dated mentions only those that name one of the people, and every undated one.
func TestEventCandidatesPeople(t *testing.T) {
	ctx := context.Background()
	db := openTemp(t)
	for _, rec := range storetest.ToldRecords(30) {
		if _, err := db.Save(ctx, rec); err != nil {
			t.Fatal(err)
		}
	}
	q := dyad.CandidateQuery{Keys: []string{"VNM|CHN|04"}, From: storetest.ToldFrom, To: storetest.ToldTo, Undated: true, People: []string{"person-3"}}
	evs, err := db.EventCandidates(ctx, q)
	if err != nil {
		t.Fatal(err)
	}
	for _, ev := range evs {
		want := 1
		if ev.ID == storetest.EvToldUndated {
			want = 30
		}
		if len(ev.Mentions) != want {
			t.Errorf("event %s with %d mentions; want %d", ev.ID, len(ev.Mentions), want)
		}
	}
}
