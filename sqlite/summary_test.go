package sqlite

import (
	"context"
	"database/sql"
	"encoding/json"
	"fmt"
	"slices"
	"strings"
	"testing"

	"github.com/dyad-events/dyad"
	"github.com/dyad-events/dyad/storetest"
)

// summaryErrors lists the events of the store at path whose outlets or best mention (migration 0019), where
// kept, differ from what their mentions give, and those whose languages differ from their mentions'.
func summaryErrors(t *testing.T, path string) string {
	t.Helper()
	db, err := Open(context.Background(), path)
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	rows, err := db.reader.Query(`SELECT e.id, e.languages, e.outlets, e.best,
		(SELECT json_group_array(lang) FROM (SELECT DISTINCT lang FROM event_mentions WHERE event_id = e.id AND lang <> '' ORDER BY lang)),
		(SELECT json_group_array(source) FROM (SELECT DISTINCT source FROM event_mentions WHERE event_id = e.id ORDER BY source)),
		(SELECT json_array(confidence, article_id, span_start) FROM event_mentions WHERE event_id = e.id
			ORDER BY confidence DESC, article_id, span_start LIMIT 1)
		FROM events e ORDER BY e.id`)
	if err != nil {
		t.Fatal(err)
	}
	defer rows.Close()
	var b strings.Builder
	kept := 0
	for rows.Next() {
		var id, langs, wantLangs, wantOutlets string
		var outlets, best, wantBest sql.NullString
		if err := rows.Scan(&id, &langs, &outlets, &best, &wantLangs, &wantOutlets, &wantBest); err != nil {
			t.Fatal(err)
		}
		if langs != wantLangs {
			fmt.Fprintf(&b, "%s languages %s, mentions %s\n", id, langs, wantLangs)
		}
		if outlets.Valid != best.Valid {
			fmt.Fprintf(&b, "%s outlets %v, best %v: one kept without the other\n", id, outlets, best)
		}
		if !outlets.Valid {
			continue
		}
		kept++
		if !sameJSON(t, outlets.String, wantOutlets) {
			fmt.Fprintf(&b, "%s outlets %s, mentions %s\n", id, outlets.String, wantOutlets)
		}
		if !sameJSON(t, best.String, wantBest.String) {
			fmt.Fprintf(&b, "%s best %s, mentions %s\n", id, best.String, wantBest.String)
		}
	}
	if err := rows.Err(); err != nil {
		t.Fatal(err)
	}
	return b.String()
}

// sameJSON tells whether two JSON values decode to the same value.
func sameJSON(t *testing.T, a, b string) bool {
	t.Helper()
	var x, y any
	if err := json.Unmarshal([]byte(a), &x); err != nil {
		t.Fatalf("%s: %v", a, err)
	}
	if err := json.Unmarshal([]byte(b), &y); err != nil {
		t.Fatalf("%s: %v", b, err)
	}
	return fmt.Sprint(x) == fmt.Sprint(y)
}

// openSummaryChecked is openTemp that checks, once the test is over, that what the events keep of their
// mentions is what the mentions give.
func openSummaryChecked(t *testing.T) dyad.Store {
	t.Helper()
	db, path := openTempAt(t)
	t.Cleanup(func() {
		if e := summaryErrors(t, path); e != "" {
			t.Errorf("events' outlets, best mention or languages wrong:\n%s", e)
		}
	})
	return db
}

// TestEventSummaryKept runs the conformance suite and the rollups' workload (saves one by one and in
// batches, re-saves, merges that move and drop mentions, demotions) and checks after each test that every
// event's outlets and best mention, where kept, are those of its mentions.
func TestEventSummaryKept(t *testing.T) {
	t.Run("Conformance", func(t *testing.T) { storetest.Run(t, openSummaryChecked) })
	t.Run("Rollups", func(t *testing.T) { storetest.RunRollups(t, openSummaryChecked, direct) })
}

// TestEventSummaryRead saves a much-told event's articles in batches: from the second batch on, the saver
// learns the event's outlets and best mention from the event's row, and the counters, the coding of the best
// mention and what the event keeps stay those of all its mentions.
func TestEventSummaryRead(t *testing.T) {
	ctx := context.Background()
	db, path := openTempAt(t)
	recs := storetest.ToldRecords(24)
	for i := 0; i < len(recs); i += 5 {
		if _, err := db.SaveBatch(ctx, recs[i:min(i+5, len(recs))]); err != nil {
			t.Fatal(err)
		}
	}
	var kept int
	if err := db.reader.QueryRowContext(ctx, "SELECT count(*) FROM events WHERE outlets IS NOT NULL AND num_mentions > 5").Scan(&kept); err != nil || kept == 0 {
		t.Errorf("events of more than five mentions that keep their outlets: %d, %v; want some", kept, err)
	}
	db.Close()
	if e := summaryErrors(t, path); e != "" {
		t.Errorf("events' outlets, best mention or languages wrong:\n%s", e)
	}
}

// unmigrateOutlets turns db's events back into those of schema version 18, without outlets and best.
func unmigrateOutlets(t *testing.T, db *DB) {
	t.Helper()
	for _, q := range []string{"ALTER TABLE events DROP COLUMN outlets", "ALTER TABLE events DROP COLUMN best"} {
		if _, err := db.writer.Exec(q); err != nil {
			t.Fatalf("%s: %v", q, err)
		}
	}
}

// TestMigrateOutlets opens a store of schema version 18: the events keep nothing of their mentions, the saves
// after the migration learn it from the mentions and keep it, and the answers stay the same.
func TestMigrateOutlets(t *testing.T) {
	ctx := context.Background()
	db, path := openTempAt(t)
	recs := storetest.ToldRecords(24)
	if _, err := db.SaveBatch(ctx, recs[8:]); err != nil {
		t.Fatal(err)
	}
	events := func(db *DB) string {
		evs, err := db.Events(ctx, dyad.EventQuery{Page: dyad.Page{Limit: 1000}})
		if err != nil {
			t.Fatal(err)
		}
		var b strings.Builder
		for _, e := range evs {
			fmt.Fprintf(&b, "%s %s %d %d %d %v %s\n", e.ID, e.Code, e.NumMentions, e.NumArticles, e.NumSources, e.Languages, e.Source.Name)
		}
		return b.String()
	}
	want := events(db)
	db = reopenAt(t, db, path, 19, unmigrateOutlets)
	if got := events(db); got != want {
		t.Errorf("migrated store answers\n%s\nwant\n%s", got, want)
	}
	var kept int
	if err := db.reader.QueryRowContext(ctx, "SELECT count(*) FROM events WHERE outlets IS NOT NULL OR best IS NOT NULL").Scan(&kept); err != nil || kept != 0 {
		t.Errorf("events that keep outlets after the migration: %d, %v; want 0", kept, err)
	}
	if _, err := db.SaveBatch(ctx, recs[:8]); err != nil {
		t.Fatal(err)
	}
	db.Close()
	if e := summaryErrors(t, path); e != "" {
		t.Errorf("after the migration and 8 more saves:\n%s", e)
	}
}

// remigrateFirstOfClass turns db's event mentions back into those of schema version 17, with migration
// 0017's flags and partial index.
func remigrateFirstOfClass(t *testing.T, db *DB) {
	t.Helper()
	ms, err := migrations()
	if err != nil {
		t.Fatal(err)
	}
	i := slices.IndexFunc(ms, func(m migration) bool { return m.Version == 17 })
	if i < 0 {
		t.Fatal("no migration 17")
	}
	if _, err := db.writer.Exec(ms[i].SQL); err != nil {
		t.Fatal(err)
	}
}

// TestMigrateDropFirstOfClass opens a store of schema version 17, whose mentions hold migration 0017's flags:
// migration 0018 drops them and their index, and the dated candidate questions answer as before.
func TestMigrateDropFirstOfClass(t *testing.T) {
	ctx := context.Background()
	db, path := openTempAt(t)
	recs := storetest.ToldRecords(24)
	if _, err := db.SaveBatch(ctx, recs); err != nil {
		t.Fatal(err)
	}
	q := dyad.CandidateQuery{Keys: []string{recs[0].Events[0].Key}, From: storetest.ToldFrom, To: storetest.ToldTo, Undated: true, ByCoding: true}
	asked := func(db *DB) string {
		evs, err := db.EventCandidates(ctx, q)
		if err != nil {
			t.Fatal(err)
		}
		var b strings.Builder
		for _, e := range evs {
			fmt.Fprintf(&b, "%s:", e.ID)
			for _, m := range e.Mentions {
				fmt.Fprintf(&b, " %s:%d", m.ArticleID, m.Start)
			}
			b.WriteString("\n")
		}
		return b.String()
	}
	want := asked(db)
	if strings.Count(want, " told-") != 24+2 {
		t.Fatalf("the records are not what this test needs:\n%s", want)
	}
	db = reopenAt(t, db, path, 18, unmigrateOutlets, remigrateFirstOfClass)
	defer db.Close()
	if got := asked(db); got != want {
		t.Errorf("migrated store answers\n%s\nwant\n%s", got, want)
	}
	for _, q := range []string{"SELECT count(*) FROM pragma_table_info('event_mentions') WHERE name = 'first_of_class'",
		"SELECT count(*) FROM sqlite_master WHERE name = 'event_mentions_first'"} {
		var n int
		if err := db.reader.QueryRowContext(ctx, q).Scan(&n); err != nil || n != 0 {
			t.Errorf("%s: %d, %v; want 0", q, n, err)
		}
	}
}
