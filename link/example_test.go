package link

import (
	"context"
	"fmt"

	"github.com/dyad-events/dyad"
	"github.com/dyad-events/dyad/packs"
)

// Two agencies report one meeting in two languages; the second report folds into the first one's event,
// and the statements of the two ministers, in French and in English, join one claim.
func ExampleLinker_Link() {
	idx := newMemIndex() // in a program: the store, e.g. sqlite.Open(ctx, "dyad.db")
	l, err := New(packs.Default(), idx, Options{})
	if err != nil {
		panic(err)
	}
	fr := dyad.EventActor{Code: "FRAGOV", Country: "FRA", Sector: "GOV", ActorID: "fr-minister"}
	de := dyad.EventActor{Code: "DEUGOV", Country: "DEU", Sector: "GOV", ActorID: "de-minister"}
	reports := []struct{ id, lang, date, claim string }{
		{"a1", "fr", "2024-06-03", "le ministre a réaffirmé le soutien à la souveraineté et à l'intégrité territoriale de l'Ukraine"},
		{"a2", "en", "", "the minister reaffirmed support for the sovereignty and territorial integrity of Ukraine"},
	}
	for _, r := range reports {
		rec := &dyad.Record{Article: dyad.Article{ID: r.id, Lang: r.lang, Text: r.claim},
			Mentions: []dyad.ActorMention{{Actor: dyad.ActorRef{ID: "fr-minister", Type: dyad.TypePerson, Country: "FRA"}},
				{Actor: dyad.ActorRef{ID: "de-minister", Type: dyad.TypePerson, Country: "DEU"}}},
			Events: []dyad.Event{{Code: "042", Root: "04", Date: dyad.NullString(r.date), Source: fr, Target: de,
				Mentions: []dyad.EventMention{{ArticleID: r.id, Lang: r.lang, Confidence: 0.9, Date: r.date}}}},
			Statements: []dyad.Statement{{ID: r.id + "-1", Text: r.claim, Lang: r.lang,
				Speaker: dyad.ActorRef{Country: "FRA", Code: "FRAGOV"}}}}
		if err := l.Link(context.Background(), rec); err != nil {
			panic(err)
		}
		ev, st := rec.Events[0], rec.Statements[0]
		fmt.Println(r.id, ev.Key, ev.Date, ev.Mentions[0].DateInferred, st.Concepts, rec.Claims[0].Label)
		idx.save(rec)
	}
	fmt.Println(len(idx.events), "event,", len(idx.claims), "claim")
	// Output:
	// a1 04|DEU|FRA 2024-06-03 false [sovereignty territorial-integrity] France: sovereignty, territorial integrity
	// a2 04|DEU|FRA 2024-06-03 true [sovereignty territorial-integrity] France: sovereignty, territorial integrity
	// 1 event, 1 claim
}
