package storetest

import (
	"cmp"
	"context"
	"fmt"
	"slices"
	"strings"
	"testing"

	"github.com/dyad-events/dyad"
)

// Told events of TestEventCandidatesByCoding: one dated event told by many articles, one undated.
const (
	EvTold        = "ev-told-dated"
	EvToldUndated = "ev-told-undated"
	ToldFrom      = "2024-05-01"
	ToldTo        = "2024-05-05"
)

// ToldRecords returns n records (n >= 4) that each tell EvTold (dated 2024-05-02) and EvToldUndated in
// their own words: every third article's mention of EvTold is coded 043 instead of 042, and each names its
// own people, so that the stored codings of one code differ by their People alone. Each call returns fresh
// values.
func ToldRecords(n int) []*dyad.Record {
	var out []*dyad.Record
	for i := range n {
		// Ids in an order that differs from the order of saving, so that the first by id is not the first saved.
		id := fmt.Sprintf("told-%02d", (i*7)%n)
		a := dyad.Article{ID: id, URI: "testdata/en/" + id + ".txt", Source: dyad.NullString(fmt.Sprintf("Outlet %d", i%3)),
			Title: "Talks " + id, Lang: "en", LangConfidence: 0.9, Published: "2024-05-03",
			Text: "The two delegations met in Hanoi to discuss the border, report " + id + ". " +
				"They want to talk again later, says " + id + "."}
		rec := &dyad.Record{Article: a}
		code := "042"
		if i%3 == 2 {
			code = "043"
		}
		dated := event(EvTold, keyVC, "2024-05-02", vnmGov, chnGov, code, 1, 1.9)
		m := mention(&rec.Article, "The two delegations met in Hanoi to discuss the border, report "+id+".", "2024-05-02", false)
		m.Coding = &dyad.MentionCoding{Source: vnmGov, Target: chnGov, Code: code,
			People: &dyad.SidePeople{Source: []string{fmt.Sprintf("person-%d", i)}}}
		dated.Mentions = []dyad.EventMention{m}
		undated := event(EvToldUndated, keyVC, "", vnmGov, chnGov, "043", 1, 1.9)
		u := mention(&rec.Article, "They want to talk again later, says "+id+".", "", false)
		u.Coding = &dyad.MentionCoding{Source: vnmGov, Target: chnGov, Code: "043",
			People: &dyad.SidePeople{Source: []string{fmt.Sprintf("person-%d", i)}}}
		undated.Mentions = []dyad.EventMention{u}
		rec.Events = []dyad.Event{dated, undated}
		out = append(out, rec)
	}
	return out
}

// toldClass is what tells a dated mention apart under CandidateQuery.ByCoding.
func toldClass(ev *dyad.Event, m *dyad.EventMention) string {
	date := m.Date
	if date == "" {
		date = string(ev.Date)
	}
	if m.Coding == nil {
		return "event|" + date
	}
	c := *m.Coding
	c.People = nil
	return fmt.Sprintf("%+v|%s", c, date)
}

// mentionBefore orders mentions as the link stage's keys do.
func mentionBefore(a, b *dyad.EventMention) bool {
	return fmt.Sprintf("%s:%012d", a.ArticleID, a.Start) < fmt.Sprintf("%s:%012d", b.ArticleID, b.Start)
}

// testEventCandidatesByCoding checks what CandidateQuery.ByCoding allows a store: of the dated mentions of one
// event with one coding (People aside) and date it may return only the first by article id and offset, and
// it returns every undated mention. A store that ignores it passes too.
func testEventCandidatesByCoding(t *testing.T, s dyad.Store) {
	ctx := context.Background()
	saveAll(t, s, ToldRecords(9))
	q := dyad.CandidateQuery{Keys: []string{keyVC}, From: ToldFrom, To: ToldTo, Undated: true}
	whole, err := s.EventCandidates(ctx, q)
	if err != nil {
		t.Fatal(err)
	}
	q.ByCoding = true
	by, err := s.EventCandidates(ctx, q)
	if err != nil {
		t.Fatal(err)
	}
	if got, want := eventIDs(by), eventIDs(whole); !slices.Equal(slices.Sorted(slices.Values(got)), slices.Sorted(slices.Values(want))) {
		t.Fatalf("ByCoding: events %v; want %v", got, want)
	}
	for _, w := range whole {
		var b *dyad.Event
		for i := range by {
			if by[i].ID == w.ID {
				b = &by[i]
			}
		}
		if w.ID == EvToldUndated {
			if len(b.Mentions) != len(w.Mentions) {
				t.Errorf("ByCoding: undated event %s with %d mentions; want all %d", w.ID, len(b.Mentions), len(w.Mentions))
			}
			continue
		}
		first := map[string]*dyad.EventMention{}
		for i := range w.Mentions {
			m := &w.Mentions[i]
			k := toldClass(&w, m)
			if f := first[k]; f == nil || mentionBefore(m, f) {
				first[k] = m
			}
		}
		if len(first) != 2 {
			t.Errorf("event %s: %d classes of mentions; want 2 (two codes)", w.ID, len(first))
		}
		for k, f := range first {
			if !slices.ContainsFunc(b.Mentions, func(m dyad.EventMention) bool {
				return m.ArticleID == f.ArticleID && m.Start == f.Start && toldClass(b, &m) == k &&
					m.Coding != nil && m.Coding.People != nil && slices.Equal(m.Coding.People.Source, f.Coding.People.Source)
			}) {
				t.Errorf("ByCoding: event %s lacks the first mention %s:%d of its class %s", w.ID, f.ArticleID, f.Start, k)
			}
		}
		for _, m := range b.Mentions {
			if !slices.ContainsFunc(w.Mentions, func(o dyad.EventMention) bool { return o.ArticleID == m.ArticleID && o.Start == m.Start }) {
				t.Errorf("ByCoding: event %s has a mention %s:%d it does not hold", w.ID, m.ArticleID, m.Start)
			}
		}
	}
}

// testEventCandidatesPeople checks what CandidateQuery.People allows a store: it may leave out the dated
// mentions whose coding's People name none of them, and returns every other mention.
func testEventCandidatesPeople(t *testing.T, s dyad.Store) {
	ctx := context.Background()
	recs := ToldRecords(9)
	// A dated mention whose coding keeps no People (as stored before they were kept) is always returned.
	recs[4].Events[0].Mentions[0].Coding.People = nil
	saveAll(t, s, recs)
	q := dyad.CandidateQuery{Keys: []string{keyVC}, From: ToldFrom, To: ToldTo, Undated: true, People: []string{"person-3", "person-7"}}
	got, err := s.EventCandidates(ctx, q)
	if err != nil {
		t.Fatal(err)
	}
	q.People = nil
	whole, err := s.EventCandidates(ctx, q)
	if err != nil {
		t.Fatal(err)
	}
	if len(got) != len(whole) {
		t.Fatalf("People: %d events; want %d", len(got), len(whole))
	}
	for _, w := range whole {
		i := slices.IndexFunc(got, func(e dyad.Event) bool { return e.ID == w.ID })
		if i < 0 {
			t.Fatalf("People: event %s missing", w.ID)
		}
		for _, m := range w.Mentions {
			must := m.Date == "" || m.Coding == nil || m.Coding.People == nil ||
				slices.Contains(m.Coding.People.Source, "person-3") || slices.Contains(m.Coding.People.Source, "person-7")
			has := slices.ContainsFunc(got[i].Mentions, func(o dyad.EventMention) bool { return o.ArticleID == m.ArticleID && o.Start == m.Start })
			if must && !has {
				t.Errorf("People: event %s lacks mention %s:%d (people %v)", w.ID, m.ArticleID, m.Start, m.Coding)
			}
		}
		for _, m := range got[i].Mentions {
			if !slices.ContainsFunc(w.Mentions, func(o dyad.EventMention) bool { return o.ArticleID == m.ArticleID && o.Start == m.Start }) {
				t.Errorf("People: event %s has a mention %s:%d it does not hold", w.ID, m.ArticleID, m.Start)
			}
		}
	}
}

// recentRecords returns n records, each telling one event of keyVC of its own: dated (a day of its own, in
// an order that differs from the order of saving) for i%4 != 3, else undated; the mention of record i names
// person-(i%3) on the source side, and every fifth mention keeps no People (as stored before they were kept).
func recentRecords(n int) []*dyad.Record {
	var out []*dyad.Record
	for i := range n {
		id := fmt.Sprintf("recent-%02d", i)
		a := dyad.Article{ID: id, URI: "testdata/en/" + id + ".txt", Source: "Outlet", Title: "Talks " + id, Lang: "en",
			LangConfidence: 0.9, Text: "The two delegations met in Hanoi, report " + id + "."}
		rec := &dyad.Record{Article: a}
		date := fmt.Sprintf("2024-05-%02d", 1+(i*7)%n/2) // two records a day: ties at the cut
		if i%4 == 3 {
			date = ""
		}
		ev := event("ev-"+id, keyVC, date, vnmGov, chnGov, "042", 1, 1.9)
		m := mention(&rec.Article, "The two delegations met in Hanoi, report "+id+".", date, false)
		m.Coding = &dyad.MentionCoding{Source: vnmGov, Target: chnGov, Code: "042"}
		if i%5 != 4 {
			m.Coding.People = &dyad.SidePeople{Source: []string{fmt.Sprintf("person-%d", i%3)}}
		}
		ev.Mentions = []dyad.EventMention{m}
		rec.Events = []dyad.Event{ev}
		out = append(out, rec)
	}
	return out
}

// testEventCandidatesRecent checks CandidateQuery.Recent: of the events that the query finds without it and
// that hold a mention People keeps (an undated one is always kept), the Recent latest dated (by date, then
// the one saved last) and the Recent undated saved last, each with the mentions People keeps.
func testEventCandidatesRecent(t *testing.T, s dyad.Store) {
	ctx := context.Background()
	const n, recent = 24, 4
	recs := recentRecords(n)
	saveAll(t, s, recs)
	q := dyad.CandidateQuery{Keys: []string{keyVC}, Undated: true, People: []string{"person-1"}, Recent: recent}
	// What the rule keeps, from the records in the order they were saved.
	var dated, undated []int
	for i, r := range recs {
		// An undated mention is always kept (People bounds only the dated ones).
		if r.Events[0].Date == "" {
			undated = append(undated, i)
			continue
		}
		if p := r.Events[0].Mentions[0].Coding.People; p == nil || p.Source[0] == "person-1" {
			dated = append(dated, i)
		}
	}
	// Later first: by date, then the one saved last.
	slices.SortStableFunc(dated, func(a, b int) int {
		return cmp.Or(-cmpString(recs[a].Events[0].Date, recs[b].Events[0].Date), cmp.Compare(b, a))
	})
	slices.Reverse(undated)
	var want []string
	for _, i := range slices.Concat(dated[:recent], undated[:recent]) {
		want = append(want, recs[i].Events[0].ID)
	}
	for _, und := range []bool{true, false} {
		q.Undated = und
		if !und {
			want = want[:recent]
		}
		got, err := s.EventCandidates(ctx, q)
		if err != nil {
			t.Fatal(err)
		}
		var ids []string
		for _, e := range got {
			ids = append(ids, e.ID)
			if len(e.Mentions) != 1 {
				t.Errorf("Recent: event %s has %d mentions; want 1", e.ID, len(e.Mentions))
			}
		}
		slices.Sort(ids)
		w := slices.Sorted(slices.Values(want))
		if !slices.Equal(ids, w) {
			t.Errorf("Recent %d, Undated %v: events %v; want %v", recent, und, ids, w)
		}
	}
	// Without People, or with a From, Recent does not apply.
	all, err := s.EventCandidates(ctx, dyad.CandidateQuery{Keys: []string{keyVC}, Undated: true, Recent: recent})
	if err != nil {
		t.Fatal(err)
	}
	if len(all) != n {
		t.Errorf("Recent without People: %d events; want %d", len(all), n)
	}
}

func cmpString(a, b dyad.NullString) int { return strings.Compare(string(a), string(b)) }
