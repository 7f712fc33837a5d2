package link

import (
	"cmp"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"maps"
	"runtime"
	"slices"
	"strings"
	"sync"

	"github.com/dyad-events/dyad"
)

// Pending is a LinkIndex over a store plus the records linked since the last Reset and not saved yet. With
// it the pipeline saves records in batches, one transaction each, and still links every record against all
// that came before it: a Linker built over a Pending sees stored and pending records alike.
//
// A batch may be saving while the next is linked: its records stay pending until Done, and a mention that
// the store already holds is not counted twice. Pending is safe for concurrent use.
//
// When a record linked later is the original of a pending or stored article (see Original), Pending
// demotes that article in memory until the record is saved: a pending record is replaced by a demoted copy
// (the record itself, which may be in a batch being saved, is not changed; the store demotes it when it
// saves the later record, whose Demote lists it), and the stored article's mentions are left out of
// EventCandidates.
type Pending struct {
	base dyad.LinkIndex
	mu   sync.Mutex
	recs []*dyad.Record
	byID map[string]*dyad.Record
	// copies maps a demoted copy in recs and byID to the record it replaces.
	copies map[*dyad.Record]*dyad.Record
	// demoted maps an article id to the unsaved record that demotes it.
	demoted map[string]*dyad.Record
	// merged maps a stored or pending event that an unsaved record merges into another (Record.Merge) to
	// that other, and the record.
	merged map[string]mergedInto
	// cands and sims hold the store's answers that Prefetch asked ahead, until Done or Reset.
	cands map[string][]dyad.Event
	sims  map[string][]dyad.Signature
	// byKey and byBand hold the positions in recs of the records with an event of a key and with a band,
	// ascending, so that a lookup reads the records that may answer it, not every pending one (a batch of
	// 256 records made each lookup read them all).
	byKey  map[string][]int
	byBand map[uint64][]int
	// events holds the store's answers to Event (nil: it does not hold the event) until Done or Reset:
	// EventCandidates asks for the stored events that pending records fold into and that its query did
	// not find, and for the stored events merged into others, and each lookup of a batch asked again for
	// the same ones (two reads for an event not stored, the id and its aliases).
	events map[string]*dyad.Event
	// byCoding holds the stored events that the store's answers to queries with ByCoding held, by id, until
	// Done or Reset: a stored event that a pending record folds into was in the answer to that record's
	// query, and a later query of the batch that did not find it takes it from here instead of reading the
	// event and all its mentions again (a much-told event is what many records fold into).
	byCoding map[string]dyad.Event
}

// asker asks the store one record's questions for Prefetch.
type asker struct {
	ctx   context.Context
	p     *Pending
	cands map[string][]dyad.Event
	sims  map[string][]dyad.Signature
}

func (a *asker) similar(bands []uint64) {
	k := fmt.Sprint(bands)
	if _, ok := a.sims[k]; ok {
		return
	}
	if out, err := a.p.base.SimilarArticles(a.ctx, bands); err == nil {
		a.sims[k] = out
	}
}

func (a *asker) candidates(q dyad.CandidateQuery) {
	k := fmt.Sprint(q)
	if _, ok := a.cands[k]; ok {
		return
	}
	if out, err := a.p.base.EventCandidates(a.ctx, q); err == nil {
		a.cands[k] = out
	}
}

// prefetch runs ask for records 0..n-1 on as many goroutines as there are CPUs and keeps the store's
// answers for the lookups that follow. A question that failed is asked again when it comes.
func (p *Pending) prefetch(ctx context.Context, n int, ask func(i int, a *asker)) {
	workers := min(n, runtime.GOMAXPROCS(0))
	next := make(chan int)
	asked := make([]*asker, workers)
	var wg sync.WaitGroup
	for w := range workers {
		a := &asker{ctx: ctx, p: p, cands: map[string][]dyad.Event{}, sims: map[string][]dyad.Signature{}}
		asked[w] = a
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := range next {
				ask(i, a)
			}
		}()
	}
	for i := range n {
		next <- i
	}
	close(next)
	wg.Wait()
	p.mu.Lock()
	defer p.mu.Unlock()
	if p.cands == nil {
		p.cands, p.sims = map[string][]dyad.Event{}, map[string][]dyad.Signature{}
	}
	for _, a := range asked {
		maps.Copy(p.cands, a.cands)
		maps.Copy(p.sims, a.sims)
	}
}

// baseCandidates is the store's answer to q: prefetched, else asked now. The caller may change the slice.
func (p *Pending) baseCandidates(ctx context.Context, q dyad.CandidateQuery) ([]dyad.Event, error) {
	out, err := prefetched(p, &p.cands, q, func() ([]dyad.Event, error) { return p.base.EventCandidates(ctx, q) })
	if err == nil && q.ByCoding && len(out) > 0 {
		p.mu.Lock()
		if p.byCoding == nil {
			p.byCoding = map[string]dyad.Event{}
		}
		for _, ev := range out {
			p.byCoding[ev.ID] = ev
		}
		p.mu.Unlock()
	}
	return out, err
}

// baseSimilar is the store's answer to SimilarArticles(bands): prefetched, else asked now.
func (p *Pending) baseSimilar(ctx context.Context, bands []uint64) ([]dyad.Signature, error) {
	return prefetched(p, &p.sims, bands, func() ([]dyad.Signature, error) { return p.base.SimilarArticles(ctx, bands) })
}

// prefetched is a copy of the prefetched answer to question in *m (read under p.mu), else ask's answer.
func prefetched[T any](p *Pending, m *map[string][]T, question any, ask func() ([]T, error)) ([]T, error) {
	p.mu.Lock()
	out, ok := (*m)[fmt.Sprint(question)]
	p.mu.Unlock()
	if ok {
		return slices.Clone(out), nil
	}
	return ask()
}

// NewPending returns an empty Pending over base (usually the store).
func NewPending(base dyad.LinkIndex) *Pending {
	return &Pending{base: base, byID: map[string]*dyad.Record{}, copies: map[*dyad.Record]*dyad.Record{},
		demoted: map[string]*dyad.Record{}, merged: map[string]mergedInto{}}
}

// demote makes article id, and the pending articles that copy it, near-duplicates of into until into is
// saved.
func (p *Pending) demote(id string, into *dyad.Record) {
	p.mu.Lock()
	defer p.mu.Unlock()
	p.demoted[id] = into
	for i, r := range p.recs {
		if r.Article.ID != id && string(r.Article.NearDuplicateOf) != id {
			continue
		}
		c := demotedCopy(r, into.Article.ID)
		orig := r
		if o, ok := p.copies[r]; ok {
			orig = o
			delete(p.copies, r)
		}
		p.copies[c] = orig
		p.recs[i] = c
		if p.byID[r.Article.ID] == r {
			p.byID[r.Article.ID] = c
		}
	}
}

// demotedCopy returns a copy of r as a near-duplicate of into: no events, its statements in no claim.
func demotedCopy(r *dyad.Record, into string) *dyad.Record {
	c := *r
	c.Article.NearDuplicateOf = dyad.NullString(into)
	c.Events, c.Claims, c.Demote = nil, nil, nil
	c.Statements = slices.Clone(r.Statements)
	for i := range c.Statements {
		c.Statements[i].ClaimID = ""
	}
	return &c
}

// Add makes a linked record visible to later lookups until Done or Reset.
func (p *Pending) Add(rec *dyad.Record) {
	p.mu.Lock()
	defer p.mu.Unlock()
	p.recs = append(p.recs, rec)
	p.index(len(p.recs)-1, rec)
	p.byID[rec.Article.ID] = rec
	for _, m := range rec.Merge {
		for _, f := range m.From {
			p.merged[f] = mergedInto{into: m.Into, by: rec}
		}
	}
}

// index lists the record at position i of recs under its events' keys and its bands. Under p.mu.
func (p *Pending) index(i int, rec *dyad.Record) {
	if p.byKey == nil {
		p.byKey, p.byBand = map[string][]int{}, map[uint64][]int{}
	}
	for _, ev := range rec.Events {
		if l := p.byKey[ev.Key]; len(l) == 0 || l[len(l)-1] != i {
			p.byKey[ev.Key] = append(l, i)
		}
	}
	if rec.Signature != nil {
		for _, b := range rec.Signature.Bands {
			if l := p.byBand[b]; len(l) == 0 || l[len(l)-1] != i {
				p.byBand[b] = append(l, i)
			}
		}
	}
}

// reindex lists every record of recs anew. Under p.mu.
func (p *Pending) reindex() {
	clear(p.byKey)
	clear(p.byBand)
	for i, r := range p.recs {
		p.index(i, r)
	}
}

// indexed returns, in the order of recs, the records listed under any of keys in idx. A record replaced in
// recs by a demoted copy is returned as the copy, which keeps the original's signature and has no events.
func indexed[K comparable](p *Pending, idx func() map[K][]int, keys []K) []*dyad.Record {
	p.mu.Lock()
	defer p.mu.Unlock()
	m := idx()
	var at []int
	for _, k := range keys {
		at = append(at, m[k]...)
	}
	slices.Sort(at)
	at = slices.Compact(at)
	out := make([]*dyad.Record, len(at))
	for i, j := range at {
		out[i] = p.recs[j]
	}
	return out
}

// mergedInto is an event an unsaved record merges another into.
type mergedInto struct {
	into string
	by   *dyad.Record
}

// resolve returns the event that id is now, after the merges of the unsaved records. Under p.mu.
func (p *Pending) resolve(id string) string {
	for range 64 {
		m, ok := p.merged[id]
		if !ok {
			break
		}
		id = m.into
	}
	return id
}

// Done forgets records once they are saved, and the store's answers asked before (the store changed).
func (p *Pending) Done(recs []*dyad.Record) {
	p.mu.Lock()
	defer p.mu.Unlock()
	p.forget(recs)
	clear(p.cands)
	clear(p.sims)
	clear(p.events)
	clear(p.byCoding)
}

// Forget forgets records that were linked but will not be saved as they are (a link of a batch undone, to
// be linked again): the store did not change, so its answers asked ahead stay.
func (p *Pending) Forget(recs []*dyad.Record) {
	p.mu.Lock()
	defer p.mu.Unlock()
	p.forget(recs)
}

// forget drops recs and what they demoted and merged. Under p.mu.
func (p *Pending) forget(recs []*dyad.Record) {
	gone := map[*dyad.Record]bool{}
	for _, r := range recs {
		gone[r] = true
	}
	isGone := func(r *dyad.Record) bool { return gone[r] || gone[p.copies[r]] }
	for _, r := range recs {
		if b := p.byID[r.Article.ID]; b != nil && isGone(b) {
			delete(p.byID, r.Article.ID)
		}
	}
	p.recs = slices.DeleteFunc(p.recs, isGone)
	p.reindex()
	for c, orig := range p.copies {
		if gone[orig] {
			delete(p.copies, c)
		}
	}
	for id, into := range p.demoted {
		if gone[into] { // saved: the store has demoted it (or forgotten: nothing demotes it)
			delete(p.demoted, id)
		}
	}
	for id, m := range p.merged {
		if gone[m.by] { // saved: the store has merged it
			delete(p.merged, id)
		}
	}
}

// Reset forgets every pending record.
func (p *Pending) Reset() {
	p.mu.Lock()
	defer p.mu.Unlock()
	p.recs = nil
	clear(p.byKey)
	clear(p.byBand)
	clear(p.byID)
	clear(p.copies)
	clear(p.demoted)
	clear(p.merged)
	clear(p.cands)
	clear(p.sims)
	clear(p.events)
	clear(p.byCoding)
}

// storedEvent is the store's event id (nil when it holds none), asked once until Done. Like the answers
// Prefetch asked ahead, an answer holds until Done: a batch whose save commits before then is in the store
// already, and its records' mentions are folded in from the pending records all the same. The caller may
// not change the event's slices in place.
//
// With byCoding (the query's ByCoding, no article demoted) an event that an answer of the batch to a query
// with ByCoding held is taken from there: its mentions as such a query returns them.
func (p *Pending) storedEvent(ctx context.Context, ev1 eventer, id string, byCoding bool) (*dyad.Event, error) {
	p.mu.Lock()
	if byCoding {
		if ev, ok := p.byCoding[id]; ok && !p.demotesLocked(&ev) {
			p.mu.Unlock()
			return &ev, nil
		}
	}
	se, ok := p.events[id]
	p.mu.Unlock()
	if ok {
		return se, nil
	}
	se, err := ev1.Event(ctx, id)
	if errors.Is(err, dyad.ErrNotFound) {
		se, err = nil, nil
	}
	if err != nil {
		return nil, err
	}
	p.mu.Lock()
	defer p.mu.Unlock()
	if p.events == nil {
		p.events = map[string]*dyad.Event{}
	}
	p.events[id] = se
	return se, nil
}

// Has reports whether an article is pending.
func (p *Pending) Has(id string) bool {
	p.mu.Lock()
	defer p.mu.Unlock()
	return p.byID[id] != nil
}

// snapshot returns the pending records.
func (p *Pending) snapshot() []*dyad.Record {
	p.mu.Lock()
	defer p.mu.Unlock()
	return slices.Clone(p.recs)
}

// SimilarArticles returns the stored and pending signatures that share a band with bands.
func (p *Pending) SimilarArticles(ctx context.Context, bands []uint64) ([]dyad.Signature, error) {
	out, err := p.baseSimilar(ctx, bands)
	if err != nil {
		return nil, err
	}
	want := make(map[uint64]bool, len(bands))
	for _, b := range bands {
		want[b] = true
	}
	for _, r := range indexed(p, func() map[uint64][]int { return p.byBand }, bands) {
		if r.Signature == nil {
			continue
		}
		for _, b := range r.Signature.Bands {
			if want[b] {
				out = append(out, *r.Signature)
				break
			}
		}
	}
	return out, nil
}

// EventCandidates returns what the store would return had the pending records been saved: the stored
// candidates with the pending mentions of the same events folded in (and the date a pending mention gives
// them), the events that pending records merge into others folded into those, the stored events the
// pending records fold into that the query then finds, and the pending events that are new, by the same
// rules as the store's.
func (p *Pending) EventCandidates(ctx context.Context, q dyad.CandidateQuery) ([]dyad.Event, error) {
	if !q.Bounded() {
		res, _, _, err := p.eventCandidates(ctx, q, q)
		return res, err
	}
	// The store bounds its answer (CandidateQuery.Recent): with what the pending records add, the answer is
	// bounded the same way, as the store would bound it once they are saved. Where the pending records drop,
	// merge or change stored events of the bounded answer, the saved store would fill their places with the
	// next latest: the store is asked again with as many more.
	bq := q
	for {
		res, fresh, affected, err := p.eventCandidates(ctx, q, bq)
		if err != nil {
			return nil, err
		}
		if affected <= bq.Recent-q.Recent {
			return recentOnly(res, fresh, q), nil
		}
		bq.Recent = q.Recent + affected
	}
}

// eventCandidates is EventCandidates unbounded, the store asked bq (q with a larger Recent, or q itself). It
// returns with the answer the events of it that no store holds yet (fresh) and how many of the store's events
// the pending records dropped, merged or changed (affected).
func (p *Pending) eventCandidates(ctx context.Context, q, bq dyad.CandidateQuery) (res []dyad.Event, fresh map[string]bool, affected int, err error) {
	fresh = map[string]bool{} // the events of the answer that no store holds yet
	out, err := p.baseCandidates(ctx, bq)
	if err != nil {
		return nil, nil, 0, err
	}
	if q.ByCoding && p.demotesAny(out) {
		// The mentions of demoted articles are left out below: when one stands for others by its coding
		// (ByCoding), the next of them must stand in, so the store is asked for all of them.
		q.ByCoding, bq.ByCoding = false, false
		if out, err = p.baseCandidates(ctx, bq); err != nil {
			return nil, nil, 0, err
		}
	}
	touched := map[string]bool{} // the events the pending records add to or change
	redated := map[string]bool{} // the events a pending mention gives another date
	stored := make([]string, len(out))
	for i := range out {
		stored[i] = out[i].ID
	}
	defer func() {
		kept := make(map[string]bool, len(res))
		for i := range res {
			kept[res[i].ID] = !fresh[res[i].ID]
		}
		for _, id := range stored {
			if !kept[id] || redated[id] {
				affected++
			}
		}
	}()
	out = p.dropDemoted(out)
	p.mu.Lock()
	resolve := make(map[string]string, len(p.merged)) // every merged event of the query's keys, to what it is now
	for id := range p.merged {
		resolve[id] = p.resolve(id)
	}
	p.mu.Unlock()
	// Stored events merged into another are folded into it below.
	fold := map[string][]dyad.Event{}
	folded := map[string]bool{}
	if len(resolve) > 0 {
		keep := out[:0]
		for _, ev := range out {
			if to, ok := resolve[ev.ID]; ok {
				fold[to] = append(fold[to], ev)
				folded[ev.ID] = true
				continue
			}
			keep = append(keep, ev)
		}
		out = keep
	}
	at := map[string]int{}
	for i := range out {
		at[out[i].ID] = i
	}
	ev1, _ := p.base.(eventer)
	// get finds event id among the answers, or asks the store for it: a stored event that a pending record
	// folds into, which the query did not find as stored (its date changes with the pending mention).
	get := func(id string) (int, bool) {
		if i, ok := at[id]; ok {
			return i, true
		}
		if ev1 == nil {
			return 0, false
		}
		se, err := p.storedEvent(ctx, ev1, id, q.ByCoding)
		if err != nil || se == nil {
			return 0, false
		}
		evs := p.dropDemoted([]dyad.Event{*se})
		if len(evs) != 1 {
			return 0, false
		}
		at[id] = len(out)
		out = append(out, evs[0])
		return at[id], true
	}
	foldIn := func(i int, ev *dyad.Event) {
		for _, m := range ev.Mentions {
			// A batch being saved may be in the store already.
			if !slices.ContainsFunc(out[i].Mentions, func(o dyad.EventMention) bool {
				return o.ArticleID == m.ArticleID && o.Start == m.Start
			}) {
				out[i].Mentions = append(slices.Clip(out[i].Mentions), m)
			}
		}
		if betterDate(ev, &out[i]) {
			out[i].Date, out[i].DatePrecision, out[i].DateInferred = ev.Date, ev.DatePrecision, ev.DateInferred
			redated[out[i].ID] = true
		}
		recountMentions(&out[i])
	}
	for _, r := range indexed(p, func() map[string][]int { return p.byKey }, q.Keys) {
		for _, ev := range r.Events {
			if !slices.Contains(q.Keys, ev.Key) {
				continue
			}
			// An event whose id is its own mention's content id is new with this record (or the id a stored
			// event is renamed to when the record is saved): no store holds it before then.
			lookup := get
			if len(ev.Mentions) > 0 && ev.ID == newEventID(ev.Key, r.Article.ID, ev) {
				lookup = func(id string) (int, bool) { i, ok := at[id]; return i, ok }
			}
			if to, ok := resolve[ev.ID]; ok {
				ev.ID, lookup = to, get
			}
			touched[ev.ID] = true
			if i, ok := lookup(ev.ID); ok {
				foldIn(i, &ev)
				continue
			}
			ev.Mentions = slices.Clone(ev.Mentions)
			at[ev.ID] = len(out)
			fresh[ev.ID] = true
			out = append(out, ev)
		}
	}
	// The events merged into one: those the query found, and the stored others merged into it.
	for id, to := range resolve {
		if _, ok := at[to]; !ok && len(fold[to]) == 0 || folded[id] || ev1 == nil {
			continue
		}
		if se, err := p.storedEvent(ctx, ev1, id, q.ByCoding); err == nil && se != nil && slices.Contains(q.Keys, se.Key) {
			if evs := p.dropDemoted([]dyad.Event{*se}); len(evs) == 1 {
				fold[to] = append(fold[to], evs[0])
			}
		}
	}
	for _, to := range slices.Sorted(maps.Keys(fold)) {
		touched[to] = true
		i, ok := get(to)
		if !ok {
			first := fold[to][0]
			first.ID = to
			first.Mentions = slices.Clone(first.Mentions)
			at[to] = len(out)
			fresh[to] = true
			out = append(out, first)
			i = at[to]
		}
		for _, ev := range fold[to] {
			foldIn(i, &ev)
		}
	}
	if len(touched) == 0 {
		return out, fresh, 0, nil
	}
	// What the pending records changed or added is found as the store would find it.
	return slices.DeleteFunc(out, func(ev dyad.Event) bool { return touched[ev.ID] && !candidate(&ev, q) }), fresh, 0, nil
}

// recentOnly bounds an answer to a question with CandidateQuery.Recent as the store does: of the events that
// hold a mention People keeps (namesOne), the Recent latest dated (by date, then the order of saving: the
// events that no store holds yet, fresh, are saved after the stored ones, in the order they came) and the
// Recent undated saved last. The stored events keep the order the store gave them.
func recentOnly(evs []dyad.Event, fresh map[string]bool, q dyad.CandidateQuery) []dyad.Event {
	people := make([]string, len(q.People))
	for i, id := range q.People {
		b, _ := json.Marshal(id) // as the stores spell it in a stored coding
		people[i] = string(b)
	}
	pos := make(map[string]int, len(evs))
	var dated, undated []dyad.Event
	for i, ev := range evs {
		if !slices.ContainsFunc(ev.Mentions, func(m dyad.EventMention) bool { return namesOne(&m, people) }) {
			continue
		}
		pos[ev.ID] = i
		if ev.Date != "" {
			dated = append(dated, ev)
		} else {
			undated = append(undated, ev)
		}
	}
	// Later saved first: fresh events by their place, after them the stored ones in the store's order.
	newer := func(a, b dyad.Event) int {
		fa, fb := fresh[a.ID], fresh[b.ID]
		switch {
		case fa != fb:
			if fa {
				return -1
			}
			return 1
		case fa:
			return cmp.Compare(pos[b.ID], pos[a.ID])
		}
		return cmp.Compare(pos[a.ID], pos[b.ID])
	}
	slices.SortStableFunc(dated, func(a, b dyad.Event) int {
		return cmp.Or(strings.Compare(string(b.Date), string(a.Date)), newer(a, b))
	})
	slices.SortStableFunc(undated, newer)
	return slices.Concat(dated[:min(len(dated), q.Recent)], undated[:min(len(undated), q.Recent)])
}

// namesOne reports whether a stored mention passes a question's People as the stores test it in SQL: undated,
// without a coding or without People, or a coding whose JSON spells one of people (ids as JSON strings).
func namesOne(m *dyad.EventMention, people []string) bool {
	if m.Date == "" || m.Coding == nil || m.Coding.People == nil {
		return true
	}
	b, err := json.Marshal(m.Coding)
	if err != nil {
		return true
	}
	return slices.ContainsFunc(people, func(p string) bool { return strings.Contains(string(b), p) })
}

// eventer is implemented by indexes that return one stored event with its mentions, as every dyad.Store does.
type eventer interface {
	Event(ctx context.Context, id string) (*dyad.Event, error)
}

// betterDate reports whether a's date replaces b's as the store decides: more precise, then stated over
// inferred, then earlier.
func betterDate(a, b *dyad.Event) bool {
	da, db := string(a.Date), string(b.Date)
	switch {
	case da == "":
		return false
	case db == "" || len(da) != len(db):
		return len(da) > len(db)
	case a.DateInferred != b.DateInferred:
		return !a.DateInferred
	}
	return da < db
}

// candidate reports whether the store's EventCandidates would return ev for q.
func candidate(ev *dyad.Event, q dyad.CandidateQuery) bool {
	if !slices.Contains(q.Keys, ev.Key) {
		return false
	}
	if d := string(ev.Date); d != "" {
		from := q.From
		return (from == "" || d >= from || d == from[:min(7, len(from))] || d == from[:min(4, len(from))]) &&
			(q.To == "" || d <= q.To+"~")
	}
	if !q.Undated {
		return false
	}
	if q.PublishedFrom == "" && q.PublishedTo == "" {
		return true
	}
	return slices.ContainsFunc(ev.Mentions, func(m dyad.EventMention) bool {
		return m.Date == "" && (m.Published == "" || m.Published >= q.PublishedFrom &&
			(q.PublishedTo == "" || m.Published <= q.PublishedTo+"~"))
	})
}

// demotesAny reports whether an unsaved record demotes the article of a mention of evs.
func (p *Pending) demotesAny(evs []dyad.Event) bool {
	p.mu.Lock()
	defer p.mu.Unlock()
	for i := range evs {
		if p.demotesLocked(&evs[i]) {
			return true
		}
	}
	return false
}

// demotesLocked reports whether an unsaved record demotes the article of a mention of ev. Under p.mu.
func (p *Pending) demotesLocked(ev *dyad.Event) bool {
	if len(p.demoted) == 0 {
		return false
	}
	return slices.ContainsFunc(ev.Mentions, func(m dyad.EventMention) bool { return p.demoted[m.ArticleID] != nil })
}

// dropDemoted leaves out of stored events the mentions of articles demoted by unsaved records, and the
// events left with none.
func (p *Pending) dropDemoted(evs []dyad.Event) []dyad.Event {
	p.mu.Lock()
	defer p.mu.Unlock()
	if len(p.demoted) == 0 {
		return evs
	}
	out := evs[:0]
	for _, ev := range evs {
		if p.demotesLocked(&ev) {
			ev.Mentions = slices.DeleteFunc(slices.Clone(ev.Mentions), func(m dyad.EventMention) bool {
				return p.demoted[m.ArticleID] != nil
			})
			if len(ev.Mentions) == 0 {
				continue
			}
			recountMentions(&ev)
		}
		out = append(out, ev)
	}
	return out
}

// recountMentions sets an event's counters from its mentions.
func recountMentions(ev *dyad.Event) {
	arts, srcs, langs := map[string]bool{}, map[string]bool{}, map[string]bool{}
	for _, m := range ev.Mentions {
		arts[m.ArticleID], srcs[m.Source], langs[m.Lang] = true, true, true
	}
	ev.NumMentions, ev.NumArticles, ev.NumSources = len(ev.Mentions), len(arts), len(srcs)
	ev.Languages = sortedKeys(langs)
}

// ClaimsByConcepts returns the stored claims that share a concept with concepts, with the pending claims.
func (p *Pending) ClaimsByConcepts(ctx context.Context, concepts []string) ([]dyad.Claim, error) {
	out, err := p.base.ClaimsByConcepts(ctx, concepts)
	if err != nil {
		return nil, err
	}
	for _, r := range p.snapshot() {
		for _, c := range r.Claims {
			for _, k := range c.Concepts {
				if slices.Contains(concepts, k) {
					out = append(out, c)
					break
				}
			}
		}
	}
	return out, nil
}

// Record returns a pending record, or asks the store.
func (p *Pending) Record(ctx context.Context, id string) (*dyad.Record, error) {
	p.mu.Lock()
	r := p.byID[id]
	p.mu.Unlock()
	if r != nil {
		return r, nil
	}
	rr, ok := p.base.(recorder)
	if !ok {
		return nil, errors.New("link: the index does not return records")
	}
	rec, err := rr.Record(ctx, id)
	if err != nil || rec == nil {
		return rec, err
	}
	p.mu.Lock()
	defer p.mu.Unlock()
	if into := p.demoted[id]; into != nil {
		return demotedCopy(rec, into.Article.ID), nil
	}
	if into := p.demoted[string(rec.Article.NearDuplicateOf)]; into != nil {
		c := *rec
		c.Article.NearDuplicateOf = dyad.NullString(into.Article.ID)
		return &c, nil
	}
	return rec, nil
}

// Article returns a pending article, or asks the store (for the article alone when it can), seen as Record
// sees it: a demoted copy points at its new original.
func (p *Pending) Article(ctx context.Context, id string) (*dyad.Article, error) {
	p.mu.Lock()
	r := p.byID[id]
	p.mu.Unlock()
	if r != nil {
		a := r.Article
		return &a, nil
	}
	var a *dyad.Article
	switch base := p.base.(type) {
	case articler:
		var err error
		if a, err = base.Article(ctx, id); err != nil || a == nil {
			return a, err
		}
	case recorder:
		rec, err := base.Record(ctx, id)
		if err != nil || rec == nil {
			return nil, err
		}
		a = &rec.Article
	default:
		return nil, errors.New("link: the index does not return articles")
	}
	p.mu.Lock()
	defer p.mu.Unlock()
	into := p.demoted[id]
	if into == nil {
		into = p.demoted[string(a.NearDuplicateOf)]
	}
	if into != nil {
		c := *a
		c.NearDuplicateOf = dyad.NullString(into.Article.ID)
		return &c, nil
	}
	return a, nil
}
