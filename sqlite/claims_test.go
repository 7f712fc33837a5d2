package sqlite

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
	db := openTemp(t)
	defer db.Close()
	for i, batch := range storetest.ClaimBatches(12, 7) {
		if _, err := db.SaveBatch(ctx, batch); err != nil {
			t.Fatal(err)
		}
		checkClaimCounters(t, db, i)
	}
}

func checkClaimCounters(t *testing.T, db *DB, batch int) {
	t.Helper()
	rows, err := db.reader.Query(`SELECT c.id, c.count = (SELECT count(*) FROM statements WHERE claim_id = c.id),
		c.first || '|' || c.last || '|' || c.languages || '|' || c.speakers || '|' || c.concepts,
		coalesce((SELECT min(date) FROM statements WHERE claim_id = c.id), '') || '|' ||
		coalesce((SELECT max(date) FROM statements WHERE claim_id = c.id), '') || '|' ||
		(SELECT json_group_array(lang) FROM
			(SELECT DISTINCT lang FROM statements WHERE claim_id = c.id AND lang <> '' ORDER BY lang)) || '|' ||
		(SELECT json_group_array(speaker_name) FROM (SELECT DISTINCT speaker_name FROM statements
			WHERE claim_id = c.id AND speaker_name <> '' ORDER BY speaker_name)) || '|' ||
		(SELECT json_group_array(value) FROM (SELECT DISTINCT j.value FROM statements s, json_each(s.concepts) j
			WHERE s.claim_id = c.id ORDER BY j.value)),
		(SELECT group_concat(concept) FROM (SELECT concept FROM claim_concepts WHERE claim_id = c.id ORDER BY 1)) IS
			(SELECT group_concat(value) FROM (SELECT value FROM json_each(c.concepts) ORDER BY 1))
		FROM claims c ORDER BY c.id`)
	if err != nil {
		t.Fatal(err)
	}
	defer rows.Close()
	claims := 0
	for rows.Next() {
		var id, got, want string
		var countOK, conceptsOK bool
		if err := rows.Scan(&id, &countOK, &got, &want, &conceptsOK); err != nil {
			t.Fatal(err)
		}
		claims++
		if !countOK || got != want || !conceptsOK {
			t.Errorf("batch %d: claim %s: count right %v, %s; want %s; claim_concepts right %v", batch, id, countOK, got,
				want, conceptsOK)
		}
	}
	if err := rows.Err(); err != nil {
		t.Fatal(err)
	}
	if claims == 0 {
		t.Fatalf("batch %d: no claims", batch)
	}
}
