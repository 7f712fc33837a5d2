package server

import (
	"cmp"
	"context"
	"fmt"
	"slices"
	"strings"
	"sync"

	"github.com/dyad-events/dyad"
)

// fakeStore is a small in-memory dyad.Store for the API tests. It implements the query semantics of
// store.go simply, by scanning.
type fakeStore struct {
	mu       sync.Mutex
	recs     map[string]*dyad.Record
	order    []string
	events   map[string]*dyad.Event
	claims   map[string]*dyad.Claim
	lastCQ   dyad.CountQuery
	lastPQ   dyad.EventQuery
	countErr error
	noSplit  bool // ignore CountQuery.SplitQuad, as a store that cannot split does
}

func newFakeStore() *fakeStore {
	return &fakeStore{recs: map[string]*dyad.Record{}, events: map[string]*dyad.Event{}, claims: map[string]*dyad.Claim{}}
}

func (f *fakeStore) Save(_ context.Context, rec *dyad.Record) (bool, error) {
	f.mu.Lock()
	defer f.mu.Unlock()
	if _, ok := f.recs[rec.Article.ID]; ok {
		return false, nil
	}
	r := *rec
	f.recs[r.Article.ID] = &r
	f.order = append(f.order, r.Article.ID)
	for _, ev := range r.Events {
		e, ok := f.events[ev.ID]
		if !ok {
			c := ev
			c.Mentions = nil
			e = &c
			f.events[ev.ID] = e
		}
		e.Mentions = append(e.Mentions, ev.Mentions...)
		langs, srcs, arts := map[string]bool{}, map[string]bool{}, map[string]bool{}
		for _, m := range e.Mentions {
			langs[m.Lang], srcs[m.Source], arts[m.ArticleID] = true, true, true
		}
		e.NumMentions, e.NumSources, e.NumArticles = len(e.Mentions), len(srcs), len(arts)
		e.Languages = e.Languages[:0]
		for l := range langs {
			e.Languages = append(e.Languages, l)
		}
		slices.Sort(e.Languages)
	}
	for _, s := range r.Statements {
		if s.ClaimID == "" {
			continue
		}
		c, ok := f.claims[string(s.ClaimID)]
		if !ok {
			c = &dyad.Claim{ID: string(s.ClaimID), Label: s.Text}
			f.claims[c.ID] = c
		}
		c.Statements = append(c.Statements, s)
		c.Count = len(c.Statements)
	}
	return true, nil
}

func (f *fakeStore) HasArticle(_ context.Context, id string) (bool, error) {
	f.mu.Lock()
	defer f.mu.Unlock()
	_, ok := f.recs[id]
	return ok, nil
}

func (f *fakeStore) Record(_ context.Context, id string) (*dyad.Record, error) {
	f.mu.Lock()
	defer f.mu.Unlock()
	r, ok := f.recs[id]
	if !ok {
		return nil, fmt.Errorf("article %s: %w", id, dyad.ErrNotFound)
	}
	c := *r
	c.Events = nil
	for _, ev := range r.Events {
		c.Events = append(c.Events, *f.events[ev.ID])
	}
	return &c, nil
}

func pageOf[T any](xs []T, p dyad.Page) []T {
	if p.Limit == 0 {
		p.Limit = 100
	}
	if p.Offset >= len(xs) {
		return nil
	}
	xs = xs[p.Offset:]
	if len(xs) > p.Limit {
		xs = xs[:p.Limit]
	}
	return xs
}

func (f *fakeStore) Articles(_ context.Context, q dyad.ArticleQuery) ([]dyad.Article, error) {
	f.mu.Lock()
	defer f.mu.Unlock()
	var out []dyad.Article
	for _, id := range slices.Backward(f.order) {
		a := f.recs[id].Article
		if q.Lang != "" && a.Lang != q.Lang || q.Source != "" && !strings.Contains(strings.ToLower(string(a.Source)), strings.ToLower(q.Source)) {
			continue
		}
		out = append(out, a)
	}
	return pageOf(out, q.Page), nil
}

func (f *fakeStore) Search(_ context.Context, query string, p dyad.Page) ([]dyad.Hit, error) {
	f.mu.Lock()
	defer f.mu.Unlock()
	if strings.Count(query, `"`)%2 == 1 {
		return nil, fmt.Errorf("%w: fts5: syntax error near %q", dyad.ErrBadQuery, query)
	}
	var out []dyad.Hit
	for _, id := range f.order {
		a := f.recs[id].Article
		if strings.Contains(strings.ToLower(a.Text+" "+a.Title), strings.ToLower(query)) {
			out = append(out, dyad.Hit{Article: a, Snippet: "[" + query + "]", Rank: -1})
		}
	}
	return pageOf(out, p), nil
}

func (f *fakeStore) Event(_ context.Context, id string) (*dyad.Event, error) {
	f.mu.Lock()
	defer f.mu.Unlock()
	e, ok := f.events[id]
	if !ok {
		return nil, fmt.Errorf("event %s: %w", id, dyad.ErrNotFound)
	}
	c := *e
	return &c, nil
}

func matches(e *dyad.Event, q dyad.EventQuery) bool {
	s, t := e.Source.Code, e.Target.Code
	if q.Actor != "" && !strings.HasPrefix(s, q.Actor) && !strings.HasPrefix(t, q.Actor) && e.Source.ActorID != q.Actor && e.Target.ActorID != q.Actor {
		return false
	}
	if q.Source != "" && !strings.HasPrefix(s, q.Source) || q.Target != "" && !strings.HasPrefix(t, q.Target) {
		return false
	}
	if q.Dyad[0] != "" {
		a, b := q.Dyad[0], q.Dyad[1]
		if !(strings.HasPrefix(s, a) && strings.HasPrefix(t, b) || strings.HasPrefix(s, b) && strings.HasPrefix(t, a)) {
			return false
		}
	}
	d := string(e.Date)
	if q.Code != "" && !strings.HasPrefix(e.Code, q.Code) || q.From != "" && d < q.From || q.To != "" && d > q.To+"~" {
		return false
	}
	if q.Lang != "" && !slices.Contains(e.Languages, q.Lang) {
		return false
	}
	if q.Article != "" && !slices.ContainsFunc(e.Mentions, func(m dyad.EventMention) bool { return m.ArticleID == q.Article }) {
		return false
	}
	return true
}

func (f *fakeStore) filtered(q dyad.EventQuery) []dyad.Event {
	var out []dyad.Event
	for _, e := range f.events {
		if matches(e, q) {
			out = append(out, *e)
		}
	}
	slices.SortFunc(out, func(a, b dyad.Event) int { return cmp.Or(cmp.Compare(b.Date, a.Date), cmp.Compare(a.ID, b.ID)) })
	return out
}

func (f *fakeStore) Events(_ context.Context, q dyad.EventQuery) ([]dyad.Event, error) {
	f.mu.Lock()
	defer f.mu.Unlock()
	return pageOf(f.filtered(q), q.Page), nil
}

func (f *fakeStore) Places(_ context.Context, q dyad.EventQuery) ([]dyad.PlaceCount, error) {
	f.mu.Lock()
	defer f.mu.Unlock()
	f.lastPQ = q
	byID := map[string]int{}
	var out []dyad.PlaceCount
	for _, e := range f.filtered(q) {
		l := e.Location
		if !l.Resolved() {
			continue
		}
		i, ok := byID[l.PlaceID]
		if !ok {
			i = len(out)
			byID[l.PlaceID] = i
			out = append(out, dyad.PlaceCount{PlaceID: l.PlaceID, Name: cmp.Or(l.Canonical, l.Name), Country: l.Country,
				Admin1: l.Admin1, Precision: l.Precision, Lat: l.Lat, Lon: l.Lon})
		}
		p := &out[i]
		p.Goldstein = (p.Goldstein*float64(p.Count) + e.Goldstein) / float64(p.Count+1)
		p.Count++
		if e.QuadClass >= 1 && e.QuadClass <= 4 {
			p.Quads[e.QuadClass-1]++
		}
	}
	slices.SortFunc(out, func(a, b dyad.PlaceCount) int {
		return cmp.Or(cmp.Compare(b.Count, a.Count), cmp.Compare(a.PlaceID, b.PlaceID))
	})
	return pageOf(out, q.Page), nil
}

func (f *fakeStore) Counts(_ context.Context, q dyad.CountQuery) ([]dyad.Count, error) {
	f.mu.Lock()
	defer f.mu.Unlock()
	f.lastCQ = q
	if f.countErr != nil {
		return nil, f.countErr
	}
	type acc struct {
		n    int
		g    float64
		quad int
	}
	groups := map[string]*acc{}
	for _, e := range f.filtered(q.EventQuery) {
		var keys []string
		switch q.By {
		case "day":
			keys = []string{string(e.Date)}
		case "month":
			keys = []string{string(e.Date)[:min(7, len(e.Date))]}
		case "dyad":
			keys = []string{e.Source.Country + ":" + e.Target.Country}
		case "code":
			keys = []string{e.Code}
		case "root":
			keys = []string{e.Root}
		case "quad":
			keys = []string{fmt.Sprint(e.QuadClass)}
		case "lang":
			keys = e.Languages
		case "source":
			keys = []string{e.Source.Code}
		case "target":
			keys = []string{e.Target.Code}
		case "outlet":
			for _, m := range e.Mentions {
				if !slices.Contains(keys, m.Source) {
					keys = append(keys, m.Source)
				}
			}
		case "actor":
			keys = []string{e.Source.Code, e.Target.Code}
		default:
			return nil, fmt.Errorf("counts by %q: %w", q.By, dyad.ErrBadQuery)
		}
		for _, k := range keys {
			quad := 0
			if q.SplitQuad && !f.noSplit {
				quad = e.QuadClass
			}
			gk := fmt.Sprint(k, "\x00", quad)
			a := groups[gk]
			if a == nil {
				a = &acc{quad: quad}
				groups[gk] = a
			}
			a.n++
			a.g += e.Goldstein
		}
	}
	var out []dyad.Count
	for k, a := range groups {
		key, _, _ := strings.Cut(k, "\x00")
		out = append(out, dyad.Count{Key: key, Count: a.n, Goldstein: a.g / float64(a.n), QuadClass: a.quad})
	}
	slices.SortFunc(out, func(a, b dyad.Count) int { return cmp.Compare(a.Key, b.Key) })
	return out, nil
}

func (f *fakeStore) Statements(_ context.Context, q dyad.StatementQuery) ([]dyad.Statement, error) {
	f.mu.Lock()
	defer f.mu.Unlock()
	var out []dyad.Statement
	for _, id := range f.order {
		for _, s := range f.recs[id].Statements {
			if q.Speaker != "" && !strings.Contains(strings.ToLower(s.Speaker.Name), strings.ToLower(q.Speaker)) && !strings.HasPrefix(s.Speaker.Code, q.Speaker) {
				continue
			}
			if q.Claim != "" && string(s.ClaimID) != q.Claim || q.Article != "" && s.ArticleID != q.Article {
				continue
			}
			out = append(out, s)
		}
	}
	return pageOf(out, q.Page), nil
}

func (f *fakeStore) Claim(_ context.Context, id string) (*dyad.Claim, error) {
	f.mu.Lock()
	defer f.mu.Unlock()
	c, ok := f.claims[id]
	if !ok {
		return nil, fmt.Errorf("claim %s: %w", id, dyad.ErrNotFound)
	}
	cc := *c
	return &cc, nil
}

func (f *fakeStore) Claims(_ context.Context, q dyad.ClaimQuery) ([]dyad.Claim, error) {
	f.mu.Lock()
	defer f.mu.Unlock()
	var out []dyad.Claim
	for _, c := range f.claims {
		if strings.Contains(c.Label, q.Query) {
			cc := *c
			cc.Statements = nil
			out = append(out, cc)
		}
	}
	slices.SortFunc(out, func(a, b dyad.Claim) int { return cmp.Compare(a.ID, b.ID) })
	return pageOf(out, q.Page), nil
}

func (f *fakeStore) Stats(context.Context) (dyad.Stats, error) {
	f.mu.Lock()
	defer f.mu.Unlock()
	st := dyad.Stats{Articles: len(f.recs), Events: len(f.events), Claims: len(f.claims)}
	for _, e := range f.events {
		st.Mentions += len(e.Mentions)
	}
	for _, r := range f.recs {
		st.Statements += len(r.Statements)
	}
	return st, nil
}

func (f *fakeStore) SimilarArticles(context.Context, []uint64) ([]dyad.Signature, error) {
	return nil, nil
}
func (f *fakeStore) EventCandidates(context.Context, dyad.CandidateQuery) ([]dyad.Event, error) {
	return nil, nil
}
func (f *fakeStore) ClaimsByConcepts(context.Context, []string) ([]dyad.Claim, error) {
	return nil, nil
}
func (f *fakeStore) Close() error { return nil }
