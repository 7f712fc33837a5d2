package sqlite

import (
	"context"
	"fmt"
	"math/rand/v2"
	"testing"

	"github.com/dyad-events/dyad"
)

// TestClaimCountersAdded saves statements of a few claims in batches (some saved twice, some articles
// demoted later) and checks after each batch that every claim's counters, which a save now adds to
// rather than recounts, are those a recount over all its statements gives, and that claim_concepts
// indexes each claim by exactly its concepts.
func TestClaimCountersAdded(t *testing.T) {
	ctx := context.Background()
	db := openTemp(t)
	defer db.Close()
	r := rand.New(rand.NewPCG(7, 12))
	langs := []string{"en", "fr", "de", "vi", ""}
	speakers := []string{"Nguyen Van A", "Jean Dupont", "AT&T <press>", "Ελένη", ""}
	dates := []string{"", "2024", "2024-03", "2024-03-09", "2023-12-31", "2025-01-02"}
	concepts := []string{"trade", "peace", "sea", "talks"}
	var saved []*dyad.Record
	n := 0
	for batch := range 12 {
		var recs []*dyad.Record
		for range 1 + r.IntN(20) {
			n++
			id := fmt.Sprintf("art-%03d", n)
			rec := &dyad.Record{Article: dyad.Article{ID: id, URI: "file:" + id, Lang: langs[r.IntN(4)],
				Text: fmt.Sprintf("text of %s", id)}}
			for k := range 1 + r.IntN(3) {
				var cs []string
				for _, c := range concepts {
					if r.IntN(3) == 0 {
						cs = append(cs, c)
					}
				}
				st := dyad.Statement{ID: fmt.Sprintf("%s-s%d", id, k), ArticleID: id, Text: "said so",
					Speaker: dyad.ActorRef{Name: speakers[r.IntN(len(speakers))]}, Lang: langs[r.IntN(len(langs))],
					Date: dyad.NullString(dates[r.IntN(len(dates))]), Concepts: cs}
				if r.IntN(5) > 0 {
					st.ClaimID = dyad.NullString(fmt.Sprintf("claim-%d", r.IntN(4)))
				}
				rec.Statements = append(rec.Statements, st)
			}
			recs = append(recs, rec)
		}
		if len(saved) > 0 {
			recs = append(recs, saved[r.IntN(len(saved))]) // saved again: adds nothing
		}
		if batch%4 == 3 {
			// The last record's article is the original of two stored ones: their statements leave their claims.
			last := recs[len(recs)-1]
			last.Demote = []string{saved[r.IntN(len(saved))].Article.ID, saved[r.IntN(len(saved))].Article.ID}
		}
		if _, err := db.SaveBatch(ctx, recs); err != nil {
			t.Fatal(err)
		}
		saved = append(saved, recs...)
		checkClaimCounters(t, db, batch)
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
