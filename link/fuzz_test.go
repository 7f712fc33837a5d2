package link

import (
	"context"
	"fmt"
	"testing"

	"github.com/dyad-events/dyad"
	"github.com/dyad-events/dyad/packs"
)

// FuzzLink links records made of arbitrary text and fields: Link must not panic or fail on any input.
func FuzzLink(f *testing.F) {
	f.Add("Vietnam and China: a top priority.", "en", "042", "2025-02-18", "VNM", "CHN", "p1", 3, 20)
	f.Add("周边外交的优先方向", "zh", "04", "2025-02", "", "IGOUNO", "", 0, 1)
	f.Add("", "", "", "garbage", "X", "", "", -5, 99999)
	idx := newMemIndex()
	l, err := New(packs.Default(), idx, Options{})
	if err != nil {
		f.Fatal(err)
	}
	n := 0
	f.Fuzz(func(t *testing.T, text, lang, code, date, c1, c2, person string, start, end int) {
		n++
		if n%1000 == 0 {
			idx = newMemIndex() // keep the index small
			l.idx = idx
		}
		rec := &dyad.Record{Article: dyad.Article{ID: fmt.Sprint("a", n), Lang: lang, Text: text, Published: dyad.NullString(date)},
			Mentions: []dyad.ActorMention{{Start: start, End: end, Actor: dyad.ActorRef{Country: c2}},
				{Actor: dyad.ActorRef{ID: person, Type: dyad.TypePerson, Country: c1}}},
			Events: []dyad.Event{
				{Code: code, Date: dyad.NullString(date), Source: dyad.EventActor{Country: c1, ActorID: person},
					Target: dyad.EventActor{Code: c2}, Mentions: []dyad.EventMention{{Start: start, End: end}}},
				{Code: code, Source: dyad.EventActor{Country: c2}, Target: dyad.EventActor{Country: c1, ActorID: person}},
			},
			Statements: []dyad.Statement{{Text: text, Lang: lang, Start: start, End: end, Speaker: dyad.ActorRef{Code: c1}}},
		}
		if err := l.Link(context.Background(), rec); err != nil {
			t.Fatal(err)
		}
		for _, ev := range rec.Events {
			if ev.ID == "" || ev.Key == "" || len(ev.Mentions) != 1 {
				t.Fatalf("event %+v", ev)
			}
		}
		idx.save(rec)
	})
}
