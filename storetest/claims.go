package storetest

import (
	"fmt"
	"math/rand/v2"

	"github.com/dyad-events/dyad"
)

// ClaimBatches returns batches of records whose statements fall in a few claims, with languages, speakers,
// dates and concepts drawn from small sets (some empty), for checking that a store keeps each claim's
// counters as a recount over all its statements would give them. From the second batch on, each batch
// repeats a record saved before (which adds nothing), and every fourth batch's last record demotes two
// records saved before (their statements leave their claims).
func ClaimBatches(n int, seed uint64) [][]*dyad.Record {
	r := rand.New(rand.NewPCG(seed, 12))
	langs := []string{"en", "fr", "de", "vi", ""}
	speakers := []string{"Nguyen Van A", "Jean Dupont", "AT&T <press>", "Ελένη", "Zoë", "zoe", ""}
	dates := []string{"", "2024", "2024-03", "2024-03-09", "2023-12-31", "2025-01-02"}
	concepts := []string{"trade", "peace", "sea", "talks"}
	var saved []*dyad.Record
	var out [][]*dyad.Record
	k := 0
	for b := range n {
		var recs []*dyad.Record
		for range 1 + r.IntN(20) {
			k++
			id := fmt.Sprintf("claim-art-%03d", k)
			rec := &dyad.Record{Article: dyad.Article{ID: id, URI: "file:" + id, Lang: langs[r.IntN(4)],
				Text: fmt.Sprintf("text of %s", id)}}
			for j := range 1 + r.IntN(3) {
				var cs []string
				for _, c := range concepts {
					if r.IntN(3) == 0 {
						cs = append(cs, c)
					}
				}
				st := dyad.Statement{ID: fmt.Sprintf("%s-s%d", id, j), ArticleID: id, Text: "said so",
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
			recs = append(recs, saved[r.IntN(len(saved))])
		}
		if b%4 == 3 {
			last := recs[len(recs)-1]
			c := *last
			c.Demote = []string{saved[r.IntN(len(saved))].Article.ID, saved[r.IntN(len(saved))].Article.ID}
			recs[len(recs)-1] = &c
		}
		saved = append(saved, recs...)
		out = append(out, recs)
	}
	return out
}
