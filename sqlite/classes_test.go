package sqlite

import (
	"context"
	"fmt"
	"path/filepath"
	"strings"
	"testing"

	"github.com/dyad-events/dyad"
	"github.com/dyad-events/dyad/storetest"
)

// expectedFirsts is the condition that a mention m is what first_of_class flags (of an event of two mentions
// or more: the undated ones and the first of each class), computed from all the rows
// as migration 0017 computes it (a window over each event's classes), not as the saver keeps it.
const expectedFirsts = `(m.event_id IN (SELECT event_id FROM event_mentions GROUP BY event_id HAVING count(*) > 1) AND
	(m.date = '' OR m.rowid IN (SELECT r FROM (SELECT rowid AS r,
	row_number() OVER (PARTITION BY event_id, date, coding IS NULL, CASE
		WHEN instr(coding, ',"people":{') > 0 AND coding LIKE '%}}' THEN substr(coding, 1, instr(coding, ',"people":{') - 1)
		ELSE coding END ORDER BY article_id || ':' || printf('%012d', span_start)) AS n
	FROM event_mentions WHERE date <> '') WHERE n = 1)))`

// flagErrors lists the mentions of the store at path whose first_of_class differs from expectedFirsts.
func flagErrors(t *testing.T, path string) string {
	t.Helper()
	db, err := Open(context.Background(), path)
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	rows, err := db.reader.Query(`SELECT m.event_id, m.article_id, m.span_start, m.date, m.first_of_class FROM event_mentions m
		WHERE m.first_of_class <> ` + expectedFirsts + ` ORDER BY 1, 2, 3`)
	if err != nil {
		t.Fatal(err)
	}
	defer rows.Close()
	var b strings.Builder
	for rows.Next() {
		var ev, art, date string
		var start int
		var flag bool
		if err := rows.Scan(&ev, &art, &start, &date, &flag); err != nil {
			t.Fatal(err)
		}
		fmt.Fprintf(&b, "%s %s:%d %q flagged %v\n", ev, art, start, date, flag)
	}
	if err := rows.Err(); err != nil {
		t.Fatal(err)
	}
	return b.String()
}

// openFlagChecked is openTemp that checks, once the test is over, that the saver kept first_of_class exact.
func openFlagChecked(t *testing.T) dyad.Store {
	t.Helper()
	path := filepath.Join(t.TempDir(), "dyad.db")
	db, err := Open(context.Background(), path)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() {
		if e := flagErrors(t, path); e != "" {
			t.Errorf("mentions flagged wrong (first_of_class):\n%s", e)
		}
	})
	return db
}

// TestFirstOfClassKept runs the conformance suite and the rollups' workload (saves one by one and in
// batches, re-saves, merges that move and drop mentions, demotions) and checks after each test that every
// mention's first_of_class is what the rows call for.
func TestFirstOfClassKept(t *testing.T) {
	t.Run("Conformance", func(t *testing.T) { storetest.Run(t, openFlagChecked) })
	t.Run("Rollups", func(t *testing.T) { storetest.RunRollups(t, openFlagChecked, direct) })
}

// unmigrateFirstOfClass turns db's event mentions back into those of schema version 16, without the flag.
func unmigrateFirstOfClass(t *testing.T, db *DB) {
	t.Helper()
	for _, q := range []string{"DROP INDEX event_mentions_first", "ALTER TABLE event_mentions DROP COLUMN first_of_class"} {
		if _, err := db.writer.Exec(q); err != nil {
			t.Fatalf("%s: %v", q, err)
		}
	}
}

// TestMigrateFirstOfClass opens a store of schema version 16 whose events hold many mentions of a few
// classes: migration 0017 flags the first of each (and the undated ones), the dated candidate questions
// answer as before it, and the saves after it keep the flags.
func TestMigrateFirstOfClass(t *testing.T) {
	ctx := context.Background()
	path := filepath.Join(t.TempDir(), "dyad.db")
	db, err := Open(ctx, path)
	if err != nil {
		t.Fatal(err)
	}
	recs := storetest.ToldRecords(24)
	// The last 16 first: the first 8 saved after the migration hold the first mention by id of one class.
	if _, err := db.SaveBatch(ctx, recs[8:]); err != nil {
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
	if strings.Count(want, " told-") != 16+2 {
		t.Fatalf("the records are not what this test needs:\n%s", want)
	}
	db = reopenAt(t, db, path, 17, unmigrateFirstOfClass)
	if got := asked(db); got != want {
		t.Errorf("migrated store answers\n%s\nwant\n%s", got, want)
	}
	var flagged int
	if err := db.reader.QueryRowContext(ctx, "SELECT count(*) FROM event_mentions WHERE first_of_class").Scan(&flagged); err != nil || flagged != 16+2 {
		t.Errorf("flagged mentions: %d, %v; want 18 (16 undated, the first of two classes)", flagged, err)
	}
	if _, err := db.SaveBatch(ctx, recs[:8]); err != nil {
		t.Fatal(err)
	}
	db.Close()
	if e := flagErrors(t, path); e != "" {
		t.Errorf("mentions flagged wrong after the migration and 8 more saves:\n%s", e)
	}
	db, err = Open(ctx, path)
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	if err := db.reader.QueryRowContext(ctx, "SELECT count(*) FROM event_mentions WHERE first_of_class").Scan(&flagged); err != nil || flagged != 24+2 {
		t.Errorf("flagged mentions after 8 more saves: %d, %v; want 26", flagged, err)
	}
}
