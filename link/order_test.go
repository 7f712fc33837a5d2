package link

import (
	"context"
	"fmt"
	"slices"
	"sort"
	"testing"

	"github.com/dyad-events/dyad"
)

// country is a side named only by its country: no sector, no person.
func country(c string) dyad.EventActor { return dyad.EventActor{Code: c, Name: c, Country: c} }

// chainRecords are three reports of one meeting, each in its own article: the Vietnamese side is the
// government's minister in a1, "Vietnam" in a2 and the party's secretary in a3. a2 matches both others; a1
// and a3 do not match each other (other sector, other person). Matched through one representative coding,
// the groups depended on which report came first.
func chainRecords() []*dyad.Record {
	cn := actorOf("CHN", "GOV", "minister-b")
	recs := []*dyad.Record{
		{Article: dyad.Article{ID: "a1", Lang: "en", Text: "a1"}, Events: []dyad.Event{ev("a1", "en", "040", "2024-03-01", actorOf("VNM", "GOV", "minister-a"), cn, 0, 0.8)}},
		{Article: dyad.Article{ID: "a2", Lang: "fr", Text: "a2"}, Events: []dyad.Event{ev("a2", "fr", "040", "2024-03-01", country("VNM"), cn, 0, 0.8)}},
		{Article: dyad.Article{ID: "a3", Lang: "vi", Text: "a3"}, Events: []dyad.Event{ev("a3", "vi", "040", "2024-03-01", actorOf("VNM", "PTY", "secretary-c"), cn, 0, 0.8)}},
	}
	for _, r := range recs {
		withPeople(r)
	}
	return recs
}

func orderOf(recs []*dyad.Record) string {
	s := ""
	for _, r := range recs {
		s += r.Article.ID
	}
	return s
}

// TestAnyOrderMentionCodings: every mention is matched with its own coding, so the groups are the connected
// components of the mention-level match relation whatever the order, except where a report arrives after two
// stored events it both matches (it joins the best one; the same one in either order of those two).
func TestAnyOrderMentionCodings(t *testing.T) {
	all := [][]string{{"a1@0", "a2@0", "a3@0"}}
	bridged := map[string]bool{"a1a3a2": true, "a3a1a2": true}
	var bridge [][]string
	permute(chainRecords(), 0, func(order []*dyad.Record) {
		name := orderOf(order)
		got := ingest(t, order).groups()
		if !bridged[name] {
			if fmt.Sprint(got) != fmt.Sprint(all) {
				t.Errorf("order %s: events %v, want %v", name, got, all)
			}
			return
		}
		if len(got) != 2 {
			t.Errorf("order %s: events %v, want a2 with one of a1, a3", name, got)
		}
		if bridge == nil {
			bridge = got
		} else if fmt.Sprint(got) != fmt.Sprint(bridge) {
			t.Errorf("order %s: events %v; the other bridging order gave %v", name, got, bridge)
		}
	})
}

// TestAnyOrderBridgeWithinRecord: one article reports two events that do not match each other (its a and b),
// and another article's report matches both. In either order, that report joins the better of the two and
// every mention is kept (it used to fold both of the article's mentions into one, dropping one).
func TestAnyOrderBridgeWithinRecord(t *testing.T) {
	xi := actorOf("CHN", "GOV", "xi")
	xiParty := actorOf("CHN", "PTY", "xi")
	recs := []*dyad.Record{
		{Article: dyad.Article{ID: "r1", Lang: "fr", Text: "r1", Published: "2025-04-14"}, Events: []dyad.Event{
			ev("r1", "fr", "043", "2025-04-14", actorOf("VNM", "PTY", "to-lam"), xiParty, 0, 0.9),
			ev("r1", "fr", "044", "2025-04-14", xi, actorOf("VNM", "GOV", "luong-cuong"), 500, 0.9),
		}},
		{Article: dyad.Article{ID: "r2", Lang: "vi", Text: "r2"}, Events: []dyad.Event{
			ev("r2", "vi", "042", "2025-04-14", xi, country("VNM"), 0, 0.9),
		}},
		{Article: dyad.Article{ID: "r3", Lang: "en", Text: "r3"}, Events: []dyad.Event{
			ev("r3", "en", "042", "2025-04-14", actorOf("USA", "GOV", "p"), country("VNM"), 0, 0.9),
		}},
	}
	for _, r := range recs {
		withPeople(r)
	}
	var want [][]string
	permute(recs, 0, func(order []*dyad.Record) {
		got := ingest(t, order).groups()
		n := 0
		for _, g := range got {
			n += len(g)
		}
		if n != 4 || len(got) != 3 {
			t.Errorf("order %s: events %v; want the 4 mentions in 3 events", orderOf(order), got)
		}
		if want == nil {
			want = got
		} else if fmt.Sprint(got) != fmt.Sprint(want) {
			t.Errorf("order %s: events %v, want %v", orderOf(order), got, want)
		}
	})
}

// TestAnyOrderPending links the chain through a Pending, as the pipeline does between saves: the pending
// records' mentions carry their codings, and the groups are those of the stored case.
func TestAnyOrderPending(t *testing.T) {
	want := [][]string{{"a1@0", "a2@0", "a3@0"}}
	for _, order := range [][]int{{0, 1, 2}, {2, 1, 0}, {1, 0, 2}} {
		base := chainRecords()
		p := NewPending(newMemIndex())
		l := newTestLinker(t, p)
		var recs []*dyad.Record
		for _, i := range order {
			rec := cloneRecord(base[i])
			if err := l.Link(context.Background(), rec); err != nil {
				t.Fatal(err)
			}
			for _, e := range rec.Events {
				if c := e.Mentions[0].Coding; c == nil || c.Source != base[i].Events[0].Source {
					t.Errorf("mention of %s: coding %+v", rec.Article.ID, c)
				}
			}
			p.Add(rec)
			recs = append(recs, rec)
		}
		// The events as the store will hold them: those a later record merged into another are that other.
		into := map[string]string{}
		for _, r := range recs {
			for _, mg := range r.Merge {
				for _, f := range mg.From {
					into[f] = mg.Into
				}
			}
		}
		resolve := func(id string) string {
			for into[id] != "" {
				id = into[id]
			}
			return id
		}
		byID := map[string][]string{}
		for _, r := range recs {
			for _, e := range r.Events {
				for _, m := range e.Mentions {
					if m.ArticleID == r.Article.ID {
						byID[resolve(e.ID)] = append(byID[resolve(e.ID)], fmt.Sprintf("%s@%d", m.ArticleID, m.Start))
					}
				}
			}
		}
		var got [][]string
		for _, g := range byID {
			sort.Strings(g)
			got = append(got, g)
		}
		slices.SortFunc(got, slices.Compare)
		if fmt.Sprint(got) != fmt.Sprint(want) {
			t.Errorf("order %v: events %v, want %v", order, got, want)
		}
	}
}

// TestMentionCoding: every linked mention carries its own coding, which may differ from its event's.
func TestMentionCoding(t *testing.T) {
	recs := chainRecords()
	idx := ingest(t, recs)
	if len(idx.events) != 1 {
		t.Fatalf("events %v, want one", idx.groups())
	}
	for _, e := range idx.events {
		for _, m := range e.Mentions {
			var want dyad.EventActor
			for _, r := range recs {
				if r.Article.ID == m.ArticleID {
					want = r.Events[0].Source
				}
			}
			if m.Coding == nil || m.Coding.Source != want || m.Coding.Code != "040" || m.Coding.Target.ActorID != "minister-b" {
				t.Errorf("mention of %s: coding %+v, want source %+v", m.ArticleID, m.Coding, want)
			}
		}
	}
}
