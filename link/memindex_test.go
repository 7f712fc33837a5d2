package link

import (
	"context"
	"fmt"
	"slices"
	"sort"
	"sync"

	"github.com/dyad-events/dyad"
)

// memIndex is an in-memory dyad.LinkIndex with a save that folds records as Store.Save does: an event whose
// id is stored gains the record's mentions (and the record's date when it had none).
type memIndex struct {
	mu     sync.Mutex
	sigs   map[string]dyad.Signature
	bands  map[uint64][]string
	events map[string]*dyad.Event
	byKey  map[string][]string
	claims map[string]*dyad.Claim
	stmts  []dyad.Statement
	arts   map[string]dyad.Article
	recs   map[string]*dyad.Record // article and actor mentions, for Record
}

func newMemIndex() *memIndex {
	return &memIndex{sigs: map[string]dyad.Signature{}, bands: map[uint64][]string{}, events: map[string]*dyad.Event{},
		byKey: map[string][]string{}, claims: map[string]*dyad.Claim{}, arts: map[string]dyad.Article{},
		recs: map[string]*dyad.Record{}}
}

func (m *memIndex) SimilarArticles(_ context.Context, bands []uint64) ([]dyad.Signature, error) {
	m.mu.Lock()
	defer m.mu.Unlock()
	seen := map[string]bool{}
	var out []dyad.Signature
	for _, b := range bands {
		for _, id := range m.bands[b] {
			if !seen[id] {
				seen[id] = true
				out = append(out, m.sigs[id])
			}
		}
	}
	return out, nil
}

func (m *memIndex) EventCandidates(_ context.Context, q dyad.CandidateQuery) ([]dyad.Event, error) {
	m.mu.Lock()
	defer m.mu.Unlock()
	var out []dyad.Event
	for _, k := range q.Keys {
		for _, id := range m.byKey[k] {
			if ev := m.events[id]; candidate(ev, q) {
				out = append(out, cloneEvent(ev))
			}
		}
	}
	return out, nil
}

func (m *memIndex) ClaimsByConcepts(_ context.Context, concepts []string) ([]dyad.Claim, error) {
	m.mu.Lock()
	defer m.mu.Unlock()
	var out []dyad.Claim
	for _, c := range m.claims {
		for _, id := range concepts {
			if slices.Contains(c.Concepts, id) {
				out = append(out, *c)
				break
			}
		}
	}
	return out, nil
}

// Record returns a stored article with its actor mentions (what the Linker reads of it).
func (m *memIndex) Record(_ context.Context, id string) (*dyad.Record, error) {
	m.mu.Lock()
	defer m.mu.Unlock()
	r, ok := m.recs[id]
	if !ok {
		return nil, dyad.ErrNotFound
	}
	c := *r
	return &c, nil
}

func cloneEvent(ev *dyad.Event) dyad.Event {
	c := *ev
	c.Mentions = slices.Clone(ev.Mentions)
	c.Languages = slices.Clone(ev.Languages)
	return c
}

// save stores a linked record; false when its article is stored already.
func (m *memIndex) save(rec *dyad.Record) bool {
	m.mu.Lock()
	defer m.mu.Unlock()
	if _, ok := m.arts[rec.Article.ID]; ok {
		return false
	}
	m.arts[rec.Article.ID] = rec.Article
	m.recs[rec.Article.ID] = &dyad.Record{Article: rec.Article, Mentions: slices.Clone(rec.Mentions)}
	if s := rec.Signature; s != nil {
		m.sigs[s.ArticleID] = *s
		for _, b := range s.Bands {
			m.bands[b] = append(m.bands[b], s.ArticleID)
		}
	}
	for _, ev := range rec.Events {
		old, ok := m.events[ev.ID]
		if !ok {
			c := cloneEvent(&ev)
			m.events[ev.ID] = &c
			m.byKey[ev.Key] = append(m.byKey[ev.Key], ev.ID)
			recount(&c)
			continue
		}
		if old.Date == "" && ev.Date != "" {
			// The contract asked of stores: an undated event takes the first date a mention brings, and its
			// undated mentions take it too, marked inferred.
			old.Date, old.DatePrecision, old.DateInferred = ev.Date, ev.DatePrecision, ev.DateInferred
			for i := range old.Mentions {
				if old.Mentions[i].Date == "" {
					old.Mentions[i].Date, old.Mentions[i].DateInferred = string(ev.Date), true
				}
			}
		}
		old.Mentions = append(old.Mentions, ev.Mentions...)
		recount(old)
	}
	// Merges as the stores do them: the From events' mentions move to Into, which keeps the better date.
	for _, mg := range rec.Merge {
		into := m.events[mg.Into]
		for _, f := range mg.From {
			fe := m.events[f]
			if into == nil || fe == nil || f == mg.Into {
				continue
			}
			into.Mentions = append(into.Mentions, fe.Mentions...)
			if betterDate(fe, into) {
				into.Date, into.DatePrecision, into.DateInferred = fe.Date, fe.DatePrecision, fe.DateInferred
			}
			delete(m.events, f)
			m.byKey[fe.Key] = slices.DeleteFunc(m.byKey[fe.Key], func(id string) bool { return id == f })
		}
		if into != nil {
			recount(into)
		}
	}
	for _, c := range rec.Claims {
		if _, ok := m.claims[c.ID]; !ok {
			cc := c
			m.claims[c.ID] = &cc
		}
	}
	for _, st := range rec.Statements {
		m.stmts = append(m.stmts, st)
		if c := m.claims[string(st.ClaimID)]; c != nil {
			c.Statements = append(c.Statements, st)
			c.Count = len(c.Statements)
		}
	}
	return true
}

func recount(ev *dyad.Event) {
	arts, srcs, langs := map[string]bool{}, map[string]bool{}, map[string]bool{}
	for _, mn := range ev.Mentions {
		arts[mn.ArticleID] = true
		if mn.Source != "" {
			srcs[mn.Source] = true
		}
		langs[mn.Lang] = true
	}
	ev.NumMentions, ev.NumArticles, ev.NumSources = len(ev.Mentions), len(arts), len(srcs)
	ev.Languages = sortedKeys(langs)
}

// groups returns each stored event's sorted article ids, sorted: what must not depend on ingest order.
func (m *memIndex) groups() [][]string {
	m.mu.Lock()
	defer m.mu.Unlock()
	var out [][]string
	for _, ev := range m.events {
		var ids []string
		for _, mn := range ev.Mentions {
			ids = append(ids, fmt.Sprintf("%s@%d", mn.ArticleID, mn.Start))
		}
		sort.Strings(ids)
		out = append(out, ids)
	}
	slices.SortFunc(out, slices.Compare)
	return out
}
